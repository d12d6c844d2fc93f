"""Smoke test of the built Linux bundle and tarball: runs the frozen program,
never the source.

    python packaging/linux/smoke_test.py [BUNDLE_DIR [TARBALL]]

(defaults: dist/screenpop and the newest dist/screenpop-*-linux-*.tar.gz).
Every run gets a private HOME, XDG dirs and runtime dir, no session bus and
no display, so it never meets a real Screenpop, real settings or a real
keyring. Checks, each printed with its figure:

- ``--version`` prints the version of screenpop/__init__.py;
- ``lookup --demo`` finds the right records (US and Mexican numbers: the
  phonenumbers metadata of both regions is in the bundle);
- ``--demo -- NUMBER`` starts the window offscreen and renders the record
  (the render marker), a second launch hands a link to it (the warm pop),
  and SIGTERM ends it cleanly;
- the same window on Xvfb loads the X11 platform plugin and the SVG icon
  engine;
- the SecretService keyring backend works: set, status and clear of a
  password in a private gnome-keyring;
- no bundled library lacks a dependency;
- the tarball's install.sh installs into a temporary HOME (program, link,
  .desktop entry, icon, xdg-mime default for tel:), the installed program
  runs, a second install upgrades in place, and uninstall.sh removes it all.

Needs dbus-daemon, gnome-keyring-daemon, Xvfb, xdg-utils and
desktop-file-utils (.ci/run installs them).
"""

from __future__ import annotations

import configparser
import contextlib
import importlib.util
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]


