"""Benchmark: a population from a file through current law and five reforms, end to end, against the same from memory.

Run: .venv/bin/python benchmarks/bestanden.py [N ...]   (default: 100000 1000000)

For each size it draws N synthetic households, writes them as CSV and as Parquet, and measures in one process:
  - geheugen: `vergelijk` on the table already in memory (current law and five reforms, the policies sharing what
    they cannot change);
  - csv / parquet: reading and checking the file (`bestanden.lees`), then the same `vergelijk`: reading, calculation
    and the total, and the share of reading in the calculation.
The target (issue 14): 1,000,000 households from a file in under 10 s, reading no more than half the calculation,
under 4 GB. Each measurement runs in a fresh process, so its peak memory is that of the path measured alone.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from meten import HERVORMINGEN, PERIODE, doel, klok, piek_gb
from openfisca_toeslagen.invoer import bestanden, populatie
from openfisca_toeslagen.toepassingen.vergelijking import beleidssystemen, vergelijk

DOEL_SECONDEN, DOEL_AANDEEL, DOEL_GB = 10, 0.5, 4


def een(bron, n):
    """One measurement in a fresh process: (read, calculate, peak GB) for a file, or for the table drawn in memory."""
    systemen = beleidssystemen(HERVORMINGEN)
    vergelijk(populatie.trek(1000, 1), periode=PERIODE, systemen=systemen)  # warm up: imports, parameter caches
    if bron == "geheugen":
        tabel, lezen = populatie.trek(n, 2025), 0.0
    else:
        tabel, lezen = klok(lambda: bestanden.lees(bron, systemen["geldend_recht"]))
    _, rekenen = klok(lambda: vergelijk(tabel, periode=PERIODE, systemen=systemen))
    print(json.dumps({"lezen": lezen, "rekenen": rekenen, "piek": piek_gb()}))


def main(aantallen):
    print(f"geldend recht + {len(HERVORMINGEN)} hervormingen, {PERIODE}; tijden in seconden, elke meting in een eigen proces")
    print(f"{'huishoudens':>12} {'bron':>8} {'lezen':>7} {'rekenen':>8} {'totaal':>7} {'lezen/rekenen':>14} {'piek GB':>8}")
    with tempfile.TemporaryDirectory() as map_:
        for n in aantallen:
            tabel = populatie.trek(n, 2025)
            csv, parquet = Path(map_) / "p.csv", Path(map_) / "p.parquet"
            populatie.schrijf_csv(tabel, csv)
            bestanden.schrijf(tabel.naar_dataframe(), parquet)
            del tabel
            for naam, bron in (("geheugen", "geheugen"), ("csv", csv), ("parquet", parquet)):
                uit = json.loads(subprocess.run([sys.executable, __file__, "--een", str(bron), str(n)], check=True,
                                                capture_output=True, text=True).stdout.splitlines()[-1])
                lezen, rekenen, piek = uit["lezen"], uit["rekenen"], uit["piek"]
                deel = f"{lezen / rekenen:.2f}" if naam != "geheugen" else "-"
                print(f"{n:>12,} {naam:>8} {lezen:>7.2f} {rekenen:>8.2f} {lezen + rekenen:>7.2f} {deel:>14} {piek:>8.2f}")
                if n == max(aantallen) and naam != "geheugen":
                    goed = lezen + rekenen < DOEL_SECONDEN and lezen <= DOEL_AANDEEL * rekenen and piek < DOEL_GB
                    print(f"{'':>12} " + doel(f"{naam}: < {DOEL_SECONDEN} s, lezen ≤ {DOEL_AANDEEL:.0%} van rekenen, < {DOEL_GB} GB", goed))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--een"]:
        een(sys.argv[2], int(sys.argv[3]))
    else:
        main([int(a) for a in sys.argv[1:]] or [100_000, 1_000_000])
