"""The installed Qt binding keeps Python's reference counts straight.

PySide6 6.12.0 returns None from void methods, and passes True through signal
emits, without taking a reference; before Python 3.12 (where None and True
are not immortal) the app then aborts after a minute of live preview.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QMutex, QObject, QTimer, Signal

CALLS = 300  # few enough that a broken binding fails the test instead of aborting Python


class Emitter(QObject):
    flag = Signal(bool)


def test_void_calls_and_emits_keep_none_and_true_alive():
    mutex, timer, emitter = QMutex(), QTimer(), Emitter()
    emitter.flag.connect(lambda _value: None)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(CALLS):
        mutex.lock()
        mutex.unlock()
        timer.stop()
        emitter.flag.emit(True)
    assert sys.getrefcount(None) > none_before - CALLS // 10, "void calls lose references to None"
    assert sys.getrefcount(True) > true_before - CALLS // 10, "signal emits lose references to True"
