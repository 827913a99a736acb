"""Write ranked results to CSV or XLSX, atomically: a failed export leaves the old file intact.

Rows come from :func:`core.ranking.rank`: grouped by division, ranks restarting at 1 in each.
A workbook has an "All" sheet (every division, grouped), one sheet per division and, given, an
"About" sheet saying what the file is (:func:`results_about`).
"""

from __future__ import annotations

import csv
import errno
import io
import logging
import os
import re
import secrets
import stat
import sys
from datetime import datetime
from pathlib import Path

from core.errors import ExportError
from core.ranking import RankedRow, division_key
from core.score import DECIMALS, NATIVE_SCALE, ScoreScale, percentile_text
from core.version import app_version

COLUMNS = ("division", "rank", "rank_low", "rank_high", "number", "name", "score", "error", "level",
           "percentile", "percentile_text", "tie", "captured_at", "model_version", "app_version", "status")
ALL_SHEET = "All"
NO_DIVISION_SHEET = "No division"
SHEET_TITLE_MAX = 31  # Excel's limit
SHEET_TITLE_FORBIDDEN = str.maketrans({character: "_" for character in "[]:*?/\\"})
INERT_PREFIX = "'"
log = logging.getLogger(__name__)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# Control characters a workbook cannot hold; CSV drops them too, so both files say the same.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
DEFAULT_MODE = 0o666  # before the umask, as for any new file the user saves


ABOUT_SHEET = "About"
STATUS = {True: "final", False: "draft"}


def results_about(contest_name: str, final: bool, model_version: str | None, when: datetime | None = None) -> list[str]:
    """What a results workbook is, for whoever it is sent to: its contest, draft or final, advisory."""
    when = when or datetime.now().astimezone()
    return [f"Contest: {contest_name}",
            "Final: the contest is finalized." if final else
            "Draft: the contest is not finalized, and these results may still change.",
            "Advisory face scores, ranked within each division: one input for the judges, not their ranking.",
            *([f"Face score by model {model_version}."] if model_version else []),
            f"Exported {when.isoformat(timespec='minutes')}; the captured_at times are in UTC.",
            f"Made with FaceScore Judge {app_version()}."]


def export_rows(rows: list[RankedRow], path: str | Path, scale: ScoreScale = NATIVE_SCALE, *, final: bool = False,
                contest_name: str | None = None, model_version: str | None = None) -> None:
    """Write ``rows`` to ``path`` (.csv or .xlsx; given ``contest_name``, a workbook says what it is on
    a sheet of its own, :func:`results_about`). Every row's ``status`` says whether the contest is
    ``final`` or a draft, as the About sheet does, so a draft CSV is not taken for the results.
    Raises :class:`ExportError`.

    A scored row names the model version its capture was scored with; an unscored one none.
    On a display scale other than 1–5, its score and error come first, in columns that name the scale
    (``score_0-100``), and the native ``score`` and ``error`` stay beside them.
    """
    path = Path(path)
    suffix = export_suffix(path)
    columns, decimals = _layout(scale)
    table = [_values(row, scale, columns, decimals) | {"status": STATUS[final]} for row in rows]
    about = () if contest_name is None else results_about(contest_name, final, model_version)
    data = (_csv_bytes(table, columns, decimals) if suffix == ".csv"
            else _xlsx_bytes(table, [row.division for row in rows], columns, decimals, about))
    write_atomically(path, data)
    log.info("%d rows exported to %s", len(table), path)


AUDIT_COLUMNS = ("id", "at", "judge", "action", "contestant_id", "number", "name", "before", "after")


def export_audit(entries, path: str | Path, contestants=()) -> None:
    """Write the audit log (core.store.AuditEntry, oldest first) to a .csv file, atomically;
    before/after as JSON; each row's contestant by number and name too, from ``contestants``
    (removed ones included: the id is the file's own). Raises :class:`ExportError`."""
    import json

    path = Path(path)
    if path.suffix.lower() != ".csv":
        raise ExportError(f"Cannot export the audit log to {path}: use a .csv file name.",
                          code="audit_bad_suffix", path=str(path))
    people = {contestant.id: contestant for contestant in contestants}
    table = [{"id": entry.id, "at": entry.at, "judge": safe_value(entry.judge), "action": entry.action,
              "contestant_id": entry.contestant_id,
              "number": safe_value(getattr(people.get(entry.contestant_id), "number", None)),
              "name": safe_value(getattr(people.get(entry.contestant_id), "name", None)),
              **{side: None if getattr(entry, side) is None else
                 safe_value(json.dumps(getattr(entry, side), ensure_ascii=False, sort_keys=True))
                 for side in ("before", "after")}}
             for entry in entries]
    write_atomically(path, _csv_bytes(table, AUDIT_COLUMNS, {}))


