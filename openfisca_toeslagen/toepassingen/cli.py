"""The command `openfisca-toeslagen`: thin subcommands over the Python functions.

    openfisca-toeslagen vergelijk --situatie mark.json --hervorming kosten_van_bestaan_95 --periode 2025-01
    openfisca-toeslagen vergelijk --huishoudens huishoudens.csv --hervorming werkelijke_lasten --uitvoer uit.csv
    openfisca-toeslagen populatie --aantal 1000 --seed 1 --uitvoer huishoudens.csv
"""

import argparse
import json
import os
import sys

import numpy
from openfisca_core import periods
from openfisca_core.errors import ParameterNotFoundError, SituationParsingError

from openfisca_toeslagen import geld, geldigheid, reforms
from openfisca_toeslagen.invoer import bestanden, huishoudens, populatie
from openfisca_toeslagen.toepassingen.kringloop import KOLOMMEN as KRINGLOOP_KOLOMMEN
from openfisca_toeslagen.toepassingen.kringloop import OMSCHRIJVING
from openfisca_toeslagen.toepassingen.routes import GELIJK, HERZIENINGEN, alleen_routes
from openfisca_toeslagen.invoer.situaties import lees_json
from openfisca_toeslagen.toepassingen.vergelijking import UITKOMSTEN, aantal_stappen, beleidssystemen, vergelijk

MAX_HUISHOUDENS_IN_TABEL = 20


def euro(bedrag):
    """An amount in euros as € 1.234,56 (geld.euro_tekst); "-" for a mean of no households."""
    return geld.euro_tekst(geld.centen(bedrag), 2) if numpy.isfinite(bedrag) else "-"


def procent(aandeel):
    """12,3 %"""
    return f"{aandeel * 100:.1f} %".replace(".", ",")


def _tabel(kop, rijen):
    breedtes = [max(len(str(c)) for c in kolom) for kolom in zip(kop, *rijen)]
    regels = ["  ".join(str(c).ljust(b) if i == 0 else str(c).rjust(b) for i, (c, b) in enumerate(zip(rij, breedtes)))
              for rij in [kop, *rijen]]
    regels.insert(1, "  ".join("-" * b for b in breedtes))
    return "\n".join(regels)


def toon_huishoudens(vergelijking, titels):
    """A table per household (current law and each policy); for more than 20 households only a pointer to --uitvoer."""
    if len(vergelijking.huishoudens) > MAX_HUISHOUDENS_IN_TABEL:
        return f"{len(vergelijking.huishoudens)} huishoudens: de uitkomst per huishouden en beleid staat in --uitvoer"
    blokken = []
    for i, huishouden in enumerate(vergelijking.huishoudens):
        rijen = []
        for beleid, k in vergelijking.uitkomsten.items():
            rijen.append([titels[beleid], euro(k["betalingscapaciteit"][i]), euro(k["termijnbedrag"][i]),
                          int(k["looptijd_maanden"][i]), euro(k["totaal_af_te_lossen"][i]), euro(k["direct_te_betalen_uit_vermogen"][i]),
                          euro(k["restschuld_buiten_invordering"][i]), UITKOMSTEN[k["uitkomst_verzoek"][i]].name,
                          euro(k["vrij_besteedbaar_na_regeling"][i])])
        schuld = vergelijking.uitkomsten[next(iter(vergelijking.uitkomsten))]["schuld"][i]
        kop = f"Huishouden {huishouden} — {vergelijking.periode}, schuld {euro(schuld)}"
        blokken.append(kop + "\n" + _tabel(
            ["beleid", "capaciteit", "termijn", "maanden", "afgelost", "uit vermogen", "niet ingevorderd", "uitkomst", "vrij besteedbaar"], rijen))
    return "\n\n".join(blokken)


