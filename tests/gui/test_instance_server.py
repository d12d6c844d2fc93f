"""The instance's QLocalServer against the stdlib forwarder, over a real socket."""

import asyncio
import os
import socket

import pytest

from screenpop.instance.forward import LaunchLock, Outcome, forward
from screenpop.instance.protocol import PopMessage, server_name
from screenpop.instance.server import InstanceServer


@pytest.fixture
def runtime_dir(tmp_path, monkeypatch):
    directory = tmp_path / "run"
    directory.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(directory))
    return directory


@pytest.fixture
def instance(runtime_dir, qtbot):
    server = InstanceServer()
    received: list[PopMessage] = []
    server.pop_received.connect(received.append)
    assert server.listen()
    yield received
    server.close()


async def test_forwarded_pop_is_acknowledged_and_received(instance):
    received = instance
    message = PopMessage(arg="tel:+1-800-432-1000", activation_token="tok-1")
    outcome = await asyncio.to_thread(forward, message)
    assert outcome is Outcome.FORWARDED
    assert received == [message]


async def test_socket_is_private_to_the_user(instance, runtime_dir):
    mode = os.stat(server_name()).st_mode & 0o777
    assert mode & 0o077 == 0
    assert (runtime_dir / "screenpop").stat().st_mode & 0o777 == 0o700


async def _raw_exchange(line: bytes) -> bytes:
    def exchange() -> bytes:
        with socket.socket(socket.AF_UNIX) as connection:
            connection.settimeout(3)
            connection.connect(server_name())
            connection.sendall(line)
            return connection.makefile("rb").readline()

    return await asyncio.to_thread(exchange)


@pytest.mark.parametrize(
    ("line", "phrase"),
    [
        (b'{"v": 0, "type": "pop", "arg": "x"}\n', b"protocol version"),
        (b'{"v": 2, "type": "pop", "arg": "x"}\n', b"protocol version"),
        (b"tel:+18004321000\n", b"not a JSON line"),
        (b'{"v": 1, "type": "quit"}\n', b"not a pop message"),
        (b'{"v": 1, "type": "pop", "arg": 5}\n', b"'arg' must be text"),
        (b"[1]\n", b"not a JSON object"),
    ],
)
async def test_malformed_or_old_lines_are_refused(instance, line, phrase):
    received = instance
    reply = await _raw_exchange(line)
    assert b'"type":"error"' in reply
    assert phrase in reply
    assert received == []


async def test_nobody_listening_means_become_the_instance(runtime_dir):
    assert await asyncio.to_thread(forward, PopMessage(arg="1")) is Outcome.NO_INSTANCE


async def test_stale_socket_file_is_replaced(runtime_dir, qtbot):
    stale = socket.socket(socket.AF_UNIX)
    (runtime_dir / "screenpop").mkdir(mode=0o700)
    stale.bind(server_name())
    stale.close()  # the file stays, as after a SIGKILL
    assert await asyncio.to_thread(forward, PopMessage(arg="1")) is Outcome.NO_INSTANCE
    server = InstanceServer()
    try:
        assert server.listen()
        assert await asyncio.to_thread(forward, PopMessage(arg="1")) is Outcome.FORWARDED
    finally:
        server.close()


async def test_a_hung_listener_gives_no_ack(runtime_dir):
    (runtime_dir / "screenpop").mkdir(mode=0o700)
    with socket.socket(socket.AF_UNIX) as hung:
        hung.bind(server_name())
        hung.listen(1)  # accepts, never answers
        outcome = await asyncio.to_thread(forward, PopMessage(arg="1"), timeout=0.3)
    assert outcome is Outcome.NO_ACK


def test_launch_lock_is_exclusive(runtime_dir):
    first, second = LaunchLock(), LaunchLock()
    assert first.acquire()
    try:
        assert not second.acquire(timeout=0.1)
    finally:
        first.release()
    assert second.acquire(timeout=0.1)
    second.release()
