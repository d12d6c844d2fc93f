"""The Settings dialog: server, user, password, request options, default
country on the *Dialer* tab; what pops do, the tray, stay on top, light or
dark, the language and the recent lookups on the *Window* tab.

It only shows, checks and reports: ``saved`` carries the new
:class:`ConnectionSettings` and the password typed (``None`` keeps the saved
one), ``forget_password_requested`` asks for the saved password to be
removed. Storing either is :mod:`screenpop.ui.app`'s job, so the keyring is
never touched from here.

The optional CA bundle (a PEM file for company networks whose proxy re-signs
TLS) is checked as it is typed or chosen with *Browse…*, a file dialog opened
with ``open()`` like this one.

The one thing the dialog does by itself is *Test connection*: a harmless
``check_login()`` on a temporary client built from the values on screen, run
as an asyncio task (cancelled, and its client closed, when the dialog closes).
Open the dialog with ``open()``: ``exec()`` would start a nested event loop
inside a coroutine.
"""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import phonenumbers
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from screenpop.core.config import (
    APPEARANCES,
    LANGUAGES,
    MAX_TIMEOUT,
    METHODS,
    MIN_TIMEOUT,
    POP_BEHAVIOURS,
    RESPONSE_TYPES,
    ConnectionSettings,
    check_ca_bundle,
)
from screenpop.core.errors import ConfigError, ScreenpopError
from screenpop.core.goapi import Timeouts
from screenpop.core.weblink import check_web_url_template
from screenpop.ui.i18n import tr_text
from screenpop.ui.lead_view import country_name, plain_label

log = logging.getLogger(__name__)

# Text colours that read on the default light and dark palettes alike.
_ERROR_STYLE = "color: #c62828;"
_OK_STYLE = "color: #2e7d32;"
_WARNING_STYLE = (
    "QLabel { background-color: #fff4e5; color: #663c00; border: 1px solid #f0c27b;"
    " border-radius: 4px; padding: 6px; }"
)
_REASON_STYLE = (
    "QLabel { background-color: #e8f1fb; color: #123a66; border: 1px solid #a9c8ec;"
    " border-radius: 4px; padding: 6px; }"
)


# Each language is named in itself (never translated), so an agent finds
# their own whatever language the window is in now.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


