"""The main window: input bar, recent lookups, what-was-searched line, banner, lead view.

The window only shows and forwards. It turns typed text into a
:class:`PopRequest` (parsing is in core) and emits ``lookup_requested`` with
whether the agent asked for it (typed: explicit) or it arrived from outside
(:meth:`MainWindow.look_up`: automatic); the controller's signals come back
into the ``on_*`` slots. Wiring happens in :mod:`screenpop.ui.app`, nowhere
else.

How a pop shows the window (:meth:`MainWindow.pop`) is a setting: bring it
to the front and take the focus, show it without taking the focus, or leave
it where it is (hidden in the tray, minimized) and let the tray notify.
Closing the window can hide it to the tray instead of quitting
(:meth:`MainWindow.set_close_to_tray`); :meth:`MainWindow.quit` always closes.

Every label in the window is plain text, fixed ones included: the banner,
the searched line and the status bar quote the dialer's replies and whatever
a link carried, and markup there must show as the characters it is, never
load an image or a link.
"""

from __future__ import annotations

import itertools
import os
import re
import time
from enum import Enum

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QFont,
    QGuiApplication,
    QKeySequence,
    QPalette,
    QShortcut,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from screenpop.core.config import ConnectionSettings, PopBehaviour
from screenpop.core.errors import InputError
from screenpop.core.history import HistoryEntry
from screenpop.core.intake import MAX_INPUT_LENGTH, PopRequest, parse_input, parse_lead_id
from screenpop.core.models import CustomerInfo
from screenpop.core.weblink import build_web_url
from screenpop.ui.history import HistoryPanel, RecentLookupsModel, clock_text
from screenpop.ui.i18n import tr_text
from screenpop.ui.lead_view import LeadView, plain_label, plain_tooltip

RENDER_MARKER_ENV = "SCREENPOP_RENDER_MARKER"
# A lookup shows the busy bar only once it has taken this long: most answer
# sooner, and a bar that flashes for a few ms is noise (and two repaints).
BUSY_DELAY_MS = 150
# Rounds of layout requests a new record sets off: the lead view, the scroll
# area that holds it, the window around them, and one to spare.
_LAYOUT_ROUNDS = 4
# How long "Copied" stays in the status bar.
COPIED_MESSAGE_MS = 2500
# Focus-stealing tokens are short printable strings; anything else is not
# passed on to the environment (where a NUL byte would not even fit).
_MAX_TOKEN_LENGTH = 512
# In phone mode "#14246" or "lead 14246" is clearly a lead ID, so the agent
# need not switch modes for it.
_LEAD_HINT = re.compile(r"^\s*(?:#|lead\b)", re.IGNORECASE)

# The two mode buttons read as one segmented switch; the checked one is filled.
_MODE_STYLE = """
QPushButton { padding: 4px 12px; }
QPushButton:checked {
    background-color: palette(highlight);
    color: palette(highlighted-text);
    border: 1px solid palette(highlight);
    border-radius: 3px;
}
"""

_BANNER_STYLES = {
    "error": (
        "QFrame#banner { background-color: #fdecea; border: 1px solid #e9a6a1;"
        " border-radius: 6px; } QFrame#banner QLabel { color: #5f2120; }"
    ),
    "notice": (
        "QFrame#banner { background-color: #e8f1fb; border: 1px solid #a9c8ec;"
        " border-radius: 6px; } QFrame#banner QLabel { color: #123a66; }"
    ),
}


class LookupMode(Enum):
    PHONE = "phone"
    LEAD_ID = "lead_id"


