"""Reopen finalized results: the head judge who allows it and why, both recorded in the audit log."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout


class ReopenDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reopen results"))
        explanation = QLabel(self.tr("Finalized results are the ones the judges sign: changing them needs the head "
                                     "judge's consent. The head judge's name and the reason are recorded in the "
                                     "audit log."), wordWrap=True)
        self.head_judge = QLineEdit()
        self.reason = QLineEdit(placeholderText=self.tr("e.g. a mistyped mark for No. 12"))
        form = QFormLayout()
        form.addRow(self.tr("Head judge:"), self.head_judge)
        form.addRow(self.tr("Reason:"), self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.reopen_button = self.buttons.addButton(self.tr("Reopen"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for field in (self.head_judge, self.reason):
            field.textChanged.connect(self._update_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._update_button()

    def _update_button(self) -> None:
        self.reopen_button.setEnabled(bool(self.head_judge.text().strip() and self.reason.text().strip()))
