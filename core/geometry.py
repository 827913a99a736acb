"""Where SCUT-FBP5500 puts a face in its 350x350 frames, and the similarity
transform that puts any detected face in the same place.

The canonical points are the medians of the detector's keypoints over all
5500 dataset images, as fractions of the frame; ``python -m cli framing``
measures them again.
"""

from __future__ import annotations

import numpy as np

# (x, y) as fractions of the frame: image-left eye, image-right eye, nose tip, mouth.
CANONICAL_POINTS = np.array(
    [[0.3823, 0.4566], [0.6331, 0.4572], [0.5062, 0.6181], [0.5058, 0.7321]],
    dtype=np.float64,
)


def face_points(keypoints: np.ndarray) -> np.ndarray:
    """Eyes (image-left first), nose tip and mouth from the detector's 6 keypoints."""
    a, b = keypoints[0], keypoints[1]
    left, right = (a, b) if a[0] <= b[0] else (b, a)
    return np.array([left, right, keypoints[2], keypoints[3]], dtype=np.float64)


def similarity_transform(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Least-squares rotation + uniform scale + shift taking ``src`` onto ``dst`` (Umeyama), 2x3."""
    src_mean, dst_mean = src.mean(0), dst.mean(0)
    src_c, dst_c = src - src_mean, dst - dst_mean
    cov = dst_c.T @ src_c / len(src)
    u, s, vt = np.linalg.svd(cov)
    sign = np.diag([1.0, np.sign(np.linalg.det(u @ vt))])
    rotation = u @ sign @ vt
    scale = np.trace(np.diag(s) @ sign) / src_c.var(0).sum()
    matrix = np.empty((2, 3))
    matrix[:, :2] = scale * rotation
    matrix[:, 2] = dst_mean - matrix[:, :2] @ src_mean
    return matrix
