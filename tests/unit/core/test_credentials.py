"""CredentialStore against keyring's own backend classes: a working one kept in
a dict, keyring's "fail" backend, and backends that are locked, slow, or whose
D-Bus is gone. The real Secret Service is in tests/integration."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
import time
from pathlib import Path

import keyring
import keyring.backend
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringLocked, PasswordDeleteError, PasswordSetError

from screenpop.core.credentials import (
    SERVICE,
    CredentialStore,
    PasswordLocation,
    StoreOutcome,
    account_name,
)

REPO = Path(__file__).resolve().parents[3]
PASSWORD = "Tr0ub4dor&3-horse"
OTHER_PASSWORD = "c0rrect-B4ttery-staple"
ACME = "https://acme.croco-dial.net/goAPIv2/goAgent/goAPI.php"
BETA = "https://beta.croco-dial.net/goAPIv2/goAgent/goAPI.php"
IN_MEMORY = "so the password is kept in memory for this session only."
RECOVERED = (
    "The system keyring is available again, and the password that was kept in memory "
    "is now saved in it."
)


class DictKeyring(KeyringBackend):
    """A working keyring in a dict. ``failure``, when set, is raised by every call."""

    priority = 1.0
    viable = False  # never picked by keyring's own detection in this process

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.failure: BaseException | None = None

    def _check(self) -> None:
        if self.failure is not None:
            raise self.failure

    def get_password(self, service: str, username: str) -> str | None:
        self._check()
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check()
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._check()
        try:
            del self.entries[(service, username)]
        except KeyError:
            raise PasswordDeleteError("No such password!") from None

    def saved(self, user: str, endpoint: str) -> str | None:
        return self.entries.get((SERVICE, account_name(user, endpoint)))


class LockedKeyring(KeyringBackend):
    """What keyring's SecretService backend raises when the unlock prompt is dismissed."""

    priority = 1.0
    viable = False

    def get_password(self, service: str, username: str, *password: str) -> str | None:
        raise KeyringLocked("Failed to unlock the collection!")

    set_password = delete_password = get_password  # type: ignore[assignment]


class SlowKeyring(DictKeyring):
    """Blocks every call until ``gate`` opens (a Secret Service prompt nobody answers)."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()

    def _check(self) -> None:
        self.gate.wait(timeout=10)
        super()._check()


class RefusingDeleteKeyring(DictKeyring):
    def delete_password(self, service: str, username: str) -> None:
        raise PasswordDeleteError("Access denied")


class PlainTextKeyring(DictKeyring):
    """Like keyrings.alt's plain-text file backend: keyring does not recommend it."""

    priority = 0.5


def dbus_gone() -> BaseException:
    from secretstorage.exceptions import SecretServiceNotAvailableException

    return SecretServiceNotAvailableException("Environment variable DBUS_SESSION_BUS_ADDRESS")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Nothing the store does may land in the real home; tests scan this one."""
    home = tmp_path / "home"
    for name, sub in [
        ("HOME", ""),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ]:
        path = home / sub
        path.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(path))
    return home


@pytest.fixture
def global_keyring(monkeypatch):
    """keyring's process-wide backend, restored after the test."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    return keyring.core


def files_containing(root: Path, secret: str) -> list[Path]:
    needle = secret.encode()
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


# ------------------------------------------------------------------ accounts


def test_account_names_the_user_and_the_endpoint():
    assert account_name("agent7", ACME) == f"agent7@{ACME}"
    assert account_name("agent7", ACME) != account_name("agent7", BETA)
    assert account_name("agent7", ACME) != account_name("agent8", ACME)
    with pytest.raises(ValueError):
        account_name("", ACME)
    with pytest.raises(ValueError):
        account_name("agent7", "")


