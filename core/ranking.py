"""Rank contestants by their current score, with ties inside a score band."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from core.contest import Capture, Contestant, natural_key


@dataclass(frozen=True)
class RankedRow:
    rank: int | None  # None for a contestant without a score
    tie: bool
    contestant: Contestant
    capture: Capture | None


def rank(results: Iterable[tuple[Contestant, Capture | None]], band: float) -> list[RankedRow]:
    """Rows sorted by score, highest first; unscored contestants last, rank None.

    Tie rule: walk down the sorted scores. A group is the highest remaining
    score plus every following score whose distance to that top score is
    strictly less than ``band`` (exactly equal scores are always in one group).
    Each member of a group gets rank 1 + the number of contestants in higher
    groups (competition ranking: 1, 1, 3), and ``tie`` is True in groups of two
    or more. Distances are rounded to 9 decimals before comparing, so scores
    written as decimals behave as written (4.3 - 4.2 counts as 0.1).
    Equal scores keep natural contestant-number order.
    """
    if band < 0:
        raise ValueError(f"band must be >= 0, not {band}")
    results = list(results)
    scored = sorted(((c, k) for c, k in results if k is not None),
                    key=lambda pair: (-pair[1].score, natural_key(pair[0].number)))
    unscored = sorted((c for c, k in results if k is None), key=lambda c: natural_key(c.number))

    rows: list[RankedRow] = []
    start = 0
    while start < len(scored):
        top = scored[start][1].score
        end = start + 1
        while end < len(scored) and (scored[end][1].score == top
                                     or round(top - scored[end][1].score, 9) < band):
            end += 1
        tie = end - start > 1
        rows.extend(RankedRow(start + 1, tie, c, k) for c, k in scored[start:end])
        start = end
    rows.extend(RankedRow(None, False, c, None) for c in unscored)
    return rows
