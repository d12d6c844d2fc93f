"""Keep the translations in resources/translations up to date with the sources.

    .venv/bin/python tools/translations.py           # update every .ts, build every .qm
    .venv/bin/python tools/translations.py --check   # only say whether they are up to date

``pyside6-lupdate`` reads every ``.py`` file under ``screenpop/``: ``self.tr``,
``QCoreApplication.translate``, Qt's ``QT_TRANSLATE_NOOP`` and core's own
marker of that name (:mod:`screenpop.core.i18n`). Strings no longer in the
sources are dropped (``-no-obsolete``); translations already written are kept.
The ``.ts`` files carry no source locations and their messages are sorted, so
moving code does not touch them and two branches adding strings rarely
conflict. ``pyside6-lrelease`` then builds each ``.qm``, the file the app
loads; unfinished translations are left out of it, so a half-done string
shows in English rather than wrong.

Both files are committed: the app runs from a plain ``pip install -e .``, with
no build step. The tools come with PySide6 (PySide6-Essentials); they are
found next to the installed PySide6 package, not on PATH.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = "screenpop"
TRANSLATIONS = ROOT / "resources" / "translations"
# Every language Screenpop ships a translation for (English is the source).
LANGUAGES = ("es",)
LUPDATE_OPTIONS = (
    "-extensions",
    "py",
    "-no-obsolete",
    "-locations",
    "none",
    "-sort-messages",
    "-source-language",
    "en",
)


@dataclass(frozen=True)
class Message:
    """One message of a ``.ts`` file."""

    context: str
    source: str
    comment: str
    translation: str
    unfinished: bool

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"screenpop_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"screenpop_{language}.qm"


def qt_tool(name: str) -> Path:
    """``lupdate`` or ``lrelease`` as shipped inside the installed PySide6 wheel."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise FileNotFoundError(
        f"{name} is not in {folder}; it comes with PySide6-Essentials (pip install -e '.[test]')"
    )


def _run(command: list[str]) -> None:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(
            f"{Path(command[0]).name} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
        )


def lupdate(ts: Path, language: str) -> None:
    """Merge the sources' strings into ``ts`` (created when missing)."""
    _run(
        [
            str(qt_tool("lupdate")),
            *LUPDATE_OPTIONS,
            "-target-language",
            language,
            "-silent",
            SOURCES,
            "-ts",
            str(ts),
        ]
    )


def lrelease(ts: Path, qm: Path) -> None:
    """Build ``qm`` from ``ts``, finished translations only."""
    _run([str(qt_tool("lrelease")), "-silent", "-nounfinished", str(ts), "-qm", str(qm)])


def read_ts(ts: Path) -> list[Message]:
    """The messages of a ``.ts`` file (our own file: a plain XML parser will do)."""
    messages = []
    root = ElementTree.parse(ts).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    translation=(translation.text or "") if translation is not None else "",
                    unfinished=translation is not None
                    and translation.get("type") in ("unfinished", "vanished", "obsolete"),
                )
            )
    return messages


def extracted(language: str = "es") -> list[Message]:
    """What lupdate finds in the sources now, in a fresh file (nothing translated)."""
    with tempfile.TemporaryDirectory(prefix="screenpop-ts-") as folder:
        ts = Path(folder) / f"screenpop_{language}.ts"
        lupdate(ts, language)
        return read_ts(ts)


def differences(language: str) -> list[str]:
    """What is out of date for ``language``, in words; empty when nothing is."""
    problems: list[str] = []
    committed_ts, committed_qm = ts_path(language), qm_path(language)
    if not committed_ts.exists():
        return [f"{committed_ts.relative_to(ROOT)} is missing"]
    with tempfile.TemporaryDirectory(prefix="screenpop-ts-") as folder:
        fresh_ts = Path(folder) / committed_ts.name
        shutil.copyfile(committed_ts, fresh_ts)
        lupdate(fresh_ts, language)
        if fresh_ts.read_bytes() != committed_ts.read_bytes():
            problems.append(f"{committed_ts.relative_to(ROOT)} is not what lupdate makes of it")
        if not committed_qm.exists():
            problems.append(f"{committed_qm.relative_to(ROOT)} is missing")
        else:
            fresh_qm = Path(folder) / committed_qm.name
            lrelease(committed_ts, fresh_qm)
            if fresh_qm.read_bytes() != committed_qm.read_bytes():
                problems.append(f"{committed_qm.relative_to(ROOT)} is not built from the .ts")
    return problems


def update(language: str) -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    lupdate(ts_path(language), language)
    lrelease(ts_path(language), qm_path(language))
    messages = read_ts(ts_path(language))
    done = sum(1 for message in messages if message.translation and not message.unfinished)
    print(f"{ts_path(language).relative_to(ROOT)}: {done} of {len(messages)} translated")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if anything is out of date"
    )
    args = parser.parse_args(argv)
    if args.check:
        problems = [problem for language in LANGUAGES for problem in differences(language)]
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print("Run: .venv/bin/python tools/translations.py", file=sys.stderr)
        return 1 if problems else 0
    for language in LANGUAGES:
        update(language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
