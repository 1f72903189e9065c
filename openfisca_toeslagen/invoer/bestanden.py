"""Household tables from files and DataFrames, and tables to files: CSV and Parquet through pyarrow, Excel (.xlsx)
through openpyxl, DataFrames through pandas.

    tabel = bestanden.lees("huishoudens.parquet", tbs)   # or .csv, .xlsx, a pandas DataFrame or a pyarrow Table
    bestanden.schrijf(dataframe, "uitkomst.xlsx")

The libraries split the file into cells; every cell is then checked by the rules of `huishoudens` (the columns
`huishoudens.kolommen` allows, amounts of 0 up to a billion with at most two decimals in ASCII digits and a decimal
point, dates JJJJ-MM-DD from 1900, whole numbers up to 1,000, ja/nee), all at once per column, and every bad cell is
named by its row as a spreadsheet shows it (the header is row 1) and its column. Nothing is dropped silently: a row
without any value is skipped (as a blank line), every other cell lands in the table or is an error. A file whose
header is separated by ';' (Dutch Excel) is refused with a hint, because its decimal commas cannot be read safely.
Typed columns (a DataFrame, Parquet, Excel numbers and dates) are checked by the same limits; an empty cell, None or
NaN means the variable's default.
"""

import csv
import datetime
import difflib
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy
import pyarrow
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from openfisca_toeslagen import geld
from openfisca_toeslagen.invoer import huishoudens
from openfisca_toeslagen.invoer.huishoudens import (EERSTE_JAAR, ID, JA, MAX_GETAL, NEE, VERVALLEN, Huishoudens,
                                             OngeldigBestand, _fouten_melden, _niet_voor_rol, _onjuiste_bedragen, _soort, kolommen)

SOORTEN = (".csv", ".parquet", ".xlsx")
EXCEL_MAX_RIJEN = 1_048_575  # data rows below the header in one sheet


def lees(bron, tbs, voortgang=None):
    """A checked `Huishoudens` table from a path (.csv, .parquet, .xlsx), a pandas DataFrame or a pyarrow Table.
    `voortgang(rijen)` is called once the rows are read."""
    if isinstance(bron, pyarrow.Table):
        tabel, bron_naam = bron, "tabel"
    elif _is_dataframe(bron):
        tabel, bron_naam = _uit_dataframe(bron), "DataFrame"
    else:
        pad = Path(bron)
        bron_naam = str(pad)
        if pad.suffix.lower() not in SOORTEN:
            raise OngeldigBestand(f"{pad}: verwacht een tabel als {', '.join(SOORTEN)} (of een situatie als .json)")
        try:
            tabel, rijnummers = {".csv": _csv, ".parquet": _parquet, ".xlsx": _excel}[pad.suffix.lower()](pad)
        except OSError as fout:
            raise OngeldigBestand(f"{pad}: kan het bestand niet lezen ({fout.strerror or fout})") from None
        if voortgang:
            voortgang(tabel.num_rows)
        return uit_tabel(tabel, tbs, bron_naam, rijnummers)
    if voortgang:
        voortgang(tabel.num_rows)
    return uit_tabel(tabel, tbs, bron_naam)


def _is_dataframe(bron):
    return type(bron).__name__ == "DataFrame" and hasattr(bron, "columns")


def _uit_dataframe(df):
    """A pyarrow Table of a DataFrame, column by column: a column pyarrow cannot type (numbers mixed with text) becomes
    text, so the text rules name each bad cell; duplicate column names are reported by `uit_tabel`."""
    kolommen_ = {}
    for i, naam in enumerate(df.columns):
        reeks = df.iloc[:, i]
        try:
            kolom = pyarrow.array(reeks, from_pandas=True)
        except (pyarrow.ArrowInvalid, pyarrow.ArrowTypeError, OverflowError):
            kolom = pyarrow.array([_excel_tekst(None if _leeg(w) else w) for w in reeks], pyarrow.string())
        kolommen_[f"{naam}\x00{i}"] = kolom
    return pyarrow.table(kolommen_).rename_columns([str(n) for n in df.columns])


def _leeg(waarde):
    try:
        return waarde is None or bool(waarde != waarde)  # None, NaN, NaT, NA
    except (TypeError, ValueError):
        return False


