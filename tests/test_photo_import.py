"""Photos matched to contestants by file name, scored together per contestant, errors per file."""

import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from core.contest import Contestant
from core.errors import FaceScoreError
from core.faces import QualityIssue
from core.photo_import import (
    PhotosUnusable,
    contestant_for,
    import_photos,
    photo_files,
    photos_error,
    score_photos,
)
from core.store import ContestStore
from tests.conftest import SAMPLE_FACE, official_test_files

CONTESTANTS = [Contestant(1, "12", "Ann"), Contestant(2, "012", "Bea"), Contestant(3, "A7", "Cy"),
               Contestant(4, "3", "Dee")]


@pytest.mark.parametrize("name,number", [("12.jpg", "12"), ("12-front.jpg", "12"), ("012_a.png", "012"),
                                         ("12front.jpg", "12"), ("a7.png", "A7"), ("3.2.jpg", "3"),
                                         ("03 side.JPG", "3")])
def test_the_number_at_the_start_of_the_name_finds_the_contestant(name, number):
    assert contestant_for(Path(name), CONTESTANTS).number == number


@pytest.mark.parametrize("name,code", [("99.jpg", "photo_no_contestant"), ("IMG_0012.jpg", "photo_no_number"),
                                       ("_12.jpg", "photo_no_number"), ("A12.jpg", "photo_no_contestant"),
                                       ("0012 side.JPG", "photo_no_contestant")])  # 12 or 012: not guessed
def test_a_name_without_a_matching_number_is_refused(name, code):
    with pytest.raises(FaceScoreError) as refused:
        contestant_for(Path(name), CONTESTANTS)
    assert refused.value.code == code and name in str(refused.value)


def test_folders_give_their_photos_by_name(tmp_path):
    for name in ("2.jpg", "1.png", "notes.txt"):
        (tmp_path / name).write_bytes(b"x")
    loose = tmp_path / "elsewhere.txt"
    assert photo_files([tmp_path, loose]) == [tmp_path / "1.png", tmp_path / "2.jpg", loose]
    assert photo_files([tmp_path / "2.jpg", tmp_path, tmp_path / "." / "1.png"]) == [tmp_path / "2.jpg",
                                                                                     tmp_path / "1.png"]


def test_photos_none_of_which_is_usable_give_every_reason_and_keep_no_photo_in_memory(tmp_path, detector, scorer):
    blank, damaged = tmp_path / "12-a.png", tmp_path / "12-b.jpg"
    Image.fromarray(np.full((400, 400, 3), 180, np.uint8)).save(blank)
    damaged.write_bytes(b"not a picture" * 20)
    result, errors = score_photos([blank, damaged, blank], detector, scorer)
    assert result is None and list(errors) == [blank, damaged]
    assert all(error.__traceback__ is None for error in errors.values())  # its frames held the decoded photo
    both = photos_error(errors)
    assert isinstance(both, PhotosUnusable) and both.errors == errors and both.params["files"] == "12-a.png, 12-b.jpg"
    assert photos_error({damaged: errors[damaged]}) is errors[damaged]


def test_photos_of_two_people_named_for_one_contestant_are_not_averaged(tmp_path, dataset, detector, scorer):
    """A misnamed file: the photographer's 12-b.jpg is someone else. Averaged, it gave "3.24 ± 1.04";
    like a burst, photos that disagree by more than the score's error are refused, every one of them."""
    labels = sorted(official_test_files(dataset, 200, seed=3), key=lambda pair: pair[1])
    low, high = tmp_path / "12-a.jpg", tmp_path / "12-b.jpg"
    shutil.copy(dataset / "Images" / labels[0][0], low)  # rated lowest and highest of 200
    shutil.copy(dataset / "Images" / labels[-1][0], high)
    result, errors = score_photos([low, high], detector, scorer)
    assert result is None and set(errors) == {low, high}
    refused = photos_error(errors)
    assert refused.code == "photos_disagree" and refused.params["spread"] > refused.params["error"]
    same, _ = score_photos([high, high], detector, scorer)  # one photo named twice: one face, no spread
    assert same is not None and same.spread == 0


def test_photos_are_scored_per_contestant_and_failures_store_nothing(tmp_path, detector, scorer):
    folder = tmp_path / "camera"
    folder.mkdir()
    shutil.copy(SAMPLE_FACE, folder / "12-front.jpg")
    shutil.copy(SAMPLE_FACE, folder / "012_b.jpg")
    Image.fromarray(np.full((400, 400, 3), 180, np.uint8)).save(folder / "3.png")  # no face
    shutil.copy(SAMPLE_FACE, folder / "99.jpg")
    with ContestStore(tmp_path / "contest.sqlite") as store:
        ann = store.add_contestant(Contestant(None, "12", "Ann"))
        dee = store.add_contestant(Contestant(None, "3", "Dee"))
        outcomes = import_photos(store, [folder], detector, scorer)
        assert [o.path.name for o in outcomes] == ["012_b.jpg", "12-front.jpg", "3.png", "99.jpg"]
        both = outcomes[0].capture
        assert both is not None and outcomes[1].capture == both  # one capture from the two photos
        assert both.frames_used == 2 and both.source == "file" and both.crop_png.startswith(b"\x89PNG")
        assert outcomes[2].contestant == dee and outcomes[2].capture is None
        assert outcomes[2].error.issues[0] == QualityIssue.NO_FACE
        assert outcomes[3].contestant is None and outcomes[3].error.code == "photo_no_contestant"
        assert store.current_captures() == {ann.id: both}

        again = import_photos(store, [folder / "12-front.jpg"], detector, scorer)
        assert again[0].capture.frames_used == 1
        assert [k.id for k in store.history(ann.id)] == [both.id, again[0].capture.id]
        assert [e.action for e in store.audit_log()][-2:] == ["photo_import", "photo_import"]


def test_a_missing_file_is_reported_as_missing_whatever_its_name(tmp_path, detector, scorer):
    with ContestStore(tmp_path / "contest.sqlite") as store:
        store.add_contestant(Contestant(None, "12", "Ann"))
        outcomes = import_photos(store, [tmp_path / "missing.jpg", tmp_path / "12-gone.jpg"], detector, scorer)
        assert [(o.error.code, o.contestant, o.capture) for o in outcomes] == [("image_not_found", None, None)] * 2
        assert str(outcomes[0].error) == "missing.jpg: file not found"
        assert store.current_captures() == {}
