"""The per-face error: moved framings, the error model, its calibration, and where it is used."""

import json
import shutil

import numpy as np
import pytest

from core.alignment import align_face
from core.capture import score_burst
from core.errors import FaceScoreError, ModelError
from core.model_card import CALIBRATION_MARK, CARD_FILE, MODEL_FILE, calibrated_version
from core.resources import models_dir
from core.scorer import Scorer
from core.uncertainty import ErrorModel, disagreement
from training.calibration import VIEWS, fit_error_model, fit_offset
from training.metrics import fifths_rmse_ratio, grouped_metrics

MODEL = {"views": [list(view) for view in VIEWS], "base": 0.2, "weight": 40.0}


def card_with(tmp_path, error_model, score_offset=None):
    for name in (MODEL_FILE, CARD_FILE):
        shutil.copy2(models_dir() / name, tmp_path / name)
    card = json.loads((tmp_path / CARD_FILE).read_text())
    for key, value in (("error_model", error_model), ("score_offset", score_offset)):
        card.pop(key, None)
        if value:
            card[key] = value
    card["version"] = calibrated_version(card)
    (tmp_path / CARD_FILE).write_text(json.dumps(card))
    return tmp_path / CARD_FILE


def test_a_view_shifts_the_framing_by_its_share_of_the_crop(detector, sample_image):
    face = detector.detect(sample_image)[0]
    base = align_face(sample_image, face).astype(int)
    moved = align_face(sample_image, face, view=(10 / 224, 0.0, 1.0, 0.0)).astype(int)
    assert np.abs(moved[40:184, 60:184] - base[40:184, 50:174]).mean() < 3
    assert np.abs(moved[40:184, 60:184] - base[40:184, 60:184]).mean() > 6


def test_error_grows_with_disagreement_from_the_base():
    model = ErrorModel.from_card({"error_model": MODEL})
    assert model.views == VIEWS
    assert model.error(0.0, 3.0) == pytest.approx(0.2)
    assert model.error(0.05, 4.5) == pytest.approx(np.sqrt(0.04 + 40 * 0.0025))  # a card without a score term
    assert ErrorModel.from_card({}) is None
    assert disagreement(np.array([[3.0, 3.1, 2.9], [2.0, 2.0, 2.0]])) == pytest.approx(np.std([3.0, 3.1, 2.9]) / 2)


def test_error_grows_with_the_scores_distance_from_the_centre_on_the_scale():
    model = ErrorModel.from_card({"error_model": {**MODEL, "score_weight": 0.02, "score_centre": 3.0}})
    assert model.error(0.0, 3.0) == pytest.approx(0.2)
    assert model.error(0.0, 4.5) == pytest.approx(np.sqrt(0.04 + 0.02 * 1.5**2))
    assert model.error(0.0, 1.5) == model.error(0.0, 4.5)
    assert model.error(0.0, 7.0) == model.error(0.0, 5.0)  # as far as the scale goes
    assert model.error(0.05, 4.5) == pytest.approx(np.sqrt(0.04 + 40 * 0.0025 + 0.02 * 1.5**2))


@pytest.mark.parametrize("edit", [{"score_weight": -0.01}, {"score_centre": 7.0}, {"score_weight": "0.02"},
                                  {"base": float("nan")}, {"score_weight": float("inf")}, {"weight": True},
                                  {"score_centre": None}, {"views": [[0.0, 0.0, 0.9]]}])
def test_error_model_numbers_must_be_finite_and_a_score_term_whole(edit):
    with pytest.raises(ModelError, match="error_model"):
        ErrorModel.from_card({"error_model": {**MODEL, "score_weight": 0.02, "score_centre": 3.0, **edit}})
    with pytest.raises(ModelError, match="error_model"):  # a score term needs its centre
        ErrorModel.from_card({"error_model": {**MODEL, "score_weight": 0.02}})


