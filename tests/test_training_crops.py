"""The crop cache: one unreadable dataset image is left out and reported, not fatal."""

import logging
import shutil

import pandas as pd

from training.crops import build_crops, readable_parts

GOOD = ["AF1.jpg", "CM5.jpg"]


def test_a_truncated_image_is_skipped_reported_and_the_cache_still_written(tmp_path, dataset, caplog):
    images = tmp_path / "Images"
    images.mkdir()
    for name in GOOD:
        shutil.copy(dataset / "Images" / name, images / name)
    (images / "AM2.jpg").write_bytes((dataset / "Images" / "AM2.jpg").read_bytes()[:300])
    files = ["AF1.jpg", "AM2.jpg", "CM5.jpg"]
    with caplog.at_level(logging.WARNING, logger="training.crops"):
        crops = build_crops(images, files, tmp_path / "cache")
    assert list(crops["files"]) == GOOD and list(crops["skipped"]) == ["AM2.jpg"]
    assert crops["crops"].shape[0] == 2 and crops["detected"].all()
    assert "AM2.jpg" in caplog.text
    assert len(list((tmp_path / "cache").glob("*.npz"))) == 1
    assert list(build_crops(images, files, tmp_path / "cache")["files"]) == GOOD  # read back from the cache

    parts = {"train": pd.DataFrame({"file": files, "score": [3.0, 2.5, 4.0]})}
    assert readable_parts(parts, crops)["train"]["file"].tolist() == GOOD