def export_suffix(path: Path) -> str:
    """``.csv`` or ``.xlsx``, the kind of file ``path`` names; raises :class:`ExportError` for any other."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ExportError(f"Cannot export to {path}: use a .csv or .xlsx file name.", code="export_bad_suffix",
                          path=str(path))
    return suffix


def _layout(scale: ScoreScale) -> tuple[tuple[str, ...], dict[str, int]]:
    """The columns and their decimals for ``scale``."""
    if scale == NATIVE_SCALE:
        return COLUMNS, DECIMALS
    scaled = (f"score_{scale.key}", f"error_{scale.key}")
    at = COLUMNS.index("score")
    return COLUMNS[:at] + scaled + COLUMNS[at:], DECIMALS | dict.fromkeys(scaled, scale.decimals)


def _values(row: RankedRow, scale: ScoreScale, columns: tuple[str, ...],
            decimals: dict[str, int]) -> dict[str, object]:
    contestant, capture = row.contestant, row.capture
    values: dict[str, object] = {
        "division": contestant.division, "rank": row.rank, "rank_low": row.rank_low,
        "rank_high": row.rank_high, "number": contestant.number, "name": contestant.name,
        "app_version": app_version()}
    if capture is not None:
        values |= {"score": capture.score, "error": capture.error, "level": capture.level,
                   "percentile": capture.percentile, "percentile_text": percentile_text(capture.percentile),
                   "tie": row.tie, "captured_at": capture.captured_at, "model_version": capture.model_version,
                   f"score_{scale.key}": scale.value(capture.score), f"error_{scale.key}": scale.error(capture.error)}
    for column, places in decimals.items():
        if values.get(column) is not None:
            values[column] = round(values[column], places)
    return {column: safe_value(values.get(column)) for column in columns}


class _Inert(str):
    """Text that :func:`safe_value` made inert: :data:`INERT_PREFIX` and the text."""


def safe_value(value: object) -> object:
    """Text without control characters, made plain text if a spreadsheet would run it as a formula.

    Control characters go first: "\\x01=1+2" must be seen as the formula it becomes once they are gone.
    Other values are returned as they are.
    """
    if not isinstance(value, str):
        return value
    text = CONTROL_CHARACTERS.sub("", value)
    if text.lstrip(" ").startswith(FORMULA_STARTS):
        return _Inert(INERT_PREFIX + text)
    return text


def append_row(sheet, values) -> None:
    """Append ``values`` to a workbook sheet, every text as a string cell, so no text is ever a live
    formula. Text that :func:`safe_value` made inert goes in without its apostrophe, which becomes the
    cell's quote prefix, as when typed in a spreadsheet: the cell shows the text as it is, and editing
    it never turns it into a formula."""
    values = list(values)
    sheet.append([value[len(INERT_PREFIX):] if isinstance(value, _Inert) else value for value in values])
    for cell, value in zip(sheet[sheet.max_row], values):
        if isinstance(cell.value, str):
            cell.data_type = "s"
            cell.quotePrefix = isinstance(value, _Inert)


def text_sheet(workbook, title: str, lines: list[str]) -> None:
    """A sheet of ``lines``, one a row, each plain text: what a workbook is, or the rules it follows."""
    sheet = workbook.create_sheet(title)
    for line in lines:
        append_row(sheet, [safe_value(line)])


def _csv_bytes(table: list[dict[str, object]], columns: tuple[str, ...], decimals: dict[str, int]) -> bytes:
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(columns)
    for values in table:
        writer.writerow(csv_text(values[column], decimals.get(column)) for column in columns)
    return text.getvalue().encode("utf-8-sig")  # the BOM makes Excel read Chinese names right


def csv_text(value: object, places: int | None) -> str:
    """A value as a CSV cell: a number to ``places`` decimals where given, TRUE/FALSE, "" for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return f"{value:.{places}f}" if places is not None and isinstance(value, (int, float)) else str(value)


