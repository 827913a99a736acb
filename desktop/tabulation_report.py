"""The combined tabulation as a PDF sheet to sign: one page (or more) per division.

Each division's first page: contest, date, division, the rules the result follows (criteria and
weights, whether the highest and lowest marks were dropped, the tie-break); every page: the
column headings, then contestants with rank, number, name, each criterion's combined mark with
each judge's mark under it, the total and the advisory face score; the last page: a signature
line for every judge. A division longer than a page goes on over pages ("page 2 of 3"), each
row whole on one page: the rows a page holds are measured by laying the page out as printed.
Rendered with Qt (``QTextDocument`` → ``QPdfWriter``); the command line calls it with an
offscreen ``QGuiApplication``.
"""

from __future__ import annotations

import datetime
import functools
import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPagedPaintDevice, QPdfWriter

from core.export import write_atomically
from core.criteria import mark_text, printed_text
from core.tabulation import DROP_EXTREMES_MINIMUM, Tabulation
from desktop import palette
from desktop.paged_sheet import PAGE_BREAK, PLAIN_WEIGHT, fits_on_a_page, page_rows, paged_document

RESOLUTION = 300
PAGE_LAYOUT = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                          QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
translate = QCoreApplication.translate  # the texts' context is "TabulationReport"
CSS = PLAIN_WEIGHT + f"""
body {{ font-size: 9pt; }}
h1 {{ font-size: 15pt; margin: 0; }}
h2 {{ font-size: 12pt; margin-top: 6pt; }}
table.marks {{ border-collapse: collapse; }}
table.marks th {{ background: {palette.PRINT_HEADING_BACKGROUND}; padding: 3px 6px; text-align: left; }}
table.marks td {{ padding: 3px 6px; border-bottom: 1px solid {palette.PRINT_RULE}; }}
.judges {{ color: {palette.PRINT_SECONDARY}; font-size: 7pt; }}
.rules {{ color: {palette.PRINT_TEXT}; }}
.key {{ font-size: 11pt; }}
.tie, .draft {{ color: {palette.ERROR}; }}
"""


def tabulation_html(tabulation: Tabulation, fits: Callable[[str], bool], date: datetime.date | None = None) -> str:
    """The sheet: each division from a new page, on as many pages as ``fits`` (whether the html of
    one page, as :func:`_html` wraps it, lays out on one page) says its rows need."""
    date = date or datetime.date.today()
    divisions: dict[str, list] = {}
    for row in tabulation.rows:
        divisions.setdefault(row.ranked.contestant.division, []).append(row)
    pages = []
    for division, rows in divisions.items():
        def page(rows_on_page, number: int, count: int | None, division=division) -> str:
            return _page(tabulation, date, division, rows_on_page, number, count)

        groups = page_rows(rows, page, fits)
        pages += [page(group, number, len(groups)) for number, group in enumerate(groups)]
    return _html(PAGE_BREAK.join(pages))


def _html(body: str) -> str:
    return f"<html><head><style>{CSS}</style></head><body>{body}</body></html>"


def _page(tabulation: Tabulation, date: datetime.date, division: str, rows, number: int, count: int | None) -> str:
    """One page of a division: its ``number`` (from 0; -1: the last) of ``count`` (None: not known yet,
    measured as the longest "page x of y")."""
    last = number == -1 or (count is not None and number == count - 1)
    if count is None or count > 1:
        numbers = {"page": 99, "pages": 99} if count is None else {"page": number + 1, "pages": count}
        division_text = translate("TabulationReport", "{division} · page {page} of {pages}").format(
            division=division or translate("TabulationReport", "No division"), **numbers)
    else:
        division_text = division or translate("TabulationReport", "No division")
    return (_header(tabulation, date, division_text, rules=number == 0) + _table(tabulation, rows)
            + (_signatures(tabulation) if last else ""))


def state_text(tabulation: Tabulation) -> str:
    """Final, or a draft naming the judges whose files are not finalized, and the contestants without a
    total, in the current language."""
    if tabulation.final:
        state = translate("TabulationReport", "Final: every judge's file is finalized.")
    else:
        state = translate("TabulationReport", "Draft: not finalized by {judges}; these results may still "
                                              "change.").format(judges=", ".join(tabulation.drafts))
    if tabulation.without_total:
        state += " " + translate("TabulationReport", "No total for No. {numbers}: a mark is missing.").format(
            numbers=", ".join(tabulation.without_total))
    return state


