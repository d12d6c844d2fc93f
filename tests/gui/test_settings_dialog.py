"""The Settings dialog on its own: live checks, what Save emits, Test connection
against a real demo server."""

import asyncio
from pathlib import Path

import pytest
from gui_helpers import DialogDriver, child, wait_until
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QLineEdit,
    QProgressBar,
    QWidget,
)

from screenpop.core.config import MAX_TIMEOUT, MIN_TIMEOUT, ConnectionSettings
from screenpop.core.errors import LoginIncorrect
from screenpop.core.goapi import Timeouts
from screenpop.demo.server import DEMO_PASSWORD, DemoServer
from screenpop.ui.settings_dialog import SettingsDialog
from tests.hostile_server import Certificates, HostileServer


@pytest.fixture
async def make_dialog(qtbot):
    """Dialogs over a parent window, as in the app: closing one must not close
    the last window (Qt would quit the event loop the test runs on)."""
    dialogs: list[SettingsDialog] = []
    # Not handed to qtbot.addWidget: pytest-qt closes and deletes its widgets
    # before fixture teardown, which would delete the dialogs under the
    # teardown below whenever the deferred delete ran first.
    parent = QWidget()
    parent.show()

    def make(settings=None, **kwargs) -> DialogDriver:
        dialog = SettingsDialog(settings, parent=parent, **kwargs)
        dialog.open()
        dialogs.append(dialog)
        return DialogDriver(dialog, qtbot)

    yield make
    for dialog in dialogs:
        dialog.done(0)
        await dialog.wait_for_tests()  # every test client closed while the loop runs
    parent.close()
    parent.deleteLater()


# --- live checks -------------------------------------------------------------


def test_a_bare_domain_shows_the_croco_dial_endpoint(make_dialog):
    ui = make_dialog()
    ui.type("server_input", "acme")
    assert ui.label("endpoint_preview").text() == (
        "Requests go to https://acme.croco-dial.net/goAPIv2/goAgent/goAPI.php"
    )
    ui.type("server_input", "https://dialer.example.com/")
    assert ui.label("endpoint_preview").text() == (
        "Requests go to https://dialer.example.com/goAPIv2/goAgent/goAPI.php"
    )


def test_an_unusable_server_is_explained_in_red_and_cannot_be_saved(make_dialog):
    ui = make_dialog()
    ui.type("server_input", "http://dialer.example.com")
    ui.type("user_input", "agent7")
    ui.type("password_input", "secret")

    preview = ui.label("endpoint_preview")
    assert preview.text().startswith("Plain http:// would send the password unencrypted")
    assert "#c62828" in preview.styleSheet()
    assert not ui.button("save_button").isEnabled()

    ui.type("server_input", "acme")
    assert "#c62828" not in preview.styleSheet()
    assert ui.button("save_button").isEnabled()


def test_server_text_is_shown_as_plain_text(make_dialog):
    ui = make_dialog()
    ui.type("server_input", "https://<b>bold</b>:99999")
    preview = ui.label("endpoint_preview")
    assert preview.textFormat() == Qt.TextFormat.PlainText
    assert "<b>bold</b>" in preview.text()
    for name in ("test_status", "reason_label", "problem_line", "country_name"):
        assert ui.label(name).textFormat() == Qt.TextFormat.PlainText


def test_save_needs_a_user_and_a_password_and_says_so(make_dialog):
    ui = make_dialog()
    ui.type("server_input", "acme")
    save = ui.button("save_button")
    problem = ui.label("problem_line")

    assert not save.isEnabled()
    assert problem.text() == "Enter your dialer user name."
    ui.type("user_input", "agent7")
    assert problem.text() == "Enter the password."
    ui.type("password_input", "x")
    assert save.isEnabled()
    assert problem.isHidden()


