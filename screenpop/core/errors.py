"""Every error Screenpop reports, as one tree.

Each class carries a ``user_message``: one plain sentence an agent can act on,
in English (the CLI and the logs use it), and the same sentence as ``text``, a
:class:`~screenpop.core.i18n.Text` the window shows translated. Messages are
built by Screenpop, never copied whole from the server, so the server's
``auth_message`` (which can hold SQL text) is never shown, and the password
never appears (the API client also scrubs it from any server text it quotes;
such text is put into a message as a value, verbatim, never translated).

    ScreenpopError
    ├── InputError                 what the agent typed cannot be looked up
    ├── ConfigError                the server setting is unusable
    └── DialerError                anything that went wrong asking the dialer
        ├── AuthError              never retried automatically (CLI exit 4)
        │   ├── LoginIncorrect     "Login incorrect, please try again"
        │   ├── AccountLocked      "Too many login attempts ..." (15-minute lock)
        │   └── ApiAccessDenied    "User 'X' is NOT allowed to access GOagent API"
        ├── RecordError            the login worked, the record did not (CLI exit 3)
        │   ├── LeadNotFound       "... does NOT exist on the database"
        │   └── NoLeadSpecified    "You did NOT specify a valid Lead ID"
        ├── ServerError            the server answered, but not usefully (CLI exit 5)
        │   ├── HttpStatusError    a non-2xx HTTP status
        │   ├── RedirectRefused    a redirect, never followed with the password
        │   ├── HtmlPageError      a web page instead of an API reply
        │   ├── MalformedReply     empty, truncated, oversized or unparseable body
        │   ├── UnexpectedReply    parseable, but not the shape goGetCustomerInfo gives
        │   └── ServerRejected     ``result: error`` with any other message
        └── NetworkError           no usable answer at all (CLI exit 5)
            ├── RequestTimeout     no complete answer before the deadline
            ├── ConnectFailed      connection refused, reset or unreachable
            ├── HostNotFound       the name does not resolve
            └── TlsError           certificate or handshake failure

Lower-level errors (httpx, json, XML parser) are mapped into this tree with
``raise ... from`` in :mod:`screenpop.core.goapi` and
:mod:`screenpop.core.replies`; nothing else escapes a lookup.
"""

from __future__ import annotations

import datetime as _dt
import http

from screenpop.core.i18n import QT_TRANSLATE_NOOP, Param, Text, as_text


class ScreenpopError(Exception):
    """Base of every error Screenpop reports to a user.

    ``message`` is a :class:`Text` (each class below builds its own) or, for
    a sentence the caller has already made final, a ``str`` shown as it is."""

    def __init__(self, message: str | Text) -> None:
        text = as_text(message)
        user_message = str(text)
        super().__init__(user_message)
        self.user_message = user_message
        self.text = text

    def __str__(self) -> str:
        return self.user_message


class InputError(ScreenpopError):
    """The number, URI or lead ID given cannot be looked up."""


class ConfigError(ScreenpopError):
    """A setting (usually the server address) is unusable."""


class DialerError(ScreenpopError):
    """Base of everything that can go wrong asking the dialer for a record."""


# --- authentication -------------------------------------------------------


class AuthError(DialerError):
    """The dialer refused the account. Never retried automatically: ten
    failed logins lock the agent out of the dialer for 15 minutes."""


class LoginIncorrect(AuthError):
    def __init__(self) -> None:
        super().__init__(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The dialer rejected the user name or password. Check them in Settings "
                    "(Screenpop does not retry a rejected login by itself).",
                )
            )
        )


class AccountLocked(AuthError):
    """The account is locked; ``locked_until`` is when the lock should end."""

    def __init__(self, locked_until: _dt.datetime) -> None:
        self.locked_until = locked_until
        until = locked_until.astimezone().strftime("%H:%M")
        super().__init__(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The dialer has locked this account after too many failed logins. "
                    "Try again after {until}; Screenpop will not retry by itself.",
                ),
                until=until,
            )
        )


class ApiAccessDenied(AuthError):
    def __init__(self, user: str) -> None:
        self.user = user
        super().__init__(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "User '{user}' may not use the dialer's agent API. "
                    "Ask the dialer administrator to allow API access for this user.",
                ),
                user=user,
            )
        )


# --- the record -----------------------------------------------------------


class RecordError(DialerError):
    """The login worked but there is no record to show."""


