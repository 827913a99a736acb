"""The one place that finds the files shipped with the app (model, detector, icons, sample face).

``models/`` and ``resources/`` are Python packages whose files are package data, so
``importlib.resources`` finds them the same way in a source checkout, an editable install,
an installed wheel and the PyInstaller build (which collects both packages, build.spec).
The app needs real file paths (LiteRT and OpenCV open files by name), so only packages
installed as plain folders are supported, never zipped ones.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _package_dir(package: str) -> Path:
    return Path(str(resources.files(package)))


def resource_path(*parts: str) -> Path:
    return _package_dir("resources").joinpath(*parts)


def models_dir() -> Path:
    return _package_dir("models")
