"""``facescore compare-recipes`` reads two runs' model cards and writes the comparison table."""

import json

import pytest

from training.compare import compare_recipes

GROUPS = ("AF", "AM", "CF", "CM")


def metrics(pc: float, spread: float, groups=GROUPS) -> dict:
    one = {"pc": pc, "mae": 0.25, "rmse": 0.33, "n": 200, "label_std": 0.68, "prediction_std": spread}
    return {**one, "n": 800, "groups": {group: dict(one) for group in groups}}


def write_run(folder, recipe: str | None, pc: float, spread: float, split="seed-2560-640-800",
              backbone="efficientnet_lite0", wall=600, groups=GROUPS, stopped=None):
    folder.mkdir(parents=True)
    config = {"backbone": backbone} | ({"recipe": recipe} if recipe else {})
    card = {"backbone": backbone, "init": "imagenet", "input_size": 224, "input": "what it sees, RGB",
            "training": {"split": split, "train_images": 2560, "wall_seconds": wall, "config": config,
                         **({"stopped": stopped} if stopped else {}),
                         "command": f"facescore train --recipe {recipe}"},
            "metrics": {f"{split} test": metrics(pc, spread, groups)},
            "percentile_reference": {"size": 5500, "quantiles": [1.0 + 4 * i / 200 for i in range(201)]}}
    (folder / "model_card.json").write_text(json.dumps(card))
    return folder


def test_the_table_sets_the_recipes_side_by_side(tmp_path):
    study = write_run(tmp_path / "study", "origin-study", 0.812, 0.41, wall=1500, groups=("AF", "AM"),
                      stopped={"epochs_done": 31, "epochs_planned": 40})
    ours = write_run(tmp_path / "ours", None, 0.903, 0.61, wall=1200)  # a card from before the presets
    path = compare_recipes("seed-2560-640-800", [ours, study], tmp_path / "docs", "facescore compare-recipes")
    text = path.read_text(encoding="utf-8")
    assert path.name == "recipes-seed-2560-640-800.md"
    assert "| | origin study | project |" in text
    assert "| PC | 0.812 | 0.903 |" in text
    assert "| prediction spread (std; raters' mean std 0.680) | 0.410 (60%) | 0.610 (90%) |" in text
    assert "| training wall time | 25 min | 20 min |" in text
    assert "| epochs | stopped after 31 of 40, best kept (`facescore finish-run`) | all |" in text
    assert "| AM: PC / MAE / RMSE |" in text and "CF" not in text  # the groups both test parts hold
    # level 4 -> the study's 80 %; the app's percentile of 3.4 on a uniform 1..5 reference: 60 %
    assert "| 3.4 | 4 | 80 % | 60 % |" in text
    saved = json.loads(path.with_suffix(".json").read_text())
    assert [side["recipe"] for side in saved["sides"]] == ["origin-study", "project"]


def test_runs_on_another_split_or_backbone_are_refused(tmp_path):
    study = write_run(tmp_path / "study", "origin-study", 0.8, 0.4)
    with pytest.raises(SystemExit, match="official-60-40"):
        compare_recipes("seed-2560-640-800", [study, write_run(tmp_path / "a", "project", 0.9, 0.6,
                                                               split="official-60-40")], tmp_path, "c")
    with pytest.raises(SystemExit, match="different backbones"):
        compare_recipes("seed-2560-640-800", [study, write_run(tmp_path / "b", "project", 0.9, 0.6,
                                                               backbone="resnet50")], tmp_path, "c")
    with pytest.raises(SystemExit, match="one run of each recipe"):
        compare_recipes("seed-2560-640-800", [study, study], tmp_path, "c")
    with pytest.raises(SystemExit, match="nowhere is not a finished run folder"):
        compare_recipes("seed-2560-640-800", [study, tmp_path / "nowhere"], tmp_path, "c")
