"""The wire format between a launch and the running instance, and where it
listens. Stdlib only: the forwarding path must start fast.

One JSON object per line, UTF-8, at most :data:`MAX_LINE` bytes::

    launch -> instance  {"v": 1, "type": "pop", "arg": "tel:+1...",
                         "activation_token": "...", "startup_id": "..."}
    instance -> launch  {"v": 1, "type": "ack"}
                        {"v": 1, "type": "error", "message": "..."}

A line with another version, type or shape is refused with an error reply,
so an old or foreign client can never make the instance do anything.
"""

from __future__ import annotations

import json
import os
import sys
from collections import namedtuple
from pathlib import Path

PROTOCOL_VERSION = 1
MAX_LINE = 16 * 1024
SOCKET_FILE = "instance.sock"
LOCK_FILE = "instance.lock"


class ProtocolError(ValueError):
    """A line that is not a message of this protocol version."""


# A namedtuple rather than a dataclass: this module is on every launch's path,
# and dataclasses pulls in inspect (about 5 ms).
_PopFields = namedtuple("_PopFields", "arg activation_token startup_id", defaults=("", ""))


class PopMessage(_PopFields):
    """A link or number handed to a later launch, for the running instance.

    ``activation_token`` is the launch's XDG_ACTIVATION_TOKEN (Wayland),
    ``startup_id`` its DESKTOP_STARTUP_ID (X11).
    """

    __slots__ = ()

    def encode(self) -> bytes:
        data = {"v": PROTOCOL_VERSION, "type": "pop", "arg": self.arg}
        if self.activation_token:
            data["activation_token"] = self.activation_token
        if self.startup_id:
            data["startup_id"] = self.startup_id
        return _line(data)

    @classmethod
    def from_environment(cls, arg: str) -> PopMessage:
        """The launcher's focus-stealing tokens travel with the pop, so the
        running instance may raise its window (X11 and Wayland)."""
        return cls(
            arg=arg,
            activation_token=os.environ.get("XDG_ACTIVATION_TOKEN", ""),
            startup_id=os.environ.get("DESKTOP_STARTUP_ID", ""),
        )


def ack_line() -> bytes:
    return _line({"v": PROTOCOL_VERSION, "type": "ack"})


def error_line(message: str) -> bytes:
    return _line({"v": PROTOCOL_VERSION, "type": "error", "message": message})


def _line(data: dict[str, object]) -> bytes:
    return json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n"


def decode_pop(line: bytes) -> PopMessage:
    """One received line -> a pop, or ProtocolError naming what is wrong."""
    data = _decode_object(line)
    if data.get("type") != "pop":
        raise ProtocolError("not a pop message")
    arg = data.get("arg")
    if not isinstance(arg, str):
        raise ProtocolError("'arg' must be text")
    token = data.get("activation_token", "")
    startup = data.get("startup_id", "")
    if not isinstance(token, str) or not isinstance(startup, str):
        raise ProtocolError("tokens must be text")
    return PopMessage(arg=arg, activation_token=token, startup_id=startup)


def decode_reply(line: bytes) -> bool:
    """True for an ack; ProtocolError for anything else (an error reply included)."""
    data = _decode_object(line)
    if data.get("type") == "ack":
        return True
    if data.get("type") == "error":
        raise ProtocolError(str(data.get("message", "refused")))
    raise ProtocolError("not a reply")


def _decode_object(line: bytes) -> dict[str, object]:
    if len(line) > MAX_LINE:
        raise ProtocolError("line too long")
    try:
        data = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ProtocolError("not a JSON line") from exc
    if not isinstance(data, dict):
        raise ProtocolError("not a JSON object")
    if data.get("v") != PROTOCOL_VERSION:
        raise ProtocolError(f"protocol version {data.get('v')!r} is not {PROTOCOL_VERSION}")
    return data


def runtime_dir() -> Path:
    """Per-user and private: $XDG_RUNTIME_DIR on Linux, a 0700 folder in the
    temp dir elsewhere (macOS has no runtime dir; Windows uses a pipe name)."""
    base = os.environ.get("XDG_RUNTIME_DIR")
    if base and os.path.isdir(base):
        return Path(base) / "screenpop"
    import tempfile  # only without a runtime dir: off the common launch path

    return Path(tempfile.gettempdir()) / f"screenpop-{_user_key()}"


def server_name() -> str:
    """What QLocalServer listens on: a full socket path on Unix, a per-user
    pipe name on Windows."""
    if sys.platform == "win32":
        return f"screenpop-{_user_key()}"
    return str(runtime_dir() / SOCKET_FILE)


def _user_key() -> str:
    if hasattr(os, "getuid"):
        return str(os.getuid())
    import getpass  # Windows only

    try:
        user = getpass.getuser()
    except (OSError, KeyError, ImportError):
        user = "user"
    return "".join(ch for ch in user if ch.isalnum()) or "user"


def ensure_runtime_dir() -> Path:
    """Create the private directory (0700), refusing one another user owns."""
    path = runtime_dir()
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if hasattr(os, "getuid"):
        info = path.stat()
        if info.st_uid != os.getuid():
            raise PermissionError(f"{path} belongs to another user")
        if info.st_mode & 0o077:
            path.chmod(0o700)
    return path
