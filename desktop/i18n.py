"""The app's language: Qt translators for the app's own texts and for Qt's standard ones.

Widgets write their texts in English through ``self.tr()`` (or
``QCoreApplication.translate(context, …)`` outside a QObject) and re-render them in
``changeEvent(QEvent.LanguageChange)``, which Qt sends to every widget when
:func:`set_language` swaps the translators. ``resources/translations/facescore_<code>.ts``
holds the translations (English only for plural forms); ``scripts/update_translations.sh``
extracts new texts into them and compiles the ``.qm`` files loaded here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from core.resources import resource_path

LANGUAGES = {"en": "English", "zh_TW": "繁體中文"}  # each named in its own language
APP_CATALOGUE = "facescore"  # resources/translations/facescore_<code>.qm

_current = "en"
_installed: list[QTranslator] = []


def translations_dir():
    return resource_path("translations")


def language() -> str:
    return _current


def set_language(code: str) -> None:
    """Install ``code``'s translators; every widget then receives a LanguageChange event."""
    global _current
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; known: {', '.join(LANGUAGES)}")
    _current = code
    app = QCoreApplication.instance()
    if app is None:
        return
    while _installed:
        app.removeTranslator(_installed.pop())
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"{APP_CATALOGUE}_{code}", str(translations_dir())), (f"qtbase_{code}", qt_translations)):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)


def system_language() -> str:
    """繁體中文 for Traditional Chinese locales (Taiwan, Hong Kong, Macau), else English."""
    locale = QLocale.system()
    traditional = locale.script() == QLocale.Script.TraditionalHanScript or \
        locale.territory() in (QLocale.Country.Taiwan, QLocale.Country.HongKong, QLocale.Country.Macao)
    return "zh_TW" if locale.language() == QLocale.Language.Chinese and traditional else "en"
