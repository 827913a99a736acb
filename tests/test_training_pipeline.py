"""fit -> export -> evaluate on tiny synthetic data: the training code end to end."""

import json

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("tensorflow")


def synthetic_part(prefix: str, count: int, rng) -> pd.DataFrame:
    groups = ["AF", "AM", "CF", "CM"]
    files = [f"{groups[i % 4]}{prefix}{i}.jpg" for i in range(count)]
    return pd.DataFrame({"file": files, "score": rng.uniform(1.5, 4.5, count), "group": [f[:2] for f in files]})


def synthetic_data(seed: int, side: int) -> tuple[dict, dict]:
    """Train/validation/test parts of 16 faces and their cached images, whose brightness follows the label
    (so there is something to learn)."""
    rng = np.random.default_rng(seed)
    parts = {name: synthetic_part(name, 16, rng) for name in ("train", "validation", "test")}
    files = [f for part in parts.values() for f in part["file"]]
    labels = pd.concat(parts.values()).set_index("file")["score"]
    images = np.stack([np.full((side, side, 3), 40 + 40 * labels[f], np.uint8) for f in files])
    return parts, {"files": np.array(files), "crops": images}


@pytest.mark.parametrize("backbone,init", [("efficientnet_lite0", "imagenet"), ("resnet50", "scratch")])
def test_fit_export_evaluate_on_tiny_data(tmp_path, dataset, backbone, init):
    """Either backbone trains, exports and runs in the app's scorer unchanged."""
    from core.model_card import ModelCard
    from core.scorer import Scorer
    from training.evaluate import evaluate_run
    from training.export import export_model
    from training.fit import FitConfig, fit, predict
    from training.crops import crops_and_labels

    parts, cache = synthetic_data(0, 64)

    run_dir = tmp_path / "run"
    run_dir.mkdir()
    (run_dir / "config.json").write_text(json.dumps({"data": str(dataset)}))
    config = FitConfig(backbone=backbone, init=init, input_size=64, batch_size=8, head_epochs=1, finetune_epochs=1)
    model = fit(config, crops_and_labels(cache, parts["train"]), crops_and_labels(cache, parts["validation"]), run_dir)
    assert (run_dir / "history.csv").read_text().count("\n") == 3  # header + 2 epochs

    train_crops, train_labels = crops_and_labels(cache, parts["train"])
    export_model(model, run_dir, config, "official-60-40", train_labels=train_labels, train_crops=train_crops)
    results = evaluate_run(run_dir, parts, cache, train_seconds=1.0)
    for plot in ("learning_curves.png", "predicted_vs_true.png", "residuals_by_group.png"):
        assert (run_dir / plot).stat().st_size > 1000

    card = ModelCard.load(run_dir / "model_card.json")
    card.verify()
    assert card.input_size == 64 and card.error == round(results["test"]["rmse"], 2)
    assert len(card.percentile_quantiles) == 201
    test_crops, _ = crops_and_labels(cache, parts["test"])
    exported = Scorer(run_dir / "model_card.json").predict(test_crops)
    trained = predict(model, test_crops, 64)
    if backbone == "resnet50":
        assert "float16" in card.data["format"]
        np.testing.assert_allclose(exported, trained, atol=0.02)
    else:
        # 8-bit: on these one-colour faces after 2 epochs single scores move by up to 0.2 (the bundled
        # model's by 0.012 in the median); on the training faces it was calibrated on, the mean shift
        # is put back (0.045 before, 0.004 after).
        assert "8-bit" in card.data["format"]
        from ai_edge_litert.interpreter import Interpreter

        dtypes = {d["name"]: d["dtype"] for d in Interpreter(model_path=str(card.model_path)).get_tensor_details()}
        head = [dtype for name, dtype in dtypes.items() if ("/score" in name or "/pool" in name) and dtype != np.int32]
        assert np.int8 in dtypes.values() and head and all(dtype == np.float32 for dtype in head)  # a float score
        np.testing.assert_allclose(exported, trained, atol=0.3)
        shift = Scorer(run_dir / "model_card.json").predict(train_crops) - predict(model, train_crops, 64)
        assert abs(shift.mean()) < 0.015

    # the app's own path: a scene with a face, framed by prepare_face at the card's 64 px
    from core.detection import FaceDetector
    from core.images import load_image
    from core.scorer import score_image
    from tests.conftest import SAMPLE_FACE

    face = load_image(SAMPLE_FACE)
    scene = np.full((900, 1200, 3), 128, np.uint8)
    scene[200:200 + face.shape[0], 350:350 + face.shape[1]] = face
    score, prepared = score_image(scene, FaceDetector(), Scorer(run_dir / "model_card.json"))
    assert prepared.crop.shape == (64, 64, 3) and 1.0 <= score.value <= 5.0


