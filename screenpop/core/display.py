"""Readable values: the words behind the dialer's codes, phones for reading,
dates of birth with an age. Pure functions, no Qt.

The raw value always stays visible (``Call Picked Up (PU)``, ``MX — Mexico``)
so an agent can still read the code a supervisor asks about, and copying a
field gives the raw value, never the readable one.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Mapping
from datetime import date

import phonenumbers

from screenpop.core.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

WARNING_MARK = "⚠"

GENDERS: dict[str, str] = {"M": "Male", "F": "Female", "U": "Unknown"}

# VICIdial's standard system statuses (vicidial_statuses as installed). Codes
# whose standard wording could not be confirmed are left out: they show as
# the bare code rather than with a guessed meaning. Marked for translation
# under the context the lead view translates them with.
VICIDIAL_STATUSES: dict[str, str] = {
    "NEW": QT_TRANSLATE_NOOP("VicidialStatus", "New Lead"),
    "QUEUE": QT_TRANSLATE_NOOP("VicidialStatus", "Lead To Be Called"),
    "INCALL": QT_TRANSLATE_NOOP("VicidialStatus", "Lead Being Called"),
    "DROP": QT_TRANSLATE_NOOP("VicidialStatus", "Agent Not Available"),
    "XDROP": QT_TRANSLATE_NOOP("VicidialStatus", "Agent Not Available IN"),
    "NA": QT_TRANSLATE_NOOP("VicidialStatus", "No Answer AutoDial"),
    "N": QT_TRANSLATE_NOOP("VicidialStatus", "No Answer"),
    "A": QT_TRANSLATE_NOOP("VicidialStatus", "Answering Machine"),
    "AA": QT_TRANSLATE_NOOP("VicidialStatus", "Answering Machine Auto"),
    "AB": QT_TRANSLATE_NOOP("VicidialStatus", "Busy Auto"),
    "B": QT_TRANSLATE_NOOP("VicidialStatus", "Busy"),
    "DC": QT_TRANSLATE_NOOP("VicidialStatus", "Disconnected Number"),
    "ADC": QT_TRANSLATE_NOOP("VicidialStatus", "Disconnected Number Auto"),
    "AFAX": QT_TRANSLATE_NOOP("VicidialStatus", "Fax Machine Auto"),
    "CALLBK": QT_TRANSLATE_NOOP("VicidialStatus", "Call Back"),
    "CBHOLD": QT_TRANSLATE_NOOP("VicidialStatus", "Call Back Hold"),
    "DEC": QT_TRANSLATE_NOOP("VicidialStatus", "Declined Sale"),
    "DNC": QT_TRANSLATE_NOOP("VicidialStatus", "DO NOT CALL"),
    "DNCL": QT_TRANSLATE_NOOP("VicidialStatus", "DO NOT CALL Hopper Sys Match"),
    "DNCC": QT_TRANSLATE_NOOP("VicidialStatus", "DO NOT CALL Hopper Camp Match"),
    "NI": QT_TRANSLATE_NOOP("VicidialStatus", "Not Interested"),
    "NP": QT_TRANSLATE_NOOP("VicidialStatus", "No Pitch No Price"),
    "PU": QT_TRANSLATE_NOOP("VicidialStatus", "Call Picked Up"),
    "PM": QT_TRANSLATE_NOOP("VicidialStatus", "Played Message"),
    "SALE": QT_TRANSLATE_NOOP("VicidialStatus", "Sale Made"),
    "XFER": QT_TRANSLATE_NOOP("VicidialStatus", "Call Transferred"),
    "ERI": QT_TRANSLATE_NOOP("VicidialStatus", "Agent Error"),
    "TIMEOT": QT_TRANSLATE_NOOP("VicidialStatus", "Inbound Queue Timeout Drop"),
    "AFTHRS": QT_TRANSLATE_NOOP("VicidialStatus", "Inbound After Hours Drop"),
    "NANQUE": QT_TRANSLATE_NOOP("VicidialStatus", "Inbound No Agent No Queue Drop"),
    "IVRXFR": QT_TRANSLATE_NOOP("VicidialStatus", "Outbound drop to Call Menu"),
    "LRERR": QT_TRANSLATE_NOOP("VicidialStatus", "Outbound Local Channel Res Err"),
    "PDROP": QT_TRANSLATE_NOOP("VicidialStatus", "Outbound Pre-Routing Drop"),
    "RQXFER": QT_TRANSLATE_NOOP("VicidialStatus", "Re-Queue"),
    "QVMAIL": QT_TRANSLATE_NOOP("VicidialStatus", "Queue Abandon Voicemail Left"),
    "SVYCLM": QT_TRANSLATE_NOOP("VicidialStatus", "Survey sent to Call Menu"),
    "SVYEXT": QT_TRANSLATE_NOOP("VicidialStatus", "Survey sent to Extension"),
    "SVYHU": QT_TRANSLATE_NOOP("VicidialStatus", "Survey Hungup"),
    "SVYREC": QT_TRANSLATE_NOOP("VicidialStatus", "Survey sent to Record"),
    "SVYVM": QT_TRANSLATE_NOOP("VicidialStatus", "Survey sent to Voicemail"),
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

    The name comes from the caller (:func:`territory_name` in the window's
    language)."""
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


def territory_name(code: str, language: str = "en") -> str:
    """The name of the country with ISO code ``code`` in ``language`` (CLDR
    data, through Babel): ``("MX", "es")`` -> ``México``; "" when unknown."""
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        return ""
    try:
        names = _territories(language)
    except Exception:  # a nicety: without its name the code still shows
        log.warning("No country names for %r", language, exc_info=True)
        return ""
    return names.get(code.upper(), "")


@functools.lru_cache(maxsize=4)
def _territories(language: str) -> Mapping[str, str]:
    # Imported on first use (or by the window's warm-up thread): the CLI and
    # most lookups never need it.
    import babel

    try:
        locale = babel.Locale.parse(language)
    except (ValueError, babel.UnknownLocaleError):
        locale = babel.Locale("en")
    # "ZZ" is CLDR's "Unknown Region": no country to name.
    return {
        code: name for code, name in locale.territories.items() if len(code) == 2 and code != "ZZ"
    }
