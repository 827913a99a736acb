"""Criteria and a judge's marks in the contest file: validated, audited in the same transaction,
refused while finalized, criteria locked after the first mark, older files migrated."""

from __future__ import annotations

import sqlite3

import pytest

import core.store
from core.contest import Capture, Contestant
from core.criteria import CriteriaError, parse_criteria
from core.errors import StoreError
from core.store import MIGRATIONS, ContestStore, read_judge_sheet
from core.tabulation import tabulate

CRITERIA = parse_criteria("Poise=40,Interview=40,Face=20")


@pytest.fixture
def store(tmp_path):
    with ContestStore(tmp_path / "contest.sqlite") as store:
        store.contest_name = "Miss Taipei 2026"
        store.judge_name = "Judge Chen"
        store.import_contestants([Contestant(None, "1", "Amy Alexandra Fitzgerald-Lee", "小姐組"),
                                  Contestant(None, "2", "張雅婷", "青少年組")])
        yield store


def ids(store):
    return {c.number: c.id for c in store.contestants()}


def test_criteria_round_trip_and_audit(store):
    assert store.criteria == ()
    store.set_criteria(CRITERIA)
    assert store.criteria == CRITERIA
    entry = store.audit_log()[-1]
    assert (entry.action, entry.judge) == ("criteria_set", "Judge Chen")
    assert "Poise 40 %" in entry.after["criteria"]


def test_weights_not_100_are_refused_and_nothing_is_stored(store):
    with pytest.raises(CriteriaError) as caught:
        store.set_criteria(parse_criteria("Poise=40,Interview=40,Face=20")[:2])
    assert caught.value.code == "weights_not_100"
    assert store.criteria == ()


def test_marks_are_validated_stored_and_audited(store):
    store.set_criteria(CRITERIA)
    amy = ids(store)["1"]
    assert store.set_mark(amy, "poise", 8.5) == 8.5
    store.set_mark(amy, "Poise", 9)
    assert store.marks() == {amy: {"Poise": 9}}
    for bad in (10.5, 0, 8.55):
        with pytest.raises(CriteriaError):
            store.set_mark(amy, "Poise", bad)
    with pytest.raises(CriteriaError) as caught:
        store.set_mark(amy, "Talent", 8)
    assert caught.value.code == "unknown_criterion"
    store.set_mark(amy, "Poise", None)
    assert store.marks() == {}
    marks = [(e.action, e.contestant_id, e.before, e.after) for e in store.audit_log()
             if e.action in ("marked", "mark_cleared")]
    assert marks == [("marked", amy, None, {"Poise": 8.5}), ("marked", amy, {"Poise": 8.5}, {"Poise": 9}),
                     ("mark_cleared", amy, {"Poise": 9}, None)]


def test_marks_of_one_contestant_are_stored_all_or_none(store):
    store.set_criteria(CRITERIA)
    amy = ids(store)["1"]
    with pytest.raises(CriteriaError) as caught:
        store.set_marks(amy, {"Poise": 8, "Interview": 11})
    assert caught.value.code == "mark_out_of_range"
    assert store.marks() == {}
    assert store.set_marks(amy, {"poise": 8, "Face": 9.25 - 0.05}) == {"Poise": 8, "Face": 9.2}
    assert store.marks() == {amy: {"Poise": 8, "Face": 9.2}}


def test_criteria_are_locked_after_the_first_mark(store):
    store.set_criteria(CRITERIA)
    store.set_mark(ids(store)["2"], "Face", 7)
    with pytest.raises(StoreError) as caught:
        store.set_criteria(parse_criteria("Poise=50,Interview=50"))
    assert caught.value.code == "criteria_locked"
    assert store.criteria == CRITERIA


def test_what_is_incomplete_before_finalizing(store):
    from core.contest import Capture

    def numbers():
        return tuple([c.number for c in part] for part in store.incomplete())

    assert numbers() == (["1", "2"], [])  # no criteria: only the scores are missing
    store.set_criteria(parse_criteria("Poise=40,Interview=40,Face=20", advisory="Face"))
    first = ids(store)["1"]
    store.set_mark(first, "Poise", 8)
    store.add_capture(Capture(None, first, 3.0, 0.29, 3, 50.0, "v", 0.0, 5, b"", "2026-11-29T10:00:00+00:00",
                              "camera"))
    assert numbers() == (["2"], ["1", "2"])  # Interview missing for No. 1; No. 2 has nothing
    store.set_mark(first, "Interview", 7)  # the advisory Face is the score's, not the judge's to give
    assert numbers() == (["2"], ["2"])


