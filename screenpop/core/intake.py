"""What arrives (typed text, a ``tel:``/``callto:``/``sip:`` URI, a bare number)
-> a :class:`PopRequest` holding only digits for the server.

The dialer stores ``phone_number`` as national digits without the country
code (``8004321000``), so every number is brought to that form with
``phonenumbers``; the form the agent reads (``+1 800-432-1000``) is kept
beside it so the window can show both what arrived and what was searched.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass

from screenpop.core.errors import InputError
from screenpop.core.i18n import QT_TRANSLATE_NOOP, Text

URI_SCHEMES = ("tel", "callto", "sip", "sips")
MAX_INPUT_LENGTH = 512
# E.164 allows 15 digits; a little slack for national trunk prefixes.
MAX_DIGITS = 17
_SEPARATORS = re.compile(r"[\s\-.()/\u00a0\u2010-\u2015]")
# "x55", "ext. 55", "#55", and a dial pause then digits: "800-432-1000,55".
_EXTENSION = re.compile(
    r"(?:\s*(?:;\s*ext=|ext\.?|extension|x|#|,+)\s*)(?P<ext>\d{1,10})\s*$", re.I
)
_LEAD_ID_PREFIX = re.compile(r"^\s*(?:#|lead\s*(?:id)?\s*[:#]?)\s*", re.I)
_LEAD_PARAMS = ("lead_id", "leadid")
_ENTER_SOMETHING = Text.of(
    QT_TRANSLATE_NOOP("intake", "Enter a phone number or a lead ID to look up.")
)


@dataclass(frozen=True)
class PopRequest:
    """One lookup, as the agent should see it and as the server will get it."""

    raw: str
    phone: str | None = None
    lead_id: str | None = None
    extension: str | None = None
    display: str = ""

    @property
    def searched(self) -> str:
        """What was sent, for the "searched" line under the input (English)."""
        return str(self.searched_text)

    @property
    def searched_text(self) -> Text:
        """:attr:`searched`, translatable: "lead ID 14246", or the digits as they are."""
        if self.lead_id:
            return Text.of(QT_TRANSLATE_NOOP("intake", "lead ID {lead_id}"), lead_id=self.lead_id)
        return Text.plain(f"{self.phone}")

    @property
    def display_text(self) -> Text:
        """:attr:`display`, translatable: "Lead 14246" for a lead ID, else as it is."""
        if self.lead_id and not self.phone and self.display == _lead_display(self.lead_id):
            return _lead_display_text(self.lead_id)
        return Text.plain(self.display)


def _lead_display_text(lead_id: str) -> Text:
    return Text.of(QT_TRANSLATE_NOOP("intake", "Lead {lead_id}"), lead_id=lead_id)


def _lead_display(lead_id: str) -> str:
    return str(_lead_display_text(lead_id))


def parse_lead_id(text: str) -> PopRequest:
    """A lead ID typed by a supervisor: ``14246``, ``#14246`` or ``lead 14246``."""
    cleaned = _LEAD_ID_PREFIX.sub("", text).strip()
    if not cleaned:
        raise InputError(Text.of(QT_TRANSLATE_NOOP("intake", "Enter a lead ID to look up.")))
    if not (cleaned.isascii() and cleaned.isdigit()):
        raise InputError(
            Text.of(
                QT_TRANSLATE_NOOP("intake", "'{text}' is not a lead ID: a lead ID is digits only."),
                text=_shorten(text),
            )
        )
    if len(cleaned) > 20:
        raise InputError(
            Text.of(QT_TRANSLATE_NOOP("intake", "That lead ID is too long to be real."))
        )
    lead_id = str(int(cleaned))
    return PopRequest(raw=text, lead_id=lead_id, display=_lead_display(lead_id))


def parse_input(text: str, *, default_country: str = "US") -> PopRequest:
    """Text from the input bar or a link: a URI or a number in any everyday form."""
    if len(text) > MAX_INPUT_LENGTH:
        raise InputError(
            Text.of(
                QT_TRANSLATE_NOOP("intake", "That is far too long to be a phone number or link.")
            )
        )
    stripped = text.strip()
    if not stripped:
        raise InputError(_ENTER_SOMETHING)
    scheme, sep, _rest = stripped.partition(":")
    if sep and scheme.lower() in URI_SCHEMES:
        return parse_uri(stripped, default_country=default_country, raw=text)
    if sep and re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme) and not _rest.startswith(" "):
        raise InputError(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "intake", "'{scheme}:' links are not phone numbers; use tel:, callto: or sip:."
                ),
                scheme=scheme,
            )
        )
    return parse_number(stripped, default_country=default_country, raw=text)


