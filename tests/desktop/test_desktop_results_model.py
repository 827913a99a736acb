"""The results model follows the store: rows added, removed and rescored in place."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.contest import Capture, Contestant
from core.score import Score
from core.store import ContestStore
from desktop.results_model import CONTESTANT_ID_ROLE, Column, ResultsModel, ResultsProxy


def capture_for(contestant_id: int, value: float) -> Capture:
    return Capture.from_score(contestant_id, Score(value, 0.3, 4, 60.0, "test"), spread=0.05,
                              frames_used=5, crop_png=b"", source="camera")


def test_rows_follow_the_store_and_ties_come_from_the_stored_errors(qtbot, tmp_path):
    store = ContestStore(tmp_path / "contest.sqlite")
    model = ResultsModel()
    model.set_store(store)
    proxy = ResultsProxy()
    proxy.setSourceModel(model)
    proxy.sort(Column.RANK, Qt.SortOrder.AscendingOrder)

    ids = [store.add_contestant(Contestant(None, number, name)).id
           for number, name in [("10", "Ada"), ("2", "Bo"), ("3", "Cy")]]
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    removals = []
    model.rowsRemoved.connect(lambda *_: removals.append(True))
    store.add_capture(capture_for(ids[0], 3.50))
    store.add_capture(capture_for(ids[1], 3.40))
    qtbot.waitUntil(lambda: model.index(0, Column.SCORE).data() == "3.50 ± 0.30")
    assert removals == []  # a new score updates rows in place

    displayed = [[proxy.index(row, column).data() for column in (Column.NUMBER, Column.RANK, Column.TIE)]
                 for row in range(proxy.rowCount())]
    # 3.50 and 3.40 differ by less than their errors (0.30): a tie from the stored errors alone,
    # with no model card loaded.
    assert displayed == [["10", "1 (1–2)", "tie"], ["2", "2 (1–2)", "tie"], ["3", None, None]]

    class Card:
        percentile_population = "the 5500 faces of SCUT-FBP5500"

    model.set_model_card(Card())
    assert [proxy.index(row, Column.RANK).data() for row in range(2)] == ["1 (1–2)", "2 (1–2)"]
    assert "5500 faces of SCUT-FBP5500" in model.headerData(Column.PERCENTILE, Qt.Orientation.Horizontal,
                                                            Qt.ItemDataRole.ToolTipRole)

    store.remove_contestant(ids[1])
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert [model.index(row, 0).data(CONTESTANT_ID_ROLE) for row in range(2)] == [ids[0], ids[2]]
    proxy.sort(Column.NUMBER, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(row, Column.NUMBER).data() for row in range(2)] == ["3", "10"]
    model.set_store(None)
    store.close()
