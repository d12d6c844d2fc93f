"""Core's translatable messages: Text rendering, the marker, and every error class.

The lupdate-based checks run the real ``pyside6-lupdate`` over the sources
(tools/translations.py), so "marked" means "extracted into the .ts".
"""

from __future__ import annotations

import ast
import datetime as dt
import inspect
from pathlib import Path

import pytest

from screenpop.core import errors
from screenpop.core.i18n import QT_TRANSLATE_NOOP, MarkedText, Text, as_text, placeholder_names
from tools import translations

CORE = Path(__file__).resolve().parents[3] / "screenpop" / "core"


def pseudo(context: str, source: str) -> str:
    return f"<{context}:{source}>"


# --- Text ---------------------------------------------------------------------


def test_the_marker_returns_the_text_with_its_context():
    marked = QT_TRANSLATE_NOOP("ctx", "Hello {user}")
    assert marked == "Hello {user}"
    assert isinstance(marked, str) and isinstance(marked, MarkedText)
    assert marked.context == "ctx"


def test_a_text_renders_in_english_and_translated():
    text = Text.of(QT_TRANSLATE_NOOP("ctx", "Hello {user}, {count} new"), user="ana", count="3")
    assert str(text) == "Hello ana, 3 new"
    assert text.render() == str(text)
    assert text.render(pseudo) == "<ctx:Hello ana, 3 new>"
    spanish = {("ctx", "Hello {user}, {count} new"): "{count} nuevos, {user}"}
    assert text.render(lambda c, s: spanish.get((c, s), s)) == "3 nuevos, ana"


def test_values_are_inserted_verbatim_and_nested_texts_are_translated():
    inner = Text.of(QT_TRANSLATE_NOOP("inner", "phone number {phone}"), phone="800")
    # A value that looks like a template is data: never formatted, never translated.
    outer = Text.of(QT_TRANSLATE_NOOP("outer", "No {what} for {raw}."), what=inner, raw="{x} %s")
    assert str(outer) == "No phone number 800 for {x} %s."
    assert outer.render(pseudo) == "<outer:No <inner:phone number 800> for {x} %s.>"
    assert outer.walk() == [outer, inner]


def test_a_plain_text_is_shown_as_it_is_and_never_looked_up():
    asked = []
    text = Text.plain("Already translated {braces}")
    assert text.render(lambda c, s: asked.append((c, s)) or "nope") == "Already translated {braces}"
    assert asked == []
    assert as_text("x") == Text.plain("x")
    assert as_text(text) is text


def test_capitalize_upper_cases_the_first_letter_of_the_result():
    reason = Text.of(QT_TRANSLATE_NOOP("ctx", "the keyring is locked"))
    sentence = Text.of(QT_TRANSLATE_NOOP("ctx", "{reason}, so no."), capitalize=True, reason=reason)
    assert str(sentence) == "The keyring is locked, so no."
    spanish = {("ctx", "the keyring is locked"): "el llavero está bloqueado"}
    assert (
        sentence.render(lambda c, s: spanish.get((c, s), s)) == "El llavero está bloqueado, so no."
    )


@pytest.mark.parametrize(
    "broken",
    [
        "Hola {usuario}",  # a placeholder the source does not have
        "Hola {user",  # an unmatched brace
        "Hola {user!r}",  # a conversion
        "Hola {user:>30}",  # a format spec
        "Hola {user.__class__}",  # attribute access
        "Hola {0}",  # positional
        "Hola }",
    ],
)
def test_a_translation_with_broken_placeholders_falls_back_to_english(broken):
    text = Text.of(QT_TRANSLATE_NOOP("ctx", "Hello {user}"), user="ana")
    assert text.render(lambda c, s: broken) == "Hello ana"


def test_a_translation_may_leave_a_placeholder_out_or_repeat_it():
    text = Text.of(QT_TRANSLATE_NOOP("ctx", "Hello {user}"), user="ana")
    assert text.render(lambda c, s: "Hola") == "Hola"
    assert text.render(lambda c, s: "{user}, {user}") == "ana, ana"


def test_a_translate_function_that_fails_or_returns_nothing_gives_english():
    text = Text.of(QT_TRANSLATE_NOOP("ctx", "Hello {user}"), user="ana")

    def boom(context, source):
        raise RuntimeError("no translator")

    assert text.render(boom) == "Hello ana"
    assert text.render(lambda c, s: "") == "Hello ana"
    assert text.render(lambda c, s: None) == "Hello ana"


def test_a_broken_english_template_is_shown_rather_than_raised():
    text = Text("ctx", "Hello {missing}", {})
    assert str(text) == "Hello {missing}"


def test_only_marked_templates_and_str_or_text_values_are_accepted():
    with pytest.raises(TypeError, match="not marked"):
        Text.of("Hello {user}", user="ana")
    with pytest.raises(TypeError, match="must be str or Text"):
        Text.of(QT_TRANSLATE_NOOP("ctx", "{n} items"), n=3)


def test_a_text_is_immutable_and_hashable():
    values = {"user": "ana"}
    text = Text.of(QT_TRANSLATE_NOOP("ctx", "Hello {user}"), **values)
    values["user"] = "eve"
    assert str(text) == "Hello ana"
    with pytest.raises(TypeError):
        text.params["user"] = "eve"  # type: ignore[index]
    assert hash(text) == hash(Text.of(QT_TRANSLATE_NOOP("ctx", "Hello {user}"), user="ana"))
    assert text == Text("ctx", "Hello {user}", {"user": "ana"})


def test_placeholder_names():
    assert placeholder_names("a {x} b {y} {x}") == ["x", "y", "x"]
    assert placeholder_names("no braces") == []
    assert placeholder_names("{x:>3}") is None
    assert placeholder_names("{") is None


