import dataclasses
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from core.contest import Capture, Contestant, ValidationError
from core.errors import StoreError
from core.store import MIGRATIONS, Changes, ContestStore

ROOT = Path(__file__).resolve().parents[1]


def capture(contestant_id, score=3.5, when="2024-05-01T10:00:00+00:00"):
    return Capture(None, contestant_id, score, 0.3, 4, 70.0, "v1", 0.05, 8, b"\x89PNG", when, "camera",
                   False)


@pytest.fixture
def store(tmp_path):
    with ContestStore(tmp_path / "contest.fsj") as opened:
        yield opened


def test_new_file_is_set_up_with_a_rollback_journal_and_schema_version(tmp_path):
    path = tmp_path / "contest.fsj"
    with ContestStore(path) as store:
        assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert store.integrity_ok()
    with ContestStore(path) as again:
        assert again.contestants() == []


def test_contest_name_persists(tmp_path):
    path = tmp_path / "c.fsj"
    with ContestStore(path) as store:
        assert store.contest_name == ""
        store.contest_name = " Miss Taipei 2024 "
    with ContestStore(path) as store:
        assert store.contest_name == "Miss Taipei 2024"


def test_contestants_are_in_natural_number_order(store):
    for number in ["10", "2", "1"]:
        store.add_contestant(Contestant(None, number, f"n{number}"))
    assert [c.number for c in store.contestants()] == ["1", "2", "10"]


def test_add_returns_id_and_trims(store):
    added = store.add_contestant(Contestant(None, " 7 ", " 王小明 ", " A ", ""))
    assert added.id is not None
    assert store.contestants() == [Contestant(added.id, "7", "王小明", "A", "")]


def test_add_rejects_duplicate_number(store):
    store.add_contestant(Contestant(None, "A1", "Ann"))
    with pytest.raises(ValidationError):
        store.add_contestant(Contestant(None, "a 1", "Bea"))
    assert len(store.contestants()) == 1


def test_update_contestant(store):
    ann = store.add_contestant(Contestant(None, "1", "Ann"))
    store.add_contestant(Contestant(None, "2", "Bea"))
    store.update_contestant(Contestant(ann.id, "1", "Ann Lee", "Senior"))
    assert store.contestants()[0] == Contestant(ann.id, "1", "Ann Lee", "Senior", "")
    with pytest.raises(ValidationError):
        store.update_contestant(Contestant(ann.id, "2", "Ann"))
    with pytest.raises(StoreError):
        store.update_contestant(Contestant(999, "9", "Nobody"))


def test_retake_keeps_history_and_moves_current(store):
    ann = store.add_contestant(Contestant(None, "1", "Ann"))
    first = store.add_capture(capture(ann.id, 3.0, "2024-05-01T10:00:00+00:00"))
    second = store.add_capture(capture(ann.id, 3.8, "2024-05-01T10:05:00+00:00"))
    assert second.current and second.id != first.id
    assert store.current_captures() == {ann.id: second}
    history = store.history(ann.id)
    assert [c.score for c in history] == [3.0, 3.8]
    assert [c.current for c in history] == [False, True]
    assert history[0].crop_png == b"\x89PNG"


def test_results_pair_each_contestant_with_current_capture(store):
    ann = store.add_contestant(Contestant(None, "1", "Ann"))
    bea = store.add_contestant(Contestant(None, "2", "Bea"))
    taken = store.add_capture(capture(bea.id))
    assert store.results() == [(ann, None), (bea, taken)]


def test_removed_contestant_and_captures_are_hidden_but_number_is_free(store):
    ann = store.add_contestant(Contestant(None, "1", "Ann"))
    store.add_capture(capture(ann.id))
    store.remove_contestant(ann.id)
    assert store.contestants() == [] and store.current_captures() == {} and store.history(ann.id) == []
    assert store._db.execute("SELECT count(*) FROM captures").fetchone()[0] == 1
    store.add_contestant(Contestant(None, "1", "Cy"))
    with pytest.raises(StoreError):
        store.add_capture(capture(ann.id))
    with pytest.raises(StoreError):
        store.remove_contestant(ann.id)



