"""The app's version: one source, the package metadata (pyproject.toml's ``version``).

An installed wheel, an editable install and the PyInstaller build (build.spec copies the
metadata) all carry it; a source tree that was never installed reads pyproject.toml.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "facescore-judge"
PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


@cache
def app_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        text = PYPROJECT.read_text(encoding="utf-8") if PYPROJECT.is_file() else ""
        match = re.search(r'^version = "([^"]+)"', text, re.MULTILINE)
        return match.group(1) if match else "unknown"


if __name__ == "__main__":  # `python -m core.version`: for build scripts (the Windows installer's name)
    print(app_version())
