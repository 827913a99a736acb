"""One contest in one SQLite file: contestants, every capture taken, the contest's details,
and an append-only audit log of every change.

Each change method is one transaction, committed (rollback journal, ``synchronous=FULL``)
before it returns; subscribers then receive a :class:`Changes` value. With a rollback
journal the contest file itself holds every committed change at every moment, so a copy
taken while the app is open (to a USB stick, for the tabulator) is complete.

Every change writes its audit row (time, judge, action, before/after as JSON) in the same
transaction, so there is never a change without its row nor a row without its change;
triggers refuse to edit or delete audit rows. While the contest is finalized, every
change to its results is refused (``contest_finalized``) until it is reopened; exporting,
naming a judge not named yet and deleting photos (a privacy request) stay possible and are
recorded; the name of the judge who finalized does not change.

Removing a contestant hides it and its captures but deletes nothing, so a
removal never destroys a score; its number becomes free for a new contestant.
Restoring it shows it again with every capture, unless its number was taken since.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from core.backups import BACKUPS_KEPT, SIDE_FILES, backup_files, backups_folder
from core.contest import Capture, Contestant, known_division, natural_key, number_key, validate_contestant
from core.criteria import Criterion, criteria_text, criterion_named, validate_criteria, validate_mark, with_advisory
from core.errors import StoreError, ValidationError
from core.tabulation import JudgeSheet

log = logging.getLogger(__name__)
APPLICATION_ID = 0x46534A47  # "FSJG": marks the file as a FaceScore Judge contest
SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100  # the database header; bytes 16-17 hold the page size
BUSY_TIMEOUT_S = 10.0  # another program (the command line) may hold the file for a moment

# MIGRATIONS[i] takes the schema from user_version i to i + 1; append, never edit.
MIGRATIONS = [
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE contestants (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL,
        number_key TEXT NOT NULL,
        name TEXT NOT NULL,
        division TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        removed INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX contestants_number ON contestants (number_key) WHERE removed = 0;
    CREATE TABLE captures (
        id INTEGER PRIMARY KEY,
        contestant_id INTEGER NOT NULL REFERENCES contestants (id),
        score REAL NOT NULL,
        error REAL NOT NULL,
        level INTEGER NOT NULL,
        percentile REAL NOT NULL,
        model_version TEXT NOT NULL,
        spread REAL NOT NULL,
        frames_used INTEGER NOT NULL,
        crop_png BLOB NOT NULL,
        captured_at TEXT NOT NULL,
        source TEXT NOT NULL,
        current INTEGER NOT NULL
    );
    CREATE INDEX captures_contestant ON captures (contestant_id);
    CREATE UNIQUE INDEX captures_current ON captures (contestant_id) WHERE current = 1;
    """,
    """
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        judge TEXT NOT NULL,
        action TEXT NOT NULL,
        contestant_id INTEGER,
        before TEXT,
        after TEXT
    );
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    """,
    """
    CREATE TABLE criteria (
        position INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        weight REAL NOT NULL,
        low REAL NOT NULL,
        high REAL NOT NULL,
        step REAL NOT NULL,
        advisory INTEGER NOT NULL
    );
    CREATE TABLE marks (
        contestant_id INTEGER NOT NULL REFERENCES contestants (id),
        criterion TEXT NOT NULL,
        value REAL NOT NULL,
        PRIMARY KEY (contestant_id, criterion)
    );
    """,
]

CONTESTANT_COLUMNS = "id, number, name, division, notes"
CAPTURE_COLUMNS = ("id, contestant_id, score, error, level, percentile, model_version, spread, "
                   "frames_used, crop_png, captured_at, source, current")


@dataclass(frozen=True)
class Changes:
    """What a committed change touched, so each view refreshes only what it shows."""

    contestants: bool = False
    captures: bool = False
    marks: bool = False  # the criteria or a judge's marks
    contest: bool = False  # the contest's own details (name, judge, finalized)


EVERYTHING = Changes(contestants=True, captures=True, marks=True, contest=True)


