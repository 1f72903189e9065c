"""Dated links to the legal texts the variables implement (one place for every URL)."""

PW = "https://wetten.overheid.nl/BWBR0015703/2026-07-01"
URI = "https://wetten.overheid.nl/BWBR0004766/2026-01-01"
LEIDRAAD_2026 = "https://wetten.overheid.nl/BWBR0024096/2026-01-01"
# Newest full text of Leidraad chapter 79 that we could read is of 2015-06-30 (see README).
LEIDRAAD_79 = "https://wetten.overheid.nl/BWBR0024096/2015-06-30"
AOW = "https://wetten.overheid.nl/BWBR0002221/2025-01-01"
AWIR = "https://wetten.overheid.nl/BWBR0018472/2025-01-01"


def uri(artikel):
    return f"{URI}#Artikel{artikel}"


def pw(artikel):
    return f"{PW}#Artikel{artikel}"


def leidraad(artikel):
    basis = LEIDRAAD_79 if artikel.startswith("79") else LEIDRAAD_2026
    return f"{basis}#Circulaire.divisie{artikel}"
