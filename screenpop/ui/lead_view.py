"""The lead-detail form: customer flag, name, grouped fields, custom fields.

The fixed part (flag, name, the four groups of documented fields) is built
once and only re-filled per record, so a pop costs a few ``setText`` calls.
Custom and unknown fields differ from list to list and are rebuilt only when
their columns change.

Every value comes from the dialer and is shown as plain text: a lead whose
name is ``<img src=...>`` must show those characters, not load anything.

Some values are shown readably (a status with its meaning, a phone number
formatted, a date of birth with the age: :mod:`screenpop.core.display`), but
every copy button, click-to-copy and "Copy all" gives the raw value as the
dialer sent it.

Each field's copy button shows while the pointer is over its row or the
keyboard is on its value (Tab reaches every value; Ctrl+C on one with nothing
selected copies all of it, and Tab goes on to its copy button). Kept hidden
otherwise, the 35 or so buttons cost no paint on every pop: with all of them
shown, a pop stalled the window for about twice as long.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from datetime import date

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QEnterEvent,
    QFocusEvent,
    QFont,
    QGuiApplication,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from screenpop.core import display
from screenpop.core.models import LEAD_FIELDS, CustomerInfo, FieldGroup, readable_label
from screenpop.ui.i18n import ui_language

EMPTY_VALUE = "—"
# Below this width the groups stack in one column instead of two.
TWO_COLUMN_MIN_WIDTH = 680
GROUP_ORDER: tuple[FieldGroup, ...] = ("person", "contact", "address", "record")

_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | (
    Qt.TextInteractionFlag.TextSelectableByKeyboard
)

# The field labels live in Qt-free core; listing them here lets lupdate find
# them, and they are translated at run time under the same context.
_TR_CONTEXT = "LeadView"
FIELD_LABELS_FOR_TRANSLATION: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("LeadView", "Lead ID"),
    QT_TRANSLATE_NOOP("LeadView", "List ID"),
    QT_TRANSLATE_NOOP("LeadView", "Title"),
    QT_TRANSLATE_NOOP("LeadView", "First name"),
    QT_TRANSLATE_NOOP("LeadView", "Middle initial"),
    QT_TRANSLATE_NOOP("LeadView", "Last name"),
    QT_TRANSLATE_NOOP("LeadView", "Phone"),
    QT_TRANSLATE_NOOP("LeadView", "Alternate phone"),
    QT_TRANSLATE_NOOP("LeadView", "Email"),
    QT_TRANSLATE_NOOP("LeadView", "Address"),
    QT_TRANSLATE_NOOP("LeadView", "Address line 2"),
    QT_TRANSLATE_NOOP("LeadView", "Address line 3"),
    QT_TRANSLATE_NOOP("LeadView", "City"),
    QT_TRANSLATE_NOOP("LeadView", "State"),
    QT_TRANSLATE_NOOP("LeadView", "Province"),
    QT_TRANSLATE_NOOP("LeadView", "Postal code"),
    QT_TRANSLATE_NOOP("LeadView", "Country"),
    QT_TRANSLATE_NOOP("LeadView", "Gender"),
    QT_TRANSLATE_NOOP("LeadView", "Date of birth"),
    QT_TRANSLATE_NOOP("LeadView", "Status"),
    QT_TRANSLATE_NOOP("LeadView", "Assigned user"),
    QT_TRANSLATE_NOOP("LeadView", "Comments"),
)
# Readable gender codes (display.GENDERS), for lupdate.
GENDER_WORDS_FOR_TRANSLATION: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("LeadView", "Male"),
    QT_TRANSLATE_NOOP("LeadView", "Female"),
    QT_TRANSLATE_NOOP("LeadView", "Unknown"),
)
# Fields whose values are long prose: only they wrap. Every other value is
# laid out on one line, which spares the layout a height-for-width pass (a
# text layout of the label) per field on every pop; names, places, codes,
# numbers and an email address fit a line, and a hostile long value is still
# clipped (see plain_label), selectable and copied in full.
WRAPPED_FIELDS = frozenset({"address1", "address2", "address3", "status", "comments"})
# Events after which the style sheet is read again (light/dark switched).
_PALETTE_EVENTS = frozenset({QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange})
# Fields whose value can be copied with a click on the value itself.
CLICK_TO_COPY_FIELDS = frozenset({"phone_number", "alt_phone", "email"})

# Badge colours: dark enough for white text to pass WCAG AA contrast.
_BADGE_STYLES = {
    "customer": "background-color: #1e7b34; color: white;",
    "prospect": "background-color: #1f5fa8; color: white;",
    "unknown": "background-color: #6b6b6b; color: white;",
}
_BADGE_BASE = "border-radius: 6px; padding: 6px 14px;"
# Groups as light cards on the window background; palette roles keep dark themes working.
_VIEW_STYLE = """
QGroupBox {
    background-color: palette(base);
    border: 1px solid palette(midlight);
    border-radius: 6px;
    margin-top: 20px;
    padding: 4px 8px 6px 8px;
    font-weight: bold;
}
QGroupBox QLabel { font-weight: normal; }
QGroupBox::title {
    subcontrol-origin: margin;
    subcontrol-position: top left;
    left: 2px;
    padding: 0px 2px 3px 2px;
}
"""


def plain_label(
    object_name: str = "", *, selectable: bool = True, cls: type[QLabel] = QLabel
) -> QLabel:
    """A label for text from the server: never rich text, selectable, wrapping."""
    label = cls()
    if object_name:
        label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        label.setTextInteractionFlags(_SELECTABLE)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    # A value with no spaces (a 100 KB token) cannot wrap; without this its
    # width would become the record's. It is clipped instead, and still
    # selectable and copyable in full.
    label.setMinimumWidth(1)
    return label


def set_value(label: QLabel, text: str) -> None:
    """Show ``text``, or a dimmed dash when the server sent nothing."""
    empty = not text
    shown = EMPTY_VALUE if empty else text
    role = QPalette.ColorRole.PlaceholderText if empty else QPalette.ColorRole.WindowText
    # Unchanged labels are left alone: each change costs a layout pass.
    if label.text() != shown:
        label.setText(shown)
    if label.foregroundRole() != role:
        label.setForegroundRole(role)


class _Row:
    """One field's row: its title, the value shown, the copy button, the raw value."""

    __slots__ = (
        "button",
        "form",
        "label_text",
        "raw",
        "revealed",
        "shown_row",
        "title",
        "value",
    )

    def __init__(
        self, form: QFormLayout, title: QLabel, value: QLabel, button: QToolButton, label_text: str
    ) -> None:
        self.form = form
        self.title = title
        self.value = value
        self.button = button
        self.label_text = label_text
        self.raw = ""
        self.shown_row = True
        self.revealed = False

    def fill(self, raw: str, shown: str) -> None:
        self.raw = raw
        set_value(self.value, shown)
        self.button.setEnabled(bool(raw))

    def set_visible(self, visible: bool) -> None:
        if visible != self.shown_row:  # an unchanged row costs no layout pass
            self.shown_row = visible
            self.form.setRowVisible(self.title, visible)
            if visible:  # showing the row shows all of it, the copy button too
                self.button.setVisible(self.revealed)

    def reveal(self, shown: bool) -> None:
        """Show or hide the copy button (its place is kept either way)."""
        if shown != self.revealed:
            self.revealed = shown
            self.button.setVisible(shown and self.shown_row)

    def wants_button(self) -> bool:
        """The pointer is over the row, or the keyboard is on its value or button."""
        return (
            self.title.underMouse()
            or self.value.underMouse()
            or self.button.underMouse()
            or self.value.hasFocus()
            or self.button.hasFocus()
        )


