"""The one score type every layer passes around: value, error, level, percentile."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

SCALE_MIN, SCALE_MAX = 1.0, 5.0
DECIMALS = {"score": 2, "error": 2, "percentile": 1}  # what exports and the command line keep


def clip_to_scale(raw):
    """Model output (a number or an array) clipped to the raters' 1–5 scale."""
    return np.clip(raw, SCALE_MIN, SCALE_MAX)


@dataclass(frozen=True)
class ScoreScale:
    """A display scale for judges: the raters' 1–5 mapped linearly onto ``low``..``high``.

    Only what is shown changes; scores are stored, ranked and tied on 1–5, and the level
    and percentile stay as they are. Mapping runs in decimal on the shortest form of each
    number, so 3.42 ± 0.29 reads 60.5 ± 7.3 on 0–100 (in binary, 0.29 x 25 falls just short
    of 7.25 and would round down).
    """

    key: str  # "1-5", "1-10", "0-100": how settings and export headers name it
    low: int
    high: int
    decimals: int

    @property
    def label(self) -> str:
        return f"{self.low}–{self.high}"

    def value(self, native: float) -> float:
        """A 1–5 score on this scale, rounded for display."""
        return self._rounded(self.low + (Decimal(repr(float(native))) - 1) * self._slope)

    def error(self, native_error: float, decimals: int | None = None) -> float:
        """A 1–5 error band's width on this scale, rounded for display (to ``decimals`` if given)."""
        return self._rounded(Decimal(repr(float(native_error))) * self._slope, decimals)

    def value_text(self, native: float) -> str:
        """A 1–5 score as shown on this scale: "60.5"."""
        return f"{self.value(native):.{self.decimals}f}"

    def width_text(self, native_width: float) -> str:
        """A width on 1–5 (error band, spread over a burst) as shown on this scale: "7.3"."""
        return self.width_texts(native_width)[0]

    def width_texts(self, *native_widths: float) -> tuple[str, ...]:
        """Widths as :meth:`width_text` shows them, with one or two more decimals where rounding would
        make different widths read alike ("spread 0.7, more than the error 0.7")."""
        for decimals in range(self.decimals, self.decimals + 3):
            texts = tuple(f"{self.error(width, decimals):.{decimals}f}" for width in native_widths)
            if len(set(texts)) == len(set(native_widths)):
                break
        return texts

    def formatted(self, native: float, native_error: float) -> str:
        """"3.42 ± 0.29" on 1–5, "60.5 ± 7.3" on 0–100."""
        return f"{self.value_text(native)} ± {self.width_text(native_error)}"

    @property
    def _slope(self) -> Decimal:
        return Decimal(self.high - self.low) / Decimal(repr(SCALE_MAX - SCALE_MIN))

    def _rounded(self, number: Decimal, decimals: int | None = None) -> float:
        decimals = self.decimals if decimals is None else decimals
        return float(number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


NATIVE_SCALE = ScoreScale("1-5", 1, 5, 2)
SCALES = {scale.key: scale for scale in (NATIVE_SCALE, ScoreScale("1-10", 1, 10, 1), ScoreScale("0-100", 0, 100, 1))}


@dataclass(frozen=True)
class Score:
    value: float  # 1..5, the predicted mean rating of SCUT-FBP5500's raters
    error: float  # typical error of the value (model card)
    level: int  # 1..5: the origin study's bins <=1, (1,2], (2,3], (3,4], (4,5]
    percentile: float  # % of the reference population rated lower
    model_version: str

    def formatted(self, scale: ScoreScale = NATIVE_SCALE) -> str:
        """The value with its error band, as every screen and report shows it: "3.42 ± 0.29"."""
        return scale.formatted(self.value, self.error)

    def as_dict(self) -> dict:
        return {"score": round(self.value, DECIMALS["score"]), "error": round(self.error, DECIMALS["error"]),
                "level": self.level, "percentile": round(self.percentile, DECIMALS["percentile"]),
                "model": self.model_version}


def level_of(value: float) -> int:
    return int(min(5, max(1, math.ceil(value - 1e-9))))


def percentile_text(percentile: float) -> str:
    """A percentile as every screen, export and sheet shows it: never "0" or "100",
    since no face is rated below or above every reference face ("<1", ">99")."""
    rounded = math.floor(percentile + 0.5)  # halves up: format() would round 0.5 to "0"
    if rounded < 1:
        return "<1"
    if rounded > 99:
        return ">99"
    return str(rounded)


def percentile_of(value: float, quantiles: list[float]) -> float:
    """Share (0..100) of the reference population below ``value``.

    ``quantiles`` are the reference's values at evenly spaced ranks 0..100 %.
    """
    ranks = np.linspace(0.0, 100.0, len(quantiles))
    return float(np.interp(value, quantiles, ranks, left=0.0, right=100.0))


def make_score(raw: float, error: float, quantiles: list[float], model_version: str) -> Score:
    value = float(clip_to_scale(raw))
    return Score(value, error, level_of(value), percentile_of(value, quantiles), model_version)
