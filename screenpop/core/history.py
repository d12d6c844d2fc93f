"""Recent lookups: the last 50 of this session, newest first.

Kept in memory by default, with each found record, so the agent can show it
again without a new request. Saving to disk is an explicit choice, and then
only the listed columns are written (time, what was searched, name,
customer flag, outcome): never the record itself, never anything secret.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import platformdirs

from screenpop import APP_DIR_NAME
from screenpop.core.files import write_atomically
from screenpop.core.intake import PopRequest
from screenpop.core.models import CustomerInfo

MAX_ENTRIES = 50
HISTORY_FILE = "history.json"
Outcome = Literal["found", "not_found", "failed"]
_OUTCOMES: frozenset[str] = frozenset({"found", "not_found", "failed"})
# The columns a saved history may hold, and nothing else.
SAVED_COLUMNS = ("time", "searched", "name", "is_customer", "outcome")
# How PopRequest.searched spells a lead ID lookup.
_LEAD_SEARCHED = "lead ID "


@dataclass(frozen=True)
class HistoryEntry:
    time: dt.datetime
    searched: str  # "8004321000" or "lead ID 14246", as the window shows it
    name: str = ""
    is_customer: bool | None = None
    outcome: Outcome = "found"
    # In memory only: the record as it was fetched, to show it again, and
    # the request as it arrived (with the number as the agent read it).
    record: CustomerInfo | None = None
    request: PopRequest | None = None

    @classmethod
    def found(cls, searched: str, info: CustomerInfo, when: dt.datetime) -> HistoryEntry:
        return cls(when, searched, info.lead.full_name, info.is_customer, "found", info)

    @classmethod
    def of_lookup(
        cls, request: PopRequest, outcome: Outcome, info: CustomerInfo | None, when: dt.datetime
    ) -> HistoryEntry:
        """How one lookup ended; a found record is kept to be shown again."""
        if info is not None:
            return dataclasses.replace(cls.found(request.searched, info, when), request=request)
        return cls(when, request.searched, outcome=outcome, request=request)

    @property
    def lead_id(self) -> str | None:
        """The lead ID looked up, or None for a phone lookup."""
        if self.searched.startswith(_LEAD_SEARCHED):
            return self.searched[len(_LEAD_SEARCHED) :]
        return None

    def to_request(self) -> PopRequest:
        """A request that looks this entry up again (also for a saved one)."""
        if self.request is not None:
            return self.request
        lead_id = self.lead_id
        if lead_id is not None:
            return PopRequest(raw=lead_id, lead_id=lead_id, display=f"Lead {lead_id}")
        return PopRequest(raw=self.searched, phone=self.searched, display=self.searched)

    def to_saved(self) -> dict[str, Any]:
        return {
            "time": self.time.isoformat(),
            "searched": self.searched,
            "name": self.name,
            "is_customer": self.is_customer,
            "outcome": self.outcome,
        }

    @classmethod
    def from_saved(cls, data: Any) -> HistoryEntry | None:
        """One saved row, or None when it is not a row this version wrote."""
        if not isinstance(data, dict):
            return None
        try:
            when = dt.datetime.fromisoformat(str(data["time"]))
        except (KeyError, ValueError):
            return None
        searched, name = data.get("searched"), data.get("name", "")
        customer, outcome = data.get("is_customer"), data.get("outcome")
        if not isinstance(searched, str) or not isinstance(name, str):
            return None
        if customer is not None and not isinstance(customer, bool):
            return None
        if outcome not in _OUTCOMES:
            return None
        if not _searchable(searched):
            return None
        return cls(when, searched, name, customer, outcome)


def _searchable(searched: str) -> bool:
    """Digits, or "lead ID " and digits: what PopRequest.searched writes, so a
    saved row can be looked up again and nothing else is sent to the dialer."""
    digits = searched.removeprefix(_LEAD_SEARCHED)
    return 0 < len(digits) <= 20 and digits.isascii() and digits.isdigit()


class RecentLookups:
    """The newest :data:`MAX_ENTRIES` lookups, newest first."""

    def __init__(self, entries: list[HistoryEntry] | None = None) -> None:
        newest_first = list(entries or [])[:MAX_ENTRIES]
        self._entries: deque[HistoryEntry] = deque(newest_first, maxlen=MAX_ENTRIES)

    def __iter__(self) -> Iterator[HistoryEntry]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __getitem__(self, index: int) -> HistoryEntry:
        return self._entries[index]

    @property
    def is_full(self) -> bool:
        return len(self._entries) == MAX_ENTRIES

    def add(self, entry: HistoryEntry) -> None:
        """Newest first; the oldest falls off past :data:`MAX_ENTRIES`."""
        if self.is_full:
            self.drop_oldest()
        self._entries.appendleft(entry)

    def drop_oldest(self) -> None:
        if self._entries:
            self._entries.pop()

    def clear(self) -> None:
        self._entries.clear()


def history_path() -> Path:
    return platformdirs.user_data_path(APP_DIR_NAME, appauthor=False) / HISTORY_FILE


def save_history(history: RecentLookups, path: Path | None = None) -> Path:
    """Write only :data:`SAVED_COLUMNS`, atomically."""
    path = path or history_path()
    rows = [entry.to_saved() for entry in history]
    write_atomically(
        path, json.dumps({"version": 1, "entries": rows}, ensure_ascii=False, indent=1)
    )
    return path


def load_history(path: Path | None = None) -> RecentLookups:
    """The saved history; an empty one when there is none or it is unreadable."""
    path = path or history_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return RecentLookups()
    rows = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        return RecentLookups()
    entries = [entry for entry in map(HistoryEntry.from_saved, rows) if entry is not None]
    return RecentLookups(entries)
