from hypothesis import given, settings
from hypothesis import strategies as st

from core.contest import Capture, Contestant
from core.ranking import RankedRow, rank, rank_text


def results(*scores, error=0.05, division=""):
    """One contestant per score, numbered 1..n; None means not yet scored; a (score, error) pair
    gives that capture its own error."""
    pairs = []
    for index, score in enumerate(scores, start=1):
        contestant = Contestant(index, str(index), f"c{index}", division)
        capture = None
        if score is not None:
            value, own_error = score if isinstance(score, tuple) else (score, error)
            capture = Capture(index, index, value, own_error, 4, 50.0, "v1", 0.0, 8, b"",
                              "2024-05-01T10:00:00+00:00", "camera")
        pairs.append((contestant, capture))
    return pairs


def summary(rows):
    return [(row.contestant.number, rank_text(row)) for row in rows]


def test_clear_differences_give_single_places():
    assert summary(rank(results(3.1, 4.2, 2.0))) == [("2", "1"), ("1", "2"), ("3", "3")]


def test_ranges_are_not_anchored_at_a_group_top():
    # errors 0.05: 4.20 is surely above 4.12 (0.08 >= 0.05); neither is sure against 4.16.
    rows = rank(results(4.20, 4.16, 4.12))
    assert summary(rows) == [("1", "1 (1–2)"), ("2", "2 (1–3)"), ("3", "3 (2–3)")]
    assert [(row.rank, row.rank_low, row.rank_high, row.tie) for row in rows] == [
        (1, 1, 2, True), (2, 1, 3, True), (3, 2, 3, True)]


def test_issue_example_with_the_usual_error():
    # 3.50 ± 0.29 among others: surely below 3.95 and 3.80 ((0.29 + 0.29) / 2 = 0.29), unsure of
    # 3.70, 3.60 and 3.30, surely above 3.10.
    rows = rank(results(3.95, 3.80, 3.50, 3.70, 3.60, 3.30, 3.10, error=0.29))
    assert dict(summary(rows))["3"] == "5 (3–6)"
    assert dict(summary(rows))["1"] == "1 (1–3)"


def test_each_capture_uses_its_own_error():
    # 4.0 ± 0.1 vs 3.8 ± 0.5: mean error 0.3 > 0.2, so a tie; with 0.1 both, a clear order.
    assert summary(rank(results((4.0, 0.1), (3.8, 0.5)))) == [("1", "1 (1–2)"), ("2", "2 (1–2)")]
    assert summary(rank(results((4.0, 0.1), (3.8, 0.1)))) == [("1", "1"), ("2", "2")]


def test_difference_equal_to_the_mean_error_is_sure_and_decimals_behave_as_written():
    assert summary(rank(results(4.3, 4.2, error=0.1))) == [("1", "1"), ("2", "2")]
    assert summary(rank(results(4.2, 4.1, error=0.1))) == [("1", "1"), ("2", "2")]


def test_equal_scores_share_the_rank_even_with_zero_error():
    assert summary(rank(results(3.5, 3.5, 3.0, error=0.0))) == [("1", "1 (1–2)"), ("2", "1 (1–2)"), ("3", "3")]


def test_unscored_last_in_number_order():
    rows = rank(results(None, 3.0, None))
    assert summary(rows) == [("2", "1"), ("1", ""), ("3", "")]
    assert rows[1].capture is None and rows[1].rank_low is None
    assert isinstance(rows[0], RankedRow)


def test_each_division_ranks_on_its_own_and_no_division_comes_last():
    miss = results(4.0, 3.0, division="小姐組")
    teen = [(Contestant(c.id + 10, str(c.id + 10), c.name, "青少年組"), k) for c, k in results(4.5, 3.5)]
    loose = [(Contestant(30, "30", "x"), None)]
    rows = rank(loose + teen + miss)
    assert [(row.division, row.contestant.number, row.rank) for row in rows] == [
        ("小姐組", "1", 1), ("小姐組", "2", 2), ("青少年組", "11", 1), ("青少年組", "12", 2), ("", "30", None)]


def test_empty():
    assert rank([]) == []


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.none(), st.tuples(st.floats(1.0, 5.0), st.floats(0.0, 1.0))), max_size=20))
def test_rank_invariants(scores):
    rows = rank(results(*scores))
    assert len(rows) == len(scores)
    ranked = [row for row in rows if row.rank is not None]
    assert [row.capture.score for row in ranked] == sorted((s[0] for s in scores if s is not None), reverse=True)
    assert all(row.rank is None for row in rows[len(ranked):])
    for position, row in enumerate(ranked):
        assert 1 <= row.rank_low <= row.rank <= position + 1 <= row.rank_high <= len(ranked)
        assert row.tie == (row.rank_low != row.rank_high)
        if position and ranked[position - 1].capture.score == row.capture.score:
            assert row.rank == ranked[position - 1].rank and row.tie
        assert sum(1 for other in ranked if other.rank < row.rank) == row.rank - 1
