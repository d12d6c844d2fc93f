"""Start the window: QApplication, qasync loop, client, controller, window.

This is the one place where signals are connected (:func:`_wire`) and the
one place that owns the shutdown order: the window closes, the loop stops,
the lookup in flight is cancelled, the HTTP client is closed, the demo
server stops, and only then is the loop closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import signal
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import qasync
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from screenpop import APP_NAME, __version__
from screenpop.core.config import ConnectionSettings
from screenpop.core.endpoint import endpoint_host
from screenpop.core.errors import ConfigError
from screenpop.core.models import CustomerInfo
from screenpop.demo.server import DEMO_PASSWORD, DEMO_USER, DemoServer
from screenpop.resources import resource_path
from screenpop.ui.controller import CustomerInfoSource, LookupController
from screenpop.ui.main_window import MainWindow

ORGANIZATION_NAME = "Screenpop"
_TR = "app"
NOT_CONFIGURED = QT_TRANSLATE_NOOP(
    "app",
    "No dialer is configured. Start with --demo to try Screenpop, or pass --server and --user.",
)
NO_USER = QT_TRANSLATE_NOOP("app", "No dialer user is set. Pass --user with --server.")
NO_PASSWORD = QT_TRANSLATE_NOOP(
    "app",
    "No password was given for user '{user}'. Start Screenpop with --password-stdin to give it.",
)
# How often Python gets a turn to run signal handlers while Qt waits for events.
_SIGNAL_POLL_MS = 250


@dataclass(frozen=True)
class GuiOptions:
    """What the command line decided for the window."""

    settings: ConnectionSettings | None = None
    password: str | None = dataclasses.field(default=None, repr=False)
    demo: bool = False
    initial: str | None = None  # a number or link to look up at start


@dataclass
class GuiSession:
    """Everything :func:`run_gui` builds, so it can be torn down in order."""

    window: MainWindow
    controller: LookupController
    demo_server: DemoServer | None = None


class UnavailableClient:
    """Stands in for the API client when no usable dialer is configured.

    Every lookup fails with the reason, so the window behaves exactly as it
    does for any other failure and nothing is ever sent anywhere.
    """

    def __init__(self, reason: str) -> None:
        self.reason = reason

    async def get_customer_info(
        self, *, phone: str | None = None, lead_id: str | int | None = None
    ) -> CustomerInfo:
        raise ConfigError(self.reason)

    async def aclose(self) -> None:
        """Nothing to close."""


def _translate(text: str) -> str:
    return QCoreApplication.translate(_TR, text)


# ------------------------------------------------------------------ building


def build_session(options: GuiOptions) -> GuiSession:
    """Start the demo server if asked, build client, controller and window, wire them.

    Needs a QApplication; the client is created here but used only once the
    qasync loop runs.
    """
    demo_server = DemoServer().start() if options.demo else None
    try:
        settings = _effective_settings(options, demo_server)
        client, problem = _make_client(options, settings, demo=demo_server is not None)
        controller = LookupController(client)
        window = MainWindow(
            default_country=settings.default_country if settings else "US",
            connection_text=_connection_text(settings, demo=demo_server is not None),
        )
        _wire(window, controller)
    except BaseException:
        if demo_server is not None:
            demo_server.stop()
        raise
    if problem:
        window.show_notice(problem)
        window.set_retry_available(False)  # retrying cannot fix a missing setting
    return GuiSession(window=window, controller=controller, demo_server=demo_server)


def _effective_settings(
    options: GuiOptions, demo_server: DemoServer | None
) -> ConnectionSettings | None:
    if demo_server is None:
        return options.settings
    # Demo mode points at the embedded server; other choices (country,
    # timeouts, reply format) still apply. Nothing is read from or written to
    # the keyring or the settings file.
    base = options.settings or ConnectionSettings()
    return dataclasses.replace(base, server=demo_server.endpoint, user=DEMO_USER)


def _make_client(
    options: GuiOptions, settings: ConnectionSettings | None, *, demo: bool
) -> tuple[CustomerInfoSource, str]:
    """The client, and a notice for the window when lookups cannot work."""
    if settings is None:
        reason = _translate(NOT_CONFIGURED)
    elif not settings.user:
        reason = _translate(NO_USER)
    elif options.password is None and not demo:
        # Never try an empty password: each failed login counts towards the lockout.
        reason = _translate(NO_PASSWORD).format(user=settings.user)
    else:
        password = DEMO_PASSWORD if demo else options.password or ""
        try:
            return settings.make_client(password), ""
        except ConfigError as exc:
            reason = exc.user_message
    return UnavailableClient(reason), reason


def _connection_text(settings: ConnectionSettings | None, *, demo: bool) -> str:
    if demo:
        return QCoreApplication.translate("app", "Demo server · user {user}").format(user=DEMO_USER)
    if settings is None:
        return QCoreApplication.translate("app", "No dialer configured")
    try:
        host = endpoint_host(settings.endpoint)
    except ConfigError:
        host = settings.server
    if not settings.user:
        return QCoreApplication.translate("app", "Server {host}").format(host=host)
    return QCoreApplication.translate("app", "Server {host} · user {user}").format(
        host=host, user=settings.user
    )


def _wire(window: MainWindow, controller: LookupController) -> None:
    """Every signal connection in the GUI, in one place."""
    window.lookup_requested.connect(controller.lookup)
    window.retry_requested.connect(controller.retry)
    controller.started.connect(window.on_started)
    controller.succeeded.connect(window.on_succeeded)
    controller.failed.connect(window.on_failed)
    controller.finished.connect(window.on_finished)


async def shutdown(session: GuiSession) -> None:
    """Ordered teardown: cancel the lookup, close the HTTP client, stop the demo server."""
    try:
        await session.controller.aclose()
    finally:
        if session.demo_server is not None:
            session.demo_server.stop()


# ------------------------------------------------------------------- running


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setDesktopFileName("screenpop")  # Wayland and taskbars match the .desktop file
    app.setWindowIcon(QIcon(str(resource_path("icons", "screenpop.svg"))))
    return app


@contextlib.contextmanager
def _quit_on_signals(app: QApplication) -> Iterator[None]:
    """Ctrl+C or SIGTERM close the window normally, so the shutdown still runs.

    Python runs signal handlers only between bytecodes; a timer gives it a
    turn while Qt sleeps in its own event loop.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set signal handlers
        return
    wanted = [signal.SIGINT, signal.SIGTERM]
    previous = {sig: signal.getsignal(sig) for sig in wanted}
    for sig in wanted:
        signal.signal(sig, lambda *_args: QTimer.singleShot(0, app.closeAllWindows))
    timer = QTimer()
    timer.timeout.connect(lambda: None)
    timer.start(_SIGNAL_POLL_MS)
    try:
        yield
    finally:
        timer.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run_gui(options: GuiOptions) -> int:
    """Show the window and run until it is closed; returns the exit code."""
    app = _application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        session = build_session(options)
        try:
            session.window.show()
            if options.initial:
                # Once the loop runs, as if the agent had typed it.
                loop.call_soon(session.window.look_up, options.initial)
            with _quit_on_signals(app):
                # Returns when the last window closes (Qt quits the app).
                exit_code = loop.run_forever()
        finally:
            loop.run_until_complete(shutdown(session))
    finally:
        loop.close()
        asyncio.set_event_loop(None)
    return int(exit_code or 0)
