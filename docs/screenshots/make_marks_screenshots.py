"""Regenerate the screenshots of a judge's marks and of the tabulation (run under Xvfb):

    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/make_marks_screenshots.py

A realistic contest: 32 contestants in two divisions, long Latin and Chinese names, advisory
scores beside the marks (made-up captures, no photographs), three judges' files tabulated.
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).resolve().parent

from make_screenshots import save_png, wait_until  # noqa: E402 (this folder is on sys.path when run)
SIZES = ((1366, 768), (1280, 720))
CRITERIA = "Poise=40,Interview=40,Talent=20"
JUDGES = ("Judge Chen Wen-hsiung", "Judge Alexandra Fitzgerald-Okonkwo", "Judge 林美惠")
NAMES = ["Amy Alexandra Fitzgerald-Lee", "張雅婷", "Beatrice Okonkwo", "歐陽詩涵", "Maria Fernanda Guadalupe "
         "Santos", "Lin Mei-hua", "陳怡君", "Priyanka Venkataraman", "王小明", "Chloé Dubois-Lefèvre", "黃品妤",
         "Siobhan Ní Bhriain", "Nguyễn Thị Thu Hương", "李佳穎", "Anastasia Volkonskaya", "Kim Ji-woo",
         "吳欣怡", "Olivia Hernández", "蔡依林", "Yuki Takahashi", "Zanele Mthembu", "郭書瑤", "Ingrid Johansson",
         "許瑋甯", "Fatima Al-Hashimi", "Lucía Martín", "鄭爽", "Tamar Ben-David", "周子瑜", "Grace O'Malley",
         "劉亦菲", "Sofía Valentina Rodríguez"]


def contest_file(path: Path, judge: str, seed: int, marked: int):
    """A judge's contest file: the roster, criteria, made-up advisory scores, ``marked`` contestants marked."""
    from core.contest import Capture, Contestant
    from core.criteria import parse_criteria
    from core.score import level_of
    from core.store import ContestStore

    thumbnail = io.BytesIO()
    Image.new("RGB", (64, 64), (150, 130, 120)).save(thumbnail, "PNG")  # no face: a plain tile
    rng = random.Random(seed)
    faces = random.Random(7)  # every judge's laptop photographed the same faces
    store = ContestStore(path)
    store.contest_name = "Miss Taipei 2026 台北小姐選美"
    store.judge_name = judge
    store.import_contestants([Contestant(None, str(number), name, "Miss 小姐組" if number <= 18 else "Teen 青少年組")
                              for number, name in enumerate(NAMES, start=1)])
    store.set_criteria(parse_criteria(CRITERIA))
    for index, contestant in enumerate(store.contestants()):
        score = round(faces.uniform(2.3, 4.1), 2)
        if index % 9 != 8:  # a few are still to be photographed
            store.add_capture(Capture(None, contestant.id, score, 0.29, level_of(score), (score - 1) * 25, "v2",
                                      0.04, 5, thumbnail.getvalue(),
                                      "2026-11-29T10:00:00+00:00", "camera"))
        if index < marked:
            store.set_marks(contestant.id, {name: round(rng.uniform(6, 9.8), 1) for name in
                                            ("Poise", "Interview", "Talent")})
    return store


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from desktop import i18n
    from desktop.main_window import MainWindow
    from desktop.settings import AppSettings
    from desktop.tabulate_dialog import TabulateDialog

    app = QApplication([])
    work = Path(tempfile.mkdtemp())

    wait = wait_until

    def save(widget, name: str) -> None:
        save_png(widget, OUT / f"{name}.png")

    data = work / "judge"
    (data / "contests").mkdir(parents=True)
    contest_file(data / "contests" / "chen.sqlite", JUDGES[0], 1, marked=14).close()
    i18n.set_language("en")
    window = MainWindow(AppSettings(data))
    window.show()
    window.start()
    wait(lambda: window.model_ready)
    window.show_marks()
    for width, height in SIZES:
        window.resize(width, height)
        window.marks_panel.grid.start_at(14)  # the judge is typing the 15th contestant's marks
        save(window, f"judges-marks-{width}x{height}")
    window.preferences.set_language("zh_TW")
    save(window, "judges-marks-zh-TW-1280x720")
    window.preferences.set_language("en")
    window.close()

    files = []
    for index, judge in enumerate(JUDGES):
        path = work / f"judge-{index + 1}.sqlite"
        contest_file(path, judge, 10 + index, marked=len(NAMES)).close()
        files.append(path)
    dialog = TabulateDialog(work)
    dialog.add_files(files)
    wait(lambda: dialog.tabulation is not None)  # the files are read off the UI thread
    for width, height in SIZES:
        dialog.resize(width, height)
        dialog.show()
        save(dialog, f"judges-tabulation-{width}x{height}")
    late = work / "judge-late.sqlite"
    contest_file(late, JUDGES[0], 20, marked=len(NAMES) - 2).close()  # Chen again, two contestants unmarked
    dialog.add_files([late])
    wait(lambda: dialog.mismatches.count() > 0)
    save(dialog, "judges-tabulation-mismatches")
    dialog.close()
    app.processEvents()


if __name__ == "__main__":
    main()
