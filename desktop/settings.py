"""The app's remembered choices, in an INI file inside the data folder (tests stay isolated)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from core.score import NATIVE_SCALE, SCALES, ScoreScale

SETTINGS_FILE = "settings.ini"


class AppSettings:
    """Language, camera, score scale, last contest, the dialogs' folders and window geometry; each change is
    written at once."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self._settings = QSettings(str(self.data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)

    def _get(self, key: str) -> str | None:
        value = self._settings.value(key)
        return str(value) if value not in (None, "") else None

    def _set(self, key: str, value) -> None:
        self._settings.setValue(key, value)
        self._settings.sync()  # a crash right after a change still remembers it

    @property
    def language(self) -> str | None:
        return self._get("language")

    @language.setter
    def language(self, code: str) -> None:
        self._set("language", code)

    @property
    def camera_source(self) -> str | None:
        return self._get("camera/source")

    @camera_source.setter
    def camera_source(self, spec: str) -> None:
        self._set("camera/source", spec)

    @property
    def camera_name(self) -> str | None:
        """The chosen camera's name: found again by it after re-plugging changes its index."""
        return self._get("camera/name")

    @camera_name.setter
    def camera_name(self, name: str | None) -> None:
        self._set("camera/name", name or "")

    @property
    def score_scale(self) -> ScoreScale:
        return SCALES.get(self._get("display/score_scale") or "", NATIVE_SCALE)

    @score_scale.setter
    def score_scale(self, scale: ScoreScale) -> None:
        self._set("display/score_scale", scale.key)

    @property
    def last_contest(self) -> Path | None:
        """Kept relative to the data folder when inside it, so a copied or moved data folder opens
        its own contest file, not the one at the old place."""
        value = self._get("contest/last")
        return self.data_dir / value if value else None

    @last_contest.setter
    def last_contest(self, path: Path) -> None:
        path = Path(path).absolute()
        try:
            value = path.relative_to(self.data_dir.absolute()).as_posix()
        except ValueError:  # a contest opened from elsewhere (a USB stick)
            value = str(path)
        self._set("contest/last", value)

    def folders(self) -> dict[str, Path]:
        """The folder files were last chosen from or exported to, by purpose (see desktop.file_dialogs)."""
        self._settings.beginGroup("folders")
        try:
            return {key: Path(str(self._settings.value(key))) for key in self._settings.childKeys()}
        finally:
            self._settings.endGroup()

    def set_folder(self, purpose: str, folder: Path) -> None:
        self._set(f"folders/{purpose}", str(folder))

    @property
    def window_geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @window_geometry.setter
    def window_geometry(self, geometry: QByteArray) -> None:
        self._set("window/geometry", geometry)
