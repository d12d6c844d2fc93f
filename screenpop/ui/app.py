"""Start the window: QApplication, qasync loop, client, controller, window.

This is the one place where signals are connected (:func:`_wire`; the
settings dialog, created on demand, is connected by :class:`ConnectionManager`
here too) and the one place that owns the shutdown order: the window closes
(for real: Quit, or closing it where there is no tray), the loop stops, the
window's place and the recent lookups are saved, the password load and any
keyring write finish or are cancelled, the lookup in flight is cancelled, the
HTTP client is closed, the demo server stops, and only then is the loop closed.

Around the window (the desk): the tray icon and its menu, the recent
lookups, the notifications for pops while the window is out of sight, light
or dark, and the window's place per screen setup.

Where the connection comes from:

* ``--demo``: the embedded demo server and account. The keyring and the
  settings file are never touched, not even when Settings are saved.
* otherwise the settings given on the command line, or the saved ones
  (:func:`load_settings`), and the password given at start, or the one in
  the :class:`CredentialStore` (read off the GUI thread; a pop arriving
  meanwhile waits and is looked up once it is there).
* nothing saved, or no password anywhere: the Settings dialog opens by itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import gc
import importlib
import logging
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import qasync
from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication

from screenpop import APP_NAME, __version__
from screenpop.core import display
from screenpop.core.config import Appearance, ConnectionSettings, Language, load_settings
from screenpop.core.i18n import Text
from screenpop.demo.account import DEMO_PASSWORD, DEMO_USER
from screenpop.instance.forward import LaunchLock
from screenpop.instance.server import InstanceServer
from screenpop.resources import resource_path
from screenpop.ui.connection import (
    ConnectionManager,
    CredentialStoreLike,
    client_for,
    connection_text,
    default_credential_store,
)
from screenpop.ui.controller import LookupController
from screenpop.ui.crash import crash_guard
from screenpop.ui.history import HistoryKeeper
from screenpop.ui.i18n import install_translators
from screenpop.ui.main_window import MainWindow
from screenpop.ui.theme import AppearanceKeeper
from screenpop.ui.tray import PopNotifier, TrayIcon
from screenpop.ui.window_state import WindowStateStore, screen_setup_key

if TYPE_CHECKING:
    from screenpop.demo.server import DemoServer

log = logging.getLogger(__name__)

ORGANIZATION_NAME = "Screenpop"
# How often Python gets a turn to run signal handlers while Qt waits for events.
_SIGNAL_POLL_MS = 250


@dataclass(frozen=True)
class GuiOptions:
    """What the command line decided for the window."""

    settings: ConnectionSettings | None = None
    password: str | None = dataclasses.field(default=None, repr=False)
    demo: bool = False
    initial: str | None = None  # a number or link to look up at start
    # For this run only (nothing is saved): override the saved appearance and language.
    appearance: Appearance | None = None
    language: Language | None = None
    # Held from "nobody answers" until this instance listens (see instance.forward).
    launch_lock: LaunchLock | None = None


class ScreenpopApplication(QApplication):
    """The QApplication, plus links macOS delivers as ``QEvent.FileOpen``.

    Links can arrive before the window exists (the app was started to open
    one), so they are kept until :meth:`take_links` hands them over; later
    ones are emitted as ``link_opened``.
    """

    link_opened = Signal(str)

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self._early_links: list[str] | None = []

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            link = event.url().toString() or event.file()
            if self._early_links is not None:
                self._early_links.append(link)
            else:
                self.link_opened.emit(link)
            return True
        return super().event(event)

    def take_links(self) -> list[str]:
        """The links that came before anyone listened; from now on they are emitted."""
        links, self._early_links = self._early_links or [], None
        return links


# ------------------------------------------------------------------ building


@dataclass
class GuiSession:
    """Everything :func:`run_gui` builds, so it can be torn down in order."""

    window: MainWindow
    controller: LookupController
    demo_server: DemoServer | None = None
    connection: ConnectionManager | None = None
    history: HistoryKeeper | None = None
    tray: TrayIcon | None = None
    notifier: PopNotifier | None = None
    appearance: AppearanceKeeper | None = None
    # Where the window's place is remembered; None in demo mode.
    window_state: WindowStateStore | None = None

    def save_window_state(self) -> None:
        if self.window_state is not None:
            self.window_state.save(screen_setup_key(), *self.window.window_state())

    def restore_window_state(self) -> None:
        if self.window_state is not None:
            saved = self.window_state.load(screen_setup_key())
            if saved is not None:
                self.window.restore_window_state(*saved)

    def apply_desk_settings(self, settings: ConnectionSettings) -> None:
        """The settings that shape the desk around the window (saved or at start)."""
        tray_shown = self.tray.show() if self.tray is not None else False
        if not tray_shown and self.tray is not None:
            self.tray.hide()
        self.window.set_close_to_tray(settings.close_to_tray and tray_shown)
        behaviour = settings.pop_behaviour
        if behaviour == "notify" and not tray_shown:
            # Nothing could say what was found: show the window, keep the focus.
            behaviour = "no_focus"
        self.window.set_pop_behaviour(behaviour)
        if self.history is not None:
            self.history.set_keep(settings.keep_history)
        if self.appearance is not None:
            self.appearance.apply(settings.appearance)


def build_session(
    options: GuiOptions,
    *,
    store: CredentialStoreLike | None = None,
    settings_file: Path | None = None,
    tray_available: Callable[[], bool] | None = None,
) -> GuiSession:
    """Start the demo server if asked, build controller, window, connection
    and the desk around them, wire them.

    Needs a QApplication. The saved settings are read here (a small file);
    the password is read from ``store`` (default: the system keyring) once
    the qasync loop runs. Demo mode reads and writes neither, nor the saved
    recent lookups or window place. ``tray_available`` replaces the desktop's
    answer to whether it shows tray icons (tests).
    """
    demo_server = _start_demo_server() if options.demo else None
    try:
        warnings: list[Text] = []
        if demo_server is not None:
            settings: ConnectionSettings | None = _demo_settings(options, demo_server)
            password: str | None = DEMO_PASSWORD
        elif options.settings is not None:
            settings, password = options.settings, options.password
        else:
            settings, warnings = load_settings(settings_file)
            password = options.password
        if demo_server is None and store is None:
            store = default_credential_store()
        controller = LookupController(client_for(settings, password)[0])
        if settings is not None:
            controller.reuse_seconds = settings.reuse_seconds
        desk = settings or ConnectionSettings()
        if options.appearance is not None:
            desk = dataclasses.replace(desk, appearance=options.appearance)
        # Before any widget is built: widgets take their texts when created.
        language = install_translators(_qapplication(), options.language or desk.language)
        appearance = AppearanceKeeper(_qapplication(), desk.appearance)
        # Demo lookups are never saved, nor a saved history read or deleted.
        history = HistoryKeeper.loaded(keep=desk.keep_history, on_disk=demo_server is None)
        window = MainWindow(
            default_country=settings.default_country if settings else "US",
            connection_text=connection_text(settings, demo=demo_server is not None),
            history=history.model,
        )
        history.setParent(window)
        appearance.setParent(window)
        if settings is not None:
            window.apply_display_settings(settings)
        tray = TrayIcon(app_icon(), history.model, available=tray_available, parent=window)
        notifier = PopNotifier(
            tray, history.model, out_of_sight=window.is_out_of_sight, parent=window
        )
        connection = ConnectionManager(
            window,
            controller,
            settings=settings,
            password=password,
            store=store,
            demo=demo_server is not None,
            settings_file=settings_file,
            from_command_line=options.settings is not None,
        )
        session = GuiSession(
            window=window,
            controller=controller,
            demo_server=demo_server,
            connection=connection,
            history=history,
            tray=tray,
            notifier=notifier,
            appearance=appearance,
            window_state=None if demo_server is not None else WindowStateStore(),
        )
        session.apply_desk_settings(desk)
        session.restore_window_state()
        _wire(window, controller, connection, session)
        connection.start(warnings)
        _warm_up_in_background(language)
    except BaseException:
        if demo_server is not None:
            demo_server.stop()
        raise
    return session


def _qapplication() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("build_session needs a QApplication")
    return app


def _start_demo_server() -> DemoServer:
    # Imported here: only demo mode pays for the server's modules at start-up.
    from screenpop.demo.server import DemoServer

    return DemoServer().start()


def _demo_settings(options: GuiOptions, demo_server: DemoServer) -> ConnectionSettings:
    # Demo mode points at the embedded server; other choices (country,
    # timeouts, reply format) still apply. Nothing is read from or written to
    # the keyring or the settings file.
    base = options.settings or ConnectionSettings()
    return dataclasses.replace(base, server=demo_server.endpoint, user=DEMO_USER)


def _wire(
    window: MainWindow,
    controller: LookupController,
    connection: ConnectionManager | None = None,
    session: GuiSession | None = None,
) -> None:
    """Every signal connection in the GUI, in one place."""
    window.lookup_requested.connect(controller.lookup)
    window.retry_requested.connect(controller.retry)
    controller.started.connect(window.on_started)
    controller.queued.connect(window.on_queued)
    controller.held_back.connect(window.on_held_back)
    controller.succeeded.connect(window.on_succeeded)
    controller.failed.connect(window.on_failed)
    controller.finished.connect(window.on_finished)
    if connection is not None:
        window.settings_requested.connect(connection.open_settings)
        window.hide_empty_fields_changed.connect(connection.set_hide_empty_fields)
        window.stay_on_top_changed.connect(connection.set_stay_on_top)
        controller.password_rejected.connect(connection.ask_for_password)
    if session is not None:
        _wire_desk(session)


def _wire_desk(session: GuiSession) -> None:
    """The tray, the recent lookups and the notifications."""
    window, controller = session.window, session.controller
    history, tray, notifier = session.history, session.tray, session.notifier
    if history is not None:
        controller.answered.connect(history.record)
        window.clear_history_requested.connect(history.clear)
    if notifier is not None:
        controller.answered.connect(notifier.on_answered)
    if session.connection is not None:
        session.connection.settings_applied.connect(session.apply_desk_settings)
    window.hidden_to_tray.connect(session.save_window_state)
    if tray is None:
        return
    tray.show_requested.connect(window.present)
    tray.notification_clicked.connect(window.present)
    tray.clipboard_lookup_requested.connect(lambda: _presented(window, window.look_up_clipboard))
    tray.entry_chosen.connect(lambda entry: _presented(window, window.show_history_entry, entry))
    tray.settings_requested.connect(lambda: _presented(window, window.settings_requested.emit))
    if history is not None:
        tray.clear_history_requested.connect(history.clear)
    # Quit from the tray: wired by run_gui, which owns the event loop.


def _presented(window: MainWindow, then: Callable[..., object], *args: object) -> None:
    """Bring the window forward, then do what the tray menu asked."""
    window.present()
    then(*args)


async def shutdown(session: GuiSession) -> None:
    """Ordered teardown: save the window's place and the recent lookups, stop
    loading, finish keyring writes, cancel the lookup, close the HTTP client,
    stop the demo server."""
    try:
        session.save_window_state()
        if session.history is not None:
            session.history.flush()
        if session.tray is not None:
            session.tray.hide()
        if session.connection is not None:
            await session.connection.aclose()
        await session.controller.aclose()
    finally:
        if session.demo_server is not None:
            session.demo_server.stop()


# ------------------------------------------------------------------- running


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = ScreenpopApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setDesktopFileName("screenpop")  # Wayland and taskbars match the .desktop file
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """Screenpop's icon (an SVG: crisp at any scale)."""
    return QIcon(str(resource_path("icons", "screenpop.svg")))


