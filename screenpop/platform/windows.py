"""Windows: URL protocol keys under HKCU (no admin rights), and the
Capabilities + RegisteredApplications entries that list Screenpop in the
Default Apps settings page. Windows does not let an app make itself the
default, so registering ends by opening that page.

All writes go through :class:`Registry`, a thin interface over ``winreg``,
so the exact keys and values are checked on any OS.
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Sequence
from typing import Protocol

from screenpop.platform import APP_ID, SCHEMES

CLASSES = r"Software\Classes"
CAPABILITIES = r"Software\Screenpop\Capabilities"
REGISTERED_APPLICATIONS = r"Software\RegisteredApplications"
DEFAULT_APPS_PAGE = "ms-settings:defaultapps"


class Registry(Protocol):
    """Values under HKEY_CURRENT_USER; ``name`` "" is a key's default value."""

    def set_value(self, key: str, name: str, value: str) -> None: ...
    def delete_value(self, key: str, name: str) -> None: ...
    def delete_tree(self, key: str) -> None: ...


def command_line(argv: Sequence[str]) -> str:
    """``"C:\\...\\screenpop.exe" -- "%1"``: the link is quoted and after --."""
    return " ".join([*(f'"{arg}"' for arg in argv), "--", '"%1"'])


def register(registry: Registry, argv: Sequence[str], *, open_settings: bool = True) -> str:
    command = command_line(argv)
    for scheme in SCHEMES:
        key = rf"{CLASSES}\{scheme}"
        registry.set_value(key, "", f"URL:{scheme} link (Screenpop)")
        registry.set_value(key, "URL Protocol", "")
        registry.set_value(rf"{key}\shell\open\command", "", command)
    registry.set_value(CAPABILITIES, "ApplicationName", "Screenpop")
    registry.set_value(
        CAPABILITIES, "ApplicationDescription", "Shows the caller's record from the dialer"
    )
    for scheme in SCHEMES:
        registry.set_value(rf"{CAPABILITIES}\URLAssociations", scheme, scheme)
    registry.set_value(REGISTERED_APPLICATIONS, APP_ID, CAPABILITIES)
    if open_settings:
        _open_default_apps_page()
    return (
        "Screenpop is registered for tel:, callto: and sip: links. In the Default Apps "
        "page that opened, choose Screenpop for them."
    )


def unregister(registry: Registry) -> str:
    for scheme in SCHEMES:
        registry.delete_tree(rf"{CLASSES}\{scheme}")
    registry.delete_value(REGISTERED_APPLICATIONS, APP_ID)
    registry.delete_tree(r"Software\Screenpop")
    return "Screenpop no longer handles tel:, callto: and sip: links."


def _open_default_apps_page() -> None:
    # Registering worked either way; only the convenience page may fail to open.
    with contextlib.suppress(OSError, subprocess.TimeoutExpired):
        subprocess.run(["explorer.exe", DEFAULT_APPS_PAGE], check=False, timeout=10)


class WinregRegistry:
    """:class:`Registry` on the real HKEY_CURRENT_USER."""

    def __init__(self) -> None:
        import winreg  # Windows only

        self._winreg = winreg

    def set_value(self, key: str, name: str, value: str) -> None:
        winreg = self._winreg
        with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_SET_VALUE) as handle:
            winreg.SetValueEx(handle, name, 0, winreg.REG_SZ, value)

    def delete_value(self, key: str, name: str) -> None:
        winreg = self._winreg
        with (
            contextlib.suppress(FileNotFoundError),
            winreg.OpenKey(winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_SET_VALUE) as handle,
        ):
            winreg.DeleteValue(handle, name)

    def delete_tree(self, key: str) -> None:
        winreg = self._winreg
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_ALL_ACCESS) as handle:
                while True:
                    try:
                        child = winreg.EnumKey(handle, 0)
                    except OSError:
                        break
                    self.delete_tree(rf"{key}\{child}")
            winreg.DeleteKey(winreg.HKEY_CURRENT_USER, key)
        except FileNotFoundError:
            pass
