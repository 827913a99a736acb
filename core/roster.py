"""Read a contestant roster (CSV, TXT or XLSX) into a preview the judge confirms."""

from __future__ import annotations

import csv
import io
import re
import stat
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from core.contest import Contestant, loose_number_key, number_key
from core.errors import RosterError

COLUMNS = ("number", "name", "division", "notes")  # also the order of a roster without a header
SYNONYMS = {
    "number": {"number", "no", "no.", "#", "num", "nr", "bib", "編號", "号码", "號碼", "序號", "编号",
               "序号", "參賽編號", "参赛编号"},
    "name": {"name", "full name", "contestant", "姓名", "名字", "名稱", "参赛者", "參賽者"},
    "division": {"division", "category", "group", "組別", "组别", "類別", "类别", "組", "组"},
    "notes": {"notes", "note", "remarks", "remark", "comment", "comments", "備註", "备注", "說明", "说明"},
}
HEADER_EXAMPLES = {"number": "編號", "name": "姓名"}
TITLE_ROWS_MAX = 5  # rows of one cell (a title, a date) looked past for the header
DELIMITERS = (",", ";", "\t")
# Tried when a roster is not UTF-8; charset-normalizer picks the one whose text makes sense
# (GBK bytes often decode as Big5 too, into nonsense). cp950: Big5 as Excel writes it in Taiwan;
# gb18030: GBK, as it writes it in mainland China; cp1252: Western European Excel.
LEGACY_ENCODINGS = ("cp950", "gb18030", "cp1252")
TAKEN_SHOWN = 80  # characters of the lines an unclosed quote took in, shown in its problem
MAX_ROSTER_BYTES = 16 * 2**20  # far above any roster; refuses /dev/zero and the like
LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the line ends the csv module splits on


PROBLEMS = {  # a row's problem, by code, in English
    "number_missing": "The number is missing.",
    "number_in_contest": "Number {number} is already in the contest.",
    "number_repeated": "Number {number} is already used at line {line}.",
    "name_missing": "The name is empty.",
    "number_leading_zeros": "Number {number} differs from number {other} at line {line} only in leading zeros.",
    "number_leading_zeros_in_contest": "Number {number} differs from number {other} in the contest only in "
                                       "leading zeros.",
    "row_over_several_lines": "This row runs over lines {line}–{last}: a quotation mark is probably not closed, so "
                              "it took in '{taken}'.",
}


@dataclass(frozen=True)
class RosterProblem:
    """Why a row cannot be imported: ``code`` (a key of PROBLEMS) and its ``params``."""

    code: str
    params: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return PROBLEMS[self.code].format(**self.params)


@dataclass
class RosterRow:
    line: int  # line (CSV) or row (XLSX) number in the file, from 1
    number: str
    name: str
    division: str
    notes: str
    problems: list[RosterProblem] = field(default_factory=list)  # empty when the row can be imported

    def to_contestant(self) -> Contestant:
        return Contestant(None, self.number, self.name, self.division, self.notes)


@dataclass
class RosterPreview:
    rows: list[RosterRow]
    encoding: str | None  # the text encoding used; None for a workbook
    has_header: bool
    sheet: str | None = None  # the workbook sheet read; None for a text file
    sheets: tuple[str, ...] = ()  # every sheet of the workbook, for the judge to choose from
    ignored: tuple[str, ...] = ()  # header cells naming no roster field: columns not imported

    def valid_rows(self) -> list[RosterRow]:
        return [row for row in self.rows if not row.problems]


