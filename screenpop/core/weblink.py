""" "Open in web": a URL template with ``{field}`` placeholders, filled with a
lead's values, each URL-encoded.

A template such as ``https://acme.croco-dial.net/app/leads/{lead_id}`` is
checked when it is saved (http or https, at least one placeholder, only known
lead fields) so a typo is refused in Settings, not discovered on a call.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from urllib.parse import quote, urlsplit

from screenpop.core.errors import ConfigError
from screenpop.core.i18n import QT_TRANSLATE_NOOP, Text
from screenpop.core.models import LEAD_FIELD_NAMES

MAX_TEMPLATE_LENGTH = 2000
# Messages name placeholders such as {lead_id}; braces go into them as values,
# so translators never have to escape one.
_EXAMPLE = "{lead_id}"


def _parts(template: str) -> list[tuple[str, str | None]]:
    """(literal text, placeholder name or None) pairs; ConfigError if unreadable."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise ConfigError(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "weblink",
                    "The web link template has an unmatched brace; "
                    "write a literal brace as {open} or {close}.",
                ),
                open="{{",
                close="}}",
            )
        ) from exc
    parts: list[tuple[str, str | None]] = []
    for literal, name, spec, conversion in parsed:
        if name is not None and (spec or conversion):
            raise ConfigError(
                Text.of(
                    QT_TRANSLATE_NOOP(
                        "weblink",
                        "The web link template's placeholder {placeholder} has a format; "
                        "use the bare field name, e.g. {example}.",
                    ),
                    placeholder="{" + name + "}",
                    example=_EXAMPLE,
                )
            )
        parts.append((literal, name))
    return parts


def placeholders(template: str) -> list[str]:
    """The field names a template uses, in order."""
    return [name for _literal, name in _parts(template) if name is not None]


def check_web_url_template(template: str) -> None:
    """ConfigError unless ``template`` is "" (no link) or a usable template."""
    template = template.strip()
    if not template:
        return
    if len(template) > MAX_TEMPLATE_LENGTH:
        raise ConfigError(
            Text.of(QT_TRANSLATE_NOOP("weblink", "The web link template is too long."))
        )
    scheme = urlsplit(template).scheme.lower()
    if scheme not in ("http", "https") or not urlsplit(template).netloc:
        raise ConfigError(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "weblink", "The web link template must start with https:// (or http://)."
                )
            )
        )
    names = placeholders(template)
    if not names:
        raise ConfigError(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "weblink",
                    "The web link template needs at least one field in braces, e.g. {example}.",
                ),
                example=_EXAMPLE,
            )
        )
    unknown = sorted({name for name in names if name not in LEAD_FIELD_NAMES})
    if unknown:
        listed = ", ".join("{" + name + "}" for name in unknown)
        raise ConfigError(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "weblink",
                    "The web link template names unknown fields: {fields}. "
                    "Use lead field names such as {first}, {second} or {third}.",
                ),
                fields=listed,
                first=_EXAMPLE,
                second="{phone_number}",
                third="{list_id}",
            )
        )


def build_web_url(template: str, values: Mapping[str, str]) -> str:
    """Fill ``template``: each value URL-encoded (``/``, ``&``, ``#`` included);
    a field the record lacks becomes empty."""
    out: list[str] = []
    for literal, name in _parts(template.strip()):
        out.append(literal)
        if name is not None:
            out.append(quote(str(values.get(name, "")), safe=""))
    return "".join(out)
