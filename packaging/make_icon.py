"""Draw the application icon: resources/icons/facescore.png (+ .ico for Windows, .icns for macOS).

    python packaging/make_icon.py

An original, simple design drawn with Pillow: a rounded navy tile, a light face outline and a
gold five-point star (a score) at the lower right. Rerun after changing the drawing; the results
are committed, so a build never needs Pillow's drawing code.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZE = 1024  # drawn large, then scaled down with LANCZOS for each output size
NAVY, FACE, LINE, GOLD = (28, 48, 92, 255), (246, 232, 218, 255), (28, 48, 92, 255), (244, 182, 40, 255)


def star(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def draw() -> Image.Image:
    s = SIZE
    image = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    d.rounded_rectangle((0.04 * s, 0.04 * s, 0.96 * s, 0.96 * s), radius=0.2 * s, fill=NAVY)
    # face: an oval with eyes and a smile
    d.ellipse((0.22 * s, 0.14 * s, 0.70 * s, 0.76 * s), fill=FACE)
    for x in (0.37, 0.55):
        d.ellipse(((x - 0.035) * s, 0.38 * s, (x + 0.035) * s, 0.45 * s), fill=LINE)
    d.arc((0.34 * s, 0.44 * s, 0.58 * s, 0.64 * s), start=25, end=155, fill=LINE, width=int(0.028 * s))
    # the score: a gold star with a navy rim, overlapping the face's lower right
    d.polygon(star(0.72 * s, 0.72 * s, 0.23 * s, 0.10 * s), fill=NAVY)
    d.polygon(star(0.72 * s, 0.72 * s, 0.19 * s, 0.08 * s), fill=GOLD)
    return image


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.resize((256, 256), Image.Resampling.LANCZOS).save(ICONS / "facescore.png", optimize=True)
    image.save(ICONS / "facescore.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64),
                                               (128, 128), (256, 256)])
    image.resize((512, 512), Image.Resampling.LANCZOS).save(ICONS / "facescore.icns")
    for name in ("facescore.png", "facescore.ico", "facescore.icns"):
        print(ICONS / name, (ICONS / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
