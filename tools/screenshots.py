"""Take the README's screenshots from the real app on a virtual screen.

    .venv/bin/python tools/screenshots.py            # light, dark, Spanish, 200 %
    .venv/bin/python tools/screenshots.py --only dark

Each variant starts ``screenpop --demo`` on its own Xvfb screen with private
HOME and XDG directories (nothing touches your settings, keyring or a running
Screenpop), pops a demo caller's ``tel:`` link through a second launch, the
way a softphone would, waits for the app to say the record is rendered and
grabs the window with ImageMagick's ``import``. Needs ``Xvfb``, ``xdotool``
and ``import`` (Debian: xvfb, xdotool, imagemagick).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREEN = "1280x960x24"
LINK = "tel:+1-800-432-1000"
LEAD_SHOWN = "14246"  # the demo lead behind LINK
MARKER = "screenpop-rendered"
TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Variant:
    name: str
    description: str
    options: tuple[str, ...] = ()
    lang: str = "en_US.UTF-8"
    scale: str = ""  # QT_SCALE_FACTOR, e.g. "2" for a 200 % screen
    screen: str = SCREEN


VARIANTS = (
    Variant("light", "light palette, English", ("--appearance", "light")),
    Variant("dark", "dark palette, English", ("--appearance", "dark")),
    Variant(
        "spanish", "light palette, system locale es_MX", ("--appearance", "light"), "es_MX.UTF-8"
    ),
    Variant(
        "scaled",
        "light palette at 200 % scale",
        ("--appearance", "light"),
        scale="2",
        screen="2560x1800x24",
    ),
)
# Callers popped before the one shown, so the recent lookups have a few rows.
EARLIER_LINKS = ("tel:+1-206-555-1234", "tel:8005550000", "tel:+52-33-1234-5678")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--only", default="", help="comma-separated: " + ",".join(v.name for v in VARIANTS)
    )
    args = parser.parse_args()
    missing = [tool for tool in ("Xvfb", "xdotool", "import") if shutil.which(tool) is None]
    if missing:
        sys.exit(f"tools/screenshots.py: needs {', '.join(missing)} (see the docstring)")
    wanted = set(filter(None, args.only.split(","))) or {v.name for v in VARIANTS}
    args.out.mkdir(parents=True, exist_ok=True)
    for variant in VARIANTS:
        if variant.name in wanted:
            path = args.out / f"{variant.name}.png"
            take(variant, path)
            print(
                f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
                f"{variant.description}"
            )
    return 0


def take(variant: Variant, path: Path) -> None:
    with (
        tempfile.TemporaryDirectory(prefix="screenpop-shot-") as tmp,
        virtual_screen(variant.screen) as display,
    ):
        env = private_env(Path(tmp), display, variant)
        app = subprocess.Popen(
            [sys.executable, "-m", "screenpop", "--demo", *variant.options],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            window = wait_for_window(app, env)
            for link in (*EARLIER_LINKS, LINK):
                subprocess.run(
                    [sys.executable, "-m", "screenpop", "--", link],
                    env=env,
                    check=True,
                    timeout=TIMEOUT_S,
                )
                # Pops closer than 150 ms are coalesced: give each its turn.
                time.sleep(0.6)
            wait_for_marker(app, LEAD_SHOWN)
            time.sleep(1.0)  # the paint after the render, and the busy cursor gone
            subprocess.run(
                ["import", "-window", window, str(path)], env=env, check=True, timeout=TIMEOUT_S
            )
        finally:
            app.terminate()
            try:
                app.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app.kill()


@contextmanager
def virtual_screen(screen: str) -> Iterator[str]:
    """An Xvfb screen on a display number it picks itself."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", screen, "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def private_env(tmp: Path, display: str, variant: Variant) -> dict[str, str]:
    dirs = {
        name: tmp / name.lower()
        for name in (
            "HOME",
            "XDG_CONFIG_HOME",
            "XDG_DATA_HOME",
            "XDG_STATE_HOME",
            "XDG_CACHE_HOME",
            "XDG_RUNTIME_DIR",
        )
    }
    for directory in dirs.values():
        directory.mkdir(mode=0o700)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "QT_"))}
    env.update({name: str(directory) for name, directory in dirs.items()})
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        LANG=variant.lang,
        LANGUAGE=variant.lang.split(".")[0],
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        SCREENPOP_RENDER_MARKER="1",
    )
    if variant.scale:
        env["QT_SCALE_FACTOR"] = variant.scale
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return env


def wait_for_window(app: subprocess.Popen[str], env: dict[str, str]) -> str:
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        if app.poll() is not None:
            raise RuntimeError(
                f"screenpop exited early:\n{app.stderr.read() if app.stderr else ''}"
            )
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "Screenpop"],
            env=env,
            capture_output=True,
            text=True,
        )
        ids = found.stdout.split()
        if ids:
            return ids[-1]
        time.sleep(0.2)
    raise RuntimeError("the Screenpop window did not appear")


def wait_for_marker(app: subprocess.Popen[str], lead_id: str) -> None:
    """Until the app says the record of ``lead_id`` is rendered."""
    assert app.stdout is not None
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        line = app.stdout.readline()
        if not line:
            raise RuntimeError("screenpop exited before rendering a record")
        if line.startswith(MARKER) and line.split()[-1] == lead_id:
            return
    raise RuntimeError("no record was rendered")


if __name__ == "__main__":
    sys.exit(main())
