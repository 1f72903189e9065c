"""OpenFisca situations (the JSON of the web API's /calculate) as the comparison, routes and explanation take them."""

import json

from openfisca_toeslagen.huishoudens import OngeldigBestand


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


def invoermaanden(situatie):
    """The months (YYYY-MM) for which a situation gives inputs."""
    maanden = set()
    for groep in situatie.values():
        for leden in (groep.values() if isinstance(groep, dict) else []):
            for waarden in (leden.values() if isinstance(leden, dict) else []):
                if isinstance(waarden, dict):
                    maanden |= {str(k) for k, v in waarden.items() if v is not None and str(k) != "ETERNITY"}
    return sorted(maanden)


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