def _csv(pad):
    """All cells as text, and each row's spreadsheet number (None: position + 2). Blank lines stay rows (and are skipped
    later). A file with a row of another length than the header is read again by the csv module, to name that row."""
    with open(pad, "rb") as bestand:
        begin = bestand.read(64 * 1024)
    regels = begin.lstrip(b"\xef\xbb\xbf").splitlines()
    if not begin.strip() or not regels or not regels[0].strip():
        raise OngeldigBestand(f"{pad}: het bestand is leeg; de eerste rij moet de kolomnamen bevatten")
    kop = regels[0]
    if b";" in kop and b"," not in kop:
        raise OngeldigBestand(f"{pad}: de kolommen zijn gescheiden door ';' (zo bewaart een Nederlandse Excel een CSV-bestand, met "
                              "decimale komma's); bewaar als 'CSV (gescheiden door komma's)' met een punt als decimaalteken, "
                              "of lever het bestand als .xlsx")
    try:
        namen = [n.strip() for n in next(csv.reader([kop.decode("utf-8-sig")]))]
    except UnicodeDecodeError as fout:
        raise OngeldigBestand(f"{pad}: geen leesbaar CSV-bestand in UTF-8 ({fout})") from None
    with open(pad, "rb") as bestand:  # a line break inside a quoted cell needs the slower parser; without quotes, none can
        aanhalingstekens = any(b'"' in blok for blok in iter(lambda: bestand.read(1 << 24), b""))
    fout_rijen = []
    parse = pacsv.ParseOptions(ignore_empty_lines=False, newlines_in_values=aanhalingstekens,
                               invalid_row_handler=lambda rij: fout_rijen.append(rij) or "skip")
    convert = pacsv.ConvertOptions(column_types=dict.fromkeys(_unieke(namen), pyarrow.string()), strings_can_be_null=False,
                                   quoted_strings_can_be_null=False)
    try:
        tabel = pacsv.read_csv(pad, read_options=pacsv.ReadOptions(column_names=_unieke(namen), skip_rows=1),
                               parse_options=parse, convert_options=convert)
    except pyarrow.ArrowInvalid as fout:
        raise OngeldigBestand(f"{pad}: geen leesbaar CSV-bestand in UTF-8 ({fout})") from None
    if fout_rijen:  # a row of another length, or of blanks only: the csv module reads it again, numbering every row
        return _csv_regel_voor_regel(pad, namen)
    if tabel.num_rows == 0:
        raise OngeldigBestand(f"{pad}: geen huishoudens (alleen een kopregel)")
    return tabel.rename_columns(namen), None


def _unieke(namen):
    """Column names pyarrow accepts (a duplicate gets a suffix; `uit_tabel` reports duplicates by their real name)."""
    gezien, uit = {}, []
    for naam in namen:
        gezien[naam] = gezien.get(naam, 0) + 1
        uit.append(naam if gezien[naam] == 1 else f"{naam}\x00{gezien[naam]}")
    return uit


def _csv_regel_voor_regel(pad, namen):
    """The slow path for an irregular file: every record with its number; a record of blanks only is skipped, one of
    another length than the header is an error naming it."""
    fouten, rijen, nummers = [], [], []
    with open(pad, newline="", encoding="utf-8-sig") as bestand:
        lezer = csv.reader(bestand)
        next(lezer)
        for nummer, rij in enumerate(lezer, start=2):
            if not "".join(rij).strip():
                continue
            if len(rij) != len(namen):
                fouten.append(f"rij {nummer}: {len(rij)} cellen, de kopregel heeft {len(namen)} kolommen")
            rijen.append(rij)
            nummers.append(nummer)
    _fouten_melden(fouten)
    if not rijen:
        raise OngeldigBestand(f"{pad}: geen huishoudens (alleen een kopregel)")
    kolommen_ = {f"{naam}\x00{i}": pyarrow.array([rij[i] for rij in rijen], pyarrow.string()) for i, naam in enumerate(namen)}
    return pyarrow.table(kolommen_).rename_columns(namen), nummers


def _parquet(pad):
    try:
        return pq.read_table(pad), None
    except (pyarrow.ArrowInvalid, pyarrow.ArrowNotImplementedError) as fout:
        raise OngeldigBestand(f"{pad}: geen leesbaar Parquet-bestand ({fout})") from None