@contextlib.contextmanager
def _quit_on_signals(quit_app: Callable[[], None]) -> Iterator[None]:
    """Ctrl+C or SIGTERM quit as the tray's Quit does, so the shutdown still runs.

    Python runs signal handlers only between bytecodes; a timer gives it a
    turn while Qt sleeps in its own event loop.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set signal handlers
        return
    wanted = [signal.SIGINT, signal.SIGTERM]
    previous = {sig: signal.getsignal(sig) for sig in wanted}
    for sig in wanted:
        signal.signal(sig, lambda *_args: QTimer.singleShot(0, quit_app))
    timer = QTimer()
    timer.timeout.connect(lambda: None)
    timer.start(_SIGNAL_POLL_MS)
    try:
        yield
    finally:
        timer.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _quitter(window: MainWindow, app: QApplication) -> Callable[[], None]:
    """Close the window for real and leave the event loop; a window hidden in
    the tray is no last window whose closing would end it."""

    def quit_app() -> None:
        window.quit()
        app.quit()

    return quit_app


def _listen_for_launches(options: GuiOptions) -> InstanceServer:
    """Listen before anything slow happens, so later launches reach this one;
    their pops wait in the socket until the loop runs."""
    instance = InstanceServer()
    if not instance.listen():
        log.warning("Later launches cannot reach this window; each will start its own")
    if options.launch_lock is not None:
        options.launch_lock.release()
    return instance


def _wire_links(window: MainWindow, instance: InstanceServer, app: QApplication) -> None:
    """Links from later launches and from the OS reach the window."""
    _wire_instance(window, instance)
    if isinstance(app, ScreenpopApplication):
        app.link_opened.connect(window.pop)
        for link in app.take_links():
            QTimer.singleShot(0, window, lambda link=link: window.pop(link))


def _wire_instance(window: MainWindow, instance: InstanceServer) -> None:
    """Pops forwarded by later launches reach the window."""
    instance.pop_received.connect(
        lambda message: window.pop(
            message.arg,
            activation_token=message.activation_token,
            startup_id=message.startup_id,
        )
    )


# Imported lazily by httpx/httpcore on the first request, and by the intake on
# the first number: 20-30 ms that would otherwise stall the window on the
# first pop (measured by benchmarks/pop.py).
_FIRST_USE_MODULES = (
    "anyio._backends._asyncio",
    "httpcore._async.connection_pool",
    "httpcore._async.http11",
    "phonenumbers",
)


def _warm_up_in_background(language: str) -> None:
    """Import what the first lookup needs in a daemon thread, and load the
    country names in the window's language. A lookup that comes first loads
    them itself, waiting at most for what the thread is loading."""

    def warm_up() -> None:
        for name in _FIRST_USE_MODULES:
            try:
                importlib.import_module(name)
            except Exception:  # an optimisation only; the lookup imports what it needs
                log.debug("Warming up %s failed", name, exc_info=True)
        try:
            display.territory_name("US", language)
        except Exception:
            log.debug("Loading the country names failed", exc_info=True)

    threading.Thread(target=warm_up, name="screenpop-warm-up", daemon=True).start()


def settle_heap() -> None:
    """Exempt everything made at start-up from the cyclic garbage collector.

    An all-day process's start-up objects (modules, Qt wrappers, the window)
    never become garbage, yet every full collection walks them all: a pause
    of several ms that lands on whatever pop is rendering at the time. Frozen
    once the window is built, a collection walks only what the pops made."""
    gc.freeze()


def run_gui(options: GuiOptions) -> int:
    """Show the window and run until it is closed; returns the exit code.

    From the loop's creation until it is closed, :func:`crash_guard` turns an
    unexpected exception (in a slot, a task, a thread) into a log entry and a
    sentence in the window's banner: the app keeps running.
    """
    app = _application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    exit_code: int | None = 0
    try:
        with crash_guard(loop) as guard:
            instance = _listen_for_launches(options)
            try:
                session = build_session(options)
                try:
                    guard.report = session.window.show_error
                    _wire_links(session.window, instance, app)
                    quit_app = _quitter(session.window, app)
                    if session.tray is not None:
                        session.tray.quit_requested.connect(quit_app)
                    session.window.show()
                    settle_heap()
                    if options.initial:
                        # Once the loop runs, as if it had been forwarded.
                        loop.call_soon(session.window.pop, options.initial)
                    with _quit_on_signals(quit_app):
                        # Returns when the last window closes (Qt quits the app).
                        exit_code = loop.run_forever()
                finally:
                    instance.close()  # later launches start their own from now on
                    loop.run_until_complete(shutdown(session))
                    guard.report = None
            finally:
                instance.close()  # also when building the session failed
    finally:
        loop.close()
        asyncio.set_event_loop(None)
    return int(exit_code or 0)
