"""Start-up of the desktop app: process start -> window shown, and -> model ready.

    python -m benchmarks.desktop_startup [--quick] [--repetitions N] [--starts N]

Each start launches the real entry point (desktop.app.main) in a fresh process on a fresh data
folder, offscreen. The child reports two moments through the app's own hooks: the first
event-loop turn after MainWindow.show(), and MainWindow.modelStateChanged("ready"), emitted
once the scoring worker has loaded, verified and warmed up the model. Times are measured from
just before the process is spawned. The OS file cache stays warm between starts.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

from benchmarks.common import ROOT, median_of, parse_args, print_table, write_result

STARTS = 5
TIMEOUT_S = 120
CHILD = """
import os, sys, time
from PySide6.QtCore import QTimer
import desktop.main_window as main_window

def show(self, _show=main_window.MainWindow.show):
    _show(self)
    QTimer.singleShot(0, lambda: print("SHOWN", time.time(), flush=True))
    self.modelStateChanged.connect(on_model_state)

def on_model_state(state):
    print("MODEL", state, time.time(), flush=True)
    os._exit(0 if state == "ready" else 1)

main_window.MainWindow.show = show
from desktop.app import main
main(sys.argv[1:])
"""


def one_start() -> tuple[float, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as data_dir:
        started = time.time()
        run = subprocess.run([sys.executable, "-c", CHILD, "--data-dir", data_dir], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    moments = {line.split()[0]: float(line.split()[-1]) for line in run.stdout.splitlines()
               if line.startswith(("SHOWN", "MODEL"))}
    if run.returncode != 0 or moments.keys() != {"SHOWN", "MODEL"}:
        raise RuntimeError(f"the app did not start and load its model:\n{run.stdout}\n{run.stderr[-2000:]}")
    return moments["SHOWN"] - started, moments["MODEL"] - started


def main() -> None:
    args = parse_args(__doc__.splitlines()[0],
                      lambda parser: parser.add_argument("--starts", type=int, default=STARTS))
    repetitions = []
    for _ in range(args.repetitions):
        starts = [one_start() for _ in range(args.starts)]
        repetitions.append({"shown_s": statistics.median(s for s, _ in starts),
                            "model_ready_s": statistics.median(m for _, m in starts),
                            "starts": [{"shown_s": s, "model_ready_s": m} for s, m in starts]})
    result = {key: median_of(repetitions, key) for key in ("shown_s", "model_ready_s")}
    write_result("desktop_startup", {**result, "starts_per_repetition": args.starts,
                                     "repetitions": repetitions})
    print_table(f"python -m desktop start-up, offscreen (median of {args.repetitions} x "
                f"median of {args.starts} starts)", ("moment", "seconds after process start"),
                [("window shown", f"{result['shown_s']:.2f}"), ("model ready", f"{result['model_ready_s']:.2f}")])


if __name__ == "__main__":
    main()