def toon_samenvatting(vergelijking, titels):
    samenvatting = vergelijking.samenvattingen()
    rijen = [[titels[b], s["met_schuld"], euro(s["termijnbedrag_gemiddeld"]), euro(s["termijnbedrag_mediaan"]),
              euro(s["totaal_afgelost"]), euro(s["totaal_uit_vermogen"]), euro(s["totaal_niet_ingevorderd"]),
              f"{s['onder_0']} ({procent(s['aandeel_onder_0'])})", f"{s['onder_100']} ({procent(s['aandeel_onder_100'])})"]
             for b, s in samenvatting.items()]
    deel1 = _tabel(["beleid", "met schuld", "termijn gem.", "termijn mediaan", "afgelost in regeling", "uit vermogen", "niet ingevorderd",
                    "< € 0 over", "< € 100 over"], rijen)
    uitkomsten = [u.name for u in UITKOMSTEN]
    deel2 = _tabel(["beleid", *uitkomsten], [[titels[b], *(s[f"uitkomst_{u}"] for u in uitkomsten)]
                                             for b, s in samenvatting.items()])
    return f"Samenvatting — {len(vergelijking.huishoudens)} huishoudens, {vergelijking.periode}\n{deel1}\n\nUitkomst per beleid\n{deel2}"


def _periode(tekst):
    try:
        periode = periods.period(tekst)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{tekst!r} is geen maand van de vorm JJJJ-MM") from None
    if periode.unit != periods.DateUnit.MONTH or periode.size != 1:
        raise argparse.ArgumentTypeError(f"{tekst!r} is geen maand van de vorm JJJJ-MM")
    return str(periode)


def _schrijfbaar(pad, achtervoegsel):
    """Refuse an output path before the calculation rather than after it (`achtervoegsel`: one suffix or a tuple)."""
    if pad is None:
        return
    if not pad.lower().endswith(achtervoegsel):
        toegestaan = achtervoegsel if isinstance(achtervoegsel, str) else " of ".join(achtervoegsel)
        raise huishoudens.OngeldigBestand(f"{pad}: de naam moet eindigen op {toegestaan}")
    try:
        with open(pad, "a", encoding="utf-8"):
            pass
    except OSError as fout:
        raise huishoudens.OngeldigBestand(f"{pad}: kan hier niet schrijven ({fout.strerror})") from None


def cmd_vergelijk(args):
    from tqdm import tqdm

    from openfisca_toeslagen.toepassingen.grafiek import maak_effecten_grafiek, maak_grafiek
    _schrijfbaar(args.uitvoer, bestanden.SOORTEN)
    _schrijfbaar(args.grafiek, ".png")
    _schrijfbaar(args.effecten_uitvoer, bestanden.SOORTEN)
    _schrijfbaar(args.effecten_grafiek, ".png")
    systemen = beleidssystemen(args.hervorming)
    balk = {"file": sys.stderr, "delay": 0 if args.voortgang else 2, "disable": False if args.voortgang else None}
    bron, aantal = args.situatie, 1
    if args.huishoudens:
        with tqdm(desc="inlezen", unit="rij", **balk) as lezen:
            bron = bestanden.lees(args.huishoudens, systemen["geldend_recht"], voortgang=lezen.update)
        aantal = len(bron)
    berekend = sum(not alleen_routes(tbs) for tbs in systemen.values())
    if args.uitvoer:
        bestanden.controleer_excel(args.uitvoer, aantal * berekend)
    with tqdm(total=aantal_stappen(aantal, berekend), desc="berekenen", unit="blok", **balk) as rekenen:
        vergelijking = vergelijk(bron, periode=args.periode, voortgang=rekenen.update, systemen=systemen)
    titels = vergelijking.titels
    if vergelijking.synthetisch:
        print("SYNTHETISCHE huishoudens: geen echte gegevens (zie openfisca_toeslagen/invoer/populatie.py)\n")
    waarschuwingen = {beleid: vergelijking.waarschuwing(beleid) for beleid in vergelijking.beleid}
    if len(set(waarschuwingen.values())) == 1 and vergelijking.waarschuwing():
        print(f"LET OP: {vergelijking.waarschuwing()}\n")
    else:
        for beleid, waarschuwing in waarschuwingen.items():
            if waarschuwing:
                print(f"LET OP ({titels[beleid]}): {waarschuwing}\n")
    for opmerking in vergelijking.alleen_routes.values():
        print(f"NB: {opmerking}\n")
    print(toon_huishoudens(vergelijking, titels))
    if len(vergelijking.huishoudens) > 1:
        print()
        print(toon_samenvatting(vergelijking, titels))
    effecten = None
    if args.effecten or args.effecten_uitvoer or args.effecten_grafiek:
        if len(vergelijking.beleid) < 2:
            raise huishoudens.OngeldigBestand("--effecten vergelijkt een hervorming met het geldende recht: geef --hervorming")
        effecten = vergelijking.effecten()
    if args.effecten:
        print()
        print(toon_effecten(effecten))
    if args.uitvoer:
        vergelijking.naar_bestand(args.uitvoer)
        print(f"\nUitkomsten per huishouden en beleid, met de invoer, geschreven naar {args.uitvoer}")
    if args.effecten_uitvoer:
        bestanden.schrijf(effecten, args.effecten_uitvoer)
        print(f"Effecten per inkomensdeciel en huishoudtype geschreven naar {args.effecten_uitvoer}")
    if args.grafiek:
        maak_grafiek(vergelijking, args.grafiek)
        print(f"Grafiek geschreven naar {args.grafiek}")
    if args.effecten_grafiek:
        maak_effecten_grafiek(effecten, args.effecten_grafiek, vergelijking.synthetisch)
        print(f"Grafiek van de effecten geschreven naar {args.effecten_grafiek}")


