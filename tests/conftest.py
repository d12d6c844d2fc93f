"""Shared test setup: Qt runs offscreen, whatever the machine has as a display."""

import os

# Set before any test module imports Qt; the GUI tests must not need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
