"""The left panel: camera chooser, live preview with the face check, capture buttons, last result."""

from __future__ import annotations

import time
from collections import deque
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.photo_import import PhotosUnusable
from core.score import ScoreScale, percentile_text
from desktop import palette
from desktop.error_text import describe_error, describe_issue
from desktop.workers import SourceStopped

FPS_WINDOW_S = 1.0


class PreviewView(QWidget):
    """Paints the latest frame scaled to fit, the detected face box and the frame rate."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._image: QImage | None = None
        self._box: tuple[float, float, float, float] | None = None
        self._box_ok = False
        self._placeholder = ""
        self._shown_at: deque[float] = deque()
        self.frames_shown = 0

    def sizeHint(self) -> QSize:
        return QSize(480, 360)

    @property
    def fps(self) -> float:
        """Frames painted per second over the last second."""
        return len(self._shown_at) / FPS_WINDOW_S

    def set_image(self, image: QImage) -> None:
        now = time.monotonic()
        self._shown_at.append(now)
        while self._shown_at and now - self._shown_at[0] > FPS_WINDOW_S:
            self._shown_at.popleft()
        self.frames_shown += 1
        self._image = image
        self.update()

    def set_face(self, box, ok: bool) -> None:
        self._box, self._box_ok = box, ok
        self.update()

    @property
    def has_image(self) -> bool:
        return self._image is not None

    def clear(self, placeholder: str) -> None:
        self._image, self._box, self._placeholder = None, None, placeholder
        self._shown_at.clear()
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(palette.PREVIEW_BACKGROUND))
        if self._image is None:
            painter.setPen(QColor(palette.PREVIEW_TEXT))
            painter.drawText(self.rect().adjusted(16, 16, -16, -16),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder)
            return
        size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF((self.width() - size.width()) / 2, (self.height() - size.height()) / 2,
                        size.width(), size.height())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self._image)
        if self._box is not None:
            scale = target.width() / self._image.width()
            x0, y0, x1, y1 = self._box
            painter.setPen(QPen(QColor(palette.FACE_OK if self._box_ok else palette.FACE_WARN), 3))
            painter.drawRect(QRectF(target.left() + x0 * scale, target.top() + y0 * scale,
                                    (x1 - x0) * scale, (y1 - y0) * scale))
        painter.setFont(QFont(self.font().family(), 9))
        text = f"{self._image.width()}×{self._image.height()} · {self.fps:.0f} fps"
        flags = Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft
        where = painter.boundingRect(target.adjusted(8, 4, -8, -4), flags, text)
        painter.fillRect(where.adjusted(-4, -2, 4, 2), QColor(palette.PREVIEW_OVERLAY_BAND))
        painter.setPen(QColor(palette.PREVIEW_OVERLAY))
        painter.drawText(where, flags, text)


# Why a capture did not happen or was not stored (CaptureController.failed's codes).
FAILURES = {
    "model_loading": QT_TRANSLATE_NOOP("CameraPanel", "The scoring model is still loading; try again in a moment."),
    "model_failed": QT_TRANSLATE_NOOP("CameraPanel", "No scoring model: {reason}"),
    "no_contestant": QT_TRANSLATE_NOOP("CameraPanel", "Select a contestant in the table first."),
    "no_camera": QT_TRANSLATE_NOOP("CameraPanel",
                                   "No picture from the camera: choose a camera, or import a photo (Ctrl+I)."),
    "not_scored": QT_TRANSLATE_NOOP("CameraPanel", "Nothing stored: {reason}"),
    "refused": "{reason}",  # the store's own sentence: finalized, or the file could not be written
}


class CameraPanel(QWidget):
    sourceChosen = Signal(str)  # a camera index, video file or image folder

    def __init__(self, capture_action, import_action, scale: ScoreScale, parent=None):
        super().__init__(parent)
        self._scale = scale
        self._source_title = QLabel()
        self._sources = QComboBox()
        self._sources.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._sources.setMinimumContentsLength(14)
        self._sources.activated.connect(self._on_source_activated)
        self._browse = QToolButton()
        self._browse.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._browse.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        self._browse_menu = QMenu(self._browse)
        self._browse_video = self._browse_menu.addAction("", self._choose_video)
        self._browse_folder = self._browse_menu.addAction("", self._choose_folder)
        self._browse.setMenu(self._browse_menu)
        self.preview = PreviewView()
        self._hint = QLabel(wordWrap=True)
        self._hint.setMinimumHeight(2 * self._hint.fontMetrics().lineSpacing())
        self._contestant = QLabel(wordWrap=True)
        self._contestant.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self._message = QLabel(wordWrap=True)
        self._message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._message.setMinimumHeight(48)
        self._message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        buttons = QHBoxLayout()
        for action in (capture_action, import_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(44)
            buttons.addWidget(button)
        buttons.itemAt(0).widget().setStyleSheet("font-size: 13pt; font-weight: 600;")

        chooser = QHBoxLayout()
        chooser.addWidget(self._source_title)
        chooser.addWidget(self._sources, 1)
        chooser.addWidget(self._browse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(chooser)
        layout.addWidget(self.preview)
        layout.addWidget(self._hint)
        layout.addWidget(self._contestant)
        layout.addLayout(buttons)
        layout.addWidget(self._message)
        layout.addStretch(1)

        # What is shown, kept as data and rendered again after a language switch.
        self._camera_state: tuple[str, object] = ("none", None)  # see _camera_text
        self._issues = None  # the live face check's issues (empty: face OK), None before any check
        self._contestant_shown = None
        self._shown_message: tuple = ("none",)  # see message_text
        self._specs: list[str] = []
        self._current_spec: str | None = None
        self._names: dict[str, str] = {}  # camera index -> name
        self.retranslate()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.preview.setFixedHeight(self.width() * 3 // 4)  # camera frames are 4:3

    # -- sources ----------------------------------------------------------------

    def set_sources(self, specs: list[str], current: str | None, names: dict[str, str] | None = None) -> None:
        """``names``: camera index -> the camera's name, where the system reported one."""
        if names is not None:
            self._names = names
        self._specs = list(dict.fromkeys(specs + ([current] if current else [])))
        self._current_spec = current
        self._sources.clear()
        if not self._specs:
            self._sources.addItem(self.tr("No camera found"))
        for spec in self._specs:
            self._sources.addItem(self._source_label(spec), spec)
            self._sources.setItemData(self._sources.count() - 1, spec, Qt.ItemDataRole.ToolTipRole)
        if current in self._specs:
            self._sources.setCurrentIndex(self._specs.index(current))

    def _source_label(self, spec: str) -> str:
        if not spec.isdigit():
            return Path(spec).name or spec
        name = self._names.get(spec)
        if name is None:
            return self.tr("Camera {index}").format(index=spec)
        twins = list(self._names.values()).count(name) > 1  # two cameras of one model
        return f"{name} ({spec})" if twins else name

    @property
    def source_specs(self) -> list[str]:
        return list(self._specs)

    @property
    def source_labels(self) -> list[str]:
        return [self._sources.itemText(row) for row in range(self._sources.count())]

    def _on_source_activated(self, index: int) -> None:
        spec = self._sources.itemData(index)
        if spec is not None:
            self.sourceChosen.emit(spec)

    def _choose_video(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Video file…"), "",
                                              self.tr("Videos (*.mp4 *.avi *.mov *.mkv *.webm);;All files (*)"))
        if path:
            self.sourceChosen.emit(path)

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder of images…"))
        if path:
            self.sourceChosen.emit(path)

    # -- camera state -----------------------------------------------------------

    def show_frame(self, image: QImage) -> None:
        first = not self.preview.has_image
        self.preview.set_image(image)
        if first:
            self._render_hint()

    def show_opened(self, description: str) -> None:
        self._show_camera_state("opened", description)
        if self._shown_message[:2] == ("failed", "no_camera"):  # said while it was lost: no longer true
            self.clear_message()

    def show_lost(self, error: Exception) -> None:
        self._issues = None
        self._show_camera_state("lost", error)

    def show_no_camera(self) -> None:
        self._issues = None
        self._show_camera_state("none", None)

    def _show_camera_state(self, state: str, detail) -> None:
        self._camera_state = (state, detail)
        self.preview.clear(self._camera_text())
        self._render()

    def _camera_text(self) -> str:
        state, detail = self._camera_state
        if state == "opened":
            return self.tr("Live: {source}").format(source=detail)
        if state == "lost" and isinstance(detail, SourceStopped):
            return self.tr("{source} stopped delivering pictures. Check the cable; retrying every 2 s…").format(
                source=detail.description)
        if state == "lost":
            return self.tr("Cannot open the camera: {reason} Retrying every 2 s…").format(
                reason=describe_error(detail))
        return self.tr("No camera: connect one and press F5, choose Other… for a video file or a folder of "
                       "images, or import a photo (Ctrl+I).")

    def show_hint(self, box, issues) -> None:
        self.preview.set_face(box, not issues)
        self._issues = tuple(issues)
        self._render_hint()

    def _hint_text(self) -> str:
        if self._issues is None:
            return ""
        if self._issues:
            return "⚠ " + describe_issue(self._issues[0])
        return "✓ " + self.tr("Face OK: ready to capture.")

    @property
    def camera_message(self) -> str:
        return self._camera_text()

    @property
    def hint(self) -> str:
        return self._hint.text()

    # -- contestant and results -------------------------------------------------

    def show_contestant(self, contestant) -> None:
        self._contestant_shown = contestant
        self._contestant.setText(self._contestant_text())

    def _contestant_text(self) -> str:
        contestant = self._contestant_shown
        if contestant is None:
            return self.tr("No contestant selected")
        return self.tr("No. {number} · {name}").format(number=contestant.number, name=contestant.name)

    def show_capturing(self, contestant, photos=()) -> None:
        """A capture from the camera, or the scoring of the ``photos`` files, has begun for ``contestant``."""
        self._show_message(("capturing", contestant, tuple(photos)))

    def show_stored(self, stored, contestant, frames: int, replaced=None, left_out=None) -> None:
        """``stored``: the core.contest.Capture of ``contestant`` (None: no longer in the contest);
        ``replaced``: the capture it took the place of, on a retake; ``left_out``: {photo file: error}
        for each photo that was not used."""
        self._show_message(("stored", stored, contestant, frames, replaced, left_out or {}), palette.RESULT_STYLE)

    def show_failure(self, reason: str, error: Exception | None = None) -> None:
        """Why a capture did not happen or was not stored: a code of FAILURES, with the error if any."""
        self._show_message(("failed", reason, error), palette.ERROR_STYLE)

    def clear_message(self) -> None:
        self._show_message(("none",))

    def clear_outdated(self, capture_of, finalized: bool) -> None:
        """Clear a result that is no longer the contestant's current capture (``capture_of(contestant_id)``:
        replaced meanwhile from the command line or another window, or removed) or a refusal because the
        contest was finalized, once it is not."""
        kind, *details = self._shown_message
        outdated_result = (kind == "stored"
                           and getattr(capture_of(details[0].contestant_id), "id", None) != details[0].id)
        outdated_refusal = (kind == "failed" and not finalized
                            and getattr(details[1], "code", None) == "contest_finalized")
        if outdated_result or outdated_refusal:
            self.clear_message()

    def set_scale(self, scale: ScoreScale) -> None:
        """Show scores on ``scale``, the last result line included."""
        self._scale = scale
        self._render_message()

    def _show_message(self, shown: tuple, style: str = "") -> None:
        self._shown_message = shown
        self._message.setStyleSheet(style)
        self._render_message()

    def _render_message(self) -> None:
        self._message.setText(self.message_text())
        self._message.setToolTip("\n".join(self._why_left_out(path, error) for path, error in self._left_out().items()))

    def _left_out(self) -> dict:
        """{photo file: error} for the photos left out of the result or failure shown."""
        kind, *details = self._shown_message
        if kind == "stored":
            _stored, _contestant, _frames, _replaced, left_out = details
            return left_out
        if kind == "failed" and isinstance(details[1], PhotosUnusable):
            return details[1].errors
        return {}

    def _why_left_out(self, path, error) -> str:
        reason = describe_error(error, self._scale)
        return reason if path.name in reason else self.tr("{file}: {reason}").format(file=path.name, reason=reason)

    def message_text(self) -> str:
        kind, *details = self._shown_message
        if kind == "capturing":
            contestant, photos = details
            if len(photos) == 1:
                return self.tr("Scoring the photo {file} for No. {number} {name}…").format(
                    file=photos[0].name, number=contestant.number, name=contestant.name)
            if photos:
                return self.tr("Scoring %n photos for No. {number} {name}…", "", len(photos)).format(
                    number=contestant.number, name=contestant.name)
            return self.tr("Capturing No. {number} {name}…").format(number=contestant.number, name=contestant.name)
        if kind == "failed":
            reason, error = details
            text = self.tr(FAILURES[reason]).format(reason=describe_error(error, self._scale) if error else "")
            if isinstance(error, PhotosUnusable):  # the panel holds each photo's reason
                text += " " + self.tr("(the reasons are in this message's tooltip)")
            return text
        if kind == "stored":
            stored, contestant, frames, replaced, left_out = details
            number, name = (contestant.number, contestant.name) if contestant else ("?", "?")
            retake = "" if replaced is None else " " + self.tr("Retake: replaces {score}.").format(
                score=self._scale.formatted(replaced.score, replaced.error))
            used = (self.tr("{used} of %n photos used", "", frames) if stored.source == "file"
                    else self.tr("{used} of %n frames used", "", frames)).format(used=stored.frames_used)
            result = self.tr(
                "No. {number} {name}: {score} ± {error} · level {level} · higher than {percentile}% of the "
                "reference faces ({used}, spread {spread})").format(
                number=number, name=name, score=self._scale.value_text(stored.score),
                error=self._scale.width_text(stored.error), level=stored.level,
                percentile=percentile_text(stored.percentile), used=used, spread=self._scale.width_text(stored.spread))
            unused = self.tr("Not used (the reasons are in this message's tooltip): {files}").format(
                files=", ".join(path.name for path in left_out))
            return "\n".join([result + retake, *([unused] if left_out else [])])
        return ""

    @property
    def message(self) -> str:
        return self._message.text()

    @property
    def message_details(self) -> str:
        """The message's tooltip: why each photo left out of the result (or of the failure) was not used."""
        return self._message.toolTip()

    # -- language ---------------------------------------------------------------

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self._source_title.setText(self.tr("Camera:"))
        self._browse.setText(self.tr("Other…"))
        self._browse_video.setText(self.tr("Video file…"))
        self._browse_folder.setText(self.tr("Folder of images…"))
        self.set_sources(self._specs, self._current_spec)
        self._contestant.setText(self._contestant_text())
        self._render_message()
        self._render()

    def _render(self) -> None:
        if not self.preview.has_image:
            self.preview.clear(self._camera_text())
        self._render_hint()

    def _render_hint(self) -> None:
        if not self.preview.has_image:  # the preview itself shows the camera's state
            self._hint.setText(self._hint_text())
            return
        hint = self._hint_text()
        self._hint.setText(f"{self._camera_text()}\n{hint}" if hint else self._camera_text())
