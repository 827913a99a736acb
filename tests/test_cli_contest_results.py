"""``facescore contest new --roster | photos | results``: a contest run from the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
from PIL import Image
from pypdf import PdfReader

from cli.main import main
from core.store import ContestStore
from tests.conftest import SAMPLE_FACE

ROSTER = ("編號,姓名,組別,學校\n1,陳美麗,小姐組,北一女\n2,Alexandra Konstantinopoulou,小姐組,\n3,王小明,青少年組,\n"
          ",No Number,小姐組,\n")


def test_new_photos_results_round_trip(tmp_path, capsys, qapp):
    contest, roster = tmp_path / "contest.sqlite", tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    assert main(["contest", "new", str(contest), "--name", "Miss Taipei 2026", "--roster", str(roster)]) == 1
    out, err = capsys.readouterr()
    assert "Imported 3 contestants" in out and "line 5 skipped" in err  # the row without a number
    assert "Not imported (no such field): 學校" in out

    photos = tmp_path / "camera"
    photos.mkdir()
    shutil.copy(SAMPLE_FACE, photos / "1-front.jpg")
    shutil.copy(SAMPLE_FACE, photos / "01_side.jpg")
    shutil.copy(SAMPLE_FACE, photos / "3.jpg")
    Image.fromarray(np.full((400, 400, 3), 180, np.uint8)).save(photos / "2.png")  # no face
    shutil.copy(SAMPLE_FACE, photos / "44.jpg")  # no contestant 44
    shutil.copy(SAMPLE_FACE, photos / "2-IMG_4411.HEIC")  # not a photo by its name: named, not passed over
    (photos / ".DS_Store").write_bytes(b"x")
    assert main(["contest", "photos", str(contest), str(photos), "--json", "--judge", "Judge Lin"]) == 1
    out, err = capsys.readouterr()
    assert "left out, not photos by their names" in err and err.rstrip().endswith(": 2-IMG_4411.HEIC")
    lines = {Path(line["file"]).name: line for line in map(json.loads, out.splitlines())}
    assert set(lines) == {"01_side.jpg", "1-front.jpg", "2.png", "3.jpg", "44.jpg"}
    assert lines["1-front.jpg"]["photos"] == 2 and lines["1-front.jpg"]["name"] == "陳美麗"
    assert lines["1-front.jpg"]["capture_id"] == lines["01_side.jpg"]["capture_id"]
    assert lines["3.jpg"]["photos"] == 1 and 1 <= lines["3.jpg"]["score"] <= 5
    assert lines["2.png"]["name"] == "Alexandra Konstantinopoulou" and "No face" in lines["2.png"]["error_message"]
    assert lines["44.jpg"]["error_code"] == "photo_no_contestant" and "name" not in lines["44.jpg"]
    assert main(["contest", "photos", str(contest), str(photos / "3.jpg")]) == 0
    assert "王小明" in capsys.readouterr().out

    assert main(["contest", "results", str(contest), "--out", str(tmp_path / "results.csv")]) == 0
    table = pd.read_csv(tmp_path / "results.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert table[["division", "number", "rank"]].values.tolist() == [
        ["小姐組", "1", "1"], ["小姐組", "2", ""], ["青少年組", "3", "1"]]
    assert main(["contest", "results", str(contest), "--out", str(tmp_path / "results.pdf")]) == 0
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "results.pdf").pages)
    assert all(name in text for name in ("陳美麗", "Alexandra Konstantinopoulou", "王小明", "Miss Taipei 2026"))
    assert main(["contest", "results", str(contest), "--out", str(tmp_path / "results.txt")]) == 2
    assert ".pdf" in capsys.readouterr().err

    with ContestStore(contest) as store:
        actions = [entry.action for entry in store.audit_log()]
        assert actions.count("photo_import") == 3 and actions.count("exported") == 2
        assert {entry.judge for entry in store.audit_log() if entry.action == "photo_import"} == {"Judge Lin"}
        store.finalize()
    assert main(["contest", "photos", str(contest), str(photos / "3.jpg")]) == 1
    assert "finalized" in capsys.readouterr().out


def test_photos_and_results_need_an_existing_contest(tmp_path, capsys):
    for command in (["photos", str(tmp_path / "none.sqlite"), str(SAMPLE_FACE)],
                    ["results", str(tmp_path / "none.sqlite"), "--out", str(tmp_path / "r.csv")]):
        assert main(["contest", *command]) == 2
        assert "no contest file" in capsys.readouterr().err
