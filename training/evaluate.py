"""Evaluation: PC / MAE / RMSE overall and per group, with plots.

``evaluate_run`` scores a fresh run's exported model on cached crops and
completes its model card; ``evaluate_model`` runs the whole app pipeline
(image file -> face -> model) on a split's test part, as ``facescore evaluate`` does.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np
from tqdm import tqdm

from core.detection import FaceDetector
from core.errors import FaceScoreError
from core.faces import prepare_face
from core.images import load_image
from core.model_card import CARD_FILE
from core.score import clip_to_scale
from core.scorer import Scorer
from training import plots
from training.crops import crops_and_labels
from training.dataset import load_split
from training.metrics import grouped_metrics

log = logging.getLogger(__name__)

ERROR_BAND_DEFINITION = ("root mean squared error of the score against the raters' mean on the "
                         "held-out official 40 % test part (2200 faces): about two thirds of "
                         "faces are scored within this distance of the raters' mean")


def evaluate_run(run_dir: Path, parts: dict, crops: dict, train_seconds: float | None = None) -> dict:
    run_dir = Path(run_dir)
    card_path = run_dir / CARD_FILE
    scorer = Scorer(card_path)
    results = {}
    for name in ("validation", "test"):
        images, labels = crops_and_labels(crops, parts[name])
        predictions = clip_to_scale(scorer.predict(images))
        results[name] = grouped_metrics(parts[name]["group"].to_numpy(), labels, predictions)
        if name == "test":
            plots.predicted_vs_true(parts[name]["group"], labels, predictions,
                                    f"test part: PC {results[name]['pc']:.3f}", run_dir / "predicted_vs_true.png")
            plots.residuals_by_group(parts[name]["group"], labels, predictions, run_dir / "residuals_by_group.png")
    if (run_dir / "history.csv").is_file():
        plots.learning_curves(run_dir / "history.csv", run_dir / "learning_curves.png")

    card = json.loads(card_path.read_text())
    split = card["training"]["split"]
    card["metrics"] = {f"{split} test": results["test"], f"{split} validation": results["validation"]}
    card["error_band"] = {"value": round(results["test"]["rmse"], 2), "definition": ERROR_BAND_DEFINITION}
    if train_seconds is not None:
        card["training"]["wall_seconds"] = round(train_seconds)
    card_path.write_text(json.dumps(card, indent=2, ensure_ascii=False))
    (run_dir / "metrics.json").write_text(json.dumps(results, indent=2))
    log.info("%s", format_table(results["test"], f"{split} test part"))
    return results


def evaluate_model(data: Path, split_name: str, card_path: Path | None = None,
                   limit: int | None = None, seed: int = 42) -> dict:
    """Score a split's test part through the full app pipeline."""
    split = load_split(data, split_name)
    test = split.test
    if limit:
        test = test.sample(min(limit, len(test)), random_state=seed).reset_index(drop=True)
    scorer, detector = Scorer(card_path), FaceDetector()
    crops, keep = [], []
    for i, name in enumerate(tqdm(test["file"], desc="detect + align", unit="img")):
        try:
            crops.append(prepare_face(load_image(Path(data) / "Images" / name), detector, check_quality=False,
                                      size=scorer.input_size).crop)
            keep.append(i)
        except FaceScoreError as error:
            log.warning("skipped %s: %s", name, error)
    if not crops:
        raise FaceScoreError("no test image could be scored")
    skipped = len(test) - len(keep)
    test = test.iloc[keep]
    predictions = clip_to_scale(scorer.predict(np.stack(crops)))
    result = grouped_metrics(test["group"].to_numpy(), test["score"].to_numpy(), predictions)
    result["skipped"] = skipped
    result["model"] = scorer.card.version
    return result


def format_table(result: dict, title: str) -> str:
    rows = [f"{title}  (n={result['n']})", f"{'':6}{'PC':>8}{'MAE':>8}{'RMSE':>8}{'n':>7}"]
    for name, m in [("all", result), *result.get("groups", {}).items()]:
        rows.append(f"{name:6}{m['pc']:8.4f}{m['mae']:8.4f}{m['rmse']:8.4f}{m['n']:7d}")
    ratio = f" ({result['prediction_std'] / result['label_std']:.0%})" if result["label_std"] > 0 else ""
    rows.append(f"prediction std {result['prediction_std']:.3f} vs label std {result['label_std']:.3f}{ratio}")
    return "\n".join(rows)