def _header(tabulation: Tabulation, date: datetime.date, division_text: str, rules: bool) -> str:
    advisory = translate("TabulationReport", "advisory face score")
    criteria = ", ".join(f"{c.name} {c.weight:g} % ({c.low:g}–{c.high:g}{', ' + advisory if c.advisory else ''})"
                         for c in tabulation.criteria)
    if tabulation.drop_extremes:
        combined = translate("TabulationReport", "The highest and lowest mark of each criterion are dropped "
                                                 "({minimum} judges or more), the others averaged").format(
            minimum=DROP_EXTREMES_MINIMUM)
    else:
        combined = translate("TabulationReport", "The judges' marks of each criterion are averaged")
    rules_text = " ".join((
        translate("TabulationReport", "Criteria: {criteria}.").format(criteria=html.escape(criteria)),
        translate("TabulationReport", "{combined}; total = the sum of weight × mark ÷ highest mark (out of "
                                      "100).").format(combined=combined),
        *(translate("TabulationReport", "{criterion} is the advisory face score: the mean of the files' face "
                                        "scores, mapped onto its range, never dropped.").format(
            criterion=html.escape(c.name)) for c in tabulation.criteria if c.advisory),
        translate("TabulationReport", "A tie in the total as printed goes to the higher mark in the first "
                                      "criterion, then the next; a tie that survives every criterion stays a tie."),
        translate("TabulationReport", "The advisory face score is shown for information; it counts only where "
                                      "it is a criterion.")))
    title = translate("TabulationReport", "{contest} — Tabulation").format(contest=tabulation.contest_name)
    judges = translate("TabulationReport", "Judges: {judges}").format(judges=", ".join(tabulation.judges))
    state = f"<p{'' if tabulation.final else ' class=draft'}>{html.escape(state_text(tabulation))}</p>"
    return (f"<h1>{html.escape(title)}</h1><p>{date.isoformat()} · {html.escape(judges)}</p>{state}"
            f"<h2>{html.escape(division_text)}</h2>" + (f"<p class='rules'>{rules_text}</p>" if rules else ""))


def _table(tabulation: Tabulation, rows) -> str:
    head = "".join(f"<th>{html.escape(c.name)}<br>{c.weight:g} %</th>" for c in tabulation.criteria)
    rank, number, name, total, advisory = (
        translate("TabulationReport", "Rank"), translate("TabulationReport", "No."),
        translate("TabulationReport", "Name"), translate("TabulationReport", "Total"),
        translate("TabulationReport", "Advisory face score"))
    lines = [f"<table class='marks' width='100%'><tr><th>{rank}</th><th>{number}</th>"
             f"<th>{name}</th>{head}<th>{total}</th><th>{advisory}</th></tr>"]
    for row in rows:
        ranked = row.ranked
        rank = "–" if ranked.rank is None else f"{ranked.rank}{' =' if ranked.tie else ''}"
        cells = "".join(
            f"<td>{_number(ranked.marks.get(c.name))}<br><span class='judges'>"
            f"{' · '.join(mark_text(c, mark) or '–' for mark in row.judge_marks[c.name])}</span></td>"
            for c in tabulation.criteria)
        rank_class = " class='tie'" if ranked.tie else ""
        contestant = ranked.contestant
        lines.append(f"<tr><td{rank_class}><span class='key'>{rank}</span></td>"
                     f"<td>{html.escape(contestant.number)}</td><td>{html.escape(contestant.name)}</td>{cells}"
                     f"<td><span class='key'>{_number(ranked.total)}</span></td><td>{_number(row.advisory)}</td></tr>")
    lines.append("</table>")
    legend = translate("TabulationReport", "Under each mark: the judges’ marks in this order: {judges}. “=” marks a "
                                           "tie.").format(judges=" · ".join(tabulation.judges))
    lines.append(f"<p class='judges'>{html.escape(legend)}</p>")
    return "".join(lines)


def _signatures(tabulation: Tabulation) -> str:
    cells = "".join(f"<td width='33%' style='padding-top: 28px'>______________________________<br>"
                    f"{html.escape(judge)}</td>" + ("</tr><tr>" if (index + 1) % 3 == 0 else "")
                    for index, judge in enumerate(tabulation.judges))
    heading = translate("TabulationReport", "Signatures")
    return f"<h2>{heading}</h2><table width='100%'><tr>{cells}</tr></table>"


def _number(value: float | None) -> str:
    return printed_text(value, "–")


def _fits(page: str, device: QPagedPaintDevice) -> bool:
    return fits_on_a_page(page, lambda html_text: paged_document(_html(html_text), device))


def export_tabulation_pdf(tabulation: Tabulation, path: str | Path, date: datetime.date | None = None) -> None:
    """Render the sheet into ``path`` atomically. Needs a QGuiApplication. Raises ExportError."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(translate("TabulationReport", "{contest} — Tabulation").format(contest=tabulation.contest_name))
    writer.setPageLayout(PAGE_LAYOUT)
    paged_document(tabulation_html(tabulation, functools.partial(_fits, device=writer), date), writer).print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    write_atomically(Path(path), bytes(buffer.data()))
