"""One version: pyproject.toml's, read from the package metadata."""

from __future__ import annotations

import re

from core import version
from tests.conftest import ROOT


def declared() -> str:
    return re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(), re.MULTILINE).group(1)


def test_version_comes_from_the_metadata():
    assert version.app_version() == declared()


def test_a_never_installed_source_tree_reads_pyproject(monkeypatch):
    monkeypatch.setattr(version, "DISTRIBUTION", "not-installed-anywhere")
    version.app_version.cache_clear()
    try:
        assert version.app_version() == declared()
    finally:
        version.app_version.cache_clear()
