"""Current law next to reforms: per household and per policy the outcome, and a summary per policy.

    vergelijk(situaties, ["kosten_van_bestaan_95", "inflatie_geindexeerde_norm+werkelijke_lasten"], "2025-01")

`situaties` is an OpenFisca situation (dict, as for the web API's /calculate), a `Huishoudens` table, or
a path to a .json situation or a .csv household table. A policy is a reform name, a .yaml/.json file of
parameter changes, or several joined with "+" (applied together, in that order).
"""

import csv
from dataclasses import dataclass, field
from pathlib import Path

import numpy
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_toeslagen import CountryTaxBenefitSystem, geldigheid, huishoudens, reforms, routes
from openfisca_toeslagen.entities import Huishouden
from openfisca_toeslagen.enums import UitkomstVerzoek
from openfisca_toeslagen.situaties import controleer_invoer, controleer_maand, lees_json, zonder_vragen

GELDEND_RECHT = "geldend_recht"
UITVOER = ("schuld", "betalingscapaciteit", "termijnbedrag", "looptijd_maanden", "totaal_af_te_lossen",
           "direct_te_betalen_uit_vermogen", "restschuld_buiten_invordering", "uitkomst_verzoek",
           "vrij_besteedbaar_na_regeling", "berekening_voorlopig")
UITKOMSTEN = list(UitkomstVerzoek)
ALLEEN_ROUTES = ("{titel} verandert alleen het proces (rente, gemiste betalingen), niet het termijnbedrag: de uitkomsten zijn "
                 "die van het geldende recht. Zie de routes: openfisca-toeslagen routes ... --hervorming {naam}")
BLOK = 250_000  # households per simulation: bounds memory and gives the progress bar its steps


@dataclass
class Vergelijking:
    """Outcomes per policy (in the order given, current law first), as columns over the same households."""

    periode: str
    huishoudens: numpy.ndarray
    uitkomsten: dict = field(default_factory=dict)
    titels: dict = field(default_factory=dict)  # policy name: short Dutch title
    synthetisch: bool = False  # the households are (partly) synthetic, see `populatie`
    # policy: [{parameter, omschrijving, geverifieerd_tot, huishoudens}] of the amounts carried past their verified date
    voorlopig: dict = field(default_factory=dict)
    alleen_routes: dict = field(default_factory=dict)  # process reforms, not computed here: policy name → why

    def waarschuwing(self, beleid=GELDEND_RECHT):
        """The Dutch warning on the amounts carried forward under `beleid`, or None."""
        lijst = self.voorlopig.get(beleid, [])
        tekst = geldigheid.waarschuwing(self.periode, lijst)
        if tekst and len(self.huishoudens) > 1:
            tekst += " Aantal huishoudens per bedrag: " + "; ".join(f"{v['parameter']} {v['huishoudens']}" for v in lijst) + "."
        return tekst

    @property
    def beleid(self):
        return list(self.uitkomsten)

    def rijen(self):
        """One dict per household and policy, as in the CSV output."""
        for beleid, kolommen in self.uitkomsten.items():
            for i, huishouden in enumerate(self.huishoudens):
                rij = {"huishouden": str(huishouden), "beleid": beleid}
                for naam in UITVOER:
                    waarde = kolommen[naam][i]
                    rij[naam] = UITKOMSTEN[waarde].name if naam == "uitkomst_verzoek" else _getal(naam, waarde)
                yield rij

    def naar_csv(self, pad):
        """One row per household and policy; a text cell a spreadsheet would run as a formula is neutralised."""
        with open(pad, "w", newline="", encoding="utf-8") as bestand:
            schrijver = csv.DictWriter(bestand, fieldnames=["huishouden", "beleid", *UITVOER])
            schrijver.writeheader()
            schrijver.writerows({k: veilige_cel(v) for k, v in rij.items()} for rij in self.rijen())

    def samenvatting(self):
        """Per policy: counts per uitkomst, termijnbedrag mean/median, totals, and who keeps < € 0 and < € 100.

        Means, medians and the shares below € 0 / € 100 are over the households with a debt; totals are sums:
        paid through the arrangements, paid at once from vermogen, and left uncollected (for a persoonlijke
        regeling the three add up to the debt; a refused request keeps the whole debt under the arrangement).
        """
        resultaat = {}
        for beleid, k in self.uitkomsten.items():
            schuld = k["schuld"] > 0
            met_schuld = int(schuld.sum())
            vrij = k["vrij_besteedbaar_na_regeling"][schuld]
            termijn = k["termijnbedrag"][schuld]
            resultaat[beleid] = {
                "huishoudens": len(self.huishoudens),
                "met_schuld": met_schuld,
                **{f"uitkomst_{u.name}": int((k["uitkomst_verzoek"] == u.index).sum()) for u in UitkomstVerzoek},
                "termijnbedrag_gemiddeld": _som_centen(termijn) / met_schuld if met_schuld else 0.0,
                "termijnbedrag_mediaan": float(numpy.median(termijn)) if met_schuld else 0.0,
                "totaal_afgelost": _som_centen(k["totaal_af_te_lossen"]),
                "totaal_uit_vermogen": _som_centen(k["direct_te_betalen_uit_vermogen"]),
                "totaal_niet_ingevorderd": _som_centen(k["restschuld_buiten_invordering"]),
                "onder_0": int((vrij < 0).sum()),
                "aandeel_onder_0": float((vrij < 0).mean()) if met_schuld else 0.0,
                "onder_100": int((vrij < 100).sum()),
                "aandeel_onder_100": float((vrij < 100).mean()) if met_schuld else 0.0,
                "voorlopig": int(k["berekening_voorlopig"].sum()),
            }
        return resultaat


FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")


def veilige_cel(waarde):
    """A text cell that starts like a spreadsheet formula (= + - @, tab, CR) gets a leading apostrophe, so a spreadsheet
    shows it as text instead of running it (CSV injection); numbers stay numbers."""
    if isinstance(waarde, str) and waarde.startswith(FORMULETEKENS):
        return "'" + waarde
    return waarde


def _som_centen(bedragen):
    return float(numpy.floor(numpy.asarray(bedragen, dtype=numpy.float64) * 100 + 0.5).sum()) / 100


def _getal(naam, waarde):
    if naam == "berekening_voorlopig":
        return bool(waarde)
    return int(waarde) if naam == "looptijd_maanden" else round(float(waarde), 2)


def beleidssystemen(hervormingen):
    """{policy name: tax-benefit system}: current law first, then each policy ("a+b" applies a and b)."""
    basis = CountryTaxBenefitSystem()
    systemen = {GELDEND_RECHT: basis}
    for beleid in hervormingen:
        delen = beleid if isinstance(beleid, (list, tuple)) else str(beleid).split("+")
        tbs = reforms.pas_toe(basis, delen)
        naam = tbs.full_key.replace(".", "+")
        if naam in systemen:
            raise reforms.OngeldigeHervorming(f"beleid {naam!r} staat er twee keer in")
        systemen[naam] = tbs
    return systemen


def _lees(situaties, tbs):
    if isinstance(situaties, (str, Path)):
        pad = Path(situaties)
        if pad.suffix == ".csv":
            return huishoudens.lees_csv(pad, tbs)
        if pad.suffix != ".json":
            raise huishoudens.OngeldigBestand(f"{pad}: verwacht een .json-situatie of een .csv-tabel")
        return lees_json(pad)
    return situaties


def vergelijk(situaties, hervormingen=(), periode="2025-01", voortgang=None, systemen=None):
    """Compute every policy for every household; `voortgang(stappen)` is called after each block.

    `systemen` (from `beleidssystemen`) may be given instead of `hervormingen`, to reuse built systems.
    """
    systemen = systemen or beleidssystemen(hervormingen)
    invoer = _lees(situaties, systemen[GELDEND_RECHT])
    if isinstance(invoer, huishoudens.Huishoudens):
        blokken = [invoer.deel(b, b + BLOK) for b in range(0, len(invoer), BLOK)]
        ids = invoer.ids

        def simulaties(tbs):
            for blok in blokken:
                yield huishoudens.simulatie(tbs, blok, periode)
    else:
        controleer_maand(invoer, periode)
        situatie = zonder_vragen(invoer)
        controleer_invoer(situatie, systemen[GELDEND_RECHT])
        ids = numpy.asarray(list(situatie.get(Huishouden.plural, {})) or ["huishouden"])

        def simulaties(tbs):
            yield SimulationBuilder().build_from_entities(tbs, situatie)

    vergelijking = Vergelijking(periode, ids, titels={naam: reforms.titel(tbs) for naam, tbs in systemen.items()},
                                synthetisch=isinstance(invoer, huishoudens.Huishoudens) and invoer.synthetisch)
    for naam, tbs in systemen.items():
        if routes.alleen_routes(tbs):
            vergelijking.alleen_routes[naam] = ALLEEN_ROUTES.format(titel=vergelijking.titels[naam], naam=naam)
            continue
        delen = {v: [] for v in UITVOER}
        voorlopig = {}
        for sim in simulaties(tbs):
            for v in UITVOER:
                delen[v].append(numpy.asarray(sim.calculate(v, periode)))
            for parameter, (tot, masker) in geldigheid.voorlopige_parameters(sim, periode).items():
                voorlopig.setdefault(parameter, [tot, 0])[1] += int(masker.sum())
            if voortgang:
                voortgang(1)
        vergelijking.uitkomsten[naam] = {v: numpy.concatenate(d) for v, d in delen.items()}
        vergelijking.voorlopig[naam] = [{"parameter": p, "omschrijving": geldigheid.omschrijving(tbs.parameters, p),
                                         "geverifieerd_tot": tot, "huishoudens": aantal}
                                        for p, (tot, aantal) in sorted(voorlopig.items())]
    return vergelijking


def aantal_stappen(aantal_huishoudens, aantal_beleid):
    """Progress steps of a comparison: one per block of households per policy."""
    return max(1, -(-aantal_huishoudens // BLOK)) * aantal_beleid
