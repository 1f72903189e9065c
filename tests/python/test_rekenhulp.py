"""The calculator page in a real browser: headless Debian Chromium fills in Mark's case, and a bad amount.

Screenshots of Mark's result and of the filled-in form: build/test-output/rekenhulp_mark.png and _formulier.png.
"""

import threading
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait
from werkzeug.serving import make_server

from openfisca_toeslagen.server import maak_app

UITVOER = Path(__file__).resolve().parents[2] / "build" / "test-output"


@pytest.fixture(scope="module")
def adres(tbs):
    server = make_server("127.0.0.1", 0, maak_app(tbs), threaded=True)
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    opties = webdriver.ChromeOptions()
    opties.binary_location = "/usr/bin/chromium"
    for vlag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1000,2400",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        opties.add_argument(vlag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opties)
    yield driver
    driver.quit()


def zet(browser, veld, waarde):
    """Set a field the way a user would; date and month inputs take their ISO value."""
    element = browser.find_element(By.ID, veld)
    if element.get_attribute("type") in ("date", "month"):
        browser.execute_script("arguments[0].value = arguments[1]", element, waarde)
    elif element.get_attribute("type") == "checkbox":
        if element.is_selected() != waarde:
            element.click()
    else:
        element.clear()
        element.send_keys(waarde)


MARK = {"periode": "2025-01", "aanvrager_geboortedatum": "1982-05-01", "aanvrager_netto_inkomen": "1960", "huur": "575",
        "zorgpremie": "150", "betalingen_belastingschulden": "95", "energiekosten": "295", "vervoerskosten": "300",
        "auto_nodig_voor_werk": True, "overige_aflossingen": "145", "terugvordering_huurtoeslag": "9480",
        "beschikkingsdatum_huurtoeslag": "2024-12-01", "hervormingen_tonen": True}


def test_mark_in_the_browser(browser, adres):
    browser.get(f"{adres}/rekenhulp")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Rekenhulp")
    for veld, waarde in MARK.items():
        zet(browser, veld, waarde)
    browser.find_element(By.ID, "bereken").click()
    WebDriverWait(browser, 30).until(expected_conditions.visibility_of_element_located((By.ID, "hervormingen")))
    bedragen = {dd.get_attribute("data-naam"): dd.text for dd in browser.find_elements(By.CSS_SELECTOR, "#overzicht dd")}
    assert bedragen["Maandbedrag dat Toeslagen vraagt"] == "€ 279,00"
    assert bedragen["Aantal maanden"] == "24"
    assert bedragen["Wordt niet meer ingevorderd"] == "€ 2.784,00"
    assert bedragen["Over per maand na al uw lasten"] == "€ 258,20"
    assert bedragen["Standaardregeling (zonder verzoek)"] == "€ 395,00 per maand"
    assert "persoonlijke regeling van 24 maanden" in browser.find_element(By.ID, "uitkomst-tekst").text
    uitleg = browser.find_element(By.ID, "uitleg").text
    assert "Kosten van bestaan per maand: € 1.210,91" in uitleg and "geldt vanaf 2022-01-01" in uitleg
    assert browser.find_elements(By.CSS_SELECTOR, "#uitleg a.artikel")[0].get_attribute("href").startswith("https://wetten.overheid.nl/")
    assert "Energiekosten per maand (niet aftrekbaar): € 295,00" in browser.find_element(By.ID, "genegeerd").text
    hervormingen = browser.find_element(By.ID, "hervormingen-tabel").text
    assert "Kosten van bestaan 95 % € 225,00" in hervormingen and "Werkelijke lasten € 0,00" in hervormingen
    assert browser.find_element(By.CSS_SELECTOR, "#grafiek svg")
    UITVOER.mkdir(parents=True, exist_ok=True)
    resultaat = browser.find_element(By.ID, "resultaat")
    browser.execute_script("arguments[0].scrollIntoView()", resultaat)
    assert resultaat.screenshot(str(UITVOER / "rekenhulp_mark.png"))
    assert browser.save_screenshot(str(UITVOER / "rekenhulp_mark_formulier.png"))


def test_bad_input_is_shown_next_to_the_field(browser, adres):
    browser.get(f"{adres}/rekenhulp")
    for veld, waarde in MARK.items():
        zet(browser, veld, waarde)
    zet(browser, "huur", "-575")
    browser.find_element(By.ID, "bereken").click()
    melding = browser.find_element(By.ID, "huur-fout")
    assert melding.is_displayed() and "niet negatief" in melding.text
    assert browser.find_element(By.ID, "huur").get_attribute("aria-invalid") == "true"
    assert browser.switch_to.active_element.get_attribute("id") == "huur"
    # an error only the rules can find (a birth date after the month) also lands next to its field
    zet(browser, "huur", "575")
    zet(browser, "aanvrager_geboortedatum", "2030-01-01")
    browser.find_element(By.ID, "bereken").click()
    melding = WebDriverWait(browser, 30).until(expected_conditions.visibility_of_element_located((By.ID, "aanvrager_geboortedatum-fout")))
    assert "geboortedatum ligt na 2025-01" in melding.text
