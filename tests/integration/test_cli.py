"""The ``screenpop`` command run as a user runs it: a real subprocess talking to
the demo server (embedded with ``--demo``, or started here to see what it got)."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from screenpop import __version__
from screenpop.cli import UsageError, parse_args
from screenpop.demo.server import DEMO_PASSWORD, DEMO_USER, DemoServer

REPO = Path(__file__).resolve().parents[2]
WRONG_PASSWORD = "Wr0ng-Horse-Battery"


# Each CLI run gets empty config/data/state dirs and no keyring: the real
# user's saved settings or a locked desktop keyring must not change results.
_ISOLATION = tempfile.mkdtemp(prefix="screenpop-cli-test-")


def cli_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["PYTHONPATH"] = str(REPO)
    env["HOME"] = _ISOLATION
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = os.path.join(_ISOLATION, name.lower())
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return env


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "screenpop", *args],
        cwd=REPO,
        env=cli_env(),
        input=stdin if stdin is not None else "",
        capture_output=True,
        encoding="utf-8",
        timeout=30,
        check=False,
    )


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env=cli_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        encoding="utf-8",
        timeout=30,
        check=False,
    )


def demo_json(*args: str) -> dict:
    result = run_cli("lookup", "--demo", "--json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def assert_one_error_line(result: subprocess.CompletedProcess[str], code: int) -> str:
    assert result.returncode == code, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("screenpop: ")
    return lines[0]


@pytest.fixture
def server() -> Iterator[DemoServer]:
    demo = DemoServer().start()
    yield demo
    demo.stop()


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _HtmlHandler(BaseHTTPRequestHandler):
    """A captive-portal-like server: a web page for every request."""

    page = b"<!DOCTYPE html><html><head><title>Sign in</title></head><body>Wi-Fi</body></html>"

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(self.page)))
        self.end_headers()
        self.wfile.write(self.page)

    do_GET = do_POST = _answer

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def html_server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _HtmlHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


# --------------------------------------------------------------- found (exit 0)


def test_json_output_is_one_object_with_the_record():
    data = demo_json("--phone", "8004321000")
    assert set(data) == {"lead", "custom_fields", "is_customer"}
    assert data["lead"]["first_name"] == "Bruno"
    assert data["lead"]["lead_id"] == "14246"
    assert data["custom_fields"] == {}
    assert data["is_customer"] is False


def test_human_output_shows_a_prospect_in_groups():
    result = run_cli("lookup", "--demo", "--phone", "8004321000")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Bruno M Macias — Prospect"
    for group in ("Person", "Contact", "Address", "Record"):
        assert group in lines
    assert lines.index("Person") < lines.index("Contact") < lines.index("Address")
    assert re.search(r"^  First name: +Bruno$", result.stdout, re.M)
    assert re.search(r"^  Lead ID: +14246$", result.stdout, re.M)
    assert "Custom fields" not in lines
    # Labels are padded to one width, so every value starts in the same column.
    rows = [line for line in lines if line.startswith("  ")]
    starts = {len(row) - len(row.split(":", 1)[1].lstrip()) for row in rows}
    assert len(starts) == 1, rows
    assert result.stderr == ""


def test_human_output_shows_a_customer_and_custom_fields_with_readable_labels():
    result = run_cli("lookup", "--demo", "--phone", "2065551234")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Daniel R Whitaker — Customer"
    assert "Custom fields" in lines
    assert re.search(r"^  Plan name: +Fiber 500$", result.stdout, re.M)
    assert re.search(r"^  Preferred contact time: +Weekdays after 6pm$", result.stdout, re.M)
    assert "plan_name" not in result.stdout
    # Empty values are left out: this lead has no address line 3 and no date of birth.
    assert "Address line 3" not in result.stdout
    assert "Date of birth" not in result.stdout


def test_human_output_lists_unknown_server_fields_last():
    result = run_cli("lookup", "--demo", "--lead-id", "15005")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-3:-2] == ["Other fields"]
    assert re.search(r"^  Entry date: +2026-11-30 09:12:44$", result.stdout, re.M)
    assert re.search(r"^  Vendor lead code: +VX-889$", result.stdout, re.M)


@pytest.mark.parametrize(
    "args",
    [
        ["--lead-id", "14246"],
        ["--uri", "tel:+1-800-432-1000"],
        ["--phone", "(800) 432-1000"],
        ["--phone", "8004321000", "--response-type", "xml"],
        ["--phone", "8004321000", "--method", "get"],
    ],
    ids=["lead-id", "tel-uri", "everyday-phone", "xml", "get"],
)
def test_every_way_of_asking_finds_the_record(args):
    data = demo_json(*args)
    assert data["lead"]["lead_id"] == "14246"
    assert data["lead"]["last_name"] == "Macias"


def test_international_number_and_non_ascii_record_print_as_utf8():
    data = demo_json("--phone", "+52 33 1234 5678")
    assert data["lead"]["first_name"] == "José"
    assert data["custom_fields"]["idioma_preferido"] == "Español"


# --------------------------------------------------------- not found (exit 3)


def test_unknown_number_exits_3_with_the_message_on_stderr_only():
    line = assert_one_error_line(run_cli("lookup", "--demo", "--phone", "2125550000"), 3)
    assert "No lead found" in line
    assert "2125550000" in line


# ------------------------------------------------------------- login (exit 4)


def test_wrong_password_exits_4_and_never_shows_the_password(server):
    result = run_cli(
        "lookup",
        "--server",
        server.base_url,
        "--user",
        DEMO_USER,
        "--password-stdin",
        "--phone",
        "8004321000",
        stdin=WRONG_PASSWORD + "\n",
    )
    line = assert_one_error_line(result, 4)
    assert "rejected the user name or password" in line
    assert WRONG_PASSWORD not in result.stdout + result.stderr
    assert "SELECT" not in result.stderr  # the server's auth_message is never shown
    # The newline was stripped: the server got exactly the typed password, once.
    assert [r.form["goPass"] for r in server.received] == [WRONG_PASSWORD]


def test_locked_account_exits_4_with_the_lock_message():
    with DemoServer(max_failed_logins=1) as locking:
        common = ["lookup", "--server", locking.base_url, "--user", DEMO_USER, "--password-stdin"]
        first = run_cli(*common, "--lead-id", "14246", stdin=WRONG_PASSWORD + "\n")
        assert first.returncode == 4
        second = run_cli(*common, "--lead-id", "14246", stdin=DEMO_PASSWORD + "\n")
    line = assert_one_error_line(second, 4)
    assert "locked this account" in line
    assert DEMO_PASSWORD not in second.stderr


# ----------------------------------------------------- server/network (exit 5)


def test_connection_refused_exits_5(closed_port):
    result = run_cli(
        "lookup",
        "--server",
        f"http://127.0.0.1:{closed_port}",
        "--user",
        "agent",
        "--password-stdin",
        "--phone",
        "8004321000",
        stdin="secret\n",
    )
    line = assert_one_error_line(result, 5)
    assert "Could not connect to 127.0.0.1" in line


def test_web_page_instead_of_a_reply_exits_5(html_server):
    result = run_cli(
        "lookup",
        "--server",
        html_server,
        "--user",
        "agent",
        "--password-stdin",
        "--phone",
        "8004321000",
        stdin="secret\n",
    )
    line = assert_one_error_line(result, 5)
    assert "web page instead of an API reply" in line


# --------------------------------------------------------------- usage (exit 2)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--demo"], "one of the arguments --phone --lead-id --uri is required"),
        (["--demo", "--phone", "1-800-FLOWERS"], "is not a phone number"),
        (["--demo", "--lead-id", "abc"], "is not a lead ID"),
        (["--demo", "--uri", "https://example.com/"], "links are not phone numbers"),
        (["--demo", "--phone", "8004321000", "--country", "usa"], "two-letter country code"),
        (["--demo", "--phone", "8004321000", "--country", "ZZ"], "two-letter country code"),
        (["--demo", "--phone", "8004321000", "--server", "x"], "do not combine"),
    ],
    ids=[
        "nothing-to-look-up",
        "letters-in-number",
        "bad-lead-id",
        "web-link",
        "bad-country",
        "unknown-country",
        "demo-and-server",
    ],
)
def test_unusable_input_exits_2(args, message):
    line = assert_one_error_line(run_cli("lookup", *args), 2)
    assert message in line


def test_plain_http_to_a_remote_server_exits_2_before_any_request():
    result = run_cli(
        "lookup",
        "--server",
        "http://example.com",
        "--user",
        "agent",
        "--password-stdin",
        "--phone",
        "8004321000",
        stdin="secret\n",
    )
    line = assert_one_error_line(result, 2)
    assert "https://" in line
    assert "secret" not in result.stderr


def test_missing_user_exits_2_and_sends_nothing(server):
    result = run_cli(
        "lookup", "--server", server.base_url, "--password-stdin", "--phone", "8004321000"
    )
    line = assert_one_error_line(result, 2)
    assert "--user is required" in line
    assert server.received == []


def test_no_password_source_exits_2_and_sends_nothing(server):
    # stdin is not a terminal and --password-stdin was not given: no prompt, no guess.
    result = run_cli(
        "lookup", "--server", server.base_url, "--user", DEMO_USER, "--phone", "8004321000"
    )
    line = assert_one_error_line(result, 2)
    assert "--password-stdin" in line
    assert server.received == []


def test_undecodable_password_on_stdin_exits_2_and_sends_nothing(server):
    command = ["lookup", "--server", server.base_url, "--user", DEMO_USER, "--password-stdin"]
    result = subprocess.run(
        [sys.executable, "-m", "screenpop", *command, "--phone", "8004321000"],
        cwd=REPO,
        env=cli_env(),
        input=b"\xff\xfe\n",
        capture_output=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "screenpop: the password on standard input is not valid UTF-8 text\n"
    )
    assert server.received == []


# ------------------------------------------------------ what the server receives


def test_post_keeps_the_password_out_of_the_url(server):
    result = run_cli(
        "lookup",
        "--server",
        server.base_url,
        "--user",
        DEMO_USER,
        "--password-stdin",
        "--lead-id",
        "14246",
        "--json",
        stdin=DEMO_PASSWORD + "\n",
    )
    assert result.returncode == 0, result.stderr
    request = server.received[-1]
    assert request.method == "POST"
    assert "goPass" not in request.query
    assert request.form["goPass"] == DEMO_PASSWORD
    assert request.form["lead_id"] == "14246"
    assert DEMO_PASSWORD not in result.stdout + result.stderr


def test_get_puts_the_password_in_the_query_as_documented(server):
    result = run_cli(
        "lookup",
        "--server",
        server.base_url,
        "--user",
        DEMO_USER,
        "--password-stdin",
        "--phone",
        "(800) 432-1000",
        "--method",
        "get",
        "--log-level",
        "debug",
        stdin=DEMO_PASSWORD + "\n",
    )
    assert result.returncode == 0, result.stderr
    request = server.received[-1]
    assert request.method == "GET"
    assert request.query["goPass"] == DEMO_PASSWORD
    assert request.query["phone_number"] == "8004321000"
    # Debug logging is on, yet neither the password nor the number reaches the log.
    assert DEMO_PASSWORD not in result.stderr
    assert "8004321000" not in result.stderr


# ------------------------------------------------------- version, imports, argv


def test_version_prints_the_version_without_loading_network_or_phone_libraries():
    result = run_python(
        "import sys; from screenpop import cli; rc = cli.main(['--version']); "
        "heavy = [m for m in ('httpx', 'phonenumbers', 'PySide6') if m in sys.modules]; "
        "print('loaded:', heavy); sys.exit(rc)"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"screenpop {__version__}", "loaded: []"]


def test_lookup_never_imports_qt():
    result = run_python(
        "import sys; from screenpop import cli; "
        "rc = cli.main(['lookup', '--demo', '--phone', '8004321000', '--json']); "
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'screenpop.ui'))]; "
        "print('qt:', qt); sys.exit(rc)"
    )
    assert result.returncode == 0, result.stderr
    assert '"first_name": "Bruno"' in result.stdout
    assert result.stdout.splitlines()[-1] == "qt: []"


@pytest.mark.parametrize(
    "link", ["tel:--log-level=debug", "--version", "-settings", "--", "lookup"]
)
def test_anything_after_double_dash_is_the_number_never_an_option(link):
    args = parse_args(["--", link])
    assert args.command == "gui"
    assert args.initial == link
    assert args.log_level == "WARNING"
    assert args.version is False
    assert args.demo is False


def test_a_single_link_without_double_dash_is_the_number():
    args = parse_args(["tel:+18004321000"])
    assert args.command == "gui"
    assert args.initial == "tel:+18004321000"


def test_options_before_double_dash_still_apply():
    args = parse_args(["--demo", "--log-level", "debug", "--", "tel:8004321000"])
    assert (args.demo, args.log_level, args.initial) == (True, "DEBUG", "tel:8004321000")


@pytest.mark.parametrize(
    "argv",
    [["-settings"], ["--", "tel:1", "tel:2"], ["8004321000", "--", "tel:1"]],
    ids=["dash-value-without-separator", "two-links", "number-and-link"],
)
def test_ambiguous_window_arguments_are_refused(argv):
    with pytest.raises(UsageError):
        parse_args(argv)


def test_double_dash_version_does_not_print_the_version(capsys):
    from screenpop import cli

    # Two links make this a usage error before any window could start.
    assert cli.main(["--", "--version", "x"]) == 2
    captured = capsys.readouterr()
    assert __version__ not in captured.out
    assert captured.err.startswith("screenpop: ")
