import cv2
import numpy as np
import pytest

from core.detection import FaceDetector
from core.images import load_image
from tests.conftest import paste_into_scene


def test_finds_the_sample_face_with_its_eyes_above_its_mouth(detector, sample_image):
    faces = detector.detect(sample_image)
    assert len(faces) == 1
    left, right = faces[0].eyes
    mouth = faces[0].keypoints[3]
    assert left[0] < right[0]
    assert mouth[1] > max(left[1], right[1])
    x0, y0, x1, y1 = faces[0].box
    assert x0 < left[0] < x1 and y0 < mouth[1] < y1


def test_blank_and_noise_images_have_no_face(detector):
    rng = np.random.default_rng(0)
    assert detector.detect(np.full((480, 640, 3), 128, np.uint8)) == []
    assert detector.detect(rng.integers(0, 256, (480, 640, 3), dtype=np.uint8)) == []


def test_two_people_are_two_faces_largest_first(detector, dataset):
    a = load_image(dataset / "Images" / "AF10.jpg")
    b = load_image(dataset / "Images" / "CM20.jpg")
    scene = np.full((720, 1280, 3), 90, np.uint8)
    scene[100:450, 100:450] = a
    # CM20's face fills more of its frame than AF10's: at 200 px it is clearly the smaller one
    scene[250:450, 800:1000] = cv2.resize(b, (200, 200), interpolation=cv2.INTER_AREA)
    faces = detector.detect(scene)
    assert len(faces) == 2
    assert faces[0].width > faces[1].width
    assert faces[0].box[0] < 640 < faces[1].box[0]


def test_close_up_filling_the_frame_is_found(detector, dataset):
    image = load_image(dataset / "Images" / "CM213.jpg")  # missed without the margin pass
    assert len(detector.detect(image)) == 1


def test_face_in_a_wide_scene(detector, dataset):
    face = load_image(dataset / "Images" / "AM100.jpg")
    scene = paste_into_scene(face, np.random.default_rng(3))
    assert len(FaceDetector().detect(scene)) == 1


def test_part_of_a_face_in_a_photographers_frame_is_not_a_second_face(detector, dataset):
    """A 4000x3000 frame, grainy background, the face 564 px: a tile boxed its nose and mouth too
    (a second, "scoreable" face in the middle of the frame, and the capture refused)."""
    scene = np.clip(np.random.default_rng(1).normal(90, 25, (3000, 4000, 3)), 0, 255).astype(np.uint8)
    face = cv2.resize(load_image(dataset / "Images" / "AF1051.jpg"), (792, 792), interpolation=cv2.INTER_LANCZOS4)
    scene[604:1396, 1604:2396] = face
    faces = detector.detect(scene)
    assert len(faces) == 1 and faces[0].width > 500


def test_only_a_box_on_a_faces_nose_and_mouth_is_taken_for_part_of_it():
    from core.detection import Face, _part_of

    def face(box, eyes_y, mouth_y, confidence):
        x0, _, x1, _ = box
        third = (x1 - x0) / 3
        points = [[x0 + third, eyes_y], [x1 - third, eyes_y], [(x0 + x1) / 2, (eyes_y + mouth_y) / 2],
                  [(x0 + x1) / 2, mouth_y], [x0, eyes_y], [x1, eyes_y]]
        return Face(box, np.array(points, np.float32), confidence)

    whole = face((1758, 769, 2326, 1336), 951, 1192, 0.90)  # the photographer's frame above, as detected
    assert _part_of(face((1885, 1019, 2163, 1298), 1103, 1219, 0.56), whole)  # its nose and mouth
    assert not _part_of(face((1885, 1019, 2163, 1298), 1103, 1219, 0.95), whole)  # surer than the face
    assert not _part_of(face((1900, 880, 2178, 1159), 960, 1080, 0.56), whole)  # eyes at the face's eyes
    assert not _part_of(face((2150, 1019, 2428, 1298), 1103, 1219, 0.56), whole)  # a third outside its box


