"""The demo server must behave like a real goAPI server, over real sockets."""

from __future__ import annotations

import contextlib
import http.client
import json
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest

from screenpop.demo import (
    DEMO_PASSWORD,
    DEMO_USER,
    ENDPOINT_PATH,
    PHP_NOTICE,
    SAMPLE_LEADS,
    DemoServer,
)
from screenpop.demo.leads import LEAD_INFO_FIELDS
from tests.vendor_page import VENDOR_EXAMPLE

AUTH = {"goUser": DEMO_USER, "goPass": DEMO_PASSWORD, "goAction": "goGetCustomerInfo"}

VENDOR_LEAD_INFO = VENDOR_EXAMPLE["lead_info"]


class Reply:
    def __init__(self, response: http.client.HTTPResponse) -> None:
        self.status = response.status
        self.content_type = response.getheader("Content-Type", "")
        self.body = response.read()

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> dict:
        return json.loads(self.body)

    def xml(self) -> ET.Element:
        return ET.fromstring(self.body)


def send(
    server: DemoServer,
    params: dict[str, str],
    *,
    method: str = "POST",
    path: str = ENDPOINT_PATH,
    conn: http.client.HTTPConnection | None = None,
) -> Reply:
    """One request; POST puts params in the body, GET in the query string."""
    encoded = urllib.parse.urlencode(params)
    own = conn is None
    conn = conn or http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        if method == "GET":
            conn.request("GET", f"{path}?{encoded}")
        else:
            headers = {"Content-Type": "application/x-www-form-urlencoded"}
            conn.request("POST", path, body=encoded, headers=headers)
        return Reply(conn.getresponse())
    finally:
        if own:
            conn.close()


def lookup(server: DemoServer, responsetype: str | None = "json", **params: str) -> Reply:
    extra = {} if responsetype is None else {"responsetype": responsetype}
    return send(server, {**AUTH, **extra, **params})


@pytest.fixture
def server() -> Iterator[DemoServer]:
    with DemoServer() as running:
        yield running


# ------------------------------------------------------------------ lookups


def test_lookup_by_lead_id_json(server: DemoServer) -> None:
    reply = lookup(server, goLeadID="15001")

    assert reply.status == 200
    assert reply.content_type == "text/html; charset=UTF-8"  # as PHP serves it
    data = reply.json()
    assert list(data) == ["result", "lead_info", "custom_info", "is_customer"]
    assert data["result"] == "success"
    assert tuple(data["lead_info"]) == LEAD_INFO_FIELDS
    assert data["lead_info"]["lead_id"] == "15001"  # MySQL-style string
    assert all(isinstance(v, str) for v in data["lead_info"].values())
    assert data["lead_info"]["date_of_birth"] == "0000-00-00"
    assert data["custom_info"] == {
        "plan_name": "Fiber 500",
        "contract_end": "2027-03-31",
        "monthly_fee": "59.99",
        "preferred_contact_time": "Weekdays after 6pm",
    }
    assert data["is_customer"] == 1


def test_vendor_example_is_reproduced_exactly(server: DemoServer) -> None:
    data = lookup(server, lead_id="14246").json()

    assert data == {
        "result": "success",
        "lead_info": VENDOR_LEAD_INFO,
        "custom_info": None,
        "is_customer": 0,
    }


def test_lookup_by_lead_id_xml(server: DemoServer) -> None:
    reply = lookup(server, "xml", goLeadID="15001")

    assert reply.content_type == "text/xml; charset=UTF-8"
    assert reply.body.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<goautodialapi')
    root = reply.xml()
    assert root.tag == "goautodialapi"
    assert root.get("version") == "4.0"
    assert [child.tag for child in root] == [
        "action",
        "result",
        "lead_info",
        "custom_info",
        "is_customer",
    ]
    assert root.findtext("action") == "goGetCustomerInfo"
    assert root.findtext("result") == "success"
    lead_info = root.find("lead_info")
    assert lead_info is not None
    assert tuple(child.tag for child in lead_info) == LEAD_INFO_FIELDS
    assert lead_info.findtext("last_name") == "Whitaker"
    assert root.findtext("custom_info/plan_name") == "Fiber 500"
    assert root.findtext("is_customer") == "1"


@pytest.mark.parametrize("lead_id", ["14246", "15002"])  # null and [] custom_info
def test_xml_empty_custom_info_is_an_empty_element(server: DemoServer, lead_id: str) -> None:
    reply = lookup(server, "xml", goLeadID=lead_id)

    assert b"<custom_info/>" in reply.body
    assert reply.xml().findtext("result") == "success"


