"""The results table per division, readable names, the command line's changes shown, and the last
contest remembered relative to the data folder."""

from __future__ import annotations

import shutil
from dataclasses import replace

from PySide6.QtCore import Qt

from core.contest import Capture, Contestant
from core.criteria import parse_criteria
from core.score import Score
from core.store import ContestStore
from desktop.results_model import Column
from desktop.results_table import NAME_WIDTH_MAX, NAME_WIDTH_MIN
from desktop.settings import AppSettings

LONG_NAME = "Alexandra Konstantinopoulou-Smith"  # 33 characters


def capture_for(contestant_id: int, value: float) -> Capture:
    return Capture.from_score(contestant_id, Score(value, 0.05, 4, 60.0, "test"), spread=0.01, frames_used=5,
                              crop_png=b"", source="camera")


def shown(window) -> list[tuple[str, str, str]]:
    proxy = window.table.model()
    return [tuple(proxy.index(row, column).data() or "" for column in (Column.DIVISION, Column.NUMBER, Column.RANK))
            for row in range(proxy.rowCount())]


def test_divisions_filter_group_and_rank_on_their_own(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "data", wait_for_model=False)
    store = window.store
    people = [("1", "陳美麗", "小姐組", 4.0), ("2", "Ann", "青少年組", 4.5), ("3", LONG_NAME, "小姐組", 3.0),
              ("4", "歐陽娜娜", "青少年組", 3.5), ("5", "Zoë", "", None)]
    for number, name, division, score in people:
        contestant = store.add_contestant(Contestant(None, number, name, division))
        if score is not None:
            store.add_capture(capture_for(contestant.id, score))
    qtbot.waitUntil(lambda: len(shown(window)) == 5)
    # All: grouped by division (ranking order, no division last), ranks restarting in each.
    assert shown(window) == [("小姐組", "1", "1"), ("小姐組", "3", "2"), ("青少年組", "2", "1"),
                             ("青少年組", "4", "2"), ("", "5", "")]
    choices = window.table.division_filter
    assert choices.isVisible()
    assert [choices.itemText(i) for i in range(choices.count())] == ["All divisions", "小姐組", "青少年組",
                                                                     "No division"]
    assert not window.table.isColumnHidden(Column.DIVISION)
    choices.setCurrentIndex(2)
    assert shown(window) == [("青少年組", "2", "1"), ("青少年組", "4", "2")]
    assert window.table.isColumnHidden(Column.DIVISION)  # one division: its column would only repeat it
    store.add_contestant(Contestant(None, "6", "Bea", "青少年組"))  # the choice stays while the roster changes
    qtbot.waitUntil(lambda: len(shown(window)) == 3)
    assert choices.currentText() == "青少年組"
    choices.setCurrentIndex(0)
    assert len(shown(window)) == 6
    assert not window.table.isColumnHidden(Column.DIVISION)

    # The name column fits the longest name where the window has room; in a narrow one it is elided so
    # that every column stays in view (the division's too), and an elided name has its full text as tooltip.
    table = window.table
    for width, fits in ((1280, False), (1900, True)):
        window.resize(width, 720)
        qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)
        name_width = table.columnWidth(Column.NAME)
        assert NAME_WIDTH_MIN <= name_width <= NAME_WIDTH_MAX
        assert (name_width >= table.fontMetrics().horizontalAdvance(LONG_NAME)) == fits
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle
    model = window.results_model
    row = next(r for r in range(model.rowCount()) if model.row_of(r).contestant.name == LONG_NAME)
    assert model.index(row, Column.NAME).data(Qt.ItemDataRole.ToolTipRole) == LONG_NAME


def test_the_contestant_in_hand_stays_in_sight_when_every_division_is_shown_again(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "data", wait_for_model=False)
    window.resize(1280, 720)
    window.store.import_contestants([Contestant(None, str(number), f"Contestant {number}",
                                                "Miss" if number <= 20 else "Teen") for number in range(1, 33)])
    qtbot.waitUntil(lambda: len(shown(window)) == 32)
    last = next(c for c in window.store.contestants() if c.number == "32")
    choices, grid = window.table.division_filter, window.marks_panel.grid
    window.store.set_criteria(parse_criteria("Poise=50,Talent=50"))
    for tab, view in ((window.table, window.table), (window.marks_panel, grid)):
        choices.setCurrentIndex(choices.findText("Teen"))
        assert window.select_contestant(last.id)
        window.tabs.setCurrentWidget(tab)  # the marks tab opens on the contestant in hand
        assert view.currentIndex().isValid()
        choices.setCurrentIndex(0)  # No. 32 is the last of 32 rows: out of sight unless scrolled to
        assert window.selected_contestant().id == last.id
        assert view.verticalScrollBar().value() > 0
        assert view.viewport().rect().contains(view.visualRect(view.currentIndex()).center())


def test_choosing_a_division_never_puts_another_contestant_in_hand(qtbot, tmp_path, open_window):
    """Qt moved the selection to a row of the division chosen, and Space captured that contestant."""
    window = open_window(tmp_path / "data", wait_for_model=False)
    window.store.import_contestants([Contestant(None, str(number), f"Contestant {number}",
                                                "Miss" if number <= 18 else "Teen") for number in range(1, 35)])
    qtbot.waitUntil(lambda: len(shown(window)) == 34)
    choices = window.table.division_filter
    no_25 = next(c for c in window.store.contestants() if c.number == "25")
    assert window.select_contestant(no_25.id)
    choices.setCurrentIndex(choices.findText("Miss"))  # No. 25 is in Teen: no one is in hand
    assert window.selected_contestant() is None
    choices.setCurrentIndex(choices.findText("Teen"))
    assert window.select_contestant(no_25.id)
    choices.setCurrentIndex(0)  # every division: No. 25 stays in hand
    assert window.selected_contestant().id == no_25.id
    choices.setCurrentIndex(choices.findText("Teen"))
    window.store.update_contestant(replace(no_25, division="Miss"))  # moved out of the division shown
    qtbot.waitUntil(lambda: len(shown(window)) == 15)
    assert window.selected_contestant() is None
    choices.setCurrentIndex(0)
    no_7 = next(c for c in window.store.contestants() if c.number == "7")
    assert window.select_contestant(no_7.id)
    window.store.remove_contestant(no_7.id)  # from the command line, say
    qtbot.waitUntil(lambda: len(shown(window)) == 33)
    assert window.selected_contestant() is None


def test_the_window_shows_what_the_command_line_changed(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "data", wait_for_model=False)
    with ContestStore(window.store.path) as command_line:
        command_line.add_contestant(Contestant(None, "7", "王小明", "小姐組"))
    qtbot.waitUntil(lambda: [row[1] for row in shown(window)] == ["7"], timeout=5000)


def test_last_contest_is_found_in_a_copied_data_folder(qtbot, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    contest = data / "contests" / "miss.sqlite"
    AppSettings(data).last_contest = contest
    copy = tmp_path / "copy"
    shutil.copytree(data, copy)
    assert AppSettings(copy).last_contest == copy / "contests" / "miss.sqlite"
    elsewhere = tmp_path / "usb" / "contest.sqlite"
    AppSettings(data).last_contest = elsewhere
    assert AppSettings(data).last_contest == elsewhere
