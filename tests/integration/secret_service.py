"""A real, private Secret Service for tests: its own D-Bus session bus and its own
gnome-keyring-daemon, with HOME and the XDG directories under a temporary
directory, so nothing touches the keyring of whoever runs the tests.

Both daemons are children of the test process (``--nofork`` / ``--foreground``),
so their pids are known: they are stopped by pid and reaped, never looked for
by name. The bus runs in a process group of its own, and the whole group is
stopped too, in case the bus started (D-Bus activated) a helper of its own.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

BINARIES = ("dbus-daemon", "gnome-keyring-daemon")
UNLOCK_PASSWORD = "throwaway"  # the throwaway login keyring's own password
SECRETS_NAME = "org.freedesktop.secrets"
START_TIMEOUT = 10.0
STOP_TIMEOUT = 5.0
# A unix socket path must fit in 108 bytes; keep a margin for the names below.
_MAX_RUNTIME_DIR = 70
# Variables that could send keyring or the daemons somewhere else.
_UNSET = ("PYTHON_KEYRING_BACKEND", "GNOME_KEYRING_CONTROL", "SSH_AUTH_SOCK", "DISPLAY")


class SecretServiceUnavailable(Exception):
    """The private Secret Service cannot run on this machine."""


@dataclass
class SecretService:
    """A running private Secret Service.

    ``overrides`` are the environment variables that point at it (and ``unset``
    the ones to remove); ``env`` is the full environment for a subprocess.
    ``backend`` is keyring's real SecretService backend: it connects through
    ``DBUS_SESSION_BUS_ADDRESS``, so it talks to this service once the
    overrides are in ``os.environ``.
    """

    root: Path
    home: Path
    data_home: Path
    runtime_dir: Path
    bus_address: str
    overrides: dict[str, str]
    unset: tuple[str, ...]
    bus: subprocess.Popen[bytes]
    daemon: subprocess.Popen[bytes]
    started_in: float
    _cleanup: list[Path] = field(default_factory=list)

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in self.unset}
        env.update(self.overrides)
        return env

    @property
    def backend(self) -> KeyringBackend:
        from keyring.backends.SecretService import Keyring

        return Keyring()

    @property
    def keyring_storage(self) -> Path:
        """gnome-keyring's own files (the encrypted keyrings)."""
        return self.data_home / "keyrings"

    def entries(self) -> dict[tuple[str, str], str]:
        """Every (service, username) -> secret in the default collection, read
        with secretstorage directly (not through keyring)."""
        import secretstorage

        with self._connection() as connection:
            collection = secretstorage.get_default_collection(connection)
            found = {}
            for item in collection.get_all_items():
                attributes = item.get_attributes()
                key = (attributes.get("service", ""), attributes.get("username", ""))
                found[key] = item.get_secret().decode()
            return found

    def lock(self) -> None:
        """Lock the login keyring, as the desktop does after a while or on demand."""
        import secretstorage

        with self._connection() as connection:
            secretstorage.get_default_collection(connection).lock()

    def unlock(self) -> None:
        """Unlock it again without a prompt, through gnome-keyring's own
        interface (what the login manager does with the login password)."""
        import secretstorage
        from jeepney import DBusAddress, new_method_call

        path = "/org/freedesktop/secrets"
        service = DBusAddress(
            path, bus_name=SECRETS_NAME, interface="org.freedesktop.Secret.Service"
        )
        internal = DBusAddress(
            path,
            bus_name=SECRETS_NAME,
            interface="org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface",
        )
        with self._connection() as connection:
            collection = secretstorage.get_default_collection(connection)
            reply = connection.send_and_get_reply(
                new_method_call(service, "OpenSession", "sv", ("plain", ("s", "")))
            )
            session = reply.body[1]
            secret = (session, b"", UNLOCK_PASSWORD.encode(), "text/plain")
            connection.send_and_get_reply(
                new_method_call(
                    internal,
                    "UnlockWithMasterPassword",
                    "o(oayays)",
                    (collection.collection_path, secret),
                )
            )
            if collection.is_locked():
                raise RuntimeError("the login keyring did not unlock")

    @contextlib.contextmanager
    def _connection(self) -> Iterator[Any]:
        from jeepney.io.blocking import open_dbus_connection

        with contextlib.closing(open_dbus_connection(bus=self.bus_address)) as connection:
            yield connection

    def stop(self) -> None:
        _stop(self.daemon)
        _stop(self.bus, group=True)
        for path in self._cleanup:
            shutil.rmtree(path, ignore_errors=True)


def missing_binaries() -> list[str]:
    return [name for name in BINARIES if shutil.which(name) is None]


