"""Ranking by weighted total per division, and combining several judges' files (hand-computed)."""

from __future__ import annotations

import pytest

from core.contest import Contestant
from core.criteria import parse_criteria
from core.tabulation import JudgeSheet, TabulationError, rank_by_division, tabulate
from core.version import app_version

CRITERIA = parse_criteria("Poise=40,Interview=40,Face=20")
MISS, TEEN = "小姐組", "青少年組"
ROSTER = (Contestant(None, "1", "Amy Alexandra Fitzgerald-Lee", MISS),
          Contestant(None, "2", "Beatrice Okonkwo", MISS),
          Contestant(None, "3", "張雅婷", TEEN),
          Contestant(None, "4", "Dana", TEEN),
          Contestant(None, "5", "歐陽美玲", MISS))
# judge -> number -> (Poise, Interview, Face)
MARKS = {
    "Judge Chen": {"1": (8, 7, 9), "2": (9, 9, 9), "3": (6, 6, 6), "4": (7, 7, 7), "5": (9, 7, 8)},
    "Judge Lin": {"1": (9, 8, 8), "2": (9, 8, 9), "3": (6, 6, 6), "4": (7, 7, 7), "5": (9, 7, 8)},
    "Judge Wu": {"1": (7, 9, 7), "2": (9, 7, 9), "3": (6.3, 6, 5.7), "4": (7, 7, 7), "5": (9, 7, 8)},
}


def sheet(judge, marks, *, roster=ROSTER, criteria=CRITERIA, contest="Miss Taipei 2026", source=None):
    return JudgeSheet(source or f"{judge}.fsj", contest, judge, criteria, roster,
                      {number: dict(zip(("Poise", "Interview", "Face"), values))
                       for number, values in marks.items()})


def three_sheets():
    return [sheet(judge, marks) for judge, marks in MARKS.items()]


def table(tabulation):
    return [(row.ranked.contestant.number, row.ranked.rank, row.ranked.tie,
             None if row.ranked.total is None else round(row.ranked.total, 6))
            for row in tabulation.rows]


def test_three_judges_combined_by_hand():
    result = tabulate(three_sheets())
    # means: 1 → P8 I8 F8 = 32+32+16 = 80; 2 → P9 I8 F9 = 36+32+18 = 86; 5 → P9 I7 F8 = 36+28+16 = 80
    # 3 → P6.1 I6 F5.9 = 24.4+24+11.8 = 60.2; 4 → P7 I7 F7 = 70
    # 5 ties 1 on the total; its higher Poise (9 > 8) puts it second.
    assert table(result) == [("2", 1, False, 86), ("5", 2, False, 80), ("1", 3, False, 80),
                             ("4", 1, False, 70), ("3", 2, False, 60.2)]
    assert result.judges == ("Judge Chen", "Judge Lin", "Judge Wu")
    first = next(row for row in result.rows if row.ranked.contestant.number == "3")
    assert first.judge_marks["Poise"] == (6, 6, 6.3)
    assert first.ranked.marks["Face"] == pytest.approx(5.9)


def test_drop_highest_and_lowest_with_five_judges():
    poise = {"A": 5, "B": 8, "C": 8, "D": 9, "E": 10}
    sheets = [sheet(judge, {n: (p, 8, 8) for n in "12345"}) for judge, p in poise.items()]
    kept = tabulate(sheets)
    dropped = tabulate(sheets, drop_extremes=True)
    # all: Poise (5+8+8+9+10)/5 = 8 → 32+32+16 = 80; dropped: (8+8+9)/3 = 25/3 → 40×25/30 + 48 = 81.333…
    assert kept.rows[0].ranked.total == pytest.approx(80)
    assert dropped.rows[0].ranked.total == pytest.approx(48 + 100 / 3)
    assert dropped.drop_extremes and dropped.rows[0].judge_marks["Poise"] == (5, 8, 8, 9, 10)


def test_dropping_needs_five_judges():
    with pytest.raises(TabulationError) as caught:
        tabulate(three_sheets(), drop_extremes=True)
    assert caught.value.code == "too_few_judges_to_drop"


