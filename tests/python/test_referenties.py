"""Every parameter and every formula variable points to a dated article on wetten.overheid.nl and says which text
version it follows and how sure that is (zekerheid)."""

import re

import pytest

from conftest import CODE, REPO
from openfisca_toeslagen import reforms, zekerheid
from openfisca_toeslagen.geldigheid import alle_parameters

DATED_LINK = re.compile(r"^https://wetten\.overheid\.nl/BWBR\d{7}/\d{4}-\d{2}-\d{2}#\S+$")


def _links(reference):
    if isinstance(reference, dict):
        return [reference["href"]]
    if isinstance(reference, str):
        return [reference]
    return list(reference)


def test_every_parameter_has_metadata_and_a_dated_reference(tbs):
    parameters = list(alle_parameters(tbs.parameters))
    assert len(parameters) >= 25
    for parameter in parameters:
        assert parameter.description, parameter.name
        assert parameter.metadata.get("last_value_still_valid_on"), parameter.name
        assert parameter.metadata.get("unit"), parameter.name
        for link in _links(parameter.metadata["reference"]):
            assert DATED_LINK.match(link), (parameter.name, link)
        for value in parameter.values_list:
            assert DATED_LINK.match(value.metadata["reference"]), (parameter.name, value.instant_str)


def test_every_parameter_starts_by_2022(tbs):
    # Awir art. 47b exists only from 2026 (0 % interest from then on); before that the Besluit's rate applies.
    later = {"awir.art_47b.invorderingsrente"}
    for parameter in alle_parameters(tbs.parameters):
        if parameter.name not in later:
            assert parameter.values_list[-1].instant_str <= "2022-01-01", parameter.name


def test_every_formula_variable_has_a_dated_reference_and_a_docstring(tbs):
    with_formula = [v for v in tbs.variables.values() if v.formulas]
    assert len(with_formula) >= 30
    # Not legal rules: what a household really keeps (documented as such).
    buiten_de_wet = {"inkomsten_totaal", "lasten_totaal", "vrij_besteedbaar_na_regeling", "berekening_voorlopig"}
    for variable in with_formula:
        assert variable.label, variable.name
        for formula in variable.formulas.values():
            assert formula.__doc__, variable.name
        if variable.name in buiten_de_wet:
            continue
        links = _links(variable.reference)
        assert links, variable.name
        for link in links:
            assert DATED_LINK.match(link), (variable.name, link)


def _systemen(tbs):
    yield tbs
    for naam in reforms.HERVORMINGEN:
        yield reforms.pas_toe(tbs, [naam])


def test_every_parameter_says_its_text_version_and_how_sure(tbs):
    """tekstversie and zekerheid on every parameter (of current law and of every reform), per value where it differs;
    secundair names its source, lezing states the reading."""
    for systeem in _systemen(tbs):
        for parameter in alle_parameters(systeem.parameters):
            for waarde in parameter.values_list:
                bron = zekerheid.van_parameter(parameter, waarde.instant_str)  # raises when incomplete
                assert bron.tekstversie, (parameter.name, waarde.instant_str)


def test_every_formula_variable_says_its_text_version_and_how_sure(tbs):
    for systeem in _systemen(tbs):
        for variable in systeem.variables.values():
            if variable.formulas:
                bron = zekerheid.van_variabele(variable)
                assert bron is not None, (systeem.__class__.__name__, variable.name)
                assert bron.zin() in variable.documentation, variable.name  # also shown by the standard web API


def test_indexed_amounts_are_marked_and_verified_to_a_date(tbs):
    """The amounts re-set every (half) year carry `indexering`; geldigheid then knows how far they were verified."""
    geindexeerd = {p.name for p in alle_parameters(tbs.parameters) if p.metadata.get("indexering")}
    for verwacht in ("participatiewet.art_21.alleenstaande", "participatiewet.art_22.gehuwden_beiden_pensioengerechtigd",
                     "wet_op_de_huurtoeslag.art_17.normhuur", "leidraad_invordering.art_26_2_19.normpremie_echtgenoten",
                     "wet_op_het_kindgebonden_budget.art_2.eerste_kind", "awir.art_26a.drempel",
                     "algemene_ouderdomswet.art_7a.pensioengerechtigde_leeftijd"):
        assert verwacht in geindexeerd, verwacht
    for parameter in alle_parameters(tbs.parameters):
        if parameter.metadata.get("indexering"):
            assert parameter.metadata["indexering"] in ("halfjaarlijks", "jaarlijks", "onregelmatig"), parameter.name


