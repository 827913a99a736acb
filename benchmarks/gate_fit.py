"""Choose the quality gate's thresholds from the robustness benchmark's faces.

    python -m benchmarks.robustness --seed 11      # measures every face (runs/robustness_faces.npz)
    python -m benchmarks.gate_fit                  # thresholds that keep every condition inside the rule
    python -m benchmarks.gate_fit --use max_yaw=10 ...   # how given thresholds do, without the search

Every combination of the candidate thresholds below is tried on the measured faces (a face is
accepted when the gate accepted it with the thresholds it was measured under and it also passes
the candidate ones), fitted on every other face and checked on the rest. Only limits at least as
strict as those the run was measured under can be judged, so measure with core/quality.py's limits
opened up to the loosest candidates; the run records them and the others are left out. Among the combinations that keep every condition inside the rule
(median |delta| <= 0.10 and PC drop <= 0.03 on the accepted faces), the one that accepts the most
faces over all conditions, while still accepting at least 95 % of the clean ones, wins; where no
combination keeps every condition inside, the fewest conditions outside it come first. Check the winner on faces it was not
fitted on: set the thresholds in core/quality.py, then ``python -m benchmarks.robustness --seed 12``.
"""

from __future__ import annotations

import argparse
import itertools
import json

import numpy as np

from benchmarks.common import parse_args, print_table, write_result
from benchmarks.robustness import HEADER, MAX_MEDIAN_DELTA, MAX_PC_DROP, MEASURES, RUNS, table_row, summarise

CANDIDATES = {
    "min_brightness": (45, 60, 70, 80, 90, 100, 110),
    "max_brightness": (232, 215, 200),
    "max_noise": (np.inf, 2.0, 1.6, 1.4, 1.2, 1.0),
    "max_nose_offset": (0.30, 0.20, 0.15),
    "max_yaw": (np.inf, 16, 14, 12, 10),
    "min_eye_distance": (30, 35, 40),
    "min_sharpness": (12, 20, 30, 45),
}
MIN_CLEAN_ACCEPTED = 0.95  # a gate that refuses good photos is no answer


def column(values: np.ndarray, name: str) -> np.ndarray:
    return values[..., MEASURES.index(name)]


def accepted_under(values: np.ndarray, thresholds: dict) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return ((column(values, "passed") == 1.0)
                & (column(values, "brightness") >= thresholds["min_brightness"])
                & (column(values, "brightness") <= thresholds["max_brightness"])
                & (column(values, "noise") <= thresholds["max_noise"])
                & (np.abs(column(values, "nose_offset")) <= thresholds["max_nose_offset"])
                & (np.abs(column(values, "yaw_degrees")) <= thresholds["max_yaw"])
                & (column(values, "eye_distance") >= thresholds["min_eye_distance"])
                & (column(values, "sharpness") >= thresholds["min_sharpness"]))


def violations(values: np.ndarray, labels: np.ndarray, accepted: np.ndarray) -> list[tuple[int, float, float]]:
    """(condition index, median |delta|, PC drop) for every condition outside the rule."""
    clean, scores = column(values[0], "score"), column(values, "score")
    reference = accepted[0]
    out = []
    for index in range(1, len(values)):
        keep = reference & accepted[index]
        if keep.sum() <= 2:
            continue
        delta = float(np.median(np.abs(scores[index, keep] - clean[keep])))
        drop = float(np.corrcoef(clean[keep], labels[keep])[0, 1] - np.corrcoef(scores[index, keep], labels[keep])[0, 1])
        if delta > MAX_MEDIAN_DELTA or drop > MAX_PC_DROP:
            out.append((index, delta, drop))
    return out


def reachable(candidates: dict, measured_with: dict) -> dict:
    """The candidates a run can judge: a face the gate refused was not measured as accepted, so a
    limit looser than the one the run was measured under would look the same as that one."""
    def within(name, value):
        limit = measured_with.get(name)
        return limit is None or (value <= limit if name.startswith("max") else value >= limit)

    return {name: tuple(v for v in values if within(name, v)) for name, values in candidates.items()}


