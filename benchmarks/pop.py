"""How fast does a caller's record pop up? Screenpop against its own baselines.

Runs headless (offscreen Qt) against a demo server on loopback started in
this process; app processes get ``--server http://127.0.0.1:PORT --user demo
--password-stdin``, so curl, httpx and the app all hit the same endpoint.
Every app process runs with private XDG dirs, a short private
XDG_RUNTIME_DIR and the fail keyring: nothing touches the user's settings,
keyring or a running Screenpop.

Scenarios, each next to a baseline measured in the same run:

1. warm pop: an instance runs; spawn ``python -m screenpop -- tel:...`` (what
   the OS runs for a link) until the instance prints its render marker.
   Baseline: ``python -c pass`` + one curl POST.
2. cold pop: no instance; spawn the app with a link until its render marker,
   then stop it. Baseline: a minimal PySide6 window (24-row QFormLayout)
   shown + one curl POST.
3. in-app lookup (benchmarks/inapp.py): submit -> rendered in the real
   window, vs a bare httpx.AsyncClient POST.
4. responsiveness: longest Qt event-loop stall while 100 lookups run.
5. burst: 100 pops in 1 s forwarded to a running instance, by direct stdlib
   forwards (``screenpop.instance.forward.forward`` from worker threads of
   this process; ``--burst-spawn`` spawns real processes instead).
6. memory: instance RSS idle after one pop vs the minimal window's; RSS
   growth over 10,000 in-process lookups.
7. CLI: ``screenpop lookup --json`` vs ``python -c "import httpx"`` + curl.

Prints a table and writes a JSON file (path printed). ``--quick`` takes about
a minute, the default a few minutes.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import queue
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from screenpop.demo.server import DEMO_PASSWORD, DEMO_USER, DemoServer  # noqa: E402

PYTHON = sys.executable
RESULTS = HERE / "results"
MARKER = "screenpop-rendered"
MINIMAL_MARKER = "minimal-shown"
# (tel: link, national digits, lead id) of demo leads; consecutive entries
# differ, so the instance's reuse of the last record never kicks in.
LEADS: tuple[tuple[str, str, str], ...] = (
    ("tel:+1-800-432-1000", "8004321000", "14246"),
    ("tel:+1-206-555-1234", "2065551234", "15001"),
    ("tel:+1-512-555-0198", "5125550198", "15002"),
    ("tel:+52-33-1234-5678", "3312345678", "15003"),
    ("tel:+1-312-555-0147", "3125550147", "15005"),
)
# Used only as the last pop of a burst, so its render is unambiguous.
BURST_LAST = ("tel:+1-617-555-0123", "6175550123", "15007")
# The controller coalesces automatic pops closer than 0.15 s; stay clear of it.
POP_SPACING_S = 0.25
# For scale only: a dialer that takes this long to answer (scenario 3b).
SLOW_DIALER_S = 0.02
LOAD_AT_START: tuple[float, float, float] = (0.0, 0.0, 0.0)
# "Far fewer requests than pops": at most this share of the pops.
BURST_MAX_REQUEST_SHARE = 0.2


@dataclass(frozen=True)
class Config:
    warm: int
    cold: int
    lookups: int
    leak: int
    cli: int
    burst: int
    burst_seconds: float
    burst_spawn: bool
    quick: bool


QUICK = {"warm": 8, "cold": 4, "lookups": 100, "leak": 2000, "cli": 5}
FULL = {"warm": 20, "cold": 10, "lookups": 300, "leak": 10_000, "cli": 10}


# ------------------------------------------------------------------ processes


class Processes:
    """Every process this benchmark starts, so all are stopped on any exit."""

    def __init__(self) -> None:
        self._started: list[subprocess.Popen[str]] = []
        self._lock = threading.Lock()

    def popen(self, args: list[str], env: dict[str, str], **kwargs: Any) -> subprocess.Popen[str]:
        kwargs.setdefault("stdin", subprocess.DEVNULL)
        kwargs.setdefault("stdout", subprocess.DEVNULL)
        kwargs.setdefault("stderr", subprocess.PIPE)
        process = subprocess.Popen(args, env=env, cwd=REPO, text=True, **kwargs)
        with self._lock:
            self._started = [p for p in self._started if p.poll() is None]
            self._started.append(process)
        return process

    @staticmethod
    def stop(process: subprocess.Popen[str], timeout: float = 10.0) -> int:
        """SIGTERM (the app closes its window and shuts down), then SIGKILL."""
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        return process.returncode

    def stop_all(self) -> None:
        with self._lock:
            started, self._started = self._started, []
        for process in started:
            with contextlib.suppress(OSError):
                self.stop(process, timeout=5.0)


class BytecodeCache:
    """One private bytecode cache shared by every process of a run.

    Python's ``__pycache__`` is what a pip-installed (or once-run editable)
    Screenpop starts from, but PYTHONDONTWRITEBYTECODE=1 (set on some CI and
    dev machines) makes every process compile the sources again. The children
    get PYTHONPYCACHEPREFIX pointing here instead: each process then starts the
    way an installed app does, after the warm-up runs, and nothing is written
    into the source tree.
    """

    path: Path | None = None

    @classmethod
    def get(cls) -> Path:
        if cls.path is None:
            cls.path = Path(tempfile.mkdtemp(prefix="screenpop-bench-pycache-"))
        return cls.path

    @classmethod
    def remove(cls) -> None:
        if cls.path is not None:
            shutil.rmtree(cls.path, ignore_errors=True)
            cls.path = None


# Offscreen Qt's screen for every app process: a common desk monitor.
BENCH_SCREEN = {
    "name": "bench",
    "x": 0,
    "y": 0,
    "width": 1920,
    "height": 1080,
    "logicalDpi": 96,
    "logicalBaseDpi": 96,
    "dpr": 1,
}


class Sandbox:
    """Private home, XDG dirs and a short runtime dir for app processes."""

    # --no-bytecode-cache: keep the caller's PYTHONDONTWRITEBYTECODE as it is.
    no_bytecode_cache = False

    def __init__(self, name: str) -> None:
        self.root = Path(tempfile.mkdtemp(prefix=f"screenpop-bench-{name}-"))
        # Unix socket paths must stay short: /tmp/sp-XXXXXXXX/screenpop/instance.sock
        self.runtime = Path(tempfile.mkdtemp(prefix="sp-", dir="/tmp"))
        os.chmod(self.runtime, 0o700)
        home = self.root / "home"
        env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
        for var in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION"):
            env.pop(var, None)
        for var in ("XDG_ACTIVATION_TOKEN", "DESKTOP_STARTUP_ID", "PYTHONPATH"):
            env.pop(var, None)
        if not Sandbox.no_bytecode_cache:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(BytecodeCache.get())
        # An agent's screen, not offscreen Qt's default 800x600: the window
        # (and the minimal baseline window) get the size they would have.
        screens = self.root / "screen.json"
        screens.write_text(json.dumps({"screens": [BENCH_SCREEN]}), encoding="utf-8")
        env.update(
            PYTHONPATH=str(REPO),
            HOME=str(home),
            XDG_RUNTIME_DIR=str(self.runtime),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_DATA_HOME=str(home / ".local/share"),
            XDG_CACHE_HOME=str(home / ".cache"),
            XDG_STATE_HOME=str(home / ".local/state"),
            QT_QPA_PLATFORM=f"offscreen:configfile={screens}",
            SCREENPOP_RENDER_MARKER="1",
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        )
        self.env = env

    @property
    def socket(self) -> Path:
        return self.runtime / "screenpop" / "instance.sock"

    def cleanup(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
        shutil.rmtree(self.runtime, ignore_errors=True)


def vm_kb(pid: int, field_name: str = "VmRSS") -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field_name + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field_name} for pid {pid}")


class AppProcess:
    """A Screenpop process whose render markers are collected as they come."""

    def __init__(
        self,
        procs: Processes,
        env: dict[str, str],
        args: list[str],
        password: str | None,
        command: list[str] | None = None,
    ) -> None:
        self.process = procs.popen(
            [*(command or [PYTHON, "-m", "screenpop"]), *args],
            env,
            stdin=subprocess.PIPE if password is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
        )
        if password is not None:
            assert self.process.stdin is not None
            self.process.stdin.write(password + "\n")
            self.process.stdin.close()
        self.markers: queue.Queue[tuple[int, str]] = queue.Queue()
        self.history: list[tuple[int, str]] = []  # every marker, never consumed
        self.stderr: list[str] = []
        self._threads = [
            threading.Thread(target=self._read_markers, daemon=True),
            threading.Thread(target=self._read_stderr, daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def _read_markers(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            parts = line.split()
            if len(parts) == 3 and parts[0] == MARKER:
                item = (int(parts[1]), parts[2])
                self.history.append(item)
                self.markers.put(item)

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr.append(line)

    def wait_rendered(self, lead_id: str, after_ns: int, timeout: float = 30.0) -> int:
        """The marker time (monotonic ns) of the first render of ``lead_id`` after ``after_ns``."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                when, lead = self.markers.get(timeout=0.05)
            except queue.Empty:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(
                        f"lead {lead_id} was not rendered (exit {self.process.poll()}): "
                        + "".join(self.stderr[-10:])
                    ) from None
                continue
            if lead == lead_id and when >= after_ns:
                return when

    def wait_settled(self, after_ns: int, quiet: float, timeout: float = 30.0) -> tuple[int, str]:
        """The last render after ``after_ns`` once none has followed for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.history and self.history[-1][0] >= after_ns:
                when, lead = self.history[-1]
                if time.monotonic_ns() - when > quiet * 1e9:
                    return when, lead
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError("the window never settled: " + "".join(self.stderr[-5:]))

    def drain(self) -> list[tuple[int, str]]:
        items = []
        with contextlib.suppress(queue.Empty):
            while True:
                items.append(self.markers.get_nowait())
        return items

    def wait_listening(self, socket_path: Path, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while not socket_path.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the instance never listened: " + "".join(self.stderr[-10:]))
            time.sleep(0.01)

    def stop(self) -> int:
        code = Processes.stop(self.process)
        for thread in self._threads:
            thread.join(timeout=5)
        return code


def timed_run(
    procs: Processes,
    args: list[str],
    env: dict[str, str],
    stdin: str | None = None,
    check: Callable[[str], bool] | None = None,
) -> float:
    """Milliseconds from spawn to exit; raises if it fails."""
    start = time.monotonic_ns()
    process = procs.popen(
        args,
        env,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE if check is not None else subprocess.DEVNULL,
    )
    out, err = process.communicate(stdin, timeout=60)
    elapsed = (time.monotonic_ns() - start) / 1e6
    if process.returncode != 0 or (check is not None and not check(out or "")):
        raise RuntimeError(f"{args[:4]} failed ({process.returncode}): {err[-500:]}")
    return elapsed


def curl_args(endpoint: str) -> list[str]:
    """One POST like the app's, the form (password included) on stdin, not in argv."""
    return ["curl", "-sS", "--noproxy", "*", "-X", "POST", "--data-binary", "@-", endpoint]


