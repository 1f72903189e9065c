"""The calculator page in a real browser: headless Debian Chromium, at a desktop width and at a phone's.

Screenshots (build/test-output/): rekenhulp_desktop.png and rekenhulp_telefoon.png (Mark's answer), and the form.
The README shows copies from docs/.
"""

import base64
import json
import re
import threading

import pytest
from openfisca_core.simulation_builder import SimulationBuilder
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait
from werkzeug.serving import make_server

from conftest import CODE, REPO
from openfisca_toeslagen import wetten
from openfisca_toeslagen.toepassingen.server import PAGINA, maak_app

UITVOER = REPO / "build" / "test-output"
DESKTOP = {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}
TELEFOON = {"width": 375, "height": 812, "deviceScaleFactor": 2, "mobile": True}


@pytest.fixture(scope="module")
def adres(tbs):
    server = make_server("127.0.0.1", 0, maak_app(tbs), threaded=True)
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    opties = webdriver.ChromeOptions()
    opties.binary_location = "/usr/bin/chromium"
    for vlag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        opties.add_argument(vlag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opties)
    yield driver
    driver.quit()


@pytest.fixture(params=["desktop", "telefoon"])
def browser(request, chromium):
    """The browser at a desktop's width and at a phone's (375 CSS pixels, touch, a small screen)."""
    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", DESKTOP if request.param == "desktop" else TELEFOON)
    chromium.breedte = request.param
    yield chromium
    chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def zet(browser, veld, waarde):
    """Set a field the way a user would; date and month inputs take their ISO value."""
    element = browser.find_element(By.ID, veld)
    if element.get_attribute("type") in ("date", "month"):
        browser.execute_script("arguments[0].value = arguments[1]", element, waarde)
    elif element.get_attribute("type") == "checkbox":
        if element.is_selected() != waarde:
            browser.execute_script("arguments[0].click()", element)  # also inside a closed <details>
    else:
        browser.execute_script("for (let d = arguments[0].closest('details'); d; d = d.parentElement.closest('details')) d.open = true",
                               element)
        element.clear()
        element.send_keys(waarde)


def vul_in(browser, adres, velden):
    browser.get(f"{adres}/rekenhulp")
    for veld, waarde in velden.items():
        zet(browser, veld, waarde)


def bereken(browser, wacht_op="resultaat"):
    browser.find_element(By.ID, "bereken").click()
    return WebDriverWait(browser, 30).until(expected_conditions.visibility_of_element_located((By.ID, wacht_op)))


def open_details(browser):
    browser.execute_script("document.querySelectorAll('#resultaat details').forEach((d) => { d.open = true; })")


def schermafdruk(browser, element, pad):
    """A PNG of the whole element, also below the fold and at the phone's pixel ratio (Chromium's own capture)."""
    vak = browser.execute_script("const r = arguments[0].getBoundingClientRect(); "
                                 "return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}", element)
    beeld = browser.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                               "clip": {**vak, "scale": 1}})
    pad.write_bytes(base64.b64decode(beeld["data"]))


def kerncijfers(browser):
    return {dd.get_attribute("data-naam"): dd.text for dd in browser.find_elements(By.CSS_SELECTOR, "#kerncijfers dd")}


MARK = {"periode": "2025-01", "aanvrager_geboortedatum": "1982-05-01", "aanvrager_netto_inkomen": "1960", "huur": "575",
        "zorgpremie": "150", "betalingen_belastingschulden": "95", "energiekosten": "295", "vervoerskosten": "300",
        "auto_nodig_voor_werk": True, "overige_aflossingen": "145", "terugvordering_huurtoeslag": "9480",
        "beschikkingsdatum_huurtoeslag": "2024-12-01", "hervormingen_tonen": True}


