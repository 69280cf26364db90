"""Both languages have every key with the same variables, and everything renders."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from fluent.syntax import FluentParser
from fluent.syntax.ast import Message, VariableReference
from fluent.syntax.visitor import Visitor

from messages import LANGUAGES, Catalog, format_clock, format_day, language_from_telegram


class _Variables(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.found: set[str] = set()

    def visit_VariableReference(self, node: VariableReference) -> None:
        self.found.add(node.id.name)


def _variables_by_key(catalog: Catalog, language: str) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for name, source in catalog.sources.items():
        if not name.startswith(f"{language}/"):
            continue
        for entry in FluentParser().parse(source).body:
            if isinstance(entry, Message):
                visitor = _Variables()
                visitor.visit(entry)
                result[entry.id.name] = visitor.found
    return result


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load()


def test_both_languages_have_the_same_keys(catalog: Catalog) -> None:
    assert catalog.keys("ky") == catalog.keys("ru")
    assert len(catalog.keys("ky")) > 50


def test_both_languages_use_the_same_variables(catalog: Catalog) -> None:
    ky = _variables_by_key(catalog, "ky")
    ru = _variables_by_key(catalog, "ru")
    differing = {key: (ky[key], ru.get(key)) for key in ky if ky[key] != ru.get(key)}
    assert differing == {}


def test_every_message_renders_in_both_languages(catalog: Catalog) -> None:
    for language in LANGUAGES:
        variables = _variables_by_key(catalog, language)
        for key, names in variables.items():
            text = catalog.text(language, key, **{name: 3 for name in names})
            assert text.strip(), key
            assert "{" not in text, (language, key, text)


def test_missing_key_fails_loudly(catalog: Catalog) -> None:
    with pytest.raises(KeyError):
        catalog.text("ky", "no-such-key")


def test_kyrgyz_keeps_its_own_letters(catalog: Catalog) -> None:
    kyrgyz = "\n".join(text for name, text in catalog.sources.items() if name.startswith("ky/"))
    assert {"ң", "ө", "ү"} <= set(kyrgyz)
    # The words most often typed with Russian letters instead of ң ө ү.
    for wrong in ("окмот", "танданыз", "озунуз", "уюм ", "кызмат корсот"):
        assert wrong not in kyrgyz.lower(), wrong


@pytest.mark.parametrize(
    ("length", "expected"),
    [
        (1, "1 знак)"),
        (2, "2 знака)"),
        (5, "5 знаков)"),
        (11, "11 знаков)"),
        (21, "21 знак)"),
        (104, "104 знака)"),
        (301, "301 знак)"),
    ],
)
def test_russian_plurals(catalog: Catalog, length: int, expected: str) -> None:
    text = catalog.text("ru", "reg-organisation-too-long", length=length, max=100)
    assert expected in text
    assert text.endswith("до 100 знаков.")


def test_kyrgyz_nouns_stay_singular_after_numbers(catalog: Catalog) -> None:
    text = catalog.text("ky", "reg-organisation-too-long", length=301, max=100)
    assert "301 белги" in text and "белгилер" not in text


def test_dates_per_language() -> None:
    moment = datetime(2019, 7, 10, 3, 30, tzinfo=UTC)  # 09:30 in Bishkek
    zone = ZoneInfo("Asia/Bishkek")
    assert format_day(moment, "ky", zone) == "2019-ж., 10-июль, шаршемби"
    # Babel puts a narrow no-break space before «г.», which keeps it on the year's line.
    assert format_day(moment, "ru", zone) == "среда, 10 июля 2019\u202fг."
    assert format_clock(moment, "ru", zone) == "09:30"


@pytest.mark.parametrize(
    ("code", "expected"), [("ru", "ru"), ("ru-RU", "ru"), ("ky", "ky"), ("en", "ky"), (None, "ky")]
)
def test_language_from_telegram(code: str | None, expected: str) -> None:
    assert language_from_telegram(code, "ky") == expected


def test_no_text_outside_messages() -> None:
    """Handlers pass catalog keys, never Cyrillic literals, to people."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    cyrillic = re.compile(r"[А-Яа-яЁёҢңӨөҮү]")
    offenders = [
        str(path.relative_to(root))
        for folder in ("handlers", "bot")
        for path in (root / folder).rglob("*.py")
        # names.py holds the prefixes it strips when matching typed names: patterns, not texts.
        if path.name != "names.py"
        and any(
            cyrillic.search(line) and not line.lstrip().startswith(("#", '"""'))
            for line in path.read_text("utf-8").splitlines()
            if '"""' not in line
        )
    ]
    assert offenders == []