def number_format(places: int) -> str:
    """The workbook's number format for ``places`` decimals."""
    return "0." + "0" * places if places else "0"


def _xlsx_bytes(table: list[dict[str, object]], divisions: list[str], columns: tuple[str, ...],
                decimals: dict[str, int], about) -> bytes:
    from openpyxl import Workbook  # only when exporting a workbook

    workbook = Workbook()
    _fill_sheet(workbook.active, ALL_SHEET, table, columns, decimals)
    titles = {ALL_SHEET.casefold(), ABOUT_SHEET.casefold()}
    for division in sorted(set(divisions), key=division_key):
        title = _sheet_title(division, titles)
        titles.add(title.casefold())
        _fill_sheet(workbook.create_sheet(), title,
                    [values for values, of in zip(table, divisions) if of == division], columns, decimals)
    if about:
        text_sheet(workbook, ABOUT_SHEET, about)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(division: str, taken: set[str]) -> str:
    """A valid, unique sheet title for ``division`` (Excel: 31 characters, none of []:*?/\\)."""
    base = (division.translate(SHEET_TITLE_FORBIDDEN).strip("' ") or NO_DIVISION_SHEET)[:SHEET_TITLE_MAX]
    title, counter = base, 2
    while title.casefold() in taken:
        suffix = f" ({counter})"
        title, counter = base[:SHEET_TITLE_MAX - len(suffix)] + suffix, counter + 1
    return title


def _fill_sheet(sheet, title: str, table: list[dict[str, object]], columns: tuple[str, ...],
                decimals: dict[str, int]) -> None:
    sheet.title = title
    sheet.append(columns)
    for values in table:
        append_row(sheet, [values[column] for column in columns])
        for cell, column in zip(sheet[sheet.max_row], columns):
            if column in decimals:
                cell.number_format = number_format(decimals[column])
    sheet.freeze_panes = "A2"


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``.

    The new file keeps the mode of the file it replaces; a new file gets the usual
    mode for the user's umask. A read-only file is never replaced. Raises :class:`ExportError`.
    """
    mode = _existing_mode(path)
    if mode is not None and (not mode & 0o222 or not os.access(path, os.W_OK)):  # marked read-only, or not ours
        raise ExportError(f"Could not export to {path}: the file is read-only; choose another name, "
                          "or make the file writable first.", code="export_file_read_only", path=str(path))
    temporary = None
    step = "create"
    try:
        descriptor, temporary = _create_temporary(path, mode)
        step = "write"
        with open(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        step = "replace"
        os.replace(temporary, path)
        temporary = None
        _sync_folder(path.parent)
    except OSError as error:
        raise _export_error(path, step, error) from error
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _existing_mode(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return None


def _create_temporary(path: Path, mode: int | None) -> tuple[int, Path]:
    """A new, empty temporary file next to ``path`` with ``mode`` (None: a new file's usual mode)."""
    while True:
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            # os.open applies the umask to a new file's mode, as the user's other programs do
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                                 DEFAULT_MODE)
        except FileExistsError:
            continue
        if mode is not None:
            try:
                os.chmod(temporary, mode)  # exactly the replaced file's mode, whatever the umask
            except OSError:
                os.close(descriptor)
                temporary.unlink(missing_ok=True)
                raise
        return descriptor, temporary


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


def _export_error(path: Path, step: str, error: OSError) -> ExportError:
    """What went wrong at ``step`` (create, write or replace), said in the judge's terms."""
    folder = str(path.parent)
    if error.errno == errno.ENOSPC:
        code, reason = "export_disk_full", "the disk is full"
    elif error.errno == errno.ENOENT and step == "create":
        code, reason = "export_folder_missing", "the folder does not exist"
    elif step == "create" and (isinstance(error, PermissionError) or error.errno == errno.EROFS):
        code, reason = "export_folder_not_writable", f"the folder {folder} cannot be written to"
    elif step == "replace" and isinstance(error, PermissionError):
        code, reason = "export_file_locked", "permission denied (is the file open in another program?)"
    else:
        code, reason = "export_failed", error.strerror or str(error)
    return ExportError(f"Could not export to {path}: {reason}.", code=code, path=str(path), folder=folder,
                       reason=reason)