def _add_row(
    form: QFormLayout,
    label_text: str,
    *,
    name: str,
    tooltip: str,
    on_copy: Callable[[_Row], None],
    reveal: _CopyReveal,
) -> _Row:
    """A row of ``form``: the title, the value and its copy button."""
    value = plain_label(
        f"value_{name}" if not name.startswith(("custom_", "extra_")) else name, cls=_ValueLabel
    )
    # Tab reaches every value; its copy button follows it once shown.
    value.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    value.setAccessibleName(label_text)
    button = _copy_button(label_text, f"copy_{name}")
    line = QHBoxLayout()
    line.setContentsMargins(0, 0, 0, 0)
    line.setSpacing(4)
    line.addWidget(value, 1)
    line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    title = _field_label(label_text, tooltip=tooltip)
    form.addRow(title, line)
    row = _Row(form, title, value, button, label_text)
    button.clicked.connect(lambda _checked=False, row=row: on_copy(row))
    reveal.track(row)
    return row


_COPY_ICON: QIcon | None = None


def _copy_icon() -> QIcon:
    """The theme's copy icon; without an icon theme, two drawn sheets."""
    global _COPY_ICON
    if _COPY_ICON is None:
        icon = QIcon.fromTheme(QIcon.ThemeIcon.EditCopy)
        if icon.isNull():
            icon = _drawn_copy_icon()
        _COPY_ICON = icon
    return _COPY_ICON


