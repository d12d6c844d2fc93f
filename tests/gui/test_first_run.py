"""From first launch to a record: settings and password come from the Settings
dialog, are saved (settings file under a temporary HOME, password in a store),
and are loaded again at the next start without blocking the window."""

import asyncio
import json

import platformdirs
import pytest
from gui_helpers import DialogDriver, child, wait_until
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton

from screenpop.core.config import ConnectionSettings, load_settings, save_settings, settings_path
from screenpop.core.credentials import CredentialStore
from screenpop.demo.server import DEMO_PASSWORD, DEMO_USER
from screenpop.ui.app import GuiOptions
from screenpop.ui.connection import DEMO_NOT_SAVED, NOT_CONFIGURED, PASSWORD_NEEDED, WELCOME

VENDOR_PHONE = "8004321000"


class DictKeyring(KeyringBackend):
    """A keyring backend that is a dict: the real CredentialStore, no system keyring."""

    priority = 1
    # Only these tests choose it: keyring's own detection must never pick it.
    viable = False

    def __init__(self):
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such entry")


async def opened_dialog(session, qtbot) -> DialogDriver:
    await wait_until(
        lambda: session.connection.dialog is not None and session.connection.dialog.isVisible(),
        what="the settings dialog",
    )
    return DialogDriver(session.connection.dialog, qtbot)


def type_and_enter(window, qtbot, text: str) -> None:
    window.input.clear()
    qtbot.keyClicks(window.input, text)
    window.submit()


def save_demo_settings(server) -> ConnectionSettings:
    settings = ConnectionSettings(server=server.base_url, user=DEMO_USER)
    save_settings(settings)
    return settings


# --- first run ------------------------------------------------------------------


async def test_with_nothing_saved_the_settings_dialog_opens_by_itself(
    make_session, qtbot, user_home
):
    session = make_session()
    assert session.window.banner_text() == NOT_CONFIGURED

    ui = await opened_dialog(session, qtbot)
    assert ui.dialog.reason_text() == WELCOME
    assert ui.field("server_input").text() == ""
    assert ui.field("password_input").placeholderText() == ""
    assert not ui.button("forget_button").isEnabled()
    assert session.connection.dialogs_opened == 1
    assert str(settings_path()).startswith(str(user_home))


@pytest.mark.parametrize("real_store", [False, True], ids=["fake store", "CredentialStore"])
async def test_a_new_user_gets_from_first_launch_to_a_record_with_the_dialog_alone(
    make_session, demo_server, qtbot, credential_store, real_store
):
    backend = DictKeyring()
    store = CredentialStore(backend=backend, timeout=5) if real_store else credential_store
    session = make_session(store=store)
    window = session.window

    ui = await opened_dialog(session, qtbot)
    ui.type("server_input", demo_server.base_url)
    assert ui.label("endpoint_preview").text() == f"Requests go to {demo_server.endpoint}"
    ui.type("user_input", DEMO_USER)
    ui.type("password_input", DEMO_PASSWORD)
    ui.click("save_button")
    await wait_until(lambda: session.connection.dialog is None)
    await session.connection.wait_idle()

    type_and_enter(window, qtbot, VENDOR_PHONE)
    await wait_until(window.showing_record, what="the record")

    assert window.lead_view.value_text("first_name") == "Bruno"
    assert len(demo_server.received) == 1
    assert window.connection_text() == "Server 127.0.0.1 · user demo"
    saved = json.loads(settings_path().read_text(encoding="utf-8"))
    assert saved["server"] == demo_server.base_url
    assert saved["user"] == DEMO_USER
    assert DEMO_PASSWORD not in settings_path().read_text(encoding="utf-8")
    if real_store:
        assert list(backend.entries.values()) == [DEMO_PASSWORD]
    else:
        assert credential_store.entries == {(DEMO_USER, demo_server.endpoint): DEMO_PASSWORD}
    assert window.banner_text() == ""


async def test_while_the_dialog_is_open_a_pop_fails_politely_and_is_looked_up_after_save(
    make_session, demo_server, qtbot
):
    session = make_session()
    window = session.window
    ui = await opened_dialog(session, qtbot)

    window.look_up(VENDOR_PHONE)
    await wait_until(lambda: not session.controller.is_busy())
    assert window.banner_text() == NOT_CONFIGURED
    assert window.input.text() == VENDOR_PHONE

    ui.type("server_input", demo_server.base_url)
    ui.type("user_input", DEMO_USER)
    ui.type("password_input", DEMO_PASSWORD)
    ui.click("save_button")
    await wait_until(window.showing_record, what="the pop's record")
    assert len(demo_server.received) == 1


# --- the next start --------------------------------------------------------------


