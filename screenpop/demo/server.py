"""An embedded, goAPI-compatible server for demos and tests.

It answers ``goGetCustomerInfo`` the way a GOautodial 4 / croco-dial server
does (see ``API-NOTES.md``), warts included: HTTP 200 for every API error,
JSON served as ``text/html``, XML when ``responsetype`` is missing, PHP
parameter-name mangling, the login lockout, optional PHP notice noise. That
lets the client, the GUI and the benchmarks run against something realistic
without a dialer, and lets tests look at exactly what a client sent.

Only the standard library is used so the server runs anywhere the app runs.
It binds to loopback only: it knows a fixed demo password, so it must never
be reachable from the network.
"""

from __future__ import annotations

import contextlib
import enum
import hmac
import ipaddress
import json
import re
import socket
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import parse_qsl, urlsplit
from xml.sax.saxutils import escape

from screenpop.demo.account import DEMO_PASSWORD, DEMO_USER, NOAPI_PASSWORD, NOAPI_USER
from screenpop.demo.leads import SAMPLE_LEADS, DemoLead

ENDPOINT_PATH = "/goAPIv2/goAgent/goAPI.php"

# What a PHP server with display_errors on puts in front of the real body.
PHP_NOTICE = (
    "<br />\n<b>Notice</b>:  Undefined index: goLeadID in "
    "<b>/var/www/html/goAPIv2/goAgent/goGetCustomerInfo.php</b> on line <b>12</b><br />\n"
)

BAD_RESPONSETYPE_BODY = (
    "result=error;message=This API function only accepts XML or JSON value on responsetype;"
)

# PHP's default Content-Type: real servers send JSON with it.
_HTML_TYPE = "text/html; charset=UTF-8"
_XML_TYPE = "text/xml; charset=UTF-8"

# Characters the server deletes from goPass before checking it.
_PASS_STRIP = str.maketrans("", "", "'\"\\; ")
# Characters XML 1.0 cannot carry at all, escaped or not.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Large enough for any real form post, small enough that a bad client cannot
# make the server buffer megabytes.
_MAX_BODY = 64 * 1024

_KNOWN_ACTIONS = frozenset({"goGetCustomerInfo"})

ApiResult = dict[str, object]


@dataclass(frozen=True)
class ReceivedRequest:
    """One request as it arrived, for tests to inspect.

    Names and values are raw: no PHP name mangling, so a test can tell
    ``phone number`` from ``phone_number``.
    """

    method: str
    path: str
    query: dict[str, str]
    form: dict[str, str]
    headers: dict[str, str]


class _Auth(enum.Enum):
    GOOD = "good"
    BAD = "bad"
    LOCKED = "locked"


class _LoginGuard:
    """Counts consecutive failed logins per user and locks them out.

    Check and update happen under one lock so that concurrent bad logins
    cannot slip past the limit.
    """

    def __init__(self, max_failures: int, lockout_seconds: float) -> None:
        if max_failures < 1:
            raise ValueError("max_failed_logins must be at least 1")
        if lockout_seconds < 0:
            raise ValueError("lockout_seconds cannot be negative")
        self._max = max_failures
        self._lockout = lockout_seconds
        self._lock = threading.Lock()
        self._failures: dict[str, int] = {}
        self._locked_until: dict[str, float] = {}

    def attempt(self, user: str, password_ok: bool) -> _Auth:
        """Record one login attempt and say how it went."""
        now = time.monotonic()
        with self._lock:
            until = self._locked_until.get(user)
            if until is not None:
                if now < until:
                    return _Auth.LOCKED
                del self._locked_until[user]
            if password_ok:
                self._failures.pop(user, None)
                return _Auth.GOOD
            count = self._failures.get(user, 0) + 1
            if count >= self._max:
                self._failures.pop(user, None)
                self._locked_until[user] = now + self._lockout
            else:
                self._failures[user] = count
            return _Auth.BAD


# ----------------------------------------------------------------- parameters


def _parse_pairs(text: str) -> dict[str, str]:
    """Parse a urlencoded string; a repeated name keeps its last value, as in PHP."""
    return dict(parse_qsl(text, keep_blank_values=True, errors="replace"))


def _php_name(name: str) -> str:
    """PHP turns spaces and dots in parameter names into underscores."""
    return name.replace(" ", "_").replace(".", "_")


def _request_params(query: Mapping[str, str], form: Mapping[str, str]) -> dict[str, str]:
    """Merge query and body like ``$_REQUEST``: mangled names, the body wins."""
    params = {_php_name(k): v for k, v in query.items()}
    params.update((_php_name(k), v) for k, v in form.items())
    return params


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isascii() and ch.isdigit())


