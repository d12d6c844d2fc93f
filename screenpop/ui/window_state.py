"""Window size, position and splitter, remembered per screen setup.

An agent's laptop alone and the same laptop docked to two monitors want the
window in different places, so the state is kept per screen setup (every
screen's name, geometry and scale), for the last few setups seen. The file is
``window.json`` in the per-user state folder: UI state, not settings, and
nothing in it is secret. A damaged file costs the default geometry, never a
crash.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from pathlib import Path
from typing import Any

import platformdirs
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QGuiApplication

from screenpop import APP_DIR_NAME
from screenpop.core.files import write_atomically

log = logging.getLogger(__name__)

STATE_FILE = "window.json"
# Screen setups remembered; the least recently used is forgotten first.
MAX_SETUPS = 8
_VERSION = 1


def screen_setup_key() -> str:
    """Names, geometries and scales of every screen, in a stable order."""
    parts = []
    for screen in QGuiApplication.screens():
        area = screen.geometry()
        parts.append(
            f"{screen.name()}:{area.width()}x{area.height()}+{area.x()}+{area.y()}"
            f"@{screen.devicePixelRatio():g}"
        )
    return "|".join(sorted(parts))


def state_path() -> Path:
    return platformdirs.user_state_path(APP_DIR_NAME, appauthor=False) / STATE_FILE


class WindowStateStore:
    """Geometry and splitter state (Qt's opaque bytes) per screen setup."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path

    @property
    def path(self) -> Path:
        return self._path or state_path()

    def load(self, key: str) -> tuple[QByteArray, QByteArray] | None:
        entry = self._read().get(key)
        if not isinstance(entry, dict):
            return None
        try:
            geometry = base64.b64decode(str(entry.get("geometry", "")), validate=True)
            splitter = base64.b64decode(str(entry.get("splitter", "")), validate=True)
        except (binascii.Error, ValueError):
            return None
        return QByteArray(geometry), QByteArray(splitter)

    def save(self, key: str, geometry: QByteArray, splitter: QByteArray) -> None:
        setups = self._read()
        setups.pop(key, None)
        setups[key] = {
            "geometry": base64.b64encode(geometry.data()).decode("ascii"),
            "splitter": base64.b64encode(splitter.data()).decode("ascii"),
        }
        while len(setups) > MAX_SETUPS:
            setups.pop(next(iter(setups)))
        try:
            write_atomically(self.path, json.dumps({"version": _VERSION, "setups": setups}))
        except OSError:
            log.warning("The window's position could not be saved", exc_info=True)

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, RecursionError):
            log.warning("The saved window position is unreadable; the default is used")
            return {}
        setups = data.get("setups") if isinstance(data, dict) else None
        return dict(setups) if isinstance(setups, dict) else {}
