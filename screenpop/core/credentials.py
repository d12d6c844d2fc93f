"""The dialer password in the OS keyring, or in memory for one run when there is none.

The password is stored with :mod:`keyring` under the service ``Screenpop`` and
an account named after the user *and* the endpoint (``user@https://…``), so
two servers never share, or overwrite, an entry.

A keyring call can block: a Secret Service unlock prompt waits for a person,
and a dead D-Bus can hang. So every call runs in a daemon thread (one that
hangs for good cannot hold up the interpreter's exit, which a thread pool's
worker would) and is awaited for at most ``timeout`` seconds.

When the keyring cannot be used (none installed, locked, D-Bus missing, no
answer in time) the password is kept in a dict on the store, for this run
only, and never written anywhere. Every later call tries the keyring again;
once it answers, what happened meanwhile (passwords set, forgotten or moved)
is replayed into it in order, so the agent does not have to restart.

Nothing here logs a password; DEBUG messages name the account and where its
password is.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

from screenpop.core.i18n import QT_TRANSLATE_NOOP, Text

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "Screenpop"
DEFAULT_TIMEOUT = 5.0

log = logging.getLogger(__name__)

T = TypeVar("T")

# What follows from a keyring that cannot be used: "{reason}, so ...".
_IN_MEMORY = QT_TRANSLATE_NOOP(
    "credentials", "{reason}, so the password is kept in memory for this session only."
)
_NOT_REMOVED = QT_TRANSLATE_NOOP(
    "credentials",
    "{reason}, so a password saved in it could not be removed yet "
    "(Screenpop tries again while it keeps running).",
)
_RECOVERED = Text.of(
    QT_TRANSLATE_NOOP(
        "credentials",
        "The system keyring is available again, and the password that was kept in memory "
        "is now saved in it.",
    )
)
_GIVEN_UP = Text.of(QT_TRANSLATE_NOOP("credentials", "the request was given up"))
# Exceptions from these packages mean the D-Bus Secret Service failed.
_DBUS_PACKAGES = frozenset({"secretstorage", "jeepney", "dbus"})


def account_name(user: str, endpoint: str) -> str:
    """The keyring account for ``user`` on ``endpoint`` (the resolved goAPI URL)."""
    if not user or not endpoint:
        raise ValueError("a keyring account needs both a user and an endpoint")
    return f"{user}@{endpoint}"


class PasswordLocation(enum.Enum):
    """Where the password for an account is after a call."""

    KEYRING = "keyring"
    MEMORY = "memory"
    NOWHERE = "nowhere"


@dataclass(frozen=True)
class StoreOutcome:
    """Where the password went, and what to tell the agent.

    ``message`` is "" when all is well, otherwise one plain sentence for the
    window or the terminal, in English; :attr:`text` is the same sentence to
    translate. ``reason`` is why the keyring could not be used, as a clause
    without the consequence ("the system keyring is locked"), or "" when it
    was used. None of them ever holds the password.
    """

    location: PasswordLocation
    message: str = ""
    reason: str = ""
    # ``message`` as built, translatable; None when it was given as a plain str.
    message_text: Text | None = field(default=None, compare=False, repr=False)

    @property
    def text(self) -> Text:
        """``message`` for the window (renders to "" when all is well)."""
        return self.message_text if self.message_text is not None else Text.plain(self.message)

    @classmethod
    def of(
        cls, location: PasswordLocation, message: Text | None = None, reason: Text | None = None
    ) -> StoreOutcome:
        return cls(
            location,
            str(message) if message is not None else "",
            str(reason) if reason is not None else "",
            message,
        )


# ---------------------------------------------------------------- internals


class _Unusable(Exception):
    """The backend keyring picked cannot keep a password safely."""

    def __init__(self, reason: Text) -> None:
        super().__init__(str(reason))
        self.reason = reason


@dataclass(frozen=True)
class _Attempt(Generic[T]):
    """What one trip to the keyring came back with."""

    ok: bool
    value: T | None = field(default=None, repr=False)  # may be a password
    reason: Text | None = None
    recovered: bool = False  # a password held in memory was written to the keyring


@dataclass(frozen=True)
class _Pending:
    """A keyring change made in memory while the keyring could not be reached."""

    action: str  # "set", "delete" or "move"
    account: str
    password: str = ""
    target: str = ""

    def __repr__(self) -> str:  # never show the password
        return f"_Pending({self.action!r}, {self.account!r}, target={self.target!r})"


def _sentence(reason: Text, consequence: str) -> Text:
    """``consequence`` (a marked "{reason}, so ..." template) with the reason
    clause in front, its first letter capitalised."""
    return Text.of(consequence, capitalize=True, reason=reason)


_NO_KEYRING = QT_TRANSLATE_NOOP("credentials", "no system keyring is available")


def _reason_for(exc: BaseException) -> Text:
    """A clause naming what went wrong; the exception's text is not quoted
    (a backend's message is not ours to vouch for), only its class name."""
    name = type(exc).__name__
    try:
        from keyring import errors
    except ImportError:
        return Text.of(
            QT_TRANSLATE_NOOP("credentials", "the keyring package cannot be loaded ({name})"),
            name=name,
        )

    if isinstance(exc, _Unusable):
        return exc.reason
    if isinstance(exc, errors.KeyringLocked):
        return Text.of(QT_TRANSLATE_NOOP("credentials", "the system keyring is locked"))
    if isinstance(exc, errors.NoKeyringError):
        return Text.of(_NO_KEYRING)
    if isinstance(exc, errors.InitError):
        return Text.of(QT_TRANSLATE_NOOP("credentials", "the system keyring could not be opened"))
    if isinstance(exc, errors.PasswordSetError):
        return Text.of(
            QT_TRANSLATE_NOOP("credentials", "the system keyring refused to save the password")
        )
    if isinstance(exc, errors.PasswordDeleteError):
        return Text.of(
            QT_TRANSLATE_NOOP("credentials", "the system keyring refused to remove the password")
        )
    if isinstance(exc, errors.KeyringError):
        return Text.of(
            QT_TRANSLATE_NOOP("credentials", "the system keyring reported an error ({name})"),
            name=name,
        )
    package = type(exc).__module__.split(".")[0]
    if package in _DBUS_PACKAGES:
        if name == "SecretServiceNotAvailableException":
            return Text.of(
                QT_TRANSLATE_NOOP(
                    "credentials", "no system keyring is available (no Secret Service on D-Bus)"
                )
            )
        return Text.of(
            QT_TRANSLATE_NOOP("credentials", "the Secret Service on D-Bus failed ({name})"),
            name=name,
        )
    if isinstance(exc, OSError):
        return Text.of(
            QT_TRANSLATE_NOOP("credentials", "the system keyring could not be reached ({name})"),
            name=name,
        )
    return Text.of(
        QT_TRANSLATE_NOOP("credentials", "the system keyring could not be used ({name})"),
        name=name,
    )


def _unusable_reason(backend: KeyringBackend) -> Text | None:
    """Why ``backend`` cannot keep a password safely, or None when it can."""
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring):
        return Text.of(_NO_KEYRING)
    if isinstance(backend, null.Keyring):
        return Text.of(
            QT_TRANSLATE_NOOP(
                "credentials",
                "the system keyring is turned off (keyring is set to its null backend)",
            )
        )
    if isinstance(backend, chainer.ChainerBackend):
        chained = list(backend.backends)
        return _unusable_reason(chained[0]) if chained else Text.of(_NO_KEYRING)
    try:
        priority = float(backend.priority)
    except Exception as exc:  # keyring's way of saying "not viable here"
        return _reason_for(exc)
    if priority < 1:
        # keyring's own rule: below 1 is not recommended (keyrings.alt's
        # plain-text file has 0.5). Such a backend may write the password
        # in the clear, which Screenpop never does.
        return Text.of(
            QT_TRANSLATE_NOOP(
                "credentials", "the configured keyring ({name}) is not a secure system keyring"
            ),
            name=str(backend.name),
        )
    return None


