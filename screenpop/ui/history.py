"""Recent lookups in the window: the model, the panel, and what keeps them.

:class:`RecentLookupsModel` shows :class:`screenpop.core.history.RecentLookups`
(newest first, the last 50 of the session) as a table; :class:`HistoryPanel`
is the list beside the record, where a click shows a found record again
without asking the dialer; :class:`HistoryKeeper` adds every answered lookup
and, only when the agent chose to keep the history, saves its summary
columns to disk (never the record itself). Wiring is in :mod:`screenpop.ui.app`.

Names and numbers come from the dialer and from links: shown as plain text
(item views never interpret markup in ``DisplayRole``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from screenpop.core.history import (
    HistoryEntry,
    Outcome,
    RecentLookups,
    history_path,
    load_history,
    save_history,
)
from screenpop.core.intake import PopRequest
from screenpop.core.models import CustomerInfo

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]
# A saved history is written this long after the last change, off the pop's path.
_SAVE_DELAY_MS = 500
_Index = QModelIndex | QPersistentModelIndex


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def clock_text(when: dt.datetime) -> str:
    """HH:MM in local time, as the list and the "as of" stamp show it."""
    return when.astimezone().strftime("%H:%M")


_DISPLAY = Qt.ItemDataRole.DisplayRole
_DESCRIBED = (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole)
_FOREGROUND = Qt.ItemDataRole.ForegroundRole


@dataclass(frozen=True)
class _Shown:
    """One row as the view shows it, worked out once: views ask for every
    cell's data many times per paint."""

    cells: tuple[str, ...]
    summary: str
    dimmed: bool


class RecentLookupsModel(QAbstractTableModel):
    """Newest first: the time; the caller (name over the number or lead ID
    looked up, always two lines so every row is as tall); the result
    (customer or prospect, or why nothing was found)."""

    COLUMNS = ("time", "caller", "result")

    def __init__(self, history: RecentLookups | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._history = history or RecentLookups()
        self._shown = [self._show(entry) for entry in self._history]

    @property
    def history(self) -> RecentLookups:
        return self._history

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._history)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            "time": self.tr("Time"),
            "caller": self.tr("Caller"),
            "result": self.tr("Result"),
        }
        return titles[self.COLUMNS[section]]

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        row = index.row()
        if not 0 <= row < len(self._shown):
            return None
        shown = self._shown[row]
        if role == _DISPLAY:
            return shown.cells[index.column()]
        if role in _DESCRIBED:
            return shown.summary
        if role == _FOREGROUND and shown.dimmed:
            return QPalette().brush(QPalette.ColorRole.PlaceholderText)
        return None

    def _show(self, entry: HistoryEntry) -> _Shown:
        searched = self.searched_text(entry)
        # A second line even without a name: every row as tall as the others.
        caller = f"{entry.name}\n{searched}" if entry.name else f"{searched}\n"
        return _Shown(
            cells=(clock_text(entry.time), caller, self.result_text(entry)),
            summary=self.summary(entry),
            dimmed=entry.outcome != "found",
        )

    def result_text(self, entry: HistoryEntry) -> str:
        if entry.outcome == "found":
            return self.customer_text(entry.is_customer)
        return self.outcome_text(entry.outcome)

    def searched_text(self, entry: HistoryEntry) -> str:
        lead_id = entry.lead_id
        if lead_id is not None:
            return self.tr("Lead {lead}").format(lead=lead_id)
        if entry.request is not None and entry.request.display:
            return entry.request.display
        return entry.searched

    def customer_text(self, is_customer: bool | None) -> str:
        if is_customer is None:
            return self.tr("Unknown")
        return self.tr("Customer") if is_customer else self.tr("Prospect")

    def outcome_text(self, outcome: Outcome) -> str:
        texts = {
            "found": self.tr("Found"),
            "not_found": self.tr("Not found"),
            "failed": self.tr("Failed"),
        }
        return texts[outcome]

    def summary(self, entry: HistoryEntry) -> str:
        """One line for a menu, a tooltip or a screen reader."""
        parts = [clock_text(entry.time), self.searched_text(entry)]
        if entry.outcome == "found":
            if entry.name:
                parts.append(entry.name)
            parts.append(self.customer_text(entry.is_customer))
        else:
            parts.append(self.outcome_text(entry.outcome))
        return " · ".join(parts)

    def entry(self, row: int) -> HistoryEntry:
        return self._history[row]

    def add(self, entry: HistoryEntry) -> None:
        if self._history.is_full:
            last = len(self._history) - 1
            self.beginRemoveRows(QModelIndex(), last, last)
            self._history.drop_oldest()
            self._shown.pop()
            self.endRemoveRows()
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._history.add(entry)
        self._shown.insert(0, self._show(entry))
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._history.clear()
        self._shown.clear()
        self.endResetModel()


