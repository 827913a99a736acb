"""Both languages cover every message the code uses, with the same placeholders; core's
English sentences are all recognised; switching language retranslates the window."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from core.contest import Contestant, validate_contestant
from core.errors import ValidationError
from core.quality import QualityIssue
from core.roster import read_roster
from core.store import ContestStore
from desktop import i18n
from desktop.about_dialog import GROUPS

DESKTOP = Path(i18n.__file__).parent
KEY = re.compile(r"^[a-z]+\.[a-z_0-9A-Z]+$")
NAMESPACES = {key.split(".")[0] for key in i18n.EN}
DYNAMIC_KEYS = {f"quality.{issue.value}" for issue in QualityIssue} | {f"group.{group}" for group in GROUPS}


def keys_in_code() -> set[str]:
    """Every string literal shaped like a message id, outside the message tables themselves."""
    keys = set()
    for path in DESKTOP.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        tables = [node for node in tree.body if isinstance(node, ast.Assign)
                  and any(getattr(target, "id", "") in ("EN", "ZH_TW") for target in node.targets)]
        skipped = {id(node) for table in tables for node in ast.walk(table)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped \
                    and KEY.match(node.value) and node.value.split(".")[0] in NAMESPACES:
                keys.add(node.value)
    return keys


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_every_key_used_and_no_other():
    used = keys_in_code() | DYNAMIC_KEYS
    for code, messages in i18n.MESSAGES.items():
        assert used - messages.keys() == set(), f"{code} lacks these keys"
        assert messages.keys() - used == set(), f"{code} has unused keys"


def test_placeholders_match_between_languages():
    for key, english in i18n.EN.items():
        assert placeholders(i18n.ZH_TW[key]) == placeholders(english), key


def test_english_quality_messages_are_cores():
    i18n.set_language("en")
    for issue in QualityIssue:
        assert i18n.quality_message(issue) == issue.message


def test_cores_validation_and_roster_sentences_are_translated(tmp_path):
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
    roster = tmp_path / "roster.csv"
    roster.write_text("number,name\n1,A\n1,B\n2,\n,C\n9,D\n", encoding="utf-8")
    problems = [p for row in read_roster(roster, ["9"]).rows for p in row.problems]
    assert len(problems) == 4
    roster.write_text('number,name\n7,E\n007,F\n09,G\n12,"H\n13,I\n', encoding="utf-8")
    problems += [p for row in read_roster(roster, ["9"]).rows for p in row.problems]
    assert len(problems) == 7
    try:
        i18n.set_language("zh_TW")
        texts = [i18n.describe_error(error) for error in errors] + [i18n.roster_problem(p) for p in problems]
    finally:
        i18n.set_language("en")
    assert texts[2] == "編號 1 已由 Ann 使用。"
    assert texts[3] == "編號 1 現已由 Bo 使用；請先為 Bo 更改編號，才能恢復 Ann。"
    for text in texts:
        assert not re.search(r"[A-Za-z]{3,}", text.replace("Ann", "")), text


def test_switching_language_retranslates_and_is_remembered(qtbot, tmp_path, open_window):
    from PySide6.QtCore import Qt

    from desktop.results_model import Column
    from desktop.settings import AppSettings

    window = open_window(tmp_path / "data", wait_for_model=False)
    window.set_language("zh_TW")
    try:
        assert window.contest_menu.title() == "比賽(&C)"
        assert window.table.model().headerData(Column.SCORE, Qt.Orientation.Horizontal) == "分數"
        assert window.capture_action.iconText() == "拍攝  [空白鍵]"
        assert AppSettings(tmp_path / "data").language == "zh_TW"
    finally:
        window.set_language("en")
    assert window.contest_menu.title() == "&Contest"


@pytest.mark.parametrize("name, expected", [("zh_TW", "zh_TW"), ("zh_HK", "zh_TW"), ("zh_CN", "en"),
                                            ("en_US", "en"), ("C", "en")])
def test_system_language_picks_traditional_chinese_locales(monkeypatch, name, expected):
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(name)))
    assert i18n.system_language() == expected
