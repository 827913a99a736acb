"""Contest domain: contestants, their captures, and the rules a contestant must meet."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

from core.errors import ValidationError
from core.score import Score

__all__ = ["Capture", "Contestant", "ValidationError", "natural_key", "number_key", "utc_now",
           "validate_contestant"]


@dataclass(frozen=True)
class Contestant:
    id: int | None  # None until stored
    number: str  # the contestant's number as printed on the roster ("7", "A12")
    name: str
    division: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Capture:
    id: int | None  # None until stored
    contestant_id: int
    score: float
    error: float
    level: int
    percentile: float
    model_version: str
    spread: float  # standard deviation of the burst frames' scores
    frames_used: int
    crop_png: bytes  # aligned face thumbnail
    captured_at: str  # ISO-8601, UTC
    source: str  # "camera" or "file"
    current: bool = True

    @classmethod
    def from_score(cls, contestant_id: int, score: Score, *, spread: float, frames_used: int,
                   crop_png: bytes, source: str, captured_at: str | None = None) -> Capture:
        return cls(None, contestant_id, score.value, score.error, score.level, score.percentile,
                   score.model_version, spread, frames_used, crop_png, captured_at or utc_now(),
                   source)

    def to_score(self) -> Score:
        return Score(self.score, self.error, self.level, self.percentile, self.model_version)


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def number_key(number: str) -> str:
    """The form two numbers are compared in: " a 12" and "A12" are the same number."""
    return "".join(number.split()).casefold()


def contestant_numbered(number: str, contestants: Iterable[Contestant], value: str = "") -> Contestant | None:
    """The contestant numbered ``number`` or ``value`` (compared as :func:`number_key` does); failing
    that, the one whose number, all digits, has the decimal value of ``value`` (all digits too): "7"
    finds 007. None if there is none, or if several have that value (07 with 7 and 007 on the roster)."""
    contestants = list(contestants)
    keys = [number_key(text) for text in (number, value) if text.strip()]
    exact = next((c for key in keys for c in contestants if number_key(c.number) == key), None)
    if exact is not None or not value.strip().isdecimal():
        return exact
    same = [c for c in contestants if c.number.strip().isdecimal() and int(c.number) == int(value)]
    return same[0] if len(same) == 1 else None


def loose_number_key(number: str) -> str:
    """:func:`number_key` without leading zeros: "007" and "7", "A07" and "A7" are probably one number."""
    return re.sub(r"\d+", lambda digits: digits.group().lstrip("0") or "0", number_key(number))


def known_division(division: str, existing: Iterable[Contestant]) -> str:
    """``division`` as ``existing`` contestants spell it when it is theirs but for case and spacing
    ("teen" beside "Teen"), so that one division is not split in two; else as given."""
    plain = " ".join(division.split()).casefold()
    return next((c.division for c in existing if c.division and " ".join(c.division.split()).casefold() == plain),
                division)


def natural_key(number: str) -> tuple:
    """Sort key that puts "2" before "10" and "A2" before "A10"."""
    parts = re.split(r"(\d+)", number_key(number))
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in parts if part)


def validate_contestant(contestant: Contestant, existing: Iterable[Contestant], *, new_number: bool = True) -> None:
    """Raise :class:`ValidationError` unless ``contestant`` may join ``existing``.

    An entry of ``existing`` with the same id is the contestant itself (an edit)
    and is not a duplicate. ``new_number``: the number is being given (not kept in an edit), so one
    differing from another only in leading zeros is refused too; a pair already in a contest stays
    editable.
    """
    if not contestant.number.strip():
        raise ValidationError("number", "The contestant number is empty.", code="number_empty")
    if not contestant.name.strip():
        raise ValidationError("name", "The contestant name is empty.", code="name_empty")
    key, loose = number_key(contestant.number), loose_number_key(contestant.number)
    others = [other for other in existing if other.id is None or other.id != contestant.id]
    number = contestant.number.strip()
    for other in others:
        if number_key(other.number) == key:
            raise ValidationError("number", f"Number {number} is already used by {other.name}.",
                                  code="number_taken", number=number, name=other.name)
    for other in (others if new_number else ()):  # 01 beside 1: a slip, or a number matching two contestants
        if loose_number_key(other.number) == loose:
            raise ValidationError("number", f"Number {number} differs from number {other.number} in the contest "
                                  "only in leading zeros.", code="number_leading_zeros_in_contest",
                                  number=number, other=other.number)
