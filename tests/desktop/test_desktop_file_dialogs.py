"""The menu entries that ask for a file: cancelling changes nothing, a chosen file is used."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from desktop.roster_dialog import RosterImportDialog


def test_a_cancelled_file_dialog_changes_nothing_and_a_chosen_file_is_used(qtbot, tmp_path, open_window,
                                                                        monkeypatch):
    window = open_window(tmp_path / "data", wait_for_model=False)
    contest = window.store.path
    asked = []
    answer = ""
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda parent, title, folder, file_filter: asked.append(title) or (answer, "")))

    for action in (window.contestants.roster_action, window.files.open_action, window.admin.restore_action):
        action.trigger()
    assert asked == ["Import roster", "Open contest", "Restore from backup"]
    assert window.findChild(RosterImportDialog) is None and window.store.path == contest

    answer = str(tmp_path / "roster.csv")
    (tmp_path / "roster.csv").write_text("number,name\n1,Ann\n", encoding="utf-8")
    window.contestants.roster_action.trigger()
    dialog = window.findChild(RosterImportDialog)
    assert dialog is not None and dialog.table.rowCount() == 1


def test_the_next_export_is_offered_in_the_folder_of_the_last(qtbot, tmp_path, open_window, monkeypatch):
    window = open_window(tmp_path / "data", wait_for_model=False)
    monkeypatch.setattr("desktop.file_dialogs._folders", {})  # and back after the test
    offered = []
    out = tmp_path / "evening"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda parent, title, suggested, file_filter: offered.append(suggested) or (str(out / "results.csv"), "")))
    assert window.admin.export_results()
    assert window.admin.export_results()
    assert offered[1] == str(out / f"{window.store.path.stem}-results.csv")



def test_the_folders_are_offered_again_after_a_restart(qtbot, tmp_path, monkeypatch):
    import shutil

    from desktop import file_dialogs
    from desktop.settings import AppSettings

    out, stick = tmp_path / "evening", tmp_path / "usb"
    out.mkdir(), stick.mkdir()
    monkeypatch.setattr(file_dialogs, "_folders", {})
    monkeypatch.setattr(file_dialogs, "_settings", None)
    offered = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda parent, title, suggested, file_filter: offered.append(suggested) or (str(out / "results.csv"), "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(
        lambda parent, title, folder, file_filter: offered.append(folder) or ([str(stick / "005.jpg")], "")))

    def choose_both():
        offered.clear()
        file_dialogs.choose_export_path(None, "Export results", "results.csv", "CSV (*.csv)")
        file_dialogs.choose_open_paths(None, "Import photo", "Images (*.jpg)", purpose="photo")
        return offered

    file_dialogs.remember_folders_in(AppSettings(tmp_path / "data"))
    choose_both()
    file_dialogs.remember_folders_in(AppSettings(tmp_path / "data"))  # the app started again
    assert choose_both() == [str(out / "results.csv"), str(stick)]
    shutil.rmtree(stick)  # the USB stick was taken away
    file_dialogs.remember_folders_in(AppSettings(tmp_path / "data"))
    assert choose_both()[1] == ""  # where the system's dialog would open
