"""Registering Screenpop as the handler of tel:, callto: and sip: links, per OS."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

SCHEMES = ("tel", "callto", "sip", "sips")
APP_ID = "org.screenpop.Screenpop"
# The Windows bundle has a console twin of the windowed executable, for the
# terminal commands (a windowed .exe has no stdout): screenpop-cli.exe.
CONSOLE_SUFFIX = "-cli"


def launch_command() -> list[str]:
    """How the OS should start Screenpop: the bundle's own executable, the
    installed ``screenpop`` command, or this Python running the package (a
    source checkout, a venv)."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: no Python to run
        return [str(windowed_executable(Path(sys.executable)))]
    installed = shutil.which("screenpop")
    if installed:
        return [installed]
    return [sys.executable, "-m", "screenpop"]


def windowed_executable(executable: Path) -> Path:
    """The executable a clicked link should start: the windowed one even when
    the console twin registered it, so no console window flashes up per call."""
    executable = executable.absolute()
    stem = executable.stem
    if stem.endswith(CONSOLE_SUFFIX):
        twin = executable.with_name(stem.removesuffix(CONSOLE_SUFFIX) + executable.suffix)
        if twin.is_file():
            return twin
    return executable


def register(*, unregister: bool = False) -> str:
    """Register (or remove) the link handler for this user; returns what was done."""
    if sys.platform.startswith("linux"):
        from screenpop.platform import linux

        return linux.unregister() if unregister else linux.register(launch_command())
    if sys.platform == "win32":
        from screenpop.platform import windows

        if unregister:
            return windows.unregister(windows.WinregRegistry())
        return windows.register(windows.WinregRegistry(), launch_command())
    if sys.platform == "darwin":
        return (
            "On macOS the link handler is declared by the app bundle (CFBundleURLTypes); "
            "install Screenpop.app and choose it as the default for tel: links."
        )
    raise OSError(f"Registering a link handler is not supported on {sys.platform}.")