def curl_form(phone: str) -> str:
    from urllib.parse import urlencode

    return urlencode(
        {
            "goAction": "goGetCustomerInfo",
            "goUser": DEMO_USER,
            "goPass": DEMO_PASSWORD,
            "responsetype": "json",
            "phone_number": phone,
        }
    )


def curl_once(procs: Processes, env: dict[str, str], endpoint: str, phone: str) -> float:
    args = [*curl_args(endpoint), "-H", "Content-Type: application/x-www-form-urlencoded"]
    return timed_run(procs, args, env, stdin=curl_form(phone), check=_is_success)


def _is_success(text: str) -> bool:
    return '"result":"success"' in text


def minimal_window(procs: Processes, env: dict[str, str], hold: float = 0.0) -> tuple[float, int]:
    """(ms from spawn to the minimal window shown, its VmRSS kB then); waits for exit."""
    start = time.monotonic_ns()
    args = [PYTHON, str(HERE / "minimal_window.py")]
    if hold:
        args += ["--hold", str(hold)]
    process = procs.popen(args, env, stdout=subprocess.PIPE)
    out, err = process.communicate(timeout=60)
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == MINIMAL_MARKER and process.returncode == 0:
            return (int(parts[1]) - start) / 1e6, int(parts[2])
    raise RuntimeError(f"the minimal window failed ({process.returncode}): {err[-500:]}")