def _excel(pad):
    """The first sheet; every cell as text as the sheet shows it (numbers without exponent, dates JJJJ-MM-DD). A formula
    is read by the value Excel stored for it; one without a stored value (a file no spreadsheet has recalculated) is an
    error, never an empty cell."""
    import openpyxl
    try:
        waarden = openpyxl.load_workbook(pad, read_only=True, data_only=True)
        formules = openpyxl.load_workbook(pad, read_only=True, data_only=False)
    except Exception as fout:  # openpyxl raises several kinds for a file that is not a workbook
        raise OngeldigBestand(f"{pad}: geen leesbaar Excel-bestand (.xlsx): {fout}") from None
    try:
        rijen = zip(waarden.worksheets[0].iter_rows(values_only=True), formules.worksheets[0].iter_rows(values_only=True))
        kop, _ = next(rijen, (None, None))
        namen = [str(c).strip() if c is not None else "" for c in (kop or ())]
        while namen and namen[-1] == "":
            namen.pop()
        if not namen:
            raise OngeldigBestand(f"{pad}: het eerste werkblad is leeg; de eerste rij moet de kolomnamen bevatten")
        kolommen_, fouten = [[] for _ in namen], []
        for nummer, (rij, formule_rij) in enumerate(rijen, start=2):
            extra = [c for c in rij[len(namen):] if c not in (None, "")]
            if extra:
                raise OngeldigBestand(f"{pad}: rij {nummer} heeft een waarde buiten de kolommen van de kopregel ({extra[0]!r})")
            for i, naam in enumerate(namen):
                cel = rij[i] if i < len(rij) else None
                formule = formule_rij[i] if i < len(formule_rij) else None
                if cel is None and isinstance(formule, str) and formule.startswith("="):
                    fouten.append(f"rij {nummer}, kolom {naam}: de formule {formule!r} heeft geen berekende waarde; open het bestand "
                                  "in een spreadsheet en bewaar het opnieuw")
                kolommen_[i].append(_excel_tekst(cel))
        _fouten_melden(fouten)
    finally:
        waarden.close()
        formules.close()
    if not kolommen_[0]:
        raise OngeldigBestand(f"{pad}: geen huishoudens (alleen een kopregel)")
    return pyarrow.table(dict(zip(_unieke(namen), (pyarrow.array(k, pyarrow.string()) for k in kolommen_)))).rename_columns(namen), None


def _excel_tekst(cel):
    if cel is None:
        return ""
    if isinstance(cel, bool):
        return "ja" if cel else "nee"
    if isinstance(cel, datetime.datetime):
        return cel.date().isoformat() if cel.time() == datetime.time() else cel.isoformat(sep=" ")
    if isinstance(cel, datetime.date):
        return cel.isoformat()
    if isinstance(cel, int):
        return str(cel)
    if isinstance(cel, float):
        return str(int(cel)) if cel.is_integer() and abs(cel) < 1e15 else numpy.format_float_positional(cel, trim="-")
    return str(cel)


# --- checking the cells ---------------------------------------------------------------------------------------------

def uit_rijen(kop, rijen, rijnummers, tbs, bron="tabel"):
    """A table from a header and rows of text cells (lists), e.g. built in a test; rows of another length are refused."""
    for rij, nummer in zip(rijen, rijnummers):
        if len(rij) != len(kop):
            _fouten_melden([f"rij {nummer}: {len(rij)} cellen, de kopregel heeft {len(kop)} kolommen"])
    kolommen_ = [pyarrow.array([rij[i] for rij in rijen], pyarrow.string()) for i in range(len(kop))]
    return uit_tabel(pyarrow.table(dict(zip(_unieke(kop), kolommen_))).rename_columns(kop), tbs, bron, rijnummers)


