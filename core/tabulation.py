"""Rank contestants by their judges' weighted totals, and combine several judges' files into one result.

The rules, in one place:

* **Combining.** Each judge's laptop holds its own contest file (a :class:`JudgeSheet`). Before
  anything is combined, every file is compared with the others and every mismatch is listed
  (:func:`find_mismatches`): a file from another contest (another contest name), other
  criteria or weights, the same judge twice (or a file without a judge's name), a contestant
  missing from a file, a contestant with another name or division, a mark some judges gave
  and another did not. Any mismatch stops the tabulation (:class:`TabulationError`).
* **Per criterion** the judges' marks are averaged. With ``drop_extremes`` (five judges or
  more) one highest and one lowest mark of each criterion are left out first.
* **The advisory criterion** is no judge's mark: it is the contestant's face score, the mean of
  those the files hold (one laptop with the camera is enough), mapped onto the criterion's
  range. Nothing of it is dropped, and a file without a face score is no mismatch.
* **Total**: :func:`core.criteria.weighted_total` of the averaged marks (points out of 100).
* **Rank per division**, highest total first (1, 1, 3 for equal places). A tie in the total
  is broken by the higher mark in the first criterion, then in the next, and so on; a tie
  that survives every criterion stays a tie (same rank, ``tie`` True). Totals and combined marks
  are compared as every sheet prints them (:func:`core.criteria.printed`, 2 decimals): two
  totals printed alike are a tie, which the criteria then break as the sheet's rule says.
  Contestants without every mark come after the ranked ones of their division, rank None.
  Divisions come in alphabetical order, contestants without a division last.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from core.contest import Contestant, natural_key, number_key
from core.criteria import Criterion, criteria_text, printed, weighted_total, with_advisory
from core.errors import FaceScoreError

DROP_EXTREMES_MINIMUM = 5  # judges needed before the highest and lowest mark may be dropped


@dataclass(frozen=True)
class RankedTotal:
    contestant: Contestant
    marks: Mapping[str, float]  # criterion name -> the contestant's (combined) mark
    total: float | None  # None until every criterion has a mark
    rank: int | None
    tie: bool


def rank_by_division(criteria: Sequence[Criterion],
                     entries: Iterable[tuple[Contestant, Mapping[str, float]]]) -> list[RankedTotal]:
    """Rows grouped by division and ranked inside each by the rules of the module docstring."""
    entries = sorted(entries, key=lambda entry: natural_key(entry[0].number))
    divisions: dict[str, list[tuple[Contestant, Mapping[str, float]]]] = {}
    for contestant, marks in entries:
        divisions.setdefault(contestant.division, []).append((contestant, marks))
    rows: list[RankedTotal] = []
    for division in sorted(divisions, key=lambda name: (name == "", name.casefold())):
        rows.extend(_rank_division(criteria, divisions[division]))
    return rows


def _rank_division(criteria: Sequence[Criterion],
                   members: list[tuple[Contestant, Mapping[str, float]]]) -> list[RankedTotal]:
    totals = [(contestant, marks, weighted_total(criteria, marks)) for contestant, marks in members]
    scored = [(contestant, marks, total) for contestant, marks, total in totals if total is not None]

    def order(item) -> tuple[float, ...]:
        _, marks, total = item
        return tuple(printed(value) for value in (total, *(marks[c.name] for c in criteria)))

    scored.sort(key=order, reverse=True)  # stable: equal keys keep number order
    keys = [order(item) for item in scored]
    rows = []
    for index, (contestant, marks, total) in enumerate(scored):
        rank = keys.index(keys[index]) + 1
        tie = keys.count(keys[index]) > 1
        rows.append(RankedTotal(contestant, marks, total, rank, tie))
    rows.extend(RankedTotal(contestant, marks, None, None, False)
                for contestant, marks, total in totals if total is None)
    return rows


# -- several judges' files ---------------------------------------------------------------------


@dataclass(frozen=True)
class JudgeSheet:
    """What tabulation reads from one judge's contest file."""

    source: str  # the file, for messages
    contest_name: str
    judge: str
    criteria: tuple[Criterion, ...]
    contestants: tuple[Contestant, ...]
    marks: Mapping[str, Mapping[str, float]]  # number_key -> criterion name -> mark (advisory mapped)
    advisory: Mapping[str, float] = field(default_factory=dict)  # number_key -> face score (1–5)
    finalized: bool = False  # the judge finalized the file: its marks are final


