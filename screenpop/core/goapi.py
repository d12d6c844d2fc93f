"""The goAPI client: one ``goGetCustomerInfo`` call on one shared HTTP client.

Qt-free. :class:`GoApiClient` is async (the window, through qasync, and the
tests); :class:`BlockingGoApiClient` is the same call for the one-shot CLI,
which then needs neither asyncio nor anyio (about 30 ms of its start). Both
share everything but the waiting: the request, the status check, the capped
body reader and the reply parser. Every lower-level failure leaves as an error from
:mod:`screenpop.core.errors`, mapped with ``raise ... from``. Nothing here
retries: a retried bad password locks the agent out of the dialer.

Transport security: certificates are verified against the operating system's
trust store (``truststore``: the Windows and macOS certificate APIs, OpenSSL's
system CA paths on Linux), plus an optional CA bundle for company proxies
that re-sign TLS. Proxies come from ``HTTPS_PROXY``/``NO_PROXY``. Redirects
are never followed, so the password only ever goes to the configured host.

A hostile server is bounded everywhere: the whole call by a total deadline
(a trickle of bytes cannot hold it open), the body by :data:`MAX_REPLY_BYTES`
both as sent and once decompressed (a gzip bomb inflates at most that much),
and compression to one layer of gzip or deflate.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import socket
import ssl
import time
import urllib.parse
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx
import truststore

from screenpop import __version__
from screenpop.core import errors
from screenpop.core.endpoint import endpoint_host
from screenpop.core.i18n import QT_TRANSLATE_NOOP, Param, Text
from screenpop.core.models import CustomerInfo
from screenpop.core.redact import scrub_secret
from screenpop.core.replies import parse_reply

ResponseType = Literal["json", "xml"]
Method = Literal["post", "get"]
USER_AGENT = f"Screenpop/{__version__} (goGetCustomerInfo client; httpx/{httpx.__version__})"
# A customer record is a few KiB; anything far bigger is a broken or hostile server.
MAX_REPLY_BYTES = 2 * 1024 * 1024
# Only what _BoundedDecoder can undo with a cap; httpx would also offer br/zstd.
ACCEPT_ENCODING = "gzip, deflate"


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class Timeouts:
    """Seconds. ``total`` bounds the whole call, so a server trickling bytes
    cannot hold a lookup open for ever."""

    connect: float = 5.0
    read: float = 10.0
    total: float = 15.0


@dataclass(frozen=True)
class Query:
    """What to look up: a phone number (digits), a lead ID, or both."""

    phone: str | None = None
    lead_id: str | None = None

    def __post_init__(self) -> None:
        if not self.phone and not self.lead_id:
            raise errors.InputError(
                Text.of(QT_TRANSLATE_NOOP("goapi", "Enter a phone number or a lead ID to look up."))
            )
        if self.phone is not None and not (self.phone.isascii() and self.phone.isdigit()):
            raise errors.InputError(
                Text.of(QT_TRANSLATE_NOOP("goapi", "The phone number must contain digits only."))
            )
        if self.lead_id is not None and not (self.lead_id.isascii() and self.lead_id.isdigit()):
            raise errors.InputError(
                Text.of(QT_TRANSLATE_NOOP("goapi", "The lead ID must contain digits only."))
            )

    def describe(self) -> str:
        """What is searched, in English ("lead ID 14246")."""
        return str(self.describe_text())

    def describe_text(self) -> Text:
        """What is searched, for a message ("No lead found for lead ID 14246.")."""
        if self.lead_id:
            return Text.of(QT_TRANSLATE_NOOP("goapi", "lead ID {lead_id}"), lead_id=self.lead_id)
        return Text.of(QT_TRANSLATE_NOOP("goapi", "phone number {phone}"), phone=self.phone or "")


class _GoApiCall:
    """The goGetCustomerInfo call itself, whatever waits for it: the settings,
    the request, the answer's status and its parsing."""

    def __init__(
        self,
        endpoint: str,
        credentials: Credentials,
        *,
        response_type: ResponseType = "json",
        method: Method = "post",
        timeouts: Timeouts | None = None,
        ca_bundle: str = "",
    ) -> None:
        """``ca_bundle``: a PEM file of extra trusted CAs (a company proxy's),
        used on top of the system's; ConfigError if it cannot be loaded."""
        self.endpoint = endpoint
        self.credentials = credentials
        self.response_type: ResponseType = response_type
        self.method: Method = method
        self.timeouts = timeouts or Timeouts()
        self.ca_bundle = ca_bundle
        self._host = endpoint_host(endpoint)
        # One context per client, shared by every connection (and proxy tunnel) it opens.
        self.tls_context = make_tls_context(ca_bundle)

    def _client_options(self) -> dict[str, Any]:
        """What the httpx client is made with (async or not)."""
        return {
            "headers": {
                "User-Agent": USER_AGENT,
                "Accept": "application/json, text/xml, */*",
                "Accept-Encoding": ACCEPT_ENCODING,
            },
            "timeout": httpx.Timeout(self.timeouts.read, connect=self.timeouts.connect),
            "follow_redirects": False,
            "verify": self.tls_context,
            # The proxy environment is honoured (corporate proxies), the .netrc is not.
            "trust_env": True,
        }

    def request_params(self, query: Query | None) -> dict[str, str]:
        """The goAPI parameters for ``query``, password included."""
        params = {
            "goAction": "goGetCustomerInfo",
            "goUser": self.credentials.user,
            "goPass": self.credentials.password,
            "responsetype": self.response_type,
        }
        if query is None:
            return params
        if query.phone:
            params["phone_number"] = query.phone
        if query.lead_id:
            # croco-dial reads lead_id, upstream GOautodial 4 reads goLeadID.
            params["lead_id"] = query.lead_id
            params["goLeadID"] = query.lead_id
        return params

    def _request(
        self, http: httpx.Client | httpx.AsyncClient, query: Query | None
    ) -> httpx.Request:
        params = self.request_params(query)
        if self.method == "get":
            return http.build_request("GET", self.endpoint, params=params)
        return http.build_request("POST", self.endpoint, data=params)

    def _check_status(self, response: httpx.Response) -> None:
        if response.is_redirect:
            location = response.headers.get("location", "")
            host = urllib.parse.urlsplit(location).hostname or ""
            raise errors.RedirectRefused(scrub_secret(host, self.credentials.password))
        if not response.is_success:
            # The standard phrase, never the server's own: that is free text.
            raise errors.HttpStatusError(response.status_code)

    def _record(self, body: bytes, query: Query) -> CustomerInfo:
        return parse_reply(
            body,
            what=query.describe_text(),
            user=self.credentials.user,
            # Server text quoted in an error must not echo the password back.
            secret=self.credentials.password,
        )

    def _login_proven(self, body: bytes) -> None:
        """A call without a lead: "You did NOT specify a valid Lead ID" means the
        login was accepted; any other failure is raised as usual."""
        try:
            parse_reply(
                body,
                what=Text.of(QT_TRANSLATE_NOOP("goapi", "the test")),
                user=self.credentials.user,
                secret=self.credentials.password,
            )
        except errors.NoLeadSpecified:
            return
        except errors.UnexpectedReply as exc:
            if "no lead_id" not in exc.detail:
                raise