def uit_tabel(tabel, tbs, bron="tabel", rijnummers=None):
    """Check a pyarrow Table (one row per household, the documented columns) and turn it into `Huishoudens`.
    `rijnummers`: each row's number as a spreadsheet shows it (default: the position + 2, below a header row)."""
    spec = kolommen(tbs)
    kop = [str(n) for n in tabel.column_names]
    fouten = _kopfouten(kop, spec, tbs, bron)
    _fouten_melden(fouten)
    nummers = numpy.arange(2, tabel.num_rows + 2) if rijnummers is None else numpy.asarray(rijnummers)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:  # pyarrow and numpy release the GIL per column
        kolommen_ = list(pool.map(lambda i: _getrimd(tabel.column(i)), range(tabel.num_columns)))  # text trimmed once
        gevuld = list(pool.map(_gevuld, kolommen_))
    houd = numpy.logical_or.reduce(gevuld) if gevuld else numpy.zeros(tabel.num_rows, dtype=bool)
    if not houd.all():  # rows without any value are skipped, as blank lines
        index = numpy.flatnonzero(houd)
        kolommen_, nummers, gevuld = [k.take(index) for k in kolommen_], nummers[index], [g[index] for g in gevuld]
    if len(nummers) == 0:
        raise OngeldigBestand(f"{bron}: geen huishoudens (alleen een kopregel)")

    if ID in kop:
        tekst = kolommen_[kop.index(ID)]
        tekst = tekst if _tekst(tekst) else pc.cast(tekst, pyarrow.string())
        for i in numpy.flatnonzero(~gevuld[kop.index(ID)])[:huishoudens.MAX_FOUTEN]:
            fouten.append(f"rij {nummers[i]}, kolom {ID}: leeg")
        tellingen = pc.value_counts(tekst)  # hashing: duplicates without sorting a million ids
        dubbel = pc.filter(tellingen, pc.greater(tellingen.field("counts"), 1))
        for waarde, aantal in zip(dubbel.field("values").to_pylist()[:huishoudens.MAX_FOUTEN], dubbel.field("counts").to_pylist()):
            fouten.append(f"kolom {ID}: {str(waarde)!r} komt {aantal} keer voor")
        ids = numpy.asarray(pc.fill_null(tekst, "").to_numpy(zero_copy_only=False), dtype=str)
    else:
        ids = nummers.astype(str)
    uitkomst = Huishoudens(ids)
    soorten = {i: _soort(spec[k][0], tbs) for i, k in enumerate(kop) if k != ID}
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:  # pyarrow and numpy release the GIL per column
        gelezen = dict(zip(soorten, pool.map(lambda i: _kolom(kolommen_[i], soorten[i], gevuld[i]), soorten)))
    for i, soort in soorten.items():
        kolom = kop[i]
        waarden, ingevuld, slecht = gelezen.pop(i)
        for rij in numpy.flatnonzero(slecht)[:huishoudens.MAX_FOUTEN]:
            fouten.append(f"rij {nummers[rij]}, kolom {kolom}: {_waarom(soort, kolommen_[i][int(rij)].as_py())}")
        if slecht.sum() > huishoudens.MAX_FOUTEN:
            fouten.append(f"kolom {kolom}: nog {int(slecht.sum()) - huishoudens.MAX_FOUTEN} cellen zoals hierboven")
        uitkomst.waarden[kolom], uitkomst.ingevuld[kolom] = waarden, ingevuld
    if "aanvrager_geboortedatum" in uitkomst.ingevuld:
        for i in numpy.flatnonzero(~uitkomst.ingevuld["aanvrager_geboortedatum"])[:huishoudens.MAX_FOUTEN]:
            fouten.append(f"rij {nummers[i]}, kolom aanvrager_geboortedatum: leeg (verplicht)")
    for kolom in kop:
        persoon = spec[kolom][1] if kolom in spec else None
        if persoon not in (None, "aanvrager") and kolom != f"{persoon}_geboortedatum":
            for i in numpy.flatnonzero(uitkomst.ingevuld[kolom] & ~uitkomst.aanwezig(persoon))[:huishoudens.MAX_FOUTEN]:
                fouten.append(f"rij {nummers[i]}, kolom {kolom}: ingevuld, maar zonder {persoon}_geboortedatum is er geen {persoon}")
    _fouten_melden(fouten)
    return uitkomst


