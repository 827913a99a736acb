"""Where a contest file's backups live, and deleting a contest with them.

A contest file ``<folder>/<name>.sqlite`` keeps its backups in ``<folder>/backups/<name>/``
(for the app: inside its data folder), named ``<name>-<UTC time>-<reason>.sqlite`` so that
name order is time order. :meth:`core.store.ContestStore.backup` writes them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from core.errors import StoreError

BACKUPS_KEPT = 10
SIDE_FILES = ("-journal", "-wal", "-shm")  # SQLite's companions of a database file


def backups_folder(contest: Path) -> Path:
    return Path(contest).parent / "backups" / Path(contest).stem


def backup_files(contest: Path) -> list[Path]:
    """The contest's backups, newest first."""
    folder = backups_folder(contest)
    files = folder.glob(f"{Path(contest).stem}-*{Path(contest).suffix}") if folder.is_dir() else []
    return sorted(files, key=lambda path: path.name, reverse=True)


def delete_contest(contest: Path) -> None:
    """Delete a (closed) contest file, SQLite's side files and every backup of it."""
    contest = Path(contest)
    try:
        for path in [contest, *(contest.with_name(contest.name + side) for side in SIDE_FILES)]:
            path.unlink(missing_ok=True)
        if backups_folder(contest).exists():
            shutil.rmtree(backups_folder(contest))
    except OSError as error:
        raise StoreError(f"Could not delete {contest}: {error.strerror or error}.", code="delete_contest_failed",
                         path=str(contest), reason=error.strerror or str(error)) from error
