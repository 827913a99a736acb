import pytest

from core.score import SCALES, level_of, make_score, percentile_of, percentile_text


@pytest.mark.parametrize("value,level", [(1.0, 1), (1.01, 2), (2.0, 2), (3.5, 4), (4.0, 4), (4.2, 5), (5.0, 5)])
def test_levels_are_the_origin_study_bins(value, level):
    assert level_of(value) == level


def test_percentile_interpolates_the_reference_quantiles():
    quantiles = [1.0, 2.0, 3.0, 4.0, 5.0]  # 0, 25, 50, 75, 100 %
    assert percentile_of(3.0, quantiles) == 50.0
    assert percentile_of(3.5, quantiles) == 62.5
    assert percentile_of(0.5, quantiles) == 0.0 and percentile_of(6.0, quantiles) == 100.0


def test_score_is_clipped_to_the_scale():
    score = make_score(5.4, 0.3, [1.0, 5.0], "m1")
    assert score.value == 5.0 and score.level == 5 and score.percentile == 100.0
    assert score.as_dict() == {"score": 5.0, "error": 0.3, "level": 5, "percentile": 100.0, "model": "m1"}


def test_formatted_value_with_its_band():
    assert make_score(3.4167, 0.294, [1.0, 5.0], "m1").formatted() == "3.42 ± 0.29"


@pytest.mark.parametrize("percentile,text", [(0.0, "<1"), (0.49, "<1"), (0.5, "1"), (62.5, "63"), (99.49, "99"),
                                             (99.5, ">99"), (99.7, ">99"), (100.0, ">99")])
def test_percentile_text_never_reads_0_or_100(percentile, text):
    assert percentile_text(percentile) == text


def test_display_scales_map_score_and_error_linearly():
    score = make_score(3.42, 0.29, [1.0, 5.0], "m1")
    assert score.formatted(SCALES["0-100"]) == "60.5 ± 7.3"
    assert score.formatted(SCALES["1-10"]) == "6.4 ± 0.7"
    assert score.formatted(SCALES["1-5"]) == score.formatted() == "3.42 ± 0.29"
    for scale in SCALES.values():
        assert (scale.value(1.0), scale.value(3.0), scale.value(5.0)) == (
            scale.low, (scale.low + scale.high) / 2, scale.high)
        assert scale.error(2.0) == (scale.high - scale.low) / 2


def test_widths_that_differ_do_not_read_alike():
    assert SCALES["1-10"].width_texts(0.4, 0.3) == ("0.9", "0.7")
    assert SCALES["1-10"].width_texts(0.31, 0.29) == ("0.70", "0.65")  # both 0.7 at one decimal
    assert SCALES["1-5"].width_texts(0.29, 0.29) == ("0.29", "0.29")
