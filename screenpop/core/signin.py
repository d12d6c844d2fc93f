"""Lockout safety: after the dialer refuses the login, hold lookups back.

Ten failed logins lock an agent out of the dialer for 15 minutes (API-NOTES),
and pops keep arriving by themselves while a call center is busy. So:

* after "Login incorrect", nothing is sent, automatic or typed, until the
  password is entered again (:meth:`SignInGuard.credentials_changed`);
* after "Too many login attempts", automatic lookups wait until the lock
  should have ended; a lookup the agent asks for explicitly still goes out;
* after "not allowed to access the API", nothing is sent until the settings
  change: no password can fix it.

Qt-free, so the rule is tested without a window and holds for every caller.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable

from screenpop.core import errors

Clock = Callable[[], dt.datetime]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class SignInState(enum.Enum):
    OK = "ok"
    LOGIN_REFUSED = "login_refused"
    LOCKED = "locked"
    NO_API_ACCESS = "no_api_access"


class SignInGuard:
    """Remembers the last authentication failure and decides what may be sent."""

    def __init__(self, clock: Clock = _utc_now) -> None:
        self._clock = clock
        self._state = SignInState.OK
        self._error: errors.AuthError | None = None

    @property
    def state(self) -> SignInState:
        self._expire_lock()
        return self._state

    @property
    def locked_until(self) -> dt.datetime | None:
        if isinstance(self._error, errors.AccountLocked) and self.state is SignInState.LOCKED:
            return self._error.locked_until
        return None

    def check(self, *, explicit: bool) -> None:
        """Raise the held-back failure if a lookup must not be sent now.

        ``explicit`` is True for a lookup the agent asked for (Enter, the
        Look up button, Retry) and False for one that arrived by itself.
        """
        state = self.state
        if state is SignInState.OK:
            return
        if state is SignInState.LOCKED and explicit:
            return  # the agent chose to try; the server decides
        assert self._error is not None
        raise self._error

    def record(self, error: BaseException | None) -> None:
        """Feed the outcome of a lookup that was sent (None for success)."""
        if isinstance(error, errors.LoginIncorrect):
            self._hold(SignInState.LOGIN_REFUSED, error)
        elif isinstance(error, errors.AccountLocked):
            self._hold(SignInState.LOCKED, error)
        elif isinstance(error, errors.ApiAccessDenied):
            self._hold(SignInState.NO_API_ACCESS, error)
        elif error is None or isinstance(error, errors.RecordError):
            # The server accepted the login (a "not found" needs a good login too).
            self.credentials_changed()

    def credentials_changed(self) -> None:
        """New user, password or server: the old refusal no longer applies."""
        self._state = SignInState.OK
        self._error = None

    def _hold(self, state: SignInState, error: errors.AuthError) -> None:
        self._state = state
        self._error = error

    def _expire_lock(self) -> None:
        if (
            self._state is SignInState.LOCKED
            and isinstance(self._error, errors.AccountLocked)
            and self._clock() >= self._error.locked_until
        ):
            self.credentials_changed()