def test_the_get_warning_shows_only_for_get(make_dialog):
    ui = make_dialog(ConnectionSettings(server="acme", user="agent7"))
    warning = ui.label("get_warning")
    method = ui.combo("method_combo")

    assert method.currentData() == "post"
    assert method.currentText() == "POST (recommended)"
    assert not warning.isVisible()

    method.setCurrentIndex(method.findData("get"))
    assert warning.isVisible()
    assert "password becomes part of the web address" in warning.text()
    assert "access logs" in warning.text()

    method.setCurrentIndex(method.findData("post"))
    assert not warning.isVisible()


def test_the_country_is_checked_and_named(make_dialog):
    ui = make_dialog(ConnectionSettings(server="acme", user="a"), password_hint="Saved")
    ui.type("country_input", "pl")
    assert ui.field("country_input").text() == "PL"
    assert ui.label("country_name").text() == "Poland"
    assert ui.button("save_button").isEnabled()

    ui.type("country_input", "XX")
    assert ui.label("country_name").text() == "'XX' is not a country code Screenpop knows."
    assert not ui.button("save_button").isEnabled()


def test_timeouts_stay_within_the_allowed_range(make_dialog):
    ui = make_dialog(ConnectionSettings(timeouts=Timeouts(connect=3, read=7, total=12)))
    names = ("connect", "read", "total")
    spins = {name: child(ui.dialog, QDoubleSpinBox, f"timeout_{name}") for name in names}
    assert {name: spin.value() for name, spin in spins.items()} == {
        "connect": 3.0,
        "read": 7.0,
        "total": 12.0,
    }
    for spin in spins.values():
        assert (spin.minimum(), spin.maximum()) == (MIN_TIMEOUT, MAX_TIMEOUT)
        spin.setValue(10_000)
        assert spin.value() == MAX_TIMEOUT


# --- the password --------------------------------------------------------------


def test_a_saved_password_shows_as_a_placeholder_and_empty_keeps_it(make_dialog, qtbot):
    saved = ConnectionSettings(server="acme", user="agent7")
    ui = make_dialog(saved, password_hint="Saved in the system keyring", saved_password="pw")
    password = ui.field("password_input")
    assert password.echoMode() == QLineEdit.EchoMode.Password
    assert password.text() == ""
    assert password.placeholderText() == "Saved in the system keyring"
    assert ui.button("forget_button").isEnabled()

    with qtbot.waitSignal(ui.dialog.saved) as signal:
        ui.click("save_button")
    assert signal.args == [saved, None]
    assert not ui.dialog.isVisible()


def test_save_emits_the_settings_and_the_typed_password(make_dialog, qtbot):
    ui = make_dialog()
    ui.type("server_input", "  https://dialer.example.com  ")
    ui.type("user_input", "agent7")
    ui.type("password_input", "s3cret")
    xml = ui.combo("response_type_combo")
    xml.setCurrentIndex(xml.findData("xml"))
    child(ui.dialog, QDoubleSpinBox, "timeout_total").setValue(20)
    ui.type("country_input", "mx")

    with qtbot.waitSignal(ui.dialog.saved) as signal:
        ui.click("save_button")

    settings, password = signal.args
    assert settings == ConnectionSettings(
        server="https://dialer.example.com",
        user="agent7",
        response_type="xml",
        method="post",
        timeouts=Timeouts(connect=5.0, read=10.0, total=20.0),
        default_country="MX",
    )
    assert password == "s3cret"
    # The typed password does not linger in the closed dialog.
    assert ui.field("password_input").text() == ""


def test_cancel_emits_nothing(make_dialog, qtbot):
    ui = make_dialog(ConnectionSettings(server="acme", user="a"), password_hint="Saved")
    with qtbot.assertNotEmitted(ui.dialog.saved):
        ui.click("cancel_button")
    assert not ui.dialog.isVisible()


