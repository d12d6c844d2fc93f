"""Linux: a .desktop file in the user's applications dir, made the default
handler of tel:/callto:/sip: links with ``xdg-mime``. User-level only."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from screenpop.platform import APP_ID, SCHEMES
from screenpop.resources import resource_path

DESKTOP_FILE = f"{APP_ID}.desktop"
_TOOL_TIMEOUT = 20


def applications_dir() -> Path:
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "applications"


def desktop_exec(argv: Sequence[str]) -> str:
    """The Exec= value: the command, then ``-- %u`` so a clicked link can never
    be read as an option. Quoted per the Desktop Entry spec."""
    return " ".join([*(_quote(arg) for arg in argv), "--", "%u"])


def _quote(arg: str) -> str:
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    if arg and not reserved & set(arg):
        return arg
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
    # A literal backslash in a quoted argument is itself escaped again in the
    # .desktop file's string syntax.
    return '"' + escaped.replace("\\", "\\\\") + '"'


def desktop_entry(argv: Sequence[str]) -> str:
    """The shipped .desktop entry with this installation's command line."""
    template = resource_path("linux", "screenpop.desktop").read_text(encoding="utf-8")
    lines = [
        f"Exec={desktop_exec(argv)}" if line.startswith("Exec=") else line
        for line in template.splitlines()
    ]
    return "\n".join(lines) + "\n"


def register(argv: Sequence[str]) -> str:
    target = applications_dir() / DESKTOP_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(desktop_entry(argv), encoding="utf-8")
    _run(["update-desktop-database", str(target.parent)], required=False)
    for scheme in SCHEMES:
        _run(["xdg-mime", "default", DESKTOP_FILE, f"x-scheme-handler/{scheme}"], required=True)
    return f"Screenpop now opens {', '.join(s + ':' for s in SCHEMES)} links ({target})."


def unregister() -> str:
    target = applications_dir() / DESKTOP_FILE
    existed = target.exists()
    target.unlink(missing_ok=True)
    _forget_defaults()
    _run(["update-desktop-database", str(target.parent)], required=False)
    if existed:
        return "Screenpop no longer handles tel:, callto: and sip: links."
    return "Screenpop was not registered; nothing to remove."


def _forget_defaults() -> None:
    """Drop our lines from mimeapps.list (xdg-mime has no "unset")."""
    config_home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    mimeapps = Path(config_home) / "mimeapps.list"
    try:
        lines = mimeapps.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return
    kept = [line for line in lines if not _is_our_default(line)]
    if kept != lines:
        mimeapps.write_text("\n".join(kept) + "\n", encoding="utf-8")


def _is_our_default(line: str) -> bool:
    key, _, value = line.partition("=")
    if not key.strip().startswith("x-scheme-handler/"):
        return False
    scheme = key.strip().removeprefix("x-scheme-handler/")
    return scheme in SCHEMES and DESKTOP_FILE in value.split(";")


def _run(command: list[str], *, required: bool) -> None:
    try:
        subprocess.run(
            command,
            check=True,
            capture_output=True,
            timeout=_TOOL_TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError as exc:
        if required:
            raise OSError(f"'{command[0]}' is missing; install xdg-utils.") from exc
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        if required:
            raise OSError(f"'{' '.join(command[:2])}' failed.") from exc
