import errno
import os

import pandas as pd
import pytest
from openpyxl import load_workbook

from core import export
from core.contest import Capture, Contestant
from core.errors import ExportError
from core.export import COLUMNS, export_rows
from core.ranking import RankedRow

WHEN = "2024-05-01T10:00:00+00:00"


def row(number, name, score=None, rank=None, tie=False, division=""):
    capture = None if score is None else Capture(
        int(number), int(number), score, 0.3456, 4, 71.26, "scut-v1", 0.01, 8, b"", WHEN, "camera")
    return RankedRow(rank, tie, Contestant(int(number), number, name, division), capture)


ROWS = [row("2", "王小明", 4.236, 1, True, "甲組"), row("1", "陳美麗", 4.2, 1, True),
        row("3", "Ann", 3.1, 3), row("4", "Bea")]


def test_csv_round_trip_with_bom(tmp_path):
    path = tmp_path / "results.csv"
    export_rows(ROWS, path, "scut-v2")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert tuple(table.columns) == COLUMNS
    assert table.iloc[0].to_dict() == {
        "rank": "1", "number": "2", "name": "王小明", "division": "甲組", "score": "4.24", "error": "0.35",
        "level": "4", "percentile": "71.3", "tie": "TRUE", "captured_at": WHEN, "model_version": "scut-v1"}
    assert table.iloc[2]["tie"] == "FALSE"
    unscored = table.iloc[3].to_dict()
    assert unscored["name"] == "Bea" and unscored["model_version"] == "scut-v2"
    assert all(unscored[c] == "" for c in ("rank", "score", "error", "level", "percentile", "tie", "captured_at"))


def test_xlsx_round_trip(tmp_path):
    path = tmp_path / "results.XLSX"
    export_rows(ROWS, path, "scut-v2")
    table = pd.read_excel(path)
    assert tuple(table.columns) == COLUMNS
    assert table["name"].tolist() == ["王小明", "陳美麗", "Ann", "Bea"]
    assert table["score"].tolist()[:3] == [4.24, 4.2, 3.1]
    sheet = load_workbook(path).active
    assert sheet["E2"].number_format == "0.00" and sheet["H2"].number_format == "0.0"
    assert sheet["I2"].value is True and sheet["A5"].value is None


