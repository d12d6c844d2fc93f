"""The password leaves no trace: a whole session with DEBUG logging, then a
scan of every file the app could have written, of the log records and of the
CLI's output.

The session covers what the issue lists: settings saved, lookups, a login
failure, a server error, and a crash-like exception in a slot whose text
carries the password. The passwords hold URL-special characters, and the
scan looks for a fragment of each (``7QxZ``, ``9kYv``), so an encoded or
cut-off copy counts as a leak too.
"""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import pytest
from gui_helpers import DialogDriver, wait_until

from screenpop.core import logs
from screenpop.core.credentials import CredentialStore
from screenpop.demo.server import DEMO_USER, DemoServer
from screenpop.ui.app import shutdown

PASSWORD = "Canary-Pw-7QxZ%&+"
WRONG_PASSWORD = "Wr0ng-9kYv%&+"
FRAGMENTS = ("7QxZ", "9kYv")
REPO = Path(__file__).resolve().parents[2]


class DictKeyring:
    """Keyring stand-in in memory, so the only copy of the password is not a file."""

    def __init__(self) -> None:
        from keyring.backend import KeyringBackend

        class _Backend(KeyringBackend):
            priority = 1
            viable = False
            entries: ClassVar[dict] = {}

            def get_password(self, service, username):
                return self.entries.get((service, username))

            def set_password(self, service, username, password):
                self.entries[(service, username)] = password

            def delete_password(self, service, username):
                self.entries.pop((service, username), None)

        self.backend = _Backend()


class RecordList(logging.Handler):
    """A handler added after the app's own, as a third-party one would be."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def texts(self) -> list[str]:
        return [f"{r.getMessage()}\n{r.exc_text or ''}" for r in self.records]


@pytest.fixture
def debug_logging(monkeypatch):
    """``screenpop --log-level debug``: stderr (captured here) and the log file."""
    monkeypatch.setattr(logs, "redactor", logs.SecretFilter())
    root = logging.getLogger()
    saved = (root.level, list(root.handlers))
    stderr = io.StringIO()
    log_file = logs.setup_logging("DEBUG", stream=stderr)
    records = RecordList()
    root.addHandler(records)
    yield stderr, log_file, records
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    root.setLevel(saved[0])
    for handler in saved[1]:
        root.addHandler(handler)


async def _save_in_dialog(session, qtbot, *, server: str | None, password: str) -> None:
    await wait_until(
        lambda: session.connection.dialog is not None and session.connection.dialog.isVisible(),
        what="the settings dialog",
    )
    ui = DialogDriver(session.connection.dialog, qtbot)
    if server is not None:
        ui.type("server_input", server)
        ui.type("user_input", DEMO_USER)
    ui.type("password_input", password)
    ui.click("save_button")
    await wait_until(lambda: session.connection.dialog is None, what="the dialog to close")
    await session.connection.wait_idle()


async def _look_up(session, qtbot, number: str) -> None:
    window = session.window
    window.input.clear()
    qtbot.keyClicks(window.input, number)
    window.submit()
    await wait_until(lambda: not session.controller.is_busy(), what=f"the lookup of {number}")


def _run_cli(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["PYTHONPATH"] = str(REPO)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return subprocess.run(
        [sys.executable, "-m", "screenpop", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
        check=False,
    )


def _files_holding_a_fragment(root: Path) -> list[str]:
    hits = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits += [f"{path}: {f}" for f in FRAGMENTS if f.encode() in data]
    return hits


async def test_a_full_session_leaves_the_password_nowhere(
    make_session, qtbot, user_home, debug_logging, monkeypatch
):
    stderr, log_file, records = debug_logging
    with DemoServer(password=PASSWORD) as server:
        store = CredentialStore(backend=DictKeyring().backend, timeout=5)
        session = make_session(store=store)
        window = session.window

        # First run: settings saved, with a wrong password first.
        await _save_in_dialog(session, qtbot, server=server.base_url, password=WRONG_PASSWORD)
        await _look_up(session, qtbot, "8004321000")
        assert window.banner_text().startswith("The dialer rejected")
        await _save_in_dialog(session, qtbot, server=None, password=PASSWORD)  # asked again
        await wait_until(window.showing_record, what="the held pop's record")

        await _look_up(session, qtbot, "2065551234")
        await _look_up(session, qtbot, "8005550000")  # not found
        assert window.banner_text().startswith("No lead found")

        # A server error: the dialer answers with an HTML error page.
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(
                server, "handle_api", lambda *_a: (b"<html><title>500</title></html>", "text/html")
            )
            await _look_up(session, qtbot, "2065551234")
        assert "web page" in window.banner_text()

        # A crash-like exception in the lookup slot, its text carrying the password.
        async def explode(**_kwargs):
            raise RuntimeError(f"request to ?goUser=demo&goPass={PASSWORD} blew up ({PASSWORD})")

        monkeypatch.setattr(session.controller.client, "get_customer_info", explode)
        await _look_up(session, qtbot, "2065551234")
        assert window.banner_text().startswith("Unexpected error")
        await shutdown(session)

        # The command line, in the same home, at DEBUG, GET mode included.
        cli_runs = [
            _run_cli(user_home, "credentials", "status"),
            _run_cli(
                user_home,
                "lookup",
                "--log-level",
                "debug",
                "--method",
                "get",
                "--password-stdin",
                "--phone",
                "8004321000",
                stdin=PASSWORD + "\n",
            ),
            _run_cli(
                user_home,
                "lookup",
                "--log-level",
                "debug",
                "--password-stdin",
                "--lead-id",
                "14246",
                stdin=WRONG_PASSWORD + "\n",
            ),
        ]
    assert [run.returncode for run in cli_runs] == [0, 0, 4], [r.stderr for r in cli_runs]

    for handler in logging.getLogger().handlers:
        handler.flush()
    assert log_file is not None and log_file.stat().st_size > 0
    assert str(log_file).startswith(str(user_home))
    logged = "\n".join([stderr.getvalue(), *records.texts()])
    assert "goPass=********" in logged  # the crash text was logged, masked
    for fragment in FRAGMENTS:
        assert fragment not in logged
        for run in cli_runs:
            assert fragment not in run.stdout + run.stderr
    assert _files_holding_a_fragment(user_home) == []
    assert len(records.records) > 20  # DEBUG really was on
