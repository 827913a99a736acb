"""``facescore contest``: create a contest file and enter a judge's marks from the command line."""

from __future__ import annotations

import sys
from pathlib import Path

EXIT_ERROR = 2


def add_commands(commands) -> None:
    contest = commands.add_parser("contest", help="create a contest file, enter a judge's marks")
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
    except FaceScoreError as error:
        path.unlink(missing_ok=True)  # a half-made contest is no contest
        print(f"facescore: {error}", file=sys.stderr)
        return EXIT_ERROR
    print(f"Created {path}: {args.name.strip()}")
    if criteria:
        from core.criteria import criteria_text

        print(f"Criteria: {criteria_text(criteria)}")
    return 0


def run_mark(args) -> int:
    from core.contest import number_key
    from core.criteria import criterion_named, parse_mark, weighted_total, with_advisory
    from core.errors import FaceScoreError
    from core.store import ContestStore

    path = Path(args.file)
    if not path.is_file():
        print(f"facescore: there is no contest file {path}.", file=sys.stderr)
        return EXIT_ERROR
    try:
        with ContestStore(path) as store:
            if args.judge:
                _check_judge(store, args.judge)
            contestant = next((c for c in store.contestants() if number_key(c.number) == number_key(args.number)),
                              None)
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
    shown = ", ".join(f"{c.name} {given[c.name]:g}" for c in criteria if c.name in given) or "no marks"
    print(f"{contestant.number} {contestant.name}: {shown}; total "
          f"{'incomplete' if total is None else f'{total:.2f}'}")
    return 0


def _check_judge(store, judge: str) -> None:
    from core.errors import StoreError

    if not store.judge_name:
        store.judge_name = judge
    elif " ".join(store.judge_name.split()).casefold() != " ".join(judge.split()).casefold():
        raise StoreError(f"{store.path} holds the marks of {store.judge_name}, not {judge.strip()}; each judge "
                         "marks in their own contest file.", code="other_judge", judge=store.judge_name,
                         other=judge.strip())
