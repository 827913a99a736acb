"""Shared fixtures: the dataset in ../shared (never copied into the repo) and the bundled model."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

ROOT = Path(__file__).resolve().parent.parent
DATASET = ROOT.parent / "shared" / "datasets" / "SCUT-FBP5500_v2"
SAMPLE_FACE = ROOT / "resources" / "sample_face.jpg"


@pytest.fixture(scope="session")
def dataset() -> Path:
    if not (DATASET / "Images").is_dir():
        pytest.fail(f"SCUT-FBP5500 not found at {DATASET}: tests read it from ../shared")
    return DATASET


@pytest.fixture(scope="session")
def detector():
    from core.detection import FaceDetector

    return FaceDetector()


@pytest.fixture(scope="session")
def scorer():
    from core.scorer import Scorer

    return Scorer()


@pytest.fixture(scope="session")
def sample_image() -> np.ndarray:
    from core.images import load_image

    return load_image(SAMPLE_FACE)


def official_test_files(dataset: Path, count: int, seed: int = 7) -> list[tuple[str, float]]:
    """``count`` fixed (file, label) pairs of the official 40 % test part."""
    from training.dataset import load_split

    test = load_split(dataset, "official-60-40").test
    sample = test.sample(count, random_state=seed)
    return list(zip(sample["file"], sample["score"]))


def paste_into_scene(face: np.ndarray, rng: np.random.Generator, size=(720, 1280)) -> np.ndarray:
    """A dataset face, rescaled and slightly rotated, somewhere in a plain or noisy scene."""
    import cv2

    height, width = size
    if rng.random() < 0.5:
        scene = np.full((height, width, 3), rng.integers(40, 200, size=3), dtype=np.uint8)
    else:
        scene = rng.integers(0, 256, size=(height, width, 3), dtype=np.uint8)
        scene = cv2.GaussianBlur(scene, (0, 0), 3)
    side = int(rng.uniform(260, 520))
    angle = rng.uniform(-8, 8)
    patch = cv2.resize(face, (side, side), interpolation=cv2.INTER_AREA)
    rotation = cv2.getRotationMatrix2D((side / 2, side / 2), angle, 1.0)
    mask = cv2.warpAffine(np.full((side, side), 255, np.uint8), rotation, (side, side))
    patch = cv2.warpAffine(patch, rotation, (side, side))
    x = int(rng.integers(0, width - side))
    y = int(rng.integers(0, height - side))
    region = scene[y : y + side, x : x + side]
    region[mask > 0] = patch[mask > 0]
    return scene
