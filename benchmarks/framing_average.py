"""Would the score gain from averaging the face over its framings? The model's output for the face
alone (what the app scores) beside the mean over the face and the moved framings the per-face
error already scores (no extra model pass), on a split's test part through the app's pipeline.

    python -m benchmarks.framing_average                                  # bundled model, official 40 %
    python -m benchmarks.framing_average --model RUN/model_card.json --split fold-4

A cross-validation fold's model (``facescore train --split cross-validation``) measured on its own
fold's test part says whether the mean helps without looking at the official test part.
Deterministic, so it runs once whatever ``--repetitions`` says.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from benchmarks.common import parse_args, print_table, write_result
from core.scorer import Scorer
from core.score import clip_to_scale
from tests.conftest import DATASET
from training.calibration import VIEWS, score_views
from training.dataset import load_split
from training.metrics import regression_metrics


def measure(card: Path | None, split: str) -> dict:
    scorer = Scorer(card, recalibrating=True)  # a fold's model has no calibration of its own
    test = load_split(DATASET, split).test
    raw, keep = score_views(DATASET, test, scorer, scorer.views or VIEWS)
    labels = test["score"].to_numpy()[keep]
    return {"model": scorer.card.version, "split": split, "faces": len(keep), "skipped": len(test) - len(keep),
            "views": [list(view) for view in scorer.views or VIEWS],
            "face": regression_metrics(labels, clip_to_scale(raw[:, 0])),
            "mean of framings": regression_metrics(labels, clip_to_scale(raw.mean(axis=1)))}


def main() -> None:
    args = parse_args(__doc__.splitlines()[0], lambda parser: (
        parser.add_argument("--model", type=Path, help="a model card (default: the bundled model)"),
        parser.add_argument("--split", default="official-60-40", help="whose test part (default official-60-40)")))
    result = measure(args.model, args.split)
    rows = [(name, f"{m['pc']:.4f}", f"{m['mae']:.4f}", f"{m['rmse']:.4f}")
            for name, m in (("face alone", result["face"]), ("mean of face and framings", result["mean of framings"]))]
    print_table(f"{result['model']} on the {args.split} test part ({result['faces']} faces)",
                ("score", "PC", "MAE", "RMSE"), rows)
    print("written to", write_result(f"framing_average-{args.split}", result))


if __name__ == "__main__":
    main()