def test_cross_validation_averages_the_five_folds_and_resumes_where_it_stopped(tmp_path):
    from training.fit import FitConfig
    from training.train import cross_validate, recorded_config

    seen = []

    def fake_train(data, split, config, out, cache, limit, stop_at=None):
        if split == stop_at:
            raise KeyboardInterrupt
        k = int(split.split("-")[1])
        seen.append(split)
        run_dir = out / f"run-seed-{config.seed}"
        run_dir.mkdir(parents=True, exist_ok=True)
        (run_dir / "config.json").write_text(json.dumps({**recorded_config(config), "data": str(data),
                                                         "limit": limit}))
        (run_dir / "metrics.json").write_text(json.dumps({"test": {"pc": 0.8 + k / 100, "mae": 0.2, "rmse": k / 10}}))
        (run_dir / "model_card.json").write_text(json.dumps({"training": {"wall_seconds": 60 * k}}))
        return run_dir

    summary_path = tmp_path / "docs" / "cross_validation_folds.json"
    with pytest.raises(KeyboardInterrupt):  # stopped during fold 3: folds 1 and 2 are on record
        cross_validate(tmp_path, FitConfig(), tmp_path / "runs", tmp_path, summary_path=summary_path,
                       train_fold=lambda *args: fake_train(*args, stop_at="fold-3"))
    partial = json.loads(summary_path.read_text())
    assert not partial["complete"] and partial["folds_done"] == ["fold-1", "fold-2"]
    assert partial["mean"]["pc"] == pytest.approx(0.815)

    summary = cross_validate(tmp_path, FitConfig(), tmp_path / "runs", tmp_path, summary_path=summary_path,
                             train_fold=fake_train)
    assert seen == ["fold-1", "fold-2", "fold-3", "fold-4", "fold-5"]  # folds 1 and 2 not trained again
    assert summary == json.loads(summary_path.read_text())
    assert summary["complete"] and summary["mean"]["pc"] == pytest.approx(0.83)
    assert summary["mean"]["rmse"] == pytest.approx(0.3) and summary["folds"]["fold-4"]["wall_seconds"] == 240

    other = cross_validate(tmp_path, FitConfig(seed=7), tmp_path / "runs", tmp_path, summary_path=summary_path,
                           train_fold=fake_train)  # other settings: nothing reused
    assert seen[5:] == seen[:5] and other["settings"]["seed"] == 7

    # A stopped fold completed from its checkpoint (finish-run) is trained again; the summary defaults to the runs folder.
    stopped = tmp_path / "runs" / "cross-validation" / "fold-2" / "run-seed-42" / "model_card.json"
    stopped.write_text(json.dumps({"training": {"wall_seconds": 60, "stopped": {"epochs_done": 3}}}))
    cross_validate(tmp_path, FitConfig(), tmp_path / "runs", tmp_path, train_fold=fake_train)
    assert seen[10:] == ["fold-2"] and (tmp_path / "runs" / "cross-validation.json").is_file()


