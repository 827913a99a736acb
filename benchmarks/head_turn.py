"""Turn a frontal face by a yaw angle in 3-D: MediaPipe's face mesh gives 468 points with depth;
they are rotated about the head's vertical axis, projected back (orthographically) and the image
is warped triangle by triangle onto them, nearest triangles painted last.

This is a real change of viewpoint for the face's surface (the nose moves more than the cheeks,
the far cheek narrows and is hidden behind the nose), not a flat shear. What it cannot show is
what the turn would reveal (the side of the near cheek, an ear), and hair outside the mesh stays
where it was: the yaw rows are a fair stand-in for a real turned head up to about 30 degrees.

The mesh is the app's own (``core.head_pose.FaceMesh``, which the quality gate asks for the yaw).
"""

from __future__ import annotations

import math

import cv2
import numpy as np
from scipy.spatial import Delaunay


def turn_head(image: np.ndarray, mesh_points: np.ndarray, yaw_degrees: float) -> np.ndarray:
    """``image`` with the face turned by ``yaw_degrees`` (positive: towards image-right).

    The face region is first filled from its surroundings (``cv2.inpaint``), then the mesh's
    triangles are painted at their turned positions from the farthest to the nearest, so the
    nose hides the far cheek as it would on a real turned head.
    """
    angle = math.radians(yaw_degrees)
    x, y, depth = mesh_points.T
    centre_x, centre_depth = x.mean(), depth.mean()
    turned_x = centre_x + (x - centre_x) * math.cos(angle) - (depth - centre_depth) * math.sin(angle)
    turned_depth = centre_depth + (x - centre_x) * math.sin(angle) + (depth - centre_depth) * math.cos(angle)
    source = np.stack([x, y], axis=1).astype(np.float32)
    target = np.stack([turned_x, y], axis=1).astype(np.float32)

    hull = cv2.convexHull(source.astype(np.int32))
    mask = np.zeros(image.shape[:2], np.uint8)
    cv2.fillConvexPoly(mask, hull, 255)
    turned = cv2.inpaint(image, cv2.dilate(mask, np.ones((5, 5), np.uint8)), 5, cv2.INPAINT_TELEA)
    triangles = Delaunay(source).simplices
    for triangle in triangles[np.argsort(-turned_depth[triangles].mean(axis=1))]:  # far first
        _paint_triangle(image, turned, source[triangle], target[triangle])
    return turned


def _paint_triangle(image: np.ndarray, out: np.ndarray, source: np.ndarray, target: np.ndarray) -> None:
    x, y, w, h = cv2.boundingRect(target)
    if x < 0 or y < 0 or w <= 0 or h <= 0:  # a triangle turned out of the frame
        return
    matrix = cv2.getAffineTransform(source, (target - (x, y)).astype(np.float32))
    patch = cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
    mask = np.zeros((h, w), np.uint8)
    cv2.fillConvexPoly(mask, np.round(target - (x, y)).astype(np.int32), 1)
    region = out[y : y + h, x : x + w]
    mask = mask[: region.shape[0], : region.shape[1]].astype(bool)
    region[mask] = patch[: region.shape[0], : region.shape[1]][mask]