@dataclass(frozen=True)
class Mismatch:
    """One way the files disagree; ``code`` and ``params`` let a view say it in its language."""

    code: str
    message: str  # English
    params: Mapping[str, object]

    def __str__(self) -> str:
        return self.message


class TabulationError(FaceScoreError):
    """The files cannot be combined; ``mismatches`` lists every reason found."""

    def __init__(self, message: str, *, code: str, mismatches: Sequence[Mismatch] = (), **params):
        super().__init__(message, code=code, **params)
        self.mismatches = tuple(mismatches)


@dataclass(frozen=True)
class TabulatedRow:
    ranked: RankedTotal  # marks are the combined (averaged) marks
    judge_marks: Mapping[str, tuple[float | None, ...]]  # criterion -> each judge's mark, in judge order
    advisory: float | None  # mean of the judges' files' advisory face scores


@dataclass(frozen=True)
class Tabulation:
    contest_name: str
    judges: tuple[str, ...]
    sources: tuple[str, ...]
    criteria: tuple[Criterion, ...]
    drop_extremes: bool
    rows: tuple[TabulatedRow, ...]
    drafts: tuple[str, ...]  # the judges whose files are not finalized: the result may still change

    @property
    def final(self) -> bool:
        return not self.drafts

    @property
    def without_total(self) -> tuple[str, ...]:
        """The numbers of the contestants a mark is missing for: no total, no rank, final or not."""
        return tuple(row.ranked.contestant.number for row in self.rows if row.ranked.total is None)


def tabulate(sheets: Sequence[JudgeSheet], drop_extremes: bool = False) -> Tabulation:
    """Combine the judges' sheets; raises :class:`TabulationError` on any mismatch."""
    if not sheets:
        raise TabulationError("Choose at least one judge's contest file.", code="no_files")
    if drop_extremes and len(sheets) < DROP_EXTREMES_MINIMUM:
        raise TabulationError(
            f"Dropping the highest and lowest mark needs at least {DROP_EXTREMES_MINIMUM} judges, "
            f"not {len(sheets)}.", code="too_few_judges_to_drop", judges=len(sheets),
            minimum=DROP_EXTREMES_MINIMUM)
    mismatches = find_mismatches(sheets)
    if mismatches:
        raise TabulationError("The files do not match; nothing was combined:\n"
                              + "\n".join(f"- {m}" for m in mismatches), code="files_do_not_match",
                              mismatches=mismatches)
    first = sheets[0]
    criteria = first.criteria
    entries, details = [], {}
    for contestant in first.contestants:
        key = number_key(contestant.number)
        judge_marks = {c.name: tuple(sheet.marks.get(key, {}).get(c.name) for sheet in sheets)
                       for c in criteria}
        faces = [sheet.advisory[key] for sheet in sheets if key in sheet.advisory]
        face = math.fsum(faces) / len(faces) if faces else None
        combined = {c.name: _combine([m for m in judge_marks[c.name] if m is not None], drop_extremes)
                    for c in criteria if not c.advisory and all(m is not None for m in judge_marks[c.name])}
        combined |= with_advisory([c for c in criteria if c.advisory], {}, face)
        details[key] = (judge_marks, face)
        entries.append((contestant, combined))
    rows = tuple(TabulatedRow(ranked, *details[number_key(ranked.contestant.number)])
                 for ranked in rank_by_division(criteria, entries))
    return Tabulation(first.contest_name, tuple(s.judge for s in sheets), tuple(s.source for s in sheets),
                      criteria, drop_extremes, rows, tuple(s.judge for s in sheets if not s.finalized))


def _combine(marks: list[float], drop_extremes: bool) -> float:
    if drop_extremes:
        marks = sorted(marks)[1:-1]
    return math.fsum(marks) / len(marks)