def _drawn_copy_icon() -> QIcon:
    colour = QApplication.palette().color(QPalette.ColorRole.WindowText)
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 2.5))
    painter.setBrush(QApplication.palette().color(QPalette.ColorRole.Base))
    painter.drawRoundedRect(4, 4, 17, 20, 2, 2)
    painter.drawRoundedRect(11, 9, 17, 20, 2, 2)
    painter.end()
    return QIcon(pixmap)


def _copy_text(label_text: str) -> str:
    # The context is spelt out: lupdate reads only literal strings.
    return QCoreApplication.translate("LeadView", "Copy {label}").format(label=label_text)


def _copy_button(label_text: str, object_name: str) -> QToolButton:
    button = _CopyButton()
    button.setObjectName(object_name)
    text = _copy_text(label_text)
    button.setAccessibleName(text)
    # The label may be a server's column name: the tooltip is escaped plain text.
    button.setToolTip(plain_tooltip(text))
    button.setAutoRaise(True)
    icon = _copy_icon()
    if icon.isNull():
        button.setText("⧉")
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    else:
        button.setIcon(icon)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    policy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    # Hidden until its row is pointed at or focused; the value keeps its width.
    policy.setRetainSizeWhenHidden(True)
    button.setSizePolicy(policy)
    button.hide()
    return button


class _CopyReveal(QObject):
    """Shows a row's copy button while the pointer is over the row or the
    keyboard is on its value or button.

    The row's widgets report their Enter, Leave and focus events here through
    their own overrides (an event filter on ~100 widgets would run Python for
    every paint and move of every pop); the row is looked at once Qt has
    settled them (during FocusOut the new focus widget is not known yet)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[int, _Row] = {}

    def track(self, row: _Row) -> None:
        for widget in (row.title, row.value, row.button):
            if isinstance(widget, _RowPart):
                widget.attach(row, self)

    def changed(self, row: _Row) -> None:
        if not self._pending:
            QTimer.singleShot(0, self, self._refresh)
        self._pending[id(row)] = row

    def _refresh(self) -> None:
        rows, self._pending = list(self._pending.values()), {}
        for row in rows:
            # Rows of a list's columns are replaced when the columns change.
            if shiboken6.isValid(row.button) and shiboken6.isValid(row.value):
                row.reveal(row.wants_button())


class _RowPart:
    """Mixed in (first) into a row's title, value and copy button: they tell
    the row's :class:`_CopyReveal` when the pointer comes or goes."""

    _row: _Row | None = None
    _reveal: _CopyReveal | None = None

    def attach(self, row: _Row, reveal: _CopyReveal) -> None:
        self._row, self._reveal = row, reveal

    def _changed(self) -> None:
        if self._row is not None and self._reveal is not None:
            self._reveal.changed(self._row)

    def enterEvent(self, event: QEnterEvent) -> None:
        super().enterEvent(event)  # type: ignore[misc]
        self._changed()

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)  # type: ignore[misc]
        self._changed()


