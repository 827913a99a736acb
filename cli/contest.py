"""``facescore contest``: create a contest file, score photos for it, enter a judge's marks and export
the results from the command line, with the same core code and contest files as the app."""

from __future__ import annotations

import sys
from pathlib import Path

from core.score import NATIVE_SCALE, SCALES

EXIT_ERROR = 2


def add_commands(commands) -> None:
    contest = commands.add_parser("contest", help="create a contest file, score photos, enter marks, export results")
    actions = contest.add_subparsers(dest="contest_command", required=True)

    new = actions.add_parser("new", help="create a contest file",
                             description="Creates a new contest file (never overwrites one) with its name, "
                                         "optionally its judging criteria and the judge whose file it is.")
    new.add_argument("file", metavar="FILE", help="the contest file to create (.sqlite)")
    new.add_argument("--name", required=True, help="the contest's name")
    new.add_argument("--criteria", metavar="SPEC",
                     help='criteria with weights adding up to 100, e.g. "Poise=40,Interview=40,Face=20"; '
                          "each may add its range and step: Poise=40:1-100:0.5 (default 1-10 in steps of 0.1)")
    new.add_argument("--advisory", metavar="CRITERION",
                     help="the criterion filled by the advisory face score (1-5 mapped onto its range) "
                          "instead of a judge's mark; by default the face score only stands beside the total")
    new.add_argument("--judge", metavar="NAME", help="the judge whose marks this file holds")
    new.add_argument("--roster", metavar="ROSTER",
                     help="contestants from a roster file (CSV, TXT or XLSX; the same rules as the app's "
                          "import): rows with a problem are named and skipped, and the exit code is 1")
    new.set_defaults(handler=run_new)

    mark = actions.add_parser("mark", help="enter a judge's marks for one contestant",
                              description="Stores the marks (all or none) under the same rules as the marks "
                                          "grid: each within its criterion's range and step, recorded in the "
                                          "audit log, refused while the contest is finalized. An empty VALUE "
                                          "clears a mark.")
    mark.add_argument("file", metavar="FILE", help="the judge's contest file")
    mark.add_argument("number", metavar="NUMBER", help="the contestant's number")
    mark.add_argument("marks", nargs="+", metavar="CRITERION=VALUE", help="e.g. Poise=8.5")
    mark.add_argument("--judge", metavar="NAME",
                      help="the judge marking: names the file's judge if it has none, refused if it holds "
                           "another judge's marks")
    mark.set_defaults(handler=run_mark)

    photos = actions.add_parser(
        "photos", help="score photos from a camera or a folder for the contestants they name",
        description="Each PATH is a photo or a folder of photos. A file whose name begins with a contestant's "
                    "number (12.jpg, 12-front.jpg, 012_a.png) goes to that contestant; several photos of one "
                    "contestant are scored together like a burst and stored as one new capture (earlier "
                    "captures stay in the history). A photo without a usable face, or a name that matches no "
                    "contestant, is reported with the reason and stores nothing. One line per file; exit code "
                    "1 if any file failed.")
    photos.add_argument("file", metavar="FILE", help="the contest file")
    photos.add_argument("paths", nargs="+", metavar="PATH", help="photos or folders of photos")
    photos.add_argument("--json", action="store_true", help="one JSON object per line")
    photos.add_argument("--judge", metavar="NAME",
                        help="the judge recorded in the audit log: names the file's judge if it has none, "
                             "refused if the file is another judge's")
    photos.add_argument("--model", help="another model: its model_card.json, its .tflite with the card "
                                             "beside it, or their folder")
    photos.set_defaults(handler=run_photos)

    results = actions.add_parser(
        "results", help="export the results as the app does (CSV, XLSX or the PDF sheet to sign)",
        description="Writes the ranked results exactly as the app exports them: ranks within each division "
                    "with their ranges, CSV/XLSX grouped by division (XLSX: a sheet per division and All), or "
                    "the PDF results sheet with a page per division and signature lines. Recorded in the "
                    "audit log; the contest is backed up.")
    results.add_argument("file", metavar="FILE", help="the contest file")
    results.add_argument("--out", required=True, metavar="OUT", help="OUT.csv, OUT.xlsx or OUT.pdf")
    results.add_argument("--scale", choices=list(SCALES), default=NATIVE_SCALE.key,
                         help="the scale scores are shown on (default 1-5, the raters' scale)")
    results.add_argument("--model", help="the model the sheet names (its model_card.json, its .tflite with the "
                                         "card beside it, or their folder); default: the bundled one")
    results.set_defaults(handler=run_results)


