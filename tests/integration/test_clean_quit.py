"""SIGTERM ends the real app cleanly: exit code 0, a quiet stderr, no socket left.

The app runs as the OS starts it (``python -m screenpop --demo -- NUMBER``,
offscreen, private home and runtime dir, render markers on) with every
ResourceWarning shown, so an HTTP client, socket or loop left unclosed at
exit would show up on stderr.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from processes import Launch, app_environment

from screenpop.instance.forward import Outcome, forward
from screenpop.instance.protocol import PopMessage

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGTERM")

TROUBLE = (
    "Task was destroyed",
    "Task exception was never retrieved",
    "unclosed",
    "ResourceWarning",
    "Traceback",
    "Fatal Python error",
    "Something went wrong",
)


@pytest.fixture
def env(tmp_path) -> Iterator[dict[str, str]]:
    with app_environment(tmp_path) as environment:
        environment["PYTHONWARNINGS"] = "always::ResourceWarning"
        yield environment


def _socket_path(env: dict[str, str]) -> Path:
    return Path(env["XDG_RUNTIME_DIR"]) / "screenpop" / "instance.sock"


def _terminate(app: Launch) -> tuple[int, str]:
    app.process.send_signal(signal.SIGTERM)
    try:
        code = app.exit_code(timeout=15)
    finally:
        stderr = app.finish()
    return code, stderr


def _assert_quiet(stderr: str) -> None:
    for trouble in TROUBLE:
        assert trouble not in stderr, stderr


def test_sigterm_after_a_pop_exits_0_quietly_and_removes_the_socket(env):
    app = Launch(env, "--demo", "--", "8004321000")
    try:
        app.wait_rendered("14246")
        assert _socket_path(env).exists()
    except BaseException:
        app.finish()
        raise
    code, stderr = _terminate(app)

    assert code == 0, stderr
    _assert_quiet(stderr)
    assert not _socket_path(env).exists()


def test_sigterm_in_the_middle_of_a_burst_exits_0_quietly(env, monkeypatch):
    """Pops still waiting their turn or in flight when the quit comes are dropped
    without a trace: no task left pending, no client left open."""
    monkeypatch.setenv("XDG_RUNTIME_DIR", env["XDG_RUNTIME_DIR"])  # forward() finds it
    app = Launch(env, "--demo", "--", "8004321000")
    try:
        app.wait_rendered("14246")
        numbers = ["2065551234", "5125550198", "3312345678", "6175550123", "3125550147"]
        outcomes = [forward(PopMessage(arg=number)) for number in numbers]
        assert outcomes == [Outcome.FORWARDED] * len(numbers)
    except BaseException:
        app.finish()
        raise
    code, stderr = _terminate(app)

    assert code == 0, stderr
    _assert_quiet(stderr)
    assert not _socket_path(env).exists()