def read_roster(path: str | Path, existing_numbers: Iterable[str] = (), sheet: str | None = None) -> RosterPreview:
    """Read ``path`` and check each row; numbers in ``existing_numbers`` are already taken.

    ``sheet`` names the workbook sheet to read; by default the first with a header naming the
    number and name columns (below any title rows), else the active one. Raises :class:`RosterError` for a file that cannot be read
    as a roster.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise RosterError(f"{path.name}: the old Excel .xls format is not supported; "
                          "save it as .xlsx or CSV in Excel and import that.", code="roster_xls", file=path.name)
    if suffix not in (".csv", ".txt", ".xlsx", ".xlsm"):
        raise RosterError(f"{path.name}: unsupported file type; use CSV, TXT or XLSX.", code="roster_unsupported_type",
                          file=path.name)
    _check_regular_file(path)
    if suffix in (".xlsx", ".xlsm"):
        sheets, sheet, table = _read_workbook(path, sheet)
        encoding, spans = None, {}
    else:
        (table, encoding, spans), sheets = _read_text(path), ()
    table = [(line, cells) for line, cells in table if any(cells)]
    if not table:
        raise RosterError(f"{path.name}: the file is empty.", code="roster_empty", file=path.name)
    titles = _header_row(table)
    columns = _header_columns(table[titles][1], path.name)
    ignored = tuple(cell.strip() for cell in table[titles][1] if cell.strip() and _field(cell) is None) \
        if columns else ()
    if columns is not None:
        table = table[titles + 1:]
        if not table:
            raise RosterError(f"{path.name}: the file has a header row but no contestants.",
                              code="roster_header_only", file=path.name)
    rows = [_row(line, cells, columns or dict(zip(COLUMNS, range(len(COLUMNS)))), spans.get(line, ()))
            for line, cells in table]
    _check(rows, existing_numbers)
    return RosterPreview(rows, encoding, columns is not None, sheet, sheets, ignored)


def _check_regular_file(path: Path) -> None:
    """Refuse what is not a plain file of a roster's size (a FIFO would hang, /dev/zero never end)."""
    try:
        info = path.stat()
    except OSError as error:
        raise RosterError(f"{path.name}: cannot read the file ({error.strerror}).", code="roster_unreadable",
                          file=path.name, reason=error.strerror) from error
    if not stat.S_ISREG(info.st_mode):
        raise RosterError(f"{path.name}: this is not a regular file.", code="roster_not_a_file", file=path.name)
    if info.st_size > MAX_ROSTER_BYTES:
        raise _too_large(path)


