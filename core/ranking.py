"""Rank contestants within their division by their current score, with honest rank ranges.

THE RANK-RANGE RULE (the one place it is stated; the README and the model-card
dialog repeat it in words):

* Contestants are ranked only against others of their own division; contestants
  without a division form their own group.
* Contestant A is *surely above* B when A's score is higher and the difference is
  at least the mean of their two stored errors: ``a - b >= (error_a + error_b) / 2``
  (with the usual equal errors: the scores differ by at least the error band).
  Each capture's own stored error is used, so ranks never depend on a loaded model.
* ``rank`` is the competition rank by score (1, 1, 3 for equal scores),
  ``rank_low`` (the best plausible place) is 1 + the number surely above, and
  ``rank_high`` (the worst) is the division's scored count − the number surely below.
* A contestant is *tied* when its range spans more than one place, i.e. it overlaps
  another contestant's range.

Example, errors 0.05: 4.20 / 4.16 / 4.12 rank "1 (1–2)", "2 (1–3)", "3 (2–3)": 4.20 is
surely above 4.12 (0.08 >= 0.05) but neither is surely above or below 4.16.
Differences are rounded to 9 decimals, so scores written as decimals behave as written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from core.contest import Capture, Contestant, natural_key


@dataclass(frozen=True)
class RankedRow:
    rank: int | None  # None for a contestant without a score
    rank_low: int | None  # best plausible place
    rank_high: int | None  # worst plausible place
    contestant: Contestant
    capture: Capture | None

    @property
    def tie(self) -> bool:
        return self.rank_low != self.rank_high

    @property
    def division(self) -> str:
        return self.contestant.division


def division_key(division: str) -> tuple:
    """Divisions in alphabetical order, contestants without a division last."""
    return (division == "", division.casefold())


def surely_above(a: Capture, b: Capture) -> bool:
    """True when ``a`` is placed above ``b`` whatever their errors (see the module docstring)."""
    return a.score > b.score and round(a.score - b.score, 9) >= round((a.error + b.error) / 2, 9)


def rank(results: Iterable[tuple[Contestant, Capture | None]]) -> list[RankedRow]:
    """Rows grouped by division (see :func:`division_key`), each sorted by score, highest first;
    unscored contestants last in their division, in number order, rank None."""
    by_division: dict[str, list[tuple[Contestant, Capture | None]]] = {}
    for contestant, capture in results:
        by_division.setdefault(contestant.division, []).append((contestant, capture))
    rows: list[RankedRow] = []
    for division in sorted(by_division, key=division_key):
        rows.extend(_rank_division(by_division[division]))
    return rows


def _rank_division(results: list[tuple[Contestant, Capture | None]]) -> list[RankedRow]:
    scored = sorted(((c, k) for c, k in results if k is not None),
                    key=lambda pair: (-pair[1].score, natural_key(pair[0].number)))
    unscored = sorted((c for c, k in results if k is None), key=lambda c: natural_key(c.number))
    rows = []
    for contestant, capture in scored:
        higher = sum(other.score > capture.score for _, other in scored)
        above = sum(surely_above(other, capture) for _, other in scored)
        below = sum(surely_above(capture, other) for _, other in scored)
        rows.append(RankedRow(higher + 1, above + 1, len(scored) - below, contestant, capture))
    rows.extend(RankedRow(None, None, None, c, None) for c in unscored)
    return rows


def rank_text(row: RankedRow) -> str:
    """The rank as every screen, export and sheet shows it: "3 (2–5)", "1" when certain, "" unscored."""
    if row.rank is None:
        return ""
    if not row.tie:
        return str(row.rank)
    return f"{row.rank} ({row.rank_low}–{row.rank_high})"
