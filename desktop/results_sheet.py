"""The results sheet the judges sign: one page (or more) per division, as a PDF or on paper.

Rendered with Qt (QTextDocument) so the app prints it through Qt's print dialog and the
command line writes the same PDF (with an offscreen QGuiApplication), in the bundled CJK font
(desktop.paged_sheet).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QUrl
from PySide6.QtGui import (QImage, QPageLayout, QPageSize, QPagedPaintDevice, QPdfWriter,
                           QTextDocument)

from core.errors import ExportError
from core.export import export_rows
from core.ranking import RankedRow, division_key, rank_text
from core.score import NATIVE_SCALE, ScoreScale, percentile_text
from desktop.about_dialog import advisory_text
from desktop.paged_sheet import PAGE_BREAK, PLAIN_WEIGHT, fits_on_a_page, page_rows, paged_document
from desktop.results_model import Column, header_label, not_captured, rank_rule_text

THUMBNAIL_PX = 40
SIGNATURE_LINES = 5  # judges' signatures; the head judge signs below them
MARGINS_MM = QMarginsF(14, 14, 14, 14)
PDF_DPI = 300
LINE = "_" * 22  # a line to write a name or signature on
STYLE = PLAIN_WEIGHT + " h2 { font-size: 16pt; } h3 { font-size: 12pt; }"

SHEET_COLUMNS = (Column.RANK, Column.NUMBER, Column.NAME, Column.PHOTO, Column.SCORE, Column.LEVEL,
                 Column.PERCENTILE)

@dataclass(frozen=True)
class SheetModel:
    """What the sheet names beside the results: the model's version and checksum."""

    version: str
    sha256: str

    @classmethod
    def of(cls, card) -> SheetModel | None:
        return None if card is None else cls(card.version, card.data["sha256"])


def sheet_writer(target) -> QPdfWriter:
    """A writer of the sheet's A4 pages into ``target`` (a file name or a QIODevice)."""
    writer = QPdfWriter(target)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     MARGINS_MM, QPageLayout.Unit.Millimeter))
    return writer


def results_document(contest_name: str, rows: list[RankedRow], model: SheetModel | None,
                     scale: ScoreScale = NATIVE_SCALE, printed_at: datetime | None = None,
                     final: bool = False, device: QPagedPaintDevice | None = None) -> QTextDocument:
    """The sheet for ``rows`` (from core.ranking.rank: grouped by division) as a QTextDocument laid
    out in the pages of ``device`` (the printer; default: an A4 PDF as :func:`write_results_pdf`
    writes it); ``final``: the contest is finalized (else the sheet says it is a draft)."""
    sheet = QTextDocument()
    if device is None:  # measures only, nothing is written; the sheet keeps it, as its layout refers to it
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        device = sheet_writer(buffer)
        buffer.setParent(device)
        device.setParent(sheet)

    def laid_out(html_text: str, document: QTextDocument | None = None) -> QTextDocument:
        document = document or QTextDocument()
        document.setDefaultStyleSheet(STYLE)
        return paged_document(html_text, device, document)

    divisions: dict[str, list[RankedRow]] = {}
    for row in rows:
        divisions.setdefault(row.division, []).append(row)
    when = (printed_at or datetime.now()).strftime("%Y-%m-%d %H:%M")
    pages = []
    for division in sorted(divisions, key=division_key) or [""]:
        division_rows = divisions.get(division, [])
        for row in division_rows:
            if row.capture is not None and row.capture.crop_png:
                sheet.addResource(QTextDocument.ResourceType.ImageResource, _image_url(row),
                                  QImage.fromData(row.capture.crop_png, "PNG"))
        page_html = _DivisionPage(contest_name, division, division_rows, model, scale, when, final)
        groups = page_rows(division_rows, page_html, lambda html_text: fits_on_a_page(html_text, laid_out))
        pages += [page_html(group, number, len(groups)) for number, group in enumerate(groups)]
    laid_out(PAGE_BREAK.join(pages), sheet)
    sheet.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, contest_name)
    return sheet


def export_results(path: str | Path, contest_name: str, rows: list[RankedRow], card,
                   scale: ScoreScale = NATIVE_SCALE, final: bool = False) -> None:
    """Write the results as the app and ``facescore contest results`` export them: .csv and
    .xlsx through core.export, .pdf as the sheet to sign. Raises ExportError."""
    path = Path(path)
    if path.suffix.lower() not in (".csv", ".xlsx", ".pdf"):
        raise ExportError(f"Cannot export to {path}: use a .csv, .xlsx or .pdf file name.",
                          code="results_bad_suffix", path=str(path))
    if path.suffix.lower() == ".pdf":
        write_results_pdf(path, results_document(contest_name, rows, SheetModel.of(card), scale, final=final))
    else:
        export_rows(rows, path, scale, final=final, contest_name=contest_name,
                    model_version=card.version if card else None)


