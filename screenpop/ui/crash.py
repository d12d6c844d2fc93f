"""Crash safety: an unexpected exception is logged, told, and survived.

PySide6 hands an exception raised in a slot (or in an overridden Qt method)
to :data:`sys.excepthook` and carries on; asyncio hands one that nobody
awaited (a task's, a callback's) to the loop's exception handler. Left at
their defaults both print a traceback to stderr, past the logging system and
so past the :class:`~screenpop.core.redact.SecretFilter`, and the agent sees
nothing. :class:`CrashGuard` replaces them while the window runs:

* the traceback goes to the log (``logging``, where every handler masks the
  password);
* the window shows one plain sentence in its banner, never a traceback
  (:func:`crash_message`);
* the app keeps running, and an error while reporting an error (a broken log
  handler, a window already gone) is swallowed, never raised again.

Threads get the same treatment through :data:`threading.excepthook`; their
banner is shown on the GUI thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import threading
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]
# Shows a plain-text sentence to the agent (MainWindow.show_error fits).
Reporter = Callable[[str], object]
LoopHandler = Callable[[asyncio.AbstractEventLoop, dict[str, Any]], object]

_LAST_RESORT = "screenpop: an unexpected error could not be reported\n"


def crash_message() -> str:
    """What the agent reads after an unexpected error: no details, no traceback."""
    return QCoreApplication.translate(
        "CrashGuard",
        "Something went wrong inside Screenpop; it keeps running. Details are in the log.",
    )


class CrashGuard:
    """Logs unexpected exceptions, shows :func:`crash_message` through
    ``report`` and keeps the app alive. :meth:`install` / :meth:`uninstall`,
    or use :func:`crash_guard`.

    ``report`` may be set later (the window is built after the guard is
    installed, so errors while building it are logged too).
    """

    def __init__(self, report: Reporter | None = None) -> None:
        self.report = report
        self._loop: asyncio.AbstractEventLoop | None = None
        self._gui_thread: threading.Thread | None = None
        self._local = threading.local()
        # Bound once, so "is the installed hook still ours?" is an identity check.
        self._sys_hook = self._excepthook
        self._thread_hook = self._threading_excepthook
        self._previous_sys_hook: Callable[..., object] | None = None
        self._previous_thread_hook: Callable[..., object] | None = None
        self._previous_loop_handler: LoopHandler | None = None
        self._installed = False

    # --- installing

    def install(self, loop: asyncio.AbstractEventLoop | None = None) -> CrashGuard:
        """Take over ``sys.excepthook``, ``threading.excepthook`` and, given a
        loop, its exception handler. Call it on the GUI thread."""
        if self._installed:
            return self
        self._gui_thread = threading.current_thread()
        self._previous_sys_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self._sys_hook
        threading.excepthook = self._thread_hook
        if loop is not None:
            self._loop = loop
            # qasync keeps the handler to itself; BaseEventLoop's getter then
            # says None, which is what a fresh loop has anyway.
            self._previous_loop_handler = loop.get_exception_handler()
            loop.set_exception_handler(self._loop_exception)
        self._installed = True
        return self

    def uninstall(self) -> None:
        """Put back what :meth:`install` replaced (a hook someone else
        installed since is left alone)."""
        if not self._installed:
            return
        self._installed = False
        if sys.excepthook is self._sys_hook:
            sys.excepthook = self._previous_sys_hook or sys.__excepthook__
        if threading.excepthook is self._thread_hook:
            threading.excepthook = self._previous_thread_hook or threading.__excepthook__
        loop, self._loop = self._loop, None
        if loop is not None and not loop.is_closed():
            loop.set_exception_handler(self._previous_loop_handler)

    # --- the hooks

    def _excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        """Qt slots and virtual methods (PySide6 reports them here) and
        anything else that reaches the top of the GUI thread."""
        if not isinstance(exc, Exception):
            # KeyboardInterrupt and the like are not bugs to hide in the log.
            with contextlib.suppress(Exception):
                previous = self._previous_sys_hook or sys.__excepthook__
                previous(exc_type, exc, traceback)
            return
        self.handle("Unexpected error in the window", (exc_type, exc, traceback))

    def _threading_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return  # a thread ending itself, as the default hook treats it
        name = args.thread.name if args.thread is not None else "?"
        self.handle(
            f"Unexpected error in thread {name}",
            (args.exc_type, args.exc_value, args.exc_traceback),
        )

    def _loop_exception(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        """asyncio: a task's exception nobody retrieved, a failing callback..."""
        message = str(context.get("message") or "Unhandled exception in the event loop")
        details = _context_details(context)
        exception = context.get("exception")
        if isinstance(exception, Exception):
            what = f"Unexpected error in a background task: {message}"
            if details:
                what += f" ({details})"
            self.handle(what, (type(exception), exception, exception.__traceback__))
            return
        # No exception (a task destroyed while pending, say): a bug worth a
        # log line, but nothing the agent could act on.
        with self._reporting() as first:
            try:
                log.error("%s%s", message, f" ({details})" if details else "")
            except Exception:
                if first:
                    _last_resort()

    # --- reporting

    def handle(self, what: str, exc_info: ExcInfo) -> None:
        """Log ``exc_info`` under ``what`` and show the crash message; never raises."""
        with self._reporting() as first:
            if not first:
                # An error while reporting an error: one bare line, no loop.
                _last_resort()
                return
            try:
                log.error("%s; Screenpop keeps running", what, exc_info=exc_info)
            except Exception:
                _last_resort()
            self._show()

    @contextlib.contextmanager
    def _reporting(self) -> Iterator[bool]:
        """Marks this thread as busy reporting; yields whether it was not yet."""
        first = not getattr(self._local, "busy", False)
        self._local.busy = True
        try:
            yield first
        except Exception:
            _last_resort()
        finally:
            if first:
                self._local.busy = False

    def _show(self) -> None:
        if self.report is None:
            return
        if threading.current_thread() is not self._gui_thread:
            # Widgets belong to the GUI thread: show it there.
            loop = self._loop
            if loop is not None:
                with contextlib.suppress(RuntimeError):  # the loop is closed
                    loop.call_soon_threadsafe(self._show_later)
            return
        self._show_now()

    def _show_later(self) -> None:
        with self._reporting() as first:
            if first:
                self._show_now()

    def _show_now(self) -> None:
        """Call ``report``; only ever inside :meth:`_reporting`, so an error it
        causes is not reported again."""
        report = self.report
        if report is None:
            return
        try:
            report(crash_message())
        except Exception:
            # The window may be gone (shutting down); the log has the story.
            try:
                log.warning("Could not show the error in the window", exc_info=True)
            except Exception:
                _last_resort()


def _context_details(context: dict[str, Any]) -> str:
    """The loop context's other entries (task, callback...), as asyncio's own
    handler lists them; through the log, so secrets in a repr are masked."""
    parts = []
    for key in sorted(context):
        if key in ("message", "exception"):
            continue
        try:
            parts.append(f"{key}: {context[key]!r}")
        except Exception:
            parts.append(f"{key}: <unprintable>")
    return "; ".join(parts)


def _last_resort() -> None:
    """A fixed line on the real stderr: no exception text, so nothing to leak."""
    with contextlib.suppress(Exception):
        stream = sys.__stderr__
        if stream is not None:
            stream.write(_LAST_RESORT)
            stream.flush()


@contextlib.contextmanager
def crash_guard(
    loop: asyncio.AbstractEventLoop | None = None, report: Reporter | None = None
) -> Iterator[CrashGuard]:
    """A :class:`CrashGuard` installed for the ``with`` block, the previous
    hooks put back afterwards."""
    guard = CrashGuard(report).install(loop)
    try:
        yield guard
    finally:
        guard.uninstall()
