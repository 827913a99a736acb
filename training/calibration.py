"""``facescore calibrate``: fit a model's score offset and per-face error on the validation part of
its split.

Never the test part: that one stays for ``facescore evaluate``. Both are written into the model
card (the model file, and so its checksum, stay as they are).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np
from scipy.optimize import nnls
from tqdm import tqdm

from core.alignment import View
from core.detection import FaceDetector
from core.errors import FaceScoreError
from core.faces import prepare_face
from core.images import load_image
from core.model_card import CARD_FILE, calibrated_version
from core.resources import models_dir
from core.score import clip_to_scale
from core.scorer import Scorer
from core.uncertainty import ErrorModel, disagreement
from training.dataset import group_of, load_split
from training.metrics import grouped_metrics

log = logging.getLogger(__name__)

# The framing zoomed 10 % out and in. Of shifts (4 and 8 % sideways, 4 % up and down), scalings
# (± 10 %) and rotations (± 10 degrees), two views each, these told the venue-trained model's
# faces apart best on the validation part (training with shifts and venue conditions left the
# sideways shifts, the earlier model's views, with no signal); four views told a little more
# at twice the cost.
VIEWS: tuple[View, ...] = ((0.0, 0.0, 0.9, 0.0), (0.0, 0.0, 1.1, 0.0))
TARGET_COVERAGE = 0.683  # the share of a normal distribution within one standard deviation
DEFINITION = ("error = sqrt(base² + weight · d² + score_weight · (s - score_centre)²), d the standard deviation "
              "of the raw scores of the face and of the face framed 10 % smaller and 10 % larger (each the mean of "
              "the face and its mirror image), s the score (1-5) and score_centre the mean of the validation "
              "faces' ratings. base, weight and score_weight: non-negative least squares of the squared "
              "residuals on the validation part of the training split, then scaled so that ± error holds about "
              "{coverage:.1%} of the faces of the group (AF, AM, CF, CM) of it that the model fits least well, "
              "and more of the others. The validation part also chose the training checkpoint, so it flatters "
              "the model a little: on the test part the coverage is lower (see metrics).")
OFFSET_DEFINITION = ("added to the model's output for every face: minus the mean signed error (output - raters' "
                     "mean) on the validation part of the training split; standard_error is that mean's standard "
                     "error. The validation part also chose the training checkpoint.")


def score_views(data: Path, frame, scorer: Scorer, views=VIEWS) -> tuple[np.ndarray, list[int]]:
    """The scorer's unclipped scores (faces x (1 + views)) of a dataset part through the app's
    pipeline, and the rows of ``frame`` in which a face was found."""
    detector = FaceDetector()
    raw, keep = [], []
    for i, name in enumerate(tqdm(frame["file"], desc="detect + align + score", unit="img")):
        try:
            prepared = prepare_face(load_image(Path(data) / "Images" / name), detector, check_quality=False,
                                    size=scorer.input_size, views=views)
        except FaceScoreError as error:
            log.warning("skipped %s: %s", name, error)
            continue
        raw.append(scorer.predict(np.concatenate([prepared.crop[None], prepared.views])))
        keep.append(i)
    return np.array(raw), keep


def scored_part(data: Path, frame, scorer: Scorer, views=VIEWS) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`score_views` of a dataset part, with the raters' mean and the group (AF, AM, CF, CM) of
    each face scored."""
    raw, keep = score_views(data, frame, scorer, views)
    files = frame["file"].to_numpy()[keep]
    return raw, frame["score"].to_numpy()[keep], np.array([group_of(name) for name in files])


