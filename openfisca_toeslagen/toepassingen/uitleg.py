"""Explain one household's amounts step by step, from the OpenFisca trace and the variables' and parameters' metadata.

    uitleg(situatie, "2025-01")

Nothing here is written per case: each step is a computed variable as the trace recorded it (its value, the
parameters its formula read, with the value and the date that value applies from) and the texts are the variable's
label, documentation and references. The order of the steps is the order a person follows; inputs the law does not
use (they never appear in the trace of the decision) are listed as such, with the variable's own explanation.
Each step and each parameter says how sure the rule is (`zekerheid`); `onzeker` lists, in plain Dutch, every step
and parameter that was not read in a legal text, and `voorlopig` the amounts carried past their verified date.
"""

import numpy
from openfisca_core import periods
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_toeslagen import CountryTaxBenefitSystem, geldigheid, wetten, zekerheid
from openfisca_toeslagen.geldigheid import alle_parameters
from openfisca_toeslagen.invoer.situaties import controleer_invoer, een_huishouden
from openfisca_toeslagen.variables.voorlopig import BESLISSING

STAPPEN = (  # the order a person follows; what is in each step comes from the trace
    "inkomen", "aandeel_woonlasten", "aftrekbare_woonlasten", "normpremie_zorg", "aftrekbare_zorgpremie",
    "maximaal_kindgebonden_budget", "kosten_kinderen", "aftrekbare_kosten_kostgangers", "betalingen_belastingschulden",
    "betalingen_toeslagschulden", "betaalde_alimentatie", "aflossing_leningen_belastingschulden", "aftrekbare_energiekosten",
    "aftrekbare_vervoerskosten", "aftrekbare_uitgaven", "netto_besteedbaar_inkomen", "kostendelende_medebewoners",
    "aantal_kostendelers", "bijstandsnorm", "kosten_van_bestaan", "betalingscapaciteit", "capaciteitstermijn",
    "op_nihil_gestelde_terugvorderingen", "schuld", "standaard_termijnbedrag", "vermogen", "uitkomst_verzoek",
    "termijnbedrag", "looptijd_maanden", "totaal_af_te_lossen", "direct_te_betalen_uit_vermogen", "restschuld_buiten_invordering",
)
NA_DE_REGELING = "vrij_besteedbaar_na_regeling"


def _waarde(variabele, array):
    waarde = array[0]
    if variabele.value_type.__name__ == "Enum":
        return variabele.possible_values.encode(array).decode_to_str()[0]
    if variabele.value_type is float:
        return round(float(waarde), 2)
    return waarde.item() if hasattr(waarde, "item") else waarde


def _parameter(tbs, naam, instant, waarde):
    """A parameter as used: its value, the date that value applies from, its source and how sure it is."""
    parameter = next(p for p in alle_parameters(tbs.parameters) if p.name == naam)
    geldend = next(v for v in parameter.values_list if v.instant_str <= str(instant))
    bron = (geldend.metadata or {}).get("reference") or parameter.metadata.get("reference")
    href = bron.get("href") if isinstance(bron, dict) else bron
    return {"naam": naam, "omschrijving": parameter.description, "waarde": waarde.item() if hasattr(waarde, "item") else waarde,
            "eenheid": parameter.metadata.get("unit"), "geldt_vanaf": geldend.instant_str, "bron": bron,
            "bronnen": _bronnen(href),
            "zekerheid": zekerheid.van_parameter(parameter, instant).als_dict()}


def _links(reference):
    if not reference:
        return []
    return [reference] if isinstance(reference, str) else list(reference)


def _bronnen(reference):
    """Each link with its plain Dutch name (the law and the article)."""
    return [{"href": link, "naam": wetten.naam(link)} for link in _links(reference)]


