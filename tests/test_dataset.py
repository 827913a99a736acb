import pandas as pd
import pytest

from training.dataset import DatasetError, aggregate_ratings, load_split, read_label_file


def test_all_labels(dataset):
    labels = read_label_file(dataset / "train_test_files" / "All_labels.txt")
    assert len(labels) == 5500
    assert labels["group"].value_counts().to_dict() == {"AF": 2000, "AM": 2000, "CF": 750, "CM": 750}
    assert 1.0 <= labels["score"].min() and labels["score"].max() <= 5.0


def test_official_split_keeps_the_test_part_apart(dataset):
    split = load_split(dataset, "official-60-40")
    assert (len(split.train), len(split.validation), len(split.test)) == (2970, 330, 2200)
    train, val, test = (set(p["file"]) for p in (split.train, split.validation, split.test))
    assert not (train & val) and not (train & test) and not (val & test)
    assert set(split.validation["group"]) == {"AF", "AM", "CF", "CM"}


@pytest.mark.parametrize("fold", range(1, 6))
def test_five_folds(dataset, fold):
    split = load_split(dataset, f"fold-{fold}")
    assert len(split.train) + len(split.validation) == 4400 and len(split.test) == 1100


def test_origin_study_split(dataset):
    split = load_split(dataset, "seed-2560-640-800")
    assert (len(split.train), len(split.validation), len(split.test)) == (2560, 640, 800)
    assert load_split(dataset, "seed-2560-640-800").test["file"].tolist() == split.test["file"].tolist()


def test_unknown_split(dataset):
    with pytest.raises(DatasetError, match="unknown split"):
        load_split(dataset, "fold-9")


def test_ratings_workbook_is_aggregated_per_image(tmp_path):
    rows = [(rater, name, rating, rating) for name, ratings in
            {"AF1.jpg": [1, 2, 2, 5], "CM7.jpg": [3, 3, 4, 4]}.items()
            for rater, rating in enumerate(ratings, start=1)]
    path = tmp_path / "All_Ratings.xlsx"
    pd.DataFrame(rows, columns=["Rater", "Filename", "Rating", "original Rating"]).to_excel(path, index=False)
    summary = aggregate_ratings(path).set_index("file")
    assert summary.loc["AF1.jpg", "mean"] == 2.5
    assert summary.loc["AF1.jpg", "mode"] == 2
    assert summary.loc["CM7.jpg", "mode"] == 3  # tie between 3 and 4: the smaller
    assert summary.loc["CM7.jpg", "std"] == pytest.approx(0.57735, abs=1e-4)
    assert summary.loc["AF1.jpg", "raters"] == 4


def test_ratings_workbook_with_wrong_columns(tmp_path):
    path = tmp_path / "bad.xlsx"
    pd.DataFrame({"who": [1], "what": ["x"]}).to_excel(path, index=False)
    with pytest.raises(DatasetError, match="missing columns"):
        aggregate_ratings(path)
