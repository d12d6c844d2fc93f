"""The server setting -> the goAPI endpoint URL.

Agents are told their DOMAIN (``acme`` for ``https://acme.croco-dial.net``);
self-hosted GOautodial servers have a host of their own. Accept a bare
DOMAIN, a host, a base URL or the full endpoint URL, and refuse anything that
would send the password in the clear or to the wrong place.
"""

from __future__ import annotations

import ipaddress
import re
import urllib.parse

import httpx

from screenpop.core.errors import ConfigError
from screenpop.core.i18n import QT_TRANSLATE_NOOP, Text

ENDPOINT_PATH = "/goAPIv2/goAgent/goAPI.php"
CROCO_DIAL_SUFFIX = ".croco-dial.net"
_DOMAIN_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


def resolve_endpoint(server: str) -> str:
    """Return the full endpoint URL for what the agent typed as the server.

    >>> resolve_endpoint("acme")
    'https://acme.croco-dial.net/goAPIv2/goAgent/goAPI.php'
    """
    text = server.strip()
    if not text:
        raise ConfigError(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "endpoint", "No server is set. Enter your dialer's DOMAIN or its address."
                )
            )
        )
    if _DOMAIN_LABEL.match(text):
        return f"https://{text.lower()}{CROCO_DIAL_SUFFIX}{ENDPOINT_PATH}"
    if "://" not in text:
        text = "https://" + text
    return _endpoint_from_url(text)


def _endpoint_from_url(text: str) -> str:
    try:
        parts = urllib.parse.urlsplit(text)
        port = parts.port  # raises ValueError for a bad port
    except ValueError as exc:
        raise ConfigError(_not_valid(text)) from exc
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if scheme not in ("http", "https"):
        raise ConfigError(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "endpoint", "The server address must start with https:// (not {scheme}://)."
                ),
                scheme=scheme,
            )
        )
    if not host:
        raise ConfigError(
            Text.of(
                QT_TRANSLATE_NOOP("endpoint", "'{address}' has no host name."),
                address=_shorten(text),
            )
        )
    if len(host) > 253 or any(len(label) > 63 for label in host.split(".")):
        # DNS limits: such a name can never resolve.
        raise ConfigError(_not_valid(text))
    if parts.username is not None or parts.password is not None:
        raise ConfigError(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "endpoint", "Do not put a user name or password in the server address."
                )
            )
        )
    if parts.query or parts.fragment:
        raise ConfigError(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "endpoint", "The server address must not contain '?' or '#' parts."
                )
            )
        )
    if scheme == "http" and not is_loopback(host):
        raise ConfigError(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "endpoint",
                    "Plain http:// would send the password unencrypted; use https:// "
                    "(http is only allowed for this computer, e.g. the demo server).",
                )
            )
        )
    path = parts.path.rstrip("/")
    if not path.lower().endswith(".php"):
        path += ENDPOINT_PATH
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    return _checked_by_httpx(urllib.parse.urlunsplit((scheme, netloc, path, "", "")))


def _checked_by_httpx(url: str) -> str:
    """Refuse now what httpx would refuse at the first lookup (bad IDNA, 1.2.3.999...)."""
    try:
        _ = httpx.URL(url).host  # .host decodes IDNA, which is where "xn--zz" fails
    except (httpx.InvalidURL, UnicodeError, ValueError) as exc:
        raise ConfigError(_not_valid(url)) from exc
    return url


def _not_valid(address: str) -> Text:
    return Text.of(
        QT_TRANSLATE_NOOP("endpoint", "'{address}' is not a valid server address."),
        address=_shorten(address),
    )


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_loopback(host: str) -> bool:
    """True for names and addresses that never leave this computer."""
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def endpoint_host(endpoint: str) -> str:
    """The host part, for messages such as "could not connect to HOST"."""
    return urllib.parse.urlsplit(endpoint).hostname or endpoint
