"""``facescore``: score images, run a contest from the command line, train and evaluate models."""

from __future__ import annotations

import argparse
import sys

from cli import contest, score, tabulate
from core.errors import FaceScoreError
from core.logs import start_logging
from training import cli as training_cli

COMMAND_GROUPS = (score, contest, tabulate, training_cli)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="facescore", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for group in COMMAND_GROUPS:
        group.add_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a Chinese file name on a cp1252 console: escaped, not a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    args = build_parser().parse_args(argv)
    start_logging(None)  # progress and warnings to stderr; results to stdout
    try:
        return args.handler(args)
    except FaceScoreError as error:  # a command without its own message for it: the reason, not a traceback
        print(f"facescore: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
