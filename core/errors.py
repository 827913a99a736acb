"""The error types that ``core`` raises. Each carries a human-readable message."""


class FaceScoreError(Exception):
    """Base class: every error ``core`` raises on bad input derives from it."""


class ImageLoadError(FaceScoreError):
    """An image file cannot be read or decoded."""


class ModelError(FaceScoreError):
    """The bundled model is missing, unreadable or fails its checksum."""


class ValidationError(FaceScoreError):
    """A contestant's details are invalid; ``field`` names the offending field."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class StoreError(FaceScoreError):
    """A contest file cannot be opened, is not a FaceScore contest, or is damaged."""


class RosterError(FaceScoreError):
    """A roster file cannot be read as a list of contestants."""


class ExportError(FaceScoreError):
    """Results cannot be written to the chosen file."""


class CameraError(FaceScoreError):
    """A camera, video file or image folder cannot be opened as a frame source."""
