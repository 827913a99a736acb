"""A scripted judging session for the SIGKILL test: it drives core.store and prints
``CONFIRMED contestant <id>`` / ``CONFIRMED capture <id> <contestant id>`` after each store
method has returned, until killed (or after MAX_SECONDS, should nobody kill it).

    python tests/faults/store_session.py CONTEST_FILE SESSION
"""

from __future__ import annotations

import itertools
import sys
import time

from core.contest import Capture, Contestant, utc_now
from core.store import ContestStore

CAPTURES_PER_CONTESTANT = 3  # a first take and two retakes
CROP_PNG = bytes(range(256)) * 32  # 8 KiB, about the size of a stored face thumbnail
MAX_SECONDS = 30.0


def main(path: str, session: str) -> None:
    deadline = time.monotonic() + MAX_SECONDS
    with ContestStore(path) as store:
        for index in itertools.count():
            if time.monotonic() > deadline:
                return
            contestant = store.add_contestant(Contestant(None, f"{session}-{index}", f"Contestant {index}"))
            print(f"CONFIRMED contestant {contestant.id}", flush=True)
            for take in range(CAPTURES_PER_CONTESTANT):
                capture = store.add_capture(Capture(None, contestant.id, 3.0 + take / 10, 0.29, 4, 55.0,
                                                    "fault-test", 0.02, 5, CROP_PNG, utc_now(), "camera"))
                print(f"CONFIRMED capture {capture.id} {contestant.id}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:3])
