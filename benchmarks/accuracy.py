"""Accuracy of the bundled model through the app's whole pipeline, beside the published anchors.

    python -m benchmarks.accuracy

Runs ``python -m cli evaluate --split official-60-40 --json`` (image file -> face -> model
on the 2200 official test images) and reads the published results from the dataset's README.
Deterministic, so it runs once whatever ``--repetitions`` says.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from benchmarks.common import ROOT, parse_args, print_table, write_result
from tests.conftest import DATASET

SPLIT = "official-60-40"
ANCHORS_HEADING = "## Published results"
METRICS = re.compile(r"^[\d.]+ / [\d.]+ / [\d.]+$")  # PC / MAE / RMSE


def evaluate() -> dict:
    run = subprocess.run([sys.executable, "-m", "cli", "evaluate", "--split", SPLIT, "--json"],
                         cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True,
                         text=True, check=True)
    return json.loads(run.stdout.strip().splitlines()[-1])


def published_anchors() -> list[dict]:
    """Rows of the README's table: model, then 'PC / MAE / RMSE' for the 60/40 split and 5-fold CV."""
    text = (DATASET / "README.md").read_text(encoding="utf-8")
    section = text.split(ANCHORS_HEADING, 1)[1]
    anchors = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and all(METRICS.match(cell) or cell == "—" for cell in cells[1:]):
            anchors.append({"model": cells[0], "split_60_40": cells[1], "five_fold": cells[2]})
    return anchors


def main() -> None:
    parse_args(__doc__.splitlines()[0])
    ours = evaluate()
    anchors = published_anchors()
    write_result("accuracy", {"split": SPLIT, "ours": ours, "published": anchors})
    rows = [("**FaceScore (bundled model, app pipeline)**",
             f"**{ours['pc']:.4f} / {ours['mae']:.4f} / {ours['rmse']:.4f}** (n = {ours['n']})", "—")]
    rows += [(anchor["model"], anchor["split_60_40"], anchor["five_fold"]) for anchor in anchors]
    print_table(f"Accuracy on the {SPLIT} test part, PC / MAE / RMSE "
                f"(published anchors from {DATASET.name}/README.md)",
                ("model", "60/40 split", "5-fold CV"), rows)
    groups = ours["groups"]
    print_table("Ours per group", ("group", "PC", "MAE", "RMSE", "n"),
                [(name, f"{g['pc']:.3f}", f"{g['mae']:.3f}", f"{g['rmse']:.3f}", g["n"])
                 for name, g in sorted(groups.items())])


if __name__ == "__main__":
    main()
