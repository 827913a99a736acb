"""The origin study's recipe (``facescore train --recipe origin-study``), kept to compare against.

Input: the whole 350x350 SCUT-FBP5500 image resized to the backbone's input, as the study fed
it. It does not go through ``core.faces.prepare_face`` (no detection, no alignment), so a model
trained this way expects dataset-style frames and is not for the app, which feeds aligned crops;
``facescore train`` refuses to install it.

Recipe: backbone + Dense(1), MSE, Adam (Keras' default rate 1e-3); the backbone frozen for 30
epochs at batch 32, then trainable (batch norm included) for 10 epochs at batch 8 with
ReduceLROnPlateau on the validation loss down to 1e-5; the weights with the lowest validation
loss are kept; no augmentation and no mirror averaging. The study names only the floor of
ReduceLROnPlateau; its factor and patience here are ours (``PLATEAU_*``).

The frozen phase trains the head on the backbone's features computed once: with the backbone
frozen (batch norm in inference mode) and no augmentation, every epoch sees the same features,
so this is the study's arithmetic at a thirtieth of the cost.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import keras
import numpy as np
import pandas as pd
import tensorflow as tf
from tqdm import tqdm

from core.images import load_image
from training.backbones import BACKBONES
from training.fit import ValidationMetrics, _progress, make_dataset

RECIPE = "origin-study"
FROZEN_EPOCHS, FROZEN_BATCH = 30, 32
UNFROZEN_EPOCHS, UNFROZEN_BATCH = 10, 8
LEARNING_RATE, MIN_LEARNING_RATE = 1e-3, 1e-5
PLATEAU_FACTOR, PLATEAU_PATIENCE = 0.2, 2
UNFROZEN_HISTORY = "history-unfrozen.csv"


def settings() -> dict:
    """The recipe's fixed settings, as recorded in a run's config."""
    return {"frozen_epochs": FROZEN_EPOCHS, "frozen_batch_size": FROZEN_BATCH,
            "unfrozen_epochs": UNFROZEN_EPOCHS, "unfrozen_batch_size": UNFROZEN_BATCH,
            "loss": "mse", "optimizer": "adam", "learning_rate": LEARNING_RATE,
            "reduce_lr_on_plateau": {"monitor": "val_loss", "factor": PLATEAU_FACTOR,
                                     "patience": PLATEAU_PATIENCE, "min_lr": MIN_LEARNING_RATE},
            "checkpoint": "lowest val_loss", "augmentation": None, "alignment": None}


def whole_images(image_dir: Path, files: list[str], cache_dir: Path, size: int) -> dict[str, np.ndarray]:
    """Every image whole, resized to ``size`` (uint8, N x size x size x 3), cached like the crops."""
    import cv2

    cache_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256("\n".join(files).encode()).hexdigest()[:12]
    path = cache_dir / f"whole-{size}-{digest}.npz"
    if path.is_file():
        with np.load(path) as cached:
            return dict(cached)
    images = np.empty((len(files), size, size, 3), dtype=np.uint8)
    for i, name in enumerate(tqdm(files, desc="resize whole images", unit="img")):
        images[i] = cv2.resize(load_image(Path(image_dir) / name), (size, size), interpolation=cv2.INTER_AREA)
    result = {"files": np.array(files), "crops": images}
    np.savez(path, **result)
    return result


def build(config) -> tuple[keras.Model, keras.Model, keras.Model]:
    """(backbone + Dense(1), the backbone, the Dense(1) head alone on the backbone's features)."""
    size = config.input_size
    backbone = BACKBONES[config.backbone](size, config.init)
    score = keras.layers.Dense(1, name="score")
    inputs = keras.Input((size, size, 3), name="face")
    model = keras.Model(inputs, score(backbone(inputs)), name=f"origin_study_{config.backbone}")
    features_in = keras.Input(backbone.output_shape[1:], name="features")
    return model, backbone, keras.Model(features_in, score(features_in), name="head")


def merge_history(run_dir: Path) -> None:
    """One log of both phases in history.csv; the unfrozen one adds a learning_rate column (ReduceLROnPlateau)."""
    history_file, unfrozen_history = run_dir / "history.csv", run_dir / UNFROZEN_HISTORY
    if unfrozen_history.is_file():
        parts = [pd.read_csv(history_file)]
        if unfrozen_history.stat().st_size:
            parts.append(pd.read_csv(unfrozen_history))
        pd.concat(parts).to_csv(history_file, index=False)
        unfrozen_history.unlink()


def fit_origin_study(config, train, validation, run_dir: Path) -> keras.Model:
    """``train``/``validation``: (images uint8 N x S x S x 3, labels float). Returns the best model."""
    keras.utils.set_random_seed(config.seed)
    run_dir.mkdir(parents=True, exist_ok=True)
    size = config.input_size
    model, backbone, head = build(config)
    checkpoint, head_checkpoint = run_dir / "best.weights.h5", run_dir / "head.weights.h5"
    history_file = run_dir / "history.csv"

    def images(part, batch_size, training):
        return make_dataset(*part, batch_size, training=training, seed=config.seed, input_size=size, augment=False)

    backbone.trainable = False
    features = [backbone.predict(images(part, 64, False), verbose=0) for part in (train, validation)]
    val_features = tf.data.Dataset.from_tensor_slices(features[1]).batch(64)
    head.compile(keras.optimizers.Adam(LEARNING_RATE), loss="mse", metrics=["mae"])
    frozen = head.fit(features[0], train[1].astype("float32"), batch_size=FROZEN_BATCH, epochs=FROZEN_EPOCHS,
                      validation_data=(features[1], validation[1].astype("float32")), shuffle=True,
                      verbose=_progress(), callbacks=[
                          ValidationMetrics(val_features, validation[1]),
                          keras.callbacks.ModelCheckpoint(head_checkpoint, monitor="val_loss",
                                                          save_best_only=True, save_weights_only=True),
                          keras.callbacks.CSVLogger(history_file)])
    head.load_weights(head_checkpoint)
    head_checkpoint.unlink()
    model.save_weights(checkpoint)

    backbone.trainable = True
    val_images = images(validation, UNFROZEN_BATCH, False)
    model.compile(keras.optimizers.Adam(LEARNING_RATE), loss="mse", metrics=["mae"])
    model.fit(images(train, UNFROZEN_BATCH, True), validation_data=val_images, shuffle=False,
              initial_epoch=FROZEN_EPOCHS, epochs=FROZEN_EPOCHS + UNFROZEN_EPOCHS, verbose=_progress(),
              callbacks=[
                  ValidationMetrics(val_images, validation[1]),
                  keras.callbacks.ModelCheckpoint(checkpoint, monitor="val_loss", save_best_only=True,
                                                  save_weights_only=True,
                                                  initial_value_threshold=min(frozen.history["val_loss"])),
                  keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=PLATEAU_FACTOR,
                                                    patience=PLATEAU_PATIENCE, min_lr=MIN_LEARNING_RATE),
                  keras.callbacks.CSVLogger(run_dir / UNFROZEN_HISTORY)])
    merge_history(run_dir)
    model.load_weights(checkpoint)
    return model
