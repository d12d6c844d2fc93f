"""The committed translations follow the sources: every string lupdate finds
is in each .ts, nothing stale stays there, and a translation keeps its
source's placeholders. The .qm files and the translators are checked in
tests/gui/test_translators.py (they need Qt)."""

from __future__ import annotations

import re

import pytest

from tools import translations

RUN = "Run: .venv/bin/python tools/translations.py (then translate the new strings)."
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


@pytest.fixture(scope="module")
def extracted() -> list[translations.Message]:
    return translations.extracted()


def placeholders(text: str) -> set[str]:
    """The ``{name}`` placeholders (a translation may use one twice, not drop one)."""
    return set(_PLACEHOLDER.findall(text))


def test_the_tools_come_with_the_installed_pyside6():
    for name in ("lupdate", "lrelease"):
        assert translations.qt_tool(name).is_file()


def test_lupdate_finds_the_core_marker_and_the_ui_strings(extracted):
    """The core's QT_TRANSLATE_NOOP is a plain function in a module without Qt:
    lupdate still extracts it, as it does self.tr and QCoreApplication.translate."""
    keys = {(message.context, message.source) for message in extracted}
    assert ("errors", "No lead found for {what}.") in keys
    assert ("goapi", "the connection was refused") in keys
    assert ("MainWindow", "Look up") in keys
    assert ("app", "No dialer configured") in keys
    assert ("VicidialStatus", "Sale Made") in keys
    assert not [message for message in extracted if not message.context]


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_the_committed_ts_has_every_string_of_the_sources_and_no_other(language, extracted):
    committed = {message.key for message in translations.read_ts(translations.ts_path(language))}
    found = {message.key for message in extracted}
    missing = sorted(found - committed)
    stale = sorted(committed - found)
    report = [f"missing: [{context}] {source!r}" for context, source, _ in missing]
    report += [f"no longer in the sources: [{context}] {source!r}" for context, source, _ in stale]
    assert not report, (
        f"{translations.ts_path(language).name} is out of date:\n" + "\n".join(report) + "\n" + RUN
    )


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_every_translation_written_keeps_the_placeholders_of_its_source(language):
    """A placeholder lost or misspelt would make the window fall back to English."""
    wrong = [
        f"[{message.context}] {message.source!r} -> {message.translation!r}"
        for message in translations.read_ts(translations.ts_path(language))
        if message.translation and placeholders(message.translation) != placeholders(message.source)
    ]
    assert not wrong, "translations whose {placeholders} differ from the source:\n" + "\n".join(
        wrong
    )


def test_the_spanish_translation_is_complete():
    messages = translations.read_ts(translations.ts_path("es"))
    missing = [
        f"[{message.context}] {message.source!r}"
        for message in messages
        if not message.translation.strip() or message.unfinished
    ]
    wrong = [
        f"[{message.context}] {message.source!r} -> {message.translation!r}"
        for message in messages
        if placeholders(message.translation) != placeholders(message.source)
    ]
    assert messages
    assert not missing, f"{len(missing)} of {len(messages)} not translated:\n" + "\n".join(missing)
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_every_literal_message_is_written_where_lupdate_reads_it():
    """lupdate reads ``translate("Context", "text")`` only when both are
    literals: a literal text under a context held in a variable never reaches
    the .ts and stays English (seen with "Copy {label}")."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "screenpop"
    hidden = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and len(node.args) >= 2):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            context, text = node.args[0], node.args[1]
            if (
                name == "translate"
                and isinstance(text, ast.Constant)
                and not isinstance(context, ast.Constant)
            ):
                hidden.append(f"{path.relative_to(root.parent)}:{node.lineno}")
    assert hidden == []
