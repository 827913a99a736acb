import cv2
import numpy as np
import pytest

from core.faces import FaceQualityError, prepare_face
from core.quality import QualityIssue


def issues_of(image, detector):
    with pytest.raises(FaceQualityError) as caught:
        prepare_face(image, detector)
    assert str(caught.value) == caught.value.issues[0].message
    return set(caught.value.issues)


def test_the_sample_face_passes(detector, sample_image):
    prepared = prepare_face(sample_image, detector)
    assert prepared.quality.passed


def test_no_face(detector):
    assert issues_of(np.full((480, 640, 3), 200, np.uint8), detector) == {QualityIssue.NO_FACE}


def test_too_dark_and_overexposed(detector, sample_image):
    dark = (sample_image * 0.22).astype(np.uint8)
    bright = np.clip(sample_image.astype(int) * 1.5 + 60, 0, 255).astype(np.uint8)
    assert QualityIssue.TOO_DARK in issues_of(dark, detector)
    assert QualityIssue.OVEREXPOSED in issues_of(bright, detector)


def test_blurred(detector, sample_image):
    assert QualityIssue.BLURRED in issues_of(cv2.GaussianBlur(sample_image, (0, 0), 6), detector)


def test_face_too_small(detector, sample_image):
    scene = np.full((720, 1280, 3), 120, np.uint8)
    scene[300:420, 600:720] = cv2.resize(sample_image, (120, 120), interpolation=cv2.INTER_AREA)
    assert QualityIssue.FACE_TOO_SMALL in issues_of(scene, detector)


def test_head_tilted(detector, sample_image):
    rotation = cv2.getRotationMatrix2D((256, 256), 40, 1.0)
    tilted = cv2.warpAffine(sample_image, rotation, (512, 512), borderMode=cv2.BORDER_REPLICATE)
    assert QualityIssue.NOT_FRONTAL in issues_of(tilted, detector)


def test_two_faces(detector, sample_image):
    scene = np.full((600, 1100, 3), 120, np.uint8)
    scene[40:552, 20:532] = sample_image
    scene[100:500, 650:1050] = cv2.resize(sample_image, (400, 400), interpolation=cv2.INTER_AREA)
    assert QualityIssue.MULTIPLE_FACES in issues_of(scene, detector)


def test_without_quality_checks_a_flawed_face_is_still_cropped(detector, sample_image):
    blurred = cv2.GaussianBlur(sample_image, (0, 0), 6)
    prepared = prepare_face(blurred, detector, check_quality=False)
    assert prepared.crop.shape == (224, 224, 3)
    assert QualityIssue.BLURRED in prepared.quality.issues
