"""``facescore score``: score the face in each image file."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def add_commands(commands) -> None:
    score = commands.add_parser("score", help="score the face in each image")
    score.add_argument("images", nargs="+", metavar="IMAGE")
    score.add_argument("--json", action="store_true", help="one JSON object per line")
    score.add_argument("--model", help="another model: its model_card.json, its .tflite with the card beside "
                                            "it, or their folder")
    score.set_defaults(handler=run)


def run(args) -> int:
    from core.detection import FaceDetector
    from core.errors import FaceScoreError
    from core.images import load_image
    from core.score import percentile_text
    from core.scorer import Scorer, score_image

    try:
        scorer = Scorer(Path(args.model) if args.model else None)
    except FaceScoreError as error:
        print(f"facescore: {error}", file=sys.stderr)
        return 2
    detector = FaceDetector()
    failures = 0
    for path in args.images:
        try:
            score, _ = score_image(load_image(path), detector, scorer)
        except FaceScoreError as error:
            failures += 1
            failure = {"file": path, "error_code": error.code, "error_message": str(error)}
            print(json.dumps(failure, ensure_ascii=False) if args.json else text_line(path, str(error)))
            continue
        if args.json:
            print(json.dumps({"file": path, **score.as_dict()}, ensure_ascii=False))
        else:
            print(text_line(path, score.formatted(), f"level {score.level}",
                            f"higher than {percentile_text(score.percentile)}% of SCUT-FBP5500's rated faces"))
    return 1 if failures else 0


def text_line(*fields: str) -> str:
    """Tab-separated fields on one line: a tab, newline or other control character in a file name
    is written as an escape (\\n, \\t, \\x1b), so one image is always one line."""
    return "\t".join("".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in field)
                     for field in fields)
