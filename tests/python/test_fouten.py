"""Bad input gets a clear error that names the field; nothing is silently assumed."""

import pytest
from openfisca_core.errors import ParameterNotFound, SituationParsingError


def test_missing_aanvrager_is_refused(bereken):
    situatie = {
        "personen": {"p": {"geboortedatum": {"ETERNITY": "1980-01-01"}}},
        "huishoudens": {"h": {"partner": ["p"]}},
    }
    with pytest.raises(ValueError, match="aanvrager"):
        bereken(situatie, "betalingscapaciteit", "2025-01")


def test_two_aanvragers_are_refused(bereken):
    situatie = {
        "personen": {"a": {}, "b": {}},
        "huishoudens": {"h": {"aanvrager": ["a", "b"]}},
    }
    with pytest.raises(SituationParsingError, match="aanvrager"):
        bereken(situatie, "betalingscapaciteit", "2025-01")


def test_missing_geboortedatum_of_the_aanvrager_is_refused(bereken):
    situatie = {"personen": {"mark": {}}, "huishoudens": {"h": {"aanvrager": ["mark"]}}}
    with pytest.raises(ValueError, match="geboortedatum ontbreekt.*mark"):
        bereken(situatie, "kosten_van_bestaan", "2025-01")


def test_every_member_needs_a_geboortedatum(bereken):
    """A child's age decides the kindgebonden budget (URI art. 15 lid 1 g), a housemate's whether he is a kostendeler."""
    for rol in ("kinderen", "kostendelers"):
        situatie = {
            "personen": {"a": {"geboortedatum": {"ETERNITY": "1985-01-01"}}, "k": {}},
            "huishoudens": {"h": {"aanvrager": ["a"], rol: ["k"]}},
        }
        with pytest.raises(ValueError, match="geboortedatum ontbreekt: k"):
            bereken(situatie, "kosten_van_bestaan", "2025-01")


@pytest.mark.parametrize("veld, entiteit", [
    ("netto_inkomen", "personen"), ("huur", "huishoudens"), ("zorgpremie", "huishoudens"),
    ("terugvordering_zorgtoeslag", "huishoudens"), ("financiele_middelen", "huishoudens"),
])
def test_negative_amounts_are_refused_naming_the_field(bereken, veld, entiteit):
    situatie = {
        "personen": {"a": {"geboortedatum": {"ETERNITY": "1985-01-01"}}},
        "huishoudens": {"h": {"aanvrager": ["a"], "terugvordering_huurtoeslag": {"2025-01": 1000}}},
    }
    doel = situatie[entiteit]["a" if entiteit == "personen" else "h"]
    doel[veld] = {"2025-01": -1}
    with pytest.raises(ValueError, match=f"{veld} mag niet negatief zijn"):
        bereken(situatie, "uitkomst_verzoek", "2025-01")


def test_more_than_24_months_after_the_verified_norms_is_refused(bereken, mark_situatie):
    with pytest.raises(ValueError, match=r"participatiewet\.art_21\.alleenstaande: 2029-01 ligt meer dan 24 maanden na .*2026-12-31"):
        bereken(mark_situatie, "kosten_van_bestaan", "2029-01")


def test_a_period_before_the_first_norms_is_refused(bereken, mark_situatie):
    with pytest.raises(ParameterNotFound):
        bereken(mark_situatie, "kosten_van_bestaan", "2021-12")


def test_unknown_variable_is_refused(bereken):
    situatie = {"personen": {"a": {"inkomen_onbekend": {"2025-01": 1}}}, "huishoudens": {"h": {"aanvrager": ["a"]}}}
    with pytest.raises(SituationParsingError, match="inkomen_onbekend"):
        bereken(situatie, "betalingscapaciteit", "2025-01")


def test_a_birth_date_after_the_month_is_refused(bereken):
    situatie = {"personen": {"mark": {"geboortedatum": {"ETERNITY": "2030-01-01"}}}, "huishoudens": {"h": {"aanvrager": ["mark"]}}}
    with pytest.raises(ValueError, match="geboortedatum ligt na 2025-01: mark"):
        bereken(situatie, "kosten_van_bestaan", "2025-01")


