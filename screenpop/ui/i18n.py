"""The window's language: Qt translators for Screenpop's strings and Qt's own.

Screenpop's strings are marked where they are written (``self.tr``,
``QCoreApplication.translate``, ``QT_TRANSLATE_NOOP``; in core, the
Qt-free :class:`~screenpop.core.i18n.Text`) and translated from
``resources/translations/screenpop_<lang>.qm``, built from the ``.ts`` that
``tools/translations.py`` keeps up to date. Qt's own strings (the line edit's
context menu, file dialogs) come from the ``qtbase_<lang>.qm`` shipped with
PySide6.

:func:`install_translators` must run before any window is built: widgets
take their texts when they are created.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from screenpop.core import config
from screenpop.core.i18n import Text
from screenpop.resources import resource_path

log = logging.getLogger(__name__)

# What a language setting may hold (the settings file's choices): "system"
# follows the desktop's language.
LANGUAGE_SETTINGS: tuple[str, ...] = config.LANGUAGES
# The languages Screenpop has a translation for; English is the source language.
LANGUAGES: tuple[str, ...] = tuple(name for name in LANGUAGE_SETTINGS if name != "system")
DEFAULT_LANGUAGE = "en"
# The object names of the translators installed here, so a second call
# replaces them instead of stacking more.
_TRANSLATOR_NAMES = ("screenpop_translator", "qtbase_translator")


def tr_text(text: Text | str) -> str:
    """A core message in the window's language (a plain ``str`` is shown as it is)."""
    if isinstance(text, str):
        return text
    return text.render(_translate)


def _translate(context: str, source: str) -> str:
    return QCoreApplication.translate(context, source)


def ui_language() -> str:
    """The language the window speaks now (the default locale's, which
    :func:`install_translators` sets), e.g. for country names."""
    return language_of(QLocale().name())


def language_of(tag: str) -> str:
    """The language part of a locale name or BCP 47 tag: ``es_MX``, ``es-Latn-MX``,
    ``es-419``, ``ES`` -> ``es``."""
    return tag.replace("-", "_").split("_", 1)[0].split(".", 1)[0].strip().lower()


def choose_language(language: str = "system", system: QLocale | None = None) -> str:
    """The translation to use for the ``language`` setting: one of
    :data:`LANGUAGES`. ``"system"`` takes the first of the desktop's preferred
    languages that Screenpop has (``system`` defaults to ``QLocale.system()``);
    anything unknown is English."""
    wanted = language.strip().lower()
    if wanted != "system":
        lang = language_of(wanted)
        return lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    locale = system if system is not None else QLocale.system()
    for tag in [*locale.uiLanguages(), locale.name()]:
        lang = language_of(tag)
        if lang in LANGUAGES:
            return lang
    return DEFAULT_LANGUAGE


def install_translators(
    app: QCoreApplication, language: str = "system", *, system: QLocale | None = None
) -> str:
    """Translate the app into ``language`` ("system", "en" or "es"); returns
    the language used ("en" when there is no translation for it).

    Installs ``screenpop_<lang>.qm`` and Qt's ``qtbase_<lang>.qm``, parented to
    ``app`` so they live as long as it does, and makes the matching locale
    the default, so numbers and dates are written the same way. Calling it
    again replaces what an earlier call installed (widgets built before keep
    their texts). ``system`` stands in for ``QLocale.system()`` (tests).
    """
    system_locale = system if system is not None else QLocale.system()
    lang = choose_language(language, system_locale)
    _remove_translators(app)
    if lang != DEFAULT_LANGUAGE and not _load(app, "screenpop_translator", _screenpop_qm(lang)):
        log.warning("No usable %s translation of Screenpop; the window stays in English", lang)
        lang = DEFAULT_LANGUAGE
    if lang != DEFAULT_LANGUAGE:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if not _load(app, "qtbase_translator", f"{qt_dir}/qtbase_{lang}.qm"):
            log.info("Qt's own %s translation was not found in %s", lang, qt_dir)
    QLocale.setDefault(_locale_for(lang, system_locale))
    return lang


def _screenpop_qm(lang: str) -> str:
    try:
        return str(resource_path("translations", f"screenpop_{lang}.qm"))
    except FileNotFoundError:
        return ""


def _load(app: QCoreApplication, name: str, path: str) -> bool:
    if not path:
        return False
    translator = QTranslator(app)
    translator.setObjectName(name)
    if not translator.load(path) or not app.installTranslator(translator):
        translator.deleteLater()
        return False
    return True


def _remove_translators(app: QCoreApplication) -> None:
    for translator in app.findChildren(QTranslator):
        if translator.objectName() in _TRANSLATOR_NAMES:
            app.removeTranslator(translator)
            translator.setObjectName("")  # not found again before it is deleted
            translator.deleteLater()


def _locale_for(lang: str, system: QLocale) -> QLocale:
    """The system's own locale when it speaks ``lang`` (es_MX stays Mexican);
    otherwise the language's main one (Qt picks the territory)."""
    if language_of(system.name()) == lang:
        return system
    return QLocale(lang)