def toon_effecten(effecten):
    """Per reform a table per income decile and household type against current law."""
    blokken = []
    for beleid, rijen in effecten.groupby("beleid", sort=False):
        tabel = [[r.groep, r.huishoudens, euro(r.inkomen_gemiddeld), euro(r.termijnbedrag_verschil_gemiddeld),
                  procent(r.aandeel_minder), procent(r.aandeel_meer), euro(r.vrij_besteedbaar_verschil_gemiddeld),
                  euro(r.totaal_afgelost_verschil), euro(r.totaal_niet_ingevorderd_verschil), f"{r.onder_100_verschil:+d}"]
                 for r in rijen.itertuples()]
        blokken.append(f"Effect van {rijen['titel'].iloc[0]} tegenover het geldende recht, per inkomensdeciel (1 = laagste) "
                       "en huishoudtype\n" + _tabel(["groep", "huishoudens", "inkomen gem.", "termijn verschil gem.", "betaalt minder",
                                                    "betaalt meer", "over per maand", "afgelost", "niet ingevorderd", "< € 100 over"], tabel))
    return "\n\n".join(blokken)


def cmd_populatie(args):
    tabel = populatie.trek(args.aantal, args.seed)
    if args.uitvoer.lower().endswith((".parquet", ".xlsx")):
        bestanden.schrijf(tabel.naar_dataframe(), args.uitvoer)
    else:
        populatie.schrijf_csv(tabel, args.uitvoer)
    print(f"{len(tabel)} SYNTHETISCHE huishoudens (seed {args.seed}) geschreven naar {args.uitvoer}; "
          "geen echte gegevens, zie openfisca_toeslagen/invoer/populatie.py voor de verdelingen", file=sys.stderr)


def toon_overzicht(overzicht):
    rijen = [[v.toeslag, geld.euro_tekst(v.bedrag, 2), v.beschikkingsdatum.isoformat(), v.vervaldag.isoformat(),
              "niet teruggevorderd (Awir art. 26a)" if v.niet_teruggevorderd else
              f"{geld.euro_tekst(v.standaard_termijn, 2)} × {v.standaard_looptijd}",
              geld.euro_tekst(overzicht.verdeling.get(v.toeslag, 0), 2)] for v in overzicht.vorderingen]
    tabel = _tabel(["toeslag", "bedrag", "beschikking", "vervaldag", "standaardregeling", "deel persoonlijke termijn"], rijen)
    return (f"Totaaloverzicht — verzoek in {overzicht.periode}\n{tabel}\n"
            f"Totale schuld {geld.euro_tekst(overzicht.schuld, 2)}; standaardregelingen samen {geld.euro_tekst(overzicht.standaard_per_maand, 2)} per maand; "
            + (f"persoonlijke regeling ({overzicht.uitkomst}): {geld.euro_tekst(overzicht.persoonlijk_termijnbedrag, 2)} per maand, "
               "verdeeld over de vorderingen: eerst de vordering die het langst openstaat"
               if overzicht.verdeling else f"verzoek om een persoonlijke regeling: {overzicht.uitkomst}"))


