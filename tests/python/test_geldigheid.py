"""Amounts past their verified date: provisional by default, refused in strict mode (TOESLAGEN_STRIKT=1), refused in
both modes more than 24 months on; the same in Python and over HTTP, and per household in a simulation of many.

The norms, huurtoeslag amounts, normpremie and kindgebonden budget are verified up to 2026-12-31, the pensioner
supplement of URI art. 16 lid 3 up to 2022-12-31 (changed at irregular times, no newer amount found: never refused
for age, only in strict mode).
"""


import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from onafhankelijk_model import naar_situatie
from conftest import post
from openfisca_toeslagen import geldigheid

ALLEENSTAANDE = {"aanvrager": {"geboortedatum": "1982-05-01", "netto_inkomen": 1960}}
STEL = {"aanvrager": {"geboortedatum": "1982-05-01", "netto_inkomen": 1960},
        "partner": {"geboortedatum": "1984-02-01", "netto_inkomen": 800}}
PENSIONADO = {"aanvrager": {"geboortedatum": "1950-03-01", "netto_inkomen": 1700}}
HUURDER = {"aanvrager": {"geboortedatum": "1982-05-01", "netto_inkomen": 1960}, "huur": 575,
           "terugvordering_huurtoeslag": 9480}
OUDER = {"aanvrager": {"geboortedatum": "1990-05-01", "netto_inkomen": 2100},
         "kinderen": [{"geboortedatum": "2019-06-01"}], "ontvangen_kindgebonden_budget": 300}
MARK = {"aanvrager": {"geboortedatum": "1982-05-01", "netto_inkomen": 1960}, "huur": 575, "zorgpremie": 150,
        "betalingen_belastingschulden": 95, "terugvordering_huurtoeslag": 9480, "beschikkingsdatum_huurtoeslag": "2026-11-02"}

NORM = "participatiewet.art_21.alleenstaande"
HUURTOESLAG = {"wet_op_de_huurtoeslag.art_13.maximale_huurgrens", "wet_op_de_huurtoeslag.art_17.normhuur"}
VERHOGING = "uitvoeringsregeling_invorderingswet.art_16.verhoging_een_pensioengerechtigd"


@pytest.fixture
def streng(monkeypatch):
    monkeypatch.setenv(geldigheid.STRIKT, "1")


def simulatie(tbs, huishoudens, maand):
    return SimulationBuilder().build_from_entities(tbs, naar_situatie(huishoudens, maand))


@pytest.mark.parametrize("huishouden, parameter", [
    (ALLEENSTAANDE, NORM),
    (STEL, "participatiewet.art_21.gehuwden"),
    (PENSIONADO, "participatiewet.art_22.alleenstaande"),
])
def test_strict_mode_refuses_2027_naming_the_households_own_norm(tbs, streng, huishouden, parameter):
    sim = simulatie(tbs, [huishouden], "2027-01")
    with pytest.raises(ValueError, match=rf"{parameter}: geen geverifieerde waarde voor 2027-01 \(laatst geverifieerd tot en met 2026-12-31\).*h0"):
        sim.calculate("bijstandsnorm", "2027-01")


def test_strict_mode_computes_a_verified_month(tbs, streng):
    """2026-12: every amount Mark's decision uses is verified, strict mode computes it (the YAML test gives € 239)."""
    assert simulatie(tbs, [MARK], "2026-12").calculate("termijnbedrag", "2026-12")[0] == 239


def test_the_pensioner_supplement_is_provisional_after_2022_and_refused_only_in_strict_mode(tbs, monkeypatch):
    sim = simulatie(tbs, [PENSIONADO], "2026-12")
    # 0.9 × 1587.34 (Pw 22 a of 2026-07-01) = 1428.606 → 1428.61, + 11.54 (the supplement of 2022)
    assert sim.calculate("kosten_van_bestaan", "2026-12")[0] == pytest.approx(1440.15, abs=0.005)
    assert geldigheid.voorlopig_voor(sim, "2026-12", 0) == [{
        "parameter": VERHOGING, "omschrijving": sim.tax_benefit_system.parameters.uitvoeringsregeling_invorderingswet.art_16
        .verhoging_een_pensioengerechtigd.description, "geverifieerd_tot": "2022-12-31"}]
    monkeypatch.setenv(geldigheid.STRIKT, "1")
    with pytest.raises(ValueError, match=rf"{VERHOGING}: geen geverifieerde waarde voor 2026-12 \(laatst geverifieerd tot en met 2022-12-31\)"):
        simulatie(tbs, [PENSIONADO], "2026-12").calculate("kosten_van_bestaan", "2026-12")


