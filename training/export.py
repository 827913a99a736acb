"""Export a fitted Keras model into what the app runs: a ``.tflite`` (flip averaging inside) plus
its model card.

The project recipe's model is quantized to 8-bit integers, weights and activations, up to the
pooled features; the head (pooling, score layer, mirror average) stays float. The activations'
ranges are read from CALIBRATION_FACES training faces, and the mean shift quantization gives their
scores (about -0.01) is added back. Measured with the bundled model on 2 cores
(benchmarks/README.md): the model's part of scoring a face, its two moved framings and their mirror
images takes 24 ms instead of 44 ms with float16 weights; on the 2200 official test faces PC, MAE
and RMSE equal the float16 model's to 0.0001, scores 0.012 apart in the median. EfficientNet-Lite
was designed to be quantized (ReLU6, no squeeze-excitation); ResNet50 and the origin study's model
keep float16 weights (a ResNet50 briefly trained here moved by up to 2.5 when quantized).
"""

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
from training.fit import predict

PERCENTILE_STEPS = 201
QUANTIZED_BACKBONES = ("efficientnet_lite0",)
FLOAT_HEAD_OPS = ["MEAN", "FULLY_CONNECTED", "RESHAPE"]  # pooling, the score layer, the mirror average
CALIBRATION_FACES = 200
FLOAT16 = "TensorFlow Lite, float16 weights; runs with ai-edge-litert"
INT8 = ("TensorFlow Lite, 8-bit integer weights and activations up to the pooled features (activation ranges "
        "from {faces} training faces), float pooling and score layer; runs with ai-edge-litert")
WHOLE_IMAGE = "whole-image"  # the preprocessing_version of the origin study's recipe
ORIGIN_INPUT = ("the whole dataset image resized to S x S (the origin study's input, no face alignment), "
                "RGB float32 in 0..255, N x S x S x 3")
LICENCE = ("Trained on SCUT-FBP5500, whose authors allow non-commercial research use only; "
           "this model carries the same restriction.")
INTENDED_USE = ("Advisory: one input for human judges, never the sole ranking. It predicts how "
                "SCUT-FBP5500's 60 volunteer raters (young Chinese adults) would rate a frontal face "
                "on a 1-5 scale. Trained on Asian and Caucasian adults only; accuracy on other "
                "populations is unknown.")


def to_tflite(model: keras.Model, input_size: int, mirror: bool = True, calibration: np.ndarray | None = None) -> bytes:
    """TFLite of ``(model(x) + model(mirror(x))) / 2``, or of ``model(x)`` alone: 8-bit integer
    calibrated on the ``calibration`` inputs (N x S x S x 3), else with float16 weights."""
    if calibration is None:
        return _converted(model, input_size, mirror, None, 0.0)
    quantized = _converted(model, input_size, mirror, calibration, 0.0)
    inputs = calibration.astype(np.float32)
    trained = predict(model, calibration, input_size) if mirror else model.predict(inputs, verbose=0).ravel()
    offset = float(np.mean(trained - _run(quantized, inputs)))
    return _converted(model, input_size, mirror, calibration, offset)


def _serve(model: keras.Model, mirror: bool, offset: float = 0.0):
    def serve(face):
        if not mirror:
            return model(face, training=False) + offset
        # face and mirror image in one batch, so that the mean of the two is one MEAN op (kept float)
        both = model(tf.concat([face, tf.reverse(face, axis=[2])], 0), training=False) + offset
        return tf.reduce_mean(tf.reshape(both, [2, -1, 1]), axis=0)

    return serve