def toon_routes(titel, overzicht):
    rijen = [[naam, geld.euro_tekst(r.totaal_betaald, 2), geld.euro_tekst(r.totaal_rente, 2), geld.euro_tekst(r.totaal_kosten, 2),
              geld.euro_tekst(r.niet_ingevorderd, 2), geld.euro_tekst(r.open_aan_het_eind, 2), r.afgerond_in or "-",
              r.maanden_tot_einde or "-"] for naam, r in overzicht.routes.items()]
    opmerkingen = [f"{naam}: {r.onderbroken}" for naam, r in overzicht.routes.items() if r.onderbroken]
    opmerkingen += [f"{naam}: nog niet in rekening gebrachte invorderingsrente {geld.euro_tekst(r.opgebouwde_rente, 2)}"
                    for naam, r in overzicht.routes.items() if r.opgebouwde_rente]
    return f"Routes — {titel}\n" + _tabel(["route", "betaald", "rente", "kosten", "niet ingevorderd", "nog open", "klaar in",
                                            "maanden"], rijen) + "".join(f"\n{o}" for o in opmerkingen)


def toon_schema(route):
    rijen = [[m.maand, geld.euro_tekst(m.betaald, 2), geld.euro_tekst(m.verrekend, 2), geld.euro_tekst(m.rente, 2), geld.euro_tekst(m.kosten, 2),
              geld.euro_tekst(m.openstaand, 2), "; ".join(m.gebeurtenissen)] for m in route.maanden]
    return f"Schema {route.naam}\n" + _tabel(["maand", "betaald", "waarvan verrekend", "rente", "kosten", "openstaand", "gebeurtenis"], rijen)


def toon_routes_populatie(uitkomst):
    """Per policy a table of the routes: households with a debt, totals, the mean paid and the mean months to the end."""
    blokken = []
    for beleid, per_route in uitkomst.samenvatting().items():
        rijen = [[route, s["met_schuld"], euro(s["betaald"]), euro(s["betaald_gemiddeld"]), euro(s["rente"]), euro(s["kosten"]),
                  euro(s["niet_ingevorderd"]), euro(s["nog_open"]),
                  "-" if s["maanden_gemiddeld"] is None else f"{s['maanden_gemiddeld']:.1f}".replace(".", ","), s["nog_niet_klaar"]]
                 for route, s in per_route.items()]
        blokken.append(f"Routes — {uitkomst.titels[beleid]}, {len(uitkomst.huishoudens)} huishoudens, verzoek in {uitkomst.periode}\n" + _tabel(
            ["route", "met schuld", "betaald", "betaald gem.", "rente", "kosten", "niet ingevorderd", "nog open", "maanden gem.",
             "nog niet klaar"], rijen))
    return "\n\n".join(blokken)


