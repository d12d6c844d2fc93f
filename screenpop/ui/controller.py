"""Runs lookups on the qasync loop and reports them as Qt signals.

The window never awaits anything: it asks for a lookup and listens. Only the
newest lookup may report back, so an agent who types a second number while
the first is still loading can never see the first caller's record pop up
over the second one.

Lockout safety lives here too, through :class:`SignInGuard`: before anything
is sent the guard is asked whether it may go (``explicit`` says whether the
agent asked for it or it arrived by itself), and every answer is fed back to
it. Until the dialer has accepted the current credentials once, lookups go
out one at a time (newer ones wait), so a burst of pops with a wrong password
costs one failed login, not one per pop. Nothing here ever repeats a lookup
that failed to sign in: only new credentials (:meth:`use_client`) or the
agent (:meth:`retry`, a typed lookup) send again.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from screenpop.core.errors import (
    AccountLocked,
    AuthError,
    ConfigError,
    InputError,
    LoginIncorrect,
    RecordError,
    ScreenpopError,
)
from screenpop.core.history import Outcome
from screenpop.core.intake import PopRequest
from screenpop.core.models import CustomerInfo
from screenpop.core.signin import SignInGuard, SignInState
from screenpop.ui.i18n import tr_text

log = logging.getLogger(__name__)

# Pops arriving faster than this are coalesced: the first goes out at once,
# later ones wait and only the newest is sent, so a burst of links cannot
# flood the dialer (or the agent's screen).
POP_INTERVAL_S = 0.15
# The same number popped again this soon shows the record already fetched.
DEFAULT_REUSE_SECONDS = 10.0


class CustomerInfoSource(Protocol):
    """What the controller needs from a client: :class:`GoApiClient` fits."""

    async def get_customer_info(
        self, *, phone: str | None = None, lead_id: str | int | None = None
    ) -> CustomerInfo: ...

    async def aclose(self) -> None: ...


class LookupController(QObject):
    """One lookup at a time, last one wins, never past the sign-in guard.

    ``started`` is emitted for every lookup sent, ``queued`` for one that must
    wait (credentials still loading, or the first login still being checked),
    ``held_back`` for one the guard stopped (nothing was sent),
    ``succeeded``/``failed`` only for the newest one (each preceded by
    ``answered``, which says how it ended, for the recent lookups), and
    ``finished`` once nothing is in flight or waiting any more. ``password_rejected`` is emitted
    once each time the dialer starts refusing the password.
    """

    started = Signal(object)  # PopRequest
    queued = Signal(object)  # PopRequest
    held_back = Signal(object, str)  # PopRequest, plain-text reason
    succeeded = Signal(object, object)  # PopRequest, CustomerInfo
    # PopRequest, plain-text message, whether offering Retry makes sense
    failed = Signal(object, str, bool)
    # PopRequest, Outcome ("found", "not_found", "failed"), CustomerInfo | None
    answered = Signal(object, str, object)
    finished = Signal()
    password_rejected = Signal()

    def __init__(
        self,
        client: CustomerInfoSource,
        parent: QObject | None = None,
        *,
        guard: SignInGuard | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._guard = guard or SignInGuard()
        # Bumped by every lookup; a reply whose generation is stale is dropped
        # even if it slipped past the cancellation.
        self._generation = 0
        # Bumped whenever the credentials change: a late answer for the old
        # ones must not tell the guard anything about the new ones.
        self._epoch = 0
        # Whether the dialer has accepted the current credentials yet.
        self._proven = False
        self._current: asyncio.Task[None] | None = None
        self._current_request: PopRequest | None = None
        # Strong references: the loop keeps only weak ones, and a cancelled
        # task must live until it has unwound.
        self._tasks: set[asyncio.Task[None]] = set()
        self._last_request: PopRequest | None = None
        # The newest lookup waiting for its turn, and whether the agent asked for it.
        self._waiting: tuple[PopRequest, bool] | None = None
        # The newest lookup a sign-in problem kept from an answer: looked up
        # once new credentials arrive.
        self._unanswered: PopRequest | None = None
        self._suspended = False
        self._closed = False
        self.reuse_seconds = DEFAULT_REUSE_SECONDS
        # The last record fetched: (what was searched, record, monotonic time).
        self._recent: tuple[tuple[str | None, str | None], CustomerInfo, float] | None = None
        self._last_pop_sent = -POP_INTERVAL_S
        self._pop_timer = QTimer(self)
        self._pop_timer.setSingleShot(True)
        self._pop_timer.timeout.connect(self._send_waiting)

    @property
    def client(self) -> CustomerInfoSource:
        return self._client

    @property
    def guard(self) -> SignInGuard:
        return self._guard

    def is_busy(self) -> bool:
        """A lookup is in flight or waiting for its turn."""
        return self._in_flight() or self._waiting is not None

    def lookup(self, request: PopRequest, explicit: bool = True) -> None:
        """Look ``request`` up, abandoning any lookup still running.

        ``explicit`` is True when the agent asked (Enter, the Look up button,
        Retry) and False for a number that arrived by itself (a pop).
        """
        if self._closed:
            return
        self._last_request = request
        if not explicit and self._reuse(request):
            return
        if self._suspended or (not self._proven and self._in_flight()):
            # Wait: the credentials are still loading, or the dialer has not
            # yet answered the first login with them, and a second request
            # now could cost a second failed login.
            self._wait(request, explicit)
            return
        if not explicit and self._may_send(explicit):
            too_soon = self._last_pop_sent + POP_INTERVAL_S - time.monotonic()
            if too_soon > 0 or (self._waiting is not None and not self._waiting[1]):
                self._wait(request, explicit)
                self._pop_timer.start(max(1, int(too_soon * 1000)))
                return
            self._last_pop_sent = time.monotonic()
        self._waiting = None
        self._send(request, explicit)

    def _may_send(self, explicit: bool) -> bool:
        """Whether the sign-in guard would let a lookup out now (held-back
        pops are answered at once, not throttled)."""
        try:
            self._guard.check(explicit=explicit)
        except AuthError:
            return False
        return True

    def _wait(self, request: PopRequest, explicit: bool) -> None:
        """The newest request waits for its turn; whatever is in flight no
        longer owns the window."""
        self._generation += 1
        self._waiting = (request, explicit)
        self.queued.emit(request)

    def _reuse(self, request: PopRequest) -> bool:
        """Show the record just fetched again when the same number pops again soon."""
        if self._recent is None or self.reuse_seconds <= 0:
            return False
        key, info, fetched = self._recent
        if key != (request.phone, request.lead_id):
            return False
        if time.monotonic() - fetched > self.reuse_seconds:
            return False
        self._cancel_current()
        self._waiting = None
        self._generation += 1
        self.answered.emit(request, "found", info)
        self.succeeded.emit(request, info)
        self.finished.emit()
        return True

    def retry(self) -> None:
        """Repeat the last lookup. Only ever called for an explicit user action:
        retrying a rejected login by itself would lock the agent out."""
        if self._last_request is not None:
            self.lookup(self._last_request, True)

    def suspend(self) -> None:
        """Hold lookups (the newest one waits) until :meth:`use_client`."""
        self._suspended = True

    def use_client(self, client: CustomerInfoSource) -> None:
        """Switch to new credentials or settings: the old client is closed, the
        guard forgets the old refusal, and the newest lookup that waited or
        was refused for a sign-in reason is looked up with the new client."""
        if self._closed:
            return
        old = self._client
        interrupted = self._current_request if self._in_flight() else None
        self._cancel_current()
        self._client = client
        self._epoch += 1
        self._proven = False
        self._suspended = False
        self._guard.credentials_changed()
        self._recent = None  # another account or dialer may see another record
        if old is not client:
            self._spawn(self._close_after(old, list(self._tasks)))
        if self._waiting is not None:
            request, explicit = self._waiting
        elif interrupted is not None:
            request, explicit = interrupted, False
        elif self._unanswered is not None:
            request, explicit = self._unanswered, False
        else:
            self.finished.emit()  # nothing to look up; nothing is in flight any more
            return
        self._waiting = None
        self._unanswered = None
        self._send(request, explicit)

    async def aclose(self) -> None:
        """Abandon the lookup in flight and close the HTTP client."""
        if self._closed:
            return
        self._closed = True
        self._waiting = None
        self._pop_timer.stop()
        self._cancel_current()
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)
        await self._client.aclose()

    # --- sending

    def _send(self, request: PopRequest, explicit: bool) -> None:
        try:
            self._guard.check(explicit=explicit)
        except AuthError as exc:
            # Held back: nothing goes to the dialer. The window still shows the
            # number and why; the request is looked up once new credentials come.
            self._cancel_current()
            self._generation += 1
            self._unanswered = request
            self.held_back.emit(request, self._message_for(exc))
            self.finished.emit()
            return
        self._cancel_current()
        self._generation += 1
        self.started.emit(request)
        task = self._spawn(self._run(request, self._generation, self._client, self._epoch))
        self._current = task
        self._current_request = request

    def _spawn(self, coroutine: object) -> asyncio.Task[None]:
        task: asyncio.Task[None] = asyncio.ensure_future(coroutine)  # type: ignore[arg-type]
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def _in_flight(self) -> bool:
        return self._current is not None and not self._current.done()

    def _cancel_current(self) -> None:
        if self._current is not None and not self._current.done():
            self._current.cancel()
        self._current = None
        self._current_request = None

    @staticmethod
    async def _close_after(client: CustomerInfoSource, tasks: list[asyncio.Task[None]]) -> None:
        """Close a replaced client once the lookups that used it have unwound."""
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        try:
            await client.aclose()
        except Exception:
            log.exception("Closing the previous dialer client failed")

    async def _run(
        self, request: PopRequest, generation: int, client: CustomerInfoSource, epoch: int
    ) -> None:
        error: ScreenpopError | None = None
        info: CustomerInfo | None = None
        message, retryable = "", True
        try:
            info = await client.get_customer_info(phone=request.phone, lead_id=request.lead_id)
        except asyncio.CancelledError:
            raise  # superseded or shutting down: nobody wants this answer
        except ScreenpopError as exc:
            error = exc
            message = self._message_for(exc)
            retryable = _worth_retrying(exc)
        except Exception:
            # A bug, not a dialer problem: the details go to the log, the agent
            # gets a sentence and a working window.
            log.exception("Unexpected error while looking up %s", request.searched)
            message = self.tr(
                "Unexpected error while looking up {what}; details are in the log."
            ).format(what=tr_text(request.searched_text))
            retryable = True
        if self._current is asyncio.current_task():
            self._current = None
            self._current_request = None
        if epoch == self._epoch and not self._closed:
            self._learn(request, info, error)
        if info is not None and epoch == self._epoch:
            self._recent = ((request.phone, request.lead_id), info, time.monotonic())
        if self._take_turn(generation):
            self.answered.emit(request, _outcome(info, error), info)
            if info is not None:
                self.succeeded.emit(request, info)
            else:
                self.failed.emit(request, message, retryable)
            self.finished.emit()
        self._send_waiting()

    def _learn(
        self, request: PopRequest, info: CustomerInfo | None, error: ScreenpopError | None
    ) -> None:
        """Tell the guard how the login went; remember what a sign-in problem left unanswered."""
        refused_before = self._guard.state is SignInState.LOGIN_REFUSED
        if info is not None:
            self._guard.record(None)
        elif error is not None:
            self._guard.record(error)
        if info is not None or isinstance(error, RecordError):
            self._proven = True
            self._unanswered = None
        elif isinstance(error, (AuthError, ConfigError)):
            self._unanswered = request
        if isinstance(error, LoginIncorrect) and not refused_before:
            self.password_rejected.emit()

    def _message_for(self, error: ScreenpopError) -> str:
        if isinstance(error, AccountLocked):
            return (
                tr_text(error.text)
                + " "
                + self.tr(
                    "Calls arriving until then are shown but not looked up; "
                    "press Enter to look one up anyway."
                )
            )
        return tr_text(error.text)

    def _send_waiting(self) -> None:
        if self._waiting is None or self._suspended or self._closed:
            return
        request, explicit = self._waiting
        if self._in_flight() and not self._proven:
            return  # sent when the first answer with these credentials is in
        if not explicit:
            too_soon = self._last_pop_sent + POP_INTERVAL_S - time.monotonic()
            if too_soon > 0:
                self._pop_timer.start(max(1, int(too_soon * 1000)))
                return
            self._last_pop_sent = time.monotonic()
        self._waiting = None
        self._send(request, explicit)

    def _take_turn(self, generation: int) -> bool:
        """Whether this lookup may still report."""
        return generation == self._generation and not self._closed


def _worth_retrying(error: ScreenpopError) -> bool:
    """Retry helps with a flaky network or server, never with a refused login
    (each try counts towards the dialer's lockout) or a bad setting or input."""
    return not isinstance(error, (AuthError, ConfigError, InputError))


def _outcome(info: CustomerInfo | None, error: ScreenpopError | None) -> Outcome:
    if info is not None:
        return "found"
    return "not_found" if isinstance(error, RecordError) else "failed"
