"""One web application: the standard OpenFisca web API, unchanged, plus /uitleg, /vergelijk, /routes and /rekenhulp.

    gunicorn 'openfisca_toeslagen.toepassingen.server:maak_app()'

The standard routes (/spec, /calculate, /trace, /parameters, /variables, /entities) come from
`openfisca_web_api.app.create_app`. With ``TOESLAGEN_STRIKT=1`` in its environment the server refuses months whose
indexed amounts were not verified (`geldigheid`); otherwise it answers them with ``berekening_voorlopig`` and a
warning. /spec also describes the added endpoints. Period strings are parsed once per process (`perioden`).

The server faces the public, so (README, "Bad input and limits"):
- no request names a file or a module: reforms come by name (the built-in list) or as an inline object of parameter
  changes, checked like `reforms.uit_data`;
- the work of every request is bounded (body size, nesting, policies and their parts, households × policies or
  periods, missed months), each refusal a 400 that states the limit; reform systems are built once per process;
- every error is JSON with 4xx: malformed or non-finite JSON, too deep nesting, an oversized body (also chunked), a
  method or path that does not exist, amounts that are not finite numbers below € 1,000,000,000, a /calculate for a
  month without inputs when the household has inputs in another month;
- cross-origin requests (CORS) only for the read-only GET routes; the page is served from the same origin.
"""

import functools
import io
import json
from pathlib import Path

from dpath.exceptions import InvalidKeyName
from flask import jsonify, request, send_from_directory
from flask.json.provider import DefaultJSONProvider
from openfisca_core.errors import ParameterNotFound, PeriodMismatchError, SituationParsingError, VariableNotFoundError
from openfisca_web_api.app import create_app
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from openfisca_toeslagen import CountryTaxBenefitSystem, geld, reforms
from openfisca_toeslagen.toepassingen import routes as routes_module
from openfisca_toeslagen.toepassingen import uitleg as uitleg_module
from openfisca_toeslagen.invoer import situaties
from openfisca_toeslagen.motor.perioden import onthoud_ontlede_perioden
from openfisca_toeslagen.reforms.uit_data import uit_gegevens
from openfisca_toeslagen.toepassingen.vergelijking import beleidssystemen, vergelijk

MAX_BODY = 1_000_000  # bytes: one household's situation is a few kB
MAX_DIEPTE = 32  # nesting of a JSON body; a situation needs 5
MAX_BELEID = 7  # policies next to current law in one /vergelijk
MAX_DELEN = 4  # reforms joined with '+' in one policy (and in /routes)
MAX_WIJZIGINGEN = 50  # dated values in one inline parameter change
MAX_BEREKENINGEN = 5_000  # households × policies (/vergelijk) or households × requested months (/calculate, /trace)
MAX_GEMISTE_MAANDEN = 120  # the routes' schedule is at most ten years
MAX_SYSTEMEN = 64  # reform systems kept per process (each a few MB)
STANDAARD_POST = ("/calculate", "/trace")  # the standard web API's POST routes
PAGINA = Path(__file__).parent / "rekenhulp"
SPEC = json.loads((Path(__file__).parent / "openapi_toevoegingen.json").read_text(encoding="utf-8"))


class OngeldigVerzoek(ValueError):
    """A request body that does not have the fields an endpoint expects."""


def _ongeldige_json(fout):
    raise OngeldigVerzoek(f"geen geldige JSON: {fout}")


def _invalid_json(fout):
    raise OngeldigVerzoek(f"Invalid JSON: {fout}")  # the standard API's own message for its routes


def _verzoek(velden, verplicht=("situatie",)):
    """The JSON object of the request (parsed and checked in `begrens`), with only the given fields and the required ones."""
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


def _geen_getal(teken):
    raise ValueError(f"{teken} is geen getal in JSON")


class _Json(DefaultJSONProvider):
    """JSON without NaN or Infinity, in and out, and a 400 instead of a crash on JSON nested beyond Python's stack."""

    def loads(self, s, **kwargs):
        kwargs.setdefault("parse_constant", _geen_getal)
        try:
            return super().loads(s, **kwargs)
        except RecursionError:
            raise ValueError(f"de JSON is dieper genest dan {MAX_DIEPTE} niveaus") from None

    def dumps(self, obj, **kwargs):
        kwargs.setdefault("allow_nan", False)
        return super().dumps(obj, **kwargs)


def _diepte(waarde):
    """The nesting depth of a parsed JSON value (iteratively: a deep value must not exhaust the stack here)."""
    diepste, stapel = 0, [(waarde, 1)]
    while stapel:
        waarde, diepte = stapel.pop()
        if isinstance(waarde, (dict, list)):
            diepste = max(diepste, diepte)
            if diepste > MAX_DIEPTE:
                return diepste
            stapel.extend((w, diepte + 1) for w in (waarde.values() if isinstance(waarde, dict) else waarde))
    return diepste


