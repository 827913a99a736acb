"""Regression and consistency checks of the bundled model on the real dataset."""

import time

import numpy as np

from core.faces import prepare_face
from core.images import load_image
from tests.conftest import official_test_files, paste_into_scene


def test_pc_on_300_fixed_official_test_images(dataset, detector, scorer):
    started = time.perf_counter()
    pairs = official_test_files(dataset, 300)
    crops = [prepare_face(load_image(dataset / "Images" / name), detector, check_quality=False).crop
             for name, _ in pairs]
    predictions = scorer.predict(np.stack(crops))
    labels = np.array([label for _, label in pairs])
    pc = np.corrcoef(predictions, labels)[0, 1]
    assert pc >= 0.85, f"PC {pc:.3f} on 300 official test images"
    assert time.perf_counter() - started < 60


def test_score_barely_moves_when_the_face_is_placed_in_a_scene(dataset, detector, scorer):
    """200 official-test faces pasted into 1280x720 scenes (position, scale, rotation, background)."""
    rng = np.random.default_rng(2024)
    originals, scenes = [], []
    for name, _ in official_test_files(dataset, 200, seed=3):
        face = load_image(dataset / "Images" / name)
        originals.append(prepare_face(face, detector, check_quality=False).crop)
        scenes.append(prepare_face(paste_into_scene(face, rng), detector, check_quality=False).crop)
    change = np.abs(scorer.predict(np.stack(originals)) - scorer.predict(np.stack(scenes)))
    assert np.median(change) <= 0.10, f"median change {np.median(change):.3f}"


def test_sample_face_scores_in_range(sample_image, detector, scorer):
    crop = prepare_face(sample_image, detector).crop
    score = scorer.score(crop)
    assert 1.0 <= score.value <= 5.0 and 0 <= score.percentile <= 100
    assert score.level == int(np.ceil(score.value)) and score.error == scorer.card.error