def test_tie_break_goes_criterion_by_criterion_and_a_full_tie_stays():
    contestants = [Contestant(None, str(n), f"C{n}", MISS) for n in range(1, 6)]
    # totals: 1 → 80 (P8 I8 F8); 2 → 80 (P8 I9 F6); 3 → 80 (P9 I7 F8); 4 and 5 → 70, all marks equal
    marks = {"1": (8, 8, 8), "2": (8, 9, 6), "3": (9, 7, 8), "4": (7, 7, 7), "5": (7, 7, 7)}
    entries = [(c, dict(zip(("Poise", "Interview", "Face"), marks[c.number]))) for c in contestants]
    rows = rank_by_division(CRITERIA, entries)
    assert [(r.contestant.number, r.rank, r.tie) for r in rows] == [
        ("3", 1, False), ("2", 2, False), ("1", 3, False), ("4", 4, True), ("5", 4, True)]


def test_unmarked_contestants_come_last_unranked():
    contestants = [Contestant(None, "1", "A", MISS), Contestant(None, "2", "B", MISS)]
    rows = rank_by_division(CRITERIA, [(contestants[0], {"Poise": 9}),
                                       (contestants[1], {"Poise": 5, "Interview": 5, "Face": 5})])
    assert [(r.contestant.number, r.rank, r.total) for r in rows] == [("2", 1, 50), ("1", None, None)]


def test_mismatched_rosters_are_all_listed_and_nothing_combined():
    other_roster = (ROSTER[0], Contestant(None, "2", "Beatrice Okafor", MISS), ROSTER[2], ROSTER[3])
    sheets = three_sheets() + [
        sheet("Judge Lin", MARKS["Judge Lin"], source="lin-copy.fsj"),
        sheet("Judge Ho", {k: v for k, v in MARKS["Judge Chen"].items() if k != "5"}, roster=other_roster),
        sheet("Judge Su", MARKS["Judge Chen"], criteria=parse_criteria("Poise=50,Interview=30,Face=20")),
        sheet("Judge Yu", MARKS["Judge Chen"], contest="Miss Kaohsiung 2026"),
        sheet("Judge Ko", {k: v for k, v in MARKS["Judge Chen"].items() if k != "4"}),
    ]
    with pytest.raises(TabulationError) as caught:
        tabulate(sheets)
    found = {(m.code, m.params.get("file"), m.params.get("number")) for m in caught.value.mismatches}
    assert found == {
        ("same_judge", "lin-copy.fsj", None),
        ("other_name", "Judge Ho.fsj", "2"),
        ("missing_contestant", "Judge Ho.fsj", "5"),
        ("other_criteria", "Judge Su.fsj", None),
        ("other_contest", "Judge Yu.fsj", None),
    }
    assert caught.value.code == "files_do_not_match"
    assert "Beatrice Okafor" in str(caught.value) and "Miss Kaohsiung 2026" in str(caught.value)


def test_a_mark_one_judge_left_out_is_a_mismatch():
    marks = {k: v for k, v in MARKS["Judge Wu"].items() if k != "4"}
    with pytest.raises(TabulationError) as caught:
        tabulate(three_sheets()[:2] + [sheet("Judge Wu", marks)])
    assert [(m.code, m.params["number"], m.params["criterion"]) for m in caught.value.mismatches] == [
        ("unmarked", "4", "Poise"), ("unmarked", "4", "Interview"), ("unmarked", "4", "Face")]


def test_a_missing_contestant_is_listed_once_not_also_as_unmarked():
    marks = {k: v for k, v in MARKS["Judge Wu"].items() if k != "4"}
    with pytest.raises(TabulationError) as caught:
        tabulate(three_sheets()[:2] + [sheet("Judge Wu", marks, roster=ROSTER[:3] + ROSTER[4:])])
    assert [(m.code, m.params["number"]) for m in caught.value.mismatches] == [("missing_contestant", "4")]


def test_a_contestant_no_judge_marked_stays_unranked():
    sheets = [sheet(judge, {k: v for k, v in marks.items() if k != "4"}) for judge, marks in MARKS.items()]
    rows = {row.ranked.contestant.number: row.ranked for row in tabulate(sheets).rows}
    assert rows["4"].rank is None and rows["3"].rank == 1


def test_file_without_judge_name_is_a_mismatch():
    with pytest.raises(TabulationError) as caught:
        tabulate([sheet("", MARKS["Judge Chen"]), sheet("Judge Lin", MARKS["Judge Lin"])])
    assert [m.code for m in caught.value.mismatches] == ["no_judge"]


