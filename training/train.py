"""``facescore train``: crops -> fit -> export -> evaluate, all in one run folder."""

from __future__ import annotations

import dataclasses
import json
import logging
import shutil
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pandas as pd

from training.crops import build_crops, crops_and_labels, readable_parts
from training.dataset import load_split
from training.fit import FitConfig

log = logging.getLogger(__name__)


def run_folder(out: Path, config: FitConfig) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    return out / f"{stamp}-{config.backbone}-{config.input_size}"


def recorded_config(config: FitConfig) -> dict:
    """What a run's config.json records: the origin study's recipe has its own fixed settings."""
    if config.recipe != "origin-study":
        return dataclasses.asdict(config)
    from training.origin_study import settings

    return {**{key: getattr(config, key) for key in ("recipe", "backbone", "init", "input_size", "seed")},
            **settings()}


def run_inputs(data: Path, split_name: str, config: FitConfig, cache: Path, limit: int | None = None):
    """The split's parts and what the recipe feeds the model: aligned crops, or whole images for the study's."""
    split = load_split(data, split_name, seed=config.seed)
    parts = {"train": split.train, "validation": split.validation, "test": split.test}
    if limit:
        parts = {k: v.sample(min(limit, len(v)), random_state=config.seed) for k, v in parts.items()}
    files = sorted(set().union(*(set(p["file"]) for p in parts.values())))
    if config.recipe == "origin-study":
        from training.origin_study import whole_images

        crops = whole_images(data / "Images", files, cache, config.input_size)
    else:
        crops = build_crops(data / "Images", files, cache)
    return readable_parts(parts, crops), crops


def train(data: Path, split_name: str, config: FitConfig, out: Path, cache: Path,
          limit: int | None = None, install_to: Path | None = None) -> Path:
    started = time.perf_counter()
    parts, crops = run_inputs(data, split_name, config, cache, limit)
    if config.recipe == "origin-study":
        from training.origin_study import fit_origin_study as fit
    else:
        from training.fit import fit

    run_dir = run_folder(out, config)
    run_dir.mkdir(parents=True, exist_ok=True)
    (run_dir / "config.json").write_text(json.dumps(
        {**recorded_config(config), "split": split_name, "data": str(data), "limit": limit}, indent=2))
    train_part = crops_and_labels(crops, parts["train"])
    model = fit(config, train_part, crops_and_labels(crops, parts["validation"]), run_dir)
    model.save(run_dir / "model.keras")
    fit_seconds = time.perf_counter() - started

    from training.evaluate import evaluate_run
    from training.export import export_model

    export_model(model, run_dir, config, split_name, train_labels=train_part[1], train_crops=train_part[0])
    evaluate_run(run_dir, parts, crops, train_seconds=fit_seconds)
    if install_to:
        install_to.mkdir(parents=True, exist_ok=True)
        for name in ("facescore.tflite", "model_card.json"):
            shutil.copy2(run_dir / name, install_to / name)
    log.info("run folder: %s  (wall time %.0f s)", run_dir, time.perf_counter() - started)
    return run_dir


