"""The lock files in requirements/ match pyproject.toml (scripts/update_locks.sh writes them):
every dependency of the app and of each extra is pinned within its range, and the per-extra
files pin the same versions as all.txt, which CI and the build install from."""

from __future__ import annotations

import re
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.conftest import ROOT

LOCKS = ROOT / "requirements"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
EXTRAS = PROJECT["optional-dependencies"]
PIN = re.compile(r"^([A-Za-z0-9._-]+)==(\S+)$")


def pins(name: str) -> dict[str, Version]:
    lines = (LOCKS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return {canonicalize_name(match[1]): Version(match[2]) for match in map(PIN.match, lines) if match}


def assert_pinned_in_range(requirements: list[str], locked: dict[str, Version], lock: str) -> None:
    for text in requirements:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement.name} is not in requirements/{lock}.txt: run scripts/update_locks.sh"
        assert requirement.specifier.contains(locked[name], prereleases=True), \
            f"requirements/{lock}.txt pins {name} {locked[name]}, outside {requirement.specifier}"


def test_all_pins_the_app_and_every_extra():
    everything = [requirement for extra in EXTRAS.values() for requirement in extra]
    assert_pinned_in_range(PROJECT["dependencies"] + everything, pins("all"), "all")


@pytest.mark.parametrize("lock", ["app", *EXTRAS])
def test_each_lock_pins_its_part_at_the_versions_of_all(lock):
    locked = pins(lock)
    assert_pinned_in_range(PROJECT["dependencies"] + EXTRAS.get(lock, []), locked, lock)
    everything = pins("all")
    assert {name: version for name, version in locked.items() if everything.get(name) != version} == {}


def test_torch_is_the_cpu_build():
    assert pins("all")["torch"] == Version("2.13.0+cpu")
