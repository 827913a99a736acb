"""Readers for the SCUT-FBP5500 v2 layout and its splits."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

GROUPS = ("AF", "AM", "CF", "CM")
SPLITS = ("official-60-40", "seed-2560-640-800") + tuple(f"fold-{k}" for k in range(1, 6))
DEFAULT_ROOT = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets" / "SCUT-FBP5500_v2"
LABELS_DIR = "train_test_files"
OFFICIAL_DIR = "split_of_60%training and 40%testing"
FOLDS_DIR = "5_folders_cross_validations_files"


class DatasetError(Exception):
    """The dataset folder is missing or not in the SCUT-FBP5500 v2 layout."""


def group_of(filename: str) -> str:
    return filename[:2]


def read_label_file(path: Path) -> pd.DataFrame:
    """``name score`` lines -> DataFrame with columns file, score, group."""
    if not path.is_file():
        raise DatasetError(f"label file not found: {path}")
    frame = pd.read_csv(path, sep=r"\s+", header=None, names=["file", "score"], dtype={"file": str})
    frame["group"] = frame["file"].map(group_of)
    return frame


@dataclass(frozen=True)
class Split:
    """Train, validation and test parts of one protocol.

    The validation part is carved out of the training part only; the test part
    is touched only by evaluation.
    """

    name: str
    train: pd.DataFrame
    validation: pd.DataFrame
    test: pd.DataFrame


def load_split(root: Path, name: str, validation_fraction: float = 0.1, seed: int = 42) -> Split:
    labels = Path(root) / LABELS_DIR
    if name == "official-60-40":
        train, test = (read_label_file(labels / OFFICIAL_DIR / f"{part}.txt") for part in ("train", "test"))
    elif name.startswith("fold-") and name[5:] in {"1", "2", "3", "4", "5"}:
        k = name[5:]
        folder = labels / FOLDS_DIR / f"cross_validation_{k}"
        train, test = (read_label_file(folder / f"{part}_{k}.txt") for part in ("train", "test"))
    elif name == "seed-2560-640-800":
        return origin_study_split(read_label_file(labels / "All_labels.txt"))
    else:
        raise DatasetError(f"unknown split {name!r}; choose one of {', '.join(SPLITS)}")
    fit, validation = validation_part(train, validation_fraction, seed)
    return Split(name, fit, validation, test)


def origin_study_split(labels: pd.DataFrame) -> Split:
    """The origin study's 2560 / 640 / 800 split of 4000 images.

    4000 = the Asian faces (AF + AM), which is what 2560 + 640 + 800 adds up
    to; ``train_test_split(test_size=0.2, random_state=42)`` twice, as the study
    did: first the 800 test images, then 640 validation images of the rest.
    """
    from sklearn.model_selection import train_test_split

    asian = labels[labels["group"].isin(["AF", "AM"])].reset_index(drop=True)
    rest, test = train_test_split(asian, test_size=0.2, random_state=42)
    train, validation = train_test_split(rest, test_size=0.2, random_state=42)
    return Split("seed-2560-640-800", *(part.reset_index(drop=True) for part in (train, validation, test)))


def validation_part(train: pd.DataFrame, fraction: float, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Carve a validation part out of the training part, stratified by group."""
    rng = np.random.default_rng(seed)
    val_index = []
    for _, rows in train.groupby("group"):
        count = max(1, round(len(rows) * fraction))
        val_index.extend(rng.choice(rows.index.to_numpy(), size=count, replace=False))
    is_val = train.index.isin(val_index)
    return train[~is_val].reset_index(drop=True), train[is_val].reset_index(drop=True)
