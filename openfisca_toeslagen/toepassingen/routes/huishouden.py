"""The routes of one household: its claims from the law layer, the decision, and the five routes laid out."""

import copy
import re

from openfisca_core import periods
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_toeslagen import CountryTaxBenefitSystem, geldigheid, reforms
from openfisca_toeslagen.entities import Huishouden
from openfisca_toeslagen.enums import UitkomstVerzoek
from openfisca_toeslagen.geld import euro_tekst
from openfisca_toeslagen.invoer.huishoudens import OngeldigBestand
from openfisca_toeslagen.invoer.situaties import controleer_invoer, een_huishouden, invoermaanden
from openfisca_toeslagen.toepassingen.routes.boek import Vordering
from openfisca_toeslagen.toepassingen.routes.overzicht import Overzicht
from openfisca_toeslagen.toepassingen.routes.regels import (DOORGETROKKEN, GELIJK, TE_VROEG, VOORSCHOTTEN, Regels, centen,
                                                          controleer_betalingstermijn, controleer_herziening, eerste_routedatum,
                                                          maand, maandnummer)
from openfisca_toeslagen.toepassingen.routes.soorten import alle_routes
from openfisca_toeslagen.variables.betalingsregeling import PERSOONLIJK, TOESLAGEN, standaardregeling, terugvorderingen
from openfisca_toeslagen.variables.persoon import ONBEKENDE_DATUM

MAAND = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def routes(situatie, periode=None, gemiste_maanden=(), hervormingen=(), beslagvrije_voet_bij_verrekening=False, tbs=None,
           herziening=GELIJK):
    """The overview of one household's claims and its five routes (amounts in cents).

    `tbs`: the system to use (with its reforms applied) instead of current law with `hervormingen`.
    `herziening`: what the review uses when no inputs are given for its month (`HERZIENINGEN`).
    """
    controleer_herziening(herziening)
    situatie, periode = een_huishouden(situatie, periode, "de routes")
    tbs = tbs or reforms.pas_toe(CountryTaxBenefitSystem(), hervormingen)
    controleer_invoer(situatie, tbs)
    _controleer(situatie, periode, gemiste_maanden)
    controleer_betalingstermijn(tbs)
    regels = Regels(tbs, periode)
    sim = SimulationBuilder().build_from_entities(tbs, situatie)
    vorderingen = _vorderingen(sim, periode, eerste_routedatum(tbs))
    start = max([maandnummer(periods.instant(periode).date)] + [v.vervalmaand for v in vorderingen if not v.niet_teruggevorderd])
    herzieningsmaand = maand(start + regels.herziening)  # the review falls twelve terms after the regeling starts
    eigen_invoer = herzieningsmaand in invoermaanden(situatie)
    if eigen_invoer or herziening == DOORGETROKKEN:  # the review month calculated too: on its inputs, or the request month's
        sim = SimulationBuilder().build_from_entities(tbs, _met_invoer_in(situatie, periode, herzieningsmaand))
    art_79_7 = tbs.parameters(periode).leidraad_invordering.art_79_7
    for v in vorderingen:
        if not v.niet_teruggevorderd:
            v.standaard_termijn, v.standaard_looptijd = (int(x) for x in standaardregeling(v.bedrag, art_79_7))
            v.voorschot = centen(_eerste(sim, VOORSCHOTTEN[v.toeslag], periode)) if v.toeslag in VOORSCHOTTEN else 0

    beslissing = _beslissing(sim, periode, start, regels, herzieningsmaand, eigen_invoer, herziening)
    persoonlijk = UitkomstVerzoek[beslissing["uitkomst"]] in PERSOONLIJK
    beslag = centen(_eerste(sim, "beslagruimte", periode))  # Rv art. 475d–475da
    ruimte = centen(_eerste(sim, "verrekenruimte", periode)) if beslagvrije_voet_bij_verrekening else None  # Leidraad 79.5a
    gemist = {maandnummer(periods.instant(m).date) for m in gemiste_maanden}
    eerste = min([maandnummer(v.beschikkingsdatum) for v in vorderingen] or [maandnummer(periods.instant(periode).date)])

    verdeling, over = {}, beslissing["termijn"]  # the personal term over the claims, the one due longest first
    for v in sorted((v for v in vorderingen if not v.niet_teruggevorderd), key=lambda v: (v.vervaldag, v.toeslag)):
        if persoonlijk:
            verdeling[v.toeslag] = min(over, v.bedrag)
            over -= verdeling[v.toeslag]
    return Overzicht(periode, vorderingen, beslissing["uitkomst"], beslissing["termijn"] if persoonlijk else 0, verdeling,
                     alle_routes(vorderingen, regels, eerste, gemist, beslag, ruimte, beslissing),
                     geldigheid.voorlopig_voor(sim, periode, 0), beslissing, herziening)