def _query(phone: str | None, lead_id: str | int | None) -> Query:
    return Query(phone=phone or None, lead_id=str(lead_id) if lead_id is not None else None)


class GoApiClient(_GoApiCall):
    """Asks one dialer for customer records. Close it with :meth:`aclose`.

    ``transport`` replaces the network (``httpx.MockTransport`` in tests)."""

    def __init__(
        self,
        endpoint: str,
        credentials: Credentials,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        **options: Any,
    ) -> None:
        super().__init__(endpoint, credentials, **options)
        self._http = httpx.AsyncClient(transport=transport, **self._client_options())

    async def __aenter__(self) -> GoApiClient:
        return self

    async def __aexit__(self, *_exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    async def get_customer_info(
        self, *, phone: str | None = None, lead_id: str | int | None = None
    ) -> CustomerInfo:
        """Look up one lead by phone number (national digits) and/or lead ID."""
        query = _query(phone, lead_id)
        return self._record(await self._within_deadline(query), query)

    async def check_login(self) -> None:
        """Prove the credentials with a harmless call: goGetCustomerInfo without a lead."""
        self._login_proven(await self._within_deadline(None))

    async def _within_deadline(self, query: Query | None) -> bytes:
        # Imported here: the blocking CLI path never needs asyncio.
        import asyncio

        try:
            return await asyncio.wait_for(self._fetch(query), timeout=self.timeouts.total)
        except asyncio.TimeoutError as exc:
            raise errors.RequestTimeout(self.timeouts.total) from exc

    async def _fetch(self, query: Query | None) -> bytes:
        with mapped_transport_errors(self._host, self.timeouts):
            response = await self._http.send(self._request(self._http, query), stream=True)
            try:
                self._check_status(response)
                return await _read_capped(response, MAX_REPLY_BYTES)
            finally:
                await response.aclose()


class BlockingGoApiClient(_GoApiCall):
    """The same call, waited for in the calling thread (the one-shot CLI).

    With no event loop to cancel it, the total deadline is checked whenever
    the server sends something, and no single wait (connect, read) may last
    longer than the total: a trickling server holds a call at most about
    twice the total."""

    def __init__(
        self,
        endpoint: str,
        credentials: Credentials,
        *,
        timeouts: Timeouts | None = None,
        transport: httpx.BaseTransport | None = None,
        **options: Any,
    ) -> None:
        given = timeouts or Timeouts()
        bounded = Timeouts(
            connect=min(given.connect, given.total),
            read=min(given.read, given.total),
            total=given.total,
        )
        super().__init__(endpoint, credentials, timeouts=bounded, **options)
        self._http = httpx.Client(transport=transport, **self._client_options())

    def __enter__(self) -> BlockingGoApiClient:
        return self

    def __exit__(self, *_exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def get_customer_info(
        self, *, phone: str | None = None, lead_id: str | int | None = None
    ) -> CustomerInfo:
        """Look up one lead by phone number (national digits) and/or lead ID."""
        query = _query(phone, lead_id)
        return self._record(self._fetch(query), query)

    def check_login(self) -> None:
        """Prove the credentials with a harmless call: goGetCustomerInfo without a lead."""
        self._login_proven(self._fetch(None))

    def _fetch(self, query: Query | None) -> bytes:
        deadline = time.monotonic() + self.timeouts.total

        def in_time() -> None:
            if time.monotonic() > deadline:
                raise errors.RequestTimeout(self.timeouts.total)

        with mapped_transport_errors(self._host, self.timeouts):
            response = self._http.send(self._request(self._http, query), stream=True)
            try:
                in_time()
                self._check_status(response)
                body = _CappedBody(response, MAX_REPLY_BYTES)
                if body.ready is not None:
                    return body.ready
                for chunk in response.iter_raw():
                    body.add(chunk)
                    in_time()
                return body.result()
            finally:
                response.close()


class _CappedBody:
    """A reply body read in chunks, refused once it passes ``limit`` bytes as
    sent or once decompressed.

    The raw stream is decompressed here rather than by httpx: httpx inflates a
    whole network read at once, so one 64 KiB read of a gzip bomb could become
    64 MiB (and a doubly compressed one gigabytes) before any cap is checked.
    """

    def __init__(self, response: httpx.Response, limit: int) -> None:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise errors.MalformedReply(_too_large(limit))
        self._limit = limit
        self._received = 0
        self._chunks: list[bytes] = []
        # Only an in-memory transport (tests) hands over a body already read.
        self.ready: bytes | None = None
        try:
            content = response.content
        except httpx.ResponseNotRead:
            pass
        else:
            if len(content) > limit:
                raise errors.MalformedReply(_too_large(limit))
            self.ready = content
            return
        self._decoder = _BoundedDecoder(response.headers.get("content-encoding", ""), limit)

    def add(self, chunk: bytes) -> None:
        self._received += len(chunk)
        if self._received > self._limit:
            raise errors.MalformedReply(_too_large(self._limit))
        self._chunks.append(self._decoder.decode(chunk))

    def result(self) -> bytes:
        self._chunks.append(self._decoder.flush())
        return b"".join(self._chunks)


async def _read_capped(response: httpx.Response, limit: int) -> bytes:
    """The body of a streamed async response, capped (see :class:`_CappedBody`)."""
    body = _CappedBody(response, limit)
    if body.ready is not None:
        return body.ready
    stream = response.aiter_raw()
    try:
        async for chunk in stream:
            body.add(chunk)
    finally:
        # Stopping early leaves httpx's and httpcore's generators suspended.
        # Close the connection first, then the generators, here on the loop:
        # left to the garbage collector (qasync installs no async-generator
        # hooks) they would try to close the connection with no loop running.
        try:
            await response.aclose()
        finally:
            await stream.aclose()
    return body.result()


def _mib(size: int) -> str:
    return f"{size // 1024 // 1024} MiB"


def _too_large(limit: int) -> Text:
    return Text.of(QT_TRANSLATE_NOOP("goapi", "the reply is larger than {size}"), size=_mib(limit))


_CORRUPT = Text.of(QT_TRANSLATE_NOOP("goapi", "its compressed content is corrupt"))


# Content-Encoding -> zlib's wbits for it.
_ZLIB_WBITS = {
    "gzip": zlib.MAX_WBITS | 16,
    "x-gzip": zlib.MAX_WBITS | 16,
    "deflate": zlib.MAX_WBITS,
}
_CODING_NAME = re.compile(r"^[a-z0-9._-]{1,20}$")


class _BoundedDecoder:
    """Undoes one layer of gzip or deflate, never producing more than ``limit``
    bytes in all: each step inflates at most what is still allowed, plus one
    byte to notice the overrun."""

    def __init__(self, content_encoding: str, limit: int) -> None:
        codings = [
            coding
            for coding in (part.strip().lower() for part in content_encoding.split(","))
            if coding and coding != "identity"
        ]
        if len(codings) > 1:
            raise errors.MalformedReply(
                Text.of(
                    QT_TRANSLATE_NOOP("goapi", "it is compressed more than once, which is refused")
                )
            )
        self._coding = codings[0] if codings else ""
        if self._coding and self._coding not in _ZLIB_WBITS:
            name: Param = (
                self._coding
                if _CODING_NAME.match(self._coding)
                else Text.of(QT_TRANSLATE_NOOP("goapi", "an unknown method"))
            )
            raise errors.MalformedReply(
                Text.of(
                    QT_TRANSLATE_NOOP(
                        "goapi", "it is compressed with {method}, which Screenpop did not ask for"
                    ),
                    method=name,
                )
            )
        self._limit = limit
        self._produced = 0
        self._first = True
        self._zlib = zlib.decompressobj(_ZLIB_WBITS[self._coding]) if self._coding else None

    def decode(self, data: bytes) -> bytes:
        if self._zlib is None:
            return data
        if not data:
            return b""
        try:
            out = self._zlib.decompress(data, self._limit + 1 - self._produced)
        except zlib.error as exc:
            if not (self._first and self._coding == "deflate"):
                raise errors.MalformedReply(_CORRUPT) from exc
            # "deflate" without the zlib wrapper, as some servers send it.
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            self._first = False
            return self.decode(data)
        self._first = False
        return self._count(out)

    def flush(self) -> bytes:
        if self._zlib is None:
            return b""
        try:
            return self._count(self._zlib.flush())
        except zlib.error as exc:
            raise errors.MalformedReply(_CORRUPT) from exc

    def _count(self, out: bytes) -> bytes:
        self._produced += len(out)
        if self._produced > self._limit:
            raise errors.MalformedReply(
                Text.of(
                    QT_TRANSLATE_NOOP("goapi", "the reply is larger than {size} once decompressed"),
                    size=_mib(self._limit),
                )
            )
        return out


@contextlib.contextmanager
def mapped_transport_errors(host: str, timeouts: Timeouts) -> Iterator[None]:
    """Turn httpx's errors into Screenpop's.

    Messages are fixed phrases, never ``str(exc)``: httpx's texts can carry
    the request URL, and a GET URL carries the password.
    """
    try:
        yield
    except httpx.HTTPError as exc:
        raise map_transport_error(exc, host, timeouts) from exc


def map_transport_error(exc: httpx.HTTPError, host: str, timeouts: Timeouts) -> errors.DialerError:
    if isinstance(exc, httpx.TimeoutException):
        return errors.RequestTimeout(_timeout_for(exc, timeouts))
    if isinstance(exc, httpx.DecodingError):
        return errors.MalformedReply(_CORRUPT)
    if isinstance(exc, httpx.RemoteProtocolError):
        return errors.MalformedReply(_protocol_problem(exc))
    if isinstance(exc, httpx.ProxyError):
        return errors.ConnectFailed(
            host, Text.of(QT_TRANSLATE_NOOP("goapi", "the proxy refused the connection"))
        )
    if isinstance(exc, httpx.UnsupportedProtocol):
        return errors.ConnectFailed(
            host, Text.of(QT_TRANSLATE_NOOP("goapi", "the address is not an http(s) URL"))
        )
    if isinstance(exc, httpx.TransportError):
        return _map_os_level(exc, host)
    return errors.ConnectFailed(host, Text.of(QT_TRANSLATE_NOOP("goapi", "the request failed")))


_UNREACHABLE = (errno.ENETUNREACH, errno.EHOSTUNREACH)


def _map_os_level(exc: httpx.TransportError, host: str) -> errors.DialerError:
    for cause in _causes(exc):
        if isinstance(cause, ssl.SSLCertVerificationError):
            return errors.TlsError(host, _certificate_problem(cause, host))
        if isinstance(cause, ssl.SSLError):
            return errors.TlsError(host, _tls_detail(cause))
        if isinstance(cause, socket.gaierror):
            return errors.HostNotFound(host)
        if isinstance(cause, ConnectionRefusedError):
            return errors.ConnectFailed(
                host, Text.of(QT_TRANSLATE_NOOP("goapi", "the connection was refused"))
            )
        if isinstance(cause, ConnectionResetError):
            return errors.ConnectFailed(
                host, Text.of(QT_TRANSLATE_NOOP("goapi", "the connection was reset"))
            )
        if isinstance(cause, OSError) and cause.errno in _UNREACHABLE:
            return errors.ConnectFailed(
                host, Text.of(QT_TRANSLATE_NOOP("goapi", "the network is unreachable"))
            )
    if isinstance(exc, (httpx.ReadError, httpx.WriteError)):
        return errors.ConnectFailed(
            host, Text.of(QT_TRANSLATE_NOOP("goapi", "the connection was lost"))
        )
    return errors.ConnectFailed(host, Text.of(QT_TRANSLATE_NOOP("goapi", "the connection failed")))


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _protocol_problem(exc: httpx.RemoteProtocolError) -> Text:
    """What broke in the HTTP exchange. httpx's text is only matched, never shown."""
    text = str(exc).lower()
    if "without sending a response" in text:
        return Text.of(
            QT_TRANSLATE_NOOP("goapi", "the server closed the connection without answering")
        )
    if "peer closed connection" in text or "incomplete chunked read" in text:
        return Text.of(QT_TRANSLATE_NOOP("goapi", "the server broke off the reply"))
    return Text.of(QT_TRANSLATE_NOOP("goapi", "the server's answer is not valid HTTP"))


# OpenSSL verify codes (X509_V_ERR_*) -> what the agent or an administrator can act on.
_UNKNOWN_CA = Text.of(
    QT_TRANSLATE_NOOP(
        "goapi",
        "the server's certificate is not trusted: it was issued by a certificate authority "
        "this computer does not trust (on a company network, set its CA bundle in Settings)",
    )
)
_VERIFY_PROBLEMS = {
    9: Text.of(
        QT_TRANSLATE_NOOP(
            "goapi", "the server's certificate is not valid yet (check this computer's clock)"
        )
    ),
    10: Text.of(QT_TRANSLATE_NOOP("goapi", "the server's certificate has expired")),
    18: Text.of(
        QT_TRANSLATE_NOOP("goapi", "the server's certificate is self-signed and not trusted")
    ),
    19: Text.of(
        QT_TRANSLATE_NOOP(
            "goapi",
            "the server's certificate chain ends in a self-signed certificate that is not trusted",
        )
    ),
    20: _UNKNOWN_CA,
    21: _UNKNOWN_CA,
    23: Text.of(QT_TRANSLATE_NOOP("goapi", "the server's certificate has been revoked")),
}
_NAME_MISMATCH = (62, 64)  # X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH


def _certificate_problem(error: ssl.SSLCertVerificationError, host: str) -> Text:
    code = getattr(error, "verify_code", None)
    if code in _NAME_MISMATCH:
        return Text.of(
            QT_TRANSLATE_NOOP(
                "goapi",
                "the server's certificate is not valid for the name {host} "
                "(it names other servers)",
            ),
            host=host,
        )
    if code in _VERIFY_PROBLEMS:
        return _VERIFY_PROBLEMS[code]
    # OpenSSL's own words (verify_message) are quoted as they are.
    reason: Param = getattr(error, "verify_message", None) or _tls_detail(error)
    return Text.of(
        QT_TRANSLATE_NOOP("goapi", "the server's certificate is not trusted ({reason})"),
        reason=reason,
    )


# OpenSSL reasons for failed handshakes, in words.
_NOT_HTTPS = Text.of(QT_TRANSLATE_NOOP("goapi", "the server does not speak https on this port"))
_OUTDATED_TLS = Text.of(
    QT_TRANSLATE_NOOP("goapi", "the server only offers an outdated TLS version")
)
_NO_COMMON_TLS = Text.of(
    QT_TRANSLATE_NOOP("goapi", "the server and Screenpop have no TLS settings in common")
)
_CLOSED_IN_HANDSHAKE = Text.of(
    QT_TRANSLATE_NOOP("goapi", "the server closed the connection during the TLS handshake")
)
_TLS_REASONS = {
    "WRONG_VERSION_NUMBER": _NOT_HTTPS,
    "RECORD_LAYER_FAILURE": _NOT_HTTPS,
    "HTTP_REQUEST": _NOT_HTTPS,
    "UNSUPPORTED_PROTOCOL": _OUTDATED_TLS,
    "TLSV1_ALERT_PROTOCOL_VERSION": _OUTDATED_TLS,
    "NO_PROTOCOLS_AVAILABLE": _OUTDATED_TLS,
    "SSLV3_ALERT_HANDSHAKE_FAILURE": _NO_COMMON_TLS,
    "NO_SHARED_CIPHER": _NO_COMMON_TLS,
    "UNEXPECTED_EOF_WHILE_READING": _CLOSED_IN_HANDSHAKE,
    "EOF": _CLOSED_IN_HANDSHAKE,
}


def _tls_detail(error: ssl.SSLError) -> Param:
    """OpenSSL's short reason in words; its bare name ("TLSV1_ALERT_...",
    shown as it is) when there are none, never the full repr."""
    reason = getattr(error, "reason", None) or ""
    if not reason and isinstance(error, ssl.SSLEOFError):
        reason = "EOF"
    if not reason and len(error.args) > 1:
        reason = str(error.args[1])
    reason = str(reason)
    if reason.upper() in _TLS_REASONS:
        return _TLS_REASONS[reason.upper()]
    return reason or Text.of(QT_TRANSLATE_NOOP("goapi", "the TLS handshake failed"))


def _timeout_for(exc: httpx.TimeoutException, timeouts: Timeouts) -> float:
    return timeouts.connect if isinstance(exc, httpx.ConnectTimeout) else timeouts.read


def make_tls_context(ca_bundle: str = "") -> ssl.SSLContext:
    """A client context that verifies against the OS trust store, plus the
    CAs in ``ca_bundle`` (a PEM file) when one is given."""
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_bundle:
        load_ca_bundle(context, ca_bundle)
    return context


def load_ca_bundle(context: ssl.SSLContext, path: str) -> None:
    """Add the certificates in the PEM file ``path``; ConfigError if it cannot be used."""
    shown = path if len(path) <= 120 else path[:119] + "…"
    try:
        context.load_verify_locations(cafile=os.path.expanduser(path))
    except FileNotFoundError as exc:
        raise errors.ConfigError(
            Text.of(
                QT_TRANSLATE_NOOP("goapi", "The CA bundle file {path} does not exist."), path=shown
            )
        ) from exc
    except IsADirectoryError as exc:
        raise errors.ConfigError(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "goapi", "The CA bundle {path} is a folder; choose a PEM file of certificates."
                ),
                path=shown,
            )
        ) from exc
    except ssl.SSLError as exc:
        raise errors.ConfigError(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "goapi", "The CA bundle file {path} holds no usable PEM certificates."
                ),
                path=shown,
            )
        ) from exc
    except (OSError, ValueError) as exc:
        # The operating system's own words (strerror) are quoted as they are.
        reason: Param = getattr(exc, "strerror", None) or Text.of(
            QT_TRANSLATE_NOOP("goapi", "it is not a readable file")
        )
        raise errors.ConfigError(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "goapi", "The CA bundle file {path} could not be read ({reason})."
                ),
                path=shown,
                reason=reason,
            )
        ) from exc