@dataclass(frozen=True)
class AuditEntry:
    """One row of the audit log; ``before``/``after`` are what the change replaced and wrote."""

    id: int
    at: str  # ISO-8601, UTC
    judge: str
    action: str  # e.g. "contestant_added", "capture", "retake", "finalized"
    contestant_id: int | None
    before: dict | None
    after: dict | None


class ContestStore:
    """An open contest file. Safe to share between threads; calls are serialised."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._subscribers: list[Callable[[Changes], None]] = []
        self._lock = threading.RLock()
        self._check_file_before_opening()
        try:
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                       check_same_thread=False)
        except sqlite3.Error as error:
            raise StoreError(f"Cannot open contest file {self.path}: {error}", code="contest_open_failed",
                             path=str(self.path), reason=str(error)) from error
        self._identity = _identity(self.path)  # the file sqlite3.connect opened (or created)
        try:
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = DELETE")  # older files used WAL
            self._db.execute("PRAGMA synchronous = FULL")
            self._db.execute("PRAGMA secure_delete = ON")  # freed pages (deleted photos) are zeroed
            self._check_quick()
            self._migrate()
            self._data_version = self._db.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            self._db.close()
            raise StoreError(f"{self.path} is damaged or is not a FaceScore contest file ({error}).",
                             code="contest_damaged", path=str(self.path), reason=str(error)) from error
        except StoreError:
            self._db.close()
            raise
        log.info("contest file %s opened", self.path)

    def _check_file_before_opening(self) -> None:
        folder, path = self.path.parent, str(self.path)
        if not folder.is_dir():
            raise StoreError(f"Cannot create contest file {self.path}: the folder does not exist.",
                             code="contest_folder_missing", path=path)
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not a contest file.", code="contest_is_folder", path=path)
        if not _folder_writable(folder):
            raise StoreError(f"The folder of {self.path} is read-only, so changes to the contest cannot be "
                             "saved there; copy the contest file to a folder you can write to and open it there.",
                             code="contest_folder_read_only", path=path)
        if not self.path.exists():
            return
        try:
            with open(self.path, "rb") as file:
                header = file.read(HEADER_SIZE)
        except OSError as error:
            raise StoreError(f"Cannot read contest file {self.path}: {error.strerror}.",
                             code="contest_unreadable", path=path, reason=error.strerror) from error
        if header and not header.startswith(SQLITE_HEADER):
            raise StoreError(f"{self.path} is not a FaceScore contest file.", code="not_a_contest_file", path=path)
        if header and not self._whole_pages(header):
            reason = "it ends in the middle of a page: cut short while copying?"
            raise StoreError(f"{self.path} is damaged or is not a FaceScore contest file ({reason}).",
                             code="contest_damaged", path=path, reason=reason)
        if not os.access(self.path, os.W_OK):
            raise StoreError(f"{self.path} is read-only, so changes to the contest cannot be saved; "
                             "make the file writable or copy it.", code="contest_file_read_only", path=path)

    def _whole_pages(self, header: bytes) -> bool:
        """SQLite writes whole pages, so a file that ends inside one was cut short; SQLite itself
        would read the missing bytes as zeros. A pending journal may still restore the size."""
        if any(self.path.with_name(self.path.name + side).exists() for side in SIDE_FILES):
            return True
        if len(header) < HEADER_SIZE:
            return False
        page_size = int.from_bytes(header[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        return page_size > 0 and self.path.stat().st_size % page_size == 0

    def _check_quick(self) -> None:
        problems = [row[0] for row in self._db.execute("PRAGMA quick_check").fetchall()]
        if problems != ["ok"]:
            raise sqlite3.DatabaseError("; ".join(problems[:3]))

    def _migrate(self) -> None:
        application_id = self._db.execute("PRAGMA application_id").fetchone()[0]
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        tables = self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if application_id != APPLICATION_ID and (application_id or version or tables):
            raise StoreError(f"{self.path} is an SQLite database but not a FaceScore contest file.",
                             code="foreign_database", path=str(self.path))
        if version > len(MIGRATIONS):
            raise StoreError(f"{self.path} was made by a newer version of FaceScore Judge; "
                             "update the app to open it.", code="contest_too_new", path=str(self.path))
        for target, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self._transaction():
                for statement in _statements(script):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self._db.execute(f"PRAGMA user_version = {target}")

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._lock:
            self.check_file()
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield
                    self._db.execute("COMMIT")
                except BaseException:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                    raise
            except sqlite3.Error as error:  # disk full, file locked or deleted, ...
                raise StoreError(f"Could not save to {self.path}: {error}.", code="contest_save_failed",
                                 path=str(self.path), reason=str(error)) from error
            self._data_version = self._db.execute("PRAGMA data_version").fetchone()[0]

    @contextmanager
    def _change(self) -> Iterator[None]:
        """A transaction that changes the results: refused while the contest is finalized."""
        with self._transaction():
            if self._meta("finalized") == "1":
                raise StoreError("The contest is finalized: reopen it to make changes.", code="contest_finalized")
            yield

    def _query(self, sql: str, parameters: tuple = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._db.execute(sql, parameters).fetchall()
            except sqlite3.Error as error:
                raise StoreError(f"Could not read {self.path}: {error}.", code="contest_read_failed",
                                 path=str(self.path), reason=str(error)) from error

    def _meta(self, key: str) -> str:
        rows = self._query("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else ""

    def _set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def _audit(self, action: str, contestant_id: int | None = None, before: dict | None = None,
               after: dict | None = None) -> None:
        """Append the audit row of a change; call inside that change's transaction."""
        self._db.execute(
            "INSERT INTO audit (at, judge, action, contestant_id, before, after) VALUES (?, ?, ?, ?, ?, ?)",
            (_now_precise(), self._meta("judge_name"), action, contestant_id, _json(before), _json(after)))

    # -- the file under the app ------------------------------------------------

    def check_file(self) -> None:
        """Raise StoreError (``contest_file_missing``) when the file was moved, deleted or replaced
        since it was opened: writing on would lose the changes or damage the file."""
        if _identity(self.path) != self._identity:
            raise StoreError(f"The contest file {self.path} was moved, renamed or deleted while it was open; "
                             "open it again from where it is now.", code="contest_file_missing",
                             path=str(self.path))

    def poll(self) -> bool:
        """Tell the subscribers about changes another program (the command line) committed since
        the last look; True if there were any. Raises StoreError when the file is gone."""
        with self._lock:
            self.check_file()
            version = self._query("PRAGMA data_version")[0][0]
            if version == self._data_version:
                return False
            self._data_version = version
        self._notify(EVERYTHING)
        return True

    # -- notifications ---------------------------------------------------------

    def subscribe(self, callback: Callable[[Changes], None]) -> None:
        """Call ``callback(changes)`` after every committed change."""
        self._subscribers.append(callback)

    def unsubscribe(self, callback: Callable[[Changes], None]) -> None:
        self._subscribers.remove(callback)

    def _notify(self, changes: Changes) -> None:
        for callback in list(self._subscribers):
            callback(changes)

    # -- contest ---------------------------------------------------------------

    @property
    def contest_name(self) -> str:
        return self._meta("contest_name")

    @contest_name.setter
    def contest_name(self, name: str) -> None:
        with self._change():
            before = self._meta("contest_name")
            self._set_meta("contest_name", name.strip())
            self._audit("contest_renamed", before={"name": before}, after={"name": name.strip()})
        self._notify(Changes(contest=True))

    @property
    def judge_name(self) -> str:
        """The judge whose name goes into the audit rows ("" until asked)."""
        return self._meta("judge_name")

    @judge_name.setter
    def judge_name(self, name: str) -> None:
        with self._transaction():
            before = self._meta("judge_name")
            if name.strip() == before:
                return  # the same judge again: no change, no audit row
            if before and self._meta("finalized") == "1":  # the name of the judge who finalized stays
                raise StoreError("The contest is finalized: reopen it to make changes.", code="contest_finalized")
            self._set_meta("judge_name", name.strip())
            self._audit("judge_named", before={"judge": before}, after={"judge": name.strip()})
        self._notify(Changes(contest=True))

    @property
    def finalized(self) -> bool:
        return self._meta("finalized") == "1"

    def incomplete(self) -> tuple[list[Contestant], list[Contestant]]:
        """(contestants without a score, contestants missing a mark of a criterion the judge gives), in
        number order: what finalizing would lock in unfinished."""
        contestants, captures, marks = self.contestants(), self.current_captures(), self.marks()
        given = [criterion.name for criterion in self.criteria if not criterion.advisory]
        unmarked = [c for c in contestants if given and any(name not in marks.get(c.id, {}) for name in given)]
        return [c for c in contestants if c.id not in captures], unmarked

    def finalize(self) -> None:
        """Lock the results (every change refused until :meth:`reopen`), then back up the file."""
        self._set_finalized(True)
        self.backup("finalized")

    def reopen(self, head_judge: str, reason: str) -> None:
        """Allow changes again after :meth:`finalize`. Finalized results are the signed ones, which
        change only with the head judge's consent: who gave it and why go into the audit log."""
        if not head_judge.strip():
            raise ValidationError("head_judge", "Reopening needs the head judge's name.",
                                  code="reopen_head_judge_missing")
        if not reason.strip():
            raise ValidationError("reason", "Reopening needs its reason.", code="reopen_reason_missing")
        self._set_finalized(False, {"head_judge": head_judge.strip(), "reason": reason.strip()})

    def _set_finalized(self, finalized: bool, record: dict | None = None) -> None:
        with self._transaction():
            if (self._meta("finalized") == "1") == finalized:
                state = "finalized" if finalized else "open"
                raise StoreError(f"The contest is already {state}.", code=f"contest_already_{state}",
                                 path=str(self.path))
            self._set_meta("finalized", "1" if finalized else "0")
            self._audit("finalized" if finalized else "reopened", after=record)
        self._notify(Changes(contest=True))

    def record_export(self, exported: Path) -> None:
        """Record that the results were exported to ``exported``, then back up the file."""
        with self._transaction():
            self._audit("exported", after={"file": str(exported)})
        self.backup("exported")

    def audit_log(self) -> list[AuditEntry]:
        """Every recorded change, oldest first."""
        rows = self._query("SELECT id, at, judge, action, contestant_id, before, after FROM audit ORDER BY id")
        return [AuditEntry(*row[:5], _unjson(row[5]), _unjson(row[6])) for row in rows]

    # -- contestants -----------------------------------------------------------

    def contestants(self) -> list[Contestant]:
        """The contestants not removed, in natural order of their numbers."""
        return self._contestants(removed=False)

    def removed_contestants(self) -> list[Contestant]:
        """The removed contestants, in natural order of their numbers."""
        return self._contestants(removed=True)

    def _contestants(self, removed: bool) -> list[Contestant]:
        rows = self._query(f"SELECT {CONTESTANT_COLUMNS} FROM contestants WHERE removed = ?", (removed,))
        return sorted((Contestant(*row) for row in rows), key=lambda c: natural_key(c.number))

    def add_contestant(self, contestant: Contestant) -> Contestant:
        """Store a new contestant; returns it with its id. Raises ValidationError."""
        with self._change():
            stored = self._insert_contestant(contestant, self.contestants(), "contestant_added")
        self._notify(Changes(contestants=True))
        return stored

    def import_contestants(self, contestants: Iterable[Contestant]) -> list[Contestant]:
        """Store all of ``contestants``, or none if any is invalid."""
        with self._change():
            existing = self.contestants()
            stored = []
            for contestant in contestants:
                stored.append(self._insert_contestant(contestant, existing, "contestant_imported"))
                existing.append(stored[-1])
        if stored:
            self._notify(Changes(contestants=True))
        return stored

    def _insert_contestant(self, contestant: Contestant, existing: list[Contestant], action: str) -> Contestant:
        contestant = _tidy(dataclasses.replace(contestant, id=None))
        contestant = dataclasses.replace(contestant, division=known_division(contestant.division, existing))
        validate_contestant(contestant, existing)
        cursor = self._db.execute(
            "INSERT INTO contestants (number, number_key, name, division, notes) "
            "VALUES (?, ?, ?, ?, ?)",
            (contestant.number, number_key(contestant.number), contestant.name,
             contestant.division, contestant.notes))
        self._audit(action, cursor.lastrowid, after=_contestant_fields(contestant))
        return dataclasses.replace(contestant, id=cursor.lastrowid)

    def update_contestant(self, contestant: Contestant) -> Contestant:
        """Save edited details of a stored contestant. Raises ValidationError, StoreError."""
        contestant = _tidy(contestant)
        with self._change():
            before = self._require_contestant(contestant.id)
            validate_contestant(contestant, self.contestants(),
                                new_number=number_key(contestant.number) != number_key(before.number))
            self._db.execute(
                "UPDATE contestants SET number = ?, number_key = ?, name = ?, division = ?, "
                "notes = ? WHERE id = ?",
                (contestant.number, number_key(contestant.number), contestant.name,
                 contestant.division, contestant.notes, contestant.id))
            self._audit("contestant_edited", contestant.id, _contestant_fields(before),
                        _contestant_fields(contestant))
        self._notify(Changes(contestants=True))
        return contestant

    def remove_contestant(self, contestant_id: int) -> None:
        """Hide a contestant and its captures (kept in the file, see the module docstring)."""
        with self._change():
            before = self._require_contestant(contestant_id)
            self._db.execute("UPDATE contestants SET removed = 1 WHERE id = ?", (contestant_id,))
            self._audit("contestant_removed", contestant_id, before=_contestant_fields(before))
        self._notify(Changes(contestants=True, captures=True))

    def restore_contestant(self, contestant_id: int) -> Contestant:
        """Show a removed contestant again, with its captures; the current one stays current.

        Raises ValidationError (field "number") if a contestant now has its number,
        StoreError if ``contestant_id`` is not a removed contestant of this contest.
        """
        with self._change():
            row = self._db.execute(f"SELECT {CONTESTANT_COLUMNS} FROM contestants "
                                   "WHERE id = ? AND removed = 1", (contestant_id,)).fetchone()
            if row is None:
                raise StoreError(f"Contestant {contestant_id} is not among the removed contestants.",
                                 code="contestant_not_removed", contestant_id=contestant_id)
            contestant = Contestant(*row)
            taken = self._db.execute("SELECT name FROM contestants WHERE number_key = ? AND removed = 0",
                                     (number_key(contestant.number),)).fetchone()
            if taken is not None:
                raise ValidationError("number", f"Number {contestant.number} is now used by {taken[0]}; give "
                                                f"{taken[0]} another number to restore {contestant.name}.",
                                      code="number_taken_since_removal", number=contestant.number,
                                      other=taken[0], name=contestant.name)
            self._db.execute("UPDATE contestants SET removed = 0 WHERE id = ?", (contestant_id,))
            self._audit("contestant_restored", contestant_id, after=_contestant_fields(contestant))
        self._notify(Changes(contestants=True, captures=True))
        return contestant

    def _require_contestant(self, contestant_id: int | None) -> Contestant:
        row = self._db.execute(f"SELECT {CONTESTANT_COLUMNS} FROM contestants WHERE id = ? AND removed = 0",
                               (contestant_id,)).fetchone()
        if row is None:
            raise StoreError(f"Contestant {contestant_id} is not in this contest.", code="contestant_not_found",
                             contestant_id=contestant_id)
        return Contestant(*row)

    # -- captures --------------------------------------------------------------

    def add_capture(self, capture: Capture) -> Capture:
        """Store a capture as its contestant's current one; earlier ones stay in the history.

        Audited as "capture", "retake" (it replaces a current capture) or "photo_import"
        (scored from a photo file)."""
        with self._change():
            self._require_contestant(capture.contestant_id)
            previous = self._db.execute(f"SELECT {CAPTURE_COLUMNS} FROM captures "
                                        "WHERE contestant_id = ? AND current = 1",
                                        (capture.contestant_id,)).fetchone()
            self._db.execute("UPDATE captures SET current = 0 WHERE contestant_id = ? AND current = 1",
                             (capture.contestant_id,))
            stored = dataclasses.replace(capture, current=True)
            values = dataclasses.astuple(stored)[1:]
            cursor = self._db.execute(
                f"INSERT INTO captures ({CAPTURE_COLUMNS.removeprefix('id, ')}) "
                f"VALUES ({', '.join('?' * len(values))})", values)
            stored = dataclasses.replace(stored, id=cursor.lastrowid)
            action = "photo_import" if capture.source == "file" else "retake" if previous else "capture"
            self._audit(action, capture.contestant_id, previous and _capture_fields(_capture(previous)),
                        _capture_fields(stored))
        self._notify(Changes(captures=True))
        log.info("capture %d stored for contestant %d: %.2f (%s, %s)", stored.id, stored.contestant_id,
                 stored.score, action, stored.model_version)
        return stored

    def current_captures(self, removed: bool = False) -> dict[int, Capture]:
        """contestant id → current capture, for contestants not removed (or only removed ones)."""
        rows = self._query(
            f"SELECT {_prefixed('k', CAPTURE_COLUMNS)} FROM captures k "
            "JOIN contestants c ON c.id = k.contestant_id WHERE k.current = 1 AND c.removed = ?",
            (removed,))
        return {capture.contestant_id: capture for capture in map(_capture, rows)}

    def history(self, contestant_id: int) -> list[Capture]:
        """Every capture of a contestant, oldest first; empty for a removed contestant."""
        rows = self._query(
            f"SELECT {_prefixed('k', CAPTURE_COLUMNS)} FROM captures k "
            "JOIN contestants c ON c.id = k.contestant_id "
            "WHERE k.contestant_id = ? AND c.removed = 0 ORDER BY k.id", (contestant_id,))
        return [_capture(row) for row in rows]

    def results(self) -> list[tuple[Contestant, Capture | None]]:
        """Each contestant, in number order, with its current capture or None."""
        with self._lock:
            captures = self.current_captures()
            return [(c, captures.get(c.id)) for c in self.contestants()]

    def delete_photos(self) -> int:
        """Remove every stored face image of the contest and of its backups (scores, errors and
        the audit log stay), then rebuild the files so no image bytes remain; returns how many
        captures had a photo. Allowed while finalized: it changes no result."""
        with self._transaction():
            count = self._db.execute("SELECT count(*) FROM captures WHERE length(crop_png) > 0").fetchone()[0]
            self._db.execute("UPDATE captures SET crop_png = X'' WHERE length(crop_png) > 0")
            self._audit("photos_deleted", after={"photos": count})
        with self._lock:
            try:
                self._db.execute("VACUUM")
            except sqlite3.Error as error:
                raise StoreError(f"Could not save to {self.path}: {error}.", code="contest_save_failed",
                                 path=str(self.path), reason=str(error)) from error
        for backup in backup_files(self.path):
            _delete_photos_in(backup)
        self._notify(Changes(captures=True))
        return count

    # -- criteria and marks (rules in core.criteria) ------------------------------

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        rows = self._query("SELECT name, weight, low, high, step, advisory FROM criteria ORDER BY position")
        return tuple(Criterion(*row[:5], advisory=bool(row[5])) for row in rows)

    def set_criteria(self, criteria: Iterable[Criterion]) -> tuple[Criterion, ...]:
        """Define the contest's criteria. Raises CriteriaError; StoreError (``criteria_locked``)
        once a mark is entered, so every mark is given under the criteria it was meant for."""
        criteria = validate_criteria(criteria)
        with self._change():
            if self._db.execute("SELECT 1 FROM marks LIMIT 1").fetchone():
                raise StoreError("The criteria cannot change once marks are entered.", code="criteria_locked",
                                 path=str(self.path))
            before = self.criteria
            self._db.execute("DELETE FROM criteria")
            self._db.executemany(
                "INSERT INTO criteria (position, name, weight, low, high, step, advisory) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(position, *dataclasses.astuple(c)) for position, c in enumerate(criteria)])
            self._audit("criteria_set", before={"criteria": criteria_text(before)},
                        after={"criteria": criteria_text(criteria)})
        self._notify(Changes(contest=True, marks=True))
        return criteria

    def marks(self) -> dict[int, dict[str, float]]:
        """contestant id → criterion name → the judge's mark, for contestants not removed."""
        rows = self._query("SELECT m.contestant_id, m.criterion, m.value FROM marks m "
                           "JOIN contestants c ON c.id = m.contestant_id WHERE c.removed = 0")
        marks: dict[int, dict[str, float]] = {}
        for contestant_id, criterion, value in rows:
            marks.setdefault(contestant_id, {})[criterion] = value
        return marks

    def set_mark(self, contestant_id: int, criterion: str, value: float | None) -> float | None:
        """Store (or with None, clear) one of the judge's marks; see :meth:`set_marks`."""
        return next(iter(self.set_marks(contestant_id, {criterion: value}).values()))

    def set_marks(self, contestant_id: int, marks: Mapping[str, float | None]) -> dict[str, float | None]:
        """Store (or with None, clear) the judge's marks of one contestant, all or none; returns
        them as stored (rounded to the step), by criterion name. Each change is audited.

        Raises CriteriaError for an unknown criterion or an invalid mark, StoreError while finalized."""
        stored: dict[str, float | None] = {}
        changed = False
        with self._change():
            self._require_contestant(contestant_id)
            criteria = self.criteria
            for criterion, value in marks.items():
                named = criterion_named(criteria, criterion)
                value = None if value is None else validate_mark(named, value)
                stored[named.name] = value
                row = self._db.execute("SELECT value FROM marks WHERE contestant_id = ? AND criterion = ?",
                                       (contestant_id, named.name)).fetchone()
                before = None if row is None else row[0]
                if before == value:
                    continue
                if value is None:
                    self._db.execute("DELETE FROM marks WHERE contestant_id = ? AND criterion = ?",
                                     (contestant_id, named.name))
                else:
                    self._db.execute("INSERT OR REPLACE INTO marks (contestant_id, criterion, value) "
                                     "VALUES (?, ?, ?)", (contestant_id, named.name, value))
                self._audit("mark_cleared" if value is None else "marked", contestant_id,
                            None if before is None else {named.name: before},
                            None if value is None else {named.name: value})
                changed = True
        if changed:
            self._notify(Changes(marks=True))
        return stored

    def judge_sheet(self) -> JudgeSheet:
        """This file as one judge's sheet for :func:`core.tabulation.tabulate`, the advisory
        criterion (if any) filled from each contestant's current capture."""
        with self._lock:
            criteria, contestants = self.criteria, self.contestants()
            marks, captures = self.marks(), self.current_captures()
            name, judge, finalized = self.contest_name, self.judge_name, self.finalized
        sheet_marks, faces = {}, {}
        for contestant in contestants:
            key, capture = number_key(contestant.number), captures.get(contestant.id)
            face_score = None if capture is None else capture.score
            sheet_marks[key] = with_advisory(criteria, marks.get(contestant.id, {}), face_score)
            if face_score is not None:
                faces[key] = face_score
        return JudgeSheet(str(self.path), name, judge, criteria, tuple(contestants), sheet_marks, faces, finalized)

    # -- backups ---------------------------------------------------------------

    def backup(self, reason: str) -> Path:
        """Copy the contest with SQLite's online backup API into its backups folder (see
        :mod:`core.backups`), keeping the newest ``BACKUPS_KEPT``; returns the copy's path."""
        folder = backups_folder(self.path)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        target = folder / f"{self.path.stem}-{stamp}-{reason}{self.path.suffix}"
        with self._lock:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                _copy_database(self._db, target)
            except (OSError, sqlite3.Error) as error:
                raise StoreError(f"Could not back up {self.path} to {folder}: {error}.", code="backup_failed",
                                 path=str(self.path), folder=str(folder), reason=str(error)) from error
        for old in backup_files(self.path)[BACKUPS_KEPT:]:
            old.unlink(missing_ok=True)
        return target

    @classmethod
    def restore(cls, backup: Path, target: Path) -> ContestStore:
        """Open a new contest file ``target`` (which must not exist) made from ``backup``; the
        restore is the first entry the new file's audit log adds. Never touches any other file."""
        if target.exists():
            raise StoreError(f"{target} already exists.", code="restore_target_exists", path=str(target))
        try:
            source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
            try:
                _copy_database(source, target)
            finally:
                source.close()
        except (OSError, sqlite3.Error) as error:
            raise StoreError(f"Could not restore the backup {backup}: {error}.", code="restore_failed",
                             path=str(backup), reason=str(error)) from error
        store = cls(target)
        with store._transaction():
            store._audit("restored_from_backup", after={"backup": str(backup)})
        return store

    # -- file ------------------------------------------------------------------

    def integrity_ok(self) -> bool:
        return self._query("PRAGMA integrity_check") == [("ok",)]

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> ContestStore:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def read_judge_sheet(path: str | Path) -> JudgeSheet:
    """A judge's contest file (e.g. on a USB stick) as their sheet for the tabulation, read from a
    private copy: the judge's file is never changed (not even migrated) and may be read-only."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"There is no contest file {path}.", code="no_contest_file", path=str(path))
    with tempfile.TemporaryDirectory(prefix="facescore-sheet-") as folder:
        copy = Path(folder) / path.name
        try:
            for suffix in ("", "-wal"):  # a file last written by a version that kept changes in a WAL
                if Path(f"{path}{suffix}").exists():
                    shutil.copyfile(f"{path}{suffix}", f"{copy}{suffix}")
        except OSError as error:
            raise StoreError(f"Cannot read contest file {path}: {error.strerror}.", code="contest_unreadable",
                             path=str(path), reason=error.strerror) from error
        try:
            with ContestStore(copy) as store:
                return dataclasses.replace(store.judge_sheet(), source=str(path))
        except StoreError as error:
            raise StoreError(str(error).replace(str(copy), str(path)), code=error.code,
                             **{**error.params, "path": str(path)}) from error


def _statements(script: str) -> Iterator[str]:
    """The SQL statements of ``script``; a trigger's body keeps its own semicolons."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending
            pending = ""


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _folder_writable(folder: Path) -> bool:
    """Whether files can be created in ``folder`` (tried, since permission bits do not tell for
    read-only media, network shares or the administrator)."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def _copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy ``source`` to ``target`` atomically with the online backup API."""
    temporary = target.with_name(f".{target.name}.tmp")
    copy = sqlite3.connect(temporary)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
    os.replace(temporary, target)


def _delete_photos_in(path: Path) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA secure_delete = ON")
        db.execute("UPDATE captures SET crop_png = X'' WHERE length(crop_png) > 0")
        db.execute("VACUUM")
    finally:
        db.close()


def _now_precise() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _json(value: dict | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _unjson(text: str | None) -> dict | None:
    return None if text is None else json.loads(text)


def _contestant_fields(contestant: Contestant) -> dict:
    return {"number": contestant.number, "name": contestant.name, "division": contestant.division,
            "notes": contestant.notes}


def _capture_fields(capture: Capture) -> dict:
    return {"capture_id": capture.id, "score": round(capture.score, 4), "error": round(capture.error, 4),
            "level": capture.level, "percentile": round(capture.percentile, 2), "model": capture.model_version,
            "source": capture.source, "captured_at": capture.captured_at}


def _tidy(contestant: Contestant) -> Contestant:
    return dataclasses.replace(contestant, number=contestant.number.strip(),
                               name=contestant.name.strip(), division=contestant.division.strip(),
                               notes=contestant.notes.strip())


def _prefixed(alias: str, columns: str) -> str:
    return ", ".join(f"{alias}.{column}" for column in columns.split(", "))


def _capture(row: tuple) -> Capture:
    return Capture(*row[:-1], current=bool(row[-1]))
