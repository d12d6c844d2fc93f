"""The password in a REAL Secret Service (a private gnome-keyring-daemon on a
private D-Bus, see secret_service.py): through CredentialStore, and through the
``screenpop`` command run as a subprocess."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.core
import pytest
from keyring.backends.SecretService import Keyring as SecretServiceKeyring

from screenpop.core.config import ConnectionSettings, save_settings
from screenpop.core.credentials import (
    SERVICE,
    CredentialStore,
    PasswordLocation,
    StoreOutcome,
    account_name,
)
from screenpop.demo.server import DEMO_PASSWORD, DEMO_USER, DemoServer

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "Gr8-Secret-Service-pw"
OTHER_PASSWORD = "an0ther-One-entirely"
ACME = "https://acme.croco-dial.net/goAPIv2/goAgent/goAPI.php"
BETA = "https://beta.croco-dial.net/goAPIv2/goAgent/goAPI.php"
IN_MEMORY = "so the password is kept in memory for this session only."
RECOVERED = (
    "The system keyring is available again, and the password that was kept in memory "
    "is now saved in it."
)
BACKEND_NAME = SecretServiceKeyring.name  # "SecretService Keyring"


def run_cli(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in env.items() if "proxy" not in k.lower()}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "screenpop", *args],
        cwd=REPO,
        env=env,
        input=stdin,
        capture_output=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def files_containing(root: Path, secret: str, *, skip: Path) -> list[Path]:
    needle = secret.encode()
    return [
        path
        for path in root.rglob("*")
        if path.is_file() and not path.is_relative_to(skip) and needle in path.read_bytes()
    ]


@pytest.fixture
def demo_server() -> Iterator[DemoServer]:
    with DemoServer() as server:
        yield server


@pytest.fixture
def fresh_detection(monkeypatch) -> Iterator[None]:
    """keyring's process-wide choice of backend, forgotten before and after; and
    only keyring's own backends to choose from (test modules define backends of
    their own, which keyring would otherwise register and consider)."""
    original = keyring.backend.get_all_keyring

    def forget() -> None:
        with contextlib.suppress(KeyError, AttributeError):  # nothing remembered yet
            original.reset()

    def keyring_own_backends() -> list[keyring.backend.KeyringBackend]:
        return [b for b in original() if type(b).__module__.startswith("keyring.")]

    keyring_own_backends.reset = forget  # type: ignore[attr-defined]
    forget()
    monkeypatch.setattr(keyring.backend, "get_all_keyring", keyring_own_backends)
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    yield
    forget()


# ------------------------------------------------------------ CredentialStore


def test_the_fixture_is_a_real_unlocked_secret_service(secret_service):
    assert isinstance(secret_service.backend, SecretServiceKeyring)
    assert os.environ["DBUS_SESSION_BUS_ADDRESS"] == secret_service.bus_address
    assert os.environ["HOME"] == str(secret_service.home)
    assert secret_service.runtime_dir.stat().st_mode & 0o777 == 0o700
    assert secret_service.entries() == {}
    assert secret_service.started_in < 5


async def test_store_read_replace_and_delete(secret_service):
    store = CredentialStore(backend=secret_service.backend)
    assert await store.get("agent7", ACME) == (None, StoreOutcome(PasswordLocation.NOWHERE))
    assert await store.set("agent7", ACME, PASSWORD) == StoreOutcome(PasswordLocation.KEYRING)
    assert secret_service.entries() == {(SERVICE, f"agent7@{ACME}"): PASSWORD}
    assert await store.get("agent7", ACME) == (PASSWORD, StoreOutcome(PasswordLocation.KEYRING))

    assert await store.set("agent7", ACME, OTHER_PASSWORD) == StoreOutcome(PasswordLocation.KEYRING)
    assert secret_service.entries() == {(SERVICE, f"agent7@{ACME}"): OTHER_PASSWORD}

    assert await store.delete("agent7", ACME) == StoreOutcome(PasswordLocation.NOWHERE)
    assert secret_service.entries() == {}
    # Deleting what is not there is fine.
    assert await store.delete("agent7", ACME) == StoreOutcome(PasswordLocation.NOWHERE)
    assert store.backend_name == BACKEND_NAME


async def test_two_servers_do_not_clash(secret_service):
    store = CredentialStore(backend=secret_service.backend)
    await store.set("agent7", ACME, PASSWORD)
    await store.set("agent7", BETA, OTHER_PASSWORD)
    assert (await store.get("agent7", ACME))[0] == PASSWORD
    assert (await store.get("agent7", BETA))[0] == OTHER_PASSWORD
    await store.delete("agent7", BETA)
    assert secret_service.entries() == {(SERVICE, account_name("agent7", ACME)): PASSWORD}


@pytest.mark.parametrize(
    ("old", "new"),
    [(("agent7", ACME), ("agent8", ACME)), (("agent7", ACME), ("agent7", BETA))],
    ids=["user-changed", "server-changed"],
)
async def test_move_on_a_change_of_user_or_server(secret_service, old, new):
    store = CredentialStore(backend=secret_service.backend)
    await store.set(*old, PASSWORD)
    assert await store.move(old, new) == StoreOutcome(PasswordLocation.KEYRING)
    assert secret_service.entries() == {(SERVICE, account_name(*new)): PASSWORD}
    assert (await store.get(*old))[0] is None
    assert (await store.get(*new))[0] == PASSWORD


async def test_locked_keyring_keeps_the_password_in_memory_until_unlocked(secret_service):
    store = CredentialStore(backend=secret_service.backend)
    secret_service.lock()
    # The unlock prompt cannot be shown here (no display): keyring says "locked".
    outcome = await store.set("agent7", ACME, PASSWORD)
    assert outcome == StoreOutcome(
        PasswordLocation.MEMORY,
        f"The system keyring is locked, {IN_MEMORY}",
        "the system keyring is locked",
    )
    assert store.memory_only()
    assert (await store.get("agent7", ACME))[0] == PASSWORD

    secret_service.unlock()
    password, recovered = await store.get("agent7", ACME)
    assert password == PASSWORD
    assert recovered == StoreOutcome(PasswordLocation.KEYRING, RECOVERED)
    assert secret_service.entries() == {(SERVICE, account_name("agent7", ACME)): PASSWORD}
    assert not store.memory_only()


async def test_keyring_found_later_without_a_restart(secret_service, fresh_detection, monkeypatch):
    """D-Bus unreachable when the store is first used (keyring picks its "fail"
    backend); once it is reachable, the next call finds the Secret Service and
    saves the password kept in memory."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={secret_service.root}/no-bus")
    store = CredentialStore()
    outcome = await store.set("agent7", ACME, PASSWORD)
    assert outcome.location is PasswordLocation.MEMORY
    assert outcome.message == f"No system keyring is available, {IN_MEMORY}"

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", secret_service.bus_address)
    password, recovered = await store.get("agent7", ACME)
    assert (password, recovered.message) == (PASSWORD, RECOVERED)
    assert store.backend_name == BACKEND_NAME
    assert secret_service.entries() == {(SERVICE, account_name("agent7", ACME)): PASSWORD}


