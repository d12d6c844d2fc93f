"""Translatable messages without Qt.

Core builds its messages as :class:`Text`: a template marked for
translation, its context, and the values to put into it. The Qt layer
renders them through ``QCoreApplication.translate``
(:func:`screenpop.ui.i18n.tr_text`); ``str(text)`` is the English sentence the
CLI, the logs and ``ScreenpopError.user_message`` use.

Marking. ``pyside6-lupdate`` extracts every call spelled
``QT_TRANSLATE_NOOP("context", "source")`` from the ``.py`` files it scans,
whatever the function is and whether the module imports Qt at all, so core
has a marker of its own by that name. lupdate reads only string literals:
both arguments must be plain literals (no f-strings, no names), which
``tests/unit/core/test_i18n.py`` checks for every call in core. The marker
returns the text unchanged, as Qt's does, but as a ``str`` that remembers its
context, so :meth:`Text.of` needs the context written only once::

    Text.of(QT_TRANSLATE_NOOP("errors", "No lead found for {what}."), what=what)

Placeholders are ``{name}`` and nothing else (no format specs, no
attributes, no indexes). A value is either ``str``, inserted verbatim and never
translated (server text, hosts, numbers, what the agent typed), or a nested
:class:`Text`, translated in turn. A template that needs a literal brace takes
it as a value: there is no ``{{`` escaping for translators to get wrong.

Rendering never raises: a translation whose placeholders do not match the
template's (a typo in a ``.ts`` file) falls back to the English template.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

# (context, source text) -> translated text: QCoreApplication.translate fits.
Translate = Callable[[str, str], str]

_FORMATTER = string.Formatter()


class MarkedText(str):
    """A source text marked with :func:`QT_TRANSLATE_NOOP`: equal to the text
    itself, and carrying the translation context it was marked under."""

    context: str

    def __new__(cls, context: str, text: str) -> MarkedText:
        marked = super().__new__(cls, text)
        marked.context = context
        return marked


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # lupdate looks for this exact name
    """Mark ``text`` for translation under ``context``; returns ``text``.

    Both arguments must be string literals: lupdate reads the source, not
    the values."""
    return MarkedText(context, text)


def placeholder_names(template: str) -> list[str] | None:
    """The ``{name}`` placeholders of ``template`` in order, or None when it
    holds anything else in braces (a format spec, an index, an unmatched brace)."""
    names: list[str] = []
    try:
        parsed = list(_FORMATTER.parse(template))
    except ValueError:
        return None
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            return None
        names.append(name)
    return names


def _fill(template: str, values: Mapping[str, str]) -> str | None:
    """``template`` with its placeholders replaced, or None if it does not fit ``values``."""
    out: list[str] = []
    try:
        parsed = list(_FORMATTER.parse(template))
    except ValueError:
        return None
    for literal, name, spec, conversion in parsed:
        out.append(literal)
        if name is None:
            continue
        if spec or conversion or name not in values:
            return None
        out.append(values[name])
    return "".join(out)


@dataclass(frozen=True)
class Text:
    """A message to show: ``template`` (marked for translation under
    ``context``) filled with ``params``. ``capitalize`` upper-cases the first
    letter of the result, for a sentence that starts with a clause given as a
    value ("{reason}, so ...")."""

    context: str
    template: str
    params: Mapping[str, Param] = field(default_factory=dict)
    capitalize: bool = False

    def __post_init__(self) -> None:
        for name, value in self.params.items():
            if not isinstance(value, (str, Text)):
                raise TypeError(f"the value of {{{name}}} must be str or Text, not {type(value)}")
        # Read-only, so a Text shared by many errors cannot be changed through one.
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    @classmethod
    def of(cls, template: str, /, *, capitalize: bool = False, **params: Param) -> Text:
        """A Text from a template marked with :func:`QT_TRANSLATE_NOOP` (its
        context comes with it). An unmarked template is a programming error."""
        if not isinstance(template, MarkedText):
            raise TypeError(f"not marked for translation: {template!r}")
        return cls(template.context, str(template), params, capitalize)

    @classmethod
    def plain(cls, text: str) -> Text:
        """Text that is shown as it is, never translated (data, or a sentence
        the caller has already translated)."""
        return cls("", "{text}", {"text": text})

    def __hash__(self) -> int:
        return hash((self.context, self.template, tuple(self.params.items()), self.capitalize))

    def __str__(self) -> str:
        return self.render()

    def render(self, translate: Translate | None = None) -> str:
        """The message, translated by ``translate`` when given (English otherwise).

        Never raises: a translation that fails, or whose placeholders do not
        fit the values, gives way to the English template."""
        values = {
            name: value.render(translate) if isinstance(value, Text) else value
            for name, value in self.params.items()
        }
        result = None
        if translate is not None and self.context:
            try:
                translated = translate(self.context, self.template)
            except Exception:
                translated = ""
            if translated and isinstance(translated, str):
                result = _fill(translated, values)
        if result is None:
            result = _fill(self.template, values)
        if result is None:
            result = self.template  # a broken English template: a bug, shown rather than raised
        if self.capitalize:
            result = result[:1].upper() + result[1:]
        return result

    def walk(self) -> list[Text]:
        """This Text and every Text nested in its values, depth first."""
        found = [self]
        for value in self.params.values():
            if isinstance(value, Text):
                found += value.walk()
        return found


# A value put into a template: verbatim text, or a message translated in turn.
Param = str | Text


def as_text(message: str | Text) -> Text:
    """``message`` as a Text; a plain ``str`` is taken as already final."""
    return message if isinstance(message, Text) else Text.plain(message)
