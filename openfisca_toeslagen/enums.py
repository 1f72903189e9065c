"""Enumerations shared by variables and by the code built on them."""

from openfisca_core.indexed_enums import Enum


class Huishoudtype(Enum):
    alleenstaande = "Alleenstaande"
    alleenstaande_ouder = "Alleenstaande ouder"
    echtgenoten = "Echtgenoten (aanvrager met toeslagpartner)"


class UitkomstVerzoek(Enum):
    geen_schuld = "Geen openstaande terugvordering"
    afgewezen_vermogen = "Afgewezen: het vermogen is voldoende om de schuld te betalen"
    standaardregeling = "Afgewezen: de standaardregeling is op te brengen"
    afgewezen_opzet_of_grove_schuld = "Afgewezen: opzet of grove schuld en geen volledige aflossing binnen 24 maanden"
    geen_invorderingsmaatregelen = "Geen betalingscapaciteit: geen invorderingsmaatregelen"
    volledige_aflossing = "Persoonlijke regeling: volledige aflossing"
    gedeeltelijke_aflossing = "Persoonlijke regeling: 24 maanden, de rest wordt niet ingevorderd"
