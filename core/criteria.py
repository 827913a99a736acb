"""A contest's judging criteria: names, weights adding up to 100 %, and the range of each mark.

A judge marks each criterion on its range (default 1–10 in steps of 0.1). A contestant's
**weighted total** is out of 100 points: each mark counts as its share of the criterion's
highest mark, times the criterion's weight (``sum(weight × mark / high)``), so criteria with
different ranges (1–10 and 1–100) weigh exactly what the rules say.

The advisory face score stays beside the total unless the rules give it a weight: then one
criterion is marked ``advisory`` and its mark is the face score mapped linearly from 1–5
onto the criterion's range (1 → low, 5 → high), never typed by a judge. It is written as
every sheet prints it (:func:`printed`), so that the printed marks add up to the total.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from core.errors import FaceScoreError
from core.score import SCALE_MAX, SCALE_MIN, clip_to_scale

WEIGHT_SUM = 100.0
DEFAULT_LOW, DEFAULT_HIGH, DEFAULT_STEP = 1.0, 10.0, 0.1
TOLERANCE = 1e-6
PRINTED_DECIMALS = 2  # totals, combined marks and the advisory mark, as every sheet prints and ranks them
# "Poise=40", "Poise=40:1-100", "Poise=40:1-100:0.5"; the spec of the command line and the editor
SPEC = re.compile(r"^\s*(?P<name>[^=]+?)\s*=\s*(?P<weight>[0-9.]+)\s*"
                  r"(?::\s*(?P<low>[0-9.]+)\s*-\s*(?P<high>[0-9.]+)\s*(?::\s*(?P<step>[0-9.]+)\s*)?)?$")


class CriteriaError(FaceScoreError):
    """Criteria or a mark break the contest's rules."""


@dataclass(frozen=True)
class Criterion:
    name: str
    weight: float  # percent of the total
    low: float = DEFAULT_LOW
    high: float = DEFAULT_HIGH
    step: float = DEFAULT_STEP
    advisory: bool = False  # filled from the advisory face score, not by a judge



def validate_criteria(criteria: Iterable[Criterion]) -> tuple[Criterion, ...]:
    """The criteria, names trimmed, if they make a valid set; else :class:`CriteriaError`."""
    criteria = tuple(Criterion(c.name.strip(), float(c.weight), float(c.low), float(c.high),
                               float(c.step), bool(c.advisory)) for c in criteria)
    if not criteria:
        raise CriteriaError("Define at least one criterion.", code="no_criteria")
    seen: set[str] = set()
    for criterion in criteria:
        name = criterion.name
        if not name:
            raise CriteriaError("A criterion has no name.", code="criterion_without_name")
        if name.casefold() in seen:
            raise CriteriaError(f"Criterion {name} is defined twice.", code="criterion_twice", name=name)
        seen.add(name.casefold())
        if not criterion.weight > 0:
            raise CriteriaError(f"The weight of {name} must be more than 0 %.",
                                code="weight_not_positive", name=name)
        if not 0 <= criterion.low < criterion.high:
            raise CriteriaError(
                f"The range of {name} ({_number(criterion.low)}–{_number(criterion.high)}) is empty: "
                "the highest mark must be above the lowest, and the lowest at least 0.",
                code="empty_range", name=name, low=criterion.low, high=criterion.high)
        steps = (criterion.high - criterion.low) / criterion.step if criterion.step > 0 else math.nan
        if not (criterion.step > 0 and abs(steps - round(steps)) < TOLERANCE):
            raise CriteriaError(
                f"The step of {name} ({_number(criterion.step)}) must be more than 0 and divide its "
                f"range {_number(criterion.low)}–{_number(criterion.high)}.",
                code="bad_step", name=name, step=criterion.step, low=criterion.low, high=criterion.high)
    total = sum(c.weight for c in criteria)
    if abs(total - WEIGHT_SUM) > TOLERANCE:
        raise CriteriaError(f"The weights add up to {_number(total)} %, not 100 %.",
                            code="weights_not_100", total=total)
    advisory = [c.name for c in criteria if c.advisory]
    if len(advisory) > 1:
        names = ", ".join(advisory)
        raise CriteriaError(f"Only one criterion can be the advisory face score, not {names}.",
                            code="advisory_twice", names=names)
    return criteria


def parse_criteria(text: str, advisory: str | None = None) -> tuple[Criterion, ...]:
    """Criteria from ``"Poise=40,Interview=40:1-100,Face=20:1-10:0.5"`` (range and step optional).

    ``advisory`` names the criterion that the advisory face score fills, if any.
    """
    criteria = []
    for part in text.split(","):
        match = SPEC.match(part)
        if match is None:
            raise _unreadable(part)
        low, high, step = match["low"], match["high"], match["step"]
        try:
            criteria.append(Criterion(match["name"], float(match["weight"]),
                                      float(low) if low else DEFAULT_LOW, float(high) if high else DEFAULT_HIGH,
                                      float(step) if step else DEFAULT_STEP))
        except ValueError:
            raise _unreadable(part) from None
    if advisory is not None:
        c = criterion_named(criteria, advisory)
        index = criteria.index(c)
        criteria[index] = Criterion(c.name, c.weight, c.low, c.high, c.step, advisory=True)
    return validate_criteria(criteria)


