"""Entities: the person and the household that asks Toeslagen for a payment arrangement."""

from openfisca_core.entities import build_entity

Persoon = build_entity(
    key="persoon",
    plural="personen",
    label="Persoon",
    doc="Een natuurlijk persoon: de aanvrager, diens toeslagpartner of een kind.",
    is_person=True,
)

Huishouden = build_entity(
    key="huishouden",
    plural="huishoudens",
    label="Huishouden",
    doc=(
        "Het huishouden van de belanghebbende die om een persoonlijke betalingsregeling vraagt: "
        "de aanvrager, diens toeslagpartner (Awir art. 3) en de kinderen."
    ),
    roles=[
        {
            "key": "aanvrager",
            "label": "Aanvrager",
            "max": 1,
            "doc": "De belanghebbende die om de betalingsregeling vraagt (precies één).",
        },
        {
            "key": "partner",
            "label": "Toeslagpartner",
            "max": 1,
            "doc": "De toeslagpartner van de aanvrager (Awir art. 3), ten hoogste één.",
        },
        {
            "key": "kind",
            "plural": "kinderen",
            "label": "Kind",
            "doc": "Kinderen die tot het huishouden behoren.",
        },
    ],
)

entities = [Huishouden, Persoon]