@pytest.mark.parametrize("side", [2400, 2800, 3000])
def test_a_close_up_portrait_is_one_face(detector, dataset, side):
    """A photographer's head-and-shoulders frame, the face 2000-2450 px wide in 4000x3000: tiles too small
    for the face boxed one of its eyes as a face, and the portrait was refused as two faces."""
    scene = np.full((3000, 4000, 3), 90, np.uint8)
    top, left = (3000 - side) // 2, (4000 - side) // 2
    scene[top:top + side, left:left + side] = cv2.resize(load_image(dataset / "Images" / "AF1001.jpg"),
                                                         (side, side), interpolation=cv2.INTER_AREA)
    assert len(detector.detect(scene)) == 1


def test_a_large_frame_shrinks_by_blocks_with_every_pixel_in_its_place():
    """The detector's fast shrink (whole blocks, then the rest) gives what one area resize gives: the
    same picture to a grey level or two, and a bright patch's centre at the same place wherever it is
    in the frame: within 0.1 px each and 0.02 px on average over 16 places (stretching the blocks
    over the frame moves it 0.5 px or more; leaving out the half-pixel offset 0.03-0.13 px on average)."""
    from core.detection import BLOCK_REDUCTION, _shrunk

    rng = np.random.default_rng(3)
    textured = cv2.GaussianBlur(rng.integers(0, 256, (720, 1283, 3), dtype=np.uint8), (0, 0), 4)
    places = [(int(rng.integers(0, 640)), int(rng.integers(0, 1230))) for _ in range(16)]

    def centre(image):
        weight = image[..., 0] - 100.0
        ys, xs = np.indices(weight.shape)
        return np.array(((xs * weight).sum() / weight.sum(), (ys * weight).sum() / weight.sum()))

    for size in ((192, 108), (240, 135), (200, 112), (329, 184)):  # the last: blocks of 3, stretched 0.77
        assert min(1283 // size[0], 720 // size[1]) >= BLOCK_REDUCTION  # the block path
        direct = cv2.resize(textured, size, interpolation=cv2.INTER_AREA).astype(float)
        assert np.abs(_shrunk(textured, size).astype(float) - direct).mean() < 2.0
        errors = []
        for y, x in places:
            patch = np.full((720, 1283, 3), 100, np.float32)
            patch[y : y + 80, x : x + 53] = 255
            errors.append(centre(_shrunk(patch, size)) - centre(cv2.resize(patch, size, interpolation=cv2.INTER_AREA)))
        assert np.abs(errors).max() < 0.1 and np.abs(np.mean(errors, axis=0)).max() < 0.02


def test_scut_images_keep_the_one_resize():
    """The training crops come from SCUT-FBP5500's 350 px images: their shrink, with or without the
    retry margin, stays below the block path, so the block path does not change the training crops."""
    from core.detection import BLOCK_REDUCTION, INPUT_SIZE, RETRY_MARGIN

    for margin in (0.0, RETRY_MARGIN):
        shrunk_to = round(350 * INPUT_SIZE / (350 * (1 + 2 * margin)))
        assert 350 // shrunk_to < BLOCK_REDUCTION


def test_a_second_face_overlapping_the_contestants_box_is_still_a_second_face(detector, dataset):
    """Only the tiles find a small face at the contestant's shoulder, its box a quarter inside hers: it
    is a second face (the capture is refused), not a piece of hers (what a close-up's tiles box)."""
    from core.quality import could_be_the_contestant

    frame = np.full((1080, 1920, 3), 120, np.uint8)
    placed = []
    for name, width, centre in (("AF1001.jpg", 420, None), ("CM101.jpg", 130, "corner")):
        image = load_image(dataset / "Images" / name)
        scale = width / detector.detect(image)[0].width
        image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        box = np.array(detector.detect(image)[0].box)
        if centre is None:
            cx, cy = 960, 600
        else:  # its box a quarter inside the contestant's, at her upper right
            x0, y0, x1, _ = placed[0]
            cx, cy = x1 + width / 4, y0 + width / 4
        left, top = int(cx - (box[0] + box[2]) / 2), int(cy - (box[1] + box[3]) / 2)
        height, span = image.shape[:2]
        frame[max(0, top):top + height, max(0, left):left + span] = image[max(0, -top):, max(0, -left):][
            :1080 - max(0, top), :1920 - max(0, left)]
        placed.append(box + [left, top, left, top])
    faces = detector.detect(frame)
    assert len(faces) == 2 and could_be_the_contestant(faces[1], faces[0], 1920)