async def test_dbus_gone_mid_session_falls_back_and_recovers(secret_service, monkeypatch):
    store = CredentialStore(backend=secret_service.backend)
    await store.set("agent7", ACME, "first-password")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={secret_service.root}/no-bus")
    outcome = await store.set("agent7", ACME, PASSWORD)
    assert outcome.message == (
        f"The system keyring could not be reached (FileNotFoundError), {IN_MEMORY}"
    )
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", secret_service.bus_address)
    assert (await store.get("agent7", ACME))[0] == PASSWORD
    assert secret_service.entries() == {(SERVICE, account_name("agent7", ACME)): PASSWORD}


# ------------------------------------------------------------------ the CLI


def test_cli_set_status_lookup_clear(secret_service, demo_server):
    env = secret_service.env
    saved = run_cli(
        env,
        "credentials",
        "set",
        "--server",
        demo_server.base_url,
        "--user",
        DEMO_USER,
        "--password-stdin",
        stdin=DEMO_PASSWORD + "\n",
    )
    assert saved.returncode == 0, saved.stderr
    assert f"in the system keyring ({BACKEND_NAME})" in saved.stdout
    assert saved.stderr == ""
    endpoint = demo_server.endpoint
    assert secret_service.entries() == {(SERVICE, f"{DEMO_USER}@{endpoint}"): DEMO_PASSWORD}
    settings_file = secret_service.home / ".config" / "screenpop" / "settings.json"
    settings = json.loads(settings_file.read_text())
    assert (settings["server"], settings["user"]) == (demo_server.base_url, DEMO_USER)

    status = run_cli(env, "credentials", "status")
    assert status.returncode == 0, status.stderr
    assert status.stdout.splitlines()[1:] == [
        f"server: {demo_server.base_url}",
        f"user: {DEMO_USER}",
        f"endpoint: {endpoint}",
        f"password: in the system keyring ({BACKEND_NAME})",
    ]

    # No --server, --user or --password-stdin: saved settings and the keyring.
    found = run_cli(env, "lookup", "--phone", "8004321000", "--json")
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["lead"]["first_name"] == "Bruno"
    request = demo_server.received[-1]
    assert (request.form["goUser"], request.form["goPass"]) == (DEMO_USER, DEMO_PASSWORD)

    cleared = run_cli(env, "credentials", "clear")
    assert cleared.returncode == 0, cleared.stderr
    assert cleared.stdout.startswith(f"Removed the password for {DEMO_USER} on {endpoint}")
    assert secret_service.entries() == {}
    again = run_cli(env, "credentials", "clear")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("Nothing to clear")
    status = run_cli(env, "credentials", "status")
    assert status.returncode == 0, status.stderr
    assert status.stdout.splitlines()[-1] == "password: not saved"

    # Nothing saved any more: the lookup says so and sends nothing.
    demo_server.clear_received()
    missing = run_cli(env, "lookup", "--phone", "8004321000")
    assert missing.returncode == 2
    assert "no password is saved for demo" in missing.stderr
    assert demo_server.received == []

    for result in (saved, status, found, cleared, again, missing):
        assert DEMO_PASSWORD not in result.stdout + result.stderr
    assert (
        files_containing(secret_service.root, DEMO_PASSWORD, skip=secret_service.keyring_storage)
        == []
    )


