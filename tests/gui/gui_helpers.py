"""Helpers shared by the GUI tests (imported as ``gui_helpers``)."""

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from screenpop.core.credentials import PasswordLocation, StoreOutcome
from screenpop.demo.server import DemoServer
from screenpop.ui.controller import LookupController
from screenpop.ui.lead_view import LeadView
from screenpop.ui.main_window import MainWindow
from screenpop.ui.settings_dialog import SettingsDialog


async def wait_until(predicate: Callable[[], bool], timeout: float = 5.0, what: str = "") -> None:
    """Let the loop run until ``predicate()`` holds (no nested Qt event loops)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what or predicate}")
        await asyncio.sleep(0.01)


def visible_texts(root: QWidget) -> list[str]:
    """Every text a user could read or copy in ``root``: labels, inputs, tooltips, titles."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        elif hasattr(widget, "text"):
            texts.append(str(widget.text()))
        if hasattr(widget, "title"):
            texts.append(str(widget.title()))
    return [text for text in texts if text]


def child(widget: QWidget, cls, name: str):
    """The child ``name`` of type ``cls``; fails the test if there is none."""
    found = widget.findChild(cls, name)
    assert found is not None, f"no {cls.__name__} named {name!r}"
    return found


class DialogDriver:
    """Types into the Settings dialog's fields and clicks its buttons, as an agent would."""

    def __init__(self, dialog: SettingsDialog, qtbot):
        self.dialog = dialog
        self.qtbot = qtbot

    def field(self, name: str) -> QLineEdit:
        return child(self.dialog, QLineEdit, name)

    def type(self, name: str, text: str) -> None:
        field = self.field(name)
        field.clear()
        self.qtbot.keyClicks(field, text)

    def label(self, name: str) -> QLabel:
        return child(self.dialog, QLabel, name)

    def button(self, name: str) -> QPushButton:
        return child(self.dialog, QPushButton, name)

    def combo(self, name: str) -> QComboBox:
        return child(self.dialog, QComboBox, name)

    def click(self, name: str) -> None:
        self.qtbot.mouseClick(self.button(name), Qt.MouseButton.LeftButton)


@dataclass
class Harness:
    """A real window wired to a real controller and client, talking to ``server``."""

    window: MainWindow
    controller: LookupController
    server: DemoServer
    qtbot: object
    records: list[object] = field(default_factory=list)

    @property
    def view(self) -> LeadView:
        return self.window.lead_view

    @property
    def input(self) -> QLineEdit:
        return self.window.input

    def type_and_enter(self, text: str) -> None:
        self.input.clear()
        self.qtbot.keyClicks(self.input, text)
        self.qtbot.keyClick(self.input, Qt.Key.Key_Return)

    async def idle(self, timeout: float = 5.0) -> None:
        await wait_until(lambda: not self.controller.is_busy(), timeout, "the lookup")

    async def look_up(self, text: str) -> None:
        self.type_and_enter(text)
        await self.idle()

    def banner_visible(self) -> bool:
        return self.window.findChild(QWidget, "banner").isVisible()


# ------------------------------------------------- a keyring that is a dict


class FakeCredentialStore:
    """An in-memory CredentialStore (same async methods) that records each call.

    ``gate``: every call waits for it (a slow or locked keyring).
    ``fallback_message``: ``set`` "falls back to memory" and says so.
    """

    def __init__(self, entries=None, *, gate=None, fallback_message: str = ""):
        self.entries: dict[tuple[str, str], str] = dict(entries or {})
        self.calls: list[tuple] = []
        self.gate: asyncio.Event | None = gate
        self.fallback_message = fallback_message

    async def _wait(self) -> None:
        if self.gate is not None:
            await self.gate.wait()

    async def get(self, user, endpoint):
        self.calls.append(("get", user, endpoint))
        await self._wait()
        password = self.entries.get((user, endpoint))
        location = PasswordLocation.KEYRING if password else PasswordLocation.NOWHERE
        return password, StoreOutcome(location)

    async def set(self, user, endpoint, password):
        self.calls.append(("set", user, endpoint))
        await self._wait()
        self.entries[(user, endpoint)] = password
        if self.fallback_message:
            return StoreOutcome(PasswordLocation.MEMORY, self.fallback_message)
        return StoreOutcome(PasswordLocation.KEYRING)

    async def delete(self, user, endpoint):
        self.calls.append(("delete", user, endpoint))
        await self._wait()
        self.entries.pop((user, endpoint), None)
        return StoreOutcome(PasswordLocation.NOWHERE)

    async def move(self, old, new):
        self.calls.append(("move", old, new))
        await self._wait()
        password = self.entries.pop(tuple(old), None)
        if password is None:
            return StoreOutcome(PasswordLocation.NOWHERE)
        self.entries[tuple(new)] = password
        return StoreOutcome(PasswordLocation.KEYRING)


def point_at(qtbot, widget: QWidget) -> None:
    """Move the mouse pointer over ``widget``, through its window as the window
    system would: Enter and Leave reach the widgets on the way. (Moves sent to
    the widget itself left the previous widget under the mouse.)"""
    window = widget.window()
    handle = window.windowHandle()
    assert handle is not None, "the widget's window is not shown"
    centre = widget.mapTo(window, widget.rect().center())
    # The first move into a window only enters the window; the second reaches the widget.
    for step in (QPoint(0, 0), QPoint(1, 0)):
        QTest.mouseMove(handle, centre + step)
        qtbot.wait(5)
