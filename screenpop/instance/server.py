"""The running instance's side: accept forwarded pops on a QLocalServer.

Each connection may send one line; it is answered with an ack or an error
line and closed. A client that sends nothing, or too much, is cut off after
:data:`CLIENT_TIMEOUT_MS`, so a stuck launcher cannot tie the instance up.
"""

from __future__ import annotations

import logging

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


class InstanceServer(QObject):
    """Listens for later launches; emits ``pop_received(PopMessage)``."""

    pop_received = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        # Only this user may connect (a 0700 runtime dir on Unix, an ACL on Windows).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytearray] = {}

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
        return True

    def is_listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        for connection in list(self._buffers):
            connection.abort()
        self._buffers.clear()
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            if connection is None:
                break
            self._buffers[connection] = bytearray()
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(lambda c=connection: self._forget(c))
            QTimer.singleShot(CLIENT_TIMEOUT_MS, connection, connection.abort)
            self._read(connection)  # data may have arrived with the connection

    def _read(self, connection: QLocalSocket) -> None:
        buffer = self._buffers.get(connection)
        if buffer is None:
            return
        buffer += bytes(connection.readAll().data())
        if b"\n" not in buffer:
            if len(buffer) > MAX_LINE:
                self._answer(connection, error_line("line too long"))
            return
        line = bytes(buffer[: buffer.index(b"\n")])
        try:
            message = decode_pop(line)
        except ProtocolError as exc:
            log.warning("Refused a message from another launch: %s", exc)
            self._answer(connection, error_line(str(exc)))
            return
        self._answer(connection, ack_line())
        self.pop_received.emit(message)

    def _answer(self, connection: QLocalSocket, line: bytes) -> None:
        self._buffers.pop(connection, None)
        connection.write(line)
        connection.flush()
        connection.disconnectFromServer()

    def _forget(self, connection: QLocalSocket) -> None:
        self._buffers.pop(connection, None)
        connection.deleteLater()
