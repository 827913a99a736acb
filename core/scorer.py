"""Load the bundled model (checksum first) and score aligned face crops with LiteRT."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import numpy as np
from ai_edge_litert.interpreter import Interpreter

from core.errors import ModelError
from core.faces import PREPROCESSING_VERSION, PreparedFace, prepare_face
from core.model_card import ModelCard, card_file
from core.score import Score, make_score
from core.uncertainty import ErrorModel, disagreement

log = logging.getLogger(__name__)
BATCH = 32


class Scorer:
    """Scores crops from :func:`core.faces.prepare_face`. Thread-safe (one call at a time)."""

    def __init__(self, card_path: Path | None = None, num_threads: int = 2,
                 preprocessing: str = PREPROCESSING_VERSION, recalibrating: bool = False):
        """``card_path``: a model card, the ``.tflite`` beside it, or their folder; default: the bundled
        model. ``preprocessing``: how the caller prepares what it scores; the card must name the same.
        ``recalibrating``: for ``facescore calibrate``, which replaces the card's calibration, so it need
        not match the card's version."""
        self.card = verified_card(card_path, preprocessing, calibration=not recalibrating)
        self.error_model = ErrorModel.from_card(self.card.data)
        try:
            self._interpreter = Interpreter(model_path=str(self.card.model_path), num_threads=num_threads)
            self._interpreter.allocate_tensors()
        except (ValueError, RuntimeError) as error:
            raise ModelError(f"model file cannot be loaded: {error}", code="model_unloadable",
                             reason=str(error)) from error
        details = self._interpreter.get_input_details()[0]
        if tuple(details["shape"][1:]) != (self.input_size, self.input_size, 3):
            actual, name = "x".join(map(str, details["shape"][1:])), self.card.path.name
            raise ModelError(f"model card {name} says input size {self.input_size}, but the model takes {actual}",
                             code="card_input_size_mismatch", file=name, declared=self.input_size, actual=actual)
        self._input = details["index"]
        self._output = self._interpreter.get_output_details()[0]["index"]
        self._batch = 1
        self._lock = threading.Lock()
        self.predict(np.zeros((1, self.input_size, self.input_size, 3), np.uint8))  # warm-up
        log.info("model %s loaded from %s (checksum verified)", self.card.version, self.card.model_path)

    @property
    def input_size(self) -> int:
        return self.card.input_size

    def predict(self, crops: np.ndarray) -> np.ndarray:
        """Unclipped scores for N crops (N x S x S x 3, uint8): the model's flip-averaged output plus
        the card's score offset."""
        crops = np.asarray(crops)
        if crops.ndim != 4 or crops.shape[1:] != (self.input_size, self.input_size, 3):
            raise ValueError(f"crops must be N x {self.input_size} x {self.input_size} x 3, got {crops.shape}")
        results = []
        with self._lock:
            for start in range(0, len(crops), BATCH):
                chunk = crops[start : start + BATCH].astype(np.float32)
                if len(chunk) != self._batch:
                    self._interpreter.resize_tensor_input(self._input, chunk.shape)
                    self._interpreter.allocate_tensors()
                    self._batch = len(chunk)
                self._interpreter.set_tensor(self._input, chunk)
                self._interpreter.invoke()
                results.append(self._interpreter.get_tensor(self._output).reshape(-1) + self.card.score_offset)
        return np.concatenate(results) if results else np.zeros(0, np.float32)

    @property
    def views(self) -> tuple:
        """The moved framings each face is also scored in (none for a card without an error model)."""
        return self.error_model.views if self.error_model else ()

    def prepare(self, image: np.ndarray, detector, *, check_quality: bool = True) -> PreparedFace:
        """:func:`core.faces.prepare_face` at this model's input size, with this model's views."""
        return prepare_face(image, detector, check_quality=check_quality, size=self.input_size, views=self.views)

    def to_score(self, raw: float, error: float | None = None) -> Score:
        """The score of a raw prediction; ``error`` defaults to the card's one error for all faces."""
        return make_score(raw, self.card.error if error is None else error, self.card.percentile_quantiles,
                          self.card.version)

    def score(self, crop: np.ndarray) -> Score:
        """The score of one crop, with the card's one error for all faces (no views)."""
        return self.to_score(float(self.predict(crop[None])[0]))

    def estimate(self, faces: list[PreparedFace]) -> tuple[Score, np.ndarray]:
        """One score for one or more prepared faces of the same person (a burst, or several photos),
        with its own error, and each face's raw prediction. All crops go through one predict call.

        The error comes from the card's error model, the score and how much each face's score disagrees over
        its views (averaged over the faces: frames of one burst are nearly the same photo, so their
        mean is not more certain than one of them); a card without one gives its one error.
        """
        views = len(self.views)
        crops = np.concatenate([np.concatenate([face.crop[None], face.views[:views]]) for face in faces])
        raw = self.predict(crops).reshape(len(faces), 1 + views)
        value = float(raw[:, 0].mean())
        error = self.error_model.error(disagreement(raw), value) if self.error_model else None
        return self.to_score(value, error), raw[:, 0]


def verified_card(path: Path | None = None, preprocessing: str = PREPROCESSING_VERSION,
                  calibration: bool = True) -> ModelCard:
    """The card at ``path`` (see :func:`core.model_card.card_file`; default: the bundled model's),
    checked: its fields, the model file's checksum (and that its version names its calibration,
    with ``calibration``), and that it expects faces prepared as ``preprocessing``. Raises
    :class:`ModelError`."""
    card = ModelCard.load(card_file(path))
    card.verify(calibration)
    _check_preprocessing(card, preprocessing)
    return card


def _check_preprocessing(card: ModelCard, expected: str) -> None:
    """A model sees faces framed the way it was trained; another framing gives wrong scores silently."""
    declared = card.data.get("preprocessing_version")
    if declared != expected:
        raise ModelError(f"model {card.path.parent.name} was trained on faces prepared as '{declared}', "
                         f"but this app prepares them as '{expected}'; export the model again with this "
                         "version of the training package", code="preprocessing_mismatch",
                         model=card.path.parent.name, declared=str(declared), expected=expected)


def score_image(image: np.ndarray, detector, scorer: Scorer, *, check_quality: bool = True):
    """Detect, check, align and score the face in one RGB image -> (Score, PreparedFace)."""
    prepared = scorer.prepare(image, detector, check_quality=check_quality)
    return scorer.estimate([prepared])[0], prepared
