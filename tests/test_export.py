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
from core.score import SCALES

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


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_display_scale_is_named_and_the_native_score_kept(tmp_path, suffix):
    path = tmp_path / f"results{suffix}"
    export_rows(ROWS, path, "scut-v2", SCALES["0-100"])
    table = (pd.read_csv(path, encoding="utf-8-sig") if suffix == ".csv" else pd.read_excel(path))
    assert tuple(table.columns[4:8]) == ("score_0-100", "error_0-100", "score", "error")
    assert table["score_0-100"].tolist()[:3] == [80.9, 80.0, 52.5]  # (4.236 - 1) x 25 = 80.9
    assert table["error_0-100"][0] == 8.6  # 0.3456 x 25
    assert table["score"].tolist()[:3] == [4.24, 4.2, 3.1] and table["error"][0] == 0.35
    assert table["level"][0] == 4 and table["percentile"][0] == 71.3
