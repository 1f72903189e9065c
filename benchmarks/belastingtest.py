"""Load test: Mark's /calculate on our server next to openfisca-country-template's /calculate, served the same way.

Run: make benchmark   (or .venv/bin/python benchmarks/belastingtest.py [seconds])

Three applications run under gunicorn with the same settings (2 sync workers, 127.0.0.1), side by side for the
whole run: ours, the template as published, and the template given our server's period cache
(`openfisca_toeslagen.motor.perioden`) for a like-for-like ratio. wrk (Debian) sends POST /calculate from 16
connections for 30 seconds, in the order A B C C B A: the machine's speed drifts (it is shared), and this order
cancels a steady drift out of the ratios. Printed per application and run: requests, throughput, p50 and p99
latency, errors (non-2xx or socket); then per application all runs together, the workers' resident memory after
a warm-up and after the runs (at least 10,000 requests; the last run is extended when they were fewer), and the
ratios of our throughput to the template's.
Then where the time goes: the phases of the standard /calculate handler in-process (both in one process, so both
with the period cache), with the number of values, formulas and reads of each request.
"""

import json
import math
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent
REPO = HIER.parent
BIN = Path(sys.executable).parent
LUA = """wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = io.open("{body}"):read("*a")
"""


def _vrije_poort():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _situaties():
    from openfisca_country_template.situation_examples import couple

    # Each application's own /spec example: Mark (6 outputs) and the template's couple (3 outputs).
    ons = json.loads((REPO / "openfisca_toeslagen" / "situation_examples" / "mark.json").read_text())
    return {"openfisca_toeslagen": ons, "country_template": couple}


