"""Dwanginvordering per claim: herinnering, aanmaning (Awir art. 32, Kostenwet art. 2), dwangbevel (art. 3), beslag."""


class Dwang:
    """The steps of the dwanginvordering per claim, each from its own month of herinnering.

    Our reading of the timing: a free herinnering, the aanmaning the month after (Awir art. 32: two weeks), the
    dwangbevel the month after that, then monthly beslag of `beslagruimte` cents (Rv art. 475d) until paid.
    """

    def __init__(self, boek, regels, beslagruimte):
        self.boek, self.regels, self.beslagruimte = boek, regels, beslagruimte
        self.herinnering = {}  # toeslag: month of the herinnering

    def start(self, t, maand):
        self.herinnering.setdefault(t, maand)

    def stap(self, maand, regel):
        boek = self.boek
        if any(boek.open(t) and maand in (h + 1, h + 2) for t, h in self.herinnering.items()):
            self.regels.kostenwet(maand)  # a month whose costs are not verified stops the schedule before anything happens
        for t, h in self.herinnering.items():
            if not boek.open(t):
                continue
            if maand == h:
                regel.gebeurtenissen.append(f"herinnering {t} (kosteloos)")
            elif maand == h + 1:
                boek.boek_kosten(t, self.regels.aanmaningskosten(boek.open(t), maand), regel)
                regel.gebeurtenissen.append(f"aanmaning {t} (Awir art. 32)")
            elif maand == h + 2:
                boek.boek_kosten(t, self.regels.dwangbevelkosten(boek.open(t), maand), regel)
                regel.gebeurtenissen.append(f"dwangbevel {t}")
        onder_beslag = [t for t, h in self.herinnering.items() if maand >= h + 3]
        if onder_beslag and self.beslagruimte:
            boek.betaal_oudste_eerst(self.beslagruimte, maand, regel, True, onder_beslag)
