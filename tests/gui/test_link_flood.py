"""A flood of links does not take the window down.

1,000 launches hand their link to the running instance within a few seconds,
from worker threads, over the real socket: well-formed pops through the
stdlib forwarder a real launch uses, odd ones (a NUL byte, a lone surrogate,
arguments far too long to be numbers, tokens no environment can hold) and
malformed lines on raw sockets (a 1 MB line, a 500 KB ``tel:`` argument,
NUL bytes, invalid UTF-8, old protocol versions, deep nesting, clients that
hang up or never send). The instance is wired to a real window, controller
and client against the demo server, as ``run_gui`` wires them.

What must hold: every well-formed pop is acknowledged and every malformed one
refused or cut off; the Qt event loop never stalls; memory stays bounded;
the dialer gets a handful of requests, never more than two at once; and the
window ends on the last number's record.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import random
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from gui_helpers import wait_until
from PySide6.QtCore import QTimer

from screenpop.instance import server as instance_module
from screenpop.instance.forward import Outcome, forward
from screenpop.instance.protocol import PopMessage, server_name
from screenpop.instance.server import MAX_CLIENTS, InstanceServer
from screenpop.ui.app import _wire_instance

POPS = 1000
WORKERS = 64
# A slow dialer: it is still answering when the next coalesced pop is due
# (POP_INTERVAL_S), so requests overlap; they must never pile up.
DIALER_LATENCY_S = 0.2
LAST = "3125550147"  # lead 15005, popped once, after everything else
MAX_STALL_S = 0.5
MAX_RSS_GROWTH_MIB = 50


@pytest.fixture
def runtime_dir(monkeypatch) -> Iterator[Path]:
    """A private runtime dir with a short path: a Unix socket path must stay
    under ~100 bytes, and pytest's tmp_path can be longer."""
    directory = tempfile.mkdtemp(prefix="sp-")
    os.chmod(directory, 0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", directory)
    yield Path(directory)
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def instance(runtime_dir, qtbot) -> Iterator[InstanceServer]:
    server = InstanceServer()
    assert server.listen()
    yield server
    server.close()


class DialerMeter:
    """Wraps the demo server's API handler: counts calls, and the most ever running at once."""

    def __init__(self, handle_api: Callable[..., tuple[bytes, str]]) -> None:
        self._handle_api = handle_api
        self._lock = threading.Lock()
        self.running = 0
        self.max_running = 0
        self.calls = 0

    def __call__(self, query, form) -> tuple[bytes, str]:
        with self._lock:
            self.calls += 1
            self.running += 1
            self.max_running = max(self.max_running, self.running)
        try:
            time.sleep(DIALER_LATENCY_S)
            return self._handle_api(query, form)
        finally:
            with self._lock:
                self.running -= 1


@dataclass
class LoopWatch:
    """A 10 ms QTimer on the Qt event loop: the longest gap between its ticks
    is the longest the window was unresponsive."""

    instance: InstanceServer
    ticks: list[float] = field(default_factory=list)
    most_connections: int = 0

    def __post_init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.ticks.append(time.monotonic())
        self.most_connections = max(self.most_connections, self.instance.open_connections())

    def start(self) -> None:
        self.ticks = [time.monotonic()]
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        self._tick()
        return max(b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False))


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS in /proc/self/status")


# ------------------------------------------------------------- the launches


