"""``facescore evaluate | framing | train``: the training package's commands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from training.dataset import DEFAULT_ROOT, LABELS_DIR, SPLITS


def _at_least(minimum: int):
    """An argparse type: an integer of at least ``minimum``."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, not {value}")
        return value
    return parse


def _missing_dataset(data: str) -> str | None:
    """Why ``data`` is not a SCUT-FBP5500 folder, or None if it is one."""
    if not (Path(data) / "Images").is_dir() or not (Path(data) / LABELS_DIR).is_dir():
        return (f"SCUT-FBP5500 not found at {data} (expected its Images and {LABELS_DIR} folders); "
                "give its folder with --data")
    return None


def _evaluate(args) -> int:
    from core.errors import FaceScoreError
    from training.evaluate import evaluate_model, format_table, write_to_card

    if (problem := _missing_dataset(args.data)) is not None:
        print(f"facescore: {problem}", file=sys.stderr)
        return 2
    if args.update_card and args.limit:
        print("facescore: --update-card needs the whole test part (no --limit)", file=sys.stderr)
        return 2
    card = Path(args.model) if args.model else None
    try:
        result = evaluate_model(Path(args.data), args.split, card, args.limit)
        if args.update_card:
            write_to_card(result, args.split, card)
    except FaceScoreError as error:
        print(f"facescore: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({k: result[k] for k in ("pc", "mae", "rmse", "bias", "coverage", "error_fifths_ratio", "n",
                                                 "groups", "skipped", "model")}))
    else:
        print(format_table(result, f"{args.split} test part, model {result['model']}"))
    return 0


def _calibrate(args) -> int:
    from training.calibration import calibrate

    if (problem := _missing_dataset(args.data)) is not None:
        print(f"facescore: {problem}", file=sys.stderr)
        return 2
    entries = calibrate(Path(args.data), Path(args.model) if args.model else None)
    print(json.dumps(entries, ensure_ascii=False))
    return 0


def _framing(args) -> int:
    from training.framing import measure_framing

    if (problem := _missing_dataset(args.data)) is not None:
        print(f"facescore: {problem}", file=sys.stderr)
        return 2
    measure_framing(Path(args.data), Path(args.cache), args.limit)
    return 0


def _train(args) -> int:
    from training.fit import FitConfig
    from training.train import cross_validate, train

    if (problem := _missing_dataset(args.data)) is not None:
        print(f"facescore: {problem}", file=sys.stderr)
        return 2
    if args.recipe == "origin-study" and args.install:
        raise SystemExit("--install: a model of the origin study's recipe scores whole dataset images, "
                         "not the app's aligned faces; it is for comparison only")
    config = FitConfig(recipe=args.recipe, backbone=args.backbone, init=args.init, input_size=args.input_size,
                       batch_size=args.batch_size, head_epochs=args.head_epochs,
                       finetune_epochs=args.epochs, finetune_lr=args.lr, seed=args.seed,
                       venue_augment=not args.no_venue_augment)
    if args.split == "cross-validation":
        cross_validate(Path(args.data), config, Path(args.out), Path(args.cache), args.limit,
                       Path(args.summary) if args.summary else None)
    else:
        train(Path(args.data), args.split, config, Path(args.out), Path(args.cache), args.limit,
              Path(args.install) if args.install else None)
    return 0


def _finish_run(args) -> int:
    run = Path(args.run)
    missing = [name for name in ("config.json", "history.csv", "best.weights.h5") if not (run / name).is_file()]
    if missing:
        print(f"facescore: {args.run} is not a run folder of `facescore train` (no {', '.join(missing)})",
              file=sys.stderr)
        return 2
    from training.train import finish_run

    finish_run(Path(args.run), Path(args.cache))
    return 0


def _compare_recipes(args) -> int:
    from training.compare import RECIPES, compare_recipes

    runs = [Path(run) for run in args.runs or []]
    if not runs:
        from training.fit import FitConfig
        from training.train import train

        runs = [train(Path(args.data), args.split, FitConfig(recipe=recipe, backbone=args.backbone, init=args.init,
                                                             input_size=args.input_size),
                      Path(args.out), Path(args.cache))
                for recipe in RECIPES]
    command = " ".join(["facescore compare-recipes --split", args.split, "--runs", *map(str, runs)])
    compare_recipes(args.split, runs, Path(args.docs), command)
    return 0


