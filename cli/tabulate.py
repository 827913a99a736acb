"""``facescore tabulate``: combine several judges' contest files into one result."""

from __future__ import annotations

import sys
from pathlib import Path

EXIT_MISMATCH = 1
EXIT_ERROR = 2


def add_commands(commands) -> None:
    tabulate = commands.add_parser(
        "tabulate", help="combine several judges' contest files into one result per division",
        description="Reads each judge's contest file of the same contest, lists every mismatch between "
                    "them (and combines nothing if there is one), else averages the judges' marks per "
                    "criterion, ranks each division by the weighted total and writes the result.")
    tabulate.add_argument("files", nargs="+", metavar="FILE", help="a judge's contest file")
    tabulate.add_argument("--out", required=True, metavar="OUT", help="OUT.csv, OUT.xlsx or OUT.pdf")
    tabulate.add_argument("--drop-extremes", action="store_true",
                          help="leave out each criterion's highest and lowest mark (5 judges or more)")
    tabulate.set_defaults(handler=run)


def run(args) -> int:
    from core.errors import FaceScoreError
    from core.store import read_judge_sheet
    from core.tabulation import TabulationError, tabulate
    from core.tabulation_export import export_tabulation, rules_text

    try:
        sheets = [read_judge_sheet(path) for path in args.files]
        tabulation = tabulate(sheets, drop_extremes=args.drop_extremes)
        out = Path(args.out)
        if out.suffix.lower() == ".pdf":
            _export_pdf(tabulation, out)
        else:
            export_tabulation(tabulation, out)
    except TabulationError as error:
        print(f"facescore: {error}", file=sys.stderr)
        return EXIT_MISMATCH if error.mismatches else EXIT_ERROR
    except FaceScoreError as error:
        print(f"facescore: {error}", file=sys.stderr)
        return EXIT_ERROR
    print("\n".join(rules_text(tabulation)))
    print(f"Wrote {out}")
    return 0


def _export_pdf(tabulation, out: Path) -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from desktop.tabulation_report import export_tabulation_pdf

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    export_tabulation_pdf(tabulation, out)