def parse_uri(uri: str, *, default_country: str = "US", raw: str | None = None) -> PopRequest:
    """``tel:`` (RFC 3966), ``callto:`` and ``sip:``/``sips:`` with a numeric user."""
    scheme, _, rest = uri.strip().partition(":")
    scheme = scheme.lower()
    rest = rest.lstrip("/")  # tel://, callto:// seen in the wild
    if scheme in ("sip", "sips"):
        rest = rest.split("@", 1)[0]
    number, params = _split_params(urllib.parse.unquote(rest))
    for name in _LEAD_PARAMS:
        if name in params:
            request = parse_lead_id(params[name])
            return PopRequest(raw=raw or uri, lead_id=request.lead_id, display=request.display)
    context = params.get("phone-context", "")
    if not number.strip().startswith("+") and context.startswith("+"):
        number = context + number
    if not _SEPARATORS.sub("", number).strip("+"):
        raise InputError(
            Text.of(
                QT_TRANSLATE_NOOP("intake", "The {scheme}: link holds no phone number."),
                scheme=scheme,
            )
        )
    request = parse_number(number, default_country=default_country, raw=raw or uri)
    extension = params.get("ext") or request.extension
    return PopRequest(
        raw=request.raw, phone=request.phone, extension=extension, display=request.display
    )


def _split_params(text: str) -> tuple[str, dict[str, str]]:
    number, *pairs = text.split(";")
    params: dict[str, str] = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        params[name.strip().lower()] = value.strip()
    return number, params


def parse_number(text: str, *, default_country: str = "US", raw: str | None = None) -> PopRequest:
    """A number as people write it -> national digits for the dialer."""
    number = text.strip()
    extension = None
    match = _EXTENSION.search(number)
    if match and match.start() > 0:
        extension = match["ext"]
        number = number[: match.start()]
    compact = _SEPARATORS.sub("", number)
    if compact.startswith("00"):
        compact = "+" + compact[2:]  # the international prefix used outside North America
    digits = compact.removeprefix("+")
    if not digits:
        raise InputError(_ENTER_SOMETHING)
    if not (digits.isascii() and digits.isdigit()):
        raise InputError(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "intake", "'{text}' is not a phone number: use digits, spaces and - . ( ) +."
                ),
                text=_shorten(text),
            )
        )
    if len(digits) > MAX_DIGITS:
        raise InputError(
            Text.of(
                QT_TRANSLATE_NOOP("intake", "'{text}' has too many digits to be a phone number."),
                text=_shorten(text),
            )
        )
    national, display = normalize(compact, default_country)
    return PopRequest(raw=raw or text, phone=national, extension=extension, display=display)


def normalize(compact: str, default_country: str) -> tuple[str, str]:
    """``+18004321000`` or ``8004321000`` -> (``8004321000``, ``+1 800-432-1000``).

    Numbers ``phonenumbers`` cannot place (short internal numbers, test
    ranges) are searched as their digits, unchanged: the dialer may hold them.
    """
    # phonenumbers pulls in large metadata; import on first use keeps start-up fast.
    import phonenumbers

    try:
        parsed = phonenumbers.parse(compact, default_country.upper() or None)
    except phonenumbers.NumberParseException:
        return compact.removeprefix("+"), compact
    national = phonenumbers.national_significant_number(parsed)
    if parsed.country_code == 52 and len(national) == 11 and national.startswith("1"):
        # Mexico dropped the mobile "1" after +52 in 2019; people and old
        # contact lists still write it, the dialer stores the 10 digits.
        parsed = phonenumbers.parse("+52" + national[1:])
    if not phonenumbers.is_possible_number(parsed):
        return compact.removeprefix("+"), compact
    national = phonenumbers.national_significant_number(parsed)
    display = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return national, display


def _shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