async def test_saved_settings_and_password_start_without_the_dialog(
    make_session, demo_server, credential_store
):
    settings = save_demo_settings(demo_server)
    credential_store.entries[(DEMO_USER, settings.endpoint)] = DEMO_PASSWORD
    session = make_session()

    await session.connection.wait_idle()
    session.window.look_up(VENDOR_PHONE)
    await wait_until(session.window.showing_record)

    assert session.connection.dialogs_opened == 0
    assert credential_store.calls == [("get", DEMO_USER, settings.endpoint)]
    assert len(demo_server.received) == 1


async def test_a_pop_during_the_password_load_waits_and_is_then_looked_up(
    make_session, demo_server, credential_store
):
    settings = save_demo_settings(demo_server)
    credential_store.entries[(DEMO_USER, settings.endpoint)] = DEMO_PASSWORD
    credential_store.gate = asyncio.Event()  # a slow keyring
    session = make_session()
    window = session.window

    await wait_until(lambda: session.connection.is_loading())
    assert window.status_message() == "Loading the saved password for user 'demo'…"
    window.look_up(VENDOR_PHONE)
    await asyncio.sleep(0.1)
    assert window.input.text() == VENDOR_PHONE
    assert child(window, QPushButton, "lookup_button").isEnabled()  # the window stays usable
    assert "waiting to search 8004321000" in window.findChild(object, "searched_line").text()
    assert demo_server.received == []

    credential_store.gate.set()
    await wait_until(window.showing_record, what="the record")
    assert len(demo_server.received) == 1
    assert window.status_message() == ""


async def test_a_password_saved_while_the_old_one_loads_wins(
    make_session, demo_server, credential_store, qtbot
):
    settings = save_demo_settings(demo_server)
    credential_store.entries[(DEMO_USER, settings.endpoint)] = "an-old-password"
    credential_store.gate = asyncio.Event()  # the keyring hangs on the first read
    session = make_session()
    session.window.settings_action.trigger()
    ui = await opened_dialog(session, qtbot)
    ui.type("password_input", DEMO_PASSWORD)
    ui.click("save_button")
    credential_store.gate.set()
    await session.connection.wait_idle()

    session.window.look_up(VENDOR_PHONE)
    await wait_until(session.window.showing_record)
    assert len(demo_server.received) == 1
    assert credential_store.entries == {(DEMO_USER, settings.endpoint): DEMO_PASSWORD}
    assert session.window.status_message() == ""


async def test_saved_settings_without_a_password_ask_for_it(make_session, demo_server, qtbot):
    save_demo_settings(demo_server)
    session = make_session()

    ui = await opened_dialog(session, qtbot)
    assert ui.field("user_input").text() == DEMO_USER
    assert ui.field("server_input").text() == demo_server.base_url
    assert ui.dialog.focusWidget() is ui.field("password_input")
    assert ui.dialog.reason_text() == PASSWORD_NEEDED.format(user=DEMO_USER)
    assert demo_server.received == []


async def test_a_damaged_settings_file_is_reported_and_the_dialog_opens(make_session, qtbot):
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text("{ not json", encoding="utf-8")
    session = make_session()

    assert session.window.banner_text() == (
        "The settings file is damaged; please enter the settings again."
    )
    await opened_dialog(session, qtbot)


async def test_settings_from_the_command_line_override_the_saved_ones(
    make_session, demo_server, credential_store
):
    save_settings(ConnectionSettings(server="acme", user="someone-else"))
    settings = ConnectionSettings(server=demo_server.base_url, user=DEMO_USER)
    session = make_session(GuiOptions(settings=settings, password=DEMO_PASSWORD))

    session.window.look_up(VENDOR_PHONE)
    await wait_until(session.window.showing_record)
    assert credential_store.calls == []  # the password came from the command line
    assert session.connection.dialogs_opened == 0


# --- saving changes ------------------------------------------------------------------


async def test_changing_the_user_moves_the_saved_password(
    make_session, demo_server, credential_store, qtbot
):
    old = ConnectionSettings(server=demo_server.base_url, user="old-name")
    save_settings(old)
    credential_store.entries[("old-name", old.endpoint)] = DEMO_PASSWORD
    session = make_session()
    await session.connection.wait_idle()

    session.window.settings_action.trigger()
    ui = await opened_dialog(session, qtbot)
    assert ui.field("password_input").placeholderText() == "Saved in the system keyring"
    ui.type("user_input", DEMO_USER)  # the password field stays empty: keep it
    ui.click("save_button")
    await session.connection.wait_idle()

    assert credential_store.calls[-1] == (
        "move",
        ("old-name", old.endpoint),
        (DEMO_USER, old.endpoint),
    )
    assert credential_store.entries == {(DEMO_USER, old.endpoint): DEMO_PASSWORD}
    assert load_settings()[0].user == DEMO_USER
    session.window.look_up(VENDOR_PHONE)
    await wait_until(session.window.showing_record)