def test_importing_the_module_does_not_import_keyring():
    code = (
        "import sys, screenpop.core.credentials as c; c.CredentialStore(); "
        "print('keyring' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# ---------------------------------------------------------------- happy path


async def test_set_get_replace_and_delete():
    backend = DictKeyring()
    store = CredentialStore(backend=backend)

    assert await store.get("agent7", ACME) == (None, StoreOutcome(PasswordLocation.NOWHERE))
    assert await store.set("agent7", ACME, PASSWORD) == StoreOutcome(PasswordLocation.KEYRING)
    assert backend.entries == {("Screenpop", f"agent7@{ACME}"): PASSWORD}
    assert await store.get("agent7", ACME) == (PASSWORD, StoreOutcome(PasswordLocation.KEYRING))

    assert await store.set("agent7", ACME, OTHER_PASSWORD) == StoreOutcome(PasswordLocation.KEYRING)
    assert backend.entries == {("Screenpop", f"agent7@{ACME}"): OTHER_PASSWORD}

    assert await store.delete("agent7", ACME) == StoreOutcome(PasswordLocation.NOWHERE)
    assert backend.entries == {}
    assert await store.get("agent7", ACME) == (None, StoreOutcome(PasswordLocation.NOWHERE))
    assert not store.memory_only()
    assert store.backend_name == DictKeyring.name


async def test_deleting_a_missing_entry_is_not_an_error():
    store = CredentialStore(backend=DictKeyring())
    outcome = await store.delete("agent7", ACME)
    assert outcome == StoreOutcome(PasswordLocation.NOWHERE)
    assert not store.memory_only()


async def test_two_servers_and_two_users_do_not_clash():
    backend = DictKeyring()
    store = CredentialStore(backend=backend)
    await store.set("agent7", ACME, PASSWORD)
    await store.set("agent7", BETA, OTHER_PASSWORD)
    await store.set("agent8", ACME, "third-one")
    assert (await store.get("agent7", ACME))[0] == PASSWORD
    assert (await store.get("agent7", BETA))[0] == OTHER_PASSWORD
    assert (await store.get("agent8", ACME))[0] == "third-one"
    await store.delete("agent7", BETA)
    assert (await store.get("agent7", ACME))[0] == PASSWORD
    assert (await store.get("agent8", ACME))[0] == "third-one"


@pytest.mark.parametrize(
    ("old", "new"),
    [(("agent7", ACME), ("agent8", ACME)), (("agent7", ACME), ("agent7", BETA))],
    ids=["user-changed", "server-changed"],
)
async def test_move_keeps_the_password_and_drops_the_old_entry(old, new):
    backend = DictKeyring()
    store = CredentialStore(backend=backend)
    await store.set(*old, PASSWORD)
    assert await store.move(old, new) == StoreOutcome(PasswordLocation.KEYRING)
    assert backend.saved(*new) == PASSWORD
    assert backend.saved(*old) is None
    assert len(backend.entries) == 1


async def test_move_replaces_what_the_new_account_had():
    backend = DictKeyring()
    store = CredentialStore(backend=backend)
    await store.set("agent7", ACME, PASSWORD)
    await store.set("agent7", BETA, OTHER_PASSWORD)
    await store.move(("agent7", ACME), ("agent7", BETA))
    assert backend.entries == {(SERVICE, account_name("agent7", BETA)): PASSWORD}


async def test_move_without_a_saved_password_moves_nothing():
    backend = DictKeyring()
    store = CredentialStore(backend=backend)
    outcome = await store.move(("agent7", ACME), ("agent8", ACME))
    assert outcome == StoreOutcome(PasswordLocation.NOWHERE)
    assert backend.entries == {}


async def test_move_to_the_same_account_keeps_it():
    backend = DictKeyring()
    store = CredentialStore(backend=backend)
    await store.set("agent7", ACME, PASSWORD)
    outcome = await store.move(("agent7", ACME), ("agent7", ACME))
    assert outcome.location is PasswordLocation.KEYRING
    assert backend.saved("agent7", ACME) == PASSWORD


async def test_an_empty_password_is_refused():
    with pytest.raises(ValueError):
        await CredentialStore(backend=DictKeyring()).set("agent7", ACME, "")


# ------------------------------------------------------ no keyring -> memory


@pytest.mark.parametrize(
    ("backend", "message"),
    [
        (fail.Keyring(), f"No system keyring is available, {IN_MEMORY}"),
        (LockedKeyring(), f"The system keyring is locked, {IN_MEMORY}"),
        (
            null.Keyring(),
            "The system keyring is turned off (keyring is set to its null backend), " + IN_MEMORY,
        ),
        (
            PlainTextKeyring(),
            f"The configured keyring ({PlainTextKeyring.name}) is not a secure system "
            f"keyring, {IN_MEMORY}",
        ),
    ],
    ids=["fail-backend", "locked", "null-backend", "not-recommended"],
)
async def test_unusable_keyring_keeps_the_password_in_memory(backend, message):
    store = CredentialStore(backend=backend)
    outcome = await store.set("agent7", ACME, PASSWORD)
    assert outcome.location is PasswordLocation.MEMORY
    assert outcome.message == message
    assert outcome.reason and outcome.reason[0].islower()
    assert store.memory_only()
    password, again = await store.get("agent7", ACME)
    assert password == PASSWORD
    assert again.location is PasswordLocation.MEMORY
    assert again.message == message
    # A different account has nothing in memory.
    assert (await store.get("agent7", BETA)) == (
        None,
        StoreOutcome(PasswordLocation.NOWHERE, message, outcome.reason),
    )


async def test_a_plain_text_backend_is_never_written_to():
    backend = PlainTextKeyring()
    store = CredentialStore(backend=backend)
    await store.set("agent7", ACME, PASSWORD)
    assert backend.entries == {}


@pytest.mark.parametrize(
    ("failure", "message"),
    [
        (
            dbus_gone(),
            f"No system keyring is available (no Secret Service on D-Bus), {IN_MEMORY}",
        ),
        (
            FileNotFoundError(2, "No such file or directory"),
            f"The system keyring could not be reached (FileNotFoundError), {IN_MEMORY}",
        ),
        (
            PasswordSetError("Can't store password on keychain"),
            f"The system keyring refused to save the password, {IN_MEMORY}",
        ),
        (
            RuntimeError("odd backend"),
            f"The system keyring could not be used (RuntimeError), {IN_MEMORY}",
        ),
    ],
    ids=["dbus-missing", "socket-missing", "set-refused", "other-error"],
)
async def test_backend_errors_fall_back_with_a_specific_message(failure, message):
    backend = DictKeyring()
    backend.failure = failure
    store = CredentialStore(backend=backend)
    outcome = await store.set("agent7", ACME, PASSWORD)
    assert outcome == StoreOutcome(PasswordLocation.MEMORY, message, outcome.reason)
    assert (await store.get("agent7", ACME))[0] == PASSWORD


async def test_chainer_without_backends_is_no_keyring(monkeypatch):
    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: [])
    store = CredentialStore(backend=chainer.ChainerBackend())
    outcome = await store.set("agent7", ACME, PASSWORD)
    assert outcome.message == f"No system keyring is available, {IN_MEMORY}"
    assert (await store.get("agent7", ACME))[0] == PASSWORD


