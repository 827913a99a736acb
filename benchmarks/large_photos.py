"""A photographer's large frame: time to load it and score a contestant small in it.

    python -m benchmarks.large_photos [--quick] [--repetitions N]

The public-domain sample face (512 px, 44 px between the eyes) is pasted at its own size into grey
frames of 12, 45, 108 and 150 megapixels (the last the largest a photo may have), saved as JPEG;
each is then loaded (``core.images.load_image``: full size, since a face shrunk with its frame
would read too small) and scored (``core.scorer.score_image`` with the quality checks), as
``facescore score`` and photo import do. Every frame is timed once per repetition; the table shows
the median over repetitions.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

from benchmarks.common import parse_args, print_table, write_result
from core.detection import FaceDetector
from core.images import load_image
from core.scorer import Scorer, score_image
from tests.conftest import SAMPLE_FACE

FRAMES = ((3000, 4000), (5504, 8256), (9000, 12000), (10000, 15000))  # height, width


def write_frame(folder: Path, size: tuple[int, int], face: np.ndarray) -> Path:
    height, width = size
    frame = np.full((height, width, 3), 128, np.uint8)
    top, left = height // 2, width // 2
    frame[top : top + face.shape[0], left : left + face.shape[1]] = face
    path = folder / f"{width}x{height}.jpg"
    Image.fromarray(frame).save(path, quality=90)
    return path


def main() -> None:
    args = parse_args(__doc__.splitlines()[0])
    frames = FRAMES[:2] if args.quick else FRAMES
    detector, scorer = FaceDetector(), Scorer()
    face = load_image(SAMPLE_FACE)
    timings: dict[str, dict[str, list[float]]] = {}
    found: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as folder:
        paths = [write_frame(Path(folder), size, face) for size in frames]
        for _ in range(args.repetitions):
            for path in paths:
                started = time.perf_counter()
                image = load_image(path)
                loaded = time.perf_counter()
                score, prepared = score_image(image, detector, scorer)
                scored = time.perf_counter()
                entry = timings.setdefault(path.stem, {"load": [], "score": []})
                entry["load"].append(loaded - started)
                entry["score"].append(scored - loaded)
                found[path.stem] = {"megapixels": round(image.shape[0] * image.shape[1] / 1e6, 1),
                                    "eye_distance_px": round(prepared.quality.eye_distance, 1),
                                    "score": round(score.value, 2), "error": round(score.error, 2)}
    rows = {name: {**found[name], **{f"{stage}_median_ms": 1000 * statistics.median(seconds)
                                     for stage, seconds in entry.items()}, "repetitions": len(entry["load"])}
            for name, entry in timings.items()}
    write_result("large_photos", {"frames": rows})
    print_table(f"A photographer's frame with a face of 44 px between the eyes: median of {args.repetitions}",
                ("frame", "megapixels", "eyes found px", "score", "load ms", "score ms"),
                [(name, row["megapixels"], row["eye_distance_px"], f"{row['score']:.2f} ± {row['error']:.2f}",
                  f"{row['load_median_ms']:.0f}", f"{row['score_median_ms']:.0f}") for name, row in rows.items()])


if __name__ == "__main__":
    main()