def test_a_finalized_contest_refuses_marks_and_criteria(store):
    store.set_criteria(CRITERIA)
    store.finalize()
    with pytest.raises(StoreError) as caught:
        store.set_mark(ids(store)["1"], "Poise", 8)
    assert caught.value.code == "contest_finalized"
    with pytest.raises(StoreError):
        store.set_criteria(CRITERIA)
    assert store.marks() == {}
    store.reopen("Head Judge Chen", "a mistyped mark")
    store.set_mark(ids(store)["1"], "Poise", 8)
    assert store.marks() == {ids(store)["1"]: {"Poise": 8}}


def test_sheet_fills_the_advisory_criterion_from_the_capture(store):
    store.set_criteria(parse_criteria("Poise=40,Interview=40,Face=20", advisory="Face"))
    amy = ids(store)["1"]
    store.add_capture(Capture(None, amy, 3.0, 0.29, 3, 50.0, "v1", 0.05, 5, b"png", "2026-11-29T10:00:00+00:00",
                              "camera"))
    store.set_mark(amy, "Poise", 8)
    store.set_mark(amy, "Interview", 7)
    with pytest.raises(CriteriaError):
        store.set_mark(amy, "Face", 5)
    sheet = store.judge_sheet()
    assert sheet.judge == "Judge Chen" and sheet.contest_name == "Miss Taipei 2026"
    assert sheet.marks["1"] == {"Poise": 8, "Interview": 7, "Face": 5.5}  # 3.0 on 1–5 → 5.5 on 1–10
    assert sheet.advisory == {"1": 3.0}
    result = tabulate([sheet])
    assert result.rows[0].ranked.total == pytest.approx(32 + 28 + 11)
    assert not sheet.finalized and result.drafts == ("Judge Chen",)
    store.finalize()
    assert store.judge_sheet().finalized and tabulate([store.judge_sheet()]).final
    store.reopen("Head Judge Chen", "a mistyped mark")
    assert tabulate([store.judge_sheet()]).drafts == ("Judge Chen",)


def test_a_file_from_before_criteria_is_migrated(tmp_path):
    path = tmp_path / "old.sqlite"
    with ContestStore(path) as store:
        store.add_contestant(Contestant(None, "1", "Amy"))
    db = sqlite3.connect(path)
    db.executescript(f"DROP TABLE marks; DROP TABLE criteria; PRAGMA user_version = {len(MIGRATIONS) - 1};")
    db.close()
    with ContestStore(path) as store:
        assert store.criteria == () and store.marks() == {}
        store.set_criteria(CRITERIA)
        store.set_mark(store.contestants()[0].id, "Poise", 7)
        assert [c.name for c in store.contestants()] == ["Amy"]


def test_a_judges_file_is_read_for_tabulation_without_changing_it(store, monkeypatch):
    store.set_criteria(CRITERIA)
    store.set_mark(ids(store)["1"], "Poise", 8)
    store.close()
    before = store.path.read_bytes()
    # the tabulating laptop runs a newer version: its migration must not touch the judge's file
    monkeypatch.setattr(core.store, "MIGRATIONS", [*MIGRATIONS, "CREATE TABLE later (x INTEGER);"])
    sheet = read_judge_sheet(store.path)
    assert sheet.source == str(store.path) and sheet.judge == "Judge Chen"
    assert sheet.marks["1"] == {"Poise": 8}
    assert store.path.read_bytes() == before


def test_a_file_that_is_no_contest_is_reported_under_its_own_name(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("not a contest")
    with pytest.raises(StoreError) as caught:
        read_judge_sheet(path)
    assert caught.value.code == "not_a_contest_file"
    assert str(caught.value) == f"{path} is not a FaceScore contest file."