def test_forget_asks_and_then_shows_that_it_is_gone(make_dialog, qtbot):
    ui = make_dialog(
        ConnectionSettings(server="acme", user="a"),
        password_hint="Saved in the system keyring",
        saved_password="pw",
    )
    with qtbot.waitSignal(ui.dialog.forget_password_requested):
        ui.click("forget_button")
    ui.dialog.password_forgotten()

    assert ui.field("password_input").placeholderText() == ""
    assert not ui.button("forget_button").isEnabled()
    assert ui.label("test_status").text() == "The saved password was removed."
    assert not ui.button("save_button").isEnabled()  # a password is needed again


def test_focus_password_explains_why_with_the_user_filled_in(make_dialog):
    ui = make_dialog(ConnectionSettings(server="acme", user="agent7"), password_hint="Saved")
    ui.dialog.activateWindow()
    ui.dialog.focus_password("The dialer rejected the password. Enter it again.")

    assert ui.field("user_input").text() == "agent7"
    assert ui.dialog.focusWidget() is ui.field("password_input")
    reason = ui.label("reason_label")
    assert reason.isVisible()
    assert reason.text() == "The dialer rejected the password. Enter it again."


def tab_order(dialog, start):
    order = []
    widget = start
    for _ in range(120):
        name = widget.objectName()
        takes_tab = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if takes_tab and widget.isVisibleTo(dialog) and name and not name.startswith("qt_"):
            order.append(name)
        widget = widget.nextInFocusChain()
        if widget is start:
            break
    return order


def test_every_control_is_named_and_tab_goes_top_to_bottom(make_dialog):
    ui = make_dialog()
    order = tab_order(ui.dialog, ui.dialog.findChild(QWidget, "settings_tabs"))
    assert order == [
        "settings_tabs",
        "server_input",
        "user_input",
        "password_input",
        "forget_button",
        "response_type_combo",
        "method_combo",
        "timeout_connect",
        "timeout_read",
        "timeout_total",
        "ca_bundle_input",
        "ca_bundle_browse",
        "country_input",
        "web_url_template_input",
        "test_button",
        "save_button",
        "cancel_button",
    ]
    for name in order[1:]:
        control = ui.dialog.findChild(QWidget, name)
        assert control.accessibleName() or control.text(), name


def test_the_window_tab_is_named_and_in_tab_order(make_dialog):
    ui = make_dialog()
    tabs = ui.dialog.findChild(QWidget, "settings_tabs")
    tabs.setCurrentIndex(1)
    assert tabs.tabText(1) == "Win&dow"
    order = tab_order(ui.dialog, tabs)
    assert order == [
        "settings_tabs",
        "pop_behaviour_combo",
        "stay_on_top_check",
        "close_to_tray_check",
        "appearance_combo",
        "language_combo",
        "keep_history_check",
        "save_button",
        "cancel_button",
    ]
    for name in order[1:]:
        control = ui.dialog.findChild(QWidget, name)
        assert control.accessibleName() or control.text(), name


# --- Test connection -------------------------------------------------------------


async def test_test_connection_with_the_right_password_says_ok(make_dialog, demo_server):
    ui = make_dialog()
    ui.type("server_input", demo_server.base_url)
    ui.type("user_input", "demo")
    ui.type("password_input", DEMO_PASSWORD)
    demo_server.delay = 0.2

    ui.click("test_button")
    assert ui.label("test_status").text() == "Testing the connection…"
    assert child(ui.dialog, QProgressBar, "test_busy").isVisible()
    assert not ui.button("test_button").isEnabled()
    await wait_until(lambda: not ui.dialog.is_testing())

    assert ui.label("test_status").text() == "Connection and login OK"
    assert not child(ui.dialog, QProgressBar, "test_busy").isVisible()
    assert ui.button("test_button").isEnabled()
    assert len(demo_server.received) == 1
    sent = {**demo_server.received[0].query, **demo_server.received[0].form}
    assert demo_server.received[0].method == "POST"
    assert sent["goUser"] == "demo"
    assert "phone_number" not in sent or not sent["phone_number"]