# -------------------------------------------------------------------- replies


def _error(message: str, **extra: str) -> ApiResult:
    return {"result": "error", "message": message, **extra}


def _success(lead: DemoLead) -> ApiResult:
    return {
        "result": "success",
        "lead_info": lead.lead_info(),
        "custom_info": lead.custom_info_copy(),
        "is_customer": lead.customers,
    }


def _render_json(result: ApiResult) -> bytes:
    # Compact separators and raw UTF-8, like PHP's json_encode with UNESCAPED_UNICODE.
    return json.dumps(result, ensure_ascii=False, separators=(",", ":")).encode()


def _xml_text(value: object) -> str:
    return escape(_XML_ILLEGAL.sub("", str(value)))


def _xml_element(name: str, value: object) -> str:
    """One element; dicts nest, ``None`` and empty containers become ``<name/>``."""
    if value is None or (isinstance(value, dict | list) and not value):
        return f"<{name}/>"
    if isinstance(value, dict):
        children = "".join(_xml_element(k, v) for k, v in value.items())
        return f"<{name}>{children}</{name}>"
    if isinstance(value, list):
        children = "".join(_xml_element("item", v) for v in value)
        return f"<{name}>{children}</{name}>"
    return f"<{name}>{_xml_text(value)}</{name}>"


def _render_xml(action: str, result: ApiResult) -> bytes:
    # Upstream adds <action> only when goAction was given.
    action_xml = _xml_element("action", action) if action else ""
    body = "".join(_xml_element(k, v) for k, v in result.items())
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<goautodialapi version="4.0">{action_xml}{body}</goautodialapi>'
    )
    return document.encode("utf-8")


def _render(responsetype: str, action: str, result: ApiResult) -> tuple[bytes, str]:
    """Body and Content-Type for a result, as goAPI.php's output stage does."""
    if responsetype == "json":
        return _render_json(result), _HTML_TYPE
    if responsetype in ("", "xml"):
        return _render_xml(action, result), _XML_TYPE
    return BAD_RESPONSETYPE_BODY.encode("utf-8"), _HTML_TYPE


def _not_found_page(path: str) -> bytes:
    return (
        '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n'
        "<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n"
        f"<p>The requested URL {escape(path)} was not found on this server.</p>\n"
        "</body></html>\n"
    ).encode()


# --------------------------------------------------------------------- server


def _check_loopback(host: str) -> None:
    """Refuse any address but loopback: the demo password is public."""
    if host == "localhost":
        return
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(f"the demo server binds to loopback only, not {host!r}")


