"""The window against the real demo server: what the agent sees, what the server got."""

import asyncio
import logging

import pytest
from gui_helpers import visible_texts, wait_until
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel, QProgressBar, QPushButton

from screenpop.demo.leads import LEAD_INFO_FIELDS, SAMPLE_LEADS, DemoLead
from screenpop.demo.server import DemoServer
from screenpop.ui.lead_view import EMPTY_VALUE

VENDOR_PHONE = "8004321000"
CUSTOMER_LEAD_ID = "15001"  # Daniel Whitaker, list 1001 with custom fields
CUSTOMER_PHONE = "2065551234"


def child(window, cls, name):
    widget = window.findChild(cls, name)
    assert widget is not None, f"no {cls.__name__} named {name!r}"
    return widget


def sent(server: DemoServer) -> list[dict[str, str]]:
    """The API parameters of every request the server received."""
    return [{**request.query, **request.form} for request in server.received]


# 1 --------------------------------------------------------------------------


async def test_typed_number_shows_the_vendor_example(harness):
    assert child(harness.window, QLabel, "empty_state_title").isVisible()

    await harness.look_up(VENDOR_PHONE)

    view = harness.view
    assert view.name_text() == "Bruno M Macias"
    expected = {
        "title": "Lic",
        "first_name": "Bruno",
        "middle_initial": "M",
        "last_name": "Macias",
        "phone_number": "8004321000",
        "alt_phone": "5587654321",
        "email": "brunoramiro@email.com",
        "address1": "Av. Reforma 123",
        "city": "Guadalajara",
        "state": "Jalisco",
        "postal_code": "44100",
        "country_code": "MX",
        "date_of_birth": "1825-10-23",
        "lead_id": "14246",
        "list_id": "22799125",
        "comments": "Additional information was requested.",
    }
    # The raw values are kept (and copied) as sent; some are shown readably.
    assert {name: view.raw_value(name) for name in expected} == expected
    readable = {
        "phone_number": "800 432 1000",
        "alt_phone": "55 8765 4321",
        "country_code": "MX — Mexico",
        "date_of_birth": "⚠ 1825-10-23 (implausible)",
    }
    shown = {**expected, **readable}
    assert {name: view.value_text(name) for name in shown} == shown
    assert child(view, QLabel, "value_city").isVisible()
    assert child(view, QLabel, "customer_flag").text() == "Prospect"
    no_custom = child(view, QLabel, "custom_fields_empty")
    assert no_custom.isVisible()
    assert no_custom.text() == "This list has no custom fields."
    assert not child(view, QGroupBox, "group_extra").isVisible()
    assert not child(harness.window, QLabel, "empty_state_title").isVisible()
    assert child(harness.window, QLabel, "searched_line").text().endswith("→ searched 8004321000")
    assert not harness.banner_visible()

    assert len(harness.server.received) == 1
    assert sent(harness.server)[0]["phone_number"] == VENDOR_PHONE


# 2 --------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["(800) 432-1000", "+1 800 432 1000"])
async def test_everyday_number_forms_find_the_same_lead(harness, typed):
    await harness.look_up(typed)

    assert harness.view.value_text("lead_id") == "14246"
    assert sent(harness.server)[-1]["phone_number"] == VENDOR_PHONE
    assert harness.input.text() == typed


