import pytest

from training.dataset import DatasetError, load_split, read_label_file


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
