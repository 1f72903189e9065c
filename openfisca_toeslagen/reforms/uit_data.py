"""Reforms from data: a mapping of parameter paths to dated values becomes an OpenFisca `Reform` class.

    {"uitvoeringsregeling_invorderingswet.art_16.percentage": {"2025-01-01": 0.95}}

Each date starts a value that holds until the next date given (or for ever), as in a parameter file.
A value may be a number (or boolean or text, like the parameter it replaces) or a mapping
``{"value": ..., "reference": "https://..."}``. Paths and values are checked against the system the
reform is applied to, so a change may also target a parameter added by an earlier reform. A value dated
after a parameter's last verified date (``last_value_still_valid_on``) is taken as the user's own figure and
lifts that limit.
"""

import datetime
import json
import re
from pathlib import Path

import yaml
from openfisca_core.parameters import Parameter

from openfisca_toeslagen.reforms.bouwstenen import Hervorming

NAAM = re.compile(r"^[a-z_][a-z0-9_]*$")
DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class OngeldigeHervorming(ValueError):
    """A reform's data is malformed: the message names the path, the date and what is wrong."""


def _datum(pad, datum):
    if isinstance(datum, datetime.date):
        datum = datum.isoformat()
    if not isinstance(datum, str) or not DATUM.match(datum):
        raise OngeldigeHervorming(f"{pad}: datum {datum!r} is geen datum van de vorm JJJJ-MM-DD")
    try:
        datetime.date.fromisoformat(datum)
    except ValueError:
        raise OngeldigeHervorming(f"{pad}: datum {datum!r} bestaat niet") from None
    return datum


def _waarde_en_bron(pad, datum, waarde):
    if isinstance(waarde, dict):
        onbekend = set(waarde) - {"value", "reference"}
        if "value" not in waarde or onbekend:
            raise OngeldigeHervorming(
                f"{pad} op {datum}: verwacht een getal of {{value: ..., reference: ...}}, kreeg sleutels {sorted(waarde)}")
        return waarde["value"], waarde.get("reference")
    return waarde, None


def normaliseer(wijzigingen):
    """Check the shape of the mapping; return {path: [(date, value, reference), ...]} sorted by date."""
    if not isinstance(wijzigingen, dict) or not wijzigingen:
        raise OngeldigeHervorming("een hervorming is een niet-lege lijst van parameterpaden met gedateerde waarden")
    genormaliseerd = {}
    for pad, waarden in wijzigingen.items():
        if not isinstance(pad, str) or not all(NAAM.match(deel) for deel in pad.split(".")):
            raise OngeldigeHervorming(f"{pad!r} is geen parameterpad (zoals uitvoeringsregeling_invorderingswet.art_16.percentage)")
        if not isinstance(waarden, dict) or not waarden:
            raise OngeldigeHervorming(f"{pad}: verwacht datums met waarden, zoals {{\"2025-01-01\": 0.95}}; kreeg {waarden!r}")
        reeks = []
        for datum, waarde in waarden.items():
            datum = _datum(pad, datum)
            waarde, bron = _waarde_en_bron(pad, datum, waarde)
            reeks.append((datum, waarde, bron))
        genormaliseerd[pad] = sorted(reeks)
    return genormaliseerd


def _parameter(parameters, pad):
    knoop = parameters
    for i, deel in enumerate(pad.split(".")):
        kinderen = getattr(knoop, "children", {})
        if deel not in kinderen:
            bekend = ", ".join(sorted(kinderen)) or "geen"
            plaats = ".".join(pad.split(".")[:i]) or "de parameters"
            hint = ("; deze parameters voegt een hervorming toe: pas die eerst toe (bijv. inflatie_geindexeerde_norm+wijziging.yaml)"
                    if deel == "hervormingen" else "")
            raise OngeldigeHervorming(f"onbekende parameter {pad}: {plaats} kent geen {deel!r} (wel: {bekend}){hint}")
        knoop = kinderen[deel]
    if not isinstance(knoop, Parameter):
        raise OngeldigeHervorming(f"{pad} is een groep parameters, geen parameter (kies een van: {', '.join(sorted(knoop.children))})")
    return knoop


HELE_EENHEDEN = ("month", "year")


