"""Fit a backbone + linear head on aligned face crops.

Phase 1 trains the head on a frozen backbone; phase 2 fine-tunes everything
but the batch-norm statistics with a warm-up + cosine learning rate. The
weights with the lowest validation RMSE are kept (checkpointed each epoch).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf

from training.backbones import BACKBONES
from training.losses import MseCorrelationLoss
from training.metrics import regression_metrics
from training.venue import venue_jitter


@dataclass
class FitConfig:
    recipe: str = "project"  # or "origin-study" (training/origin_study.py: its own fixed settings)
    backbone: str = "efficientnet_lite0"
    init: str = "imagenet"
    input_size: int = 224
    batch_size: int = 32
    head_epochs: int = 2
    finetune_epochs: int = 16
    head_lr: float = 1e-3
    finetune_lr: float = 3e-4
    weight_decay: float = 1e-4
    correlation_weight: float = 0.5
    dropout: float = 0.2
    venue_augment: bool = True  # training/venue.py: exposure, colour cast, defocus, noise, JPEG
    seed: int = 42


def augmenter(input_size: int) -> keras.Sequential:
    """Training-only jitter: mirror, small rotation/zoom/shift, light and contrast."""
    return keras.Sequential([
        keras.layers.RandomFlip("horizontal"),
        keras.layers.RandomRotation(0.02, fill_mode="reflect"),
        keras.layers.RandomZoom(0.06, fill_mode="reflect"),
        keras.layers.RandomTranslation(0.03, 0.03, fill_mode="reflect"),
        keras.layers.RandomBrightness(0.12, value_range=(0, 255)),
        keras.layers.RandomContrast(0.15),
    ], name="augment")


def make_dataset(crops, labels, batch_size, *, training: bool, seed: int, input_size: int,
                 augment: bool = True, venue: bool = False) -> tf.data.Dataset:
    """Batches of float crops; for training, shuffled and jittered (``venue``: also venue conditions)."""
    data = tf.data.Dataset.from_tensor_slices((crops, labels.astype("float32")))
    if training:
        data = data.shuffle(len(labels), seed=seed, reshuffle_each_iteration=True)
    if training and augment and venue:
        data = data.map(lambda x, y: (venue_jitter(tf.cast(x, tf.float32)), y), num_parallel_calls=tf.data.AUTOTUNE)
    # Training drops the last, short batch, unless it is the only one (a smoke run's --limit below a batch).
    data = data.batch(batch_size, drop_remainder=training and len(labels) >= batch_size)
    resize = crops.shape[1] != input_size

    def prepare(images, y):
        images = tf.cast(images, tf.float32)
        if resize:
            images = tf.image.resize(images, (input_size, input_size), antialias=True)
        return images, y

    data = data.map(prepare, num_parallel_calls=tf.data.AUTOTUNE)
    if training and augment:
        jitter = augmenter(input_size)
        data = data.map(lambda x, y: (tf.clip_by_value(jitter(x, training=True), 0, 255), y),
                        num_parallel_calls=tf.data.AUTOTUNE)
    return data.prefetch(tf.data.AUTOTUNE)


def build_regressor(config: FitConfig, label_mean: float) -> tuple[keras.Model, keras.Model]:
    backbone = BACKBONES[config.backbone](config.input_size, config.init)
    inputs = keras.Input((config.input_size, config.input_size, 3), name="face")
    features = backbone(inputs)
    features = keras.layers.Dropout(config.dropout, name="dropout")(features)
    score = keras.layers.Dense(1, bias_initializer=keras.initializers.Constant(label_mean), name="score")(features)
    return keras.Model(inputs, score, name=f"facescore_{config.backbone}"), backbone


def batch_norm_layers(layer: keras.layers.Layer):
    """Every BatchNormalization layer in ``layer``, however deeply nested (ResNet50 is a model in a model)."""
    if isinstance(layer, keras.layers.BatchNormalization):
        yield layer
    for child in getattr(layer, "layers", ()):
        yield from batch_norm_layers(child)


def freeze_batch_norm(model: keras.Model) -> None:
    """Keep the pretrained statistics: batches of 32 faces are too small to re-estimate them.

    A non-trainable BatchNormalization layer also runs in inference mode in Keras 3, so its
    moving mean and variance stop updating.
    """
    for layer in batch_norm_layers(model):
        layer.trainable = False


class ValidationMetrics(keras.callbacks.Callback):
    """Full-validation PC / MAE / RMSE after each epoch, added to the logs."""

    def __init__(self, data: tf.data.Dataset, labels: np.ndarray):
        super().__init__()
        self.data, self.labels = data, labels

    def on_epoch_end(self, epoch, logs=None):
        predictions = self.model.predict(self.data, verbose=0).ravel()
        metrics = regression_metrics(self.labels, predictions)
        if logs is not None:
            logs.update({f"val_{k}": metrics[k] for k in ("pc", "mae", "rmse", "prediction_std")})


def _progress() -> int:
    """Keras progress bars on a terminal, one line per epoch in a log file."""
    return 1 if sys.stdout.isatty() else 2


def fit(config: FitConfig, train, validation, run_dir: Path) -> keras.Model:
    """``train``/``validation``: (crops uint8 N x S x S x 3, labels float). Returns the best model."""
    keras.utils.set_random_seed(config.seed)
    run_dir.mkdir(parents=True, exist_ok=True)
    train_data = make_dataset(*train, config.batch_size, training=True, seed=config.seed, input_size=config.input_size,
                              venue=config.venue_augment)
    val_data = make_dataset(*validation, config.batch_size, training=False, seed=config.seed,
                            input_size=config.input_size)
    model, backbone = build_regressor(config, float(np.mean(train[1])))
    loss = MseCorrelationLoss(config.correlation_weight)
    checkpoint = run_dir / "best.weights.h5"
    history_file = run_dir / "history.csv"

    def callbacks(append: bool):
        return [
            ValidationMetrics(val_data, validation[1]),
            keras.callbacks.ModelCheckpoint(checkpoint, monitor="val_rmse", mode="min",
                                            save_best_only=True, save_weights_only=True),
            keras.callbacks.CSVLogger(history_file, append=append),
        ]

    backbone.trainable = False
    model.compile(keras.optimizers.Adam(config.head_lr), loss=loss, metrics=["mae"])
    if config.head_epochs:
        model.fit(train_data, validation_data=val_data, epochs=config.head_epochs, shuffle=False,
                  callbacks=callbacks(append=False), verbose=_progress())

    backbone.trainable = True
    freeze_batch_norm(backbone)
    steps = max(1, len(train[1]) // config.batch_size) * config.finetune_epochs
    warmup = min(steps // 4, max(1, len(train[1]) // config.batch_size))
    schedule = keras.optimizers.schedules.CosineDecay(
        config.finetune_lr / 10, decay_steps=max(1, steps - warmup), alpha=0.01,
        warmup_target=config.finetune_lr, warmup_steps=warmup)
    optimizer = keras.optimizers.AdamW(schedule, weight_decay=config.weight_decay)
    model.compile(optimizer, loss=loss, metrics=["mae"])
    model.fit(train_data, validation_data=val_data, initial_epoch=config.head_epochs, shuffle=False,
              epochs=config.head_epochs + config.finetune_epochs,
              callbacks=callbacks(append=config.head_epochs > 0), verbose=_progress())
    if checkpoint.is_file():
        model.load_weights(checkpoint)
    return model


def predict(model: keras.Model, crops: np.ndarray, input_size: int, batch_size: int = 64) -> np.ndarray:
    """Flip-averaged predictions, as the exported model computes them."""
    data = make_dataset(crops, np.zeros(len(crops)), batch_size, training=False, seed=0, input_size=input_size)
    plain = model.predict(data, verbose=0).ravel()
    flipped = model.predict(data.map(lambda x, y: (tf.reverse(x, axis=[2]), y)), verbose=0).ravel()
    return (plain + flipped) / 2
