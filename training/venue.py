"""Venue conditions as training augmentation: exposure, colour cast, defocus, sensor noise, JPEG.

The robustness benchmark (benchmarks/robustness.py) moved the score of a model trained without
them by more than 0.10 in the median under half and 1.8x exposure, defocus of 4 px and more and
JPEG quality 10. Each perturbation is applied to a training face with probability ``PROBABILITY``,
in the order a camera applies them (light, optics, sensor, encoding), at levels that span the
benchmark's exposure, defocus, noise and JPEG levels (its colour casts go a little further: the
tungsten cast's blue gain is 0.7). Levels are in aligned-crop pixels: the benchmark's face (eyes about 70 px apart in
the scene) is about 0.75 of that in a 224 px crop.
"""

from __future__ import annotations

import math

import numpy as np
import tensorflow as tf

PROBABILITY = 0.3
EXPOSURE_GAIN = (0.4, 2.0)  # drawn log-uniformly
CAST = 0.2  # each channel's gain in 1 ± CAST
BLUR_RADII = (1, 2, 3, 4, 5)
NOISE_SIGMA = (2.0, 14.0)
JPEG_QUALITY = (8, 60)


def _disk(radius: int, side: int) -> np.ndarray:
    """A normalised disk of ``radius`` px, zero-padded to ``side`` x ``side``."""
    centre = side // 2
    y, x = np.mgrid[:side, :side] - centre
    disk = (x**2 + y**2 <= radius**2 + radius).astype(np.float32)
    return disk / disk.sum()


_SIDE = 2 * max(BLUR_RADII) + 1
_KERNELS = tf.constant(np.stack([np.repeat(_disk(r, _SIDE)[:, :, None, None], 3, axis=2) for r in BLUR_RADII]))


def _happens() -> tf.Tensor:
    return tf.random.uniform(()) < PROBABILITY


def _exposure(image):
    gain = tf.exp(tf.random.uniform((), math.log(EXPOSURE_GAIN[0]), math.log(EXPOSURE_GAIN[1])))
    return image * gain


def _cast(image):
    return image * tf.random.uniform((3,), 1 - CAST, 1 + CAST)


def _defocus(image):
    kernel = tf.gather(_KERNELS, tf.random.uniform((), 0, len(BLUR_RADII), dtype=tf.int32))
    padded = tf.pad(image[None], [[0, 0], [_SIDE // 2] * 2, [_SIDE // 2] * 2, [0, 0]], mode="REFLECT")
    return tf.nn.depthwise_conv2d(padded, kernel, [1, 1, 1, 1], "VALID")[0]


def _noise(image):
    return image + tf.random.normal(tf.shape(image), stddev=tf.random.uniform((), *NOISE_SIGMA))


def _jpeg(image):
    quality = tf.random.uniform((), JPEG_QUALITY[0], JPEG_QUALITY[1] + 1, dtype=tf.int32)
    encoded = tf.image.adjust_jpeg_quality(tf.cast(image, tf.uint8), quality)
    return tf.cast(encoded, tf.float32)


def venue_jitter(image: tf.Tensor) -> tf.Tensor:
    """One face (H x W x 3, float32 in 0..255) under a random draw of venue conditions."""
    for perturb in (_exposure, _cast, _defocus, _noise, _jpeg):
        image = tf.clip_by_value(tf.cond(_happens(), lambda: perturb(image), lambda: image), 0.0, 255.0)
        image.set_shape((None, None, 3))
    return image
