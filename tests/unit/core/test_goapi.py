"""The API client against ``httpx.MockTransport``: what is sent, and how every
lower-level failure is mapped into the error tree.

Every test runs twice: with the async client (the window) and with the
blocking one (the CLI), which must behave the same in every respect."""

from __future__ import annotations

import gzip
import inspect
import json
import socket
import ssl
import tracemalloc
import urllib.parse
import zlib

import httpx
import pytest
import truststore

from screenpop import __version__
from screenpop.core import errors
from screenpop.core.goapi import MAX_REPLY_BYTES, Credentials, Query, Timeouts
from tests import client_kinds
from tests.client_kinds import client_kind  # noqa: F401 (the fixture)

pytestmark = pytest.mark.usefixtures("client_kind")

ENDPOINT = "https://acme.croco-dial.net/goAPIv2/goAgent/goAPI.php"
PASSWORD = "s3cr3t-Pa55"
SUCCESS = {
    "result": "success",
    "lead_info": {"lead_id": "14246", "first_name": "Bruno", "phone_number": "8004321000"},
    "custom_info": None,
    "is_customer": "0",
}


def make_client(handler, **options):
    transport = httpx.MockTransport(handler)
    return client_kinds.make_client(
        ENDPOINT, Credentials("agent7", PASSWORD), transport=transport, **options
    )


def json_reply(payload, status=200, **headers) -> httpx.Response:
    return httpx.Response(
        status,
        content=json.dumps(payload).encode(),
        headers={"content-type": "text/html", **headers},
    )


