"""The light path: hand a link to the running instance and wait for its ack.

Stdlib only and no Qt: a softphone runs this on every ring. A launch holds
an exclusive lock (``instance.lock`` in the runtime dir) while it decides
whether to forward or to become the instance, so two launches at the same
moment cannot both become one; the lock is released once the new instance
listens (see :mod:`screenpop.instance.server`).
"""

from __future__ import annotations

import enum
import os
import socket
import sys
import time

from screenpop.instance.protocol import (
    LOCK_FILE,
    MAX_LINE,
    PopMessage,
    ProtocolError,
    decode_reply,
    ensure_runtime_dir,
    server_name,
)

# typing costs ~4 ms to import; this module is on every launch's path.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import IO

# Long enough for a busy instance to read a line, short enough that a hung
# one does not hold up the pop: the launch then takes over.
ACK_TIMEOUT = 1.5
# A launch that becomes the instance holds the lock while Qt starts.
LOCK_TIMEOUT = 10.0


class Outcome(enum.Enum):
    FORWARDED = "forwarded"  # the instance acknowledged: exit 0
    NO_INSTANCE = "no_instance"  # nobody listens (or a stale socket): become it
    NO_ACK = "no_ack"  # something listens but never answered: hung, take over
    REFUSED = "refused"  # the instance answered with an error


def forward(message: PopMessage, *, timeout: float = ACK_TIMEOUT) -> Outcome:
    """Send ``message`` to the running instance, if there is one."""
    if sys.platform == "win32":
        return _forward_pipe(message, timeout)
    try:
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    except OSError:
        return Outcome.NO_INSTANCE
    with connection:
        connection.settimeout(timeout)
        deadline = time.monotonic() + timeout
        while True:
            try:
                connection.connect(server_name())
                break
            except (FileNotFoundError, ConnectionRefusedError):
                return Outcome.NO_INSTANCE
            except BlockingIOError:
                # EAGAIN: the instance's queue is full (a burst of launches).
                # It is alive and busy, not hung: wait for a place.
                if time.monotonic() >= deadline:
                    return Outcome.NO_ACK
                time.sleep(0.01)
            except OSError:
                return Outcome.NO_ACK
        return _exchange(connection.makefile("rwb"), message)


def _forward_pipe(message: PopMessage, timeout: float) -> Outcome:
    """Windows: QLocalServer listens on a named pipe, opened like a file."""
    path = rf"\\.\pipe\{server_name()}"
    try:
        stream = open(path, "r+b", buffering=0)  # noqa: SIM115 - closed by _exchange
    except FileNotFoundError:
        return Outcome.NO_INSTANCE
    except OSError:
        return Outcome.NO_ACK
    # Named pipes opened this way have no read timeout; the instance acks at
    # once or the launch is stuck, so keep the line tiny and trust the pipe.
    del timeout
    return _exchange(stream, message)


def _exchange(stream: IO[bytes], message: PopMessage) -> Outcome:
    with stream:
        try:
            stream.write(message.encode())
            stream.flush()
            line = stream.readline(MAX_LINE + 1)
        except (TimeoutError, OSError):
            return Outcome.NO_ACK
    if not line:
        return Outcome.NO_ACK
    try:
        decode_reply(line)
    except ProtocolError:
        return Outcome.REFUSED
    return Outcome.FORWARDED


class LaunchLock:
    """The per-user launch lock, held from "is anyone listening?" until the
    new instance listens. The OS drops it if the process dies."""

    def __init__(self) -> None:
        self._descriptor: int | None = None

    def acquire(self, timeout: float = LOCK_TIMEOUT) -> bool:
        """Wait for the lock; False if another launch held it too long (it is
        then taken to be stuck, and this launch goes on without it)."""
        if sys.platform == "win32":
            return True  # pipe names are created atomically; nothing goes stale
        import fcntl

        directory = ensure_runtime_dir()
        descriptor = os.open(directory / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(descriptor)
                    return False
                time.sleep(0.01)
                continue
            self._descriptor = descriptor
            return True

    def release(self) -> None:
        if self._descriptor is not None:
            os.close(self._descriptor)  # closing releases the lock
            self._descriptor = None
