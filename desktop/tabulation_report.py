"""The combined tabulation as a PDF sheet to sign: one page (or more) per division.

Each page: contest, date, division, the rules the result follows (criteria and weights, whether
the highest and lowest marks were dropped, the tie-break), then every contestant with rank,
number, name, each criterion's combined mark with each judge's mark under it, the total and
the advisory face score, and a signature line for every judge. Rendered with Qt
(``QTextDocument`` → ``QPdfWriter``); the command line calls it with an offscreen
``QGuiApplication``.
"""

from __future__ import annotations

import datetime
import html
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from core.export import _write_atomically
from core.tabulation import DROP_EXTREMES_MINIMUM, Tabulation

RESOLUTION = 300
CSS = """
body { font-size: 9pt; }
h1 { font-size: 15pt; margin: 0; }
h2 { font-size: 12pt; margin-top: 6pt; }
table.marks { border-collapse: collapse; }
table.marks th { background: #e8e8e8; padding: 3px 6px; text-align: left; }
table.marks td { padding: 3px 6px; border-bottom: 1px solid #bbbbbb; }
.judges { color: #555555; font-size: 7pt; }
.rules { color: #333333; }
.tie { color: #b71c1c; }
"""


def _tr(text: str) -> str:
    return QCoreApplication.translate("TabulationReport", text)


def tabulation_html(tabulation: Tabulation, date: datetime.date | None = None) -> str:
    date = date or datetime.date.today()
    divisions: dict[str, list] = {}
    for row in tabulation.rows:
        divisions.setdefault(row.ranked.contestant.division, []).append(row)
    pages = []
    for index, (division, rows) in enumerate(divisions.items()):
        style = ' style="page-break-before: always"' if index else ""
        pages.append(f"<div{style}>{_header(tabulation, date, division)}{_table(tabulation, rows)}"
                     f"{_signatures(tabulation)}</div>")
    return f"<html><head><style>{CSS}</style></head><body>{''.join(pages)}</body></html>"


def _header(tabulation: Tabulation, date: datetime.date, division: str) -> str:
    criteria = ", ".join(f"{c.name} {c.weight:g} % ({c.low:g}–{c.high:g}"
                         f"{', ' + _tr('advisory face score') if c.advisory else ''})"
                         for c in tabulation.criteria)
    dropped = (_tr("the highest and lowest mark of each criterion are dropped ({minimum} judges or more), "
                   "the others averaged").format(minimum=DROP_EXTREMES_MINIMUM)
               if tabulation.drop_extremes else _tr("the judges' marks are averaged"))
    rules = " ".join((
        f"{_tr('Criteria')}: {html.escape(criteria)}.",
        f"{_tr('Per criterion')} {dropped}; {_tr('total = the sum of weight × mark ÷ highest mark (out of 100)')}.",
        _tr("A tie in the total goes to the higher mark in the first criterion, then the next; "
            "a tie that survives every criterion stays a tie."),
        _tr("The advisory face score is shown for information; it counts only where it is a criterion.")))
    return (f"<h1>{html.escape(tabulation.contest_name)} — {_tr('Tabulation')}</h1>"
            f"<p>{date.isoformat()} · {_tr('Judges')}: {html.escape(', '.join(tabulation.judges))}</p>"
            f"<h2>{html.escape(division or _tr('No division'))}</h2><p class='rules'>{rules}</p>")


def _table(tabulation: Tabulation, rows) -> str:
    head = "".join(f"<th>{html.escape(c.name)}<br>{c.weight:g} %</th>" for c in tabulation.criteria)
    lines = [f"<table class='marks' width='100%'><tr><th>{_tr('Rank')}</th><th>{_tr('No.')}</th>"
             f"<th>{_tr('Name')}</th>{head}<th>{_tr('Total')}</th><th>{_tr('Advisory face score')}</th></tr>"]
    for row in rows:
        ranked = row.ranked
        rank = "–" if ranked.rank is None else f"{ranked.rank}{' =' if ranked.tie else ''}"
        cells = "".join(
            f"<td>{_number(ranked.marks.get(c.name))}<br><span class='judges'>"
            f"{' · '.join(_number(mark, 1) for mark in row.judge_marks[c.name])}</span></td>"
            for c in tabulation.criteria)
        rank_class = " class='tie'" if ranked.tie else ""
        lines.append(f"<tr><td{rank_class}><b>{rank}</b></td><td>{html.escape(ranked.contestant.number)}</td>"
                     f"<td>{html.escape(ranked.contestant.name)}</td>{cells}"
                     f"<td><b>{_number(ranked.total)}</b></td><td>{_number(row.advisory)}</td></tr>")
    lines.append("</table>")
    lines.append(f"<p class='judges'>{_tr('Under each mark: the judges’ marks in this order')}: "
                 f"{html.escape(' · '.join(tabulation.judges))}. {_tr('“=” marks a tie.')}</p>")
    return "".join(lines)


def _signatures(tabulation: Tabulation) -> str:
    cells = "".join(f"<td width='33%' style='padding-top: 28px'>______________________________<br>"
                    f"{html.escape(judge)}</td>" + ("</tr><tr>" if (index + 1) % 3 == 0 else "")
                    for index, judge in enumerate(tabulation.judges))
    return f"<h2>{_tr('Signatures')}</h2><table width='100%'><tr>{cells}</tr></table>"


def _number(value: float | None, decimals: int = 2) -> str:
    return "–" if value is None else f"{value:.{decimals}f}"


def export_tabulation_pdf(tabulation: Tabulation, path: str | Path, date: datetime.date | None = None) -> None:
    """Render the sheet into ``path`` atomically. Needs a QGuiApplication. Raises ExportError."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(f"{tabulation.contest_name} — {_tr('Tabulation')}")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    document.setHtml(tabulation_html(tabulation, date))
    document.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    _write_atomically(Path(path), bytes(buffer.data()))