def _kopfouten(kop, spec, tbs, bron):
    fouten = []
    for i, naam in enumerate(kop):
        if naam in VERVALLEN:
            fouten.append(f"{bron}: kolom {i + 1} {naam!r} bestaat niet meer: {VERVALLEN[naam]}")
        elif naam != ID and naam not in spec and _niet_voor_rol(naam, tbs):
            fouten.append(f"{bron}: kolom {i + 1} {naam!r}: {_niet_voor_rol(naam, tbs)}")
        elif naam != ID and naam not in spec:
            suggestie = difflib.get_close_matches(naam, [ID, *spec], n=1)
            hint = f"; bedoelt u {suggestie[0]!r}?" if suggestie else ""
            fouten.append(f"{bron}: kolom {i + 1} {naam!r} is onbekend{hint}")
        elif kop.count(naam) > 1 and kop.index(naam) == i:
            fouten.append(f"{bron}: kolom {naam!r} staat er meer dan één keer in")
    if "aanvrager_geboortedatum" not in kop:
        fouten.append(f"{bron}: de kolom 'aanvrager_geboortedatum' ontbreekt (verplicht)")
    return fouten


def _tekst(kolom):
    return pyarrow.types.is_string(kolom.type) or pyarrow.types.is_large_string(kolom.type)


def _getrimd(kolom):
    """A text column without surrounding blanks and with "" for null; a categorical column as its values; any other
    column as it is."""
    if pyarrow.types.is_dictionary(kolom.type):
        kolom = pc.cast(kolom, kolom.type.value_type)
    if not _tekst(kolom):
        return kolom
    return pc.utf8_trim_whitespace(pc.fill_null(kolom, "") if kolom.null_count else kolom)  # filling copies: only if needed


def _gevuld(kolom):
    """Cells with a value: not null, not NaN, not blank text (text already trimmed)."""
    if _tekst(kolom):
        return pc.not_equal(kolom, "").to_numpy(zero_copy_only=False)
    if pyarrow.types.is_null(kolom.type):
        return numpy.zeros(len(kolom), dtype=bool)
    gevuld = pc.is_valid(kolom)
    if pyarrow.types.is_floating(kolom.type):
        gevuld = pc.and_(gevuld, pc.invert(pc.fill_null(pc.is_nan(kolom), False)))
    return gevuld.to_numpy(zero_copy_only=False)


DTYPE = {float: numpy.float64, int: numpy.int64, bool: bool, datetime.date: "datetime64[D]"}


def _kolom(kolom, soort, gevuld):
    """(values, filled, bad) of one column for a variable of type `soort`."""
    waarden = numpy.zeros(len(kolom), dtype=DTYPE[soort])
    if not gevuld.any():
        return waarden, gevuld, numpy.zeros(len(kolom), dtype=bool)
    if _tekst(kolom):
        # only the filled cells are read (many columns, such as a third child's, are mostly empty)
        vol = gevuld.all()
        goed_deel, gelezen_deel = _lees_tekst(kolom if vol else pc.filter(kolom, pyarrow.array(gevuld)), soort)
        if vol:
            goed, gelezen = goed_deel, gelezen_deel
        else:
            goed, gelezen = numpy.zeros(len(kolom), dtype=bool), numpy.zeros(len(kolom), dtype=gelezen_deel.dtype)
            goed[gevuld], gelezen[gevuld] = goed_deel, gelezen_deel
    elif pyarrow.types.is_null(kolom.type):
        return waarden, gevuld, numpy.zeros(len(kolom), dtype=bool)
    else:
        goed, gelezen = _lees_getypeerd(kolom, soort, gevuld)
    slecht = gevuld & ~goed
    waarden[gevuld & goed] = gelezen[gevuld & goed]
    return waarden, gevuld, slecht