def send_raw(data: bytes, *, hang_up: bool = False) -> bytes:
    """Send ``data`` as a launch would not; return what came back ("" if cut off)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(5)
        connection.connect(server_name())
        # Cut off while sending? The reason may still be there to read.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            connection.sendall(data)
        if hang_up:
            return b""
        reply = b""
        try:
            while chunk := connection.recv(4096):
                reply += chunk
        except ConnectionResetError:
            pass
        return reply


@dataclass(frozen=True)
class Launch:
    kind: str  # "pop" (through the forwarder) or "raw"
    message: PopMessage | None = None
    data: bytes = b""
    hang_up: bool = False


def _pop(arg: str, **tokens: str) -> Launch:
    return Launch("pop", message=PopMessage(arg=arg, **tokens))


def _raw(data: bytes, *, hang_up: bool = False) -> Launch:
    return Launch("raw", data=data, hang_up=hang_up)


NUMBERS = [
    "8004321000",
    "tel:+1-206-555-1234",
    "callto:5125550198",
    "sip:+523312345678@pbx.example",
    "(617) 555-0123",
    "8005550000",  # not found
    "#14246",
]
ODD_POPS = [
    _pop("80043\x0021000"),  # a NUL byte inside the number
    _pop("\ud800"),  # a lone surrogate
    _pop(""),  # nothing to look up: the window just comes forward
    _pop("tel:" + "9" * 600),  # past the 512 characters a number can have
    _pop("tel:" + "1" * 15_000),  # as long as a line may be
    _pop("2065551234", activation_token="tok\x00en"),
    _pop("2065551234", activation_token="\udc80"),
    _pop("2065551234", startup_id="s" * 10_000),
]
MALFORMED = [
    _raw(b"x" * (1 << 20) + b"\n"),  # a 1 MB line
    _raw(b"x" * (1 << 20)),  # 1 MB that never ends its line
    _raw(PopMessage(arg="tel:" + "5" * 500_000).encode()),  # a 500 KB tel: argument
    _raw(b"\x00" * 64 + b"\n"),
    _raw(b'{"v":1,"type":"pop","arg":"\xff\xfe\xfd"}\n'),  # invalid UTF-8
    _raw(b'{"v":0,"type":"pop","arg":"8004321000"}\n'),  # an older protocol
    _raw(b'{"v":2,"type":"pop","arg":"8004321000"}\n'),  # a newer one
    _raw(b'{"v":"1","type":"pop","arg":"8004321000"}\n'),
    _raw(b"tel:+18004321000\n"),
    _raw(b"[" * 8000 + b"]" * 8000 + b"\n"),  # nesting deep enough to hurt a parser
    _raw(b"\n"),
    _raw(b"", hang_up=True),  # connects and leaves
    _raw(b'{"v":1,"type":"pop","arg":"800', hang_up=True),  # half a line, then gone
]
SILENT = _raw(b"")  # connects and never sends: cut off by the instance


def flood(seed: int = 7) -> list[Launch]:
    """POPS launches: mostly numbers, every odd and malformed kind several times."""
    launches = [*ODD_POPS * 3, *MALFORMED * 8, SILENT, SILENT]
    # Known records, and numbers the dialer does not know: each one new, so
    # none is answered from the record just fetched.
    for i in range(POPS - len(launches) - 1):
        launches.append(_pop(NUMBERS[i % len(NUMBERS)] if i % 3 else f"+1 212-555-{i:04d}"))
    random.Random(seed).shuffle(launches)
    return launches


def run(launch: Launch) -> object:
    if launch.kind == "pop":
        assert launch.message is not None
        return forward(launch.message)
    return send_raw(launch.data, hang_up=launch.hang_up)


# -------------------------------------------------------------------- tests


async def test_a_thousand_links_in_seconds_leave_the_window_responsive(
    harness, instance, monkeypatch
):
    window, controller, server = harness.window, harness.controller, harness.server
    meter = DialerMeter(server.handle_api)
    monkeypatch.setattr(server, "handle_api", meter)
    _wire_instance(window, instance)
    received: list[PopMessage] = []
    instance.pop_received.connect(received.append)

    await harness.look_up("2065551234")  # warm up: Qt, phonenumbers, the HTTP client
    meter.calls = meter.max_running = 0
    gc.collect()
    rss_before = rss_mib()
    watch = LoopWatch(instance)
    launches = [*flood(), _pop(LAST)]
    started = time.monotonic()
    watch.start()

    with ThreadPoolExecutor(WORKERS) as pool:
        results = await asyncio.to_thread(lambda: list(pool.map(run, launches[:-1])))
    results.append(await asyncio.to_thread(run, launches[-1]))  # the newest number
    await wait_until(
        lambda: window.lead_view.value_text("lead_id") == "15005" and not controller.is_busy(),
        what="the last number's record",
    )
    flood_seconds = time.monotonic() - started
    stall = watch.stop()
    gc.collect()
    rss_growth = rss_mib() - rss_before

    pops = [launch for launch in launches if launch.kind == "pop"]
    raw = [
        (launch, reply)
        for launch, reply in zip(launches, results, strict=True)
        if launch.kind == "raw"
    ]
    print(
        f"\n{len(launches)} launches ({len(pops)} pops) in {flood_seconds:.2f} s:"
        f" longest event-loop stall {stall * 1000:.0f} ms, RSS growth {rss_growth:.1f} MiB,"
        f" {meter.calls} dialer requests, at most {meter.max_running} at once,"
        f" at most {watch.most_connections} launches served at once"
    )

    # Every well-formed pop was acknowledged and reached the window, in order of arrival.
    assert [r for launch, r in zip(launches, results, strict=True) if launch.kind == "pop"] == [
        Outcome.FORWARDED
    ] * len(pops)
    assert len(received) == len(pops)
    assert received[-1].arg == LAST
    # Every malformed line was refused with a reason; silent clients were cut off.
    for launch, reply in raw:
        if launch.hang_up or not launch.data:
            assert reply == b"", (launch, reply)
        else:
            assert reply.startswith(b'{"v":1,"type":"error","message":'), (launch, reply)
            assert reply.count(b"\n") == 1
    too_long = [reply for launch, reply in raw if len(launch.data) > 100_000]
    assert too_long == [b'{"v":1,"type":"error","message":"line too long"}\n'] * 24
    # The window ends on the newest number's record, nothing over it.
    assert window.input.text() == LAST
    assert window.lead_view.name_text() != ""
    assert window.banner_text() == ""
    assert window.showing_record()
    # The dialer saw a handful of requests, never more than two at once.
    assert meter.calls <= len(pops) // 10
    assert meter.max_running <= 2
    # The window stayed responsive, memory bounded, the instance within its slots.
    assert stall < MAX_STALL_S
    assert rss_growth < MAX_RSS_GROWTH_MIB
    assert watch.most_connections <= MAX_CLIENTS
    # Tokens no environment can hold were never handed on.
    for name in ("XDG_ACTIVATION_TOKEN", "DESKTOP_STARTUP_ID"):
        value = os.environ.get(name, "")
        assert "\x00" not in value and len(value) < 1000


async def test_a_pop_gets_through_while_silent_clients_hold_every_slot(instance, monkeypatch):
    """Launches that connect and never send cannot lock a real one out: once
    they have had their chance, the oldest make room."""
    monkeypatch.setattr(instance_module, "CLIENT_TIMEOUT_MS", 30_000)  # only room-making helps
    received: list[PopMessage] = []
    instance.pop_received.connect(received.append)
    silent: list[socket.socket] = []
    try:
        for _ in range(MAX_CLIENTS + 8):
            connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            connection.connect(server_name())
            silent.append(connection)
        await wait_until(lambda: instance.open_connections() == MAX_CLIENTS, what="full slots")
        await asyncio.sleep(instance_module.STALE_AFTER_MS / 1000 + 0.05)

        started = time.monotonic()
        outcome = await asyncio.to_thread(forward, PopMessage(arg="8004321000"))
        took = time.monotonic() - started
    finally:
        for connection in silent:
            connection.close()
    assert outcome is Outcome.FORWARDED
    assert took < 1.0
    assert [message.arg for message in received] == ["8004321000"]
    assert instance.open_connections() <= MAX_CLIENTS


async def test_a_link_far_too_long_never_reaches_the_input(harness):
    """The agent's typing stays, the reason shows, the dialer hears nothing."""
    window = harness.window
    harness.qtbot.keyClicks(window.input, "20655")
    window.pop("tel:" + "1" * 15_000)

    assert window.banner_text() == (
        "A link arrived that is far too long to be a phone number; it was not looked up."
    )
    assert window.input.text() == "20655"
    assert not harness.controller.is_busy()
    assert harness.server.received == []
