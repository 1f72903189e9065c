"""The command `openfisca-toeslagen`: thin subcommands over the Python functions.

    openfisca-toeslagen vergelijk --situatie mark.json --hervorming kosten_van_bestaan_95 --periode 2025-01
    openfisca-toeslagen vergelijk --huishoudens huishoudens.csv --hervorming werkelijke_lasten --uitvoer uit.csv
    openfisca-toeslagen populatie --aantal 1000 --seed 1 --uitvoer huishoudens.csv
"""

import argparse
import json
import sys

from openfisca_core import periods
from openfisca_core.errors import ParameterNotFoundError, SituationParsingError

from openfisca_toeslagen import huishoudens, populatie, reforms
from openfisca_toeslagen.vergelijking import UITKOMSTEN, aantal_stappen, beleidssystemen, vergelijk

MAX_HUISHOUDENS_IN_TABEL = 20


def euro(bedrag):
    """€ 1.234,56"""
    tekst = f"{bedrag:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"€ {tekst}"


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
    samenvatting = vergelijking.samenvatting()
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
    """Refuse an output path before the calculation rather than after it."""
    if pad is None:
        return
    if not pad.lower().endswith(achtervoegsel):
        raise huishoudens.OngeldigBestand(f"{pad}: de naam moet eindigen op {achtervoegsel}")
    try:
        with open(pad, "a", encoding="utf-8"):
            pass
    except OSError as fout:
        raise huishoudens.OngeldigBestand(f"{pad}: kan hier niet schrijven ({fout.strerror})") from None


def cmd_vergelijk(args):
    from tqdm import tqdm

    from openfisca_toeslagen.grafiek import maak_grafiek
    _schrijfbaar(args.uitvoer, ".csv")
    _schrijfbaar(args.grafiek, ".png")
    systemen = beleidssystemen(args.hervorming)
    balk = {"file": sys.stderr, "delay": 0 if args.voortgang else 2, "disable": False if args.voortgang else None}
    bron, aantal = args.situatie, 1
    if args.huishoudens:
        with tqdm(desc="inlezen", unit="rij", **balk) as lezen:
            bron = huishoudens.lees_csv(args.huishoudens, systemen["geldend_recht"], voortgang=lezen.update)
        aantal = len(bron)
    with tqdm(total=aantal_stappen(aantal, len(systemen)), desc="berekenen", unit="blok", **balk) as rekenen:
        vergelijking = vergelijk(bron, periode=args.periode, voortgang=rekenen.update, systemen=systemen)
    titels = vergelijking.titels
    if vergelijking.synthetisch:
        print("SYNTHETISCHE huishoudens: geen echte gegevens (zie openfisca_toeslagen/populatie.py)\n")
    print(toon_huishoudens(vergelijking, titels))
    if len(vergelijking.huishoudens) > 1:
        print()
        print(toon_samenvatting(vergelijking, titels))
    if args.uitvoer:
        vergelijking.naar_csv(args.uitvoer)
        print(f"\nUitkomsten per huishouden en beleid geschreven naar {args.uitvoer}")
    if args.grafiek:
        maak_grafiek(vergelijking, args.grafiek)
        print(f"Grafiek geschreven naar {args.grafiek}")


def cmd_populatie(args):
    tabel = populatie.trek(args.aantal, args.seed)
    populatie.schrijf_csv(tabel, args.uitvoer)
    print(f"{len(tabel)} SYNTHETISCHE huishoudens (seed {args.seed}) geschreven naar {args.uitvoer}; "
          "geen echte gegevens, zie openfisca_toeslagen/populatie.py voor de verdelingen", file=sys.stderr)


def _positief(tekst):
    if not tekst.isdigit() or int(tekst) < 1:
        raise argparse.ArgumentTypeError(f"{tekst!r} is geen geheel getal van 1 of meer")
    return int(tekst)


def parser():
    p = argparse.ArgumentParser(prog="openfisca-toeslagen", description="Invordering van toeslagschulden: regels, hervormingen, vergelijkingen.")
    sub = p.add_subparsers(dest="opdracht", required=True)

    v = sub.add_parser("vergelijk", help="geldend recht naast hervormingen, voor één situatie of een tabel huishoudens",
                       description="Reken het geldende recht en elke hervorming door. Hervormingen: "
                       + ", ".join(reforms.HERVORMINGEN) + "; combineer met '+', of geef een .yaml/.json met parameterwijzigingen.")
    bron = v.add_mutually_exclusive_group(required=True)
    bron.add_argument("--situatie", metavar="BESTAND.json", help="een OpenFisca-situatie (zoals voor /calculate)")
    bron.add_argument("--huishoudens", metavar="BESTAND.csv", help="één huishouden per rij (kolommen: zie README)")
    v.add_argument("--hervorming", action="append", default=[], metavar="NAAM",
                   help="naam, naam+naam (samen toegepast) of BESTAND.yaml/.json; herhaalbaar")
    v.add_argument("--periode", default="2025-01", type=_periode, help="de maand van het verzoek (standaard 2025-01)")
    v.add_argument("--uitvoer", metavar="BESTAND.csv", help="schrijf elke uitkomst per huishouden en beleid naar CSV")
    v.add_argument("--grafiek", metavar="BESTAND.png", help="schrijf een grafiek per beleid (PNG)")
    v.add_argument("--voortgang", action="store_true", help="toon altijd de voortgangsbalk (standaard alleen op een terminal, na 2 s)")
    v.set_defaults(functie=cmd_vergelijk)

    q = sub.add_parser("populatie", help="schrijf een SYNTHETISCHE populatie huishoudens als CSV")
    q.add_argument("--aantal", type=_positief, default=populatie.STANDAARD_AANTAL,
                   help=f"aantal huishoudens (standaard {populatie.STANDAARD_AANTAL}: huishoudens met een toeslagschuld, CBS 2024)")
    q.add_argument("--seed", type=int, default=2025, help="startwaarde van de toevalsgenerator (standaard 2025)")
    q.add_argument("--uitvoer", default="/dev/stdout", metavar="BESTAND.csv", help="standaard: het scherm")
    q.set_defaults(functie=cmd_populatie)
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        args.functie(args)
    except SituationParsingError as fout:
        print(f"fout in de situatie: {json.dumps(fout.error, ensure_ascii=False)}", file=sys.stderr)
        return 2
    except (huishoudens.OngeldigBestand, reforms.OngeldigeHervorming, ParameterNotFoundError, ValueError, OSError) as fout:
        print(f"fout: {fout}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
