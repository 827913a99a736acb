"""The judge's marks grid by keyboard only, and Contest → Tabulate judges' files… with export."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pypdf import PdfReader

from core.contest import Capture, Contestant
from core.criteria import parse_criteria
from core.score import SCALES
from core.store import ContestStore

CRITERIA = parse_criteria("Poise=40,Interview=40,Face=20")
ROSTER = [Contestant(None, "1", "Amy Alexandra Fitzgerald-Lee", "小姐組"),
          Contestant(None, "2", "Beatrice Okonkwo", "小姐組"),
          Contestant(None, "3", "張雅婷", "青少年組")]
MARKS = {  # judge -> number -> (Poise, Interview, Face)
    "Judge Chen": {"1": (8, 7, 9), "2": (9, 9, 9), "3": (6, 6, 6)},
    "Judge Lin": {"1": (9, 8, 8), "2": (9, 8, 9), "3": (6, 6, 6)},
    "Judge Wu": {"1": (7, 9, 7), "2": (9, 7, 9), "3": (6.3, 6, 5.7)},
}


def judge_file(path: Path, judge: str, marks: dict | None = None, roster=ROSTER) -> Path:
    with ContestStore(path) as store:
        store.contest_name = "Miss Taipei 2026"
        store.judge_name = judge
        store.import_contestants(roster)
        store.set_criteria(CRITERIA)
        ids = {c.number: c.id for c in store.contestants()}
        for number, values in (marks or {}).items():
            for criterion, value in zip(("Poise", "Interview", "Face"), values):
                store.set_mark(ids[number], criterion, value)
    return path


def type_keys(qtbot, text: str) -> None:
    """Each key to whichever widget has the focus, as a keyboard would."""
    for character in text:
        key = {"\t": Qt.Key.Key_Tab, "\n": Qt.Key.Key_Return}.get(character)
        if key is None:
            qtbot.keyClicks(QApplication.focusWidget(), character)
        else:
            qtbot.keyClick(QApplication.focusWidget(), key)


def test_marks_by_keyboard_only(qtbot, tmp_path, open_window):
    (tmp_path / "contests").mkdir()
    contest = judge_file(tmp_path / "contests" / "chen.sqlite", "Judge Chen")
    window = open_window(tmp_path, wait_for_model=False)
    assert window.store.path == contest  # the latest contest opens at start
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # Contest → Judge's marks
    panel = window.marks_panel
    qtbot.waitUntil(lambda: panel.grid.hasFocus())
    # Amy: 8.5, Tab, 7, Tab, 9, Enter → Beatrice: 9, Tab, 11 (kept as typed, refused: never saved as 1),
    # corrected to 10, Enter
    type_keys(qtbot, "8.5\t7\t9\n9\t11\t")
    qtbot.waitUntil(lambda: "from 1 to 10, not 11" in panel.message.text())
    store = window.store
    ids = {c.number: c.id for c in store.contestants()}
    assert QApplication.focusWidget().text() == "11" and "Interview" not in store.marks().get(ids["2"], {})
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backspace)
    type_keys(qtbot, "0\n")
    qtbot.waitUntil(lambda: store.marks().get(ids["2"], {}).get("Interview") == 10)
    assert store.marks() == {ids["1"]: {"Poise": 8.5, "Interview": 7, "Face": 9},
                             ids["2"]: {"Poise": 9, "Interview": 10}}
    assert panel.grid.currentIndex().row() == 2  # Enter went on to the third contestant
    model = panel.model
    # Amy's total: 40 × 0.85 + 40 × 0.7 + 20 × 0.9 = 34 + 28 + 18 = 80; alone and complete in 小姐組: rank 1
    assert model.index(0, model.total_column).data() == "80.00"
    assert model.index(0, model.total_column + 1).data() == "1"
    assert model.index(1, model.total_column).data() == ""  # Face not marked yet
    store.add_capture(Capture(None, ids["1"], 3.0, 0.29, 3, 50.0, "v1", 0.05, 5, b"", "2026-11-29T10:00:00+00:00",
                              "camera"))
    qtbot.waitUntil(lambda: model.index(0, model.total_column + 2).data() == "3.00 ± 0.29")
    window.preferences.set_score_scale(SCALES["0-100"])  # the advisory score follows the display setting
    assert model.index(0, model.total_column + 2).data() == "50.0 ± 7.3"
    assert model.headerData(model.total_column + 2, Qt.Orientation.Horizontal) == "Advisory\nscore (0–100)"
    # an out-of-range mark is refused with its reason and stays in its cell to be corrected
    type_keys(qtbot, "0\t")
    qtbot.waitUntil(lambda: "from 1 to 10" in panel.message.text())
    assert ids["3"] not in store.marks()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backspace)
    type_keys(qtbot, "7\t")
    qtbot.waitUntil(lambda: store.marks().get(ids["3"]) == {"Poise": 7})
    assert panel.message.text() == ""
    assert [e.action for e in store.audit_log()].count("marked") == 6
    # a mark off its steps, left by a click on another contestant: not saved, and the message says whose
    type_keys(qtbot, "8.25")
    grid = panel.grid
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(grid.model().index(0, 2)).center())
    qtbot.waitUntil(lambda: "steps of 0.1" in panel.message.text())
    assert panel.message.text().startswith("No. 3 ") and panel.message.text().endswith("Not saved.")
    assert store.marks()[ids["3"]] == {"Poise": 7}
    # finalized: the marks can no longer be edited, and the panel says why
    store.finalize()
    qtbot.waitUntil(lambda: "finalized" in panel.state_label.text() and panel.state_label.isVisible())
    assert not model.flags(model.index(2, 4)) & Qt.ItemFlag.ItemIsEditable
    assert not panel.judge_button.isEnabled()  # the judge who finalized stays named
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(0, 0))  # No. 1 in hand
    type_keys(qtbot, "3")  # a mark typed out of habit: no jump to No. 3, whom Space would then capture
    assert grid.currentIndex().row() == 0


def test_a_mark_typed_is_saved_while_its_cell_is_still_open(qtbot, tmp_path, open_window):
    (tmp_path / "contests").mkdir()
    judge_file(tmp_path / "contests" / "chen.sqlite", "Judge Chen")
    window = open_window(tmp_path, wait_for_model=False)
    window.show_marks()
    grid, store = window.marks_panel.grid, window.store
    amy = store.contestants()[0].id
    qtbot.waitUntil(lambda: grid.hasFocus())
    type_keys(qtbot, "9")  # and the judge looks up at the stage: no Tab, no Enter
    qtbot.waitUntil(lambda: store.marks().get(amy, {}).get("Poise") == 9, timeout=3_000)  # a crash now loses nothing
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "9"  # still typing, the text as typed
    type_keys(qtbot, ".5\t")
    assert store.marks()[amy]["Poise"] == 9.5


def test_the_marks_tab_and_the_capture_panel_hold_the_same_contestant(qtbot, tmp_path, open_window):
    (tmp_path / "contests").mkdir()
    judge_file(tmp_path / "contests" / "chen.sqlite", "Judge Chen")
    window = open_window(tmp_path, wait_for_model=False)
    ids = {c.number: c.id for c in window.store.contestants()}
    assert window.select_contestant(ids["2"])
    grid = window.marks_panel.grid
    window.show_marks()  # opens on the contestant in hand
    assert grid.contestant_at(grid.currentIndex().row()).id == ids["2"]
    grid.start_at(grid.row_of(ids["3"]))  # the judge moves to No. 3
    assert window.selected_contestant().id == ids["3"]  # Capture and Import photo act on No. 3
    window.store.add_contestant(Contestant(None, "0", "Late Entry", "小姐組"))  # the grid is rebuilt, one row above
    qtbot.waitUntil(lambda: grid.model().rowCount() == 4)
    assert grid.contestant_at(grid.currentIndex().row()).id == ids["3"] == window.selected_contestant().id
    window.tabs.setCurrentIndex(0)
    grid.start_at(grid.row_of(ids["1"]))  # off the marks tab the grid does not pick the contestant
    assert window.selected_contestant().id == ids["3"]


def test_the_marks_tab_shows_the_division_the_table_shows(qtbot, tmp_path, open_window):
    (tmp_path / "contests").mkdir()
    judge_file(tmp_path / "contests" / "chen.sqlite", "Judge Chen")
    window = open_window(tmp_path, wait_for_model=False)
    grid, choices = window.marks_panel.grid, window.table.division_filter
    ids = {c.number: c.id for c in window.store.contestants()}

    def shown() -> list[str]:
        return [grid.contestant_at(row).number for row in range(grid.model().rowCount())]

    window.show_marks()
    choices.setCurrentIndex(choices.findText("小姐組"))
    assert shown() == ["1", "2"] and grid.row_of(ids["3"]) is None
    assert grid.isColumnHidden(2)  # one division: its column says nothing, as in the results table
    grid.start_at(grid.row_of(ids["1"]))
    qtbot.waitUntil(lambda: grid.hasFocus())
    type_keys(qtbot, "8\t")  # Tab: on to Interview
    choices.setCurrentIndex(0)  # every division: No. 1 is still shown, the cell in hand stays
    assert grid.contestant_at(grid.currentIndex().row()).number == "1" and grid.currentIndex().column() == 4
    choices.setCurrentIndex(choices.findText("小姐組"))
    grid.setFocus()
    type_keys(qtbot, "\n")  # Enter: on to No. 2, the next of 小姐組
    assert grid.contestant_at(grid.currentIndex().row()).number == "2"
    grid.next_contestant()  # the last of 小姐組: Enter stays, never on to 青少年組's row
    assert grid.contestant_at(grid.currentIndex().row()).number == "2"
    choices.setCurrentIndex(choices.findText("青少年組"))  # No. 2 is not shown: the first shown
    assert shown() == ["3"] and grid.contestant_at(grid.currentIndex().row()).number == "3"
    assert window.selected_contestant().id == ids["3"]
    choices.setCurrentIndex(0)  # every division, No. 3 still in hand
    assert shown() == ["1", "2", "3"] and grid.contestant_at(grid.currentIndex().row()).number == "3"
    assert not grid.isColumnHidden(2)
    choices.setCurrentIndex(choices.findText("青少年組"))
    no_3 = next(c for c in window.store.contestants() if c.number == "3")
    window.store.update_contestant(replace(no_3, division="小姐組"))  # 青少年組 is gone: the table shows all
    qtbot.waitUntil(lambda: choices.currentIndex() == 0 and window.table.model().rowCount() == 3)
    assert shown() == ["1", "2", "3"]  # and so does the grid


def test_tabulate_three_files_and_export(qtbot, tmp_path):
    from desktop.tabulate_dialog import TabulateDialog

    files = [judge_file(tmp_path / f"{judge}.sqlite", judge, marks) for judge, marks in MARKS.items()]
    dialog = TabulateDialog(tmp_path)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.combined):
        dialog.add_files(files)
    assert dialog.tabulation is not None and not dialog.mismatches.isVisible()
    assert not dialog.drop_extremes.isEnabled()  # three judges: every mark counts
    table = dialog.table
    rows = [[table.item(row, column).text() for column in (0, 1, 2, 7)] for row in range(table.rowCount())]
    # means: 2 → P9 I8 F9 = 86; 1 → P8 I8 F8 = 80; 3 → P6.1 I6 F5.9 = 60.2
    assert rows == [["小姐組", "1", "2", "86.00"], ["小姐組", "2", "1", "80.00"], ["青少年組", "1", "3", "60.20"]]
    assert table.item(2, 4).text() == "6.10\n6.0 · 6.0 · 6.3"  # combined Poise, then each judge's in file order
    assert "Judge Wu: 6.3" in table.item(2, 4).toolTip()
    assert dialog.files.item(2).text() == f"Judge Wu — {files[2]}"

    with ContestStore(files[2]) as store:  # Judge Wu corrects a mark, and the file is added again
        store.set_mark(next(c.id for c in store.contestants() if c.number == "3"), "Poise", 6.6)
    with qtbot.waitSignal(dialog.combined):
        dialog.add_files([files[2]])
    assert dialog.files.count() == 3 and dialog.tabulation is not None  # read again in its place
    assert dialog.table.item(2, 4).text() == "6.20\n6.0 · 6.0 · 6.6"

    assert dialog.export(tmp_path / "result.csv") and dialog.export(tmp_path / "result.xlsx")
    assert dialog.export(tmp_path / "result.pdf")
    with open(tmp_path / "result.csv", encoding="utf-8-sig", newline="") as file:
        assert [r["name"] for r in csv.DictReader(file)] == ["Beatrice Okonkwo", "Amy Alexandra Fitzgerald-Lee",
                                                             "張雅婷"]
    assert (tmp_path / "result.pdf").read_bytes().startswith(b"%PDF")


def test_tabulate_lists_mismatches_and_combines_nothing(qtbot, tmp_path):
    from desktop.tabulate_dialog import TabulateDialog

    other_roster = [ROSTER[0], Contestant(None, "2", "Beatrice Okafor", "小姐組")]
    files = [judge_file(tmp_path / "chen.sqlite", "Judge Chen", MARKS["Judge Chen"]),
             judge_file(tmp_path / "lin.sqlite", "Judge Lin", {k: MARKS["Judge Lin"][k] for k in "12"}, other_roster),
             judge_file(tmp_path / "chen-again.sqlite", "Judge Chen", MARKS["Judge Chen"])]
    (tmp_path / "notes.sqlite").write_text("not a contest file", encoding="utf-8")
    dialog = TabulateDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.combined):
        dialog.add_files([tmp_path / "notes.sqlite"])  # nothing readable: the reason, not a crash
    assert dialog.mismatches.count() == 1 and "notes.sqlite" in dialog.mismatches.item(0).text()
    dialog.files.clear()
    with qtbot.waitSignal(dialog.combined):
        dialog.add_files(files + [tmp_path / "notes.sqlite"])
    problems = [dialog.mismatches.item(row).text() for row in range(dialog.mismatches.count())]
    assert dialog.tabulation is None and table_is_empty(dialog) and not dialog.export_button.isEnabled()
    assert len(problems) == 4  # the unreadable file, and what is wrong among the three others: all at once
    assert "notes.sqlite" in problems[0]
    assert any("Beatrice Okafor" in p for p in problems) and any("Two files hold the marks of Judge Chen" in p for p in problems)
    assert any("Number 3" in p and "missing" in p for p in problems)


def test_tabulate_offers_the_folder_the_judges_files_came_from(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from desktop import file_dialogs
    from desktop.tabulate_dialog import TabulateDialog

    stick = tmp_path / "usb"
    stick.mkdir()
    files = [judge_file(stick / f"{judge}.sqlite", judge, MARKS[judge]) for judge in MARKS]
    offered = []

    def pick(_parent, _title, folder, _filter):
        offered.append(folder)
        return [str(files[len(offered) - 1])], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", pick)
    monkeypatch.setattr(file_dialogs, "_folders", {})  # as the app starts
    for _ in range(2):
        dialog = TabulateDialog(tmp_path / "contests")  # opened again from the menu: the same memory
        qtbot.addWidget(dialog)
        dialog.choose_files()
    assert offered == [str(tmp_path / "contests"), str(stick)]


def table_is_empty(dialog) -> bool:
    return dialog.table.rowCount() == 0


@pytest.fixture(autouse=True)
def english():
    from desktop import i18n

    i18n.set_language("en")


def test_pdf_sheet_states_the_rules_and_has_a_signature_line_per_judge():
    from core.tabulation import JudgeSheet, tabulate
    from desktop.tabulation_report import tabulation_html

    criteria = parse_criteria("Poise=50,Interview=50")
    judges = ["Judge Chen", "Judge Lin", "Judge Wu", "Judge Huang", "Judge Okonkwo-Fitzgerald"]
    marks = {"1": {"Poise": 8, "Interview": 8}, "3": {"Poise": 7, "Interview": 9}}
    sheets = [JudgeSheet(f"{judge}.sqlite", "Miss Taipei 2026", judge, criteria, tuple(ROSTER), marks)
              for judge in judges]
    page = tabulation_html(tabulate(sheets, drop_extremes=True), fits=lambda _page: True)
    assert page.count("page-break-before") == 1  # one page per division: 小姐組, 青少年組
    assert "highest and lowest mark of each criterion are dropped" in page
    assert "the higher mark in the first criterion" in page
    for judge in judges:
        assert page.count(f"______________________________<br>{judge}</td>") == 2  # on each division's page


def test_a_long_division_goes_on_over_pages_each_row_whole_under_its_headings(qapp, tmp_path):
    from core.tabulation import JudgeSheet, tabulate
    from desktop.tabulation_report import export_tabulation_pdf

    criteria = parse_criteria("Poise=30,Interview=30,Talent=20,Evening gown=20")
    roster = tuple(Contestant(None, str(500 + index), f"Alexandra Konstantinopoulou-Smythe {index:02d}" if index % 2
                              else f"歐陽詩涵林佳穎 {index:02d}", "Miss 小姐組") for index in range(1, 41))
    judges = ["Judge Chen Wen-hsiung", "Judge Lin", "Judge Wu", "Judge Huang", "Judge Okonkwo-Fitzgerald"]
    sheets = [JudgeSheet(f"{judge}.sqlite", "Miss Taipei 2026", judge, criteria, roster,
                         {c.number: {"Poise": 7 + (index + j) % 3, "Interview": 8, "Talent": 6 + j % 4,
                                     "Evening gown": 9}
                          for index, c in enumerate(roster)}) for j, judge in enumerate(judges)]
    export_tabulation_pdf(tabulate(sheets, drop_extremes=True), tmp_path / "sheet.pdf")
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "sheet.pdf").pages]
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert "Total" in text and "Talent" in text  # the headings on every page
        assert f"page {number} of {len(pages)}" in text
        assert ("Signatures" in text) == (number == len(pages))
    for contestant in roster:  # each row whole on one page: its number, name and judges' marks together
        holding = [text for text in pages if contestant.name in text]
        assert len(holding) == 1 and contestant.number in holding[0]
    assert sum(text.count("Alexandra Konstantinopoulou-Smythe") for text in pages) == 20
    for page in PdfReader(tmp_path / "sheet.pdf").pages:  # in the bundled font, not one the laptop may lack
        assert "/NotoSansCJKTCSheet-Regular" in {font["/BaseFont"] for font in page["/Resources"]["/Font"].values()}
    rows_on = [sum(contestant.name in text for contestant in roster) for text in pages]
    assert rows_on[-1] >= 3  # the last page, with the signatures, is not a bare one


def test_the_audit_log_says_in_words_what_criteria_and_marks_changed(qtbot, tmp_path):
    from desktop import i18n
    from desktop.audit_dialog import ACTIONS, AuditLogDialog

    with ContestStore(judge_file(tmp_path / "chen.sqlite", "Judge Chen", MARKS["Judge Chen"])) as store:
        store.set_mark(store.contestants()[0].id, "Poise", None)
        codes = {entry.action for entry in store.audit_log()}
        assert {"criteria_set", "marked", "mark_cleared", "contestant_imported"} <= codes <= set(ACTIONS)
        dialog = AuditLogDialog(store)
        qtbot.addWidget(dialog)
        rows = range(dialog.table.rowCount())
        assert {"criteria set", "mark entered", "mark cleared"} <= {dialog.table.item(r, 2).text() for r in rows}
        i18n.set_language("zh_TW")
        dialog._reload()
        changes = [dialog.table.item(r, 4).text() for r in rows]
        assert any(change.startswith("評分標準: ") for change in changes)  # criteria, in the judge's language
        assert "編號: 1; 名稱: Amy Alexandra Fitzgerald-Lee; 組別: 小姐組; 備註: " in changes


def test_criteria_dialog_refuses_weights_not_adding_to_100_and_locks_after_the_first_mark(qtbot, tmp_path):
    from desktop.criteria_dialog import CriteriaDialog

    with ContestStore(tmp_path / "contest.sqlite") as store:
        store.import_contestants(ROSTER)
        dialog = CriteriaDialog(store)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.table.horizontalScrollBar().maximum() == 0  # every column in view, the last one too
        assert [dialog.table.item(row, 0).text() for row in range(3)] == ["Interview", "Poise", "Face"]
        dialog.table.item(2, 1).setText("10")  # 40 + 40 + 10
        assert dialog.sum_label.text() == "Weights: 90 %"
        dialog.save()
        assert "add up to 90 %, not 100 %" in dialog.error_label.text() and store.criteria == ()
        dialog.table.item(2, 1).setText("20")
        dialog.table.item(2, 5).setCheckState(Qt.CheckState.Checked)  # Face: the advisory score
        dialog.save()
        assert dialog.result() == dialog.DialogCode.Accepted
        assert [(c.name, c.weight, c.advisory) for c in store.criteria] == [
            ("Interview", 40, False), ("Poise", 40, False), ("Face", 20, True)]
        store.set_mark(store.contestants()[0].id, "Poise", 8)
        locked = CriteriaDialog(store)
        qtbot.addWidget(locked)
        assert "can no longer change" in locked.error_label.text()
        assert locked.table.editTriggers() == locked.table.EditTrigger.NoEditTriggers


def test_the_panel_names_the_judge_whose_marks_the_file_holds(qtbot, tmp_path):
    from desktop import i18n
    from desktop.marks_panel import MarksPanel

    with ContestStore(tmp_path / "contest.sqlite") as store:
        panel = MarksPanel()
        qtbot.addWidget(panel)
        panel.set_store(store)
        assert panel.judge_label.text() == "Marks (no judge's name yet)"
        panel.name_judge("  Judge Lin ")
        assert panel.judge_label.text() == "Marks of Judge Lin"
        i18n.set_language("zh_TW")  # the panel follows a change of language
        qtbot.waitUntil(lambda: panel.judge_label.text() == "Judge Lin 的評分")
        assert panel.model.headerData(1, Qt.Orientation.Horizontal) == "姓名"
        i18n.set_language("en")
        qtbot.waitUntil(lambda: panel.judge_label.text() == "Marks of Judge Lin")
        assert [(e.action, e.after) for e in store.audit_log()][-1] == ("judge_named", {"judge": "Judge Lin"})
        panel.set_store(None)


def test_five_judges_may_drop_each_criterions_highest_and_lowest_mark(qtbot, tmp_path):
    from desktop.tabulate_dialog import TabulateDialog

    poise = {"Judge Chen": 9, "Judge Lin": 8, "Judge Wu": 8, "Judge Ho": 7, "Judge Su": 1}  # Su's slip
    files = [judge_file(tmp_path / f"{judge}.sqlite", judge, {"1": (value, 8, 8)}) for judge, value in poise.items()]
    dialog = TabulateDialog(tmp_path)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.combined):
        dialog.add_files(files)
    assert dialog.table.item(0, 4).text().startswith("6.60")  # (9 + 8 + 8 + 7 + 1) / 5
    assert dialog.drop_extremes.isEnabled()
    with qtbot.waitSignal(dialog.combined):
        dialog.drop_extremes.setChecked(True)
    assert dialog.tabulation.drop_extremes and dialog.table.item(0, 4).text().startswith("7.67")  # 8, 8, 7


def test_files_are_read_off_the_ui_thread_and_every_unreadable_one_is_listed(qtbot, tmp_path):
    from desktop.tabulate_dialog import TabulateDialog

    notes, empty = tmp_path / "notes.sqlite", tmp_path / "gone.sqlite"
    notes.write_text("not a contest")
    good = judge_file(tmp_path / "chen.sqlite", "Judge Chen", MARKS["Judge Chen"])
    dialog = TabulateDialog(tmp_path)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.combined):
        dialog.add_files([good, notes, empty])
        assert dialog.status.text() == "Reading the judges' files…" and not dialog.export_button.isEnabled()
    problems = [dialog.mismatches.item(row).text() for row in range(dialog.mismatches.count())]
    assert problems == [f"{notes} is not a FaceScore contest file.", f"There is no contest file {empty}."]
    assert dialog.tabulation is None


def test_the_printed_tabulation_says_draft_on_every_page_until_every_file_is_finalized(qapp, tmp_path):
    from dataclasses import replace

    from core.tabulation import JudgeSheet, tabulate
    from desktop.tabulation_report import export_tabulation_pdf

    criteria = parse_criteria("Poise=50,Talent=50")
    roster = tuple(Contestant(None, str(index), f"Contestant {index:02d}", "Miss") for index in range(1, 41))
    sheets = [JudgeSheet(f"{judge}.sqlite", "Miss Taipei 2026", judge, criteria, roster,
                         {c.number: {"Poise": 8, "Talent": 7} for c in roster}) for judge in ("Judge Lin", "Judge Wu")]
    for finalized, state in (({"Judge Lin"}, "Draft: not finalized by Judge Wu; these results may still change."),
                             ({"Judge Lin", "Judge Wu"}, "Final: every judge's file is finalized.")):
        export_tabulation_pdf(tabulate([replace(s, finalized=s.judge in finalized) for s in sheets]),
                              tmp_path / "sheet.pdf")
        pages = [" ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "sheet.pdf").pages]
        assert len(pages) >= 2 and all(state in page for page in pages)
