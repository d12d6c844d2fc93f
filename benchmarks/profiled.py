"""Run ``screenpop`` under pyinstrument, for ``benchmarks/profile_pop.py``.

    python benchmarks/profiled.py MODE REPORT.txt -- SCREENPOP ARGS...

MODE says what the report covers:

* ``whole``: everything after the interpreter started (the forwarding
  launch, the CLI), written when ``main`` returns;
* ``until-render``: from the start to the first record rendered (a cold
  start), written then; the app keeps running until it is stopped;
* ``after-first-pop``: from the first pop that reaches the window to the
  exit (SIGTERM): the running instance handling forwarded pops.

pyinstrument is imported before the profiler starts, so its own import is
not in the report. Nothing in Screenpop is changed on disk: the hooks wrap
``MainWindow`` methods in this process only.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pyinstrument import Profiler

INTERVAL = 0.0002


class Report:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.profiler: Profiler | None = None
        self.written = False

    def start(self) -> None:
        if self.profiler is None:
            self.profiler = Profiler(interval=INTERVAL, async_mode="disabled")
            self.profiler.start()

    def write(self) -> None:
        if self.profiler is None or self.written:
            return
        self.written = True
        self.profiler.stop()
        text = self.profiler.output_text(unicode=True, color=False)
        self.path.write_text(text, encoding="utf-8")


def main() -> int:
    mode, path, separator, *args = sys.argv[1:]
    if separator != "--" or mode not in ("whole", "until-render", "after-first-pop"):
        sys.exit(__doc__)
    report = Report(Path(path))
    if mode != "after-first-pop":
        report.start()
    if mode != "whole":
        from screenpop.ui.main_window import MainWindow

        original_succeeded = MainWindow.on_succeeded
        original_pop = MainWindow.pop

        def on_succeeded(self: MainWindow, *a: Any, **k: Any) -> None:
            original_succeeded(self, *a, **k)
            if mode == "until-render":
                report.write()

        def pop(self: MainWindow, *a: Any, **k: Any) -> None:
            report.start()
            original_pop(self, *a, **k)

        MainWindow.on_succeeded = on_succeeded  # type: ignore[method-assign]
        MainWindow.pop = pop  # type: ignore[method-assign]

    from screenpop.cli import main as screenpop_main

    sys.argv[1:] = args
    try:
        code = screenpop_main(args)
    finally:
        report.write()
    return code


if __name__ == "__main__":
    sys.exit(main())
