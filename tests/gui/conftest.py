"""GUI test setup: offscreen Qt, async tests on a qasync loop, a real demo server.

Every async test in this folder runs on a ``qasync.QEventLoop`` (via
pytest-asyncio's loop-factory hook), so lookups go through exactly the
loop the app uses, over a real loopback socket to the real demo server.
"""

import os

# Before any Qt import: the GUI tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from pathlib import Path

import pytest
import qasync
from gui_helpers import FakeCredentialStore, Harness
from PySide6.QtWidgets import QApplication

from screenpop.core.goapi import Credentials, GoApiClient
from screenpop.demo.server import DEMO_PASSWORD, DEMO_USER, DemoServer
from screenpop.ui import app as app_module
from screenpop.ui.app import (
    GuiOptions,
    GuiSession,
    ScreenpopApplication,
    _wire,
    build_session,
    shutdown,
)
from screenpop.ui.controller import LookupController
from screenpop.ui.main_window import MainWindow

# Closed loops are kept until the session ends. Dropped, a loop and its
# timer QObjects form a reference cycle that Python's cyclic GC may free from
# a demo-server thread; a QObject destroyed outside its own thread leaves its
# Qt timers registered, and the next test's loop segfaults dispatching them.
_FINISHED_LOOPS: list[asyncio.AbstractEventLoop] = []


@pytest.fixture(scope="session")
def qapp_cls():
    """The tests run on the app's own QApplication subclass."""
    return ScreenpopApplication


def _qasync_loop() -> asyncio.AbstractEventLoop:
    app = QApplication.instance() or ScreenpopApplication([])
    loop = qasync.QEventLoop(app)
    _FINISHED_LOOPS.append(loop)
    return loop


def pytest_asyncio_loop_factories(config, item) -> Mapping[str, Callable[[], object]]:
    """Run this folder's async tests (and async fixtures) on the Qt event loop."""
    return {"qasync": _qasync_loop}


_USER_DIRS = {
    "XDG_CONFIG_HOME": ".config",
    "XDG_DATA_HOME": ".local/share",
    "XDG_CACHE_HOME": ".cache",
    "XDG_STATE_HOME": ".local/state",
}


@pytest.fixture(autouse=True)
def user_home(monkeypatch, tmp_path) -> Path:
    """No GUI test reads or writes the real settings file: platformdirs reads
    these variables at call time, so they point into this test's tmp_path."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name, relative in _USER_DIRS.items():
        monkeypatch.setenv(name, str(home / relative))
    return home


@pytest.fixture(autouse=True)
def credential_store(monkeypatch) -> FakeCredentialStore:
    """No GUI test touches the system keyring (the real-keyring tests live
    elsewhere): the app's default store is this in-memory one."""
    store = FakeCredentialStore()
    monkeypatch.setattr(app_module, "default_credential_store", lambda: store)
    return store


@pytest.fixture
def demo_server() -> Iterator[DemoServer]:
    server = DemoServer().start()
    yield server
    server.stop()


@pytest.fixture
async def make_harness(qtbot, demo_server) -> AsyncIterator[Callable[..., Harness]]:
    """Build harnesses; every client is closed on the loop before it goes away."""
    controllers: list[LookupController] = []

    def make(server: DemoServer | None = None, password: str = DEMO_PASSWORD) -> Harness:
        server = server or demo_server
        client = GoApiClient(server.endpoint, Credentials(DEMO_USER, password))
        controller = LookupController(client)
        window = MainWindow(connection_text="Test server", render_marker=False)
        _wire(window, controller)
        qtbot.addWidget(window)
        window.show()
        harness = Harness(window, controller, server, qtbot)
        controller.succeeded.connect(lambda _request, info: harness.records.append(info))
        controllers.append(controller)
        return harness

    yield make
    for controller in controllers:
        await controller.aclose()


@pytest.fixture
async def harness(make_harness) -> Harness:
    return make_harness()


@pytest.fixture
async def make_session(qtbot) -> AsyncIterator[Callable[..., GuiSession]]:
    """The app as run_gui builds it (window, controller, connection), shown;
    shut down in order, on the loop, after the test."""
    sessions: list[GuiSession] = []

    def make(options: GuiOptions | None = None, **kwargs) -> GuiSession:
        session = build_session(options or GuiOptions(), **kwargs)
        session.window.show()
        sessions.append(session)
        return session

    yield make
    # Not handed to qtbot.addWidget: pytest-qt deletes its widgets before
    # fixture teardown, and shutdown still needs the window (it saves the
    # window's place). Hidden, not closed: closing the last window would
    # quit the event loop this teardown runs on.
    for session in sessions:
        await shutdown(session)
        session.window.hide()
        session.window.deleteLater()