async def test_test_connection_uses_the_saved_password_when_the_field_is_empty(
    make_dialog, demo_server
):
    settings = ConnectionSettings(server=demo_server.base_url, user="demo")
    ui = make_dialog(settings, password_hint="Saved", saved_password=DEMO_PASSWORD)
    ui.click("test_button")
    await wait_until(lambda: not ui.dialog.is_testing())
    assert ui.label("test_status").text() == "Connection and login OK"


async def test_test_connection_with_a_wrong_password_shows_the_login_message(
    make_dialog, demo_server
):
    ui = make_dialog(ConnectionSettings(server=demo_server.base_url, user="demo"))
    ui.type("password_input", "wrong")
    ui.click("test_button")
    await wait_until(lambda: not ui.dialog.is_testing())

    assert ui.label("test_status").text() == LoginIncorrect().user_message
    assert "#c62828" in ui.label("test_status").styleSheet()
    assert len(demo_server.received) == 1  # tested once, never retried


async def test_test_connection_to_a_server_that_is_down_says_so(make_dialog):
    server = DemoServer().start()
    server.stop()  # the port is now closed
    ui = make_dialog(ConnectionSettings(server=server.base_url, user="demo"))
    ui.type("password_input", DEMO_PASSWORD)
    ui.click("test_button")
    await wait_until(lambda: not ui.dialog.is_testing())

    assert ui.label("test_status").text().startswith("Could not connect to 127.0.0.1")


async def test_closing_the_dialog_cancels_the_test_and_closes_its_client(make_dialog, demo_server):
    closed = []

    def factory(settings, password):
        client = settings.make_client(password)
        original = client.aclose

        async def aclose():
            closed.append(True)
            await original()

        client.aclose = aclose
        return client

    ui = make_dialog(
        ConnectionSettings(server=demo_server.base_url, user="demo"), client_factory=factory
    )
    ui.type("password_input", DEMO_PASSWORD)
    demo_server.delay = 5
    ui.click("test_button")
    await wait_until(lambda: len(demo_server.received) == 1)

    ui.click("cancel_button")
    await asyncio.wait_for(ui.dialog.wait_for_tests(), timeout=2)

    assert not ui.dialog.is_testing()
    assert closed == [True]
    await asyncio.sleep(0.1)
    assert "OK" not in ui.label("test_status").text()  # no late verdict


async def test_editing_a_field_drops_a_result_that_no_longer_applies(make_dialog, demo_server):
    ui = make_dialog(ConnectionSettings(server=demo_server.base_url, user="demo"))
    ui.type("password_input", DEMO_PASSWORD)
    ui.click("test_button")
    await wait_until(lambda: not ui.dialog.is_testing())
    assert ui.label("test_status").text() == "Connection and login OK"

    ui.type("password_input", "other")
    assert ui.label("test_status").text() == ""


# --- CA bundle -------------------------------------------------------------------


@pytest.fixture
def certificates(tmp_path) -> Certificates:
    return Certificates(str(tmp_path))


def _complete(ui: DialogDriver) -> None:
    ui.type("server_input", "acme")
    ui.type("user_input", "agent7")
    ui.type("password_input", "s3cret")


def test_the_ca_bundle_is_shown_and_saved_with_the_other_settings(make_dialog, qtbot, certificates):
    settings = ConnectionSettings(
        server="acme", user="agent7", ca_bundle=certificates.ca_file, reuse_seconds=0
    )
    ui = make_dialog(settings, password_hint="Saved")
    assert ui.field("ca_bundle_input").text() == certificates.ca_file
    assert ui.button("save_button").isEnabled()

    with qtbot.waitSignal(ui.dialog.saved) as signal:
        ui.click("save_button")

    saved, _password = signal.args
    assert saved.ca_bundle == certificates.ca_file
    assert saved.reuse_seconds == 0  # a setting the dialog does not show is kept


