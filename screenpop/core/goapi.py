"""The goAPI client: one ``goGetCustomerInfo`` call on one shared HTTP client.

Qt-free and async, so the GUI (through qasync), the CLI and the tests all use
the same code. Every lower-level failure leaves as an error from
:mod:`screenpop.core.errors`, mapped with ``raise ... from``. Nothing here
retries: a retried bad password locks the agent out of the dialer.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import socket
import ssl
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

import httpx

from screenpop import __version__
from screenpop.core import errors
from screenpop.core.endpoint import endpoint_host
from screenpop.core.models import CustomerInfo
from screenpop.core.redact import scrub_secret
from screenpop.core.replies import parse_reply

ResponseType = Literal["json", "xml"]
Method = Literal["post", "get"]
USER_AGENT = f"Screenpop/{__version__} (goGetCustomerInfo client; httpx/{httpx.__version__})"
# A customer record is a few KiB; anything far bigger is a broken or hostile server.
MAX_REPLY_BYTES = 2 * 1024 * 1024


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
            raise errors.InputError("Enter a phone number or a lead ID to look up.")
        for label, value in (("phone number", self.phone), ("lead ID", self.lead_id)):
            if value is not None and not (value.isascii() and value.isdigit()):
                raise errors.InputError(f"The {label} must contain digits only.")

    def describe(self) -> str:
        if self.lead_id:
            return f"lead ID {self.lead_id}"
        return f"phone number {self.phone}"


class GoApiClient:
    """Asks one dialer for customer records. Close it with :meth:`aclose`."""

    def __init__(
        self,
        endpoint: str,
        credentials: Credentials,
        *,
        response_type: ResponseType = "json",
        method: Method = "post",
        timeouts: Timeouts | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.endpoint = endpoint
        self.credentials = credentials
        self.response_type: ResponseType = response_type
        self.method: Method = method
        self.timeouts = timeouts or Timeouts()
        self._host = endpoint_host(endpoint)
        self._http = httpx.AsyncClient(
            headers={"User-Agent": USER_AGENT, "Accept": "application/json, text/xml, */*"},
            timeout=httpx.Timeout(self.timeouts.read, connect=self.timeouts.connect),
            follow_redirects=False,
            transport=transport,
            # The proxy environment is honoured (corporate proxies), the .netrc is not.
            trust_env=True,
        )

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
        query = Query(phone=phone or None, lead_id=str(lead_id) if lead_id is not None else None)
        try:
            body = await asyncio.wait_for(self._fetch(query), timeout=self.timeouts.total)
        except asyncio.TimeoutError as exc:
            raise errors.RequestTimeout(self.timeouts.total) from exc
        return parse_reply(
            body,
            what=query.describe(),
            user=self.credentials.user,
            # Server text quoted in an error must not echo the password back.
            secret=self.credentials.password,
        )

    async def check_login(self) -> None:
        """Prove the credentials with a harmless call: goGetCustomerInfo without
        a lead. "You did NOT specify a valid Lead ID" means the login was
        accepted; any other failure is raised as usual."""
        try:
            body = await asyncio.wait_for(self._fetch(None), timeout=self.timeouts.total)
        except asyncio.TimeoutError as exc:
            raise errors.RequestTimeout(self.timeouts.total) from exc
        try:
            parse_reply(
                body, what="the test", user=self.credentials.user, secret=self.credentials.password
            )
        except errors.NoLeadSpecified:
            return
        except errors.UnexpectedReply as exc:
            if "no lead_id" not in exc.detail:
                raise

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

    async def _fetch(self, query: Query | None) -> bytes:
        params = self.request_params(query)
        with mapped_transport_errors(self._host, self.timeouts):
            if self.method == "get":
                request = self._http.build_request("GET", self.endpoint, params=params)
            else:
                request = self._http.build_request("POST", self.endpoint, data=params)
            response = await self._http.send(request, stream=True)
            try:
                self._check_status(response)
                return await _read_capped(response, MAX_REPLY_BYTES)
            finally:
                await response.aclose()

    def _check_status(self, response: httpx.Response) -> None:
        if response.is_redirect:
            location = response.headers.get("location", "")
            host = urllib.parse.urlsplit(location).hostname or ""
            raise errors.RedirectRefused(scrub_secret(host, self.credentials.password))
        if not response.is_success:
            # The standard phrase, never the server's own: that is free text.
            raise errors.HttpStatusError(response.status_code)


async def _read_capped(response: httpx.Response, limit: int) -> bytes:
    """Read the body, stopping (and failing) once it passes ``limit`` bytes."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise errors.MalformedReply(f"the reply is larger than {limit // 1024 // 1024} MiB")
    chunks: list[bytes] = []
    received = 0
    async for chunk in response.aiter_bytes():
        received += len(chunk)
        if received > limit:
            raise errors.MalformedReply(f"the reply is larger than {limit // 1024 // 1024} MiB")
        chunks.append(chunk)
    return b"".join(chunks)


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
        return errors.MalformedReply("its compressed content is corrupt")
    if isinstance(exc, httpx.RemoteProtocolError):
        return errors.MalformedReply("the server broke off the reply")
    if isinstance(exc, httpx.ProxyError):
        return errors.ConnectFailed(host, "the proxy refused the connection")
    if isinstance(exc, httpx.UnsupportedProtocol):
        return errors.ConnectFailed(host, "the address is not an http(s) URL")
    if isinstance(exc, httpx.TransportError):
        return _map_os_level(exc, host)
    return errors.ConnectFailed(host, "the request failed")


_UNREACHABLE = (errno.ENETUNREACH, errno.EHOSTUNREACH)


def _map_os_level(exc: httpx.TransportError, host: str) -> errors.DialerError:
    for cause in _causes(exc):
        if isinstance(cause, ssl.SSLCertVerificationError):
            return errors.TlsError(host, _certificate_problem(cause))
        if isinstance(cause, ssl.SSLError):
            return errors.TlsError(host, _tls_detail(cause))
        if isinstance(cause, socket.gaierror):
            return errors.HostNotFound(host)
        if isinstance(cause, ConnectionRefusedError):
            return errors.ConnectFailed(host, "the connection was refused")
        if isinstance(cause, ConnectionResetError):
            return errors.ConnectFailed(host, "the connection was reset")
        if isinstance(cause, OSError) and cause.errno in _UNREACHABLE:
            return errors.ConnectFailed(host, "the network is unreachable")
    if isinstance(exc, (httpx.ReadError, httpx.WriteError)):
        return errors.ConnectFailed(host, "the connection was lost")
    return errors.ConnectFailed(host, "the connection failed")


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _certificate_problem(error: ssl.SSLCertVerificationError) -> str:
    reason = getattr(error, "verify_message", None) or _tls_detail(error)
    return f"the server's certificate is not trusted ({reason})"


def _tls_detail(error: ssl.SSLError) -> str:
    """OpenSSL's short reason ("WRONG_VERSION_NUMBER"), never the full repr."""
    reason = getattr(error, "reason", None) or (error.args[1] if len(error.args) > 1 else "")
    return str(reason) or "the TLS handshake failed"


def _timeout_for(exc: httpx.TimeoutException, timeouts: Timeouts) -> float:
    return timeouts.connect if isinstance(exc, httpx.ConnectTimeout) else timeouts.read
