"""What a household really keeps each month once it pays the arrangement (not a legal rule: a check on it)."""

from openfisca_core.model_api import MONTH

from openfisca_toeslagen import geld, zekerheid
from openfisca_toeslagen.entities import Huishouden
from openfisca_toeslagen.zekerheid import LEZING

GEEN_REGEL = "geen wettelijke regel: wat het huishouden werkelijk ontvangt en betaalt, als toets op de uitkomst"
GEEN_TEKST = "geen wettekst (een toets van dit model)"

PERSOONLIJKE_INKOMSTEN = ("netto_inkomen", "vakantiegeld", "ontvangen_alimentatie", "overige_inkomsten",
                          "kinderbijslag", "voorlopige_teruggaaf")
HUISHOUDEN_INKOMSTEN = ("ontvangen_huurtoeslag", "ontvangen_zorgtoeslag", "ontvangen_kindgebonden_budget")
LASTEN = ("huur", "hypotheekrente", "erfpachtcanon", "zorgpremie", "betalingen_belastingschulden",
          "betalingen_toeslagschulden", "betaalde_alimentatie", "aflossing_leningen_belastingschulden", "kosten_kostgangers",
          "energiekosten", "vervoerskosten", "overige_aflossingen", "overige_vaste_lasten")


@zekerheid.volgt(LEZING, GEEN_TEKST, GEEN_REGEL)
class inkomsten_totaal(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Alle inkomsten van het huishouden per maand, ook wat de wet niet meetelt"
    documentation = "Alle inkomens van aanvrager, partner en kinderen (ook kinderbijslag en het inkomen van een partner buiten de schuldperiode; niet van medebewoners) en de drie toeslagen."

    def formula(huishouden, period, parameters):
        """Every income input of the applicant, partner and children, plus the allowances received."""
        per_persoon = geld.som(huishouden.members, PERSOONLIJKE_INKOMSTEN, period)
        gezin = ~huishouden.members.has_role(Huishouden.KOSTENDELER)  # a housemate's income is not the household's
        return geld.optellen(huishouden.sum(per_persoon * gezin), *(geld.invoer(huishouden, naam, period) for naam in HUISHOUDEN_INKOMSTEN))


@zekerheid.volgt(LEZING, GEEN_TEKST, GEEN_REGEL)
class lasten_totaal(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Alle opgegeven vaste lasten per maand, ook wat de wet niet aftrekt"
    documentation = "Huur, hypotheekrente, erfpacht, zorgpremie, belasting- en toeslagschulden, alimentatie, leningen, kostgangers, energie, vervoer, andere aflossingen en overige vaste lasten."

    def formula(huishouden, period, parameters):
        """Every cost input: housing, zorgpremie, tax arrangements, alimentatie, loans, energy, transport, other."""
        return geld.som(huishouden, LASTEN, period)


@zekerheid.volgt(LEZING, GEEN_TEKST, GEEN_REGEL)
class vrij_besteedbaar_na_regeling(geld.Geldbedrag):
    value_type = float
    unit = "currency-EUR"
    entity = Huishouden
    definition_period = MONTH
    label = "Wat per maand overblijft na alle werkelijke lasten en het termijnbedrag"
    documentation = """
    Geen wettelijke regel maar een toets op de uitkomst: alle inkomsten min alle opgegeven lasten min het
    termijnbedrag. Dit is het bedrag waarmee Mark (IBTD-rapportage 2025) "vijf euro per maand" overhoudt.
    """

    def formula(huishouden, period, parameters):
        """All money coming in, minus every cost, minus the termijnbedrag."""
        return geld.aftrekken(
            geld.aftrekken(huishouden("inkomsten_totaal", period), huishouden("lasten_totaal", period)),
            huishouden("termijnbedrag", period))
