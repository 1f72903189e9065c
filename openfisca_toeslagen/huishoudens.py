"""A table of households (one row each), read from CSV, and the OpenFisca simulation built from it.

Columns (all optional except ``aanvrager_geboortedatum``; an empty cell means the variable's default):

- ``huishouden``: an identifier, unique; the row number when the column is absent.
- ``aanvrager_geboortedatum`` (JJJJ-MM-DD); ``partner_geboortedatum``: filled in when there is a partner.
- ``kind1_geboortedatum`` ... ``kind20_geboortedatum``: one column per child (role ``kind``), filled in when there is
  that child; ``kostendeler1_geboortedatum`` ... ``kostendeler10_geboortedatum``: one per housemate (role
  ``kostendeler``), with ``kostendeler1_volgt_onderwijs_met_studiefinanciering``,
  ``kostendeler1_commerciele_overeenkomst`` and ``kostendeler1_opgenomen_in_inrichting`` (Pw art. 19a).
- ``synthetisch``: ja/nee, a label for rows that are not real households (see `populatie`).
- every input variable of the household by its own name (``huur``, ``terugvordering_huurtoeslag``,
  ``beschikkingsdatum_huurtoeslag``, ...);
- every monthly input variable of a person the rules read for its role (`PER_ROL`), prefixed by the person
  (``aanvrager_netto_inkomen``, ``partner_netto_inkomen``, ``kind2_netto_inkomen``, ...); a housemate's income is
  not read, so ``kostendeler1_netto_inkomen`` is an error that says so.

Amounts are euros per month: digits with a decimal point and at most two decimals, below a billion;
dates from 1900; whole numbers are ASCII digits; yes/no columns take ja/nee, true/false or 1/0. Rows without any
value are skipped. Every value lands in the simulation: an unknown column, a value that cannot be read, a value of a
person without that person's geboortedatum (so without that person), or a row of the wrong length is an error naming
the row (as numbered in a spreadsheet: the header is row 1) and the column.
"""

import csv
import datetime
import difflib
import gc
import re
from dataclasses import dataclass, field

import numpy
from openfisca_core.periods import DateUnit
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_toeslagen import geld
from openfisca_toeslagen.entities import Huishouden

ID = "huishouden"
LABEL = "synthetisch"  # ja/nee: marks rows that are not real households; carried to the output, not a variable
MAX_KINDEREN, MAX_MEDEBEWONERS = 20, 10  # sanity bounds on the input, not legal figures
MAX_GETAL = 1_000  # idem, for whole numbers such as days or kostgangers
MAX_BEDRAG = geld.MAX_BEDRAG  # amounts per month below a billion euros keep every cent exact
# The persons of a row, each with the role index OpenFisca gives it: (column prefix, role index).
PERSONEN = (("aanvrager", 0), ("partner", 1), *((f"kind{i}", 2) for i in range(1, MAX_KINDEREN + 1)),
            *((f"kostendeler{i}", 3) for i in range(1, MAX_MEDEBEWONERS + 1)))
VERVALLEN = {"aantal_kinderen": "geef per kind een kolom kind1_geboortedatum, kind2_geboortedatum, ... (de leeftijd "
                                "bepaalt het kindgebonden budget, URI art. 15 lid 1 g)"}
# The person inputs the rules read for each role (a column for another one would be silently ignored): children's
# income counts only in what is left after the arrangement; a housemate counts by age and the exceptions of Pw art.
# 19a, his income never; commerciele_overeenkomst is one of those exceptions, for a housemate only.
INKOMSTEN = ("netto_inkomen", "aanspraak_op_vakantiegeld", "vakantiegeld_bekend", "werkelijk_vakantiegeld",
             "ontvangen_alimentatie", "overige_inkomsten", "kinderbijslag", "voorlopige_teruggaaf")
PER_ROL = {
    "aanvrager": ("geboortedatum", *INKOMSTEN, "volgt_onderwijs_met_studiefinanciering", "opgenomen_in_inrichting"),
    "partner": ("geboortedatum", *INKOMSTEN, "volgt_onderwijs_met_studiefinanciering", "opgenomen_in_inrichting"),
    "kind": ("geboortedatum", *INKOMSTEN),
    "kostendeler": ("geboortedatum", "volgt_onderwijs_met_studiefinanciering", "commerciele_overeenkomst",
                    "opgenomen_in_inrichting"),
}
BEDRAG = re.compile(r"\d+(\.\d*)?|\.\d+")
DATUM = re.compile(r"(\d{4})-\d{2}-\d{2}")
EERSTE_JAAR = 1900
JA = {"ja", "j", "true", "waar", "1", "yes"}
NEE = {"nee", "n", "false", "onwaar", "0", "no"}
MAX_FOUTEN = 10


