"""Readable values, copy buttons, Copy all, hide empty fields, Open in web, F5."""

from datetime import date

from gui_helpers import child, point_at
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel, QToolButton

from screenpop.core.config import ConnectionSettings
from screenpop.core.models import LEAD_FIELDS, CustomerInfo
from screenpop.ui import main_window as main_window_module
from screenpop.ui.lead_view import EMPTY_VALUE, LeadView

TODAY = date(2026, 5, 1)


def _info(custom=None, **lead_info) -> CustomerInfo:
    lead_info.setdefault("lead_id", "1")
    return CustomerInfo.from_api({"lead_info": lead_info, "custom_info": custom, "is_customer": 1})


def _view(qtbot) -> LeadView:
    view = LeadView(today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(780, 560)  # within the offscreen screen: the pointer can reach all of it
    view.show()
    qtbot.waitExposed(view)
    return view


def _clipboard() -> str:
    return QApplication.clipboard().text()


def test_codes_are_shown_readably_with_the_code_kept(qtbot):
    view = _view(qtbot)
    view.show_record(_info(gender="F", status="PU", country_code="MX", date_of_birth="1979-12-02"))
    assert view.value_text("gender") == "Female"
    assert view.value_text("status") == "Call Picked Up (PU)"
    assert view.value_text("country_code") == "MX — Mexico"
    assert view.value_text("date_of_birth") == "1979-12-02 (age 46)"

    view.show_record(_info(gender="X", status="MYCODE", country_code="ZZ"))
    assert view.value_text("gender") == "X"
    assert view.value_text("status") == "MYCODE"
    assert view.value_text("country_code") == "ZZ"


def test_the_vendor_date_of_birth_gets_a_warning_not_an_age(qtbot):
    view = _view(qtbot)
    view.show_record(_info(date_of_birth="1825-10-23"))
    assert view.value_text("date_of_birth") == "⚠ 1825-10-23 (implausible)"


def revealed(qtbot, view, value_name: str, button: QToolButton) -> QToolButton:
    """Point at a row, as the agent would, until its copy button shows."""
    point_at(qtbot, child(view, QLabel, value_name))
    qtbot.waitUntil(button.isVisible, timeout=2000)
    return button


def test_phone_is_shown_formatted_and_copied_raw(qtbot):
    view = _view(qtbot)
    view.show_record(_info(phone_number="2065551234", country_code="US"))
    assert view.value_text("phone_number") == "(206) 555-1234"
    copy = revealed(qtbot, view, "value_phone_number", view.copy_button("phone_number"))
    assert copy.accessibleName() == "Copy Phone"
    with qtbot.waitSignal(view.copied):
        qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert _clipboard() == "2065551234"


def test_copy_buttons_show_only_for_the_row_pointed_at(qtbot):
    view = _view(qtbot)
    view.show_record(_info(first_name="Ana", last_name="Ruiz"))
    first, last = view.copy_button("first_name"), view.copy_button("last_name")
    assert not first.isVisible() and not last.isVisible()
    revealed(qtbot, view, "value_first_name", first)
    assert not last.isVisible()
    revealed(qtbot, view, "value_last_name", last)
    qtbot.waitUntil(lambda: not first.isVisible(), timeout=2000)
    # The value keeps its place: the hidden button's room is kept.
    assert child(view, QLabel, "value_first_name").width() == (
        child(view, QLabel, "value_last_name").width()
    )


def test_the_keyboard_reaches_a_value_copies_it_and_tabs_to_its_button(qtbot):
    view = _view(qtbot)
    view.show_record(_info(first_name="Ana", status="PU"))
    value = child(view, QLabel, "value_status")
    value.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(value.hasFocus, timeout=2000)
    button = view.copy_button("status")
    qtbot.waitUntil(button.isVisible, timeout=2000)
    QApplication.clipboard().clear()
    with qtbot.waitSignal(view.copied):
        qtbot.keyClick(value, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert _clipboard() == "PU"  # the raw code, not "Call Picked Up (PU)"
    qtbot.keyClick(value, Qt.Key.Key_Tab)
    qtbot.waitUntil(button.hasFocus, timeout=2000)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert _clipboard() == "PU"


def test_copy_buttons_give_raw_codes_and_dates(qtbot):
    view = _view(qtbot)
    view.show_record(_info(status="PU", gender="M", country_code="MX", date_of_birth="1825-10-23"))
    for name, raw in [
        ("status", "PU"),
        ("gender", "M"),
        ("country_code", "MX"),
        ("date_of_birth", "1825-10-23"),
    ]:
        button = revealed(qtbot, view, f"value_{name}", view.copy_button(name))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert _clipboard() == raw, name
    assert not view.copy_button("email").isEnabled()  # nothing to copy


def test_click_on_a_phone_or_email_value_copies_it(qtbot):
    view = _view(qtbot)
    view.show_record(_info(alt_phone="5587654321", country_code="MX", email="a@b.example"))
    QApplication.clipboard().clear()
    qtbot.mouseClick(child(view, QLabel, "value_alt_phone"), Qt.MouseButton.LeftButton)
    assert _clipboard() == "5587654321"
    qtbot.mouseClick(child(view, QLabel, "value_email"), Qt.MouseButton.LeftButton)
    assert _clipboard() == "a@b.example"


def test_custom_fields_have_copy_buttons_with_plain_tooltips(qtbot):
    view = _view(qtbot)
    view.show_record(_info(custom={"<b>plan</b>": "Gold & more"}))
    button = child(view, QToolButton, "copy_custom_<b>plan</b>")
    assert button.accessibleName() == "Copy <b>plan</b>"
    assert "&lt;b&gt;" in button.toolTip()
    revealed(qtbot, view, "custom_<b>plan</b>", button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert _clipboard() == "Gold & more"


def test_copy_all_text_is_tidy_and_raw(qtbot):
    view = _view(qtbot)
    view.show_record(
        _info(
            lead_id="15001",
            first_name="Ana",
            last_name="Ruiz",
            phone_number="2065551234",
            country_code="US",
            status="PU",
            custom={"plan": "Gold", "empty_one": ""},
            vendor_code="V1",
        )
    )
    assert view.copy_all_text() == (
        "First name: Ana\n"
        "Last name: Ruiz\n"
        "\n"
        "Phone: 2065551234\n"
        "\n"
        "Country: US\n"
        "\n"
        "Lead ID: 15001\n"
        "Status: PU\n"
        "\n"
        "Plan: Gold\n"
        "\n"
        "Vendor code: V1"
    )


def test_hide_empty_fields_hides_rows_and_shows_them_again(qtbot):
    view = _view(qtbot)
    view.show_record(_info(first_name="Ana", email="", custom={"plan": "A", "note": ""}))
    email = child(view, QLabel, "value_email")
    assert email.isVisible() and email.text() == EMPTY_VALUE
    assert email.foregroundRole() == QPalette.ColorRole.PlaceholderText

    revealed(qtbot, view, "value_email", view.copy_button("email"))
    view.set_hide_empty(True)
    assert not view.is_field_shown("email")
    assert not view.copy_button("email").isVisible()
    assert view.is_field_shown("first_name")
    assert not child(view, QLabel, "custom_note").isVisible()
    assert child(view, QLabel, "custom_plan").isVisible()
    assert not child(view, QGroupBox, "group_address").isVisible()  # all empty

    view.set_hide_empty(False)
    assert view.is_field_shown("email")
    # Back with its row, the button shows again only once the row is pointed at.
    point_at(qtbot, child(view, QLabel, "value_first_name"))
    qtbot.waitUntil(lambda: not view.copy_button("email").isVisible(), timeout=2000)
    revealed(qtbot, view, "value_email", view.copy_button("email"))
    assert child(view, QLabel, "custom_note").isVisible()
    assert child(view, QGroupBox, "group_address").isVisible()


# --- in the window, against the demo server ---------------------------------------


async def test_copy_all_action_puts_the_record_on_the_clipboard(harness, qtbot):
    window = harness.window
    assert not window.copy_all_action.isEnabled()
    await harness.look_up("2065551234")
    assert window.copy_all_action.isEnabled()
    assert window.copy_all_action.shortcut().toString() == "Ctrl+Shift+C"
    window.copy_all_action.trigger()
    text = _clipboard()
    assert "Lead ID: 15001" in text
    assert "Phone: 2065551234" in text
    assert text == window.lead_view.copy_all_text()
    assert window.status_message() == "Copied"


async def test_hide_empty_toggle_in_the_window_is_reported_for_saving(harness, qtbot):
    window = harness.window
    await harness.look_up("2065551234")
    view = window.lead_view
    empty = [spec.name for spec in LEAD_FIELDS if not view.raw_value(spec.name)]
    assert empty, "the demo customer should have an empty field"
    assert all(view.is_field_shown(name) for name in empty)
    with qtbot.waitSignal(window.hide_empty_fields_changed) as signal:
        qtbot.mouseClick(child(window, QToolButton, "hide_empty_button"), Qt.MouseButton.LeftButton)
    assert signal.args == [True]
    assert not any(view.is_field_shown(name) for name in empty)
    assert view.is_field_shown("lead_id")

    window.apply_display_settings(ConnectionSettings(hide_empty_fields=False))
    assert not window.hide_empty_action.isChecked()
    assert all(view.is_field_shown(name) for name in empty)


async def test_open_in_web_opens_the_encoded_address(harness, monkeypatch):
    opened = []

    class FakeDesktop:
        @staticmethod
        def openUrl(url):
            opened.append(url.toString(url.ComponentFormattingOption.FullyEncoded))
            return True

    monkeypatch.setattr(main_window_module, "QDesktopServices", FakeDesktop)
    window = harness.window
    window.set_web_url_template("https://dialer.example.com/lead/{lead_id}?c={comments}")
    assert not window.open_web_action.isEnabled()  # no record yet
    await harness.look_up("8004321000")
    assert window.open_web_action.isEnabled()
    window.open_web_action.trigger()
    assert opened == [
        "https://dialer.example.com/lead/14246?c=Additional%20information%20was%20requested."
    ]

    window.set_web_url_template("")
    assert not window.open_web_action.isEnabled()


async def test_f5_repeats_the_last_lookup(harness, qtbot):
    await harness.look_up("2065551234")
    assert len(harness.server.received) == 1
    qtbot.keyClick(harness.window, Qt.Key.Key_F5)
    await harness.idle()
    assert len(harness.server.received) == 2
    assert harness.view.value_text("lead_id") == "15001"


async def test_clear_returns_to_the_empty_window(harness, qtbot):
    await harness.look_up("2065551234")
    qtbot.keyClick(
        harness.window,
        Qt.Key.Key_Backspace,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not harness.window.showing_record()
    assert harness.input.text() == ""
    assert not harness.window.copy_all_action.isEnabled()
