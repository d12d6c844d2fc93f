"""A scriptable raw-socket "dialer" for hostile-reply tests (stdlib only).

Every connection gets its own thread. The server reads one HTTP request; when
its form asks for ``lead_id=14246`` it answers a good JSON record, otherwise it
runs the current :attr:`HostileServer.scenario`, a function that writes raw
bytes to the socket. So anything a broken or hostile server can do is
possible: resets, trickles, silence, lying framing, endless bodies.

TLS: give ``tls=`` an :class:`ssl.SSLContext` (``server_side``, e.g. from
trustme); the context can be swapped between lookups (:attr:`tls`), so one
server can show a good certificate, then an expired one, then a good one
again. ``tls=None`` on a server started with TLS makes it answer in plain
HTTP on its https port, as a misconfigured server does.

Every connection is closed after one exchange (``Connection: close``).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import select
import socket
import ssl
import struct
import threading
import time
import urllib.parse
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

GOOD_LEAD_ID = "14246"
GOOD_NAME = "Bruno M Macias"
GOOD_RECORD: dict[str, object] = {
    "result": "success",
    "lead_info": {
        "lead_id": GOOD_LEAD_ID,
        "list_id": "22799125",
        "first_name": "Bruno",
        "middle_initial": "M",
        "last_name": "Macias",
        "phone_number": "8004321000",
        "city": "Mexico City",
        "comments": "the good record",
    },
    "custom_info": {"plan_name": "Gold"},
    "is_customer": "1",
}
ENDPOINT_PATH = "/goAPIv2/goAgent/goAPI.php"
# A handler never waits on a silent client longer than this.
_SOCKET_TIMEOUT = 10.0
_MAX_REQUEST_HEAD = 64 * 1024


class ClientGone(Exception):
    """The client closed or reset the connection while the server wrote."""


@dataclass
class Request:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes
    form: dict[str, str]


Scenario = Callable[["Exchange"], None]


@dataclass
class Exchange:
    """One hostile answer in progress: the connection and the request it answers."""

    sock: socket.socket
    request: Request
    server: HostileServer

    def send(self, data: bytes) -> None:
        """Write ``data``; raises :class:`ClientGone` if the client has left."""
        try:
            self.sock.sendall(data)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError, OSError) as exc:
            self.server.client_gone.set()
            raise ClientGone from exc
        self.server.bytes_sent += len(data)

    def respond(
        self,
        status: int = 200,
        body: bytes = b"",
        headers: Iterable[tuple[str, str]] = (),
        *,
        reason: str = "",
        content_type: str = "text/html; charset=UTF-8",
        content_length: bool = True,
    ) -> None:
        head = [f"HTTP/1.1 {status} {reason or _REASONS.get(status, 'Whatever')}"]
        if content_type:
            head.append(f"Content-Type: {content_type}")
        if content_length:
            head.append(f"Content-Length: {len(body)}")
        head += [f"{name}: {value}" for name, value in headers]
        head.append("Connection: close")
        self.send(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)

    def hold(self, seconds: float = _SOCKET_TIMEOUT) -> bool:
        """Keep the connection open, saying nothing, until the client closes it
        (True) or ``seconds`` pass or the server stops (False)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not self.server.stopping.is_set():
            readable, _, _ = select.select([self.sock], [], [], 0.05)
            if readable:
                try:
                    data = self.sock.recv(4096)
                except (OSError, ssl.SSLError):
                    data = b""
                if not data:
                    self.server.client_gone.set()
                    return True
        return False

    def reset(self) -> None:
        """Abort with a TCP RST (SO_LINGER 0), not a polite FIN."""
        # No TLS close_notify either: close() on an SSLSocket sends none.
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.sock.close()

    def sleep(self, seconds: float) -> None:
        self.server.stopping.wait(seconds)


