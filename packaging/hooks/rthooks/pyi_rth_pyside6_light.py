"""Run-time hook for PySide6 in place of PyInstaller's (packaging/hooks/rthooks.dat
names it for PySide6, which makes PyInstaller skip its own).

PyInstaller's hook imports PySide6.QtCore at every start, to register a
qt.conf, which costs about 100 ms before main() even runs. Screenpop starts
once per call, and a start that only hands a link to the running window
never needs Qt, so that import would double the time of every warm pop. The
PyPI wheels register their qt.conf themselves when PySide6 is imported, so
all that is left to do here is what is cheap: the plugin and QML paths, and
the library search paths PyInstaller's hook sets.
"""


def _pyi_rthook() -> None:
    import os
    import sys

    base = sys._MEIPASS  # type: ignore[attr-defined]
    qt = (
        os.path.join(base, "PySide6")
        if sys.platform == "win32"
        else os.path.join(base, "PySide6", "Qt")
    )
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    os.environ["QML2_IMPORT_PATH"] = os.path.join(qt, "qml")
    if sys.platform == "win32":
        # OpenSSL DLLs for QtNetwork, as PyInstaller's hook does.
        os.environ["PATH"] = base + os.pathsep + os.environ.get("PATH", "")


_pyi_rthook()
del _pyi_rthook
