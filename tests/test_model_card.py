import json
import shutil

import pytest

from core.errors import ModelError
from core.model_card import CARD_FILE, MODEL_FILE
from core.resources import models_dir
from core.scorer import Scorer


@pytest.fixture
def model_copy(tmp_path):
    for name in (MODEL_FILE, CARD_FILE):
        shutil.copy2(models_dir() / name, tmp_path / name)
    return tmp_path


def test_bundled_card_describes_the_model(scorer):
    card = scorer.card.data
    assert card["input_size"] == scorer.input_size
    assert card["preprocessing_version"]
    assert "SCUT-FBP5500" in card["percentile_reference"]["population"]
    test = card["metrics"]["official-60-40 test"]
    assert set(test["groups"]) == {"AF", "AM", "CF", "CM"}
    assert card["error_band"]["value"] == pytest.approx(test["rmse"], abs=0.005)
    assert "non-commercial" in card["licence"]


def test_one_changed_byte_is_refused_with_what_to_do(model_copy, monkeypatch):
    model = model_copy / MODEL_FILE
    data = bytearray(model.read_bytes())
    data[len(data) // 2] ^= 0x01
    model.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="does not match its model card.*copy the model's folder again") as copied:
        Scorer(model_copy / CARD_FILE)
    assert str(model) in str(copied.value)
    monkeypatch.setattr("core.model_card.models_dir", lambda: model_copy)  # as if it were the app's own
    with pytest.raises(ModelError, match="does not match its model card.*reinstall the app"):
        Scorer(model_copy / CARD_FILE)


def test_missing_model_file_is_refused(model_copy):
    (model_copy / MODEL_FILE).unlink()
    with pytest.raises(ModelError, match="model file not found"):
        Scorer(model_copy / CARD_FILE)


def test_missing_or_broken_card_is_refused(model_copy):
    with pytest.raises(ModelError, match="not found"):
        Scorer(model_copy / "other.json")
    card = model_copy / CARD_FILE
    card.write_text("{ not json")
    with pytest.raises(ModelError, match="unreadable"):
        Scorer(card)
    card.write_text(json.dumps({"file": MODEL_FILE}))
    with pytest.raises(ModelError, match="lacks"):
        Scorer(card)


@pytest.mark.parametrize("declared", ["scut-framing-v0", None])
def test_model_prepared_another_way_is_refused(model_copy, declared):
    card = model_copy / CARD_FILE
    data = json.loads(card.read_text())
    if declared is None:
        del data["preprocessing_version"]
    else:
        data["preprocessing_version"] = declared
    card.write_text(json.dumps(data))
    with pytest.raises(ModelError, match=f"prepared as '{declared}'") as raised:
        Scorer(card)
    assert raised.value.code == "preprocessing_mismatch"
