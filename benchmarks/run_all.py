"""Run every benchmark, then print the summary table and put it into benchmarks/README.md.

    python -m benchmarks [--quick] [--only NAME ...]

Each benchmark runs in its own process (so one's memory or threads never skew another's).
``--quick`` runs one repetition each and leaves the README alone.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from benchmarks.common import RESULTS, ROOT, machine

BENCHMARKS = ("latency", "throughput", "preview_fps", "desktop_startup", "accuracy")
README = ROOT / "benchmarks" / "README.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"


def run(name: str, quick: bool) -> None:
    command = [sys.executable, "-m", f"benchmarks.{name}", *(["--quick"] if quick else [])]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "TF_CPP_MIN_LOG_LEVEL": "2"}
    print(f"\n=== {' '.join(command[1:])}", flush=True)
    subprocess.run(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL, check=True)


def load(name: str) -> dict:
    return json.loads((RESULTS / f"{name}.json").read_text())


def summary() -> str:
    latency, throughput = load("latency"), load("throughput")
    preview, startup, accuracy = load("preview_fps")["fps"], load("desktop_startup"), load("accuracy")
    ours = accuracy["ours"]
    stages = latency.get("stages_median_ms")  # results from before the breakdown have none
    resnext = next(a for a in accuracy["published"] if a["model"] == "ResNeXt-50")
    rows = [
        ("scoring latency, one face in a 1280x720 frame (`score_image`: face + 2 framings, own error), median / p95",
         f"**{latency['ours_median_ms']:.1f}** / {latency['ours_p95_ms']:.1f} ms",
         f"≤ {latency['goal_median_ms']:.0f} ms median"),
        *([("where that time goes (medians of one more pass, timed inside it): detector (whole frame, tiles, "
            "closer looks) / face mesh (yaw) / model on the 3 crops / the rest, aligning and checks",
            " / ".join(f"{stages[name]:.1f}" for name in ("detect", "yaw", "model", "rest")) + " ms", "—")]
          if stages and "rest" in stages else []),
        ("the same, face alone (prepare_face + Scorer.score: one crop, one error for all), median / p95",
         f"{latency['face_alone_median_ms']:.1f} / {latency['face_alone_p95_ms']:.1f} ms", "—"),
        ("origin study's pipeline: Keras ResNet50 `model.predict`, 350→224, one image, median / p95",
         f"{latency['keras_median_ms']:.1f} / {latency['keras_p95_ms']:.1f} ms", "—"),
        ("ratio (origin study ÷ ours, medians)", f"**{latency['ratio']:.1f}×** faster", "—"),
        (f"`facescore score --json`, {throughput['images']} official-test images, whole process",
         (f"**{throughput['images_per_s']:.1f} images/s** ({throughput['seconds']:.1f} s), "
          f"peak RSS {throughput['peak_rss_mib']:.0f} MiB"), "—"),
        ("live preview, app, 30 fps video file, 640x480", f"**{preview['app video file']:.1f} fps**",
         "≥ 25 fps"),
        ("live preview, app, image folder, 640x480", f"{preview['app image folder']:.1f} fps", "≥ 25 fps"),
        ("preview pipeline capacity, unpaced (read + face check + QImage)", f"{preview['capacity']:.0f} fps",
         "—"),
        ("start-up: process start → window shown", f"**{startup['shown_s']:.2f} s**", "—"),
        ("start-up: process start → model ready", f"**{startup['model_ready_s']:.2f} s**", "—"),
        (f"accuracy, {accuracy['split']} test part (n = {ours['n']}), PC / MAE / RMSE",
         f"**{ours['pc']:.4f} / {ours['mae']:.4f} / {ours['rmse']:.4f}**",
         f"paper's ResNeXt-50: {resnext['split_60_40']}"),
    ]
    info = machine()
    lines = [(f"Measured {time.strftime('%Y-%m-%d')} on {info['nproc']} cores ({info['cpu']}), "
              f"{info['ram_gib']} GiB RAM, Python {info['python']}."), "",
             "| measurement | result | goal / anchor |", "| --- | --- | --- |"]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    return "\n".join(lines)


def update_readme(table: str) -> None:
    text = README.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    README.write_text(f"{before}{START}\n{table}\n{END}{after}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one repetition each; README untouched")
    parser.add_argument("--only", nargs="+", choices=BENCHMARKS, default=BENCHMARKS)
    args = parser.parse_args()
    started = time.monotonic()
    for name in args.only:
        run(name, args.quick)
    table = summary()
    print(f"\n=== summary ({time.monotonic() - started:.0f} s)\n\n{table}")
    if not args.quick:
        update_readme(table)
        print(f"\nwritten into {README.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