def finish_run(run_dir: Path, cache: Path) -> Path:
    """Export and evaluate a run from its best checkpoint so far; a stopped run's card says how far it
    got (a finished run's is exported again, e.g. after a change to the export).

    The wall time is from the run's config.json to its last logged epoch (file times), so it leaves
    out the data preparation before the run folder was made.
    """
    from training.evaluate import evaluate_run
    from training.export import export_model

    run_dir = Path(run_dir)
    recorded = json.loads((run_dir / "config.json").read_text())
    config = FitConfig(**{f.name: recorded[f.name] for f in dataclasses.fields(FitConfig) if f.name in recorded})
    config.venue_augment = recorded.get("venue_augment", False)  # runs from before the venue conditions had none
    parts, crops = run_inputs(Path(recorded["data"]), recorded["split"], config, cache, recorded["limit"])
    last_epoch = max(path.stat().st_mtime for path in run_dir.glob("history*.csv"))
    seconds = last_epoch - (run_dir / "config.json").stat().st_mtime
    if config.recipe == "origin-study":
        from training.origin_study import build, merge_history

        merge_history(run_dir)
        model = build(config)[0]
        planned = recorded["frozen_epochs"] + recorded["unfrozen_epochs"]
    else:
        from training.fit import build_regressor

        model = build_regressor(config, float(parts["train"]["score"].mean()))[0]
        planned = config.head_epochs + config.finetune_epochs
    model.load_weights(run_dir / "best.weights.h5")
    epochs = len(pd.read_csv(run_dir / "history.csv"))
    train_crops, train_labels = crops_and_labels(crops, parts["train"])
    export_model(model, run_dir, config, recorded["split"], train_labels=train_labels, train_crops=train_crops)
    evaluate_run(run_dir, parts, crops, train_seconds=seconds)
    if epochs < planned:
        card_path = run_dir / "model_card.json"
        card = json.loads(card_path.read_text())
        card["training"]["stopped"] = {"epochs_done": epochs, "epochs_planned": planned,
                                       "checkpoint": "the best of the epochs done (the recipe's own criterion)"}
        card_path.write_text(json.dumps(card, indent=2, ensure_ascii=False))
    log.info("finished %s from its checkpoint after %d of %d epochs", run_dir, epochs, planned)
    return run_dir


def cross_validate(data: Path, config: FitConfig, out: Path, cache: Path, limit: int | None = None,
                   summary_path: Path | None = None, train_fold=train) -> dict:
    """The official 5-fold protocol: one model per fold, test metrics averaged over the folds.

    Fold k trains under ``out``/cross-validation/fold-k. A run already there that finished all its
    epochs (metrics.json written; not a stopped run completed by ``finish-run``) with the same settings
    and data is taken as it is, so a stopped command resumes at the first fold not done. The summary
    (``summary_path``, default ``out``/cross-validation.json) is rewritten after every fold,
    ``complete`` false until all five are in.
    """
    settings = {**recorded_config(config), "data": str(data), "limit": limit}
    summary_path = summary_path or out / "cross-validation.json"
    folds = {}
    for k in range(1, 6):
        split = f"fold-{k}"
        fold_out = out / "cross-validation" / split
        run_dir = finished_run(fold_out, settings) or train_fold(data, split, config, fold_out, cache, limit)
        card = json.loads((Path(run_dir) / "model_card.json").read_text()) \
            if (Path(run_dir) / "model_card.json").is_file() else {}
        folds[split] = {**json.loads((Path(run_dir) / "metrics.json").read_text())["test"], "run": str(run_dir),
                        "wall_seconds": card.get("training", {}).get("wall_seconds")}
        summary = cross_validation_summary(folds, settings)
        summary_path.parent.mkdir(parents=True, exist_ok=True)
        summary_path.write_text(json.dumps(summary, indent=2))
        log.info("%s: PC %.4f; %d of 5 folds done, mean PC %.4f -> %s", split, folds[split]["pc"], len(folds),
                 summary["mean"]["pc"], summary_path)
    return summary


def finished_run(fold_out: Path, settings: dict) -> Path | None:
    """The newest run under ``fold_out`` that finished all its epochs with these settings."""
    for metrics in sorted(Path(fold_out).glob("*/metrics.json"), reverse=True):
        run_dir = metrics.parent
        recorded = json.loads((run_dir / "config.json").read_text())
        card = run_dir / "model_card.json"
        stopped = card.is_file() and "stopped" in json.loads(card.read_text()).get("training", {})
        if not stopped and all(recorded.get(key) == value for key, value in settings.items()):
            return run_dir
    return None


def cross_validation_summary(folds: dict, settings: dict) -> dict:
    """Every fold's test metrics (with groups) and their mean over the folds done."""
    mean = {metric: float(np.mean([fold[metric] for fold in folds.values()])) for metric in ("pc", "mae", "rmse")}
    return {"command": "facescore train --split cross-validation", "settings": settings,
            "complete": len(folds) == 5, "folds_done": list(folds), "mean": mean, "folds": folds}
