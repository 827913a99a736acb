"""Malformed images and rosters: whatever the bytes, only FaceScoreError subclasses escape
core.images.load_image + core.faces.prepare_face and core.roster.read_roster, each with a
readable message."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from core.errors import FaceScoreError
from core.faces import prepare_face
from core.images import load_image
from core.roster import read_roster

# Pillow warns about the corrupt TIFF/EXIF data these tests feed it on purpose.
pytestmark = [pytest.mark.faults, pytest.mark.filterwarnings("ignore::UserWarning:PIL.TiffImagePlugin")]

EXAMPLES = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
IMAGE_SUFFIXES = [".jpg", ".png", ".bmp", ".tif", ".webp", ".gif", ".txt"]
IMAGE_FORMATS = ["PNG", "JPEG", "BMP", "TIFF", "WEBP", "GIF"]
ROSTER_SUFFIXES = [".csv", ".txt", ".xlsx", ".xlsm", ".xls", ".pdf"]
TEXT_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp950", "latin-1"]
# dtype -> channel counts Image.fromarray accepts for it
ARRAY_KINDS = {np.uint8: [None, 2, 3, 4], np.uint16: [None], np.int32: [None], np.float32: [None],
               np.bool_: [None]}


def assert_readable(error: FaceScoreError) -> None:
    message = str(error)
    assert message.strip() and any(ch.isalpha() for ch in message), f"{type(error).__name__}: {message!r}"


def check_image(path, detector) -> None:
    try:
        image = load_image(path)
    except FaceScoreError as error:
        assert_readable(error)
        return
    assert image.dtype == np.uint8 and image.ndim == 3 and image.shape[2] == 3
    try:
        prepare_face(image, detector)
    except FaceScoreError as error:
        assert_readable(error)


def check_roster(path) -> None:
    try:
        read_roster(path)
    except FaceScoreError as error:
        assert_readable(error)


def encode(array: np.ndarray, image_format: str) -> bytes:
    """The array as an image file; formats that refuse the array's mode fall back to TIFF."""
    image = Image.fromarray(array)
    buffer = io.BytesIO()
    try:
        image.save(buffer, image_format)
    except (OSError, ValueError, KeyError, TypeError):
        buffer = io.BytesIO()
        image.save(buffer, "TIFF")
    return buffer.getvalue()


@st.composite
def odd_arrays(draw) -> np.ndarray:
    dtype = draw(st.sampled_from(list(ARRAY_KINDS)))
    channels = draw(st.sampled_from(ARRAY_KINDS[dtype]))
    side = st.one_of(st.integers(1, 48), st.integers(500, 1500))
    shape = (draw(side), draw(side)) + ((channels,) if channels else ())
    seed = draw(st.integers(0, 2**32 - 1))
    values = np.random.default_rng(seed).integers(0, 2**16, size=shape)
    if dtype is np.float32:
        return (values / 100.0 - 50.0).astype(np.float32)
    return values.astype(dtype)


@st.composite
def damaged_image_files(draw) -> bytes:
    data = encode(draw(odd_arrays()), draw(st.sampled_from(IMAGE_FORMATS)))
    data = data[: draw(st.integers(0, len(data)))]  # truncated anywhere, or not at all
    flips = draw(st.lists(st.integers(0, max(len(data) - 1, 0)), max_size=4))
    corrupted = bytearray(data)
    for position in flips if data else []:
        corrupted[position] ^= 0xFF
    return bytes(corrupted)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("malformed")


@EXAMPLES
@given(data=st.one_of(st.binary(max_size=4096), damaged_image_files()), suffix=st.sampled_from(IMAGE_SUFFIXES))
def test_malformed_image_files(folder, detector, data, suffix):
    path = folder / f"image{suffix}"
    path.write_bytes(data)
    check_image(path, detector)


@EXAMPLES
@given(array=odd_arrays(), image_format=st.sampled_from(IMAGE_FORMATS))
def test_odd_arrays_saved_as_images(folder, detector, array, image_format):
    path = folder / "odd.img"
    path.write_bytes(encode(array, image_format))
    check_image(path, detector)


def png_claiming(width: int, height: int) -> bytes:
    """A PNG header that claims a huge image, with almost no pixel data."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 64))


@pytest.mark.parametrize("width, height", [(30000, 30000), (15000, 15000), (100000, 1), (1, 100000)])
def test_images_claiming_huge_sizes(folder, detector, width, height):
    path = folder / "huge.png"
    path.write_bytes(png_claiming(width, height))
    check_image(path, detector)


def csv_like(rows: list[list[str]], delimiter: str) -> str:
    return "\n".join(delimiter.join(row) for row in rows)


cells = st.text(st.characters(blacklist_categories=["Cs"]), max_size=12)
csv_texts = st.builds(csv_like, st.lists(st.lists(cells, max_size=6), max_size=12),
                      st.sampled_from([",", ";", "\t", '"', "|"]))


@st.composite
def roster_bytes(draw) -> bytes:
    text = draw(st.one_of(st.text(st.characters(blacklist_categories=["Cs"]), max_size=400), csv_texts))
    return text.encode(draw(st.sampled_from(TEXT_ENCODINGS)), errors="ignore")


@EXAMPLES
@given(data=st.one_of(st.binary(max_size=2048), roster_bytes()), suffix=st.sampled_from(ROSTER_SUFFIXES))
def test_malformed_rosters(folder, data, suffix):
    path = folder / f"roster{suffix}"
    path.write_bytes(data)
    check_roster(path)


@pytest.mark.parametrize("content", [
    "1," + "a" * 200_000 + "\n2,Bea\n",  # a field beyond the csv module's size limit
    '1,"' + "a" * 200_000 + '"\n',
])
def test_rosters_with_oversized_fields(folder, content):
    path = folder / "roster.csv"
    path.write_text(content, encoding="utf-8")
    check_roster(path)