def _load(path: Path) -> ModuleType:
    """A module by its path: packaging/ and tests/ are folders, not packages
    (and neither name should shadow an installed one)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


build_config = _load(REPO / "packaging" / "build_config.py")
# The integration tests' private D-Bus session and gnome-keyring-daemon.
secret_service = _load(REPO / "tests" / "integration" / "secret_service.py")

DESKTOP_ID = "org.screenpop.Screenpop.desktop"
SCHEMES = ("tel", "callto", "sip", "sips")
MARKER = "screenpop-rendered"
RUN_TIMEOUT = 60.0
RENDER_TIMEOUT = 60.0
EXIT_TIMEOUT = 15.0
SIZE_TARGET_MIB = 150.0
# stderr lines that mean something went wrong even when the exit code is 0.
TROUBLE = ("Traceback", "Fatal Python error", "Something went wrong", "ResourceWarning")
# Variables that could lead a run to the developer's session, source or libraries.
_UNSET = (
    "DISPLAY",
    "WAYLAND_DISPLAY",
    "XDG_CURRENT_DESKTOP",
    "DESKTOP_SESSION",
    "DBUS_SESSION_BUS_ADDRESS",
    "PYTHONPATH",
    "PYTHONHOME",
    "LD_LIBRARY_PATH",
    "QT_PLUGIN_PATH",
    "QT_QPA_PLATFORM_PLUGIN_PATH",
    "PYTHON_KEYRING_BACKEND",
    "SCREENPOP_RENDER_MARKER",
)


class SmokeFailure(Exception):
    """A check failed; the message says what was expected and what came."""


@dataclass
class Results:
    figures: dict[str, str] = field(default_factory=dict)

    def ok(self, what: str, figure: str = "") -> None:
        print(f"smoke: ok   {what}" + (f" ({figure})" if figure else ""), flush=True)


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


# ------------------------------------------------------------- environment


@dataclass
class Sandbox:
    """Private dirs for one smoke run; ``env()`` is the environment for it."""

    root: Path

    @property
    def home(self) -> Path:
        return self.root / "home"

    def env(self, **extra: str) -> dict[str, str]:
        runtime = self.root / "run"
        runtime.mkdir(mode=0o700, exist_ok=True)
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in _UNSET and "proxy" not in key.lower()
        }
        env.update(
            HOME=str(self.home),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_DATA_HOME=str(self.home / ".local" / "share"),
            XDG_CACHE_HOME=str(self.home / ".cache"),
            XDG_STATE_HOME=str(self.home / ".local" / "state"),
            XDG_RUNTIME_DIR=str(runtime),
            # The window and the demo lookups need no keyring; a run that
            # does gets the private one instead.
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        )
        env.update(extra)
        return env


@contextlib.contextmanager
def sandbox() -> Iterator[Sandbox]:
    # Short: the instance socket lives under XDG_RUNTIME_DIR (108-byte limit).
    root = Path(tempfile.mkdtemp(prefix="sp-smoke-"))
    try:
        yield Sandbox(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def run(
    command: list[str], env: dict[str, str], *, cwd: Path, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        env=env,
        cwd=cwd,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
        check=False,
    )


def timed(
    call: Callable[[], subprocess.CompletedProcess[str]],
) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def succeeded(result: subprocess.CompletedProcess[str], what: str) -> str:
    expect(
        result.returncode == 0,
        f"{what} exited {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}",
    )
    return result.stdout


# ---------------------------------------------------------------- the window


class Window:
    """The frozen app's window process; its render markers are collected."""

    def __init__(self, command: list[str], env: dict[str, str], cwd: Path) -> None:
        self.started_ns = time.monotonic_ns()
        self.process = subprocess.Popen(
            command,
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.markers: queue.Queue[tuple[int, str]] = queue.Queue()
        self.stderr_lines: list[str] = []
        self._threads = [
            threading.Thread(target=self._read_stdout, daemon=True),
            threading.Thread(target=self._read_stderr, daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def _read_stdout(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            parts = line.split()
            if len(parts) == 3 and parts[0] == MARKER:
                self.markers.put((int(parts[1]), parts[2]))

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        self.stderr_lines.extend(self.process.stderr)

    def wait_rendered(self, lead_id: str) -> int:
        """The monotonic time (ns) the window showed ``lead_id``."""
        deadline = time.monotonic() + RENDER_TIMEOUT
        while time.monotonic() < deadline:
            try:
                stamp, shown = self.markers.get(timeout=0.05)
            except queue.Empty:
                expect(
                    self.process.poll() is None,
                    f"the window exited ({self.process.returncode}) before rendering lead "
                    f"{lead_id}: {self.stderr()}",
                )
                continue
            if shown == lead_id:
                return stamp
        raise SmokeFailure(f"lead {lead_id} not rendered in {RENDER_TIMEOUT:g} s: {self.stderr()}")

    def terminate(self) -> tuple[int, float]:
        """SIGTERM, as a session logout sends; the exit code and how long it took."""
        started = time.perf_counter()
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=EXIT_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.kill()
            raise SmokeFailure(
                f"the window did not exit {EXIT_TIMEOUT:g} s after SIGTERM"
            ) from None
        for thread in self._threads:
            thread.join(timeout=5)
        return code, time.perf_counter() - started

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def stderr(self) -> str:
        return "".join(self.stderr_lines)


@contextlib.contextmanager
def window(command: list[str], env: dict[str, str], cwd: Path) -> Iterator[Window]:
    started = Window(command, env, cwd)
    try:
        yield started
    finally:
        started.kill()


@contextlib.contextmanager
def xvfb(root: Path) -> Iterator[str]:
    """A private X server; yields its DISPLAY. -displayfd picks a free number."""
    if not shutil.which("Xvfb"):
        raise SmokeFailure("Xvfb is missing (Debian: apt-get install xvfb)")
    read_end, write_end = os.pipe()
    log = (root / "xvfb.log").open("wb")
    with log:
        server = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_end),
                "-nolisten",
                "tcp",
                "-screen",
                "0",
                "1280x900x24",
            ],
            pass_fds=(write_end,),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as numbers:
            number = numbers.readline().strip()
        expect(bool(number), f"Xvfb did not start: {(root / 'xvfb.log').read_text()[-500:]}")
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# -------------------------------------------------------------------- checks


def check_version(program: Path, box: Sandbox, results: Results, version: str) -> None:
    timings = []
    for _ in range(3):
        result, seconds = timed(lambda: run([str(program), "--version"], box.env(), cwd=box.root))
        timings.append(seconds)
        expect(
            succeeded(result, "--version") == f"screenpop {version}\n",
            f"--version printed {result.stdout!r}, expected 'screenpop {version}'",
        )
    figure = f"{min(timings) * 1000:.0f} ms, first {timings[0] * 1000:.0f} ms"
    results.figures["--version"] = figure
    results.ok(f"--version prints 'screenpop {version}'", figure)


def check_lookups(program: Path, box: Sandbox, results: Results) -> None:
    cases = [
        (["--phone", "8004321000"], "14246", "8004321000", False),
        (["--uri", "tel:+52-33-1234-5678", "--country", "MX"], "15003", "3312345678", None),
        (["--phone", "(206) 555-1234"], "15001", "2065551234", True),
    ]
    for arguments, lead_id, phone, customer in cases:
        command = [str(program), "lookup", "--demo", *arguments, "--json"]
        result, seconds = timed(lambda command=command: run(command, box.env(), cwd=box.root))
        record = json.loads(succeeded(result, " ".join(command[1:])))
        lead = record["lead"]
        expect(
            (lead["lead_id"], lead["phone_number"]) == (lead_id, phone),
            f"lookup {arguments} found lead {lead['lead_id']} ({lead['phone_number']}), "
            f"expected {lead_id} ({phone})",
        )
        if customer is not None:
            expect(record["is_customer"] is customer, f"is_customer of {lead_id}: {record}")
        if lead_id == "14246":
            expect(
                (lead["first_name"], lead["last_name"]) == ("Bruno", "Macias"),
                f"lead 14246 is not Bruno Macias: {lead}",
            )
            results.figures["lookup --demo"] = f"{seconds * 1000:.0f} ms"
        results.ok(
            f"lookup --demo {' '.join(arguments)} -> lead {lead_id}", f"{seconds * 1000:.0f} ms"
        )


def check_window_offscreen(program: Path, box: Sandbox, results: Results) -> None:
    env = box.env(QT_QPA_PLATFORM="offscreen", SCREENPOP_RENDER_MARKER="1")
    with window([str(program), "--demo", "--", "8004321000"], env, box.root) as app:
        rendered = app.wait_rendered("14246")
        cold_ms = (rendered - app.started_ns) / 1e6
        results.figures["cold start to rendered record"] = f"{cold_ms:.0f} ms"
        results.ok("window (offscreen) renders lead 14246 from a cold start", f"{cold_ms:.0f} ms")

        # A link clicked while it runs: a second launch hands it over and exits.
        started = time.monotonic_ns()
        handed = run([str(program), "--", "tel:2065551234"], env, cwd=box.root)
        succeeded(handed, "the second launch")
        warm_ms = (app.wait_rendered("15001") - started) / 1e6
        results.figures["warm pop (link to running window)"] = f"{warm_ms:.0f} ms"
        results.ok("a second launch hands tel:2065551234 to the window", f"{warm_ms:.0f} ms")

        code, seconds = app.terminate()
        stderr = app.stderr()
        expect(code == 0, f"the window exited {code} on SIGTERM: {stderr}")
        trouble = [word for word in TROUBLE if word in stderr]
        expect(not trouble, f"the window's stderr shows {trouble}: {stderr}")
    socket = Path(env["XDG_RUNTIME_DIR"]) / "screenpop" / "instance.sock"
    expect(not socket.exists(), f"the instance socket was left behind: {socket}")
    results.ok(
        "SIGTERM ends the window with exit code 0, a quiet stderr, no socket", f"{seconds:.1f} s"
    )


def check_window_x11(program: Path, box: Sandbox, results: Results) -> None:
    with xvfb(box.root) as display:
        env = box.env(
            DISPLAY=display,
            QT_QPA_PLATFORM="xcb",
            QT_DEBUG_PLUGINS="1",
            SCREENPOP_RENDER_MARKER="1",
        )
        with window([str(program), "--demo", "--", "3312345678"], env, box.root) as app:
            app.wait_rendered("15003")
            code, _seconds = app.terminate()
        stderr = app.stderr()
        expect(code == 0, f"the window on X11 exited {code}: {stderr[-2000:]}")
        for plugin in ("platforms/libqxcb.so", "iconengines/libqsvgicon.so"):
            loaded = f'{plugin}" loaded library'
            expect(loaded in stderr, f"{plugin} was not loaded from the bundle: {stderr[-2000:]}")
    results.ok("window on X11 (Xvfb) renders lead 15003; xcb and SVG icon plugins load")


def check_keyring(program: Path, box: Sandbox, results: Results) -> None:
    try:
        with secret_service.running_secret_service(box.root / "keyring") as service:
            env = service.env
            for name in _UNSET:
                if name not in service.overrides:
                    env.pop(name, None)
            base = [str(program), "credentials"]
            account = ["--server", "https://dialer.example.com", "--user", "smoke"]
            saved = run(
                [*base, "set", *account, "--password-stdin"], env, cwd=box.root, stdin="s3cret\n"
            )
            stdout = succeeded(saved, "credentials set")
            expect("SecretService" in stdout, f"not saved in the Secret Service: {stdout}")
            status = succeeded(run([*base, "status"], env, cwd=box.root), "credentials status")
            expect("password: in the system keyring" in status, f"status says: {status}")
            secrets = {
                key: value for key, value in service.entries().items() if key[0] == "Screenpop"
            }
            expect(
                list(secrets.values()) == ["s3cret"], f"the keyring holds {len(secrets)} entries"
            )
            cleared = succeeded(run([*base, "clear"], env, cwd=box.root), "credentials clear")
            expect("Removed the password" in cleared, f"clear says: {cleared}")
            expect(
                not any(key[0] == "Screenpop" for key in service.entries()),
                "the password is still in the keyring after clear",
            )
    except secret_service.SecretServiceUnavailable as exc:
        raise SmokeFailure(f"no private Secret Service to test the keyring with: {exc}") from exc
    results.ok("SecretService keyring backend: set, status and clear a password")


def check_libraries(bundle: Path, results: Results) -> None:
    internal = bundle / "_internal"
    missing = set()
    count = 0
    for path in sorted(internal.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        count += 1
        result = subprocess.run(
            ["ldd", str(path)],
            env={**os.environ, "LD_LIBRARY_PATH": str(internal)},
            capture_output=True,
            text=True,
            check=False,
            timeout=RUN_TIMEOUT,
        )
        missing |= {
            f"{path.relative_to(bundle)}: {line.split()[0]}"
            for line in result.stdout.splitlines()
            if "not found" in line
        }
    expect(
        not missing, "bundled libraries with a missing dependency:\n" + "\n".join(sorted(missing))
    )
    glibc = newest_glibc([bundle / "screenpop", *internal.rglob("*.so*")])
    results.figures["needs glibc"] = glibc
    results.ok(f"all {count} bundled libraries find their dependencies", f"needs glibc {glibc}")


def newest_glibc(binaries: list[Path]) -> str:
    """The newest GLIBC_x.y symbol version any binary asks for: the oldest
    glibc, and so the oldest distribution, the bundle runs on."""
    if not shutil.which("objdump"):
        return "unknown (no objdump; install binutils)"
    versions = set()
    for path in binaries:
        if path.is_symlink() or not path.is_file():
            continue
        result = subprocess.run(
            ["objdump", "-T", str(path)], capture_output=True, text=True, check=False
        )
        versions |= set(re.findall(r"GLIBC_(\d+)\.(\d+)", result.stdout))
    newest = max(((int(major), int(minor)) for major, minor in versions), default=None)
    return f"{newest[0]}.{newest[1]}" if newest else "unknown"


# ----------------------------------------------------------------- tarball


def xdg_default(scheme: str, env: dict[str, str], cwd: Path) -> str:
    command = ["xdg-mime", "query", "default", f"x-scheme-handler/{scheme}"]
    return run(command, env, cwd=cwd).stdout.strip()


def check_tarball(tarball: Path, box: Sandbox, results: Results, version: str) -> None:
    if not shutil.which("xdg-mime"):
        raise SmokeFailure("xdg-mime is missing (Debian: apt-get install xdg-utils)")
    unpacked = box.root / "unpacked"
    unpacked.mkdir()
    succeeded(run(["tar", "-xzf", str(tarball)], box.env(), cwd=unpacked), "tar -x")
    (top,) = unpacked.iterdir()
    expect(top.name == tarball.name.removesuffix(".tar.gz"), f"the tarball unpacks into {top.name}")

    env = box.env()
    env["PATH"] = f"{box.home / '.local' / 'bin'}:{env.get('PATH', '/usr/bin:/bin')}"
    data_home = Path(env["XDG_DATA_HOME"])
    app_dir = box.home / ".local" / "lib" / "screenpop"
    link = box.home / ".local" / "bin" / "screenpop"
    desktop = data_home / "applications" / DESKTOP_ID
    icon = data_home / "icons" / "hicolor" / "scalable" / "apps" / "screenpop.svg"

    result, seconds = timed(lambda: run(["sh", str(top / "install.sh")], env, cwd=box.root))
    succeeded(result, "install.sh")
    expect((app_dir / "screenpop").is_file(), f"no program in {app_dir}")
    expect(
        link.is_symlink() and link.resolve() == (app_dir / "screenpop").resolve(),
        f"{link} is not the link",
    )
    expect(icon.is_file() and icon.read_bytes().lstrip().startswith(b"<svg"), f"no icon at {icon}")
    entry = configparser.ConfigParser(interpolation=None)
    expect(bool(entry.read(desktop, encoding="utf-8")), f"no desktop entry at {desktop}")
    fields = entry["Desktop Entry"]
    expect(fields["Exec"] == f"{app_dir / 'screenpop'} -- %u", f"Exec= is {fields['Exec']!r}")
    expect(fields["Icon"] == "screenpop", f"Icon= is {fields['Icon']!r}")
    if shutil.which("desktop-file-validate"):
        validation = run(["desktop-file-validate", str(desktop)], env, cwd=box.root)
        expect(
            validation.returncode == 0,
            f"desktop-file-validate: {validation.stdout}{validation.stderr}",
        )
    for scheme in SCHEMES:
        handler = xdg_default(scheme, env, box.root)
        expect(handler == DESKTOP_ID, f"xdg-mime default for {scheme}: {handler!r}")
    installed = run(["screenpop", "--version"], env, cwd=box.root)  # through the link on PATH
    expect(
        succeeded(installed, "the installed screenpop") == f"screenpop {version}\n",
        installed.stdout,
    )
    results.figures["install.sh"] = f"{seconds:.1f} s"
    results.ok(
        "install.sh: program, link, .desktop entry, icon, default for tel:/callto:/sip:",
        f"{seconds:.1f} s",
    )

    again = run(["sh", str(top / "install.sh")], env, cwd=box.root)
    succeeded(again, "install.sh over an installed copy")
    expect(not (app_dir.parent / "screenpop.old").exists(), "the upgrade left screenpop.old behind")
    expect(xdg_default("tel", env, box.root) == DESKTOP_ID, "the upgrade lost the tel: default")
    results.ok("install.sh again upgrades in place")

    result, seconds = timed(lambda: run(["sh", str(app_dir / "uninstall.sh")], env, cwd=box.root))
    succeeded(result, "uninstall.sh")
    left = [path for path in (app_dir, link, desktop, icon) if path.exists() or path.is_symlink()]
    expect(not left, f"uninstall.sh left {left}")
    for scheme in SCHEMES:
        handler = xdg_default(scheme, env, box.root)
        expect(handler == "", f"after uninstall the default for {scheme} is {handler!r}")
    mimeapps = Path(env["XDG_CONFIG_HOME"]) / "mimeapps.list"
    if mimeapps.exists():
        expect(
            DESKTOP_ID not in mimeapps.read_text(encoding="utf-8"), "mimeapps.list still names us"
        )
    results.ok(
        "uninstall.sh removes the program, link, entry, icon and defaults", f"{seconds:.1f} s"
    )


# -------------------------------------------------------------------- main


def mib(byte_count: int) -> float:
    return byte_count / 1048576


def tree_bytes(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def main(argv: list[str]) -> int:
    version = build_config.version()
    bundle = Path(argv[0]) if argv else REPO / "dist" / "screenpop"
    if len(argv) > 1:
        tarball = Path(argv[1])
    else:
        found = sorted((REPO / "dist").glob("screenpop-*-linux-*.tar.gz"), key=os.path.getmtime)
        tarball = found[-1] if found else REPO / "dist" / "no-tarball.tar.gz"
    program = bundle.resolve() / "screenpop"
    results = Results()
    checks: list[tuple[str, Callable[[Sandbox], None]]] = [
        ("version", lambda box: check_version(program, box, results, version)),
        ("lookups", lambda box: check_lookups(program, box, results)),
        ("window", lambda box: check_window_offscreen(program, box, results)),
        ("x11", lambda box: check_window_x11(program, box, results)),
        ("keyring", lambda box: check_keyring(program, box, results)),
        ("libraries", lambda box: check_libraries(bundle, results)),
        ("tarball", lambda box: check_tarball(tarball.resolve(), box, results, version)),
    ]
    failed = []
    try:
        expect(program.is_file(), f"no bundle at {bundle} (run packaging/linux/build.sh)")
        expect(tarball.is_file(), f"no tarball at {tarball} (run packaging/linux/build.sh)")
    except SmokeFailure as exc:
        print(f"smoke: FAIL {exc}", file=sys.stderr)
        return 1
    for name, check in checks:
        with sandbox() as box:
            try:
                check(box)
            except (SmokeFailure, subprocess.TimeoutExpired, OSError, KeyError, ValueError) as exc:
                failed.append(name)
                print(f"smoke: FAIL {name}: {exc}", file=sys.stderr, flush=True)

    size = mib(tree_bytes(bundle))
    print(
        f"smoke: bundle {size:.1f} MiB unpacked (target under {SIZE_TARGET_MIB:g} MiB), "
        f"tarball {mib(tarball.stat().st_size):.1f} MiB"
    )
    for what, figure in results.figures.items():
        print(f"smoke: {what}: {figure}")
    if size >= SIZE_TARGET_MIB:
        failed.append("size")
        print(
            f"smoke: FAIL the bundle is {size:.1f} MiB, over {SIZE_TARGET_MIB:g} MiB",
            file=sys.stderr,
        )
    passed = len(checks) - len([name for name in failed if name != "size"])
    print(f"smoke: {passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
