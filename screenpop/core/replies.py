"""Bytes from the server -> :class:`CustomerInfo`, or an error from the tree.

The body is sniffed rather than trusted: real servers send JSON as
``text/html``, put PHP notices in front of it, answer XML when JSON was asked
for, and fall back to ``result=error;message=...;`` plain text. XML goes
through ``defusedxml`` so entity bombs and external entities are refused.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

from screenpop.core import errors
from screenpop.core.i18n import QT_TRANSLATE_NOOP, Param, Text
from screenpop.core.models import CustomerInfo, display_text
from screenpop.core.redact import scrub_secret

# The upstream lock lasts 15 minutes; used when the message gives no figure.
DEFAULT_LOCK_MINUTES = 15
# How far into a body a JSON object may start after PHP notices.
_MAX_NOISE_SCAN = 64 * 1024
_HTML_MARKERS = ("<!doctype", "<html", "<head", "<body", "<title", "<form", "<meta")
_PHP_ERROR = re.compile(r"<b>\s*(notice|warning|fatal error|parse error|deprecated)\s*</b>", re.I)
_PLAIN_TEXT_REPLY = re.compile(
    r"^\s*result=(?P<result>[^;]*);\s*message=(?P<message>.*?);?\s*$", re.I | re.S
)


def decode_body(body: bytes) -> str:
    """UTF-8 as servers should send; Windows-1252/Latin-1 as old MySQL setups do."""
    if body.startswith(b"\xef\xbb\xbf"):
        body = body[3:]
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


def parse_reply(body: bytes, *, what: Param, user: str, secret: str = "") -> CustomerInfo:
    """Parse a ``goGetCustomerInfo`` reply.

    ``what`` names the search for a not-found message ("phone number 800...");
    ``user`` names the account for an API-access message; ``secret`` (the
    password) is masked in any server text an error quotes.
    """
    payload = load_payload(decode_body(body))
    return interpret(payload, what=what, user=user, secret=secret)


def load_payload(text: str) -> Any:
    """Text -> the reply's data as JSON-like Python values."""
    stripped = text.strip()
    if not stripped:
        raise errors.MalformedReply(Text.of(QT_TRANSLATE_NOOP("replies", "the reply was empty")))
    plain = _PLAIN_TEXT_REPLY.match(stripped)
    if plain:
        return {"result": plain["result"], "message": plain["message"]}
    if _looks_like_goapi_xml(stripped):
        return _load_xml(stripped)
    if stripped[0] in '{["' or stripped[0].isdigit() or stripped in ("null", "true", "false"):
        return _load_json(stripped)
    # Anything else starts with noise: PHP notices, or a whole HTML page.
    found = _json_after_noise(stripped)
    if found is not None:
        return found
    if _PHP_ERROR.search(stripped[:_MAX_NOISE_SCAN]):
        raise errors.MalformedReply(
            Text.of(
                QT_TRANSLATE_NOOP("replies", "the server printed PHP errors instead of a reply")
            )
        )
    if _looks_like_html(stripped):
        raise errors.HtmlPageError()
    raise errors.MalformedReply(Text.of(QT_TRANSLATE_NOOP("replies", "it is neither JSON nor XML")))


class _NotJsonValue(ValueError):
    """NaN or Infinity, which Python's json would accept."""

    def __init__(self, name: str) -> None:
        super().__init__(f"{name} is not JSON")
        self.name = name


def _refuse_constant(name: str) -> Any:
    raise _NotJsonValue(name)


# Python's json accepts NaN and Infinity, and raises ValueError for integers
# of over 4,300 digits; a real server sends neither.
_DECODER = json.JSONDecoder(parse_constant=_refuse_constant)


def _load_json(text: str) -> Any:
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        # PHP notices can also follow the JSON; the object itself may be intact.
        found = _json_after_noise(text)
        if found is not None:
            return found
        if exc.msg.startswith("Unterminated string") or exc.pos >= len(text) - 1:
            raise errors.MalformedReply(
                Text.of(QT_TRANSLATE_NOOP("replies", "the reply was cut off"))
            ) from exc
        raise errors.MalformedReply(
            Text.of(
                QT_TRANSLATE_NOOP("replies", "invalid JSON at character {position}"),
                position=str(exc.pos),
            )
        ) from exc
    except RecursionError as exc:
        raise errors.MalformedReply(
            Text.of(QT_TRANSLATE_NOOP("replies", "the JSON is nested too deeply"))
        ) from exc
    except _NotJsonValue as exc:
        raise errors.MalformedReply(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "replies", "it holds a value JSON does not allow ({name} is not JSON)"
                ),
                name=exc.name,
            )
        ) from exc
    except ValueError as exc:
        # Python's own text ("use sys.set_int_max_str_digits()") means nothing to an agent.
        raise errors.MalformedReply(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "replies",
                    "it holds a value JSON does not allow (a number thousands of digits long)",
                )
            )
        ) from exc


