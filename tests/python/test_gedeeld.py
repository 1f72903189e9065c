"""Shared calculations between policies (gedeeld) give exactly what a full calculation of each policy gives: every
outcome and the record of carried-forward amounts, for every reform and reading, on synthetic households and on the
independent model's random households, in a verified month and past the verified date, and for a change to a
parameter a formula reads in full (the AOW age)."""

import numpy
import pytest
from openfisca_core.model_api import MONTH

from openfisca_toeslagen import geld, reforms
from openfisca_toeslagen.entities import Huishouden
from openfisca_toeslagen.motor import gedeeld
from openfisca_toeslagen.reforms.bouwstenen import Hervorming
from openfisca_toeslagen.invoer import huishoudens, populatie
from openfisca_toeslagen.reforms.uit_data import parameterhervorming
from openfisca_toeslagen.toepassingen.vergelijking import UITVOER, beleidssystemen, vergelijk

from onafhankelijk_model import naar_situatie
from test_onafhankelijk import HUISHOUDENS

AOW_LATER = parameterhervorming({"algemene_ouderdomswet.art_7a.pensioengerechtigde_leeftijd": {"2025-01-01": 816}},
                                "aow_later", "De AOW-leeftijd 68 jaar vanaf 2025 (een denkbeeldige wijziging voor deze test)")


def _zelfde(bron, periode, hervormingen):
    systemen = beleidssystemen(hervormingen)
    gedeeld_, volledig = (vergelijk(bron, periode=periode, systemen=systemen, delen=d) for d in (True, False))
    assert list(gedeeld_.uitkomsten) == list(volledig.uitkomsten)
    for beleid in volledig.uitkomsten:
        for naam in UITVOER:
            numpy.testing.assert_array_equal(gedeeld_.uitkomsten[beleid][naam], volledig.uitkomsten[beleid][naam], err_msg=f"{beleid} {naam}")
        assert gedeeld_.voorlopig[beleid] == volledig.voorlopig[beleid], beleid


@pytest.mark.parametrize("periode", ["2025-01", "2027-01"])
def test_every_reform_shared_equals_full_on_synthetic_households(periode):
    _zelfde(populatie.trek(3000, seed=13), periode, list(reforms.HERVORMINGEN) + [AOW_LATER, "kosten_van_bestaan_95+werkelijke_lasten"])


@pytest.mark.parametrize("maand", ["2022-07", "2024-01", "2026-12"])
def test_every_reform_shared_equals_full_on_the_models_random_households(maand):
    """The independent model's households of that month: pensioners around the AOW age, housemates around 21 and 27,
    children around their birthdays, claims from before 2022 and around the Awir 26a thresholds."""
    hervormingen = [h for h in reforms.HERVORMINGEN if maand >= "2023-06" or h != "werkelijke_lasten"]  # its first amounts are of 2023-06
    _zelfde(naar_situatie(HUISHOUDENS[maand], maand), maand, hervormingen + [AOW_LATER])


def test_a_parameter_read_in_full_is_followed_even_when_no_household_is_near_it():
    """Nobody is near the AOW age, so current law's check of that age reads it for nobody; a policy lowering it to 40
    still reaches pensioengerechtigd, because the formula reads every year's age (geldigheid.gelezen)."""
    situatie = {"personen": {f"p{i}": {"geboortedatum": {"ETERNITY": f"{1975 + i}-03-01"}, "netto_inkomen": {"2025-01": 1500 + 100 * i}}
                             for i in range(5)},
                "huishoudens": {f"h{i}": {"aanvrager": [f"p{i}"], "terugvordering_huurtoeslag": {"2025-01": 3000}} for i in range(5)}}
    aow_40 = parameterhervorming({"algemene_ouderdomswet.art_7a.pensioengerechtigde_leeftijd": {"2025-01-01": 480}}, "aow_40")
    _zelfde(situatie, "2025-01", [aow_40])
    uit = vergelijk(situatie, [aow_40], "2025-01").uitkomsten
    assert (uit["aow_40"]["betalingscapaciteit"] < uit["geldend_recht"]["betalingscapaciteit"]).all()  # Pw 22 a, the supplement