@pytest.mark.parametrize("name", ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"])
def test_formula_text_is_made_inert(tmp_path, name):
    rows = [row("1", name, 3.0, 1)]
    export_rows(rows, tmp_path / "r.csv", "v")
    export_rows(rows, tmp_path / "r.xlsx", "v")
    csv_name = pd.read_csv(tmp_path / "r.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)["name"][0]
    assert csv_name == "'" + name
    cell = load_workbook(tmp_path / "r.xlsx").active["C2"]
    assert cell.data_type == "s" and cell.value.startswith("'")


def test_numbers_stay_numbers_and_plain_text_is_untouched(tmp_path):
    export_rows([row("1", "O'Neil", 3.0, 1)], tmp_path / "r.csv", "v")
    table = pd.read_csv(tmp_path / "r.csv", encoding="utf-8-sig", dtype=str)
    assert table["name"][0] == "O'Neil" and table["score"][0] == "3.00"


def test_control_characters_do_not_break_xlsx(tmp_path):
    export_rows([row("1", "Ann\x07 Lee", 3.0, 1)], tmp_path / "r.xlsx", "v")
    assert load_workbook(tmp_path / "r.xlsx").active["C2"].value == "Ann Lee"


def test_disk_full_keeps_previous_export_and_removes_temp(tmp_path, monkeypatch):
    path = tmp_path / "results.csv"
    export_rows(ROWS, path, "v")
    before = path.read_bytes()

    def full(*args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(export.os, "fsync", full)
    with pytest.raises(ExportError, match="disk is full") as caught:
        export_rows(ROWS[:1], path, "v")
    assert str(path) in str(caught.value)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["results.csv"]


def test_replace_refused_keeps_previous_export(tmp_path, monkeypatch):
    path = tmp_path / "results.xlsx"
    export_rows(ROWS, path, "v")
    before = path.read_bytes()

    def locked(*args):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(export.os, "replace", locked)
    with pytest.raises(ExportError, match="open in another program"):
        export_rows(ROWS[:1], path, "v")
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["results.xlsx"]


def test_missing_folder_and_bad_suffix(tmp_path):
    with pytest.raises(ExportError, match="folder does not exist"):
        export_rows(ROWS, tmp_path / "nowhere" / "r.csv", "v")
    with pytest.raises(ExportError, match=r"\.csv or \.xlsx"):
        export_rows(ROWS, tmp_path / "r.pdf", "v")


@pytest.mark.parametrize("name", ["\x01=HYPERLINK(\"http://x\",\"y\")", "\x00\x1f+1", " =1+2", "\x0b@SUM(A1)",
                                  "\n=1"])
def test_formula_hidden_behind_control_characters_or_spaces_is_made_inert(tmp_path, name):
    rows = [row("1", name, 3.0, 1)]
    export_rows(rows, tmp_path / "r.csv", "v")
    export_rows(rows, tmp_path / "r.xlsx", "v")
    csv_name = pd.read_csv(tmp_path / "r.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)["name"][0]
    cell = load_workbook(tmp_path / "r.xlsx").active["C2"]
    assert csv_name.startswith("'") and cell.value.startswith("'")
    assert cell.data_type == "s"
    assert csv_name == cell.value == "'" + export.CONTROL_CHARACTERS.sub("", name)


def test_xlsx_text_is_always_written_as_text(tmp_path, monkeypatch):
    monkeypatch.setattr(export, "safe_value", lambda value: value)  # even if neutralising missed a case
    export_rows([row("1", "=1+2", 3.0, 1, division="=A1")], tmp_path / "r.xlsx", "v")
    sheet = load_workbook(tmp_path / "r.xlsx").active
    assert (sheet["C2"].data_type, sheet["C2"].value) == ("s", "=1+2")
    assert (sheet["D2"].data_type, sheet["D2"].value) == ("s", "=A1")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_read_only_file_is_not_replaced(tmp_path, suffix):
    path = tmp_path / f"results{suffix}"
    export_rows(ROWS, path, "v")
    before = path.read_bytes()
    path.chmod(0o444)
    with pytest.raises(ExportError, match="read-only") as caught:
        export_rows(ROWS[:1], path, "v")
    assert caught.value.code == "export_file_read_only" and caught.value.params == {"path": str(path)}
    assert path.read_bytes() == before and os.listdir(tmp_path) == [path.name]


@pytest.mark.parametrize("mode", [0o664, 0o640, 0o600])
def test_replaced_file_keeps_its_mode(tmp_path, mode):
    path = tmp_path / "results.csv"
    path.write_text("old")
    path.chmod(mode)
    export_rows(ROWS, path, "v")
    assert path.stat().st_mode & 0o777 == mode and path.read_text(encoding="utf-8-sig").startswith("rank")


def test_new_file_gets_the_umask_mode(tmp_path):
    previous = os.umask(0o027)
    try:
        export_rows(ROWS, tmp_path / "r.csv", "v")
        export_rows(ROWS, tmp_path / "r.xlsx", "v")
    finally:
        os.umask(previous)
    assert {(tmp_path / name).stat().st_mode & 0o777 for name in ("r.csv", "r.xlsx")} == {0o640}


@pytest.mark.parametrize("error_number", [errno.EACCES, errno.EROFS])
def test_folder_that_cannot_be_written_is_named_as_such(tmp_path, monkeypatch, error_number):
    def refused(*args, **kwargs):
        raise OSError(error_number, os.strerror(error_number))  # EACCES makes a PermissionError

    monkeypatch.setattr(export, "_create_temporary", refused)
    with pytest.raises(ExportError) as caught:
        export_rows(ROWS, tmp_path / "r.csv", "v")
    assert str(caught.value) == f"Could not export to {tmp_path / 'r.csv'}: the folder {tmp_path} cannot be written to."
    assert "another program" not in str(caught.value)
    assert caught.value.code == "export_folder_not_writable" and caught.value.params["folder"] == str(tmp_path)