async def test_chainer_with_a_working_backend_is_used(monkeypatch):
    backend = DictKeyring()
    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: [backend])
    store = CredentialStore(backend=chainer.ChainerBackend())
    assert (await store.set("agent7", ACME, PASSWORD)).location is PasswordLocation.KEYRING
    assert backend.saved("agent7", ACME) == PASSWORD


async def test_a_slow_keyring_times_out_and_the_password_stays_in_memory():
    backend = SlowKeyring()
    store = CredentialStore(timeout=0.2, backend=backend)
    try:
        started = time.monotonic()
        outcome = await store.set("agent7", ACME, PASSWORD)
        assert time.monotonic() - started < 2
        assert outcome.location is PasswordLocation.MEMORY
        assert outcome.message == (
            f"The system keyring did not answer within 0.2 seconds, {IN_MEMORY}"
        )
        workers = [t for t in threading.enumerate() if t.name.startswith("screenpop-keyring")]
        assert workers
        assert all(t.daemon for t in workers)
        # A second call while the first still hangs times out too; the memory copy answers.
        password, again = await store.get("agent7", ACME)
        assert password == PASSWORD
        assert "did not answer within 0.2 seconds" in again.message
    finally:
        backend.gate.set()
    # The keyring answers again: the next call works and the memory copy moves in.
    password, recovered = await store.get("agent7", ACME)
    assert password == PASSWORD
    assert recovered == StoreOutcome(PasswordLocation.KEYRING, RECOVERED)
    assert backend.saved("agent7", ACME) == PASSWORD
    assert not store.memory_only()


