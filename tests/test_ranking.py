import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.contest import Capture, Contestant
from core.ranking import RankedRow, rank


def results(*scores):
    """One contestant per score, numbered 1..n; None means not yet scored."""
    pairs = []
    for index, score in enumerate(scores, start=1):
        contestant = Contestant(index, str(index), f"c{index}")
        capture = None if score is None else Capture(
            index, index, score, 0.3, 4, 50.0, "v1", 0.0, 8, b"", "2024-05-01T10:00:00+00:00", "camera")
        pairs.append((contestant, capture))
    return pairs


def summary(rows):
    return [(row.contestant.number, row.rank, row.tie) for row in rows]


def test_sorted_descending_without_ties():
    assert summary(rank(results(3.1, 4.2, 2.0), band=0.05)) == [
        ("2", 1, False), ("1", 2, False), ("3", 3, False)]


def test_competition_ranking_within_band():
    rows = rank(results(4.20, 4.18, 3.90, 3.89, 3.50), band=0.05)
    assert summary(rows) == [("1", 1, True), ("2", 1, True), ("3", 3, True), ("4", 3, True),
                             ("5", 5, False)]


def test_group_is_measured_from_its_top_score_not_chained():
    # 4.16 is within 0.05 of 4.20, 4.12 is within 0.05 of 4.16 but not of 4.20.
    rows = rank(results(4.20, 4.16, 4.12), band=0.05)
    assert summary(rows) == [("1", 1, True), ("2", 1, True), ("3", 3, False)]


def test_band_edge_is_not_a_tie_and_decimals_behave_as_written():
    assert summary(rank(results(4.3, 4.2), band=0.1)) == [("1", 1, False), ("2", 2, False)]
    assert summary(rank(results(4.2, 4.1), band=0.1)) == [("1", 1, False), ("2", 2, False)]


def test_equal_scores_always_tie_even_with_zero_band():
    rows = rank(results(3.5, 3.5, 3.0), band=0.0)
    assert summary(rows) == [("1", 1, True), ("2", 1, True), ("3", 3, False)]


def test_unscored_last_in_number_order():
    rows = rank(results(None, 3.0, None), band=0.1)
    assert summary(rows) == [("2", 1, False), ("1", None, False), ("3", None, False)]
    assert rows[1].capture is None
    assert isinstance(rows[0], RankedRow)


def test_empty_and_negative_band():
    assert rank([], band=0.1) == []
    with pytest.raises(ValueError):
        rank(results(3.0), band=-0.1)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.none(), st.floats(1.0, 5.0)), max_size=20), st.floats(0.0, 1.0))
def test_rank_invariants(scores, band):
    rows = rank(results(*scores), band)
    assert len(rows) == len(scores)
    ranked = [row for row in rows if row.rank is not None]
    assert [row.capture.score for row in ranked] == sorted((s for s in scores if s is not None), reverse=True)
    assert all(row.rank is None for row in rows[len(ranked):])
    for position, row in enumerate(ranked):
        assert 1 <= row.rank <= position + 1
        if position and ranked[position - 1].capture.score == row.capture.score:
            assert row.rank == ranked[position - 1].rank and row.tie
        assert sum(1 for other in ranked if other.rank < row.rank) == row.rank - 1
