"""Nothing the dialer or a link sends is rendered as markup.

Lead values, custom and unknown fields, a refusal quoted in the banner, a
user name in the status bar: each holds tags that would load an image, a
style sheet or a link if Qt took them for rich text. The window must show the
characters themselves, and a listening socket those tags point at must
receive no connection while everything is painted.
"""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Iterator

import pytest
from gui_helpers import FakeCredentialStore, wait_until
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from screenpop.core.config import ConnectionSettings
from screenpop.demo.leads import LEAD_INFO_FIELDS, DemoLead
from screenpop.demo.server import DEMO_PASSWORD, DemoServer
from screenpop.ui.app import GuiOptions

LEAD_ID = "16001"
PHONE = "2125550101"
TAGS = ("<img", "<a ", "<script", "<style", "<b>", "<table")


@pytest.fixture
def trap() -> Iterator[socket.socket]:
    """A loopback port nothing should ever connect to; the markup points at it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        listener.setblocking(False)
        yield listener


def hostile_values(port: int) -> dict[str, str]:
    base = f"http://127.0.0.1:{port}"
    return {
        "img": f"<img src={base}/x.png>",
        "link": f'<a href="{base}/">x</a>',
        "script": "<script>alert(1)</script>",
        "style": f"<style>body {{ background-image: url({base}/s.png) }}</style>",
        "entity": "&lt;b&gt;not bold&lt;/b&gt;",
        "bold": "<b>bold</b>",
        "table": f"<table background={base}/t.png><tr><td>cell</td></tr></table>",
    }


def hostile_lead(values: dict[str, str]) -> DemoLead:
    fields: dict[str, str | int] = dict.fromkeys(LEAD_INFO_FIELDS, "")
    fields.update(
        lead_id=LEAD_ID,
        list_id="1001",
        phone_number=PHONE,
        title=values["bold"],
        first_name=values["img"],
        last_name=values["link"],
        email=values["bold"],
        address1=values["style"],
        address2=values["table"],
        city=values["entity"],
        status=values["bold"],
        user=values["link"],
        comments=values["script"],
        vendor_lead_code=values["img"],  # a field the client does not know
    )
    return DemoLead(fields=fields, custom_info=dict(values), customers=1)


async def settle_and_paint(window: QWidget) -> None:
    """Paint everything (rich text would fetch its resources now), then give
    any fetch half a second to reach the trap."""
    window.grab()
    await asyncio.sleep(0.5)
    window.grab()


def assert_nothing_rendered(window: QWidget, trap: socket.socket) -> None:
    labels = window.findChildren(QLabel)
    assert len(labels) > 40
    rich = [label.objectName() or label.text() for label in labels if not _plain(label)]
    assert rich == []
    # Tooltips have no plain-text switch (Qt guesses): server text in them is escaped.
    for widget in [window, *window.findChildren(QWidget)]:
        assert not any(tag in widget.toolTip() for tag in TAGS), widget.toolTip()
    with pytest.raises(BlockingIOError):
        trap.accept()


def _plain(label: QLabel) -> bool:
    return label.textFormat() == Qt.TextFormat.PlainText


async def test_lead_and_custom_values_show_as_literal_text(make_harness, trap):
    values = hostile_values(trap.getsockname()[1])
    with DemoServer(leads=[hostile_lead(values)]) as server:
        harness = make_harness(server)
        await harness.look_up(PHONE)
        view, window = harness.view, harness.window
        assert window.showing_record()

        assert view.value_text("first_name") == values["img"]
        assert view.value_text("last_name") == values["link"]
        assert view.value_text("comments") == values["script"]
        assert view.value_text("address1") == values["style"]
        assert view.value_text("address2") == values["table"]
        assert view.value_text("city") == "&lt;b&gt;not bold&lt;/b&gt;"
        assert view.value_text("email") == "<b>bold</b>"
        assert values["img"] in view.name_text() and values["link"] in view.name_text()
        for column, value in values.items():
            assert view.custom_field_text(column) == value
        assert view.extra_field_text("vendor_lead_code") == values["img"]
        summary = window.findChild(QLabel, "lead_summary")
        assert "Status <b>bold</b>" in summary.text()

        await settle_and_paint(window)
        assert_nothing_rendered(window, trap)


async def test_a_refusal_quoting_markup_shows_it_in_the_banner_as_text(harness, trap, monkeypatch):
    values = hostile_values(trap.getsockname()[1])
    refusal = f"{values['img']} {values['link']} {values['entity']}"
    body = json.dumps({"result": "error", "message": refusal}).encode()
    monkeypatch.setattr(harness.server, "handle_api", lambda *_args: (body, "text/html"))

    await harness.look_up("8004321000")
    window = harness.window
    assert values["img"] in window.banner_text()
    assert values["link"] in window.banner_text()
    assert values["entity"] in window.banner_text()
    assert window.banner_kind() == "error"

    # What a link carried, quoted back when it cannot be looked up.
    window.look_up(f"{values['bold']}{values['img']}")
    assert "<b>bold</b>" in window.banner_text()

    await settle_and_paint(window)
    assert_nothing_rendered(window, trap)


async def test_a_user_name_with_markup_shows_as_text_in_the_status_bar(make_session, trap):
    values = hostile_values(trap.getsockname()[1])
    user = values["img"]
    gate = asyncio.Event()  # the keyring takes its time: the status bar says so
    store = FakeCredentialStore({}, gate=gate)
    with DemoServer(user=user) as server:
        store.entries[(user, server.endpoint)] = DEMO_PASSWORD
        settings = ConnectionSettings(server=server.base_url, user=user)
        session = make_session(GuiOptions(settings=settings), store=store)
        window = session.window
        await wait_until(lambda: window.status_message() != "", what="the status message")

        assert user in window.status_message()
        assert user in window.connection_text()
        # The status bar paints its message as plain text; it has no label for it.
        assert [label.objectName() for label in window.statusBar().findChildren(QLabel)] == [
            "connection_label"
        ]
        await settle_and_paint(window)
        assert_nothing_rendered(window, trap)

        gate.set()  # the password arrives; the window works with this user
        await wait_until(lambda: window.status_message() == "", what="the password")
        window.look_up("8004321000")
        await wait_until(window.showing_record, what="the record")
        assert window.lead_view.value_text("first_name") == "Bruno"
        assert user in window.connection_text()
