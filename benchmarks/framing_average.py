"""Would the score gain from averaging the face over its framings? The model's output for the face
alone (what the app scores) beside the mean over the face and the moved framings the per-face
error already scores (no extra model pass), on a split's test part through the app's pipeline.
Each score is calibrated as ``facescore calibrate`` does, on the split's validation part (offset,
then the error model scaled per group), and its stated errors judged on the test part.

    python -m benchmarks.framing_average                                  # bundled model, official 40 %
    python -m benchmarks.framing_average --model RUN/model_card.json --split fold-4

A cross-validation fold's model (``facescore train --split cross-validation``) measured on its own
fold's test part says whether the mean helps without looking at the official test part.
Deterministic, so it runs once whatever ``--repetitions`` says.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.common import parse_args, print_table, write_result
from core.score import clip_to_scale
from core.scorer import Scorer
from tests.conftest import DATASET
from training.calibration import VIEWS, fit_error_model, fit_offset, scored_part
from training.dataset import load_split
from training.metrics import grouped_metrics

RULES = {"face alone": lambda raw: raw[:, 0], "mean of face and framings": lambda raw: raw.mean(axis=1)}


def measure(card: Path | None, split_name: str) -> dict:
    scorer = Scorer(card, recalibrating=True)  # a fold's model has no calibration of its own
    seed = scorer.card.data["training"]["config"]["seed"]
    split = load_split(DATASET, split_name, seed=seed)  # the validation part the model was trained beside
    views = scorer.views or VIEWS
    offset = scorer.card.score_offset  # the card's own, taken off so that each rule fits its own
    validation, test = (scored_part(DATASET, part, scorer, views) for part in (split.validation, split.test))
    result = {"model": scorer.card.version, "split": split_name, "views": [list(view) for view in views],
              "faces": {"validation": len(validation[1]), "test": len(test[1])}, "rules": {}}
    for name, rule in RULES.items():
        (raw_v, labels_v, groups_v), (raw_t, labels_t, groups_t) = validation, test
        shift, _ = fit_offset(rule(raw_v - offset), labels_v)
        raw_v, raw_t = raw_v - offset + shift, raw_t - offset + shift
        model = fit_error_model(raw_v, labels_v, views, groups=groups_v, scores=rule(raw_v))
        errors = model.errors(raw_t, rule(raw_t))
        result["rules"][name] = grouped_metrics(groups_t, labels_t, clip_to_scale(rule(raw_t)), errors)
    return result


def main() -> None:
    args = parse_args(__doc__.splitlines()[0], lambda parser: (
        parser.add_argument("--model", type=Path, help="a model card (default: the bundled model)"),
        parser.add_argument("--split", default="official-60-40", help="whose test part (default official-60-40)")))
    result = measure(args.model, args.split)
    rows = [(name, f"{m['pc']:.4f}", f"{m['mae']:.4f}", f"{m['rmse']:.4f}", f"{m['coverage']:.1%}",
             " / ".join(f"{g['coverage']:.1%}" for g in m["groups"].values()), f"{m['error_fifths_ratio']:.2f}")
            for name, m in result["rules"].items()]
    print_table(f"{result['model']} on the {args.split} test part ({result['faces']['test']} faces; calibrated on "
                f"{result['faces']['validation']} validation faces)",
                ("score", "PC", "MAE", "RMSE", "± error holds", "AF / AM / CF / CM", "fifths ratio"), rows)
    print("written to", write_result(f"framing_average-{args.split}", result))


if __name__ == "__main__":
    main()
