"""Household type, the applicable bijstandsnorm (Pw art. 20–22) and the kosten van bestaan (URI art. 16)."""

from openfisca_core.model_api import MONTH, Enum, Variable

from openfisca_toeslagen import fouten, geld, geldigheid, wetten
from openfisca_toeslagen.entities import Huishouden
from openfisca_toeslagen.enums import Huishoudtype
from openfisca_toeslagen.keuze import kies


class huishoudtype(Variable):
    value_type = Enum
    possible_values = Huishoudtype
    default_value = Huishoudtype.alleenstaande
    entity = Huishouden
    definition_period = MONTH
    label = "Huishoudtype voor de bijstandsnorm"
    reference = [wetten.uri("16"), wetten.pw(4), wetten.leidraad("79.8")]
    documentation = """
    Echtgenoten als de aanvrager een toeslagpartner heeft (Awir art. 3, via Leidraad 79.8), anders
    alleenstaande ouder als er een kind tot het huishouden behoort, anders alleenstaande. Ook een partner
    die geen partner was in de periode van de schuld maakt het huishouden tot echtgenoten: Leidraad 79.8
    sluit alleen diens inkomen uit (de alleenstaandennorm van Leidraad 26.2.10 is een kwijtscheldingsregel
    die 79.8 niet van toepassing verklaart). Een huishouden moet precies één aanvrager hebben.
    """

    def formula(huishouden, period, parameters):
        """URI art. 16: echtgenoten, alleenstaande ouder or alleenstaande (Pw art. 3 and 4)."""
        aanvragers = huishouden.nb_persons(Huishouden.AANVRAGER)
        if (aanvragers != 1).any():
            namen = fouten.namen(huishouden, aanvragers != 1)
            raise ValueError(f"een huishouden heeft precies één aanvrager nodig; aanvrager ontbreekt of is dubbel in: {namen}")
        return kies(
            [huishouden.nb_persons(Huishouden.PARTNER) > 0, huishouden.nb_persons(Huishouden.KIND) > 0],
            [Huishoudtype.echtgenoten.index, Huishoudtype.alleenstaande_ouder.index],
            Huishoudtype.alleenstaande.index,
        )  # indices rather than members: OpenFisca encodes an integer array without a Python loop


class bijstandsnorm(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Toepasselijke bijstandsnorm per maand"
    reference = [wetten.pw(20), wetten.pw(21), wetten.pw(22)]
    documentation = """
    Pw art. 21 a/b (21 jaar tot de AOW-leeftijd), art. 22 a/b/c (AOW-leeftijd: alleenstaande, beide
    echtgenoten, één echtgenoot en de ander 21 of ouder) en art. 20 (jonger dan 21: lid 1 zonder, lid 2
    met kinderen; een echtgenoot jonger dan 21 naast een pensioengerechtigde valt onder art. 20 lid 1 c /
    2 c, want art. 22 c eist dat de ander 21 of ouder is). Kostendelers (art. 22a) vallen buiten dit model.
    """

    def formula(huishouden, period, parameters):
        """Pw art. 20, 21 and 22: the norm per kalendermaand for this household."""
        geldigheid.controleer(huishouden, period, "participatiewet")
        return norm_volgens(huishouden, period, parameters(period).participatiewet)


def norm_volgens(huishouden, period, pw):
    """The Pw art. 20–22 norm for this household as it is in `period`, with the amounts of parameter node `pw`.

    The amounts may be those of another date (the inflatie_geindexeerde_norm reform takes a base date's).
    """
    echtgenoten = huishouden("huishoudtype", period) == Huishoudtype.echtgenoten
    met_kinderen = huishouden.nb_persons(Huishouden.KIND) > 0
    aow = huishouden.members("pensioengerechtigd", period)
    jong = huishouden.members("jonger_dan_21", period)
    aanvrager_aow = huishouden.sum(aow, role=Huishouden.AANVRAGER) > 0  # sum: a third cheaper than any() here
    partner_aow = huishouden.sum(aow, role=Huishouden.PARTNER) > 0
    aanvrager_jong = huishouden.sum(jong, role=Huishouden.AANVRAGER) > 0
    partner_jong = huishouden.sum(jong, role=Huishouden.PARTNER) > 0
    beiden_jong = aanvrager_jong & partner_jong
    een_jong = aanvrager_jong ^ partner_jong
    alleen = ~echtgenoten
    return kies(
        [
            alleen & aanvrager_aow,
            alleen & aanvrager_jong & met_kinderen,
            alleen & aanvrager_jong,
            alleen,
            aanvrager_aow & partner_aow,
            beiden_jong & met_kinderen,
            beiden_jong,
            een_jong & met_kinderen,
            een_jong,
            aanvrager_aow | partner_aow,
        ],
        [
            pw.art_22.alleenstaande,
            pw.art_20.alleenstaande_ouder,
            pw.art_20.alleenstaande,
            pw.art_21.alleenstaande,
            pw.art_22.gehuwden_beiden_pensioengerechtigd,
            pw.art_20.gehuwden_beiden_jonger_dan_21_met_kinderen,
            pw.art_20.gehuwden_beiden_jonger_dan_21,
            pw.art_20.gehuwden_een_jonger_dan_21_met_kinderen,
            pw.art_20.gehuwden_een_jonger_dan_21,
            pw.art_22.gehuwden_een_pensioengerechtigd,
        ],
        pw.art_21.gehuwden,
    )


class kosten_van_bestaan(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Kosten van bestaan per maand"
    reference = wetten.uri("16")
    documentation = """
    "90 percent van de bijstandsnorm" (URI art. 16), half naar boven afgerond op centen: 90 % van € 1.345,45
    is € 1.210,905, dus € 1.210,91.
    """

    def formula(huishouden, period, parameters):
        """URI art. 16: 90 % of the applicable bijstandsnorm."""
        percentage = parameters(period).uitvoeringsregeling_invorderingswet.art_16.percentage
        return geld.half_naar_boven_op_cent(geld.maal(huishouden("bijstandsnorm", period), percentage))
