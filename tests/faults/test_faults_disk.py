"""Disk full or read-only data folder during a capture and during an export: a clear error,
and nothing saved before is lost or damaged.

Tests run as root, for whom chmod blocks nothing, so the faults are injected: SQLite's own
page limit makes it fail exactly as on a full disk (SQLITE_FULL), a read-only connection
stands in for a read-only folder, and the export's file calls raise ENOSPC / EROFS.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3

import pytest

from core import export
from core.contest import Capture, Contestant
from core.errors import ExportError, StoreError
from core.export import export_rows
from core.ranking import rank
from core.store import ContestStore

pytestmark = pytest.mark.faults

CROP_PNG = b"\x89PNG" + bytes(64 * 1024)  # large enough to need new database pages


def ranked(store: ContestStore):
    return rank(store.results())


def capture(contestant_id: int, score: float) -> Capture:
    return Capture(None, contestant_id, score, 0.29, 4, 60.0, "v1", 0.02, 5, CROP_PNG,
                   "2026-11-28T10:00:00+00:00", "camera")


@pytest.fixture
def saved(tmp_path):
    """A contest with two contestants, one scored, and its results exported to CSV."""
    path = tmp_path / "contest.fsj"
    store = ContestStore(path)
    ann = store.add_contestant(Contestant(None, "1", "Ann"))
    store.add_contestant(Contestant(None, "2", "Bea"))
    first = store.add_capture(capture(ann.id, 3.5))
    results = tmp_path / "results.csv"
    export_rows(ranked(store), results)
    yield store, ann, first, results
    store.close()


def assert_nothing_lost(path, ann, first) -> None:
    with ContestStore(path) as reopened:
        assert reopened.integrity_ok()
        assert [c.name for c in reopened.contestants()] == ["Ann", "Bea"]
        assert reopened.history(ann.id) == [first]
        assert reopened.current_captures()[ann.id] == first


def disk_full(store: ContestStore) -> None:
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")


def read_only(store: ContestStore, monkeypatch) -> None:
    connection = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True, isolation_level=None,
                                 check_same_thread=False)
    monkeypatch.setattr(store, "_db", connection)


@pytest.mark.parametrize("fault, reason", [("disk full", "disk is full"), ("read-only", "readonly")])
def test_capture_refused_with_a_clear_error_and_nothing_lost(saved, monkeypatch, fault, reason):
    store, ann, first, results = saved
    exported = results.read_bytes()
    disk_full(store) if fault == "disk full" else read_only(store, monkeypatch)

    with pytest.raises(StoreError, match=reason) as caught:
        store.add_capture(capture(ann.id, 4.5))  # a retake: its rollback must restore the current one
    assert str(caught.value).startswith(f"Could not save to {store.path}")

    assert store.integrity_ok()
    assert store.current_captures()[ann.id] == first
    export_rows(ranked(store), results)  # the judge can still export
    assert results.read_bytes() == exported
    assert_nothing_lost(store.path, ann, first)


def test_capture_works_again_once_space_is_freed(saved):
    store, ann, first, _ = saved
    disk_full(store)
    with pytest.raises(StoreError):
        store.add_capture(capture(ann.id, 4.5))
    store._db.execute("PRAGMA max_page_count = 1073741823")
    retake = store.add_capture(capture(ann.id, 4.5))
    assert [c.id for c in store.history(ann.id)] == [first.id, retake.id]
    assert store.current_captures()[ann.id].id == retake.id


def failing(error_number: int):
    def fail(*args, **kwargs):
        raise OSError(error_number, os.strerror(error_number))
    return fail


class FullDisk:
    """A file whose writes stop with ENOSPC after ``room`` bytes, like a disk filling up."""

    def __init__(self, descriptor, mode, room: int = 100):
        self._file = open(descriptor, mode)
        self._room = room

    def write(self, data: bytes):
        self._file.write(data[: self._room])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self._file.close()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("owner, name, replacement, message", [
    pytest.param(export, "_create_temporary", failing(errno.EROFS), "the folder {folder} cannot be written to",
                 id="read-only folder"),
    pytest.param(export, "open", FullDisk, "the disk is full", id="disk fills while writing"),
    pytest.param(export.os, "replace", failing(errno.ENOSPC), "the disk is full", id="disk full when renaming"),
])
def test_export_refused_with_a_clear_error_and_previous_file_kept(saved, monkeypatch, suffix, owner, name,
                                                                   replacement, message):
    store, *_ = saved
    path = store.path.parent / f"ranking{suffix}"
    export_rows(ranked(store), path)
    before = path.read_bytes()
    monkeypatch.setattr(owner, name, replacement, raising=name != "open")  # export.open shadows the builtin

    message = message.format(folder=path.parent)
    with pytest.raises(ExportError, match=re.escape(message)) as caught:
        export_rows(ranked(store)[:1], path)
    assert str(caught.value) == f"Could not export to {path}: {message}."
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(".")) == []  # no temp left
