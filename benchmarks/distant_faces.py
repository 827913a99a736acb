"""A distant face: how its score in a large frame compares with the same face cropped.

    python -m benchmarks.distant_faces [--quick]

The sample face and official-test SCUT-FBP5500 faces are scaled so that the detector's box
around the face is W px wide and pasted into grey 1920x1080 and 4000x3000 frames. Each frame
goes through ``prepare_face`` with its quality checks, as a capture does; the reference is the
same scaled pixels on their own (the face cropped), so a difference comes from finding the face,
not from its resolution. The control row is the face cropped against the same crop with a grey
border of a quarter of its size: the difference any change of framing makes. Deterministic: run once.
"""

from __future__ import annotations

import statistics

import cv2
import numpy as np

from benchmarks.common import parse_args, print_table, write_result
from core.detection import FaceDetector
from core.faces import FaceQualityError, prepare_face
from core.images import load_image
from core.quality import QualityIssue
from core.scorer import Scorer
from tests.conftest import DATASET, SAMPLE_FACE, official_test_files

FACE_WIDTHS = (48, 56, 64, 72, 80, 100, 120, 150, 200)
FRAMES = ((1080, 1920), (3000, 4000))
SCUT_FACES = 9


def scaled_to_face_width(image: np.ndarray, detector: FaceDetector, face_width: int) -> np.ndarray:
    """``image`` resized so that its face's box is ``face_width`` px wide."""
    scale = face_width / detector.detect(image)[0].width
    size = (round(image.shape[1] * scale), round(image.shape[0] * scale))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA)


def in_frame(patch: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """``patch`` in the middle of a grey frame of ``shape`` (height, width)."""
    frame = np.full((*shape, 3), 128, np.uint8)
    top, left = (shape[0] - patch.shape[0]) // 2, (shape[1] - patch.shape[1]) // 2
    frame[top : top + patch.shape[0], left : left + patch.shape[1]] = patch
    return frame


def outcome(image: np.ndarray, detector: FaceDetector, scorer: Scorer) -> tuple[str, float | None, float]:
    """(verdict, score or None, eye distance) of one capture."""
    try:
        prepared = prepare_face(image, detector)
    except FaceQualityError as error:
        return error.issues[0].value, None, error.report.eye_distance
    return "accepted", scorer.score(prepared.crop).value, prepared.quality.eye_distance


def main() -> None:
    args = parse_args(__doc__.splitlines()[0])
    detector, scorer = FaceDetector(), Scorer()
    count = 2 if args.quick else SCUT_FACES
    faces = [load_image(SAMPLE_FACE)] + [load_image(DATASET / "Images" / name)
                                         for name, _ in official_test_files(DATASET, count, seed=11)]
    rows, table = [], []
    control = []
    for face in faces:
        for width in FACE_WIDTHS:
            patch = scaled_to_face_width(face, detector, width)
            bordered = in_frame(patch, (patch.shape[0] * 3 // 2, patch.shape[1] * 3 // 2))
            (_, a, _), (_, b, _) = outcome(patch, detector, scorer), outcome(bordered, detector, scorer)
            if a is not None and b is not None:
                control.append(abs(a - b))
    table.append(("control: crop with a border", "all", "", "", "", f"{statistics.median(control):.3f}",
                  f"{max(control):.3f}"))
    for shape in FRAMES:
        for width in FACE_WIDTHS:
            verdicts, differences, eyes = [], [], []
            for face in faces:
                patch = scaled_to_face_width(face, detector, width)
                verdict, score, eye = outcome(in_frame(patch, shape), detector, scorer)
                _, reference, _ = outcome(patch, detector, scorer)
                verdicts.append(verdict)
                eyes.append(eye)
                if score is not None and reference is not None:
                    differences.append(abs(score - reference))
            accepted = verdicts.count("accepted")
            counts = {v: verdicts.count(v) for v in sorted(set(verdicts))}
            rows.append({"frame": f"{shape[1]}x{shape[0]}", "face_width": width, "faces": len(faces),
                         "verdicts": counts, "eye_distance_median": statistics.median(eyes),
                         "score_difference": differences})
            table.append((f"{shape[1]}x{shape[0]}", width, f"{statistics.median(eyes):.1f}",
                          f"{accepted}/{len(faces)}",
                          ", ".join(f"{QualityIssue(v).name.lower() if v != 'accepted' else v} {n}"
                                    for v, n in counts.items()),
                          f"{statistics.median(differences):.3f}" if differences else "—",
                          f"{max(differences):.3f}" if differences else "—"))
    write_result("distant_faces", {"face_widths": FACE_WIDTHS, "rows": rows, "control_difference": control})
    print_table(f"Distant faces: {len(faces)} faces (the sample + {count} official-test faces) per row",
                ("frame", "face box width (px)", "eye distance, median (px)", "accepted", "verdicts",
                 "|score − cropped score|, median", "max"), table)


if __name__ == "__main__":
    main()