def test_mark_in_the_browser(browser, adres):
    """Mark's case (README, worked by hand): € 279 for 24 months, € 2.784 left, € 258,20 over; results first, the
    policies before the explanation, plain Dutch only, every link naming its law, nothing cut off or wrapped."""
    vul_in(browser, adres, MARK)
    bereken(browser, "hervormingen")
    bedragen = kerncijfers(browser)
    assert bedragen["Maandbedrag dat Toeslagen vraagt"] == "€ 279,00"
    assert bedragen["Aantal maanden"] == "24"
    assert bedragen["Wordt niet meer ingevorderd"] == "€ 2.784,00"
    assert bedragen["Over per maand na al uw lasten"] == "€ 258,20"
    assert bedragen["Standaardregeling per maand (zonder verzoek)"] == "€ 395,00"
    assert "persoonlijke regeling van 24 maanden" in browser.find_element(By.ID, "uitkomst-tekst").text
    # the routes agree with the decision, and say so: 24 × 279 = 6,696 paid, 2,784 left (no input for the review month)
    routes = browser.find_element(By.ID, "routes-tabel").text
    if browser.breedte == "desktop":
        assert "Persoonlijke regeling € 6.696,00 € 0,00 € 0,00 € 2.784,00 januari 2027" in routes
    else:  # one card per route, each amount with its column's name before it
        assert "Persoonlijke regeling\n€ 6.696,00 € 0,00 € 0,00 € 2.784,00 januari 2027" in routes
        namen = browser.execute_script("""return [...document.querySelectorAll('#routes-tabel tbody tr:nth-child(3) td')]
            .map((td) => getComputedStyle(td, '::before').content)""")
        assert namen == ['"Totaal betaald"', '"Rente"', '"Kosten"', '"Niet ingevorderd"', '"Klaar in"']
    assert browser.find_element(By.ID, "verschil-met-beslissing").text.startswith("De route met een persoonlijke regeling volgt de beslissing")
    assert "zonder invoer voor de maand van de herziening blijft het bedrag gelijk" in browser.find_element(By.ID, "herziening").text
    assert "12 januari 2025" in browser.find_element(By.ID, "vorderingen").text  # the vervaldag: six weeks after 1 December

    # the answer comes before the form, the policies before the explanation; the details open on demand
    positie = "return arguments[0].compareDocumentPosition(arguments[1]) & Node.DOCUMENT_POSITION_FOLLOWING"
    assert browser.execute_script(positie, browser.find_element(By.ID, "resultaat"), browser.find_element(By.ID, "formulier"))
    assert browser.execute_script(positie, browser.find_element(By.ID, "hervormingen"), browser.find_element(By.ID, "uitleg-blok"))
    assert not browser.find_element(By.ID, "uitleg").is_displayed()
    open_details(browser)
    uitleg = browser.find_element(By.ID, "uitleg").text
    assert "Kosten van bestaan per maand: € 1.210,91" in uitleg and "90 % (geldt vanaf 1 januari 2022)" in uitleg
    assert "Beslissing op het verzoek om een persoonlijke betalingsregeling: Persoonlijke regeling: 24 maanden" in uitleg
    links = browser.find_elements(By.CSS_SELECTOR, "#uitleg a.artikel")
    assert len(links) > 20
    for link in links:
        assert link.get_attribute("href").startswith("https://wetten.overheid.nl/")
        assert link.text.split(",")[0] in wetten.NAMEN.values(), link.text  # "Wet op de huurtoeslag, artikel 13"
    assert "Energiekosten per maand (niet aftrekbaar): € 295,00" in browser.find_element(By.ID, "genegeerd").text
    hervormingen = browser.find_element(By.ID, "hervormingen-tabel").text
    assert "Kosten van bestaan 95 %" in hervormingen and "€ 225,00" in hervormingen and "Werkelijke lasten" in hervormingen
    resultaat = browser.find_element(By.ID, "resultaat").text
    assert not CODE.findall(resultaat), CODE.findall(resultaat)  # no internal name, no formula

    # nothing cut off or wrapped: every bar's name and amount inside the page, every amount on one line, no sideways scroll
    assert browser.execute_script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    afgekapt = browser.execute_script("""
        const rand = document.getElementById('grafiek').getBoundingClientRect().right + 0.5;
        return [...document.querySelectorAll('#grafiek .staaf-naam, #grafiek .staaf-bedrag')]
          .filter((e) => e.getBoundingClientRect().right > rand || e.scrollWidth > e.clientWidth + 0.5).map((e) => e.textContent);""")
    assert afgekapt == []
    gebroken = browser.execute_script("""
        return [...document.querySelectorAll('#resultaat td.bedrag, #resultaat dd, .staaf-bedrag')].filter((e) => {
          const bereik = document.createRange(); bereik.selectNodeContents(e);
          return new Set([...bereik.getClientRects()].map((r) => Math.round(r.top))).size > 1;
        }).map((e) => e.textContent);""")
    assert gebroken == []
    UITVOER.mkdir(parents=True, exist_ok=True)
    browser.execute_script("document.querySelectorAll('#resultaat details').forEach((d) => { d.open = false; })")
    schermafdruk(browser, browser.find_element(By.ID, "resultaat"), UITVOER / f"rekenhulp_{browser.breedte}.png")