def fit_offset(raw: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """What to add to the unclipped scores ``raw`` of faces rated ``labels`` for a mean signed error
    of 0, and the standard error of that mean. Unclipped, so that a second fit on the shifted scores
    finds 0 exactly."""
    residual = raw - labels
    return -float(residual.mean()), float(residual.std(ddof=1) / np.sqrt(len(residual)))


def fit_error_model(raw: np.ndarray, labels: np.ndarray, views=VIEWS, coverage: float = TARGET_COVERAGE,
                    groups: np.ndarray | None = None, scores: np.ndarray | None = None) -> ErrorModel:
    """The error model for faces with raw scores ``raw`` (faces x (1 + views)) and true ``labels``.

    ``groups`` (one name per face): scaled so that every group reaches ``coverage``, not only all
    faces together; the error is then a little wider for the groups the model fits best.
    ``scores``: the unclipped scores the error is for (default: the face's own, ``raw[:, 0]``).
    """
    scores = clip_to_scale(raw[:, 0] if scores is None else scores)
    residual = scores - labels
    centre = float(np.mean(labels))
    spread = np.array([disagreement(row) for row in raw])
    design = np.stack([np.ones_like(spread), spread**2, (scores - centre) ** 2], axis=1)
    base2, weight, score_weight = nnls(design, residual**2)[0]  # a term that would be negative is left out
    base2 = max(base2, 1e-6)
    normalised = np.abs(residual) / ErrorModel(tuple(views), np.sqrt(base2), weight, score_weight, centre).errors(
        raw, scores)
    parts = [normalised] if groups is None else [normalised[groups == group] for group in np.unique(groups)]
    scale = max(float(np.quantile(part, coverage)) for part in parts)
    return ErrorModel(tuple(views), float(np.sqrt(base2) * scale), float(weight * scale**2),
                      float(score_weight * scale**2), centre)


def calibrate(data: Path, card_path: Path | None = None) -> dict:
    """Fit the score offset and error model of the model at ``card_path`` (default: the bundled one)
    and write them into its card, with the validation metrics they give and a version that marks
    them; returns the card's new ``score_offset`` and ``error_model`` entries."""
    card_path = Path(card_path) if card_path else models_dir() / CARD_FILE
    scorer = Scorer(card_path, recalibrating=True)  # a card edited since its calibration is calibrated anew
    split_name = scorer.card.data["training"]["split"]
    validation = load_split(data, split_name, seed=scorer.card.data["training"]["config"]["seed"]).validation
    raw, labels, groups = scored_part(data, validation, scorer)  # with the card's present offset
    present = scorer.card.score_offset
    shift, standard_error = fit_offset(raw[:, 0], labels)
    fitted_on = {"fitted_on": f"{split_name} validation", "faces": len(labels), "command": "facescore calibrate"}
    offset = {"value": round(present + shift, 4), "standard_error": round(standard_error, 4),
              "definition": OFFSET_DEFINITION, **fitted_on}
    raw = raw + (offset["value"] - present)  # the scores the card will give
    fitted = fit_error_model(raw, labels, groups=groups)
    model = ErrorModel(fitted.views, round(fitted.base, 4), round(fitted.weight, 3), round(fitted.score_weight, 4),
                       round(fitted.score_centre, 3))
    errors = model.errors(raw)
    inside = np.abs(clip_to_scale(raw[:, 0]) - labels) <= errors
    covered = float(inside.mean())
    entry = {"views": [list(view) for view in model.views], "base": model.base, "weight": model.weight,
             "score_weight": model.score_weight, "score_centre": model.score_centre,
             "definition": DEFINITION.format(coverage=TARGET_COVERAGE), **fitted_on, "coverage": round(covered, 3),
             "group_coverage": {group: round(float(inside[groups == group].mean()), 3)
                                for group in np.unique(groups)},
             "error_min_median_max": [round(float(errors.min()), 3), round(float(np.median(errors)), 3),
                             round(float(errors.max()), 3)]}
    card = json.loads(card_path.read_text(encoding="utf-8"))
    card["score_offset"], card["error_model"] = offset, entry
    card["version"] = calibrated_version(card)
    card.setdefault("metrics", {})[f"{split_name} validation"] = grouped_metrics(
        groups, labels, clip_to_scale(raw[:, 0]), errors)
    card_path.write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    log.info("score offset %+.4f (standard error %.4f); error model: base %.4f, weight %.3f, score weight %.4f "
             "about %.3f; validation coverage %.1f %%; version %s", offset["value"], standard_error, model.base,
             model.weight, model.score_weight, model.score_centre, 100 * covered, card["version"])
    return {"score_offset": offset, "error_model": entry}