class _Rows(QGridLayout):
    """Label/field rows on a grid. Unlike QFormLayout, a grid gives wrapped
    text (the GET warning, a long server error) exactly the height it needs."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setColumnStretch(1, 1)
        self._rows = 0

    def addRow(self, label: QWidget | str, field: QWidget | QLayout) -> None:
        if isinstance(label, QWidget):
            self.addWidget(label, self._rows, 0)
        if isinstance(field, QLayout):
            self.addLayout(field, self._rows, 1)
        else:
            self.addWidget(field, self._rows, 1)
        self._rows += 1


class LoginChecker(Protocol):
    """What Test connection needs from a client: :class:`GoApiClient` fits."""

    async def check_login(self) -> None: ...

    async def aclose(self) -> None: ...


ClientFactory = Callable[[ConnectionSettings, str], LoginChecker]


def _default_client_factory(settings: ConnectionSettings, password: str) -> LoginChecker:
    return settings.make_client(password)


class SettingsDialog(QDialog):
    """Edit the connection settings; emits ``saved(settings, password_or_None)``."""

    saved = Signal(object, object)  # ConnectionSettings, str | None
    forget_password_requested = Signal()

    def __init__(
        self,
        settings: ConnectionSettings | None = None,
        *,
        password_hint: str = "",
        saved_password: str | None = None,
        can_forget: bool | None = None,
        client_factory: ClientFactory = _default_client_factory,
        parent: QWidget | None = None,
    ) -> None:
        """``password_hint`` is the placeholder shown while a password is
        known (e.g. "Saved in the system keyring"); "" means none is known.
        ``saved_password`` is that password, used only by Test connection
        when the field is left empty."""
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Screenpop Settings"))
        self.setModal(True)
        self._client_factory = client_factory
        self._saved_password = saved_password
        self._password_hint = password_hint if saved_password or password_hint else ""
        self._can_forget = bool(self._password_hint) if can_forget is None else can_forget
        self._test_task: asyncio.Task[None] | None = None
        self._fit_pending = False
        self._fitted_height = 0
        # Strong references: a cancelled test must live until its client is closed.
        self._tasks: set[asyncio.Task[None]] = set()
        self._ca_file_dialog: QFileDialog | None = None
        # (path, size, mtime) -> problem: the bundle is read once per change, not per keystroke.
        self._ca_checked: tuple[tuple[str, int, int], str] | None = None
        initial = settings or ConnectionSettings()
        # Fields the dialog does not show (reuse_seconds) are kept as they were.
        self._initial = initial

        column = QVBoxLayout(self)
        column.setSpacing(10)
        column.addWidget(self._build_reason())
        column.addWidget(self._build_tabs())
        column.addWidget(self._build_problem_line())
        column.addWidget(self._build_buttons())

        self._fill(initial)
        self._set_tab_order()
        self.resize(580, self.sizeHint().height())
        self._fitted_height = self.height()
        self._refresh()

    # --- building

    def _build_tabs(self) -> QTabWidget:
        self._tabs = QTabWidget()
        self._tabs.setObjectName("settings_tabs")
        dialer = QWidget()
        dialer.setObjectName("dialer_tab")
        page = QVBoxLayout(dialer)
        page.setSpacing(10)
        page.addWidget(self._build_dialer_group())
        page.addWidget(self._build_request_group())
        page.addWidget(self._build_country_group())
        page.addWidget(self._build_web_group())
        page.addWidget(self._build_test_row())
        page.addStretch(1)
        desk = QWidget()
        desk.setObjectName("window_tab")
        page = QVBoxLayout(desk)
        page.setSpacing(10)
        page.addWidget(self._build_pop_group())
        page.addWidget(self._build_look_group())
        page.addWidget(self._build_history_group())
        page.addStretch(1)
        self._tabs.addTab(dialer, self.tr("&Dialer"))
        self._tabs.addTab(desk, self.tr("Win&dow"))
        return self._tabs

    def _build_pop_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Calls"))
        group.setObjectName("pop_group")
        form = _Rows(group)
        self._pop_behaviour = QComboBox()
        self._pop_behaviour.setObjectName("pop_behaviour_combo")
        self._pop_behaviour.setAccessibleName(self.tr("When a call pops up"))
        texts = {
            "front": self.tr("Bring Screenpop to the front"),
            "no_focus": self.tr("Show Screenpop, but keep the keyboard where it is"),
            "notify": self.tr("Stay in the tray and show a notification"),
        }
        for value in POP_BEHAVIOURS:
            self._pop_behaviour.addItem(texts[value], value)
        self._stay_on_top = QCheckBox(self.tr("&Keep the window above other windows"))
        self._stay_on_top.setObjectName("stay_on_top_check")
        self._close_to_tray = QCheckBox(
            self.tr("Closing the window keeps Screenpop running in the &tray")
        )
        self._close_to_tray.setObjectName("close_to_tray_check")
        self._close_to_tray.setToolTip(
            self.tr(
                "Calls still pop up while the window is hidden. Quit from the tray "
                "icon's menu. Where the desktop shows no tray icons, closing quits."
            )
        )
        form.addRow(
            self._label(self.tr("When a call &pops up:"), self._pop_behaviour),
            self._pop_behaviour,
        )
        form.addRow("", self._stay_on_top)
        form.addRow("", self._close_to_tray)
        return group

    def _build_look_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Look"))
        group.setObjectName("look_group")
        form = _Rows(group)
        self._appearance = QComboBox()
        self._appearance.setObjectName("appearance_combo")
        self._appearance.setAccessibleName(self.tr("Appearance"))
        appearances = {
            "system": self.tr("Follow the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        for value in APPEARANCES:
            self._appearance.addItem(appearances[value], value)
        self._language = QComboBox()
        self._language.setObjectName("language_combo")
        self._language.setAccessibleName(self.tr("Language"))
        languages = {"system": self.tr("The system's language"), **LANGUAGE_NAMES}
        for value in LANGUAGES:
            self._language.addItem(languages[value], value)
        self._language_note = plain_label("language_note", selectable=False)
        self._language_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._language_note.setText(self.tr("A new language shows when Screenpop starts again."))
        form.addRow(self._label(self.tr("&Appearance:"), self._appearance), self._appearance)
        form.addRow(self._label(self.tr("&Language:"), self._language), self._language)
        form.addRow("", self._language_note)
        return group

    def _build_history_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Recent lookups"))
        group.setObjectName("history_group")
        form = _Rows(group)
        self._keep_history = QCheckBox(self.tr("&Save the recent lookups on this computer"))
        self._keep_history.setObjectName("keep_history_check")
        note = plain_label("keep_history_note", selectable=False)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        note.setText(
            self.tr(
                "Only the time, the number or lead ID, the name, the customer flag and "
                "the outcome are saved, never the record. Unticked, they are kept until "
                "Screenpop closes, and a saved list is deleted."
            )
        )
        form.addRow("", self._keep_history)
        form.addRow("", note)
        return group

    def _build_reason(self) -> QLabel:
        self._reason = plain_label("reason_label", selectable=False)
        self._reason.setStyleSheet(_REASON_STYLE)
        self._reason.hide()
        return self._reason

    def _build_dialer_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Dialer"))
        group.setObjectName("dialer_group")
        form = _Rows(group)

        self._server = QLineEdit()
        self._server.setObjectName("server_input")
        self._server.setPlaceholderText(self.tr("DOMAIN, e.g. acme, or https://dialer.example.com"))
        self._server.setAccessibleName(self.tr("Server"))
        self._server.setAccessibleDescription(
            self.tr("Your croco-dial DOMAIN or the full address of your GOautodial server")
        )
        self._server.textChanged.connect(self._on_connection_edited)
        self._endpoint = plain_label("endpoint_preview")
        self._endpoint.setAccessibleName(self.tr("Address Screenpop will use"))
        small = self._endpoint.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self._endpoint.setFont(small)

        self._user = QLineEdit()
        self._user.setObjectName("user_input")
        self._user.setAccessibleName(self.tr("User"))
        self._user.textChanged.connect(self._on_connection_edited)

        self._password = QLineEdit()
        self._password.setObjectName("password_input")
        self._password.setEchoMode(QLineEdit.EchoMode.Password)
        self._password.setAccessibleName(self.tr("Password"))
        self._password.textChanged.connect(self._on_connection_edited)
        self._forget = QPushButton(self.tr("&Forget password"))
        self._forget.setObjectName("forget_button")
        self._forget.setAutoDefault(False)
        self._forget.setToolTip(self.tr("Remove the saved password from this computer"))
        self._forget.clicked.connect(self._on_forget_clicked)
        password_row = QHBoxLayout()
        password_row.setContentsMargins(0, 0, 0, 0)
        password_row.addWidget(self._password, 1)
        password_row.addWidget(self._forget)

        form.addRow(self._label(self.tr("Ser&ver:"), self._server), self._server)
        form.addRow("", self._endpoint)
        form.addRow(self._label(self.tr("&User:"), self._user), self._user)
        form.addRow(self._label(self.tr("&Password:"), self._password), password_row)
        return group

    def _build_request_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Requests"))
        group.setObjectName("request_group")
        form = _Rows(group)

        self._response_type = QComboBox()
        self._response_type.setObjectName("response_type_combo")
        self._response_type.setAccessibleName(self.tr("Reply format"))
        labels = {"json": self.tr("JSON"), "xml": self.tr("XML")}
        for value in RESPONSE_TYPES:
            self._response_type.addItem(labels.get(value, value.upper()), value)
        self._response_type.currentIndexChanged.connect(self._on_connection_edited)

        self._method = QComboBox()
        self._method.setObjectName("method_combo")
        self._method.setAccessibleName(self.tr("Request method"))
        methods = {"post": self.tr("POST (recommended)"), "get": self.tr("GET")}
        for value in METHODS:
            self._method.addItem(methods.get(value, value.upper()), value)
        self._method.currentIndexChanged.connect(self._on_connection_edited)
        self._get_warning = QLabel(
            self.tr(
                "With GET the password becomes part of the web address, so it ends up "
                "in the dialer's access logs, in proxy logs and in any history of "
                "visited addresses. Use POST unless your dialer refuses it."
            )
        )
        self._get_warning.setObjectName("get_warning")
        self._get_warning.setTextFormat(Qt.TextFormat.PlainText)
        self._get_warning.setWordWrap(True)
        self._get_warning.setStyleSheet(_WARNING_STYLE)
        self._get_warning.setAccessibleName(self.tr("Warning about GET"))

        self._timeouts: dict[str, QDoubleSpinBox] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        names = {
            "connect": (self.tr("Connect"), self.tr("Connect timeout in seconds")),
            "read": (self.tr("Read"), self.tr("Read timeout in seconds")),
            "total": (self.tr("Total"), self.tr("Total time limit in seconds")),
        }
        for name, (text, accessible) in names.items():
            spin = QDoubleSpinBox()
            spin.setObjectName(f"timeout_{name}")
            spin.setRange(MIN_TIMEOUT, MAX_TIMEOUT)
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setSuffix(self.tr(" s"))
            spin.setAccessibleName(accessible)
            spin.valueChanged.connect(self._on_connection_edited)
            self._timeouts[name] = spin
            row.addWidget(self._label(text, spin))
            row.addWidget(spin)
        row.addStretch(1)

        form.addRow(
            self._label(self.tr("&Reply format:"), self._response_type), self._response_type
        )
        form.addRow(self._label(self.tr("Request &method:"), self._method), self._method)
        form.addRow("", self._get_warning)
        form.addRow(QLabel(self.tr("Timeouts:")), row)
        form.addRow(self._label(self.tr("CA &bundle:"), self._build_ca_bundle()), self._ca_row)
        return group

    def _build_ca_bundle(self) -> QLineEdit:
        self._ca_bundle = QLineEdit()
        self._ca_bundle.setObjectName("ca_bundle_input")
        self._ca_bundle.setPlaceholderText(self.tr("Optional: a PEM file, for company networks"))
        self._ca_bundle.setAccessibleName(self.tr("CA bundle file"))
        self._ca_bundle.setToolTip(
            self.tr(
                "Certificates of extra authorities to trust, on top of this computer's "
                "own, for a company network whose proxy re-signs secure connections. "
                "Leave empty unless your IT department gives you such a file."
            )
        )
        self._ca_bundle.textChanged.connect(self._on_connection_edited)
        self._ca_browse = QPushButton(self.tr("Br&owse…"))
        self._ca_browse.setObjectName("ca_bundle_browse")
        self._ca_browse.setAutoDefault(False)
        self._ca_browse.setToolTip(self.tr("Choose the CA bundle file"))
        self._ca_browse.clicked.connect(self.browse_ca_bundle)
        self._ca_row = QHBoxLayout()
        self._ca_row.setContentsMargins(0, 0, 0, 0)
        self._ca_row.addWidget(self._ca_bundle, 1)
        self._ca_row.addWidget(self._ca_browse)
        return self._ca_bundle

    def _build_country_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Phone numbers"))
        group.setObjectName("country_group")
        form = _Rows(group)
        self._country = QLineEdit()
        self._country.setObjectName("country_input")
        self._country.setMaxLength(2)
        self._country.setFixedWidth(self._country.fontMetrics().horizontalAdvance("WWW") + 16)
        self._country.setAccessibleName(self.tr("Default country code"))
        self._country.setToolTip(
            self.tr("Two-letter code of the country assumed for numbers without a country code")
        )
        self._country.textEdited.connect(self._on_country_edited)
        self._country_name = plain_label("country_name", selectable=False)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._country)
        row.addWidget(self._country_name, 1)
        form.addRow(self._label(self.tr("Default &country:"), self._country), row)
        return group

    def _build_web_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Open in web"))
        group.setObjectName("web_group")
        form = _Rows(group)
        self._web_template = QLineEdit()
        self._web_template.setObjectName("web_url_template_input")
        self._web_template.setPlaceholderText(
            self.tr("Optional, e.g. https://acme.croco-dial.net/app/leads/{lead_id}")
        )
        self._web_template.setAccessibleName(self.tr("Web link template"))
        self._web_template.setToolTip(
            self.tr(
                'The address the "Open in web" button opens for the record shown. '
                "Fields in braces, such as {lead_id} or {phone_number}, are replaced "
                "by the record's values. Leave empty to hide the button."
            )
        )
        # Not a connection setting: editing it keeps a test result.
        self._web_template.textChanged.connect(lambda _text: self._refresh())
        form.addRow(self._label(self.tr("&Web link:"), self._web_template), self._web_template)
        return group

    def _build_test_row(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self._test = QPushButton(self.tr("&Test connection"))
        self._test.setObjectName("test_button")
        self._test.setAutoDefault(False)
        self._test.setToolTip(
            self.tr("Log in once with these settings, without looking anything up")
        )
        self._test.clicked.connect(self.start_test)
        self._test_busy = QProgressBar()
        self._test_busy.setObjectName("test_busy")
        self._test_busy.setRange(0, 0)
        self._test_busy.setTextVisible(False)
        self._test_busy.setFixedWidth(70)
        self._test_busy.setAccessibleName(self.tr("Testing"))
        self._test_busy.hide()
        self._test_status = plain_label("test_status")
        self._test_status.setAccessibleName(self.tr("Test result"))
        row.addWidget(self._test, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self._test_busy, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self._test_status, 1)
        return box

    def _build_problem_line(self) -> QLabel:
        # Why Save is disabled, when it is.
        self._problem = plain_label("problem_line", selectable=False)
        self._problem.setStyleSheet(_ERROR_STYLE)
        return self._problem

    def _build_buttons(self) -> QDialogButtonBox:
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.setObjectName("buttons")
        self._save = self._buttons.button(QDialogButtonBox.StandardButton.Save)
        self._save.setObjectName("save_button")
        self._save.setText(self.tr("&Save"))
        self._save.setDefault(True)
        self._cancel = self._buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self._cancel.setObjectName("cancel_button")
        self._cancel.setText(self.tr("Cancel"))
        self._buttons.accepted.connect(self._on_save_clicked)
        self._buttons.rejected.connect(self.reject)
        return self._buttons

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self._tabs,
            self._server,
            self._user,
            self._password,
            self._forget,
            self._response_type,
            self._method,
            *self._timeouts.values(),
            self._ca_bundle,
            self._ca_browse,
            self._country,
            self._web_template,
            self._test,
            self._pop_behaviour,
            self._stay_on_top,
            self._close_to_tray,
            self._appearance,
            self._language,
            self._keep_history,
            self._save,
            self._cancel,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _fill(self, settings: ConnectionSettings) -> None:
        self._server.setText(settings.server)
        self._user.setText(settings.user)
        self._select(self._response_type, settings.response_type)
        self._select(self._method, settings.method)
        for name, spin in self._timeouts.items():
            spin.setValue(getattr(settings.timeouts, name))
        self._country.setText(settings.default_country.upper())
        self._ca_bundle.setText(settings.ca_bundle)
        self._web_template.setText(settings.web_url_template)
        self._select(self._pop_behaviour, settings.pop_behaviour)
        self._stay_on_top.setChecked(settings.stay_on_top)
        self._close_to_tray.setChecked(settings.close_to_tray)
        self._select(self._appearance, settings.appearance)
        self._select(self._language, settings.language)
        self._keep_history.setChecked(settings.keep_history)
        self._apply_password_hint()
        # The cursor starts in the first field that still needs something.
        for field in (self._server, self._user, self._password):
            if not field.text() and not (field is self._password and self._password_hint):
                field.setFocus()
                break
        else:
            self._server.setFocus()

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def _apply_password_hint(self) -> None:
        self._password.setPlaceholderText(self._password_hint)
        self._forget.setEnabled(self._can_forget)

    # --- public API

    def focus_password(self, reason: str = "") -> None:
        """Put the cursor in the password field, with ``reason`` explained at the top."""
        self.set_reason(reason)
        self._password.setFocus(Qt.FocusReason.OtherFocusReason)
        self._password.selectAll()

    def set_reason(self, text: str) -> None:
        """The line at the top saying why the dialog opened; "" hides it."""
        self._reason.setText(text)
        self._reason.setVisible(bool(text))
        self._fit_height()

    def reason_text(self) -> str:
        return self._reason.text() if self._reason.isVisibleTo(self) else ""

    def set_saved_password(self, hint: str, password: str | None, *, can_forget: bool) -> None:
        """A password became known (or unknown) while the dialog is open."""
        self._saved_password = password
        self._password_hint = hint
        self._can_forget = can_forget
        self._apply_password_hint()
        self._refresh()

    def password_forgotten(self, message: str = "") -> None:
        """The saved password is gone: no placeholder, no Forget, say so."""
        self.set_saved_password("", None, can_forget=False)
        self._show_status(message or self.tr("The saved password was removed."), ok=not message)

    def settings(self) -> ConnectionSettings:
        """The settings as entered (not checked; see :meth:`problem`)."""
        return dataclasses.replace(
            self._initial,
            server=self._server.text().strip(),
            user=self._user.text().strip(),
            response_type=self._response_type.currentData(),
            method=self._method.currentData(),
            timeouts=Timeouts(**{name: spin.value() for name, spin in self._timeouts.items()}),
            default_country=self._country.text().strip().upper(),
            ca_bundle=self._ca_bundle.text().strip(),
            web_url_template=self._web_template.text().strip(),
            pop_behaviour=self._pop_behaviour.currentData(),
            stay_on_top=self._stay_on_top.isChecked(),
            close_to_tray=self._close_to_tray.isChecked(),
            appearance=self._appearance.currentData(),
            language=self._language.currentData(),
            keep_history=self._keep_history.isChecked(),
        )

    def password(self) -> str | None:
        """The typed password; None when the field is empty (keep the saved one)."""
        return self._password.text() or None

    def problem(self) -> str:
        """Why the values cannot be saved yet, or ""."""
        settings = self.settings()
        try:
            _ = settings.endpoint
        except ConfigError as exc:
            return tr_text(exc.text)
        if not settings.user:
            return self.tr("Enter your dialer user name.")
        if not self._password.text() and not self._password_hint:
            return self.tr("Enter the password.")
        if settings.default_country not in phonenumbers.SUPPORTED_REGIONS:
            return self.tr("Enter a two-letter country code, such as US or PL.")
        try:
            check_web_url_template(settings.web_url_template)
        except ConfigError as exc:
            return tr_text(exc.text)
        return self._ca_bundle_problem(settings.ca_bundle)

    def _ca_bundle_problem(self, path: str, *, fresh: bool = False) -> str:
        """Why the CA bundle cannot be used, or "" (also for none)."""
        if not path:
            return ""
        try:
            info = Path(os.path.expanduser(path)).stat()
            key = (path, info.st_size, info.st_mtime_ns)
        except OSError:
            key = (path, -1, -1)
        if not fresh and self._ca_checked is not None and self._ca_checked[0] == key:
            return self._ca_checked[1]
        try:
            check_ca_bundle(path)
        except ConfigError as exc:
            problem = tr_text(exc.text)
        else:
            problem = ""
        self._ca_checked = (key, problem)
        return problem

    def browse_ca_bundle(self) -> None:
        """Choose the CA bundle in a file dialog (opened with ``open()``: never blocks)."""
        if self._ca_file_dialog is None:
            dialog = QFileDialog(
                self,
                self.tr("Choose the CA bundle"),
                "",
                self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
            )
            dialog.setObjectName("ca_bundle_dialog")
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
            dialog.fileSelected.connect(self._ca_bundle.setText)
            self._ca_file_dialog = dialog
        current = self._ca_bundle.text().strip()
        start = Path(os.path.expanduser(current)).parent if current else Path.home()
        if start.is_dir():
            self._ca_file_dialog.setDirectory(str(start))
        self._ca_file_dialog.open()

    def is_testing(self) -> bool:
        return self._test_task is not None and not self._test_task.done()

    # --- live checks

    def _on_connection_edited(self, *_args: object) -> None:
        # A result for other values would mislead: drop it, stop a test in flight.
        self._cancel_test()
        self._test_status.clear()
        self._refresh()

    def _on_country_edited(self, text: str) -> None:
        upper = text.upper()
        if upper != text:
            position = self._country.cursorPosition()
            self._country.setText(upper)
            self._country.setCursorPosition(position)
        self._refresh()

    def _refresh(self) -> None:
        self._get_warning.setVisible(self._method.currentData() == "get")
        self._refresh_endpoint()
        self._refresh_country()
        problem = self.problem()
        self._problem.setText(problem)
        # The server's own line already explains a bad server; do not say it twice.
        self._problem.setVisible(bool(problem) and not self._server_problem())
        self._save.setEnabled(not problem)
        self._test.setEnabled(not self._server_problem() and bool(self._user.text().strip()))
        self._fit_height()

    def _fit_height(self) -> None:
        """Once the layout has settled: grow (or shrink back) so wrapped warnings
        and messages are never cut off; a height the user chose is kept."""
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self, self._fit_height_now)

    def _fit_height_now(self) -> None:
        self._fit_pending = False
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.totalMinimumSize().height())
        current = self.height()
        if needed > current or (current == self._fitted_height and needed != current):
            self.resize(self.width(), needed)
            self._fitted_height = needed

    def _server_problem(self) -> str:
        try:
            _ = self.settings().endpoint
        except ConfigError as exc:
            return tr_text(exc.text)
        return ""

    def _refresh_endpoint(self) -> None:
        server = self._server.text().strip()
        self._endpoint.setStyleSheet("")
        self._endpoint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        if not server:
            self._endpoint.setText(
                self.tr(
                    "Your croco-dial DOMAIN (acme for acme.croco-dial.net) or the full address."
                )
            )
            return
        try:
            endpoint = self.settings().endpoint
        except ConfigError as exc:
            self._endpoint.setStyleSheet(_ERROR_STYLE)
            self._endpoint.setText(tr_text(exc.text))
            return
        self._endpoint.setText(self.tr("Requests go to {endpoint}").format(endpoint=endpoint))

    def _refresh_country(self) -> None:
        code = self._country.text().strip().upper()
        if code in phonenumbers.SUPPORTED_REGIONS:
            name = country_name(code)
            self._country_name.setStyleSheet("")
            self._country_name.setText(name)
        elif code:
            self._country_name.setStyleSheet(_ERROR_STYLE)
            self._country_name.setText(
                self.tr("'{code}' is not a country code Screenpop knows.").format(code=code)
            )
        else:
            self._country_name.setStyleSheet(_ERROR_STYLE)
            self._country_name.setText(self.tr("Enter a two-letter country code."))

    # --- Test connection

    def start_test(self) -> None:
        """Log in once with the values on screen (an asyncio task; never blocks)."""
        self._cancel_test()
        settings = self.settings()
        try:
            _ = settings.endpoint
        except ConfigError as exc:
            self._show_status(tr_text(exc.text), ok=False)
            return
        password = self._password.text() or self._saved_password
        if not password:
            self._show_status(self.tr("Enter the password to test the connection."), ok=False)
            return
        self._test.setEnabled(False)
        self._test_busy.show()
        self._test_status.setStyleSheet("")
        self._test_status.setText(self.tr("Testing the connection…"))
        task = asyncio.ensure_future(self._run_test(settings, password))
        self._test_task = task
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def wait_for_tests(self) -> None:
        """Until every test, cancelled ones included, has closed its client."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def _run_test(self, settings: ConnectionSettings, password: str) -> None:
        try:
            client = self._client_factory(settings, password)
        except ScreenpopError as exc:
            self._finish_test(tr_text(exc.text), ok=False)
            return
        try:
            await client.check_login()
        except asyncio.CancelledError:
            raise
        except ScreenpopError as exc:
            self._finish_test(tr_text(exc.text), ok=False)
        except Exception:
            log.exception("Unexpected error while testing the connection")
            self._finish_test(
                self.tr("The test failed unexpectedly; details are in the log."), ok=False
            )
        else:
            self._finish_test(self.tr("Connection and login OK"), ok=True)
        finally:
            await client.aclose()

    def _finish_test(self, message: str, *, ok: bool) -> None:
        self._test_busy.hide()
        self._show_status(message, ok=ok)
        self._refresh()

    def _show_status(self, message: str, *, ok: bool) -> None:
        self._test_status.setStyleSheet(_OK_STYLE if ok else _ERROR_STYLE)
        self._test_status.setText(message)

    def _cancel_test(self) -> None:
        if self._test_task is not None and not self._test_task.done():
            self._test_task.cancel()
        self._test_task = None
        self._test_busy.hide()

    # --- buttons

    def _on_forget_clicked(self) -> None:
        self.forget_password_requested.emit()

    def _on_save_clicked(self) -> None:
        # The bundle file may have changed since it was checked: read it again.
        self._ca_bundle_problem(self.settings().ca_bundle, fresh=True)
        if self.problem():
            self._refresh()
            return
        self.saved.emit(self.settings(), self.password())
        self.accept()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_height()

    def done(self, result: int) -> None:
        # Closing by any way (Save, Cancel, Esc, the window's X) ends a test in flight.
        self._cancel_test()
        if self._ca_file_dialog is not None:
            self._ca_file_dialog.reject()
        # Do not keep the typed password in a hidden widget.
        self._password.blockSignals(True)
        self._password.clear()
        self._password.blockSignals(False)
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._cancel_test()
        super().closeEvent(event)