# ------------------------------------------------------------------ statistics


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(values: list[float]) -> dict[str, Any]:
    return {
        "n": len(values),
        "median": statistics.median(values),
        "p95": percentile(values, 0.95),
        "min": min(values),
        "max": max(values),
        "samples": [round(v, 3) for v in values],
    }


@dataclass
class Row:
    """One line of the table."""

    name: str
    unit: str
    value: dict[str, Any] | float | None
    baseline: dict[str, Any] | float | None = None
    baseline_name: str = ""
    target: str = ""
    passed: bool | None = None
    ratio: float | None = None
    note: str = ""
    error: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "unit": self.unit,
            "value": self.value,
            "baseline_name": self.baseline_name,
            "baseline": self.baseline,
            "ratio": self.ratio,
            "target": self.target,
            "passed": self.passed,
            "note": self.note,
            "error": self.error,
        }


def ratio_row(
    name: str,
    values: list[float],
    baseline: list[float],
    baseline_name: str,
    limit: float,
    note: str = "",
) -> Row:
    value, base = summary(values), summary(baseline)
    ratio = value["median"] / base["median"]
    return Row(
        name=name,
        unit="ms",
        value=value,
        baseline=base,
        baseline_name=baseline_name,
        ratio=ratio,
        target=f"<= {limit:g}x",
        passed=ratio <= limit,
        note=note,
    )


def _median(value: dict[str, Any] | float | None) -> float | None:
    if isinstance(value, dict):
        return float(value["median"])
    return value


def _p95(value: dict[str, Any] | float | None) -> float | None:
    if isinstance(value, dict):
        return float(value["p95"])
    return None


def _fmt(number: float | None, unit: str) -> str:
    if number is None:
        return "-"
    if unit == "MiB":
        return f"{number:.1f}"
    if unit == "count":
        return f"{number:.0f}"
    return f"{number:.1f}" if number >= 10 else f"{number:.2f}"


