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


@pytest.mark.parametrize("backbone,init", [("efficientnet_lite0", "imagenet"), ("resnet50", "scratch")])
def test_fit_export_evaluate_on_tiny_data(tmp_path, dataset, backbone, init):
    """Either backbone trains, exports and runs in the app's scorer unchanged."""
    from core.model_card import ModelCard
    from core.scorer import Scorer
    from training.evaluate import evaluate_run
    from training.export import export_model
    from training.fit import FitConfig, fit, predict
    from training.crops import crops_and_labels

    rng = np.random.default_rng(0)
    parts = {name: synthetic_part(name, 16, rng) for name in ("train", "validation", "test")}
    files = [f for part in parts.values() for f in part["file"]]
    # brightness follows the label, so there is something to learn
    labels = pd.concat(parts.values()).set_index("file")["score"]
    crops = np.stack([np.full((64, 64, 3), 40 + 40 * labels[f], np.uint8) for f in files])
    cache = {"files": np.array(files), "crops": crops}

    run_dir = tmp_path / "run"
    run_dir.mkdir()
    (run_dir / "config.json").write_text(json.dumps({"data": str(dataset)}))
    config = FitConfig(backbone=backbone, init=init, input_size=64, batch_size=8, head_epochs=1, finetune_epochs=1)
    model = fit(config, crops_and_labels(cache, parts["train"]), crops_and_labels(cache, parts["validation"]), run_dir)
    assert (run_dir / "history.csv").read_text().count("\n") == 3  # header + 2 epochs

    export_model(model, run_dir, config, "official-60-40")
    results = evaluate_run(run_dir, parts, cache, train_seconds=1.0)
    for plot in ("learning_curves.png", "predicted_vs_true.png", "residuals_by_group.png"):
        assert (run_dir / plot).stat().st_size > 1000

    card = ModelCard.load(run_dir / "model_card.json")
    card.verify()
    assert card.input_size == 64 and card.error == round(results["test"]["rmse"], 2)
    assert len(card.percentile_quantiles) == 201
    test_crops, _ = crops_and_labels(cache, parts["test"])
    exported = Scorer(run_dir / "model_card.json").predict(test_crops)
    np.testing.assert_allclose(exported, predict(model, test_crops, 64), atol=0.02)  # float16 weights

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


def test_cross_validation_averages_the_five_folds(tmp_path):
    from training.fit import FitConfig
    from training.train import cross_validate

    seen = []

    def fake_train(data, split, config, out, cache, limit):
        k = int(split.split("-")[1])
        seen.append(split)
        run_dir = tmp_path / split
        run_dir.mkdir()
        (run_dir / "metrics.json").write_text(json.dumps({"test": {"pc": 0.8 + k / 100, "mae": 0.2, "rmse": k / 10}}))
        return run_dir

    summary = cross_validate(tmp_path, FitConfig(), tmp_path, tmp_path, train_fold=fake_train)
    assert seen == [f"fold-{k}" for k in range(1, 6)]
    assert summary["pc"] == pytest.approx(0.83) and summary["rmse"] == pytest.approx(0.3)
    assert (tmp_path / "cross-validation-efficientnet_lite0-224.json").is_file()