def run_new(args) -> int:
    from core.criteria import parse_criteria
    from core.errors import FaceScoreError
    from core.store import ContestStore

    path = Path(args.file)
    if path.exists():
        print(f"facescore: {path} already exists; choose a new file name.", file=sys.stderr)
        return EXIT_ERROR
    if args.advisory and not args.criteria:
        print("facescore: --advisory names one of the --criteria.", file=sys.stderr)
        return EXIT_ERROR
    try:
        criteria = parse_criteria(args.criteria, args.advisory) if args.criteria else ()
        with ContestStore(path) as store:
            if args.judge:
                store.judge_name = args.judge
            store.contest_name = args.name
            if criteria:
                store.set_criteria(criteria)
            skipped = _import_roster(store, args.roster) if args.roster else 0
    except FaceScoreError as error:
        path.unlink(missing_ok=True)  # a half-made contest is no contest
        print(f"facescore: {error}", file=sys.stderr)
        return EXIT_ERROR
    print(f"Created {path}: {args.name.strip()}")
    if criteria:
        from core.criteria import criteria_text

        print(f"Criteria: {criteria_text(criteria)}")
    return 1 if skipped else 0


def run_mark(args) -> int:
    from core.contest import contestant_numbered
    from core.criteria import criterion_named, mark_text, parse_mark, printed_text, weighted_total, with_advisory
    from core.errors import FaceScoreError
    from core.store import ContestStore

    path = _existing_contest(args.file)
    if path is None:
        return EXIT_ERROR
    try:
        with ContestStore(path) as store:
            if args.judge:
                _check_judge(store, args.judge)
            contestant = contestant_numbered(args.number, store.contestants(), args.number)  # 7 finds 007
            if contestant is None:
                print(f"facescore: there is no contestant number {args.number} in {path}.", file=sys.stderr)
                return EXIT_ERROR
            criteria = store.criteria
            marks = {}
            for item in args.marks:
                name, equals, text = item.partition("=")
                if not equals:
                    print(f"facescore: write each mark as CRITERION=VALUE, not {item!r}.", file=sys.stderr)
                    return EXIT_ERROR
                criterion = criterion_named(criteria, name)
                marks[criterion.name] = parse_mark(criterion, text) if text.strip() else None
            store.set_marks(contestant.id, marks)
            given = store.marks().get(contestant.id, {})
            capture = store.current_captures().get(contestant.id)
            total = weighted_total(criteria, with_advisory(criteria, given, None if capture is None else capture.score))
    except FaceScoreError as error:
        print(f"facescore: {error}", file=sys.stderr)
        return EXIT_ERROR
    shown = ", ".join(f"{c.name} {mark_text(c, given[c.name])}" for c in criteria if c.name in given) or "no marks"
    print(f"{contestant.number} {contestant.name}: {shown}; total {printed_text(total, 'incomplete')}")
    return 0


def _check_judge(store, judge: str) -> None:
    from core.errors import StoreError

    if not store.judge_name:
        store.judge_name = judge
    elif " ".join(store.judge_name.split()).casefold() != " ".join(judge.split()).casefold():
        raise StoreError(f"{store.path} holds the marks of {store.judge_name}, not {judge.strip()}; each judge "
                         "marks in their own contest file.", code="other_judge", judge=store.judge_name,
                         other=judge.strip())