def _json_after_noise(text: str) -> Any | None:
    """Find the JSON object that follows PHP's HTML notices, if there is one."""
    for match in re.finditer(r"\{\s*\"", text[:_MAX_NOISE_SCAN]):
        try:
            value, _end = _DECODER.raw_decode(text, match.start())
        except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
            continue
        if isinstance(value, dict) and "result" in value:
            return value
    return None


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return any(marker in head for marker in _HTML_MARKERS)


def _looks_like_goapi_xml(text: str) -> bool:
    head = text[:4096]
    return head.startswith("<?xml") or "<goautodialapi" in head


def _load_xml(text: str) -> dict[str, Any]:
    start = text.find("<?xml")
    if start < 0:
        start = text.find("<goautodialapi")
    try:
        root = safe_xml.fromstring(text[start:].encode("utf-8"), forbid_dtd=True)
    except DefusedXmlException as exc:
        raise errors.MalformedReply(
            Text.of(
                QT_TRANSLATE_NOOP("replies", "the XML holds a document type or entities, refused")
            )
        ) from exc
    except ParseError as exc:
        # The parser's own words (expat's "not well-formed (invalid token): line 1, ...").
        raise errors.MalformedReply(
            Text.of(QT_TRANSLATE_NOOP("replies", "invalid XML ({problem})"), problem=str(exc))
        ) from exc
    return _xml_to_payload(root)


def _xml_to_payload(root: Element) -> dict[str, Any]:
    """``<goautodialapi>`` -> the same dict the JSON reply would give."""
    payload: dict[str, Any] = {}
    for child in root:
        if len(child):
            payload[child.tag] = {item.tag: item.text or "" for item in child}
        elif child.tag == "custom_info":
            payload[child.tag] = None  # an empty element is PHP's null
        else:
            payload[child.tag] = child.text or ""
    return payload


def interpret(payload: Any, *, what: Param, user: str, secret: str = "") -> CustomerInfo:
    """Reply data -> record, or the specific error its ``message`` names."""
    if not isinstance(payload, Mapping):
        raise errors.UnexpectedReply(
            Text.of(
                QT_TRANSLATE_NOOP("replies", "expected an object, got {kind}"),
                kind=_kind(payload),
            )
        )
    result = payload.get("result")
    if result is None:
        raise errors.UnexpectedReply(
            Text.of(QT_TRANSLATE_NOOP("replies", "it has no '{name}'"), name="result")
        )
    if str(result).strip().lower() == "success":
        lead_info = payload.get("lead_info")
        if not isinstance(lead_info, Mapping):
            raise errors.UnexpectedReply(
                Text.of(
                    QT_TRANSLATE_NOOP("replies", "'{name}' is {kind}"),
                    name="lead_info",
                    kind=_kind(lead_info),
                )
            )
        if not display_text(lead_info.get("lead_id")):
            raise errors.UnexpectedReply(
                Text.of(QT_TRANSLATE_NOOP("replies", "the lead has no {name}"), name="lead_id")
            )
        return CustomerInfo.from_api(payload)
    message = scrub_secret(str(payload.get("message") or ""), secret)
    raise error_for_message(message, what=what, user=user)


_KINDS: dict[type, Text] = {
    dict: Text.of(QT_TRANSLATE_NOOP("replies", "an object")),
    list: Text.of(QT_TRANSLATE_NOOP("replies", "a list")),
    str: Text.of(QT_TRANSLATE_NOOP("replies", "text")),
    type(None): Text.of(QT_TRANSLATE_NOOP("replies", "null")),
    bool: Text.of(QT_TRANSLATE_NOOP("replies", "a boolean")),
}
_A_NUMBER = Text.of(QT_TRANSLATE_NOOP("replies", "a number"))


def _kind(value: Any) -> Text:
    return _KINDS.get(type(value), _A_NUMBER)


# Upstream messages, matched case-insensitively by a phrase that survives
# small wording changes between server versions.
_MESSAGE_RULES: tuple[tuple[str, Callable[[str, Param, str], errors.DialerError]], ...] = (
    ("login incorrect", lambda _m, _w, _u: errors.LoginIncorrect()),
    ("too many login attempts", lambda m, _w, _u: errors.AccountLocked(_lock_end(m))),
    ("not allowed to access", lambda _m, _w, user: errors.ApiAccessDenied(user)),
    ("does not exist", lambda _m, what, _u: errors.LeadNotFound(what)),
    ("did not specify a valid lead", lambda _m, _w, _u: errors.NoLeadSpecified()),
)


def error_for_message(message: str, *, what: Param, user: str) -> errors.DialerError:
    """``message`` is the server's, already scrubbed of the password."""
    lowered = message.lower()
    for phrase, make in _MESSAGE_RULES:
        if phrase in lowered:
            return make(message, what, user)
    if not message.strip():
        return errors.UnexpectedReply(
            Text.of(QT_TRANSLATE_NOOP("replies", "it reports an error without a message"))
        )
    return errors.ServerRejected(_shorten(message))


def _lock_end(message: str) -> dt.datetime:
    minutes = re.search(r"(\d+)\s*minute", message)
    span = int(minutes.group(1)) if minutes else DEFAULT_LOCK_MINUTES
    return dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=span)


def _shorten(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
