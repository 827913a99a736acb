"""A distant contestant: a small face in a large frame is found at the scale it needs and
scored like the same face cropped (see ``python -m benchmarks.distant_faces`` for the table)."""

import pytest

from benchmarks.distant_faces import in_frame, outcome, scaled_to_face_width
from core.quality import MIN_EYE_DISTANCE_PX

FRAMES = {"1920x1080": (1080, 1920), "4000x3000": (3000, 4000)}


@pytest.fixture(scope="module")
def cropped(detector, scorer, sample_image):
    """Face box width -> (the sample scaled to it, its verdict, score and eye distance on its own)."""
    return {width: (patch, *outcome(patch, detector, scorer))
            for width in (60, 100, 150, 200) for patch in [scaled_to_face_width(sample_image, detector, width)]}


@pytest.mark.parametrize("frame", FRAMES)
def test_the_sample_pasted_whole_into_a_large_frame_is_scored_on_its_face(detector, scorer, sample_image, frame):
    alone = outcome(sample_image, detector, scorer)
    verdict, score, eye_distance = outcome(in_frame(sample_image, FRAMES[frame]), detector, scorer)
    assert verdict == alone[0] == "accepted"
    assert eye_distance == pytest.approx(alone[2], rel=0.1)  # not head and shoulders
    assert score == pytest.approx(alone[1], abs=0.1)


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("width", [100, 150, 200])
def test_distant_face_scores_like_the_same_face_cropped(detector, scorer, cropped, frame, width):
    patch, _, reference, reference_eyes = cropped[width]
    verdict, score, eye_distance = outcome(in_frame(patch, FRAMES[frame]), detector, scorer)
    assert verdict == "accepted"
    assert eye_distance == pytest.approx(reference_eyes, rel=0.1)
    assert score == pytest.approx(reference, abs=0.15)


@pytest.mark.parametrize("frame", FRAMES)
def test_a_60_px_face_is_found_and_called_too_small(detector, scorer, cropped, frame):
    patch, reference_verdict, _, _ = cropped[60]
    verdict, score, eye_distance = outcome(in_frame(patch, FRAMES[frame]), detector, scorer)
    assert verdict == reference_verdict == "face_too_small"
    assert 0.7 * MIN_EYE_DISTANCE_PX < eye_distance < MIN_EYE_DISTANCE_PX
