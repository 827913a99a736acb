"""A per-face error: the model's base error, widened where the score depends on the exact framing.

The scorer scores a face together with a few slightly moved framings of it (``views``); how much
those scores disagree tells a face the model is unsure about from one it is sure of. The card's
``error_model`` holds the views and the two numbers of

    error = sqrt(base² + weight · disagreement²)

fitted on the validation part (``facescore calibrate``), so that ± error holds about two thirds of
faces.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.alignment import View
from core.errors import ModelError


@dataclass(frozen=True)
class ErrorModel:
    views: tuple[View, ...]
    base: float
    weight: float

    @classmethod
    def from_card(cls, data: dict) -> "ErrorModel | None":
        """The card's calibrated error model, or None for a card that has none (one error for all)."""
        model = data.get("error_model")
        if not model:
            return None
        try:
            views = tuple(tuple(float(x) for x in view) for view in model["views"])
            result = cls(views, float(model["base"]), float(model["weight"]))
        except (KeyError, TypeError, ValueError):
            result = None
        if result is None or any(len(view) != 4 for view in views) or result.base <= 0 or result.weight < 0:
            raise ModelError("model card: 'error_model' is malformed", code="error_model_malformed")
        return result

    def error(self, disagreement: float) -> float:
        return math.sqrt(self.base**2 + self.weight * disagreement**2)


def disagreement(raw: np.ndarray) -> float:
    """How much the raw scores of one face over its framings (the first the face's own) disagree:
    their standard deviation, averaged over the faces when ``raw`` is faces x framings."""
    raw = np.atleast_2d(np.asarray(raw, dtype=np.float64))
    return float(raw.std(axis=1).mean())
