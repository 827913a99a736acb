"""Settings → Score scale: the table, the dialogs and the export show the chosen scale; the ranking,
level and percentile stay as they are, the export keeps the native 1–5 value, and the choice is
remembered."""

from __future__ import annotations

import pandas as pd

from core.contest import Capture, Contestant
from core.errors import FaceScoreError
from core.score import Score
from desktop.history_dialog import HistoryDialog
from desktop.removed_dialog import RemovedDialog
from tests.desktop.test_desktop_workflow import table_rows


def test_the_chosen_scale_is_shown_everywhere_and_remembered(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "data", wait_for_model=False)
    store = window.store
    ann = store.add_contestant(Contestant(None, "1", "Ann", "Miss"))
    bea = store.add_contestant(Contestant(None, "2", "Bea", "Miss"))
    for contestant, value in ((ann, 3.42), (bea, 2.0)):
        store.add_capture(Capture.from_score(contestant.id, Score(value, 0.29, 4, 61.0, "test"), spread=0.1,
                                             frames_used=5, crop_png=b"", source="camera"))
    qtbot.waitUntil(lambda: table_rows(window).get("2", {}).get("Score") == "2.00 ± 0.29")
    native = table_rows(window)

    assert window.preferences.scale_actions["1-5"].isChecked()
    assert window.preferences.scale_menu.menuAction() in window.preferences.settings_menu.actions()
    window.preferences.scale_actions["0-100"].trigger()
    rows = table_rows(window)
    assert rows["1"]["Score (0–100)"] == "60.5 ± 7.3" and rows["2"]["Score (0–100)"] == "25.0 ± 7.3"
    for number in ("1", "2"):
        unchanged = {key: value for key, value in rows[number].items() if key != "Score (0–100)"}
        assert unchanged == {key: value for key, value in native[number].items() if key != "Score"}

    assert window.select_number("1")
    history = window.contestants.show_history()
    assert history.table.horizontalHeaderItem(1).text() == "Score (0–100)"
    assert [history.table.item(0, column).text() for column in (1, 2, 3, 6)] == ["60.5 ± 7.3", "4", "61", "2.5"]
    history.reject()

    path = tmp_path / "results.csv"
    assert window.admin.export_results(path)
    exported = pd.read_csv(path, encoding="utf-8-sig").set_index("number")
    assert exported.loc[1, ["score_0-100", "error_0-100", "score", "error"]].tolist() == [60.5, 7.3, 3.42, 0.29]

    store.remove_contestant(bea.id)
    removed = window.contestants.show_removed()
    assert removed.table.item(0, 3).text() == "25.0 ± 7.3"
    removed.reject()
    qtbot.waitUntil(lambda: window.findChild(RemovedDialog) is None and window.findChild(HistoryDialog) is None)
    window.close()

    reopened = open_window(tmp_path / "data", wait_for_model=False)
    assert reopened.score_scale.key == "0-100" and reopened.preferences.scale_actions["0-100"].isChecked()
    qtbot.waitUntil(lambda: table_rows(reopened).get("1", {}).get("Score (0–100)") == "60.5 ± 7.3")
    reopened.preferences.scale_actions["1-10"].trigger()
    assert table_rows(reopened)["1"]["Score (1–10)"] == "6.4 ± 0.7"

    disagreeing = FaceScoreError("core's English", code="burst_disagrees", spread=0.4, error=0.3)
    reopened.camera_panel.show_failure("not_scored", disagreeing)
    assert "spread 0.9, more than the score's error 0.7" in reopened.camera_panel.message_text()  # 0.4 x 9 / 4
