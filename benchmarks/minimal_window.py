"""Baseline for the cold pop and the memory figures: the least a PySide6 window costs.

A QApplication, one window with a 24-row QFormLayout (the size of a lead
record), shown and painted once. Then it prints::

    minimal-shown <time.monotonic_ns()> <VmRSS kB>

and quits, or with ``--hold SECONDS`` keeps running that long (so the
benchmark can read its idle RSS from outside, as it does for the app).

Run by ``benchmarks/pop.py``; nothing here imports Screenpop.
"""

from __future__ import annotations

import argparse
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QWidget

ROWS = 24


def vm_kb(field: str = "VmRSS") -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hold", type=float, default=0.0, help="seconds to keep running")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.setWindowTitle("Minimal")
    form = QFormLayout(window)
    for row in range(ROWS):
        form.addRow(f"Field {row}", QLabel(f"value {row}"))
    window.resize(900, 760)
    window.show()
    app.processEvents()  # expose and first paint
    print(f"minimal-shown {time.monotonic_ns()} {vm_kb()}", flush=True)
    if args.hold > 0:
        QTimer.singleShot(int(args.hold * 1000), app.quit)
        app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
