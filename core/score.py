"""The one score type every layer passes around: value, error, level, percentile."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

SCALE_MIN, SCALE_MAX = 1.0, 5.0


@dataclass(frozen=True)
class Score:
    value: float  # 1..5, the predicted mean rating of SCUT-FBP5500's raters
    error: float  # typical error of the value (model card)
    level: int  # 1..5: the origin study's bins <=1, (1,2], (2,3], (3,4], (4,5]
    percentile: float  # % of the reference population rated lower
    model_version: str

    def formatted(self) -> str:
        """The value with its error band, as every screen and report shows it: "3.42 ± 0.29"."""
        return f"{self.value:.2f} ± {self.error:.2f}"

    def as_dict(self) -> dict:
        return {"score": round(self.value, 2), "error": round(self.error, 2), "level": self.level,
                "percentile": round(self.percentile, 1), "model": self.model_version}


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
    value = float(np.clip(raw, SCALE_MIN, SCALE_MAX))
    return Score(value, error, level_of(value), percentile_of(value, quantiles), model_version)
