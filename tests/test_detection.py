import cv2
import numpy as np

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
