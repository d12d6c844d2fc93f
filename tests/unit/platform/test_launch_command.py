"""The command line the OS is told to run for a clicked link."""

import sys

from screenpop import platform
from screenpop.platform import linux, windows


def _frozen(monkeypatch, executable):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))


def test_a_frozen_bundle_registers_its_own_executable(tmp_path, monkeypatch):
    executable = tmp_path / "screenpop"
    executable.write_bytes(b"")
    _frozen(monkeypatch, executable)
    # Even with another screenpop on PATH: the bundle has no Python to run -m with.
    monkeypatch.setattr(platform.shutil, "which", lambda name: "/usr/bin/screenpop")
    assert platform.launch_command() == [str(executable)]
    assert linux.desktop_exec(platform.launch_command()) == f"{executable} -- %u"


def test_a_frozen_bundle_in_a_folder_with_spaces_is_quoted(tmp_path, monkeypatch):
    executable = tmp_path / "My Apps" / "screenpop"
    executable.parent.mkdir()
    executable.write_bytes(b"")
    _frozen(monkeypatch, executable)
    assert linux.desktop_exec(platform.launch_command()) == f'"{executable}" -- %u'


def test_the_console_twin_registers_the_windowed_executable(tmp_path, monkeypatch):
    windowed = tmp_path / "screenpop.exe"
    console = tmp_path / "screenpop-cli.exe"
    windowed.write_bytes(b"")
    console.write_bytes(b"")
    _frozen(monkeypatch, console)
    assert platform.launch_command() == [str(windowed)]
    assert windows.command_line(platform.launch_command()) == f'"{windowed}" -- "%1"'


def test_a_console_twin_without_its_windowed_sibling_registers_itself(tmp_path, monkeypatch):
    console = tmp_path / "screenpop-cli.exe"
    console.write_bytes(b"")
    _frozen(monkeypatch, console)
    assert platform.launch_command() == [str(console)]


def test_from_source_without_an_installed_command_python_runs_the_package(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(platform.shutil, "which", lambda name: None)
    assert platform.launch_command() == [sys.executable, "-m", "screenpop"]


def test_from_source_an_installed_command_is_preferred(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(platform.shutil, "which", lambda name: "/opt/venv/bin/screenpop")
    assert platform.launch_command() == ["/opt/venv/bin/screenpop"]
