"""How sure each rule is: which text it follows, and whether it was read there.

Every parameter and every variable with a formula says which text version it follows and how that was
established:

- ``tekst``: read in the legal text of that version;
- ``secundair``: taken from a named secondary source (a municipal tax office, a government page), because the
  text itself could not be read;
- ``lezing``: our interpretation where the text is silent or ambiguous; the alternative is a named reform
  (``lezing_...``) where the choice changes amounts.

Parameters carry it in their YAML ``metadata`` (``tekstversie``, ``zekerheid`` and ``bron_secundair`` or
``lezing``), a value may override it in its own ``metadata``. Variables are registered with the decorator
`volgt`, because OpenFisca does not allow extra attributes on a variable; the decorator also appends the
sentence to the variable's ``documentation``, so the standard web API's /variable shows it.
"""

import weakref
from dataclasses import dataclass

TEKST, SECUNDAIR, LEZING = "tekst", "secundair", "lezing"
ZEKERHEDEN = (TEKST, SECUNDAIR, LEZING)
_ZIN = {
    SECUNDAIR: "Niet in de wettekst zelf gelezen maar overgenomen uit een secundaire bron",
    LEZING: "Onze lezing: de tekst laat hier een keuze of zwijgt",
}


@dataclass(frozen=True)
class Bron:
    """The text version a rule follows and how sure we are of it."""

    zekerheid: str
    tekstversie: str
    toelichting: str = ""  # secundair: which source; lezing: the reading chosen and why

    def __post_init__(self):
        if self.zekerheid not in ZEKERHEDEN:
            raise ValueError(f"zekerheid {self.zekerheid!r}: kies uit {', '.join(ZEKERHEDEN)}")
        if not self.tekstversie.strip():
            raise ValueError("tekstversie ontbreekt")
        if self.zekerheid != TEKST and not self.toelichting.strip():
            raise ValueError(f"zekerheid {self.zekerheid}: noem de bron of de lezing in de toelichting")

    @property
    def zeker(self):
        return self.zekerheid == TEKST

    def zin(self):
        """One plain Dutch sentence for a user."""
        if self.zeker:
            return f"Gelezen in de wettekst: {self.tekstversie}."
        return f"{_ZIN[self.zekerheid]}: {self.toelichting.rstrip('.')}. Tekst: {self.tekstversie}."

    def als_dict(self):
        return {"zekerheid": self.zekerheid, "tekstversie": self.tekstversie, "toelichting": self.toelichting,
                "zin": self.zin()}


_VARIABELEN = weakref.WeakKeyDictionary()  # variable class -> Bron (a system built anew makes new classes)
_BESLIST = weakref.WeakKeyDictionary()  # variable class -> function (entity, period) -> where the reading decides


def volgt(zekerheid, tekstversie, toelichting="", beslist=None):
    """Class decorator: the variable's formula follows `tekstversie` with this `zekerheid`.

    `beslist(entiteit, period)`: for a reading that decides at a boundary (an age reached in this very month), the
    members for whom it decides the value; without it a reading counts wherever the value is not the default.
    """
    bron = Bron(zekerheid, tekstversie, toelichting)

    def registreer(klasse):
        _VARIABELEN[klasse] = bron
        if beslist is not None:
            _BESLIST[klasse] = beslist
        documentatie = (klasse.__dict__.get("documentation") or "").rstrip()
        klasse.documentation = f"{documentatie}\n\n{bron.zin()}".strip() if documentatie else bron.zin()
        return klasse

    return registreer


def van_variabele(variabele):
    """The Bron of a variable (an OpenFisca Variable instance), or None when it has none registered."""
    return _VARIABELEN.get(type(variabele))


def beslist(variabele):
    """The function saying where a variable's reading decides its value, or None."""
    return _BESLIST.get(type(variabele))


def van_parameter(parameter, instant=None):
    """The Bron of a Parameter, for the value that applies at `instant` (a value may override the parameter's)."""
    metadata = dict(parameter.metadata)
    if instant is not None:
        geldend = [w for w in parameter.values_list if w.instant_str <= str(instant)]
        if geldend:
            metadata.update({k: v for k, v in (geldend[0].metadata or {}).items()
                             if k in ("tekstversie", "zekerheid", "bron_secundair", "lezing")})
    zekerheid = metadata.get("zekerheid")
    toelichting = metadata.get("bron_secundair") if zekerheid == SECUNDAIR else metadata.get("lezing", "")
    return Bron(zekerheid, metadata.get("tekstversie") or "", toelichting or "")
