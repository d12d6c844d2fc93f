"""What the PyInstaller spec needs to know, kept out of the spec so the unit
tests can check it (the spec itself only runs inside PyInstaller).

Imports nothing but the standard library: the spec loads this file by path,
and the tests load it without PyInstaller installed.
"""

from __future__ import annotations

import ast
import plistlib
import re
from collections.abc import Callable, Iterable
from pathlib import Path, PurePath
from typing import Any

PACKAGING = Path(__file__).resolve().parent
# Our own PyInstaller hooks, which take precedence over the contributed ones.
HOOKS = PACKAGING / "hooks"
REPO = PACKAGING.parent
RESOURCES = REPO / "resources"
URL_TYPES_PLIST = PACKAGING / "macos" / "url-types.plist"

APP_NAME = "Screenpop"
# The executable's name on every system (screenpop, screenpop.exe, and inside
# Screenpop.app/Contents/MacOS/).
EXECUTABLE = "screenpop"
# Windows only: the console twin for terminal use (a windowed .exe has no
# stdout, so `screenpop --version` would print nothing). Must match
# screenpop.platform.CONSOLE_SUFFIX.
CONSOLE_EXECUTABLE = "screenpop-cli"
# Folder name the resources get inside the bundle; screenpop.resources looks
# there when frozen.
BUNDLE_RESOURCES = "resources"

# Resource files the app reads at run time, as globs under resources/. A glob
# that matches nothing is fine: translations/ only exists once there are .qm
# files, and the bundle is the same build either way.
RESOURCE_GLOBS = (
    "icons/*.svg",
    "icons/*.png",
    "linux/*.desktop",
    "translations/*.qm",
)

# Qt modules Screenpop never imports (it uses QtCore, QtGui, QtWidgets and
# QtNetwork; the SVG icon goes through the image-format plugin, not the QtSvg
# module). PyInstaller collects a Qt module only when something imports it,
# so these excludes are a guard: a dependency that tries to pull one of them
# in cannot quietly add tens of MiB.
QT_EXCLUDES = tuple(
    f"PySide6.{name}"
    for name in (
        "Qt3DAnimation",
        "Qt3DCore",
        "Qt3DExtras",
        "Qt3DInput",
        "Qt3DLogic",
        "Qt3DRender",
        "QtBluetooth",
        "QtCharts",
        "QtConcurrent",
        "QtDataVisualization",
        "QtDBus",
        "QtDesigner",
        "QtGraphs",
        "QtHelp",
        "QtHttpServer",
        "QtLocation",
        "QtMultimedia",
        "QtMultimediaWidgets",
        "QtNetworkAuth",
        "QtNfc",
        "QtOpenGL",
        "QtOpenGLWidgets",
        "QtPdf",
        "QtPdfWidgets",
        "QtPositioning",
        "QtPrintSupport",
        "QtQml",
        "QtQuick",
        "QtQuick3D",
        "QtQuickControls2",
        "QtQuickWidgets",
        "QtRemoteObjects",
        "QtScxml",
        "QtSensors",
        "QtSerialBus",
        "QtSerialPort",
        "QtSpatialAudio",
        "QtSql",
        "QtStateMachine",
        "QtSvgWidgets",
        "QtTest",
        "QtTextToSpeech",
        "QtUiTools",
        "QtWebChannel",
        "QtWebEngineCore",
        "QtWebEngineQuick",
        "QtWebEngineWidgets",
        "QtWebSockets",
        "QtWebView",
        "QtXml",
    )
)

# Standard-library and third-party modules nothing at run time needs.
PYTHON_EXCLUDES = (
    "tkinter",
    "pydoc_data",
    "lib2to3",
    "idlelib",
    "ensurepip",
    "venv",
    # Development tools that a test module of some dependency may import.
    "pytest",
    "_pytest",
    "pytest_asyncio",
    "pytestqt",
    "hypothesis",
    "pygments",
    "setuptools",
    "pkg_resources",
    # phonenumbers' geocoder, carrier and time-zone tables (about 40 MiB of
    # source): Screenpop only parses and formats numbers, which needs the
    # region metadata in phonenumbers.data and .shortdata.
    "phonenumbers.geocoder",
    "phonenumbers.geodata",
    "phonenumbers.carrier",
    "phonenumbers.carrierdata",
    "phonenumbers.timezone",
    "phonenumbers.tzdata",
)

# Qt plugins and libraries the PySide6 hooks collect that a widgets app on a
# desktop never loads: kiosk/embedded platforms and input devices, the QML and
# Quick stack that some plugins link, printing, SQL, designer, Qt's own TLS
# and network-status backends (HTTP goes through httpx). Matched against the
# bundle's destination paths (forward slashes) with fnmatch.
QT_BINARY_EXCLUDES = (
    # The GTK platform theme links GTK 3, GDK, Cairo, Pango and ATK: the
    # build machine's copies, about 20 MiB, that would then shadow the
    # user's own. Without it Qt uses the XDG desktop portal theme (colour
    # scheme, file dialogs) or its own Fusion look.
    "*/plugins/platformthemes/*gtk3*",
    "*/plugins/generic/*",
    "*/plugins/networkinformation/*",
    "*/plugins/tls/*",
    "*/plugins/egldeviceintegrations/*",
    "*/plugins/platforms/*eglfs*",
    "*/plugins/platforms/*linuxfb*",
    "*/plugins/platforms/*minimal*",
    "*/plugins/platforms/*vnc*",
    "*/plugins/platforms/*vkkhrdisplay*",
    "*/plugins/platforms/*webgl*",
    "*/plugins/printsupport/*",
    "*/plugins/sqldrivers/*",
    "*/plugins/designer/*",
    "*/plugins/qmltooling/*",
    "*/plugins/qmllint/*",
    "*/plugins/vectorimageformats/*",
    "*/plugins/imageformats/*pdf*",
    "*/libQt6EglFSDeviceIntegration*",
    "*/libQt6EglFsKmsSupport*",
    "*/libQt6Pdf*",
    "*/libQt6Qml*",
    "*/libQt6Quick*",
    "*/Qt6Pdf*",
    "*/Qt6Qml*",
    "*/Qt6Quick*",
)


