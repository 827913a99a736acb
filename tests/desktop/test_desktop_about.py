"""Help → About: the populations the model never saw, the per-face error, bias and coverage per group."""

from core.model_card import ModelCard
from core.resources import models_dir
from desktop.about_dialog import AboutDialog


def test_about_names_unseen_populations_and_shows_bias_and_coverage(qtbot):
    card = ModelCard.load(models_dir() / "model_card.json")
    dialog = AboutDialog(card, "test")
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert "never saw faces of any other population" in text and "unmeasured" in text
    assert "its own error" in text and "far from the middle of the scale" in text  # the bundled card's score term
    headers = [dialog.metrics.horizontalHeaderItem(i).text() for i in range(dialog.metrics.columnCount())]
    assert headers[-2:] == ["Bias", "Within ± error"]
    assert dialog.metrics.item(0, len(headers) - 1).text().endswith("%")


def test_the_bundled_cards_population_is_the_one_the_app_translates():
    from desktop.results_model import KNOWN_POPULATIONS

    assert ModelCard.load(models_dir() / "model_card.json").percentile_population in KNOWN_POPULATIONS


def test_about_is_all_in_the_chosen_language(qtbot):
    """Its headings were translated inside f-strings, where the translation tools never found them."""
    from desktop import i18n

    i18n.set_language("zh_TW")
    try:
        for card in (ModelCard.load(models_dir() / "model_card.json"), None):
            dialog = AboutDialog(card, "test")
            qtbot.addWidget(dialog)
            text = dialog.text.toPlainText()
            english = [word for word in ("Model:", "version", "Training data", "Error band", "Percentile", "Licence",
                                         "Model card", "No scoring model", "mean rating") if word in text]
            assert not english, english
    finally:
        i18n.set_language("en")
