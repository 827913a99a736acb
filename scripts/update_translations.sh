#!/usr/bin/env bash
# Run after adding or changing a user-visible text in desktop/: extracts every self.tr() /
# QCoreApplication.translate() / QT_TRANSLATE_NOOP() text into the translation files (new texts
# come in unfinished), then compiles them into the .qm files the app loads. Translate the new
# texts (pyside6-linguist resources/translations/facescore_zh_TW.ts, or edit the XML: fill
# <translation> and remove type="unfinished"), then run this again. README: "Translations".
# Argument: the folder of the .ts files (default resources/translations; the tests use a copy).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV_BIN:-.venv/bin}"
FOLDER="${1:-resources/translations}"
OPTIONS=(-silent -locations none -no-obsolete -extensions py desktop)
"$BIN/pyside6-lupdate" "${OPTIONS[@]}" -source-language en -target-language zh_TW -ts "$FOLDER/facescore_zh_TW.ts"
# English needs only the plural forms ("1 capture", "2 captures"); every other text is its own source.
"$BIN/pyside6-lupdate" "${OPTIONS[@]}" -pluralonly -source-language en -target-language en \
    -ts "$FOLDER/facescore_en.ts"
for ts in "$FOLDER"/*.ts; do
    "$BIN/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
