"""Every text a person reads, in Kyrgyz and Russian, from Fluent files in this package."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from importlib import resources
from typing import Literal, TypeGuard, cast
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time
from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax.ast import Junk

Language = Literal["ky", "ru"]
LANGUAGES: tuple[Language, ...] = ("ky", "ru")

TextArg = str | int


def is_language(value: object) -> TypeGuard[Language]:
    """True for a language code the bot speaks."""
    return value in LANGUAGES


def as_language(value: str | None) -> Language:
    """A stored language code as the bot's Language; "ky" for anything it does not speak."""
    return value if is_language(value) else "ky"


def language_from_telegram(code: str | None, default: Language) -> Language:
    """Pick ky or ru from a Telegram `language_code` such as "ru-RU"; default when unknown."""
    if code:
        base = code.split("-")[0].lower()
        if is_language(base):
            return base
    return default


class MessageMissing(KeyError):
    """A key that one of the catalogs lacks."""


class Catalog:
    """Fluent bundles per language, loaded from `messages/<lang>/*.ftl`."""

    def __init__(self, bundles: Mapping[Language, FluentBundle], sources: Mapping[str, str]):
        self._bundles = bundles
        self.sources = sources

    @classmethod
    def load(cls) -> Catalog:
        """Read every .ftl file of both languages; a syntax error fails loudly."""
        bundles: dict[Language, FluentBundle] = {}
        sources: dict[str, str] = {}
        root = resources.files("messages")
        for language in LANGUAGES:
            # Isolation marks (U+2068/U+2069) show as boxes on older phones: leave them out.
            bundle = FluentBundle([language], use_isolating=False)
            for entry in sorted(root.joinpath(language).iterdir(), key=lambda e: e.name):
                if not entry.name.endswith(".ftl"):
                    continue
                text = entry.read_text("utf-8")
                resource = FluentResource(text)
                junk = [item for item in resource.body if isinstance(item, Junk)]
                if junk:
                    raise ValueError(f"{language}/{entry.name}: cannot parse {junk[0].content!r}")
                bundle.add_resource(resource)
                sources[f"{language}/{entry.name}"] = text
            bundles[language] = bundle
        return cls(bundles, sources)

    def keys(self, language: Language) -> set[str]:
        """Every message id in one language."""
        return set(self._bundles[language]._messages)

    def text(self, language: Language, key: str, **args: TextArg) -> str:
        """The message `key` in `language`, with its variables filled in."""
        bundle = self._bundles[language]
        if not bundle.has_message(key):
            raise MessageMissing(f"{language}: {key}")
        message = bundle.get_message(key)
        if message.value is None:
            raise MessageMissing(f"{language}: {key} has no value")
        text, errors = bundle.format_pattern(message.value, dict(args))
        if errors:
            raise ValueError(f"{language}: {key}: {errors}")
        return cast(str, text)

    def both(self, key: str, **args: TextArg) -> str:
        """The message in Kyrgyz and Russian, one under the other, for people not yet asked."""
        return f"{self.text('ky', key, **args)}\n{self.text('ru', key, **args)}"


def format_day(moment: datetime, language: Language, zone: ZoneInfo) -> str:
    """A day in full: «2019-ж., 10-июль, шаршемби» / «среда, 10 июля 2019 г.»."""
    return format_date(moment.astimezone(zone).date(), "full", locale=language)


def format_clock(moment: datetime, language: Language, zone: ZoneInfo) -> str:
    """A time of day, 24-hour: «09:30»."""
    return format_time(moment.astimezone(zone), "HH:mm", locale=language)
