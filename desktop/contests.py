"""Where contest files live: one SQLite file per contest in ``<data dir>/contests``."""

from __future__ import annotations

import re
from pathlib import Path

CONTEST_SUFFIX = ".sqlite"


def contests_folder(data_dir: Path) -> Path:
    folder = Path(data_dir) / "contests"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def new_contest_path(folder: Path, name: str) -> Path:
    """A file name made from the contest name (any script), never one that exists."""
    stem = re.sub(r"[^\w-]+", "-", name, flags=re.UNICODE).strip("-_")[:60] or "contest"
    path = folder / f"{stem}{CONTEST_SUFFIX}"
    counter = 2
    while path.exists():
        path = folder / f"{stem}-{counter}{CONTEST_SUFFIX}"
        counter += 1
    return path


def latest_contest(folder: Path) -> Path | None:
    """The most recently changed contest file in ``folder``."""
    files = [path for path in folder.glob(f"*{CONTEST_SUFFIX}") if path.is_file()]
    return max(files, key=lambda path: path.stat().st_mtime, default=None)
