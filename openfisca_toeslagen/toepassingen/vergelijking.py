"""Current law next to reforms: per household and per policy the outcome, and a summary per policy.

    vergelijk(situaties, ["kosten_van_bestaan_95", "inflatie_geindexeerde_norm+werkelijke_lasten"], "2025-01")

`situaties` is an OpenFisca situation (dict, as for the web API's /calculate), a `Huishoudens` table, or
a path to a .json situation or a .csv household table. A policy is a reform name, a .yaml/.json file of
parameter changes, or several joined with "+" (applied together, in that order).
"""

from dataclasses import dataclass, field
from pathlib import Path

import numpy
import pyarrow
import pyarrow.compute as pc
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_toeslagen import CountryTaxBenefitSystem, geld, geldigheid, reforms
from openfisca_toeslagen.invoer import bestanden, huishoudens
from openfisca_toeslagen.motor import gedeeld
from openfisca_toeslagen.toepassingen import routes
from openfisca_toeslagen.entities import Huishouden
from openfisca_toeslagen.enums import UitkomstVerzoek
from openfisca_toeslagen.invoer.situaties import controleer_invoer, controleer_maand, lees_json, zonder_vragen

GELDEND_RECHT = "geldend_recht"
UITVOER = ("schuld", "betalingscapaciteit", "termijnbedrag", "looptijd_maanden", "totaal_af_te_lossen",
           "direct_te_betalen_uit_vermogen", "restschuld_buiten_invordering", "uitkomst_verzoek",
           "vrij_besteedbaar_na_regeling", "berekening_voorlopig")
