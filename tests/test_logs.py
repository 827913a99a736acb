"""The log file: in the data folder, rotated, and never in the way when the folder cannot be written."""

from __future__ import annotations

import logging

import pytest

from core import logs


@pytest.fixture
def detach():
    yield
    root = logging.getLogger()
    for handler in [handler for handler in root.handlers if getattr(handler, "facescore", False)]:
        root.removeHandler(handler)
        handler.close()


def test_log_file_rotates_and_keeps_a_few_old_ones(tmp_path, monkeypatch, detach):
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.start_logging(tmp_path, console=False)
    assert path == tmp_path / "logs" / "facescore-judge.log"
    for number in range(200):
        logging.getLogger("core.store").info("capture %d stored", number)
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == ["facescore-judge.log", *(f"facescore-judge.log.{n}" for n in range(1, logs.BACKUPS + 1))]
    assert "capture 199 stored" in path.read_text(encoding="utf-8")


def test_starting_again_replaces_the_handlers(tmp_path, detach):
    logs.start_logging(tmp_path / "first", console=False)
    logs.start_logging(tmp_path / "second", console=False)
    logging.getLogger("core").warning("only in the second")
    assert "only in the second" not in (tmp_path / "first" / "logs" / "facescore-judge.log").read_text()
    assert "only in the second" in (tmp_path / "second" / "logs" / "facescore-judge.log").read_text()


def test_an_unwritable_folder_means_no_file_not_a_failure(tmp_path, caplog, detach):
    blocked = tmp_path / "data"
    blocked.write_text("a file where the data folder should be")
    assert logs.start_logging(blocked, console=False) is None
    assert "no log file in" in caplog.text
