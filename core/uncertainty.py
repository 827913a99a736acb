"""A per-face error: the model's base error, widened where the score depends on the exact framing
and where the score lies far from the middle of the raters' scale.

The scorer scores a face together with a few slightly moved framings of it (``views``); how much
those scores disagree tells a face the model is unsure about from one it is sure of. Where the score
lies counts too: on the validation faces the model strayed more away from their mean rating (most
between 3.5 and 4), which a term in the score's distance from that mean follows roughly. The card's
``error_model`` holds the views and the numbers of

    error = sqrt(base² + weight · disagreement² + score_weight · (score - score_centre)²)

fitted on the validation part (``facescore calibrate``), so that ± error holds about two thirds of
faces. A card without ``score_weight`` (calibrated before it existed) has no score term.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.alignment import View
from core.errors import ModelError
from core.model_card import finite_number
from core.score import SCALE_MAX, SCALE_MIN, clip_to_scale


@dataclass(frozen=True)
class ErrorModel:
    views: tuple[View, ...]
    base: float
    weight: float
    score_weight: float = 0.0
    score_centre: float = 0.0  # no score term unless score_weight says so

    @classmethod
    def from_card(cls, data: dict) -> "ErrorModel | None":
        """The card's calibrated error model, or None for a card that has none (one error for all)."""
        model = data.get("error_model")
        if not model:
            return None
        if not _well_formed(model):
            raise ModelError("model card: 'error_model' is malformed", code="error_model_malformed")
        return cls(tuple(tuple(float(x) for x in view) for view in model["views"]), float(model["base"]),
                   float(model["weight"]), float(model.get("score_weight", 0.0)), float(model.get("score_centre", 0.0)))

    def error(self, disagreement: float, score: float) -> float:
        """The error of ``score`` (unclipped, with the card's offset) whose framings disagree by ``disagreement``."""
        distance = float(clip_to_scale(score)) - self.score_centre
        return math.sqrt(self.base**2 + self.weight * disagreement**2 + self.score_weight * distance**2)

    def errors(self, raw: np.ndarray, scores: np.ndarray | None = None) -> np.ndarray:
        """:meth:`error` of each face of ``raw`` (faces x framings), for ``scores`` (default: each face's
        own raw score, ``raw[:, 0]``)."""
        scores = raw[:, 0] if scores is None else scores
        return np.array([self.error(disagreement(row), score) for row, score in zip(raw, scores, strict=True)])


def _well_formed(model) -> bool:
    """Finite numbers throughout, a positive base, no negative weight; a score term with its centre on
    the scale (a card calibrated before the term has neither)."""
    if not isinstance(model, dict) or not isinstance(model.get("views"), list):
        return False
    views_ok = all(isinstance(view, list) and len(view) == 4 and all(finite_number(x) for x in view)
                   for view in model["views"])
    core_ok = (finite_number(model.get("base")) and model["base"] > 0 and finite_number(model.get("weight"))
               and model["weight"] >= 0)
    if "score_weight" not in model and "score_centre" not in model:
        return views_ok and core_ok
    term_ok = (finite_number(model.get("score_weight")) and model["score_weight"] >= 0
               and finite_number(model.get("score_centre")) and SCALE_MIN <= model["score_centre"] <= SCALE_MAX)
    return views_ok and core_ok and term_ok


def disagreement(raw: np.ndarray) -> float:
    """How much the raw scores of one face over its framings (the first the face's own) disagree:
    their standard deviation, averaged over the faces when ``raw`` is faces x framings."""
    raw = np.atleast_2d(np.asarray(raw, dtype=np.float64))
    return float(raw.std(axis=1).mean())
