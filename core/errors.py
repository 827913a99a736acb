"""The error types that ``core`` raises.

Each error is data: ``code`` names what went wrong and ``params`` holds its details, so a view
can say it in the judge's language; ``str(error)`` is the English sentence for the command line
and the logs.
"""

from __future__ import annotations

from typing import Any


class FaceScoreError(Exception):
    """Base class: every error ``core`` raises on bad input derives from it."""

    code = "error"

    def __init__(self, message: str = "", *, code: str | None = None, **params: Any):
        super().__init__(message)
        if code is not None:
            self.code = code
        self.params = params


class ImageLoadError(FaceScoreError):
    """An image file cannot be read or decoded."""


class ModelError(FaceScoreError):
    """The bundled model is missing, unreadable or fails its checksum."""


class ValidationError(FaceScoreError):
    """A contestant's details are invalid; ``field`` names the offending field."""

    def __init__(self, field: str, message: str, *, code: str | None = None, **params: Any):
        super().__init__(message, code=code, **params)
        self.field = field


class StoreError(FaceScoreError):
    """A contest file cannot be opened, is not a FaceScore contest, or is damaged."""


class RosterError(FaceScoreError):
    """A roster file cannot be read as a list of contestants."""


class ExportError(FaceScoreError):
    """Results cannot be written to the chosen file."""


class CameraError(FaceScoreError):
    """A camera, video file or image folder cannot be opened as a frame source."""