def cmd_routes_populatie(args):
    from tqdm import tqdm

    from openfisca_toeslagen.toepassingen.routes import populatie as routes_populatie
    _schrijfbaar(args.uitvoer, ".csv")
    systemen = beleidssystemen(args.hervorming)
    balk = {"file": sys.stderr, "delay": 2}
    with tqdm(desc="inlezen", unit="rij", **balk) as lezen:
        tabel = bestanden.lees(args.huishoudens, systemen["geldend_recht"], voortgang=lezen.update)
    with tqdm(total=aantal_stappen(len(tabel), len(systemen)), desc="routes", unit="blok", **balk) as rekenen:
        uitkomst = routes_populatie.bereken(tabel, args.periode or "2025-01", systemen=systemen, gemiste_maanden=args.gemist,
                                            beslagvrije_voet_bij_verrekening=args.beslagvrije_voet, herziening=args.herziening,
                                            voortgang=rekenen.update)
    if uitkomst.synthetisch:
        print("SYNTHETISCHE huishoudens: geen echte gegevens (zie openfisca_toeslagen/invoer/populatie.py)\n")
    from openfisca_toeslagen.toepassingen.routes import Regels
    na = Regels(systemen["geldend_recht"], args.periode or "2025-01").herziening
    print(f"Herziening na {na} maanden (Leidraad 79.8): {args.herziening} ({HERZIENINGEN[args.herziening]})"
          + (f"; gemiste betalingen voor iedereen: {', '.join(args.gemist)}" if args.gemist else "") + "\n")
    print(toon_routes_populatie(uitkomst))
    if args.uitvoer:
        uitkomst.naar_csv(args.uitvoer)
        print(f"\nRoutes per huishouden, beleid en route geschreven naar {args.uitvoer}")


def cmd_routes(args):
    from openfisca_toeslagen.toepassingen.routes import routes
    if (args.bestand is None) == (args.huishoudens is None):
        raise huishoudens.OngeldigBestand("geef één situatie (BESTAND.json) of een tabel huishoudens (--huishoudens BESTAND.csv)")
    if args.huishoudens:
        return cmd_routes_populatie(args)
    if args.uitvoer:
        raise huishoudens.OngeldigBestand("--uitvoer schrijft de routes van een tabel huishoudens (--huishoudens)")
    situatie = lees_json(args.bestand)
    for i, beleid in enumerate([[], *([h.split("+")] for h in args.hervorming)]):
        overzicht = routes(situatie, args.periode, args.gemist, beleid[0] if beleid else [], args.beslagvrije_voet,
                           herziening=args.herziening)
        if i == 0:
            if overzicht.waarschuwing:
                print(f"LET OP: {overzicht.waarschuwing}\n")
            print(toon_overzicht(overzicht))
        titel = "geldend recht" if not beleid else " + ".join(beleid[0])
        print()
        print(toon_routes(titel + (f", gemiste betalingen: {', '.join(args.gemist)}" if args.gemist else ""), overzicht))
        print(overzicht.verschil_met_beslissing())
        if i == 0:
            print(f"(Herziening zonder invoer voor die maand: {overzicht.herziening}, {HERZIENINGEN[overzicht.herziening]}; "
                  "kies met --herziening.)")
        if args.schema:
            for route in overzicht.routes.values():
                print()
                print(toon_schema(route))


def toon_kringloop(scenario):
    """The assumptions with their sources, then per policy a table of the counters per year."""
    regels = ["Aannames (kringloop.yaml; zekerheid: tekst, secundair, lezing of aanname):"]
    for naam, (waarde, zekerheid, bron) in scenario.aannames.items():
        regels.append(f"- {naam} = {waarde} [{zekerheid}]: {bron}")
    per_jaar = scenario.per_jaar()
    for beleid, jaren in per_jaar.items():
        rijen = [[OMSCHRIJVING[k], *(euro(rij[k]) if k in ("kosten", "rente", "ingevorderd") else
                                     f"{rij[k]:,.0f}".replace(",", ".") for rij in jaren.values())] for k in KRINGLOOP_KOLOMMEN]
        regels.append(f"\n{scenario.titels[beleid]} — {scenario.missen[beleid]} van {scenario.aantal} huishoudens met een schuld kunnen "
                      "hun termijn niet betalen en het leefgeld overhouden\n" + _tabel(["per jaar", *map(str, jaren)], rijen))
    gestopt = {b: sum(r["gestopt"] for r in jaren.values()) for b, jaren in per_jaar.items()}
    if any(gestopt.values()):
        regels.append(f"\nLET OP: {max(gestopt.values())} huishoudens stoppen binnen de horizon omdat een bedrag (de Kostenwet) voor die maand "
                      "niet geverifieerd is; hun verdere verloop ontbreekt in de tellingen. Kies een kortere horizon_maanden.")
    regels.append("\nDit zijn scenarioresultaten, geen voorspellingen: ze laten zien wat de regels en de aannames samen doen.")
    return "\n".join(regels)


