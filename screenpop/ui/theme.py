"""Light and dark: follow the system's colour scheme, or the agent's choice.

Where the platform's style follows the system itself (Windows 11, macOS, a
desktop with a Qt platform theme) nothing is overridden in ``system`` mode.
Where it does not (Qt's generic theme, as on many Linux desktops), the
system's scheme as Qt reports it is applied with a palette of our own, and
``light`` or ``dark`` force one whatever the system says. Every widget of the
app draws from palette roles, so a palette is all a scheme needs.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from screenpop.core.config import Appearance

# Styles that draw with the palette they are given; native Windows styles
# before Windows 11's ignore a dark palette in places.
_PALETTE_STYLES = frozenset({"fusion", "windows11"})


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` draws light text on a dark window."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    """A dark palette with WCAG AA contrast for text, dimmed text and links."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#2b2c30",
        QPalette.ColorRole.AlternateBase: "#323338",
        QPalette.ColorRole.ToolTipBase: "#2b2c30",
        QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.PlaceholderText: "#a0a4ab",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#303136",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Light: "#4a4b50",
        QPalette.ColorRole.Midlight: "#3c3d42",
        QPalette.ColorRole.Mid: "#2a2b2f",
        QPalette.ColorRole.Dark: "#151618",
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Highlight: "#2a62b8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.LinkVisited: "#c58af9",
        QPalette.ColorRole.Accent: "#2a62b8",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(disabled, role, QColor("#7d8087"))
    palette.setColor(disabled, QPalette.ColorRole.Highlight, QColor("#4a4b50"))
    return palette


def wants_dark(appearance: Appearance, scheme: Qt.ColorScheme) -> bool | None:
    """True for dark, False for light, None to leave the platform's palette."""
    if appearance == "dark":
        return True
    if appearance == "light":
        return False
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return None  # the platform does not say: keep what it gave us


class AppearanceKeeper(QObject):
    """Applies an appearance to the application and keeps it applied when the
    system switches between light and dark while the app runs."""

    def __init__(self, app: QApplication, appearance: Appearance = "system") -> None:
        super().__init__(app)
        self._app = app
        self._appearance: Appearance = appearance
        self._platform_palette = QPalette(app.palette())
        self._overridden = False
        app.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)
        self.apply(appearance)

    @property
    def appearance(self) -> Appearance:
        return self._appearance

    def apply(self, appearance: Appearance) -> None:
        """Use ``appearance`` from now on, for every window."""
        self._appearance = appearance
        dark = wants_dark(appearance, self._app.styleHints().colorScheme())
        if dark is None or dark == is_dark(self._platform_palette):
            # The platform's own palette already is what is wanted.
            if self._overridden:
                self._app.setPalette(self._platform_palette)
                self._overridden = False
            return
        self._use_palette_style()
        self._app.setPalette(dark_palette() if dark else self._app.style().standardPalette())
        self._overridden = True

    def _on_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if not self._overridden:
            # A platform that follows the system updates its palette itself;
            # remember the new one once it has.
            QTimer.singleShot(0, self._take_platform_palette)
        if self._appearance == "system":
            self.apply("system")

    def _take_platform_palette(self) -> None:
        if not self._overridden:
            self._platform_palette = QPalette(self._app.palette())

    def _use_palette_style(self) -> None:
        if self._app.style().name().lower() not in _PALETTE_STYLES:
            style = QStyleFactory.create("Fusion")
            if style is not None:
                self._app.setStyle(style)
