"""Charts of a comparison (PNG): the monthly amount asked and what is left after all real costs, per policy."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
import numpy  # noqa: E402

from openfisca_toeslagen import geld  # noqa: E402


PANELEN = (
    ("termijnbedrag", "Maandbedrag dat Toeslagen vraagt (termijnbedrag)"),
    ("vrij_besteedbaar_na_regeling", "Over per maand na alle werkelijke lasten en het termijnbedrag"),
)


def _euro(bedrag, decimalen=0):
    """An amount in euros as text, through geld.euro_tekst."""
    return geld.euro_tekst(geld.centen(bedrag), decimalen)


def maak_grafiek(vergelijking, pad):
    """Write a two-panel PNG: one bar per policy for a single household, a box per policy for a population."""
    beleid = vergelijking.beleid
    namen = [vergelijking.titels[b] for b in beleid]
    n = len(vergelijking.huishoudens)
    figuur, assen = plt.subplots(2, 1, figsize=(10, 2.4 + 1.1 * len(beleid)), constrained_layout=True)
    # As in the summary: a population is shown over the households with a debt.
    met_schuld = vergelijking.uitkomsten[beleid[0]]["schuld"] > 0 if n > 1 else numpy.ones(1, dtype=bool)
    for as_, (variabele, kop) in zip(assen, PANELEN):
        reeksen = [numpy.asarray(vergelijking.uitkomsten[b][variabele], dtype=float)[met_schuld] for b in beleid]
        posities = numpy.arange(len(beleid))[::-1]
        if n == 1:
            waarden = [r[0] for r in reeksen]
            staven = as_.barh(posities, waarden, color="#2b6cb0")
            as_.bar_label(staven, labels=[_euro(w, 2) for w in waarden], padding=4)
            as_.set_xlim(min(0, min(waarden) * 1.2), max(max(waarden) * 1.25, 10))
        else:
            as_.boxplot(reeksen, positions=posities, orientation="horizontal", whis=(5, 95), showfliers=False,
                        medianprops={"color": "#c05621", "linewidth": 2})
            for positie, reeks in zip(posities, reeksen):
                as_.annotate(f"mediaan {_euro(numpy.median(reeks))}", (numpy.median(reeks), positie + 0.3),
                             fontsize=8, ha="center")
        if variabele == "vrij_besteedbaar_na_regeling":
            as_.axvline(0, color="#c53030", linewidth=1)
            as_.axvline(100, color="#c53030", linewidth=1, linestyle="--", label="€ 100 per maand")
            as_.legend(loc="lower right", fontsize=8)
        as_.set_yticks(posities, namen)
        as_.set_xlabel("euro per maand")
        soort = "synthetische huishoudens" if vergelijking.synthetisch else "huishoudens"
        aantal = f"{int(met_schuld.sum()):,}".replace(",", ".")
        uitleg = "" if n == 1 else (f"\n{aantal} {soort} met een schuld; doos: 25–75 %, "
                                    "lijnen: 5–95 %, oranje: mediaan")
        as_.set_title(f"{kop}, {vergelijking.periode}{uitleg}", fontsize=10, loc="left")
        as_.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda x, _: _euro(x)))
        as_.grid(axis="x", alpha=0.3)
    figuur.savefig(pad, dpi=110)
    plt.close(figuur)


KRINGLOOP_PANELEN = (
    ("intrekkingen", "Regelingen vervallen na een gemiste termijn"),
    ("nieuwe_verzoeken", "Nieuwe verzoeken na een intrekking"),
    ("maanden_dwanginvordering", "Huishoudmaanden in dwanginvordering"),
    ("kosten", "Invorderingskosten in rekening gebracht (euro)"),
)


def maak_kringloop_grafiek(scenario, pad):
    """One PNG of the vicious circle: per counter a panel, per year a group of bars, one bar per policy."""
    per_jaar = scenario.per_jaar()
    beleid = scenario.beleid
    jaren = sorted(next(iter(per_jaar.values())))
    figuur, assen = plt.subplots(2, 2, figsize=(11, 7), constrained_layout=True)
    breedte = 0.8 / len(beleid)
    kleuren = plt.get_cmap("tab10").colors
    for as_, (teller, kop) in zip(assen.flat, KRINGLOOP_PANELEN):
        for i, b in enumerate(beleid):
            waarden = [per_jaar[b][jaar][teller] for jaar in jaren]
            as_.bar(numpy.arange(len(jaren)) + (i - (len(beleid) - 1) / 2) * breedte, waarden, breedte,
                    label=scenario.titels[b], color=kleuren[i % len(kleuren)])
        as_.set_xticks(numpy.arange(len(jaren)), [str(j) for j in jaren])
        as_.set_title(kop, fontsize=10)
        as_.yaxis.set_major_formatter(lambda w, _, euro=teller == "kosten": _euro(w) if euro else f"{w:,.0f}".replace(",", "."))
    handvatten, namen = assen.flat[0].get_legend_handles_labels()
    figuur.legend(handvatten, namen, loc="outside lower center", ncols=min(len(beleid), 4), fontsize=9)
    synthetisch = "SYNTHETISCHE huishoudens — " if scenario.synthetisch else ""
    aantal = f"{scenario.aantal:,}".replace(",", ".")
    figuur.suptitle(f"{synthetisch}De vicieuze cirkel: {aantal} verzoeken in {scenario.periode}, per jaar. "
                    "Scenarioresultaten, geen voorspelling", fontsize=11)
    figuur.savefig(pad, dpi=110)
    plt.close(figuur)


def maak_effecten_grafiek(effecten, pad, synthetisch=False):
    """One PNG of `Vergelijking.effecten`: per income decile and policy, the mean change in the monthly amount (top) and
    the share of households that pay less or more (bottom)."""
    decielen = effecten[effecten["indeling"] == "inkomensdeciel"]
    beleid = list(dict.fromkeys(decielen["beleid"]))
    titels = dict(zip(decielen["beleid"], decielen["titel"]))
    figuur, (boven, onder) = plt.subplots(2, 1, figsize=(10, 7.5), constrained_layout=True, sharex=True)
    breedte = 0.8 / max(1, len(beleid))
    kleuren = plt.get_cmap("tab10").colors
    x = numpy.arange(1, 11)
    for i, b in enumerate(beleid):
        rijen = decielen[decielen["beleid"] == b].set_index("groep").loc[[str(d) for d in x]]
        plek = x + (i - (len(beleid) - 1) / 2) * breedte
        boven.bar(plek, rijen["termijnbedrag_verschil_gemiddeld"], breedte, color=kleuren[i % 10], label=titels[b])
        onder.bar(plek, 100 * rijen["aandeel_minder"], breedte, color=kleuren[i % 10])
        onder.bar(plek, -100 * rijen["aandeel_meer"], breedte, color=kleuren[i % 10], hatch="//", alpha=0.6)
    boven.axhline(0, color="black", linewidth=0.8)
    onder.axhline(0, color="black", linewidth=0.8)
    boven.set_ylabel("Gemiddelde verandering\nvan het maandbedrag")
    boven.yaxis.set_major_formatter(lambda w, _: _euro(w))
    boven.set_title("Wat het maandbedrag (termijnbedrag) gemiddeld verandert, per inkomensgroep", fontsize=10)
    onder.set_ylabel("% huishoudens\n(boven: betaalt minder,\nonder, gearceerd: meer)")
    onder.yaxis.set_major_formatter(lambda w, _: f"{abs(w):.0f} %")
    onder.set_title("Hoeveel huishoudens minder of meer gaan betalen", fontsize=10)
    onder.set_xticks(x, [f"{d}" for d in x])
    onder.set_xlabel("Inkomensdeciel: tien even grote groepen huishoudens met een schuld, 1 = laagste inkomens")
    boven.legend(fontsize=8)
    figuur.suptitle(("SYNTHETISCHE huishoudens — " if synthetisch else "") + "Elk beleid vergeleken met het geldende recht",
                    fontsize=11)
    figuur.savefig(pad, dpi=110)
    plt.close(figuur)