class _FocusedRowPart(_RowPart):
    """A row part the keyboard reaches: focus coming or going counts too."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)  # type: ignore[misc]
        self._changed()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)  # type: ignore[misc]
        self._changed()


class _TitleLabel(_RowPart, QLabel):
    pass


class _ValueLabel(_FocusedRowPart, QLabel):
    """A value: Tab reaches it, and Ctrl+C with nothing selected copies all of
    it; for a phone or an email (``click_copies``), so does a plain click."""

    click_copies = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy) and self._copy_all():
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self.click_copies and event.button() == Qt.MouseButton.LeftButton:
            self._copy_all()

    def _copy_all(self) -> bool:
        """Copy the whole raw value unless part of it is selected."""
        row = self._row
        if row is None or not row.raw or self.hasSelectedText():
            return False
        row.button.click()  # the same copy, the same "Copied"
        return True


class _CopyButton(_FocusedRowPart, QToolButton):
    pass


def country_name(code: str) -> str:
    """The country's name in the window's language ("" for an unknown code)."""
    return display.territory_name(code, ui_language())


class LeadView(QWidget):
    """Shows one :class:`CustomerInfo`. Fill it with :meth:`show_record`.

    ``today`` gives the date ages are computed against (injectable for tests).
    ``copied`` is emitted with the field's label after a value was copied."""

    copied = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lead_view")
        self.setStyleSheet(_VIEW_STYLE)
        self._today = today
        self._rows: dict[str, _Row] = {}
        self._values: dict[str, QLabel] = {}
        self._groups: dict[FieldGroup, QGroupBox] = {}
        self._columns = 2
        self._info: CustomerInfo | None = None
        self._hide_empty = False
        self._following_palette = False
        self._palette_key = self.palette().color(QPalette.ColorRole.Window).rgba()
        self._reveal = _CopyReveal(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(12)
        layout.addWidget(self._build_header())
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(12)
        for group in GROUP_ORDER:
            self._groups[group] = self._build_group(group)
        self._arrange(self._columns)
        layout.addLayout(self._grid)
        layout.addWidget(self._build_custom_group())
        layout.addWidget(self._build_extra_group())
        layout.addStretch(1)
        for name in CLICK_TO_COPY_FIELDS:
            value = self._rows[name].value
            if isinstance(value, _ValueLabel):
                value.click_copies = True
            value.setCursor(Qt.CursorShape.PointingHandCursor)
            value.setToolTip(self.tr("Click to copy"))
        self.clear()

    # --- building (once)

    def _build_header(self) -> QWidget:
        header = QFrame()
        header.setObjectName("lead_header")
        row = QHBoxLayout(header)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)

        self._flag = plain_label("customer_flag", selectable=False)
        self._flag.setWordWrap(False)
        self._flag.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._flag.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        flag_font = QFont(self._flag.font())
        flag_font.setPointSizeF(flag_font.pointSizeF() * 1.45)
        flag_font.setBold(True)
        self._flag.setFont(flag_font)
        row.addWidget(self._flag, 0, Qt.AlignmentFlag.AlignVCenter)

        titles = QVBoxLayout()
        titles.setSpacing(2)
        self._name = plain_label("lead_name")
        name_font = QFont(self._name.font())
        name_font.setPointSizeF(name_font.pointSizeF() * 1.7)
        name_font.setBold(True)
        self._name.setFont(name_font)
        self._name.setAccessibleName(self.tr("Name"))
        self._summary = plain_label("lead_summary")
        self._summary.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        titles.addWidget(self._name)
        titles.addWidget(self._summary)
        row.addLayout(titles, 1)
        return header

    def _group_title(self, group: FieldGroup) -> str:
        titles = {
            "person": self.tr("Person"),
            "contact": self.tr("Contact"),
            "address": self.tr("Address"),
            "record": self.tr("Record"),
        }
        return titles[group]

    def _build_group(self, group: FieldGroup) -> QGroupBox:
        box = QGroupBox(self._group_title(group))
        box.setObjectName(f"group_{group}")
        form = _form_layout(box)
        for spec in LEAD_FIELDS:
            if spec.group != group:
                continue
            text = QCoreApplication.translate(_TR_CONTEXT, spec.label)
            row = _add_row(
                form,
                text,
                name=spec.name,
                tooltip=spec.name,
                on_copy=self._copy_row,
                reveal=self._reveal,
            )
            if spec.name not in WRAPPED_FIELDS:
                row.value.setWordWrap(False)
            self._rows[spec.name] = row
            self._values[spec.name] = row.value
        return box

    def _build_custom_group(self) -> QGroupBox:
        self._custom_box = QGroupBox(self.tr("Custom fields"))
        self._custom_box.setObjectName("group_custom")
        column = QVBoxLayout(self._custom_box)
        column.setContentsMargins(0, 0, 0, 0)
        self._custom_empty = plain_label("custom_fields_empty", selectable=False)
        self._custom_empty.setText(self.tr("This list has no custom fields."))
        self._custom_empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._custom_empty.setContentsMargins(12, 4, 12, 4)
        column.addWidget(self._custom_empty)
        self._custom_rows = _FieldRows(column, self._copy_row, self._reveal)
        return self._custom_box

    def _build_extra_group(self) -> QGroupBox:
        self._extra_box = QGroupBox(self.tr("Other fields"))
        self._extra_box.setObjectName("group_extra")
        self._extra_box.setToolTip(
            self.tr("Fields the dialer sent that Screenpop does not know; shown as received.")
        )
        column = QVBoxLayout(self._extra_box)
        column.setContentsMargins(0, 0, 0, 0)
        self._extra_rows = _FieldRows(column, self._copy_row, self._reveal)
        self._extra_box.hide()
        return self._extra_box

    # --- layout

    def _arrange(self, columns: int) -> None:
        """Place the four groups in ``columns`` columns (1 or 2)."""
        for box in self._groups.values():
            self._grid.removeWidget(box)
        for index, group in enumerate(GROUP_ORDER):
            row, column = divmod(index, columns)
            self._grid.addWidget(self._groups[group], row, column)
        for column in range(2):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self._columns = columns

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in _PALETTE_EVENTS and not self._following_palette:
            self._follow_palette()
        return handled

    def _follow_palette(self) -> None:
        """Light and dark switched while shown: the cards' style sheet read the
        palette when it was set, and the drawn copy icon was drawn in the old
        text colour."""
        key = self.palette().color(QPalette.ColorRole.Window).rgba()
        if key == self._palette_key:
            return
        self._palette_key = key
        self._following_palette = True
        try:
            self.setStyleSheet("")  # the same sheet again would not be read again
            self.setStyleSheet(_VIEW_STYLE)
        finally:
            self._following_palette = False
        global _COPY_ICON
        _COPY_ICON = None
        icon = _copy_icon()
        if not icon.isNull():
            for row in self._all_rows():
                row.button.setIcon(icon)

    def focus_chain(self) -> list[QWidget]:
        """Each documented field's value, then its copy button, group by group."""
        return [
            widget
            for group in GROUP_ORDER
            for spec in LEAD_FIELDS
            if spec.group == group
            for widget in (self._rows[spec.name].value, self._rows[spec.name].button)
        ]

    def _all_rows(self) -> list[_Row]:
        return [
            *self._rows.values(),
            *self._custom_rows.pool,
            *self._extra_rows.pool,
        ]

    def resizeEvent(self, event: QResizeEvent) -> None:
        columns = 2 if event.size().width() >= TWO_COLUMN_MIN_WIDTH else 1
        if columns != self._columns:
            self._arrange(columns)
        super().resizeEvent(event)

    # --- filling (per record)

    def show_record(self, info: CustomerInfo) -> None:
        """Fill the form with one record."""
        self._info = info
        lead = info.lead
        self._show_flag(info.is_customer)
        name = lead.full_name
        self._name.setText(name or self.tr("Unnamed lead"))
        self._name.setForegroundRole(
            QPalette.ColorRole.WindowText if name else QPalette.ColorRole.PlaceholderText
        )
        self._summary.setText(self._summary_text(lead.values))
        for field_name, row in self._rows.items():
            raw = lead.values.get(field_name, "")
            row.fill(raw, self._shown(field_name, raw, lead.values))
        self._show_custom(info.custom_fields)
        self._show_extra(lead.extra)
        self._apply_hide_empty()

    def clear(self) -> None:
        """Back to an empty form, as before the first record."""
        self._info = None
        self._flag.hide()
        self._name.clear()
        self._summary.clear()
        for row in self._rows.values():
            row.fill("", "")
        self._show_custom({})
        self._show_extra({})
        self._apply_hide_empty()

    def _shown(self, field_name: str, raw: str, values: Mapping[str, str]) -> str:
        """The readable form of a documented field's raw value."""
        if not raw:
            return ""
        if field_name in display.PHONE_FIELDS:
            return display.phone_text(raw, values.get("country_code", ""))
        if field_name == "gender":
            return display.gender_text(raw, self._translate)
        if field_name == "status":
            return display.status_text(raw, self._translate_status)
        if field_name == "country_code":
            return display.country_text(raw, country_name(raw))
        if field_name == "date_of_birth":
            return display.birth_date_text(
                raw,
                self._today(),
                age_template=self.tr("{date} (age {age})"),
                implausible_template=self.tr("{mark} {date} (implausible)"),
            )
        return raw

    @staticmethod
    def _translate(text: str) -> str:
        return QCoreApplication.translate(_TR_CONTEXT, text)

    @staticmethod
    def _translate_status(text: str) -> str:
        # The dialer's own status names; a translator may add them under this context.
        return QCoreApplication.translate("VicidialStatus", text)

    def _show_flag(self, is_customer: bool | None) -> None:
        if is_customer is None:
            kind, text = "unknown", self.tr("Customer status unknown")
        elif is_customer:
            kind, text = "customer", self.tr("Customer")
        else:
            kind, text = "prospect", self.tr("Prospect")
        self._flag.setText(text)
        if self._flag.property("kind") != kind:  # re-polishing a style sheet is costly
            self._flag.setStyleSheet(_BADGE_BASE + _BADGE_STYLES[kind])
            self._flag.setProperty("kind", kind)
        self._flag.setAccessibleName(self.tr("Customer status: {status}").format(status=text))
        self._flag.show()

    def _summary_text(self, values: Mapping[str, str]) -> str:
        parts = [
            template.format(value=values.get(name, ""))
            for name, template in (
                ("lead_id", self.tr("Lead {value}")),
                ("list_id", self.tr("List {value}")),
                ("status", self.tr("Status {value}")),
            )
            if values.get(name)
        ]
        return " · ".join(parts)

    def _show_custom(self, fields: Mapping[str, str]) -> None:
        self._custom_empty.setVisible(not fields)
        self._custom_rows.show(fields, prefix="custom_")

    def _show_extra(self, fields: Mapping[str, str]) -> None:
        self._extra_box.setVisible(bool(fields))
        self._extra_rows.show(fields, prefix="extra_")

    # --- hiding empty fields

    @property
    def hide_empty(self) -> bool:
        return self._hide_empty

    def set_hide_empty(self, hide: bool) -> None:
        """Hide the rows (title, value, copy button) whose value is empty."""
        self._hide_empty = bool(hide)
        self._apply_hide_empty()

    def _apply_hide_empty(self) -> None:
        hide = self._hide_empty and self._info is not None
        for group, box in self._groups.items():
            shown = 0
            for spec in LEAD_FIELDS:
                if spec.group != group:
                    continue
                row = self._rows[spec.name]
                visible = not hide or bool(row.raw)
                row.set_visible(visible)
                shown += visible
            box.setVisible(shown > 0)
        custom_shown = self._custom_rows.apply_hide_empty(hide)
        has_custom = bool(self._custom_rows.rows)
        self._custom_box.setVisible(not hide or custom_shown > 0)
        self._custom_empty.setVisible(not has_custom)
        extra_shown = self._extra_rows.apply_hide_empty(hide)
        self._extra_box.setVisible(bool(self._extra_rows.rows) and (not hide or extra_shown > 0))

    # --- copying

    def _copy_row(self, row: _Row) -> None:
        if not row.raw:
            return
        QGuiApplication.clipboard().setText(row.raw)
        self.copied.emit(row.label_text)

    def copy_all_text(self) -> str:
        """Every non-empty field as ``Label: raw value`` lines, one block per
        group (custom and other fields last), blocks separated by a blank line."""
        blocks: list[list[_Row]] = [
            [self._rows[spec.name] for spec in LEAD_FIELDS if spec.group == group]
            for group in GROUP_ORDER
        ]
        blocks.append(list(self._custom_rows.rows.values()))
        blocks.append(list(self._extra_rows.rows.values()))
        texts = []
        for rows in blocks:
            lines = [f"{row.label_text}: {row.raw}" for row in rows if row.raw]
            if lines:
                texts.append("\n".join(lines))
        return "\n\n".join(texts)

    def copy_all(self) -> bool:
        """Put :meth:`copy_all_text` on the clipboard; False when there is nothing."""
        text = self.copy_all_text() if self._info is not None else ""
        if not text:
            return False
        QApplication.clipboard().setText(text)
        self.copied.emit(self.tr("All fields"))
        return True

    # --- helpers for tests and accessibility tools

    @property
    def record(self) -> CustomerInfo | None:
        return self._info

    def value_text(self, field_name: str) -> str:
        """The text shown for a documented field (``EMPTY_VALUE`` when empty)."""
        return self._values[field_name].text()

    def raw_value(self, field_name: str) -> str:
        """A documented field's value as the dialer sent it (what copying gives)."""
        return self._rows[field_name].raw

    def copy_button(self, field_name: str) -> QToolButton:
        """The copy button of a documented field."""
        return self._rows[field_name].button

    def is_field_shown(self, field_name: str) -> bool:
        """Whether a documented field's row is shown (hide-empty may hide it)."""
        row = self._rows[field_name]
        return row.title.isVisibleTo(self) and row.value.isVisibleTo(self)

    def custom_field_text(self, column: str) -> str:
        """The text shown for a custom field; KeyError when it is not shown."""
        return self._custom_rows.values[column].text()

    def extra_field_text(self, name: str) -> str:
        """The text shown for a field in "Other fields"; KeyError when not shown."""
        return self._extra_rows.values[name].text()

    def custom_field_label(self, column: str) -> str:
        """The readable label shown beside a custom field."""
        return self._custom_rows.label_for(column)

    def flag_text(self) -> str:
        return self._flag.text() if self._flag.isVisibleTo(self) else ""

    def name_text(self) -> str:
        return self._name.text()


