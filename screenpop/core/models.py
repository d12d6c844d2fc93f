"""The customer record as Screenpop holds it: typed, tolerant, immutable.

Real servers disagree on types (MySQL gives strings, the vendor page shows
numbers), so every value is normalised to the text an agent should see.
Nothing the server sends is dropped: fields Screenpop does not know are kept
in ``Lead.extra`` and shown after the known ones.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

FieldGroup = Literal["person", "contact", "address", "record"]


@dataclass(frozen=True)
class FieldSpec:
    """One documented ``lead_info`` field: its API name, label and group."""

    name: str
    label: str
    group: FieldGroup


# The vendor page's lead_info fields, in the order the page lists them.
LEAD_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("lead_id", "Lead ID", "record"),
    FieldSpec("list_id", "List ID", "record"),
    FieldSpec("title", "Title", "person"),
    FieldSpec("first_name", "First name", "person"),
    FieldSpec("middle_initial", "Middle initial", "person"),
    FieldSpec("last_name", "Last name", "person"),
    FieldSpec("phone_number", "Phone", "contact"),
    FieldSpec("alt_phone", "Alternate phone", "contact"),
    FieldSpec("email", "Email", "contact"),
    FieldSpec("address1", "Address", "address"),
    FieldSpec("address2", "Address line 2", "address"),
    FieldSpec("address3", "Address line 3", "address"),
    FieldSpec("city", "City", "address"),
    FieldSpec("state", "State", "address"),
    FieldSpec("province", "Province", "address"),
    FieldSpec("postal_code", "Postal code", "address"),
    FieldSpec("country_code", "Country", "address"),
    FieldSpec("gender", "Gender", "person"),
    FieldSpec("date_of_birth", "Date of birth", "person"),
    FieldSpec("status", "Status", "record"),
    FieldSpec("user", "Assigned user", "record"),
    FieldSpec("comments", "Comments", "record"),
)
LEAD_FIELD_NAMES: frozenset[str] = frozenset(spec.name for spec in LEAD_FIELDS)

# MySQL's "no date" values; an agent should see an empty field, not a year 0.
_EMPTY_DATES = frozenset({"0000-00-00", "0000-00-00 00:00:00"})


def display_text(value: Any) -> str:
    """Normalise one server value to the text shown to an agent.

    ``None`` and MySQL's zero dates become empty; numbers keep their digits
    (``14246``, not ``14246.0``); nested structures are shown as compact JSON
    rather than dropped.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    text = str(value).strip()
    if not text.isascii():
        # A lone surrogate (JSON "\\ud800") cannot be printed or copied: make it "?".
        text = text.encode("utf-8", errors="replace").decode("utf-8")
    return "" if text in _EMPTY_DATES else text


def readable_label(column: str) -> str:
    """Turn a custom-field column name into a label: ``plan_end_date`` -> ``Plan end date``."""
    words = column.replace("_", " ").replace("-", " ").split()
    if not words:
        return column
    text = " ".join(words)
    return text[0].upper() + text[1:]


def _frozen(mapping: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class Lead:
    """``lead_info``: the documented fields plus whatever else the server sent."""

    values: Mapping[str, str]
    extra: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_api(cls, lead_info: Mapping[str, Any]) -> Lead:
        values = {spec.name: display_text(lead_info.get(spec.name)) for spec in LEAD_FIELDS}
        extra = {
            str(key): display_text(value)
            for key, value in lead_info.items()
            if key not in LEAD_FIELD_NAMES
        }
        return cls(values=_frozen(values), extra=_frozen(extra))

    def __getitem__(self, name: str) -> str:
        if name in self.values:
            return self.values[name]
        return self.extra[name]

    @property
    def lead_id(self) -> str:
        return self.values["lead_id"]

    @property
    def full_name(self) -> str:
        parts = (self.values[name] for name in ("first_name", "middle_initial", "last_name"))
        return " ".join(part for part in parts if part)

    def as_api_dict(self) -> dict[str, str]:
        """All fields under their API names, documented ones first."""
        return {**self.values, **self.extra}


def parse_is_customer(value: Any) -> bool | None:
    """``is_customer`` is a row count that arrives as int, str or bool.

    Returns ``None`` when the value cannot be read, so the UI can say
    "unknown" instead of guessing "prospect".
    """
    if value is None or value == "":
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value > 0
    text = str(value).strip().lower()
    if text in {"true", "yes"}:
        return True
    if text in {"false", "no"}:
        return False
    try:
        return float(text) > 0
    except ValueError:
        return None


def parse_custom_info(value: Any) -> Mapping[str, str]:
    """``custom_info`` is ``null``, ``[]`` (an empty PHP array) or column -> value."""
    if isinstance(value, Mapping):
        return _frozen({str(key): display_text(item) for key, item in value.items()})
    if isinstance(value, list):
        # A non-empty JSON list would be a PHP list of values without names;
        # keep them under their positions rather than dropping them.
        return _frozen({f"field_{pos}": display_text(item) for pos, item in enumerate(value, 1)})
    if value in (None, ""):
        return _frozen({})
    return _frozen({"custom_info": display_text(value)})


@dataclass(frozen=True)
class CustomerInfo:
    """One ``goGetCustomerInfo`` success: the lead, its custom fields, the flag."""

    lead: Lead
    custom_fields: Mapping[str, str]
    is_customer: bool | None

    @classmethod
    def from_api(cls, payload: Mapping[str, Any]) -> CustomerInfo:
        """Build from a successful reply that already has a ``lead_info`` mapping."""
        return cls(
            lead=Lead.from_api(payload["lead_info"]),
            custom_fields=parse_custom_info(payload.get("custom_info")),
            is_customer=parse_is_customer(payload.get("is_customer")),
        )

    def to_json_dict(self) -> dict[str, Any]:
        """The CLI's ``--json`` shape."""
        return {
            "lead": self.lead.as_api_dict(),
            "custom_fields": dict(self.custom_fields),
            "is_customer": self.is_customer,
        }