def _unreadable(part: str) -> CriteriaError:
    return CriteriaError(f"Cannot read criterion {part.strip()!r}: write NAME=WEIGHT, optionally followed by "
                         ":LOW-HIGH and :STEP (e.g. Poise=40:1-10:0.1).", code="unreadable_criterion",
                         text=part.strip())


def criterion_named(criteria: Iterable[Criterion], name: str) -> Criterion:
    """The criterion called ``name`` (case does not matter); else :class:`CriteriaError`."""
    criteria = tuple(criteria)
    for criterion in criteria:
        if criterion.name.casefold() == name.strip().casefold():
            return criterion
    names = ", ".join(c.name for c in criteria)
    raise CriteriaError(f"There is no criterion {name.strip()}; the criteria are {names}.",
                        code="unknown_criterion", name=name.strip(), names=names)


def parse_mark(criterion: Criterion, text: str) -> float:
    """A typed mark ("8.5", or "8,5" as written with a decimal comma), validated."""
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        raise CriteriaError(f"{text.strip()!r} is not a number; {criterion.name} takes a mark from "
                            f"{_number(criterion.low)} to {_number(criterion.high)}.",
                            code="mark_not_a_number", text=text.strip(), name=criterion.name,
                            low=criterion.low, high=criterion.high) from None
    return validate_mark(criterion, value)


def validate_mark(criterion: Criterion, value: float) -> float:
    """``value`` rounded to the criterion's step if it is a valid mark; else :class:`CriteriaError`."""
    if criterion.advisory:
        raise CriteriaError(f"{criterion.name} is the advisory face score; it is not marked by hand.",
                            code="advisory_not_marked", name=criterion.name)
    if not (math.isfinite(value) and criterion.low - TOLERANCE <= value <= criterion.high + TOLERANCE):
        raise CriteriaError(f"A mark for {criterion.name} must be from {_number(criterion.low)} to "
                            f"{_number(criterion.high)}, not {_number(value)}.", code="mark_out_of_range",
                            name=criterion.name, value=value, low=criterion.low, high=criterion.high)
    steps = (value - criterion.low) / criterion.step
    if abs(steps - round(steps)) > TOLERANCE:
        raise CriteriaError(f"A mark for {criterion.name} goes in steps of {_number(criterion.step)}, "
                            f"so {_number(value)} is not one.", code="mark_off_step",
                            name=criterion.name, value=value, step=criterion.step)
    return round(criterion.low + round(steps) * criterion.step, 9)


def advisory_mark(criterion: Criterion, score: float) -> float:
    """The face score (1–5) mapped linearly onto the criterion's range."""
    fraction = (float(clip_to_scale(score)) - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)
    return printed(criterion.low + fraction * (criterion.high - criterion.low))


def printed(value: float) -> float:
    """``value`` as the sheets print it: PRINTED_DECIMALS decimals, halves up, after float noise under
    1e-9 is dropped (77.675 and 77.67500000000001, one total reached two ways, both print 77.68)."""
    return float(Decimal(repr(round(value, 9))).quantize(Decimal(1).scaleb(-PRINTED_DECIMALS), ROUND_HALF_UP))


def printed_text(value: float | None, missing: str = "") -> str:
    """:func:`printed` ``value`` as text; ``missing`` for none."""
    return missing if value is None else f"{printed(value):.{PRINTED_DECIMALS}f}"


def mark_decimals(criterion: Criterion) -> int:
    """The decimals a mark of ``criterion`` is written with: its step's, or the advisory mark's."""
    if criterion.advisory:
        return PRINTED_DECIMALS
    step = f"{criterion.step:g}"
    return len(step.split(".")[1]) if "." in step else 0


def mark_text(criterion: Criterion, value: float | None) -> str:
    """A mark as it is written (:func:`mark_decimals`); "" for none."""
    return "" if value is None else f"{value:.{mark_decimals(criterion)}f}"


def with_advisory(criteria: Iterable[Criterion], marks: Mapping[str, float],
                  face_score: float | None) -> dict[str, float]:
    """The judge's marks plus the advisory criterion's mark (if any) made from ``face_score``."""
    marks = dict(marks)
    for criterion in criteria:
        if criterion.advisory and face_score is not None:
            marks[criterion.name] = advisory_mark(criterion, face_score)
    return marks


def weighted_total(criteria: Iterable[Criterion], marks: Mapping[str, float]) -> float | None:
    """Points out of 100 (see the module docstring); None while a criterion has no mark."""
    total = 0.0
    for criterion in criteria:
        mark = marks.get(criterion.name)
        if mark is None:
            return None
        total += criterion.weight * mark / criterion.high
    return total


def criteria_text(criteria: Iterable[Criterion]) -> str:
    """One line for sheets and messages: ``Poise 40 % (1–10), Face 20 % (1–10, advisory)``."""
    return ", ".join(f"{c.name} {_number(c.weight)} % ({_number(c.low)}–{_number(c.high)}"
                     f"{', advisory' if c.advisory else ''})" for c in criteria)


def _number(value: float) -> str:
    return f"{value:g}"