def test_empty_php_array_custom_info_in_json(server: DemoServer) -> None:
    assert lookup(server, goLeadID="15002").json()["custom_info"] == []


def test_missing_responsetype_answers_xml(server: DemoServer) -> None:
    reply = lookup(server, None, goLeadID="14246")

    assert reply.content_type.startswith("text/xml")
    assert reply.xml().findtext("lead_info/first_name") == "Bruno"


@pytest.mark.parametrize("responsetype", ["JSON", "csv", "php"])
def test_other_responsetype_answers_plain_text(server: DemoServer, responsetype: str) -> None:
    reply = lookup(server, responsetype, goLeadID="14246")

    assert reply.status == 200
    assert reply.text == (
        "result=error;message=This API function only accepts XML or JSON value on responsetype;"
    )


@pytest.mark.parametrize("name", ["goLeadID", "lead_id"])
def test_both_lead_id_spellings(server: DemoServer, name: str) -> None:
    data = lookup(server, **{name: "15007"}).json()

    assert data["lead_info"]["last_name"] == "Patel"
    assert data["is_customer"] == 2


@pytest.mark.parametrize("name", ["phone_number", "phone number", "phone.number"])
def test_phone_parameter_names_are_php_mangled(server: DemoServer, name: str) -> None:
    data = lookup(server, **{name: "2065551234"}).json()

    assert data["result"] == "success"
    assert data["lead_info"]["lead_id"] == "15001"


def test_phone_is_compared_as_digits(server: DemoServer) -> None:
    data = lookup(server, phone_number="(206) 555-1234").json()

    assert data["lead_info"]["phone_number"] == "2065551234"


def test_shared_phone_returns_highest_lead_id(server: DemoServer) -> None:
    data = lookup(server, phone_number="7135550110").json()

    assert data["lead_info"]["lead_id"] == "15012"


def test_lead_id_wins_over_phone(server: DemoServer) -> None:
    data = lookup(server, goLeadID="15003", phone_number="2065551234").json()

    assert data["lead_info"]["lead_id"] == "15003"


def test_unknown_extra_fields_are_kept_after_standard_ones(server: DemoServer) -> None:
    lead_info = lookup(server, goLeadID="15005").json()["lead_info"]

    assert list(lead_info)[-2:] == ["entry_date", "vendor_lead_code"]
    assert lead_info["vendor_lead_code"] == "VX-889"


def test_non_ascii_is_raw_utf8_in_json(server: DemoServer) -> None:
    reply = lookup(server, phone_number="3312345678")

    assert "José".encode() in reply.body  # not \u00e9 escapes
    data = reply.json()
    assert data["lead_info"]["last_name"] == "Ñúñez Peña"
    assert data["lead_info"]["city"] == "Ciudad de México"
    assert data["custom_info"]["idioma_preferido"] == "Español"


def test_non_ascii_and_markup_survive_xml(server: DemoServer) -> None:
    polish = lookup(server, "xml", goLeadID="15004").xml()
    escaped = lookup(server, "xml", goLeadID="15005")

    assert polish.findtext("lead_info/first_name") == "Zoë"
    assert polish.findtext("lead_info/last_name") == "Łukasiewicz-Ørsted"
    assert b"&amp;" in escaped.body and b"&lt;promo" in escaped.body
    comments = escaped.xml().findtext("lead_info/comments")
    assert comments == 'Asked about the "Fiber & TV" bundle <promo 2026>.'
    assert escaped.xml().findtext("lead_info/entry_date") == "2026-11-30 09:12:44"


# ------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"goLeadID": "99999"}, "Lead ID '99999' does NOT exist on the database"),
        ({"lead_id": "12a"}, "You did NOT specify a valid Lead ID"),
        (
            {"phone_number": "+1 (555) 000-0000"},
            "Phone number '15550000000' does NOT exist on the database",
        ),
        ({}, "You did NOT specify a valid Lead ID"),
        ({"goLeadID": "", "phone_number": ""}, "You did NOT specify a valid Lead ID"),
    ],
)
def test_lookup_errors(server: DemoServer, params: dict[str, str], message: str) -> None:
    reply = lookup(server, **params)

    assert reply.status == 200
    assert reply.json() == {"result": "error", "message": message}


def test_xml_error_shape(server: DemoServer) -> None:
    reply = lookup(server, "xml", goLeadID="99999")

    assert reply.text.endswith(
        '<goautodialapi version="4.0"><action>goGetCustomerInfo</action>'
        "<result>error</result>"
        "<message>Lead ID '99999' does NOT exist on the database</message></goautodialapi>"
    )


