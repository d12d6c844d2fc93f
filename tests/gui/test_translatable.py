"""Every string the window shows goes through Qt's translation system.

A pseudo-translator is installed before the window is built: it "translates"
every source text by turning its ASCII letters into full-width ones
(``Look up`` -> ``Ｌｏｏｋ ｕｐ``), placeholders excepted. PySide6 calls a Python
``QTranslator.translate`` override for ``self.tr``, ``QCoreApplication.translate``
and Qt's own strings alike (checked below), and core's messages reach it
through ``tr_text``. Then every text a widget shows (labels, buttons, titles,
tooltips, accessible names, placeholders, combo items, actions, the status
bar) is read back in several states: an ASCII letter left over, once the data
of the scenario is taken out, is a string that was never wrapped for
translation, and would stay English in Spanish.

Data is what the dialer sent (record values, custom column names), what the
agent typed (line edits), the configured user and server, and keyboard
shortcut names; it is listed per scenario. The only widgets skipped by name
are in :data:`SKIPPED`.
"""

from __future__ import annotations

import html
import re
import socket
from collections.abc import Iterable

import pytest
from gui_helpers import DialogDriver, wait_until
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSpinBox,
    QWidget,
)

from screenpop.core.config import ConnectionSettings, settings_path
from screenpop.core.models import LEAD_FIELD_NAMES, readable_label
from screenpop.demo.account import DEMO_PASSWORD, DEMO_USER, NOAPI_PASSWORD, NOAPI_USER
from screenpop.ui.app import GuiOptions
from screenpop.ui.settings_dialog import LANGUAGE_NAMES

# Widgets whose text is allowed to stay as it is, by object name, and why.
SKIPPED = {
    # Country names are CLDR data (Babel) in the window's language, not
    # strings of Screenpop's; tests/gui/test_translators.py shows them in Spanish.
    "country_name": "a country's name from CLDR",
    "value_country_code": "the lead's country code with its name from CLDR",
}
_ASCII_LETTER = re.compile(r"[A-Za-z]")
# Placeholder names shown as examples ("e.g. {lead_id}") are code, never translated.
_PLACEHOLDER = re.compile(r"\{\w+\}")


def pseudo(source: str) -> str:
    """``source`` with its ASCII letters made full-width, except inside ``{placeholders}``."""
    out = []
    depth = 0
    for char in source:
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(0, depth - 1)
        if depth == 0 and char.isascii() and char.isalpha():
            out.append(chr(ord(char) + 0xFEE0))
        else:
            out.append(char)
    return "".join(out)


class PseudoTranslator(QTranslator):
    """Translates everything, Qt's own strings included, into :func:`pseudo`."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return pseudo(source_text) if source_text else source_text

    def isEmpty(self):
        return False


@pytest.fixture
def pseudo_translated(qapp):
    translator = PseudoTranslator(qapp)
    assert qapp.installTranslator(translator)
    try:
        yield translator
    finally:
        qapp.removeTranslator(translator)
        translator.deleteLater()


def texts_of(root: QWidget) -> Iterable[tuple[str, str, str]]:
    """(object name, what, text) for everything a user can read in ``root``."""
    widgets = [root, *root.findChildren(QWidget)]
    actions = {id(action): action for action in root.findChildren(QAction)}
    for widget in widgets:
        name = widget.objectName() or type(widget).__name__
        yield name, "window title", widget.windowTitle()
        yield name, "tooltip", widget.toolTip()
        yield name, "status tip", widget.statusTip()
        yield name, "what's this", widget.whatsThis()
        yield name, "accessible name", widget.accessibleName()
        yield name, "accessible description", widget.accessibleDescription()
        if isinstance(widget, QLabel):
            yield name, "text", widget.text()
        if isinstance(widget, QAbstractButton):
            yield name, "text", widget.text()
        if isinstance(widget, QLineEdit):
            # The text itself is what the agent typed or saved: data.
            yield name, "placeholder", widget.placeholderText()
        if isinstance(widget, QGroupBox):
            yield name, "title", widget.title()
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield name, f"item {index}", widget.itemText(index)
        if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            yield name, "prefix", widget.prefix()
            yield name, "suffix", widget.suffix()
        if isinstance(widget, QAbstractSpinBox):
            yield name, "special value", widget.specialValueText()
        if isinstance(widget, QMainWindow):
            yield name, "status message", widget.statusBar().currentMessage()
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from _item_texts(name, widget.model())
        for action in widget.actions():
            actions[id(action)] = action
    for action in actions.values():
        name = action.objectName() or "QAction"
        for what in ("text", "toolTip", "statusTip", "whatsThis", "iconText"):
            yield name, f"action {what}", getattr(action, what)()


def _item_texts(name: str, model) -> Iterable[tuple[str, str, str]]:
    """An item view's headers and cells, as shown and as read to a screen reader."""
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    for column in range(model.columnCount()):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        yield name, f"header {column}", header if isinstance(header, str) else ""
        for row in range(model.rowCount()):
            for role in roles:
                value = model.index(row, column).data(role)
                yield name, f"cell {row},{column}", value if isinstance(value, str) else ""