def _lees_tekst(tekst, soort):
    """(readable, values) of text cells, all at once (on pyarrow's chunks, which it works through in parallel)."""
    numpy_ = lambda a: a.to_numpy(zero_copy_only=False)  # noqa: E731
    if soort is bool:
        klein = pc.utf8_lower(tekst)
        return numpy_(pc.is_in(klein, pyarrow.array(sorted(JA | NEE)))), numpy_(pc.is_in(klein, pyarrow.array(sorted(JA))))
    if soort is datetime.date:  # JJJJ-MM-DD: ten characters, ASCII digits apart from the two hyphens
        vorm = numpy_(pc.and_(pc.equal(pc.utf8_length(tekst), 10), pc.and_(
            pc.ascii_is_decimal(pc.replace_substring(tekst, "-", "", max_replacements=2)),
            pc.and_(pc.equal(pc.utf8_slice_codeunits(tekst, 4, 5), "-"), pc.equal(pc.utf8_slice_codeunits(tekst, 7, 8), "-")))))
        tekst = pc.if_else(pyarrow.array(vorm), tekst, "1970-01-01") if not vorm.all() else tekst
        deel = lambda van, tot: numpy_(pc.cast(pc.utf8_slice_codeunits(tekst, van, tot), pyarrow.int64()))  # noqa: E731
        jaar, maand, dag = deel(0, 4), deel(5, 7), deel(8, 10)
        maanden = ((jaar - 1970) * 12 + numpy.clip(maand, 1, 12) - 1).astype("datetime64[M]")
        lengte = (maanden + 1).astype("datetime64[D]") - maanden.astype("datetime64[D]")
        geldig = (maand >= 1) & (maand <= 12) & (dag >= 1) & (dag <= lengte.astype(int))
        waarden = maanden.astype("datetime64[D]") + numpy.where(geldig, dag - 1, 0).astype("timedelta64[D]")
        return vorm & geldig & (jaar >= EERSTE_JAAR), waarden
    # ASCII digits with at most one decimal point (a whole number: digits only, at most four)
    vorm = pc.ascii_is_decimal(tekst if soort is int else pc.replace_substring(tekst, ".", "", max_replacements=1))
    if soort is int:
        vorm = pc.and_(vorm, pc.less_equal(pc.utf8_length(tekst), 4))
    getallen = numpy_(pc.cast(pc.if_else(vorm, tekst, "0"), pyarrow.float64()))
    if soort is int:
        return numpy_(vorm) & (getallen <= MAX_GETAL), getallen.astype(numpy.int64)
    return numpy_(vorm) & ~_onjuiste_bedragen(getallen), getallen


def _lees_getypeerd(kolom, soort, gevuld):
    """(readable, values) of a typed column (numbers, dates, booleans) by the same limits as text."""
    t = kolom.type
    getal = pyarrow.types.is_integer(t) or pyarrow.types.is_floating(t) or pyarrow.types.is_decimal(t)
    getallen = None
    if getal:  # as float64 (a huge integer becomes a huge float, which the limits refuse), float32 at its shortest decimal
        getallen = numpy.where(gevuld, pc.fill_null(pc.cast(kolom, pyarrow.float64(), safe=False), 0).to_numpy(zero_copy_only=False), 0)
        if pyarrow.types.is_float32(t):  # 1234.56 stored as float32 is 1234.56005859375: the cents it stands for
            afgerond = numpy.round(getallen, 2)
            getallen = numpy.where(afgerond.astype(numpy.float32) == getallen.astype(numpy.float32), afgerond, getallen)
    if soort is bool:
        if pyarrow.types.is_boolean(t):
            return numpy.ones(len(kolom), dtype=bool), pc.fill_null(kolom, False).to_numpy(zero_copy_only=False)
        if getal:  # 1/0, as in a CSV
            return (getallen == 0) | (getallen == 1), getallen == 1
        return numpy.zeros(len(kolom), dtype=bool), numpy.zeros(len(kolom), dtype=bool)
    if soort is datetime.date:
        if pyarrow.types.is_date(t) or pyarrow.types.is_timestamp(t):
            dagen = pc.cast(kolom, pyarrow.date32()) if pyarrow.types.is_timestamp(t) else kolom
            waarden = pc.fill_null(pc.cast(dagen, pyarrow.date32()), 0).to_numpy(zero_copy_only=False).astype("datetime64[D]")
            goed = waarden >= numpy.datetime64(f"{EERSTE_JAAR}-01-01")
            if pyarrow.types.is_timestamp(t):  # a time of day is refused, as in a sheet: a date has none
                lokaal = pc.local_timestamp(kolom) if t.tz else kolom
                tijd = pc.fill_null(pc.cast(lokaal, pyarrow.timestamp(t.unit)), 0).to_numpy(zero_copy_only=False)
                goed &= tijd.astype("datetime64[D]") == tijd
            return goed, waarden
        return numpy.zeros(len(kolom), dtype=bool), numpy.zeros(len(kolom), dtype="datetime64[D]")
    if getal:
        if soort is int:
            return (getallen == numpy.floor(getallen)) & (getallen >= 0) & (getallen <= MAX_GETAL), getallen.astype(numpy.int64)
        return ~_onjuiste_bedragen(getallen), getallen
    return numpy.zeros(len(kolom), dtype=bool), numpy.zeros(len(kolom), dtype=DTYPE[soort])