def cmd_kringloop(args):
    from tqdm import tqdm

    from openfisca_toeslagen.toepassingen import kringloop
    from openfisca_toeslagen.toepassingen.grafiek import maak_kringloop_grafiek
    _schrijfbaar(args.uitvoer, ".csv")
    _schrijfbaar(args.grafiek, ".png")
    wijzigingen = {}
    for tekst in args.aanname:
        naam, _, waarde = tekst.partition("=")
        try:
            wijzigingen[naam] = float(waarde) if waarde.lower() not in ("ja", "nee", "true", "false") else waarde.lower() in ("ja", "true")
        except ValueError:
            raise huishoudens.OngeldigBestand(f"--aanname {tekst!r}: verwacht naam=getal (of ja/nee)") from None
    systemen = beleidssystemen(args.hervorming)
    balk = {"file": sys.stderr, "delay": 2}
    with tqdm(desc="inlezen", unit="rij", **balk) as lezen:
        tabel = bestanden.lees(args.huishoudens, systemen["geldend_recht"], voortgang=lezen.update)
    with tqdm(total=aantal_stappen(len(tabel), len(systemen)), desc="scenario", unit="blok", **balk) as rekenen:
        scenario = kringloop.bereken(tabel, args.periode, systemen=systemen, wijzigingen=wijzigingen, voortgang=rekenen.update)
    if scenario.synthetisch:
        print("SYNTHETISCHE huishoudens: geen echte gegevens (zie openfisca_toeslagen/invoer/populatie.py)\n")
    print(toon_kringloop(scenario))
    if args.uitvoer:
        scenario.naar_csv(args.uitvoer)
        print(f"\nPer beleid en jaar geschreven naar {args.uitvoer}")
    if args.grafiek:
        maak_kringloop_grafiek(scenario, args.grafiek)
        print(f"Grafiek geschreven naar {args.grafiek}")


def _waarde(stap):
    waarde = stap["waarde"]
    return euro(waarde) if stap["eenheid"] == "euro per maand" else str(waarde)


def cmd_uitleg(args):
    from openfisca_toeslagen.toepassingen.uitleg import uitleg
    resultaat = uitleg(lees_json(args.bestand), args.periode)
    print(f"Uitleg — {resultaat['periode']}")
    if resultaat["waarschuwing"]:
        print(f"\nLET OP: {resultaat['waarschuwing']}")
    for nummer, stap in enumerate(resultaat["stappen"], start=1):
        print(f"\n{nummer}. {stap['omschrijving']}: {_waarde(stap)}")
        if stap["regel"]:
            print(f"   {stap['regel']}")
        for p in stap["parameters"]:
            bron = ", ".join(b["href"] for b in p["bronnen"])
            print(f"   - {p['omschrijving']}: {p['waarde']} (geldt vanaf {p['geldt_vanaf']}; {bron})")
        if stap["artikelen"]:
            print(f"   wet: {', '.join(stap['artikelen'])}")
    if resultaat["telt_niet_mee"]:
        print("\nTelt niet mee:")
        for item in resultaat["telt_niet_mee"]:
            bedrag = f": {euro(item['waarde'])}" if not isinstance(item["waarde"], bool) else ""
            print(f"- {item['omschrijving']}{bedrag} — {item['waarom']}")
    if resultaat["onzeker"]:
        print("\nNiet zeker (niet in de wettekst gelezen):")
        for item in resultaat["onzeker"]:
            print(f"- {item['omschrijving']}: {item['zin']}")
    print(f"\nOver per maand na alle lasten en het termijnbedrag: {euro(resultaat['vrij_besteedbaar_na_regeling'])}")


def _positief(tekst):
    if not tekst.isdigit() or int(tekst) < 1:
        raise argparse.ArgumentTypeError(f"{tekst!r} is geen geheel getal van 1 of meer")
    return int(tekst)