def write_results_pdf(path: str | Path, document: QTextDocument) -> None:
    """Write ``document`` (laid out as :func:`results_document` does by default) to ``path`` as an A4
    PDF, atomically. Raises ExportError."""
    path = Path(path)
    if not path.parent.is_dir():
        raise ExportError(f"Could not export to {path}: the folder does not exist.", code="export_failed",
                          path=str(path), reason="the folder does not exist")
    temporary = path.with_name(f".{path.name}.tmp")
    writer = sheet_writer(str(temporary))
    writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    document.print_(writer)
    del writer  # closes the file
    try:
        if not temporary.is_file() or temporary.stat().st_size == 0:
            raise OSError("nothing was written (disk full or not writable?)")
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ExportError(f"Could not export to {path}: {error}.", code="export_failed", path=str(path),
                          reason=str(error)) from error


def _image_url(row: RankedRow) -> QUrl:
    return QUrl(f"thumbnail://{row.capture.id}")


@dataclass(frozen=True)
class _DivisionPage:
    """The html of one page of a division's sheet, called as :func:`desktop.paged_sheet.page_rows`
    calls its ``page``: the heading on every page, the rows, and on the last the notes and the
    signature lines."""

    contest_name: str
    division: str
    rows: list[RankedRow]  # all the division's rows: the notes name the models that scored them
    model: SheetModel | None
    scale: ScoreScale
    when: str
    final: bool

    def __call__(self, rows: list[RankedRow], number: int, count: int | None) -> str:
        e = escape
        translate = QCoreApplication.translate
        header = "<tr>" + "".join(f"<th>{e(header_label(column, self.scale))}</th>"
                                  for column in SHEET_COLUMNS) + "</tr>"
        title = self.contest_name or translate("ResultsSheet", "Contest results")
        printed = translate("ResultsSheet", "Printed {when}").format(when=self.when)
        state = (translate("ResultsSheet", "Final: the contest is finalized.") if self.final else
                 translate("ResultsSheet", "Draft: the contest is not finalized, and these results may still "
                                           "change."))
        what = translate("ResultsSheet", "Advisory face scores, ranked within the division: one input for the "
                                         "judges, not their ranking.")
        division_text = translate("ResultsSheet", "Division: {division}").format(
            division=self.division or translate("ResultsSheet", "no division"))
        if count is None or count > 1:  # while measured, as long as the longest "page x of y"
            numbers = {"page": 99, "pages": 99} if count is None else {"page": number + 1, "pages": count}
            division_text += " · " + translate("ResultsSheet", "page {page} of {pages}").format(**numbers)
        html = (f"<h2>{e(title)}</h2><p>{e(printed)} · {e(state)}<br>{e(what)}</p><h3>{e(division_text)}</h3>"
                '<table border="1" cellspacing="0" cellpadding="3" width="100%">' + header
                + "".join(_row_html(row, self.scale) for row in rows) + "</table>")
        last = number == -1 or (count is not None and number == count - 1)
        return html + (self._notes_and_signatures() if last else "")

    def _notes_and_signatures(self) -> str:
        e = escape
        translate = QCoreApplication.translate
        model_text = _model_text(sorted({row.capture.model_version for row in self.rows if row.capture is not None}),
                                 self.model)
        signers = [translate("ResultsSheet", "Judge {index}").format(index=index)
                   for index in range(1, SIGNATURE_LINES + 1)]
        signers.append(translate("ResultsSheet", "Head judge"))
        signature = translate("ResultsSheet", "Signature")
        signatures = "".join(f"<tr><td>{e(signer)}</td><td>{LINE}</td><td>{e(signature)}</td><td>{LINE}</td></tr>"
                             for signer in signers)
        return (f"<p><small>{e(rank_rule_text())}</small></p>"
                f"<p><small>{e(advisory_text())}</small></p>"
                f"<p><small>{e(model_text)}</small></p>"
                f'<table cellspacing="0" cellpadding="6">{signatures}</table>')


def _model_text(used: list[str], model: SheetModel | None) -> str:
    """Which model scored the division's rows (``used``: their versions); ``model``, the one loaded
    now, is named with its checksum when it is the one."""
    translate = QCoreApplication.translate
    if len(used) > 1:
        return translate("ResultsSheet", "These scores come from {count} different models ({versions}): score "
                         "every contestant of this division again with one model before signing.").format(
            count=len(used), versions=", ".join(used))
    if not used:
        return translate("ResultsSheet", "No face scores in this division yet.")
    if model is None or model.version != used[0]:
        return translate("ResultsSheet", "Face score by model {version}.").format(version=used[0])
    return translate("ResultsSheet", "Face score by model {version}, checksum (SHA-256) {sha256}.").format(
        version=model.version, sha256=model.sha256)


def _row_html(row: RankedRow, scale: ScoreScale) -> str:
    capture = row.capture
    photo = (f'<img src="{_image_url(row).toString()}" width="{THUMBNAIL_PX}" height="{THUMBNAIL_PX}">'
             if capture is not None and capture.crop_png else "")
    values = (rank_text(row), row.contestant.number, row.contestant.name, None,
              capture.to_score().formatted(scale) if capture else not_captured(),
              str(capture.level) if capture else "", percentile_text(capture.percentile) if capture else "")
    return "<tr>" + "".join(f"<td>{photo}</td>" if value is None else f"<td>{escape(value)}</td>"
                            for value in values) + "</tr>"