@pytest.mark.parametrize("name", ["drempel"])
def test_standaardregeling_drempel_is_minimum_times_months(tbs, name):
    """Leidraad 79.7 names EUR 480 and also EUR 20 for 24 months: the three must agree on every date."""
    art = tbs.parameters.leidraad_invordering.art_79_7
    for value in art.drempel.values_list:
        datum = value.instant_str
        assert art.drempel(datum) == art.minimum_termijnbedrag(datum) * art.maximale_looptijd(datum)


def test_every_variable_says_in_dutch_what_it_is(tbs):
    """Every variable has a documentation of its own, beyond the sentence on how sure it is: the standard web API's
    /variable and the explanation show it."""
    for naam, variabele in tbs.variables.items():
        tekst = variabele.documentation or ""
        bron = zekerheid.van_variabele(variabele)
        if bron:
            tekst = tekst.replace(bron.zin(), "")
        assert len(" ".join(tekst.split())) >= 40, naam


def test_labels_and_documentation_are_plain_dutch_without_code(tbs):
    """What the explanation, the page and /variable show a citizen names no identifier and no formula: no
    names_with_underscores, no min( or max( (a reform is named by its title, a rule in words)."""
    for naam, variabele in tbs.variables.items():
        for veld in ("label", "documentation"):
            assert not CODE.findall(getattr(variabele, veld) or ""), (naam, veld, CODE.findall(getattr(variabele, veld)))


def test_no_step_of_the_explanation_is_without_its_rule(mark_situatie):
    """Every step of Mark's explanation, and of a family's with housemates and savings, says which rule it follows."""
    from openfisca_toeslagen.toepassingen.uitleg import uitleg
    gezin = {"personen": {"a": {"geboortedatum": {"ETERNITY": "1985-01-01"}, "netto_inkomen": {"2025-01": 2400}},
                          "k": {"geboortedatum": {"ETERNITY": "2015-01-01"}}, "m": {"geboortedatum": {"ETERNITY": "1990-01-01"}}},
             "huishoudens": {"h": {"aanvrager": ["a"], "kinderen": ["k"], "kostendelers": ["m"], "huur": {"2025-01": 900},
                                   "zorgpremie": {"2025-01": 150}, "financiele_middelen": {"2025-01": 9000},
                                   "aflossing_leningen_belastingschulden": {"2025-01": 50},
                                   "terugvordering_zorgtoeslag": {"2025-01": 4000}}}}
    for situatie in (mark_situatie, gezin):
        for stap in uitleg(situatie, "2025-01")["stappen"]:
            regel = stap["regel"].replace((stap["zekerheid"] or {}).get("zin", ""), "").strip()
            assert len(regel) >= 40, stap["variabele"]


def test_every_law_and_article_folder_names_its_law_and_links_it():
    import yaml
    mappen = [m for m in (REPO / "parameters").rglob("*") if m.is_dir()]
    assert len(mappen) >= 30
    for map_ in mappen:
        index = yaml.safe_load((map_ / "index.yaml").read_text(encoding="utf-8"))
        assert index["description"], map_
        link = index["metadata"]["reference"]["href"]
        assert (DATED_LINK if map_.name.startswith("art_") else re.compile(r"^https://wetten\.overheid\.nl/BWBR\d{7}/\d{4}-\d{2}-\d{2}$")).match(link), map_


def test_every_link_names_its_law(tbs):
    """A link on the page and in the explanation says which law it is: every reference of every variable and parameter
    has a known law (wetten.NAMEN) and its article."""
    from openfisca_toeslagen import wetten
    assert wetten.naam("https://wetten.overheid.nl/BWBR0008659/2026-01-01#Artikel13") == "Wet op de huurtoeslag, artikel 13"
    assert wetten.naam("https://wetten.overheid.nl/BWBR0004766/2026-01-01#Artikel13") == "Uitvoeringsregeling Invorderingswet 1990, artikel 13"
    assert wetten.naam(wetten.leidraad("79.8")) == "Leidraad Invordering 2008, paragraaf 79.8"
    links = [link for v in tbs.variables.values() for link in ([v.reference] if isinstance(v.reference, str) else v.reference or [])]
    for parameter in alle_parameters(tbs.parameters):
        links += [(parameter.metadata.get("reference") or {}).get("href")] if isinstance(parameter.metadata.get("reference"), dict) else []
        links += [w.metadata["reference"] for w in parameter.values_list if isinstance((w.metadata or {}).get("reference"), str)]
    assert len(links) > 100
    for link in links:
        assert wetten.naam(link).split(",")[0] in wetten.NAMEN.values(), link
    with pytest.raises(ValueError, match="geen bekende wet"):
        wetten.naam("https://example.org/x")