def test_calibration_finds_the_disagreement_that_predicts_the_error():
    rng = np.random.default_rng(5)
    spread = rng.uniform(0.0, 0.1, 4000)
    scores = rng.uniform(2.0, 4.0, 4000)
    raw = scores[:, None] + spread[:, None] * np.array([0.0, 1.2247, -1.2247])  # standard deviation = spread
    labels = raw[:, 0] - rng.normal(0.0, np.sqrt(0.04 + 30 * spread**2))
    model = fit_error_model(raw, labels)
    errors = np.array([model.error(disagreement(row), row[0]) for row in raw])
    assert np.mean(np.abs(raw[:, 0] - labels) <= errors) == pytest.approx(0.683, abs=0.01)
    assert 0.15 < model.base < 0.25 and 15 < model.weight < 45
    assert fifths_rmse_ratio(labels, raw[:, 0], errors) > 1.5
    # fitted for other scores (the mean over the framings), their residuals set the error
    closer = raw[:, 0] + 0.5 * (labels - raw[:, 0])
    halved = fit_error_model(raw, labels, scores=closer)
    halved_errors = np.array([halved.error(disagreement(row), score) for row, score in zip(raw, closer)])
    assert np.mean(np.abs(closer - labels) <= halved_errors) == pytest.approx(0.683, abs=0.01)
    assert 0.4 < np.median(halved_errors) / np.median(errors) < 0.6


def test_calibration_finds_where_on_the_scale_the_model_is_less_sure():
    rng = np.random.default_rng(6)
    raw = rng.uniform(1.5, 4.5, 4000)[:, None] * np.ones(3)  # framings that agree: no signal there
    labels = raw[:, 0] - rng.normal(0.0, np.sqrt(0.04 + 0.03 * (raw[:, 0] - 3.0) ** 2))
    model = fit_error_model(raw, labels)
    errors = np.array([model.error(disagreement(row), row[0]) for row in raw])
    assert np.mean(np.abs(raw[:, 0] - labels) <= errors) == pytest.approx(0.683, abs=0.01)
    assert model.score_centre == pytest.approx(3.0, abs=0.05) and 0.015 < model.score_weight < 0.06
    assert fifths_rmse_ratio(labels, raw[:, 0], errors) > 1.5
    even = raw[:, 0] - rng.normal(0.0, 0.2, 4000)  # the same error all along the scale
    assert fit_error_model(raw, even).score_weight < 0.003


def test_calibration_by_group_covers_the_worst_fitted_group_too():
    rng = np.random.default_rng(8)
    groups = np.array(["AM"] * 3000 + ["CF"] * 1000)
    spread = rng.uniform(0.0, 0.1, 4000)
    raw = 3.0 + spread[:, None] * np.array([0.0, 1.2247, -1.2247])
    noise = np.where(groups == "CF", 0.3, 0.2)  # the model fits CF faces worse
    labels = raw[:, 0] - rng.normal(0.0, noise)

    def coverage(model):
        errors = np.array([model.error(disagreement(row), row[0]) for row in raw])
        inside = np.abs(raw[:, 0] - labels) <= errors
        return {group: inside[groups == group].mean() for group in ("AM", "CF")}

    pooled, by_group = coverage(fit_error_model(raw, labels)), coverage(fit_error_model(raw, labels, groups=groups))
    assert pooled["CF"] < 0.6  # one scale for all faces leaves the worse-fitted group short
    assert by_group["CF"] == pytest.approx(0.683, abs=0.01) and by_group["AM"] > 0.8


def test_the_offset_centres_the_validation_scores_on_their_ratings():
    rng = np.random.default_rng(11)
    raw = rng.uniform(2.0, 4.0, 4000)
    labels = raw - 0.1 + rng.normal(0.0, 0.3, 4000)  # the model scores 0.1 too high
    offset, standard_error = fit_offset(raw, labels)
    assert offset == pytest.approx(-0.1, abs=0.015)
    assert standard_error == pytest.approx(0.3 / np.sqrt(4000), rel=0.05)
    assert fit_offset(raw + offset, labels)[0] == pytest.approx(0.0, abs=1e-9)


