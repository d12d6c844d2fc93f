"""Readable values: the words behind the dialer's codes, phones for reading,
dates of birth with an age. Pure functions, no Qt.

The raw value always stays visible (``Call Picked Up (PU)``, ``MX — Mexico``)
so an agent can still read the code a supervisor asks about, and copying a
field gives the raw value, never the readable one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import phonenumbers

WARNING_MARK = "⚠"

GENDERS: dict[str, str] = {"M": "Male", "F": "Female", "U": "Unknown"}

# VICIdial's standard system statuses (vicidial_statuses as installed). Codes
# whose standard wording could not be confirmed are left out: they show as
# the bare code rather than with a guessed meaning.
VICIDIAL_STATUSES: dict[str, str] = {
    "NEW": "New Lead",
    "QUEUE": "Lead To Be Called",
    "INCALL": "Lead Being Called",
    "DROP": "Agent Not Available",
    "XDROP": "Agent Not Available IN",
    "NA": "No Answer AutoDial",
    "N": "No Answer",
    "A": "Answering Machine",
    "AA": "Answering Machine Auto",
    "AB": "Busy Auto",
    "B": "Busy",
    "DC": "Disconnected Number",
    "ADC": "Disconnected Number Auto",
    "AFAX": "Fax Machine Auto",
    "CALLBK": "Call Back",
    "CBHOLD": "Call Back Hold",
    "DEC": "Declined Sale",
    "DNC": "DO NOT CALL",
    "DNCL": "DO NOT CALL Hopper Sys Match",
    "DNCC": "DO NOT CALL Hopper Camp Match",
    "NI": "Not Interested",
    "NP": "No Pitch No Price",
    "PU": "Call Picked Up",
    "PM": "Played Message",
    "SALE": "Sale Made",
    "XFER": "Call Transferred",
    "ERI": "Agent Error",
    "TIMEOT": "Inbound Queue Timeout Drop",
    "AFTHRS": "Inbound After Hours Drop",
    "NANQUE": "Inbound No Agent No Queue Drop",
    "IVRXFR": "Outbound drop to Call Menu",
    "LRERR": "Outbound Local Channel Res Err",
    "PDROP": "Outbound Pre-Routing Drop",
    "RQXFER": "Re-Queue",
    "QVMAIL": "Queue Abandon Voicemail Left",
    "SVYCLM": "Survey sent to Call Menu",
    "SVYEXT": "Survey sent to Extension",
    "SVYHU": "Survey Hungup",
    "SVYREC": "Survey sent to Record",
    "SVYVM": "Survey sent to Voicemail",
}

PHONE_FIELDS = frozenset({"phone_number", "alt_phone"})
# Dates of birth before this year are taken for typing or import errors.
MIN_BIRTH_YEAR = 1900
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$")

Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


def gender_text(code: str, translate: Translate = _same) -> str:
    """``M`` -> ``Male``; anything not a standard code is shown as it is."""
    word = GENDERS.get(code.strip().upper()) if code else None
    return translate(word) if word else code


def status_text(code: str, translate: Translate = _same) -> str:
    """``PU`` -> ``Call Picked Up (PU)``; an unknown code shows just the code."""
    meaning = VICIDIAL_STATUSES.get(code)
    return f"{translate(meaning)} ({code})" if meaning else code


def country_text(code: str, name: str = "") -> str:
    """``MX`` and ``Mexico`` -> ``MX — Mexico``; without a name, the code alone.

    The name comes from the caller (the UI asks Qt's locale data), so core
    needs no country table of its own."""
    if code and name and name.casefold() != code.casefold():
        return f"{code} — {name}"
    return code


def phone_region(country_code: str) -> str | None:
    """The phonenumbers region for a lead's country code, or None if unknown."""
    region = country_code.strip().upper()
    return region if region in phonenumbers.SUPPORTED_REGIONS else None


def phone_text(number: str, country_code: str = "") -> str:
    """A phone number for reading, in the national format of the lead's
    country when that is a known region and the number fits it; else as is."""
    region = phone_region(country_code)
    if not number or region is None:
        return number
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return number
    if not phonenumbers.is_possible_number(parsed):
        return number
    if parsed.country_code != phonenumbers.country_code_for_region(region):
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


def parse_birth_date(value: str) -> date | None:
    """``YYYY-MM-DD`` (optionally with a time) as a date; None when unreadable."""
    match = _DATE.match(value.strip())
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def age_on(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def birth_date_plausible(value: str, today: date) -> bool:
    born = parse_birth_date(value)
    return born is not None and born.year >= MIN_BIRTH_YEAR and born <= today


def birth_date_text(
    value: str,
    today: date,
    *,
    age_template: str = "{date} (age {age})",
    implausible_template: str = "{mark} {date} (implausible)",
) -> str:
    """``1979-12-02`` -> ``1979-12-02 (age 46)``; a date before 1900, in the
    future or unreadable gets a warning mark instead of an age. Empty stays
    empty (the server's 0000-00-00 is already empty)."""
    if not value:
        return ""
    if not birth_date_plausible(value, today):
        return implausible_template.format(mark=WARNING_MARK, date=value)
    born = parse_birth_date(value)
    assert born is not None
    return age_template.format(date=value, age=age_on(born, today))
