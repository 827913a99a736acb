"""Align and crop a detected face the way SCUT-FBP5500 frames its faces."""

from __future__ import annotations

import math

import cv2
import numpy as np

from core.detection import Face
from core.geometry import CANONICAL_POINTS, face_points, similarity_transform

CROP_SIZE = 224


View = tuple[float, float, float, float]  # shift x, shift y (fractions of the crop), scale, rotation (degrees)


def alignment_matrix(face: Face, size: int = CROP_SIZE, view: View | None = None) -> np.ndarray:
    """2x3 matrix taking image pixels to crop pixels (eyes level, SCUT framing).

    ``view`` moves the framing a little: the crop is scaled and rotated about its centre, then shifted.
    """
    matrix = similarity_transform(face_points(face.keypoints), CANONICAL_POINTS * size)
    if view is None:
        return matrix
    shift_x, shift_y, scale, degrees = view
    angle = math.radians(degrees)
    turn = scale * np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]])
    centre = np.full(2, size / 2)
    offset = centre - turn @ centre + np.array([shift_x, shift_y]) * size
    return np.hstack([turn @ matrix[:, :2], (turn @ matrix[:, 2] + offset)[:, None]])


def align_face(image: np.ndarray, face: Face, size: int = CROP_SIZE, view: View | None = None) -> np.ndarray:
    """The ``size`` x ``size`` RGB uint8 crop of ``face`` (framed as moved by ``view``, if given).

    Shrinking goes through an area resample of the face's region first, so a
    face seen large (a close-up, a 12-megapixel photo) is not aliased.
    """
    matrix = alignment_matrix(face, size, view)
    scale = math.hypot(matrix[0, 0], matrix[1, 0])
    if scale >= 1.0:
        return cv2.warpAffine(image, matrix, (size, size), flags=cv2.INTER_LINEAR,
                              borderMode=cv2.BORDER_REPLICATE)

    inverse = cv2.invertAffineTransform(matrix)
    corners = np.array([[0, 0, 1], [size, 0, 1], [0, size, 1], [size, size, 1]], dtype=np.float64)
    mapped = corners @ inverse.T
    height, width = image.shape[:2]
    x0 = int(np.clip(math.floor(mapped[:, 0].min()) - 2, 0, width - 1))
    y0 = int(np.clip(math.floor(mapped[:, 1].min()) - 2, 0, height - 1))
    x1 = int(np.clip(math.ceil(mapped[:, 0].max()) + 2, x0 + 1, width))
    y1 = int(np.clip(math.ceil(mapped[:, 1].max()) + 2, y0 + 1, height))
    region = image[y0:y1, x0:x1]
    small_w = max(1, round((x1 - x0) * scale))
    small_h = max(1, round((y1 - y0) * scale))
    small = cv2.resize(region, (small_w, small_h), interpolation=cv2.INTER_AREA)
    small_to_image = np.array([[(x1 - x0) / small_w, 0, x0], [0, (y1 - y0) / small_h, y0], [0, 0, 1]])
    return cv2.warpAffine(small, matrix @ small_to_image, (size, size), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_REPLICATE)
