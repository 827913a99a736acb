"""The results table on the 0–100 display scale, at 1366x768 and 1280x720 (run under Xvfb):

    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/score_scale.py

34 contestants in two divisions, long Latin and Chinese names. Only the public-domain sample
face appears (the SCUT-FBP5500 licence forbids copying its images). No. 1 is
captured live from a camera folder of the sample face, so the result line is a real score;
the others' scores are drawn at random around the raters' mean and turned into a level and
percentile by the bundled model card, to fill the table as a real contest would.
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(OUT.parents[1]))
sys.path.insert(0, str(OUT))
FIRST = ["Lin", "Alexandra", "陳", "Bea", "Maximiliana", "黃", "Dana", "Evangelina", "林", "Fiona", "Guadalupe",
         "張", "Hana", "Isabella", "王", "Jia"]
LAST = ["Mei-hua", "Wolfeschlegelsteinhausen", "怡君", "Santos-Villanueva", "de la Cruz Montenegro", "雅婷",
        "Kovacs", "Papadopoulou", "淑芬", "Ng", "Fernández", "佳穎", "Oyelaran-Adeyemi", "Rossi", "美玲", "Tan"]


def main() -> None:
    import numpy as np
    from make_screenshots import sample_variations, save_png, wait_until, write_folder
    from PySide6.QtWidgets import QApplication

    from core.contest import Capture, Contestant
    from core.detection import FaceDetector
    from core.faces import prepare_face
    from core.scorer import Scorer
    from core.score import SCALES
    from desktop import i18n
    from desktop.main_window import MainWindow
    from desktop.settings import AppSettings
    from core.capture import encode_png

    app = QApplication([])
    work = Path(tempfile.mkdtemp())
    scenes = sample_variations()
    scorer, detector = Scorer(), FaceDetector()
    crops = [encode_png(prepare_face(scene, detector).crop) for scene in scenes]
    rng = random.Random(2026)
    contestants = [(str(i + 1), f"{FIRST[i % 16]} {LAST[(i * 7) % 16]}", "Miss" if i < 18 else "Teen")
                   for i in range(34)]

    i18n.set_language("en")
    window = MainWindow(AppSettings(work / "data"), camera_spec=str(write_folder(work / "camera", scenes[0])))
    window.show()
    window.start()
    wait_until(lambda: window.model_ready)
    window.store.contest_name = "Spring Pageant 2026"
    for index, (number, name, division) in enumerate(contestants):
        contestant = window.store.add_contestant(Contestant(None, number, name, division))
        if 0 < index < len(contestants) - 1:  # the first is captured live below, the last not yet
            score = scorer.to_score(float(np.clip(rng.gauss(3.0, 0.55), 1.3, 4.7)))
            window.store.add_capture(Capture.from_score(contestant.id, score, spread=rng.uniform(0.02, 0.12),
                                                        frames_used=5, crop_png=rng.choice(crops),
                                                        source="camera"))
    window.preferences.set_score_scale(SCALES["0-100"])
    wait_until(lambda: window.camera_live)
    window.select_number("1")
    window.capture()
    wait_until(lambda: not window.busy)
    window.select_number("1")  # scrolls to the captured contestant
    for size in ((1366, 768), (1280, 720)):
        window.resize(*size)
        save_png(window, OUT / f"8-table-0-100-{size[0]}x{size[1]}.png")
    window.close()
    app.processEvents()


if __name__ == "__main__":
    main()
