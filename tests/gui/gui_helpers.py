"""Helpers shared by the GUI tests (imported as ``gui_helpers``)."""

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from screenpop.demo.server import DemoServer
from screenpop.ui.controller import LookupController
from screenpop.ui.lead_view import LeadView
from screenpop.ui.main_window import MainWindow


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