def untranslated(root: QWidget, data: Iterable[str] = ()) -> list[str]:
    """Every text in ``root`` that holds a letter no translation went over."""
    # The field labels' tooltips name the fields as the dialer's API does;
    # the language choices name each language in itself.
    fixed = {*LEAD_FIELD_NAMES, *LANGUAGE_NAMES.values()}
    pieces = sorted({*data, *fixed} - {""}, key=len, reverse=True)
    pieces += sorted(_shortcut_texts(root), key=len, reverse=True)
    found = []
    for name, what, text in texts_of(root):
        if not text or name in SKIPPED:
            continue
        shown = text
        if shown.startswith("<qt>") and shown.endswith("</qt>"):
            shown = html.unescape(shown[4:-5])  # a plain-text tooltip, escaped
        for piece in pieces:
            shown = shown.replace(piece, "")
        shown = _PLACEHOLDER.sub("", shown)
        if _ASCII_LETTER.search(shown):
            found.append(f"{name} ({what}): {text!r}")
    return found


def _shortcut_texts(root: QWidget) -> set[str]:
    """Key names as shortcuts are shown ("Ctrl+Shift+C": the C is a key, not a word)."""
    texts = set()
    for action in root.findChildren(QAction):
        for shortcut in action.shortcuts():
            texts.add(shortcut.toString(QKeySequence.SequenceFormat.NativeText))
    return texts


def record_data(window) -> set[str]:
    """The shown record's values and custom column names: data from the dialer."""
    info = window.lead_view.record
    assert info is not None
    data = {info.lead.full_name}
    for values in (info.lead.values, info.lead.extra, info.custom_fields):
        for column, value in values.items():
            data |= {value, column, readable_label(column)}
    return data


def assert_translated(root: QWidget, data: Iterable[str] = ()) -> None:
    missing = untranslated(root, data)
    assert not missing, "shown without going through a translation:\n" + "\n".join(missing)