def parser():
    p = argparse.ArgumentParser(prog="openfisca-toeslagen", description="Invordering van toeslagschulden: regels, hervormingen, vergelijkingen.")
    sub = p.add_subparsers(dest="opdracht", required=True)
    strikt = argparse.ArgumentParser(add_help=False)
    strikt.add_argument("--strikt", action="store_true",
                        help="weiger een maand waarvoor een gebruikt bedrag (norm, huurgrens, ...) niet is geverifieerd, in plaats "
                        "van voorlopig te rekenen met de laatst geverifieerde waarde (zoals TOESLAGEN_STRIKT=1)")

    v = sub.add_parser("vergelijk", parents=[strikt], help="geldend recht naast hervormingen, voor één situatie of een tabel huishoudens",
                       description="Reken het geldende recht en elke hervorming door. Hervormingen: "
                       + ", ".join(reforms.HERVORMINGEN) + "; combineer met '+', of geef een .yaml/.json met parameterwijzigingen.")
    bron = v.add_mutually_exclusive_group(required=True)
    bron.add_argument("--situatie", metavar="BESTAND.json", help="een OpenFisca-situatie (zoals voor /calculate)")
    bron.add_argument("--huishoudens", metavar="BESTAND", help="één huishouden per rij, als .csv, .parquet of .xlsx (kolommen: zie README)")
    v.add_argument("--hervorming", action="append", default=[], metavar="NAAM",
                   help="naam, naam+naam (samen toegepast) of BESTAND.yaml/.json; herhaalbaar")
    v.add_argument("--periode", default="2025-01", type=_periode, help="de maand van het verzoek (standaard 2025-01)")
    v.add_argument("--uitvoer", metavar="BESTAND", help="schrijf elke uitkomst per huishouden en beleid, met de invoer, naar .csv, .parquet of .xlsx")
    v.add_argument("--effecten", action="store_true", help="toon per hervorming het effect per inkomensdeciel en huishoudtype")
    v.add_argument("--effecten-uitvoer", metavar="BESTAND", help="schrijf de effecten naar .csv, .parquet of .xlsx")
    v.add_argument("--effecten-grafiek", metavar="BESTAND.png", help="schrijf een grafiek van de effecten per inkomensdeciel (PNG)")
    v.add_argument("--grafiek", metavar="BESTAND.png", help="schrijf een grafiek per beleid (PNG)")
    v.add_argument("--voortgang", action="store_true", help="toon altijd de voortgangsbalk (standaard alleen op een terminal, na 2 s)")
    v.set_defaults(functie=cmd_vergelijk)

    u = sub.add_parser("uitleg", parents=[strikt], help="leg de berekening van één huishouden stap voor stap uit",
                       description="De stappen van de beslissing met bedrag, regel, parameters (vanaf wanneer ze gelden) en artikelen.")
    u.add_argument("bestand", metavar="BESTAND.json", help="een OpenFisca-situatie met één huishouden")
    u.add_argument("--periode", type=_periode, help="de maand van het verzoek (standaard: de enige maand met invoer)")
    u.set_defaults(functie=cmd_uitleg)

    r = sub.add_parser("routes", parents=[strikt], help="de routes van één huishouden (maand voor maand) of van een tabel huishoudens",
                       description="Totaaloverzicht van de vorderingen en per route (direct betalen, standaardregeling, "
                       "persoonlijke regeling, verrekening, dwanginvordering) wat er betaald wordt, aan rente en kosten; "
                       "met --huishoudens voor elk huishouden van een tabel, met een samenvatting per beleid en route.")
    r.add_argument("bestand", metavar="BESTAND.json", nargs="?", help="een OpenFisca-situatie met één huishouden, terugvordering_* en beschikkingsdatum_*")
    r.add_argument("--huishoudens", metavar="BESTAND.csv", help="een tabel huishoudens (kolommen: zie README), met beschikkingsdatum_* per vordering")
    r.add_argument("--uitvoer", metavar="UIT.csv", help="met --huishoudens: één rij per huishouden, beleid en route")
    r.add_argument("--periode", type=_periode, help="de maand van het verzoek (standaard: de enige maand met invoer)")
    r.add_argument("--gemist", action="append", default=[], type=_periode, metavar="JJJJ-MM",
                   help="een maand waarin een termijn niet wordt betaald; herhaalbaar")
    r.add_argument("--hervorming", action="append", default=[], metavar="NAAM",
                   help="zet de routes onder deze hervorming naast het geldende recht (bijv. verlenging_na_gemiste_betaling)")
    r.add_argument("--beslagvrije-voet", action="store_true", help="verrekening met respect voor de beslagvrije voet (Leidraad 79.5a)")
    r.add_argument("--herziening", choices=list(HERZIENINGEN), default=GELIJK,
                   help="de herziening na 12 maanden zonder invoer voor die maand: " + "; ".join(f"{k}: {v}" for k, v in HERZIENINGEN.items())
                   + f" (standaard {GELIJK})")
    r.add_argument("--schema", action="store_true", help="toon ook het schema per maand van elke route")
    r.set_defaults(functie=cmd_routes)

    k = sub.add_parser("kringloop", help="scenario: de vicieuze cirkel van gemiste termijnen, intrekkingen en nieuwe verzoeken",
                       description="Voor een tabel verzoeken: wie de termijn niet kan betalen, mist hem; onder het geldende recht "
                       "vervalt de regeling, volgt dwanginvordering, een nieuw verzoek, een beslissing en weer een termijn. Per beleid "
                       "en jaar: gemiste termijnen, intrekkingen, nieuwe verzoeken, bezwaren, maanden dwanginvordering, kosten en wat "
                       "is ingevorderd. Scenarioresultaten, geen voorspellingen; de aannames staan in kringloop.yaml.")
    k.add_argument("--huishoudens", metavar="BESTAND.csv", required=True, help="een tabel huishoudens (kolommen: zie README), met beschikkingsdatum_*")
    k.add_argument("--periode", default="2025-01", type=_periode, help="de maand van de verzoeken (standaard 2025-01)")
    k.add_argument("--hervorming", action="append", default=[], metavar="NAAM", help="zet dit beleid naast het geldende recht; herhaalbaar")
    k.add_argument("--aanname", action="append", default=[], metavar="NAAM=WAARDE",
                   help="wijzig een aanname voor deze berekening, bijv. beslistermijn_weken=8; herhaalbaar")
    k.add_argument("--uitvoer", metavar="UIT.csv", help="één rij per beleid en jaar")
    k.add_argument("--grafiek", metavar="GRAFIEK.png", help="het geldende recht naast elk beleid, per jaar")
    k.set_defaults(functie=cmd_kringloop)

    q = sub.add_parser("populatie", help="schrijf een SYNTHETISCHE populatie huishoudens als CSV")
    q.add_argument("--aantal", type=_positief, default=populatie.STANDAARD_AANTAL,
                   help=f"aantal huishoudens (standaard {populatie.STANDAARD_AANTAL}: huishoudens met een toeslagschuld, CBS 2024)")
    q.add_argument("--seed", type=int, default=2025, help="startwaarde van de toevalsgenerator (standaard 2025)")
    q.add_argument("--uitvoer", default="/dev/stdout", metavar="BESTAND", help=".csv (standaard: het scherm), .parquet of .xlsx")
    q.set_defaults(functie=cmd_populatie)
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    vorige = os.environ.get(geldigheid.STRIKT)
    if getattr(args, "strikt", False):
        os.environ[geldigheid.STRIKT] = "1"
    try:
        args.functie(args)
    except SituationParsingError as fout:
        print(f"fout in de situatie: {json.dumps(fout.error, ensure_ascii=False)}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as other commands do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (huishoudens.OngeldigBestand, reforms.OngeldigeHervorming, ParameterNotFoundError, ValueError, OSError) as fout:
        print(f"fout: {fout}", file=sys.stderr)
        return 2
    finally:  # main() is also called from Python: leave the environment as it was
        if vorige is None:
            os.environ.pop(geldigheid.STRIKT, None)
        else:
            os.environ[geldigheid.STRIKT] = vorige
    return 0


if __name__ == "__main__":
    sys.exit(main())
