"""Entities: the person and the household that asks Toeslagen for a payment arrangement."""

from openfisca_core.entities import build_entity

Persoon = build_entity(
    key="persoon",
    plural="personen",
    label="Persoon",
    doc="Een natuurlijk persoon: de aanvrager, diens toeslagpartner, een kind of een medebewoner.",
    is_person=True,
)

Huishouden = build_entity(
    key="huishouden",
    plural="huishoudens",
    label="Huishouden",
    doc=(
        "Het huishouden van de belanghebbende die om een persoonlijke betalingsregeling vraagt: "
        "de aanvrager, diens toeslagpartner (Awir art. 3), de kinderen en de andere bewoners van de woning."
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
            "doc": "Kinderen van de aanvrager of de partner die tot het huishouden behoren.",
        },
        {
            "key": "kostendeler",
            "plural": "kostendelers",
            "label": "Medebewoner",
            "doc": (
                "Een ander die in dezelfde woning zijn hoofdverblijf heeft (ook een meerderjarig kind). Of hij "
                "kostendelende medebewoner is (Participatiewet art. 19a), volgt uit zijn leeftijd en gegevens."
            ),
        },
    ],
)

entities = [Huishouden, Persoon]
