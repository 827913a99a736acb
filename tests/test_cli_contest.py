"""``facescore contest new | mark`` and ``facescore tabulate``: the grid's rules from the command line."""

from __future__ import annotations

import csv

import pytest

from cli.main import main
from core.contest import Contestant
from core.store import ContestStore

ROSTER = [Contestant(None, "1", "Amy Alexandra Fitzgerald-Lee", "小姐組"),
          Contestant(None, "2", "張雅婷", "小姐組")]


def new_contest(path, judge="Judge Chen", criteria="Poise=40,Interview=40,Face=20"):
    assert main(["contest", "new", str(path), "--name", "Miss Taipei 2026", "--criteria", criteria,
                 "--judge", judge]) == 0
    with ContestStore(path) as store:
        store.import_contestants(ROSTER)
    return path


def test_new_holds_name_judge_and_criteria(tmp_path, capsys):
    path = new_contest(tmp_path / "chen.sqlite")
    assert "Poise 40 %" in capsys.readouterr().out
    with ContestStore(path) as store:
        assert (store.contest_name, store.judge_name) == ("Miss Taipei 2026", "Judge Chen")
        assert [(c.name, c.weight) for c in store.criteria] == [("Poise", 40), ("Interview", 40), ("Face", 20)]
        assert "criteria_set" in [entry.action for entry in store.audit_log()]


@pytest.mark.parametrize("criteria, reason", [("Poise=40,Interview=40", "add up to 80 %, not 100 %"),
                                              ("Poise=50:5-5,Face=50", "is empty")])
def test_new_refuses_bad_criteria_and_leaves_no_file(tmp_path, capsys, criteria, reason):
    path = tmp_path / "bad.sqlite"
    assert main(["contest", "new", str(path), "--name", "X", "--criteria", criteria]) == 2
    assert reason in capsys.readouterr().err
    assert not path.exists()


def test_new_never_overwrites_a_contest(tmp_path, capsys):
    path = new_contest(tmp_path / "chen.sqlite")
    assert main(["contest", "new", str(path), "--name", "Other"]) == 2
    assert "already exists" in capsys.readouterr().err
    with ContestStore(path) as store:
        assert store.contest_name == "Miss Taipei 2026"


def test_mark_stores_audits_and_prints_the_total(tmp_path, capsys):
    path = new_contest(tmp_path / "chen.sqlite")
    assert main(["contest", "mark", str(path), "1", "poise=8.5", "Interview=7", "Face=9,0"]) == 0
    assert "Poise 8.5, Interview 7.0, Face 9.0; total 80.00" in capsys.readouterr().out  # as the files write them
    assert main(["contest", "mark", str(path), "2", "Poise=6"]) == 0
    assert "total incomplete" in capsys.readouterr().out
    with ContestStore(path) as store:
        ids = {c.number: c.id for c in store.contestants()}
        assert store.marks() == {ids["1"]: {"Poise": 8.5, "Interview": 7, "Face": 9}, ids["2"]: {"Poise": 6}}
        marked = [(e.judge, e.after) for e in store.audit_log() if e.action == "marked"]
        assert marked[0] == ("Judge Chen", {"Poise": 8.5}) and len(marked) == 4


def test_mark_finds_a_number_typed_without_its_leading_zeros(tmp_path, capsys):
    path = new_contest(tmp_path / "chen.sqlite")
    with ContestStore(path) as store:
        store.import_contestants([Contestant(None, "007", "陳怡君", "小姐組"), Contestant(None, "A7", "Ann", "")])
    assert main(["contest", "mark", str(path), "7", "Poise=8"]) == 0  # from a paper sheet that says 7
    assert main(["contest", "mark", str(path), "a 7", "Poise=6"]) == 0
    with ContestStore(path) as store:
        marked = {c.number: store.marks().get(c.id) for c in store.contestants()}
        assert marked["007"] == {"Poise": 8} and marked["A7"] == {"Poise": 6}

    from core.contest import contestant_numbered

    both = [Contestant(1, "007", "陳怡君"), Contestant(2, "07", "Lin")]  # a file older than the rule refusing 07
    assert contestant_numbered("0007", both, "0007") is None  # 007 or 07: not guessed between
    assert contestant_numbered("07", both, "07").name == "Lin"


def test_mark_is_all_or_none(tmp_path, capsys):
    path = new_contest(tmp_path / "chen.sqlite")
    assert main(["contest", "mark", str(path), "1", "Poise=8", "Interview=11"]) == 2
    assert "from 1 to 10, not 11" in capsys.readouterr().err
    assert main(["contest", "mark", str(path), "1", "Poise=8", "Talent=7"]) == 2
    assert "no criterion Talent" in capsys.readouterr().err
    assert main(["contest", "mark", str(path), "9", "Poise=8"]) == 2
    assert "no contestant number 9" in capsys.readouterr().err
    with ContestStore(path) as store:
        assert store.marks() == {}


def test_mark_refuses_another_judges_file_and_a_finalized_contest(tmp_path, capsys):
    path = new_contest(tmp_path / "chen.sqlite")
    assert main(["contest", "mark", str(path), "1", "Poise=8", "--judge", "judge  chen"]) == 0
    assert main(["contest", "mark", str(path), "1", "Poise=9", "--judge", "Judge Lin"]) == 2
    assert "holds the marks of Judge Chen" in capsys.readouterr().err
    with ContestStore(path) as store:
        store.finalize()
    assert main(["contest", "mark", str(path), "1", "Poise=9"]) == 2
    assert "finalized" in capsys.readouterr().err
    with ContestStore(path) as store:
        assert list(store.marks().values()) == [{"Poise": 8}]


def test_tabulate_three_files_to_csv(tmp_path, capsys):
    marks = {"Judge Chen": ("8", "9"), "Judge Lin": ("9", "9"), "Judge Wu": ("7", "6")}  # Poise of 1, of 2
    files = []
    for judge, (amy, ya_ting) in marks.items():
        path = new_contest(tmp_path / f"{judge}.sqlite", judge, "Poise=50,Interview=50")
        for number, poise in (("1", amy), ("2", ya_ting)):
            assert main(["contest", "mark", str(path), number, f"Poise={poise}", "Interview=8"]) == 0
        files.append(str(path))
    out = tmp_path / "result.csv"
    assert main(["tabulate", *files, "--out", str(out)]) == 0
    with open(out, encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    # Poise means: Amy (8+9+7)/3 = 8, 張雅婷 (9+9+6)/3 = 8; both 40 + 40 = 80 and equal in every criterion: tied
    assert [(r["name"], r["rank"], r["tie"], float(r["total"])) for r in rows] == [
        ("Amy Alexandra Fitzgerald-Lee", "1", "TRUE", 80), ("張雅婷", "1", "TRUE", 80)]
    assert [float(r["Poise (Judge Wu)"]) for r in rows] == [7, 6]


def test_tabulate_lists_mismatches_and_writes_nothing(tmp_path, capsys):
    chen = new_contest(tmp_path / "chen.sqlite")
    again = new_contest(tmp_path / "chen-2.sqlite")
    out = tmp_path / "result.csv"
    assert main(["tabulate", str(chen), str(again), "--out", str(out)]) == 1
    assert "Two files hold the marks of Judge Chen" in capsys.readouterr().err
    assert not out.exists()
