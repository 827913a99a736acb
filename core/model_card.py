"""The model card: what the bundled model is, how well it does, and its checksum."""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from core.errors import ModelError
from core.resources import models_dir

MODEL_FILE = "facescore.tflite"
CARD_FILE = "model_card.json"
CALIBRATION_MARK = re.compile(r"-cal[0-9a-f]{6}$")


def finite_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


FIELDS = {  # what every card holds, and the form each must have
    "file": lambda value: isinstance(value, str) and bool(value),
    "sha256": lambda value: isinstance(value, str),
    "input_size": lambda value: isinstance(value, int) and not isinstance(value, bool) and value > 0,
    "version": lambda value: isinstance(value, str),
    "error_band": lambda value: isinstance(value, dict) and finite_number(value.get("value")),
    "percentile_reference": lambda value: (isinstance(value, dict) and isinstance(value.get("population"), str)
                                           and isinstance(value.get("quantiles"), list) and len(value["quantiles"]) > 1
                                           and all(map(finite_number, value["quantiles"]))),
}
OPTIONAL_FIELDS = {  # checked where a card has them; an offset of a whole point would be a typo, not a calibration
    "score_offset": lambda value: (isinstance(value, dict) and finite_number(value.get("value"))
                                   and abs(value["value"]) < 1),
}


def calibrated_version(data: dict) -> str:
    """The card's version marked with its calibration (``facescore calibrate``): "-cal" and 6 hex digits
    of its score offset and error model, which change the scores while the model file, and so its
    checksum, stay; the version alone for a card with neither."""
    offset, model = data.get("score_offset"), data.get("error_model")
    version = CALIBRATION_MARK.sub("", data["version"])
    if not offset and not model:
        return version

    def field(entry, key):
        return entry.get(key) if isinstance(entry, dict) else entry

    numbers = [field(offset, "value"), field(model, "views"), field(model, "base"), field(model, "weight")]
    if isinstance(model, dict) and "score_weight" in model:  # absent from cards calibrated before it: their marks stay
        numbers += [model["score_weight"], model.get("score_centre")]
    numbers = json.dumps(numbers)
    return version + "-cal" + hashlib.sha256(numbers.encode()).hexdigest()[:6]


def card_file(path: Path | None = None) -> Path:
    """The model card a user means by ``path``: the card itself, the ``.tflite`` beside it, or their
    folder; the bundled model's for None."""
    if path is None:
        return models_dir() / CARD_FILE
    path = Path(path)
    if path.is_dir():
        return path / CARD_FILE
    return path.with_name(CARD_FILE) if path.suffix == ".tflite" else path


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class ModelCard:
    data: dict
    path: Path

    @classmethod
    def load(cls, path: Path) -> "ModelCard":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise ModelError(f"model card not found: {path}", code="card_not_found", path=str(path)) from error
        except (OSError, ValueError) as error:
            raise ModelError(f"model card unreadable: {path} ({error})", code="card_unreadable", path=str(path),
                             reason=str(error)) from error
        if not isinstance(data, dict):
            reason = "not a JSON object"
            raise ModelError(f"model card unreadable: {path} ({reason})", code="card_unreadable", path=str(path),
                             reason=reason)
        for key in FIELDS:
            if key not in data:
                raise ModelError(f"model card {Path(path).name} lacks '{key}'", code="card_incomplete",
                                 file=Path(path).name, key=key)
        for key, valid in {**FIELDS, **OPTIONAL_FIELDS}.items():
            if key in data and not valid(data[key]):
                raise ModelError(f"model card {Path(path).name}: '{key}' is malformed", code="card_malformed",
                                 file=Path(path).name, key=key)
        return cls(data, Path(path))

    @property
    def model_path(self) -> Path:
        return self.path.parent / self.data["file"]

    @property
    def version(self) -> str:
        return self.data["version"]

    @property
    def input_size(self) -> int:
        return int(self.data["input_size"])

    @property
    def error(self) -> float:
        return float(self.data["error_band"]["value"])

    @property
    def score_offset(self) -> float:
        """Added to the model's output for every face (fitted by ``facescore calibrate``; 0 on a card
        without one)."""
        return float(self.data.get("score_offset", {}).get("value", 0.0))

    @property
    def percentile_quantiles(self) -> list[float]:
        return self.data["percentile_reference"]["quantiles"]

    @property
    def percentile_population(self) -> str:
        return self.data["percentile_reference"]["population"]

    def verify(self, calibration: bool = True) -> None:
        """Raise :class:`ModelError` unless the model file exists and matches its checksum, and (with
        ``calibration``) the card's version names the calibration it holds: an edited offset or error
        model would change every score under the same version. ``facescore calibrate``, which
        replaces both, skips that check."""
        if calibration and self.version != calibrated_version(self.data):
            raise ModelError(
                f"model card {self.path}: its score offset and error model are not the ones version "
                f"{self.version} was calibrated with (edited after `facescore calibrate`?); run "
                "`facescore calibrate` on it again, or use the card the model came with",
                code="card_calibration_mismatch", path=str(self.path), version=self.version)
        if not self.model_path.is_file():
            raise ModelError(f"model file not found: {self.model_path}", code="model_not_found",
                             path=str(self.model_path))
        actual, expected = sha256_of(self.model_path), self.data["sha256"]
        if actual != expected:
            # The app's own model is named by its file and reinstalled; another one by its path, and copied again.
            bundled = self.path.parent.resolve() == models_dir().resolve()
            code, key, where, remedy = (
                ("model_checksum", "file", self.model_path.name, "reinstall the app") if bundled else
                ("model_checksum_copy", "path", str(self.model_path),
                 "copy the model's folder again from where it was exported"))
            raise ModelError(f"model file {where} does not match its model card (sha256 {actual[:12]}… instead of "
                             f"{expected[:12]}…): it is damaged or was replaced; {remedy}",
                             code=code, actual=actual[:12], expected=expected[:12], **{key: where})
