"""Logging: stderr plus a rotating file, with secrets masked on every handler.

The file lives in the platform's per-user log directory (platformdirs).
Every handler gets the same :class:`SecretFilter`, so the password and any
``goPass=`` value are masked in messages, tracebacks and httpx's request
lines alike, whatever logger they come from.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TextIO

from screenpop import APP_DIR_NAME
from screenpop.core.redact import SecretFilter

LOG_FILE = "screenpop.log"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_MAX_BYTES = 1024 * 1024
_BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# One filter for the whole process: the password is added once it is known.
redactor = SecretFilter()


def log_dir() -> Path:
    # Imported here, like logging.handlers below: a one-shot CLI lookup logs
    # to stderr only and need not pay for them (about 15 ms).
    import platformdirs

    return platformdirs.user_log_path(APP_DIR_NAME, appauthor=False)


def setup_logging(
    level: str = "WARNING", *, to_file: bool = True, stream: TextIO | None = None
) -> Path | None:
    """Configure the root logger; returns the log file's path (None without one).

    A log file that cannot be opened (read-only home, full disk) costs the
    file, not the app: logging goes on to stderr.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    root.setLevel(getattr(logging, level.upper(), logging.WARNING))
    handlers: list[logging.Handler] = []
    console = stream or sys.stderr
    if console is not None:  # a windowed Windows build has no stderr at all
        handlers.append(logging.StreamHandler(console))
    path = None
    if to_file:
        path, file_handler = _file_handler()
        if file_handler is not None:
            handlers.append(file_handler)
    for handler in handlers:
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler.addFilter(redactor)
        root.addHandler(handler)
    return path


def _file_handler() -> tuple[Path | None, logging.Handler | None]:
    import logging.handlers

    path = log_dir() / LOG_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        return None, None
    return path, handler


def protect(password: str) -> None:
    """Mask ``password`` in everything logged from now on."""
    redactor.add_secret(password)