def test_a_reform_reaches_exactly_what_reads_what_it_changes(tbs):
    tabel = populatie.trek(500, seed=2)
    basis = gedeeld.Basis(huishoudens.simulatie(tbs, tabel, "2025-01"), "2025-01", UITVOER)
    geraakt = lambda naam: {v for v, _ in basis.geraakt(reforms.pas_toe(tbs, [naam]))}  # noqa: E731
    percentage = geraakt("kosten_van_bestaan_95")
    assert {"kosten_van_bestaan", "betalingscapaciteit", "termijnbedrag", "vermogen", "berekening_voorlopig"} <= percentage
    assert not {"inkomen", "aftrekbare_woonlasten", "bijstandsnorm", "kosten_kinderen", "schuld"} & percentage
    assert "pensioengerechtigd" in geraakt(AOW_LATER) and "pensioengerechtigd" not in percentage
    assert "inkomen" not in geraakt("werkelijke_lasten") and "aftrekbare_uitgaven" in geraakt("werkelijke_lasten")


def _vast(huishouden, period, parameters):
    """A flat amount (a test policy: the norm is no longer read)."""
    return huishouden.filled_array(1500.0)


class vaste_kosten_van_bestaan(Hervorming):
    """Kosten van bestaan vast op 1500 euro (een testbeleid)."""

    def apply(self):
        self.update_variable(type("kosten_van_bestaan", (geld.Geldbedrag,), {
            "value_type": float, "entity": Huishouden, "definition_period": MONTH, "formula": _vast}))


class geen_kosten_kinderen(Hervorming):
    """Kosten voor kinderen niet aftrekbaar (een testbeleid)."""

    def apply(self):
        self.neutralize_variable("kosten_kinderen")


class kosten_kinderen_tot_2025(Hervorming):
    """Kosten voor kinderen afgeschaft vanaf 2025 (een testbeleid: een einddatum)."""

    def apply(self):
        oud = type(self.variables["kosten_kinderen"])
        self.update_variable(type("kosten_kinderen", (oud,), {"end": "2024-12-31"}))


class alimentatie_standaard_300(Hervorming):
    """Betaalde alimentatie standaard 300 euro (een testbeleid: een andere standaardwaarde)."""

    def apply(self):
        oud = type(self.variables["betaalde_alimentatie"])
        self.update_variable(type("betaalde_alimentatie", (oud,), {"default_value": 300}))


class norm_geverifieerd_tot_2027(Hervorming):
    """De bijstandsnorm alleenstaande geverifieerd tot eind 2027 (een testbeleid: alleen de metadata)."""

    def apply(self):
        def wijzig(parameters):
            parameters.participatiewet.art_21.alleenstaande.metadata["last_value_still_valid_on"] = "2027-12-31"
            return parameters
        self.modify_parameters(wijzig)


@pytest.mark.parametrize("periode", ["2025-01", "2027-01"])
def test_policies_that_replace_neutralise_or_redate_what_current_law_reads(periode):
    """A formula replaced (the norm no longer read), a variable neutralised or ended, a default changed, only a verified
    date changed: the shared calculation still gives every outcome and carried-forward record of a full one."""
    personen = {"a": {"geboortedatum": {"ETERNITY": "1985-03-01"}, "netto_inkomen": {periode: 2500}},
                "o": {"geboortedatum": {"ETERNITY": "1985-03-01"}, "netto_inkomen": {periode: 2500}},
                "k": {"geboortedatum": {"ETERNITY": "2015-05-01"}}}
    situatie = {"personen": personen, "huishoudens": {
        "alleen": {"aanvrager": ["a"], "terugvordering_huurtoeslag": {periode: 3000}, "beschikkingsdatum_huurtoeslag": {"ETERNITY": "2024-11-01"}},
        "gezin": {"aanvrager": ["o"], "kinderen": ["k"], "terugvordering_huurtoeslag": {periode: 9000}}}}
    _zelfde(situatie, periode, [vaste_kosten_van_bestaan, geen_kosten_kinderen, kosten_kinderen_tot_2025,
                                alimentatie_standaard_300, norm_geverifieerd_tot_2027])
    uit = vergelijk(situatie, [vaste_kosten_van_bestaan, kosten_kinderen_tot_2025, alimentatie_standaard_300], periode).uitkomsten
    assert uit["vaste_kosten_van_bestaan"]["betalingscapaciteit"][0] != uit["geldend_recht"]["betalingscapaciteit"][0]
    assert uit["alimentatie_standaard_300"]["betalingscapaciteit"][1] < uit["geldend_recht"]["betalingscapaciteit"][1]
    if periode == "2025-01":
        assert uit["kosten_kinderen_tot_2025"]["betalingscapaciteit"][1] > uit["geldend_recht"]["betalingscapaciteit"][1]