class OngeldigBestand(ValueError):
    """A household table that cannot be used as it is; the message names rows and columns."""


@dataclass
class Huishoudens:
    """Households as columns: ids, per-column values and which cells were filled in."""

    ids: numpy.ndarray
    waarden: dict = field(default_factory=dict)
    ingevuld: dict = field(default_factory=dict)
    voorbereid: tuple = field(default=None, repr=False)  # persons and input arrays, filled by `simulatie`

    def __len__(self):
        return len(self.ids)

    def kolom(self, naam, standaard):
        """Values of a column with `standaard` in the empty cells (or everywhere if the column is absent)."""
        if naam not in self.waarden:
            return numpy.full(len(self), standaard)
        return numpy.where(self.ingevuld[naam], self.waarden[naam], numpy.asarray(standaard, dtype=self.waarden[naam].dtype))

    @property
    def synthetisch(self):
        """Whether any row is marked synthetic (column `synthetisch`)."""
        return bool(self.kolom(LABEL, False).any())

    def aanwezig(self, persoon):
        """Rows with this person (prefix such as ``partner`` or ``kind2``): its geboortedatum is filled in."""
        return self.ingevuld.get(f"{persoon}_geboortedatum", numpy.zeros(len(self), dtype=bool))

    def rijen(self, index):
        """The rows at `index` (positions) as a table of their own."""
        return Huishoudens(self.ids[index], {k: v[index] for k, v in self.waarden.items()},
                           {k: v[index] for k, v in self.ingevuld.items()})

    def deel(self, begin, eind):
        """Rows begin..eind-1 as a table of their own."""
        return Huishoudens(self.ids[begin:eind], {k: v[begin:eind] for k, v in self.waarden.items()},
                           {k: v[begin:eind] for k, v in self.ingevuld.items()})


def kolommen(tbs):
    """{column: (variable name, role or None)} for every column a household table may have."""
    spec = {LABEL: (LABEL, None)}
    for naam, variabele in sorted(tbs.variables.items()):
        if variabele.formulas or variabele.is_neutralized:
            continue
        if variabele.entity.key == Huishouden.key:
            spec[naam] = (naam, None)
        elif variabele.entity.is_person:
            for persoon, _ in PERSONEN:
                if naam in PER_ROL[_rol(persoon)]:
                    spec[f"{persoon}_{naam}"] = (naam, persoon)
    return spec


def _rol(persoon):
    """'kind3' -> 'kind', 'kostendeler1' -> 'kostendeler'."""
    return persoon.rstrip("0123456789")


def _niet_voor_rol(naam, tbs):
    """For a column like kostendeler1_netto_inkomen: why the rules do not read it, or None."""
    for persoon, _ in PERSONEN:
        variabele = naam[len(persoon) + 1:] if naam.startswith(f"{persoon}_") else None
        if variabele in tbs.variables and variabele not in PER_ROL[_rol(persoon)]:
            return (f"de regels lezen {variabele} niet voor een {_rol(persoon)}; kolommen voor een {_rol(persoon)}: "
                    + ", ".join(PER_ROL[_rol(persoon)]))
    return None


def _soort(naam, tbs):
    return bool if naam == LABEL else tbs.variables[naam].value_type


def _fouten_melden(fouten):
    if fouten:
        meer = f"\n... en nog {len(fouten) - MAX_FOUTEN} fouten" if len(fouten) > MAX_FOUTEN else ""
        raise OngeldigBestand("\n".join(fouten[:MAX_FOUTEN]) + meer)


def _onjuiste_bedragen(bedragen):
    """Mask of amounts that are not finite, negative, too large, or have more than two decimals."""
    centen = bedragen * 100
    return ~(numpy.isfinite(bedragen) & (bedragen >= 0) & (bedragen < MAX_BEDRAG)
             & (numpy.abs(centen - numpy.round(centen)) <= 1e-6))


