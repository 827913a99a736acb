"""Paths of the files that ship with the app (model, detector, sample face).

A frozen (PyInstaller) build keeps them next to the executable's data root.
"""

from __future__ import annotations

import sys
from pathlib import Path


def project_root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return project_root().joinpath("resources", *parts)


def models_dir() -> Path:
    return project_root() / "models"
