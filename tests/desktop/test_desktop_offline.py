"""The app and core never open a network socket: a whole workflow runs with sockets forbidden."""

from __future__ import annotations

import socket
import sys

from core.contest import Contestant


def test_workflow_opens_no_socket(qtbot, tmp_path, open_window, camera_folders, monkeypatch):
    attempts = []  # recorded, because a worker thread's exception would not fail the test

    def forbidden(name):
        def refuse(*args, **kwargs):
            attempts.append((name, args[1:] if name.startswith("socket.") else args))
            raise OSError(f"network access attempted: {name}")
        return refuse

    monkeypatch.setattr(socket.socket, "connect", forbidden("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", forbidden("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", forbidden("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", forbidden("getaddrinfo"))

    window = open_window(tmp_path / "data", camera=str(camera_folders[0]))
    assert window.model_ready
    contestant = window.store.add_contestant(Contestant(None, "1", "Offline"))
    qtbot.waitUntil(lambda: window.camera_live, timeout=10_000)
    assert window.select_contestant(contestant.id)
    with qtbot.waitSignal(window.captureStored, timeout=30_000):
        window.capture()
    assert window.admin.export_results(tmp_path / "results.xlsx")
    window.help.show_about().close()
    window.camera_feed.look_for_cameras()
    qtbot.waitUntil(lambda: not window.camera_feed.probe.isRunning(), timeout=20_000)

    assert attempts == []
    assert "PySide6.QtNetwork" not in sys.modules
