"""Transport security over real loopback sockets: certificates, CA bundle, proxies.

Every certificate is minted here (trustme, cryptography); nothing touches the
network. The dialer is :class:`tests.hostile_server.HostileServer`, which
answers the good record for lead 14246.
"""

from __future__ import annotations

import contextlib
import select
import socket
import sys
import threading
from collections.abc import Iterator

import pytest

from screenpop.core import errors
from screenpop.core.config import ConnectionSettings
from screenpop.core.goapi import Credentials, GoApiClient, Timeouts
from tests.hostile_server import GOOD_LEAD_ID, GOOD_NAME, Certificates, HostileServer

PASSWORD = "Tls-Test-Pa55word"
FAST = Timeouts(connect=2.0, read=2.0, total=4.0)
DIALER_NAME = "screenpop-dialer.invalid"  # resolvable only by the test proxy

_PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture(autouse=True)
def clean_proxy_environment(monkeypatch) -> None:
    for name in _PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture
def certificates(tmp_path) -> Certificates:
    return Certificates(str(tmp_path))


@pytest.fixture
def tls_server(certificates) -> Iterator[HostileServer]:
    with HostileServer(tls=certificates.context("good")) as server:
        yield server


def client(endpoint: str, **options) -> GoApiClient:
    return GoApiClient(endpoint, Credentials("agent7", PASSWORD), timeouts=FAST, **options)


async def look_up(endpoint: str, **options):
    async with client(endpoint, **options) as dialer:
        return await dialer.get_customer_info(lead_id=GOOD_LEAD_ID)


# --- whom the client trusts --------------------------------------------------------


async def test_a_certificate_from_an_unknown_authority_is_refused_by_default(tls_server):
    with pytest.raises(errors.TlsError) as caught:
        await look_up(tls_server.endpoint)
    message = caught.value.user_message
    assert "certificate is not trusted" in message
    assert "CA bundle" in message  # says what a company network can do about it
    assert tls_server.requests == []  # the password never left


async def test_the_ca_bundle_makes_a_company_authority_trusted(tls_server, certificates):
    info = await look_up(tls_server.endpoint, ca_bundle=certificates.ca_file)
    assert info.lead.full_name == GOOD_NAME
    assert tls_server.requests[-1].form["goPass"] == PASSWORD


async def test_the_ca_bundle_setting_reaches_the_client(tls_server, certificates):
    settings = ConnectionSettings(
        server=tls_server.base_url, user="agent7", ca_bundle=certificates.ca_file
    )
    async with settings.make_client(PASSWORD) as dialer:
        info = await dialer.get_customer_info(lead_id=GOOD_LEAD_ID)
    assert info.lead.lead_id == GOOD_LEAD_ID


@pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="SSL_CERT_FILE stands in for the OS store only where OpenSSL keeps it (Linux)",
)
async def test_the_operating_systems_trust_store_is_used(tls_server, certificates, monkeypatch):
    """truststore verifies with the system's store; on Linux that is OpenSSL's
    default CA file, which SSL_CERT_FILE replaces, so a CA put there is trusted."""
    monkeypatch.setenv("SSL_CERT_FILE", certificates.ca_file)
    info = await look_up(tls_server.endpoint)
    assert info.lead.full_name == GOOD_NAME


@pytest.mark.parametrize(
    ("kind", "phrase"),
    [
        ("expired", "the server's certificate has expired"),
        ("not-yet-valid", "not valid yet"),
        ("self-signed", "self-signed"),
        ("wrong-host", "not valid for the name 127.0.0.1"),
        ("unknown-ca", "certificate is not trusted"),
        ("plain", "does not speak https on this port"),
    ],
)
async def test_bad_certificates_are_refused_with_the_reason(tls_server, certificates, kind, phrase):
    tls_server.tls = certificates.context(kind)
    with pytest.raises(errors.TlsError) as caught:
        await look_up(tls_server.endpoint, ca_bundle=certificates.ca_file)
    assert phrase in caught.value.user_message
    assert PASSWORD not in caught.value.user_message
    assert tls_server.requests == []


async def test_a_certificate_for_another_host_name_is_refused(tls_server, certificates):
    """The certificate names 127.0.0.1; the client asked for localhost."""
    endpoint = tls_server.endpoint.replace("127.0.0.1", "localhost")
    with pytest.raises(errors.TlsError) as caught:
        await look_up(endpoint, ca_bundle=certificates.ca_file)
    assert "not valid for the name localhost" in caught.value.user_message


def test_plain_http_is_refused_for_any_server_but_this_computer():
    with pytest.raises(errors.ConfigError, match="unencrypted"):
        ConnectionSettings(server="http://dialer.example.com", user="a").make_client("pw")
    ConnectionSettings(server="http://127.0.0.1:8080", user="a").make_client("pw")


