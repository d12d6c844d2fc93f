"""Single instance with real processes: the app as the OS starts it.

Every test gets its own runtime dir (so its own socket) and home. Instances
run the demo offscreen and print a marker line for each record rendered
(``SCREENPOP_RENDER_MARKER``), which is what these tests watch.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from processes import REPO, Launch, app_environment

VENDOR = "tel:+1-800-432-1000"  # lead 14246
CUSTOMER = "2065551234"  # lead 15001


@pytest.fixture
def env(tmp_path) -> Iterator[dict[str, str]]:
    with app_environment(tmp_path) as environment:
        yield environment


@pytest.fixture
def launches() -> Iterator[list[Launch]]:
    started: list[Launch] = []
    yield started
    for launch in started:
        launch.finish()


def socket_path(env: dict[str, str]) -> Path:
    return Path(env["XDG_RUNTIME_DIR"]) / "screenpop" / "instance.sock"


def launch(launches: list[Launch], env: dict[str, str], *args: str) -> Launch:
    started = Launch(env, *args)
    launches.append(started)
    return started


def start_instance(launches, env, *args: str) -> Launch:
    instance = launch(launches, env, "--demo", *args)
    deadline = time.monotonic() + 20
    while not socket_path(env).exists():
        assert instance.process.poll() is None, instance.finish()
        assert time.monotonic() < deadline, "the instance never listened"
        time.sleep(0.02)
    return instance


def test_a_later_launch_forwards_and_exits_0(env, launches):
    instance = start_instance(launches, env)
    forwarded = launch(launches, env, "--", VENDOR)
    assert forwarded.exit_code() == 0
    instance.wait_rendered("14246")
    assert instance.process.poll() is None


def test_stale_socket_after_a_killed_instance_is_taken_over(env, launches):
    dead = start_instance(launches, env)
    dead.process.kill()  # SIGKILL: no chance to remove its socket
    dead.process.wait()
    assert socket_path(env).exists()

    successor = launch(launches, env, "--demo", "--", CUSTOMER)
    successor.wait_rendered("15001")
    forwarded = launch(launches, env, "--", VENDOR)
    assert forwarded.exit_code() == 0
    successor.wait_rendered("14246")


def test_two_launches_at_the_same_moment_end_with_one_instance(env, launches):
    first = launch(launches, env, "--demo")
    second = launch(launches, env, "--demo")
    deadline = time.monotonic() + 30
    while first.process.poll() is None and second.process.poll() is None:
        assert time.monotonic() < deadline, "neither launch handed over to the other"
        time.sleep(0.05)
    ended, running = (first, second) if first.process.poll() is not None else (second, first)
    assert ended.exit_code() == 0
    time.sleep(1)
    assert running.process.poll() is None  # exactly one instance is left
    forwarded = launch(launches, env, "--", VENDOR)
    assert forwarded.exit_code() == 0
    running.wait_rendered("14246")


def _lock_is_held(env: dict[str, str]) -> bool:
    import fcntl

    path = Path(env["XDG_RUNTIME_DIR"]) / "screenpop" / "instance.lock"
    if not path.exists():
        return False
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
    return False


def test_a_pop_arriving_while_the_instance_starts_is_not_lost(env, launches):
    instance = launch(launches, env, "--demo")
    deadline = time.monotonic() + 20
    while not _lock_is_held(env):  # the instance is deciding to become one
        assert time.monotonic() < deadline and instance.process.poll() is None
        time.sleep(0.005)
    early = launch(launches, env, "--", VENDOR)  # waits for it to listen, then forwards
    assert early.exit_code() == 0
    instance.wait_rendered("14246")
    assert instance.process.poll() is None


def test_a_hung_instance_is_replaced(env, launches):
    socket_path(env).parent.mkdir(mode=0o700)
    with socket.socket(socket.AF_UNIX) as hung:
        hung.bind(str(socket_path(env)))
        hung.listen(5)  # accepts connections, never reads or answers
        started = time.monotonic()
        taker = launch(launches, env, "--demo", "--", VENDOR)
        taker.wait_rendered("14246")
        took = time.monotonic() - started
    assert took < 15
    forwarded = launch(launches, env, "--", CUSTOMER)
    assert forwarded.exit_code() == 0
    taker.wait_rendered("15001")


def test_a_burst_of_forwarded_pops_ends_on_the_last_number(env, launches):
    instance = start_instance(launches, env)
    numbers = ["8004321000", "2065551234", "5125550198", "3312345678", "6175550123"] * 4
    burst = [launch(launches, env, "--", number) for number in numbers[:-1]]
    assert [pop.exit_code() for pop in burst] == [0] * len(burst)
    last = launch(launches, env, "--", "3125550147")  # lead 15005
    assert last.exit_code() == 0
    instance.wait_rendered("15005")
    time.sleep(0.5)
    assert instance.rendered[-1] == "15005"
    assert len(instance.rendered) < len(numbers)  # coalesced, not one request per pop
    assert instance.process.poll() is None


def test_a_malformed_line_is_refused_and_the_instance_keeps_working(env, launches):
    instance = start_instance(launches, env)
    for line in (b"tel:+18004321000\n", b'{"v": 0, "type": "pop", "arg": "1"}\n'):
        with socket.socket(socket.AF_UNIX) as raw:
            raw.settimeout(5)
            raw.connect(str(socket_path(env)))
            raw.sendall(line)
            reply = raw.makefile("rb").readline()
        assert b'"type":"error"' in reply
    forwarded = launch(launches, env, "--", VENDOR)
    assert forwarded.exit_code() == 0
    instance.wait_rendered("14246")
    assert instance.rendered == ["14246"]


def test_the_forwarding_path_imports_no_qt_and_no_http_client(env, launches):
    start_instance(launches, env)
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "screenpop", "--", "8004321000"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    heavy = {
        m for m in imported if m.split(".")[0] in {"PySide6", "shiboken6", "httpx", "phonenumbers"}
    }
    assert heavy == set()
    assert "screenpop.instance.forward" in imported