@pytest.mark.parametrize("jong", ["aanvrager", "partner"])
def test_a_spouse_under_21_with_a_housemate_is_refused_whoever_files(bereken, jong):
    """Pw art. 22a lid 3 gives such a couple a youth amount the URI does not know: refused for either role order."""
    oud = "partner" if jong == "aanvrager" else "aanvrager"
    situatie = {
        "personen": {"jong": {"geboortedatum": {"ETERNITY": "2005-06-01"}}, "oud": {"geboortedatum": {"ETERNITY": "1995-01-01"}},
                     "m": {"geboortedatum": {"ETERNITY": "1980-01-01"}}},
        "huishoudens": {"h": {jong: ["jong"], oud: ["oud"], "kostendelers": ["m"]}},
    }
    with pytest.raises(ValueError, match="echtgenoten van wie één jonger is dan 21, met kostendelende medebewoners.*: h"):
        bereken(situatie, "kosten_van_bestaan", "2025-01")


def test_a_small_claim_dated_before_the_first_known_threshold_is_refused(bereken):
    """Awir art. 26a: the threshold before 2022 is not in the parameters; € 100 or less of then cannot be judged."""
    situatie = {
        "personen": {"a": {"geboortedatum": {"ETERNITY": "1982-05-01"}}},
        "huishoudens": {"h": {"aanvrager": ["a"], "terugvordering_zorgtoeslag": {"2025-01": 100},
                              "beschikkingsdatum_zorgtoeslag": {"ETERNITY": "2021-11-01"}}},
    }
    with pytest.raises(ValueError, match="awir.art_26a.drempel: geen waarde voor 2021-11-01; de eerste waarde geldt vanaf 2022-01-01"):
        bereken(situatie, "schuld", "2025-01")


def test_a_vervaldag_before_the_first_known_term_names_the_field_and_the_household(bereken):
    """Awir art. 28's term is recorded from 2022-01-01: a beschikking of 2021-12-31 has no vervaldag here, 2022-01-01 has."""
    def situatie(datum):
        return {"personen": {"a": {"geboortedatum": {"ETERNITY": "1980-01-01"}}},
                "huishoudens": {"h": {"aanvrager": ["a"], "terugvordering_zorgtoeslag": {"2025-01": 500},
                                      "beschikkingsdatum_zorgtoeslag": {"ETERNITY": datum}}}}
    with pytest.raises(ValueError, match=r"^beschikkingsdatum_zorgtoeslag ligt vóór 2022-01-01: .*\(h\)$"):
        bereken(situatie("2021-12-31"), "vervaldag_zorgtoeslag", "2025-01")
    assert str(bereken(situatie("2022-01-01"), "vervaldag_zorgtoeslag", "2025-01")[0]) == "2022-02-12"


def test_a_vervaldag_of_a_beschikking_after_the_request_month_is_refused_as_the_decision_refuses_it(bereken):
    """A beschikking dated after the request month cannot be part of the request: its vervaldag is refused with the
    decision's own message, and the last day of the month is still accepted (2025-01-31 + 6 weeks = 2025-03-14)."""
    def situatie(datum):
        return {"personen": {"a": {"geboortedatum": {"ETERNITY": "1980-01-01"}}},
                "huishoudens": {"h": {"aanvrager": ["a"], "terugvordering_huurtoeslag": {"2025-01": 500},
                                      "beschikkingsdatum_huurtoeslag": {"ETERNITY": datum}}}}
    for variabele in ("vervaldag_huurtoeslag", "schuld"):
        with pytest.raises(ValueError, match=r"^beschikkingsdatum_huurtoeslag ligt na de maand van het verzoek 2025-01: h$"):
            bereken(situatie("2025-02-01"), variabele, "2025-01")
    assert str(bereken(situatie("2025-01-31"), "vervaldag_huurtoeslag", "2025-01")[0]) == "2025-03-14"