def test_cli_flags_override_and_stdin_wins_over_the_keyring(secret_service, demo_server):
    env = secret_service.env
    stored = run_cli(
        env,
        "credentials",
        "set",
        "--server",
        demo_server.base_url,
        "--user",
        DEMO_USER,
        "--password-stdin",
        stdin="not-the-demo-password\n",
    )
    assert stored.returncode == 0, stored.stderr
    wrong = run_cli(env, "lookup", "--lead-id", "14246")
    assert wrong.returncode == 4  # the keyring's password was used, and refused
    right = run_cli(env, "lookup", "--lead-id", "14246", "--password-stdin", stdin=DEMO_PASSWORD)
    assert right.returncode == 0, right.stderr
    assert [r.form["goPass"] for r in demo_server.received] == [
        "not-the-demo-password",
        DEMO_PASSWORD,
    ]


def test_cli_set_with_a_new_server_replaces_the_old_entry(secret_service, demo_server):
    env = secret_service.env
    save_settings(ConnectionSettings(server="acme", user="agent7"))
    first = run_cli(env, "credentials", "set", "--password-stdin", stdin=PASSWORD + "\n")
    assert first.returncode == 0, first.stderr
    assert secret_service.entries() == {(SERVICE, f"agent7@{ACME}"): PASSWORD}

    second = run_cli(
        env, "credentials", "set", "--server", "beta", "--password-stdin", stdin=PASSWORD + "\n"
    )
    assert second.returncode == 0, second.stderr
    assert f"Removed the password saved for agent7 on {ACME}." in second.stdout
    assert secret_service.entries() == {(SERVICE, f"agent7@{BETA}"): PASSWORD}
    status = run_cli(env, "credentials", "status")
    assert f"endpoint: {BETA}" in status.stdout
    old = run_cli(env, "credentials", "status", "--server", "acme")
    assert old.stdout.splitlines()[-1] == "password: not saved"


def test_cli_set_refuses_when_only_memory_is_possible(tmp_path, demo_server):
    """No keyring at all: a command's memory ends with it, so nothing is saved."""
    env = dict(os.environ)
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={tmp_path}/no-bus"
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    result = run_cli(
        env,
        "credentials",
        "set",
        "--server",
        demo_server.base_url,
        "--user",
        DEMO_USER,
        "--password-stdin",
        stdin=DEMO_PASSWORD + "\n",
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        "screenpop: the password was not saved: no system keyring is available."
    )
    assert "no use to a command that ends now" in result.stderr
    assert not (tmp_path / "xdg_config_home" / "screenpop").exists()  # settings untouched

    status = run_cli(env, "credentials", "status", "--server", demo_server.base_url, "--user", "x")
    assert status.returncode == 0
    assert status.stdout.splitlines()[-1] == ("keyring unavailable: no system keyring is available")
    lookup = run_cli(
        env, "lookup", "--server", demo_server.base_url, "--user", DEMO_USER, "--lead-id", "1"
    )
    assert lookup.returncode == 2
    assert lookup.stderr == (
        "screenpop: no password: no system keyring is available; send it on standard input "
        "with --password-stdin, or run in a terminal\n"
    )
    for output in (result, status, lookup):
        assert DEMO_PASSWORD not in output.stdout + output.stderr
    assert files_containing(tmp_path, DEMO_PASSWORD, skip=tmp_path / "none") == []


def test_cli_credentials_usage_errors(tmp_path):
    env = dict(os.environ)
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    nothing = run_cli(env, "credentials", "set", "--password-stdin", stdin="pw\n")
    assert nothing.returncode == 2
    assert nothing.stderr == (
        "screenpop: --server and --user are required: no server and user are saved yet\n"
    )
    no_action = run_cli(env, "credentials")
    assert no_action.returncode == 2
    assert "required" in no_action.stderr
    bad_server = run_cli(
        env,
        "credentials",
        "set",
        "--server",
        "http://example.com",
        "--user",
        "u",
        "--password-stdin",
        stdin="pw\n",
    )
    assert bad_server.returncode == 2
    assert "https://" in bad_server.stderr
    status = run_cli(env, "credentials", "status")
    assert status.returncode == 0
    assert status.stdout.splitlines()[1:] == [
        "server: (not set)",
        "user: (not set)",
        "password: not saved (no server and user are set)",
    ]
    clear = run_cli(env, "credentials", "clear")
    assert (clear.returncode, clear.stdout) == (
        0,
        "Nothing to clear: no server and user are saved.\n",
    )