def test_the_cards_offset_is_added_to_every_score(tmp_path, detector, sample_image):
    crops = Scorer(card_with(tmp_path, MODEL)).prepare(sample_image, detector).crop[None]
    plain = Scorer(card_with(tmp_path, MODEL)).predict(crops)
    shifted = Scorer(card_with(tmp_path, MODEL, {"value": 0.25})).predict(crops)
    assert shifted - plain == pytest.approx([0.25], abs=1e-6)


def test_calibrating_again_finds_the_same_offset_errors_and_version(tmp_path, monkeypatch, dataset):
    from training import calibration

    card = card_with(tmp_path, None)
    exported_as = json.loads(card.read_text())["version"]
    made = {}

    def model_output(data, frame, scorer, views=VIEWS):  # what the model gives each validation face
        if not made:
            rng = np.random.default_rng(4)
            labels = frame["score"].to_numpy()
            first = labels - 0.1 + rng.normal(0.0, 0.25, len(labels))  # 0.1 too low
            first[:5] = 5.3  # beyond the scale, shown as 5
            spread = rng.uniform(0.0, 0.05, len(labels))
            made["output"] = first[:, None] + spread[:, None] * np.array([0.0, 1.2247, -1.2247])
            made["labels"] = labels
        return made["output"] + scorer.card.score_offset, list(range(len(frame)))

    monkeypatch.setattr(calibration, "score_views", model_output)
    first = calibration.calibrate(dataset, card)
    version = json.loads(card.read_text())["version"]
    assert calibration.calibrate(dataset, card) == first
    edited = json.loads(card.read_text())
    edited["score_offset"]["value"] += 0.05  # by hand, after calibrating: refused, but calibrated anew
    card.write_text(json.dumps(edited))
    with pytest.raises(ModelError, match="not the ones version"):
        Scorer(card)
    assert calibration.calibrate(dataset, card) == first
    data = json.loads(card.read_text())
    assert data["version"] == version != exported_as  # the bundled card's: calibrated on the real model
    assert version.startswith(CALIBRATION_MARK.sub("", exported_as) + "-cal")
    assert version.count("-cal") == 1  # a new mark replaces the old
    offset = first["score_offset"]["value"]
    assert offset == pytest.approx(float(np.mean(made["labels"] - made["output"][:, 0])), abs=1e-4)
    assert abs(data["metrics"]["official-60-40 validation"]["bias"]) < 0.01
    assert Scorer(card).card.score_offset == offset


def test_metrics_give_bias_coverage_and_the_fifths_ratio():
    groups = np.array(["AF"] * 5 + ["CM"] * 5)
    labels = np.linspace(2.0, 4.0, 10)
    predictions = labels + np.array([0.1, -0.1, 0.1, 0.1, 0.1, 0.5, -0.5, 0.5, 0.5, 0.5])
    stated = np.array([0.2] * 5 + [0.4] * 5)
    result = grouped_metrics(groups, labels, predictions, stated)
    assert result["groups"]["AF"]["bias"] == pytest.approx(0.06)
    assert result["groups"]["AF"]["coverage"] == 1.0 and result["groups"]["CM"]["coverage"] == 0.0
    assert result["coverage"] == 0.5
    assert result["error_fifths_ratio"] == pytest.approx(5.0)


def test_each_face_gets_its_own_error_and_a_capture_stores_it(tmp_path, detector, sample_image):
    model = {**MODEL, "score_weight": 0.05, "score_centre": 2.0}  # the sample scores about 3.7: far from 2
    scorer = Scorer(card_with(tmp_path, model))
    prepared = scorer.prepare(sample_image, detector)
    assert prepared.views.shape == (2, scorer.input_size, scorer.input_size, 3)
    score, raw = scorer.estimate([prepared])
    crops = np.concatenate([prepared.crop[None], prepared.views])
    expected = (model["base"] ** 2 + model["weight"] * np.std(scorer.predict(crops)) ** 2
                + model["score_weight"] * (np.clip(raw[0], 1, 5) - model["score_centre"]) ** 2)
    assert score.error == pytest.approx(np.sqrt(expected), rel=1e-5) and score.error > MODEL["base"]
    assert score.value == pytest.approx(float(np.clip(raw[0], 1, 5)))
    burst = score_burst([sample_image, sample_image], detector, scorer)
    assert burst.score.error == pytest.approx(score.error, rel=1e-5)