class DemoServer:
    """A goAPI-compatible HTTP server on loopback, served from a daemon thread.

    Thread-safe knobs (``delay``, ``set_delay_for``, ``php_notices``) may be
    changed while it runs, so a test can make one lookup slow or noisy.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        user: str = DEMO_USER,
        password: str = DEMO_PASSWORD,
        leads: Sequence[DemoLead] | None = None,
        max_failed_logins: int = 10,
        lockout_seconds: float = 900.0,
    ) -> None:
        _check_loopback(host)
        self._host = host
        self._requested_port = port
        self._accounts = {NOAPI_USER: NOAPI_PASSWORD, user: password}
        self._api_denied = frozenset({NOAPI_USER} - {user})
        self._by_id, self._by_phone = _index(SAMPLE_LEADS if leads is None else leads)
        self._guard = _LoginGuard(max_failed_logins, lockout_seconds)
        self._lock = threading.Lock()
        self._received: list[ReceivedRequest] = []
        self._delay = 0.0
        self._delays_for: dict[str, float] = {}
        self._php_notices = False
        # Set while stopped so that sleeping handlers wake up at once.
        self._stopping = threading.Event()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._port: int | None = None

    # --- lifecycle

    def start(self) -> DemoServer:
        """Bind and serve in a daemon thread; calling it again does nothing."""
        with self._lock:
            if self._httpd is not None:
                return self
            self._stopping.clear()
            httpd = _HTTPServer((self._host, self._requested_port), self)
            self._httpd = httpd
            self._port = httpd.server_address[1]
            self._thread = threading.Thread(
                target=httpd.serve_forever,
                name=f"demo-goapi-{self._port}",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, close every connection and join; idempotent."""
        with self._lock:
            httpd, thread = self._httpd, self._thread
            self._httpd = self._thread = None
        if httpd is None:
            return
        self._stopping.set()
        httpd.shutdown_now()
        httpd.close_connections()
        httpd.server_close()
        if thread is not None:
            thread.join()

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- addresses

    @property
    def port(self) -> int:
        """The bound port (kept after ``stop`` so tests can probe it)."""
        if self._port is None:
            raise RuntimeError("the demo server has not been started")
        return self._port

    @property
    def base_url(self) -> str:
        host = f"[{self._host}]" if ":" in self._host else self._host
        return f"http://{host}:{self.port}"

    @property
    def endpoint(self) -> str:
        return self.base_url + ENDPOINT_PATH

    # --- recorded requests

    @property
    def received(self) -> list[ReceivedRequest]:
        """A snapshot of every request so far, in arrival order."""
        with self._lock:
            return list(self._received)

    def clear_received(self) -> None:
        with self._lock:
            self._received.clear()

    def _record(self, request: ReceivedRequest) -> None:
        with self._lock:
            self._received.append(request)

    # --- test knobs

    @property
    def delay(self) -> float:
        """Seconds to wait before answering any request."""
        with self._lock:
            return self._delay

    @delay.setter
    def delay(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("delay cannot be negative")
        with self._lock:
            self._delay = float(seconds)

    def set_delay_for(self, key: str, seconds: float) -> None:
        """Slow down only lookups of one lead id or phone (digits); 0 removes it."""
        if seconds < 0:
            raise ValueError("delay cannot be negative")
        with self._lock:
            if seconds:
                self._delays_for[key] = float(seconds)
            else:
                self._delays_for.pop(key, None)

    @property
    def php_notices(self) -> bool:
        """Whether API replies start with a PHP notice block."""
        with self._lock:
            return self._php_notices

    @php_notices.setter
    def php_notices(self, enabled: bool) -> None:
        with self._lock:
            self._php_notices = bool(enabled)

    def _sleep(self, seconds: float) -> None:
        # An Event wait instead of time.sleep so stop() never waits on a delay.
        if seconds > 0:
            self._stopping.wait(seconds)

    def _sleep_for_key(self, key: str) -> None:
        with self._lock:
            seconds = self._delays_for.get(key, 0.0)
        self._sleep(seconds)

    # --- the API

    def handle_api(self, query: Mapping[str, str], form: Mapping[str, str]) -> tuple[bytes, str]:
        """Answer one goAPI request: body bytes and Content-Type."""
        params = _request_params(query, form)
        action = params.get("goAction", "")
        result = self._dispatch(action, params)
        body, content_type = _render(params.get("responsetype", ""), action, result)
        if self.php_notices:
            body = PHP_NOTICE.encode("utf-8") + body
        return body, content_type

    def _dispatch(self, action: str, params: Mapping[str, str]) -> ApiResult:
        # Same order as upstream goAPI.php: the action name is checked before
        # the login, so a bad action never counts as a failed login.
        if not action:
            return _error("goAction should NOT be empty")
        if action not in _KNOWN_ACTIONS:
            return _error("Command NOT Found")
        user = params.get("goUser", "")
        refusal = self._login(user, params.get("goPass", ""))
        if refusal is not None:
            return refusal
        if user in self._api_denied:
            return _error(f"User '{user}' is NOT allowed to access GOagent API")
        return self._get_customer_info(params)

    def _login(self, user: str, password: str) -> ApiResult | None:
        """None when the login is good, else the error reply."""
        expected = self._accounts.get(user)
        given = password.translate(_PASS_STRIP)
        ok = expected is not None and hmac.compare_digest(given.encode(), expected.encode())
        outcome = self._guard.attempt(user, ok)
        if outcome is _Auth.LOCKED:
            return _error("Too many login attempts, try again in 15 minutes")
        if outcome is _Auth.BAD:
            # Some servers leak the query text here; clients must never show it.
            sql = (
                "SELECT user,pass FROM vicidial_users WHERE "
                f"user='{user}' AND active='Y' AND user_level > 0;"
            )
            return _error("Login incorrect, please try again", auth_message=sql)
        return None

    def _get_customer_info(self, params: Mapping[str, str]) -> ApiResult:
        lead_id = params.get("goLeadID") or params.get("lead_id") or ""
        if lead_id:
            return self._lookup_lead_id(lead_id)
        phone = _digits(params.get("phone_number", ""))
        if phone:
            return self._lookup_phone(phone)
        return _error("You did NOT specify a valid Lead ID")

    def _lookup_lead_id(self, lead_id: str) -> ApiResult:
        if not (lead_id.isascii() and lead_id.isdigit()):
            return _error("You did NOT specify a valid Lead ID")
        self._sleep_for_key(lead_id)
        lead = self._by_id.get(int(lead_id))
        if lead is None:
            return _error(f"Lead ID '{lead_id}' does NOT exist on the database")
        return _success(lead)

    def _lookup_phone(self, phone: str) -> ApiResult:
        self._sleep_for_key(phone)
        lead = self._by_phone.get(phone)
        if lead is None:
            return _error(f"Phone number '{phone}' does NOT exist on the database")
        return _success(lead)


def _index(leads: Sequence[DemoLead]) -> tuple[dict[int, DemoLead], dict[str, DemoLead]]:
    """Leads by id, and by phone digits keeping the highest lead id."""
    by_id: dict[int, DemoLead] = {}
    by_phone: dict[str, DemoLead] = {}
    for lead in leads:
        if lead.lead_id in by_id:
            raise ValueError(f"duplicate lead id {lead.lead_id}")
        by_id[lead.lead_id] = lead
        current = by_phone.get(lead.phone_digits)
        if current is None or lead.lead_id > current.lead_id:
            by_phone[lead.phone_digits] = lead
    return by_id, by_phone


# ----------------------------------------------------------------------- HTTP


class _HTTPServer(ThreadingHTTPServer):
    """ThreadingHTTPServer that knows its DemoServer and its open connections."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], app: DemoServer) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.app = app
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def track(self, connection: socket.socket, active: bool) -> None:
        with self._connections_lock:
            if active:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    def shutdown_now(self) -> None:
        """``shutdown()`` without waiting out serve_forever's poll interval.

        shutdown() only raises a flag that the accept loop checks when its
        select() returns; connecting to ourselves makes it return at once, so
        stopping takes milliseconds instead of up to half a second.
        """
        stopper = threading.Thread(target=self.shutdown, daemon=True)
        stopper.start()
        while stopper.is_alive():
            with contextlib.suppress(OSError):
                socket.create_connection(self.server_address[:2], timeout=0.5).close()
            stopper.join(0.01)

    def close_connections(self) -> None:
        """End idle keep-alive connections, which would otherwise outlive stop()."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):  # already closed by the peer
                connection.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: object, client_address: object) -> None:
        # Clients hanging up (or stop() cutting them off) is normal here.
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class _Handler(BaseHTTPRequestHandler):
    """Translate HTTP to DemoServer calls; keeps no state of its own."""

    server: _HTTPServer
    protocol_version = "HTTP/1.1"  # keep-alive, hence Content-Length everywhere
    disable_nagle_algorithm = True  # headers and body go out as separate writes
    timeout = 30.0  # drop idle keep-alive connections eventually

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection, active=True)

    def finish(self) -> None:
        self.server.track(self.connection, active=False)
        super().finish()

    def version_string(self) -> str:
        return "Apache"

    def log_message(self, format: str, *args: object) -> None:
        """Silent: the request line of a GET carries goPass in clear text."""

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _serve(self) -> None:
        body = self._read_body()
        if body is None:
            return
        app = self.server.app
        split = urlsplit(self.path)
        form = self._form(body)
        app._record(
            ReceivedRequest(
                method=self.command,
                path=split.path,
                query=_parse_pairs(split.query),
                form=form,
                headers={k.lower(): v for k, v in self.headers.items()},
            )
        )
        app._sleep(app.delay)
        if split.path != ENDPOINT_PATH:
            self._send(404, _not_found_page(split.path), "text/html; charset=iso-8859-1")
            return
        payload, content_type = app.handle_api(_parse_pairs(split.query), form)
        self._send(200, payload, content_type)

    def _read_body(self) -> bytes | None:
        """The request body, or None after answering a body we will not read."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self._send(411, b"Length Required\n", "text/plain", close=True)
            return None
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if length < 0:
            self._send(400, b"Bad Request\n", "text/plain", close=True)
            return None
        if length > _MAX_BODY:
            self._send(413, b"Request Entity Too Large\n", "text/plain", close=True)
            return None
        return self.rfile.read(length) if length else b""

    def _form(self, body: bytes) -> dict[str, str]:
        # PHP fills $_POST only for urlencoded (and multipart) bodies.
        content_type = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type != "application/x-www-form-urlencoded":
            return {}
        return _parse_pairs(body.decode("utf-8", errors="replace"))

    def _send(self, status: int, body: bytes, content_type: str, *, close: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