def _stap(tbs, knoop):
    variabele = tbs.variables[knoop.name]
    waarde = _waarde(variabele, knoop.value)
    bron = zekerheid.van_variabele(variabele)
    return {
        "variabele": knoop.name,
        "omschrijving": variabele.label,
        "waarde": waarde,
        "waarde_tekst": variabele.possible_values[waarde].value if variabele.value_type.__name__ == "Enum" else None,
        "eenheid": "euro per maand" if variabele.unit == "currency-EUR" else variabele.unit,
        "regel": " ".join((variabele.documentation or "").split()),
        "artikelen": _links(variabele.reference),
        "bronnen": _bronnen(variabele.reference),
        "zekerheid": bron.als_dict() if bron else None,
        "parameters": _parameters(tbs, knoop),
    }


def _parameters(tbs, knoop):
    """The parameters a traced formula read (a choice among amounts reads only the one chosen), once each."""
    gebruikt = {}
    for p in knoop.parameters:
        gebruikt.setdefault((p.name, str(p.period)), p)
    return [_parameter(tbs, p.name, p.period, p.value) for p in gebruikt.values()]


def _doet_mee(simulatie, periode, variabele, array):
    """Whether a rule's reading decides something here: where the rule says where it decides (an age reached in this
    very month), there; otherwise wherever its value departs from the default."""
    beslist = zekerheid.beslist(variabele)
    if beslist is not None:
        return bool(numpy.asarray(beslist(simulatie.populations[variabele.entity.key], periods.period(periode))).any())
    standaard = variabele.default_value
    if variabele.value_type.__name__ == "Enum":
        return bool((array != standaard.index).any())
    return bool((array != standaard).any())


def _onzeker(tbs, simulatie, periode, beslissing):
    """Every rule (a traced formula whose reading decides something) and every amount read in the decision that is not
    `tekst`, once each, with its plain Dutch sentence."""
    onzeker = []
    for naam, knoop in beslissing.items():
        variabele = tbs.variables[naam]
        bron = zekerheid.van_variabele(variabele)
        if bron and not bron.zeker and _doet_mee(simulatie, periode, variabele, knoop.value):
            onzeker.append({"soort": "regel", "naam": naam, "omschrijving": variabele.label, **bron.als_dict()})
    gezien = set()
    for knoop in beslissing.values():
        for p in _parameters(tbs, knoop):
            if p["zekerheid"]["zekerheid"] != zekerheid.TEKST and p["naam"] not in gezien:
                gezien.add(p["naam"])
                onzeker.append({"soort": "bedrag", "naam": p["naam"], "omschrijving": p["omschrijving"], **p["zekerheid"]})
    return onzeker


def uitleg(situatie, periode=None, tbs=None):
    """The steps of the decision for the one household of `situatie`, the ignored inputs, and what is left each month."""
    situatie, periode = een_huishouden(situatie, periode, "een uitleg")
    tbs = tbs or CountryTaxBenefitSystem()
    controleer_invoer(situatie, tbs)
    simulatie = SimulationBuilder().build_from_entities(tbs, situatie)
    simulatie.trace = True
    for variabele in BESLISSING:
        simulatie.calculate(variabele, periode)
    beslissing = {}
    for knoop in simulatie.tracer.browse_trace():  # the first node of a variable is its calculation, later ones read the cache
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
                                  "artikelen": _links(variabele.reference), "bronnen": _bronnen(variabele.reference)})
    stappen = [_stap(tbs, beslissing[naam]) for naam in STAPPEN if naam in beslissing]
    voorlopig = geldigheid.voorlopig_voor(simulatie, periode, 0)
    return {
        "periode": periode,
        "berekening_voorlopig": bool(voorlopig),
        "voorlopig": voorlopig,
        "waarschuwing": geldigheid.waarschuwing(periode, voorlopig),
        "stappen": stappen,
        "onzeker": _onzeker(tbs, simulatie, periode, beslissing),
        "telt_niet_mee": genegeerd,
        "vrij_besteedbaar_na_regeling": round(na_de_regeling, 2),
    }
