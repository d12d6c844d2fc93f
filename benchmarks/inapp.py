"""In-process measurements for ``benchmarks/pop.py`` (scenarios 3, 4 and 6).

Run as its own process (offscreen Qt, private XDG dirs; pop.py sets the
environment) against the demo server that pop.py runs. Phases, in order:

1. the real window: ``ScreenpopApplication`` + ``qasync.QEventLoop`` +
   ``build_session(GuiOptions(settings=..., password=...))``, shown;
2. responsiveness: a 1 ms precise QTimer measures how late the Qt event loop
   runs, 1 s idle and then while ``--stall-lookups`` explicit lookups run back
   to back on the fresh window. The first lookup is a real first one: httpx
   imports anyio on its first request, phonenumbers loads a region's metadata
   on first use, as in a freshly started instance;
3. in-app overhead: explicit lookups (text typed, ``submit()``) until the
   controller's ``succeeded`` has been handled by the window (the render),
   alternating numbers;
4. for attribution only: the bare httpx POST on the qasync loop;
5. leak check: ``--leak`` more lookups, RSS before and after (after gc);
6. for scale, with ``--slow-server`` (a demo server with a 20 ms delay):
   in-app lookups against it;
7. after the window is gone, the baselines: a bare ``httpx.AsyncClient``
   POSTing the app's form on a plain asyncio loop (to the demo server, and to
   the slow one).

Prints one JSON object on stdout. ``--profile-dir`` instead profiles the first
lookup and the warm lookups with pyinstrument and writes text reports there.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import sys
import time
from pathlib import Path
from typing import Any

import httpx

DEMO_USER = "demo"


def vm_kb(field: str = "VmRSS") -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def form_for(password: str, phone: str) -> dict[str, str]:
    """The form the app posts (GoApiClient.request_params)."""
    return {
        "goAction": "goGetCustomerInfo",
        "goUser": DEMO_USER,
        "goPass": password,
        "responsetype": "json",
        "phone_number": phone,
    }


async def bare_httpx(endpoint: str, password: str, phones: list[str], count: int) -> list[float]:
    """Milliseconds per POST (send + whole body read) on one keep-alive client."""
    times: list[float] = []
    async with httpx.AsyncClient() as client:
        for index in range(count):
            form = form_for(password, phones[index % len(phones)])
            start = time.perf_counter()
            response = await client.post(endpoint, data=form)
            body = response.content
            times.append((time.perf_counter() - start) * 1000)
            if b'"success"' not in body:
                raise RuntimeError(f"unexpected reply: {body[:200]!r}")
    return times


class Harness:
    """Types a number into the real window, submits, waits for the render."""

    def __init__(self, session: Any) -> None:
        self.window = session.window
        self.controller = session.controller
        self._future: asyncio.Future[float] | None = None
        # Connected after app._wire: runs after MainWindow.on_succeeded.
        self.controller.succeeded.connect(self._succeeded)
        self.controller.failed.connect(self._failed)

    def _succeeded(self, _request: object, _info: object) -> None:
        if self._future is not None and not self._future.done():
            self._future.set_result(time.perf_counter())

    def _failed(self, _request: object, message: str, _retryable: bool) -> None:
        if self._future is not None and not self._future.done():
            self._future.set_exception(RuntimeError(f"lookup failed: {message}"))

    async def lookup(self, text: str) -> float:
        """Milliseconds from submit to rendered."""
        self._future = asyncio.get_running_loop().create_future()
        start = time.perf_counter()
        self.window.input.setText(text)
        self.window.submit()
        end = await asyncio.wait_for(self._future, 30)
        return (end - start) * 1000

    async def many(self, phones: list[str], count: int, offset: int = 0) -> list[float]:
        return [await self.lookup(phones[(offset + i) % len(phones)]) for i in range(count)]

    async def records(self, phones: list[str]) -> list[tuple[Any, Any]]:
        """The (request, record) pairs of real lookups, to show again."""
        seen: list[tuple[Any, Any]] = []

        def keep(request: object, info: object) -> None:
            seen.append((request, info))

        self.controller.succeeded.connect(keep)
        try:
            await self.many(phones, len(phones))
        finally:
            self.controller.succeeded.disconnect(keep)
        return seen

    def render_only(self, records: list[tuple[Any, Any]], count: int) -> list[float]:
        """Milliseconds to show a record already fetched and paint it: what a
        lookup costs the window with no network at all (the floor under 3)."""
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        assert app is not None
        times: list[float] = []
        for index in range(count):
            request, info = records[index % len(records)]
            start = time.perf_counter()
            self.window.on_succeeded(request, info)
            self.window.repaint()  # layout and paint now, not at the next frame
            app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
        return times


def make_stall_monitor() -> Any:
    from PySide6.QtCore import QObject, Qt, QTimer

    class StallMonitor(QObject):
        """A 1 ms precise timer; records how late each tick is (ms), tagged."""

        def __init__(self) -> None:
            super().__init__()
            self.interval = 0.001
            self.tag = -1
            self.late: list[tuple[float, int]] = []
            self._last = 0.0
            self._timer = QTimer(self)
            self._timer.setTimerType(Qt.TimerType.PreciseTimer)
            self._timer.setInterval(1)
            self._timer.timeout.connect(self._tick)

        def start(self) -> None:
            self.late.clear()
            self._last = time.perf_counter()
            self._timer.start()

        def stop(self) -> None:
            self._timer.stop()

        def _tick(self) -> None:
            now = time.perf_counter()
            self.late.append((max(0.0, (now - self._last - self.interval) * 1000), self.tag))
            self._last = now

    return StallMonitor()


def stall_summary(late: list[tuple[float, int]]) -> dict[str, Any]:
    values = sorted(v for v, _ in late)
    if not values:
        return {"ticks": 0}
    worst = max(late, key=lambda item: item[0])
    return {
        "ticks": len(values),
        "max_ms": worst[0],
        "max_during_lookup": worst[1],
        "p99_ms": values[min(len(values) - 1, int(len(values) * 0.99))],
        "median_ms": values[len(values) // 2],
        "max_after_first_ms": max((v for v, tag in late if tag != 0), default=0.0),
        "max_first_ms": max((v for v, tag in late if tag == 0), default=0.0),
    }


def start_profiler() -> Any:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0002, async_mode="disabled")
    profiler.start()
    return profiler


def write_profile(profiler: Any, path: Path) -> None:
    profiler.stop()
    path.write_text(profiler.output_text(unicode=True, color=False), encoding="utf-8")


def run(args: argparse.Namespace, password: str) -> dict[str, Any]:
    endpoint = args.server.rstrip("/") + "/goAPIv2/goAgent/goAPI.php"
    phones = args.phones.split(",")
    result: dict[str, Any] = {"rss_start_kb": vm_kb()}

    slow_endpoint = args.slow_server.rstrip("/") + "/goAPIv2/goAgent/goAPI.php"
    profiling = args.profile_dir is not None

    import qasync
    from PySide6.QtWidgets import QApplication

    from screenpop.core.config import ConnectionSettings
    from screenpop.ui.app import (
        GuiOptions,
        ScreenpopApplication,
        build_session,
        settle_heap,
        shutdown,
    )

    start = time.perf_counter()
    existing = QApplication.instance()
    app = existing if existing is not None else ScreenpopApplication(sys.argv[:1])
    result["qapplication_ms"] = (time.perf_counter() - start) * 1000
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    start = time.perf_counter()
    settings = ConnectionSettings(server=args.server, user=DEMO_USER)
    session = build_session(GuiOptions(settings=settings, password=password))
    session.window.show()
    settle_heap()  # as run_gui does
    result["build_session_ms"] = (time.perf_counter() - start) * 1000
    harness = Harness(session)
    monitor = make_stall_monitor()

    async def scenario() -> None:
        await asyncio.sleep(0.5)  # the window's first paint and the loop settle
        result["rss_window_kb"] = vm_kb()
        if profiling:
            await profile(args.profile_dir)
            return
        # 4. responsiveness: idle first, then the lookups on the fresh window.
        monitor.start()
        await asyncio.sleep(1.0)
        monitor.stop()
        result["stall_idle"] = stall_summary(monitor.late)
        monitor.start()
        times = []
        for index in range(args.stall_lookups):
            monitor.tag = index
            times.append(await harness.lookup(phones[index % len(phones)]))
        monitor.tag = -1
        await asyncio.sleep(0.05)
        monitor.stop()
        result["stall"] = stall_summary(monitor.late)
        result["stall_lookup_ms"] = times
        # 3. in-app overhead on the warm window.
        await harness.many(phones, args.warmup)
        result["inapp_ms"] = await harness.many(phones, args.lookups)
        # 3c. the window's share alone: fill, lay out and paint, no network.
        shown = await harness.records(phones)
        harness.render_only(shown, args.warmup)
        result["render_only_ms"] = harness.render_only(shown, args.lookups)
        result["qasync_httpx_ms"] = (
            await bare_httpx(endpoint, password, phones, args.warmup + args.lookups)
        )[args.warmup :]
        # 6. leak check of the lookup -> render path.
        await harness.many(phones, args.leak_warmup)
        gc.collect()
        before = vm_kb()
        samples = [(0, before)]
        step = max(1, args.leak // 10)
        done = 0
        while done < args.leak:
            batch = min(step, args.leak - done)
            await harness.many(phones, batch, offset=done)
            done += batch
            samples.append((done, vm_kb()))
        gc.collect()
        result["leak"] = {
            "lookups": args.leak,
            "rss_before_kb": before,
            "rss_after_kb": vm_kb(),
            "samples": samples,
            "hwm_kb": vm_kb("VmHWM"),
        }
        # 3b. the same against a dialer that takes 20 ms to answer (for scale).
        if args.slow_server:
            slow = ConnectionSettings(server=args.slow_server, user=DEMO_USER)
            harness.controller.use_client(slow.make_client(password))
            await harness.many(phones, 5)
            result["slow_inapp_ms"] = await harness.many(phones, args.slow_lookups)

    async def profile(directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        profiler = start_profiler()
        first = await harness.lookup(phones[0])
        write_profile(profiler, directory / "inapp-first-lookup.txt")
        await harness.many(phones, args.warmup, offset=1)
        profiler = start_profiler()
        times = await harness.many(phones, args.lookups, offset=1)
        write_profile(profiler, directory / "inapp-lookups.txt")
        result["profile_first_ms"] = first
        result["profile_lookups_ms"] = times

    try:
        loop.run_until_complete(scenario())
    finally:
        loop.run_until_complete(shutdown(session))
        session.window.close()
        loop.close()
        asyncio.set_event_loop(None)
    if not profiling:
        # The baselines last, so that the window's first lookup above was a
        # real first one (httpx's lazy imports, phonenumbers' metadata).
        result["bare_httpx_ms"] = asyncio.run(
            bare_httpx(endpoint, password, phones, args.warmup + args.lookups)
        )[args.warmup :]
        if args.slow_server:
            result["slow_bare_httpx_ms"] = asyncio.run(
                bare_httpx(slow_endpoint, password, phones, 5 + args.slow_lookups)
            )[5:]
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="demo server base URL")
    parser.add_argument("--phones", required=True, help="comma-separated numbers to alternate")
    parser.add_argument("--lookups", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--stall-lookups", type=int, default=100)
    parser.add_argument("--leak", type=int, default=10_000)
    parser.add_argument("--leak-warmup", type=int, default=200)
    parser.add_argument("--slow-server", default="", help="a demo server answering slowly")
    parser.add_argument("--slow-lookups", type=int, default=50)
    parser.add_argument("--profile-dir", type=Path)
    args = parser.parse_args()
    password = sys.stdin.readline().rstrip("\n")  # like --password-stdin
    result = run(args, password)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
