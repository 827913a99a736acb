import errno
import os

import pandas as pd
import pytest
from openpyxl import load_workbook

from core import export
from core.contest import Capture, Contestant
from core.errors import ExportError
from core.export import COLUMNS, export_rows
from core.ranking import RankedRow, rank
from core.score import SCALES
from core.version import app_version

WHEN = "2024-05-01T10:00:00+00:00"


def row(number, name, score=None, rank=None, tie=False, division=""):
    capture = None if score is None else Capture(
        int(number), int(number), score, 0.3456, 4, 71.26, "scut-v1", 0.01, 8, b"", WHEN, "camera")
    low, high = (None, None) if rank is None else (rank, rank + 1 if tie else rank)
    return RankedRow(rank, low, high, Contestant(int(number), number, name, division), capture)


def scored(number, name, score, division, percentile=50.0):
    return (Contestant(int(number), number, name, division),
            Capture(int(number), int(number), score, 0.29, 4, percentile, "scut-v1", 0.01, 8, b"", WHEN, "camera"))


# Two divisions and contestants without one, as rank() groups them.
ROWS = rank([scored("2", "王小明", 4.236, "甲組", 99.7), scored("1", "陳美麗", 4.2, "甲組", 0.2),
             scored("5", "Eva", 3.0, "乙組"), scored("6", "Fay", 3.9, "乙組"),
             scored("3", "Ann", 3.1, ""), (Contestant(4, "4", "Bea"), None)])