def _beleidsdeel(deel):
    """One part of a policy as a hashable key: a reform's name, or an inline object of parameter changes (as JSON)."""
    if isinstance(deel, str):
        if deel not in reforms.HERVORMINGEN:
            raise OngeldigVerzoek(f"onbekende hervorming {deel[:60]!r}; kies uit {', '.join(reforms.HERVORMINGEN)}, "
                                  "of geef parameterwijzigingen als object (een bestand kan alleen op de opdrachtregel)")
        return deel
    if isinstance(deel, dict):
        wijzigingen = deel.get("wijzigingen", deel)
        if not isinstance(wijzigingen, dict) or sum(len(w) if isinstance(w, dict) else 1 for w in wijzigingen.values()) > MAX_WIJZIGINGEN:
            raise OngeldigVerzoek(f"parameterwijzigingen: een object van parameterpaden met ten hoogste {MAX_WIJZIGINGEN} gedateerde waarden")
        return json.dumps(deel, sort_keys=True, ensure_ascii=False)
    raise OngeldigVerzoek("een hervorming is een naam, namen verbonden met '+', of een object met parameterwijzigingen")


def _beleid(item):
    """A policy of a request as a tuple of parts (names joined by '+', or one inline object of changes)."""
    delen = item.split("+") if isinstance(item, str) else [item]
    if len(delen) > MAX_DELEN:
        raise OngeldigVerzoek(f"een beleid combineert ten hoogste {MAX_DELEN} hervormingen")
    return tuple(_beleidsdeel(deel) for deel in delen)


def _hervorming(deel):
    """The Reform class of a part from `_beleidsdeel`: a built-in name, or parameter changes checked by uit_data."""
    if not deel.startswith("{"):
        return reforms.hervorming(deel)
    return uit_gegevens(json.loads(deel), "parameterwijziging", "parameterwijzigingen")


def _aantal_maanden(body):
    """(households, distinct periods asked for) of a /calculate or /trace body."""
    huishoudens = body.get("huishoudens")
    return len(huishoudens) if isinstance(huishoudens, dict) else 0, max(1, len(situaties.gevraagde_perioden(body)))