def _import_roster(store, roster: str) -> int:
    """Import the roster's valid rows; name each skipped row on stderr. Returns how many were skipped."""
    from core.roster import read_roster

    preview = read_roster(roster, [c.number for c in store.contestants()])
    store.import_contestants(row.to_contestant() for row in preview.valid_rows())
    skipped = [row for row in preview.rows if row.problems]
    for row in skipped:
        print(f"facescore: {roster} line {row.line} skipped: {'; '.join(map(str, row.problems))}", file=sys.stderr)
    print(f"Imported {len(preview.valid_rows())} contestants from {roster}")
    if preview.ignored:
        print(f"Not imported (no such field): {', '.join(preview.ignored)}")
    return len(skipped)


def run_photos(args) -> int:
    import json

    from core.detection import FaceDetector
    from core.errors import FaceScoreError
    from core.camera import IMAGE_SUFFIXES
    from core.photo_import import import_photos, not_photos
    from core.score import percentile_text
    from core.scorer import Scorer
    from core.store import ContestStore

    path = _existing_contest(args.file)
    if path is None:
        return EXIT_ERROR
    try:
        scorer = Scorer(Path(args.model) if args.model else None)
        with ContestStore(path) as store:
            if args.judge:
                _check_judge(store, args.judge)
            outcomes = import_photos(store, args.paths, FaceDetector(), scorer)
    except FaceScoreError as error:
        print(f"facescore: {error}", file=sys.stderr)
        return EXIT_ERROR
    for outcome in outcomes:
        contestant, capture, error = outcome.contestant, outcome.capture, outcome.error
        who = {"number": contestant.number, "name": contestant.name} if contestant else {}
        if args.json:
            fields = ({"error_code": error.code, "error_message": str(error)} if error else
                      {**capture.to_score().as_dict(), "photos": capture.frames_used, "capture_id": capture.id})
            print(json.dumps({"file": str(outcome.path), **who, **fields}, ensure_ascii=False))
        elif error:
            print(f"{outcome.path}\t{' '.join(who.values()) or '-'}\tnot stored: {error}")
        else:
            print(f"{outcome.path}\t{contestant.number} {contestant.name}\t{capture.to_score().formatted()}\t"
                  f"level {capture.level}\tpercentile {percentile_text(capture.percentile)}\t"
                  f"from {capture.frames_used} photo{'s' if capture.frames_used > 1 else ''}")
    if skipped := not_photos(args.paths):
        print(f"facescore: left out, not photos by their names ({', '.join(sorted(IMAGE_SUFFIXES))} are): "
              f"{', '.join(file.name for file in skipped)}", file=sys.stderr)
    return 1 if any(outcome.error for outcome in outcomes) else 0


def run_results(args) -> int:
    from core.errors import FaceScoreError
    from core.model_card import ModelCard, card_file
    from core.ranking import rank
    from core.score import SCALES
    from core.store import ContestStore

    path, out = _existing_contest(args.file), Path(args.out)
    if path is None:
        return EXIT_ERROR
    try:
        card = ModelCard.load(card_file(args.model))
        if out.suffix.lower() == ".pdf":
            _start_qt()
        from desktop.results_sheet import export_results

        with ContestStore(path) as store:
            export_results(out, store.contest_name, rank(store.results()), card, SCALES[args.scale],
                           final=store.finalized)
            store.record_export(out)
    except FaceScoreError as error:
        print(f"facescore: {error}", file=sys.stderr)
        return EXIT_ERROR
    print(f"Results written to {out}")
    return 0


def _start_qt() -> None:
    """The PDF sheet is drawn by Qt, which needs an application object (offscreen: no window)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _start_qt.app = QGuiApplication([])  # kept alive while the sheet is drawn


def _existing_contest(file: str) -> Path | None:
    """The contest file the command works on, or None (said on stderr) when there is none."""
    path = Path(file)
    if path.is_file():
        return path
    print(f"facescore: there is no contest file {path}.", file=sys.stderr)
    return None
