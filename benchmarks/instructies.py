"""CPU instructions per /calculate request: Mark on our server against openfisca-country-template's couple.

Run: make benchmark   (or .venv/bin/python benchmarks/instructies.py [requests])

Wall-clock rates on a shared machine move by ±15 % from one minute to the next; the number of instructions a
request executes does not (two runs agree within 0.5 %). Each application runs in its own process under valgrind's
callgrind (Debian's valgrind) with counting switched on only around N in-process /calculate requests (after a
warm-up), so loading the rules is not counted. Printed: millions of instructions per request for ours, the template
as published and the template with our server's period cache, and the ratios (a throughput ratio without the
HTTP layer, which both pay alike).
"""

import json
import os
import re
import subprocess
import sys

APPS = ("openfisca_toeslagen", "country_template", "template_met_cache")


def _verzoeken(naam, aantal):
    """Child process: build the application, warm up, count instructions around `aantal` requests."""
    from belastingtest import _app, _situaties  # the load test's applications and examples

    basis = "country_template" if naam == "template_met_cache" else naam
    app, situatie = _app(basis), _situaties()[basis]
    if naam == "template_met_cache":
        from openfisca_toeslagen.motor.perioden import onthoud_ontlede_perioden

        onthoud_ontlede_perioden()
    client, body = app.test_client(), json.dumps(situatie)
    for _ in range(5):
        assert client.post("/calculate", data=body, content_type="application/json").status_code == 200
    schakel = ["callgrind_control", "-i"]
    subprocess.run([*schakel, "on", str(os.getpid())], check=True, capture_output=True)
    for _ in range(aantal):
        client.post("/calculate", data=body, content_type="application/json")
    subprocess.run([*schakel, "off", str(os.getpid())], check=True, capture_output=True)


def _tel(naam, aantal):
    uit = subprocess.run(["valgrind", "--tool=callgrind", "--instr-atstart=no", "--callgrind-out-file=/dev/null",
                          sys.executable, __file__, "--kind", naam, str(aantal)],
                         capture_output=True, text=True, check=True).stderr
    return int(re.search(r"Collected : (\d+)", uit).group(1)) / aantal


def main(aantal=20):
    per_verzoek = {naam: _tel(naam, aantal) for naam in APPS}
    print(f"instructies per POST /calculate (valgrind callgrind, {aantal} verzoeken in-process na opwarmen)")
    for naam, instructies in per_verzoek.items():
        print(f"{naam:<22}{instructies / 1e6:8.2f} M")
    ons = per_verzoek["openfisca_toeslagen"]
    print(f"verhouding country_template / openfisca_toeslagen: {per_verzoek['country_template'] / ons:.2f}×"
          f" (doel: ten minste 0.5×); template_met_cache / openfisca_toeslagen: {per_verzoek['template_met_cache'] / ons:.2f}×")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--kind"]:
        _verzoeken(sys.argv[2], int(sys.argv[3]))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
