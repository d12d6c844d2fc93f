"""Lockout safety: what may be sent after the dialer refused the login."""

import datetime as dt

import pytest

from screenpop.core import errors
from screenpop.core.signin import SignInGuard, SignInState

NOW = dt.datetime(2026, 12, 3, 12, 0, tzinfo=dt.timezone.utc)


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def guard(clock) -> SignInGuard:
    return SignInGuard(clock)


@pytest.mark.parametrize("explicit", [True, False])
def test_everything_goes_out_while_signed_in(guard, explicit):
    guard.check(explicit=explicit)
    assert guard.state is SignInState.OK


@pytest.mark.parametrize("explicit", [True, False])
def test_refused_login_holds_every_lookup_until_the_password_changes(guard, explicit):
    guard.record(errors.LoginIncorrect())
    with pytest.raises(errors.LoginIncorrect):
        guard.check(explicit=explicit)
    guard.credentials_changed()
    guard.check(explicit=explicit)


def test_lock_holds_automatic_lookups_but_not_explicit_ones(guard, clock):
    guard.record(errors.AccountLocked(NOW + dt.timedelta(minutes=15)))
    with pytest.raises(errors.AccountLocked):
        guard.check(explicit=False)
    guard.check(explicit=True)  # the agent chose to try
    assert guard.locked_until == NOW + dt.timedelta(minutes=15)


def test_lock_ends_by_itself(guard, clock):
    guard.record(errors.AccountLocked(NOW + dt.timedelta(minutes=15)))
    clock.now = NOW + dt.timedelta(minutes=15, seconds=1)
    guard.check(explicit=False)
    assert guard.state is SignInState.OK
    assert guard.locked_until is None


def test_no_api_access_holds_until_settings_change(guard):
    guard.record(errors.ApiAccessDenied("agent7"))
    with pytest.raises(errors.ApiAccessDenied):
        guard.check(explicit=True)


@pytest.mark.parametrize("outcome", [None, errors.LeadNotFound("lead ID 9")])
def test_an_accepted_login_clears_a_lock(guard, outcome):
    guard.record(errors.AccountLocked(NOW + dt.timedelta(minutes=15)))
    guard.record(outcome)
    guard.check(explicit=False)


@pytest.mark.parametrize(
    "outcome", [errors.RequestTimeout(5), errors.HttpStatusError(500), errors.MalformedReply("x")]
)
def test_server_and_network_trouble_does_not_clear_a_refusal(guard, outcome):
    guard.record(errors.LoginIncorrect())
    guard.record(outcome)
    with pytest.raises(errors.LoginIncorrect):
        guard.check(explicit=False)