@pytest.mark.parametrize(
    ("content", "phrase"),
    [
        (None, "does not exist"),
        ("not a certificate\n", "holds no usable PEM certificates"),
        ("folder", "is a folder"),
    ],
)
def test_an_unusable_ca_bundle_is_explained_and_cannot_be_saved(
    make_dialog, tmp_path, content, phrase
):
    path = tmp_path / "bundle.pem"
    if content == "folder":
        path.mkdir()
    elif content is not None:
        path.write_text(content)
    ui = make_dialog()
    _complete(ui)
    ui.type("ca_bundle_input", str(path))

    assert phrase in ui.label("problem_line").text()
    assert str(path) in ui.label("problem_line").text()
    assert not ui.button("save_button").isEnabled()

    ui.field("ca_bundle_input").clear()  # none: the system's trust store alone
    assert ui.button("save_button").isEnabled()


def test_a_ca_bundle_that_vanishes_before_save_is_caught(
    make_dialog, qtbot, tmp_path, certificates
):
    bundle = tmp_path / "copy.pem"
    bundle.write_bytes(Path(certificates.ca_file).read_bytes())
    ui = make_dialog()
    _complete(ui)
    ui.type("ca_bundle_input", str(bundle))
    assert ui.button("save_button").isEnabled()

    bundle.unlink()
    with qtbot.assertNotEmitted(ui.dialog.saved):
        ui.dialog._on_save_clicked()
    assert "does not exist" in ui.label("problem_line").text()


async def test_browse_opens_a_file_dialog_without_blocking_and_fills_the_field(
    make_dialog, certificates
):
    ui = make_dialog()
    ui.click("ca_bundle_browse")  # returns at once: the dialog is opened with open()

    chooser = ui.dialog.findChild(QFileDialog, "ca_bundle_dialog")
    assert chooser is not None
    assert chooser.isVisible()
    chooser.selectFile(certificates.ca_file)
    chooser.accept()

    assert ui.field("ca_bundle_input").text() == certificates.ca_file
    assert not chooser.isVisible()


async def test_test_connection_trusts_a_company_ca_only_with_its_bundle(make_dialog, certificates):
    with HostileServer(tls=certificates.context("good")) as server:
        ui = make_dialog(ConnectionSettings(server=server.base_url, user="demo"))
        ui.type("password_input", "secret-pw")
        ui.click("test_button")
        await wait_until(lambda: not ui.dialog.is_testing())
        assert "certificate is not trusted" in ui.label("test_status").text()
        assert "CA bundle" in ui.label("test_status").text()

        ui.type("ca_bundle_input", certificates.ca_file)
        ui.click("test_button")
        await wait_until(lambda: not ui.dialog.is_testing())
        assert ui.label("test_status").text() == "Connection and login OK"


def test_the_window_tab_shows_and_returns_the_desk_settings(make_dialog):
    saved = ConnectionSettings(
        server="acme",
        user="agent7",
        pop_behaviour="notify",
        stay_on_top=True,
        close_to_tray=False,
        appearance="dark",
        language="es",
        keep_history=True,
    )
    ui = make_dialog(saved, password_hint="Saved")
    assert ui.combo("pop_behaviour_combo").currentText() == (
        "Stay in the tray and show a notification"
    )
    assert ui.combo("appearance_combo").currentText() == "Dark"
    assert ui.combo("language_combo").currentText() == "Español"
    assert ui.dialog.settings() == saved

    ui.combo("pop_behaviour_combo").setCurrentIndex(1)
    ui.combo("appearance_combo").setCurrentIndex(0)
    ui.combo("language_combo").setCurrentIndex(1)
    for name in ("stay_on_top_check", "close_to_tray_check", "keep_history_check"):
        ui.dialog.findChild(QWidget, name).click()
    changed = ui.dialog.settings()
    assert (changed.pop_behaviour, changed.appearance, changed.language) == (
        "no_focus",
        "system",
        "en",
    )
    assert (changed.stay_on_top, changed.close_to_tray, changed.keep_history) == (
        False,
        True,
        False,
    )
