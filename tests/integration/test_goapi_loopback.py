"""The real clients against the real demo server over loopback sockets.

Every test runs with the async client (the window) and the blocking one (the CLI)."""

from __future__ import annotations

import http.server
import socket
import ssl
import threading
import time
from collections.abc import Iterator

import pytest
import trustme

from screenpop.core import errors
from screenpop.core.goapi import Credentials, Timeouts
from screenpop.demo import DEMO_PASSWORD, DEMO_USER, DemoServer
from screenpop.demo.server import NOAPI_PASSWORD, NOAPI_USER
from tests.client_kinds import client_kind  # noqa: F401 (the fixture)
from tests.client_kinds import make_client as GoApiClient

pytestmark = pytest.mark.usefixtures("client_kind")


@pytest.fixture
def server() -> Iterator[DemoServer]:
    with DemoServer() as demo:
        yield demo


def client_for(server: DemoServer, password: str = DEMO_PASSWORD, user: str = DEMO_USER, **kw):
    return GoApiClient(server.endpoint, Credentials(user, password), **kw)


async def test_found_by_phone(server):
    async with client_for(server) as client:
        info = await client.get_customer_info(phone="8004321000")
    assert info.lead.lead_id == "14246"
    assert info.lead.full_name == "Bruno M Macias"
    assert info.is_customer is False
    assert server.received[-1].form["phone_number"] == "8004321000"


async def test_found_by_lead_id_with_custom_fields(server):
    async with client_for(server) as client:
        info = await client.get_customer_info(lead_id="15001")
    assert info.is_customer is True
    assert "plan_name" in info.custom_fields
    assert info.lead["date_of_birth"] == ""  # 0000-00-00 on the server
    sent = server.received[-1].form
    assert sent["lead_id"] == sent["goLeadID"] == "15001"


async def test_unknown_fields_and_non_ascii_survive(server):
    async with client_for(server) as client:
        extra = await client.get_customer_info(lead_id="15005")
        spanish = await client.get_customer_info(phone="3312345678")
    assert set(extra.lead.extra) == {"entry_date", "vendor_lead_code"}
    assert spanish.lead.full_name.startswith("José")


async def test_newest_lead_wins_a_shared_phone(server):
    async with client_for(server) as client:
        info = await client.get_customer_info(phone="7135550110")
    assert info.lead.lead_id == "15012"


@pytest.mark.parametrize(
    ("query", "phrase"),
    [({"phone": "8005550000"}, "phone number 8005550000"), ({"lead_id": "99"}, "lead ID 99")],
)
async def test_not_found(server, query, phrase):
    async with client_for(server) as client:
        with pytest.raises(errors.LeadNotFound, match=phrase):
            await client.get_customer_info(**query)


async def test_login_incorrect_is_sent_once_and_hides_auth_message(server):
    async with client_for(server, password="wrong") as client:
        with pytest.raises(errors.LoginIncorrect) as caught:
            await client.get_customer_info(phone="8004321000")
    assert len(server.received) == 1  # never retried
    assert "SELECT" not in caught.value.user_message
    assert "wrong" not in caught.value.user_message


async def test_locked_account():
    with DemoServer(max_failed_logins=2, lockout_seconds=60) as server:
        async with client_for(server, password="wrong") as bad:
            for _ in range(2):
                with pytest.raises(errors.LoginIncorrect):
                    await bad.get_customer_info(phone="8004321000")
        async with client_for(server) as good:
            with pytest.raises(errors.AccountLocked) as caught:
                await good.get_customer_info(phone="8004321000")
    assert "Try again after" in caught.value.user_message
    assert len(server.received) == 3


async def test_no_api_access(server):
    async with client_for(server, user=NOAPI_USER, password=NOAPI_PASSWORD) as client:
        with pytest.raises(errors.ApiAccessDenied, match="'noapi'"):
            await client.get_customer_info(phone="8004321000")


async def test_xml_mode(server):
    async with client_for(server, response_type="xml") as client:
        info = await client.get_customer_info(lead_id="15001")
    assert server.received[-1].form["responsetype"] == "xml"
    assert info.is_customer is True
    assert info.custom_fields["plan_name"]


async def test_xml_mode_error(server):
    async with client_for(server, response_type="xml") as client:
        with pytest.raises(errors.LeadNotFound):
            await client.get_customer_info(lead_id="99")


