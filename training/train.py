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

from training.crops import build_crops, crops_and_labels, readable_parts
from training.dataset import load_split
from training.fit import FitConfig

log = logging.getLogger(__name__)


def run_folder(out: Path, config: FitConfig) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    return out / f"{stamp}-{config.backbone}-{config.input_size}"


def train(data: Path, split_name: str, config: FitConfig, out: Path, cache: Path,
          limit: int | None = None, install_to: Path | None = None) -> Path:
    from training.fit import fit

    started = time.perf_counter()
    split = load_split(data, split_name, seed=config.seed)
    parts = {"train": split.train, "validation": split.validation, "test": split.test}
    if limit:
        parts = {k: v.sample(min(limit, len(v)), random_state=config.seed) for k, v in parts.items()}
    files = sorted(set().union(*(set(p["file"]) for p in parts.values())))
    crops = build_crops(data / "Images", files, cache)
    parts = readable_parts(parts, crops)

    run_dir = run_folder(out, config)
    run_dir.mkdir(parents=True, exist_ok=True)
    (run_dir / "config.json").write_text(json.dumps(
        {**dataclasses.asdict(config), "split": split_name, "data": str(data), "limit": limit}, indent=2))
    model = fit(config, crops_and_labels(crops, parts["train"]), crops_and_labels(crops, parts["validation"]), run_dir)
    model.save(run_dir / "model.keras")
    fit_seconds = time.perf_counter() - started

    from training.evaluate import evaluate_run
    from training.export import export_model

    export_model(model, run_dir, config, split_name, train_labels=parts["train"]["score"].to_numpy())
    evaluate_run(run_dir, parts, crops, train_seconds=fit_seconds)
    if install_to:
        install_to.mkdir(parents=True, exist_ok=True)
        for name in ("facescore.tflite", "model_card.json"):
            shutil.copy2(run_dir / name, install_to / name)
    log.info("run folder: %s  (wall time %.0f s)", run_dir, time.perf_counter() - started)
    return run_dir


def cross_validate(data: Path, config: FitConfig, out: Path, cache: Path, limit: int | None = None,
                   train_fold=train) -> dict:
    """The official 5-fold protocol: one model per fold, test metrics averaged over the folds."""
    folds = {}
    for k in range(1, 6):
        run_dir = train_fold(data, f"fold-{k}", config, out, cache, limit)
        folds[f"fold-{k}"] = json.loads((Path(run_dir) / "metrics.json").read_text())["test"]
    summary = {
        metric: float(np.mean([fold[metric] for fold in folds.values()])) for metric in ("pc", "mae", "rmse")
    }
    summary["folds"] = folds
    path = out / f"cross-validation-{config.backbone}-{config.input_size}.json"
    path.write_text(json.dumps(summary, indent=2))
    log.info("5-fold mean: PC %.4f  MAE %.4f  RMSE %.4f  -> %s", summary["pc"], summary["mae"], summary["rmse"], path)
    return summary