def test_bad_input_is_named_next_to_the_field_and_in_a_summary(browser, adres):
    vul_in(browser, adres, {**MARK, "huur": "-575", "aanvrager_netto_inkomen": "1.960"})
    browser.find_element(By.ID, "bereken").click()
    assert "niet negatief" in browser.find_element(By.ID, "huur-fout").text
    assert browser.find_element(By.ID, "aanvrager_netto_inkomen-fout").text == "Gebruik geen punt voor duizendtallen: schrijf 1960."
    assert browser.find_element(By.ID, "huur").get_attribute("aria-invalid") == "true"
    overzicht = browser.find_element(By.ID, "foutmelding")
    assert overzicht.is_displayed() and "Er zijn 2 fouten" in overzicht.text
    assert browser.switch_to.active_element.get_attribute("id") == "foutmelding"
    overzicht.find_element(By.CSS_SELECTOR, "a[href='#huur']").click()
    assert browser.switch_to.active_element.get_attribute("id") == "huur"
    # an error only the rules can find (a birth date after the month) also lands next to its field
    zet(browser, "huur", "575")
    zet(browser, "aanvrager_netto_inkomen", "1960")
    zet(browser, "aanvrager_geboortedatum", "2030-01-01")
    melding = bereken(browser, "aanvrager_geboortedatum-fout")
    assert "geboortedatum ligt na 2025-01" in melding.text
    # a date of a letter without its amount is not dropped but named
    vul_in(browser, adres, {**MARK, "beschikkingsdatum_zorgtoeslag": "2024-12-01"})
    browser.find_element(By.ID, "bereken").click()
    assert "Vul ook het bedrag in" in browser.find_element(By.ID, "beschikkingsdatum_zorgtoeslag-fout").text


GEZIN = {"periode": "2025-01", "aanvrager_geboortedatum": "1985-03-10", "aanvrager_netto_inkomen": "1800", "huur": "700",
         "ontvangen_huurtoeslag": "200", "zorgpremie": "160", "ontvangen_zorgtoeslag": "131", "ontvangen_kindgebonden_budget": "600",
         "terugvordering_kindgebonden_budget": "20000", "beschikkingsdatum_kindgebonden_budget": "2024-12-01"}


