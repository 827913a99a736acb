"""Start-up of the desktop app: process start -> window shown, and -> model ready.

    python -m benchmarks.desktop_startup [--quick] [--repetitions N] [--starts N]
    python -m benchmarks.desktop_startup --executable dist/FaceScoreJudge/FaceScoreJudge [--cold]

Each start launches the real entry point (desktop.app.main) in a fresh process on a fresh data
folder, offscreen. The child reports two moments through the app's own hooks: the first
event-loop turn after MainWindow.show(), and MainWindow.modelStateChanged("ready"), emitted
once the scoring worker has loaded, verified and warmed up the model. Times are measured from
just before the process is spawned. The OS file cache stays warm between starts.

With --executable, the frozen build (build.spec) is started instead, as a judge's double-click
would: an almost empty environment (a fresh HOME, PATH=/usr/bin:/bin, no virtual environment),
another working directory, and the FACESCORE_EXIT_WHEN_READY=1 hook (desktop/exit_when_ready.py)
printing the same two moments. --cold also evicts every file of the build folder from the OS
file cache before each start (posix_fadvise DONTNEED: no root needed; shared system libraries
such as libc and libGL stay cached). Results go to desktop_startup_frozen[_cold].json.
"""

from __future__ import annotations

import functools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def evict_from_cache(folder: Path) -> None:
    """Drop the folder's files from the OS file cache, so the next start reads them from disk."""
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)  # dirty pages cannot be dropped
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def moments_of(run: subprocess.CompletedProcess, started: float, shown: str, ready: str) -> tuple[float, float]:
    moments = {line.split()[0]: float(line.split()[-1]) for line in run.stdout.splitlines()
               if line.startswith((shown, ready))}
    if run.returncode != 0 or moments.keys() != {shown, ready}:
        raise RuntimeError(f"the app did not start and load its model:\n{run.stdout}\n{run.stderr[-2000:]}")
    return moments[shown] - started, moments[ready] - started


def one_start() -> tuple[float, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as data_dir:
        started = time.time()
        run = subprocess.run([sys.executable, "-c", CHILD, "--data-dir", data_dir], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    return moments_of(run, started, "SHOWN", "MODEL")


def one_frozen_start(executable: Path, cold: bool) -> tuple[float, float]:
    if cold:
        evict_from_cache(executable.parent)
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as elsewhere:
        env = {"HOME": home, "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen",
               "FACESCORE_EXIT_WHEN_READY": "1"}
        started = time.time()
        run = subprocess.run([str(executable)], cwd=elsewhere, env=env, capture_output=True, text=True,
                             timeout=TIMEOUT_S, check=False)
    return moments_of(run, started, "SHOWN", "READY")


def main() -> None:
    def options(parser) -> None:
        parser.add_argument("--starts", type=int, default=STARTS)
        parser.add_argument("--executable", type=Path, help="time this frozen build instead of python -m desktop")
        parser.add_argument("--cold", action="store_true",
                            help="with --executable: evict the build folder from the file cache before each start")

    args = parse_args(__doc__.splitlines()[0], options)
    if args.executable:
        executable = args.executable.resolve()
        start = functools.partial(one_frozen_start, executable, args.cold)
        name, title = "desktop_startup_frozen", f"{executable.name} (frozen build) start-up, offscreen"
        if args.cold:
            name += "_cold"
            title += ", build folder evicted from the file cache before each start"
    else:
        start, name, title = one_start, "desktop_startup", "python -m desktop start-up, offscreen"
    repetitions = []
    for _ in range(args.repetitions):
        starts = [start() for _ in range(args.starts)]
        repetitions.append({"shown_s": statistics.median(s for s, _ in starts),
                            "model_ready_s": statistics.median(m for _, m in starts),
                            "starts": [{"shown_s": s, "model_ready_s": m} for s, m in starts]})
    result = {key: median_of(repetitions, key) for key in ("shown_s", "model_ready_s")}
    extra = {}
    if args.executable:
        shown_path = executable.relative_to(ROOT) if executable.is_relative_to(ROOT) else executable
        extra = {"executable": str(shown_path), "cold": args.cold}
    write_result(name, {**result, **extra, "starts_per_repetition": args.starts, "repetitions": repetitions})
    print_table(f"{title} (median of {args.repetitions} x median of {args.starts} starts)",
                ("moment", "seconds after process start"),
                [("window shown", f"{result['shown_s']:.2f}"), ("model ready", f"{result['model_ready_s']:.2f}")])


if __name__ == "__main__":
    main()