_REASONS = {
    100: "Continue",
    200: "OK",
    204: "No Content",
    301: "Moved Permanently",
    302: "Found",
    307: "Temporary Redirect",
    401: "Unauthorized",
    404: "Not Found",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


@dataclass
class HostileServer:
    """A loopback server on 127.0.0.1; use as a context manager or start()/stop()."""

    tls: ssl.SSLContext | None = None
    scenario: Scenario | None = None
    requests: list[Request] = field(default_factory=list)
    connections: int = 0
    bytes_sent: int = 0
    tls_failures: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.scheme = "https" if self.tls is not None else "http"
        self.stopping = threading.Event()
        self.client_gone = threading.Event()
        self._listener: socket.socket | None = None
        self._port = 0
        self._threads: list[threading.Thread] = []
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()

    # --- life cycle

    def start(self) -> HostileServer:
        self._listen()
        return self

    def __enter__(self) -> HostileServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        self.stopping.set()
        self._close_listener()
        with self._lock:
            for sock in list(self._open):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
        for thread in list(self._threads):
            thread.join(timeout=5)

    def pause(self) -> None:
        """Stop listening: connections are refused until :meth:`resume`."""
        self._close_listener()

    def resume(self) -> None:
        """Listen again on the same port."""
        self._listen(self._port)

    def _listen(self, port: int = 0) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", port))
        listener.listen(16)
        listener.settimeout(0.05)
        self._port = listener.getsockname()[1]
        self._listener = listener
        thread = threading.Thread(
            target=self._accept_loop, args=(listener,), name="hostile-accept", daemon=True
        )
        self._threads.append(thread)
        thread.start()

    def _close_listener(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()
            # The accept loop notices the closed socket within its timeout.
            time.sleep(0.06)

    # --- addresses

    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self._port}"

    @property
    def endpoint(self) -> str:
        return self.base_url + ENDPOINT_PATH

    @property
    def hostile_requests(self) -> list[Request]:
        """Requests that were not for the good record."""
        return [r for r in self.requests if r.form.get("lead_id") != GOOD_LEAD_ID]

    def reset_counters(self) -> None:
        self.bytes_sent = 0
        self.client_gone.clear()

    # --- serving

    def _accept_loop(self, listener: socket.socket) -> None:
        while not self.stopping.is_set() and self._listener is listener:
            try:
                sock, _address = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            thread = threading.Thread(
                target=self._serve, args=(sock,), name="hostile-conn", daemon=True
            )
            self._threads.append(thread)
            thread.start()

    def _serve(self, sock: socket.socket) -> None:
        sock.settimeout(_SOCKET_TIMEOUT)
        tls = self.tls
        with self._lock:
            self._open.add(sock)
        try:
            if tls is not None:
                try:
                    sock = tls.wrap_socket(sock, server_side=True)
                except (ssl.SSLError, OSError) as exc:
                    self.tls_failures.append(str(exc))
                    return
                with self._lock:
                    self._open.add(sock)
            try:
                request = _read_request(sock)
            except _NotHttp:
                # What nginx says when TLS reaches a plain-http port.
                _send_quietly(
                    sock,
                    b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\n"
                    b"Content-Length: 48\r\nConnection: close\r\n\r\n"
                    b"The plain HTTP request was sent to HTTPS port\r\n\r\n",
                )
                return
            if request is None:
                return
            self.requests.append(request)
            exchange = Exchange(sock, request, self)
            scenario = self.scenario
            if request.form.get("lead_id") == GOOD_LEAD_ID or scenario is None:
                scenario = good_record
            with contextlib.suppress(ClientGone, OSError, ssl.SSLError):
                scenario(exchange)
        finally:
            with self._lock:
                self._open.discard(sock)
            with contextlib.suppress(OSError):
                sock.close()


class _NotHttp(Exception):
    pass


def _send_quietly(sock: socket.socket, data: bytes) -> None:
    with contextlib.suppress(OSError):
        sock.sendall(data)


def _read_request(sock: socket.socket) -> Request | None:
    data = b""
    while b"\r\n\r\n" not in data:
        try:
            chunk = sock.recv(65536)
        except (OSError, ssl.SSLError):
            return None
        if not chunk:
            return None
        data += chunk
        if data[:1] == b"\x16" or len(data) > _MAX_REQUEST_HEAD:
            raise _NotHttp
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    try:
        method, target, _version = lines[0].split(" ", 2)
    except ValueError as exc:
        raise _NotHttp from exc
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0") or 0)
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        rest += chunk
    body = rest[:length]
    form = dict(urllib.parse.parse_qsl(body.decode("latin-1")))
    form.update(urllib.parse.parse_qsl(urllib.parse.urlsplit(target).query))
    return Request(method, target, headers, body, form)


# ------------------------------------------------------------- scenarios


def good_record(exchange: Exchange) -> None:
    exchange.respond(200, json.dumps(GOOD_RECORD).encode())


def reply(
    status: int = 200,
    body: bytes | str = b"",
    *headers: tuple[str, str],
    content_type: str = "text/html; charset=UTF-8",
) -> Scenario:
    """A complete, well-framed HTTP reply."""
    data = body.encode() if isinstance(body, str) else body

    def scenario(exchange: Exchange) -> None:
        exchange.respond(status, data, headers, content_type=content_type)

    return scenario


def json_reply(payload: object) -> Scenario:
    return reply(200, json.dumps(payload))


def raw(*parts: bytes, then: str = "close") -> Scenario:
    """Write ``parts`` as they are; then ``close`` (FIN), ``hold`` the
    connection open, or ``reset`` it."""

    def scenario(exchange: Exchange) -> None:
        for part in parts:
            exchange.send(part)
        if then == "hold":
            exchange.hold()
        elif then == "reset":
            exchange.reset()

    return scenario


def never_answer(exchange: Exchange) -> None:
    """Accept, read the request, then say nothing until the client gives up."""
    exchange.hold()


def reset_connection(exchange: Exchange) -> None:
    exchange.reset()


def trickle(body: bytes, *, interval: float = 0.25) -> Scenario:
    """Valid headers, then the body one byte every ``interval`` seconds: every
    single read is quick, so only a total deadline ends it."""

    def scenario(exchange: Exchange) -> None:
        exchange.send(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
        )
        for index in range(len(body)):
            exchange.send(body[index : index + 1])
            exchange.sleep(interval)
            if exchange.server.stopping.is_set():
                return

    return scenario


def endless_body(
    *, chunk: bytes = b'{"result":"success","lead_info":{"x":"' + b"A" * 65536
) -> Scenario:
    """A chunked body that never ends (stops at 512 MiB, or when the client leaves)."""

    def scenario(exchange: Exchange) -> None:
        exchange.send(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        )
        framed = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
        while exchange.server.bytes_sent < 512 * 1024 * 1024:
            exchange.send(framed)

    return scenario


def continue_forever(exchange: Exchange) -> None:
    """``100 Continue`` over and over, never a final status."""
    while not exchange.server.stopping.is_set():
        exchange.send(b"HTTP/1.1 100 Continue\r\n\r\n")
        exchange.sleep(0.02)


def endless_headers(exchange: Exchange) -> None:
    """A status line, then header lines without end."""
    exchange.send(b"HTTP/1.1 200 OK\r\n")
    line = b"X-Padding: " + b"p" * 1000 + b"\r\n"
    for _ in range(10_000):
        exchange.send(line)


# ------------------------------------------------------------- bodies


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9)