def maak_app(tbs=None):
    """The WSGI application (Flask)."""
    onthoud_ontlede_perioden()
    tbs = tbs or CountryTaxBenefitSystem()
    app = create_app(tbs)
    app.json = _Json(app)
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY
    standaard_spec = app.view_functions["get_spec"]

    @functools.lru_cache(maxsize=MAX_SYSTEMEN)
    def systeem(beleid):
        """The system of a policy (a tuple from `_beleid`): built once per process, systems never change."""
        return reforms.pas_toe(tbs, [_hervorming(deel) for deel in beleid])

    def systemen(hervormingen):
        if len(hervormingen) > MAX_BELEID:
            raise OngeldigVerzoek(f"ten hoogste {MAX_BELEID} beleidsalternatieven naast het geldende recht in één verzoek")
        return beleidssystemen(hervormingen, basis=tbs, bouw=lambda item: systeem(_beleid(item)))

    def get_spec():
        spec = standaard_spec().get_json()
        spec["paths"].update(SPEC["paths"])
        spec["components"]["schemas"].update(SPEC["schemas"])
        return jsonify(spec)

    app.view_functions["get_spec"] = get_spec

    @app.before_request
    def begrens():
        if request.method != "POST":
            return None
        # The standard /calculate and /trace crash (500) on a POST without a JSON body; refuse it first.
        if not request.is_json:
            return _fout(400, "verwacht een JSON-body met Content-Type: application/json")
        if request.content_length is None:  # chunked: read at most MAX_BODY + 1 bytes ourselves, then go on as usual
            inhoud = request.environ["wsgi.input"].read(MAX_BODY + 1)
            if len(inhoud) > MAX_BODY:
                return _fout(413, f"het verzoek is groter dan {MAX_BODY} bytes")
            request.environ.update({"wsgi.input": io.BytesIO(inhoud), "CONTENT_LENGTH": str(len(inhoud))})
            request.environ.pop("HTTP_TRANSFER_ENCODING", None)
        request.on_json_loading_failed = _ongeldige_json if request.path not in STANDAARD_POST else _invalid_json
        body = request.get_json()
        if _diepte(body) > MAX_DIEPTE:
            return _fout(400, f"de JSON is dieper genest dan {MAX_DIEPTE} niveaus")
        if request.path in STANDAARD_POST and isinstance(body, dict):
            huishoudens, maanden = _aantal_maanden(body)
            if huishoudens * maanden > MAX_BEREKENINGEN:
                return _fout(400, f"{huishoudens} huishoudens × {maanden} gevraagde perioden is meer dan {MAX_BEREKENINGEN} berekeningen "
                                  "in één verzoek; splits het verzoek")
            situaties.controleer_invoer(body, tbs)
            situaties.controleer_gevraagde_maanden(body)
        return None

    def alleen_lezen_van_elders(antwoord):
        # CORS for the read-only GET routes only: no other site's page can make a visitor's browser post to this server.
        if request.method not in ("GET", "HEAD"):
            for kop in [k for k in antwoord.headers.keys() if k.lower().startswith("access-control-")]:
                del antwoord.headers[kop]
        return antwoord

    # Flask runs after_request functions last-registered first; this one must run after flask_cors has added its headers.
    app.after_request_funcs.setdefault(None, []).insert(0, alleen_lezen_van_elders)

    @app.errorhandler(HTTPException)
    def http_fout(fout):
        if fout.response is not None:  # the standard API's own JSON answers (abort(make_response(...)))
            return fout.response
        return _fout(fout.code or 500, fout.description)

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
        beleid = systemen(body.get("hervormingen", []))
        huishoudens = len(situatie.get("huishoudens") or {})
        if huishoudens * len(beleid) > MAX_BEREKENINGEN:
            raise OngeldigVerzoek(f"{huishoudens} huishoudens × {len(beleid)} beleid is meer dan {MAX_BEREKENINGEN} berekeningen in één "
                                  "verzoek; splits het verzoek of gebruik de opdrachtregel")
        uitkomst = vergelijk(situatie, periode=periode, systemen=beleid)
        return jsonify({
            "periode": uitkomst.periode,
            "huishoudens": [str(h) for h in uitkomst.huishoudens],
            "beleid": [{"naam": naam, "titel": uitkomst.titels[naam], "beschrijving": _beschrijving(beleid[naam]), "alleen_routes": False,
                        "uitkomsten": [{k: v for k, v in rij.items() if k not in ("beleid",)} for rij in uitkomst.rijen() if rij["beleid"] == naam],
                        "samenvatting": uitkomst.samenvattingen()[naam], "voorlopig": uitkomst.voorlopig[naam],
                        "waarschuwing": uitkomst.waarschuwing(naam)} for naam in uitkomst.beleid]
                      # a process reform changes only the routes: said, not shown as rows identical to current law
                      + [{"naam": naam, "titel": uitkomst.titels[naam], "beschrijving": _beschrijving(beleid[naam]), "alleen_routes": True,
                          "opmerking": opmerking} for naam, opmerking in uitkomst.alleen_routes.items()],
        })

    @app.route("/routes", methods=["POST"])
    def post_routes():
        body = _verzoek(("situatie", "periode", "gemiste_maanden", "hervormingen", "beslagvrije_voet", "herziening"))
        gemist = body.get("gemiste_maanden", [])
        if len(gemist) > MAX_GEMISTE_MAANDEN:  # a list: checked in _verzoek
            raise OngeldigVerzoek(f"'gemiste_maanden' moet een lijst van ten hoogste {MAX_GEMISTE_MAANDEN} maanden zijn")
        herziening = body.get("herziening", routes_module.GELIJK)
        if not isinstance(herziening, str) or herziening not in routes_module.HERZIENINGEN:
            raise OngeldigVerzoek(f"'herziening' moet een van {', '.join(routes_module.HERZIENINGEN)} zijn")
        beleid = systemen(body.get("hervormingen", []))
        antwoord = {"periode": None, "herziening": herziening, "toelichting_herziening": routes_module.HERZIENINGEN[herziening],
                    "beleid": []}
        for naam, systeem_ in beleid.items():  # current law first, then each policy: every set of routes labelled
            overzicht = routes_module.routes(body["situatie"], body.get("periode"), gemist, tbs=systeem_, herziening=herziening,
                                             beslagvrije_voet_bij_verrekening=body.get("beslagvrije_voet", False))
            antwoord["periode"] = overzicht.periode
            antwoord["beleid"].append({"naam": naam, "titel": reforms.titel(systeem_), "beschrijving": _beschrijving(systeem_),
                                       **_routes_json(overzicht)})
        return jsonify(antwoord)

    @app.route("/rekenhulp")
    def rekenhulp():
        return _pagina(send_from_directory(PAGINA, "index.html"))

    @app.route("/rekenhulp/<path:bestand>")
    def rekenhulp_bestand(bestand):
        return _pagina(send_from_directory(PAGINA, bestand))

    return app


# The page loads nothing from elsewhere and talks only to this server; the browser enforces it.
PAGINA_BELEID = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                 "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


def _pagina(antwoord):
    antwoord.headers["Content-Security-Policy"] = PAGINA_BELEID
    antwoord.headers["X-Content-Type-Options"] = "nosniff"
    return antwoord


def _beschrijving(systeem):
    """The Dutch description of a policy: its reforms' docstrings, on one line."""
    beschrijvingen = []
    while isinstance(systeem, reforms.Reform):
        beschrijvingen.insert(0, " ".join((type(systeem).__doc__ or "").split()))
        systeem = systeem.baseline
    return " ".join(beschrijvingen) or "Het geldende recht: URI art. 11–16 en Leidraad 79.7–79.9."


def _routes_json(overzicht):
    euro = geld.naar_euro
    return {
        "periode": overzicht.periode,
        "voorlopig": overzicht.voorlopig,
        "waarschuwing": overzicht.waarschuwing,
        "uitkomst": overzicht.uitkomst,
        "schuld": euro(overzicht.schuld),
        "standaard_per_maand": euro(overzicht.standaard_per_maand),
        "persoonlijk_termijnbedrag": euro(overzicht.persoonlijk_termijnbedrag),
        "verschil_met_beslissing": overzicht.verschil_met_beslissing(),
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