async def test_pasted_tel_link_finds_the_same_lead(harness, qtbot):
    QApplication.clipboard().setText("tel:+1-800-432-1000")
    harness.input.setFocus()
    qtbot.keyClick(harness.input, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert harness.input.text() == "tel:+1-800-432-1000"
    qtbot.keyClick(harness.input, Qt.Key.Key_Return)
    await harness.idle()

    assert harness.view.value_text("first_name") == "Bruno"
    assert [params["phone_number"] for params in sent(harness.server)] == [VENDOR_PHONE]


async def test_a_link_from_outside_is_put_in_the_input_and_looked_up(harness):
    harness.window.look_up("tel:+18004321000")
    await harness.idle()

    assert harness.input.text() == "tel:+18004321000"
    assert harness.view.value_text("last_name") == "Macias"


# 3 --------------------------------------------------------------------------


async def test_lead_id_mode_shows_the_customer_and_custom_fields(harness, qtbot):
    qtbot.keyClicks(harness.input, CUSTOMER_LEAD_ID)
    qtbot.mouseClick(child(harness.window, QPushButton, "mode_lead_id"), Qt.MouseButton.LeftButton)
    assert harness.input.text() == CUSTOMER_LEAD_ID  # switching mode keeps the text
    qtbot.keyClick(harness.input, Qt.Key.Key_Return)
    await harness.idle()

    view = harness.view
    assert view.flag_text() == "Customer"
    assert view.name_text() == "Daniel R Whitaker"
    shown = {
        view.custom_field_label(column): view.custom_field_text(column)
        for column in ("plan_name", "contract_end", "monthly_fee", "preferred_contact_time")
    }
    assert shown == {
        "Plan name": "Fiber 500",
        "Contract end": "2027-03-31",
        "Monthly fee": "59.99",
        "Preferred contact time": "Weekdays after 6pm",
    }
    plan = child(view, QLabel, "custom_plan_name")
    assert plan.isVisible()
    assert "plan_name" in plan.toolTip()  # the raw column name, for admins
    assert not child(view, QLabel, "custom_fields_empty").isVisible()
    assert view.value_text("date_of_birth") == EMPTY_VALUE  # 0000-00-00 on the server

    [params] = sent(harness.server)
    assert params["lead_id"] == CUSTOMER_LEAD_ID
    assert "phone_number" not in params


async def test_hash_lead_id_works_in_phone_mode(harness):
    await harness.look_up("#14246")

    assert harness.view.value_text("first_name") == "Bruno"
    assert sent(harness.server)[0]["lead_id"] == "14246"


# 4 --------------------------------------------------------------------------


async def test_unknown_fields_are_shown_not_dropped(harness):
    await harness.look_up("(312) 555-0147")

    view = harness.view
    assert child(view, QGroupBox, "group_extra").isVisible()
    assert view.extra_field_text("entry_date") == "2026-11-30 09:12:44"
    assert view.extra_field_text("vendor_lead_code") == "VX-889"
    assert view.value_text("last_name") == "O'Neill"
    assert view.value_text("comments") == 'Asked about the "Fiber & TV" bundle <promo 2026>.'


async def test_non_ascii_names_are_shown_intact(harness, qtbot):
    await harness.look_up("+48 512 345 678")

    view = harness.view
    assert view.name_text() == "Zoë Ł Łukasiewicz-Ørsted"
    assert view.value_text("city") == "Kraków"

    qtbot.mouseClick(child(harness.window, QPushButton, "mode_lead_id"), Qt.MouseButton.LeftButton)
    await harness.look_up("15003")
    assert view.value_text("last_name") == "Ñúñez Peña"
    assert view.custom_field_text("idioma_preferido") == "Español"
    assert view.custom_field_label("idioma_preferido") == "Idioma preferido"


# 5 --------------------------------------------------------------------------


async def test_not_found_keeps_input_and_record_and_retry_asks_again(harness, qtbot):
    await harness.look_up(VENDOR_PHONE)
    typed = "(202) 555-0000"
    await harness.look_up(typed)

    assert harness.banner_visible()
    assert harness.window.banner_text() == (
        "No lead found for phone number 2025550000. "
        "The record below is from an earlier lookup (lead 14246)."
    )
    assert harness.input.text() == typed
    assert harness.view.value_text("first_name") == "Bruno"  # the last good record stays
    assert harness.window.showing_record()

    retry = child(harness.window, QPushButton, "banner_retry")
    assert retry.isVisible()
    qtbot.mouseClick(retry, Qt.MouseButton.LeftButton)
    await harness.idle()

    assert len(harness.server.received) == 3
    assert sent(harness.server)[-1]["phone_number"] == "2025550000"
    assert harness.banner_visible()
    assert harness.input.text() == typed


async def test_login_incorrect_shows_our_message_and_never_the_servers_sql(make_harness):
    harness = make_harness(password="not-the-password")
    await harness.look_up(VENDOR_PHONE)

    assert harness.banner_visible()
    assert harness.window.banner_text().startswith("The dialer rejected the user name or password.")
    texts = "\n".join(visible_texts(harness.window))
    for leaked in ("SELECT", "vicidial_users", "user_level", "not-the-password"):
        assert leaked not in texts
    assert len(harness.server.received) == 1  # no automatic retry of a bad login
    # Retrying the same password only adds a failed login towards the lockout.
    assert not child(harness.window, QPushButton, "banner_retry").isVisible()


async def test_a_bad_input_is_explained_without_any_request(harness, qtbot):
    await harness.look_up("call me maybe")

    assert harness.banner_visible()
    assert "is not a phone number" in harness.window.banner_text()
    assert not child(harness.window, QPushButton, "banner_retry").isVisible()
    assert harness.input.text() == "call me maybe"
    assert harness.server.received == []

    qtbot.keyClick(harness.input, Qt.Key.Key_Escape)  # Esc dismisses the banner
    assert not harness.banner_visible()


# 6 --------------------------------------------------------------------------

MARKUP = "<b>bold</b><img src=x>"


def _markup_lead() -> DemoLead:
    fields: dict[str, str | int] = dict.fromkeys(LEAD_INFO_FIELDS, "")
    fields.update(
        lead_id="777",
        list_id="1",
        phone_number="3035550100",
        first_name=MARKUP,
        last_name="<i>Smith</i>",
        city=MARKUP,
        comments="<script>alert(1)</script> & <a href='x'>link</a>",
        html_note=MARKUP,
    )
    return DemoLead(fields=fields, custom_info={"html_field": MARKUP}, customers=1)


async def test_server_text_is_shown_literally_never_as_rich_text(make_harness):
    with DemoServer(leads=[_markup_lead()]) as server:
        harness = make_harness(server=server)
        await harness.look_up("3035550100")

    view = harness.view
    labels = {
        "lead_name": f"{MARKUP} <i>Smith</i>",
        "value_first_name": MARKUP,
        "value_city": MARKUP,
        "value_comments": "<script>alert(1)</script> & <a href='x'>link</a>",
        "custom_html_field": MARKUP,
        "extra_html_note": MARKUP,
    }
    for name, text in labels.items():
        label = child(view, QLabel, name)
        assert label.textFormat() == Qt.TextFormat.PlainText, name
        assert label.text() == text, name
    assert child(view, QLabel, "customer_flag").textFormat() == Qt.TextFormat.PlainText
    # Every label in the record area shows plain text, not only the ones checked above.
    for label in view.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


# 7 --------------------------------------------------------------------------


async def test_last_lookup_wins_over_a_slow_earlier_one(harness):
    harness.server.set_delay_for(VENDOR_PHONE, 1.5)
    harness.type_and_enter(VENDOR_PHONE)
    await wait_until(lambda: len(harness.server.received) == 1, what="the slow request")
    await harness.look_up(CUSTOMER_PHONE)

    assert harness.view.name_text() == "Daniel R Whitaker"
    await asyncio.sleep(1.7)  # past the slow reply's delay

    assert harness.view.name_text() == "Daniel R Whitaker"
    assert [info.lead.lead_id for info in harness.records] == [CUSTOMER_LEAD_ID]
    assert not harness.window.is_busy_shown()


# 8 --------------------------------------------------------------------------


async def test_busy_indicator_only_while_a_lookup_runs(harness):
    busy = child(harness.window, QProgressBar, "busy_indicator")
    assert not busy.isVisible()
    harness.server.set_delay_for(VENDOR_PHONE, 0.4)

    harness.type_and_enter(VENDOR_PHONE)
    await wait_until(busy.isVisible, what="the busy bar of a slow lookup")
    assert child(harness.window, QPushButton, "lookup_button").isEnabled()
    assert harness.input.isEnabled()  # a new lookup may be typed meanwhile
    await harness.idle()

    assert not busy.isVisible()
    assert harness.view.value_text("first_name") == "Bruno"


# 9 --------------------------------------------------------------------------


async def test_an_unexpected_failure_is_logged_and_the_window_keeps_working(
    harness, monkeypatch, caplog
):
    async def broken(**_kwargs):
        raise RuntimeError("internal detail 0xdeadbeef")

    monkeypatch.setattr(harness.controller.client, "get_customer_info", broken)
    with caplog.at_level(logging.ERROR, logger="screenpop.ui.controller"):
        await harness.look_up(VENDOR_PHONE)

    assert harness.window.banner_text() == (
        "Unexpected error while looking up 8004321000; details are in the log."
    )
    assert "0xdeadbeef" not in "\n".join(visible_texts(harness.window))
    assert "0xdeadbeef" in caplog.text  # the details are in the log

    monkeypatch.undo()
    await harness.look_up(VENDOR_PHONE)
    assert not harness.banner_visible()
    assert harness.view.value_text("first_name") == "Bruno"


# ---------------------------------------------------------------- keyboard


async def test_ctrl_l_focuses_the_input(harness, qtbot):
    harness.window.activateWindow()
    retry = child(harness.window, QPushButton, "mode_lead_id")
    retry.setFocus()
    qtbot.keyClick(harness.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    await wait_until(harness.input.hasFocus, what="focus on the input")


def test_sample_data_still_has_what_these_tests_use():
    by_id = {lead.lead_id: lead for lead in SAMPLE_LEADS}
    assert by_id[14246].phone_digits == VENDOR_PHONE
    assert by_id[15001].phone_digits == CUSTOMER_PHONE


async def test_the_busy_bar_shows_only_for_a_lookup_that_takes_a_while(harness):
    harness.server.set_delay_for(VENDOR_PHONE, 1.0)
    harness.type_and_enter(VENDOR_PHONE)
    await asyncio.sleep(0.05)
    assert not harness.window.is_busy_shown()  # answers usually come sooner
    await wait_until(harness.window.is_busy_shown, what="the busy bar")
    await harness.idle()
    assert not harness.window.is_busy_shown()

    await harness.look_up(CUSTOMER_PHONE)  # quick: the bar never shows
    await asyncio.sleep(0.3)
    assert not harness.window.is_busy_shown()