def _controleer_waarde(parameter, datum, waarde):
    """The new value must have the kind of the values it replaces and lie in the parameter's range.

    Range: metadata ``bereik: [min, max]`` when the parameter has one, else [0, 1] for a rate (unit /1) and
    at least 0 otherwise. Months and years are whole numbers.
    """
    pad = parameter.name
    bestaand = parameter.values_list[-1].value
    if isinstance(bestaand, str):
        if isinstance(waarde, datetime.date):
            waarde = waarde.isoformat()
        if not isinstance(waarde, str):
            raise OngeldigeHervorming(f"{pad} op {datum}: verwacht tekst, kreeg {waarde!r}")
        return waarde
    if isinstance(bestaand, bool) or isinstance(waarde, bool):
        if type(waarde) is not type(bestaand):
            raise OngeldigeHervorming(f"{pad} op {datum}: {waarde!r} past niet bij de parameter (bestaande waarde {bestaand!r})")
        return waarde
    if not isinstance(waarde, (int, float)) or waarde != waarde or waarde in (float("inf"), float("-inf")):
        raise OngeldigeHervorming(f"{pad} op {datum}: verwacht een getal, kreeg {waarde!r}")
    eenheid = parameter.metadata.get("unit")
    laag, hoog = parameter.metadata.get("bereik") or ((0, 1) if eenheid == "/1" else (0, None))
    if waarde < laag or (hoog is not None and waarde > hoog):
        uitleg = " (een percentage als fractie: 0.95 is 95 %)" if eenheid == "/1" else ""
        raise OngeldigeHervorming(f"{pad} op {datum}: {waarde!r} ligt niet tussen {laag} en {hoog if hoog is not None else 'oneindig'}{uitleg}")
    if eenheid in HELE_EENHEDEN:
        if not float(waarde).is_integer():
            raise OngeldigeHervorming(f"{pad} op {datum}: verwacht een geheel getal ({eenheid}), kreeg {waarde!r}")
        return int(waarde)
    return float(waarde)


def parameterhervorming(wijzigingen, naam="parameterwijziging", beschrijving=None):
    """An OpenFisca Reform class that sets the given parameters to the given dated values."""
    if not isinstance(naam, str) or not NAAM.match(naam):
        raise OngeldigeHervorming(f"naam van een hervorming {naam!r}: gebruik kleine letters, cijfers en _")
    reeksen = normaliseer(wijzigingen)

    def apply(self):
        def wijzig(parameters):
            for pad, reeks in reeksen.items():
                parameter = _parameter(parameters, pad)
                for datum, waarde, bron in reeks:
                    waarde = _controleer_waarde(parameter, datum, waarde)
                    parameter.update(start=datum, value=waarde)
                    nieuw = next(v for v in parameter.values_list if v.instant_str == datum)
                    nieuw.metadata = {"reference": bron} if bron else {}
                    nieuw.metadata.update(zekerheid="lezing", lezing=f"waarde van de hervorming {naam}, niet van het geldende recht")
                # A value dated after the last verified date is the user's own figure, valid until further notice.
                geldig_tot = parameter.metadata.get("last_value_still_valid_on")
                if geldig_tot is not None and reeks[-1][0] > str(geldig_tot):
                    del parameter.metadata["last_value_still_valid_on"]
            return parameters

        self.modify_parameters(wijzig)

    if beschrijving is not None and not isinstance(beschrijving, str):
        raise OngeldigeHervorming(f"beschrijving van {naam}: verwacht tekst, kreeg {beschrijving!r}")
    tekst = beschrijving or naam.replace("_", " ") + ": parameterwijziging " + "; ".join(
        f"{pad} = " + ", ".join(f"{w} vanaf {d}" for d, w, _ in reeks) for pad, reeks in reeksen.items())
    return type(naam, (Hervorming,), {"apply": apply, "__doc__": tekst, "wijzigingen": reeksen,
                                  "__module__": __name__})


def uit_bestand(pad):
    """A parameterhervorming from a YAML or JSON file.

    The file holds either the mapping itself, or ``naam``, ``beschrijving`` and ``wijzigingen``.
    """
    pad = Path(pad)
    try:
        tekst = pad.read_text(encoding="utf-8")
    except OSError as fout:
        raise OngeldigeHervorming(f"{pad}: kan het bestand niet lezen ({fout.strerror})") from None
    try:
        data = json.loads(tekst) if pad.suffix == ".json" else yaml.safe_load(tekst)
    except (json.JSONDecodeError, yaml.YAMLError) as fout:
        raise OngeldigeHervorming(f"{pad}: geen geldige {'JSON' if pad.suffix == '.json' else 'YAML'}: {fout}") from None
    return uit_gegevens(data, _naam(pad), pad)


def uit_gegevens(data, naam, waar):
    """A parameterhervorming from read data: the mapping itself, or ``naam``, ``beschrijving`` and ``wijzigingen``
    (`naam` when it has none; `waar` names the source in an error)."""
    if isinstance(data, dict) and "wijzigingen" in data:
        onbekend = set(data) - {"naam", "beschrijving", "wijzigingen"}
        if onbekend:
            raise OngeldigeHervorming(f"{waar}: onbekende sleutels {sorted(onbekend)} (verwacht naam, beschrijving, wijzigingen)")
        return parameterhervorming(data["wijzigingen"], data.get("naam", naam), data.get("beschrijving"))
    return parameterhervorming(data, naam)


def _naam(pad):
    return re.sub(r"[^a-z0-9_]", "_", pad.stem.lower()).lstrip("0123456789") or "parameterwijziging"
