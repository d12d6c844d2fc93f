"""An unexpected exception costs a log entry and a sentence, never the window.

The bugs are planted on purpose: a slot connected to a real signal raises, a
task nobody awaits raises, a thread raises, and the reporting itself breaks.
Each time the agent reads one plain sentence in the banner, the log holds
the traceback with the password masked, and the next lookup still renders.
"""

from __future__ import annotations

import asyncio
import gc
import io
import logging
import sys
import threading

import pytest
from gui_helpers import wait_until
from PySide6.QtCore import QObject, QTimer, Signal

from screenpop.core import logs
from screenpop.ui.crash import CrashGuard, crash_guard, crash_message

PASSWORD = "Xq7-Pw-4vQz%&+"
FRAGMENT = "4vQz"


class Ticker(QObject):
    """Something with a real signal, emitted from the event loop."""

    ticked = Signal(str)


@pytest.fixture
def app_logging(monkeypatch):
    """The app's logging as the CLI sets it up (stderr here a StringIO), with
    the password known to the filter; the test's handlers come back afterwards."""
    monkeypatch.setattr(logs, "redactor", logs.SecretFilter())
    root = logging.getLogger()
    saved = (root.level, list(root.handlers))
    stream = io.StringIO()
    logs.setup_logging("WARNING", to_file=False, stream=stream)
    logs.protect(PASSWORD)
    yield stream
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    root.setLevel(saved[0])
    for handler in saved[1]:
        root.addHandler(handler)


def _assert_logged_masked(stream: io.StringIO, *expected: str) -> str:
    logged = stream.getvalue()
    assert "Traceback (most recent call last)" in logged
    for text in expected:
        assert text in logged
    assert "goPass=********" in logged
    assert FRAGMENT not in logged
    return logged


async def _still_works(harness) -> None:
    """The window goes on: a lookup against the demo server renders."""
    await harness.look_up("8004321000")
    assert harness.window.isVisible()
    assert harness.view.value_text("first_name") == "Bruno"
    assert harness.window.banner_text() == ""


def _leaky_error(kind: type[Exception], where: str) -> Exception:
    return kind(f"{where} failed for ?goUser=demo&goPass={PASSWORD} ({PASSWORD})")


async def test_an_exception_in_a_slot_is_logged_masked_and_shown(harness, app_logging):
    window = harness.window
    ticker = Ticker()

    def broken_slot(text: str) -> None:
        raise _leaky_error(RuntimeError, f"slot {text}")

    ticker.ticked.connect(broken_slot)
    with crash_guard(asyncio.get_running_loop(), report=window.show_error):
        QTimer.singleShot(0, lambda: ticker.ticked.emit("tick"))
        await wait_until(lambda: window.banner_text() != "", what="the banner")

        assert window.banner_text() == crash_message()
        assert window.banner_text() == (
            "Something went wrong inside Screenpop; it keeps running. Details are in the log."
        )
        assert window.banner_kind() == "error"
        assert "Traceback" not in window.banner_text()
        _assert_logged_masked(app_logging, "RuntimeError: slot tick failed", "broken_slot")

        await _still_works(harness)


async def test_an_exception_in_a_task_nobody_awaits_is_logged_masked_and_shown(
    harness, app_logging
):
    window = harness.window

    async def broken_task() -> None:
        await asyncio.sleep(0)
        raise _leaky_error(ValueError, "background task")

    def shown() -> bool:
        gc.collect()  # "never retrieved" is reported when the task is freed
        return window.banner_text() != ""

    with crash_guard(asyncio.get_running_loop(), report=window.show_error):
        asyncio.ensure_future(broken_task())  # noqa: RUF006 - never awaited, no reference kept
        await wait_until(shown, what="the banner")

        assert window.banner_text() == crash_message()
        _assert_logged_masked(
            app_logging,
            "Task exception was never retrieved",
            "ValueError: background task failed",
            "broken_task",
        )
        await _still_works(harness)


async def test_an_exception_in_a_thread_is_shown_on_the_gui_thread(harness, app_logging):
    window = harness.window
    shown_on: list[threading.Thread] = []

    def report(text: str) -> None:
        shown_on.append(threading.current_thread())
        window.show_error(text)

    def broken_worker() -> None:
        raise _leaky_error(OSError, "worker")

    with crash_guard(asyncio.get_running_loop(), report=report):
        worker = threading.Thread(target=broken_worker, name="worker-7")
        worker.start()
        await asyncio.to_thread(worker.join)
        await wait_until(lambda: window.banner_text() != "", what="the banner")

    assert shown_on == [threading.main_thread()]
    assert window.banner_text() == crash_message()
    _assert_logged_masked(app_logging, "thread worker-7", "OSError: worker failed")
    await _still_works(harness)


async def test_errors_while_reporting_an_error_never_escape(harness, app_logging, monkeypatch):
    """A window that cannot show the message, then a log filter that breaks:
    the slot's caller goes on, and nothing is raised again."""
    ticker = Ticker()
    ticker.ticked.connect(lambda text: (_ for _ in ()).throw(RuntimeError(text)))
    attempts: list[str] = []

    def broken_report(text: str) -> None:
        attempts.append(text)
        ticker.ticked.emit("raised while reporting")  # a second error inside the handler
        raise RuntimeError("the window is gone")

    last_resort = io.StringIO()
    monkeypatch.setattr(sys, "__stderr__", last_resort)
    with crash_guard(asyncio.get_running_loop(), report=broken_report):
        ticker.ticked.emit("first")
        assert attempts == [crash_message()]  # once: the nested error is not shown again
        logged = app_logging.getvalue()
        assert "RuntimeError: first" in logged
        assert "Could not show the error in the window" in logged
        assert "RuntimeError: the window is gone" in logged

        def broken_filter(record: logging.LogRecord) -> bool:
            raise RuntimeError("filter broke")

        for handler in logging.getLogger().handlers:
            handler.addFilter(broken_filter)
        try:
            ticker.ticked.emit("unloggable")
        finally:
            for handler in logging.getLogger().handlers:
                handler.removeFilter(broken_filter)
    # A bare line for each error that could not be reported (raised while
    # reporting, or not loggable), with no exception text: nothing is masked there.
    lines = last_resort.getvalue().splitlines()
    assert len(lines) >= 2
    assert set(lines) == {"screenpop: an unexpected error could not be reported"}
    await _still_works(harness)


def test_the_previous_hooks_come_back():
    loop = asyncio.new_event_loop()
    try:

        def previous_handler(loop, context) -> None:
            pass

        loop.set_exception_handler(previous_handler)
        before = (sys.excepthook, threading.excepthook)
        guard = CrashGuard().install(loop)
        assert sys.excepthook is not before[0]
        assert threading.excepthook is not before[1]
        assert loop.get_exception_handler() is not previous_handler
        guard.uninstall()
        assert (sys.excepthook, threading.excepthook) == before
        assert loop.get_exception_handler() is previous_handler
    finally:
        loop.close()


def test_keyboard_interrupt_goes_to_the_previous_hook():
    seen: list[type[BaseException]] = []
    previous = sys.excepthook
    sys.excepthook = lambda exc_type, exc, tb: seen.append(exc_type)
    try:
        with crash_guard() as guard:
            shown: list[str] = []
            guard.report = shown.append
            sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
        assert seen == [KeyboardInterrupt]
        assert shown == []
    finally:
        sys.excepthook = previous
