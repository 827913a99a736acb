"""Finalize/reopen, the audit log, backups, photo deletion, and the contest file under the app."""

import os
import shutil
import sqlite3
import tempfile

import pytest

from core.backups import BACKUPS_KEPT, backup_files, backups_folder, delete_contest
from core.contest import Capture, Contestant, ValidationError
from core.errors import StoreError
from core.store import EVERYTHING, ContestStore

# A face thumbnail's signature and bytes, small enough to lie in one database page (a larger one is
# split across overflow pages, so its bytes would not appear in the file in one piece).
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


def capture(contestant_id, score=3.5, source="camera", png=PNG):
    return Capture(None, contestant_id, score, 0.29, 4, 70.0, "v1", 0.05, 8, png,
                   "2026-11-28T10:00:00+00:00", source)


@pytest.fixture
def store(tmp_path):
    with ContestStore(tmp_path / "contest.sqlite") as opened:
        opened.judge_name = "Judge Lin"
        yield opened


def test_every_change_is_refused_while_finalized_until_reopened(store):
    ann = store.add_contestant(Contestant(None, "1", "Ann", "小姐組"))
    store.add_removed = store.add_contestant(Contestant(None, "2", "Bea"))
    store.remove_contestant(store.add_removed.id)
    store.finalize()
    assert store.finalized
    changes = [
        lambda: store.add_contestant(Contestant(None, "3", "Cy")),
        lambda: store.import_contestants([Contestant(None, "4", "Dee")]),
        lambda: store.update_contestant(Contestant(ann.id, "1", "Ann Lee")),
        lambda: store.remove_contestant(ann.id),
        lambda: store.restore_contestant(store.add_removed.id),
        lambda: store.add_capture(capture(ann.id)),
        lambda: setattr(store, "contest_name", "Other"),
        lambda: setattr(store, "judge_name", "Someone else"),  # the audit rows would credit them after
        store.finalize,
    ]
    for change in changes:
        with pytest.raises(StoreError) as refused:
            change()
        assert refused.value.code in ("contest_finalized", "contest_already_finalized")
    assert store.contestants() == [ann] and store.current_captures() == {} and store.judge_name == "Judge Lin"
    store.judge_name = " Judge Lin "  # the same name again changes nothing
    for head_judge, reason, code in (("", "a mistyped mark", "reopen_head_judge_missing"),
                                     ("Head Judge Chen", " ", "reopen_reason_missing")):
        with pytest.raises(ValidationError) as unexplained:
            store.reopen(head_judge, reason)
        assert unexplained.value.code == code
    assert store.finalized and store.audit_log()[-1].action == "finalized"
    store.reopen("Head Judge Chen", "a mistyped mark")
    assert not store.finalized
    assert store.audit_log()[-1].after == {"head_judge": "Head Judge Chen", "reason": "a mistyped mark"}
    store.add_capture(capture(ann.id))
    with pytest.raises(StoreError) as again:
        store.reopen("Head Judge Chen", "again")
    assert again.value.code == "contest_already_open"


def test_audit_log_lists_every_change_with_judge_and_before_after(store, tmp_path):
    ann = store.add_contestant(Contestant(None, "1", "Ann", "小姐組"))
    store.update_contestant(Contestant(ann.id, "1", "Ann Lee", "小姐組"))
    bea, = store.import_contestants([Contestant(None, "2", "陳美麗", "青少年組")])
    store.remove_contestant(bea.id)
    store.restore_contestant(bea.id)
    first = store.add_capture(capture(ann.id, 3.5))
    second = store.add_capture(capture(ann.id, 3.9))
    store.add_capture(capture(bea.id, 3.2, source="file"))
    with pytest.raises(ValidationError):  # refused: no audit row
        store.add_contestant(Contestant(None, "1", "Dup"))
    store.finalize()
    store.record_export(tmp_path / "results.csv")
    store.reopen("Head Judge Chen", "a mistyped mark")
    log = store.audit_log()
    assert [entry.action for entry in log] == [
        "judge_named", "contestant_added", "contestant_edited", "contestant_imported", "contestant_removed",
        "contestant_restored", "capture", "retake", "photo_import", "finalized", "exported", "reopened"]
    assert all(entry.judge == "Judge Lin" for entry in log)
    assert [entry.at for entry in log] == sorted(entry.at for entry in log)
    edited = log[2]
    assert edited.contestant_id == ann.id
    assert edited.before["name"] == "Ann" and edited.after["name"] == "Ann Lee"
    retake = log[7]
    assert retake.before["capture_id"] == first.id and retake.after["capture_id"] == second.id
    assert retake.after["score"] == 3.9
    assert log[10].after == {"file": str(tmp_path / "results.csv")}