def test_each_household_is_flagged_for_its_own_amounts_only(tbs):
    """One simulation of a renter, a parent and a pensioner in 2027-01: each names only the carried-forward amounts
    its own decision reads."""
    sim = simulatie(tbs, [HUURDER, OUDER, PENSIONADO], "2027-01")
    sim.calculate("termijnbedrag", "2027-01")
    assert list(sim.calculate("berekening_voorlopig", "2027-01")) == [True, True, True]
    huurder, ouder, pensionado = ({v["parameter"] for v in geldigheid.voorlopig_voor(sim, "2027-01", i)} for i in range(3))
    assert HUURTOESLAG <= huurder and NORM in huurder
    assert not HUURTOESLAG & (ouder | pensionado)
    wkb = {p for p in ouder if p.startswith("wet_op_het_kindgebonden_budget.")}
    assert "wet_op_het_kindgebonden_budget.art_2.eerste_kind" in wkb
    assert not {p for p in huurder | pensionado if p.startswith("wet_op_het_kindgebonden_budget.")}
    assert {"participatiewet.art_22.alleenstaande", VERHOGING} <= pensionado
    assert NORM not in pensionado and VERHOGING not in huurder | ouder


def test_24_months_on_provisional_then_refused_in_both_modes(tbs, monkeypatch):
    sim = simulatie(tbs, [MARK], "2028-12")
    assert sim.calculate("berekening_voorlopig", "2028-12")[0]
    for strikt in ("0", "1"):
        monkeypatch.setenv(geldigheid.STRIKT, strikt)
        with pytest.raises(ValueError, match=r"2029-01 ligt meer dan 24 maanden na de laatst geverifieerde waarde \(tot en met 2026-12-31\)"):
            simulatie(tbs, [MARK], "2029-01").calculate("termijnbedrag", "2029-01")


def test_the_pensioner_supplement_is_never_refused_for_age(tbs):
    """2028-12 is six years after the supplement's verified date, and still only provisional."""
    sim = simulatie(tbs, [PENSIONADO], "2028-12")
    sim.calculate("kosten_van_bestaan", "2028-12")
    assert {v["parameter"]: v["geverifieerd_tot"] for v in geldigheid.voorlopig_voor(sim, "2028-12", 0)}[VERHOGING] == "2022-12-31"


# --- the same over HTTP -------------------------------------------------------------------------------------------

def _mark(maand):
    situatie = naar_situatie([MARK], maand)
    situatie["huishoudens"]["h0"]["termijnbedrag"] = {maand: None}
    situatie["huishoudens"]["h0"]["berekening_voorlopig"] = {maand: None}
    return situatie


VERZOEKEN = {
    "/calculate": lambda maand: _mark(maand),
    "/uitleg": lambda maand: {"situatie": _mark(maand), "periode": maand},
    "/vergelijk": lambda maand: {"situatie": _mark(maand), "periode": maand, "hervormingen": ["kosten_van_bestaan_95"]},
    "/routes": lambda maand: {"situatie": _mark(maand), "periode": maand},
}


@pytest.mark.parametrize("pad", VERZOEKEN)
def test_over_http_2027_is_provisional_by_default(client, pad):
    antwoord = post(client, pad, VERZOEKEN[pad]("2027-01"))
    assert antwoord.status_code == 200, antwoord.get_data(as_text=True)
    tekst = antwoord.get_data(as_text=True)
    if pad == "/calculate":
        assert antwoord.get_json()["huishoudens"]["h0"]["berekening_voorlopig"]["2027-01"] is True
    else:
        assert "Voorlopige berekening: voor 2027-01" in tekst and NORM in tekst


@pytest.mark.parametrize("pad", VERZOEKEN)
def test_over_http_strict_mode_refuses_2027_naming_the_parameter(client, streng, pad):
    antwoord = post(client, pad, VERZOEKEN[pad]("2027-01"))
    assert antwoord.status_code == 400, antwoord.get_data(as_text=True)
    assert antwoord.is_json
    assert "geen geverifieerde waarde voor 2027-01" in antwoord.get_data(as_text=True)


@pytest.mark.parametrize("pad", VERZOEKEN)
def test_over_http_strict_mode_answers_a_verified_month(client, streng, pad):
    antwoord = post(client, pad, VERZOEKEN[pad]("2026-12"))
    assert antwoord.status_code == 200, antwoord.get_data(as_text=True)
