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


def test_columns_naming_no_field_are_listed_as_not_imported(tmp_path):
    path = write(tmp_path, "r.csv", "編號,姓名,組別,學校,身高\n7,王小明,甲組,北一女,165\n", "utf-8-sig")
    preview = read_roster(path)
    assert fields(preview) == [("7", "王小明", "甲組", "")]
    assert preview.ignored == ("學校", "身高")
    assert read_roster(write(tmp_path, "s.csv", "1,Ann,Senior,\n")).ignored == ()  # no header: nothing to name


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


def test_a_title_above_the_header_is_passed_over(tmp_path):
    """A merged title row made the header unrecognised: the header row was imported as a contestant
    named 姓名 and the columns were read by position (School into notes, the notes lost)."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "說明"
    book.active.append(["Fill in one contestant a row on the next sheet."])
    sheet = book.create_sheet("名單")
    sheet.append(["2026 台北小姐選美 參賽者名單"])
    sheet.merge_cells("A1:E1")
    sheet.append(["編號", "姓名", "組別", "學校", "備註"])
    sheet.append([7, "陳怡君", "小姐組", "台大", "vegan"])
    book.save(tmp_path / "r.xlsx")
    preview = read_roster(tmp_path / "r.xlsx")
    assert preview.has_header and fields(preview) == [("7", "陳怡君", "小姐組", "vegan")]
    assert preview.ignored == ("學校",) and preview.rows[0].line == 3 and preview.sheet == "名單"


def test_an_instructions_sheet_with_a_line_that_reads_like_a_header_is_not_taken_for_the_roster(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Instructions"
    book.active.append(["How to fill in the roster"])
    book.active.append(["Number", "the contestant's number, e.g. 7"])
    book.create_sheet("Roster").append(["Number", "Name"])
    book["Roster"].append([7, "Ann"])
    book.save(tmp_path / "r.xlsx")
    preview = read_roster(tmp_path / "r.xlsx")
    assert preview.sheet == "Roster" and fields(preview) == [("7", "Ann", "", "")]


def test_a_headerless_row_whose_division_reads_like_a_label_is_a_contestant(tmp_path):
    preview = read_roster(write(tmp_path, "r.csv", "1,陳怡君,小姐組\n2,Ann,青少年組\n"))
    assert not preview.has_header and fields(preview) == [("1", "陳怡君", "小姐組", ""), ("2", "Ann", "青少年組", "")]


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


def rewritten_workbook(path, replace):
    """``path`` rewritten with ``replace(name, data) -> data | None`` (None drops the member)."""
    import zipfile

    with zipfile.ZipFile(path) as original:
        members = [(info, original.read(info)) for info in original.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as rewritten:
        for info, data in members:
            data = replace(info.filename, data)
            if data is not None:
                rewritten.writestr(info, data)
    return path


def eleven_row_workbook(tmp_path):
    workbook = Workbook()
    workbook.active.append(["Number", "Name"])
    for number in range(1, 11):
        workbook.active.append([number, f"Contestant {number}"])
    path = tmp_path / "r.xlsx"
    workbook.save(path)
    return path


@pytest.mark.parametrize("dimension", ["A1:B2", "A1"])
def test_xlsx_with_a_wrong_dimension_tag_keeps_every_row(tmp_path, dimension):
    import re

    def wrong_dimension(name, data):
        if name == "xl/worksheets/sheet1.xml":
            return re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"'.encode(), data)
        return data

    path = rewritten_workbook(eleven_row_workbook(tmp_path), wrong_dimension)
    preview = read_roster(path)
    assert [row.number for row in preview.rows] == [str(n) for n in range(1, 11)]


@pytest.mark.parametrize("damage", ["truncated sheet", "missing sheet", "bad cell"])
def test_damaged_xlsx_is_a_roster_error(tmp_path, damage):
    def damaged(name, data):
        if name == "xl/worksheets/sheet1.xml":
            if damage == "truncated sheet":
                return data[: len(data) // 2]
            if damage == "missing sheet":
                return None
            return data.replace(b'<c r="A2" t="n"><v>1</v></c>', b'<c r="A2" t="n"><v>one</v></c>')
        return data

    path = rewritten_workbook(eleven_row_workbook(tmp_path), damaged)
    with pytest.raises(RosterError, match="r.xlsx"):
        read_roster(path)


def test_gbk_roster_is_not_read_as_big5(tmp_path):
    path = write(tmp_path, "r.csv", "编号,姓名\n7,陈静\n8,王小明\n", "gbk")
    preview = read_roster(path)
    assert preview.encoding == "gb18030" and preview.has_header
    assert fields(preview) == [("7", "陈静", "", ""), ("8", "王小明", "", "")]


def test_western_excel_csv_is_read(tmp_path):
    path = write(tmp_path, "r.csv", "Number,Name\n1,José Müller\n2,Zoë Ångström\n", "cp1252")
    assert fields(read_roster(path)) == [("1", "José Müller", "", ""), ("2", "Zoë Ångström", "", "")]


@pytest.mark.parametrize("header", ["參賽號碼,參賽者姓名", "Contestant No.,Contestant Name", "Bib Number,Full Name"])
def test_longer_header_labels_are_recognised(tmp_path, header):
    preview = read_roster(write(tmp_path, "r.csv", f"{header}\n1,Ann\n2,Bea\n"))
    assert preview.has_header and fields(preview) == [("1", "Ann", "", ""), ("2", "Bea", "", "")]


@pytest.mark.parametrize("header", ["編 號,姓 名,組 別", "序號,選手姓名,組　別", " 編號 , 姓　 名 ,組別"])
def test_chinese_labels_spaced_out_as_forms_print_them_are_recognised(tmp_path, header):
    preview = read_roster(write(tmp_path, "r.csv", f"{header}\n1,陳怡君,小姐組\n"))
    assert preview.has_header and fields(preview) == [("1", "陳怡君", "小姐組", "")]


def test_unclosed_quote_is_reported_on_the_row_that_swallowed_the_next(tmp_path):
    preview = read_roster(write(tmp_path, "r.csv", 'number,name\n1,"Ann\n2,Bea\n3,Cy\n'))
    assert preview.rows[0].line == 2
    assert [problem.code for problem in preview.rows[0].problems] == ["row_over_several_lines"]
    assert str(preview.rows[0].problems[0]) == ("This row runs over lines 2–4: a quotation mark is probably not closed, "
                                                "so it took in '2,Bea / 3,Cy'.")
    assert preview.valid_rows() == []
    long = "".join(f"{n},Contestant number {n} with a long name\r\n" for n in range(2, 40))
    problem = read_roster(write(tmp_path, "long.csv", f'number,name\r\n1,"Ann\r\n{long}')).rows[0].problems[0]
    assert problem.params["last"] == 40 and problem.params["taken"].startswith("2,Contestant number 2 with")
    assert problem.params["taken"] == "2,Contestant number 2 with a long name / 3,Contestant number 3 with a long name…"


@pytest.mark.parametrize("text, last, taken", [
    ('number,name,notes\n1,Ann,"\n2,Bea,\n3,Cy,\n', 4, "2,Bea, / 3,Cy,"),  # the quote opens an empty cell
    ('number,name,notes\r\n1,Ann,"\r\n2,Bea,\r\n', 3, "2,Bea,"),  # the file ends inside it
    ('number,name,notes\r1,Ann,"late\r2,Bea,\r3,Cy,\r', 4, "2,Bea, / 3,Cy,")])
def test_the_lines_an_unclosed_quote_took_in_are_named(tmp_path, text, last, taken):
    row = read_roster(write(tmp_path, "r.csv", text)).rows[0]
    assert [(p.code, p.params["last"], p.params["taken"]) for p in row.problems] == [
        ("row_over_several_lines", last, taken)]


def test_a_line_separator_inside_a_cell_is_not_a_row_over_several_lines(tmp_path):
    rows = read_roster(write(tmp_path, "r.csv", "number,name\n1,Ann\u2028Lee\n2,Bea\x85\n")).rows
    assert [row.problems for row in rows] == [[], []]


def test_numbers_differing_only_in_leading_zeros_are_flagged(tmp_path):
    path = write(tmp_path, "r.csv", "number,name\n7,Ann\n007,Bea\nA01,Cy\n12,Dee\n")
    problems = {row.line: [str(problem) for problem in row.problems]
                for row in read_roster(path, existing_numbers=["A1"]).rows}
    assert problems[2] == [] and problems[5] == []
    assert problems[3] == ["Number 007 differs from number 7 at line 2 only in leading zeros."]
    assert problems[4] == ["Number A01 differs from number A1 in the contest only in leading zeros."]


def test_the_roster_sheet_is_chosen_over_an_instructions_sheet_and_every_sheet_is_named(tmp_path):
    workbook = Workbook()
    workbook.active.title = "Instructions"
    workbook.active.append(["Fill in the Roster sheet; one contestant per row."])
    roster = workbook.create_sheet("Roster")
    roster.append(["編號", "姓名"])
    roster.append([1, "王小明"])
    other = workbook.create_sheet("Judges")
    other.append([5, "Judge Lin"])
    path = tmp_path / "r.xlsx"
    workbook.save(path)
    preview = read_roster(path)
    assert (preview.sheet, preview.sheets) == ("Roster", ("Instructions", "Roster", "Judges"))
    assert fields(preview) == [("1", "王小明", "", "")]
    assert fields(read_roster(path, sheet="Judges")) == [("5", "Judge Lin", "", "")]
    with pytest.raises(RosterError, match="no sheet"):
        read_roster(path, sheet="Scores")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX named pipes")
def test_fifo_is_refused_without_hanging(tmp_path):
    path = tmp_path / "r.csv"
    os.mkfifo(path)
    with pytest.raises(RosterError, match="not a regular file"):
        read_roster(path)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="POSIX devices")
def test_link_to_an_endless_device_is_refused(tmp_path):
    path = tmp_path / "r.csv"
    path.symlink_to("/dev/zero")
    with pytest.raises(RosterError, match="not a regular file"):
        read_roster(path)


def test_oversized_roster_is_refused(tmp_path, monkeypatch):
    from core import roster

    monkeypatch.setattr(roster, "MAX_ROSTER_BYTES", 100)
    path = write(tmp_path, "r.csv", "number,name\n" + "1,Ann\n" * 30)
    with pytest.raises(RosterError, match="too large"):
        read_roster(path)
