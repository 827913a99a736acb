"""The translation workflow: the .ts files hold every text of the code, each translated with the
same placeholders, the .qm files are compiled from them, every error core can raise has a text,
and switching language re-renders the window."""

from __future__ import annotations

import ast
import re
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from core.contest import Contestant, validate_contestant
from core.criteria import CriteriaError, parse_criteria, parse_mark
from core.errors import ValidationError
from core.faces import FaceQualityError
from core.quality import QualityIssue, QualityReport
from core.roster import read_roster
from core.store import ContestStore
from core.tabulation import JudgeSheet, TabulationError, tabulate
from desktop import i18n
from desktop.error_text import TEXTS, describe_error, describe_issue, describe_problem

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
ZH_TW = TRANSLATIONS / "facescore_zh_TW.ts"
EN = TRANSLATIONS / "facescore_en.ts"


def placeholders(text: str) -> tuple[set[str], bool]:
    """The {named} fields of a text, and whether it has Qt's %n count."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}, "%n" in text


def messages(path: Path):
    """(context, source, message element) of every message of a .ts file."""
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message.findtext("source"), message


def translations(message) -> list[str]:
    element = message.find("translation")
    forms = element.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [element.text or ""]


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> Path:
    """The translation files as scripts/update_translations.sh makes them from today's code."""
    folder = tmp_path_factory.mktemp("translations")
    for ts in TRANSLATIONS.glob("*.ts"):
        shutil.copy(ts, folder)
    subprocess.run(["bash", str(ROOT / "scripts" / "update_translations.sh"), str(folder)], check=True,
                   env={"VENV_BIN": str(Path(sys.executable).parent), "PATH": "/usr/bin:/bin"})
    return folder


def test_translation_files_hold_every_text_of_the_code(regenerated):
    for ts in TRANSLATIONS.glob("*.ts"):
        assert (regenerated / ts.name).read_text(encoding="utf-8") == ts.read_text(encoding="utf-8"), \
            f"{ts.name} differs from the code's texts: run scripts/update_translations.sh and translate"


def test_compiled_translations_are_current(regenerated):
    for ts in TRANSLATIONS.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        assert qm.read_bytes() == (regenerated / qm.name).read_bytes(), \
            f"{qm.name} is stale: run scripts/update_translations.sh"


def test_every_text_has_a_zh_tw_translation_with_the_same_placeholders():
    found = 0
    for context, source, message in messages(ZH_TW):
        found += 1
        assert message.find("translation").get("type") is None, f"{context}: {source!r} is not translated"
        for translation in translations(message):
            assert translation.strip(), f"{context}: {source!r} is not translated"
            assert placeholders(translation) == placeholders(source), f"{context}: {source!r}"
    assert found > 150


def test_english_plural_forms_are_written_out():
    plurals = [(source, message) for _, source, message in messages(EN)]
    assert plurals, "no text counts anything with %n"
    for source, message in plurals:
        assert message.find("translation").get("type") is None, source
        one, other = translations(message)
        assert placeholders(one) == placeholders(other) == placeholders(source)
        assert one != other and other == source, source


def english_shape(message) -> str | None:
    """A literal message of core with each {…} field as "{}"; None when it is not a literal."""
    if isinstance(message, ast.Constant) and isinstance(message.value, str):
        return message.value
    if isinstance(message, ast.JoinedStr):
        return "".join(part.value if isinstance(part, ast.Constant) else "{}" for part in message.values)
    return None


def core_codes() -> dict[str, list[tuple[set[str], str | None, str]]]:
    """Each code="…" core passes, each RosterProblem and each tabulation Mismatch: its parameters,
    the shape of its English message and where it is raised."""
    raised = {}
    for path in (ROOT / "core").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            keywords = {keyword.arg: keyword.value for keyword in node.keywords}
            code = keywords.pop("code", None)
            keywords.pop("mismatches", None)  # TabulationError's list, said one a line after its text
            where = f"{path.name}:{node.lineno}"
            if isinstance(code, ast.Constant):
                messages = [english_shape(arg) for arg in node.args]
                found = code.value, set(keywords), max(filter(None, messages), key=len, default=None)
            elif getattr(node.func, "id", "") in ("RosterProblem", "Mismatch"):
                params = next((arg for arg in node.args if isinstance(arg, ast.Dict)), ast.Dict(keys=[]))
                message = english_shape(node.args[1]) if len(node.args) > 2 else None
                found = node.args[0].value, {key.value for key in params.keys}, message
            else:
                continue
            raised.setdefault(found[0], []).append((found[1], found[2], where))
    return raised