def test_restore_brings_back_the_contestant_with_its_captures(store):
    ann = store.add_contestant(Contestant(None, "1", "Ann", "Miss"))
    first = store.add_capture(capture(ann.id, 3.0, "2024-05-01T10:00:00+00:00"))
    second = store.add_capture(capture(ann.id, 3.8, "2024-05-01T10:05:00+00:00"))
    store.remove_contestant(ann.id)
    assert store.removed_contestants() == [ann]
    assert store.current_captures(removed=True) == {ann.id: second}
    heard = []
    store.subscribe(heard.append)
    assert store.restore_contestant(ann.id) == ann
    assert heard == [Changes(contestants=True, captures=True)]
    assert store.contestants() == [ann] and store.removed_contestants() == []
    assert store.current_captures() == {ann.id: second}
    assert store.history(ann.id) == [dataclasses.replace(first, current=False), second]


def test_restore_is_refused_while_another_contestant_has_the_number(store):
    ann = store.add_contestant(Contestant(None, "A1", "Ann"))
    store.add_capture(capture(ann.id))
    store.remove_contestant(ann.id)
    cy = store.add_contestant(Contestant(None, "a 1", "Cy"))
    with pytest.raises(ValidationError, match=r"^Number A1 is now used by Cy; give Cy another number "
                                              r"to restore Ann\.$") as raised:
        store.restore_contestant(ann.id)
    assert raised.value.field == "number"
    assert store.contestants() == [cy] and store.removed_contestants() == [ann]
    assert store.current_captures() == {} and store.history(ann.id) == []


def test_restore_needs_a_removed_contestant(store):
    """Restoring a contestant that is not removed, or an unknown id, is a StoreError."""
    ann = store.add_contestant(Contestant(None, "1", "Ann"))
    for contestant_id in (ann.id, 999):
        with pytest.raises(StoreError, match="not among the removed contestants"):
            store.restore_contestant(contestant_id)
    assert store.contestants() == [ann]

def test_import_is_all_or_nothing(store):
    store.add_contestant(Contestant(None, "1", "Ann"))
    with pytest.raises(ValidationError):
        store.import_contestants([Contestant(None, "2", "Bea"), Contestant(None, "3", "Cy"),
                                  Contestant(None, "2", "Dee")])
    assert [c.number for c in store.contestants()] == ["1"]
    stored = store.import_contestants([Contestant(None, "2", "Bea"), Contestant(None, "3", "Cy")])
    assert all(c.id is not None for c in stored)
    assert [c.number for c in store.contestants()] == ["1", "2", "3"]


def test_subscribers_hear_each_committed_change(store):
    heard = []
    store.subscribe(heard.append)
    ann = store.add_contestant(Contestant(None, "1", "Ann"))
    store.add_capture(capture(ann.id))
    store.contest_name = "X"
    with pytest.raises(ValidationError):
        store.add_contestant(Contestant(None, "1", "Dup"))
    store.unsubscribe(heard.append)
    store.remove_contestant(ann.id)
    assert heard == [Changes(contestants=True), Changes(captures=True), Changes(contest=True)]


def test_subscriber_sees_committed_data(store):
    seen = []
    store.subscribe(lambda changes: seen.append(len(store.contestants())))
    store.add_contestant(Contestant(None, "1", "Ann"))
    assert seen == [1]


def test_change_survives_sigkill_right_after_return(tmp_path):
    path = tmp_path / "killed.fsj"
    script = (
        "import os, signal\n"
        "from core.contest import Contestant\n"
        "from core.store import ContestStore\n"
        f"store = ContestStore({str(path)!r})\n"
        "store.add_contestant(Contestant(None, '1', 'Ann'))\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            timeout=60)
    assert result.returncode == -signal.SIGKILL
    with ContestStore(path) as store:
        assert [c.name for c in store.contestants()] == ["Ann"]
        assert store.integrity_ok()


def test_text_file_is_refused(tmp_path):
    path = tmp_path / "notes.fsj"
    path.write_text("hello, this is not a database at all")
    with pytest.raises(StoreError, match="not a FaceScore contest file"):
        ContestStore(path)


def test_other_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE t (x)")
    other.close()
    with pytest.raises(StoreError, match="not a FaceScore contest file"):
        ContestStore(path)


def test_corrupt_file_is_refused(tmp_path):
    path = tmp_path / "contest.fsj"
    with ContestStore(path) as store:
        store.add_contestant(Contestant(None, "1", "Ann"))
    data = bytearray(path.read_bytes())
    data[16:100] = os.urandom(84)  # page size and header fields
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged"):
        ContestStore(path)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "contest.fsj"
    ContestStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(StoreError, match="newer version"):
        ContestStore(path)


def test_missing_folder_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="folder does not exist"):
        ContestStore(tmp_path / "nowhere" / "c.fsj")