class _FieldRows:
    """Rows of columns that differ from record to record (custom and unknown
    fields), kept in a widget of their own inside ``column``.

    Calls come from leads of different lists, each with its own columns: the
    rows already built are re-labelled for the next list's columns and the
    spare ones hidden, which costs a few label changes instead of new widgets
    (building and showing them stalled the window for several ms per pop).
    Only when more rows are needed than exist, or far fewer than are kept, is
    a fresh widget laid out before it is shown and swapped in whole: adding
    rows to a visible form re-lays it out per row (5,000 custom columns took
    half a minute), removing them one by one too.
    """

    # Spare rows kept beyond what a record needs, so a list with a handful of
    # columns after one with thousands does not carry thousands of hidden rows.
    _SPARE_ROWS = 32

    def __init__(
        self, column: QVBoxLayout, on_copy: Callable[[_Row], None], reveal: _CopyReveal
    ) -> None:
        self._column = column
        self._on_copy = on_copy
        self._reveal = reveal
        self._widget = QWidget()
        self._form = _form_layout(self._widget)
        column.addWidget(self._widget)
        self.pool: list[_Row] = []
        self.rows: dict[str, _Row] = {}
        self.values: dict[str, QLabel] = {}

    def show(self, fields: Mapping[str, str], *, prefix: str) -> None:
        if list(fields) != list(self.rows):
            columns = list(fields)
            if len(columns) > len(self.pool) or len(self.pool) > len(columns) + self._SPARE_ROWS:
                self._rebuild(columns, prefix)
            else:
                self._relabel(columns, prefix)
        for column, row in self.rows.items():
            row.fill(fields[column], fields[column])

    def apply_hide_empty(self, hide: bool) -> int:
        """Show or hide the empty rows; the number of rows left shown."""
        shown = 0
        for row in self.rows.values():
            visible = not hide or bool(row.raw)
            row.set_visible(visible)
            shown += visible
        self._widget.setVisible(shown > 0)
        return shown

    def label_for(self, column: str) -> str:
        return self.rows[column].title.text()

    def _relabel(self, columns: list[str], prefix: str) -> None:
        rows: dict[str, _Row] = {}
        for column, row in zip(columns, self.pool[: len(columns)], strict=True):
            _label_row(row, readable_label(column), name=f"{prefix}{column}", column=column)
            rows[column] = row
        for spare in self.pool[len(columns) :]:
            spare.fill("", "")
            spare.value.setObjectName("")  # not found by its old column's name
            spare.set_visible(False)
        self._set_rows(rows)

    def _rebuild(self, columns: list[str], prefix: str) -> None:
        widget = QWidget()
        form = _form_layout(widget)
        rows: dict[str, _Row] = {}
        for column in columns:
            # The column name is server text too: the tooltip is plain text.
            row = _add_row(
                form,
                readable_label(column),
                name=f"{prefix}{column}",
                tooltip=column,
                on_copy=self._on_copy,
                reveal=self._reveal,
            )
            row.value.setToolTip(plain_tooltip(column))
            rows[column] = row
        old = self._widget
        self._column.replaceWidget(old, widget)
        old.hide()
        old.deleteLater()
        self._widget, self._form, self.pool = widget, form, list(rows.values())
        self._set_rows(rows)

    def _set_rows(self, rows: dict[str, _Row]) -> None:
        self.rows = rows
        self.values = {column: row.value for column, row in rows.items()}
        self._widget.setVisible(bool(rows))