def _controleer(situatie, periode, gemiste_maanden):
    """Refuse a missed month that is no month, and a claim without its amount for the request month or without an amount."""
    for m in gemiste_maanden:
        if not isinstance(m, str) or not MAAND.fullmatch(m):
            raise OngeldigBestand(f"gemiste maand {m!r} is geen maand van de vorm JJJJ-MM")
    invoer = next(iter(situatie["huishoudens"].values()))
    for t in TOESLAGEN:
        bedragen, datum = invoer.get(f"terugvordering_{t}"), invoer.get(f"beschikkingsdatum_{t}")
        if isinstance(bedragen, dict) and bedragen and periode not in map(str, bedragen):
            raise OngeldigBestand(f"terugvordering_{t} is gegeven voor {', '.join(map(str, bedragen))}, niet voor de maand van het verzoek {periode}")
        if datum and not bedragen:
            raise OngeldigBestand(f"beschikkingsdatum_{t} is gegeven zonder terugvordering_{t}")


def _vorderingen(sim, periode, vanaf):
    """The claims of the household: amount, whether Awir art. 26a sets it on nil, beschikking and vervaldag (art. 28)."""
    bedragen, nihil = terugvorderingen(sim.populations[Huishouden.key], periods.period(periode))
    vorderingen = []
    for i, t in enumerate(TOESLAGEN):
        bedrag = int(bedragen[i][0])
        if not bedrag:
            continue
        datum = _eerste(sim, f"beschikkingsdatum_{t}", periode).astype(object)
        if datum == ONBEKENDE_DATUM:
            raise OngeldigBestand(f"beschikkingsdatum_{t} ontbreekt: nodig voor de routes van de terugvordering {t}")
        if datum < vanaf:
            raise OngeldigBestand(f"beschikkingsdatum_{t} {datum.isoformat()}: {TE_VROEG.format(vanaf=vanaf.isoformat())}")
        vervaldag = _eerste(sim, f"vervaldag_{t}", periode).astype(object)
        vorderingen.append(Vordering(t, bedrag, datum, vervaldag, bool(nihil[i][0])))
    return vorderingen


def _beslissing(sim, periode, start, regels, herzieningsmaand, eigen_invoer, herziening):
    """The decision on the persoonlijke regeling in cents, and its review after `regels.herziening` months (Leidraad 79.8)."""
    termijn = centen(_eerste(sim, "capaciteitstermijn", periode))
    beslissing = {"uitkomst": sim.calculate("uitkomst_verzoek", periode).decode_to_str()[0], "termijn": termijn,
                  "termijn_na_herziening": termijn, "uit_vermogen": centen(_eerste(sim, "direct_te_betalen_uit_vermogen", periode)),
                  "start": start, "looptijd": int(_eerste(sim, "looptijd_maanden", periode)),
                  "totaal_af_te_lossen": centen(_eerste(sim, "totaal_af_te_lossen", periode)),
                  "restschuld": centen(_eerste(sim, "restschuld_buiten_invordering", periode)),
                  "herziening_maand": herzieningsmaand}
    if eigen_invoer:
        beslissing["herziening_basis"] = f"op de invoer van {herzieningsmaand}"
    elif herziening == DOORGETROKKEN:
        beslissing["herziening_basis"] = f"geen invoer voor {herzieningsmaand} gegeven: de invoer van {periode} met de normen van {herzieningsmaand}"
    else:
        beslissing["herziening_basis"] = f"geen invoer voor {herzieningsmaand} gegeven"
    if eigen_invoer or herziening == DOORGETROKKEN:
        try:
            beslissing["termijn_na_herziening"] = centen(_eerste(sim, "capaciteitstermijn", herzieningsmaand))
        except ValueError as fout:
            beslissing["herziening_basis"] = f"niet te berekenen ({fout})"
    beslissing["herziening"] = (f"herziening na {regels.herziening} maanden (Leidraad 79.8): "
                                f"{euro_tekst(beslissing['termijn_na_herziening'])} per maand, {beslissing['herziening_basis']}")
    return beslissing


def _met_invoer_in(situatie, van, naar):
    """A copy in which every input given for `van` and not for `naar` is given for `naar` too."""
    kopie = copy.deepcopy(situatie)
    for groep in kopie.values():
        for leden in (groep.values() if isinstance(groep, dict) else []):
            for waarden in (leden.values() if isinstance(leden, dict) else []):
                if isinstance(waarden, dict) and van in waarden and naar not in waarden:
                    waarden[naar] = waarden[van]
    return kopie


def _eerste(sim, variabele, periode):
    return sim.calculate(variabele, periode)[0]

