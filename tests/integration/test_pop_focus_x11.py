"""A pop that must not take the keyboard, on a real X server.

Offscreen Qt activates every window it shows, so whether the softphone keeps
the keyboard can only be seen on a real display: Xvfb, with the xcb platform.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from processes import REPO, app_environment, virtual_display

pytestmark = pytest.mark.skipif(
    shutil.which("Xvfb") is None and not os.environ.get("CI"),
    reason="needs Xvfb (.ci/run installs it)",
)
PROBE = REPO / "tests" / "integration" / "focus_probe.py"


def run_probe(tmp_path, behaviour: str) -> dict[str, object]:
    with app_environment(tmp_path) as env, virtual_display() as display:
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
        done = subprocess.run(
            [sys.executable, str(PROBE), behaviour],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_no_focus_pop_shows_the_record_and_the_softphone_keeps_the_keyboard(tmp_path):
    result = run_probe(tmp_path, "no_focus")
    assert result["softphone_active_before"] is True
    assert result["rendered"] is True and result["visible"] is True
    assert result["active"] == "Softphone"


def test_a_front_pop_takes_the_keyboard(tmp_path):
    result = run_probe(tmp_path, "front")
    assert result["softphone_active_before"] is True
    assert result["rendered"] is True and result["visible"] is True
    assert result["active"] == "Screenpop"
