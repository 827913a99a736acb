"""A capture: a short burst of frames -> the frames that pass the checks -> one score."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace

import numpy as np

from core.contest import Capture
from core.detection import FaceDetector
from core.errors import FaceScoreError
from core.faces import FaceQualityError, PreparedFace
from core.quality import QualityReport
from core.score import Score, clip_to_scale
from core.scorer import Scorer


class FacesDisagree(FaceScoreError):
    """The faces of one burst or photo set score further apart than the score's error."""


@dataclass(frozen=True)
class BurstResult:
    score: Score  # from the mean of the usable frames' raw scores
    spread: float  # standard deviation of the usable frames' scores
    frames_used: int
    frames_total: int
    best: PreparedFace  # the sharpest usable frame: its crop is what gets stored


def score_burst(frames: list[np.ndarray], detector: FaceDetector, scorer: Scorer) -> BurstResult:
    """Score the frames that pass every quality check.

    Raises :class:`FaceQualityError` for the most frequent reason when none passes, and
    :class:`FaceScoreError` when the frames disagree (see :func:`score_faces`).
    """
    usable: list[PreparedFace] = []
    failures: list[QualityReport] = []
    for frame in frames:
        try:
            usable.append(scorer.prepare(frame, detector))
        except FaceQualityError as error:
            failures.append(error.report)
    if not usable:
        if not failures:
            raise ValueError("a burst needs at least one frame")
        commonest = Counter(report.issues[0] for report in failures).most_common(1)[0][0]
        raise FaceQualityError(next(r for r in failures if r.issues[0] == commonest))
    return score_faces(usable, len(frames), scorer)


def score_faces(usable: list[PreparedFace], frames_total: int, scorer: Scorer) -> BurstResult:
    """One score from the mean of the prepared faces' raw scores (a burst, or several photos of one
    contestant), its error the model's for these faces widened by how much they disagree.

    Raises :class:`FacesDisagree` (``burst_disagrees``) when the faces' scores spread more than the
    model's error, as when someone stepped into or out of view.
    """
    score, raw = scorer.estimate(usable)
    best = max(usable, key=lambda p: p.quality.sharpness)
    spread = float(clip_to_scale(raw).std()) if len(raw) > 1 else 0.0
    if spread > score.error:
        raise FacesDisagree(f"The frames of the burst disagree (scores spread {spread:.2f}, more than the "
                             f"score's error {score.error:.2f}): keep only the contestant in view and capture again.",
                             code="burst_disagrees", spread=spread, error=score.error)
    return BurstResult(replace(score, error=math.hypot(score.error, spread)), spread, len(usable), frames_total, best)


def to_capture(result: BurstResult, contestant_id: int, source: str) -> Capture:
    """The capture to store for ``result``, with the sharpest face as its thumbnail."""
    return Capture.from_score(contestant_id, result.score, spread=result.spread, frames_used=result.frames_used,
                              crop_png=encode_png(result.best.crop), source=source)


def encode_png(rgb: np.ndarray) -> bytes:
    import cv2

    ok, data = cv2.imencode(".png", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
    if not ok:
        raise ValueError("the face crop cannot be encoded as PNG")
    return data.tobytes()