class Recorder:
    def __init__(self, response: httpx.Response | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.response = response or json_reply(SUCCESS)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.response

    def form(self) -> dict[str, str]:
        return dict(urllib.parse.parse_qsl(self.requests[-1].content.decode()))


async def test_post_sends_every_parameter_in_the_body_and_none_in_the_url():
    recorder = Recorder()
    async with make_client(recorder) as client:
        info = await client.get_customer_info(phone="8004321000")
    request = recorder.requests[-1]
    assert request.method == "POST"
    assert request.url.query == b""
    assert PASSWORD not in str(request.url)
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert recorder.form() == {
        "goAction": "goGetCustomerInfo",
        "goUser": "agent7",
        "goPass": PASSWORD,
        "responsetype": "json",
        "phone_number": "8004321000",
    }
    assert info.lead.full_name == "Bruno"


async def test_lead_id_is_sent_under_both_names():
    recorder = Recorder()
    async with make_client(recorder) as client:
        await client.get_customer_info(lead_id=14246)
    form = recorder.form()
    assert form["lead_id"] == form["goLeadID"] == "14246"
    assert "phone_number" not in form


async def test_get_is_an_explicit_option():
    recorder = Recorder()
    async with make_client(recorder, method="get", response_type="xml") as client:
        # The mock answers JSON to an XML request: replies are sniffed, so that is fine too.
        await client.get_customer_info(phone="8004321000")
    request = recorder.requests[-1]
    assert request.method == "GET"
    params = dict(request.url.params)
    assert params["responsetype"] == "xml"
    assert params["goAction"] == "goGetCustomerInfo"


async def test_user_agent_names_the_app_and_version():
    recorder = Recorder()
    async with make_client(recorder) as client:
        await client.get_customer_info(phone="8004321000")
    assert recorder.requests[-1].headers["user-agent"].startswith(f"Screenpop/{__version__}")


@pytest.mark.parametrize(
    ("phone", "lead_id"),
    [(None, None), ("", None), ("800-432", None), (None, "12a"), ("٣٤٥", None)],
)
async def test_only_digits_ever_reach_the_server(phone, lead_id):
    recorder = Recorder()
    async with make_client(recorder) as client:
        with pytest.raises(errors.InputError):
            await client.get_customer_info(phone=phone, lead_id=lead_id)
    assert recorder.requests == []


def test_query_describes_what_was_searched():
    assert Query(phone="8004321000").describe() == "phone number 8004321000"
    assert Query(lead_id="7", phone="1").describe() == "lead ID 7"


async def test_http_status_error():
    async with make_client(Recorder(httpx.Response(500, text="<h1>Oops</h1>"))) as client:
        with pytest.raises(errors.HttpStatusError, match="HTTP 500 Internal Server Error"):
            await client.get_customer_info(phone="8004321000")


async def test_redirect_is_not_followed():
    redirect = httpx.Response(302, headers={"location": "http://evil.example/collect"})
    recorder = Recorder(redirect)
    async with make_client(recorder) as client:
        with pytest.raises(errors.RedirectRefused, match=r"evil\.example"):
            await client.get_customer_info(phone="8004321000")
    assert len(recorder.requests) == 1


async def test_body_over_the_cap_is_refused():
    big = httpx.Response(200, content=b"{" + b" " * (MAX_REPLY_BYTES + 10) + b"}")
    async with make_client(Recorder(big)) as client:
        with pytest.raises(errors.MalformedReply, match="larger than 2 MiB"):
            await client.get_customer_info(phone="8004321000")


async def test_streamed_body_over_the_cap_is_stopped():
    chunks_sent = 0

    def endless():
        nonlocal chunks_sent
        while True:
            chunks_sent += 1
            yield b"x" * 65536

    response = httpx.Response(200, content=client_kinds.body_stream(endless()))
    async with make_client(Recorder(response)) as client:
        with pytest.raises(errors.MalformedReply, match="larger than"):
            await client.get_customer_info(phone="8004321000")
    assert chunks_sent <= MAX_REPLY_BYTES // 65536 + 2


async def test_server_text_that_echoes_the_password_is_scrubbed():
    reply = json_reply({"result": "error", "message": f"ERRBADPASS {PASSWORD} for agent7"})
    async with make_client(Recorder(reply)) as client:
        with pytest.raises(errors.ServerRejected) as caught:
            await client.get_customer_info(phone="8004321000")
    assert PASSWORD not in caught.value.user_message
    assert "agent7" in caught.value.user_message


def test_credentials_repr_hides_the_password():
    assert PASSWORD not in repr(Credentials("agent7", PASSWORD))


# --- every lower-level error is mapped ---------------------------------------


def _all_subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(_all_subclasses(sub))
    return found


HTTPX_ERRORS = sorted(
    {c for c in _all_subclasses(httpx.HTTPError) if c.__module__.startswith("httpx")},
    key=lambda c: c.__name__,
)


def _instantiate(cls: type, request: httpx.Request) -> Exception:
    params = inspect.signature(cls).parameters
    if "response" in params:
        return cls("boom", request=request, response=httpx.Response(500, request=request))
    return cls(f"boom {request.url}", request=request)


def test_the_list_of_httpx_errors_is_not_empty():
    names = {c.__name__ for c in HTTPX_ERRORS}
    assert {"ConnectError", "ReadTimeout", "RemoteProtocolError", "DecodingError"} <= names


@pytest.mark.parametrize("error_class", HTTPX_ERRORS, ids=lambda c: c.__name__)
async def test_every_httpx_error_is_mapped(error_class):
    def handler(request: httpx.Request) -> httpx.Response:
        raise _instantiate(error_class, request)

    async with make_client(handler, method="get") as client:
        with pytest.raises(errors.DialerError) as caught:
            await client.get_customer_info(phone="8004321000")
    assert isinstance(caught.value.__cause__, error_class)
    # httpx's own text carries the URL, and a GET URL carries the password.
    assert PASSWORD not in caught.value.user_message


def _connect_error_from(cause: BaseException) -> httpx.ConnectError:
    try:
        raise cause
    except BaseException as exc:
        try:
            raise httpx.ConnectError("failed") from exc
        except httpx.ConnectError as wrapped:
            return wrapped


@pytest.mark.parametrize(
    ("cause", "expected", "phrase"),
    [
        (ConnectionRefusedError(111, "refused"), errors.ConnectFailed, "refused"),
        (ConnectionResetError(104, "reset"), errors.ConnectFailed, "reset"),
        (
            socket.gaierror(-2, "Name or service not known"),
            errors.HostNotFound,
            "could not be found",
        ),
        (
            ssl.SSLCertVerificationError(1, "certificate verify failed: self-signed certificate"),
            errors.TlsError,
            "certificate",
        ),
        (ssl.SSLError(1, "WRONG_VERSION_NUMBER"), errors.TlsError, "secure connection"),
        (OSError(101, "Network is unreachable"), errors.ConnectFailed, "unreachable"),
    ],
)
async def test_os_level_causes_give_specific_messages(cause, expected, phrase):
    def handler(request: httpx.Request) -> httpx.Response:
        raise _connect_error_from(cause)

    async with make_client(handler) as client:
        with pytest.raises(expected) as caught:
            await client.get_customer_info(phone="8004321000")
    assert phrase in caught.value.user_message
    assert "acme.croco-dial.net" in caught.value.user_message


async def test_timeout_message_gives_the_seconds():
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    async with make_client(handler, timeouts=Timeouts(connect=2, read=7, total=20)) as client:
        with pytest.raises(errors.RequestTimeout, match="within 7 seconds"):
            await client.get_customer_info(phone="8004321000")


async def test_http_reason_phrase_is_never_shown():
    # A server's reason phrase is free text and may echo what it was sent.
    reply = httpx.Response(403, extensions={"reason_phrase": f"bad {PASSWORD}".encode()})
    async with make_client(Recorder(reply)) as client:
        with pytest.raises(errors.HttpStatusError) as caught:
            await client.get_customer_info(phone="8004321000")
    assert (
        caught.value.user_message == "The dialer answered with an error page (HTTP 403 Forbidden)."
    )


async def test_redirect_host_echoing_the_password_is_masked():
    reply = httpx.Response(302, headers={"location": f"https://{PASSWORD.lower()}.example/"})
    async with make_client(Recorder(reply)) as client:
        with pytest.raises(errors.RedirectRefused) as caught:
            await client.get_customer_info(phone="8004321000")
    assert PASSWORD.lower() not in caught.value.user_message.lower()


# --- compression: decoded here, with a cap ------------------------------------


def encoded_reply(body: bytes, encoding: str) -> httpx.Response:
    # A stream, as from the network: httpx.Response(content=...) would be decoded at once.
    return httpx.Response(
        200, stream=httpx.ByteStream(body), headers={"content-encoding": encoding}
    )


async def test_only_gzip_and_deflate_are_offered():
    recorder = Recorder()
    async with make_client(recorder) as client:
        await client.get_customer_info(phone="8004321000")
    assert recorder.requests[-1].headers["accept-encoding"] == "gzip, deflate"


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, no zlib header
        ("identity", lambda data: data),
        ("", lambda data: data),
    ],
    ids=["gzip", "x-gzip", "deflate", "raw-deflate", "identity", "none"],
)
async def test_compressed_replies_are_read(encoding, compress):
    body = compress(json.dumps(SUCCESS).encode())
    async with make_client(Recorder(encoded_reply(body, encoding))) as client:
        info = await client.get_customer_info(phone="8004321000")
    assert info.lead.full_name == "Bruno"