def test_login_incorrect_carries_auth_message(server: DemoServer) -> None:
    data = send(server, {**AUTH, "goPass": "wrong", "responsetype": "json"}).json()

    assert data["result"] == "error"
    assert data["message"] == "Login incorrect, please try again"
    assert data["auth_message"].startswith("SELECT user,pass FROM vicidial_users WHERE user='demo'")


def test_unknown_user_is_login_incorrect(server: DemoServer) -> None:
    data = send(server, {**AUTH, "goUser": "nobody", "responsetype": "json"}).json()

    assert data["message"] == "Login incorrect, please try again"


def test_password_is_stripped_of_quotes_semicolons_and_spaces(server: DemoServer) -> None:
    mangled = " de'mo\"12;34\\ "

    data = send(server, {**AUTH, "goPass": mangled, "responsetype": "json", "lead_id": "14246"})

    assert data.json()["result"] == "success"


def test_noapi_account_is_refused_api_access(server: DemoServer) -> None:
    params = {**AUTH, "goUser": "noapi", "goPass": "noapi1234", "responsetype": "json"}

    data = send(server, params).json()

    assert data == {
        "result": "error",
        "message": "User 'noapi' is NOT allowed to access GOagent API",
    }


@pytest.mark.parametrize(
    ("action", "message"),
    [("", "goAction should NOT be empty"), ("goDeleteEverything", "Command NOT Found")],
)
def test_bad_actions(server: DemoServer, action: str, message: str) -> None:
    data = send(server, {**AUTH, "goAction": action, "responsetype": "json"}).json()

    assert data == {"result": "error", "message": message}


# ------------------------------------------------------------------ lockout

LOCKED = "Too many login attempts, try again in 15 minutes"


def _login_message(server: DemoServer, password: str, user: str = DEMO_USER) -> str:
    params = {**AUTH, "goUser": user, "goPass": password, "responsetype": "json", "lead_id": "1"}
    return send(server, params).json()["message"]


def test_lockout_after_failures_then_expiry() -> None:
    with DemoServer(max_failed_logins=3, lockout_seconds=0.3) as server:
        for _ in range(3):
            assert _login_message(server, "wrong") == "Login incorrect, please try again"

        # Locked even with the right password now; other users are unaffected.
        assert _login_message(server, DEMO_PASSWORD) == LOCKED
        assert _login_message(server, "noapi1234", user="noapi").startswith("User 'noapi'")

        time.sleep(0.35)
        assert _login_message(server, DEMO_PASSWORD).startswith("Lead ID '1'")


def test_success_resets_the_failure_count() -> None:
    with DemoServer(max_failed_logins=3, lockout_seconds=60) as server:
        for password in ["bad", "bad", DEMO_PASSWORD, "bad", "bad"]:
            _login_message(server, password)

        assert _login_message(server, DEMO_PASSWORD).startswith("Lead ID '1'")


def test_bad_action_does_not_count_as_failed_login() -> None:
    with DemoServer(max_failed_logins=1, lockout_seconds=60) as server:
        send(server, {**AUTH, "goPass": "bad", "goAction": "nope", "responsetype": "json"})

        assert _login_message(server, DEMO_PASSWORD).startswith("Lead ID '1'")


# ------------------------------------------------------------------ HTTP layer


def test_other_paths_are_404_and_recorded(server: DemoServer) -> None:
    reply = send(server, {"goUser": "demo"}, method="GET", path="/goAPIv2/goReports/goAPI.php")

    assert reply.status == 404
    assert reply.content_type.startswith("text/html")
    assert b"Not Found" in reply.body
    assert [r.path for r in server.received] == ["/goAPIv2/goReports/goAPI.php"]


def test_get_and_post_are_recorded_raw(server: DemoServer) -> None:
    send(server, {**AUTH, "phone number": "8004321000"}, method="GET")
    send(server, {**AUTH, "phone number": "8004321000"}, method="POST")

    get, post = server.received
    assert (get.method, get.path, get.form) == ("GET", ENDPOINT_PATH, {})
    assert get.query == {**AUTH, "phone number": "8004321000"}
    assert (post.method, post.path, post.query) == ("POST", ENDPOINT_PATH, {})
    assert post.form == {**AUTH, "phone number": "8004321000"}
    assert post.headers["content-type"] == "application/x-www-form-urlencoded"

    server.clear_received()
    assert server.received == []


def test_body_wins_over_query_string(server: DemoServer) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        query = urllib.parse.urlencode({"goLeadID": "15001", "responsetype": "xml"})
        body = urllib.parse.urlencode({**AUTH, "goLeadID": "15003", "responsetype": "json"})
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        conn.request("POST", f"{ENDPOINT_PATH}?{query}", body=body, headers=headers)
        data = Reply(conn.getresponse()).json()
    finally:
        conn.close()

    assert data["lead_info"]["lead_id"] == "15003"


