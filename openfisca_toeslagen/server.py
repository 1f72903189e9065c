"""One web application: the standard OpenFisca web API, unchanged, plus /uitleg, /vergelijk, /routes and /rekenhulp.

    gunicorn 'openfisca_toeslagen.server:maak_app()'

The standard routes (/spec, /calculate, /trace, /parameters, /variables, /entities) come from
`openfisca_web_api.app.create_app`. With ``TOESLAGEN_STRIKT=1`` in its environment the server refuses months whose
indexed amounts were not verified (`geldigheid`); otherwise it answers them with ``berekening_voorlopig`` and a
warning. Added: bad input never answers 500 — a rule's own error (ValueError naming the
field), an unknown reform or period, a wrong type and malformed JSON give 400 with the message, a body over
`MAX_BODY` bytes gives 413 — and /spec also describes the added endpoints. Period strings are parsed once per
process (`perioden`).
"""

import json
from pathlib import Path

from dpath.exceptions import InvalidKeyName
from flask import jsonify, request, send_from_directory
from openfisca_core.errors import ParameterNotFound, PeriodMismatchError, SituationParsingError, VariableNotFoundError
from openfisca_web_api.app import create_app
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge

from openfisca_toeslagen import CountryTaxBenefitSystem, reforms, routes as routes_module, situaties, uitleg as uitleg_module
from openfisca_toeslagen.perioden import onthoud_ontlede_perioden
from openfisca_toeslagen.vergelijking import vergelijk

MAX_BODY = 1_000_000  # bytes: one household's situation is a few kB
PAGINA = Path(__file__).parent / "rekenhulp"
SPEC = json.loads((Path(__file__).parent / "openapi_toevoegingen.json").read_text(encoding="utf-8"))


class OngeldigVerzoek(ValueError):
    """A request body that does not have the fields an endpoint expects."""


def _verzoek(velden, verplicht=("situatie",)):
    """The JSON object of the request, with only the given fields and the required ones present."""
    def ongeldige_json(fout):
        raise OngeldigVerzoek(f"geen geldige JSON: {fout}")

    request.on_json_loading_failed = ongeldige_json
    body = request.get_json(force=True, silent=False)
    if not isinstance(body, dict):
        raise OngeldigVerzoek("verwacht een JSON-object met " + ", ".join(f"'{v}'" for v in velden))
    onbekend = sorted(set(body) - set(velden))
    if onbekend:
        raise OngeldigVerzoek(f"onbekend veld {', '.join(map(repr, onbekend))}; verwacht: {', '.join(velden)}")
    for veld in verplicht:
        if veld not in body:
            raise OngeldigVerzoek(f"het veld '{veld}' ontbreekt")
    for veld, soort in (("periode", str), ("hervormingen", list), ("gemiste_maanden", list), ("beslagvrije_voet", bool)):
        if veld in body and not isinstance(body[veld], soort):
            raise OngeldigVerzoek(f"het veld '{veld}' moet {'tekst' if soort is str else 'een lijst' if soort is list else 'true of false'} zijn")
    return body


def _fout(status, bericht):
    antwoord = jsonify({"error": bericht})
    antwoord.status_code = status
    return antwoord


def _centen_naar_euro(centen):
    return round(centen / 100, 2)


