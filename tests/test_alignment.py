import cv2
import numpy as np

from core.alignment import CROP_SIZE, align_face
from core.geometry import CANONICAL_POINTS, similarity_transform
from core.images import load_image
from tests.conftest import paste_into_scene


def test_similarity_transform_recovers_a_known_transform():
    rng = np.random.default_rng(1)
    src = rng.uniform(0, 100, (4, 2))
    angle, scale, shift = np.radians(17), 1.7, np.array([5.0, -3.0])
    rotation = scale * np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    dst = src @ rotation.T + shift
    matrix = similarity_transform(src, dst)
    np.testing.assert_allclose(matrix[:, :2], rotation, atol=1e-9)
    np.testing.assert_allclose(matrix[:, 2], shift, atol=1e-9)


def test_crop_puts_the_eyes_level_at_the_dataset_position(detector, sample_image):
    face = detector.detect(sample_image)[0]
    crop = align_face(sample_image, face)
    assert crop.shape == (CROP_SIZE, CROP_SIZE, 3) and crop.dtype == np.uint8
    refound = detector.detect(crop)[0]
    left, right = refound.eyes
    assert abs(left[1] - right[1]) < 4  # level
    expected = CANONICAL_POINTS[:2] * CROP_SIZE
    assert np.abs(np.array([left, right]) - expected).max() < 10


def test_a_face_pasted_into_a_scene_gives_nearly_the_same_crop(detector, dataset):
    face = load_image(dataset / "Images" / "CF100.jpg")
    original = align_face(face, detector.detect(face)[0])
    rng = np.random.default_rng(11)
    for _ in range(3):
        scene = paste_into_scene(face, rng)
        crop = align_face(scene, detector.detect(scene)[0])
        centre = slice(40, 184)
        difference = np.abs(crop[centre, centre].astype(int) - original[centre, centre].astype(int))
        assert np.median(difference) < 20  # keypoint jitter shifts by a pixel or two; a wrong crop gives 50+


def test_a_large_photo_is_shrunk_without_aliasing(detector, sample_image):
    big = cv2.resize(sample_image, (2048, 2048), interpolation=cv2.INTER_CUBIC)
    small_crop = align_face(sample_image, detector.detect(sample_image)[0])
    big_crop = align_face(big, detector.detect(big)[0])
    assert np.abs(small_crop.astype(int) - big_crop.astype(int)).mean() < 8