def _lees_cel(soort, cel):
    """(value, None) for a readable non-empty cell, else (None, why not)."""
    if soort is bool:
        if cel.lower() in JA | NEE:
            return cel.lower() in JA, None
        return None, f"{cel!r} is geen ja of nee"
    if soort is datetime.date:
        vorm = DATUM.fullmatch(cel)
        try:
            if vorm and int(vorm.group(1)) >= EERSTE_JAAR:
                return datetime.date.fromisoformat(cel), None
        except ValueError:
            pass
        return None, f"{cel!r} is geen datum van de vorm JJJJ-MM-DD (vanaf {EERSTE_JAAR})"
    if soort is int:
        if cel.isascii() and cel.isdigit() and int(cel) <= MAX_GETAL:
            return int(cel), None
        return None, f"{cel!r} is geen geheel getal van 0 tot en met {MAX_GETAL}"
    if "," in cel:
        return None, f"{cel!r}: gebruik een punt als decimaalteken en geen scheidingstekens voor duizendtallen"
    if cel.startswith("-"):
        return None, f"{cel!r}: een bedrag mag niet negatief zijn"
    if not BEDRAG.fullmatch(cel):
        return None, f"{cel!r} is geen bedrag (alleen cijfers en een decimaalpunt)"
    if _onjuiste_bedragen(numpy.array([float(cel)]))[0]:
        return None, f"{cel!r} moet een bedrag van 0 tot € 1.000.000.000 zijn, met ten hoogste twee decimalen"
    return float(cel), None


def _lees_kolom(kolom, soort, cellen, rijnummers, fouten):
    """Parse one column's non-empty cells; append 'rij N, kolom K: ...' errors. Returns (values, filled)."""
    cellen = [c.strip() for c in cellen]
    ingevuld = numpy.array([c != "" for c in cellen], dtype=bool)
    waarden = numpy.zeros(len(cellen), dtype={float: numpy.float64, int: numpy.int64, bool: bool,
                                               datetime.date: "datetime64[D]"}[soort])
    if soort is float and set("".join(cellen)) <= set("0123456789."):
        # fast path for the many amount columns: all at once, cell by cell only when one is bad
        try:
            bedragen = numpy.array([float(c) for c in cellen if c], dtype=numpy.float64)
            if not _onjuiste_bedragen(bedragen).any():
                waarden[ingevuld] = bedragen
                return waarden, ingevuld
        except ValueError:
            pass
    for i in numpy.flatnonzero(ingevuld):
        waarde, fout = _lees_cel(soort, cellen[i])
        if fout:
            fouten.append(f"rij {rijnummers[i]}, kolom {kolom}: {fout}")
        else:
            waarden[i] = waarde
    return waarden, ingevuld


def lees_csv(pad, tbs, voortgang=None):
    """Read and check a household CSV file (comma-separated, UTF-8, header row).

    `voortgang(rijen)` is called every 10,000 rows read. Rows without any value are skipped.
    """
    # Millions of small strings trigger the cyclic garbage collector over and over; none of them form cycles.
    aan = gc.isenabled()
    gc.disable()
    try:
        return _lees_csv(pad, tbs, voortgang)
    finally:
        if aan:
            gc.enable()


def _lees_csv(pad, tbs, voortgang):
    try:
        with open(pad, newline="", encoding="utf-8-sig") as bestand:
            lezer = csv.reader(bestand)
            kop = next(lezer, None)
            rijen, rijnummers = [], []
            for nummer, rij in enumerate(lezer, start=2):  # the spreadsheet's row number (header: row 1)
                if "".join(rij).strip():
                    rijen.append(rij)
                    rijnummers.append(nummer)
                if voortgang and nummer % 10_000 == 0:
                    voortgang(10_000)
    except OSError as fout:
        raise OngeldigBestand(f"{pad}: kan het bestand niet lezen ({fout.strerror})") from None
    except (UnicodeDecodeError, csv.Error) as fout:
        raise OngeldigBestand(f"{pad}: geen leesbaar CSV-bestand in UTF-8 ({fout})") from None
    if not kop:
        raise OngeldigBestand(f"{pad}: het bestand is leeg; de eerste rij moet de kolomnamen bevatten")
    if not rijen:
        raise OngeldigBestand(f"{pad}: geen huishoudens (alleen een kopregel)")
    return uit_rijen([k.strip() for k in kop], rijen, rijnummers, tbs, str(pad))


