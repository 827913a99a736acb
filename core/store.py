"""One contest in one SQLite file: contestants, every capture taken, and the contest name.

Each change method is one transaction, committed (WAL, ``synchronous=FULL``)
before it returns; subscribers then receive a :class:`Changes` value.

Removing a contestant hides it and its captures but deletes nothing, so a
removal never destroys a score; its number becomes free for a new contestant.
Restoring it shows it again with every capture, unless its number was taken since.
"""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from core.contest import Capture, Contestant, natural_key, number_key, validate_contestant
from core.criteria import Criterion, criteria_text, criterion_named, validate_criteria, validate_mark, with_advisory
from core.errors import StoreError, ValidationError
from core.tabulation import JudgeSheet

APPLICATION_ID = 0x46534A47  # "FSJG": marks the file as a FaceScore Judge contest
SQLITE_HEADER = b"SQLite format 3\x00"

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
    contest: bool = False  # the contest's own details (its name)


class ContestStore:
    """An open contest file. Safe to share between threads; calls are serialised."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._subscribers: list[Callable[[Changes], None]] = []
        self._lock = threading.RLock()
        self._check_header()
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as error:
            raise StoreError(f"Cannot open contest file {self.path}: {error}") from error
        try:
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
            self._migrate()
        except sqlite3.DatabaseError as error:
            self._db.close()
            raise StoreError(f"{self.path} is damaged or is not a FaceScore contest file "
                             f"({error}).") from error
        except StoreError:
            self._db.close()
            raise

    def _check_header(self) -> None:
        if not self.path.parent.is_dir():
            raise StoreError(f"Cannot create contest file {self.path}: the folder does not exist.")
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not a contest file.")
        if not self.path.exists():
            return
        try:
            with open(self.path, "rb") as file:
                header = file.read(len(SQLITE_HEADER))
        except OSError as error:
            raise StoreError(f"Cannot read contest file {self.path}: {error.strerror}.") from error
        if header and header != SQLITE_HEADER:
            raise StoreError(f"{self.path} is not a FaceScore contest file.")

    def _migrate(self) -> None:
        application_id = self._db.execute("PRAGMA application_id").fetchone()[0]
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        tables = self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if application_id != APPLICATION_ID and (application_id or version or tables):
            raise StoreError(f"{self.path} is an SQLite database but not a FaceScore contest file.")
        if version > len(MIGRATIONS):
            raise StoreError(f"{self.path} was made by a newer version of FaceScore Judge; "
                             "update the app to open it.")
        for target, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self._transaction():
                for statement in script.split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self._db.execute(f"PRAGMA user_version = {target}")

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._lock:
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
                raise StoreError(f"Could not save to {self.path}: {error}.") from error

    def _query(self, sql: str, parameters: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, parameters).fetchall()

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
        rows = self._query("SELECT value FROM meta WHERE key = 'contest_name'")
        return rows[0][0] if rows else ""

    @contest_name.setter
    def contest_name(self, name: str) -> None:
        with self._transaction():
            self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('contest_name', ?)",
                             (name.strip(),))
        self._notify(Changes(contest=True))

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
        with self._transaction():
            stored = self._insert_contestant(contestant, self.contestants())
        self._notify(Changes(contestants=True))
        return stored

    def import_contestants(self, contestants: Iterable[Contestant]) -> list[Contestant]:
        """Store all of ``contestants``, or none if any is invalid."""
        with self._transaction():
            existing = self.contestants()
            stored = []
            for contestant in contestants:
                stored.append(self._insert_contestant(contestant, existing))
                existing.append(stored[-1])
        if stored:
            self._notify(Changes(contestants=True))
        return stored

    def _insert_contestant(self, contestant: Contestant, existing: list[Contestant]) -> Contestant:
        contestant = _tidy(dataclasses.replace(contestant, id=None))
        validate_contestant(contestant, existing)
        cursor = self._db.execute(
            "INSERT INTO contestants (number, number_key, name, division, notes) "
            "VALUES (?, ?, ?, ?, ?)",
            (contestant.number, number_key(contestant.number), contestant.name,
             contestant.division, contestant.notes))
        return dataclasses.replace(contestant, id=cursor.lastrowid)

    def update_contestant(self, contestant: Contestant) -> Contestant:
        """Save edited details of a stored contestant. Raises ValidationError, StoreError."""
        contestant = _tidy(contestant)
        with self._transaction():
            self._require_contestant(contestant.id)
            validate_contestant(contestant, self.contestants())
            self._db.execute(
                "UPDATE contestants SET number = ?, number_key = ?, name = ?, division = ?, "
                "notes = ? WHERE id = ?",
                (contestant.number, number_key(contestant.number), contestant.name,
                 contestant.division, contestant.notes, contestant.id))
        self._notify(Changes(contestants=True))
        return contestant

    def remove_contestant(self, contestant_id: int) -> None:
        """Hide a contestant and its captures (kept in the file, see the module docstring)."""
        with self._transaction():
            self._require_contestant(contestant_id)
            self._db.execute("UPDATE contestants SET removed = 1 WHERE id = ?", (contestant_id,))
        self._notify(Changes(contestants=True, captures=True))

    def restore_contestant(self, contestant_id: int) -> Contestant:
        """Show a removed contestant again, with its captures; the current one stays current.

        Raises ValidationError (field "number") if a contestant now has its number,
        StoreError if ``contestant_id`` is not a removed contestant of this contest.
        """
        with self._transaction():
            row = self._db.execute(f"SELECT {CONTESTANT_COLUMNS} FROM contestants "
                                   "WHERE id = ? AND removed = 1", (contestant_id,)).fetchone()
            if row is None:
                raise StoreError(f"Contestant {contestant_id} is not among the removed contestants.")
            contestant = Contestant(*row)
            taken = self._db.execute("SELECT name FROM contestants WHERE number_key = ? AND removed = 0",
                                     (number_key(contestant.number),)).fetchone()
            if taken is not None:
                raise ValidationError("number", f"Number {contestant.number} is now used by {taken[0]}; give "
                                                f"{taken[0]} another number to restore {contestant.name}.")
            self._db.execute("UPDATE contestants SET removed = 0 WHERE id = ?", (contestant_id,))
        self._notify(Changes(contestants=True, captures=True))
        return contestant

    def _require_contestant(self, contestant_id: int | None) -> None:
        row = self._db.execute("SELECT 1 FROM contestants WHERE id = ? AND removed = 0",
                               (contestant_id,)).fetchone()
        if row is None:
            raise StoreError(f"Contestant {contestant_id} is not in this contest.")

    # -- captures --------------------------------------------------------------

    def add_capture(self, capture: Capture) -> Capture:
        """Store a capture as its contestant's current one; earlier ones stay in the history."""
        with self._transaction():
            self._require_contestant(capture.contestant_id)
            self._db.execute("UPDATE captures SET current = 0 WHERE contestant_id = ? AND current = 1",
                             (capture.contestant_id,))
            stored = dataclasses.replace(capture, current=True)
            values = dataclasses.astuple(stored)[1:]
            cursor = self._db.execute(
                f"INSERT INTO captures ({CAPTURE_COLUMNS.removeprefix('id, ')}) "
                f"VALUES ({', '.join('?' * len(values))})", values)
        self._notify(Changes(captures=True))
        return dataclasses.replace(stored, id=cursor.lastrowid)

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
            name, judge = self.contest_name, self.judge_name
        sheet_marks, faces = {}, {}
        for contestant in contestants:
            key, capture = number_key(contestant.number), captures.get(contestant.id)
            face_score = None if capture is None else capture.score
            sheet_marks[key] = with_advisory(criteria, marks.get(contestant.id, {}), face_score)
            if face_score is not None:
                faces[key] = face_score
        return JudgeSheet(str(self.path), name, judge, criteria, tuple(contestants), sheet_marks, faces)

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
        raise StoreError(f"There is no contest file {path}.", code="contest_file_missing", path=str(path))
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


def _tidy(contestant: Contestant) -> Contestant:
    return dataclasses.replace(contestant, number=contestant.number.strip(),
                               name=contestant.name.strip(), division=contestant.division.strip(),
                               notes=contestant.notes.strip())


def _prefixed(alias: str, columns: str) -> str:
    return ", ".join(f"{alias}.{column}" for column in columns.split(", "))


def _capture(row: tuple) -> Capture:
    return Capture(*row[:-1], current=bool(row[-1]))
