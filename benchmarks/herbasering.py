"""How much re-basing the rules on the law in force changed the termijnbedrag, per household group.

Run: .venv/bin/python benchmarks/herbasering.py OUDE_CHECKOUT [N]

OUDE_CHECKOUT is a checkout of the package as it was before the re-basing (commit 9c54789, built on the pre-2006
text of the Uitvoeringsregeling): ``git worktree add /tmp/oud 9c54789``. Both compute the same N synthetic households
(`populatie`, 2025-01, default 75,000): the old package in a subprocess on the same table written in its CSV format (it
knows no housemates, kostgangers or payments on toeslag debts, and counts children without their ages), the current
one in this process. Printed per group: households, share whose termijnbedrag changed, mean change (new − old) and the
mean termijnbedrag before and after; groups overlap.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

import numpy

from meten import PERIODE
from openfisca_toeslagen import CountryTaxBenefitSystem
from openfisca_toeslagen.invoer import populatie
from openfisca_toeslagen.toepassingen.vergelijking import vergelijk

OUDE_KOLOMMEN = (
    "synthetisch", "aanvrager_geboortedatum", "partner_geboortedatum", "aanvrager_netto_inkomen", "aanvrager_overige_inkomsten",
    "partner_netto_inkomen", "huur", "hypotheekrente", "ontvangen_huurtoeslag", "ontvangen_zorgtoeslag",
    "ontvangen_kindgebonden_budget", "zorgpremie", "energiekosten", "vervoerskosten", "auto_nodig_voor_werk",
    "overige_aflossingen", "betalingen_belastingschulden", "financiele_middelen", "terugvordering_huurtoeslag",
    "terugvordering_zorgtoeslag", "terugvordering_kindgebonden_budget", "terugvordering_kinderopvangtoeslag",
)
OUD = """
import sys, numpy
from openfisca_toeslagen.toepassingen.vergelijking import vergelijk
v = vergelijk(sys.argv[1], [], "{periode}")
numpy.save(sys.argv[2], v.uitkomsten["geldend_recht"]["termijnbedrag"])
"""


def schrijf_oud_formaat(tabel, pad):
    """The table in the CSV columns the old package reads (children as a count)."""
    kinderen = sum(tabel.ingevuld[f"kind{i}_geboortedatum"].astype(int) for i in range(1, populatie.MAX_KINDEREN + 1))
    teksten = [tabel.ids.astype(str), kinderen.astype(str)] + [populatie._tekst(k, tabel.waarden[k], tabel.ingevuld[k]) for k in OUDE_KOLOMMEN]
    with open(pad, "w", encoding="utf-8") as bestand:
        bestand.write(",".join(["huishouden", "aantal_kinderen", *OUDE_KOLOMMEN]) + "\n")
        bestand.write("".join(",".join(rij) + "\n" for rij in zip(*(t.tolist() for t in teksten))))


def groepen(tabel):
    """{group: mask}: the households whose rules changed, and the rest."""
    w, ingevuld = tabel.waarden, tabel.ingevuld
    maand = numpy.datetime64(PERIODE, "M")
    leeftijd = (maand - w["aanvrager_geboortedatum"].astype("datetime64[M]")).astype(int) // 12
    kinderen = ingevuld["kind1_geboortedatum"]
    medebewoner = ingevuld["kostendeler1_geboortedatum"]
    kostendeler = numpy.zeros(len(tabel), bool)
    for i in range(1, populatie.MAX_MEDEBEWONERS + 1):
        oud = (maand - w[f"kostendeler{i}_geboortedatum"].astype("datetime64[M]")).astype(int) >= 27 * 12
        kostendeler |= ingevuld[f"kostendeler{i}_geboortedatum"] & oud & ~w[f"kostendeler{i}_volgt_onderwijs_met_studiefinanciering"] \
            & ~w[f"kostendeler{i}_commerciele_overeenkomst"]
    drempel = CountryTaxBenefitSystem().parameters("2024-06-01").awir.art_26a.drempel  # the population's beschikkingen are of 2024
    klein = numpy.zeros(len(tabel), bool)
    for t in populatie.TOESLAGEN:
        bedrag = w[f"terugvordering_{t}"]
        klein |= (bedrag > 0) & (bedrag <= drempel)  # Awir art. 26a
    uitzondering = kinderen | kostendeler | (leeftijd >= 67) | (leeftijd < 21) | (w["ontvangen_zorgtoeslag"] > 0) \
        | (w["dagen_met_kostgangers"] > 0) | (w["betalingen_toeslagschulden"] > 0) | klein
    return {
        "alle huishoudens": numpy.ones(len(tabel), bool),
        "met kinderen (kindgebonden budget)": kinderen,
        "met zorgtoeslag": w["ontvangen_zorgtoeslag"] > 0,
        "met kostendelende medebewoner": kostendeler,
        "met medebewoner die niet meetelt": medebewoner & ~kostendeler,
        "aanvrager pensioengerechtigd (67+)": leeftijd >= 67,
        "aanvrager jonger dan 21": leeftijd < 21,
        "met kostganger": w["dagen_met_kostgangers"] > 0,
        "betaalt op een andere toeslagschuld": w["betalingen_toeslagschulden"] > 0,
        "kleine terugvordering (Awir art. 26a)": klein,
        "geen van deze": ~uitzondering,
    }


def main(oud, aantal=75_000):
    tabel = populatie.trek(aantal, seed=2025)
    nieuw = vergelijk(tabel, [], PERIODE).uitkomsten["geldend_recht"]["termijnbedrag"]
    with tempfile.TemporaryDirectory() as map_:
        csv, uit = Path(map_) / "oud.csv", Path(map_) / "oud.npy"
        schrijf_oud_formaat(tabel, csv)
        subprocess.run([sys.executable, "-c", OUD.format(periode=PERIODE), str(csv), str(uit)], check=True, cwd=map_,
                       env={"PYTHONPATH": str(Path(oud).resolve()), "PATH": "/usr/bin:/bin"})
        oud_termijn = numpy.load(uit)
    print(f"{aantal:,} synthetische huishoudens, {PERIODE}: termijnbedrag voor (tekst van vóór 2006) en na (wet 2015 + 2018)")
    print("| groep | huishoudens | termijnbedrag gewijzigd | gemiddelde wijziging | gemiddeld voor | gemiddeld na |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for naam, masker in groepen(tabel).items():
        n = int(masker.sum())
        if not n:
            continue
        verschil = nieuw[masker] - oud_termijn[masker]
        print(f"| {naam} | {n:,} | {(verschil != 0).mean() * 100:.1f} % | € {verschil.mean():+.2f} | € {oud_termijn[masker].mean():.2f} "
              f"| € {nieuw[masker].mean():.2f} |".replace(",", "."))


if __name__ == "__main__":
    main(sys.argv[1], *(int(a) for a in sys.argv[2:]))