def _threshold(text: str) -> tuple[str, float]:
    name, _, value = text.partition("=")
    if name not in CANDIDATES:
        raise argparse.ArgumentTypeError(f"{name!r} is not a threshold ({', '.join(CANDIDATES)})")
    try:
        return name, float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: the value after {name}= is not a number") from None


def _options(parser) -> None:
    parser.add_argument("--use", nargs="+", metavar="NAME=VALUE", type=_threshold,
                        help="no search: show these thresholds (the rest at their first candidate), "
                             f"names: {', '.join(CANDIDATES)}")


def main() -> None:
    data = np.load(RUNS / "robustness_faces.npz")
    values, labels, conditions = data["values"], data["labels"], list(data["conditions"])
    assert list(data["measures"]) == list(MEASURES), "measured with another version of the benchmark"
    measured_with = json.loads(str(data["gate"])) if "gate" in data else {}
    print("faces measured with model", str(data["model"]) if "model" in data else "(not recorded)",
          "under the limits", measured_with or "(not recorded)")
    candidates = reachable(CANDIDATES, measured_with)
    # fitted on every other face; the rest show how the thresholds do on faces they were not fitted on
    fit, held_out = np.arange(values.shape[1]) % 2 == 0, np.arange(values.shape[1]) % 2 == 1
    chosen = parse_args(__doc__.splitlines()[0], _options).use
    if chosen:
        thresholds = {**{name: values_[0] for name, values_ in CANDIDATES.items()}, **dict(chosen)}
    else:
        thresholds = best_thresholds(values[:, fit], labels[fit], candidates)[0]
    print("thresholds:", {name: float(value) for name, value in thresholds.items()})
    for part, faces in (("fitted faces", fit), ("held-out faces", held_out)):
        accepted = accepted_under(values[:, faces], thresholds)
        broken = violations(values[:, faces], labels[faces], accepted)
        print(f"{part} ({faces.sum()}): clean accepted {accepted[0].mean():.1%}, all conditions "
              f"{accepted.mean():.1%}, conditions outside the rule: {len(broken)}")
        for index, delta, drop in broken:
            print(f"  outside: {conditions[index]}: median |delta| {delta:.3f}, PC drop {drop:.3f}")
    for index, name in enumerate(conditions):
        print(f"  {name}: accepted {accepted[index][accepted[0]].mean():.0%} (held out)")
    rows = gated_rows(values, labels, conditions, thresholds)
    write_result("gate_fit", {"faces": rows[0]["faces"], "thresholds": {k: float(v) for k, v in thresholds.items()},
                              "rows": rows})
    print_table(f"Venue conditions under these thresholds: the {rows[0]['faces']} faces accepted clean "
                "(fitted and held out)",
                HEADER, [table_row(row) for row in rows])


def gated_rows(values: np.ndarray, labels: np.ndarray, conditions: list[str], thresholds: dict) -> list[dict]:
    """The robustness table's rows as the gate with ``thresholds`` would have made them: the
    measures are the same whatever the thresholds, only which faces are accepted changes."""
    gated = values.copy()
    gated[..., MEASURES.index("passed")] = accepted_under(values, thresholds)
    return [summarise(*name.split(" | "), gated[index], gated[0], labels) for index, name in enumerate(conditions)]


def best_thresholds(values: np.ndarray, labels: np.ndarray, candidates: dict = CANDIDATES):
    best = None
    for combination in itertools.product(*candidates.values()):
        thresholds = dict(zip(candidates, combination))
        accepted = accepted_under(values, thresholds)
        broken = violations(values, labels, accepted)
        key = (accepted[0].mean() >= MIN_CLEAN_ACCEPTED, -len(broken), accepted.mean(), accepted[0].mean())
        if best is None or key > best[0]:
            best = (key, thresholds, broken, accepted)
    return best[1:]


if __name__ == "__main__":
    main()