async def test_a_gzip_bomb_inflates_no_further_than_the_cap():
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = bytes(1024 * 1024)
    bomb = b"".join(compressor.compress(block) for _ in range(64)) + compressor.flush()
    assert len(bomb) < 100_000  # 64 MiB of zeros

    tracemalloc.start()
    try:
        async with make_client(Recorder(encoded_reply(bomb, "gzip"))) as client:
            with pytest.raises(errors.MalformedReply, match="2 MiB once decompressed"):
                await client.get_customer_info(phone="8004321000")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 12 * 1024 * 1024


@pytest.mark.parametrize(
    ("body", "encoding", "phrase"),
    [
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03not deflate at all", "gzip", "corrupt"),
        (b"\x00\x01\x02 neither zlib nor raw deflate \xff" * 3, "deflate", "corrupt"),
        (gzip.compress(gzip.compress(b"{}")), "gzip, gzip", "compressed more than once"),
        (b"\x1b\x03\x00", "br", "compressed with br, which Screenpop did not ask for"),
        (b"x", "zstd", "compressed with zstd"),
        (b"x", "<b>evil</b>", "compressed with an unknown method"),
    ],
)
async def test_compression_problems_are_named(body, encoding, phrase):
    async with make_client(Recorder(encoded_reply(body, encoding))) as client:
        with pytest.raises(errors.MalformedReply) as caught:
            await client.get_customer_info(phone="8004321000")
    assert phrase in caught.value.user_message


# --- HTTP framing ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Server disconnected without sending a response.", "closed the connection without"),
        (
            "peer closed connection without sending complete message body: received 3 bytes",
            "broke off the reply",
        ),
        ("incomplete chunked read", "broke off the reply"),
        ("illegal status line: bytearray(b'SSH-2.0')", "not valid HTTP"),
        ("Receive buffer too long", "not valid HTTP"),
    ],
)
async def test_protocol_errors_say_what_broke(text, phrase):
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.RemoteProtocolError(text, request=request)

    async with make_client(handler) as client:
        with pytest.raises(errors.MalformedReply) as caught:
            await client.get_customer_info(phone="8004321000")
    assert phrase in caught.value.user_message
    assert "SSH" not in caught.value.user_message  # httpx's text is matched, never shown