def test_csv_has_divisions_with_ranks_restarting_and_rank_ranges(tmp_path):
    path = tmp_path / "results.csv"
    export_rows(ROWS, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert tuple(table.columns) == COLUMNS
    assert table.iloc[0].to_dict() == {
        "division": "乙組", "rank": "1", "rank_low": "1", "rank_high": "1", "number": "6", "name": "Fay",
        "score": "3.90", "error": "0.29", "level": "4", "percentile": "50.0", "percentile_text": "50",
        "tie": "FALSE", "captured_at": WHEN, "model_version": "scut-v1",
        "app_version": app_version(), "status": "draft"}
    assert table[["division", "number", "rank", "rank_low", "rank_high", "tie"]].values.tolist() == [
        ["乙組", "6", "1", "1", "1", "FALSE"], ["乙組", "5", "2", "2", "2", "FALSE"],
        ["甲組", "2", "1", "1", "2", "TRUE"], ["甲組", "1", "2", "1", "2", "TRUE"],
        ["", "3", "1", "1", "1", "FALSE"], ["", "4", "", "", "", ""]]
    assert table["percentile_text"].tolist()[2:4] == [">99", "<1"]
    unscored = table.iloc[5].to_dict()
    assert unscored["name"] == "Bea"
    assert all(unscored[c] == "" for c in ("rank", "score", "error", "level", "percentile", "tie", "captured_at",
                                           "model_version"))  # no model scored her


def test_every_row_says_whether_the_contest_is_final(tmp_path):
    for final, status in ((True, "final"), (False, "draft")):
        export_rows(ROWS, tmp_path / "r.csv", final=final)
        export_rows(ROWS, tmp_path / "r.xlsx", final=final)
        assert set(pd.read_csv(tmp_path / "r.csv", encoding="utf-8-sig")["status"]) == {status}
        assert set(pd.read_excel(tmp_path / "r.xlsx", sheet_name="乙組")["status"]) == {status}


def test_xlsx_has_an_all_sheet_and_one_per_division(tmp_path):
    path = tmp_path / "results.XLSX"
    export_rows(ROWS, path)
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == ["All", "乙組", "甲組", "No division"]
    assert tuple(sheets["All"].columns) == COLUMNS
    assert sheets["All"]["name"].tolist() == ["Fay", "Eva", "王小明", "陳美麗", "Ann", "Bea"]
    assert sheets["甲組"]["name"].tolist() == ["王小明", "陳美麗"]
    assert sheets["甲組"]["rank"].tolist() == [1, 2] and sheets["乙組"]["rank"].tolist() == [1, 2]
    assert sheets["No division"]["name"].tolist() == ["Ann", "Bea"]
    sheet = load_workbook(path).active
    assert sheet.title == "All"
    assert sheet["G2"].number_format == "0.00" and sheet["J2"].number_format == "0.0"
    assert sheet["L4"].value is True and sheet["B7"].value is None


def test_a_final_workbook_says_so_on_its_about_sheet_whatever_its_divisions_are_called(tmp_path):
    from dataclasses import replace

    rows = [replace(row, contestant=replace(row.contestant, division="About")) for row in ROWS[:2]]
    export_rows(rows, tmp_path / "r.xlsx", final=True, contest_name="Miss Taipei 2026", model_version="scut-v3")
    book = load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames == ["All", "About (2)", "About"]  # the division gives way, not what the file is
    lines = [row[0].value for row in book["About"].iter_rows()]
    assert lines[:2] == ["Contest: Miss Taipei 2026", "Final: the contest is finalized."]
    assert "Face score by model scut-v3." in lines
    assert {row[-1].value for row in book["All"].iter_rows(min_row=2)} == {"final"}  # as the About sheet says


def test_sheet_titles_are_valid_and_unique():
    assert export._sheet_title("A/B: [final]?", set()) == "A_B_ _final__"
    assert export._sheet_title("all", {"all"}) == "all (2)"
    assert len(export._sheet_title("x" * 40, set())) == 31


@pytest.mark.parametrize("name", ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"])
def test_formula_text_is_made_inert(tmp_path, name):
    rows = [row("1", name, 3.0, 1)]
    export_rows(rows, tmp_path / "r.csv")
    export_rows(rows, tmp_path / "r.xlsx")
    csv_name = pd.read_csv(tmp_path / "r.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)["name"][0]
    assert csv_name == "'" + name
    cell = load_workbook(tmp_path / "r.xlsx").active["F2"]  # the apostrophe as Excel's hidden quote prefix
    assert cell.data_type == "s" and cell.quotePrefix and cell.value == name.replace("\r", "\n")


def test_numbers_stay_numbers_and_plain_text_is_untouched(tmp_path):
    export_rows([row("1", "O'Neil", 3.0, 1)], tmp_path / "r.csv")
    table = pd.read_csv(tmp_path / "r.csv", encoding="utf-8-sig", dtype=str)
    assert table["name"][0] == "O'Neil" and table["score"][0] == "3.00"
    export_rows([row("1", "'Ohana", 3.0, 1), row("2", "'-Lee", 3.0, 2)], tmp_path / "r.xlsx")
    sheet = load_workbook(tmp_path / "r.xlsx").active  # a name's own apostrophe stays a character
    assert [(sheet[f"F{r}"].value, sheet[f"F{r}"].quotePrefix) for r in (2, 3)] == [("'Ohana", False),
                                                                                  ("'-Lee", False)]


def test_control_characters_do_not_break_xlsx(tmp_path):
    export_rows([row("1", "Ann\x07 Lee", 3.0, 1)], tmp_path / "r.xlsx")
    assert load_workbook(tmp_path / "r.xlsx").active["F2"].value == "Ann Lee"


def test_disk_full_keeps_previous_export_and_removes_temp(tmp_path, monkeypatch):
    path = tmp_path / "results.csv"
    export_rows(ROWS, path)
    before = path.read_bytes()

    def full(*args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(export.os, "fsync", full)
    with pytest.raises(ExportError, match="disk is full") as caught:
        export_rows(ROWS[:1], path)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["results.csv"]


def test_replace_refused_keeps_previous_export(tmp_path, monkeypatch):
    path = tmp_path / "results.xlsx"
    export_rows(ROWS, path)
    before = path.read_bytes()

    def locked(*args):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(export.os, "replace", locked)
    with pytest.raises(ExportError, match="open in another program"):
        export_rows(ROWS[:1], path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["results.xlsx"]


def test_missing_folder_and_bad_suffix(tmp_path):
    with pytest.raises(ExportError, match="folder does not exist"):
        export_rows(ROWS, tmp_path / "nowhere" / "r.csv")
    with pytest.raises(ExportError, match=r"\.csv or \.xlsx"):
        export_rows(ROWS, tmp_path / "r.pdf")


@pytest.mark.parametrize("name", ["\x01=HYPERLINK(\"http://x\",\"y\")", "\x00\x1f+1", " =1+2", "\x0b@SUM(A1)",
                                  "\n=1"])
def test_formula_hidden_behind_control_characters_or_spaces_is_made_inert(tmp_path, name):
    rows = [row("1", name, 3.0, 1)]
    export_rows(rows, tmp_path / "r.csv")
    export_rows(rows, tmp_path / "r.xlsx")
    csv_name = pd.read_csv(tmp_path / "r.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)["name"][0]
    cell = load_workbook(tmp_path / "r.xlsx").active["F2"]
    assert csv_name.startswith("'") and cell.quotePrefix
    assert cell.data_type == "s"
    assert csv_name == "'" + cell.value == "'" + export.CONTROL_CHARACTERS.sub("", name)


def test_xlsx_text_is_always_written_as_text(tmp_path, monkeypatch):
    monkeypatch.setattr(export, "safe_value", lambda value: value)  # even if neutralising missed a case
    export_rows([row("1", "=1+2", 3.0, 1, division="=A1")], tmp_path / "r.xlsx")
    sheet = load_workbook(tmp_path / "r.xlsx").active
    assert (sheet["F2"].data_type, sheet["F2"].value) == ("s", "=1+2")
    assert (sheet["A2"].data_type, sheet["A2"].value) == ("s", "=A1")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_read_only_file_is_not_replaced(tmp_path, suffix):
    path = tmp_path / f"results{suffix}"
    export_rows(ROWS, path)
    before = path.read_bytes()
    path.chmod(0o444)
    with pytest.raises(ExportError, match="read-only") as caught:
        export_rows(ROWS[:1], path)
    assert caught.value.code == "export_file_read_only" and caught.value.params == {"path": str(path)}
    assert path.read_bytes() == before and os.listdir(tmp_path) == [path.name]


@pytest.mark.parametrize("mode", [0o664, 0o640, 0o600])
def test_replaced_file_keeps_its_mode(tmp_path, mode):
    path = tmp_path / "results.csv"
    path.write_text("old")
    path.chmod(mode)
    export_rows(ROWS, path)
    assert path.stat().st_mode & 0o777 == mode and path.read_text(encoding="utf-8-sig").startswith("division,rank")


def test_new_file_gets_the_umask_mode(tmp_path):
    previous = os.umask(0o027)
    try:
        export_rows(ROWS, tmp_path / "r.csv")
        export_rows(ROWS, tmp_path / "r.xlsx")
    finally:
        os.umask(previous)
    assert {(tmp_path / name).stat().st_mode & 0o777 for name in ("r.csv", "r.xlsx")} == {0o640}


@pytest.mark.parametrize("error_number", [errno.EACCES, errno.EROFS])
def test_folder_that_cannot_be_written_is_named_as_such(tmp_path, monkeypatch, error_number):
    def refused(*args, **kwargs):
        raise OSError(error_number, os.strerror(error_number))  # EACCES makes a PermissionError

    monkeypatch.setattr(export, "_create_temporary", refused)
    with pytest.raises(ExportError) as caught:
        export_rows(ROWS, tmp_path / "r.csv")
    assert str(caught.value) == f"Could not export to {tmp_path / 'r.csv'}: the folder {tmp_path} cannot be written to."
    assert "another program" not in str(caught.value)
    assert caught.value.code == "export_folder_not_writable" and caught.value.params["folder"] == str(tmp_path)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_display_scale_is_named_and_the_native_score_kept(tmp_path, suffix):
    path = tmp_path / f"results{suffix}"
    export_rows(ROWS, path, SCALES["0-100"])
    table = (pd.read_csv(path, encoding="utf-8-sig") if suffix == ".csv" else pd.read_excel(path))
    assert tuple(table.columns[6:10]) == ("score_0-100", "error_0-100", "score", "error")
    assert table["score_0-100"].tolist()[:3] == [72.5, 50.0, 80.9]  # (4.236 - 1) x 25 = 80.9
    assert table["error_0-100"][0] == 7.3  # 0.29 x 25
    assert table["score"].tolist()[:3] == [3.9, 3.0, 4.24] and table["error"][0] == 0.29
    assert table["level"][0] == 4 and table["percentile"][0] == 50.0
