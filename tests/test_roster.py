import os

import pytest
from openpyxl import Workbook

from core.contest import Contestant
from core.errors import RosterError
from core.roster import read_roster


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def fields(preview):
    return [(row.number, row.name, row.division, row.notes) for row in preview.rows]


def test_utf8_with_header(tmp_path):
    path = write(tmp_path, "r.csv", "Number,Name,Division,Notes\n1,Ann Lee,Senior,\n2,Bea,Junior,late\n")
    preview = read_roster(path)
    assert preview.encoding == "utf-8" and preview.has_header
    assert fields(preview) == [("1", "Ann Lee", "Senior", ""), ("2", "Bea", "Junior", "late")]
    assert [row.line for row in preview.rows] == [2, 3]
    assert preview.valid_rows() == preview.rows


def test_utf8_bom_with_chinese_header_in_any_order(tmp_path):
    path = write(tmp_path, "r.csv", "姓名,組別,編號\n王小明,甲組,7\n陳美麗,乙組,8\n", "utf-8-sig")
    preview = read_roster(path)
    assert preview.encoding == "utf-8-sig"
    assert fields(preview) == [("7", "王小明", "甲組", ""), ("8", "陳美麗", "乙組", "")]


def test_cp950_big5_as_excel_writes_it(tmp_path):
    path = write(tmp_path, "r.csv", "號碼,名字,類別,備註\r\n1,王小明,甲,\r\n2,陳美麗,乙,備用\r\n", "cp950")
    preview = read_roster(path)
    assert preview.encoding == "cp950"
    assert fields(preview) == [("1", "王小明", "甲", ""), ("2", "陳美麗", "乙", "備用")]


def test_utf16_unicode_text_from_excel(tmp_path):
    path = write(tmp_path, "r.txt", "No.\tName\n1\t王小明\n", "utf-16")
    assert fields(read_roster(path)) == [("1", "王小明", "", "")]


def test_semicolon_delimited_with_quoted_comma(tmp_path):
    path = write(tmp_path, "r.csv", 'no;name;category\n1;"Lee, Ann";A\n2;Bea;B\n')
    assert fields(read_roster(path)) == [("1", "Lee, Ann", "A", ""), ("2", "Bea", "B", "")]


def test_tab_delimited_txt(tmp_path):
    path = write(tmp_path, "r.txt", "1\tAnn\tA\n2\tBea\tB\n")
    assert fields(read_roster(path)) == [("1", "Ann", "A", ""), ("2", "Bea", "B", "")]


def test_headerless_assumes_number_name_division_notes(tmp_path):
    path = write(tmp_path, "r.csv", "1, Ann ,A,first\n\n2,Bea\n")
    preview = read_roster(path)
    assert not preview.has_header
    assert fields(preview) == [("1", "Ann", "A", "first"), ("2", "Bea", "", "")]
    assert [row.line for row in preview.rows] == [1, 3]


def test_xlsx(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["#", "Name", "Group"])
    sheet.append([1, "王小明", "A"])
    sheet.append([2.0, "陳美麗", None])
    sheet.append([None, None, None])
    sheet.append(["A3", "Cy", "B"])
    path = tmp_path / "r.xlsx"
    workbook.save(path)
    preview = read_roster(path)
    assert preview.encoding is None
    assert fields(preview) == [("1", "王小明", "A", ""), ("2", "陳美麗", "", ""), ("A3", "Cy", "B", "")]
    assert [row.line for row in preview.rows] == [2, 3, 5]


def test_bad_rows_are_reported_with_reasons(tmp_path):
    path = write(tmp_path, "r.csv", "number,name\n1,Ann\n,NoNumber\n3,\n1,Again\n 9 ,Taken\n")
    preview = read_roster(path, existing_numbers=["9"])
    problems = {row.line: [str(p) for p in row.problems] for row in preview.rows}
    assert problems[2] == []
    assert problems[3] == ["The number is missing."]
    assert problems[4] == ["The name is empty."]
    assert problems[5] == ["Number 1 is already used at line 2."]
    assert problems[6] == ["Number 9 is already in the contest."]
    assert [row.line for row in preview.valid_rows()] == [2]
    assert preview.valid_rows()[0].to_contestant() == Contestant(None, "1", "Ann", "", "")


def test_duplicates_compare_case_and_whitespace_insensitively(tmp_path):
    path = write(tmp_path, "r.csv", "A1,Ann\na 1,Bea\n")
    assert [str(p) for p in read_roster(path).rows[1].problems] == ["Number a 1 is already used at line 1."]


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"\n  \n", "empty"),
    (b"number,name\n", "header row but no contestants"),
    (b"name,division\nAnn,A\n", "no number column"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
])
def test_unusable_files(tmp_path, content, message):
    path = tmp_path / "r.csv"
    path.write_bytes(content)
    with pytest.raises(RosterError, match=message):
        read_roster(path)


def test_random_bytes_are_refused(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes(os.urandom(4096))
    with pytest.raises(RosterError):
        read_roster(path)


def test_unsupported_and_unreadable_files(tmp_path):
    with pytest.raises(RosterError, match=r"\.xls format"):
        read_roster(write(tmp_path, "old.xls", "x"))
    with pytest.raises(RosterError, match="unsupported"):
        read_roster(write(tmp_path, "r.pdf", "x"))
    with pytest.raises(RosterError, match="cannot read"):
        read_roster(tmp_path / "missing.csv")
    with pytest.raises(RosterError, match="Excel workbook"):
        read_roster(write(tmp_path, "fake.xlsx", "1,Ann\n"))
