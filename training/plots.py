"""Plots saved as PNG: learning curves, predicted vs true, residuals per group."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from training.dataset import GROUPS  # noqa: E402

GROUP_COLOURS = {"AF": "#d1495b", "AM": "#00798c", "CF": "#edae49", "CM": "#30638e"}


def learning_curves(history_csv: Path, out: Path) -> None:
    history = pd.read_csv(history_csv)
    epochs = history["epoch"] + 1
    fig, axes = plt.subplots(1, 3, figsize=(13, 3.8))
    axes[0].plot(epochs, history["loss"], label="train")
    axes[0].plot(epochs, history["val_loss"], label="validation")
    axes[0].set_title("loss (MSE + correlation term)")
    axes[1].plot(epochs, history["val_rmse"], label="RMSE")
    axes[1].plot(epochs, history["val_mae"], label="MAE")
    axes[1].set_title("validation error")
    axes[2].plot(epochs, history["val_pc"], color="black")
    axes[2].set_title("validation Pearson correlation")
    for ax in axes:
        ax.set_xlabel("epoch")
        ax.grid(alpha=0.3)
    axes[0].legend()
    axes[1].legend()
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)


def predicted_vs_true(groups, labels, predictions, title: str, out: Path) -> None:
    groups, labels, predictions = map(np.asarray, (groups, labels, predictions))
    fig, ax = plt.subplots(figsize=(5.5, 5.5))
    for group in GROUPS:
        mask = groups == group
        ax.scatter(labels[mask], predictions[mask], s=6, alpha=0.5, label=group, color=GROUP_COLOURS[group])
    ax.plot([1, 5], [1, 5], color="grey", lw=1)
    ax.set(xlim=(1, 5), ylim=(1, 5), xlabel="mean rating (60 raters)", ylabel="predicted score", title=title)
    ax.legend(markerscale=3)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)


def residuals_by_group(groups, labels, predictions, out: Path) -> None:
    groups, labels, predictions = map(np.asarray, (groups, labels, predictions))
    present = [g for g in GROUPS if (groups == g).any()]
    residuals = [predictions[groups == g] - labels[groups == g] for g in present]
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.boxplot(residuals, tick_labels=present, showfliers=True, flierprops={"markersize": 2})
    ax.axhline(0, color="grey", lw=1)
    ax.set(ylabel="predicted - rated", title="residuals per group (test part)")
    ax.grid(alpha=0.3, axis="y")
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
