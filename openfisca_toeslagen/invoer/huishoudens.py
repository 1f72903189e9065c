"""A table of households (one row each) and the OpenFisca simulation built from it; `bestanden` reads and checks it
from CSV, Parquet, Excel or a DataFrame.

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

import datetime
from dataclasses import dataclass, field

import numpy
import pyarrow
import pyarrow.compute as pc
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

    def naar_dataframe(self):
        """The table as a pandas DataFrame: `huishouden` and every column, an empty cell as <NA> (nullable types)."""
        import pandas
        uit = {ID: pandas.array(self.ids.astype(str), dtype="string")}
        for kolom, waarden in self.waarden.items():
            leeg = ~self.ingevuld[kolom]
            if waarden.dtype == bool:
                reeks = pandas.array(waarden, dtype="boolean")
            elif waarden.dtype.kind == "M":
                reeks = pandas.array(waarden.astype("datetime64[ns]"))
            elif waarden.dtype.kind in "iu":
                reeks = pandas.array(waarden, dtype="Int64")
            else:
                reeks = pandas.array(waarden, dtype="Float64")
            reeks[leeg] = pandas.NA if waarden.dtype.kind != "M" else pandas.NaT
            uit[kolom] = reeks
        return pandas.DataFrame(uit)

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


def _leden(tabel):
    """Persons of the table, in the order of PERSONEN per row: ids, household row and role index of each, and per
    person prefix the persons' positions and their rows."""
    ids = numpy.asarray(tabel.ids, dtype=str)
    delen, plaatsen, begin = [], {}, 0
    for persoon, rol in PERSONEN:
        rijen = numpy.arange(len(tabel)) if persoon == "aanvrager" else numpy.flatnonzero(tabel.aanwezig(persoon))
        if len(rijen):
            naam = ids[rijen] if persoon == "aanvrager" else numpy.asarray(
                pc.binary_join_element_wise(pyarrow.array(ids[rijen]), f"/{persoon}", "").to_numpy(zero_copy_only=False), dtype=str)
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
        tabel.voorbereid = (persoon_ids, huishouden_van, rollen, _invoer(tbs, tabel, plaatsen, len(persoon_ids)), {})
    persoon_ids, huishouden_van, rollen, invoer, rolobjecten = tabel.voorbereid

    bouwer = SimulationBuilder()
    bouwer.create_entities(tbs)
    # Ids and membership set directly: declare_* would copy the ids through a Python list, and
    # join_with_persons maps through the sorted ids; here membership is by row index.
    personen, huishoudens = bouwer.populations["persoon"], bouwer.populations[Huishouden.key]
    personen.ids, personen.count = persoon_ids, len(persoon_ids)
    huishoudens.ids, huishoudens.count = numpy.asarray(tabel.ids, dtype=str), len(tabel)
    huishoudens.members_entity_id = huishouden_van
    # The members' Role objects, built once per table and entity: OpenFisca's setter copies them through a Python list.
    sleutel = tuple(map(id, huishoudens.entity.flattened_roles))
    if sleutel not in rolobjecten:
        rolobjecten[sleutel] = numpy.array(huishoudens.entity.flattened_roles)[rollen]
    huishoudens._members_role = rolobjecten[sleutel]
    sim = bouwer.build(tbs)
    for naam, waarden in invoer.items():
        eeuwig = tbs.variables[naam].definition_period == DateUnit.ETERNITY
        sim.set_input(naam, "ETERNITY" if eeuwig else periode, waarden)
    return sim