def test_a_single_parent_with_children_and_a_housemate(browser, adres):
    """Worked by hand: one kostendelende medebewoner (35), so A = 2 and the norm is 50 % of € 1.922,07 = € 961,04, kosten
    van bestaan 0.9 × 961.04 = 864.94; income 1800 + 126 vakantiegeld; woonlasten (700 − 200 − 238.01) / 2 = 131.00;
    zorgpremie 160 − 45 − 131 < 0 → 0; children (2511 + 2511 + 703 + 3389) / 12 = 759.50 − 600 = 159.50; capacity
    1926 − 290.50 − 864.94 = 770.56, 80 % = 616; 24 × 616 = 14,784 of 20,000, 5,216 left; over: 2857 − 860 − 616 = 1381."""
    vul_in(browser, adres, GEZIN)
    for geboren in ("2015-03-10", "2011-06-20"):
        browser.find_element(By.ID, "kind_toevoegen").click()
        zet(browser, browser.find_elements(By.CSS_SELECTOR, "#kinderen input[type=date]")[-1].get_attribute("id"), geboren)
    browser.find_element(By.ID, "kostendeler_toevoegen").click()
    zet(browser, browser.find_element(By.CSS_SELECTOR, "#kostendelers input[type=date]").get_attribute("id"), "1990-01-01")
    bereken(browser)
    bedragen = kerncijfers(browser)
    assert bedragen["Maandbedrag dat Toeslagen vraagt"] == "€ 616,00"
    assert bedragen["Wordt niet meer ingevorderd"] == "€ 5.216,00"
    assert bedragen["Over per maand na al uw lasten"] == "€ 1.381,00"
    open_details(browser)
    uitleg = browser.find_element(By.ID, "uitleg").text
    assert "Kosten van bestaan per maand: € 864,94" in uitleg and "Uitgaven voor het levensonderhoud van kinderen: € 159,50" in uitleg
    onzeker = browser.find_element(By.ID, "onzeker").text
    assert "Kostendelersnorm" in onzeker and "Schulinck" in onzeker  # the 22a formula is from a secondary source
    assert not browser.find_element(By.ID, "waarschuwing").is_displayed()


def test_a_month_past_the_verified_norms_is_marked_provisional(browser, adres, tbs):
    vul_in(browser, adres, {**MARK, "periode": "2027-01", "hervormingen_tonen": False})
    bereken(browser)
    waarschuwing = browser.find_element(By.ID, "waarschuwing")
    norm = tbs.parameters.participatiewet.art_21.alleenstaande.description
    assert waarschuwing.is_displayed() and "Voorlopige berekening" in waarschuwing.text and norm in waarschuwing.text
    assert "bekend tot en met 31 december 2026" in waarschuwing.text
    assert kerncijfers(browser)["Maandbedrag dat Toeslagen vraagt"] == "€ 239,00"  # worked by hand in berekening_voorlopig_na_geverifieerde_bedragen.yaml


def _ingelezen_invoer(tbs):
    """The inputs the rules read for a decision, found by tracing one household in which every input is given (a partner,
    a child and a housemate; every amount and number set, every yes/no that does not refuse the household set)."""
    invoer = {naam: v for naam, v in tbs.variables.items() if not v.formulas}
    waarde = {"bool": True, "int": 3, "float": 123.0}
    nee = {"commerciele_overeenkomst", "opgenomen_in_inrichting", "volgt_onderwijs_met_studiefinanciering", "opzet_of_grove_schuld"}
    personen = {}
    for wie, geboren in (("a", "1982-05-01"), ("p", "1983-05-01"), ("k", "2015-01-01"), ("m", "1990-01-01")):
        personen[wie] = {"geboortedatum": {"ETERNITY": geboren}}
        personen[wie].update({naam: {"2025-01": naam not in nee if v.value_type is bool else waarde[v.value_type.__name__]}
                              for naam, v in invoer.items() if v.entity.key == "persoon" and naam != "geboortedatum"})
    huishouden = {"aanvrager": ["a"], "partner": ["p"], "kinderen": ["k"], "kostendelers": ["m"]}
    for naam, v in invoer.items():
        if v.entity.key == "huishouden":
            huishouden[naam] = ({"ETERNITY": "2024-12-01"} if v.value_type.__name__ == "date" else
                                {"2025-01": naam not in nee if v.value_type is bool else waarde[v.value_type.__name__]})
    huishouden["dagen_met_kostgangers"] = {"2025-01": 30}
    simulatie = SimulationBuilder().build_from_entities(tbs, {"personen": personen, "huishoudens": {"h": huishouden}})
    simulatie.trace = True
    for naam in ("uitkomst_verzoek", "termijnbedrag", "looptijd_maanden", "restschuld_buiten_invordering", "direct_te_betalen_uit_vermogen",
                 "vrij_besteedbaar_na_regeling"):
        simulatie.calculate(naam, "2025-01")
    return set(invoer) & {knoop.name for knoop in simulatie.tracer.browse_trace()}, invoer


