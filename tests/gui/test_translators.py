"""The shipped .qm matches its .ts, and install_translators picks the language:
the system's (es_MX, es-ES, es -> Spanish), English, or English for anything
Screenpop has no translation for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from screenpop.core import errors
from screenpop.core.goapi import Query
from screenpop.ui import i18n
from screenpop.ui.i18n import choose_language, install_translators, language_of, tr_text
from screenpop.ui.main_window import MainWindow
from tools import translations

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app(qapp):
    """The application, given back in English with its default locale as it was."""
    before = QLocale()
    yield qapp
    install_translators(qapp, "en")
    QLocale.setDefault(before)


def installed(app) -> list[str]:
    return sorted(
        translator.objectName()
        for translator in app.findChildren(QTranslator)
        if translator.objectName()
    )


def lookup_button_text(qtbot) -> str:
    window = MainWindow(render_marker=False)
    qtbot.addWidget(window)
    return window.findChild(QPushButton, "lookup_button").text()


# --- the .qm ------------------------------------------------------------------


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_the_committed_qm_is_built_from_the_committed_ts(language, tmp_path, qapp):
    fresh = tmp_path / f"screenpop_{language}.qm"
    translations.lrelease(translations.ts_path(language), fresh)
    committed = translations.qm_path(language)
    if fresh.read_bytes() == committed.read_bytes():
        return
    # Another lrelease may lay the file out differently: what it translates must agree.
    old, new = QTranslator(), QTranslator()
    assert old.load(str(committed)) and new.load(str(fresh))
    differing = [
        f"[{message.context}] {message.source!r}"
        for message in translations.read_ts(translations.ts_path(language))
        if old.translate(message.context, message.source)
        != new.translate(message.context, message.source)
    ]
    assert not differing, (
        f"{committed.name} is not built from the .ts:\n"
        + "\n".join(differing)
        + "\nRun: .venv/bin/python tools/translations.py"
    )


# --- choosing the language ----------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("es_MX", "es"),
        ("es-ES", "es"),
        ("es", "es"),
        ("es-419", "es"),
        ("es-Latn-MX", "es"),
        ("ES", "es"),
        ("es_MX.UTF-8", "es"),
        ("en_US", "en"),
        ("C", "c"),
        ("", ""),
    ],
)
def test_the_language_of_a_locale_name(tag, language):
    assert language_of(tag) == language


@pytest.mark.parametrize(
    ("setting", "system", "chosen"),
    [
        ("system", "es_MX", "es"),
        ("system", "es_ES", "es"),
        ("system", "en_GB", "en"),
        ("system", "fr_FR", "en"),  # no French: English stays the default
        ("system", "C", "en"),
        ("es", "en_US", "es"),
        ("en", "es_MX", "en"),
        ("es-MX", "en_US", "es"),
        ("fr", "es_MX", "en"),
        ("", "es_MX", "en"),
    ],
)
def test_the_language_chosen(setting, system, chosen):
    assert choose_language(setting, QLocale(system)) == chosen


# --- installing ----------------------------------------------------------------


def test_a_spanish_system_gets_the_spanish_window_and_locale(app, qtbot):
    assert install_translators(app, "system", system=QLocale("es_MX")) == "es"
    assert installed(app) == ["qtbase_translator", "screenpop_translator"]
    assert lookup_button_text(qtbot) == "Buscar"
    assert QCoreApplication.translate("MainWindow", "Settings…") == "Configuración…"
    # Core's messages, nested clause included; the data stays as it is.
    error = errors.LeadNotFound(Query(phone="8004321000").describe_text())
    assert error.user_message == "No lead found for phone number 8004321000."
    assert tr_text(error.text) == (
        "No se encontró ningún registro para el número de teléfono 8004321000."
    )
    # Qt's own strings come from qtbase_es.qm.
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancelar"
    # Numbers and dates follow the system's own Spanish (Mexico's).
    assert QLocale().name() == "es_MX"


def test_spanish_chosen_on_an_english_system(app, qtbot):
    assert install_translators(app, "es", system=QLocale("en_US")) == "es"
    assert lookup_button_text(qtbot) == "Buscar"
    assert QLocale().language() == QLocale.Language.Spanish


def test_english_chosen_on_a_spanish_system(app, qtbot):
    install_translators(app, "es", system=QLocale("es_MX"))
    assert install_translators(app, "en", system=QLocale("es_MX")) == "en"
    assert installed(app) == []
    assert lookup_button_text(qtbot) == "Look up"
    assert QLocale().language() == QLocale.Language.English


@pytest.mark.parametrize(("setting", "system"), [("system", "fr_FR"), ("fr", "es_MX"), ("x", "C")])
def test_a_language_without_a_translation_is_english(app, qtbot, setting, system):
    assert install_translators(app, setting, system=QLocale(system)) == "en"
    assert installed(app) == []
    assert lookup_button_text(qtbot) == "Look up"


def test_installing_again_replaces_the_translators(app):
    for _ in range(3):
        install_translators(app, "es")
    assert installed(app) == ["qtbase_translator", "screenpop_translator"]


def test_a_missing_translation_file_leaves_the_window_in_english(app, monkeypatch, qtbot):
    monkeypatch.setattr(i18n, "_screenpop_qm", lambda lang: "")
    assert install_translators(app, "es") == "en"
    assert installed(app) == []
    assert lookup_button_text(qtbot) == "Look up"


_PROBE = """
from PySide6.QtWidgets import QApplication, QPushButton
from screenpop.ui.i18n import install_translators
from screenpop.ui.main_window import MainWindow
app = QApplication([])
language = install_translators(app)
button = MainWindow(render_marker=False).findChild(QPushButton, "lookup_button")
print(language, button.text(), sep="|")
"""


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "es_MX.UTF-8", "LANGUAGE": "es_MX:es"}, "es|Buscar"),
        ({"LANG": "es_ES.UTF-8"}, "es|Buscar"),
        ({"LANG": "de_DE.UTF-8"}, "en|Look up"),
        ({"LANG": "C"}, "en|Look up"),
    ],
)
def test_the_system_language_comes_from_the_environment(environment, expected):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("LC_") and key not in ("LANG", "LANGUAGE")
    }
    env.update(environment, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == expected


def test_country_names_follow_the_window_language(app, qtbot):
    from screenpop.ui.lead_view import country_name

    install_translators(app, "es", system=QLocale("en_US"))
    assert (country_name("MX"), country_name("de"), country_name("US")) == (
        "México",
        "Alemania",
        "Estados Unidos",
    )
    install_translators(app, "en", system=QLocale("en_US"))
    assert (country_name("MX"), country_name("DE")) == ("Mexico", "Germany")
    assert country_name("ZZ") == country_name("1A") == country_name("") == ""