def stopped_server() -> str:
    """The address of a loopback port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


# --- the checker itself -----------------------------------------------------


def test_pyside_calls_a_python_translator_for_every_kind_of_string(pseudo_translated, qtbot):
    class Probe(QWidget):
        def text(self):
            return self.tr("Look up")

    probe = Probe()
    qtbot.addWidget(probe)
    assert probe.text() == "Ｌｏｏｋ ｕｐ"
    assert QCoreApplication.translate("app", "Hi {user}") == "Ｈｉ {user}"
    # Qt's own strings go through it too (qtbase's "QShortcut" context).
    assert "Ｃｔｒｌ" in QKeySequence("Ctrl+L").toString(QKeySequence.SequenceFormat.NativeText)


def test_the_checker_finds_a_string_that_was_not_wrapped(pseudo_translated, qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    wrapped = QLabel(QCoreApplication.translate("app", "Wrapped {name}"), widget)
    wrapped.setObjectName("wrapped")
    plain = QLabel("Not wrapped", widget)
    plain.setObjectName("plain")
    data = QLabel(pseudo("Hello {user}").replace("{user}", "agent7"), widget)
    data.setObjectName("with_data")
    assert untranslated(widget, data={"agent7"}) == ["plain (text): 'Not wrapped'"]


# --- the window in its states -----------------------------------------------


async def test_the_demo_window_empty_with_a_record_and_with_errors(
    pseudo_translated, make_session, qtbot
):
    session = make_session(GuiOptions(demo=True))
    window = session.window
    await wait_until(lambda: window.connection_text() != "", what="the connection line")
    assert_translated(window, {DEMO_USER})

    # A customer with custom fields: every label, title and button around the data.
    # Rows built for one record's custom columns are kept (hidden) for the next,
    # so the data of every record shown so far stays data.
    window.look_up("2065551234")
    await wait_until(window.showing_record, what="the record")
    data = {DEMO_USER, *record_data(window)}
    assert_translated(window, data)

    # Extra server fields, in a group of their own.
    window.input.clear()
    qtbot.keyClicks(window.input, "#15005")
    window.submit()
    await wait_until(lambda: window.lead_view.record.lead.lead_id == "15005", what="lead 15005")
    data |= record_data(window)
    assert_translated(window, data)

    # Not found: a core error with a nested clause, and the earlier-record note.
    window.look_up("8005550000")
    await wait_until(lambda: window.banner_text() != "", what="the not-found banner")
    assert_translated(window, data)

    # Typed text that is no number: the agent's own words come back in the message.
    window.input.clear()
    qtbot.keyClicks(window.input, "hello")
    window.submit()
    assert "hello" in window.banner_text()
    data.add("hello")
    assert_translated(window, data)

    # Back to empty; the lead ID mode's placeholder and tooltips.
    window.clear_record()
    window.findChild(QAbstractButton, "mode_lead_id").click()
    assert_translated(window, data)


async def test_a_stopped_server_a_refused_account_and_the_settings_dialog(
    pseudo_translated, make_session, demo_server, qtbot
):
    server = stopped_server()
    settings = ConnectionSettings(server=server, user=DEMO_USER)
    session = make_session(GuiOptions(settings=settings, password=DEMO_PASSWORD))
    window = session.window
    window.look_up("8004321000")
    await wait_until(lambda: window.banner_text() != "", what="the connection error")
    assert "127.0.0.1" in window.banner_text()
    data = {DEMO_USER, "127.0.0.1", server, settings.endpoint}
    assert_translated(window, data)

    # The settings dialog, with a test against the stopped server and GET's warning.
    session.connection.open_settings()
    await wait_until(lambda: session.connection.dialog is not None, what="the dialog")
    ui = DialogDriver(session.connection.dialog, qtbot)
    ui.combo("method_combo").setCurrentIndex(ui.combo("method_combo").findData("get"))
    ui.type("password_input", "x")
    ui.click("test_button")
    await wait_until(lambda: not ui.dialog.is_testing(), what="the connection test")
    assert "127.0.0.1" in ui.label("test_status").text()
    assert_translated(ui.dialog, data)

    # Problems found while typing: a server that is no address, a bad web link.
    ui.type("server_input", "http://example.com")
    ui.type("web_url_template_input", "https://x.example/{nope}")
    ui.type("country_input", "ZZ")
    assert ui.label("endpoint_preview").text()
    assert_translated(ui.dialog, {*data, "http://example.com", "{nope}", "ZZ"})
    ui.type("server_input", "")
    ui.type("password_input", "")
    ui.type("user_input", "")
    assert_translated(ui.dialog, data)


async def test_an_account_without_api_access(pseudo_translated, make_session, demo_server):
    settings = ConnectionSettings(server=demo_server.base_url, user=NOAPI_USER)
    session = make_session(GuiOptions(settings=settings, password=NOAPI_PASSWORD))
    session.window.look_up("8004321000")
    await wait_until(lambda: session.window.banner_text() != "", what="the refusal")
    assert NOAPI_USER in session.window.banner_text()
    assert_translated(session.window, {NOAPI_USER, "127.0.0.1", demo_server.base_url})


async def test_first_run_and_a_damaged_settings_file(pseudo_translated, make_session, qtbot):
    session = make_session()
    await wait_until(lambda: session.connection.dialog is not None, what="the welcome dialog")
    assert session.window.banner_text()
    assert_translated(session.window)
    assert_translated(session.connection.dialog)


async def test_settings_with_unusable_values_are_reported(pseudo_translated, make_session):
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text(
        '{"server": "acme", "user": 7, "method": "put", "timeouts": {"read": -1},'
        ' "web_url_template": "ftp://x/{lead_id}", "reuse_seconds": 1e9}',
        encoding="utf-8",
    )
    session = make_session()
    assert "'put'" in session.window.banner_text()
    # Quoted back as they are: the saved values, the names of the settings in
    # the file, and the values a setting may take.
    data = {"'put'", "acme.croco-dial.net", "user", "method", "reuse_seconds", "post, get"}
    assert_translated(session.window, data)


async def test_the_desk_tray_menu_recent_lookups_and_notifications(pseudo_translated, make_session):
    session = make_session(
        GuiOptions(demo=True, settings=ConnectionSettings(pop_behaviour="notify")),
        tray_available=lambda: True,
    )
    window = session.window
    data = {DEMO_USER}
    for number in ("2065551234", "8005550000", "#14246"):
        window.look_up(number)
        await wait_until(lambda: not session.controller.is_busy(), what="the lookup")
        if window.lead_view.record is not None:
            data |= record_data(window)
    # The numbers as they arrived are data too.
    data |= {"+1 206-555-1234", "+1 800-555-0000", "14246"}
    assert_translated(window, data)

    # A record shown again from the recent lookups: the "as of" stamp.
    window.show_history_entry(session.history.model.entry(2))
    assert_translated(window, data)

    # The tray menu and its recent lookups.
    session.tray.recent_menu.aboutToShow.emit()
    assert_translated(session.tray.menu, data)
    assert_translated(session.tray.recent_menu, data)

    # Notifications, while the window is hidden to the tray.
    window.close()
    for count, number in enumerate(("2065551234", "8005550000"), start=1):
        window.pop(number)
        await wait_until(lambda n=count: len(session.tray.notifications) == n, what="notified")
    for title, message in session.tray.notifications:
        for text in (title, message):
            shown = text
            for piece in sorted(data, key=len, reverse=True):
                shown = shown.replace(piece, "")
            assert not _ASCII_LETTER.search(shown), text