async def test_a_keyring_that_falls_back_to_memory_is_reported(
    make_session, demo_server, credential_store, qtbot
):
    message = (
        "The system keyring is locked, so the password is kept in memory for this session only."
    )
    credential_store.fallback_message = message
    session = make_session()
    ui = await opened_dialog(session, qtbot)
    ui.type("server_input", demo_server.base_url)
    ui.type("user_input", DEMO_USER)
    ui.type("password_input", DEMO_PASSWORD)
    ui.click("save_button")
    await session.connection.wait_idle()

    assert session.window.banner_text() == message
    assert session.window.banner_kind() == "notice"
    session.window.look_up(VENDOR_PHONE)  # the password in memory still works
    await wait_until(session.window.showing_record)


async def test_settings_that_cannot_be_written_are_reported_in_the_banner(
    make_session, demo_server, qtbot
):
    config_home = platformdirs.user_config_path()
    config_home.mkdir(parents=True)
    (config_home / "screenpop").write_text("a file where the folder should be")
    session = make_session()
    ui = await opened_dialog(session, qtbot)
    ui.type("server_input", demo_server.base_url)
    ui.type("user_input", DEMO_USER)
    ui.type("password_input", DEMO_PASSWORD)
    ui.click("save_button")
    await session.connection.wait_idle()

    assert session.window.banner_text().startswith("The settings could not be saved to ")
    assert session.window.banner_kind() == "error"
    session.window.look_up(VENDOR_PHONE)  # they still apply for this session
    await wait_until(session.window.showing_record)


async def test_forget_password_removes_it_from_the_store_and_from_use(
    make_session, demo_server, credential_store, qtbot
):
    settings = save_demo_settings(demo_server)
    credential_store.entries[(DEMO_USER, settings.endpoint)] = DEMO_PASSWORD
    session = make_session()
    await session.connection.wait_idle()

    session.window.settings_action.trigger()
    ui = await opened_dialog(session, qtbot)
    ui.click("forget_button")
    await session.connection.wait_idle()

    assert credential_store.entries == {}
    assert ("delete", DEMO_USER, settings.endpoint) in credential_store.calls
    assert ui.field("password_input").placeholderText() == ""
    assert ui.label("test_status").text() == "The saved password was removed."
    ui.click("cancel_button")
    session.window.look_up(VENDOR_PHONE)
    await wait_until(lambda: not session.controller.is_busy())
    assert session.window.banner_text() == PASSWORD_NEEDED.format(user=DEMO_USER)
    assert demo_server.received == []


async def test_the_settings_action_has_the_preferences_shortcut(make_session, qtbot):
    session = make_session(GuiOptions(demo=True))
    action = session.window.settings_action
    assert action.text() == "Settings…"
    assert QKeySequence("Ctrl+,") in action.shortcuts()
    assert child(session.window, QPushButton, "banner_settings") is not None

    session.window.activateWindow()
    qtbot.waitUntil(session.window.isActiveWindow)
    qtbot.keyClick(session.window.input, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    await opened_dialog(session, qtbot)
    action.trigger()  # already open: brought forward, not opened twice
    assert session.connection.dialogs_opened == 1


# --- demo mode --------------------------------------------------------------------------


async def test_demo_mode_never_touches_the_keyring_or_the_settings_file(
    make_session, credential_store, qtbot, user_home
):
    session = make_session(GuiOptions(demo=True))
    session.window.look_up(VENDOR_PHONE)
    await wait_until(session.window.showing_record)
    assert session.connection.dialogs_opened == 0

    session.window.settings_action.trigger()
    ui = await opened_dialog(session, qtbot)
    assert not ui.button("forget_button").isEnabled()
    ui.type("country_input", "MX")
    ui.type("password_input", "typed-in-demo")
    ui.click("save_button")
    await session.connection.wait_idle()

    assert session.window.banner_text() == DEMO_NOT_SAVED
    assert credential_store.calls == []
    assert not settings_path().exists()
    assert [path for path in user_home.rglob("*") if path.is_file()] == []


async def test_hide_empty_fields_is_remembered_in_the_settings_file(make_session, demo_server):
    settings = save_demo_settings(demo_server)
    session = make_session(GuiOptions())
    await session.connection.wait_idle()
    session.window.hide_empty_action.setChecked(True)  # the window's toggle
    saved = json.loads(settings_path().read_text(encoding="utf-8"))
    assert saved["hide_empty_fields"] is True
    assert saved["server"] == settings.server
