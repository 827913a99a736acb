"""Batch throughput of the real ``facescore score --json`` command on official-test images.

    python -m benchmarks.throughput [--quick] [--repetitions N] [--images N]

Each repetition runs ``python -m cli score --json`` once on the same N image paths (read in
place from ../shared), timing the whole process (start-up and model load included) and taking
its peak resident memory from the kernel's accounting of that one child (``os.wait4``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time

from benchmarks.common import ROOT, median_of, parse_args, print_table, write_result
from tests.conftest import DATASET, official_test_files

IMAGES = 500


def run_once(paths: list[str]) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryFile("w+") as output:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "cli", "score", "--json", *paths],
                                   cwd=ROOT, env=env, stdout=output, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        output.seek(0)
        lines = [json.loads(line) for line in output if line.strip()]
    if process.returncode not in (0, 1) or len(lines) != len(paths):  # 1: some image had no usable face
        raise RuntimeError(f"facescore score exited {process.returncode} with {len(lines)} results")
    return {"seconds": seconds, "images_per_s": len(paths) / seconds, "peak_rss_mib": usage.ru_maxrss / 1024,
            "scored": sum("score" in line for line in lines), "refused": sum("error_message" in line for line in lines)}


def main() -> None:
    args = parse_args(__doc__.splitlines()[0],
                      lambda parser: parser.add_argument("--images", type=int, default=IMAGES))
    count = args.images
    paths = [str(DATASET / "Images" / name) for name, _ in official_test_files(DATASET, count, seed=9)]
    repetitions = [run_once(paths) for _ in range(args.repetitions)]
    result = {key: median_of(repetitions, key) for key in ("seconds", "images_per_s", "peak_rss_mib")}
    result |= {"images": count, "scored": repetitions[0]["scored"], "refused": repetitions[0]["refused"],
               "repetitions": repetitions}
    write_result("throughput", result)
    print_table(f"facescore score --json on {count} official-test images (median of {args.repetitions})",
                ("images", "wall s", "images/s", "peak RSS MiB", "scored / refused"),
                [(count, f"{result['seconds']:.1f}", f"{result['images_per_s']:.1f}",
                  f"{result['peak_rss_mib']:.0f}", f"{result['scored']} / {result['refused']}")])


if __name__ == "__main__":
    main()
