"""The running instance's side: accept forwarded pops on a QLocalServer.

Each connection may send one line; it is answered with an ack or an error
line and closed. A client that sends nothing, or too much, is cut off after
:data:`CLIENT_TIMEOUT_MS`, so a stuck launcher cannot tie the instance up.

A flood of launches (a web page opening links in a loop, a misbehaving
softphone) must not take the window down, so what one client can cost is
bounded:

* at most :data:`MAX_LINE` (+ one read) bytes are buffered per connection:
  Qt's own read buffer is capped too, and a longer line is refused as soon
  as it is known to be too long, without waiting for its end;
* at most :data:`MAX_CLIENTS` connections are served at once; later ones
  wait in the listen queue (the kernel's, not this process's memory). When
  all slots are taken, one held for more than :data:`STALE_AFTER_MS` without
  a complete line is cut off to make room: a real launch sends its line as
  soon as it connects.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from screenpop.instance.protocol import (
    MAX_LINE,
    ProtocolError,
    ack_line,
    decode_pop,
    ensure_runtime_dir,
    error_line,
    server_name,
)

log = logging.getLogger(__name__)
CLIENT_TIMEOUT_MS = 2000
# Launches served at once; far more than a burst of real links needs at one time.
MAX_CLIENTS = 32
# A connection this old without a full line may be cut off when slots run out.
STALE_AFTER_MS = 250
# Connections the kernel queues before this process accepts them. Qt's default
# (50) is soon full when dozens of launches connect at once, and a launch
# refused there takes the instance for hung.
LISTEN_BACKLOG = 256
# How many refusals are logged in a row before the log is spared the rest.
_LOGGED_REFUSALS = 20


class _Client:
    """One accepted connection and what it has sent so far."""

    __slots__ = ("answered", "buffer", "connected_at", "socket")

    def __init__(self, socket: QLocalSocket) -> None:
        self.socket = socket
        self.buffer = bytearray()
        self.connected_at = time.monotonic()
        self.answered = False


class InstanceServer(QObject):
    """Listens for later launches; emits ``pop_received(PopMessage)``."""

    pop_received = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        # Only this user may connect (a 0700 runtime dir on Unix, an ACL on Windows).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.setListenBacklogSize(LISTEN_BACKLOG)
        self._server.newConnection.connect(self._accept)
        # Every open connection, oldest first (answered ones until they close).
        self._clients: dict[QLocalSocket, _Client] = {}
        self._closed = False
        self._refusals = 0

    def listen(self) -> bool:
        """Remove a stale socket (a crashed instance's) and listen.

        Call it only while holding the launch lock, after a forward found
        nobody answering; otherwise a live instance's socket would be taken.
        """
        name = server_name()
        try:
            ensure_runtime_dir()
        except OSError as exc:
            log.warning("No private runtime directory for the instance socket: %s", exc)
            return False
        QLocalServer.removeServer(name)
        if not self._server.listen(name):
            log.warning("Cannot listen for other launches: %s", self._server.errorString())
            return False
        self._closed = False
        return True

    def open_connections(self) -> int:
        """Connections accepted and not yet closed."""
        return len(self._clients)

    def close(self) -> None:
        """Stop listening (the socket file goes) and drop every connection; idempotent."""
        self._closed = True
        self._server.close()
        for connection in list(self._clients):
            connection.abort()
        self._clients.clear()

    # --- connections

    def _accept(self) -> None:
        while not self._closed and self._server.hasPendingConnections():
            if len(self._clients) >= MAX_CLIENTS and not self._cut_off_a_stale_client():
                return  # the rest wait in the queue until a slot frees up
            connection = self._server.nextPendingConnection()
            if connection is None:
                break
            # Qt stops reading from the socket once this much is buffered.
            connection.setReadBufferSize(MAX_LINE + 1)
            self._clients[connection] = _Client(connection)
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(lambda c=connection: self._forget(c))
            QTimer.singleShot(CLIENT_TIMEOUT_MS, connection, connection.abort)
            self._read(connection)  # data may have arrived with the connection

    def _cut_off_a_stale_client(self) -> bool:
        """Make room by aborting the oldest connection that has had time to
        send its line and has not; False when every slot is busy for real."""
        oldest = next((c for c in self._clients.values() if not c.answered), None)
        if oldest is None or (time.monotonic() - oldest.connected_at) * 1000 < STALE_AFTER_MS:
            return False  # connections come oldest first: the others are younger still
        self._forget(oldest.socket)
        oldest.socket.abort()
        return True

    def _read(self, connection: QLocalSocket) -> None:
        client = self._clients.get(connection)
        if client is None or client.answered:
            return
        buffer = client.buffer
        # Never more than one line's worth: past that the line is too long anyway.
        buffer += bytes(connection.read(MAX_LINE + 1 - len(buffer)).data())
        end = buffer.find(b"\n")
        if end < 0:
            if len(buffer) > MAX_LINE:
                self._refuse(connection, "line too long")
            return
        try:
            message = decode_pop(bytes(buffer[:end]))
        except ProtocolError as exc:
            self._refuse(connection, str(exc))
            return
        self._refusals = 0
        self._answer(connection, ack_line())
        self.pop_received.emit(message)

    def _refuse(self, connection: QLocalSocket, reason: str) -> None:
        self._refusals += 1
        if self._refusals <= _LOGGED_REFUSALS:
            log.warning("Refused a message from another launch: %s", reason)
        elif self._refusals == _LOGGED_REFUSALS + 1:
            log.warning("Refusing more messages from other launches; no longer logging each")
        self._answer(connection, error_line(reason))

    def _answer(self, connection: QLocalSocket, line: bytes) -> None:
        client = self._clients.get(connection)
        if client is not None:
            client.answered = True
            client.buffer = bytearray()
        connection.write(line)
        connection.flush()
        connection.disconnectFromServer()

    def _forget(self, connection: QLocalSocket) -> None:
        if self._clients.pop(connection, None) is None:
            return
        connection.deleteLater()
        if not self._closed and self._server.hasPendingConnections():
            # A slot is free: let a launch waiting in the queue in.
            QTimer.singleShot(0, self, self._accept)