def test_a_hung_keyring_does_not_block_interpreter_exit():
    code = """
import asyncio, threading
from keyring.backend import KeyringBackend
from screenpop.core.credentials import CredentialStore

class Hung(KeyringBackend):
    priority = 1
    viable = False
    def get_password(self, service, username, *password):
        threading.Event().wait()
    set_password = delete_password = get_password

store = CredentialStore(timeout=0.2, backend=Hung())
outcome = asyncio.run(store.set("agent7", "https://x.example/", "pw-123456"))
print(outcome.location.name)
"""
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=20
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "MEMORY"
    assert time.monotonic() - started < 10


# ------------------------------------------------------------ recovery


async def test_a_later_call_moves_the_memory_password_into_the_keyring():
    backend = DictKeyring()
    backend.failure = KeyringLocked("Failed to unlock the collection!")
    store = CredentialStore(backend=backend)
    assert (await store.set("agent7", ACME, PASSWORD)).location is PasswordLocation.MEMORY
    assert backend.entries == {}

    backend.failure = None  # the agent unlocked the keyring
    password, outcome = await store.get("agent7", ACME)
    assert password == PASSWORD
    assert outcome == StoreOutcome(PasswordLocation.KEYRING, RECOVERED)
    assert backend.saved("agent7", ACME) == PASSWORD
    assert not store.memory_only()
    # Said once: the next call is plain again.
    assert (await store.get("agent7", ACME))[1] == StoreOutcome(PasswordLocation.KEYRING)


async def test_a_set_after_recovery_also_reports_the_recovery():
    backend = DictKeyring()
    backend.failure = KeyringLocked("locked")
    store = CredentialStore(backend=backend)
    await store.set("agent7", ACME, PASSWORD)
    backend.failure = None
    outcome = await store.set("agent7", ACME, OTHER_PASSWORD)
    assert outcome == StoreOutcome(PasswordLocation.KEYRING, RECOVERED)
    assert backend.saved("agent7", ACME) == OTHER_PASSWORD


async def test_forget_during_an_outage_is_carried_out_on_recovery():
    backend = DictKeyring()
    store = CredentialStore(backend=backend)
    await store.set("agent7", ACME, PASSWORD)
    backend.failure = KeyringLocked("locked")
    outcome = await store.delete("agent7", ACME)
    assert outcome.location is PasswordLocation.NOWHERE
    assert outcome.message == (
        "The system keyring is locked, so a password saved in it could not be removed yet "
        "(Screenpop tries again while it keeps running)."
    )
    assert (await store.get("agent7", ACME))[0] is None
    backend.failure = None
    assert await store.get("agent7", ACME) == (None, StoreOutcome(PasswordLocation.NOWHERE))
    assert backend.entries == {}


async def test_a_refused_delete_is_reported():
    backend = RefusingDeleteKeyring()
    store = CredentialStore(backend=backend)
    await store.set("agent7", ACME, PASSWORD)
    outcome = await store.delete("agent7", ACME)
    assert outcome.message.startswith("The system keyring refused to remove the password, ")
    assert outcome.location is PasswordLocation.NOWHERE