def uit_rijen(kop, rijen, rijnummers, tbs, bron="tabel"):
    """Check a header and rows of text cells and turn them into `Huishoudens`."""
    spec = kolommen(tbs)
    fouten = []
    for i, naam in enumerate(kop):
        if naam in VERVALLEN:
            fouten.append(f"{bron}: kolom {i + 1} {naam!r} bestaat niet meer: {VERVALLEN[naam]}")
        elif naam != ID and naam not in spec and _niet_voor_rol(naam, tbs):
            fouten.append(f"{bron}: kolom {i + 1} {naam!r}: {_niet_voor_rol(naam, tbs)}")
        elif naam != ID and naam not in spec:
            suggestie = difflib.get_close_matches(naam, [ID, *spec], n=1)
            hint = f"; bedoelt u {suggestie[0]!r}?" if suggestie else ""
            fouten.append(f"{bron}: kolom {i + 1} {naam!r} is onbekend{hint}")
        elif kop.count(naam) > 1 and kop.index(naam) == i:
            fouten.append(f"{bron}: kolom {naam!r} staat er meer dan één keer in")
    if "aanvrager_geboortedatum" not in kop:
        fouten.append(f"{bron}: de kolom 'aanvrager_geboortedatum' ontbreekt (verplicht)")
    for rij, nummer in zip(rijen, rijnummers):
        if len(rij) != len(kop):
            fouten.append(f"rij {nummer}: {len(rij)} cellen, de kopregel heeft {len(kop)} kolommen")
    _fouten_melden(fouten)

    n = len(rijen)
    cellen = dict(zip(kop, zip(*rijen)))
    rijen.clear()  # the columns hold the same strings; free the row lists early (large files)
    if ID in cellen:
        ids = numpy.char.strip(numpy.asarray(cellen.pop(ID), dtype=str))
        for i in numpy.flatnonzero(ids == ""):
            fouten.append(f"rij {rijnummers[i]}, kolom {ID}: leeg")
        uniek, eerste, aantallen = numpy.unique(ids, return_index=True, return_counts=True)
        for waarde, aantal in zip(uniek[aantallen > 1], aantallen[aantallen > 1]):
            fouten.append(f"kolom {ID}: {str(waarde)!r} komt {aantal} keer voor")
    else:
        ids = numpy.asarray([str(nummer) for nummer in rijnummers])
    tabel = Huishoudens(ids)
    for kolom in list(cellen):
        kolomcellen = cellen.pop(kolom)
        naam, _ = spec[kolom]
        soort = _soort(naam, tbs)
        tabel.waarden[kolom], tabel.ingevuld[kolom] = _lees_kolom(kolom, soort, kolomcellen, rijnummers, fouten)
    for i in numpy.flatnonzero(~tabel.ingevuld["aanvrager_geboortedatum"]):
        fouten.append(f"rij {rijnummers[i]}, kolom aanvrager_geboortedatum: leeg (verplicht)")
    for kolom in kop:
        persoon = spec[kolom][1] if kolom in spec else None
        if persoon not in (None, "aanvrager") and kolom != f"{persoon}_geboortedatum":
            for i in numpy.flatnonzero(tabel.ingevuld[kolom] & ~tabel.aanwezig(persoon)):
                fouten.append(f"rij {rijnummers[i]}, kolom {kolom}: ingevuld, maar zonder {persoon}_geboortedatum is er geen {persoon}")
    _fouten_melden(fouten)
    assert len(tabel) == n
    return tabel


def _leden(tabel):
    """Persons of the table, in the order of PERSONEN per row: ids, household row and role index of each, and per
    person prefix the persons' positions and their rows."""
    ids = numpy.asarray(tabel.ids, dtype=str)
    delen, plaatsen, begin = [], {}, 0
    for persoon, rol in PERSONEN:
        rijen = numpy.arange(len(tabel)) if persoon == "aanvrager" else numpy.flatnonzero(tabel.aanwezig(persoon))
        if len(rijen):
            naam = ids[rijen] if persoon == "aanvrager" else numpy.char.add(ids[rijen], f"/{persoon}")
            delen.append((naam, rijen, numpy.full(len(rijen), rol)))
            plaatsen[persoon] = (begin + numpy.arange(len(rijen)), rijen)
            begin += len(rijen)
    persoon_ids, huishouden_van, rollen = (numpy.concatenate(d) for d in zip(*delen))
    return persoon_ids, huishouden_van, rollen, plaatsen


