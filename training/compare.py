"""``facescore compare-recipes``: the origin study's recipe beside the project's, on one split.

Each side is a run folder's (or an installed model's) ``model_card.json``: its held-out test
metrics (PC, MAE, RMSE, the spread of predictions, per group) and its training wall time.
Without ``--runs`` both recipes are trained first, with the same backbone. The table goes to
``docs/model/recipes-<split>.md`` (and ``.json``), with the study's level/percentile wording
beside the app's.
"""

from __future__ import annotations

import json
from pathlib import Path

from core.score import level_of, percentile_of
from training.dataset import GROUPS

RECIPES = ("origin-study", "project")
RECIPE_TITLES = {"origin-study": "origin study", "project": "project"}
WORDING_SCORES = (1.8, 2.5, 3.0, 3.4, 3.8, 4.3)


def read_side(folder: Path, split: str) -> dict:
    """A recipe's figures from the model card in ``folder``."""
    path = Path(folder) / "model_card.json"
    if not path.is_file():
        raise SystemExit(f"{folder} is not a finished run folder (no model_card.json); give two run "
                         "folders of `facescore train`, or `models` for the bundled model")
    card = json.loads(path.read_text())
    training = card["training"]
    if training["split"] != split:
        raise SystemExit(f"{folder} was trained on {training['split']}, not {split}")
    return {
        "folder": str(folder),
        "recipe": training["config"].get("recipe", "project"),  # cards from before the presets: project
        "backbone": card["backbone"],
        "init": card["init"],
        "input_size": card["input_size"],
        "input": card["input"],
        "train_images": training["train_images"],
        "wall_seconds": training.get("wall_seconds"),
        "stopped": training.get("stopped"),  # facescore finish-run: {"epochs_done", "epochs_planned"}
        "command": training["command"],
        "test": card["metrics"][f"{split} test"],
        "quantiles": card["percentile_reference"]["quantiles"],
        "population_size": card["percentile_reference"]["size"],
    }


def comparison(sides: list[dict], split: str) -> dict:
    recipes = sorted(side["recipe"] for side in sides)
    if recipes != sorted(RECIPES):
        raise SystemExit(f"need one run of each recipe ({', '.join(RECIPES)}), got {', '.join(recipes)}")
    backbones = {(side["backbone"], side["input_size"]) for side in sides}
    if len(backbones) != 1:
        raise SystemExit(f"the runs use different backbones or input sizes: {sorted(backbones)}")
    return {"split": split, "sides": sorted(sides, key=lambda side: RECIPES.index(side["recipe"]))}


def wording(quantiles: list[float], population_size: int) -> list[dict]:
    """The study's sentence ("你贏了80%的人": level x 20 %) beside the app's percentile for a few scores."""
    return [{"score": score, "level": level_of(score), "study_percent": 20 * level_of(score),
             "percentile": round(percentile_of(score, quantiles)), "population_size": population_size}
            for score in WORDING_SCORES]


def _metrics_row(title: str, metrics: dict) -> str:
    return f"| {title} | {metrics['pc']:.3f} | {metrics['mae']:.3f} | {metrics['rmse']:.3f} | {metrics['n']} |"


def markdown(result: dict, command: str) -> str:
    split, sides = result["split"], result["sides"]
    first = sides[0]
    lines = [
        f"# The origin study's recipe beside the project's: {split}",
        "",
        f"Produced by `{command}`. Same backbone on both sides ({first['backbone']}, init {first['init']}, "
        f"input {first['input_size']}x{first['input_size']}); held-out test part of `{split}` "
        f"({first['test']['n']} faces, {first['train_images']} training faces).",
        "",
        "| | " + " | ".join(RECIPE_TITLES[side["recipe"]] for side in sides) + " |",
        "| --- | " + " | ".join("---" for _ in sides) + " |",
        "| PC | " + " | ".join(f"{side['test']['pc']:.3f}" for side in sides) + " |",
        "| MAE | " + " | ".join(f"{side['test']['mae']:.3f}" for side in sides) + " |",
        "| RMSE | " + " | ".join(f"{side['test']['rmse']:.3f}" for side in sides) + " |",
        "| prediction spread (std; raters' mean std "
        f"{first['test']['label_std']:.3f}) | "
        + " | ".join(f"{side['test']['prediction_std']:.3f} "
                     f"({side['test']['prediction_std'] / side['test']['label_std']:.0%})" for side in sides) + " |",
    ]
    for group in (group for group in GROUPS if all(group in side["test"]["groups"] for side in sides)):
        lines.append(f"| {group}: PC / MAE / RMSE | " + " | ".join(
            "{pc:.3f} / {mae:.3f} / {rmse:.3f} (n={n})".format(**side["test"]["groups"][group]) for side in sides)
            + " |")
    lines += [
        "| training wall time | " + " | ".join(
            f"{side['wall_seconds'] / 60:.0f} min" if side["wall_seconds"] else "?" for side in sides) + " |",
        "| epochs | " + " | ".join(
            f"stopped after {side['stopped']['epochs_done']} of {side['stopped']['epochs_planned']}, best kept "
            "(`facescore finish-run`)"
            if side["stopped"] else "all" for side in sides) + " |",
        "| input | " + " | ".join(side["input"].split(", RGB")[0] for side in sides) + " |",
        "",
        "Wall times are each run's own, on two CPU cores shared with other work, so they compare only "
        "roughly; a stopped run's counts from its run folder (images already prepared) to its last epoch.",
        "",
        "Runs: " + "; ".join(f"{RECIPE_TITLES[side['recipe']]}: `{side['command']}` ({side['folder']})"
                             for side in sides) + ".",
        "",
        "## Level and percentile: the study's words and the app's",
        "",
        "The study printed the level and \"你贏了 level x 20 % 的人\" (\"you beat X % of people\"). "
        "That percentage is the level's upper edge, not a share of anyone: the level only bins the "
        "score, and the raters' means are not spread evenly over the five levels. The app says "
        "\"higher than X % of the reference faces\" from the distribution of the "
        f"{first['population_size']} rated faces of SCUT-FBP5500, and names that population, "
        "because it is not \"people\" in general.",
        "",
        "| score | level | study: 你贏了 …% 的人 | app: higher than …% of the rated faces |",
        "| --- | --- | --- | --- |",
    ]
    lines += [f"| {row['score']:.1f} | {row['level']} | {row['study_percent']} % | {row['percentile']} % |"
              for row in result["wording"]]
    return "\n".join(lines) + "\n"


def write(result: dict, out_dir: Path, command: str) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"recipes-{result['split']}.md"
    path.write_text(markdown(result, command), encoding="utf-8")
    path.with_suffix(".json").write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def compare_recipes(split: str, runs: list[Path], out_dir: Path, command: str) -> Path:
    sides = [read_side(folder, split) for folder in runs]
    result = comparison(sides, split)
    project = next(side for side in result["sides"] if side["recipe"] == "project")
    result["wording"] = wording(project["quantiles"], project["population_size"])
    for side in result["sides"]:
        del side["quantiles"]
    path = write(result, out_dir, command)
    print(path.read_text(encoding="utf-8"))
    return path