def test_audit_rows_cannot_be_changed_or_deleted(store):
    store.add_contestant(Contestant(None, "1", "Ann"))
    for sql in ("UPDATE audit SET judge = 'someone else'", "DELETE FROM audit"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            store._db.execute(sql)
    assert len(store.audit_log()) == 2


def test_backups_on_finalize_and_export_keep_the_newest_ten(store, tmp_path):
    store.add_contestant(Contestant(None, "1", "Ann"))
    store.finalize()
    for index in range(BACKUPS_KEPT + 2):
        store.record_export(tmp_path / f"r{index}.csv")
    files = backup_files(store.path)
    assert len(files) == BACKUPS_KEPT
    assert files[0].parent == backups_folder(store.path) == tmp_path / "backups" / "contest"
    assert "exported" in files[0].name
    with ContestStore(files[-1]) as copy:
        assert [c.name for c in copy.contestants()] == ["Ann"]


def test_restore_makes_a_new_file_and_never_overwrites(store, tmp_path):
    ann = store.add_contestant(Contestant(None, "1", "Ann"))
    store.add_capture(capture(ann.id))
    backup = store.backup("manual")
    store.add_contestant(Contestant(None, "2", "Bea"))
    target = tmp_path / "restored.sqlite"
    with ContestStore.restore(backup, target) as restored:
        assert [c.name for c in restored.contestants()] == ["Ann"]
        assert restored.audit_log()[-1].action == "restored_from_backup"
    with pytest.raises(StoreError) as refused:
        ContestStore.restore(backup, store.path)
    assert refused.value.code == "restore_target_exists"
    assert [c.name for c in store.contestants()] == ["Ann", "Bea"]


def test_delete_photos_leaves_no_image_bytes_in_the_file_or_its_backups(store):
    ann = store.add_contestant(Contestant(None, "1", "Ann"))
    for score in (3.1, 3.4):
        store.add_capture(capture(ann.id, score))
    store.finalize()  # allowed while finalized, and the backup it made is cleaned too
    assert PNG in store.path.read_bytes() and PNG in backup_files(store.path)[0].read_bytes()
    assert store.delete_photos() == 2
    for path in [store.path, *backup_files(store.path)]:
        data = path.read_bytes()
        assert b"\x89PNG" not in data and PNG[8:72] not in data, path
    assert [k.score for k in store.history(ann.id)] == [3.1, 3.4]
    assert store.audit_log()[-1].action == "photos_deleted"
    assert store.audit_log()[-1].after == {"photos": 2}


def test_delete_contest_removes_the_file_and_its_backups(tmp_path):
    path = tmp_path / "contest.sqlite"
    with ContestStore(path) as store:
        store.backup("closed")
    other = tmp_path / "other.sqlite"
    ContestStore(other).close()
    delete_contest(path)
    assert not path.exists() and not backups_folder(path).exists()
    assert other.exists()


PAGE = 4096


def cut_short(data: bytes, size: int) -> bytes:
    return data[:-size]


def page_zeroed(data: bytes, page: int) -> bytes:
    return data[:page * PAGE] + bytes(PAGE) + data[(page + 1) * PAGE:]


@pytest.mark.parametrize("damage", [
    lambda data: cut_short(data, 1),  # SQLite alone would read the missing byte as zero
    lambda data: cut_short(data, 32 * 1024),
    lambda data: page_zeroed(data, 1),  # a table's page: only a check at opening finds it
], ids=["cut 1 byte", "cut 32 KiB", "page 2 zeroed"])
def test_a_damaged_file_is_refused_at_opening_and_never_overwritten(tmp_path, damage):
    path = tmp_path / "contest.sqlite"
    with ContestStore(path) as store:
        ann = store.add_contestant(Contestant(None, "1", "Ann"))
        for score in range(20):
            store.add_capture(capture(ann.id, 3 + score / 100, png=os.urandom(8192)))
    damaged = damage(path.read_bytes())
    path.write_bytes(damaged)
    with pytest.raises(StoreError) as refused:
        ContestStore(path)
    assert refused.value.code == "contest_damaged"
    assert path.read_bytes() == damaged


def test_reads_after_damage_under_the_app_raise_store_error(tmp_path):
    path = tmp_path / "contest.sqlite"
    store = ContestStore(path)
    ann = store.add_contestant(Contestant(None, "1", "Ann"))
    for score in range(10):
        store.add_capture(capture(ann.id, 3 + score / 100, png=os.urandom(8192)))
    with open(path, "r+b") as file:
        file.truncate(4096)
    with pytest.raises(StoreError):
        store.results()
    store.close()


def test_a_copy_taken_while_open_holds_every_committed_change(store, tmp_path):
    ann = store.add_contestant(Contestant(None, "1", "Ann"))
    store.add_capture(capture(ann.id))
    copy = tmp_path / "usb-stick.sqlite"
    shutil.copyfile(store.path, copy)
    with ContestStore(copy) as copied:
        assert [c.name for c in copied.contestants()] == ["Ann"]
        assert copied.current_captures()[ann.id].score == 3.5
        assert len(copied.audit_log()) == 3


@pytest.mark.parametrize("how", ["moved", "deleted"])
def test_a_file_moved_or_deleted_under_the_app_is_noticed(store, tmp_path, how):
    store.add_contestant(Contestant(None, "1", "Ann"))
    if how == "moved":
        store.path.rename(tmp_path / "elsewhere.sqlite")
    else:
        store.path.unlink()
    for action in (lambda: store.add_contestant(Contestant(None, "2", "Bea")), store.poll):
        with pytest.raises(StoreError) as refused:
            action()
        assert refused.value.code == "contest_file_missing"
    assert not store.path.exists()  # nothing was written at the old place


def test_poll_tells_subscribers_what_another_program_changed(store):
    heard = []
    store.subscribe(heard.append)
    assert store.poll() is False
    store.add_contestant(Contestant(None, "1", "Ann"))  # our own change is not "news"
    assert store.poll() is False
    with ContestStore(store.path) as command_line:
        command_line.add_contestant(Contestant(None, "2", "Bea"))
    assert store.poll() is True and heard[-1] == EVERYTHING
    assert [c.name for c in store.contestants()] == ["Ann", "Bea"]
    assert store.poll() is False


def test_writable_contest_in_a_read_only_folder_gets_the_right_message(tmp_path, monkeypatch):
    path = tmp_path / "contest.sqlite"
    ContestStore(path).close()
    tmp_path.chmod(0o555)
    if os.geteuid() == 0:  # root ignores permission bits; refuse as the system would refuse anyone else
        def refused(**_):
            raise PermissionError(13, "Permission denied")
        monkeypatch.setattr(tempfile, "TemporaryFile", refused)
    try:
        with pytest.raises(StoreError) as refused_open:
            ContestStore(path)
    finally:
        tmp_path.chmod(0o755)
    assert refused_open.value.code == "contest_folder_read_only"
    assert "read-only" in str(refused_open.value) and "damaged" not in str(refused_open.value)


def test_audit_log_exports_as_csv_with_before_and_after(store, tmp_path):
    import pandas as pd

    from core.export import AUDIT_COLUMNS, export_audit

    ann = store.add_contestant(Contestant(None, "1", "=陳美麗"))
    store.update_contestant(Contestant(ann.id, "1", "陳美麗"))
    path = tmp_path / "audit.csv"
    export_audit(store.audit_log(), path, store.contestants())
    table = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert tuple(table.columns) == AUDIT_COLUMNS
    assert table[["number", "name"]].values.tolist() == [["", ""], ["1", "陳美麗"], ["1", "陳美麗"]]  # who, not an id
    assert table["action"].tolist() == ["judge_named", "contestant_added", "contestant_edited"]
    assert table["judge"].tolist() == ["Judge Lin"] * 3
    assert '"name": "陳美麗"' in table["after"][2] and '"=陳美麗"' in table["before"][2]
    assert table["before"][1] == ""
    with pytest.raises(StoreError.__base__) as refused:
        export_audit(store.audit_log(), tmp_path / "audit.xlsx")
    assert refused.value.code == "audit_bad_suffix"