def _start(app, poort):
    proces = subprocess.Popen([str(BIN / "gunicorn"), "--workers", "2", "--bind", f"127.0.0.1:{poort}", "--chdir", str(HIER), app],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", poort), timeout=0.2).close()
            time.sleep(1)
            return proces
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{app} starts not on port {poort}")


def _werkers_rss(proces):
    kinderen = Path(f"/proc/{proces.pid}/task/{proces.pid}/children").read_text().split()
    return sum(int(re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{k}/status").read_text()).group(1)) for k in kinderen) / 1024


def _wrk(poort, body, seconden, verbindingen=16):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(LUA.format(body=body))
    uit = subprocess.run(["wrk", "-t2", f"-c{verbindingen}", f"-d{seconden}s", "--latency", "-s", lua.name,
                          f"http://127.0.0.1:{poort}/calculate"], capture_output=True, text=True, check=True).stdout
    os.unlink(lua.name)

    def tijd(label):
        waarde, eenheid = re.search(rf"{label}\s+([\d.]+)(us|ms|s)", uit).groups()
        return float(waarde) * {"us": 0.001, "ms": 1, "s": 1000}[eenheid]

    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", uit)
    niet_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", uit)
    fouten = (sum(map(int, socket.groups())) if socket else 0) + (int(niet_2xx.group(1)) if niet_2xx else 0)
    return {"verzoeken": int(re.search(r"(\d+) requests in", uit).group(1)), "per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", uit).group(1)),
            "p50_ms": tijd("50%"), "p99_ms": tijd("99%"), "fouten": fouten}


def _systeem(naam):
    if naam == "openfisca_toeslagen":
        from openfisca_toeslagen import CountryTaxBenefitSystem
    else:
        from openfisca_country_template import CountryTaxBenefitSystem
    return CountryTaxBenefitSystem()


def _app(naam):
    if naam == "openfisca_toeslagen":
        from openfisca_toeslagen.toepassingen.server import maak_app
        return maak_app()
    from openfisca_web_api.app import create_app
    return create_app(_systeem(naam))


def _omvang(systeem, situatie):
    """Values given, outputs asked, formulas run and variable reads (trace nodes) of one /calculate."""
    from openfisca_core.simulation_builder import SimulationBuilder

    waarden = [(v, p, x) for ent in situatie.values() for leden in ent.values() for v, w in leden.items()
               if isinstance(w, dict) for p, x in w.items()]
    gevraagd = [(v, p) for v, p, x in waarden if x is None]
    zonder = json.loads(json.dumps(situatie), object_hook=lambda d: {k: v for k, v in d.items() if v is not None})
    simulatie = SimulationBuilder().build_from_entities(systeem, zonder)
    simulatie.trace = True
    for variabele, periode in gevraagd:
        simulatie.calculate(variabele, periode)

    def knopen(lijst):
        for knoop in lijst:
            yield knoop
            yield from knopen(knoop.children)

    alle = list(knopen(simulatie.tracer.trees))
    formules = {(k.name, str(k.period)) for k in alle if systeem.get_variable(k.name).formulas}
    return len(waarden) - len(gevraagd), len(gevraagd), len(formules), len(alle)


def _fasen(situaties, rondes=400):
    """Median milliseconds per phase of the standard /calculate handler, both applications interleaved."""
    import copy
    import statistics

    import dpath
    from openfisca_core.simulation_builder import SimulationBuilder

    systemen = {naam: _systeem(naam) for naam in situaties}
    clients = {naam: _app(naam).test_client() for naam in situaties}
    tijden = {naam: {"bouwen": [], "rekenen": [], "antwoord": [], "heel verzoek": []} for naam in situaties}
    for ronde in range(rondes):
        for naam, situatie in situaties.items():
            invoer = copy.deepcopy(situatie)
            t0 = time.perf_counter()
            simulatie = SimulationBuilder().build_from_entities(systemen[naam], invoer)
            t1 = time.perf_counter()
            gevraagd = list(dpath.search(invoer, "*/*/*/*", afilter=lambda x: x is None, yielded=True))
            t2 = time.perf_counter()
            uitkomst = {}
            for pad, _ in gevraagd:
                meervoud, id_, variabele, periode = pad.split("/")
                waarde = simulatie.calculate(variabele, periode)
                uitkomst.setdefault(meervoud, {}).setdefault(id_, {})[variabele] = {periode: float(waarde[0])}
            t3 = time.perf_counter()
            dpath.merge(invoer, uitkomst)
            t4 = time.perf_counter()
            clients[naam].post("/calculate", data=json.dumps(situatie), content_type="application/json")
            t5 = time.perf_counter()
            if ronde >= 20:  # warm
                for fase, duur in (("bouwen", t1 - t0), ("rekenen", t3 - t2), ("antwoord", t2 - t1 + t4 - t3), ("heel verzoek", t5 - t4)):
                    tijden[naam][fase].append(duur * 1000)
    return {naam: {fase: statistics.median(w) for fase, w in fasen.items()} for naam, fasen in tijden.items()}, systemen


def main(seconden=30):
    situaties = _situaties()
    apps = {"openfisca_toeslagen": "toeslagen_app:app", "country_template": "landenvoorbeeld_app:app",
            "template_met_cache": "landenvoorbeeld_app_perioden:app"}
    servers, bodies, rss_voor, runs = {}, {}, {}, {naam: [] for naam in apps}
    try:
        for naam, app in apps.items():
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as body:
                json.dump(situaties[naam if naam in situaties else "country_template"], body)
            bodies[naam] = body.name
            poort = _vrije_poort()
            servers[naam] = (poort, _start(app, poort))
            _wrk(poort, body.name, 2, verbindingen=4)  # warm-up, a few hundred requests
            rss_voor[naam] = _werkers_rss(servers[naam][1])
        volgorde = [*apps, *reversed(apps)]  # A B C C B A
        for i, naam in enumerate(volgorde):
            meting = _wrk(servers[naam][0], bodies[naam], seconden)
            meting["seconden"] = seconden
            runs[naam].append(meting)
            totaal = sum(r["verzoeken"] for r in runs[naam])
            if naam not in volgorde[i + 1:] and totaal < 10_000:  # memory is judged over at least 10,000 requests
                extra = _wrk(servers[naam][0], bodies[naam], math.ceil((10_000 - totaal) / meting["per_s"]) + 2)
                meting["extra_verzoeken"] = extra["verzoeken"]
                meting["fouten"] += extra["fouten"]
        rss_na = {naam: _werkers_rss(proces) for naam, (_, proces) in servers.items()}
    finally:
        for _, proces in servers.values():
            proces.terminate()
            proces.wait()
        for body in bodies.values():
            os.unlink(body)
    print(f"POST /calculate, gunicorn 2 workers, wrk 2 threads 16 connections, {seconden} s a run, order A B C C B A")
    print(f"{'app':<22}{'run':>4}{'verzoeken':>10}{'per s':>9}{'p50 ms':>8}{'p99 ms':>8}{'fouten':>7}")
    for naam, metingen in runs.items():
        for i, m in enumerate(metingen, 1):
            print(f"{naam:<22}{i:>4}{m['verzoeken']:>10}{m['per_s']:>9.1f}{m['p50_ms']:>8.2f}{m['p99_ms']:>8.2f}{m['fouten']:>7}")
    print(f"\n{'app':<22}{'verzoeken':>10}{'per s':>9}{'fouten':>7}{'RSS voor MB':>12}{'RSS na MB':>10}{'na verzoeken':>13}{'groei':>7}")
    per_s = {}
    for naam, metingen in runs.items():
        verzoeken = sum(m["verzoeken"] for m in metingen)
        per_s[naam] = verzoeken / sum(m["seconden"] for m in metingen)
        alle = verzoeken + sum(m.get("extra_verzoeken", 0) for m in metingen)
        groei = (rss_na[naam] / rss_voor[naam] - 1) * 100
        print(f"{naam:<22}{verzoeken:>10}{per_s[naam]:>9.1f}{sum(m['fouten'] for m in metingen):>7}"
              f"{rss_voor[naam]:>12.1f}{rss_na[naam]:>10.1f}{alle:>13}{groei:>6.1f}%")
    verhouding = per_s["openfisca_toeslagen"] / per_s["country_template"]
    print(f"doorvoer openfisca_toeslagen / country_template: {verhouding:.2f}× (doel: ten minste 0.5×)")
    print(f"doorvoer openfisca_toeslagen / template_met_cache (beide met onze periodecache): "
          f"{per_s['openfisca_toeslagen'] / per_s['template_met_cache']:.2f}×")
    fasen, systemen = _fasen(situaties)
    print("\nWaar de tijd heen gaat (in-process, mediaan in ms, beide afwisselend gemeten): bouwen = SimulationBuilder uit de "
          "JSON, rekenen = de gevraagde variabelen, antwoord = dpath zoeken en samenvoegen, heel verzoek = via Flask")
    print(f"{'app':<22}{'invoer':>7}{'gevraagd':>9}{'formules':>9}{'lezingen':>9}{'bouwen':>8}{'rekenen':>8}{'antwoord':>9}{'heel verzoek':>13}")
    for naam, situatie in situaties.items():
        invoer, gevraagd, formules, lezingen = _omvang(systemen[naam], situatie)
        f = fasen[naam]
        print(f"{naam:<22}{invoer:>7}{gevraagd:>9}{formules:>9}{lezingen:>9}{f['bouwen']:>8.2f}{f['rekenen']:>8.2f}"
              f"{f['antwoord']:>9.2f}{f['heel verzoek']:>13.2f}")
    ons, sjabloon = fasen["openfisca_toeslagen"], fasen["country_template"]
    print("verhouding sjabloon / ons: " + ", ".join(f"{fase} {sjabloon[fase] / ons[fase]:.2f}×" for fase in ons))

if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
