"""Light and dark: the palette the agent sees, and that it stays readable."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QGroupBox

from screenpop.core.models import CustomerInfo
from screenpop.ui import lead_view
from screenpop.ui.lead_view import LeadView
from screenpop.ui.theme import AppearanceKeeper, dark_palette, is_dark, wants_dark


@pytest.fixture
def keeper(qapp):
    original = QPalette(qapp.palette())
    keeper = AppearanceKeeper(qapp, "system")
    yield keeper
    keeper.apply("system")
    keeper.deleteLater()
    qapp.setPalette(original)


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_dark_palette_text_is_readable():
    palette = dark_palette()
    role = QPalette.ColorRole
    assert is_dark(palette)
    assert contrast(palette.color(role.WindowText), palette.color(role.Window)) >= 7
    assert contrast(palette.color(role.Text), palette.color(role.Base)) >= 7
    # Dimmed values and field titles are still readable (WCAG AA for text).
    assert contrast(palette.color(role.PlaceholderText), palette.color(role.Base)) >= 4.5
    assert contrast(palette.color(role.HighlightedText), palette.color(role.Highlight)) >= 4.5


def test_the_choice_wins_over_the_system_and_system_follows_it():
    assert wants_dark("dark", Qt.ColorScheme.Light) is True
    assert wants_dark("light", Qt.ColorScheme.Dark) is False
    assert wants_dark("system", Qt.ColorScheme.Dark) is True
    assert wants_dark("system", Qt.ColorScheme.Light) is False
    assert wants_dark("system", Qt.ColorScheme.Unknown) is None


def _card_colour(view: LeadView) -> QColor:
    box = view.findChild(QGroupBox, "group_person")
    image = box.grab().toImage()
    # Inside the card, below its title, left of any text.
    return image.pixelColor(QPoint(3, image.height() - 4))


def test_forcing_dark_turns_the_window_dark_and_back(qtbot, keeper, monkeypatch):
    # Without an icon theme (as here and on Windows) the copy icon is drawn.
    monkeypatch.setattr(QIcon, "fromTheme", staticmethod(lambda *_args: QIcon()))
    monkeypatch.setattr(lead_view, "_COPY_ICON", None)
    view = LeadView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    info = CustomerInfo.from_api(
        {
            "lead_info": {"lead_id": "1", "first_name": "Ana"},
            "custom_info": None,
            "is_customer": "1",
        }
    )
    view.show_record(info)
    assert not is_dark(QApplication.palette())
    light_card = _card_colour(view)
    assert light_card.lightness() > 200

    keeper.apply("dark")
    assert is_dark(QApplication.palette())
    qtbot.waitUntil(lambda: _card_colour(view).lightness() < 80)
    # The name is drawn in the light text colour on the dark window.
    assert (
        view.findChild(type(view._name), "lead_name")
        .palette()
        .color(QPalette.ColorRole.WindowText)
        .lightness()
        > 200
    )

    # The copy buttons' drawn icon is redrawn in the dark colours.
    assert _sheet_lightness(view.copy_button("email")) < 80

    keeper.apply("light")
    assert not is_dark(QApplication.palette())
    qtbot.waitUntil(lambda: _card_colour(view).lightness() > 200)
    assert _sheet_lightness(view.copy_button("email")) > 200


def _sheet_lightness(button) -> int:
    """The drawn icon's front sheet: filled with the base colour, so it is
    dark on a dark theme; left light it would be a white blot."""
    image = button.icon().pixmap(32, 32).toImage()
    return image.pixelColor(19, 19).lightness()


def test_system_mode_leaves_a_platform_palette_alone_when_the_system_says_nothing(keeper, qapp):
    before = QPalette(qapp.palette())
    keeper.apply("system")  # offscreen: the scheme is unknown
    assert qapp.palette() == before
