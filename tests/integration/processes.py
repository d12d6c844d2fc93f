"""Running Screenpop as the OS would: real processes, private dirs, markers."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def app_environment(tmp_path: Path) -> Iterator[dict[str, str]]:
    """Environment for app processes: own home, XDG dirs and runtime dir,
    offscreen Qt, render markers on, no system keyring."""
    # A short runtime dir: a Unix socket path must stay under ~100 bytes.
    runtime = tempfile.mkdtemp(prefix="sp-run-")
    os.chmod(runtime, 0o700)
    home = tmp_path / "home"
    environment = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    for name in ("XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "DISPLAY", "WAYLAND_DISPLAY"):
        environment.pop(name, None)
    environment.update(
        PYTHONPATH=str(REPO),
        HOME=str(home),
        XDG_RUNTIME_DIR=runtime,
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local/state"),
        QT_QPA_PLATFORM="offscreen",
        SCREENPOP_RENDER_MARKER="1",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    try:
        yield environment
    finally:
        shutil.rmtree(runtime, ignore_errors=True)


@contextlib.contextmanager
def virtual_display(screen: str = "1024x768x24") -> Iterator[str]:
    """A private X server (no window manager); ``-displayfd`` picks a free
    display number."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", screen],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not start"
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


class Launch:
    """One ``screenpop`` process, its marker lines collected as they come."""

    def __init__(self, env: dict[str, str], *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "screenpop", *args],
            env=env,
            cwd=REPO,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.rendered: list[str] = []
        self.stderr = ""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("screenpop-rendered "):
                self.rendered.append(line.split()[2])

    def wait_rendered(self, lead_id: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while lead_id not in self.rendered:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(
                    f"lead {lead_id} not rendered: {self.rendered} {self.finish()}"
                )
            time.sleep(0.02)

    def exit_code(self, timeout: float = 20.0) -> int:
        return self.process.wait(timeout=timeout)

    def finish(self) -> str:
        """Stop the process (if running) and return its stderr."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        assert self.process.stderr is not None
        self.stderr = self.process.stderr.read()
        return self.stderr
