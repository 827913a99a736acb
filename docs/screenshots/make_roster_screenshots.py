"""Regenerate the screenshots of the roster import preview (run under Xvfb):

    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/make_roster_screenshots.py

A workbook from another office: an "Instructions" sheet first, then the roster (35 contestants,
long Latin and Chinese names, two divisions, a few problem rows), then a spare sheet. The
preview reads the roster sheet and offers the others.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).resolve().parent
SIZES = ((1366, 768), (1280, 720))
sys.path.insert(0, str(OUT))
from make_marks_screenshots import NAMES  # noqa: E402  (the same realistic names)


def workbook(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Instructions"
    book.active.append(["Fill in the Roster sheet: one contestant per row; numbers as printed on the bibs."])
    roster = book.create_sheet("Roster 參賽名單")
    roster.append(["Contestant No.", "參賽者姓名", "Division", "Notes"])
    names = NAMES + ["Rebecca Montgomery-Whitfield", "司馬相如", "Ana Lúcia"]
    for number, name in enumerate(names, start=1):
        roster.append([f"{number:03d}" if number == 12 else number, name,
                       "Miss 小姐組" if number <= 18 else "Teen 青少年組", "late arrival" if number == 5 else None])
    roster.append([7, "Duplicate Entry", "Miss 小姐組", None])
    roster.append([None, "No Number Given", "Teen 青少年組", None])
    book.create_sheet("Spare").append([99, "Reserve Contestant"])
    book.save(path)


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from core.roster import read_roster
    from desktop import i18n
    from desktop.roster_dialog import RosterImportDialog

    app = QApplication.instance() or QApplication(sys.argv[:1])
    i18n.set_language("en")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "Miss Taipei 2026 roster.xlsx"
        workbook(path)
        preview = read_roster(path, existing_numbers=["12"])
        for width, height in SIZES:
            dialog = RosterImportDialog(None, preview, path, read_sheet=lambda sheet: read_roster(path, (), sheet))
            dialog.resize(min(width - 80, 1100), height - 120)
            dialog.show()
            app.processEvents()
            dialog.grab().save(str(OUT / f"roster-import-sheets-{width}x{height}.png"))
            dialog.close()


if __name__ == "__main__":
    main()
