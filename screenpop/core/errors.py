"""Every error Screenpop reports, as one tree.

Each class carries a ``user_message``: one plain sentence an agent can act on.
Messages are built by Screenpop, never copied whole from the server, so the
server's ``auth_message`` (which can hold SQL text) is never shown, and the
password never appears (the API client also scrubs it from any server text it
quotes).

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


class ScreenpopError(Exception):
    """Base of every error Screenpop reports to a user."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message

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
            "The dialer rejected the user name or password. Check them in Settings "
            "(Screenpop does not retry a rejected login by itself)."
        )


class AccountLocked(AuthError):
    """The account is locked; ``locked_until`` is when the lock should end."""

    def __init__(self, locked_until: _dt.datetime) -> None:
        self.locked_until = locked_until
        until = locked_until.astimezone().strftime("%H:%M")
        super().__init__(
            "The dialer has locked this account after too many failed logins. "
            f"Try again after {until}; Screenpop will not retry by itself."
        )


class ApiAccessDenied(AuthError):
    def __init__(self, user: str) -> None:
        self.user = user
        super().__init__(
            f"User '{user}' may not use the dialer's agent API. "
            "Ask the dialer administrator to allow API access for this user."
        )


# --- the record -----------------------------------------------------------


class RecordError(DialerError):
    """The login worked but there is no record to show."""


class LeadNotFound(RecordError):
    def __init__(self, what: str) -> None:
        self.what = what
        super().__init__(f"No lead found for {what}.")


class NoLeadSpecified(RecordError):
    def __init__(self) -> None:
        super().__init__("The dialer says no valid phone number or lead ID was given.")


# --- the server's reply ---------------------------------------------------


class ServerError(DialerError):
    """The server answered, but with nothing Screenpop can use."""


class HttpStatusError(ServerError):
    def __init__(self, status_code: int) -> None:
        self.status_code = status_code
        try:
            text = f"HTTP {status_code} {http.HTTPStatus(status_code).phrase}"
        except ValueError:
            text = f"HTTP {status_code}"
        super().__init__(f"The dialer answered with an error page ({text}).")


class RedirectRefused(ServerError):
    def __init__(self, location_host: str) -> None:
        self.location_host = location_host
        target = f" to {location_host}" if location_host else ""
        super().__init__(
            f"The server redirected the request{target}. Screenpop does not follow "
            "redirects with your password; check the server address in Settings."
        )


class HtmlPageError(ServerError):
    def __init__(self) -> None:
        super().__init__(
            "The server sent a web page instead of an API reply. Check the server "
            "address, or whether a network login page is in the way."
        )


class MalformedReply(ServerError):
    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(f"The dialer's reply could not be read: {detail}.")


class UnexpectedReply(ServerError):
    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(f"The dialer's reply is not a customer record: {detail}.")


class ServerRejected(ServerError):
    """``result: error`` with a message Screenpop has no specific class for."""

    def __init__(self, server_message: str) -> None:
        self.server_message = server_message
        end = "" if server_message.rstrip().endswith((".", "!", "?", "…")) else "."
        super().__init__(f"The dialer refused the request: {server_message}{end}")


# --- the network ----------------------------------------------------------


class NetworkError(DialerError):
    """No usable answer reached Screenpop."""


class RequestTimeout(NetworkError):
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        unit = "second" if seconds == 1 else "seconds"
        super().__init__(f"The dialer did not answer within {seconds:g} {unit}.")


class ConnectFailed(NetworkError):
    def __init__(self, host: str, detail: str) -> None:
        self.host = host
        super().__init__(f"Could not connect to {host}: {detail}.")


class HostNotFound(NetworkError):
    def __init__(self, host: str) -> None:
        self.host = host
        super().__init__(
            f"The server name '{host}' could not be found. Check the server address "
            "and the network connection."
        )


class TlsError(NetworkError):
    def __init__(self, host: str, detail: str) -> None:
        self.host = host
        super().__init__(f"The secure connection to {host} failed: {detail}.")
