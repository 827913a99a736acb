import io

import numpy as np
import pytest
from PIL import Image

from core.errors import ImageLoadError
from core.images import load_image


def save(tmp_path, name, image, **kwargs):
    path = tmp_path / name
    image.save(path, **kwargs)
    return path


def test_rgb_jpeg(tmp_path, sample_image):
    loaded = load_image(save(tmp_path, "a.jpg", Image.fromarray(sample_image)))
    assert loaded.shape == sample_image.shape and loaded.dtype == np.uint8


@pytest.mark.parametrize("mode", ["L", "CMYK", "P", "RGBA", "LA"])
def test_every_mode_becomes_rgb8(tmp_path, sample_image, mode):
    image = Image.fromarray(sample_image).convert(mode)
    suffix = "jpg" if mode in ("L", "CMYK") else "png"
    loaded = load_image(save(tmp_path, f"a.{suffix}", image))
    assert loaded.shape == (512, 512, 3) and loaded.dtype == np.uint8


def test_sixteen_bit_grey(tmp_path, sample_image):
    grey16 = (np.asarray(Image.fromarray(sample_image).convert("L"), dtype=np.uint16) * 257)
    loaded = load_image(save(tmp_path, "a.png", Image.fromarray(grey16)))
    assert loaded.dtype == np.uint8 and 100 < loaded.mean() < 200


def test_exif_orientation_is_applied(tmp_path, sample_image):
    image = Image.fromarray(sample_image[:, :300])  # 512 high, 300 wide
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise on display
    loaded = load_image(save(tmp_path, "a.jpg", image, exif=exif))
    assert loaded.shape[:2] == (300, 512)


def test_a_photographers_large_frame_keeps_its_pixels_and_a_small_face_in_it_is_scored(
        tmp_path, sample_image, detector, scorer):
    from core.scorer import score_image

    frame = np.full((5504, 8256, 3), 128, np.uint8)  # a 45-megapixel camera
    frame[2600:3112, 4000:4512] = sample_image  # 44 px between the eyes
    loaded = load_image(save(tmp_path, "stage.jpg", Image.fromarray(frame), quality=90))
    assert loaded.shape == frame.shape
    score, prepared = score_image(loaded, detector, scorer)  # shrunk to 4096 px: "too small"
    assert prepared.quality.eye_distance > 40 and 1 <= score.value <= 5


@pytest.mark.parametrize("content,reason", [
    (b"", "empty"),
    (b"not an image at all", "not a readable image"),
])
def test_bad_files(tmp_path, content, reason):
    path = tmp_path / "bad.jpg"
    path.write_bytes(content)
    with pytest.raises(ImageLoadError, match=reason):
        load_image(path)


def test_truncated_jpeg(tmp_path, sample_image):
    buffer = io.BytesIO()
    Image.fromarray(sample_image).save(buffer, "JPEG")
    path = tmp_path / "cut.jpg"
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 3])
    with pytest.raises(ImageLoadError, match="damaged or truncated"):
        load_image(path)


def test_missing_file(tmp_path):
    with pytest.raises(ImageLoadError, match="not found"):
        load_image(tmp_path / "nope.png")


def png_header_claiming(path, width, height):
    """A PNG whose header claims ``width`` x ``height`` pixels, with almost no pixel data."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)))
    return path


@pytest.mark.parametrize("width, height, code", [(13000, 12000, "image_too_large"),
                                                 (30000, 30000, "image_too_large_to_open")], ids=["156 MP", "900 MP"])
def test_too_many_pixels_is_called_too_large(tmp_path, width, height, code):
    # 156 MP: under Pillow's own limit, so only ours can refuse it; 900 MP: Pillow refuses it first
    path = png_header_claiming(tmp_path / "big.png", width, height)
    with pytest.raises(ImageLoadError, match="image too large") as caught:
        load_image(path)
    assert caught.value.code == code


def test_our_limit_is_the_one_that_applies():
    from core.images import MAX_PIXELS

    assert MAX_PIXELS < 2 * Image.MAX_IMAGE_PIXELS


def test_a_folder_is_not_called_missing(tmp_path):
    (tmp_path / "photos.jpg").mkdir()
    with pytest.raises(ImageLoadError, match="folder") as caught:
        load_image(tmp_path / "photos.jpg")
    assert "not found" not in str(caught.value) and caught.value.code == "image_is_folder"
