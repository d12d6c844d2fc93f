"""End to end on Linux: a tel: link opened with xdg-open reaches the running
instance through the registered handler.

xdg-open takes its generic scheme-handler path (the .desktop file chosen by
xdg-mime) only when a display is present, so the test starts its own Xvfb;
the app itself stays offscreen.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from processes import REPO, Launch, app_environment, virtual_display

TOOLS = ("Xvfb", "xdg-open", "xdg-mime")
pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in TOOLS) and not os.environ.get("CI"),
    reason="needs Xvfb and xdg-utils (.ci/run installs them)",
)


@pytest.fixture
def display() -> Iterator[str]:
    with virtual_display() as name:
        yield name


def test_xdg_open_tel_link_pops_the_record_in_the_running_instance(tmp_path, display):
    with app_environment(tmp_path) as env:
        env["DISPLAY"] = display
        env["PATH"] = "/usr/bin:/bin"  # the handler must not depend on a PATH entry
        registered = subprocess.run(
            [sys.executable, "-m", "screenpop", "--register-handler"],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert registered.returncode == 0, registered.stderr

        instance = Launch(env, "--demo")
        try:
            socket = os.path.join(env["XDG_RUNTIME_DIR"], "screenpop", "instance.sock")
            deadline = time.monotonic() + 20
            while not os.path.exists(socket):
                assert time.monotonic() < deadline and instance.process.poll() is None
                time.sleep(0.02)
            opened = subprocess.run(
                ["xdg-open", "tel:+1-800-432-1000"],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert opened.returncode == 0, opened.stderr
            instance.wait_rendered("14246")
        finally:
            instance.finish()