def test_export_csv_and_xlsx_hold_every_judges_marks(tmp_path):
    import csv

    from openpyxl import load_workbook

    from core.tabulation_export import export_tabulation

    result = tabulate(three_sheets())
    export_tabulation(result, tmp_path / "result.csv")
    with open(tmp_path / "result.csv", encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [(r["division"], r["rank"], r["number"], r["total"]) for r in rows] == [
        (MISS, "1", "2", "86.00"), (MISS, "2", "5", "80.00"), (MISS, "3", "1", "80.00"),
        (TEEN, "1", "4", "70.00"), (TEEN, "2", "3", "60.20")]  # as the printed sheet writes them
    zhang = rows[-1]
    assert zhang["name"] == "張雅婷" and zhang["Poise"] == "6.10"
    assert [zhang[f"Poise ({judge})"] for judge in MARKS] == ["6.0", "6.0", "6.3"]  # to the criterion's step


    export_tabulation(result, tmp_path / "result.xlsx")
    workbook = load_workbook(tmp_path / "result.xlsx")
    sheet = workbook["Tabulation"]
    assert sheet.cell(1, 7).value == "Poise" and sheet.cell(6, 5).value == "張雅婷"
    assert (sheet.cell(2, 6).value, sheet.cell(2, 6).number_format) == (86, "0.00")  # a number, shown as printed
    assert sheet.cell(6, 7).number_format == "0.00" and sheet.cell(6, 8 + len(MARKS)).number_format == "0.0"
    rules = [row[0].value for row in workbook["Rules"].iter_rows()]
    assert any("Judge Wu" in line for line in rules)
    assert f"Made with FaceScore Judge {app_version()}." in rules


def test_the_result_says_draft_until_every_judges_file_is_finalized(tmp_path):
    import csv
    from dataclasses import replace

    from openpyxl import load_workbook

    from core.tabulation_export import export_tabulation, rules_text

    sheets = three_sheets()
    for finalized, state, status in (({"Judge Chen"}, "Draft: not finalized by Judge Lin, Judge Wu; these results "
                                                      "may still change.", "draft"),
                                     (set(MARKS), "Final: every judge's file is finalized.", "final")):
        result = tabulate([replace(sheet, finalized=sheet.judge in finalized) for sheet in sheets])
        assert state in rules_text(result)
        export_tabulation(result, tmp_path / "result.csv")
        with open(tmp_path / "result.csv", encoding="utf-8-sig", newline="") as file:
            assert {row["status"] for row in csv.DictReader(file)} == {status}
        export_tabulation(result, tmp_path / "result.xlsx")
        assert state in [row[0].value for row in load_workbook(tmp_path / "result.xlsx")["Rules"].iter_rows()]
    unmarked = {**MARKS["Judge Wu"], "3": (None, 6, 5.7)}  # final, yet one contestant has no total
    result = tabulate([replace(sheet("Judge Wu", unmarked), finalized=True)])
    assert rules_text(result)[1] == "Final: every judge's file is finalized. No total for No. 3: a mark is missing."


def test_one_laptop_with_the_camera_gives_every_contestant_the_advisory_mark():
    criteria = parse_criteria("Poise=80,Face=20", advisory="Face")
    roster = ROSTER[:2]
    camera = JudgeSheet("chen.fsj", "Miss Taipei 2026", "Judge Chen", criteria, roster,
                        {"1": {"Poise": 8, "Face": 5.5}, "2": {"Poise": 9}}, {"1": 3.0})  # no 2's photo
    typed = [JudgeSheet(f"{judge}.fsj", "Miss Taipei 2026", judge, criteria, roster,
                        {"1": {"Poise": 6}, "2": {"Poise": 7}}) for judge in ("Judge Lin", "Judge Wu")]
    rows = {row.ranked.contestant.number: row for row in tabulate([camera, *typed]).rows}
    assert rows["1"].ranked.marks == {"Poise": pytest.approx(20 / 3), "Face": 5.5}  # 3.0 on 1-10
    assert rows["1"].judge_marks["Face"] == (5.5, None, None) and rows["1"].advisory == 3.0
    assert rows["2"].ranked.total is None and rows["2"].ranked.rank is None  # no face score anywhere yet


def test_the_advisory_mark_is_the_mean_face_score_and_never_dropped_as_an_extreme():
    criteria = parse_criteria("Poise=80,Face=20", advisory="Face")
    faces = (1.0, 2.0, 3.0, 3.0, 5.0)  # mean 2.8; without the lowest and highest 2.67
    sheets = [JudgeSheet(f"j{index}.fsj", "Miss Taipei 2026", f"Judge {index}", criteria, ROSTER[:1],
                         {"1": {"Poise": 8, "Face": 1 + (face - 1) * 9 / 4}}, {"1": face})
              for index, face in enumerate(faces)]
    row = tabulate(sheets, drop_extremes=True).rows[0]
    assert row.ranked.marks["Face"] == pytest.approx(1 + (sum(faces) / 5 - 1) * 9 / 4)


def test_each_judges_advisory_mark_is_written_to_two_decimals_as_printed(tmp_path):
    import csv

    from core.criteria import with_advisory
    from core.tabulation_export import export_tabulation

    criteria = parse_criteria("Poise=80,Face=20", advisory="Face")
    sheets = [JudgeSheet(f"{judge}.fsj", "Miss Taipei 2026", judge, criteria, ROSTER[:1],
                         {"1": with_advisory(criteria, {"Poise": 8.5}, face)}, {"1": face})
              for judge, face in (("Judge Chen", 3.4372), ("Judge Lin", 2.9001))]  # 6.4837, 5.2752 on 1-10
    result = tabulate(sheets)
    assert result.rows[0].judge_marks["Face"] == (6.48, 5.28)
    assert result.rows[0].ranked.total == pytest.approx(0.8 * 85 + 0.2 * 10 * 5.88)  # adds up as printed
    export_tabulation(result, tmp_path / "result.csv")
    with open(tmp_path / "result.csv", encoding="utf-8-sig", newline="") as file:
        row = next(csv.DictReader(file))
    assert (row["Face (Judge Chen)"], row["Face (Judge Lin)"], row["Poise (Judge Chen)"]) == ("6.48", "5.28", "8.5")


def test_totals_printed_alike_are_a_tie_the_first_criterion_breaks():
    criteria = parse_criteria("Interview=45:1-10:0.01,Poise=55:1-10:0.01")
    roster = ROSTER[:2]
    marks = [{"1": {"Interview": 8, "Poise": 7}, "2": {"Interview": 8, "Poise": 7}}] * 2 + [
        {"1": {"Interview": 7.94, "Poise": 7.05}, "2": {"Interview": 8, "Poise": 7}}]
    sheets = [JudgeSheet(f"j{index}.fsj", "Miss Taipei 2026", f"Judge {index}", criteria, roster, judged)
              for index, judged in enumerate(marks)]
    rows = {row.ranked.contestant.number: row.ranked for row in tabulate(sheets).rows}
    assert f"{rows['1'].total:.2f}" == f"{rows['2'].total:.2f}" == "74.50"  # 74.5017 and 74.5000
    assert (rows["2"].rank, rows["1"].rank) == (1, 2)  # Interview 8.00 against 7.98
    assert not rows["1"].tie and not rows["2"].tie


def test_one_total_reached_two_ways_prints_and_ranks_as_one():
    criteria = parse_criteria("Interview=45:1-10:0.01,Poise=55:1-10:0.01")
    marks = {"1": {"Interview": 9.5, "Poise": 6.35}, "2": {"Interview": 6.31, "Poise": 8.96}}  # 77.675 both
    rows = {row.ranked.contestant.number: row.ranked
            for row in tabulate([JudgeSheet("j.fsj", "Miss Taipei 2026", "Judge Chen", criteria, ROSTER[:2], marks)]).rows}
    assert rows["2"].total != rows["1"].total  # 77.67500000000001 and 77.675 as floats
    assert (rows["1"].rank, rows["2"].rank) == (1, 2)  # a tie as printed (77.68), Interview 9.50 first


def test_export_never_writes_a_formula_even_behind_a_control_character(tmp_path):
    import csv

    from openpyxl import load_workbook

    from core.tabulation_export import export_tabulation

    roster = (Contestant(None, "1", "\x01=HYPERLINK(\"http://x\",\"y\")", MISS),)
    criteria = parse_criteria("+Poise=100")
    result = tabulate([JudgeSheet("a.fsj", "\x02@contest", "Judge Chen", criteria, roster, {"1": {"+Poise": 8}})])
    export_tabulation(result, tmp_path / "result.csv")
    with open(tmp_path / "result.csv", encoding="utf-8-sig", newline="") as file:
        header, first = list(csv.reader(file))[:2]
    assert header[6] == "'+Poise" and first[4] == "'=HYPERLINK(\"http://x\",\"y\")"

    export_tabulation(result, tmp_path / "result.xlsx")
    workbook = load_workbook(tmp_path / "result.xlsx")
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert all(cell.data_type != "f" for cell in cells)
    name = workbook["Tabulation"].cell(2, 5)
    assert name.value == "=HYPERLINK(\"http://x\",\"y\")" and name.quotePrefix and name.data_type == "s"
    assert workbook["Rules"].cell(1, 1).value == "Contest: @contest"