def _waarom(soort, cel):
    """Why one cell cannot be read (only for the cells reported)."""
    if not isinstance(cel, str):
        if soort is float:
            return f"{cel!r} moet een bedrag van 0 tot {geld.MAX_BEDRAG_TEKST} zijn, met ten hoogste twee decimalen"
        verwacht = {bool: "ja of nee", int: f"geheel getal van 0 tot en met {MAX_GETAL}", datetime.date: f"datum vanaf {EERSTE_JAAR}"}[soort]
        getoond = repr(cel.date().isoformat() if isinstance(cel, datetime.datetime) else cel.isoformat()
                       if isinstance(cel, datetime.date) else cel)
        return f"{getoond} ({type(cel).__name__}) is geen {verwacht}"
    cel = cel.strip()
    if soort is bool:
        return f"{cel!r} is geen ja of nee"
    if soort is datetime.date:
        return f"{cel!r} is geen datum van de vorm JJJJ-MM-DD (vanaf {EERSTE_JAAR})"
    if soort is int:
        return f"{cel!r} is geen geheel getal van 0 tot en met {MAX_GETAL}"
    if "," in cel:
        return f"{cel!r}: gebruik een punt als decimaalteken en geen scheidingstekens voor duizendtallen"
    if cel.startswith("-"):
        return f"{cel!r}: een bedrag mag niet negatief zijn"
    if not (cel.replace(".", "", 1).isascii() and cel.replace(".", "", 1).isdecimal()):
        return f"{cel!r} is geen bedrag (alleen cijfers en een decimaalpunt)"
    return f"{cel!r} moet een bedrag van 0 tot {geld.MAX_BEDRAG_TEKST} zijn, met ten hoogste twee decimalen"


# --- writing ---------------------------------------------------------------------------------------------------------

def controleer_excel(pad, rijen):
    """Refuse an .xlsx file of more rows than one sheet holds (before anything is calculated, where possible)."""
    if str(pad).lower().endswith(".xlsx") and rijen > EXCEL_MAX_RIJEN:
        raise OngeldigBestand(f"{pad}: {rijen} rijen passen niet op één Excel-werkblad (ten hoogste {EXCEL_MAX_RIJEN}); "
                              "kies .parquet of .csv")


def schrijf(dataframe, pad):
    """Write a pandas DataFrame as .csv, .parquet or .xlsx (by the suffix); text cells that a spreadsheet would run as a
    formula are neutralised in CSV and Excel."""
    pad = Path(pad)
    soort = pad.suffix.lower()
    if soort not in SOORTEN:
        raise OngeldigBestand(f"{pad}: kies een uitvoer als {', '.join(SOORTEN)}")
    if soort == ".parquet":
        dataframe.to_parquet(pad, index=False)
        return
    veilig_ = veilig(dataframe)
    if soort == ".csv":
        veilig_.to_csv(pad, index=False)
    else:
        controleer_excel(pad, len(veilig_))
        veilig_.to_excel(pad, index=False, engine="openpyxl")


FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")


def veilige_cel(waarde):
    """A text cell that starts like a spreadsheet formula (= + - @, tab, CR) gets a leading apostrophe, so a spreadsheet
    shows it as text instead of running it (CSV injection); numbers stay numbers."""
    if isinstance(waarde, str) and waarde.startswith(FORMULETEKENS):
        return "'" + waarde
    return waarde


def veilig(dataframe):
    """A copy in which a text cell that starts like a spreadsheet formula is neutralised (veilige_cel)."""
    uit = dataframe.copy()
    for kolom in uit.columns:
        if uit[kolom].dtype == object or str(uit[kolom].dtype) in ("string", "category"):
            uit[kolom] = uit[kolom].astype(object).map(veilige_cel)
    return uit
