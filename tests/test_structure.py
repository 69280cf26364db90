"""The layout's rules, checked: SQL only in storage/, Telegram never in storage/."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQL = re.compile(
    r"\b(SELECT\s.+\sFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b"
)


def _python_files(*folders: str) -> list[Path]:
    return [path for folder in folders for path in (ROOT / folder).rglob("*.py")]


def test_sql_only_in_storage() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _python_files("bot", "handlers", "messages")
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if SQL.search(line)
    ]
    assert offenders == []


def test_storage_knows_nothing_of_telegram() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in _python_files("storage")
        if re.search(r"^\s*(from|import) telegram\b", path.read_text("utf-8"), re.MULTILINE)
    ]
    assert offenders == []