class MainWindow(QMainWindow):
    """Screenpop's window. Emits ``lookup_requested``; fed by the ``on_*`` slots."""

    lookup_requested = Signal(object, bool)  # PopRequest, explicit (asked for by the agent)
    retry_requested = Signal()
    settings_requested = Signal()
    # The agent toggled "Hide empty fields"; the connection manager saves it.
    hide_empty_fields_changed = Signal(bool)
    # The agent toggled "Stay on top"; saved like "Hide empty fields".
    stay_on_top_changed = Signal(bool)
    clear_history_requested = Signal()
    # The window was closed but only hidden: Screenpop still runs in the tray.
    hidden_to_tray = Signal()

    def __init__(
        self,
        *,
        default_country: str = "US",
        connection_text: str = "",
        render_marker: bool | None = None,
        history: RecentLookupsModel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._history = history or RecentLookupsModel(parent=self)
        self._pop_behaviour: PopBehaviour = "front"
        self._close_to_tray = False
        self._quitting = False
        self._default_country = default_country
        if render_marker is None:
            render_marker = os.environ.get(RENDER_MARKER_ENV) == "1"
        self._render_marker = render_marker
        self._mode = LookupMode.PHONE
        self._retry_available = True
        self._last_request: PopRequest | None = None
        self._web_url_template = ""
        self._settings_action = self._build_settings_action()
        self._build_record_actions()

        self.setWindowTitle(self.tr("Screenpop"))
        self.setObjectName("main_window")
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(12, 12, 12, 6)
        column.setSpacing(8)
        column.addWidget(self._build_input_bar())
        column.addWidget(self._build_splitter(), 1)
        self.setCentralWidget(central)
        self._build_status_bar(connection_text)
        self._build_shortcuts()
        self._lead_view.copied.connect(self._on_copied)
        self._update_record_actions()
        self._set_mode(LookupMode.PHONE)
        self._set_tab_order()
        self.resize(self._fitting_size())
        self._input.setFocus()

    def sizeHint(self) -> QSize:
        return QSize(1140, 780)

    def _fitting_size(self) -> QSize:
        """The preferred size, but never larger than the screen (a laptop at
        200 % has fewer logical pixels than the window would like)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return self.sizeHint()
        available = screen.availableGeometry().size()
        room = QSize(int(available.width() * 0.95), int(available.height() * 0.95))
        return self.sizeHint().boundedTo(room)

    # --- building

    def _build_input_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("input_bar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)

        self._mode_phone = self._mode_button("mode_phone", self.tr("&Phone"))
        self._mode_lead = self._mode_button("mode_lead_id", self.tr("Lead &ID"))
        self._mode_phone.setToolTip(self.tr("Look up by phone number or tel: link"))
        self._mode_lead.setToolTip(self.tr("Look up by the dialer's lead ID"))
        self._mode_phone.setAccessibleName(self.tr("Look up by phone number"))
        self._mode_lead.setAccessibleName(self.tr("Look up by lead ID"))
        self._mode_group = QButtonGroup(self)
        self._mode_group.setExclusive(True)
        self._mode_group.addButton(self._mode_phone)
        self._mode_group.addButton(self._mode_lead)
        self._mode_phone.clicked.connect(lambda: self._set_mode(LookupMode.PHONE))
        self._mode_lead.clicked.connect(lambda: self._set_mode(LookupMode.LEAD_ID))

        self._input = QLineEdit()
        self._input.setObjectName("lookup_input")
        self._input.setClearButtonEnabled(True)
        self._input.setAccessibleName(self.tr("Number or lead ID to look up"))
        self._input.setMinimumWidth(260)
        font = QFont(self._input.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self._input.setFont(font)
        self._input.returnPressed.connect(self.submit)

        self._lookup_button = QPushButton(self.tr("Look up"))
        self._lookup_button.setObjectName("lookup_button")
        self._lookup_button.setDefault(True)
        self._lookup_button.setToolTip(self.tr("Look up (Enter)"))
        self._lookup_button.setAccessibleName(self.tr("Look up"))
        self._lookup_button.clicked.connect(self.submit)

        self._busy = QProgressBar()
        self._busy.setObjectName("busy_indicator")
        self._busy.setRange(0, 0)  # indeterminate
        self._busy.setTextVisible(False)
        self._busy.setFixedWidth(90)
        self._busy.setAccessibleName(self.tr("Looking up"))
        # Keep the bar's space when hidden so the input does not jump around.
        policy = self._busy.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self._busy.setSizePolicy(policy)
        self._busy.hide()
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._busy.show)

        self._settings_button = QToolButton()
        self._settings_button.setObjectName("settings_button")
        self._settings_button.setDefaultAction(self._settings_action)
        self._settings_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._settings_button.setAccessibleName(self.tr("Settings"))

        row.addWidget(self._mode_phone)
        row.addWidget(self._mode_lead)
        row.addSpacing(6)
        row.addWidget(self._input, 1)
        row.addWidget(self._lookup_button)
        row.addWidget(self._busy)
        row.addWidget(self._settings_button)
        return bar

    def _build_settings_action(self) -> QAction:
        action = QAction(self.tr("Settings…"), self)
        action.setObjectName("settings_action")
        keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)]
        if QKeySequence("Ctrl+,") not in keys:
            keys.append(QKeySequence("Ctrl+,"))
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(
            self.tr("Dialer server, user and password ({shortcut})").format(
                shortcut=keys[0].toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        action.triggered.connect(self.settings_requested)
        self.addAction(action)
        return action

    def _build_record_actions(self) -> None:
        """Copy all, Open in web, Hide empty fields, Refresh, Clear."""
        self._copy_all_action = QAction(self.tr("Copy all"), self)
        self._copy_all_action.setObjectName("copy_all_action")
        self._copy_all_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self._copy_all_action.triggered.connect(self.copy_all)

        self._open_web_action = QAction(self.tr("Open in web"), self)
        self._open_web_action.setObjectName("open_web_action")
        self._open_web_action.triggered.connect(self.open_in_web)

        self._hide_empty_action = QAction(self.tr("Hide empty fields"), self)
        self._hide_empty_action.setObjectName("hide_empty_action")
        self._hide_empty_action.setCheckable(True)
        self._hide_empty_action.toggled.connect(self._on_hide_empty_toggled)

        self._refresh_action = QAction(self.tr("Refresh"), self)
        self._refresh_action.setObjectName("refresh_action")
        keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Refresh)]
        if QKeySequence(Qt.Key.Key_F5) not in keys:
            keys.insert(0, QKeySequence(Qt.Key.Key_F5))
        self._refresh_action.setShortcuts(keys)
        self._refresh_action.triggered.connect(self.refresh)

        self._clear_action = QAction(self.tr("Clear"), self)
        self._clear_action.setObjectName("clear_action")
        self._clear_action.setShortcut(QKeySequence("Ctrl+Shift+Backspace"))
        self._clear_action.triggered.connect(self.clear_record)

        self._stay_on_top_action = QAction(self.tr("Stay on top"), self)
        self._stay_on_top_action.setObjectName("stay_on_top_action")
        self._stay_on_top_action.setCheckable(True)
        self._stay_on_top_action.toggled.connect(self._on_stay_on_top_toggled)

        self._history_action = QAction(self.tr("Recent lookups"), self)
        self._history_action.setObjectName("history_action")
        self._history_action.setCheckable(True)
        self._history_action.setChecked(True)
        self._history_action.setShortcut(QKeySequence("Ctrl+H"))
        self._history_action.toggled.connect(self._on_history_toggled)

        self._clipboard_action = QAction(self.tr("Look up the clipboard"), self)
        self._clipboard_action.setObjectName("clipboard_action")
        self._clipboard_action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self._clipboard_action.triggered.connect(self.look_up_clipboard)

        for action in (
            self._copy_all_action,
            self._open_web_action,
            self._hide_empty_action,
            self._refresh_action,
            self._clear_action,
            self._stay_on_top_action,
            self._history_action,
            self._clipboard_action,
        ):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            shortcut = action.shortcut()
            if not shortcut.isEmpty():
                action.setToolTip(
                    self.tr("{action} ({shortcut})").format(
                        action=action.text(),
                        shortcut=shortcut.toString(QKeySequence.SequenceFormat.NativeText),
                    )
                )
            self.addAction(action)
        self._open_web_action.setToolTip(self.tr("Open this record in the dialer's web page"))
        self._stay_on_top_action.setToolTip(self.tr("Keep this window above other windows"))

    def _mode_button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setCheckable(True)
        button.setAutoDefault(False)
        button.setStyleSheet(_MODE_STYLE)
        return button

    def _build_record_bar(self) -> QWidget:
        """The what-was-searched line and the record's tool buttons."""
        bar = QWidget()
        bar.setObjectName("record_bar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        # Shows raw input back to the agent: plain text, it may hold anything.
        self._searched = plain_label("searched_line")
        # One line, whatever arrived: a wrapping line would reflow the record
        # below it twice a lookup. A long link is clipped; its tooltip has it.
        self._searched.setWordWrap(False)
        self._searched.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._searched.hide()
        row.addWidget(self._searched, 1)
        row.addStretch(0)
        self._record_buttons: dict[str, QToolButton] = {}
        for name, action, accessible in (
            ("refresh_button", self._refresh_action, self.tr("Look up again")),
            ("copy_all_button", self._copy_all_action, self.tr("Copy all fields")),
            ("open_web_button", self._open_web_action, self.tr("Open in web")),
            ("hide_empty_button", self._hide_empty_action, self.tr("Hide empty fields")),
            ("stay_on_top_button", self._stay_on_top_action, self.tr("Stay on top")),
        ):
            button = QToolButton()
            button.setObjectName(name)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAutoRaise(True)
            button.setAccessibleName(accessible)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self._record_buttons[name] = button
        return bar

    def _build_banner(self) -> QFrame:
        self._banner = QFrame()
        self._banner.setObjectName("banner")
        self._banner.setAccessibleName(self.tr("Message"))
        row = QHBoxLayout(self._banner)
        row.setContentsMargins(10, 8, 8, 8)
        row.setSpacing(10)

        self._banner_icon = QLabel()
        self._banner_icon.setObjectName("banner_icon")
        self._banner_icon.setTextFormat(Qt.TextFormat.PlainText)
        self._banner_icon.setFixedSize(24, 24)
        self._banner_message = plain_label("banner_message")
        self._banner_retry = QPushButton(self.tr("&Retry"))
        self._banner_retry.setObjectName("banner_retry")
        self._banner_retry.setAutoDefault(False)
        self._banner_retry.clicked.connect(self._on_retry_clicked)
        self._banner_settings = QPushButton(self.tr("Settings…"))
        self._banner_settings.setObjectName("banner_settings")
        self._banner_settings.setAutoDefault(False)
        self._banner_settings.clicked.connect(self.settings_requested)
        self._banner_close = QToolButton()
        self._banner_close.setObjectName("banner_close")
        self._banner_close.setText("✕")
        self._banner_close.setAutoRaise(True)
        self._banner_close.setToolTip(self.tr("Dismiss (Esc)"))
        self._banner_close.setAccessibleName(self.tr("Dismiss message"))
        self._banner_close.clicked.connect(self.hide_banner)

        row.addWidget(self._banner_icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self._banner_message, 1)
        row.addWidget(self._banner_retry, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self._banner_settings, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self._banner_close, 0, Qt.AlignmentFlag.AlignTop)
        self._banner.hide()
        return self._banner

    def _build_splitter(self) -> QSplitter:
        """Recent lookups on the left, the record (with its bar and banner) on the right."""
        self._history_panel = HistoryPanel(self._history)
        self._history_panel.entry_chosen.connect(self.show_history_entry)
        self._history_panel.clear_requested.connect(self.clear_history_requested)
        record_side = QWidget()
        record_side.setObjectName("record_side")
        column = QVBoxLayout(record_side)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(self._build_record_bar())
        column.addWidget(self._build_banner())
        column.addWidget(self._build_body(), 1)
        self._splitter = QSplitter(Qt.Orientation.Horizontal)
        self._splitter.setObjectName("splitter")
        self._splitter.setChildrenCollapsible(True)
        self._splitter.addWidget(self._history_panel)
        self._splitter.addWidget(record_side)
        self._splitter.setStretchFactor(0, 0)
        self._splitter.setStretchFactor(1, 1)
        self._splitter.setSizes([320, 800])
        self._splitter.splitterMoved.connect(self._on_splitter_moved)
        return self._splitter

    def _build_body(self) -> QStackedWidget:
        self._stack = QStackedWidget()
        self._stack.setObjectName("body")
        self._empty_state = self._build_empty_state()
        self._lead_view = LeadView()
        self._scroll = QScrollArea()
        self._scroll.setObjectName("lead_scroll")
        self._scroll.setAccessibleName(self.tr("Caller's record"))
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidget(self._lead_view)
        self._stack.addWidget(self._empty_state)
        self._stack.addWidget(self._scroll)
        return self._stack

    def _build_empty_state(self) -> QWidget:
        page = QWidget()
        page.setObjectName("empty_state")
        column = QVBoxLayout(page)
        column.addStretch(1)
        title = QLabel(self.tr("Type a number and press Enter"))
        title.setObjectName("empty_state_title")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        title.setFont(font)
        hint = QLabel(
            self.tr(
                "A phone number in any format, a tel: link, or a lead ID.\n"
                "The caller's record from the dialer appears here. Ctrl+L jumps to the input."
            )
        )
        hint.setObjectName("empty_state_hint")
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        column.addWidget(title)
        column.addWidget(hint)
        column.addStretch(2)
        return page

    def _build_status_bar(self, connection_text: str) -> None:
        self._connection = QLabel()
        self._connection.setObjectName("connection_label")
        self._connection.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self._connection)
        self.set_connection_text(connection_text)

    def _build_shortcuts(self) -> None:
        focus = QShortcut(QKeySequence("Ctrl+L"), self)
        focus.activated.connect(self.focus_input)
        dismiss = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        dismiss.activated.connect(self.hide_banner)

    def _set_tab_order(self) -> None:
        """As the eye reads it: the input bar, the recent lookups on the left,
        then the record's bar, the banner and the record with its copy buttons."""
        chain: list[QWidget] = [
            self._mode_phone,
            self._mode_lead,
            self._input,
            self._lookup_button,
            self._settings_button,
            self._history_panel.clear_button,
            self._history_panel.view,
            *self._record_buttons.values(),
            self._banner_retry,
            self._banner_settings,
            self._banner_close,
            self._scroll,
            *self._lead_view.focus_chain(),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- input

    @property
    def lead_view(self) -> LeadView:
        return self._lead_view

    @property
    def input(self) -> QLineEdit:
        return self._input

    @property
    def settings_action(self) -> QAction:
        return self._settings_action

    def set_default_country(self, country: str) -> None:
        """The country assumed for numbers typed without a country code."""
        self._default_country = country

    @property
    def mode(self) -> LookupMode:
        return self._mode

    def _set_mode(self, mode: LookupMode) -> None:
        """Switch between phone and lead-ID lookups; the typed text stays."""
        self._mode = mode
        self._mode_phone.setChecked(mode is LookupMode.PHONE)
        self._mode_lead.setChecked(mode is LookupMode.LEAD_ID)
        if mode is LookupMode.PHONE:
            self._input.setPlaceholderText(self.tr("Phone number, tel: link or lead ID"))
        else:
            self._input.setPlaceholderText(self.tr("Lead ID, e.g. 14246"))
        self._input.setFocus()

    def focus_input(self) -> None:
        self._input.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._input.selectAll()

    def pop(self, text: str, *, activation_token: str = "", startup_id: str = "") -> None:
        """A number or link arrived from outside (a later launch, the OS):
        show the window as the pop behaviour says, show the number at once,
        look it up. The same window is updated in place, pop after pop."""
        if self._pop_behaviour == "front":
            self.present(activation_token=activation_token, startup_id=startup_id)
        elif self._pop_behaviour == "no_focus":
            self.present(activation_token=activation_token, startup_id=startup_id, focus=False)
        # "notify": the window stays where it is; the tray says what was found.
        if text.strip():
            self.look_up(text)

    @property
    def pop_behaviour(self) -> PopBehaviour:
        return self._pop_behaviour

    def set_pop_behaviour(self, behaviour: PopBehaviour) -> None:
        self._pop_behaviour = behaviour

    def present(
        self, *, activation_token: str = "", startup_id: str = "", focus: bool = True
    ) -> None:
        """Restore if minimized and raise; activate too unless ``focus`` is False
        (the agent may be typing in the softphone: the keys must stay there).

        Focus-stealing prevention lets a window come forward only with the
        launcher's token: Qt's Wayland plugin takes XDG_ACTIVATION_TOKEN from
        the environment when it activates a window, X11 window managers take
        DESKTOP_STARTUP_ID."""
        if focus and _usable_token(activation_token):
            os.environ["XDG_ACTIVATION_TOKEN"] = activation_token
        if focus and _usable_token(startup_id):
            os.environ["DESKTOP_STARTUP_ID"] = startup_id
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not focus)
        if self.isMinimized():
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        if focus:
            self.activateWindow()

    def is_out_of_sight(self) -> bool:
        """Hidden (to the tray) or minimized: a pop's result would go unseen."""
        return not self.isVisible() or self.isMinimized()

    def look_up(self, text: str) -> None:
        """Put ``text`` (a number or a link from outside) in the input and look it up.

        Such a lookup is automatic, not explicit: while the dialer refuses the
        login or the account is locked, it is shown but not sent.

        Text far too long to be a number never reaches the input: a link can
        carry megabytes, and the agent's typing should not be lost to it."""
        if len(text) > MAX_INPUT_LENGTH:
            self._show_banner(
                "error",
                self.tr(
                    "A link arrived that is far too long to be a phone number; "
                    "it was not looked up."
                ),
                retry=False,
            )
            return
        self._set_mode(LookupMode.PHONE)
        self._input.setText(text)
        self._submit(explicit=False)

    def submit(self) -> None:
        """The agent asked (Enter, the Look up button): parse and emit a request."""
        self._submit(explicit=True)

    def look_up_clipboard(self) -> None:
        """Look up the number (or link) on the clipboard, as if typed and Entered."""
        text = QGuiApplication.clipboard().text().strip()
        if not text:
            self._show_banner(
                "error", self.tr("The clipboard holds no number to look up."), retry=False
            )
            return
        if len(text) > MAX_INPUT_LENGTH:
            self._show_banner(
                "error",
                self.tr("The clipboard holds far too much text to be a phone number."),
                retry=False,
            )
            return
        self._set_mode(LookupMode.PHONE)
        self._input.setText(text)
        self.submit()

    def _submit(self, *, explicit: bool) -> None:
        """Parse the input; emit a request, or show why it cannot be looked up."""
        try:
            request = self._parse(self._input.text())
        except InputError as exc:
            # Nothing is sent: the agent fixes the text, which stays as typed.
            self._show_banner("error", tr_text(exc.text), retry=False)
            return
        self._remember(request)
        self.lookup_requested.emit(request, explicit)

    def _parse(self, text: str) -> PopRequest:
        if self._mode is LookupMode.LEAD_ID or _LEAD_HINT.match(text):
            return parse_lead_id(text)
        return parse_input(text, default_country=self._default_country)

    # --- slots fed by the controller

    def on_started(self, request: PopRequest) -> None:
        self._remember(request)
        self.hide_banner()
        self._busy_soon()
        self._show_searched(
            self.tr("{arrived} → searching {searched}…").format(
                arrived=self._arrived(request), searched=tr_text(request.searched_text)
            )
        )

    def on_queued(self, request: PopRequest) -> None:
        """The lookup waits for its turn (the sign-in is still being settled)."""
        self.hide_banner()
        self._busy_soon()
        self._show_searched(
            self.tr("{arrived} → waiting to search {searched}…").format(
                arrived=self._arrived(request), searched=tr_text(request.searched_text)
            )
        )

    def on_held_back(self, request: PopRequest, message: str) -> None:
        """Nothing was sent (the dialer refuses the login or the account is
        locked): show what arrived and why, and the way to Settings."""
        self._not_busy()
        self._show_searched(
            self.tr("{arrived} → not searched").format(arrived=self._arrived(request))
        )
        self._show_banner("error", self._with_earlier_record(message), retry=False, settings=True)

    def on_succeeded(self, request: PopRequest, info: CustomerInfo) -> None:
        self.hide_banner()
        self._show_record(info)
        self._show_searched(self._searched_text(request))
        # Ready for the next call: typing replaces the old number.
        if self._input.hasFocus():
            self._input.selectAll()
        if self._render_marker:
            print(f"screenpop-rendered {time.monotonic_ns()} {info.lead.lead_id}", flush=True)

    def _show_record(self, info: CustomerInfo) -> None:
        # Filled with its updates held and its layout settled at once, the
        # record is painted once, in its final geometry. Left to the event
        # loop, the repaint queued by the first changed label ran before the
        # layout, and the view was painted three times per pop as it settled
        # (lead view, scroll area, window: each round of layout requests
        # posts the next one).
        view = self._lead_view
        view.setUpdatesEnabled(False)
        try:
            view.show_record(info)
            self._stack.setCurrentWidget(self._scroll)
            self._update_record_actions()
            self._scroll.verticalScrollBar().setValue(0)
            for _ in range(_LAYOUT_ROUNDS):
                QCoreApplication.sendPostedEvents(None, QEvent.Type.PolishRequest)
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        finally:
            view.setUpdatesEnabled(True)

    def show_history_entry(self, entry: HistoryEntry) -> None:
        """A recent lookup was chosen: show its record again as it was fetched,
        stamped with the time, without asking the dialer (Refresh asks).
        One without a record (not found, failed, or saved from an earlier
        session, which keeps no record) is looked up again."""
        request = entry.to_request()
        self._remember(request)
        self.hide_banner()
        if entry.record is None:
            self._set_mode(LookupMode.LEAD_ID if request.lead_id else LookupMode.PHONE)
            self._input.setText(request.lead_id or request.display or request.raw)
            self.lookup_requested.emit(request, True)
            return
        self._show_record(entry.record)
        self._show_searched(
            self.tr("{searched} · as of {time}, from recent lookups (F5 looks it up again)").format(
                searched=self._searched_text(request), time=clock_text(entry.time)
            )
        )

    def on_failed(self, request: PopRequest, message: str, retryable: bool = True) -> None:
        # The input and the last good record stay as they are; say whose record
        # it is, so it is not taken for the caller's.
        self._show_searched(self._searched_text(request))
        # A failure Retry cannot fix (refused login, bad setting) is fixed in Settings.
        self._show_banner(
            "error",
            self._with_earlier_record(message),
            retry=retryable and self._retry_available,
            settings=not retryable,
        )

    def _with_earlier_record(self, message: str) -> str:
        shown = self._lead_view.record
        if shown is not None and self.showing_record():
            message += " " + self.tr(
                "The record below is from an earlier lookup (lead {lead})."
            ).format(lead=shown.lead.lead_id)
        return message

    def on_finished(self) -> None:
        self._not_busy()

    def _busy_soon(self) -> None:
        if not self._busy.isVisible() and not self._busy_timer.isActive():
            self._busy_timer.start()

    def _not_busy(self) -> None:
        self._busy_timer.stop()
        self._busy.hide()

    def _searched_text(self, request: PopRequest) -> str:
        return self.tr("{arrived} → searched {searched}").format(
            arrived=self._arrived(request), searched=tr_text(request.searched_text)
        )

    def _arrived(self, request: PopRequest) -> str:
        """What came in, as the agent should read it."""
        arrived = tr_text(request.display_text) or request.raw.strip()
        if request.extension:
            return self.tr("{number} ext. {extension}").format(
                number=arrived, extension=request.extension
            )
        return arrived

    def _show_searched(self, text: str) -> None:
        self._searched.setText(text)
        self._searched.setToolTip(plain_tooltip(text))
        self._searched.show()

    # --- record actions

    @property
    def copy_all_action(self) -> QAction:
        return self._copy_all_action

    @property
    def open_web_action(self) -> QAction:
        return self._open_web_action

    @property
    def hide_empty_action(self) -> QAction:
        return self._hide_empty_action

    @property
    def refresh_action(self) -> QAction:
        return self._refresh_action

    @property
    def clear_action(self) -> QAction:
        return self._clear_action

    def apply_display_settings(self, settings: ConnectionSettings) -> None:
        """Take the display settings (hide empty fields, web link template,
        stay on top). What a pop does depends on the tray too: see
        :meth:`screenpop.ui.app.GuiSession.apply_desk_settings`."""
        self.set_hide_empty_fields(settings.hide_empty_fields)
        self.set_web_url_template(settings.web_url_template)
        self.set_stay_on_top(settings.stay_on_top)

    def set_hide_empty_fields(self, hide: bool) -> None:
        """Set the toggle without emitting ``hide_empty_fields_changed``."""
        blocked = self._hide_empty_action.blockSignals(True)
        self._hide_empty_action.setChecked(hide)
        self._hide_empty_action.blockSignals(blocked)
        self._lead_view.set_hide_empty(hide)

    def set_web_url_template(self, template: str) -> None:
        """The "Open in web" address template ("" hides the action)."""
        self._web_url_template = template.strip()
        self._update_record_actions()

    def _on_hide_empty_toggled(self, hide: bool) -> None:
        self._lead_view.set_hide_empty(hide)
        self.hide_empty_fields_changed.emit(hide)

    # --- window behaviour (stay on top, tray, the history panel, geometry)

    @property
    def stay_on_top_action(self) -> QAction:
        return self._stay_on_top_action

    @property
    def history_action(self) -> QAction:
        return self._history_action

    @property
    def clipboard_action(self) -> QAction:
        return self._clipboard_action

    @property
    def history_panel(self) -> HistoryPanel:
        return self._history_panel

    def set_stay_on_top(self, on: bool) -> None:
        """Set the toggle without emitting ``stay_on_top_changed``."""
        blocked = self._stay_on_top_action.blockSignals(True)
        self._stay_on_top_action.setChecked(on)
        self._stay_on_top_action.blockSignals(blocked)
        self._apply_stay_on_top(on)

    def is_on_top(self) -> bool:
        return bool(self.windowFlags() & Qt.WindowType.WindowStaysOnTopHint)

    def _on_stay_on_top_toggled(self, on: bool) -> None:
        self._apply_stay_on_top(on)
        self.stay_on_top_changed.emit(on)

    def _apply_stay_on_top(self, on: bool) -> None:
        if self.is_on_top() == on:
            return
        visible = self.isVisible()
        # Changing the flags re-creates the native window, hidden.
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, on)
        if visible:
            self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, False)
            self.show()

    def _on_history_toggled(self, shown: bool) -> None:
        self._history_panel.setVisible(shown)
        if shown and self._splitter.sizes()[0] == 0:
            self._splitter.setSizes([300, max(1, self._splitter.width() - 300)])

    def _on_splitter_moved(self, _position: int, _index: int) -> None:
        # Dragged shut (or open again): the toggle follows.
        shown = self._splitter.sizes()[0] > 0
        if shown != self._history_action.isChecked():
            blocked = self._history_action.blockSignals(True)
            self._history_action.setChecked(shown)
            self._history_action.blockSignals(blocked)

    def set_close_to_tray(self, enabled: bool) -> None:
        """Closing the window hides it (Screenpop keeps running in the tray)."""
        self._close_to_tray = enabled

    def quit(self) -> None:
        """Close for real, whatever :meth:`set_close_to_tray` says."""
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._close_to_tray and not self._quitting:
            event.ignore()
            self.hide()
            self.hidden_to_tray.emit()
            return
        super().closeEvent(event)

    def window_state(self) -> tuple[QByteArray, QByteArray]:
        """Geometry and splitter state, to remember for this screen setup."""
        return self.saveGeometry(), self._splitter.saveState()

    def restore_window_state(self, geometry: QByteArray, splitter: QByteArray) -> None:
        """Back to a remembered geometry and splitter (bad data is ignored)."""
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if not splitter.isEmpty() and self._splitter.restoreState(splitter):
            self._on_splitter_moved(0, 0)
            self._history_panel.setVisible(self._history_action.isChecked())

    def _update_record_actions(self) -> None:
        shown = self.showing_record() and self._lead_view.record is not None
        self._copy_all_action.setEnabled(shown)
        self._open_web_action.setEnabled(shown and bool(self._web_url_template))
        self._record_buttons["open_web_button"].setVisible(bool(self._web_url_template))
        self._clear_action.setEnabled(True)
        self._refresh_action.setEnabled(self._last_request is not None)

    def _remember(self, request: PopRequest) -> None:
        """What Refresh (F5) and Retry look up again."""
        self._last_request = request
        self._refresh_action.setEnabled(True)

    def web_url(self) -> str:
        """The address "Open in web" opens for the record shown, or ""."""
        record = self._lead_view.record
        if record is None or not self._web_url_template or not self.showing_record():
            return ""
        return build_web_url(self._web_url_template, record.lead.as_api_dict())

    def open_in_web(self) -> None:
        url = self.web_url()
        if not url:
            return
        if not QDesktopServices.openUrl(QUrl(url)):
            self.show_status_message(self.tr("The web page could not be opened."))

    def copy_all(self) -> None:
        """All of the record's fields, as text, on the clipboard."""
        if self.showing_record():
            self._lead_view.copy_all()

    def _on_copied(self, _label: str) -> None:
        self.statusBar().showMessage(self.tr("Copied"), COPIED_MESSAGE_MS)

    def refresh(self) -> None:
        """Look the last request up again, asked for by the agent (F5)."""
        if self._last_request is None:
            return
        self.hide_banner()
        self.lookup_requested.emit(self._last_request, True)

    def clear_record(self) -> None:
        """Back to the empty window: no record, no searched line, an empty input."""
        self.hide_banner()
        self._lead_view.clear()
        self._stack.setCurrentWidget(self._empty_state)
        self._searched.clear()
        self._searched.hide()
        self._input.clear()
        self._update_record_actions()
        self.focus_input()

    # --- banner

    def show_notice(self, text: str, *, settings: bool = False) -> None:
        """An informational banner (e.g. no dialer configured); no Retry."""
        self._show_banner("notice", text, retry=False, settings=settings)

    def show_error(self, text: str, *, retry: bool = False, settings: bool = False) -> None:
        self._show_banner("error", text, retry=retry, settings=settings)

    def hide_banner(self) -> None:
        self._banner.hide()

    def banner_text(self) -> str:
        """The banner's message, or "" when no banner is shown."""
        return self._banner_message.text() if self._banner.isVisibleTo(self) else ""

    def banner_kind(self) -> str:
        return str(self._banner.property("kind") or "")

    def _show_banner(self, kind: str, text: str, *, retry: bool, settings: bool = False) -> None:
        self._banner.setProperty("kind", kind)
        self._banner.setStyleSheet(_BANNER_STYLES[kind])
        pixmap = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if kind == "error"
            else QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        self._banner_icon.setPixmap(self.style().standardIcon(pixmap).pixmap(24, 24))
        self._banner_message.setText(text)
        self._banner_retry.setVisible(retry)
        self._banner_settings.setVisible(settings)
        self._banner.show()

    def set_retry_available(self, available: bool) -> None:
        """Offer Retry on failures; off when no lookup can work (no dialer configured)."""
        self._retry_available = available

    def _on_retry_clicked(self) -> None:
        self.hide_banner()
        self.retry_requested.emit()

    # --- status bar

    def set_connection_text(self, text: str) -> None:
        self._connection.setText(text)

    def show_status_message(self, text: str) -> None:
        """A passing message on the left of the status bar; "" clears it."""
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def status_message(self) -> str:
        return self.statusBar().currentMessage()

    def connection_text(self) -> str:
        return self._connection.text()

    def is_busy_shown(self) -> bool:
        return self._busy.isVisibleTo(self)

    def showing_record(self) -> bool:
        return self._stack.currentWidget() is self._scroll


def _usable_token(token: str) -> bool:
    """A launcher's activation token or startup ID worth handing to Qt."""
    return 0 < len(token) <= _MAX_TOKEN_LENGTH and token.isascii() and token.isprintable()
