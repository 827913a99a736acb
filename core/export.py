"""Write ranked results to CSV or XLSX, atomically: a failed export leaves the old file intact."""

from __future__ import annotations

import csv
import errno
import io
import os
import sys
import tempfile
from pathlib import Path

from core.errors import ExportError
from core.ranking import RankedRow

COLUMNS = ("rank", "number", "name", "division", "score", "error", "level", "percentile", "tie",
           "captured_at", "model_version")
INERT_PREFIX = "'"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DECIMALS = {"score": 2, "error": 2, "percentile": 1}


def export_rows(rows: list[RankedRow], path: str | Path, model_version: str) -> None:
    """Write ``rows`` to ``path`` (.csv or .xlsx). Raises :class:`ExportError`.

    ``model_version`` fills that column for unscored contestants; scored ones
    show the model version their capture was scored with.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ExportError(f"Cannot export to {path}: use a .csv or .xlsx file name.", code="export_bad_suffix",
                          path=str(path))
    table = [_values(row, model_version) for row in rows]
    data = _csv_bytes(table) if suffix == ".csv" else _xlsx_bytes(table)
    _write_atomically(path, data)


def _values(row: RankedRow, model_version: str) -> dict[str, object]:
    contestant, capture = row.contestant, row.capture
    values: dict[str, object] = {
        "rank": row.rank, "number": contestant.number, "name": contestant.name,
        "division": contestant.division, "model_version": model_version}
    if capture is not None:
        values |= {"score": capture.score, "error": capture.error, "level": capture.level,
                   "percentile": capture.percentile, "tie": row.tie, "captured_at": capture.captured_at,
                   "model_version": capture.model_version}
    for column, decimals in DECIMALS.items():
        if values.get(column) is not None:
            values[column] = round(values[column], decimals)
    return {column: _inert(values.get(column)) for column in COLUMNS}


def _inert(value: object) -> object:
    """Text that a spreadsheet would run as a formula, made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return INERT_PREFIX + value
    return value


def _csv_bytes(table: list[dict[str, object]]) -> bytes:
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(COLUMNS)
    for values in table:
        writer.writerow(_csv_text(column, values[column]) for column in COLUMNS)
    return text.getvalue().encode("utf-8-sig")  # the BOM makes Excel read Chinese names right


def _csv_text(column: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if column in DECIMALS:
        return f"{value:.{DECIMALS[column]}f}"
    return str(value)


def _xlsx_bytes(table: list[dict[str, object]]) -> bytes:
    from openpyxl import Workbook  # only when exporting a workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Results"
    sheet.append(COLUMNS)
    for row, values in enumerate(table, start=2):
        for index, column in enumerate(COLUMNS, start=1):
            value = values[column]
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters openpyxl refuses
            cell = sheet.cell(row, index, value)
            if column in DECIMALS:
                cell.number_format = "0." + "0" * DECIMALS[column]
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = None
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                                 dir=path.parent)
        with open(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
        temporary = None
        _sync_folder(path.parent)
    except OSError as error:
        reason = _reason(error)
        raise ExportError(f"Could not export to {path}: {reason}.", code="export_failed", path=str(path),
                          reason=reason) from error
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no folder handles to sync)."""
    if sys.platform == "win32":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    except OSError:
        pass  # some file systems cannot sync a folder; the file itself is already synced


def _reason(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno == errno.ENOENT:
        return "the folder does not exist"
    if isinstance(error, PermissionError):
        return "permission denied (is the file open in another program?)"
    return error.strerror or str(error)
