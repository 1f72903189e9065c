"""The totaaloverzicht of one household's claims, its routes, and how the route of the decision compares to it."""

from dataclasses import dataclass, field

from openfisca_toeslagen import geldigheid
from openfisca_toeslagen.enums import UitkomstVerzoek
from openfisca_toeslagen.geld import euro_tekst
from openfisca_toeslagen.toepassingen.routes.regels import GELIJK
from openfisca_toeslagen.variables.betalingsregeling import PERSOONLIJK


@dataclass
class Overzicht:
    """The totaaloverzicht and the routes of one household (amounts in cents)."""

    periode: str
    vorderingen: list
    uitkomst: str
    persoonlijk_termijnbedrag: int
    verdeling: dict
    routes: dict
    voorlopig: list = field(default_factory=list)  # amounts of the decision carried past their verified date
    beslissing: dict = field(default_factory=dict)  # the decision in cents, and the review (month, amount, basis)
    herziening: str = GELIJK

    @property
    def waarschuwing(self):
        return geldigheid.waarschuwing(self.periode, self.voorlopig)

    @property
    def schuld(self):
        return sum(v.bedrag for v in self.vorderingen if not v.niet_teruggevorderd)

    @property
    def standaard_per_maand(self):
        return sum(v.standaard_termijn for v in self.vorderingen if not v.niet_teruggevorderd)

    def verschil_met_beslissing(self):
        """One plain Dutch sentence: does the persoonlijke_regeling route pay what the decision says, and if not, why not."""
        b, route = self.beslissing, self.routes["persoonlijke_regeling"]
        if UitkomstVerzoek[self.uitkomst] == UitkomstVerzoek.geen_schuld:
            return "Er is geen schuld om in te vorderen: de route met een persoonlijke regeling is leeg."
        if UitkomstVerzoek[self.uitkomst] not in PERSOONLIJK:
            return (f"Het verzoek leidt niet tot een persoonlijke regeling ({UitkomstVerzoek[self.uitkomst].value.lower()}): "
                    "de route met een persoonlijke regeling is de standaardregeling.")
        besloten = b["totaal_af_te_lossen"] + b["uit_vermogen"]
        beslissing = (f"{euro_tekst(b['termijn'])} per maand, {b['looptijd']} maanden, {euro_tekst(besloten)} betaald en "
                      f"{euro_tekst(b['restschuld'])} niet ingevorderd")
        gebeurtenissen = [(i, g) for i, m in enumerate(route.maanden) for g in m.gebeurtenissen]
        herzien = any(g == b.get("herziening") for _, g in gebeurtenissen)  # the route reached the review and applied it
        redenen = self._redenen(route, gebeurtenissen, herzien)
        zelfde = route.totaal_betaald == besloten and route.niet_ingevorderd == b["restschuld"]
        if zelfde and not redenen:
            herziening = (f"; bij de herziening in {b['herziening_maand']} blijft het bedrag gelijk ({b['herziening_basis']})"
                          if herzien else "")
            return f"De route met een persoonlijke regeling volgt de beslissing: {beslissing}{herziening}."
        waarom = " Waarom: " + "; ".join(redenen) + "."
        if zelfde:
            return f"De route met een persoonlijke regeling betaalt wat de beslissing zegt ({beslissing}), maar later.{waarom}"
        return (f"De route met een persoonlijke regeling betaalt {euro_tekst(route.totaal_betaald)} en laat "
                f"{euro_tekst(route.niet_ingevorderd)} liggen, anders dan de beslissing ({beslissing}).{waarom}")

    def _redenen(self, route, gebeurtenissen, herzien):
        """Why the route differs from the decision, each reason in main-clause order (after "Waarom:")."""
        b, redenen = self.beslissing, []
        vervallen = [i for i, g in gebeurtenissen if "de regeling vervalt" in g]
        beslag = bool(vervallen) and any(m.betaald for m in route.maanden[vervallen[0] + 1:])
        if herzien and b["termijn_na_herziening"] != b["termijn"]:
            redenen.append(f"bij de herziening in {b['herziening_maand']} (Leidraad 79.8) wordt het maandbedrag "
                           f"{euro_tekst(b['termijn_na_herziening'])} in plaats van {euro_tekst(b['termijn'])} ({b['herziening_basis']})")
        if vervallen:
            gevolgen = [f"{euro_tekst(route.totaal_kosten)} invorderingskosten"] if route.totaal_kosten else []
            gevolgen += ["beslag"] if beslag else []
            redenen.append("na een gemiste betaling vervalt de regeling" + (f" en volgen {' en '.join(gevolgen)}" if gevolgen else ""))
        if any("schuift een maand op" in g for _, g in gebeurtenissen):
            redenen.append("een gemiste betaling schuift de regeling een maand op")
        if route.totaal_rente:
            redenen.append(f"er komt {euro_tekst(route.totaal_rente)} invorderingsrente bij (Awir art. 29), die de beslissing niet noemt")
        if route.onderbroken:
            redenen.append(route.onderbroken)
        if route.open_aan_het_eind:
            redenen.append(f"aan het eind staat nog {euro_tekst(route.open_aan_het_eind)} open")
        return redenen
