"""Cleaning typed organisation names and matching them loosely against known ones."""

from __future__ import annotations

import difflib
import re
import unicodedata

MAX_NAME_LENGTH = 100

# Kyrgyz letters are distinct and kept in what we store and show; only the comparison key
# folds them, because people type «Кенеш» on keyboards without ң ө ү.
_FOLD = str.maketrans({"ң": "н", "ө": "о", "ү": "у", "ё": "е", "й": "и"})
_PREFIXES = re.compile(
    r"^(?:а/о|а\.о\.?|ао|a/o|айыл\s+өкмөтү|айыл\s+окмоту|айылдык\s+аймак|"
    r"айыльный\s+аймак|айыл\s+аймагы|а/а|аа)\s+"
)
_SUFFIXES = re.compile(
    r"\s+(?:а/о|ао|айыл\s+өкмөтү|айыл\s+окмоту|айылдык\s+аймак|айыльный\s+аймак|"
    r"айыл\s+аймагы|а/а)$"
)
_ALLOWED_PUNCTUATION = set(" -'.,()№«»\"/")


def clean_name(text: str) -> str:
    """Drop emoji and control characters, fold runs of spaces; keep letters, digits, punctuation."""
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category[0] in "LN" or char in _ALLOWED_PUNCTUATION or char == "ʼ":
            kept.append(char)
        elif category[0] == "Z" or char in "\t\n":
            kept.append(" ")
    return " ".join("".join(kept).split()).strip(" -.,")


def has_letters(text: str) -> bool:
    """At least two letters: a name, not a stray digit or dash."""
    return sum(1 for c in text if c.isalpha()) >= 2


def match_key(name: str) -> str:
    """The form two spellings of one organisation share: «А/О Кеңеш» and «кенеш» alike."""
    key = re.sub(r"[«»\"'ʼ()]", "", clean_name(name).lower())
    key = " ".join(key.replace("-", " ").split())
    key = _SUFFIXES.sub("", _PREFIXES.sub("", key))
    return key.translate(_FOLD).strip()


def closest(key: str, candidates: dict[str, int], cutoff: float = 0.8) -> int | None:
    """The id whose key is nearly `key` (one or two letters off), or None."""
    found = difflib.get_close_matches(key, list(candidates), n=1, cutoff=cutoff)
    return candidates[found[0]] if found else None
