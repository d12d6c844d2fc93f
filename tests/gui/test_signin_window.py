"""Lockout safety in the window: a refused login is never retried by itself.

Ten failed logins lock an agent out of the dialer for 15 minutes, and pops
keep arriving while the call center is busy. Every test here counts what the
real demo server received and checks what the agent saw.
"""

import asyncio
import datetime as dt

import pytest
from gui_helpers import DialogDriver, child, wait_until
from PySide6.QtWidgets import QLabel, QPushButton

from screenpop.core.config import ConnectionSettings
from screenpop.core.errors import LoginIncorrect
from screenpop.core.goapi import Credentials, GoApiClient
from screenpop.core.intake import parse_input
from screenpop.core.signin import SignInGuard, SignInState
from screenpop.demo.server import DEMO_PASSWORD, DemoServer
from screenpop.ui.app import GuiOptions, _wire
from screenpop.ui.connection import REENTER_PASSWORD
from screenpop.ui.controller import LookupController
from screenpop.ui.main_window import MainWindow

VENDOR_PHONE = "8004321000"
# Nineteen callers nobody knows, then the vendor's example lead.
POPS = [f"20255501{i:02d}" for i in range(19)] + [VENDOR_PHONE]


def phones_sent(server: DemoServer) -> list[str]:
    return [{**r.query, **r.form}.get("phone_number", "") for r in server.received]


def searched_line(window) -> str:
    return child(window, QLabel, "searched_line").text()


def cli_options(server: DemoServer, password: str) -> GuiOptions:
    settings = ConnectionSettings(server=server.base_url, user="demo")
    return GuiOptions(settings=settings, password=password)


async def test_twenty_pops_with_a_wrong_password_cost_one_login(make_session, demo_server, qtbot):
    session = make_session(cli_options(demo_server, "wrong"))
    window, connection = session.window, session.connection
    demo_server.delay = 0.2  # the first login is still being checked while pops arrive
    seen = []

    # Ten pops in a burst, then ten more while the password dialog is up.
    for number in POPS[:10]:
        window.look_up(number)
        seen.append((number, window.input.text(), searched_line(window)))
    await wait_until(lambda: connection.dialog is not None and connection.dialog.isVisible())
    await wait_until(lambda: not session.controller.is_busy())
    for number in POPS[10:]:
        window.look_up(number)
        seen.append((number, window.input.text(), searched_line(window)))
        assert window.banner_text() == LoginIncorrect().user_message
        await asyncio.sleep(0.01)

    assert len(demo_server.received) == 1
    assert phones_sent(demo_server) == [POPS[0]]
    assert connection.dialogs_opened == 1
    for number, typed, searched in seen:
        assert typed == number
        assert searched.startswith(parse_input(number).display)
    assert searched_line(window) == "+1 800-432-1000 → not searched"
    assert child(window, QPushButton, "banner_retry").isHidden()
    assert child(window, QPushButton, "banner_settings").isVisible()

    # The dialog asks for the password again, the user already filled in.
    ui = DialogDriver(connection.dialog, qtbot)
    assert connection.dialog.reason_text() == REENTER_PASSWORD
    assert ui.field("user_input").text() == "demo"
    assert connection.dialog.focusWidget() is ui.field("password_input")
    # The rejected password is not offered as "the saved one": a new one is needed.
    assert ui.field("password_input").placeholderText() == ""
    assert not ui.button("save_button").isEnabled()

    ui.type("password_input", DEMO_PASSWORD)
    ui.click("save_button")
    await wait_until(window.showing_record, what="the latest pop's record")

    assert phones_sent(demo_server) == [POPS[0], VENDOR_PHONE]
    assert window.lead_view.value_text("first_name") == "Bruno"
    assert window.banner_text() == ""
    assert connection.dialogs_opened == 1


