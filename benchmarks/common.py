"""What every benchmark shares: repetitions, percentiles, the machine, and the results file."""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
REPETITIONS = 3
QUICK_REPETITIONS = 1


def parse_args(description: str, extra: Callable[[argparse.ArgumentParser], None] | None = None):
    """Common options: ``--repetitions`` and ``--quick`` (one repetition, smaller samples)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--repetitions", type=int, help=f"whole-measurement repetitions (default {REPETITIONS})")
    parser.add_argument("--quick", action="store_true", help="one repetition and smaller samples")
    if extra:
        extra(parser)
    args = parser.parse_args()
    args.repetitions = args.repetitions or (QUICK_REPETITIONS if args.quick else REPETITIONS)
    return args


def summary_ms(seconds: list[float]) -> dict:
    """Median and 95th percentile of one repetition's timings, in milliseconds."""
    ms = np.asarray(seconds) * 1000.0
    return {"median_ms": float(np.median(ms)), "p95_ms": float(np.percentile(ms, 95)), "runs": len(ms)}


def median_of(repetitions: list[dict], key: str) -> float:
    """The median over repetitions of one repetition-level figure (a median of medians)."""
    return float(statistics.median(rep[key] for rep in repetitions))


def machine() -> dict:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                     if line.startswith("MemTotal"))
    return {"nproc": os.cpu_count(), "cpu": model, "ram_gib": round(memory_kb / 2**20, 1),
            "python": platform.python_version(), "load_average": [round(x, 2) for x in os.getloadavg()]}


def write_result(name: str, result: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps({"benchmark": name, "machine": machine(), **result}, indent=2) + "\n")
    return path


def print_table(title: str, header: tuple[str, ...], rows: list[tuple]) -> None:
    """A Markdown table, so the output pastes into benchmarks/README.md as is."""
    print(f"\n{title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(" --- " for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")