def _delete_entry(backend: KeyringBackend, account: str) -> bool:
    """Delete ``account``'s entry; True if there was one. A missing entry is fine."""
    from keyring.errors import PasswordDeleteError

    try:
        backend.delete_password(SERVICE, account)
    except PasswordDeleteError:
        # Backends raise this both for "no such entry" and for a real refusal.
        if backend.get_password(SERVICE, account) is None:
            return False
        raise
    return True


def _move_entry(backend: KeyringBackend, old: str, new: str) -> bool:
    """Give ``new`` the password of ``old`` and drop ``old``; False if ``old`` had none."""
    if old == new:
        return backend.get_password(SERVICE, old) is not None
    password = backend.get_password(SERVICE, old)
    if password is None:
        return False
    backend.set_password(SERVICE, new, password)
    _delete_entry(backend, old)
    return True


class CredentialStore:
    """The password for a (user, endpoint), in the keyring or, failing that, in memory.

    ``backend`` None means keyring's own choice (``keyring.get_keyring()``),
    looked up on first use, in the worker thread, and looked up again while it
    is "no keyring" (a Secret Service that starts later is then found).
    """

    def __init__(
        self, *, timeout: float = DEFAULT_TIMEOUT, backend: KeyringBackend | None = None
    ) -> None:
        if not timeout > 0:
            raise ValueError("the keyring timeout must be positive")
        self._timeout = timeout
        self._given = backend
        self._detected: KeyringBackend | None = None
        self._redetect = False
        self._checked: KeyringBackend | None = None  # last backend found usable
        self._backend_name: str | None = None
        # One keyring call at a time: a hung call blocks the ones behind it,
        # which then time out instead of piling up.
        self._keyring_lock = threading.Lock()
        # Guards the fields below, which the loop and the worker both touch.
        self._state_lock = threading.Lock()
        self._memory: dict[str, str] = {}
        self._pending: list[_Pending] = []
        self._memory_only = False

    @property
    def timeout(self) -> float:
        return self._timeout

    @property
    def backend_name(self) -> str | None:
        """keyring's display name of the backend last used successfully."""
        return self._backend_name

    def memory_only(self) -> bool:
        """True while the keyring cannot be used (the last call fell back to memory)."""
        with self._state_lock:
            return self._memory_only

    # ------------------------------------------------------------ public API

    async def get(self, user: str, endpoint: str) -> tuple[str | None, StoreOutcome]:
        """The saved password (None when there is none) and where it came from."""
        account = account_name(user, endpoint)
        attempt = await self._call(
            lambda backend: backend.get_password(SERVICE, account), "get", account
        )
        if attempt.ok:
            password = attempt.value or None
            location = PasswordLocation.KEYRING if password else PasswordLocation.NOWHERE
            log.debug("keyring: %s: password %s", account, location.value)
            return password, self._success(location, attempt)
        with self._state_lock:
            password = self._memory.get(account)
        location = PasswordLocation.MEMORY if password else PasswordLocation.NOWHERE
        return password, self._fallback(location, attempt.reason, _IN_MEMORY)

    async def set(self, user: str, endpoint: str, password: str) -> StoreOutcome:
        """Save (or replace) the password."""
        if not password:
            raise ValueError("refusing to save an empty password")
        account = account_name(user, endpoint)
        attempt = await self._call(
            lambda backend: backend.set_password(SERVICE, account, password), "set", account
        )
        if attempt.ok:
            log.debug("keyring: %s: password saved in the keyring", account)
            return self._success(PasswordLocation.KEYRING, attempt)
        with self._state_lock:
            self._memory[account] = password
            self._pending.append(_Pending("set", account, password=password))
        return self._fallback(PasswordLocation.MEMORY, attempt.reason, _IN_MEMORY)

    async def delete(self, user: str, endpoint: str) -> StoreOutcome:
        """Forget the password ("Forget password"); nothing saved is fine too."""
        account = account_name(user, endpoint)
        attempt = await self._call(
            lambda backend: _delete_entry(backend, account), "delete", account
        )
        with self._state_lock:
            self._memory.pop(account, None)
            if not attempt.ok:
                self._pending.append(_Pending("delete", account))
        if attempt.ok:
            log.debug("keyring: %s: %s", account, "deleted" if attempt.value else "nothing saved")
            return self._success(PasswordLocation.NOWHERE, attempt)
        return self._fallback(PasswordLocation.NOWHERE, attempt.reason, _NOT_REMOVED)

    async def move(self, old: tuple[str, str], new: tuple[str, str]) -> StoreOutcome:
        """The user or server changed: the new (user, endpoint) gets the old
        one's password, and the old entry is dropped."""
        source, target = account_name(*old), account_name(*new)
        attempt = await self._call(
            lambda backend: _move_entry(backend, source, target), "move", source
        )
        if attempt.ok:
            location = PasswordLocation.KEYRING if attempt.value else PasswordLocation.NOWHERE
            log.debug("keyring: %s -> %s: password %s", source, target, location.value)
            return self._success(location, attempt)
        with self._state_lock:
            if source != target:
                password = self._memory.pop(source, None)
                if password is not None:
                    self._memory[target] = password
                else:
                    # Whatever the keyring holds for ``source`` will land on
                    # ``target`` when the move is replayed; until then, unknown.
                    self._memory.pop(target, None)
                self._pending.append(_Pending("move", source, target=target))
            held = target in self._memory
        location = PasswordLocation.MEMORY if held else PasswordLocation.NOWHERE
        return self._fallback(location, attempt.reason, _IN_MEMORY)

    # ------------------------------------------------------------- outcomes

    def _success(self, location: PasswordLocation, attempt: _Attempt[T]) -> StoreOutcome:
        with self._state_lock:
            self._memory_only = False
        if attempt.recovered:
            log.info("keyring: available again; passwords kept in memory were saved in it")
            return StoreOutcome.of(location, _RECOVERED)
        return StoreOutcome(location)

    def _fallback(
        self, location: PasswordLocation, reason: Text | None, consequence: str
    ) -> StoreOutcome:
        reason = reason or Text.of(QT_TRANSLATE_NOOP("credentials", "the system keyring failed"))
        with self._state_lock:
            self._memory_only = True
        log.info("keyring not used (%s); password %s", reason, location.value)
        return StoreOutcome.of(location, _sentence(reason, consequence), reason)

    # --------------------------------------------------------- the worker

    async def _call(
        self, job: Callable[[KeyringBackend], T], action: str, account: str
    ) -> _Attempt[T]:
        """Run ``job`` against the keyring in a daemon thread, for at most ``timeout``."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[_Attempt[T]] = loop.create_future()
        abandoned = threading.Event()

        def deliver(attempt: _Attempt[T]) -> None:
            if not future.done():
                future.set_result(attempt)

        def work() -> None:
            attempt = self._attempt(job, abandoned)
            # A closed loop raises RuntimeError: nobody waits any more.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(deliver, attempt)

        log.debug("keyring: %s %s", action, account)
        worker = threading.Thread(target=work, name=f"screenpop-keyring-{action}", daemon=True)
        worker.start()
        try:
            return await asyncio.wait_for(future, self._timeout)
        except asyncio.TimeoutError:
            abandoned.set()
            reason = Text.of(
                QT_TRANSLATE_NOOP(
                    "credentials", "the system keyring did not answer within {seconds} seconds"
                ),
                seconds=f"{self._timeout:g}",
            )
            return _Attempt(ok=False, reason=reason)
        except BaseException:  # cancelled: the worker must not act on it any more
            abandoned.set()
            raise

    def _attempt(
        self, job: Callable[[KeyringBackend], T], abandoned: threading.Event
    ) -> _Attempt[T]:
        """In the worker thread: replay what is pending, then run ``job``."""
        # Wait longer than the caller does, so the caller reports the timeout.
        if not self._keyring_lock.acquire(timeout=self._timeout + 1.0):
            return _Attempt(
                ok=False,
                reason=Text.of(
                    QT_TRANSLATE_NOOP(
                        "credentials", "the system keyring is busy with an earlier request"
                    )
                ),
            )
        try:
            if abandoned.is_set():
                return _Attempt(ok=False, reason=_GIVEN_UP)
            backend = self._backend()
            recovered = self._replay(backend)
            if abandoned.is_set():  # the caller has already fallen back to memory
                return _Attempt(ok=False, reason=_GIVEN_UP)
            value = job(backend)
            self._backend_name = str(backend.name)
            return _Attempt(ok=True, value=value, recovered=recovered)
        except Exception as exc:
            reason = _reason_for(exc)
            log.debug("keyring: call failed (%s): %s", type(exc).__name__, reason)
            return _Attempt(ok=False, reason=reason)
        finally:
            self._keyring_lock.release()

    def _backend(self) -> KeyringBackend:
        """The backend to use, checked; raises :class:`_Unusable` when it cannot be."""
        backend = self._given if self._given is not None else self._detect()
        if backend is not self._checked:
            reason = _unusable_reason(backend)
            if reason is not None:
                self._redetect = True
                raise _Unusable(reason)
            self._checked = backend
            self._redetect = False
        return backend

    def _detect(self) -> KeyringBackend:
        import keyring
        import keyring.backend
        import keyring.core

        if self._detected is None:
            self._detected = keyring.get_keyring()
        elif self._redetect:
            # keyring remembers the backends it found viable for the life of
            # the process; forget them, or a keyring started later is never seen.
            reset = getattr(keyring.backend.get_all_keyring, "reset", None)
            if reset is not None:
                with contextlib.suppress(KeyError, AttributeError):
                    reset()
            keyring.core.init_backend()
            self._detected = keyring.get_keyring()
        return self._detected

    def _replay(self, backend: KeyringBackend) -> bool:
        """Apply, in order, the changes made in memory meanwhile; True if a
        password kept in memory was written to the keyring."""
        with self._state_lock:
            pending = list(self._pending)
        if not pending:
            return False
        done = 0
        wrote = False
        try:
            for change in pending:
                if change.action == "set":
                    backend.set_password(SERVICE, change.account, change.password)
                    wrote = True
                elif change.action == "delete":
                    _delete_entry(backend, change.account)
                else:
                    _move_entry(backend, change.account, change.target)
                done += 1
        finally:
            with self._state_lock:
                del self._pending[:done]
                if not self._pending:
                    self._memory.clear()
            log.debug("keyring: replayed %d of %d changes kept in memory", done, len(pending))
        return wrote