async def test_move_during_an_outage_keeps_the_memory_password_and_replays_later():
    backend = DictKeyring()
    backend.failure = KeyringLocked("locked")
    store = CredentialStore(backend=backend)
    await store.set("agent7", ACME, PASSWORD)
    outcome = await store.move(("agent7", ACME), ("agent7", BETA))
    assert outcome.location is PasswordLocation.MEMORY
    assert (await store.get("agent7", BETA))[0] == PASSWORD
    assert (await store.get("agent7", ACME))[0] is None
    backend.failure = None
    assert (await store.get("agent7", BETA))[0] == PASSWORD
    assert backend.entries == {(SERVICE, account_name("agent7", BETA)): PASSWORD}


async def test_move_of_a_keyring_only_password_during_an_outage_is_replayed():
    backend = DictKeyring()
    store = CredentialStore(backend=backend)
    await store.set("agent7", ACME, PASSWORD)
    backend.failure = KeyringLocked("locked")
    outcome = await store.move(("agent7", ACME), ("agent8", ACME))
    assert outcome.location is PasswordLocation.NOWHERE  # unknown until the keyring answers
    assert outcome.message == f"The system keyring is locked, {IN_MEMORY}"
    backend.failure = None
    password, _ = await store.get("agent8", ACME)
    assert password == PASSWORD
    assert backend.entries == {(SERVICE, account_name("agent8", ACME)): PASSWORD}


async def test_outage_changes_replay_in_order():
    backend = DictKeyring()
    store = CredentialStore(backend=backend)
    await store.set("agent7", ACME, "old-password")
    backend.failure = KeyringLocked("locked")
    await store.move(("agent7", ACME), ("agent7", BETA))  # keyring-only password
    await store.set("agent7", BETA, PASSWORD)  # newer than what the move brings
    await store.delete("agent8", ACME)
    backend.failure = None
    assert (await store.get("agent7", BETA))[0] == PASSWORD
    assert backend.entries == {(SERVICE, account_name("agent7", BETA)): PASSWORD}


async def test_default_backend_is_found_lazily_and_found_again_after_no_keyring(
    global_keyring, monkeypatch
):
    keyring.set_keyring(fail.Keyring())
    store = CredentialStore(timeout=2)
    outcome = await store.set("agent7", ACME, PASSWORD)
    assert outcome.message == f"No system keyring is available, {IN_MEMORY}"

    # A keyring appears later (the Secret Service started): detection runs again.
    working = DictKeyring()
    monkeypatch.setattr(
        keyring.core, "init_backend", lambda limit=None: keyring.set_keyring(working)
    )
    password, recovered = await store.get("agent7", ACME)
    assert password == PASSWORD
    assert recovered.message == RECOVERED
    assert working.saved("agent7", ACME) == PASSWORD


async def test_default_backend_is_the_one_keyring_reports(global_keyring):
    working = DictKeyring()
    keyring.set_keyring(working)
    store = CredentialStore()
    assert (await store.set("agent7", ACME, PASSWORD)).location is PasswordLocation.KEYRING
    assert working.saved("agent7", ACME) == PASSWORD


# ----------------------------------------------------- the password stays put


async def test_memory_fallback_writes_nothing_to_disk_and_logs_no_password(isolated_home, caplog):
    caplog.set_level(logging.DEBUG)
    outcomes = []
    for backend in (fail.Keyring(), LockedKeyring(), null.Keyring()):
        store = CredentialStore(backend=backend)
        outcomes.append(await store.set("agent7", ACME, PASSWORD))
        outcomes.append((await store.get("agent7", ACME))[1])
        outcomes.append(await store.move(("agent7", ACME), ("agent8", ACME)))
        outcomes.append(await store.delete("agent8", ACME))
    assert files_containing(isolated_home, PASSWORD) == []
    assert PASSWORD not in caplog.text
    assert f"agent7@{ACME}" in caplog.text  # the account may be named
    for outcome in outcomes:
        assert PASSWORD not in repr(outcome)