def maak_app(tbs=None):
    """The WSGI application (Flask)."""
    onthoud_ontlede_perioden()
    tbs = tbs or CountryTaxBenefitSystem()
    app = create_app(tbs)
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY
    standaard_spec = app.view_functions["get_spec"]

    def get_spec():
        spec = standaard_spec().get_json()
        spec["paths"].update(SPEC["paths"])
        spec["components"]["schemas"].update(SPEC["schemas"])
        return jsonify(spec)

    app.view_functions["get_spec"] = get_spec

    @app.before_request
    def alleen_json():
        # The standard /calculate and /trace crash (500) on a POST without a JSON body; refuse it first.
        if request.method == "POST" and not request.is_json:
            return _fout(400, "verwacht een JSON-body met Content-Type: application/json")
        return None

    @app.errorhandler(RequestEntityTooLarge)
    def te_groot(fout):
        return _fout(413, f"het verzoek is groter dan {MAX_BODY} bytes")

    @app.errorhandler(SituationParsingError)
    @app.errorhandler(PeriodMismatchError)
    def situatie_fout(fout):
        antwoord = jsonify(fout.error)
        antwoord.status_code = 400
        return antwoord

    @app.errorhandler(ValueError)  # the rules' own errors name the field; OngeldigBestand/-Verzoek/-eHervorming too
    @app.errorhandler(ParameterNotFound)
    @app.errorhandler(VariableNotFoundError)
    def invoer_fout(fout):
        return _fout(400, str(fout.message if hasattr(fout, "message") else fout))

    @app.errorhandler(InvalidKeyName)  # openfisca-core fails on an empty id or variable name in a situation
    def lege_naam(fout):
        return _fout(400, f"een naam in de situatie is leeg: {fout}")

    @app.errorhandler(BadRequest)
    def slecht_verzoek(fout):
        return _fout(400, fout.description)

    @app.route("/uitleg", methods=["POST"])
    def post_uitleg():
        body = _verzoek(("situatie", "periode"))
        return jsonify(uitleg_module.uitleg(body["situatie"], body.get("periode"), tbs))

    @app.route("/vergelijk", methods=["POST"])
    def post_vergelijk():
        body = _verzoek(("situatie", "periode", "hervormingen"))
        situatie = body["situatie"]
        if not isinstance(situatie, dict):
            raise OngeldigVerzoek("het veld 'situatie' moet een OpenFisca-situatie (JSON-object) zijn")
        periode = situaties.controleer_maand(situatie, body.get("periode"))
        uitkomst = vergelijk(situatie, body.get("hervormingen", []), periode)
        return jsonify({
            "periode": uitkomst.periode,
            "huishoudens": [str(h) for h in uitkomst.huishoudens],
            "beleid": [{"naam": naam, "titel": uitkomst.titels[naam], "beschrijving": _beschrijving(naam),
                        "uitkomsten": [{k: v for k, v in rij.items() if k not in ("beleid",)} for rij in uitkomst.rijen() if rij["beleid"] == naam],
                        "samenvatting": uitkomst.samenvatting()[naam], "voorlopig": uitkomst.voorlopig[naam],
                        "waarschuwing": uitkomst.waarschuwing(naam)} for naam in uitkomst.beleid],
        })

    @app.route("/routes", methods=["POST"])
    def post_routes():
        body = _verzoek(("situatie", "periode", "gemiste_maanden", "hervormingen", "beslagvrije_voet"))
        overzicht = routes_module.routes(body["situatie"], body.get("periode"), body.get("gemiste_maanden", []),
                                         body.get("hervormingen", []), body.get("beslagvrije_voet", False))
        return jsonify(_routes_json(overzicht))

    @app.route("/rekenhulp")
    def rekenhulp():
        return send_from_directory(PAGINA, "index.html")

    @app.route("/rekenhulp/<path:bestand>")
    def rekenhulp_bestand(bestand):
        return send_from_directory(PAGINA, bestand)

    return app


def _beschrijving(naam):
    if naam == "geldend_recht":
        return "Het geldende recht: URI art. 11–16 en Leidraad 79.7–79.9."
    return " ".join(reforms.beschrijving(deel) for deel in naam.split("+"))


def _routes_json(overzicht):
    euro = _centen_naar_euro
    return {
        "periode": overzicht.periode,
        "voorlopig": overzicht.voorlopig,
        "waarschuwing": overzicht.waarschuwing,
        "uitkomst": overzicht.uitkomst,
        "schuld": euro(overzicht.schuld),
        "standaard_per_maand": euro(overzicht.standaard_per_maand),
        "persoonlijk_termijnbedrag": euro(overzicht.persoonlijk_termijnbedrag),
        "vorderingen": [{"toeslag": v.toeslag, "bedrag": euro(v.bedrag), "beschikkingsdatum": v.beschikkingsdatum.isoformat(),
                         "vervaldag": v.vervaldag.isoformat(), "niet_teruggevorderd": v.niet_teruggevorderd,
                         "standaard_termijn": euro(v.standaard_termijn), "standaard_looptijd": v.standaard_looptijd,
                         "deel_persoonlijke_termijn": euro(overzicht.verdeling.get(v.toeslag, 0))} for v in overzicht.vorderingen],
        "routes": {naam: {"totaal_betaald": euro(r.totaal_betaald), "totaal_rente": euro(r.totaal_rente),
                          "totaal_kosten": euro(r.totaal_kosten), "niet_ingevorderd": euro(r.niet_ingevorderd),
                          "open_aan_het_eind": euro(r.open_aan_het_eind), "opgebouwde_rente": euro(r.opgebouwde_rente),
                          "afgerond_in": r.afgerond_in, "maanden_tot_einde": r.maanden_tot_einde, "onderbroken": r.onderbroken,
                          "schema": [{"maand": m.maand, "betaald": euro(m.betaald), "verrekend": euro(m.verrekend),
                                      "rente": euro(m.rente), "kosten": euro(m.kosten), "openstaand": euro(m.openstaand),
                                      "gebeurtenissen": m.gebeurtenissen} for m in r.maanden]}
                   for naam, r in overzicht.routes.items()},
    }

