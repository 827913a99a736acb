"""Add or edit one contestant; the store validates, the dialog shows why it refused."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from core.contest import Contestant
from core.errors import FaceScoreError, ValidationError
from desktop import palette
from desktop.error_text import describe_error

FIELDS = {  # a contestant's fields, as the dialog and the roster preview name them
    "number": QT_TRANSLATE_NOOP("ContestantDialog", "Number"),
    "name": QT_TRANSLATE_NOOP("ContestantDialog", "Name"),
    "division": QT_TRANSLATE_NOOP("ContestantDialog", "Division"),
    "notes": QT_TRANSLATE_NOOP("ContestantDialog", "Notes"),
}


def field_label(field: str) -> str:
    return QCoreApplication.translate("ContestantDialog", FIELDS[field])


class ContestantDialog(QDialog):
    """Saves through ``store`` when accepted; stays open while the details are invalid."""

    def __init__(self, store, contestant: Contestant | None = None, parent=None):
        super().__init__(parent)
        self._store = store
        self._contestant = contestant
        self.setWindowTitle(self.tr("Edit contestant") if contestant else self.tr("Add contestant"))
        self.number = QLineEdit()
        self.name = QLineEdit()
        self.division = QLineEdit()
        divisions = sorted({c.division for c in store.contestants() if c.division})
        self.division.setCompleter(QCompleter(divisions, self))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(72)
        self.notes.setTabChangesFocus(True)  # Tab on to OK; Enter still starts a new line of notes
        if contestant is not None:
            self.number.setText(contestant.number)
            self.name.setText(contestant.name)
            self.division.setText(contestant.division)
            self.notes.setPlainText(contestant.notes)
        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet(palette.ERROR_STYLE)
        self.error.hide()

        form = QFormLayout()
        for field, editor in (("number", self.number), ("name", self.name), ("division", self.division),
                              ("notes", self.notes)):
            form.addRow(field_label(field), editor)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)

    def accept(self) -> None:
        details = Contestant(None, self.number.text(), self.name.text(), self.division.text(),
                             self.notes.toPlainText())
        try:
            if self._contestant is None:
                self._store.add_contestant(details)
            else:
                self._store.update_contestant(dataclasses.replace(details, id=self._contestant.id))
        except ValidationError as error:
            self._show_error(describe_error(error))
            {"number": self.number, "name": self.name}.get(error.field, self.number).setFocus()
            return
        except FaceScoreError as error:
            self._show_error(describe_error(error))
            return
        super().accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
