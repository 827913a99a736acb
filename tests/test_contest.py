import dataclasses

import pytest

from core.contest import Capture, Contestant, ValidationError, natural_key, number_key, validate_contestant
from core.errors import FaceScoreError
from core.score import Score


def test_number_key_ignores_case_and_whitespace():
    assert number_key(" a 12 ") == number_key("A12")


def test_natural_order_puts_2_before_10():
    numbers = ["10", "2", "A10", "a2", "1", "B1"]
    assert sorted(numbers, key=natural_key) == ["1", "2", "10", "a2", "A10", "B1"]


@pytest.mark.parametrize("number, name, field", [("", "Ann", "number"), ("  ", "Ann", "number"),
                                                 ("1", "", "name"), ("1", " \t", "name")])
def test_empty_fields_are_rejected(number, name, field):
    with pytest.raises(ValidationError) as caught:
        validate_contestant(Contestant(None, number, name), [])
    assert caught.value.field == field
    assert isinstance(caught.value, FaceScoreError)
    assert str(caught.value)


def test_duplicate_number_is_rejected_case_and_whitespace_insensitively():
    existing = [Contestant(1, "A7", "王小明")]
    with pytest.raises(ValidationError, match="王小明") as caught:
        validate_contestant(Contestant(None, " a7 ", "陳美麗"), existing)
    assert caught.value.field == "number"


def test_a_number_differing_only_in_leading_zeros_is_refused_as_the_roster_preview_flags_it():
    existing = [Contestant(1, "1", "Ann"), Contestant(2, "A7", "Bea")]
    for number, other in (("01", "1"), ("a007", "A7")):
        with pytest.raises(ValidationError) as caught:
            validate_contestant(Contestant(None, number, "Cy"), existing)
        assert caught.value.code == "number_leading_zeros_in_contest" and caught.value.params["other"] == other
    validate_contestant(Contestant(1, "001", "Ann"), existing)  # renumbering 1 as 001 is no clash with itself
    older = [Contestant(1, "5", "Ann"), Contestant(2, "05", "Bea")]  # a pair in a file older than the rule
    validate_contestant(Contestant(2, "05", "Bea B."), older, new_number=False)  # stays editable


def test_a_division_spelt_in_another_case_joins_the_one_there(tmp_path):
    from core.store import ContestStore

    with ContestStore(tmp_path / "c.sqlite") as store:
        store.add_contestant(Contestant(None, "1", "Ann", "Teen"))
        bea = store.add_contestant(Contestant(None, "2", "Bea", " teen "))
        assert bea.division == "Teen"
        assert {c.division for c in store.contestants()} == {"Teen"}
        store.update_contestant(dataclasses.replace(bea, division="TEEN"))  # an edit is taken as typed
        assert {c.division for c in store.contestants()} == {"Teen", "TEEN"}


def test_editing_a_contestant_is_not_a_duplicate_of_itself():
    existing = [Contestant(1, "7", "Ann"), Contestant(2, "8", "Bea")]
    validate_contestant(Contestant(1, "7", "Ann B."), existing)
    with pytest.raises(ValidationError):
        validate_contestant(Contestant(1, "8", "Ann"), existing)


def test_capture_round_trips_a_score():
    score = Score(3.456, 0.3, 4, 71.2, "v1")
    capture = Capture.from_score(5, score, spread=0.05, frames_used=8, crop_png=b"png", source="camera")
    assert capture.to_score() == score
    assert capture.captured_at.endswith("+00:00")
    assert capture.id is None and capture.current
