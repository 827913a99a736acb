"""The signed results sheet: one page per division, every name readable in the PDF's text."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import cv2
import numpy as np
import pytest
from pypdf import PdfReader

from core.contest import Capture, Contestant
from core.errors import ExportError
from core.ranking import rank
from core.score import SCALES
from desktop.paged_sheet import ROWS_ABOVE_SIGNATURES
from desktop.results_sheet import SheetModel, export_results, results_document, write_results_pdf

NAMES = {"小姐組": ["陳美麗", "林佳穎", "Alexandra Konstantinopoulou-Smith"],
         "青少年組": ["王小明", "歐陽娜娜", "Eva Kowalski"]}
MODEL = SheetModel("scut-v3", "ab" * 32)
WHEN_ISO = "2026-11-29T10:00:00+00:00"


def results():
    pairs, number = [], 0
    for division, names in NAMES.items():
        for index, name in enumerate(names):
            number += 1
            png = cv2.imencode(".png", np.full((64, 64, 3), 40 * index, np.uint8))[1].tobytes()
            capture = Capture(number, number, 3.0 + index / 5, 0.29, 4, 60.0, "scut-v3", 0.02, 5, png,
                              "2026-11-29T10:00:00+00:00", "camera")
            pairs.append((Contestant(number, str(number), name, division), capture))
    pairs.append((Contestant(99, "99", "Zoë Unscored"), None))
    return pairs


def test_pdf_has_a_page_per_division_with_every_name(qapp, tmp_path):
    path = tmp_path / "results.pdf"
    document = results_document("2026 台北小姐選拔", rank(results()), MODEL, printed_at=datetime(2026, 11, 29, 20, 0))
    write_results_pdf(path, document)
    reader = PdfReader(path)
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert len(pages) == 3  # 小姐組, 青少年組 (in division order) and the contestants without a division
    text = "\n".join(pages)
    for name in [n for names in NAMES.values() for n in names] + ["Zoë Unscored"]:
        assert name in text, name
    miss, teen = (next(i for i, page in enumerate(pages) if division in page) for division in NAMES)
    assert all(name in pages[miss] for name in NAMES["小姐組"])
    assert all(name in pages[teen] for name in NAMES["青少年組"])
    assert "2026 台北小姐選拔" in pages[0] and "2026-11-29 20:00" in pages[0]
    assert "scut-v3" in text and "ab" * 32 in text and "advisory" in text
    assert "3.40 ± 0.29" in text and "3 (2–3)" in text  # 3.40 / 3.20 / 3.00 ± 0.29: ranges
    assert text.count("Signature") == 3 * 6  # five judges and the head judge on every page
    assert sum(len(page.images) for page in reader.pages) == 6  # the thumbnails


def test_sixteen_rows_share_two_pages_and_the_sheet_says_draft_or_final(qapp, tmp_path):
    png = cv2.imencode(".png", np.full((64, 64, 3), 90, np.uint8))[1].tobytes()
    pairs = [(Contestant(n, str(n), f"Contestant Number {n:02d}", "小姐組"),
              Capture(n, n, 2.0 + n / 10, 0.29, 3, 50.0, "scut-v3", 0.02, 5, png, WHEN_ISO, "camera"))
             for n in range(1, 17)]
    for final, state in ((False, "Draft: the contest is not finalized"), (True, "Final: the contest is finalized.")):
        path = tmp_path / f"final-{final}.pdf"
        write_results_pdf(path, results_document("x", rank(pairs), MODEL, final=final))
        pages = [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]
        assert len(pages) == 2 and all(state in page and "Advisory face scores" in page for page in pages)
        # 16 rows fill more than a page with the signatures under them: 3 go over to the signatures' page
        assert [page.count("Contestant Number") for page in pages] == [13, 3]
        assert "page 2 of 2" in pages[1] and "Signature" in pages[1] and "Signature" not in pages[0]


def pdf_pages(path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def pairs_named(names: list[str]) -> list[tuple[Contestant, Capture]]:
    png = cv2.imencode(".png", np.full((64, 64, 3), 90, np.uint8))[1].tobytes()
    return [(Contestant(n, str(n), name, "小姐組"),
             Capture(n, n, 2.0 + n / 50, 0.29, 3, 50.0, "scut-v3", 0.02, 5, png, WHEN_ISO, "camera"))
            for n, name in enumerate(names, start=1)]


@pytest.mark.parametrize("count", [1, 14, 38])
@pytest.mark.parametrize("name", ["Contestant Number {n:02d}",
                                  "Maria Fernanda Guadalupe de los Santos Rodríguez-Villanueva y Castillo {n:02d}"])
def test_every_row_and_the_signatures_are_on_a_headed_page_of_the_division(qapp, tmp_path, count, name):
    """Rows that wrap a long name over three lines are taller than a short name's: a page holds fewer of
    them, and the signatures still come under the last rows, never alone on an unheaded page."""
    names = [name.format(n=n) for n in range(1, count + 1)]
    path = tmp_path / "sheet.pdf"
    write_results_pdf(path, results_document("x", rank(pairs_named(names)), MODEL))
    pages = pdf_pages(path)
    for number, text in enumerate(pages, start=1):
        assert "Division: 小姐組" in text and "Rank" in text  # the heading on every page
        assert (f"page {number} of {len(pages)}" in text) == (len(pages) > 1)
        assert ("Head judge" in text and "Judge 1" in text) == (number == len(pages))
    scores = [f"{capture.score:.2f} ± 0.29" for _, capture in pairs_named(names)]  # one a row, none alike
    rows_on = [sum(score in text for score in scores) for text in pages]
    assert sum(rows_on) == count and len(set(scores)) == count  # each row on one page
    assert rows_on[-1] >= min(count, ROWS_ABOVE_SIGNATURES)  # no one signs under a bare page


def test_a_printer_with_smaller_pages_gets_a_sheet_laid_out_on_them(qapp, tmp_path):
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter

    names = [f"Contestant Number {n:02d}" for n in range(1, 39)]
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    results_document("x", rank(pairs_named(names)), MODEL, device=printer).print_(printer)
    del printer  # finishes the file
    pages = pdf_pages(tmp_path / "printed.pdf")
    assert len(pages) > 3  # an A4 sheet holds them on 3
    for number, text in enumerate(pages, start=1):
        assert f"Division: 小姐組 · page {number} of {len(pages)}" in text
        assert ("Head judge" in text) == (number == len(pages))


def test_a_contest_without_contestants_still_has_a_sheet_to_sign(qapp):
    text = " ".join(results_document("x", [], MODEL).toPlainText().split())
    assert "Division: no division" in text and "No face scores in this division yet." in text
    assert "Head judge" in text


def test_a_display_scale_shows_its_scores(qapp):
    document = results_document("x", rank(results()[:1]), MODEL, SCALES["0-100"])
    assert "50.0 ± 7.3" in document.toPlainText()


def test_the_sheet_names_the_models_that_scored_each_division(qapp):
    pairs = results()
    pairs[2] = (pairs[2][0], replace(pairs[2][1], model_version="other-model"))  # one of 小姐組's rows
    text = " ".join(results_document("x", rank(pairs), MODEL).toPlainText().split())
    assert text.count("These scores come from 2 different models (other-model, scut-v3)") == 1  # 小姐組 only
    assert text.count("Face score by model scut-v3, checksum (SHA-256) " + "ab" * 32) == 1  # 青少年組
    assert text.count("No face scores in this division yet.") == 1  # the contestants without a division
    loaded_later = SheetModel("another-model", "cd" * 32)  # the rows' model is no longer loaded
    assert "Face score by model scut-v3." in results_document("x", rank(results()[3:6]), loaded_later).toPlainText()


def test_bad_destination_is_an_export_error(qapp, tmp_path):
    document = results_document("x", rank(results()), None)
    with pytest.raises(ExportError) as refused:
        export_results(tmp_path / "results.txt", "x", rank(results()), None)
    assert refused.value.code == "results_bad_suffix"
    with pytest.raises(ExportError, match="folder does not exist"):
        write_results_pdf(tmp_path / "nowhere" / "results.pdf", document)


def test_a_csv_export_says_draft_or_final_as_the_sheet_does(qapp, tmp_path):
    import pandas as pd

    for final, status in ((True, "final"), (False, "draft")):
        export_results(tmp_path / "r.csv", "x", rank(results()), None, final=final)
        assert set(pd.read_csv(tmp_path / "r.csv", encoding="utf-8-sig")["status"]) == {status}


def test_curly_quotes_in_names_are_set_narrow_as_in_latin_text(qapp):
    """The bundled CJK font's own quotes are full-width: "O’Brien" printed with a gap after the ’."""
    from PySide6.QtGui import QFontMetricsF

    from desktop.paged_sheet import sheet_font

    assert sheet_font().family() == "Noto Sans CJK TC Sheet"  # the bundled font, not a fallback
    metrics = QFontMetricsF(sheet_font())
    for quote in "‘’“”":
        assert metrics.horizontalAdvance(quote) < 0.5 * metrics.horizontalAdvance("中"), quote