def test_the_page_asks_every_input_the_rules_read(chromium, adres, tbs):
    """A test of coverage: the page's fields (with a partner, a child and a housemate) against the inputs the rules read,
    every field with a label and a one-line hint; then every field filled in reaches the situation sent."""
    gelezen, invoer = _ingelezen_invoer(tbs)
    assert len(gelezen) >= 45
    vul_in(chromium, adres, {"heeft_partner": True})
    chromium.find_element(By.ID, "kind_toevoegen").click()
    chromium.find_element(By.ID, "kostendeler_toevoegen").click()
    velden = chromium.execute_script("""
        return [...document.querySelectorAll('#formulier [data-variabele]')].map((v) => ({id: v.id, variabele: v.dataset.variabele,
          persoon: v.dataset.persoon || null, soort: v.dataset.soort,
          label: (document.querySelector(`label[for="${v.id}"]`) || {}).textContent || '',
          hint: (document.getElementById(v.id + '-hint') || {}).textContent || '',
          beschreven: (v.getAttribute('aria-describedby') || '').split(' ').includes(v.id + '-hint')}));""")
    op_de_pagina = {v["variabele"] for v in velden}
    assert gelezen - op_de_pagina == set(), "inputs the rules read that the page does not ask"
    assert op_de_pagina <= set(invoer), "fields that fill no input of the rules"
    for veld in velden:
        assert veld["label"].strip() and veld["beschreven"] and 20 <= len(veld["hint"].strip()) <= 160, veld
    per_persoon = {}
    for veld in velden:
        per_persoon.setdefault(veld["persoon"], set()).add(veld["variabele"])
    persoonlijk = {naam for naam in gelezen if invoer[naam].entity.key == "persoon"}
    medebewoner = {"geboortedatum", "volgt_onderwijs_met_studiefinanciering", "commerciele_overeenkomst", "opgenomen_in_inrichting"}
    assert per_persoon["aanvrager"] == per_persoon["partner"] == persoonlijk - medebewoner | {"geboortedatum", "opgenomen_in_inrichting"}
    assert per_persoon["kostendelers_2"] == medebewoner and per_persoon["kinderen_1"] == {"geboortedatum"}

    # every field filled in reaches the situation, on its person or on the household
    for veld in velden:
        if veld["soort"] == "bedrag":
            zet(chromium, veld["id"], "12,50")
        elif veld["soort"] == "getal":
            zet(chromium, veld["id"], "3")
        elif veld["soort"] == "datum":
            zet(chromium, veld["id"], "1990-01-01" if veld["variabele"] == "geboortedatum" else "2024-12-01")
    zet(chromium, "periode", "2025-01")
    situatie = json.loads(chromium.execute_script("return JSON.stringify(situatie().situatie)"))
    for veld in velden:
        doel = situatie["personen"][veld["persoon"]] if veld["persoon"] else situatie["huishoudens"]["huishouden"]
        assert veld["variabele"] in doel, veld


def test_the_page_loads_nothing_from_elsewhere(chromium, adres):
    """No external request: every resource the page loads comes from the server, and its policy forbids any other."""
    chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    vul_in(chromium, adres, MARK)
    bereken(chromium)
    bronnen = chromium.execute_script("return performance.getEntriesByType('resource').map((r) => r.name)")
    assert bronnen and all(bron.startswith(adres) for bron in bronnen), bronnen
    for tekst in PAGINA.iterdir():
        inhoud = tekst.read_text()
        assert not re.search(r"(src|href)=\"https?://|url\(\s*['\"]?https?://|@import", inhoud), tekst.name