class LeadNotFound(RecordError):
    """``what`` names the search ("phone number 8004321000"), as a Text or verbatim."""

    def __init__(self, what: Param) -> None:
        self.what = str(what)
        super().__init__(
            Text.of(QT_TRANSLATE_NOOP("errors", "No lead found for {what}."), what=what)
        )


class NoLeadSpecified(RecordError):
    def __init__(self) -> None:
        super().__init__(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "errors", "The dialer says no valid phone number or lead ID was given."
                )
            )
        )


# --- the server's reply ---------------------------------------------------


class ServerError(DialerError):
    """The server answered, but with nothing Screenpop can use."""


class HttpStatusError(ServerError):
    def __init__(self, status_code: int) -> None:
        self.status_code = status_code
        # The standard English phrase is protocol vocabulary, shown as it is.
        try:
            status = f"HTTP {status_code} {http.HTTPStatus(status_code).phrase}"
        except ValueError:
            status = f"HTTP {status_code}"
        super().__init__(
            Text.of(
                QT_TRANSLATE_NOOP("errors", "The dialer answered with an error page ({status})."),
                status=status,
            )
        )


class RedirectRefused(ServerError):
    def __init__(self, location_host: str) -> None:
        self.location_host = location_host
        if location_host:
            text = Text.of(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The server redirected the request to {host}. Screenpop does not follow "
                    "redirects with your password; check the server address in Settings.",
                ),
                host=location_host,
            )
        else:
            text = Text.of(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The server redirected the request. Screenpop does not follow "
                    "redirects with your password; check the server address in Settings.",
                )
            )
        super().__init__(text)


class HtmlPageError(ServerError):
    def __init__(self) -> None:
        super().__init__(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The server sent a web page instead of an API reply. Check the server "
                    "address, or whether a network login page is in the way.",
                )
            )
        )


class MalformedReply(ServerError):
    """``detail`` says what is wrong with the reply, as a clause."""

    def __init__(self, detail: Param) -> None:
        self.detail = str(detail)
        super().__init__(
            Text.of(
                QT_TRANSLATE_NOOP("errors", "The dialer's reply could not be read: {detail}."),
                detail=detail,
            )
        )


class UnexpectedReply(ServerError):
    """``detail`` says how the reply differs from a customer record, as a clause."""

    def __init__(self, detail: Param) -> None:
        self.detail = str(detail)
        super().__init__(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "errors", "The dialer's reply is not a customer record: {detail}."
                ),
                detail=detail,
            )
        )


class ServerRejected(ServerError):
    """``result: error`` with a message Screenpop has no specific class for.

    ``server_message`` is the server's text, already scrubbed of the password
    and shortened by the caller; it is quoted verbatim."""

    def __init__(self, server_message: str) -> None:
        self.server_message = server_message
        end = "" if server_message.rstrip().endswith((".", "!", "?", "…")) else "."
        super().__init__(
            Text.of(
                QT_TRANSLATE_NOOP("errors", "The dialer refused the request: {message}{end}"),
                message=server_message,
                end=end,
            )
        )


# --- the network ----------------------------------------------------------


class NetworkError(DialerError):
    """No usable answer reached Screenpop."""


class RequestTimeout(NetworkError):
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        if seconds == 1:
            template = QT_TRANSLATE_NOOP(
                "errors", "The dialer did not answer within {seconds} second."
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "errors", "The dialer did not answer within {seconds} seconds."
            )
        super().__init__(Text.of(template, seconds=f"{seconds:g}"))


class ConnectFailed(NetworkError):
    """``detail`` says how the connection failed, as a clause."""

    def __init__(self, host: str, detail: Param) -> None:
        self.host = host
        super().__init__(
            Text.of(
                QT_TRANSLATE_NOOP("errors", "Could not connect to {host}: {detail}."),
                host=host,
                detail=detail,
            )
        )


class HostNotFound(NetworkError):
    def __init__(self, host: str) -> None:
        self.host = host
        super().__init__(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The server name '{host}' could not be found. Check the server address "
                    "and the network connection.",
                ),
                host=host,
            )
        )


class TlsError(NetworkError):
    """``detail`` says what was wrong with the secure connection, as a clause."""

    def __init__(self, host: str, detail: Param) -> None:
        self.host = host
        super().__init__(
            Text.of(
                QT_TRANSLATE_NOOP("errors", "The secure connection to {host} failed: {detail}."),
                host=host,
                detail=detail,
            )
        )
