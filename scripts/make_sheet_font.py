"""Make the bundled CJK font of the sheets the judges sign (results, tabulation): a subset of Noto Sans
CJK TC Regular (SIL OFL 1.1).

    python scripts/make_sheet_font.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

(Debian/Ubuntu package fonts-noto-cjk.) Writes resources/fonts/NotoSansCJKtc-Regular-subset.otf:
Latin, punctuation, Bopomofo, kana and the CJK ideographs of the BMP (about 6.8 MB; takes a few
minutes). No layout features: the sheet needs none, and Qt's PDF text (copy, search, pypdf)
maps each glyph back to one character, so the subset also
- drops GSUB, whose substitutions left digits in some runs without their characters, and
- keeps one character per glyph where several share it (Noto maps the Kangxi radical U+2F29 and
  the ideograph U+5C0F 小 to one glyph; Qt names the lowest code point, so the radical would be
  read back), preferring ASCII ("-" over the soft hyphen), then the ideograph, then the highest
  code point (the en dash over the figure dash).
- gives Western punctuation its proportional glyph (the font's 'pwid' forms) where the default is
  full-width: "O’Brien" and “Dee” printed with a wide gap after the quote.
The family is renamed so that Qt never mistakes it for an installed Noto Sans CJK TC.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "fonts" / "NotoSansCJKtc-Regular-subset.otf"
FACE = "Noto Sans CJK TC"
FAMILY = "Noto Sans CJK TC Sheet"
RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x218F),
          (0x2460, 0x24FF), (0x3000, 0x303F), (0x3040, 0x30FF), (0x3100, 0x312F), (0x3400, 0x4DBF),
          (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF)]


WESTERN_END = 0x2E80  # below it: Latin, punctuation and symbols, which sit among Latin text


def proportional_punctuation(font) -> None:
    """Point Western characters whose glyph is full-width at the glyph the font's 'pwid' feature
    substitutes for it, where that one is narrower and no other character's."""
    gsub = font["GSUB"].table
    lookups = {index for record in gsub.FeatureList.FeatureRecord if record.FeatureTag == "pwid"
               for index in record.Feature.LookupListIndex}
    narrower: dict[str, str] = {}
    widths = font["hmtx"].metrics
    for index in lookups:
        lookup = gsub.LookupList.Lookup[index]
        for table in lookup.SubTable:
            table = table.ExtSubTable if lookup.LookupType == 7 else table
            for glyph, proportional in getattr(table, "mapping", {}).items():
                if widths[proportional][0] < widths[glyph][0]:
                    narrower[glyph] = proportional
    for table in font["cmap"].tables:
        if table.isUnicode() and table.format != 14:
            taken = set(table.cmap.values())  # another character's glyph (the em dash's for ―) stays its own
            for code, glyph in list(table.cmap.items()):
                if code < WESTERN_END and narrower.get(glyph) not in taken | {None}:
                    table.cmap[code] = narrower[glyph]


def preference(code: int) -> tuple:
    """Which of the characters sharing a glyph to keep: ASCII, then an ideograph, then the highest."""
    return (code < 0x80, 0x4E00 <= code <= 0x9FFF, code)


def main(collection: str) -> None:
    font = next(f for f in TTCollection(collection).fonts if f["name"].getDebugName(1) == FACE)
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    proportional_punctuation(font)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[code for low, high in RANGES for code in range(low, high + 1)])
    subsetter.subset(font)
    for table in font["cmap"].tables:
        if not table.isUnicode() or table.format == 14:
            continue
        by_glyph: dict[str, list[int]] = {}
        for code, glyph in table.cmap.items():
            by_glyph.setdefault(glyph, []).append(code)
        for codes in by_glyph.values():
            keep = max(codes, key=preference)
            for code in codes:
                if code < keep:
                    del table.cmap[code]
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID == 4:
            record.string = f"{FAMILY} Regular"
        elif record.nameID == 6:
            record.string = FAMILY.replace(" ", "") + "-Regular"
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    font.save(TARGET)
    print(f"{TARGET}: {TARGET.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main(sys.argv[1])
