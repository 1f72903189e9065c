"""Dated links to the legal texts the variables implement (one place for every URL), and the text versions read.

A link points at the text in force on wetten.overheid.nl; the text version (`zekerheid.Bron.tekstversie`) says
which text we could actually read. They differ for the Uitvoeringsregeling: the newest full text we could read is
the consolidation of 2015, see README "Wat de wet zegt en hoe zeker dat is".
"""

PW = "https://wetten.overheid.nl/BWBR0015703/2026-07-01"
URI = "https://wetten.overheid.nl/BWBR0004766/2026-01-01"
LEIDRAAD_2026 = "https://wetten.overheid.nl/BWBR0024096/2026-01-01"
# Newest full text of Leidraad chapter 79 that we could read is of 2015-06-30 (see README).
LEIDRAAD_79 = "https://wetten.overheid.nl/BWBR0024096/2015-06-30"
AOW = "https://wetten.overheid.nl/BWBR0002221/2026-07-01"
AWIR = "https://wetten.overheid.nl/BWBR0018472/2026-01-01"
WHT = "https://wetten.overheid.nl/BWBR0008659/2026-01-01"
WKB = "https://wetten.overheid.nl/BWBR0022751/2026-01-01"
RV = "https://wetten.overheid.nl/BWBR0001827/2025-01-01"
# Regeling kwijtschelding belastingen medeoverheden: the newest text that names the structure of URI art. 16.
RKBM = "https://wetten.overheid.nl/BWBR0047157/2022-09-17"

# The text versions the rules were read in (`zekerheid.volgt`).
URI_2015 = ("Uitvoeringsregeling Invorderingswet 1990, geconsolideerde tekst van 2015 (statengeneraal/laws-markdown, "
            "commits 1e4ccbe tot en met 2816489; gedateerd op inhoud: Participatiewet, Wet langdurige zorg, Jeugdwet)")
PW_TEKSTEN = "Participatiewet, teksten geldig op 2021-01-01 tot en met 2026-07-01 (MinBZK/regelrecht-corpus)"
LEIDRAAD_2026_TEKST = "Leidraad Invordering 2008, tekst geldig op 2026-01-01 (MinBZK/regelrecht-corpus)"
LEIDRAAD_79_TEKST = ("Leidraad Invordering 2008, hoofdstuk 79, tekst geldig op 2015-06-30 (statengeneraal/laws-markdown); "
                     "de tekst van 2022–2026 was niet te lezen")
AOW_TEKST = "Algemene Ouderdomswet art. 7a, tekst geldig op 2026-07-01 (MinBZK/regelrecht-corpus)"
AWIR_TEKSTEN = "Algemene wet inkomensafhankelijke regelingen, teksten geldig op 1 januari 2022 tot en met 2026 (MinBZK/regelrecht-corpus)"
WKB_TEKSTEN = ("Wet op het kindgebonden budget, teksten geldig op 2022-01-01, 2023-02-11, 2024-01-01, 2025-01-01 en "
               "2026-01-01 (MinBZK/regelrecht-corpus)")
RV_TEKST = "Wetboek van Burgerlijke Rechtsvordering, tekst geldig op 2025-01-01"
RKBM_TEKST = "Regeling kwijtschelding belastingen medeoverheden, tekst geldig op 2022-09-17 (MinBZK/regelrecht)"


def _artikel(basis):
    """The function that links an article of the text at `basis`: uri(16) → '...BWBR0004766/...#Artikel16'."""
    def link(artikel):
        return f"{basis}#Artikel{artikel}"
    return link


uri = _artikel(URI)
pw = _artikel(PW)
awir = _artikel(AWIR)
wht = _artikel(WHT)
wkb = _artikel(WKB)
aow = _artikel(AOW)
rkbm = _artikel(RKBM)
rv = _artikel(RV)


def leidraad(artikel):
    basis = LEIDRAAD_79 if artikel.startswith("79") else LEIDRAAD_2026
    return f"{basis}#Circulaire.divisie{artikel}"


NAMEN = {  # the law behind each wetten.overheid.nl identifier, as a link names it
    "BWBR0004766": "Uitvoeringsregeling Invorderingswet 1990",
    "BWBR0024096": "Leidraad Invordering 2008",
    "BWBR0015703": "Participatiewet",
    "BWBR0002221": "Algemene Ouderdomswet",
    "BWBR0018472": "Algemene wet inkomensafhankelijke regelingen",
    "BWBR0008659": "Wet op de huurtoeslag",
    "BWBR0022751": "Wet op het kindgebonden budget",
    "BWBR0047157": "Regeling kwijtschelding belastingen medeoverheden",
    "BWBR0001827": "Wetboek van Burgerlijke Rechtsvordering",
    "BWBR0002645": "Kostenwet invordering rijksbelastingen",
    "BWBR0043680": "Besluit Belasting- en Invorderingsrente",
    "BWBR0005537": "Algemene wet bestuursrecht",
}


def naam(url):
    """A link's text in plain Dutch: the law and the article, e.g. 'Wet op de huurtoeslag, artikel 13'."""
    deel = url.split("wetten.overheid.nl/", 1)[-1]
    wet = NAMEN.get(deel.split("/", 1)[0])
    if wet is None:
        raise ValueError(f"{url}: geen bekende wet (voeg haar toe aan wetten.NAMEN)")
    anker = url.split("#", 1)[1] if "#" in url else ""
    for voor, woord in (("Artikel", "artikel "), ("Circulaire.divisie", "paragraaf "), ("Hoofdstuk", "hoofdstuk ")):
        if anker.startswith(voor):
            return f"{wet}, {woord}{anker[len(voor):]}"
    return wet