class HistoryKeeper(QObject):
    """Adds every answered lookup to the model; saves it only when asked to.

    With ``keep`` off (the default) nothing touches the disk and a history
    saved earlier is deleted: turning the option off means the file goes.
    Without ``on_disk`` (demo mode) the file is never read, written or
    deleted, whatever ``keep`` says."""

    def __init__(
        self,
        model: RecentLookupsModel,
        *,
        keep: bool = False,
        on_disk: bool = True,
        path: Path | None = None,
        clock: Clock = _now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._keep = keep
        self._on_disk = on_disk
        self._path = path
        self._clock = clock
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)

    @classmethod
    def loaded(
        cls,
        *,
        keep: bool,
        on_disk: bool = True,
        path: Path | None = None,
        parent: QObject | None = None,
    ) -> HistoryKeeper:
        """A keeper whose model starts with the saved history when ``keep`` is on."""
        history = load_history(path) if keep and on_disk else RecentLookups()
        model = RecentLookupsModel(history, parent)
        return cls(model, keep=keep, on_disk=on_disk, path=path, parent=parent)

    @property
    def model(self) -> RecentLookupsModel:
        return self._model

    @property
    def keep(self) -> bool:
        return self._keep

    def record(self, request: PopRequest, outcome: str, info: CustomerInfo | None) -> None:
        """A lookup was answered (the controller's ``answered``)."""
        if outcome not in ("found", "not_found", "failed"):
            return
        entry = HistoryEntry.of_lookup(request, outcome, info, self._clock())  # type: ignore[arg-type]
        self._model.add(entry)
        self._changed()

    def clear(self) -> None:
        self._model.clear()
        self._changed()

    def set_keep(self, keep: bool) -> None:
        """Save from now on, or stop saving and delete what was saved."""
        if keep == self._keep:
            return
        self._keep = keep
        if keep:
            self._changed()
        else:
            self._save_timer.stop()
            if self._on_disk:
                self._delete_saved()

    def _changed(self) -> None:
        if self._keep and self._on_disk:
            self._save_timer.start()

    def save_now(self) -> None:
        """Write a pending change at once (also at shutdown)."""
        self._save_timer.stop()
        if not (self._keep and self._on_disk):
            return
        try:
            save_history(self._model.history, self._path)
        except OSError:
            log.warning("The recent lookups could not be saved", exc_info=True)

    def flush(self) -> None:
        """At shutdown: a change still waiting for its save is written now."""
        if self._save_timer.isActive():
            self.save_now()

    def _delete_saved(self) -> None:
        try:
            (self._path or history_path()).unlink(missing_ok=True)
        except OSError:
            log.warning("The saved recent lookups could not be deleted", exc_info=True)


class HistoryPanel(QWidget):
    """The recent lookups beside the record; ``entry_chosen`` on click or Enter."""

    entry_chosen = Signal(object)  # HistoryEntry
    clear_requested = Signal()

    def __init__(self, model: RecentLookupsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_panel")
        self._model = model
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Recent lookups"))
        title.setObjectName("history_title")
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self._clear = QToolButton()
        self._clear.setObjectName("history_clear_button")
        self._clear.setText(self.tr("Clear"))
        self._clear.setAutoRaise(True)
        self._clear.setToolTip(self.tr("Clear the recent lookups"))
        self._clear.setAccessibleName(self.tr("Clear the recent lookups"))
        self._clear.clicked.connect(self.clear_requested)
        header.addWidget(title, 1)
        header.addWidget(self._clear)
        column.addLayout(header)

        self._view = QTreeView()
        self._view.setObjectName("history_list")
        self._view.setAccessibleName(self.tr("Recent lookups"))
        self._view.setModel(model)
        self._view.setRootIsDecorated(False)
        self._view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._view.setWordWrap(False)
        # Every row has two lines: the view need not measure each one.
        self._view.setUniformRowHeights(True)
        self._view.setAllColumnsShowFocus(True)
        self._view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._size_columns()
        self._view.clicked.connect(self._choose)
        self._view.activated.connect(self._choose)
        column.addWidget(self._view, 1)

        self._empty = QLabel(self.tr("Lookups of this session appear here."))
        self._empty.setObjectName("history_empty")
        self._empty.setTextFormat(Qt.TextFormat.PlainText)
        self._empty.setWordWrap(True)
        self._empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        column.addWidget(self._empty)
        for name in ("rowsInserted", "rowsRemoved", "modelReset"):
            getattr(model, name).connect(self._update_empty)
        self._update_empty()

    def _size_columns(self) -> None:
        """Time and result as wide as their longest text can be, the caller
        taking the rest. Sized once from the font, not from the contents:
        resizing to contents measures every row again on every lookup
        (measured: up to 16 ms per pop with 50 rows)."""
        header = self._view.header()
        header.setStretchLastSection(False)
        metrics = self._view.fontMetrics()
        margin = (
            2 * self._view.style().pixelMetric(self._view.style().PixelMetric.PM_FocusFrameHMargin)
            + 12
        )
        widest = {
            "time": metrics.horizontalAdvance("00:00"),
            "result": max(
                metrics.horizontalAdvance(text)
                for text in (
                    self._model.customer_text(True),
                    self._model.customer_text(False),
                    self._model.customer_text(None),
                    *(self._model.outcome_text(o) for o in ("not_found", "failed")),
                )
            ),
        }
        for name, width in widest.items():
            column = RecentLookupsModel.COLUMNS.index(name)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width + margin)
        header.setSectionResizeMode(
            RecentLookupsModel.COLUMNS.index("caller"), QHeaderView.ResizeMode.Stretch
        )

    @property
    def view(self) -> QTreeView:
        return self._view

    @property
    def clear_button(self) -> QToolButton:
        return self._clear

    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.entry_chosen.emit(self._model.entry(index.row()))

    def _update_empty(self, *_args: object) -> None:
        empty = self._model.rowCount() == 0
        self._empty.setVisible(empty)
        self._clear.setEnabled(not empty)
