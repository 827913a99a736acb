"""Where the app's log goes: one rotating file in the data folder that every module logger reaches.

Modules log through ``logging.getLogger(__name__)``; :func:`start_logging` (called once by each
entry point) attaches the handlers to the root logger. The desktop app writes to
``<data folder>/logs/facescore-judge.log``, the file a judge sends when something goes wrong.
"""

from __future__ import annotations

import logging
import platform
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from core.version import app_version

LOG_FOLDER = "logs"
LOG_FILE = "facescore-judge.log"
MAX_BYTES = 1_000_000
BACKUPS = 3  # facescore-judge.log.1 … .3: a few sessions of a busy venue day
FORMAT = "%(asctime)s %(levelname)-8s %(threadName)s %(name)s: %(message)s"

log = logging.getLogger(__name__)


def log_folder(data_dir: Path) -> Path:
    return Path(data_dir) / LOG_FOLDER


def _ours(handler: logging.Handler) -> bool:
    return getattr(handler, "facescore", False)


def start_logging(data_dir: Path | None, *, console: bool = True, level: int = logging.INFO) -> Path | None:
    """Log to ``<data_dir>/logs/facescore-judge.log`` (rotated) and to stderr where there is one.

    Calling it again replaces the handlers it added before. Returns the log file, or None when
    no ``data_dir`` is given or the folder cannot be written (the app then runs without a file).
    """
    root = logging.getLogger()
    for handler in [handler for handler in root.handlers if _ours(handler)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)
    formatter = logging.Formatter(FORMAT)
    handlers: list[logging.Handler] = []
    if console and sys.stderr is not None:  # a Windows GUI build has no stderr
        handlers.append(logging.StreamHandler(sys.stderr))
    path, failure = None, None
    if data_dir is not None:
        try:
            log_folder(data_dir).mkdir(parents=True, exist_ok=True)
            path = log_folder(data_dir) / LOG_FILE
            handlers.append(RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"))
        except OSError as error:
            path, failure = None, error
    for handler in handlers:
        handler.facescore = True
        handler.setFormatter(formatter)
        root.addHandler(handler)
    if failure is not None:
        log.warning("no log file in %s: %s", log_folder(data_dir), failure)
    if path is not None:  # what a reader of a sent log file needs first
        log.info("FaceScore Judge %s, Python %s, %s", app_version(), platform.python_version(), platform.platform())
    return path