def version(init_file: Path = REPO / "screenpop" / "__init__.py") -> str:
    """``screenpop.__version__``, read from the source without importing it:
    the one place the version is written."""
    tree = ast.parse(init_file.read_text(encoding="utf-8"), str(init_file))
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return node.value.value
    raise ValueError(f"no __version__ = '...' in {init_file}")


def windows_version_tuple(app_version: str) -> tuple[int, int, int, int]:
    """The four numbers of a Windows version resource: "1.2.0rc1" -> (1, 2, 0, 0)."""
    numbers = []
    for part in app_version.split(".")[:4]:
        digits = re.match(r"\d*", part).group()  # type: ignore[union-attr]
        numbers.append(int(digits or 0))
        if len(digits) < len(part):  # a pre-release or local suffix ends the numbers
            break
    numbers += [0] * (4 - len(numbers))
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def resource_datas(resources: Path = RESOURCES) -> list[tuple[str, str]]:
    """PyInstaller ``datas``: (file, folder in the bundle) for each resource."""
    datas = []
    for pattern in RESOURCE_GLOBS:
        for path in sorted(resources.glob(pattern)):
            folder = Path(BUNDLE_RESOURCES, path.parent.relative_to(resources))
            datas.append((str(path), folder.as_posix()))
    return datas


def macos_info_plist(app_version: str | None = None) -> dict[str, Any]:
    """The Info.plist keys for BUNDLE(info_plist=...): the URL schemes from
    url-types.plist (the one copy of them) plus the version keys."""
    app_version = app_version or version()
    keys = plistlib.loads(URL_TYPES_PLIST.read_bytes())
    keys.pop("CFBundleIdentifier", None)  # BUNDLE(bundle_identifier=) sets it
    keys.update(
        CFBundleName=APP_NAME,
        CFBundleDisplayName=APP_NAME,
        CFBundleShortVersionString=app_version,
        CFBundleVersion=app_version,
        NSHighResolutionCapable=True,
        # Follow the system's dark mode (the app has a dark palette).
        NSRequiresAquaSystemAppearance=False,
        LSMinimumSystemVersion="11.0",
    )
    return keys


def macos_bundle_identifier() -> str:
    """The identifier url-types.plist declares (and the Linux desktop id)."""
    return str(plistlib.loads(URL_TYPES_PLIST.read_bytes())["CFBundleIdentifier"])


def excluded_binary(destination: str) -> bool:
    """Whether a collected binary or data file is one of QT_BINARY_EXCLUDES."""
    from fnmatch import fnmatch

    path = "/" + destination.replace("\\", "/")
    return any(fnmatch(path, pattern) for pattern in QT_BINARY_EXCLUDES)


# A PyInstaller TOC entry: (name in the bundle, source path, type code).
TocEntry = tuple[str, str, str]


def prune_binaries(
    binaries: Iterable[TocEntry], imports_of: Callable[[str], Iterable[str]]
) -> tuple[list[TocEntry], list[TocEntry]]:
    """Drop the QT_BINARY_EXCLUDES, then the libraries that were collected only
    because a dropped binary linked them (the GTK theme's GTK, say).

    ``imports_of(source)`` names the libraries a binary links (basenames are
    enough). Returns (kept, dropped).
    """
    entries = list(binaries)
    by_name = {_basename(entry): entry for entry in entries}
    excluded = [entry for entry in entries if excluded_binary(entry[0])]
    # Libraries a dropped binary links may be needed by a kept one as well:
    # they stay only if something outside this suspect set links them.
    suspects = _linked_closure(excluded, by_name, imports_of)
    roots = [e for e in entries if e not in excluded and _basename(e) not in suspects]
    needed = _linked_closure(roots, by_name, imports_of) | {_basename(e) for e in roots}
    kept = [e for e in entries if e not in excluded and _basename(e) in needed]
    dropped = [e for e in entries if e not in kept]
    return kept, dropped


def _basename(entry: TocEntry) -> str:
    return PurePath(entry[0]).name


def _linked_closure(
    start: Iterable[TocEntry],
    by_name: dict[str, TocEntry],
    imports_of: Callable[[str], Iterable[str]],
) -> set[str]:
    """Names of the bundled libraries that ``start`` links, directly or not."""
    seen: set[str] = set()
    queue = list(start)
    while queue:
        entry = queue.pop()
        for linked in imports_of(entry[1]):
            name = PurePath(linked).name
            if name in by_name and name not in seen:
                seen.add(name)
                queue.append(by_name[name])
    return seen


if __name__ == "__main__":
    # For the build scripts: `python packaging/build_config.py version`.
    import sys

    if sys.argv[1:] != ["version"]:
        sys.exit("usage: build_config.py version")
    print(version())
