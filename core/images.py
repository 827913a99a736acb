"""Read image files into RGB uint8 arrays, whatever their mode or orientation."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from core.errors import ImageLoadError

# Photos load at their full size: a contestant small in a photographer's 45-megapixel frame has
# the pixels the face-size check asks for only there (shrunk to 4096 px, a face with 58 px between
# the eyes had 29, and was refused as too small). Refuse images beyond MAX_PIXELS (decompression
# bombs); a 100-megapixel camera's photos still load. It is below Pillow's own limit
# (2 x Image.MAX_IMAGE_PIXELS, 179 MP), which refuses larger images inside Image.open, before this
# check: both say "too large".
MAX_PIXELS = 150_000_000


def to_rgb8(image: Image.Image) -> np.ndarray:
    """Any Pillow image (16-bit, CMYK, palette, grey, alpha) as RGB uint8."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        array = np.asarray(image, dtype=np.float64)
        peak = 65535.0 if image.mode.startswith("I;16") or array.max() > 255 else 255.0
        grey = np.clip(array / peak * 255.0, 0, 255).astype(np.uint8)
        return np.ascontiguousarray(np.stack([grey] * 3, axis=-1))
    if image.mode == "F":
        grey = np.clip(np.asarray(image), 0, 255).astype(np.uint8)
        return np.ascontiguousarray(np.stack([grey] * 3, axis=-1))
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, rgba)
    return np.ascontiguousarray(np.asarray(image if image.mode == "RGB" else image.convert("RGB"), dtype=np.uint8))


def check_file(path: Path) -> None:
    """Raises :class:`ImageLoadError` unless ``path`` is a file that exists."""
    if path.is_dir():
        raise ImageLoadError(f"{path.name}: this is a folder, not an image file", code="image_is_folder",
                             file=path.name)
    if not path.is_file():
        raise ImageLoadError(f"{path.name}: file not found", code="image_not_found", file=path.name)


def load_image(path: str | Path) -> np.ndarray:
    """The upright RGB uint8 pixels of an image file (EXIF orientation applied).

    Raises :class:`ImageLoadError` with a readable message for anything that
    is not a decodable image.
    """
    path = Path(path)
    check_file(path)
    if path.stat().st_size == 0:
        raise ImageLoadError(f"{path.name}: the file is empty", code="image_empty", file=path.name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise ImageLoadError(f"{path.name}: image too large ({image.width}x{image.height}; "
                                         f"at most {MAX_PIXELS // 10**6} megapixels)", code="image_too_large",
                                         file=path.name, width=image.width, height=image.height,
                                         limit=MAX_PIXELS // 10**6)
                image.load()
                return to_rgb8(ImageOps.exif_transpose(image))
    except ImageLoadError:
        raise
    except Image.DecompressionBombError as error:
        raise ImageLoadError(f"{path.name}: image too large (over {MAX_PIXELS // 10**6} megapixels)",
                             code="image_too_large_to_open", file=path.name, limit=MAX_PIXELS // 10**6) from error
    except UnidentifiedImageError as error:
        raise ImageLoadError(f"{path.name}: not a readable image ({error})", code="image_unreadable",
                             file=path.name, reason=str(error)) from error
    except Exception as error:  # noqa: BLE001 Pillow's decoders fail on malformed files with OSError,
        # ValueError, SyntaxError, and sometimes TypeError or others: one bad file must not stop a batch
        raise ImageLoadError(f"{path.name}: the image is damaged or truncated ({error})", code="image_damaged",
                             file=path.name, reason=str(error)) from error
