"""About / model card: what the model was trained on, how accurate it is, and how to use its score."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from core.score import NATIVE_SCALE, ScoreScale
from desktop import palette
from desktop.results_model import population_text

GROUPS = {"AF": QT_TRANSLATE_NOOP("AboutDialog", "Asian female"), "AM": QT_TRANSLATE_NOOP("AboutDialog", "Asian male"),
          "CF": QT_TRANSLATE_NOOP("AboutDialog", "Caucasian female"),
          "CM": QT_TRANSLATE_NOOP("AboutDialog", "Caucasian male")}
METRIC_COLUMNS = (("n", QT_TRANSLATE_NOOP("AboutDialog", "Faces"), "{:d}"),
                  ("pc", QT_TRANSLATE_NOOP("AboutDialog", "Correlation (PC)"), "{:.3f}"),
                  ("mae", QT_TRANSLATE_NOOP("AboutDialog", "Mean abs. error"), "{:.3f}"),
                  ("rmse", QT_TRANSLATE_NOOP("AboutDialog", "RMS error"), "{:.3f}"),
                  ("bias", QT_TRANSLATE_NOOP("AboutDialog", "Bias"), "{:+.3f}"),
                  ("coverage", QT_TRANSLATE_NOOP("AboutDialog", "Within ± error"), "{:.0%}"))


def held_out_metrics(card) -> tuple[str, dict] | None:
    """(name, metrics) of the card's held-out test evaluation, if it has one."""
    metrics = card.data.get("metrics") or {}
    for name, values in metrics.items():
        if "test" in name:
            return name, values
    return next(iter(metrics.items()), None)


def advisory_text() -> str:
    """The advisory note, in the current language (the model card and the results sheet show it)."""
    return QCoreApplication.translate(
        "AboutDialog", "The score is advisory: one input for the judges, never the sole ranking. It predicts how "
                       "a group of volunteer raters would rate a photo, not a person's worth.")


class AboutDialog(QDialog):
    def __init__(self, card, app_version: str, scale: ScoreScale = NATIVE_SCALE, parent=None):
        """``card``: the loaded core.model_card.ModelCard, or None when no model is loaded; its error
        band is shown on ``scale``."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("About the model"))
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setHtml(self._html(card, app_version, scale))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        evaluation = held_out_metrics(card) if card is not None else None
        if evaluation is not None:
            name, metrics = evaluation
            accuracy = self.tr("Accuracy on held-out faces ({split})").format(split=name)
            layout.addWidget(QLabel(f"<b>{escape(accuracy)}</b>"))
            self.metrics = self._metrics_table(metrics)
            layout.addWidget(self.metrics)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 640)

    def _html(self, card, app_version: str, scale: ScoreScale) -> str:
        # Every text is translated outside the f-strings: the translation tools find no tr() inside them.
        advisory, title = advisory_text(), self.tr("FaceScore Judge")
        parts = [f"<h2>{escape(title)} {escape(app_version)}</h2>",
                 f"<p style='background:{palette.NOTE_BACKGROUND}; padding:6px'><b>{escape(advisory)}</b></p>"]
        if card is None:
            no_model = self.tr("No scoring model is loaded, so no model card can be shown.")
            parts.append(f"<p>{escape(no_model)}</p>")
        else:
            data = card.data
            training = data.get("training", {})
            trained = self.tr("Trained on {dataset} (split {split}, {images} training images).").format(
                dataset=training.get("dataset", "SCUT-FBP5500"), split=training.get("split", "?"),
                images=training.get("train_images") or "?")
            population = self.tr(
                "SCUT-FBP5500 holds 5500 frontal faces: 73 % East Asian and 27 % Caucasian adults aged about "
                "15 to 60, each rated 1–5 by 60 volunteers.")
            unseen = self.tr(
                "The model never saw faces of any other population (African, South Asian, Middle Eastern, Latin "
                "American, Indigenous or mixed-heritage people), nor children or older people: its scores for "
                "those faces are unmeasured.")
            model = data.get("error_model")
            if model and model.get("score_weight"):
                band = self.tr("Each score is shown with its own error: at least ± {base}, wider for a face whose "
                               "score changes when its framing moves a little, and for a score far from the middle "
                               "of the scale, where the model strayed more on the faces it was checked on. About two "
                               "thirds of held-out faces are scored within their error of the raters' mean (the "
                               "column \"Within ± error\" below).").format(base=scale.width_text(model["base"]))
            elif model:
                band = self.tr("Each score is shown with its own error: at least ± {base}, wider for a face whose "
                               "score changes when its framing moves a little. About two thirds of held-out faces "
                               "are scored within their error of the raters' mean (the column \"Within ± error\" "
                               "below).").format(base=scale.width_text(model["base"]))
            else:
                band = self.tr("Each score is shown ± {value}: the typical distance between the model's score and "
                               "the raters' mean on held-out faces.").format(value=scale.width_text(card.error))
            ranks = self.tr("Ranks are given within each division, from each capture's own stored error: a "
                            "contestant is placed surely above another only when its score is higher by at least "
                            "the mean of their two errors. The rank shows every place that leaves possible, e.g. "
                            "3 (2–5); a range means a tie.")
            percentile = self.tr("The percentile compares a score with {population}, not with people in "
                                 "general.").format(population=population_text(card))
            licence = self.tr("The model was trained on SCUT-FBP5500, whose licence allows non-commercial "
                              "research use only; the model carries the same restriction.")
            model_label, version_label = self.tr("Model:"), self.tr("version")
            data_heading, band_heading = self.tr("Training data"), self.tr("Error band")
            percentile_heading, licence_heading = self.tr("Percentile"), self.tr("Licence")
            card_heading = self.tr("Model card (as written by its authors)")
            parts += [
                (f"<p><b>{escape(model_label)}</b> {escape(data.get('name', ''))}, "
                 f"{escape(version_label)} {escape(card.version)}</p>"),
                f"<h3>{escape(data_heading)}</h3>",
                f"<p>{escape(trained)}</p>",
                f"<p>{escape(population)}</p>",
                f"<p><b>{escape(unseen)}</b></p>",
                f"<h3>{escape(band_heading)}</h3>",
                f"<p>{escape(band)} {escape(ranks)}</p>",
                f"<h3>{escape(percentile_heading)}</h3>",
                f"<p>{escape(percentile)}</p>",
                f"<h3>{escape(licence_heading)}</h3>",
                f"<p>{escape(licence)}</p>",
                f"<h3>{escape(card_heading)}</h3>",
                f"<p><i>{escape(data.get('intended_use', ''))}</i></p>",
                f"<p><i>{escape(data.get('licence', ''))}</i></p>",
                f"<p><i>{escape((model or data['error_band']).get('definition', ''))}</i></p>",
                f"<p><i>{escape(data.get('unseen_populations', ''))}</i></p>",
            ]
        return "\n".join(parts)

    def _metrics_table(self, metrics: dict) -> QTableWidget:
        rows = [(self.tr("All faces"), metrics)]
        rows += [(self.tr(label), metrics["groups"][group])
                 for group, label in GROUPS.items() if group in metrics.get("groups", {})]
        table = QTableWidget(len(rows), len(METRIC_COLUMNS))
        table.setHorizontalHeaderLabels([self.tr(label) for _, label, _ in METRIC_COLUMNS])
        table.setVerticalHeaderLabels([label for label, _ in rows])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, (_, values) in enumerate(rows):
            for column, (key, _, template) in enumerate(METRIC_COLUMNS):
                value = values.get(key)
                table.setItem(row, column, QTableWidgetItem("" if value is None else template.format(value)))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        table.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        return table
