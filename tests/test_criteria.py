"""Criteria, weights and marks: what a contest accepts and refuses, and the weighted total."""

from __future__ import annotations

import pytest

from core.criteria import (
    CriteriaError,
    Criterion,
    advisory_mark,
    criterion_named,
    parse_criteria,
    parse_mark,
    validate_criteria,
    weighted_total,
)


def test_parse_with_defaults_and_ranges():
    criteria = parse_criteria("Poise=40, Interview=40:1-100, Face=20:0-10:0.5")
    assert criteria == (Criterion("Poise", 40, 1, 10, 0.1), Criterion("Interview", 40, 1, 100, 0.1),
                        Criterion("Face", 20, 0, 10, 0.5))


def test_advisory_criterion_is_named():
    criteria = parse_criteria("Poise=40,Interview=40,Face=20", advisory="face")
    assert [c.advisory for c in criteria] == [False, False, True]
    with pytest.raises(CriteriaError) as caught:
        parse_criteria("Poise=40,Interview=60", advisory="Face")
    assert caught.value.code == "unknown_criterion"


@pytest.mark.parametrize("text, code", [
    ("Poise=40,Interview=40,Face=30", "weights_not_100"),
    ("Poise=40,Interview=40", "weights_not_100"),
    ("Poise=50,poise=50", "criterion_twice"),
    ("Poise=100:10-10", "empty_range"),
    ("Poise=100:10-1", "empty_range"),
    ("Poise=100:1-10:0.7", "bad_step"),
    ("Poise=100:1-10:0", "bad_step"),
    ("Poise=0,Interview=100", "weight_not_positive"),
    ("Poise 40", "unreadable_criterion"),
    ("=100", "unreadable_criterion"),
])
def test_invalid_criteria_are_refused_with_a_code(text, code):
    with pytest.raises(CriteriaError) as caught:
        parse_criteria(text)
    assert caught.value.code == code


def test_weights_message_states_the_sum():
    with pytest.raises(CriteriaError) as caught:
        parse_criteria("Poise=40,Interview=40,Face=30")
    assert str(caught.value) == "The weights add up to 110 %, not 100 %."
    assert caught.value.params == {"total": 110.0}


def test_two_advisory_criteria_are_refused():
    with pytest.raises(CriteriaError) as caught:
        validate_criteria([Criterion("A", 50, advisory=True), Criterion("B", 50, advisory=True)])
    assert caught.value.code == "advisory_twice"


def test_weights_in_thirds_add_up():
    assert len(validate_criteria([Criterion(n, 100 / 3) for n in "ABC"])) == 3


@pytest.mark.parametrize("text, value", [("8.5", 8.5), ("8,5", 8.5), (" 10 ", 10.0), ("1", 1.0),
                                         ("7.3", 7.3)])
def test_valid_marks(text, value):
    assert parse_mark(Criterion("Poise", 40), text) == value


@pytest.mark.parametrize("text, code", [("10.1", "mark_out_of_range"), ("0.9", "mark_out_of_range"),
                                        ("-3", "mark_out_of_range"), ("8.55", "mark_off_step"),
                                        ("eight", "mark_not_a_number"), ("", "mark_not_a_number"),
                                        ("nan", "mark_out_of_range")])
def test_invalid_marks_are_refused(text, code):
    with pytest.raises(CriteriaError) as caught:
        parse_mark(Criterion("Poise", 40), text)
    assert caught.value.code == code


def test_out_of_range_message():
    with pytest.raises(CriteriaError) as caught:
        parse_mark(Criterion("Interview", 40, 1, 100, 1), "101")
    assert str(caught.value) == "A mark for Interview must be from 1 to 100, not 101."


def test_advisory_criterion_is_not_marked_by_hand():
    with pytest.raises(CriteriaError) as caught:
        parse_mark(Criterion("Face", 20, advisory=True), "8")
    assert caught.value.code == "advisory_not_marked"


@pytest.mark.parametrize("score, mark", [(1.0, 1.0), (5.0, 10.0), (3.0, 5.5), (0.5, 1.0), (5.4, 10.0)])
def test_advisory_score_maps_linearly_onto_the_range(score, mark):
    assert advisory_mark(Criterion("Face", 20, 1, 10, advisory=True), score) == pytest.approx(mark)


def test_weighted_total_is_out_of_100():
    criteria = parse_criteria("Poise=40,Interview=40:1-100:1,Face=20")
    # 40 × 8/10 + 40 × 75/100 + 20 × 5/10 = 32 + 30 + 10
    assert weighted_total(criteria, {"Poise": 8, "Interview": 75, "Face": 5}) == pytest.approx(72)
    assert weighted_total(criteria, {"Poise": 8, "Interview": 75}) is None


def test_criterion_named_ignores_case():
    criteria = parse_criteria("Poise=40,Interview=60")
    assert criterion_named(criteria, " poise ").name == "Poise"
    with pytest.raises(CriteriaError) as caught:
        criterion_named(criteria, "Talent")
    assert caught.value.code == "unknown_criterion"


@pytest.mark.parametrize("value, text", [(77.675, "77.68"), (77.67500000000001, "77.68"), (77.6749, "77.67"),
                                         (0.125, "0.13"), (2.675, "2.68"), (None, "–")])
def test_printed_rounds_halves_up_after_float_noise(value, text):
    from core.criteria import printed_text

    assert printed_text(value, "–") == text  # f"{2.675:.2f}" is "2.67": the float lies just below