def zeros_gzip(size: int) -> bytes:
    """gzip of ``size`` zero bytes, built in pieces (never ``size`` in memory)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = bytes(1024 * 1024)
    parts = []
    remaining = size
    while remaining > 0:
        piece = block if remaining >= len(block) else bytes(remaining)
        parts.append(compressor.compress(piece))
        remaining -= len(piece)
    parts.append(compressor.flush())
    return b"".join(parts)


def record_with(
    lead: dict[str, object] | None = None, custom: object = None, **top: object
) -> bytes:
    """A success reply whose lead_info is ``lead`` (lead_id 15001 unless given)."""
    lead_info = {"lead_id": "15001", **(lead or {})}
    payload = {"result": "success", "lead_info": lead_info, "custom_info": custom, **top}
    return json.dumps(payload).encode()


@contextlib.contextmanager
def running(server: HostileServer) -> Iterator[HostileServer]:
    server.start()
    try:
        yield server
    finally:
        server.stop()


# ------------------------------------------------------------- certificates


class Certificates:
    """Server certificates for TLS tests, all minted here (trustme, cryptography):
    nothing comes from or goes to the network.

    Kinds: ``good`` (127.0.0.1, from :attr:`ca`), ``expired``, ``not-yet-valid``,
    ``wrong-host`` (for dialer.example.com), ``unknown-ca`` (another CA),
    ``self-signed``; and ``plain``: no TLS at all (``None``).
    """

    def __init__(self, directory: str, *, names: tuple[str, ...] = ("127.0.0.1",)) -> None:
        import trustme

        self._trustme = trustme
        self.names = names
        self.ca = trustme.CA()
        self.ca_file = f"{directory}/screenpop-test-ca.pem"
        self.ca.cert_pem.write_to_path(self.ca_file)
        self._directory = directory
        self._contexts: dict[str, ssl.SSLContext | None] = {}

    def context(self, kind: str = "good") -> ssl.SSLContext | None:
        if kind not in self._contexts:
            self._contexts[kind] = self._make(kind)
        return self._contexts[kind]

    def _make(self, kind: str) -> ssl.SSLContext | None:
        import datetime as dt

        now = dt.datetime.now(dt.timezone.utc)
        if kind == "plain":
            return None
        if kind == "self-signed":
            return self._self_signed()
        if kind == "good":
            leaf = self.ca.issue_cert(*self.names)
        elif kind == "expired":
            leaf = self.ca.issue_cert(
                *self.names,
                not_before=now - dt.timedelta(days=60),
                not_after=now - dt.timedelta(days=30),
            )
        elif kind == "not-yet-valid":
            leaf = self.ca.issue_cert(
                *self.names,
                not_before=now + dt.timedelta(days=30),
                not_after=now + dt.timedelta(days=60),
            )
        elif kind == "wrong-host":
            leaf = self.ca.issue_cert("dialer.example.com")
        elif kind == "unknown-ca":
            leaf = self._trustme.CA().issue_cert(*self.names)
        else:
            raise ValueError(kind)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        leaf.configure_cert(context)
        return context

    def _self_signed(self) -> ssl.SSLContext:
        import datetime as dt
        import ipaddress

        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID

        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, self.names[0])])
        alt_names: list[x509.GeneralName] = []
        for host in self.names:
            try:
                alt_names.append(x509.IPAddress(ipaddress.ip_address(host)))
            except ValueError:
                alt_names.append(x509.DNSName(host))
        now = dt.datetime.now(dt.timezone.utc)
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName(alt_names), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(key, hashes.SHA256())
        )
        cert_file = f"{self._directory}/self-signed.pem"
        key_file = f"{self._directory}/self-signed.key"
        with open(cert_file, "wb") as stream:
            stream.write(cert.public_bytes(serialization.Encoding.PEM))
        with open(key_file, "wb") as stream:
            stream.write(
                key.private_bytes(
                    serialization.Encoding.PEM,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )
            )
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert_file, key_file)
        return context
