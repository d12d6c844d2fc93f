"""Where the window's dialer connection comes from, and what changes it.

:class:`ConnectionManager` owns the settings, the password and the API
client of one window: it loads them at start (the password from the
credential store, off the GUI thread), opens the Settings dialog when they
are missing or the dialer rejects the password, and applies what the agent
saves: the settings file, the keyring entry, a new client, a clean sign-in
guard. Demo mode reads and writes neither the settings file nor the keyring.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal

from screenpop.core.config import ConnectionSettings, save_settings
from screenpop.core.credentials import PasswordLocation, StoreOutcome
from screenpop.core.endpoint import endpoint_host
from screenpop.core.errors import ConfigError
from screenpop.core.i18n import Text
from screenpop.core.logs import protect
from screenpop.core.models import CustomerInfo
from screenpop.demo.account import DEMO_USER
from screenpop.ui.controller import CustomerInfoSource, LookupController
from screenpop.ui.i18n import tr_text
from screenpop.ui.main_window import MainWindow

if TYPE_CHECKING:
    from screenpop.ui.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)

_TR = "app"
NOT_CONFIGURED = QT_TRANSLATE_NOOP(
    "app",
    "No dialer is configured yet. Enter your dialer's server, user and password in "
    "Settings, or start with --demo to try Screenpop.",
)
NO_USER = QT_TRANSLATE_NOOP("app", "No dialer user is set. Enter it in Settings.")
NO_PASSWORD = QT_TRANSLATE_NOOP(
    "app",
    "No password was given for user '{user}'. Start Screenpop with --password-stdin to give it.",
)
LOOKING_FOR_PASSWORD = QT_TRANSLATE_NOOP(
    "app",
    "No password was given for user '{user}'; looking for one saved on this computer…",
)
LOADING_PASSWORD = QT_TRANSLATE_NOOP("app", "Loading the saved password for user '{user}'…")
PASSWORD_NEEDED = QT_TRANSLATE_NOOP(
    "app", "No password is saved for user '{user}'. Enter it in Settings."
)
WELCOME = QT_TRANSLATE_NOOP(
    "app",
    "Welcome to Screenpop. Enter your dialer's server, your user name and your password.",
)
REENTER_PASSWORD = QT_TRANSLATE_NOOP(
    "app",
    "The dialer rejected the password. Enter it again; nothing is sent until you save.",
)
DEMO_NOT_SAVED = QT_TRANSLATE_NOOP(
    "app", "Demo mode: these settings apply until Screenpop closes; nothing was saved."
)
STORE_FAILED = QT_TRANSLATE_NOOP(
    "app",
    "The password could not be saved on this computer; it is kept in memory until "
    "Screenpop closes.",
)
HINT_KEYRING = QT_TRANSLATE_NOOP("app", "Saved in the system keyring")
HINT_MEMORY = QT_TRANSLATE_NOOP("app", "Kept in memory until Screenpop closes")
HINT_GIVEN = QT_TRANSLATE_NOOP("app", "Given at start; kept in memory until Screenpop closes")
HINT_DEMO = QT_TRANSLATE_NOOP("app", "The demo account's password")


class CredentialStoreLike(Protocol):
    """:class:`screenpop.core.credentials.CredentialStore`; async, off the GUI thread."""

    async def get(self, user: str, endpoint: str) -> tuple[str | None, StoreOutcome]: ...

    async def set(self, user: str, endpoint: str, password: str) -> StoreOutcome: ...

    async def delete(self, user: str, endpoint: str) -> StoreOutcome: ...

    async def move(self, old: tuple[str, str], new: tuple[str, str]) -> StoreOutcome: ...


def default_credential_store() -> CredentialStoreLike:
    """The system keyring (with the in-memory fallback), time-limited and off the GUI thread."""
    from screenpop.core.credentials import CredentialStore

    return CredentialStore()


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


# ------------------------------------------------------------ the connection


class ConnectionManager(QObject):
    """Owns the settings, the password and the client for one window.

    Loads them at start, opens the Settings dialog when they are missing or
    the dialer rejects the password, and applies what the agent saves:
    settings file, keyring entry, a new client, a clean sign-in guard.
    ``settings_applied`` carries saved settings on to the rest of the desk
    (tray, recent lookups, appearance).
    """

    settings_applied = Signal(object)  # ConnectionSettings

    def __init__(
        self,
        window: MainWindow,
        controller: LookupController,
        *,
        settings: ConnectionSettings | None,
        password: str | None,
        store: CredentialStoreLike | None,
        demo: bool = False,
        settings_file: Path | None = None,
        from_command_line: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._controller = controller
        self._settings = settings
        self._password = password
        self._store = None if demo else store
        self._demo = demo
        self._settings_file = settings_file
        self._from_command_line = from_command_line
        # Where the password sits in the store, as (user, endpoint); None if not there.
        self._saved_key: tuple[str, str] | None = None
        if demo:
            self._password_hint = _translate(HINT_DEMO)
        elif password:
            self._password_hint = _translate(HINT_GIVEN)
        else:
            self._password_hint = ""
        self._dialog: SettingsDialog | None = None
        self._dialogs_opened = 0
        self._load_task: asyncio.Task[None] | None = None
        self._loading = False  # from start() until the saved password is known
        # Keyring writes are awaited at shutdown, not cancelled: the password
        # the agent just saved must reach the keyring.
        self._tasks: set[asyncio.Task[None]] = set()
        self._closed = False
        if password:
            protect(password)

    # --- state, for the window and the tests

    @property
    def settings(self) -> ConnectionSettings | None:
        return self._settings

    @property
    def dialog(self) -> SettingsDialog | None:
        """The Settings dialog while it is open."""
        return self._dialog

    @property
    def dialogs_opened(self) -> int:
        return self._dialogs_opened

    def is_loading(self) -> bool:
        """The saved password is still being read (lookups wait meanwhile)."""
        return self._loading

    # --- start

    def start(self, warnings: list[Text] | None = None) -> None:
        """Show what is missing; load the password off the GUI thread if needed.

        The controller already holds :func:`client_for` the settings and
        password known at start."""
        if warnings:
            self._window.show_notice(" ".join(map(tr_text, warnings)), settings=True)
        settings = self._settings
        if self._demo:
            return
        if settings is None or not settings.is_complete:
            if not warnings:
                self._window.show_notice(client_for(settings, None)[1], settings=True)
            self._later(lambda: self.open_settings(_translate(WELCOME)))
            return
        try:
            endpoint = settings.endpoint
        except ConfigError as exc:
            problem = tr_text(exc.text)
            self._window.show_error(problem, settings=True)
            if not self._from_command_line:
                self._later(lambda: self.open_settings(problem))
            return
        if self._password:
            return
        # Lookups wait for the password; the window stays usable meanwhile.
        self._loading = True
        self._controller.suspend()
        if self._from_command_line and not warnings:
            self._window.show_notice(_translate(LOOKING_FOR_PASSWORD).format(user=settings.user))
        self._window.show_status_message(_translate(LOADING_PASSWORD).format(user=settings.user))
        self._later(lambda: self._begin_load(settings.user, endpoint))

    def _later(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the event loop runs (the window is shown by then)."""

        def run() -> None:
            if not self._closed:
                callback()

        QTimer.singleShot(0, self, run)

    def _begin_load(self, user: str, endpoint: str) -> None:
        if not self._loading:
            return  # the agent saved settings before the load even began
        self._load_task = asyncio.ensure_future(self._load_password(user, endpoint))

    async def _load_password(self, user: str, endpoint: str) -> None:
        assert self._store is not None
        try:
            password, outcome = await self._store.get(user, endpoint)
        except asyncio.CancelledError:
            self._loading = False
            raise
        except Exception:
            log.exception("Reading the saved password failed")
            password, message, location = None, "", None
        else:
            message, location = tr_text(outcome.text), outcome.location
        self._loading = False
        self._window.show_status_message("")
        if self._window.banner_text() == _translate(LOOKING_FOR_PASSWORD).format(user=user):
            self._window.hide_banner()
        if password:
            self._password = password
            self._saved_key = (user, endpoint)
            self._password_hint = _hint_for(location)
            protect(password)
            if self._dialog is not None:  # opened while loading
                self._dialog.set_saved_password(self._password_hint, password, can_forget=True)
        if message:
            self._window.show_notice(message)
        self._apply_client()
        if not password:
            reason = _translate(PASSWORD_NEEDED).format(user=user)
            if not message:
                self._window.show_notice(reason, settings=True)
            self.open_settings(reason, focus_password=True)

    # --- the dialog

    def open_settings(
        self, reason: str = "", *, focus_password: bool = False, new_password: bool = False
    ) -> None:
        """Open Settings (or bring the open one forward); ``reason`` says why.

        ``new_password``: the known password was rejected, so the dialog does
        not offer to keep it; a password must be typed before Save."""
        if self._closed:
            return
        can_forget = self._store is not None and self._saved_key is not None
        hint, known = ("", None) if new_password else (self._password_hint, self._password)
        dialog = self._dialog
        if dialog is None:
            # Imported on first use: most starts never open Settings.
            from screenpop.ui.settings_dialog import SettingsDialog

            dialog = SettingsDialog(
                self._settings,
                password_hint=hint,
                saved_password=known,
                can_forget=can_forget,
                parent=self._window,
            )
            dialog.saved.connect(self._on_saved)
            dialog.forget_password_requested.connect(self._on_forget)
            dialog.finished.connect(self._on_dialog_finished)
            self._dialog = dialog
            self._dialogs_opened += 1
            dialog.open()  # never exec(): no nested event loop inside a coroutine
        else:
            if new_password:
                dialog.set_saved_password(hint, known, can_forget=can_forget)
            dialog.raise_()
            dialog.activateWindow()
        if focus_password:
            dialog.focus_password(reason)
        elif reason:
            dialog.set_reason(reason)

    def ask_for_password(self) -> None:
        """The dialer just rejected the password: ask for it again, once."""
        self.open_settings(_translate(REENTER_PASSWORD), focus_password=True, new_password=True)

    def _on_dialog_finished(self, _result: int) -> None:
        dialog = self._dialog
        self._dialog = None
        if dialog is not None:
            self._spawn(self._retire(dialog))

    @staticmethod
    async def _retire(dialog: SettingsDialog) -> None:
        await dialog.wait_for_tests()  # a cancelled test still closes its client
        dialog.deleteLater()

    # --- saving

    def set_hide_empty_fields(self, hide: bool) -> None:
        """The window's "Hide empty fields" toggle: remembered in the settings
        file (demo mode and command-line settings are never written)."""
        self._remember(hide_empty_fields=hide)

    def set_stay_on_top(self, on: bool) -> None:
        """The window's "Stay on top" toggle, remembered the same way."""
        self._remember(stay_on_top=on)

    def _remember(self, **changes: bool) -> None:
        if self._settings is None:
            return
        changed = dataclasses.replace(self._settings, **changes)
        if changed == self._settings:
            return
        self._settings = changed
        if self._demo or self._from_command_line:
            return
        try:
            save_settings(self._settings, self._settings_file)
        except ConfigError as exc:
            self._window.show_error(tr_text(exc.text), settings=True)

    def _stop_loading(self) -> None:
        """The agent decided before the saved password arrived: theirs wins."""
        if self._load_task is not None and not self._load_task.done():
            self._load_task.cancel()
        if self._loading:
            self._loading = False
            self._window.show_status_message("")

    def _on_saved(self, settings: ConnectionSettings, password: str | None) -> None:
        self._stop_loading()
        old_key = self._saved_key
        self._settings = settings
        if password:
            self._password = password
            protect(password)
        # The new client first: the agent can work while a slow keyring answers.
        self._window.hide_banner()
        self._window.set_default_country(settings.default_country)
        self._window.apply_display_settings(settings)
        self._window.set_connection_text(connection_text(settings, demo=False))
        self._window.set_retry_available(True)
        self._apply_client()
        self.settings_applied.emit(settings)
        if self._demo:
            self._window.show_notice(_translate(DEMO_NOT_SAVED))
            return
        try:
            save_settings(settings, self._settings_file)
        except ConfigError as exc:
            self._window.show_error(tr_text(exc.text), settings=True)
        try:
            new_key = (settings.user, settings.endpoint)
        except ConfigError:
            return  # the dialog does not let this happen
        if password:
            self._password_hint = _translate(HINT_MEMORY)
            self._spawn(self._store_password(old_key, new_key, password))
        elif old_key is not None and old_key != new_key:
            self._spawn(self._move_password(old_key, new_key))

    async def _store_password(
        self, old_key: tuple[str, str] | None, new_key: tuple[str, str], password: str
    ) -> None:
        assert self._store is not None
        try:
            outcome = await self._store.set(*new_key, password)
            if old_key is not None and old_key != new_key:
                await self._store.delete(*old_key)  # no orphaned entry for the old account
        except Exception:
            log.exception("Saving the password failed")
            self._saved_key = None
            self._window.show_notice(_translate(STORE_FAILED))
            return
        self._after_store(new_key, outcome)

    async def _move_password(self, old_key: tuple[str, str], new_key: tuple[str, str]) -> None:
        assert self._store is not None
        try:
            outcome = await self._store.move(old_key, new_key)
        except Exception:
            log.exception("Moving the saved password failed")
            self._saved_key = None
            self._window.show_notice(_translate(STORE_FAILED))
            return
        self._after_store(new_key, outcome)

    def _after_store(self, key: tuple[str, str], outcome: StoreOutcome) -> None:
        stored = outcome.location in (PasswordLocation.KEYRING, PasswordLocation.MEMORY)
        self._saved_key = key if stored else None
        self._password_hint = _hint_for(outcome.location) or (
            _translate(HINT_MEMORY) if self._password else ""
        )
        if outcome.message:
            self._window.show_notice(tr_text(outcome.text))

    def _on_forget(self) -> None:
        self._stop_loading()
        self._spawn(self._forget())

    async def _forget(self) -> None:
        key = self._saved_key or self._current_key()
        message = ""
        if self._store is not None and key is not None:
            try:
                outcome = await self._store.delete(*key)
                message = tr_text(outcome.text)
            except Exception:
                log.exception("Removing the saved password failed")
                message = QCoreApplication.translate(
                    "app", "The saved password could not be removed."
                )
        self._saved_key = None
        self._password = None
        self._password_hint = ""
        self._apply_client()  # forgotten means not used any more either
        if self._dialog is not None:
            self._dialog.password_forgotten(message)

    def _current_key(self) -> tuple[str, str] | None:
        if self._settings is None:
            return None
        try:
            return (self._settings.user, self._settings.endpoint)
        except ConfigError:
            return None

    # --- the client

    def _apply_client(self) -> None:
        """A client for the current settings and password (or one that explains why not)."""
        client, _reason = client_for(self._settings, self._password)
        if self._settings is not None:
            self._controller.reuse_seconds = self._settings.reuse_seconds
        self._controller.use_client(client)

    # --- tasks

    def _spawn(self, coroutine: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def wait_idle(self) -> None:
        """Until the password load and every keyring write have finished (tests, shutdown)."""
        while (self._loading and not self._closed) or self._tasks:
            pending = [*self._tasks, *([self._load_task] if self._load_task else [])]
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)
            else:
                await asyncio.sleep(0.01)  # the load starts once the loop has run the timer

    async def aclose(self) -> None:
        """Stop loading; let keyring writes finish (each is time-limited by the store)."""
        self._closed = True
        self._loading = False
        if self._load_task is not None and not self._load_task.done():
            self._load_task.cancel()
        if self._dialog is not None:
            dialog, self._dialog = self._dialog, None
            dialog.done(0)
            await dialog.wait_for_tests()
        await self.wait_idle()


def client_for(
    settings: ConnectionSettings | None, password: str | None
) -> tuple[CustomerInfoSource, str]:
    """The client for these settings, and "" - or a stand-in that explains
    why no lookup can work, and that reason."""
    if settings is None:
        reason = _translate(NOT_CONFIGURED)
    elif not settings.user:
        reason = _translate(NO_USER)
    else:
        try:
            _ = settings.endpoint
            if not password:
                # Never try an empty password: each failed login counts towards the lockout.
                reason = _translate(PASSWORD_NEEDED).format(user=settings.user)
            else:
                return settings.make_client(password), ""
        except ConfigError as exc:
            reason = tr_text(exc.text)
    return UnavailableClient(reason), reason


def _hint_for(location: PasswordLocation | None) -> str:
    """The password field's placeholder for a password kept at ``location``."""
    if location is PasswordLocation.KEYRING:
        return _translate(HINT_KEYRING)
    if location is PasswordLocation.MEMORY:
        return _translate(HINT_MEMORY)
    return ""


def connection_text(settings: ConnectionSettings | None, *, demo: bool) -> str:
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
