"""Recent lookups: newest first, capped, re-showable, saved with listed columns only."""

import datetime as dt
import json

import pytest

from screenpop.core.history import (
    MAX_ENTRIES,
    SAVED_COLUMNS,
    HistoryEntry,
    RecentLookups,
    history_path,
    load_history,
    save_history,
)
from screenpop.core.models import CustomerInfo

T0 = dt.datetime(2026, 12, 3, 9, 30, tzinfo=dt.timezone.utc)


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


def record(lead_id: str, first: str, customer: int = 0) -> CustomerInfo:
    return CustomerInfo.from_api(
        {
            "lead_info": {"lead_id": lead_id, "first_name": first, "comments": "secret notes"},
            "custom_info": {"plan": "Gold"},
            "is_customer": customer,
        }
    )


def test_newest_first_and_capped_at_fifty():
    history = RecentLookups()
    for n in range(MAX_ENTRIES + 5):
        history.add(HistoryEntry(T0 + dt.timedelta(minutes=n), str(n), outcome="not_found"))
    assert len(history) == MAX_ENTRIES
    assert history[0].searched == str(MAX_ENTRIES + 4)
    assert history[-1].searched == "5"


def test_a_found_entry_keeps_the_record_to_show_again():
    info = record("14246", "Bruno", customer=1)
    entry = HistoryEntry.found("8004321000", info, T0)
    assert (entry.name, entry.is_customer, entry.outcome) == ("Bruno", True, "found")
    assert entry.record is info


def test_saved_history_holds_only_the_listed_columns(tmp_path):
    history = RecentLookups()
    history.add(HistoryEntry.found("8004321000", record("14246", "Bruno"), T0))
    history.add(HistoryEntry(T0, "lead ID 99", outcome="not_found"))
    path = save_history(history)
    assert path == history_path()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert all(set(row) == set(SAVED_COLUMNS) for row in saved["entries"])
    text = path.read_text(encoding="utf-8")
    assert "secret notes" not in text and "Gold" not in text

    loaded = load_history()
    assert [e.searched for e in loaded] == ["lead ID 99", "8004321000"]
    assert loaded[1].name == "Bruno"
    assert loaded[1].record is None  # re-showing a saved entry asks the dialer again


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        "[]",
        '{"entries": 5}',
        '{"entries": [{"time": "yesterday", "searched": "1", "outcome": "found"}]}',
        '{"entries": [{"time": "2026-12-03T09:30:00", "searched": 5, "outcome": "found"}]}',
        '{"entries": [{"time": "2026-12-03T09:30:00", "searched": "1", "outcome": "pwned"}]}',
    ],
)
def test_a_damaged_file_gives_an_empty_or_partial_history_not_a_crash(content):
    history_path().parent.mkdir(parents=True)
    history_path().write_text(content, encoding="utf-8")
    assert list(load_history()) == []


def test_clear():
    history = RecentLookups([HistoryEntry(T0, "1")])
    history.clear()
    assert len(history) == 0


@pytest.mark.parametrize(
    "searched", ["", "lead ID ", "12a", "lead ID 1; DROP", "<img src=x>", "1" * 21]
)
def test_a_saved_row_that_is_not_a_number_or_lead_id_is_dropped(searched):
    row = {"time": T0.isoformat(), "searched": searched, "outcome": "failed"}
    assert HistoryEntry.from_saved(row) is None


def test_a_saved_row_looks_up_what_it_names():
    phone = HistoryEntry.from_saved(
        {"time": T0.isoformat(), "searched": "8004321000", "outcome": "found"}
    )
    lead = HistoryEntry.from_saved(
        {"time": T0.isoformat(), "searched": "lead ID 14246", "outcome": "found"}
    )
    assert (phone.to_request().phone, phone.to_request().lead_id) == ("8004321000", None)
    assert (lead.to_request().phone, lead.to_request().lead_id) == (None, "14246")
