"""Every control can be reached with Tab, in reading order, and says what it is.

A screen reader reads a control's accessible name (buttons fall back to their
text); the order is what Tab walks through, wrapping around.
"""

from gui_helpers import wait_until
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from screenpop.ui.app import GuiOptions


def focus_order(window: QWidget, start: QWidget) -> list[QWidget]:
    order, widget = [], start
    for _ in range(300):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(window):
            order.append(widget)
        widget = widget.nextInFocusChain()
        if widget is start:
            break
    return order


async def shown_with_a_record_and_a_banner(make_session):
    session = make_session(GuiOptions(demo=True))
    window = session.window
    window.look_up("2065551234")  # a customer with custom fields
    await wait_until(window.showing_record, what="the record")
    await wait_until(lambda: not session.controller.is_busy(), what="idle")
    window.show_error("A message", retry=True)
    return window


async def test_tab_walks_the_window_in_reading_order(make_session):
    window = await shown_with_a_record_and_a_banner(make_session)
    start = window.findChild(QWidget, "mode_phone")
    names = [widget.objectName() for widget in focus_order(window, start)]
    assert names[:14] == [
        "mode_phone",
        "mode_lead_id",
        "lookup_input",
        "lookup_button",
        "settings_button",
        "history_clear_button",
        "history_list",
        "refresh_button",
        "copy_all_button",
        "hide_empty_button",
        "stay_on_top_button",
        "banner_retry",
        "banner_close",
        "lead_scroll",
    ]
    # Then every value, group by group, the custom fields last. A value's
    # copy button shows, and is next, once the value has the focus.
    values = names[14:]
    assert values[:4] == [
        "value_title",
        "value_first_name",
        "value_middle_initial",
        "value_last_name",
    ]
    assert values[-4:] == [
        "custom_plan_name",
        "custom_contract_end",
        "custom_monthly_fee",
        "custom_preferred_contact_time",
    ]
    assert len(values) == len(set(values))


async def test_every_control_says_what_it_is(make_session):
    window = await shown_with_a_record_and_a_banner(make_session)
    start = window.findChild(QWidget, "mode_phone")
    unnamed = [
        widget.objectName() or type(widget).__name__
        for widget in focus_order(window, start)
        if not (widget.accessibleName() or getattr(widget, "text", lambda: "")())
    ]
    assert unnamed == []


async def test_the_tray_menu_entries_have_text(make_session):
    session = make_session(GuiOptions(demo=True), tray_available=lambda: True)
    for action in session.tray.menu.actions():
        assert action.isSeparator() or action.text()
