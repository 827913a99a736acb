"""Evaluation: PC / MAE / RMSE overall and per group, with plots.

``evaluate_run`` scores a fresh run's exported model on cached crops and
completes its model card; ``evaluate_model`` runs the whole app pipeline
(image file -> face -> model, each face with its own stated error) on a split's test part, as
``facescore evaluate`` does, and can write the result onto the model's card.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from tqdm import tqdm

from core.detection import FaceDetector
from core.errors import FaceScoreError
from core.images import load_image
from core.model_card import CARD_FILE
from core.resources import models_dir
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


UNSEEN_POPULATIONS = ("SCUT-FBP5500 holds only East Asian and Caucasian adults, aged about 15 to 60. The model never "
                      "saw faces of any other population (African, South Asian, Middle Eastern, Latin American, "
                      "Indigenous or mixed-heritage people), nor children or older people: its scores for those "
                      "faces are unmeasured.")


def evaluate_model(data: Path, split_name: str, card_path: Path | None = None,
                   limit: int | None = None, seed: int = 42) -> dict:
    """Score a split's test part through the full app pipeline, each face with its stated error."""
    split = load_split(data, split_name)
    test = split.test
    if limit:
        test = test.sample(min(limit, len(test)), random_state=seed).reset_index(drop=True)
    scorer, detector = Scorer(card_path), FaceDetector()
    scores, keep = [], []
    for i, name in enumerate(tqdm(test["file"], desc="detect + align + score", unit="img")):
        try:
            prepared = scorer.prepare(load_image(Path(data) / "Images" / name), detector, check_quality=False)
        except FaceScoreError as error:
            log.warning("skipped %s: %s", name, error)
            continue
        scores.append(scorer.estimate([prepared])[0])
        keep.append(i)
    if not scores:
        raise FaceScoreError("no test image could be scored")
    skipped = len(test) - len(keep)
    test = test.iloc[keep]
    result = grouped_metrics(test["group"].to_numpy(), test["score"].to_numpy(),
                             [score.value for score in scores], [score.error for score in scores])
    result["skipped"] = skipped
    result["model"] = scorer.card.version
    return result


def write_to_card(result: dict, split_name: str, card_path: Path | None = None) -> Path:
    """Put a full ``evaluate_model`` result (overall and per group: PC, MAE, RMSE, bias, coverage) and
    the populations the model never saw onto the model's card. Only the split the model was trained
    on qualifies."""
    card_path = Path(card_path) if card_path else models_dir() / CARD_FILE
    card = json.loads(card_path.read_text(encoding="utf-8"))
    trained_on = card["training"]["split"]
    if split_name != trained_on:
        raise FaceScoreError(f"the model was trained on split {trained_on}; only its test part goes on its card",
                             code="card_split_mismatch", split=split_name, trained_on=trained_on)
    card.setdefault("metrics", {})[f"{split_name} test"] = {
        **{key: value for key, value in result.items() if key != "model"},
        "command": f"facescore evaluate --split {split_name} --update-card"}
    card["unseen_populations"] = UNSEEN_POPULATIONS
    card_path.write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return card_path


def format_table(result: dict, title: str) -> str:
    covered = "coverage" in result
    rows = [f"{title}  (n={result['n']})",
            f"{'':6}{'PC':>8}{'MAE':>8}{'RMSE':>8}{'bias':>8}{'covered' if covered else '':>9}{'n':>7}"]
    for name, m in [("all", result), *result.get("groups", {}).items()]:
        coverage = f"{m['coverage']:9.1%}" if covered else f"{'':9}"
        rows.append(f"{name:6}{m['pc']:8.4f}{m['mae']:8.4f}{m['rmse']:8.4f}{m['bias']:+8.4f}{coverage}{m['n']:7d}")
    ratio = f" ({result['prediction_std'] / result['label_std']:.0%})" if result["label_std"] > 0 else ""
    rows.append(f"prediction std {result['prediction_std']:.3f} vs label std {result['label_std']:.3f}{ratio}")
    if covered:
        rows.append(f"RMSE of the fifth of faces with the largest stated error / the fifth with the smallest: "
                    f"{result['error_fifths_ratio']:.2f}")
    return "\n".join(rows)