def two_far_apart_faces(dataset, detector, scorer):
    """Two official-test faces that pass the checks, rated about 1.5 and 4.5 or more apart in score."""
    from core.images import load_image
    from tests.conftest import official_test_files

    rated = sorted(official_test_files(dataset, 60, seed=3), key=lambda pair: pair[1])
    usable = []
    for name, _ in rated[:5] + rated[-5:]:
        try:
            usable.append(scorer.prepare(load_image(dataset / "Images" / name), detector))
        except FaceScoreError:
            continue
    return usable[0], usable[-1]


def test_faces_that_disagree_widen_the_error_and_too_far_apart_are_refused(dataset, detector, scorer,
                                                                           sample_image):
    from core.capture import FacesDisagree, score_faces

    lit, dimmer = (scorer.prepare(np.clip(sample_image * gain, 0, 255).astype(np.uint8), detector)
                   for gain in (1.0, 0.8))  # one face, a little darker in the second photo
    alone = scorer.estimate([lit, dimmer])[0]
    result = score_faces([lit, dimmer], 2, scorer)
    assert 0 < result.spread < alone.error
    assert result.score.error == pytest.approx(np.hypot(alone.error, result.spread))
    low, high = two_far_apart_faces(dataset, detector, scorer)
    with pytest.raises(FacesDisagree):
        score_faces([low, high], 2, scorer)
    frames = [np.ascontiguousarray(face.crop) for face in (low, low, high)]
    with pytest.raises(FaceScoreError) as refused:
        score_burst(frames, detector, scorer)
    assert refused.value.code == "burst_disagrees"


def test_a_card_without_error_model_gives_its_one_error(tmp_path, detector, sample_image):
    scorer = Scorer(card_with(tmp_path, None))
    prepared = scorer.prepare(sample_image, detector)
    assert scorer.views == () and len(prepared.views) == 0
    assert scorer.estimate([prepared])[0].error == scorer.card.error


def test_the_card_takes_only_the_test_part_of_the_split_it_was_trained_on(tmp_path):
    from core.errors import FaceScoreError
    from training.evaluate import write_to_card

    card = card_with(tmp_path, MODEL)
    result = {"pc": 0.9, "groups": {}, "model": "m"}
    with pytest.raises(FaceScoreError, match="trained on split official-60-40"):
        write_to_card(result, "fold-1", card)
    write_to_card(result, "official-60-40", card)
    data = json.loads(card.read_text())
    assert data["metrics"]["official-60-40 test"]["pc"] == 0.9
    assert "East Asian and Caucasian" in data["unseen_populations"]
    Scorer(card)  # the model file, and so its checksum, are untouched


@pytest.mark.parametrize("broken", [{"views": "x", "base": 0.2, "weight": 1}, {"views": [[0.1, 0]], "base": 0.2,
                                                                                  "weight": 1},
                                    {"views": [], "base": -1, "weight": 1}, {"base": 0.2}])
def test_a_malformed_error_model_is_refused(tmp_path, broken):
    from core.errors import ModelError

    with pytest.raises(ModelError, match="error_model"):
        Scorer(card_with(tmp_path, broken))


def test_a_card_calibrated_before_the_score_term_keeps_its_version_and_its_errors():
    """Captures stored with such a card's version must still name the same calibration."""
    import hashlib

    card = {"version": "2026.11.30-x", "score_offset": {"value": 0.0161}, "error_model": dict(MODEL)}
    numbers = json.dumps([0.0161, MODEL["views"], MODEL["base"], MODEL["weight"]])
    assert calibrated_version(card) == "2026.11.30-x-cal" + hashlib.sha256(numbers.encode()).hexdigest()[:6]
    with_term = {**card, "error_model": {**MODEL, "score_weight": 0.02, "score_centre": 3.0}}
    assert calibrated_version(with_term) != calibrated_version(card)
    assert ErrorModel.from_card(card).score_weight == 0.0