# --- proxies -------------------------------------------------------------------------


class ConnectProxy:
    """A tiny HTTPS proxy: logs each CONNECT, maps host names to 127.0.0.1 and
    relays the bytes; ``refuse`` answers 403 instead."""

    def __init__(self, *, names: tuple[str, ...] = (), refuse: bool = False) -> None:
        self.names = set(names)
        self.refuse = refuse
        self.connects: list[str] = []
        self.relayed = bytearray()  # everything the client sent through the tunnel
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def close(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=5)
        self._listener.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                head += chunk
            method, target, _ = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ", 2)
            if method != "CONNECT":
                conn.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
                return
            self.connects.append(target)
            host, _, port = target.rpartition(":")
            if self.refuse:
                conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                return
            address = "127.0.0.1" if host in self.names or host == "127.0.0.1" else host
            with socket.create_connection((address, int(port)), timeout=5) as upstream:
                conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                self._relay(conn, upstream)

    def _relay(self, client: socket.socket, upstream: socket.socket) -> None:
        while not self._stop.is_set():
            readable, _, _ = select.select([client, upstream], [], [], 0.05)
            for sock in readable:
                try:
                    data = sock.recv(65536)
                except OSError:
                    return
                if not data:
                    return
                if sock is client:
                    self.relayed += data
                    upstream.sendall(data)
                else:
                    client.sendall(data)


@pytest.fixture
def named_certificates(tmp_path) -> Certificates:
    return Certificates(str(tmp_path), names=(DIALER_NAME,))


@pytest.fixture
def named_server(named_certificates) -> Iterator[HostileServer]:
    """A dialer only the proxy can find (its name does not resolve)."""
    with HostileServer(tls=named_certificates.context("good")) as server:
        yield server


@contextlib.contextmanager
def proxy_for(*names: str, refuse: bool = False) -> Iterator[ConnectProxy]:
    proxy = ConnectProxy(names=names, refuse=refuse)
    try:
        yield proxy
    finally:
        proxy.close()


async def test_https_proxy_from_the_environment_is_used(
    named_server, named_certificates, monkeypatch
):
    endpoint = f"https://{DIALER_NAME}:{named_server.port}/goAPIv2/goAgent/goAPI.php"
    with proxy_for(DIALER_NAME) as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        info = await look_up(endpoint, ca_bundle=named_certificates.ca_file)

    assert proxy.connects == [f"{DIALER_NAME}:{named_server.port}"]
    assert info.lead.full_name == GOOD_NAME
    # The tunnel carried TLS: the proxy never saw the password.
    assert PASSWORD.encode() not in proxy.relayed
    assert b"goPass" not in proxy.relayed


async def test_no_proxy_covering_the_host_goes_direct(
    named_server, named_certificates, monkeypatch
):
    endpoint = f"https://{DIALER_NAME}:{named_server.port}/goAPIv2/goAgent/goAPI.php"
    with proxy_for(DIALER_NAME) as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        monkeypatch.setenv("NO_PROXY", f"localhost,{DIALER_NAME}")
        # Direct, the name does not resolve: proof the proxy was bypassed.
        with pytest.raises(errors.HostNotFound, match=DIALER_NAME):
            await look_up(endpoint, ca_bundle=named_certificates.ca_file)
    assert proxy.connects == []


async def test_no_proxy_for_a_loopback_dialer(tls_server, certificates, monkeypatch):
    with proxy_for() as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        info = await look_up(tls_server.endpoint, ca_bundle=certificates.ca_file)
    assert info.lead.full_name == GOOD_NAME
    assert proxy.connects == []


async def test_through_the_proxy_the_certificate_is_still_checked(
    named_server, named_certificates, monkeypatch
):
    """A proxy that re-signs TLS with a CA we were not given is refused."""
    endpoint = f"https://{DIALER_NAME}:{named_server.port}/goAPIv2/goAgent/goAPI.php"
    with proxy_for(DIALER_NAME) as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        with pytest.raises(errors.TlsError, match="not trusted"):
            await look_up(endpoint)  # no CA bundle
    assert proxy.connects == [f"{DIALER_NAME}:{named_server.port}"]
    assert named_server.requests == []


async def test_a_proxy_that_refuses_the_tunnel_is_named(named_server, monkeypatch):
    endpoint = f"https://{DIALER_NAME}:{named_server.port}/goAPIv2/goAgent/goAPI.php"
    with proxy_for(DIALER_NAME, refuse=True) as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        with pytest.raises(errors.ConnectFailed, match="the proxy refused the connection"):
            await look_up(endpoint)
    assert proxy.connects == [f"{DIALER_NAME}:{named_server.port}"]
