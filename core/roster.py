"""Read a contestant roster (CSV, TXT or XLSX) into a preview the judge confirms."""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from core.contest import Contestant, number_key
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
DELIMITERS = (",", ";", "\t")
TEXT_ENCODINGS = ("utf-8", "cp950")  # cp950: Big5 as Excel writes it in Taiwan


PROBLEMS = {  # a row's problem, by code, in English
    "number_missing": "The number is missing.",
    "number_in_contest": "Number {number} is already in the contest.",
    "number_repeated": "Number {number} is already used at line {line}.",
    "name_missing": "The name is empty.",
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

    def valid_rows(self) -> list[RosterRow]:
        return [row for row in self.rows if not row.problems]


def read_roster(path: str | Path, existing_numbers: Iterable[str] = ()) -> RosterPreview:
    """Read ``path`` and check each row; numbers in ``existing_numbers`` are already taken.

    Raises :class:`RosterError` for a file that cannot be read as a roster.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise RosterError(f"{path.name}: the old Excel .xls format is not supported; "
                          "save it as .xlsx or CSV in Excel and import that.", code="roster_xls", file=path.name)
    if suffix not in (".csv", ".txt", ".xlsx", ".xlsm"):
        raise RosterError(f"{path.name}: unsupported file type; use CSV, TXT or XLSX.", code="roster_unsupported_type",
                          file=path.name)
    if suffix in (".xlsx", ".xlsm"):
        table, encoding = _read_workbook(path), None
    else:
        table, encoding = _read_text(path)
    table = [(line, cells) for line, cells in table if any(cells)]
    if not table:
        raise RosterError(f"{path.name}: the file is empty.", code="roster_empty", file=path.name)
    columns = _header_columns(table[0][1], path.name)
    if columns is not None:
        table = table[1:]
        if not table:
            raise RosterError(f"{path.name}: the file has a header row but no contestants.",
                              code="roster_header_only", file=path.name)
    rows = [_row(line, cells, columns or dict(zip(COLUMNS, range(len(COLUMNS)))))
            for line, cells in table]
    _check(rows, existing_numbers)
    return RosterPreview(rows, encoding, columns is not None)


def _read_text(path: Path) -> tuple[list[tuple[int, list[str]]], str]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RosterError(f"{path.name}: cannot read the file ({error.strerror}).", code="roster_unreadable",
                          file=path.name, reason=error.strerror) from error
    text, encoding = _decode(data, path.name)
    if not text.strip():
        raise RosterError(f"{path.name}: the file is empty.", code="roster_empty", file=path.name)
    if sum(ch < " " and ch not in "\t\r\n" for ch in text) > len(text) // 100:
        raise RosterError(f"{path.name}: this is not a text roster (it looks like binary data).",
                          code="roster_binary", file=path.name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    try:
        return [(reader.line_num, [cell.strip() for cell in cells]) for cells in reader], encoding
    except csv.Error as error:
        raise RosterError(f"{path.name}: line {reader.line_num} cannot be read ({error}).", code="roster_bad_line",
                          file=path.name, line=reader.line_num, reason=str(error)) from error


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode Text"
        encodings = ("utf-16",)
    elif b"\x00" in data:
        raise RosterError(f"{name}: this is not a text roster (it looks like binary data).", code="roster_binary",
                          file=name)
    else:
        encodings = TEXT_ENCODINGS
    for encoding in encodings:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
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


def _read_workbook(path: Path) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook  # only when a workbook is imported
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as error:
        raise RosterError(f"{path.name}: not a readable Excel workbook ({error}).", code="roster_bad_workbook",
                          file=path.name, reason=str(error)) from error
    try:
        return [(index, [_cell_text(value) for value in values])
                for index, values in enumerate(workbook.active.iter_rows(values_only=True), start=1)]
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a number typed into Excel: 7, not 7.0
    return str(value).strip()


def _header_columns(cells: list[str], name: str) -> dict[str, int] | None:
    """Column of each known field if ``cells`` is a header row, else None."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        label = " ".join(cell.split()).casefold()
        for column, synonyms in SYNONYMS.items():
            if label in synonyms and column not in columns:
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


def _row(line: int, cells: list[str], columns: dict[str, int]) -> RosterRow:
    def cell(column: str) -> str:
        index = columns.get(column)
        return cells[index] if index is not None and index < len(cells) else ""

    return RosterRow(line, cell("number"), cell("name"), cell("division"), cell("notes"))


def _check(rows: list[RosterRow], existing_numbers: Iterable[str]) -> None:
    """Fill each row's problems; of duplicated numbers, the first row is kept."""
    taken = {number_key(number) for number in existing_numbers}
    first_line: dict[str, int] = {}
    for row in rows:
        key = number_key(row.number)
        if not key:
            row.problems.append(RosterProblem("number_missing"))
        elif key in taken:
            row.problems.append(RosterProblem("number_in_contest", {"number": row.number}))
        elif key in first_line:
            row.problems.append(RosterProblem("number_repeated", {"number": row.number, "line": first_line[key]}))
        else:
            first_line[key] = row.line
        if not row.name:
            row.problems.append(RosterProblem("name_missing"))
