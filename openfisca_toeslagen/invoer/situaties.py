"""OpenFisca situations (the JSON of the web API's /calculate) as the comparison, routes and explanation take them."""

import datetime
import json
import math

from openfisca_toeslagen import geld
from openfisca_toeslagen.invoer.huishoudens import MAX_GETAL, OngeldigBestand


def lees_json(pad):
    """A situation file, with an error naming the file when it cannot be read or is not JSON."""
    try:
        with open(pad, encoding="utf-8") as bestand:
            return json.load(bestand)
    except OSError as fout:
        raise OngeldigBestand(f"{pad}: kan het bestand niet lezen ({fout.strerror})") from None
    except json.JSONDecodeError as fout:
        raise OngeldigBestand(f"{pad}: geen geldige JSON ({fout})") from None


def zonder_vragen(situatie):
    """The situation without the `null` values the web API uses to ask for a variable."""
    if isinstance(situatie, dict):
        return {k: zonder_vragen(v) for k, v in situatie.items() if v is not None}
    return situatie


def waarden(situatie):
    """Every (group, id, variable, period, value) a situation gives, a null value asking for the variable; parts that
    are not objects are passed over (OpenFisca names them)."""
    for groep, leden in situatie.items():
        for id_, invoer in leden.items() if isinstance(leden, dict) else ():
            for naam, per_periode in invoer.items() if isinstance(invoer, dict) else ():
                for periode, waarde in per_periode.items() if isinstance(per_periode, dict) else ():
                    yield groep, id_, naam, str(periode), waarde


def invoermaanden(situatie):
    """The months (YYYY-MM) for which a situation gives inputs."""
    return sorted({periode for _, _, _, periode, waarde in waarden(situatie) if waarde is not None and periode != "ETERNITY"})


def gevraagde_perioden(situatie):
    """The distinct periods a situation asks for (null values)."""
    return {periode for _, _, _, periode, waarde in waarden(situatie) if waarde is None}


def controleer_maand(situatie, periode):
    """`periode`, or the only month with inputs; refused when the situation gives no inputs for it."""
    if not isinstance(situatie, dict):
        raise OngeldigBestand("een situatie is een JSON-object met 'personen' en 'huishoudens'")
    maanden = invoermaanden(situatie)
    periode = periode or (maanden[0] if len(maanden) == 1 else None)
    if periode not in maanden:
        raise OngeldigBestand(f"periode {periode!r}: de situatie geeft geen invoer voor die maand"
                              + (f" (wel voor {', '.join(maanden)})" if maanden else "")
                              + "; kies de maand van het verzoek of geef de bedragen voor deze maand")
    return periode


def een_huishouden(situatie, periode, waarvoor):
    """(situation without requests, month) for an explanation or routes, which are about one household."""
    if not isinstance(situatie, dict) or len(situatie.get("huishoudens") or {}) != 1:
        raise OngeldigBestand(f"{waarvoor} gaat over één huishouden: een situatie met precies één element onder 'huishoudens'")
    situatie = zonder_vragen(situatie)
    return situatie, controleer_maand(situatie, periode)


def controleer_invoer(situatie, tbs):
    """Refuse values a calculation must not take, naming entity, id, variable and period: an amount that is not a finite
    number below € 1,000,000,000 (``true`` is no amount), a whole number that is not one (or above MAX_GETAL), a yes/no
    that is not true or false. Unknown variables, roles and periods are left to OpenFisca, which names them too."""
    for groep, id_, naam, periode, waarde in waarden(situatie):
        variabele = tbs.variables.get(naam)
        fout = variabele is not None and _fout(variabele.value_type, waarde)
        if fout:
            raise OngeldigBestand(f"{groep}.{id_}.{naam} ({periode}): {fout}, kreeg {json.dumps(waarde)[:40]}")


def _fout(soort, waarde):
    """Why `waarde` is no value of type `soort`, or None."""
    if waarde is None:
        return None  # a request for the variable
    if soort is float:
        if isinstance(waarde, bool) or not isinstance(waarde, (int, float)):
            return "verwacht een bedrag (een getal)"
        if not math.isfinite(waarde) or abs(waarde) >= geld.MAX_BEDRAG:
            return f"een bedrag moet eindig zijn en onder {geld.MAX_BEDRAG_TEKST} liggen"
    elif soort is int:
        if isinstance(waarde, bool) or not isinstance(waarde, (int, float)) or not float(waarde).is_integer():
            return "verwacht een geheel getal"
        if abs(waarde) > MAX_GETAL:
            return f"een geheel getal van ten hoogste {MAX_GETAL}"
    elif soort is bool:
        if not isinstance(waarde, bool):
            return "verwacht true of false"
    elif soort is datetime.date:
        if not isinstance(waarde, str):
            return "verwacht een datum als tekst (JJJJ-MM-DD)"
    return None


def controleer_gevraagde_maanden(situatie):
    """Refuse a month asked for (a null value) in which a household and its members have no inputs while they have inputs
    in another month: OpenFisca would answer with the defaults, a plausible but wrong outcome."""
    leden_van = {}
    for id_, huishouden in (situatie.get("huishoudens") or {}).items() if isinstance(situatie.get("huishoudens"), dict) else ():
        if isinstance(huishouden, dict):
            for rol in huishouden.values():
                if isinstance(rol, list):
                    leden_van.update({str(lid): id_ for lid in rol})
    invoer, gevraagd = {}, {}
    for groep, id_, _, periode, waarde in waarden(situatie):
        if groep in ("huishoudens", "personen") and _is_maand(periode):
            huishouden = id_ if groep == "huishoudens" else leden_van.get(str(id_))
            (gevraagd if waarde is None else invoer).setdefault(huishouden, set()).add(periode)
    for huishouden, maanden in gevraagd.items():
        zonder = sorted(maanden - invoer.get(huishouden, set()))
        if zonder and invoer.get(huishouden):
            raise OngeldigBestand(f"huishouden {huishouden}: gevraagd voor {', '.join(zonder)}, maar de invoer is alleen gegeven voor "
                                  f"{', '.join(sorted(invoer[huishouden]))}; geef de bedragen voor de gevraagde maand")


def _is_maand(tekst):
    return len(tekst) == 7 and tekst[4] == "-" and tekst[:4].isdigit() and tekst[5:].isdigit()