def find_mismatches(sheets: Sequence[JudgeSheet]) -> list[Mismatch]:
    """Every way the sheets disagree (see the module docstring); empty when they can be combined."""
    mismatches: list[Mismatch] = []
    first = sheets[0]
    judges: dict[str, JudgeSheet] = {}
    for sheet in sheets:
        if _plain(sheet.contest_name) != _plain(first.contest_name):
            mismatches.append(Mismatch(
                "other_contest", f"{sheet.source} is from contest {sheet.contest_name!r}, not "
                                 f"{first.contest_name!r}.",
                {"file": sheet.source, "contest": sheet.contest_name, "expected": first.contest_name}))
        if sheet.criteria != first.criteria:
            mismatches.append(Mismatch(
                "other_criteria", f"{sheet.source} has other criteria or weights: "
                                  f"{criteria_text(sheet.criteria)} instead of {criteria_text(first.criteria)}.",
                {"file": sheet.source, "criteria": criteria_text(sheet.criteria),
                 "expected": criteria_text(first.criteria)}))
        if not sheet.judge.strip():
            mismatches.append(Mismatch("no_judge", f"{sheet.source} holds no judge's name.",
                                       {"file": sheet.source}))
        elif _plain(sheet.judge) in judges:
            other = judges[_plain(sheet.judge)]
            mismatches.append(Mismatch(
                "same_judge", f"Two files hold the marks of {sheet.judge}: {other.source} and {sheet.source}.",
                {"judge": sheet.judge, "file": sheet.source, "other_file": other.source}))
        else:
            judges[_plain(sheet.judge)] = sheet
    mismatches += _roster_mismatches(sheets)
    if not any(m.code == "other_criteria" for m in mismatches):
        mismatches += _mark_mismatches(sheets)
    return mismatches


def _roster_mismatches(sheets: Sequence[JudgeSheet]) -> list[Mismatch]:
    mismatches = []
    known: dict[str, tuple[Contestant, JudgeSheet]] = {}
    for sheet in sheets:
        for contestant in sheet.contestants:
            key = number_key(contestant.number)
            if key not in known:
                known[key] = (contestant, sheet)
                continue
            expected, origin = known[key]
            if _plain(contestant.name) != _plain(expected.name):
                mismatches.append(Mismatch(
                    "other_name", f"Number {contestant.number} is {contestant.name} in {sheet.source} "
                                  f"but {expected.name} in {origin.source}.",
                    {"number": contestant.number, "name": contestant.name, "file": sheet.source,
                     "expected": expected.name, "other_file": origin.source}))
            if _plain(contestant.division) != _plain(expected.division):
                mismatches.append(Mismatch(
                    "other_division", f"Number {contestant.number} is in division {contestant.division!r} "
                                      f"in {sheet.source} but {expected.division!r} in {origin.source}.",
                    {"number": contestant.number, "division": contestant.division, "file": sheet.source,
                     "expected": expected.division, "other_file": origin.source}))
    for key, (contestant, origin) in sorted(known.items(), key=lambda item: natural_key(item[0])):
        for sheet in sheets:
            if all(number_key(c.number) != key for c in sheet.contestants):
                mismatches.append(Mismatch(
                    "missing_contestant", f"Number {contestant.number} ({contestant.name}) is missing "
                                          f"from {sheet.source}.",
                    {"number": contestant.number, "name": contestant.name, "file": sheet.source}))
    return mismatches


def _mark_mismatches(sheets: Sequence[JudgeSheet]) -> list[Mismatch]:
    mismatches = []
    for contestant in sorted(sheets[0].contestants, key=lambda c: natural_key(c.number)):
        key = number_key(contestant.number)
        holding = [sheet for sheet in sheets  # a file without the contestant is listed as missing it
                   if any(number_key(c.number) == key for c in sheet.contestants)]
        for criterion in (c for c in sheets[0].criteria if not c.advisory):
            given = [criterion.name in sheet.marks.get(key, {}) for sheet in holding]
            if any(given):
                mismatches.extend(Mismatch(
                    "unmarked", f"{sheet.source} has no mark for number {contestant.number} "
                                f"({contestant.name}) in {criterion.name}, which other judges marked.",
                    {"file": sheet.source, "number": contestant.number, "name": contestant.name,
                     "criterion": criterion.name})
                    for sheet, marked in zip(holding, given) if not marked)
    return mismatches


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()
