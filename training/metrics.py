"""PC, MAE and RMSE overall and per group, and the spread of predictions."""

from __future__ import annotations

import numpy as np

from training.dataset import GROUPS


def regression_metrics(labels: np.ndarray, predictions: np.ndarray) -> dict[str, float]:
    labels = np.asarray(labels, dtype=np.float64)
    predictions = np.asarray(predictions, dtype=np.float64)
    errors = predictions - labels
    pc = float(np.corrcoef(labels, predictions)[0, 1]) if len(labels) > 1 else float("nan")
    return {
        "pc": pc,
        "mae": float(np.abs(errors).mean()),
        "rmse": float(np.sqrt((errors**2).mean())),
        "n": int(len(labels)),
        "label_std": float(labels.std()),
        "prediction_std": float(predictions.std()),
    }


def grouped_metrics(groups, labels, predictions) -> dict:
    """Overall metrics plus ``groups``: AF, AM, CF, CM each with their own."""
    groups = np.asarray(groups)
    result = regression_metrics(labels, predictions)
    result["groups"] = {
        group: regression_metrics(np.asarray(labels)[groups == group], np.asarray(predictions)[groups == group])
        for group in GROUPS
        if (groups == group).sum() > 1
    }
    return result