def print_table(rows: list[Row], stream: TextIO = sys.stdout) -> None:
    header = (
        "scenario",
        "unit",
        "median",
        "p95",
        "baseline",
        "base med",
        "base p95",
        "ratio",
        "target",
        "result",
    )
    lines = [header]
    for row in rows:
        result = "ERROR" if row.error else {True: "PASS", False: "FAIL", None: "info"}[row.passed]
        lines.append(
            (
                row.name,
                row.unit,
                _fmt(_median(row.value), row.unit),
                _fmt(_p95(row.value), row.unit),
                row.baseline_name,
                _fmt(_median(row.baseline), row.unit),
                _fmt(_p95(row.baseline), row.unit),
                f"{row.ratio:.2f}x" if row.ratio is not None else "-",
                row.target,
                result,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    right = {2, 3, 5, 6, 7}
    for number, line in enumerate(lines):
        cells = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        stream.write("  ".join(cells).rstrip() + "\n")
        if number == 0:
            stream.write("  ".join("-" * w for w in widths) + "\n")
    for row in rows:
        if row.error:
            stream.write(f"  ERROR {row.name}: {row.error}\n")
        elif row.note:
            stream.write(f"  note  {row.name}: {row.note}\n")


# ------------------------------------------------------------------ scenarios


@dataclass
class Bench:
    config: Config
    server: DemoServer
    slow_server: DemoServer
    procs: Processes = field(default_factory=Processes)
    sandboxes: list[Sandbox] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def sandbox(self, name: str) -> Sandbox:
        box = Sandbox(name)
        self.sandboxes.append(box)
        return box

    def cleanup(self) -> None:
        self.procs.stop_all()
        for box in self.sandboxes:
            box.cleanup()
        BytecodeCache.remove()

    @property
    def gui_connection(self) -> list[str]:
        return ["--server", self.server.base_url, "--user", DEMO_USER, "--password-stdin"]

    def say(self, text: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)

    def attempt(self, names: list[str], scenario: Callable[[], None]) -> None:
        """Run one scenario; a failure becomes ERROR rows, not a crash."""
        try:
            scenario()
        except KeyboardInterrupt:
            raise
        except Exception as exc:
            self.say(f"{names[0]} failed: {exc}")
            for name in names:
                self.rows.append(Row(name=name, unit="", value=None, error=str(exc)[:300]))

    # 0 ---------------------------------------------------------------------

    def prime(self) -> None:
        """Fill the shared bytecode cache once (app, forwarder, CLI, minimal window),
        so no measured process, and no measured RSS, pays for compiling."""
        box = self.sandbox("prime")
        self.say("priming the bytecode cache")
        link, phone, lead = LEADS[0]
        start = time.monotonic_ns()
        app = AppProcess(self.procs, box.env, [*self.gui_connection, "--", link], DEMO_PASSWORD)
        try:
            app.wait_rendered(lead, start)
            self._pop_one(box, LEADS[1][0])
            app.wait_rendered(LEADS[1][2], start)
        finally:
            app.stop()
        lookup = ["-m", "screenpop", "lookup", "--json", *self.gui_connection, "--phone", phone]
        timed_run(self.procs, [PYTHON, *lookup], box.env, stdin=DEMO_PASSWORD + "\n")
        minimal_window(self.procs, box.env)
        timed_run(self.procs, [PYTHON, "-c", "import httpx, qasync, phonenumbers"], box.env)

    # 1 + 6a -------------------------------------------------------------

    def warm(self) -> None:
        box = self.sandbox("warm")
        self.say(f"warm pop: starting an instance, then {self.config.warm} pops")
        instance = AppProcess(self.procs, box.env, self.gui_connection, DEMO_PASSWORD)
        try:
            instance.wait_listening(box.socket)
            pops: list[float] = []
            forwarders: list[float] = []
            base: list[float] = []
            parts: dict[str, list[float]] = {"python -c pass": [], "curl": []}
            warmup = 2
            for index in range(warmup + self.config.warm):
                link, phone, lead = LEADS[index % len(LEADS)]
                start = time.monotonic_ns()
                forwarder = self.procs.popen([PYTHON, "-m", "screenpop", "--", link], box.env)
                rendered = instance.wait_rendered(lead, start)
                _, err = forwarder.communicate(timeout=30)
                exited = time.monotonic_ns()
                if forwarder.returncode != 0:
                    raise RuntimeError(
                        f"the forwarding launch exited {forwarder.returncode}: {err}"
                    )
                if index == 0:
                    time.sleep(1.5)
                    self.extra["rss_idle_after_one_pop_kb"] = vm_kb(instance.process.pid)
                python_ms = timed_run(self.procs, [PYTHON, "-c", "pass"], box.env)
                curl_ms = curl_once(self.procs, box.env, self.server.endpoint, phone)
                if index >= warmup:
                    pops.append((rendered - start) / 1e6)
                    forwarders.append((exited - start) / 1e6)
                    base.append(python_ms + curl_ms)
                    parts["python -c pass"].append(python_ms)
                    parts["curl"].append(curl_ms)
                time.sleep(max(0.0, POP_SPACING_S - (time.monotonic_ns() - start) / 1e9))
            self.extra["warm_parts"] = {k: summary(v) for k, v in parts.items()}
            self.extra["warm_forwarder_exit_ms"] = summary(forwarders)
            self.extra["warm_instance_hwm_kb"] = vm_kb(instance.process.pid, "VmHWM")
        finally:
            instance.stop()
        self.rows.append(
            ratio_row(
                "1 warm pop",
                pops,
                base,
                "py -c pass + curl",
                2.5,
                note=(
                    f"forwarding process exits after {statistics.median(forwarders):.1f} ms "
                    f"(median); python -c pass {statistics.median(parts['python -c pass']):.1f} "
                    f"ms, curl {statistics.median(parts['curl']):.1f} ms"
                ),
            )
        )

    # 2 + 6 baseline --------------------------------------------------------

    def cold(self) -> None:
        box = self.sandbox("cold")
        self.say(f"cold pop: {self.config.cold} starts (+1 warm-up) and minimal-window baselines")
        pops: list[float] = []
        exits: list[float] = []
        base: list[float] = []
        windows: list[float] = []
        curls: list[float] = []
        rss_minimal_shown: list[int] = []
        for index in range(1 + self.config.cold):
            link, phone, lead = LEADS[index % len(LEADS)]
            start = time.monotonic_ns()
            app = AppProcess(self.procs, box.env, [*self.gui_connection, "--", link], DEMO_PASSWORD)
            try:
                rendered = app.wait_rendered(lead, start)
            finally:
                stopping = time.monotonic_ns()
                code = app.stop()
                stopped = time.monotonic_ns()
            if code != 0:
                raise RuntimeError(f"the app exited {code} on SIGTERM: {''.join(app.stderr[-5:])}")
            window_ms, rss = minimal_window(self.procs, box.env)
            curl_ms = curl_once(self.procs, box.env, self.server.endpoint, phone)
            if index == 0:
                continue  # font and bytecode caches in the fresh home
            pops.append((rendered - start) / 1e6)
            exits.append((stopped - stopping) / 1e6)
            windows.append(window_ms)
            curls.append(curl_ms)
            base.append(window_ms + curl_ms)
            rss_minimal_shown.append(rss)
        self.extra["cold_parts"] = {"minimal window": summary(windows), "curl": summary(curls)}
        self.extra["cold_shutdown_ms"] = summary(exits)
        self.extra["minimal_rss_shown_kb"] = statistics.median(rss_minimal_shown)
        self.rows.append(
            ratio_row(
                "2 cold pop",
                pops,
                base,
                "min. window + curl",
                1.6,
                note=(
                    f"minimal window shown after {statistics.median(windows):.1f} ms, curl "
                    f"{statistics.median(curls):.1f} ms; the app shuts down in "
                    f"{statistics.median(exits):.0f} ms after SIGTERM"
                ),
            )
        )

    # 3, 4, 6b -------------------------------------------------------------

    def in_app(self) -> None:
        box = self.sandbox("inapp")
        self.say(
            f"in-app: {self.config.lookups} lookups, 100 under the stall timer, "
            f"{self.config.leak} for the leak check"
        )
        process = self.procs.popen(
            [
                PYTHON,
                str(HERE / "inapp.py"),
                "--server",
                self.server.base_url,
                "--phones",
                ",".join(phone for _, phone, _ in LEADS),
                "--lookups",
                str(self.config.lookups),
                "--leak",
                str(self.config.leak),
                "--slow-server",
                self.slow_server.base_url,
            ],
            box.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        out, err = process.communicate(DEMO_PASSWORD + "\n", timeout=900)
        if process.returncode != 0:
            raise RuntimeError(f"inapp.py exited {process.returncode}: {err[-800:]}")
        result = json.loads(out.strip().splitlines()[-1])
        self.extra["inapp"] = {
            k: v for k, v in result.items() if not k.endswith("_ms") or not isinstance(v, list)
        }
        qasync_httpx = summary(result["qasync_httpx_ms"])
        self.extra["inapp"]["qasync_httpx"] = qasync_httpx
        self.extra["inapp"]["stall_lookups"] = summary(result["stall_lookup_ms"])
        self.rows.append(
            ratio_row(
                "3 in-app lookup",
                result["inapp_ms"],
                result["bare_httpx_ms"],
                "bare httpx POST",
                1.3,
                note=(
                    f"the same bare httpx POST on the app's qasync loop: "
                    f"{qasync_httpx['median']:.2f} ms median; session built in "
                    f"{result['build_session_ms']:.0f} ms"
                ),
            )
        )
        render = summary(result["render_only_ms"])
        self.extra["inapp"]["render_only"] = render
        self.rows.append(
            Row(
                name="3c render only",
                unit="ms",
                value=render,
                target="info",
                note=(
                    "the window's share of 3 with no network: show a record already "
                    "fetched, lay it out and paint it at once (3 stops its clock before "
                    "the paint, which comes with the next frame); leads of different lists"
                ),
            )
        )
        delay = self.slow_server.delay * 1000
        self.rows.append(
            ratio_row(
                f"3b in-app, {delay:.0f} ms dialer",
                result["slow_inapp_ms"],
                result["slow_bare_httpx_ms"],
                "bare httpx POST",
                1.3,
                note=f"for scale: the same against a demo server that waits {delay:.0f} ms",
            )
        )
        self.rows[-1].passed = None
        self.rows[-1].target = "info"
        stall, idle = result["stall"], result["stall_idle"]
        self.rows.append(
            Row(
                name="4 longest stall",
                unit="ms",
                value=stall["max_ms"],
                baseline=idle["max_ms"],
                baseline_name="idle loop, 1 s",
                target="< 16 ms",
                passed=stall["max_ms"] < 16,
                note=(
                    f"worst during lookup #{stall['max_during_lookup'] + 1} of 100; "
                    f"first lookup {stall['max_first_ms']:.1f} ms, later ones "
                    f"{stall['max_after_first_ms']:.1f} ms; p99 tick lateness "
                    f"{stall['p99_ms']:.2f} ms over {stall['ticks']} ticks"
                ),
            )
        )
        leak = result["leak"]
        growth = (leak["rss_after_kb"] - leak["rss_before_kb"]) / 1024
        lookups = leak["lookups"]
        trend = ", ".join(f"{kb / 1024:.1f}" for _, kb in leak["samples"])
        note = f"RSS every {lookups // 10} lookups (MiB): {trend}"
        if lookups < 10_000:
            note += f"; only {lookups} lookups (the target is for 10,000: run without --quick)"
        self.rows.append(
            Row(
                name=f"6 RSS growth, {lookups} lookups",
                unit="MiB",
                value=growth,
                target="< 5 MiB",
                passed=growth < 5,
                note=note,
            )
        )

    # 5 ---------------------------------------------------------------------

    def burst(self) -> None:
        box = self.sandbox("burst")
        how = "spawned processes" if self.config.burst_spawn else "stdlib forward() calls"
        self.say(f"burst: {self.config.burst} pops in {self.config.burst_seconds:g} s by {how}")
        instance = AppProcess(self.procs, box.env, self.gui_connection, DEMO_PASSWORD)
        try:
            instance.wait_listening(box.socket)
            # One pop first, so the burst hits a warm instance.
            start = time.monotonic_ns()
            self._pop_one(box, LEADS[0][0])
            instance.wait_rendered(LEADS[0][2], start)
            time.sleep(1.0)
            rss_before = vm_kb(instance.process.pid)
            instance.drain()
            self.server.clear_received()
            pops = [LEADS[1 + i % (len(LEADS) - 1)] for i in range(self.config.burst - 1)]
            pops.append(BURST_LAST)
            links = [link for link, _, _ in pops]
            launches, acks, outcomes = self._launch_burst(box, links)
            first_launch, last_launch = min(launches), max(launches)
            final_when, final_lead = instance.wait_settled(first_launch, quiet=1.0)
            requests = len(self.server.received)
            renders = sum(1 for when, _ in instance.history if when >= first_launch)
            hwm = vm_kb(instance.process.pid, "VmHWM")
            rss_after = vm_kb(instance.process.pid)
        finally:
            instance.stop()
        forwarded = sum(1 for outcome in outcomes if outcome == "forwarded")
        last_ms = (final_when - last_launch) / 1e6
        # The pop acknowledged last is the newest the instance heard of; the
        # window must end on it (its lead), whatever came before.
        newest = max(range(len(pops)), key=lambda index: acks[index])
        expected = pops[newest][2]
        self.extra["burst"] = {
            "mode": how,
            "pops": len(links),
            "forwarded": forwarded,
            "outcomes": {o: outcomes.count(o) for o in set(outcomes)},
            "launch_span_ms": (last_launch - first_launch) / 1e6,
            "last_ack_after_last_launch_ms": (max(acks) - last_launch) / 1e6,
            "last_rendered_after_last_launch_ms": last_ms,
            "final_lead": final_lead,
            "newest_pop_lead": expected,
            "requests_received": requests,
            "renders": renders,
            "rss_before_kb": rss_before,
            "rss_after_kb": rss_after,
            "hwm_kb": hwm,
        }
        span = (last_launch - first_launch) / 1e9
        ending = (
            "ends on the newest pop"
            if final_lead == expected
            else f"ends on lead {final_lead}, the newest pop was lead {expected}"
        )
        self.rows.append(
            Row(
                name="5 burst: last rendered",
                unit="ms",
                value=last_ms,
                target="<= 1000 ms",
                passed=last_ms <= 1000 and forwarded == len(links) and final_lead == expected,
                note=(
                    f"{len(links)} pops launched over {span:.2f} s by {how}; {forwarded} "
                    f"acknowledged, the last {(max(acks) - last_launch) / 1e6:.0f} ms after the "
                    f"last launch; {renders} renders; the window {ending}"
                ),
            )
        )
        limit = int(len(links) * BURST_MAX_REQUEST_SHARE)
        self.rows.append(
            Row(
                name="5 burst: server requests",
                unit="count",
                value=float(requests),
                baseline=float(len(links)),
                baseline_name="pops",
                ratio=requests / len(links),
                target=f"<= {limit}",
                passed=requests <= limit,
            )
        )
        self.rows.append(
            Row(
                name="5 burst: instance peak RSS",
                unit="MiB",
                value=hwm / 1024,
                baseline=rss_before / 1024,
                baseline_name="RSS before burst",
                ratio=hwm / rss_before,
                note="VmHWM of the instance after the burst (includes its start-up peak)",
            )
        )

    def _pop_one(self, box: Sandbox, link: str) -> None:
        process = self.procs.popen([PYTHON, "-m", "screenpop", "--", link], box.env)
        process.communicate(timeout=30)

    def _launch_burst(
        self, box: Sandbox, links: list[str]
    ) -> tuple[list[int], list[int], list[str]]:
        """Launch ``links`` evenly over the burst; (launch ns, ack/exit ns, outcome) each."""
        launches = [0] * len(links)
        acks = [0] * len(links)
        outcomes = [""] * len(links)
        interval = self.config.burst_seconds / max(1, len(links) - 1)

        def forward_one(index: int) -> None:
            from screenpop.instance.forward import forward
            from screenpop.instance.protocol import PopMessage

            launches[index] = time.monotonic_ns()
            outcomes[index] = forward(PopMessage(arg=links[index])).value
            acks[index] = time.monotonic_ns()

        def spawn_one(index: int) -> None:
            launches[index] = time.monotonic_ns()
            process = self.procs.popen([PYTHON, "-m", "screenpop", "--", links[index]], box.env)
            process.communicate(timeout=60)
            acks[index] = time.monotonic_ns()
            outcomes[index] = (
                "forwarded" if process.returncode == 0 else f"exit {process.returncode}"
            )

        job = spawn_one if self.config.burst_spawn else forward_one
        with _runtime_dir(box.runtime), ThreadPoolExecutor(max_workers=len(links)) as pool:
            begin = time.monotonic()
            futures = []
            for index in range(len(links)):
                delay = begin + index * interval - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                futures.append(pool.submit(job, index))
            for future in futures:
                future.result()
        return launches, acks, outcomes

    # 6a --------------------------------------------------------------------

    def memory_baseline(self) -> None:
        box = self.sandbox("memory")
        self.say("memory: the minimal window's idle RSS")
        minimal_window(self.procs, box.env)  # warm the caches of the fresh home
        samples = []
        for _ in range(3):
            process = self.procs.popen(
                [PYTHON, str(HERE / "minimal_window.py"), "--hold", "3"],
                box.env,
                stdout=subprocess.PIPE,
            )
            assert process.stdout is not None
            line = process.stdout.readline()
            if not line.startswith(MINIMAL_MARKER):
                raise RuntimeError("the minimal window did not start")
            time.sleep(1.5)  # the same idle wait as for the instance
            samples.append(vm_kb(process.pid))
            Processes.stop(process)
            process.communicate()
        idle = self.extra.get("rss_idle_after_one_pop_kb")
        minimal = statistics.median(samples)
        self.extra["minimal_rss_idle_kb"] = samples
        if idle is None:
            raise RuntimeError("the warm scenario did not measure the instance's RSS")
        self.rows.append(
            Row(
                name="6 RSS idle after 1 pop",
                unit="MiB",
                value=idle / 1024,
                baseline=minimal / 1024,
                baseline_name="minimal window",
                ratio=idle / minimal,
                target="<= 1.3x",
                passed=idle / minimal <= 1.3,
                note="VmRSS 1.5 s after the first pop rendered / after the window was shown",
            )
        )

    # 7 ---------------------------------------------------------------------

    def cli(self) -> None:
        box = self.sandbox("cli")
        self.say(f"CLI: {self.config.cli} lookups and baselines")
        runs: list[float] = []
        base: list[float] = []
        imports: list[float] = []
        curls: list[float] = []
        for index in range(1 + self.config.cli):
            _, phone, _ = LEADS[index % len(LEADS)]
            args = [PYTHON, "-m", "screenpop", "lookup", "--json", *self.gui_connection]
            elapsed = timed_run(
                self.procs,
                [*args, "--phone", phone],
                box.env,
                stdin=DEMO_PASSWORD + "\n",
                check=lambda out: json.loads(out)["lead"]["phone_number"] != "",
            )
            import_ms = timed_run(self.procs, [PYTHON, "-c", "import httpx"], box.env)
            curl_ms = curl_once(self.procs, box.env, self.server.endpoint, phone)
            if index == 0:
                continue
            runs.append(elapsed)
            base.append(import_ms + curl_ms)
            imports.append(import_ms)
            curls.append(curl_ms)
        self.extra["cli_parts"] = {"import httpx": summary(imports), "curl": summary(curls)}
        self.rows.append(
            ratio_row(
                "7 CLI lookup --json",
                runs,
                base,
                "py import httpx + curl",
                2.0,
                note=(
                    f'python -c "import httpx" {statistics.median(imports):.1f} ms, curl '
                    f"{statistics.median(curls):.1f} ms"
                ),
            )
        )


@contextlib.contextmanager
def _runtime_dir(path: Path) -> Iterator[None]:
    """Point this process's forward() at a sandbox's instance socket."""
    previous = os.environ.get("XDG_RUNTIME_DIR")
    os.environ["XDG_RUNTIME_DIR"] = str(path)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("XDG_RUNTIME_DIR", None)
        else:
            os.environ["XDG_RUNTIME_DIR"] = previous


# ------------------------------------------------------------------ main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Screenpop pop-up latency, responsiveness and memory against baselines.",
    )
    parser.add_argument("--quick", action="store_true", help="about a minute: fewer repetitions")
    parser.add_argument("--warm", type=int, help="warm pops (default 20, quick 8)")
    parser.add_argument("--cold", type=int, help="cold starts (default 10, quick 4)")
    parser.add_argument("--lookups", type=int, help="in-app lookups timed (default 300, quick 100)")
    parser.add_argument(
        "--leak", type=int, help="lookups for the leak check (default 10000, quick 2000)"
    )
    parser.add_argument("--cli", type=int, help="CLI runs (default 10, quick 5)")
    parser.add_argument("--burst", type=int, default=100, help="pops in the burst (default 100)")
    parser.add_argument("--burst-seconds", type=float, default=1.0, help="burst length (default 1)")
    parser.add_argument(
        "--burst-spawn",
        action="store_true",
        help="spawn a 'python -m screenpop -- tel:...' process per burst pop "
        "instead of calling forward() from threads",
    )
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="leave PYTHONDONTWRITEBYTECODE alone (by default app processes share a private "
        "PYTHONPYCACHEPREFIX, as an installed app has its __pycache__)",
    )
    parser.add_argument(
        "--only",
        default="warm,cold,inapp,burst,memory,cli",
        help="comma-separated subset of: warm, cold, inapp, burst, memory (runs warm too), cli",
    )
    parser.add_argument(
        "--output", type=Path, help="JSON file (default benchmarks/results/pop-<date>.json)"
    )
    return parser.parse_args(argv)


def config_from(args: argparse.Namespace) -> Config:
    defaults = QUICK if args.quick else FULL
    return Config(
        warm=args.warm or defaults["warm"],
        cold=args.cold or defaults["cold"],
        lookups=args.lookups or defaults["lookups"],
        leak=args.leak or defaults["leak"],
        cli=args.cli or defaults["cli"],
        burst=args.burst,
        burst_seconds=args.burst_seconds,
        burst_spawn=args.burst_spawn,
        quick=args.quick,
    )


def _raise_interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def preflight() -> None:
    if shutil.which("curl") is None:
        sys.exit("benchmarks/pop.py: curl is needed for the baselines")
    if not sys.platform.startswith("linux"):
        sys.exit("benchmarks/pop.py: Linux only (/proc, Unix sockets, CLOCK_MONOTONIC markers)")
    try:
        import httpx  # noqa: F401
        import PySide6  # noqa: F401
        import qasync  # noqa: F401
    except ImportError as exc:
        sys.exit(f"benchmarks/pop.py: run it with the project's Python ({exc.name} is missing)")


def meta(config: Config, started: float) -> dict[str, Any]:
    import httpx
    import PySide6

    from screenpop import __version__

    return {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "git": _git_state(),
        "duration_s": round(time.monotonic() - started, 1),
        "screenpop": __version__,
        "python": sys.version.split()[0],
        "pyside6": PySide6.__version__,
        "httpx": httpx.__version__,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average_at_start": LOAD_AT_START,
        "load_average_at_end": os.getloadavg(),
        "config": config.__dict__,
        "bytecode_cache": "caller's environment" if Sandbox.no_bytecode_cache else "private prefix",
        "python_dont_write_bytecode": os.environ.get("PYTHONDONTWRITEBYTECODE", ""),
    }


def _git_state() -> dict[str, Any]:
    """The commit measured, and the files changed on top of it (read-only git calls)."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=10
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.split("\n")
    except (OSError, subprocess.SubprocessError):
        return {}
    return {"commit": commit, "modified": [line[3:] for line in changed if line.strip()]}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    preflight()
    config = config_from(args)
    Sandbox.no_bytecode_cache = args.no_bytecode_cache
    wanted = set(args.only.split(","))
    if "memory" in wanted:
        wanted.add("warm")  # the instance's idle RSS is read there
    signal.signal(signal.SIGTERM, _raise_interrupt)
    started = time.monotonic()
    global LOAD_AT_START
    LOAD_AT_START = os.getloadavg()
    if LOAD_AT_START[0] > 0.5:
        print(
            f"warning: load average {LOAD_AT_START[0]:.2f}: other work on this machine will "
            "add noise to every figure",
            file=sys.stderr,
        )
    server = DemoServer().start()
    slow_server = DemoServer().start()
    slow_server.delay = SLOW_DIALER_S
    bench = Bench(config=config, server=server, slow_server=slow_server)
    bench.say(f"demo server at {server.base_url} ({'quick' if config.quick else 'full'} run)")
    try:
        steps: list[tuple[str, list[str], Callable[[], None]]] = [
            ("prime", ["0 bytecode cache"], bench.prime),
            ("warm", ["1 warm pop"], bench.warm),
            ("cold", ["2 cold pop"], bench.cold),
            ("inapp", ["3 in-app lookup", "4 longest stall", "6 RSS growth"], bench.in_app),
            ("burst", ["5 burst"], bench.burst),
            ("memory", ["6 RSS idle after 1 pop"], bench.memory_baseline),
            ("cli", ["7 CLI lookup --json"], bench.cli),
        ]
        for key, names, step in steps:
            if key in wanted or key == "prime":
                bench.attempt(names, step)
    except KeyboardInterrupt:
        print("\ninterrupted; stopping every process started", file=sys.stderr)
        return 130
    finally:
        bench.cleanup()
        for each in (server, slow_server):
            with contextlib.suppress(Exception):
                each.stop()
    rows = sorted(bench.rows, key=lambda row: row.name)
    print()
    print_table(rows)
    output = args.output or RESULTS / f"pop-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "meta": meta(config, started),
        "rows": [row.as_json() for row in rows],
        "details": bench.extra,
    }
    output.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    failed = [row.name for row in rows if row.passed is False or row.error]
    judged = sum(row.passed is not None or bool(row.error) for row in rows)
    print(
        f"\n{len(failed)} of {judged} targets missed" + (f": {', '.join(failed)}" if failed else "")
    )
    load = os.getloadavg()[0]
    if max(LOAD_AT_START[0], load) > 0.5:
        print(f"warning: load average {LOAD_AT_START[0]:.2f} at start, {load:.2f} at the end")
    print(f"results: {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