def _label_row(row: _Row, label_text: str, *, name: str, column: str) -> None:
    """Give a custom or unknown field's row its column: the column name is
    server text, so every tooltip is plain text."""
    if row.label_text == label_text and row.value.objectName() == name:
        row.set_visible(True)
        return
    row.label_text = label_text
    row.title.setText(label_text)
    row.title.setToolTip(plain_tooltip(column))
    row.value.setObjectName(name)
    row.value.setAccessibleName(label_text)
    row.value.setToolTip(plain_tooltip(column))
    copy_text = _copy_text(label_text)
    row.button.setObjectName(f"copy_{name}")
    row.button.setAccessibleName(copy_text)
    row.button.setToolTip(plain_tooltip(copy_text))
    row.set_visible(True)


def _form_layout(box: QWidget) -> QFormLayout:
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    form.setHorizontalSpacing(12)
    form.setVerticalSpacing(6)
    return form


def _field_label(text: str, *, tooltip: str) -> QLabel:
    label = plain_label(selectable=False, cls=_TitleLabel)
    label.setText(text)
    label.setWordWrap(False)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    label.setToolTip(plain_tooltip(tooltip))
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def plain_tooltip(text: str) -> str:
    """Tooltips have no PlainText switch and Qt guesses rich text from tags, so
    mark them as rich text ourselves and escape the server's text inside."""
    return f"<qt>{html.escape(text, quote=False)}</qt>"