async def test_nothing_is_retried_by_itself_and_typing_sends_nothing_either(
    make_session, demo_server, qtbot
):
    session = make_session(cli_options(demo_server, "wrong"))
    window, connection = session.window, session.connection
    window.look_up(VENDOR_PHONE)
    await wait_until(lambda: connection.dialog is not None)
    DialogDriver(connection.dialog, qtbot).click("cancel_button")
    await asyncio.sleep(0.3)  # time enough for any retry to show up

    qtbot.keyClicks(window.input, "1")  # the agent edits the number and presses Enter
    window.submit()
    await asyncio.sleep(0.05)

    assert len(demo_server.received) == 1
    assert session.controller.guard.state is SignInState.LOGIN_REFUSED
    assert window.banner_text() == LoginIncorrect().user_message
    assert connection.dialogs_opened == 1

    # The banner leads back to Settings, on the agent's say-so.
    qtbot.mouseClick(child(window, QPushButton, "banner_settings"), qtbot_left())
    await wait_until(lambda: connection.dialog is not None)
    assert connection.dialogs_opened == 2
    assert len(demo_server.received) == 1


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


async def _lock(server: DemoServer) -> None:
    """One wrong login, from outside the window, locks a max_failed_logins=1 account."""
    async with GoApiClient(server.endpoint, Credentials("demo", "wrong")) as client:
        with pytest.raises(LoginIncorrect):
            await client.check_login()
    server.clear_received()


@pytest.fixture
def locking_server():
    server = DemoServer(max_failed_logins=1).start()
    yield server
    server.stop()


async def test_a_locked_account_names_the_time_and_only_explicit_lookups_go_out(
    make_session, locking_server, qtbot
):
    await _lock(locking_server)
    session = make_session(cli_options(locking_server, DEMO_PASSWORD))
    window, controller = session.window, session.controller

    window.look_up(VENDOR_PHONE)
    await wait_until(lambda: not controller.is_busy())
    assert len(locking_server.received) == 1
    until = controller.guard.locked_until
    assert until is not None
    assert dt.timedelta(minutes=14) < until - dt.datetime.now(dt.timezone.utc)
    hhmm = until.astimezone().strftime("%H:%M")
    assert f"Try again after {hhmm}" in window.banner_text()
    assert "press Enter to look one up anyway" in window.banner_text()
    assert session.connection.dialogs_opened == 0  # a password would not help now

    for number in POPS[:5]:
        window.look_up(number)
        assert window.input.text() == number
        assert f"Try again after {hhmm}" in window.banner_text()
        assert searched_line(window).endswith("→ not searched")
    await asyncio.sleep(0.1)
    assert len(locking_server.received) == 1

    # The agent presses Enter: that one goes out (the server decides).
    window.input.clear()
    qtbot.keyClicks(window.input, VENDOR_PHONE)
    window.submit()
    await wait_until(lambda: not controller.is_busy())
    assert len(locking_server.received) == 2
    assert "Try again after" in window.banner_text()


async def test_automatic_pops_resume_when_the_lock_should_have_ended(qtbot, locking_server):
    await _lock(locking_server)
    now = [dt.datetime.now(dt.timezone.utc)]
    guard = SignInGuard(clock=lambda: now[0])
    client = GoApiClient(locking_server.endpoint, Credentials("demo", DEMO_PASSWORD))
    controller = LookupController(client, guard=guard)
    window = MainWindow(render_marker=False)
    _wire(window, controller)
    qtbot.addWidget(window)
    window.show()
    try:
        window.look_up(VENDOR_PHONE)
        await wait_until(lambda: not controller.is_busy())
        window.look_up(POPS[0])
        assert len(locking_server.received) == 1

        now[0] += dt.timedelta(minutes=16)
        window.look_up(POPS[1])
        await wait_until(lambda: not controller.is_busy())
        assert phones_sent(locking_server)[-1] == POPS[1]
        assert len(locking_server.received) == 2
    finally:
        await controller.aclose()


async def test_a_user_without_api_access_is_told_once_and_pops_are_held(make_session, demo_server):
    settings = ConnectionSettings(server=demo_server.base_url, user="noapi")
    session = make_session(GuiOptions(settings=settings, password="noapi1234"))
    window = session.window

    window.look_up(VENDOR_PHONE)
    await wait_until(lambda: not session.controller.is_busy())
    for number in POPS[:3]:
        window.look_up(number)
    window.submit()  # explicit does not help: no password can fix this
    await asyncio.sleep(0.05)

    assert len(demo_server.received) == 1
    assert "may not use the dialer's agent API" in window.banner_text()
    assert child(window, QPushButton, "banner_settings").isVisible()
    assert session.connection.dialogs_opened == 0