@pytest.mark.filterwarnings("ignore:invalid value encountered in divide")  # PC of near-constant tiny predictions
def test_origin_study_recipe_on_tiny_data_then_finished_from_its_checkpoint(tmp_path, dataset, monkeypatch):
    """The study's two phases log into one history; a run finished from its checkpoint is exported
    without mirror averaging, evaluated, and says how many epochs it had."""
    from core.errors import ModelError
    from core.model_card import ModelCard
    from core.scorer import Scorer
    from training import origin_study
    from training.export import WHOLE_IMAGE
    from training.fit import FitConfig
    from training.crops import crops_and_labels
    from training.train import finish_run, recorded_config

    monkeypatch.setattr(origin_study, "FROZEN_EPOCHS", 2)  # the study's 30 + 10 take too long for a test
    monkeypatch.setattr(origin_study, "UNFROZEN_EPOCHS", 1)
    parts, cache = synthetic_data(1, 32)

    run_dir = tmp_path / "run"
    run_dir.mkdir()
    config = FitConfig(recipe="origin-study", input_size=32)
    (run_dir / "config.json").write_text(json.dumps(
        {**recorded_config(config), "split": "seed-2560-640-800", "data": str(dataset), "limit": 4}))
    model = origin_study.fit_origin_study(config, crops_and_labels(cache, parts["train"]),
                                          crops_and_labels(cache, parts["validation"]), run_dir)
    history = pd.read_csv(run_dir / "history.csv")
    assert history["epoch"].tolist() == [0, 1, 2] and "learning_rate" in history.columns
    assert not (run_dir / origin_study.UNFROZEN_HISTORY).exists()

    finish_run(run_dir, tmp_path / "cache")  # all its epochs: not marked as stopped
    assert "stopped" not in ModelCard.load(run_dir / "model_card.json").data["training"]
    recorded = json.loads((run_dir / "config.json").read_text())
    (run_dir / "config.json").write_text(json.dumps({**recorded, "unfrozen_epochs": 2}))  # planned 4, stopped after 3
    finish_run(run_dir, tmp_path / "cache")  # on 4 real images per part, whole
    card = ModelCard.load(run_dir / "model_card.json")
    assert card.data["recipe"] == "origin-study" and card.data["test_time_augmentation"] == "none"
    assert card.data["training"]["config"]["unfrozen_batch_size"] == 8
    assert card.data["training"]["stopped"]["epochs_done"] == 3 and card.data["training"]["stopped"]["epochs_planned"] == 4
    assert card.data["metrics"]["seed-2560-640-800 test"]["n"] == 4
    test_images, _ = crops_and_labels(cache, parts["test"])
    exported = Scorer(run_dir / "model_card.json", preprocessing=WHOLE_IMAGE).predict(test_images)
    np.testing.assert_allclose(exported, model.predict(test_images.astype("float32"), verbose=0).ravel(), atol=0.02)
    with pytest.raises(ModelError, match="whole-image"):  # the app's aligned faces are not what it saw
        Scorer(run_dir / "model_card.json")


@pytest.mark.parametrize("mirror,expected", [(True, 50.0), (False, 0.0)])
def test_the_exported_model_averages_the_mirror_image_only_when_asked(tmp_path, mirror, expected):
    """A model that reads only the left half of a face that is dark on the left and bright on the right."""
    import keras
    from ai_edge_litert.interpreter import Interpreter

    from training.export import to_tflite

    model = keras.Sequential([keras.Input((8, 8, 3)), keras.layers.Cropping2D(((0, 0), (0, 4))),
                              keras.layers.GlobalAveragePooling2D(), keras.layers.Dense(1)])
    model.layers[-1].set_weights([np.full((3, 1), 1 / 3, np.float32), np.zeros(1, np.float32)])
    (tmp_path / "m.tflite").write_bytes(to_tflite(model, 8, mirror=mirror))
    interpreter = Interpreter(model_path=str(tmp_path / "m.tflite"))
    interpreter.allocate_tensors()
    face = np.zeros((1, 8, 8, 3), np.float32)
    face[:, :, 4:] = 100.0
    interpreter.set_tensor(interpreter.get_input_details()[0]["index"], face)
    interpreter.invoke()
    assert interpreter.get_tensor(interpreter.get_output_details()[0]["index"]).item() == pytest.approx(expected, abs=0.1)
