"""The tray icon: its menu, its click, and the desktop notifications.

The icon lives as long as the app does, so Screenpop keeps accepting pops
while its window is hidden. Its menu offers: show the window, look up the
number on the clipboard, the recent lookups, Settings, Quit. It only emits
signals; :mod:`screenpop.ui.app` connects them.

Where the desktop has no tray (``QSystemTrayIcon.isSystemTrayAvailable()``
is false, as on GNOME without an extension, or offscreen), nothing is shown
and closing the window quits as usual.

Notification text comes from the dialer (the lead's name) and from links
(the number). Linux notification servers may read the body as markup
(the freedesktop spec's ``body-markup``: ``<img>``, ``<a>``), so there the
text is escaped; it always shows as the characters it is.
"""

from __future__ import annotations

import datetime as dt
import html
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from screenpop.core.history import HistoryEntry
from screenpop.core.intake import PopRequest
from screenpop.core.models import CustomerInfo
from screenpop.ui.history import RecentLookupsModel

# Recent lookups listed in the tray menu (the window's list holds all 50).
MENU_ENTRIES = 10
NOTIFICATION_MS = 8000
# Where notification bodies are plain text by definition.
_PLAIN_BODY_PLATFORMS = ("win32", "darwin")


def notification_text(text: str, platform: str = sys.platform) -> str:
    """``text`` as it must be handed to the platform's notifications to show
    as those characters: escaped where the body may be read as markup."""
    if platform.startswith(_PLAIN_BODY_PLATFORMS):
        return text
    return html.escape(text, quote=False)


class TrayIcon(QObject):
    """Screenpop's tray icon and menu; emits what the agent chose."""

    show_requested = Signal()
    clipboard_lookup_requested = Signal()
    entry_chosen = Signal(object)  # HistoryEntry
    clear_history_requested = Signal()
    settings_requested = Signal()
    quit_requested = Signal()
    notification_clicked = Signal()

    def __init__(
        self,
        icon: QIcon,
        history: RecentLookupsModel,
        *,
        available: Callable[[], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._history = history
        self._available = available or QSystemTrayIcon.isSystemTrayAvailable
        self._icon = icon
        # Made when first shown: where there is no tray it would only warn.
        self._tray: QSystemTrayIcon | None = None
        self._menu = self._build_menu()
        # (title, message) of each notification shown, newest last.
        self.notifications: list[tuple[str, str]] = []

    def _build_menu(self) -> QMenu:
        menu = QMenu()
        menu.setObjectName("tray_menu")
        self.show_action = self._action(menu, "tray_show", self.tr("Show Screenpop"))
        self.show_action.triggered.connect(self.show_requested)
        menu.setDefaultAction(self.show_action)
        self.clipboard_action = self._action(
            menu, "tray_clipboard", self.tr("Look up the number on the clipboard")
        )
        self.clipboard_action.triggered.connect(self.clipboard_lookup_requested)
        self.recent_menu = QMenu(self.tr("Recent lookups"), menu)
        self.recent_menu.setObjectName("tray_recent_menu")
        self.recent_menu.aboutToShow.connect(self.refresh_recent)
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        self.settings_action = self._action(menu, "tray_settings", self.tr("Settings…"))
        self.settings_action.triggered.connect(self.settings_requested)
        menu.addSeparator()
        self.quit_action = self._action(menu, "tray_quit", self.tr("Quit Screenpop"))
        self.quit_action.triggered.connect(self.quit_requested)
        self.refresh_recent()
        return menu

    def _action(self, menu: QMenu, name: str, text: str) -> QAction:
        action = QAction(text, menu)
        action.setObjectName(name)
        menu.addAction(action)
        return action

    @property
    def menu(self) -> QMenu:
        return self._menu

    def is_available(self) -> bool:
        """Whether the desktop shows tray icons (checked each time: a panel may come later)."""
        return bool(self._available())

    def show(self) -> bool:
        """Show the icon where there is a tray; whether it is shown."""
        if not self.is_available():
            return False
        if self._tray is None:
            self._tray = QSystemTrayIcon(self._icon, self)
            self._tray.setObjectName("tray_icon")
            self._tray.setToolTip(self.tr("Screenpop"))
            self._tray.setContextMenu(self._menu)
            self._tray.activated.connect(self._on_activated)
            self._tray.messageClicked.connect(self.notification_clicked)
        self._tray.show()
        return True

    def hide(self) -> None:
        if self._tray is not None:
            self._tray.hide()

    def is_visible(self) -> bool:
        return self._tray is not None and self._tray.isVisible()

    def refresh_recent(self) -> None:
        """The newest lookups as menu entries (rebuilt each time the menu opens)."""
        self.recent_menu.clear()
        count = min(MENU_ENTRIES, self._history.rowCount())
        for row in range(count):
            entry = self._history.entry(row)
            # A menu entry's text is plain; "&" would mark a shortcut key.
            action = QAction(self._history.summary(entry).replace("&", "&&"), self.recent_menu)
            action.triggered.connect(
                lambda _checked=False, entry=entry: self.entry_chosen.emit(entry)
            )
            self.recent_menu.addAction(action)
        if count == 0:
            empty = QAction(self.tr("No lookups yet"), self.recent_menu)
            empty.setEnabled(False)
            self.recent_menu.addAction(empty)
            return
        self.recent_menu.addSeparator()
        clear = QAction(self.tr("Clear recent lookups"), self.recent_menu)
        clear.setObjectName("tray_clear_history")
        clear.triggered.connect(self.clear_history_requested)
        self.recent_menu.addAction(clear)

    def notify(self, title: str, message: str) -> bool:
        """A desktop notification from the tray icon; False where there is none."""
        if self._tray is None or not self.is_visible() or not self._tray.supportsMessages():
            return False
        # The title (the spec's "summary") is plain text everywhere; only the
        # body may be read as markup.
        self._tray.showMessage(
            title,
            notification_text(message),
            QSystemTrayIcon.MessageIcon.Information,
            NOTIFICATION_MS,
        )
        self.notifications.append((title, message))
        del self.notifications[:-MENU_ENTRIES]
        return True

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A click (or double click) on the icon brings the window; the
        # context menu has its own reason and opens by itself.
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_requested.emit()


class PopNotifier(QObject):
    """Says in a desktop notification what a lookup found while the window
    is out of sight (hidden to the tray, or minimized): the name and whether
    the lead is a customer, or why nothing was found."""

    def __init__(
        self,
        tray: TrayIcon,
        history: RecentLookupsModel,
        *,
        out_of_sight: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tray = tray
        self._history = history
        self._out_of_sight = out_of_sight

    def on_answered(self, request: PopRequest, outcome: str, info: CustomerInfo | None) -> None:
        if not self._out_of_sight():
            return
        entry = HistoryEntry.of_lookup(request, outcome, info, dt.datetime.now().astimezone())  # type: ignore[arg-type]
        searched = self._history.searched_text(entry)
        if info is not None:
            title = info.lead.full_name or self.tr("Unnamed lead")
            message = self.tr("{status} · {number}").format(
                status=self._history.customer_text(info.is_customer), number=searched
            )
        else:
            title = self.tr("Screenpop")
            message = self.tr("{number}: {outcome}").format(
                number=searched, outcome=self._history.outcome_text(entry.outcome)
            )
        self._tray.notify(title, message)
