"""Colours have one place: desktop/palette.py names them; no other desktop module writes one."""

from __future__ import annotations

import re
from pathlib import Path

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")


def test_only_the_palette_writes_colours():
    found = {path.name: COLOUR.findall(path.read_text(encoding="utf-8"))
             for path in DESKTOP.glob("*.py") if path.name != "palette.py"}
    assert {name: colours for name, colours in found.items() if colours} == {}