async def test_post_never_puts_the_password_in_the_url(server):
    async with client_for(server) as client:
        await client.get_customer_info(phone="8004321000")
    received = server.received[-1]
    assert received.method == "POST"
    assert received.query == {}
    assert received.form["goPass"] == DEMO_PASSWORD


async def test_get_mode_on_request(server):
    async with client_for(server, method="get") as client:
        info = await client.get_customer_info(phone="8004321000")
    received = server.received[-1]
    assert received.method == "GET"
    assert received.query["goAction"] == "goGetCustomerInfo"
    assert info.lead.lead_id == "14246"


async def test_php_notices_before_the_body(server):
    server.php_notices = True
    async with client_for(server) as client:
        for response_type in ("json", "xml"):
            client.response_type = response_type
            info = await client.get_customer_info(phone="8004321000")
            assert info.lead.lead_id == "14246"


async def test_one_connection_is_kept_alive_for_many_lookups(server):
    async with client_for(server) as client:
        for _ in range(3):
            await client.get_customer_info(phone="8004321000")
        pool = client._http._transport._pool  # the connection pool httpx keeps
        assert len(pool.connections) == 1


async def test_wrong_path_is_an_http_error(server):
    client = GoApiClient(server.base_url + "/goAPIv2/nothing.php", Credentials(DEMO_USER, "x"))
    async with client:
        with pytest.raises(errors.HttpStatusError, match="HTTP 404"):
            await client.get_customer_info(phone="8004321000")


async def test_slow_server_hits_the_total_deadline(server):
    server.delay = 2.0
    timeouts = Timeouts(connect=1, read=5, total=0.4)
    async with client_for(server, timeouts=timeouts) as client:
        with pytest.raises(errors.RequestTimeout, match=r"0\.4 seconds"):
            await client.get_customer_info(phone="8004321000")


async def test_a_silent_server_is_left_at_the_total_deadline(server):
    server.delay = 3.0
    timeouts = Timeouts(connect=1, read=10, total=0.5)
    started = time.monotonic()
    async with client_for(server, timeouts=timeouts) as client:
        with pytest.raises(errors.RequestTimeout, match=r"0\.5 seconds"):
            await client.get_customer_info(phone="8004321000")
    assert time.monotonic() - started < 1.5  # not the 3 s the server would take


async def test_connection_refused():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    endpoint = f"http://127.0.0.1:{port}/goAPIv2/goAgent/goAPI.php"
    async with GoApiClient(endpoint, Credentials("u", "p")) as client:
        with pytest.raises(errors.ConnectFailed, match="refused"):
            await client.get_customer_info(phone="8004321000")


async def test_unknown_host():
    endpoint = "https://no-such-dialer.invalid/goAPIv2/goAgent/goAPI.php"
    async with GoApiClient(endpoint, Credentials("u", "p")) as client:
        with pytest.raises(errors.HostNotFound, match=r"no-such-dialer\.invalid"):
            await client.get_customer_info(phone="8004321000")


class _HtmlHandler(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = b"<html><head><title>Wi-Fi login</title></head><body>Sign in</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args) -> None:
        pass


@pytest.fixture
def tls_server() -> Iterator[str]:
    """An https server whose certificate no system trust store knows."""
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _HtmlHandler)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}/goAPIv2/goAgent/goAPI.php"
    httpd.shutdown()
    httpd.server_close()


async def test_untrusted_certificate_is_refused(tls_server):
    async with GoApiClient(tls_server, Credentials("u", "p")) as client:
        with pytest.raises(errors.TlsError, match="certificate is not trusted"):
            await client.get_customer_info(phone="8004321000")


@pytest.fixture
def portal_server() -> Iterator[str]:
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _HtmlHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/goAPIv2/goAgent/goAPI.php"
    httpd.shutdown()
    httpd.server_close()


async def test_html_page_instead_of_a_reply(portal_server):
    async with GoApiClient(portal_server, Credentials("u", "p")) as client:
        with pytest.raises(errors.HtmlPageError):
            await client.get_customer_info(phone="8004321000")


async def test_check_login_accepts_good_credentials_with_a_harmless_call(server):
    async with client_for(server) as client:
        await client.check_login()
    sent = server.received[-1].form
    assert not {"phone_number", "lead_id", "goLeadID"} & set(sent)


async def test_check_login_reports_a_bad_password(server):
    async with client_for(server, password="wrong") as client:
        with pytest.raises(errors.LoginIncorrect):
            await client.check_login()
