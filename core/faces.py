"""THE face pipeline shared by training and the app: detect -> check -> align/crop.

``training`` calls :func:`prepare_face` on every dataset image, the app calls it
on every capture, so the model sees at the venue what it saw in training.
Normalisation to the backbone's input range lives inside the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from core.alignment import CROP_SIZE, View, align_face
from core.detection import Face, FaceDetector
from core.errors import FaceScoreError
from core.quality import QualityIssue, QualityReport, assess

PREPROCESSING_VERSION = "scut-framing-v1"


class FaceQualityError(FaceScoreError):
    """No usable face: ``issues`` names every reason; the message and ``code`` the first."""

    def __init__(self, report: QualityReport):
        self.report = report
        self.issues = report.issues
        super().__init__(report.issues[0].message, code=report.issues[0].value)


@dataclass(frozen=True)
class PreparedFace:
    crop: np.ndarray  # size x size x 3 (the model's input size), RGB uint8
    face: Face
    quality: QualityReport
    views: np.ndarray  # K x size x size x 3: the same face framed as moved by each asked-for view


def prepare_face(image: np.ndarray, detector: FaceDetector, *, check_quality: bool = True,
                 size: int = CROP_SIZE, views: Sequence[View] = ()) -> PreparedFace:
    """Find the largest face in an RGB uint8 image and return its aligned ``size`` x ``size`` crop.

    ``size`` is the model's input size (its card's ``input_size``). The quality checks always
    look at a CROP_SIZE crop, so their thresholds mean the same whatever the model. Two faces
    that could each be the contestant are refused, not guessed between.
    ``views`` (see :func:`core.alignment.alignment_matrix`) add crops of slightly moved framings,
    from which the scorer measures how much the score depends on the exact framing.
    Raises :class:`FaceQualityError` if no face is found, or, with
    ``check_quality``, if any quality check fails.
    """
    faces = detector.detect(image)
    crop = align_face(image, faces[0], CROP_SIZE) if faces else None
    report = assess(faces, crop, image.shape[1], detector.yaw(image, faces[0]) if faces else 0.0)
    if crop is None or (check_quality and not report.passed):
        raise FaceQualityError(report)
    if size != CROP_SIZE:
        crop = align_face(image, faces[0], size)
    moved = np.stack([align_face(image, faces[0], size, view) for view in views]) if views else \
        np.empty((0, size, size, 3), np.uint8)
    return PreparedFace(crop, faces[0], report, moved)


__all__ = ["CROP_SIZE", "FaceQualityError", "PreparedFace", "QualityIssue", "prepare_face",
           "PREPROCESSING_VERSION"]
