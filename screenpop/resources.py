"""Where the files of ``resources/`` are: beside the package in a source
checkout (and an editable install), inside it in a built wheel, and in the
bundle folder of a PyInstaller build (``packaging/screenpop.spec`` puts them
in ``resources/`` there)."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
# The folder name the spec gives the resources inside the bundle.
BUNDLE_FOLDER = "resources"


def resource_roots() -> tuple[Path, ...]:
    """The folders searched, first match wins.

    A frozen bundle is looked at first and alone: a resource missing from it
    is a packaging bug, to be reported, not papered over with a file that
    happens to lie beside some source checkout.
    """
    if getattr(sys, "frozen", False):
        # One-folder bundle: _MEIPASS is its _internal folder; without it (an
        # older layout) the data lies beside the executable.
        base = getattr(sys, "_MEIPASS", None) or Path(sys.executable).resolve().parent
        return (Path(base) / BUNDLE_FOLDER,)
    return (_PACKAGE / "resources", _PACKAGE.parent / "resources")


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource, e.g. ``resource_path("icons", "screenpop.svg")``."""
    for root in resource_roots():
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    raise FileNotFoundError("/".join(parts))
