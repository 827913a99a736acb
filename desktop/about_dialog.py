"""About / model card: what the model was trained on, how accurate it is, and how to use its score."""

from __future__ import annotations

from html import escape

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
from desktop.i18n import tr

GROUPS = ("AF", "AM", "CF", "CM")
METRIC_COLUMNS = (("n", "about.faces", "{:d}"), ("pc", "about.pc", "{:.3f}"),
                  ("mae", "about.mae", "{:.3f}"), ("rmse", "about.rmse", "{:.3f}"))


def held_out_metrics(card) -> tuple[str, dict] | None:
    """(name, metrics) of the card's held-out test evaluation, if it has one."""
    metrics = card.data.get("metrics") or {}
    for name, values in metrics.items():
        if "test" in name:
            return name, values
    return next(iter(metrics.items()), None)


class AboutDialog(QDialog):
    def __init__(self, card, app_version: str, scale: ScoreScale = NATIVE_SCALE, parent=None):
        """``card``: the loaded core.model_card.ModelCard, or None when no model is loaded; its error
        band is shown on ``scale``."""
        super().__init__(parent)
        self.setWindowTitle(tr("about.title"))
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setHtml(self._html(card, app_version, scale))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        evaluation = held_out_metrics(card) if card is not None else None
        if evaluation is not None:
            name, metrics = evaluation
            layout.addWidget(QLabel(f"<b>{escape(tr('about.accuracy', split=name))}</b>"))
            self.metrics = self._metrics_table(metrics)
            layout.addWidget(self.metrics)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 640)

    @staticmethod
    def _html(card, app_version: str, scale: ScoreScale) -> str:
        parts = [f"<h2>{escape(tr('app.name'))} {escape(app_version)}</h2>",
                 f"<p style='background:#fff3cd; padding:6px'><b>{escape(tr('about.advisory'))}</b></p>"]
        if card is None:
            parts.append(f"<p>{escape(tr('about.no_model'))}</p>")
        else:
            data = card.data
            training = data.get("training", {})
            parts += [
                (f"<p><b>{escape(tr('about.model'))}</b> {escape(data.get('name', ''))}, "
                 f"{escape(tr('about.version'))} {escape(card.version)}</p>"),
                f"<h3>{escape(tr('about.training_heading'))}</h3>",
                "<p>" + escape(tr("about.training", dataset=training.get("dataset", "SCUT-FBP5500"),
                                  split=training.get("split", "?"),
                                  images=training.get("train_images") or "?")) + "</p>",
                f"<p>{escape(tr('about.population_note'))}</p>",
                f"<h3>{escape(tr('about.error_heading'))}</h3>",
                "<p>" + escape(tr("about.error_band", value=scale.width_text(card.error))) + "</p>",
                f"<h3>{escape(tr('about.percentile_heading'))}</h3>",
                "<p>" + escape(tr("about.percentile", population=card.percentile_population)) + "</p>",
                f"<h3>{escape(tr('about.licence_heading'))}</h3>",
                f"<p>{escape(tr('about.licence'))}</p>",
                f"<h3>{escape(tr('about.card_heading'))}</h3>",
                f"<p><i>{escape(data.get('intended_use', ''))}</i></p>",
                f"<p><i>{escape(data.get('licence', ''))}</i></p>",
                f"<p><i>{escape(data['error_band'].get('definition', ''))}</i></p>",
            ]
        return "\n".join(parts)

    @staticmethod
    def _metrics_table(metrics: dict) -> QTableWidget:
        rows = [(tr("about.overall"), metrics)]
        rows += [(tr(f"group.{group}"), metrics["groups"][group])
                 for group in GROUPS if group in metrics.get("groups", {})]
        table = QTableWidget(len(rows), len(METRIC_COLUMNS))
        table.setHorizontalHeaderLabels([tr(key) for _, key, _ in METRIC_COLUMNS])
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