def _invoer(tbs, tabel, plaatsen, aantal_personen):
    """{variable: values} for every input column; a person variable gets one array over all persons."""
    per_variabele = {}
    for kolom, (naam, persoon) in kolommen(tbs).items():
        if kolom in tabel.waarden and naam != LABEL:
            per_variabele.setdefault(naam, []).append((kolom, persoon))
    invoer = {}
    for naam, kolommen_ in per_variabele.items():
        standaard = tbs.variables[naam].default_value
        if kolommen_[0][1] is None:
            invoer[naam] = tabel.kolom(naam, standaard)
            continue
        waarden = None
        for kolom, persoon in kolommen_:
            deel = tabel.kolom(kolom, standaard)
            if waarden is None:
                waarden = numpy.full(aantal_personen, numpy.asarray(standaard, dtype=deel.dtype))
            if persoon in plaatsen:
                posities, rijen = plaatsen[persoon]
                waarden[posities] = deel[rijen]
        invoer[naam] = waarden
    return invoer


ROLLEN = {"aanvrager": "aanvrager", "partner": "partner", "kind": "kinderen", "kostendeler": "kostendelers"}


def situatie(tbs, tabel, rij, periode):
    """The OpenFisca situation of row `rij` of the table (one household, its inputs for `periode`): to explain or lay
    out the routes of one household of a population with the one-household tools."""
    huishouden = str(tabel.ids[rij])
    personen, groep = {}, {}
    for kolom, (naam, persoon) in kolommen(tbs).items():
        if naam == LABEL or kolom not in tabel.waarden or not tabel.ingevuld[kolom][rij]:
            continue
        waarde = tabel.waarden[kolom][rij].item()  # numpy → Python: datetime64[D] gives a date
        if isinstance(waarde, datetime.date):
            waarde = waarde.isoformat()
        eeuwig = tbs.variables[naam].definition_period == DateUnit.ETERNITY
        invoer = {"ETERNITY" if eeuwig else periode: waarde}
        if persoon is None:
            groep[naam] = invoer
            continue
        sleutel = f"{huishouden}/{persoon}"
        personen.setdefault(sleutel, {})[naam] = invoer
        rol = ROLLEN[_rol(persoon)]
        if sleutel not in groep.get(rol, []):
            groep.setdefault(rol, []).append(sleutel)
    return {"personen": personen, "huishoudens": {huishouden: groep}}


def simulatie(tbs, tabel, periode):
    """An OpenFisca simulation of the households in `tabel`, with their inputs set for `periode`.

    The persons and input arrays are prepared once per table and shared by the simulations of every
    policy (inputs are never modified by a calculation).
    """
    if tabel.voorbereid is None:
        persoon_ids, huishouden_van, rollen, plaatsen = _leden(tabel)
        tabel.voorbereid = (persoon_ids, huishouden_van, rollen, _invoer(tbs, tabel, plaatsen, len(persoon_ids)))
    persoon_ids, huishouden_van, rollen, invoer = tabel.voorbereid

    bouwer = SimulationBuilder()
    bouwer.create_entities(tbs)
    # Ids and membership set directly: declare_* would copy the ids through a Python list, and
    # join_with_persons maps through the sorted ids; here membership is by row index.
    personen, huishoudens = bouwer.populations["persoon"], bouwer.populations[Huishouden.key]
    personen.ids, personen.count = persoon_ids, len(persoon_ids)
    huishoudens.ids, huishoudens.count = numpy.asarray(tabel.ids, dtype=str), len(tabel)
    huishoudens.members_entity_id = huishouden_van
    huishoudens.members_role = numpy.array(huishoudens.entity.flattened_roles)[rollen]
    sim = bouwer.build(tbs)
    for naam, waarden in invoer.items():
        eeuwig = tbs.variables[naam].definition_period == DateUnit.ETERNITY
        sim.set_input(naam, "ETERNITY" if eeuwig else periode, waarden)
    return sim
