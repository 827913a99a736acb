"""Export a fitted Keras model into what the app runs: a float16 ``.tflite``
(flip averaging inside) plus its model card."""

from __future__ import annotations

import json
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf

from core.faces import PREPROCESSING_VERSION
from core.model_card import CARD_FILE, MODEL_FILE, sha256_of
from training.dataset import DEFAULT_ROOT, LABELS_DIR, read_label_file

PERCENTILE_STEPS = 201
WHOLE_IMAGE = "whole-image"  # the preprocessing_version of the origin study's recipe
ORIGIN_INPUT = ("the whole dataset image resized to S x S (the origin study's input, no face alignment), "
                "RGB float32 in 0..255, N x S x S x 3")
LICENCE = ("Trained on SCUT-FBP5500, whose authors allow non-commercial research use only; "
           "this model carries the same restriction.")
INTENDED_USE = ("Advisory: one input for human judges, never the sole ranking. It predicts how "
                "SCUT-FBP5500's 60 volunteer raters (young Chinese adults) would rate a frontal face "
                "on a 1-5 scale. Trained on Asian and Caucasian adults only; accuracy on other "
                "populations is unknown.")


def to_tflite(model: keras.Model, input_size: int, mirror: bool = True) -> bytes:
    """Float16 TFLite of ``(model(x) + model(mirror(x))) / 2``, or of ``model(x)`` alone."""

    def serve(face):
        if not mirror:
            return model(face, training=False)
        return (model(face, training=False) + model(tf.reverse(face, axis=[2]), training=False)) / 2.0

    archive = keras.export.ExportArchive()
    archive.track(model)
    archive.add_endpoint(
        name="serve",
        fn=serve,
        input_signature=[tf.TensorSpec([None, input_size, input_size, 3], tf.float32, name="face")],
    )
    with tempfile.TemporaryDirectory() as folder:
        archive.write_out(folder, verbose=False)
        converter = tf.lite.TFLiteConverter.from_saved_model(folder, signature_keys=["serve"])
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
        converter.target_spec.supported_types = [tf.float16]
        return converter.convert()


def percentile_reference(data_root: Path) -> dict:
    labels = read_label_file(Path(data_root) / LABELS_DIR / "All_labels.txt")["score"].to_numpy()
    quantiles = np.quantile(labels, np.linspace(0, 1, PERCENTILE_STEPS))
    return {
        "population": f"the {len(labels)} faces of SCUT-FBP5500 (Asian and Caucasian adults), "
                      "by their mean rating from 60 volunteers",
        "size": int(len(labels)),
        "quantiles": [round(float(q), 4) for q in quantiles],
    }


def export_model(model: keras.Model, run_dir: Path, config, split_name: str, train_labels=None) -> Path:
    """Write ``facescore.tflite`` and a first ``model_card.json`` (metrics come from evaluation)."""
    run_dir = Path(run_dir)
    run_config = json.loads((run_dir / "config.json").read_text())
    model_path = run_dir / MODEL_FILE
    origin_study = config.recipe == "origin-study"
    model_path.write_bytes(to_tflite(model, config.input_size, mirror=not origin_study))
    digest = sha256_of(model_path)
    stamp = datetime.now(timezone.utc)
    card = {
        "name": f"FaceScore {config.backbone}",
        "version": f"{stamp:%Y.%m.%d}-{config.backbone}-{config.input_size}-{digest[:8]}",
        "created": stamp.isoformat(timespec="seconds"),
        "file": MODEL_FILE,
        "sha256": digest,
        "format": "TensorFlow Lite, float16 weights; runs with ai-edge-litert",
        "backbone": config.backbone,
        "init": config.init,
        "input_size": config.input_size,
        "recipe": config.recipe,
        "input": ORIGIN_INPUT if origin_study else
                 "aligned face crop from core.faces.prepare_face, RGB float32 in 0..255, N x S x S x 3",
        "preprocessing_version": WHOLE_IMAGE if origin_study else PREPROCESSING_VERSION,
        "test_time_augmentation": "none" if origin_study else "mean of the face and its mirror image, inside the model",
        "training": {
            "dataset": "SCUT-FBP5500 v2",
            "split": split_name,
            "train_images": None if train_labels is None else int(len(train_labels)),
            "config": run_config,
            "command": "facescore train --recipe {} --split {} --backbone {} --init {}{}".format(
                config.recipe, split_name, config.backbone, config.init,
                "" if config.venue_augment or origin_study else " --no-venue-augment"),
        },
        # a card must carry a number to load; evaluate_run replaces it with the measured band
        "error_band": {"value": 0.0, "definition": "not measured yet: filled in by evaluation"},
        "percentile_reference": percentile_reference(Path(run_config.get("data") or DEFAULT_ROOT)),
        "metrics": {},
        "intended_use": INTENDED_USE,
        "licence": LICENCE,
    }
    (run_dir / CARD_FILE).write_text(json.dumps(card, indent=2, ensure_ascii=False))
    return model_path
