"""Photos from the official photographer's camera, matched to contestants by file name.

A file whose name begins with a contestant's number (``12.jpg``, ``12-front.jpg``, ``012_a.png``)
belongs to that contestant. Each contestant's usable photos are scored together like a camera
burst (their mean) and stored as one new capture; earlier captures stay in the history. A file
without a usable face, or whose name matches no contestant, is reported and stores nothing; so
are a contestant's photos that disagree as a burst's frames may not (one of them someone else's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from core.camera import IMAGE_SUFFIXES
from core.contest import Capture, Contestant, contestant_numbered
from core.errors import FaceScoreError

if TYPE_CHECKING:  # scoring loads the model runtime: imported when a photo is scored, not at start-up
    from core.capture import BurstResult

LEADING_WORD = re.compile(r"[^\W_]+")  # letters and digits up to the first "-", "_", space or "."
LEADING_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class PhotoOutcome:
    """What became of one file: its contestant and stored capture, or the error that stopped it."""

    path: Path
    contestant: Contestant | None = None
    capture: Capture | None = None  # shared by all photos of the contestant scored together
    error: FaceScoreError | None = None


class PhotosUnusable(FaceScoreError):
    """None of several photos of one contestant could be scored; ``errors`` says why, photo by photo."""

    def __init__(self, errors: dict[Path, FaceScoreError]):
        files = ", ".join(path.name for path in errors)
        super().__init__(f"None of the {len(errors)} photos could be used: {files}", code="photos_unusable",
                         count=len(errors), files=files)
        self.errors = errors


class PhotosDisagree(FaceScoreError):
    """The photos given for one contestant score further apart than the score's error: most often one of
    them is someone else's (a misnamed file)."""

    def __init__(self, spread: float, error: float):
        super().__init__(f"The photos disagree (scores spread {spread:.2f}, more than the score's error {error:.2f}): "
                         "are they all of this contestant? Score them one at a time.", code="photos_disagree",
                         spread=spread, error=error)


def photo_files(paths: Iterable[str | Path]) -> list[Path]:
    """``paths`` with each folder replaced by its photos (by name, not recursive), each file once."""
    files: dict[Path, Path] = {}
    for path in map(Path, paths):
        found = sorted((p for p in path.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()),
                       key=lambda p: p.name) if path.is_dir() else [path]
        for file in found:
            files.setdefault(file.resolve(), file)  # a photo named twice (a folder and a file in it) counts once
    return list(files.values())


def not_photos(paths: Iterable[str | Path]) -> list[Path]:
    """The files in the folders among ``paths`` that :func:`photo_files` leaves out by their names (not
    hidden ones): a photographer's RAW or HEIC files, notes; to be named, not silently passed over."""
    return sorted((file for path in map(Path, paths) if path.is_dir() for file in path.iterdir()
                   if file.is_file() and not file.name.startswith(".") and file.suffix.lower() not in IMAGE_SUFFIXES),
                  key=lambda file: file.name)


def contestant_for(path: Path, contestants: Iterable[Contestant]) -> Contestant:
    """The contestant whose number begins the file name. Raises FaceScoreError when none does."""
    word = LEADING_WORD.match(path.stem)
    digits = LEADING_DIGITS.match(path.stem)
    contestant = contestant_numbered(word.group(), contestants, digits.group() if digits else "") if word else None
    if contestant is not None:  # "012", "12front" and "12-front" name contestant 12
        return contestant
    if word is None or not any(character.isdigit() for character in word.group()):  # IMG_4411.jpg, _12.jpg
        raise FaceScoreError(f"{path.name}: the name does not begin with a contestant number",
                             code="photo_no_number", file=path.name)
    number = digits.group() if digits else word.group()
    raise FaceScoreError(f"{path.name}: no contestant has number {number}", code="photo_no_contestant",
                         file=path.name, number=number)


def import_photos(store, paths: Iterable[str | Path], detector, scorer) -> list[PhotoOutcome]:
    """Score and store the photos in ``paths`` (files or folders) for the contestants of ``store``
    (a :class:`core.store.ContestStore`); one outcome per file, in the order given."""
    from core.capture import to_capture
    from core.images import check_file

    files = photo_files(paths)
    contestants = store.contestants()
    outcomes: dict[Path, PhotoOutcome] = {}
    groups: dict[int, list[Path]] = {}
    for path in files:
        try:
            check_file(path)  # a missing file is that, whatever its name
            contestant = contestant_for(path, contestants)
        except FaceScoreError as error:
            outcomes[path] = PhotoOutcome(path, error=error)
            continue
        groups.setdefault(contestant.id, []).append(path)
        outcomes[path] = PhotoOutcome(path, contestant)
    for contestant_id, group in groups.items():
        result, errors = score_photos(group, detector, scorer)
        capture, failed = None, None
        if result is not None:
            try:
                capture = store.add_capture(to_capture(result, contestant_id, "file"))
            except FaceScoreError as error:
                failed = error
        for path in group:
            outcomes[path] = PhotoOutcome(path, outcomes[path].contestant, capture if path not in errors else None,
                                          errors.get(path, failed))
    return [outcomes[path] for path in files]


def score_photos(paths: Iterable[Path], detector, scorer) -> tuple[BurstResult | None, dict[Path, FaceScoreError]]:
    """One score from several photos of one contestant (each once, as :func:`photo_files` gives them), from
    the mean of their usable faces (None when none is, or when they disagree as a burst may not: then
    each is kept out by :class:`PhotosDisagree`), and the error that kept each other photo out."""
    from core.capture import FacesDisagree, score_faces
    from core.images import load_image

    paths = list(paths)
    prepared, errors = [], {}
    for path in paths:
        try:
            prepared.append(scorer.prepare(load_image(path), detector))
        except FaceScoreError as error:
            errors[path] = error.with_traceback(None)  # its frames hold the decoded photo
    if not prepared:
        return None, errors
    try:
        return score_faces(prepared, len(paths), scorer), errors
    except FacesDisagree as disagreement:
        apart = PhotosDisagree(disagreement.params["spread"], disagreement.params["error"])
        return None, errors | dict.fromkeys((path for path in paths if path not in errors), apart)


def photos_error(errors: dict[Path, FaceScoreError]) -> FaceScoreError:
    """What to report when no photo of a contestant was usable: the one error that kept them all out, or
    each photo's."""
    distinct = {id(error): error for error in errors.values()}
    return next(iter(distinct.values())) if len(distinct) == 1 else PhotosUnusable(errors)
