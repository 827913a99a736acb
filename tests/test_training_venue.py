"""The venue conditions the training recipe adds (training/venue.py)."""

import cv2
import numpy as np
import pytest

tf = pytest.importorskip("tensorflow")
keras = pytest.importorskip("keras")

from training import venue  # noqa: E402
from training.fit import make_dataset  # noqa: E402


@pytest.fixture
def face(sample_image, detector):
    from core.faces import prepare_face

    return prepare_face(sample_image, detector).crop.astype(np.float32)


def sharpness(image) -> float:
    grey = cv2.cvtColor(np.clip(image, 0, 255).astype(np.uint8), cv2.COLOR_RGB2GRAY)
    return float(cv2.Laplacian(grey, cv2.CV_64F).var())


def test_no_condition_drawn_leaves_the_face_as_it_is(face, monkeypatch):
    monkeypatch.setattr(venue, "PROBABILITY", 0.0)
    assert np.array_equal(venue.venue_jitter(tf.constant(face)).numpy(), face)


def test_every_condition_drawn_changes_the_face_within_range(face, monkeypatch):
    monkeypatch.setattr(venue, "PROBABILITY", 1.0)
    keras.utils.set_random_seed(1)
    out = venue.venue_jitter(tf.constant(face)).numpy()
    assert out.shape == face.shape and out.min() >= 0 and out.max() <= 255
    assert np.abs(out - face).mean() > 2


def test_each_condition_does_what_it_names(face):
    keras.utils.set_random_seed(2)
    gains = [venue._exposure(tf.constant(face)).numpy().mean() / face.mean() for _ in range(40)]
    assert min(gains) < 0.6 and max(gains) > 1.6
    assert sharpness(venue._defocus(tf.constant(face)).numpy()) < sharpness(face) * 0.8
    noisy = venue._noise(tf.constant(face)).numpy()
    assert 1.5 < np.std(noisy - face) < 15
    encoded = venue._jpeg(tf.constant(face)).numpy()
    assert encoded.dtype == np.float32 and 0.5 < np.abs(encoded - face).mean() < 20


def test_training_batches_carry_the_conditions_only_when_asked(face):
    crops = np.repeat(face.astype(np.uint8)[None], 64, axis=0)
    labels = np.linspace(1, 5, 64)

    def first_batch(venue_conditions: bool) -> np.ndarray:
        keras.utils.set_random_seed(3)
        data = make_dataset(crops, labels, 64, training=True, seed=3, input_size=face.shape[0],
                            augment=True, venue=venue_conditions)
        return next(iter(data))[0].numpy()

    plain, with_venue = first_batch(False), first_batch(True)
    # the exposure range alone spreads the batch's brightness far beyond the plain jitter's
    assert np.std(with_venue.mean(axis=(1, 2, 3))) > 1.4 * np.std(plain.mean(axis=(1, 2, 3)))


def test_a_smoke_runs_few_faces_still_make_one_training_batch(face):
    """``facescore train --limit 16`` (batch 32) trained on no batch at all and stopped with KeyError 'loss'."""
    crops = np.repeat(face.astype(np.uint8)[None], 12, axis=0)
    data = make_dataset(crops, np.linspace(1, 5, 12), 32, training=True, seed=3, input_size=face.shape[0])
    assert [len(labels) for _, labels in data] == [12]
    data = make_dataset(np.repeat(crops, 3, axis=0), np.linspace(1, 5, 36), 32, training=True, seed=3,
                        input_size=face.shape[0])
    assert [len(labels) for _, labels in data] == [32]  # a full batch: the short remainder still goes
