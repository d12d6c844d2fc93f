"""run_gui's pieces in process (build, wire, shut down), and the real app in a subprocess."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from gui_helpers import wait_until
from PySide6.QtWidgets import QLabel, QWidget

from screenpop.core.config import ConnectionSettings
from screenpop.ui.app import GuiOptions, build_session, shutdown
from screenpop.ui.connection import NOT_CONFIGURED

ROOT = Path(__file__).resolve().parents[2]


async def _close(session):
    # The window is left to qtbot: closing the last window here would quit the
    # Qt event loop this test runs on.
    await shutdown(session)


async def test_demo_session_pops_a_record_and_shuts_down_in_order(qtbot):
    session = build_session(GuiOptions(demo=True))
    qtbot.addWidget(session.window)
    try:
        session.window.show()
        session.window.look_up("8004321000")
        await wait_until(lambda: session.window.showing_record(), what="the record")

        assert session.window.lead_view.value_text("first_name") == "Bruno"
        assert session.window.connection_text() == "Demo server · user demo"
        assert session.window.windowTitle() == "Screenpop"
        server = session.demo_server
        assert server is not None and len(server.received) == 1
    finally:
        await _close(session)

    client = session.controller.client
    with pytest.raises(RuntimeError):  # httpx refuses: the client is closed
        await client.get_customer_info(phone="8004321000")
    with pytest.raises(OSError):  # the demo server no longer listens
        import socket

        socket.create_connection(("127.0.0.1", server.port), timeout=1).close()


async def test_without_settings_the_window_explains_and_lookups_fail_politely(qtbot):
    session = build_session(GuiOptions())
    qtbot.addWidget(session.window)
    try:
        session.window.show()
        notice = NOT_CONFIGURED
        assert session.window.banner_text() == notice
        assert session.window.banner_kind() == "notice"
        assert session.window.connection_text() == "No dialer configured"

        session.window.look_up("8004321000")
        await wait_until(lambda: not session.controller.is_busy())
        assert session.window.banner_text() == notice
        assert session.window.banner_kind() == "error"
        assert session.window.findChild(QWidget, "banner_retry").isHidden()
        assert not session.window.showing_record()
    finally:
        await _close(session)


async def test_settings_without_a_password_never_try_to_log_in(qtbot):
    settings = ConnectionSettings(server="acme", user="agent7")
    session = build_session(GuiOptions(settings=settings, password=None))
    qtbot.addWidget(session.window)
    try:
        assert "No password was given for user 'agent7'" in session.window.banner_text()
        assert session.window.connection_text() == "Server acme.croco-dial.net · user agent7"
    finally:
        await _close(session)


async def test_an_unusable_server_setting_is_shown_not_raised(qtbot):
    settings = ConnectionSettings(server="http://dialer.example.com", user="agent7")
    session = build_session(GuiOptions(settings=settings, password="x"))
    qtbot.addWidget(session.window)
    try:
        assert "Plain http://" in session.window.banner_text()
    finally:
        await _close(session)


# ------------------------------------------------------------ the real app


@pytest.mark.skipif(sys.platform == "win32", reason="uses SIGTERM")
@pytest.mark.skipif(not (ROOT / "screenpop" / "cli.py").exists(), reason="no CLI yet")
def test_the_empty_window_invites_a_first_lookup(qtbot):
    from screenpop.ui.main_window import MainWindow

    window = MainWindow(render_marker=False)
    qtbot.addWidget(window)
    window.show()
    assert window.findChild(QLabel, "empty_state_title").text() == "Type a number and press Enter"
    assert window.findChild(QWidget, "banner").isHidden()
    assert window.input.placeholderText() == "Phone number, tel: link or lead ID"


def test_qt_binding_survives_many_void_calls():
    """PySide6 6.12.0 drops a reference to None on each void call; on Python
    before 3.12 a window dies after a few dozen pops. pyproject excludes it;
    this proves the installed binding keeps None alive."""
    code = (
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "label = QLabel()\n"
        "for i in range(20000):\n"
        "    label.setText(str(i))\n"
        "print('alive')\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "alive"


def test_macos_file_open_links_are_kept_until_taken_then_emitted(qapp):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from screenpop.ui.app import ScreenpopApplication

    assert isinstance(qapp, ScreenpopApplication)
    qapp.take_links()  # whatever earlier tests left; from now on links are emitted
    qapp._early_links = []  # as at start-up, before the window exists
    QApplication.sendEvent(qapp, QFileOpenEvent(QUrl("tel:+18004321000")))
    assert qapp.take_links() == ["tel:+18004321000"]

    emitted: list[str] = []
    qapp.link_opened.connect(emitted.append)
    try:
        QApplication.sendEvent(qapp, QFileOpenEvent(QUrl("callto:+12065551234")))
    finally:
        qapp.link_opened.disconnect(emitted.append)
    assert emitted == ["callto:+12065551234"]
