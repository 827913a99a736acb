"""Regenerate the screenshots of divisions, rank ranges, the audit log and the PDF results sheet
(run under Xvfb; pdftoppm renders the PDF's first page):

    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/make_pageant_screenshots.py

A realistic contest: 32 contestants in two divisions, long Latin and Chinese names (30 Latin and
8 CJK characters among them), made-up advisory scores (no photographs: plain tiles).
"""

from __future__ import annotations

import io
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).resolve().parent

from make_screenshots import save_png, wait_until  # noqa: E402 (this folder is on sys.path when run)
SIZES = ((1280, 720), (1366, 768))
NAMES = ["Alexandra Konstantinopoulou-Sm", "歐陽娜娜林佳穎陳美", "張雅婷", "Beatrice Okonkwo", "歐陽詩涵",
         "Maria Fernanda Guadalupe Santos", "Lin Mei-hua", "陳怡君", "Priyanka Venkataraman", "王小明",
         "Chloé Dubois-Lefèvre", "黃品妤", "Siobhan Ní Bhriain", "Nguyễn Thị Thu Hương", "李佳穎",
         "Anastasia Volkonskaya", "Kim Ji-woo", "吳欣怡", "Olivia Hernández", "蔡依林", "Yuki Takahashi",
         "Zanele Mthembu", "郭書瑤", "Ingrid Johansson", "許瑋甯", "Fatima Al-Hashimi", "Lucía Martín", "鄭爽",
         "Tamar Ben-David", "周子瑜", "Grace O'Malley", "Sofía Valentina Rodríguez"]


def fill(store) -> None:
    """The roster in two divisions and made-up captures, some close enough to share a range."""
    from core.contest import Capture, Contestant
    from core.score import level_of

    rng = random.Random(11)
    store.contest_name = "Miss Taipei 2026 台北小姐選美"
    store.import_contestants([Contestant(None, str(number), name, "小姐組" if number <= 18 else "青少年組")
                              for number, name in enumerate(NAMES, start=1)])
    for index, contestant in enumerate(store.contestants()):
        if index % 11 == 10:
            continue  # still to be photographed
        thumbnail = io.BytesIO()
        Image.new("RGB", (64, 64), tuple(rng.randint(110, 190) for _ in range(3))).save(thumbnail, "PNG")
        score = round(rng.uniform(2.4, 4.2), 2)
        store.add_capture(Capture(None, contestant.id, score, 0.29, level_of(score), min(99.8, (score - 1) * 25),
                                  "2026.11.28-efficientnet_lite0", 0.04, 5, thumbnail.getvalue(),
                                  "2026-11-29T10:00:00+00:00", "camera"))


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from desktop import i18n
    from desktop.main_window import MainWindow
    from desktop.settings import AppSettings

    app = QApplication([])
    work = Path(tempfile.mkdtemp())

    wait = wait_until

    def save(widget, name: str) -> None:
        save_png(widget, OUT / f"{name}.png")

    i18n.set_language("en")
    window = MainWindow(AppSettings(work / "data"))
    window.show()
    window.start()
    wait(lambda: window.model_ready)
    fill(window.store)
    wait(lambda: window.table.model().rowCount() == len(NAMES))
    for width, height in SIZES:
        window.resize(width, height)
        window.table.division_filter.setCurrentIndex(0)
        window.table.scrollToTop()
        save(window, f"divisions-all-{width}x{height}")
        window.table.division_filter.setCurrentIndex(1)
        save(window, f"rank-ranges-{width}x{height}")
    window.table.division_filter.setCurrentIndex(0)

    for suffix in ("csv", "pdf"):
        window.admin.export_results(work / f"results.{suffix}")
    window.admin.finalize(judge="Judge 林美惠", confirmed=True)
    window.admin.reopen(head_judge="陳志明 (head judge)", reason="a mistyped mark for No. 7")
    dialog = window.admin.show_audit_log()
    dialog.resize(1100, 560)
    save(dialog, "audit-log")
    dialog.close()
    window.close()
    app.processEvents()

    page = OUT / "results-sheet-page-1"
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(work / "results.pdf"),
                    str(page)], check=True)
    print("saved", page.with_suffix(".png"))


if __name__ == "__main__":
    main()
