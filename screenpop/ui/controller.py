"""Runs lookups on the qasync loop and reports them as Qt signals.

The window never awaits anything: it asks for a lookup and listens. Only the
newest lookup may report back, so an agent who types a second number while
the first is still loading can never see the first caller's record pop up
over the second one.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from screenpop.core.errors import AuthError, ConfigError, InputError, ScreenpopError
from screenpop.core.intake import PopRequest
from screenpop.core.models import CustomerInfo

log = logging.getLogger(__name__)


class CustomerInfoSource(Protocol):
    """What the controller needs from a client: :class:`GoApiClient` fits."""

    async def get_customer_info(
        self, *, phone: str | None = None, lead_id: str | int | None = None
    ) -> CustomerInfo: ...

    async def aclose(self) -> None: ...


class LookupController(QObject):
    """One lookup at a time, last one wins.

    ``started`` is emitted for every lookup, ``succeeded``/``failed`` only for
    the newest one, and ``finished`` once nothing is in flight any more.
    """

    started = Signal(object)  # PopRequest
    succeeded = Signal(object, object)  # PopRequest, CustomerInfo
    # PopRequest, plain-text message, whether offering Retry makes sense
    failed = Signal(object, str, bool)
    finished = Signal()

    def __init__(self, client: CustomerInfoSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client
        # Bumped by every lookup; a reply whose generation is stale is dropped
        # even if it slipped past the cancellation.
        self._generation = 0
        self._current: asyncio.Task[None] | None = None
        # Strong references: the loop keeps only weak ones, and a cancelled
        # task must live until it has unwound.
        self._tasks: set[asyncio.Task[None]] = set()
        self._last_request: PopRequest | None = None
        self._closed = False

    @property
    def client(self) -> CustomerInfoSource:
        return self._client

    @property
    def last_request(self) -> PopRequest | None:
        return self._last_request

    def is_busy(self) -> bool:
        return self._current is not None and not self._current.done()

    def lookup(self, request: PopRequest) -> None:
        """Start looking ``request`` up, abandoning any lookup still running."""
        if self._closed:
            return
        self._cancel_current()
        self._generation += 1
        self._last_request = request
        self.started.emit(request)
        task = asyncio.ensure_future(self._run(request, self._generation))
        self._current = task
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def retry(self) -> None:
        """Repeat the last lookup. Only ever called for an explicit user action:
        retrying a rejected login by itself would lock the agent out."""
        if self._last_request is not None:
            self.lookup(self._last_request)

    async def aclose(self) -> None:
        """Abandon the lookup in flight and close the HTTP client."""
        if self._closed:
            return
        self._closed = True
        self._cancel_current()
        pending = list(self._tasks)
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        await self._client.aclose()

    def _cancel_current(self) -> None:
        if self._current is not None and not self._current.done():
            self._current.cancel()
        self._current = None

    async def _run(self, request: PopRequest, generation: int) -> None:
        try:
            info = await self._client.get_customer_info(
                phone=request.phone, lead_id=request.lead_id
            )
        except asyncio.CancelledError:
            raise  # superseded or shutting down: nobody wants this answer
        except ScreenpopError as exc:
            message = exc.user_message
            retryable = _worth_retrying(exc)
        except Exception:
            # A bug, not a dialer problem: the details go to the log, the agent
            # gets a sentence and a working window.
            log.exception("Unexpected error while looking up %s", request.searched)
            message = self.tr(
                "Unexpected error while looking up {what}; details are in the log."
            ).format(what=request.searched)
            retryable = True
        else:
            if self._take_turn(generation):
                self.succeeded.emit(request, info)
                self.finished.emit()
            return
        if self._take_turn(generation):
            self.failed.emit(request, message, retryable)
            self.finished.emit()

    def _take_turn(self, generation: int) -> bool:
        """Whether this lookup may still report; it then no longer counts as in flight."""
        if generation != self._generation or self._closed:
            return False  # a newer lookup owns the window now
        self._current = None
        return True


def _worth_retrying(error: ScreenpopError) -> bool:
    """Retry helps with a flaky network or server, never with a refused login
    (each try counts towards the dialer's lockout) or a bad setting or input."""
    return not isinstance(error, (AuthError, ConfigError, InputError))