def add_commands(commands) -> None:
    evaluate = commands.add_parser("evaluate", help="evaluate a model on a split's test part")
    evaluate.add_argument("--data", default=str(DEFAULT_ROOT), help="SCUT-FBP5500_v2 folder")
    evaluate.add_argument("--split", default="official-60-40", choices=SPLITS)
    evaluate.add_argument("--limit", type=_at_least(2), help="a random sample of N (2 or more) test images")
    evaluate.add_argument("--json", action="store_true")
    evaluate.add_argument("--model", help="model card (model_card.json) of another model")
    evaluate.add_argument("--update-card", action="store_true",
                          help="write the result (per group: PC, MAE, RMSE, bias, error coverage) onto the model's "
                               "card; only for the split it was trained on, never with --limit")
    evaluate.set_defaults(handler=_evaluate)

    calibrate = commands.add_parser("calibrate", help="fit the model's score offset and per-face error on its "
                                                      "validation part and write them onto its card")
    calibrate.add_argument("--data", default=str(DEFAULT_ROOT), help="SCUT-FBP5500_v2 folder")
    calibrate.add_argument("--model", help="model card (model_card.json) of another model")
    calibrate.set_defaults(handler=_calibrate)

    framing = commands.add_parser("framing", help="measure how SCUT-FBP5500 frames its faces")
    framing.add_argument("--data", default=str(DEFAULT_ROOT), help="SCUT-FBP5500_v2 folder")
    framing.add_argument("--cache", default="runs/cache", help="folder for cached face crops")
    framing.add_argument("--limit", type=_at_least(1), help="only the first N images")
    framing.set_defaults(handler=_framing)

    train = commands.add_parser("train", help="train a model on SCUT-FBP5500")
    train.add_argument("--data", default=str(DEFAULT_ROOT), help="SCUT-FBP5500_v2 folder")
    train.add_argument("--split", default="official-60-40", choices=SPLITS + ("cross-validation",),
                       help="cross-validation: train on fold-1 .. fold-5 and average their test metrics")
    train.add_argument("--recipe", default="project", choices=["project", "origin-study"],
                       help="origin-study: the origin study's fixed recipe on whole images, for comparison "
                            "(ignores --batch-size, --head-epochs, --epochs, --lr)")
    train.add_argument("--backbone", default="efficientnet_lite0", choices=["efficientnet_lite0", "resnet50"])
    train.add_argument("--init", default="imagenet", help="imagenet | scratch | PATH to a weights file")
    train.add_argument("--input-size", type=int, default=224)
    train.add_argument("--batch-size", type=int, default=32)
    train.add_argument("--head-epochs", type=int, default=2)
    train.add_argument("--epochs", type=int, default=16, help="fine-tuning epochs")
    train.add_argument("--lr", type=float, default=3e-4, help="peak fine-tuning learning rate")
    train.add_argument("--seed", type=int, default=42)
    train.add_argument("--no-venue-augment", action="store_true",
                       help="train without the venue conditions (exposure, colour cast, defocus, noise, JPEG)")
    train.add_argument("--limit", type=_at_least(2), help="use at most N images per part (smoke runs)")
    train.add_argument("--out", default="runs", help="folder for run folders")
    train.add_argument("--cache", default="runs/cache", help="folder for cached face crops")
    train.add_argument("--install", nargs="?", const="models", help="copy the model into this folder")
    train.add_argument("--summary", help="cross-validation: where the summary goes, rewritten after every fold "
                                         "(default OUT/cross-validation.json; the bundled recipe's is "
                                         "docs/model/cross_validation_folds.json)")
    train.set_defaults(handler=_train)

    finish = commands.add_parser("finish-run", help="export and evaluate a run from its best checkpoint (a stopped "
                                                    "run, or a finished one again)")
    finish.add_argument("run", help="the run folder (runs/<time>-<backbone>-<size>)")
    finish.add_argument("--cache", default="runs/cache", help="folder for cached images and face crops")
    finish.set_defaults(handler=_finish_run)

    compare = commands.add_parser("compare-recipes", help="the origin study's recipe beside the project's")
    compare.add_argument("--split", default="seed-2560-640-800", choices=SPLITS)
    compare.add_argument("--runs", nargs=2, metavar="FOLDER",
                         help="a finished run (or installed model) folder of each recipe; without it both are "
                              "trained first")
    compare.add_argument("--data", default=str(DEFAULT_ROOT), help="SCUT-FBP5500_v2 folder")
    compare.add_argument("--backbone", default="efficientnet_lite0", choices=["efficientnet_lite0", "resnet50"])
    compare.add_argument("--init", default="imagenet", help="imagenet | scratch | PATH to a weights file")
    compare.add_argument("--input-size", type=int, default=224)
    compare.add_argument("--out", default="runs", help="folder for run folders")
    compare.add_argument("--cache", default="runs/cache", help="folder for cached images and face crops")
    compare.add_argument("--docs", default="docs/model", help="folder for the comparison table")
    compare.set_defaults(handler=_compare_recipes)