# --- the sources: what lupdate can read ----------------------------------------


def _calls(tree: ast.AST, name: str) -> list[ast.Call]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            spelled = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if spelled == name:
                found.append(node)
    return found


def _core_sources() -> list[Path]:
    return sorted(path for path in CORE.glob("*.py") if path.name != "i18n.py")


def test_every_marker_call_in_core_is_two_plain_string_literals():
    """lupdate reads literals only: a name, an f-string or a ``+`` would be
    dropped, or extracted as a different text than Python builds."""
    problems = []
    for path in _core_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in _calls(tree, "QT_TRANSLATE_NOOP"):
            literal = len(call.args) == 2 and not call.keywords
            literal = literal and all(
                isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in call.args
            )
            if not literal:
                problems.append(f"{path.name}:{call.lineno}: {ast.unparse(call)[:80]}")
    assert not problems, "QT_TRANSLATE_NOOP needs two string literals:\n" + "\n".join(problems)


def test_core_builds_texts_only_from_marked_templates():
    """A Text made with the constructor would skip the marker, and lupdate."""
    direct = []
    for path in _core_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in _calls(tree, "Text"):
            if isinstance(call.func, ast.Name):
                direct.append(f"{path.name}:{call.lineno}: {ast.unparse(call)[:80]}")
    assert not direct, "use Text.of(QT_TRANSLATE_NOOP(...)):\n" + "\n".join(direct)


@pytest.fixture(scope="module")
def extracted() -> set[tuple[str, str]]:
    """(context, source) of every message lupdate finds in the sources now."""
    return {(message.context, message.source) for message in translations.extracted()}


# --- every error class ----------------------------------------------------------

_LOCKED_UNTIL = dt.datetime(2030, 1, 2, 3, 4, tzinfo=dt.timezone.utc)
_DETAIL = Text.of(QT_TRANSLATE_NOOP("goapi", "the connection was refused"))
# How to build each error class that makes its own message.
EXAMPLES: dict[type[errors.ScreenpopError], list[tuple]] = {
    errors.LoginIncorrect: [()],
    errors.AccountLocked: [(_LOCKED_UNTIL,)],
    errors.ApiAccessDenied: [("agent7",)],
    errors.LeadNotFound: [
        (Text.of(QT_TRANSLATE_NOOP("goapi", "phone number {phone}"), phone="8004321000"),),
        ("lead ID 7",),
    ],
    errors.NoLeadSpecified: [()],
    errors.HttpStatusError: [(404,), (599,)],
    errors.RedirectRefused: [("evil.example",), ("",)],
    errors.HtmlPageError: [()],
    errors.MalformedReply: [(Text.of(QT_TRANSLATE_NOOP("replies", "the reply was empty")),)],
    errors.UnexpectedReply: [
        (Text.of(QT_TRANSLATE_NOOP("replies", "the lead has no {name}"), name="lead_id"),)
    ],
    errors.ServerRejected: [("Whatever the server said",), ("It ended well.",)],
    errors.RequestTimeout: [(1,), (2.5,)],
    errors.ConnectFailed: [("acme.example", _DETAIL)],
    errors.HostNotFound: [("acme.example",)],
    errors.TlsError: [
        ("acme.example", Text.of(QT_TRANSLATE_NOOP("goapi", "the TLS handshake failed")))
    ],
}


def _all_subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_all_subclasses(sub)]
    return found


ERROR_CLASSES = [errors.ScreenpopError, *_all_subclasses(errors.ScreenpopError)]


def _makes_its_own_message(cls: type) -> bool:
    return inspect.signature(cls.__init__).parameters.keys() != {"self", "message"}


def test_every_error_class_that_words_its_message_has_an_example_here():
    own = {cls for cls in ERROR_CLASSES if _makes_its_own_message(cls)}
    assert own == set(EXAMPLES), "add the new error class to EXAMPLES"


@pytest.mark.parametrize(
    ("cls", "args"),
    [(cls, args) for cls, examples in EXAMPLES.items() for args in examples],
    ids=lambda value: getattr(value, "__name__", None) or repr(value)[:30],
)
def test_every_error_message_is_marked_and_is_its_user_message_in_english(cls, args, extracted):
    error = cls(*args)
    assert isinstance(error.text, Text)
    assert str(error.text) == error.user_message == str(error)
    for text in error.text.walk():
        if text.context:  # a plain Text is data, never looked up
            assert (text.context, text.template) in extracted, f"not extracted: {text.template!r}"
            assert set(placeholder_names(text.template) or []) == set(text.params)
    translated = error.text.render(pseudo)
    assert translated.startswith(f"<{error.text.context}:") and translated.endswith(">")


@pytest.mark.parametrize(
    "cls",
    [cls for cls in ERROR_CLASSES if not _makes_its_own_message(cls)],
    ids=lambda c: c.__name__,
)
def test_the_general_error_classes_carry_the_message_given(cls):
    given = Text.of(QT_TRANSLATE_NOOP("goapi", "the request failed"))
    assert cls(given).text is given
    assert cls(given).user_message == "the request failed"
    # A str is a sentence already final (UnavailableClient's reason): shown as it is.
    assert cls("Ya traducido.").text.render(pseudo) == "Ya traducido."


def test_server_text_is_a_verbatim_value_never_a_template():
    error = errors.ServerRejected("Bad {thing} %s, with ******** masked")
    assert (
        error.user_message
        == "The dialer refused the request: Bad {thing} %s, with ******** masked."
    )
    assert error.text.params["message"] == "Bad {thing} %s, with ******** masked"
    assert "Bad {thing}" in error.text.render(pseudo)
