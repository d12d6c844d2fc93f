"""The Qt-free core stays Qt-free: checked on the source and on a real import."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "screenpop"
QT_FREE = ["core/*.py", "demo/*.py", "instance/protocol.py", "instance/forward.py", "*.py"]
QT_PACKAGES = {"PySide6", "qasync", "shiboken6"}


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_qt_free_sources_import_no_qt():
    """core/, demo/, the forwarding path and the top level (cli.py) never
    import Qt at module level; the CLI reaches the window by a lazy import."""
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            name for name in _imported_modules(path) if name.split(".")[0] in QT_PACKAGES
        )
        for pattern in QT_FREE
        for path in PACKAGE.glob(pattern)
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_importing_the_core_loads_no_qt():
    code = (
        "import sys, screenpop.core.goapi, screenpop.core.intake, screenpop.core.config, "
        "screenpop.demo.server, screenpop.instance.forward, screenpop.cli; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'qasync'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PACKAGE.parent
    )
    assert out.stdout.strip() == "[]"