def _too_large(path: Path) -> RosterError:
    return RosterError(f"{path.name}: the file is too large for a roster (over {MAX_ROSTER_BYTES // 2**20} MiB).",
                       code="roster_too_large", file=path.name, limit=MAX_ROSTER_BYTES // 2**20)


def _read_text(path: Path) -> tuple[list[tuple[int, list[str]]], str, dict[int, list[str]]]:
    """(first line and cells of each row, the encoding, first line → the lines after it of a row
    that runs over several: a quoted cell, or an unclosed quote, took them in)."""
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_ROSTER_BYTES + 1)
    except OSError as error:
        raise RosterError(f"{path.name}: cannot read the file ({error.strerror}).", code="roster_unreadable",
                          file=path.name, reason=error.strerror) from error
    if len(data) > MAX_ROSTER_BYTES:  # it grew after it was checked
        raise _too_large(path)
    text, encoding = _decode(data, path.name)
    if not text.strip():
        raise RosterError(f"{path.name}: the file is empty.", code="roster_empty", file=path.name)
    if sum(ch < " " and ch not in "\t\r\n" for ch in text) > len(text) // 100:
        raise RosterError(f"{path.name}: this is not a text roster (it looks like binary data).",
                          code="roster_binary", file=path.name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    table = []  # (first line, cells, last line): a quoted cell may span lines
    try:
        for cells in reader:
            first_line = table[-1][2] + 1 if table else 1
            table.append((first_line, [cell.strip() for cell in cells], reader.line_num))
    except csv.Error as error:
        raise RosterError(f"{path.name}: line {reader.line_num} cannot be read ({error}).", code="roster_bad_line",
                          file=path.name, line=reader.line_num, reason=str(error)) from error
    lines = LINE_BREAK.split(text)  # as the reader counts them
    spans = {first: lines[first:last] for first, _, last in table if last > first}
    return [(first, cells) for first, cells, _ in table], encoding, spans


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode Text"
        encoding = "utf-16"
    elif b"\x00" in data:
        raise RosterError(f"{name}: this is not a text roster (it looks like binary data).", code="roster_binary",
                          file=name)
    else:
        encoding = "utf-8"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        pass
    if encoding == "utf-8":
        from charset_normalizer import from_bytes  # only for a roster that is not UTF-8

        best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
        if best is not None:
            return str(best), best.encoding
    raise RosterError(f"{name}: the text encoding is not recognised; save the file as UTF-8 CSV.",
                      code="roster_unknown_encoding", file=name)


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most rows of one, widest width."""
    sample = [line for line in text.splitlines()[:50] if line.strip()]

    def fit(delimiter: str) -> tuple[int, int]:
        try:
            widths = Counter(len(cells) for cells in csv.reader(sample, delimiter=delimiter))
        except csv.Error:  # e.g. a field over csv's size limit; the full read reports it by line
            return (0, 0)
        width, count = widths.most_common(1)[0] if widths else (0, 0)
        return (count, width) if width > 1 else (0, 0)

    return max(DELIMITERS, key=fit)


def _read_workbook(path: Path, sheet: str | None) -> tuple[tuple[str, ...], str, list[tuple[int, list[str]]]]:
    """(every worksheet's name, the one read, its rows)."""
    from openpyxl import load_workbook  # only when a workbook is imported

    # openpyxl fails on damaged workbooks in many ways (BadZipFile, KeyError, ParseError,
    # ValueError, AttributeError...): whatever it raises, the file is not a readable workbook.
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001
        raise _bad_workbook(path, error) from error
    try:
        names = tuple(worksheet.title for worksheet in workbook.worksheets)
        if sheet is not None and sheet not in names:
            raise RosterError(f"{path.name}: the workbook has no sheet {sheet!r}.", code="roster_no_sheet",
                              file=path.name, sheet=sheet)
        chosen = sheet or _roster_sheet(workbook)
        return names, chosen, _sheet_rows(workbook[chosen])
    except RosterError:
        raise
    except Exception as error:  # noqa: BLE001 (as above, while the sheet is read)
        raise _bad_workbook(path, error) from error
    finally:
        workbook.close()


def _bad_workbook(path: Path, error: Exception) -> RosterError:
    reason = f"{type(error).__name__}: {error}"
    return RosterError(f"{path.name}: not a readable Excel workbook ({reason}).", code="roster_bad_workbook",
                       file=path.name, reason=reason)


def _roster_sheet(workbook) -> str:
    """The first worksheet with a header naming the number and name columns (below any title rows; not
    an instructions sheet), else the active one."""
    for worksheet in workbook.worksheets:
        top = _sheet_rows(worksheet, to_header=True)
        if top and {"number", "name"} <= {_field(cell) for cell in top[_header_row(top)][1]}:
            return worksheet.title
    active = workbook.active
    return active.title if active in workbook.worksheets else workbook.worksheets[0].title


def _sheet_rows(worksheet, to_header: bool = False) -> list[tuple[int, list[str]]]:
    """Rows (number, cell texts) of ``worksheet``; with ``to_header``, the non-empty ones down to the
    first that could be a header (see :func:`_header_row`)."""
    worksheet.reset_dimensions()  # read-only mode trusts the file's <dimension> tag, which other programs get wrong
    rows = []
    for index, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
        cells = [_cell_text(value) for value in values]
        if to_header and not any(cells):
            continue
        rows.append((index, cells))
        if to_header and (sum(1 for cell in cells if cell) > 1 or len(rows) == TITLE_ROWS_MAX + 1):
            break
    return rows


def _header_row(rows: list[tuple[int, list[str]]]) -> int:
    """Where the header may be among non-empty ``rows``: the first of more than one cell, after title rows
    of one cell ("2026 台北小姐選美 參賽者名單", merged across the sheet); the first row if all are of one."""
    return next((index for index, (_, cells) in enumerate(rows[:TITLE_ROWS_MAX + 1])
                 if sum(1 for cell in cells if cell.strip()) > 1), 0)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a number typed into Excel: 7, not 7.0
    return str(value).strip()


def _field(cell: str) -> str | None:
    """The roster field a header cell names: a known label ("Name", "編號"), or one ending in one
    ("Contestant No.", "參賽者姓名": the last word names the field); None for anything else."""
    label = " ".join(cell.split()).casefold()
    spaced_out = "".join(label.split())  # Chinese forms space a short label out: "編 號", "姓　名"
    endings = []
    for column, synonyms in SYNONYMS.items():
        for synonym in synonyms:
            text = label if synonym.isascii() else spaced_out
            if text == synonym:
                return column
            if text.endswith(synonym) and (not synonym.isascii() or text[: -len(synonym)].endswith(" ")):
                endings.append((len(synonym), column))
    return max(endings)[1] if endings else None


def _header_columns(cells: list[str], name: str) -> dict[str, int] | None:
    """Column of each known field if ``cells`` is a header row, else None. A row with a bare number
    in it is a contestant's, whatever its other cells say (a division named 小姐組 ends in 組)."""
    if any(cell.strip().isdigit() for cell in cells):
        return None
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        column = _field(cell)
        if column is not None and column not in columns:
            columns[column] = index
    if not columns:
        return None
    for required in ("number", "name"):
        if required not in columns:
            example = HEADER_EXAMPLES[required]
            raise RosterError(f"{name}: the header row has no {required} column "
                              f"(expected e.g. '{required}' or '{example}').", code="roster_header_missing",
                              file=name, column=required, example=example)
    return columns


def _row(line: int, cells: list[str], columns: dict[str, int], taken_in: Sequence[str]) -> RosterRow:
    def cell(column: str) -> str:
        index = columns.get(column)
        return cells[index] if index is not None and index < len(cells) else ""

    row = RosterRow(line, cell("number"), cell("name"), cell("division"), cell("notes"))
    if taken_in:
        taken = " / ".join(text.strip() for text in taken_in if text.strip())
        row.problems.append(RosterProblem("row_over_several_lines", {
            "line": line, "last": line + len(taken_in),
            "taken": taken if len(taken) <= TAKEN_SHOWN else taken[:TAKEN_SHOWN].rstrip() + "…"}))
    return row


def _check(rows: list[RosterRow], existing_numbers: Iterable[str]) -> None:
    """Fill each row's problems; of duplicated numbers, the first row is kept."""
    existing_numbers = list(existing_numbers)
    taken = {number_key(number) for number in existing_numbers}
    taken_loosely = {loose_number_key(number): number for number in existing_numbers}
    first_line: dict[str, int] = {}
    first_loosely: dict[str, RosterRow] = {}
    for row in rows:
        key, loose = number_key(row.number), loose_number_key(row.number)
        if not key:
            row.problems.append(RosterProblem("number_missing"))
        elif key in taken:
            row.problems.append(RosterProblem("number_in_contest", {"number": row.number}))
        elif key in first_line:
            row.problems.append(RosterProblem("number_repeated", {"number": row.number, "line": first_line[key]}))
        elif loose in taken_loosely:
            row.problems.append(RosterProblem("number_leading_zeros_in_contest",
                                              {"number": row.number, "other": taken_loosely[loose]}))
        elif loose in first_loosely:
            other = first_loosely[loose]
            row.problems.append(RosterProblem("number_leading_zeros",
                                              {"number": row.number, "other": other.number, "line": other.line}))
        else:
            first_line[key] = row.line
            first_loosely[loose] = row
        if not row.name:
            row.problems.append(RosterProblem("name_missing"))


