"""Explain one household's amounts step by step, from the OpenFisca trace and the variables' and parameters' metadata.

    uitleg(situatie, "2025-01")

Nothing here is written per case: each step is a computed variable as the trace recorded it (its value, the
parameters its formula read, with the value and the date that value applies from) and the texts are the variable's
label, documentation and references. The order of the steps is the order a person follows; inputs the law does not
use (they never appear in the trace of the decision) are listed as such, with the variable's own explanation.
"""

from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_toeslagen import CountryTaxBenefitSystem
from openfisca_toeslagen.geldigheid import alle_parameters
from openfisca_toeslagen.situaties import een_huishouden

STAPPEN = (  # the order a person follows; what is in each step comes from the trace
    "inkomen", "aftrekbare_woonlasten", "normpremie_zorg", "aftrekbare_zorgpremie", "betalingen_belastingschulden", "betaalde_alimentatie",
    "aflossing_leningen_belastingschulden", "aftrekbare_energiekosten", "aftrekbare_vervoerskosten", "aftrekbare_uitgaven",
    "netto_besteedbaar_inkomen", "bijstandsnorm", "kosten_van_bestaan", "betalingscapaciteit", "capaciteitstermijn",
    "schuld", "standaard_termijnbedrag", "vermogen", "uitkomst_verzoek", "termijnbedrag", "looptijd_maanden",
    "totaal_af_te_lossen", "direct_te_betalen_uit_vermogen", "restschuld_buiten_invordering",
)
BESLISSING = ("uitkomst_verzoek", "termijnbedrag", "looptijd_maanden", "totaal_af_te_lossen",
              "direct_te_betalen_uit_vermogen", "restschuld_buiten_invordering")
NA_DE_REGELING = "vrij_besteedbaar_na_regeling"


def _knopen(trees):
    """Every traced node, depth first."""
    for knoop in trees:
        yield knoop
        yield from _knopen(knoop.children)


def _waarde(variabele, array):
    waarde = array[0]
    if variabele.value_type.__name__ == "Enum":
        return variabele.possible_values.encode(array).decode_to_str()[0]
    if variabele.value_type is float:
        return round(float(waarde), 2)
    return waarde.item() if hasattr(waarde, "item") else waarde


def _parameter(tbs, naam, instant, waarde):
    """A parameter as used: its value, the date that value applies from, and its source."""
    parameter = next(p for p in alle_parameters(tbs.parameters) if p.name == naam)
    geldend = next(v for v in parameter.values_list if v.instant_str <= str(instant))
    return {"naam": naam, "omschrijving": parameter.description, "waarde": waarde.item() if hasattr(waarde, "item") else waarde,
            "geldt_vanaf": geldend.instant_str, "bron": (geldend.metadata or {}).get("reference") or parameter.metadata.get("reference")}


def _links(reference):
    if not reference:
        return []
    return [reference] if isinstance(reference, str) else list(reference)


def _stap(tbs, knoop):
    variabele = tbs.variables[knoop.name]
    waarde = _waarde(variabele, knoop.value)
    gebruikt = {}
    for p in knoop.parameters:
        gebruikt.setdefault(p.name, p)
    # A choice among many amounts (the norm of Pw art. 20–22) reads them all; show the one(s) chosen.
    gekozen = [p for p in gebruikt.values() if isinstance(waarde, float) and abs(float(p.value) - waarde) < 0.005]
    return {
        "variabele": knoop.name,
        "omschrijving": variabele.label,
        "waarde": waarde,
        "eenheid": "euro per maand" if variabele.unit == "currency-EUR" else variabele.unit,
        "regel": " ".join((variabele.documentation or "").split()),
        "artikelen": _links(variabele.reference),
        "parameters": [_parameter(tbs, p.name, p.period, p.value) for p in (gekozen or gebruikt.values())],
    }


def uitleg(situatie, periode=None, tbs=None):
    """The steps of the decision for the one household of `situatie`, the ignored inputs, and what is left each month."""
    situatie, periode = een_huishouden(situatie, periode, "een uitleg")
    tbs = tbs or CountryTaxBenefitSystem()
    simulatie = SimulationBuilder().build_from_entities(tbs, situatie)
    simulatie.trace = True
    for variabele in BESLISSING:
        simulatie.calculate(variabele, periode)
    beslissing = {}
    for knoop in _knopen(simulatie.tracer.trees):  # the first node of a variable is its calculation, later ones read the cache
        if str(knoop.period) == periode:
            beslissing.setdefault(knoop.name, knoop)
    na_de_regeling = float(simulatie.calculate(NA_DE_REGELING, periode)[0])

    genegeerd = []
    for populatie in simulatie.populations.values():
        for naam, holder in sorted(populatie._holders.items()):
            variabele = holder.variable
            if variabele.formulas or naam in beslissing or variabele.value_type not in (float, bool):
                continue
            array = holder.get_array(periode)
            if array is not None and array.any():
                genegeerd.append({"variabele": naam, "omschrijving": variabele.label,
                                  "waarde": round(float(array.sum()), 2) if variabele.value_type is float else bool(array.any()),
                                  "waarom": " ".join((variabele.documentation or "telt niet mee in deze berekening").split()),
                                  "artikelen": _links(variabele.reference)})
    return {
        "periode": periode,
        "stappen": [_stap(tbs, beslissing[naam]) for naam in STAPPEN if naam in beslissing],
        "telt_niet_mee": genegeerd,
        "vrij_besteedbaar_na_regeling": round(na_de_regeling, 2),
    }
