"""PC, MAE, RMSE and bias overall and per group, the spread of predictions and, given each face's
stated error, how many faces it covers and whether it tells faces apart."""

from __future__ import annotations

import numpy as np

from training.dataset import GROUPS


def regression_metrics(labels: np.ndarray, predictions: np.ndarray, stated=None) -> dict[str, float]:
    """``stated``: each face's stated error, if any: adds ``coverage``, the share of faces whose
    score is within its stated error of the raters' mean."""
    labels = np.asarray(labels, dtype=np.float64)
    predictions = np.asarray(predictions, dtype=np.float64)
    errors = predictions - labels
    pc = float(np.corrcoef(labels, predictions)[0, 1]) if len(labels) > 1 else float("nan")
    result = {
        "pc": pc,
        "mae": float(np.abs(errors).mean()),
        "rmse": float(np.sqrt((errors**2).mean())),
        "bias": float(errors.mean()),
        "n": int(len(labels)),
        "label_std": float(labels.std()),
        "prediction_std": float(predictions.std()),
    }
    if stated is not None:
        result["coverage"] = float((np.abs(errors) <= np.asarray(stated)).mean())
    return result


def fifths_rmse_ratio(labels, predictions, stated) -> float:
    """RMSE of the fifth of faces with the largest stated error over that of the fifth with the
    smallest: 1 when the stated error tells nothing about the real one."""
    order = np.argsort(np.asarray(stated), kind="stable")
    fifth = max(1, len(order) // 5)
    errors = np.asarray(predictions, dtype=np.float64) - np.asarray(labels, dtype=np.float64)
    rmse = [float(np.sqrt((errors[part] ** 2).mean())) for part in (order[:fifth], order[-fifth:])]
    return rmse[1] / rmse[0] if rmse[0] > 0 else float("inf")


def grouped_metrics(groups, labels, predictions, stated=None) -> dict:
    """Overall metrics plus ``groups``: AF, AM, CF, CM each with their own; given each face's
    ``stated`` error, also ``error_fifths_ratio`` (see :func:`fifths_rmse_ratio`)."""
    groups, labels, predictions = np.asarray(groups), np.asarray(labels), np.asarray(predictions)
    stated = None if stated is None else np.asarray(stated)
    result = regression_metrics(labels, predictions, stated)
    result["groups"] = {
        group: regression_metrics(labels[groups == group], predictions[groups == group],
                                  None if stated is None else stated[groups == group])
        for group in GROUPS
        if (groups == group).sum() > 1
    }
    if stated is not None:
        result["error_fifths_ratio"] = fifths_rmse_ratio(labels, predictions, stated)
    return result
