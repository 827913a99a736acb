"""A contest file under attack: cut short, copied while open, moved while open, in a read-only
folder. Each is a StoreError that says what happened, never a raw sqlite3 error."""

import os
import shutil
import tempfile

import pytest

from core.contest import Capture, Contestant
from core.errors import StoreError
from core.store import ContestStore


def capture(contestant_id, photo_bytes=40_000):
    return Capture(None, contestant_id, 3.5, 0.3, 4, 70.0, "v1", 0.05, 8, os.urandom(photo_bytes),
                   "2024-05-01T10:00:00+00:00", "camera", False)


@pytest.fixture
def contest(tmp_path):
    """A closed contest file of a few hundred KiB: two contestants, each with a captured photo."""
    path = tmp_path / "contest.fsj"
    with ContestStore(path) as store:
        for number, name in (("1", "Ann"), ("2", "Bea")):
            store.add_capture(capture(store.add_contestant(Contestant(None, number, name)).id))
    return path


@pytest.mark.parametrize("cut", [1, 32 * 1024], ids=["one byte", "32 KiB"])
def test_a_file_cut_short_is_refused_on_open_as_damaged(contest, cut):
    data = contest.read_bytes()
    contest.write_bytes(data[:-cut])
    with pytest.raises(StoreError) as caught:
        with ContestStore(contest) as store:
            store.results()  # a file that opened must answer, not raise sqlite3.DatabaseError
    assert caught.value.code == "contest_damaged" and "damaged" in str(caught.value)


def test_a_copy_taken_while_the_contest_is_open_holds_every_change(contest, tmp_path):
    with ContestStore(contest) as store:
        cy = store.add_contestant(Contestant(None, "3", "Cy"))
        store.add_capture(capture(cy.id, 1000))
        copy = tmp_path / "usb-stick.fsj"
        shutil.copyfile(contest, copy)  # the file alone, as a copy to a USB stick takes it
        assert not any(contest.with_name(contest.name + side).exists() for side in ("-wal", "-shm"))
    with ContestStore(copy) as copied:
        assert [c.name for c, _ in copied.results()] == ["Ann", "Bea", "Cy"]
        assert all(result is not None for _, result in copied.results())


@pytest.mark.parametrize("how", ["moved", "deleted"])
def test_a_contest_file_moved_or_deleted_while_open_is_noticed(contest, tmp_path, how):
    with ContestStore(contest) as store:
        if how == "moved":
            contest.rename(tmp_path / "elsewhere.fsj")
        else:
            contest.unlink()
        with pytest.raises(StoreError) as caught:
            store.check_file()
        assert caught.value.code == "contest_file_missing"
        with pytest.raises(StoreError):  # and nothing more is written into the lost file
            store.add_contestant(Contestant(None, "9", "Zed"))


def test_a_writable_contest_in_a_read_only_folder_is_not_called_damaged(contest, monkeypatch):
    folder = contest.parent
    real = tempfile.TemporaryFile

    def read_only_folder(*args, dir=None, **kwargs):
        if dir is not None and os.path.samefile(dir, folder):
            raise OSError(30, "Read-only file system")  # EROFS, as on a locked USB stick
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "TemporaryFile", read_only_folder)
    with pytest.raises(StoreError) as caught:
        ContestStore(contest)
    assert caught.value.code == "contest_folder_read_only"
    assert "read-only" in str(caught.value) and "damaged" not in str(caught.value)