# --- TLS -----------------------------------------------------------------------------


def test_tls_is_verified_against_the_system_trust_store():
    client = client_kinds.make_client(ENDPOINT, Credentials("agent7", PASSWORD))
    assert isinstance(client.tls_context, truststore.SSLContext)
    assert client.tls_context.verify_mode == ssl.CERT_REQUIRED
    assert client.tls_context.check_hostname


def test_an_unusable_ca_bundle_is_a_config_error(tmp_path):
    with pytest.raises(errors.ConfigError, match=r"The CA bundle file .*nope\.pem does not exist"):
        client_kinds.make_client(
            ENDPOINT, Credentials("a", PASSWORD), ca_bundle=str(tmp_path / "nope.pem")
        )
    junk = tmp_path / "junk.pem"
    junk.write_text("hello")
    with pytest.raises(errors.ConfigError, match="holds no usable PEM certificates"):
        client_kinds.make_client(ENDPOINT, Credentials("a", PASSWORD), ca_bundle=str(junk))


def _verify_error(code: int, message: str) -> ssl.SSLCertVerificationError:
    error = ssl.SSLCertVerificationError(1, f"certificate verify failed: {message}")
    error.verify_code = code
    error.verify_message = message
    return error


@pytest.mark.parametrize(
    ("code", "message", "phrase"),
    [
        (10, "certificate has expired", "certificate has expired"),
        (9, "certificate is not yet valid", "not valid yet"),
        (18, "self-signed certificate", "self-signed and not trusted"),
        (19, "self-signed certificate in certificate chain", "self-signed"),
        (20, "unable to get local issuer certificate", "set its CA bundle in Settings"),
        (62, "Hostname mismatch, certificate is not valid for 'x'.", "not valid for the name"),
        (64, "IP address mismatch", "not valid for the name acme.croco-dial.net"),
        (26, "unsupported certificate purpose", "not trusted (unsupported certificate purpose)"),
    ],
)
async def test_certificate_problems_are_named(code, message, phrase):
    def handler(request: httpx.Request) -> httpx.Response:
        raise _connect_error_from(_verify_error(code, message))

    async with make_client(handler) as client:
        with pytest.raises(errors.TlsError) as caught:
            await client.get_customer_info(phone="8004321000")
    assert phrase in caught.value.user_message


def _ssl_error(reason: str, cls: type[ssl.SSLError] = ssl.SSLError) -> ssl.SSLError:
    error = cls(1, f"[SSL: {reason}] something (_ssl.c:1006)")
    error.reason = reason
    return error


@pytest.mark.parametrize(
    ("error", "phrase"),
    [
        (_ssl_error("WRONG_VERSION_NUMBER"), "does not speak https on this port"),
        (_ssl_error("RECORD_LAYER_FAILURE"), "does not speak https on this port"),
        (_ssl_error("TLSV1_ALERT_PROTOCOL_VERSION"), "outdated TLS version"),
        (_ssl_error("SSLV3_ALERT_HANDSHAKE_FAILURE"), "no TLS settings in common"),
        (_ssl_error("UNEXPECTED_EOF_WHILE_READING", ssl.SSLEOFError), "during the TLS handshake"),
        (_ssl_error("TLSV1_ALERT_INTERNAL_ERROR"), "TLSV1_ALERT_INTERNAL_ERROR"),
    ],
)
async def test_handshake_failures_are_put_in_words(error, phrase):
    def handler(request: httpx.Request) -> httpx.Response:
        raise _connect_error_from(error)

    async with make_client(handler) as client:
        with pytest.raises(errors.TlsError) as caught:
            await client.get_customer_info(phone="8004321000")
    assert phrase in caught.value.user_message
    assert "_ssl.c" not in caught.value.user_message


async def test_python_internals_never_reach_the_message():
    huge = b'{"result": "success", "lead_info": {"lead_id": ' + b"9" * 5000 + b"}}"
    async with make_client(Recorder(httpx.Response(200, content=huge))) as client:
        with pytest.raises(errors.MalformedReply) as caught:
            await client.get_customer_info(phone="8004321000")
    assert "a number thousands of digits long" in caught.value.user_message
    assert "sys." not in caught.value.user_message