def test_every_error_code_core_raises_has_its_english_sentence_with_its_parameters():
    """desktop/error_text.py says each code of core as core's own English does, with fields core gives."""
    raised = core_codes()
    assert len(raised) > 70
    for code, uses in raised.items():
        assert code in TEXTS, f"no text for core's error code {code!r} ({uses[0][2]}) in desktop/error_text.py"
        fields, count = placeholders(TEXTS[code])
        shape = re.sub(r"\{[^{}]*\}", "{}", TEXTS[code])
        for params, message, where in uses:
            assert fields <= params and not count, f"{code!r} ({where}): the text needs {fields - params}"
            if message is not None and code != "files_do_not_match":  # its mismatches follow on lines
                assert message == shape, f"{code!r} ({where}) says {message!r} in core but {shape!r} in the desktop"
    assert {issue.value for issue in QualityIssue} <= TEXTS.keys()


def real_errors(tmp_path):
    """Errors and problems core reports for realistic bad input."""
    errors = []
    for contestant, existing in [(Contestant(None, " ", "A"), []), (Contestant(None, "1", " "), []),
                                 (Contestant(None, "1", "B"), [Contestant(1, "1", "Ann")])]:
        with pytest.raises(ValidationError) as raised:
            validate_contestant(contestant, existing)
        errors.append(raised.value)
    with ContestStore(tmp_path / "contest.sqlite") as store:  # restoring onto a number taken since
        ann = store.add_contestant(Contestant(None, "1", "Ann"))
        store.remove_contestant(ann.id)
        store.add_contestant(Contestant(None, "1", "Bo"))
        with pytest.raises(ValidationError) as raised:
            store.restore_contestant(ann.id)
        errors.append(raised.value)
    not_a_contest = tmp_path / "notes.sqlite"
    not_a_contest.write_text("shopping list", encoding="utf-8")
    with pytest.raises(Exception) as raised:
        ContestStore(not_a_contest)
    errors.append(raised.value)
    roster = tmp_path / "roster.csv"
    roster.write_text("number,name\n1,A\n1,B\n2,\n,C\n9,D\n", encoding="utf-8")
    problems = [p for row in read_roster(roster, ["9"]).rows for p in row.problems]
    assert len(problems) == 4
    criteria = parse_criteria("Poise=40:1-10:0.5,Face=60")
    for bad in (lambda: parse_criteria("Poise=50,Face=40.5"), lambda: parse_criteria("Poise"),
                lambda: parse_criteria("Poise=100", advisory="Face"),
                lambda: parse_mark(criteria[0], "10.5"), lambda: parse_mark(criteria[0], "7.2"),
                lambda: parse_mark(criteria[0], "seven")):
        with pytest.raises(CriteriaError) as raised:
            bad()
        errors.append(raised.value)
    sheets = [JudgeSheet(f"judge{n}.sqlite", "Miss Pageant", judge, criteria, (Contestant(n, "1", "Ann"),), {})
              for n, judge in ((1, "Lee"), (2, "Lee"))]
    with pytest.raises(TabulationError) as raised:
        tabulate(sheets)
    errors.append(raised.value)
    return errors, problems


def test_english_texts_are_cores_own(qapp, tmp_path):
    i18n.set_language("en")
    errors, problems = real_errors(tmp_path)
    assert [describe_error(error) for error in errors] == [str(error) for error in errors]
    assert [describe_problem(problem) for problem in problems] == [str(problem) for problem in problems]
    assert [describe_issue(issue) for issue in QualityIssue] == [issue.message for issue in QualityIssue]