UITKOMSTEN = list(UitkomstVerzoek)
KENMERKEN = ("inkomsten_totaal", "huishoudtype")  # under current law: the groups of `effecten`
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
    invoer: object = None  # the household table the comparison read (`Huishoudens`), None for a situation
    kenmerken: dict = field(default_factory=dict)  # per household under current law: income and household type

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

    def _invoer_dataframe(self):
        """The household's inputs as a DataFrame, built once."""
        if getattr(self, "_invoer_df", None) is None:
            self._invoer_df = self.invoer.naar_dataframe().drop(columns=[huishoudens.ID])
        return self._invoer_df

    def _dataframe(self, beleid, met_invoer=True):
        """The rows of one policy: huishouden, beleid, the outcomes, then the household's inputs (and `synthetisch`)."""
        import pandas
        k = self.uitkomsten[beleid]
        kolommen = {"huishouden": self.huishoudens.astype(str), "beleid": numpy.full(len(self.huishoudens), beleid, dtype=object)}
        for naam in UITVOER:
            if naam == "uitkomst_verzoek":
                kolommen[naam] = pandas.Categorical.from_codes(k[naam], [u.name for u in UITKOMSTEN])
            elif naam == "looptijd_maanden":
                kolommen[naam] = k[naam].astype(numpy.int64)
            elif naam == "berekening_voorlopig":
                kolommen[naam] = k[naam].astype(bool)
            else:  # amounts to the cent, as float64
                kolommen[naam] = geld.centen(k[naam]) / 100
        uit = pandas.DataFrame(kolommen)
        if met_invoer and self.invoer is not None:
            uit = pandas.concat([uit, self._invoer_dataframe()], axis=1)
        return uit

    def naar_dataframe(self, met_invoer=True):
        """Tidy: one row per household × policy (current law first), the outcomes and, for a table, the household's
        inputs alongside and its `synthetisch` label (pandas nullable types: an empty cell is <NA>)."""
        import pandas
        return pandas.concat([self._dataframe(b, met_invoer) for b in self.beleid], ignore_index=True)

    def naar_bestand(self, pad):
        """`naar_dataframe` as .csv, .parquet or .xlsx, written policy by policy (a million households fit in memory);
        a text cell a spreadsheet would run as a formula is neutralised."""
        pad = Path(pad)
        if pad.suffix.lower() == ".parquet":
            import pyarrow.parquet as pq
            schrijver = None
            try:
                for b in self.beleid:
                    tabel = pyarrow.Table.from_pandas(self._dataframe(b), preserve_index=False)
                    schrijver = schrijver or pq.ParquetWriter(pad, tabel.schema)
                    schrijver.write_table(tabel)
            finally:
                if schrijver:
                    schrijver.close()
        elif pad.suffix.lower() == ".csv":
            import pyarrow.csv as pacsv
            schrijver = None
            try:
                for b in self.beleid:  # through pyarrow: a million rows a policy in seconds; dates as JJJJ-MM-DD
                    tabel = pyarrow.Table.from_pandas(bestanden.veilig(self._dataframe(b)), preserve_index=False)
                    tabel = pyarrow.table({naam: pc.cast(kolom, pyarrow.date32()) if pyarrow.types.is_timestamp(kolom.type) else kolom
                                           for naam, kolom in zip(tabel.column_names, tabel.columns)})
                    schrijver = schrijver or pacsv.CSVWriter(pad, tabel.schema, write_options=pacsv.WriteOptions(quoting_style="needed"))
                    schrijver.write_table(tabel)
            finally:
                if schrijver:
                    schrijver.close()
        else:
            bestanden.schrijf(self.naar_dataframe(), pad)

    naar_csv = naar_bestand

    def samenvatting(self):
        """The summary per policy (rows, current law first) as a pandas DataFrame: see `samenvattingen`."""
        import pandas
        return pandas.DataFrame.from_dict(self.samenvattingen(), orient="index").rename_axis("beleid")

    def effecten(self, referentie=GELDEND_RECHT):
        """Each policy against `referentie`, per decile of household income (`inkomsten_totaal` under current law: ten
        groups of (nearly) equal size among the households with a debt under current law or any policy, 1 the lowest,
        equal incomes in the same group) and per household type, and for all: the
        households, the mean change in termijnbedrag and in what remains each month, the shares paying less, more or
        the same, and the change in the totals (paid through the arrangements, from vermogen, left uncollected) and in
        the households left with less than € 0 and € 100. A pandas DataFrame, one row per policy and group."""
        import pandas
        from openfisca_toeslagen.enums import Huishoudtype
        basis = self.uitkomsten[referentie]
        # households with a debt under current law or under any policy (a policy may create one, e.g. a lower Awir 26a
        # threshold); the deciles over them, by income under current law, equal incomes in the same decile
        schuld = numpy.logical_or.reduce([k["schuld"] > 0 for k in self.uitkomsten.values()])
        inkomen = numpy.asarray(self.kenmerken["inkomsten_totaal"], dtype=numpy.float64)
        gesorteerd = numpy.sort(inkomen[schuld])
        rang = numpy.searchsorted(gesorteerd, inkomen, side="left")
        deciel = numpy.where(schuld, rang * 10 // max(1, len(gesorteerd)) + 1, 0)
        typen = list(Huishoudtype)
        groepen = [("alle", "alle huishoudens", schuld)]
        groepen += [("inkomensdeciel", str(d), schuld & (deciel == d)) for d in range(1, 11)]
        groepen += [("huishoudtype", t.value, schuld & (self.kenmerken["huishoudtype"] == t.index)) for t in typen]
        rijen = []
        totalen = ("totaal_af_te_lossen", "direct_te_betalen_uit_vermogen", "restschuld_buiten_invordering")
        for beleid in self.beleid:
            if beleid == referentie:
                continue
            k = self.uitkomsten[beleid]
            verschil = {naam: geld.centen(k[naam]) - geld.centen(basis[naam])  # per household, in cents
                        for naam in ("termijnbedrag", "vrij_besteedbaar_na_regeling", *totalen)}
            termijn, vrij = verschil["termijnbedrag"], verschil["vrij_besteedbaar_na_regeling"]
            for soort, groep, wie in groepen:
                n = int(wie.sum())
                som = lambda naam: float(verschil[naam][wie].sum()) / 100  # noqa: E731
                leeg = numpy.nan  # an empty group has no mean (not "no change")
                rijen.append({
                    "beleid": beleid, "titel": self.titels[beleid], "indeling": soort, "groep": groep, "huishoudens": n,
                    "inkomen_gemiddeld": float(inkomen[wie].mean()) if n else leeg,
                    "termijnbedrag_verschil_gemiddeld": float(termijn[wie].mean()) / 100 if n else leeg,
                    "aandeel_minder": float((termijn[wie] < 0).mean()) if n else leeg,
                    "aandeel_meer": float((termijn[wie] > 0).mean()) if n else leeg,
                    "aandeel_gelijk": float((termijn[wie] == 0).mean()) if n else leeg,
                    "vrij_besteedbaar_verschil_gemiddeld": float(vrij[wie].mean()) / 100 if n else leeg,
                    "totaal_afgelost_verschil": som("totaal_af_te_lossen"),
                    "totaal_uit_vermogen_verschil": som("direct_te_betalen_uit_vermogen"),
                    "totaal_niet_ingevorderd_verschil": som("restschuld_buiten_invordering"),
                    "onder_0_verschil": int((k["vrij_besteedbaar_na_regeling"][wie] < 0).sum() - (basis["vrij_besteedbaar_na_regeling"][wie] < 0).sum()),
                    "onder_100_verschil": int((k["vrij_besteedbaar_na_regeling"][wie] < 100).sum() - (basis["vrij_besteedbaar_na_regeling"][wie] < 100).sum()),
                })
        return pandas.DataFrame(rijen)

    def samenvattingen(self):
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


def _som_centen(bedragen):
    return float(geld.centen(bedragen).sum()) / 100


def _getal(naam, waarde):
    if naam == "berekening_voorlopig":
        return bool(waarde)
    return int(waarde) if naam == "looptijd_maanden" else round(float(waarde), 2)


def beleidssystemen(hervormingen, basis=None, bouw=None):
    """{policy name: tax-benefit system}: current law (`basis`, by default a new system) first, then each policy
    ("a+b" applies a and b; `bouw`, when given, builds a policy's system instead)."""
    basis = basis or CountryTaxBenefitSystem()
    systemen = {GELDEND_RECHT: basis}
    for beleid in hervormingen:
        if bouw is not None:
            tbs = bouw(beleid)
        else:
            delen = beleid if isinstance(beleid, (list, tuple)) else [beleid] if isinstance(beleid, type) else str(beleid).split("+")
            tbs = reforms.pas_toe(basis, delen)
        naam = tbs.full_key.replace(".", "+")
        if naam in systemen:
            raise reforms.OngeldigeHervorming(f"beleid {naam!r} staat er twee keer in")
        systemen[naam] = tbs
    return systemen


def _lees(situaties, tbs):
    """A situation (dict or .json) as it is; a table (.csv, .parquet, .xlsx, a DataFrame or a pyarrow Table) checked."""
    if isinstance(situaties, (str, Path)):
        pad = Path(situaties)
        if pad.suffix.lower() == ".json":
            return lees_json(pad)
        if pad.suffix.lower() not in bestanden.SOORTEN:
            raise huishoudens.OngeldigBestand(f"{pad}: verwacht een .json-situatie of een tabel als {', '.join(bestanden.SOORTEN)}")
        return bestanden.lees(pad, tbs)
    if isinstance(situaties, pyarrow.Table) or bestanden._is_dataframe(situaties):
        return bestanden.lees(situaties, tbs)
    return situaties


def vergelijk(situaties, hervormingen=(), periode="2025-01", voortgang=None, systemen=None, delen=True):
    """Compute every policy for every household; `voortgang(stappen)` is called after each block and policy.

    `systemen` (from `beleidssystemen`) may be given instead of `hervormingen`, to reuse built systems. With `delen`
    each policy reuses the values of current law it cannot change (`gedeeld`); the results are the same without.
    """
    systemen = systemen or beleidssystemen(hervormingen)
    invoer = _lees(situaties, systemen[GELDEND_RECHT])
    if isinstance(invoer, huishoudens.Huishoudens):
        blokken = [invoer.deel(b, b + BLOK) for b in range(0, len(invoer), BLOK)]
        ids = invoer.ids
        simulatie = lambda tbs, blok: huishoudens.simulatie(tbs, blok, periode)  # noqa: E731
    else:
        controleer_maand(invoer, periode)
        situatie = zonder_vragen(invoer)
        controleer_invoer(situatie, systemen[GELDEND_RECHT])
        ids = numpy.asarray(list(situatie.get(Huishouden.plural, {})) or ["huishouden"])
        blokken = [situatie]
        simulatie = lambda tbs, blok: SimulationBuilder().build_from_entities(tbs, blok)  # noqa: E731

    tabel = isinstance(invoer, huishoudens.Huishoudens)
    vergelijking = Vergelijking(periode, ids, titels={naam: reforms.titel(tbs) for naam, tbs in systemen.items()},
                                synthetisch=tabel and invoer.synthetisch, invoer=invoer if tabel else None)
    berekend = {}
    for naam, tbs in systemen.items():
        if routes.alleen_routes(tbs):
            vergelijking.alleen_routes[naam] = ALLEEN_ROUTES.format(titel=vergelijking.titels[naam], naam=naam)
        else:
            berekend[naam] = tbs
    stukken = {naam: {v: [] for v in UITVOER + (KENMERKEN if naam == GELDEND_RECHT else ())} for naam in berekend}
    voorlopig = {naam: {} for naam in berekend}
    for blok in blokken:  # per block: current law first, then each policy, sharing what it cannot change
        basis = None
        for naam, tbs in berekend.items():
            sim = simulatie(tbs, blok)
            gevraagd = list(stukken[naam])
            if naam == GELDEND_RECHT and delen and len(berekend) > 1:
                basis = gedeeld.Basis(sim, periode, gevraagd)
            elif basis is not None:
                basis.deel_met(sim)
            for v in gevraagd:
                stukken[naam][v].append(numpy.asarray(sim.calculate(v, periode)))
            for parameter, (tot, masker) in geldigheid.voorlopige_parameters(sim, periode).items():
                voorlopig[naam].setdefault(parameter, [tot, 0])[1] += int(masker.sum())
            if voortgang:
                voortgang(1)
    for naam, tbs in berekend.items():
        vergelijking.uitkomsten[naam] = {v: numpy.concatenate(stukken[naam].pop(v)) for v in UITVOER}
        vergelijking.kenmerken.update({v: numpy.concatenate(d) for v, d in stukken[naam].items()})
        vergelijking.voorlopig[naam] = [{"parameter": p, "omschrijving": geldigheid.omschrijving(tbs.parameters, p),
                                         "geverifieerd_tot": tot, "huishoudens": aantal}
                                        for p, (tot, aantal) in sorted(voorlopig[naam].items())]
    return vergelijking


def aantal_stappen(aantal_huishoudens, aantal_beleid):
    """Progress steps of a comparison: one per block of households per policy."""
    return max(1, -(-aantal_huishoudens // BLOK)) * aantal_beleid
