"""Write a combined tabulation to CSV or XLSX, atomically, with every judge's marks."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from core.criteria import PRINTED_DECIMALS, criteria_text, mark_decimals, printed
from core.export import (STATUS, append_row, csv_text, export_suffix, number_format, safe_value, text_sheet,
                         write_atomically)
from core.tabulation import DROP_EXTREMES_MINIMUM, Tabulation
from core.version import app_version


def tabulation_columns(tabulation: Tabulation) -> list[str]:
    """division, rank, tie, number, name, total, each criterion's mark, each judge's mark, advisory,
    status (draft or final)."""
    columns = ["division", "rank", "tie", "number", "name", "total"]
    columns += [criterion.name for criterion in tabulation.criteria]
    columns += [f"{criterion.name} ({judge})" for criterion in tabulation.criteria
                for judge in tabulation.judges]
    return columns + ["advisory_score", "status"]


def tabulation_decimals(tabulation: Tabulation) -> list[int | None]:
    """The decimals each of :func:`tabulation_columns` is written with, as the printed sheet writes it:
    totals, combined marks and the advisory score to PRINTED_DECIMALS, a judge's mark to its step's."""
    decimals: list[int | None] = [None] * 5 + [PRINTED_DECIMALS] * (1 + len(tabulation.criteria))
    decimals += [mark_decimals(criterion) for criterion in tabulation.criteria for _ in tabulation.judges]
    return decimals + [PRINTED_DECIMALS, None]


def tabulation_table(tabulation: Tabulation) -> list[list[object]]:
    """One list of values per contestant, in :func:`tabulation_columns` order."""
    table = []
    for row in tabulation.rows:
        ranked = row.ranked
        values: list[object] = [ranked.contestant.division, ranked.rank, ranked.tie if ranked.rank is not None else None,
                                ranked.contestant.number, ranked.contestant.name, _rounded(ranked.total)]
        values += [_rounded(ranked.marks.get(criterion.name)) for criterion in tabulation.criteria]
        values += [mark for criterion in tabulation.criteria for mark in row.judge_marks[criterion.name]]
        values += [_rounded(row.advisory), STATUS[tabulation.final]]
        table.append([safe_value(value) for value in values])
    return table


def rules_text(tabulation: Tabulation) -> list[str]:
    """The rules the result was computed by, in English, for the workbook and the command line."""
    dropped = (f"the highest and lowest mark of each criterion dropped ({DROP_EXTREMES_MINIMUM} judges or more)"
               if tabulation.drop_extremes else "all judges' marks averaged")
    advisory = [f"{c.name} is the advisory face score: the mean of the files' face scores, mapped onto its "
                "range, never dropped." for c in tabulation.criteria if c.advisory]
    state = ("Final: every judge's file is finalized." if tabulation.final else
             f"Draft: not finalized by {', '.join(tabulation.drafts)}; these results may still change.")
    if tabulation.without_total:
        state += f" No total for No. {', '.join(tabulation.without_total)}: a mark is missing."
    return [f"Contest: {tabulation.contest_name}",
            state,
            f"Judges: {', '.join(tabulation.judges)}",
            f"Criteria: {criteria_text(tabulation.criteria)}",
            f"Marks per criterion: {dropped}; total = sum of weight × mark / highest mark (out of 100).",
            *advisory,
            "Ties in the total as printed (2 decimals): the higher mark in the first criterion wins, then the "
            "next; a tie that survives every criterion stays a tie.",
            f"Made with FaceScore Judge {app_version()}."]


def export_tabulation(tabulation: Tabulation, path: str | Path) -> None:
    """Write ``tabulation`` to ``path`` (.csv or .xlsx). Raises :class:`ExportError`."""
    path = Path(path)
    suffix = export_suffix(path)
    columns = [safe_value(column) for column in tabulation_columns(tabulation)]  # criteria are named by users
    table, decimals = tabulation_table(tabulation), tabulation_decimals(tabulation)
    data = (_csv_bytes(columns, table, decimals) if suffix == ".csv"
            else _xlsx_bytes(columns, table, decimals, rules_text(tabulation)))
    write_atomically(path, data)


def _rounded(value: float | None) -> float | None:
    return None if value is None else printed(value)


def _csv_bytes(columns: list[str], table: list[list[object]], decimals: list[int | None]) -> bytes:
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(columns)
    for values in table:
        writer.writerow(csv_text(value, places) for value, places in zip(values, decimals, strict=True))
    return text.getvalue().encode("utf-8-sig")  # the BOM makes Excel read Chinese names right


def _xlsx_bytes(columns: list[str], table: list[list[object]], decimals: list[int | None],
                rules: list[str]) -> bytes:
    from openpyxl import Workbook  # only when exporting a workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tabulation"
    append_row(sheet, columns)
    for values in table:
        append_row(sheet, values)
        for cell, places in zip(sheet[sheet.max_row], decimals, strict=True):
            if places is not None:
                cell.number_format = number_format(places)
    sheet.freeze_panes = "F2"
    text_sheet(workbook, "Rules", rules)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