def start_secret_service(root: Path) -> SecretService:
    """Start the bus and the keyring daemon under ``root``; raises
    :class:`SecretServiceUnavailable` when they cannot run here."""
    missing = missing_binaries()
    if missing:
        raise SecretServiceUnavailable(
            f"{' and '.join(missing)} not found (Debian/Ubuntu: apt-get install dbus gnome-keyring)"
        )
    started = time.monotonic()
    dirs = {
        "HOME": root / "home",
        "XDG_CONFIG_HOME": root / "home" / ".config",
        "XDG_DATA_HOME": root / "home" / ".local" / "share",
        "XDG_CACHE_HOME": root / "home" / ".cache",
        "XDG_STATE_HOME": root / "home" / ".local" / "state",
    }
    for path in dirs.values():
        path.mkdir(parents=True, exist_ok=True)
    cleanup: list[Path] = []
    runtime_dir = root / "run"
    if len(str(runtime_dir)) > _MAX_RUNTIME_DIR:  # a deep tmp_path: sockets would not fit
        runtime_dir = Path(tempfile.mkdtemp(prefix="sp-run-"))
        cleanup.append(runtime_dir)
    runtime_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    runtime_dir.chmod(0o700)
    overrides = {name: str(path) for name, path in dirs.items()}
    overrides["XDG_RUNTIME_DIR"] = str(runtime_dir)
    env = {k: v for k, v in os.environ.items() if k not in _UNSET}
    env.update(overrides)

    bus, address = _start_bus(runtime_dir, env, root)
    try:
        overrides["DBUS_SESSION_BUS_ADDRESS"] = address
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        control = runtime_dir / "keyring"
        overrides["GNOME_KEYRING_CONTROL"] = str(control)
        daemon = _start_keyring_daemon(control, env, root)
        try:
            _wait_until_ready(address, daemon, root)
        except BaseException:
            _stop(daemon)
            raise
    except BaseException:
        _stop(bus, group=True)
        for path in cleanup:
            shutil.rmtree(path, ignore_errors=True)
        raise
    return SecretService(
        root=root,
        home=dirs["HOME"],
        data_home=dirs["XDG_DATA_HOME"],
        runtime_dir=runtime_dir,
        bus_address=address,
        overrides=overrides,
        unset=tuple(name for name in _UNSET if name not in overrides),
        bus=bus,
        daemon=daemon,
        started_in=time.monotonic() - started,
        _cleanup=cleanup,
    )


@contextlib.contextmanager
def running_secret_service(root: Path) -> Iterator[SecretService]:
    service = start_secret_service(root)
    try:
        yield service
    finally:
        service.stop()


def _start_bus(
    runtime_dir: Path, env: dict[str, str], root: Path
) -> tuple[subprocess.Popen[bytes], str]:
    log = (root / "dbus-daemon.log").open("wb")
    with log:
        bus = subprocess.Popen(
            [
                "dbus-daemon",
                "--session",
                "--nofork",
                "--nopidfile",
                "--nosyslog",
                f"--address=unix:path={runtime_dir / 'bus'}",
                "--print-address=1",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=log,
            env=env,
            start_new_session=True,  # its own process group, stopped as a whole
        )
    assert bus.stdout is not None
    line = bus.stdout.readline().decode().strip()  # dbus-daemon prints it once it listens
    bus.stdout.close()
    if not line:
        _stop(bus, group=True)
        raise SecretServiceUnavailable(
            f"dbus-daemon did not start: {_tail(root / 'dbus-daemon.log')}"
        )
    return bus, line


def _start_keyring_daemon(
    control: Path, env: dict[str, str], root: Path
) -> subprocess.Popen[bytes]:
    log = (root / "gnome-keyring-daemon.log").open("wb")
    with log:
        daemon = subprocess.Popen(
            [
                "gnome-keyring-daemon",
                "--foreground",
                "--unlock",  # reads the login keyring's password from stdin
                "--components=secrets",
                f"--control-directory={control}",
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=log,
            env=env,
        )
    assert daemon.stdin is not None
    daemon.stdin.write(UNLOCK_PASSWORD.encode())
    daemon.stdin.close()
    return daemon


def _wait_until_ready(address: str, daemon: subprocess.Popen[bytes], root: Path) -> None:
    """Until the default collection answers, unlocked: then keyring works at once."""
    import secretstorage
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import Proxy, open_dbus_connection

    deadline = time.monotonic() + START_TIMEOUT
    problem = "no answer"
    with contextlib.closing(open_dbus_connection(bus=address)) as connection:
        bus = Proxy(message_bus, connection)
        while time.monotonic() < deadline:
            if daemon.poll() is not None:
                raise SecretServiceUnavailable(
                    f"gnome-keyring-daemon exited ({daemon.returncode}): "
                    f"{_tail(root / 'gnome-keyring-daemon.log')}"
                )
            # NameHasOwner does not activate anything, unlike a call to the name.
            if bus.NameHasOwner(SECRETS_NAME)[0]:
                try:
                    collection = secretstorage.get_default_collection(connection)
                    if not collection.is_locked():
                        return
                    problem = "the login keyring stayed locked"
                except secretstorage.exceptions.SecretStorageException as exc:
                    problem = str(exc)
            time.sleep(0.01)
    raise SecretServiceUnavailable(
        f"the Secret Service was not ready within {START_TIMEOUT:g} s ({problem}): "
        f"{_tail(root / 'gnome-keyring-daemon.log')}"
    )


def _stop(process: subprocess.Popen[bytes], *, group: bool = False) -> None:
    """SIGTERM, then SIGKILL, then reap. ``group``: the child leads a process
    group; signal the whole group (so whatever it started goes too), and do
    it before reaping the leader, so the group id cannot have been reused."""
    if process.returncode is not None:
        return
    if not group:
        with contextlib.suppress(ProcessLookupError):
            process.terminate()
        try:
            process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(STOP_TIMEOUT)
        return
    _signal_group(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT
    while not _exited(process.pid) and time.monotonic() < deadline:
        time.sleep(0.01)
    _signal_group(process.pid, signal.SIGKILL)  # the leader if it hangs, and any straggler
    process.wait(STOP_TIMEOUT)


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def _exited(pid: int) -> bool:
    """Whether the child has exited, without reaping it."""
    try:
        return os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    except ChildProcessError:
        return True


def _tail(path: Path, limit: int = 500) -> str:
    try:
        text = path.read_text(errors="replace").strip()
    except OSError:
        return "(no log)"
    return text[-limit:] or "(empty log)"