def _converted(model: keras.Model, input_size: int, mirror: bool, calibration: np.ndarray | None,
               offset: float) -> bytes:
    archive = keras.export.ExportArchive()
    archive.track(model)
    archive.add_endpoint(
        name="serve",
        fn=_serve(model, mirror, offset),
        input_signature=[tf.TensorSpec([None, input_size, input_size, 3], tf.float32, name="face")],
    )
    with tempfile.TemporaryDirectory() as folder:
        archive.write_out(folder, verbose=False)
        converter = tf.lite.TFLiteConverter.from_saved_model(folder, signature_keys=["serve"])
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
        if calibration is None:
            converter.target_spec.supported_types = [tf.float16]
            return converter.convert()

        def faces():
            return ([face[None].astype(np.float32)] for face in calibration)

        converter.representative_dataset = faces
        # The head stays float: an 8-bit score would be clamped to the calibration faces' range
        # (the top scores judges care most about) and come in steps of about 0.02.
        options = tf.lite.experimental.QuantizationDebugOptions(denylisted_ops=FLOAT_HEAD_OPS)
        debugger = tf.lite.experimental.QuantizationDebugger(converter=converter, debug_dataset=faces,
                                                             debug_options=options)
        return debugger.get_nondebug_quantized_model()


def _run(tflite: bytes, inputs: np.ndarray) -> np.ndarray:
    """The TFLite model's outputs for ``inputs``, one at a time."""
    from ai_edge_litert.interpreter import Interpreter

    interpreter = Interpreter(model_content=tflite)
    interpreter.allocate_tensors()
    source, target = interpreter.get_input_details()[0]["index"], interpreter.get_output_details()[0]["index"]
    outputs = []
    for face in inputs:
        interpreter.set_tensor(source, face[None])
        interpreter.invoke()
        outputs.append(float(interpreter.get_tensor(target).ravel()[0]))
    return np.array(outputs)


def calibration_faces(crops: np.ndarray, seed: int = 0) -> np.ndarray:
    """CALIBRATION_FACES of the training crops, drawn at random (all of them if there are fewer)."""
    rng = np.random.default_rng(seed)
    return crops[rng.choice(len(crops), min(CALIBRATION_FACES, len(crops)), replace=False)]


def percentile_reference(data_root: Path) -> dict:
    labels = read_label_file(Path(data_root) / LABELS_DIR / "All_labels.txt")["score"].to_numpy()
    quantiles = np.quantile(labels, np.linspace(0, 1, PERCENTILE_STEPS))
    return {
        "population": f"the {len(labels)} faces of SCUT-FBP5500 (Asian and Caucasian adults), "
                      "by their mean rating from 60 volunteers",
        "size": int(len(labels)),
        "quantiles": [round(float(q), 4) for q in quantiles],
    }


def export_model(model: keras.Model, run_dir: Path, config, split_name: str, train_labels=None,
                 train_crops: np.ndarray | None = None) -> Path:
    """Write ``facescore.tflite`` and a first ``model_card.json`` (metrics come from evaluation).
    A model of QUANTIZED_BACKBONES in the project recipe is 8-bit, calibrated on ``train_crops``
    (required for it)."""
    run_dir = Path(run_dir)
    run_config = json.loads((run_dir / "config.json").read_text())
    model_path = run_dir / MODEL_FILE
    origin_study = config.recipe == "origin-study"
    quantized = not origin_study and config.backbone in QUANTIZED_BACKBONES
    if quantized and train_crops is None:
        raise ValueError(f"an 8-bit {config.backbone} model is calibrated on training faces: give train_crops")
    calibration = calibration_faces(train_crops) if quantized else None
    model_path.write_bytes(to_tflite(model, config.input_size, mirror=not origin_study, calibration=calibration))
    digest = sha256_of(model_path)
    stamp = datetime.now(timezone.utc)
    card = {
        "name": f"FaceScore {config.backbone}",
        "version": f"{stamp:%Y.%m.%d}-{config.backbone}-{config.input_size}-{digest[:8]}",
        "created": stamp.isoformat(timespec="seconds"),
        "file": MODEL_FILE,
        "sha256": digest,
        "format": INT8.format(faces=len(calibration)) if quantized else FLOAT16,
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