def test_errors_are_translated_by_code(qapp, tmp_path):
    errors, problems = real_errors(tmp_path)
    try:
        i18n.set_language("zh_TW")
        texts = [describe_error(error) for error in errors] + [describe_problem(p) for p in problems]
        texts += [describe_issue(issue) for issue in QualityIssue]
    finally:
        i18n.set_language("en")
    assert texts[2] == "編號 1 已由 Ann 使用。"
    assert texts[3] == "編號 1 現已由 Bo 使用；請先為 Bo 更改編號，才能恢復 Ann。"
    assert texts[4] == f"{tmp_path / 'notes.sqlite'} 不是 FaceScore 比賽檔案。"
    for text in texts:
        assert not re.search(r"[A-Za-z]{3,}", re.sub(r"Ann|FaceScore|Poise|Face|Lee|seven|\S+\.sqlite|/\S+", "", text)), text


def test_unknown_codes_fall_back_to_cores_english(qapp):
    from core.errors import StoreError

    i18n.set_language("zh_TW")
    try:
        assert describe_error(StoreError("The disk caught fire.", code="disk_on_fire")) == "The disk caught fire."
    finally:
        i18n.set_language("en")


def menu_texts(window) -> dict:
    """Every menu's title and every entry's text, submenus included."""
    texts = {}

    def walk(menu):
        texts[menu.menuAction()] = menu.title()
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator():
                texts[action] = action.text()

    for action in window.menuBar().actions():
        walk(action.menu())
    return texts


def test_every_menu_entry_is_labelled_in_both_languages(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "data", wait_for_model=False)
    english = menu_texts(window)
    assert len(english) > 30 and all(english.values())
    window.preferences.set_language("zh_TW")
    try:
        qtbot.waitUntil(lambda: window.contest_menu.title() == "比賽(&C)")
        chinese = menu_texts(window)
    finally:
        window.preferences.set_language("en")
    assert chinese.keys() == english.keys() and all(chinese.values())
    untranslated = [text for action, text in english.items()
                    if chinese[action] == text and re.search("[A-Za-z]", text) and text not in i18n.LANGUAGES.values()]
    assert untranslated == []


def test_switching_language_retranslates_and_is_remembered(qtbot, tmp_path, open_window):
    from PySide6.QtCore import Qt

    from desktop.results_model import Column
    from desktop.settings import AppSettings

    window = open_window(tmp_path / "data", wait_for_model=False)
    window.camera_panel.show_failure("not_scored", FaceQualityError(QualityReport((QualityIssue.NO_FACE,))))
    english = window.camera_panel.message
    assert english.startswith("Nothing stored: No face found")
    window.preferences.set_language("zh_TW")
    try:
        qtbot.waitUntil(lambda: window.contest_menu.title() == "比賽(&C)")
        assert window.camera_panel.message != english and not re.search("[A-Za-z]", window.camera_panel.message)
        assert window.table.model().headerData(Column.SCORE, Qt.Orientation.Horizontal) == "分數"
        assert window.capture_action.iconText() == "拍攝  [空白鍵]"
        assert window.camera_panel.camera_message.startswith("沒有攝影機")
        assert window.tabs.tabText(1) == "評審評分" and window.marks_panel.judge_button.text() == "評審姓名…"
        assert AppSettings(tmp_path / "data").language == "zh_TW"
    finally:
        window.preferences.set_language("en")
    qtbot.waitUntil(lambda: window.contest_menu.title() == "&Contest")
    assert window.camera_panel.message == english
    assert window.camera_panel.camera_message.startswith("No camera")
    assert window.marks_panel.judge_button.text() == "Judge's name…"


@pytest.mark.parametrize("name, expected", [("zh_TW", "zh_TW"), ("zh_HK", "zh_TW"), ("zh_CN", "en"),
                                            ("en_US", "en"), ("C", "en")])
def test_system_language_picks_traditional_chinese_locales(monkeypatch, name, expected):
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(name)))
    assert i18n.system_language() == expected
