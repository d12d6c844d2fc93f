"""Keep the password out of text that leaves Screenpop's hands.

Server text is quoted in error messages, and a hostile or buggy server can
echo what it was sent: cut, re-spaced, URL-encoded, or stripped the way the
goAPI server strips passwords (``' " \\ ;`` and spaces, per API-NOTES).
Every such form is masked, and so is any word of four or more characters
that is a piece of the password: over-masking a word costs nothing, showing
half a password costs a lot.
"""

from __future__ import annotations

import logging
import re
import urllib.parse

MASK = "********"
# Shorter pieces would mask ordinary words for short passwords, and reveal little.
_MIN_FRAGMENT = 4
_SERVER_STRIPPED = str.maketrans("", "", "'\"\\; ")
_WORD = re.compile(r"[^\s;,=:'\"()<>\[\]{}]+")
_LETTERS = re.compile(r"\w+")
# goPass in a query string or form body (httpx logs request URLs at INFO),
# masked even when the filter was never told the password.
_GOPASS_VALUE = re.compile(r"(goPass=)[^&\s\"'<>]*", re.IGNORECASE)


def secret_forms(secret: str) -> set[str]:
    """The spellings of ``secret`` that may turn up in echoed text."""
    forms = {
        secret,
        urllib.parse.quote(secret, safe=""),
        urllib.parse.quote_plus(secret),
        " ".join(secret.split()),
        secret.translate(_SERVER_STRIPPED),
    }
    return {form for form in forms if form}


def scrub_secret(text: str, secret: str) -> str:
    """``text`` with every form and every sizeable piece of ``secret`` masked.

    Case is ignored: host names and some servers lower-case what they echo.
    """
    if not secret:
        return text
    forms = sorted(secret_forms(secret), key=len, reverse=True)
    for form in forms:
        text = re.sub(re.escape(form), MASK, text, flags=re.IGNORECASE)
    folded = [form.casefold() for form in forms]

    def mask_piece(match: re.Match[str]) -> str:
        word = match.group(0)
        if len(word) >= _MIN_FRAGMENT and any(word.casefold() in form for form in folded):
            return MASK
        return word

    # Whole words first, then the letter-and-digit runs inside them ("Secret!").
    return _LETTERS.sub(mask_piece, _WORD.sub(mask_piece, text))


class SecretFilter(logging.Filter):
    """A logging filter that masks secrets in every record a handler writes,
    exception text included. Attach it to handlers, not loggers: a logger's
    filters do not see records that propagate from its children."""

    def __init__(self) -> None:
        super().__init__()
        self._secrets: set[str] = set()

    def add_secret(self, secret: str) -> None:
        if secret:
            self._secrets.add(secret)

    def scrub(self, text: str) -> str:
        # Known secrets first: a password holding "&" would otherwise be cut
        # in two by the goPass= rule, and its tail no longer recognised.
        for secret in self._secrets:
            text = scrub_secret(text, secret)
        return _GOPASS_VALUE.sub(rf"\g<1>{MASK}", text)

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = self.scrub(record.getMessage()), None
        if record.exc_info:
            formatted = logging.Formatter().formatException(record.exc_info)
            record.exc_text, record.exc_info = self.scrub(formatted), None
        elif record.exc_text:
            record.exc_text = self.scrub(record.exc_text)
        return True
