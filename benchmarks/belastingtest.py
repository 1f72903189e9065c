"""Load test: Mark's /calculate on our server next to openfisca-country-template's /calculate, served the same way.

Run: make benchmark   (or .venv/bin/python benchmarks/belastingtest.py [seconds])

Both applications run under gunicorn with the same settings (2 sync workers, 127.0.0.1). wrk (Debian) sends
POST /calculate from 16 connections for 30 seconds to each, in the same run. Printed per application: requests,
throughput, p50 and p99 latency, errors (non-2xx or socket), the workers' resident memory after a warm-up of
and after at least 10,000 requests (the measured run, extended when it had fewer), and the ratio of our throughput
to the template's.
Then a profile of 200 in-process /calculate calls of each explains where the time goes.
"""

import cProfile
import json
import math
import os
import pstats
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


def _profiel(naam, situatie):
    if naam == "openfisca_toeslagen":
        from openfisca_toeslagen.server import maak_app
        app = maak_app()
    else:
        from openfisca_country_template import CountryTaxBenefitSystem
        from openfisca_web_api.app import create_app
        app = create_app(CountryTaxBenefitSystem())
    client, body = app.test_client(), json.dumps(situatie)
    client.post("/calculate", data=body, content_type="application/json")
    profiel = cProfile.Profile()
    start = time.perf_counter()
    profiel.enable()
    for _ in range(200):
        client.post("/calculate", data=body, content_type="application/json")
    profiel.disable()
    duur = (time.perf_counter() - start) / 200 * 1000
    regels = pstats.Stats(profiel).stats
    top = sorted(regels.items(), key=lambda kv: kv[1][3], reverse=True)
    interessant = [(f"{Path(f).name}:{fn}", ct / 200 * 1000) for (f, _, fn), (_, _, _, ct, _) in top
                   if any(d in f for d in ("openfisca_core/simulations", "openfisca_toeslagen", "country_template", "periods", "dpath"))]
    return duur, interessant[:8]


def _berekeningen(naam, situatie):
    """How many variable calculations (cache reads included) one /calculate of this situation makes."""
    from openfisca_core.simulation_builder import SimulationBuilder

    if naam == "openfisca_toeslagen":
        from openfisca_toeslagen import CountryTaxBenefitSystem
    else:
        from openfisca_country_template import CountryTaxBenefitSystem
    gevraagd = [(v, p) for ent in situatie.values() for leden in ent.values() for v, w in leden.items()
                if isinstance(w, dict) for p, x in w.items() if x is None]
    zonder = json.loads(json.dumps(situatie), object_hook=lambda d: {k: v for k, v in d.items() if v is not None})
    simulatie = SimulationBuilder().build_from_entities(CountryTaxBenefitSystem(), zonder)
    simulatie.trace = True
    for variabele, periode in gevraagd:
        simulatie.calculate(variabele, periode)

    def tel(knopen):
        return sum(1 + tel(k.children) for k in knopen)

    return tel(simulatie.tracer.trees)


def main(seconden=30):
    situaties = _situaties()
    apps = {"openfisca_toeslagen": "toeslagen_app:app", "country_template": "landenvoorbeeld_app:app"}
    uitkomst = {}
    for naam, app in apps.items():
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as body:
            json.dump(situaties[naam], body)
        poort = _vrije_poort()
        proces = _start(app, poort)
        try:
            _wrk(poort, body.name, 2, verbindingen=4)  # warm-up, a few hundred requests
            rss_voor = _werkers_rss(proces)
            meting = _wrk(poort, body.name, seconden)
            meting["geheugen_verzoeken"] = meting["verzoeken"]
            if meting["verzoeken"] < 10_000:  # memory is judged over at least 10,000 requests
                extra = _wrk(poort, body.name, math.ceil((10_000 - meting["verzoeken"]) / meting["per_s"]) + 2)
                meting["geheugen_verzoeken"] += extra["verzoeken"]
                meting["fouten"] += extra["fouten"]
            meting["rss_voor_mb"], meting["rss_na_mb"] = rss_voor, _werkers_rss(proces)
            uitkomst[naam] = meting
        finally:
            proces.terminate()
            proces.wait()
            os.unlink(body.name)
    print(f"POST /calculate, gunicorn 2 workers, wrk 2 threads 16 connections {seconden} s")
    print(f"{'app':<22}{'verzoeken':>10}{'per s':>9}{'p50 ms':>8}{'p99 ms':>8}{'fouten':>7}{'RSS voor MB':>12}"
          f"{'RSS na MB':>10}{'na verzoeken':>13}{'groei':>7}")
    for naam, m in uitkomst.items():
        groei = (m["rss_na_mb"] / m["rss_voor_mb"] - 1) * 100
        print(f"{naam:<22}{m['verzoeken']:>10}{m['per_s']:>9.1f}{m['p50_ms']:>8.2f}{m['p99_ms']:>8.2f}{m['fouten']:>7}"
              f"{m['rss_voor_mb']:>12.1f}{m['rss_na_mb']:>10.1f}{m['geheugen_verzoeken']:>13}{groei:>6.1f}%")
    verhouding = uitkomst["openfisca_toeslagen"]["per_s"] / uitkomst["country_template"]["per_s"]
    print(f"doorvoer openfisca_toeslagen / country_template: {verhouding:.2f}× (doel: ten minste 0.5×)")
    for naam, situatie in situaties.items():
        duur, top = _profiel(naam, situatie)
        print(f"\nprofiel {naam}: {duur:.2f} ms per /calculate in-process (onder cProfile), "
              f"{_berekeningen(naam, situatie)} variabele-berekeningen; grootste cumulatieve tijd per verzoek:")
        for functie, ms in top:
            print(f"  {ms:7.3f} ms  {functie}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