def test_password_never_reaches_stderr(
    server: DemoServer, capfd: pytest.CaptureFixture[str]
) -> None:
    send(server, {**AUTH, "lead_id": "14246"}, method="GET")
    send(server, {"goPass": DEMO_PASSWORD}, method="GET", path="/elsewhere")

    out, err = capfd.readouterr()
    assert DEMO_PASSWORD not in out + err


def test_keep_alive_reuses_one_connection(server: DemoServer) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        first = send(server, {**AUTH, "responsetype": "json", "lead_id": "14246"}, conn=conn)
        sock = conn.sock
        second = send(server, {**AUTH, "responsetype": "json", "lead_id": "15001"}, conn=conn)
        assert sock is not None and conn.sock is sock
    finally:
        conn.close()

    assert first.json()["lead_info"]["lead_id"] == 14246
    assert second.json()["lead_info"]["lead_id"] == "15001"


def test_php_notices_prefix(server: DemoServer) -> None:
    server.php_notices = True
    reply = lookup(server, goLeadID="14246")

    assert reply.text.startswith("<br />\n<b>Notice</b>:  Undefined index: goLeadID")
    assert reply.body.startswith(PHP_NOTICE.encode())
    assert json.loads(reply.body[len(PHP_NOTICE.encode()) :])["result"] == "success"

    server.php_notices = False
    assert lookup(server, goLeadID="14246").body.startswith(b"{")


def test_global_delay(server: DemoServer) -> None:
    server.delay = 0.15
    start = time.monotonic()
    lookup(server, goLeadID="14246")
    assert time.monotonic() - start >= 0.15


def test_delay_for_one_key_only(server: DemoServer) -> None:
    server.set_delay_for("2065551234", 0.2)
    server.set_delay_for("15003", 0.2)

    def elapsed(**params: str) -> float:
        start = time.monotonic()
        lookup(server, **params)
        return time.monotonic() - start

    assert elapsed(phone_number="206-555-1234") >= 0.2
    assert elapsed(goLeadID="15003") >= 0.2
    assert elapsed(goLeadID="15001") < 0.15

    server.set_delay_for("15003", 0)
    assert elapsed(goLeadID="15003") < 0.15


def test_stop_does_not_wait_for_delayed_requests() -> None:
    server = DemoServer().start()
    server.delay = 5
    worker = threading.Thread(target=_lookup_ignoring_disconnect, args=(server,))
    worker.start()
    deadline = time.monotonic() + 2
    while not server.received and time.monotonic() < deadline:
        time.sleep(0.01)

    start = time.monotonic()
    server.stop()
    worker.join(2)

    assert time.monotonic() - start < 1
    assert not worker.is_alive()


def _lookup_ignoring_disconnect(server: DemoServer) -> None:
    # stop() may cut the connection before the answer; that is the point.
    with contextlib.suppress(OSError, http.client.HTTPException):
        lookup(server, lead_id="1")


def test_start_and_stop_are_idempotent() -> None:
    server = DemoServer()
    with pytest.raises(RuntimeError):
        _ = server.port
    assert server.start() is server
    port = server.port
    assert server.start() is server and server.port == port
    assert server.base_url == f"http://127.0.0.1:{port}"
    assert server.endpoint == f"http://127.0.0.1:{port}{ENDPOINT_PATH}"

    server.stop()
    server.stop()

    with pytest.raises(OSError):
        lookup(server, lead_id="14246")


def test_stop_closes_idle_keep_alive_connections() -> None:
    server = DemoServer().start()
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        send(server, {**AUTH, "lead_id": "14246"}, conn=conn)
        server.stop()
        conn.auto_open = False  # make a reconnect impossible: reuse or fail
        with pytest.raises((OSError, http.client.HTTPException)):
            send(server, {**AUTH, "lead_id": "14246"}, conn=conn)
    finally:
        conn.close()


def test_binds_to_loopback_only() -> None:
    with pytest.raises(ValueError):
        DemoServer(host="0.0.0.0")


def test_custom_credentials_and_leads() -> None:
    lead = SAMPLE_LEADS[1]
    with DemoServer(user="alice", password="s3cret", leads=[lead]) as server:
        params = {**AUTH, "goUser": "alice", "goPass": "s3cret", "responsetype": "json"}
        found = send(server, {**params, "lead_id": "15001"}).json()
        missing = send(server, {**params, "lead_id": "14246"}).json()

    assert found["result"] == "success"
    assert missing["message"] == "Lead ID '14246' does NOT exist on the database"
