"""Run under a real X server: does a pop take the keyboard from the softphone?

Shows a "Softphone" window with a text field and makes it the active window,
as if the agent were typing there; then starts Screenpop's session (demo
server, no tray) with the pop behaviour given as argv[1], hidden, pops a
number and waits for the record. Prints one JSON line: the active window's
title and whether the window was shown with the record.
"""

from __future__ import annotations

import asyncio
import json
import sys

import qasync
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from screenpop.core.config import ConnectionSettings
from screenpop.ui.app import GuiOptions, ScreenpopApplication, build_session, shutdown


async def wait_for(predicate, seconds: float = 10.0) -> bool:
    for _ in range(int(seconds * 100)):
        if predicate():
            return True
        await asyncio.sleep(0.01)
    return False


def active_title() -> str:
    window = QApplication.activeWindow()
    return window.windowTitle() if window is not None else ""


async def probe(behaviour: str) -> dict[str, object]:
    softphone = QWidget()
    softphone.setWindowTitle("Softphone")
    field = QLineEdit(softphone)
    softphone.resize(320, 80)
    softphone.show()
    options = GuiOptions(demo=True, settings=ConnectionSettings(pop_behaviour=behaviour))
    session = build_session(options, tray_available=lambda: False)
    try:
        softphone.activateWindow()
        field.setFocus()
        before = await wait_for(lambda: QApplication.activeWindow() is softphone)
        session.window.pop("8004321000")
        rendered = await wait_for(session.window.showing_record)
        # Activation arrives as an X event after the show: give it time to come.
        await asyncio.sleep(0.5)
        return {
            "softphone_active_before": before,
            "rendered": rendered,
            "visible": session.window.isVisible(),
            "active": active_title(),
        }
    finally:
        await shutdown(session)


def main() -> int:
    app = ScreenpopApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    result = loop.run_until_complete(probe(sys.argv[1]))
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
