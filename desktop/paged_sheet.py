"""Sheets to sign (the results sheet, the tabulation) laid out in pages as they print: how many rows a
page holds is measured by laying the page out on the device that prints it, so that a long name
wrapped over three lines never pushes a row, or the signatures, onto a page of their own.

Names in Chinese need a font with CJK glyphs, which a judge's laptop may lack: every sheet is set in
the bundled Noto Sans CJK TC (a subset, SIL Open Font License, resources/fonts/)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QFont, QFontDatabase, QPagedPaintDevice, QTextDocument

from core.resources import resource_path

FONT_FILE = ("fonts", "NotoSansCJKtc-Regular-subset.otf")
FONT_POINTS = 9
# Bold would be drawn twice over (the bundled font has no bold face), and its text then reads
# twice when copied from the PDF: headings and totals stand out by size instead.
PLAIN_WEIGHT = "h1, h2, h3, th { font-weight: normal; }"
PAGE_BREAK = '<div style="page-break-before: always"></div>'
ROWS_ABOVE_SIGNATURES = 3  # at least, where a division takes more than one page: no one signs under a bare page


_font_family: str | None = None


def sheet_font() -> QFont:
    """The bundled CJK font, registered with Qt on first use."""
    global _font_family
    if _font_family is None:
        font_id = QFontDatabase.addApplicationFont(str(resource_path(*FONT_FILE)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _font_family = families[0] if families else QFont().family()
    return QFont(_font_family, FONT_POINTS)


def paged_document(html_text: str, device: QPagedPaintDevice, document: QTextDocument | None = None) -> QTextDocument:
    """``html_text`` laid out in pages as ``device`` prints them (its fonts and page size), so that
    what is measured is what prints, in the bundled font; in ``document`` (its style sheet and
    images) if given."""
    document = document or QTextDocument()
    document.setDefaultFont(sheet_font())
    document.documentLayout().setPaintDevice(device)
    document.setPageSize(QSizeF(device.pageLayout().paintRectPixels(device.resolution()).size()))
    document.setHtml(html_text)
    return document


def fits_on_a_page(page: str, document: Callable[[str], QTextDocument]) -> bool:
    """Whether the html ``page`` fits on one page of the document that ``document(html)`` lays out,
    measured after a page break as it prints (Qt starts a page after a break lower than the
    document's first)."""
    return document("<p>-</p>" + PAGE_BREAK + page).pageCount() == 2


def page_rows(rows: list, page: Callable, fits: Callable[[str], bool]) -> list[list]:
    """``rows`` in groups, one a page: each as many as its page holds whole (one at least), the last
    also holding the signatures and, where they leave room, ROWS_ABOVE_SIGNATURES rows or more (none
    if they fill a page). ``page(rows, number, count)`` is the page's html; ``count`` None while it is
    measured (the last page, the one with the signatures, then has number -1)."""
    groups: list[list] = []
    rest = rows
    while rest:
        number = len(groups)
        held = _most(len(rest), lambda count: fits(page(rest[:count], number, None)))
        if held == len(rest) and fits(page(rest, -1, None) if groups else page(rest, 0, 1)):
            return groups + [rest]
        fair = len(rest) - min(ROWS_ABOVE_SIGNATURES, len(rest) - 1)
        if held > fair and fits(page(rest[fair:], -1, None)):
            held = fair  # a few rows go over to the signatures' page
        groups.append(rest[:held])
        rest = rest[held:]
    return groups + [[]]  # the signatures fill a page of their own


def _most(limit: int, holds: Callable[[int], bool]) -> int:
    """The largest count from 1 to ``limit`` that ``holds`` (1 if none does), where ``holds`` is true up to
    some count and false beyond it; counts are tried doubling from 1, so that no try is much larger than
    the answer."""
    low, high = 1, 2
    while high <= limit and holds(high):
        low, high = high, high * 2
    high = min(high - 1, limit)
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if holds(middle) else (low, middle - 1)
    return low
