"""The wheel works outside the source tree: its package data (model, card, detector, icons,
sample face) is inside it and found through importlib.resources.

The fresh virtual environment gets this test environment's site-packages appended to its path
(a .pth line) so that the dependencies need no download; the wheel's own packages come first,
and `pip check` proves the wheel's declared dependencies are met by what is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from core.version import app_version
from tests.conftest import ROOT

SOURCES = ["pyproject.toml", "README.md", "core", "desktop", "training", "cli", "models", "resources"]
PACKAGE_DATA = ["models/facescore.tflite", "models/model_card.json", "resources/sample_face.jpg",
                "resources/detector/face_detection_full_range_sparse.tflite", "resources/detector/face_landmark.tflite",
                "resources/icons/facescore.png"]


def run(command: list, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=300,
                            check=False, **kwargs)
    assert result.returncode == 0, f"{command}: {result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Build from a copy of the sources, so no stale build/ folder of the checkout leaks in."""
    scratch = tmp_path_factory.mktemp("wheel")
    source = scratch / "source"
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, source / name)
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", scratch / "dist", source])
    (built,) = (scratch / "dist").glob("facescore_judge-*.whl")
    return built


@pytest.mark.slow
def test_wheel_holds_the_package_data_and_version(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert set(PACKAGE_DATA) <= names
    assert f"facescore_judge-{app_version()}" in wheel.name


@pytest.mark.slow
def test_installed_wheel_self_test_from_root(wheel, tmp_path):
    # Nothing from a source tree on PYTHONPATH: its .egg-info would pass for an installed copy.
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    environment = tmp_path / "fresh"
    venv.create(environment, with_pip=False)
    python = environment / "bin" / "python"
    site = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                    env=env).stdout.strip())
    (site / "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", wheel], env=env)
    run([sys.executable, "-m", "pip", "--python", python, "check"], env=env)

    result = run([environment / "bin" / "facescore-judge", "--self-test"], cwd="/", env=env)
    assert re.search(r"self-test OK: sample_face\.jpg [1-5]\.\d\d", result.stdout)
    located = run([python, "-c", "import core.resources as r, core.version as v; "
                   "print(r.models_dir()); print(v.app_version())"], cwd="/", env=env).stdout.split()
    assert located == [str(site / "models"), app_version()]
