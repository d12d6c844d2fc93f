"""Linux registration for real: xdg-mime in private XDG dirs."""

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from screenpop.platform import linux

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not shutil.which("xdg-mime") and not os.environ.get("CI"),
    reason="xdg-utils is not installed (.ci/run installs it)",
)


@pytest.fixture
def xdg(tmp_path, monkeypatch):
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in (
        "XDG_CURRENT_DESKTOP",
        "DESKTOP_SESSION",
        "KDE_FULL_SESSION",
        "GNOME_DESKTOP_SESSION_ID",
    ):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def query_default(scheme: str) -> str:
    result = subprocess.run(
        ["xdg-mime", "query", "default", f"x-scheme-handler/{scheme}"],
        capture_output=True,
        text=True,
        check=False,
        timeout=20,
    )
    return result.stdout.strip()


def test_register_makes_screenpop_the_default_and_unregister_undoes_it(xdg):
    message = linux.register(["/opt/screenpop/bin/screenpop"])
    assert "tel:" in message
    for scheme in ("tel", "callto", "sip", "sips"):
        assert query_default(scheme) == "org.screenpop.Screenpop.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(linux.applications_dir() / linux.DESKTOP_FILE, encoding="utf-8")
    assert entry["Desktop Entry"]["Exec"] == "/opt/screenpop/bin/screenpop -- %u"

    assert "no longer" in linux.unregister()
    for scheme in ("tel", "callto", "sip", "sips"):
        assert query_default(scheme) == ""
    assert not (linux.applications_dir() / linux.DESKTOP_FILE).exists()


def test_unregister_keeps_other_apps_defaults(xdg):
    linux.register(["screenpop"])
    subprocess.run(
        ["xdg-mime", "default", "other.desktop", "x-scheme-handler/mailto"], check=True, timeout=20
    )
    linux.unregister()
    mimeapps = (xdg / "xdg_config_home" / "mimeapps.list").read_text()
    assert "x-scheme-handler/mailto=other.desktop" in mimeapps
    assert "Screenpop" not in mimeapps


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils missing")
def test_written_entry_is_valid(xdg):
    linux.register(["/usr/bin/python3", "-m", "screenpop"])
    path = linux.applications_dir() / linux.DESKTOP_FILE
    result = subprocess.run(
        ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
    )
    assert "error" not in result.stdout.lower(), result.stdout


@pytest.mark.parametrize(
    ("argv", "exec_line"),
    [
        (["/usr/bin/screenpop"], "/usr/bin/screenpop -- %u"),
        (
            ["/home/a b/venv/bin/python", "-m", "screenpop"],
            '"/home/a b/venv/bin/python" -m screenpop -- %u',
        ),
        (['/opt/we"ird$/screenpop'], '"/opt/we\\\\"ird\\\\$/screenpop" -- %u'),
    ],
)
def test_exec_line_quoting(argv, exec_line):
    assert linux.desktop_exec(argv) == exec_line


def test_cli_register_and_unregister_handler(xdg):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    registered = subprocess.run(
        [sys.executable, "-m", "screenpop", "--register-handler"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert registered.returncode == 0, registered.stderr
    assert "tel:" in registered.stdout
    assert query_default("tel") == "org.screenpop.Screenpop.desktop"
    exec_line = (linux.applications_dir() / linux.DESKTOP_FILE).read_text()
    assert exec_line.count(" -- %u") == 1

    removed = subprocess.run(
        [sys.executable, "-m", "screenpop", "--unregister-handler"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert removed.returncode == 0, removed.stderr
    assert query_default("tel") == ""
