"""Reading seminars from a TOML file (`seminar-bot seminars import`), checked whole.

The schema is documented in docs/seminars-import.md. Every problem names the file, the
seminar, the line and the field; one problem rejects the whole file, so nothing is written.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.geography import Geography
from bot.roles import is_role
from bot.seminar_rules import LIMITS, MAX_CAPACITY, Invalid, checked_text, problems
from storage.seminars import Place, SeminarFields

TEXTS: dict[str, tuple[str, bool]] = {
    # field: (kind of text, required)
    "title_ky": ("title", True),
    "title_ru": ("title", True),
    "city_ky": ("city", True),
    "city_ru": ("city", True),
    "venue_ky": ("venue", True),
    "venue_ru": ("venue", True),
    "description_ky": ("description", False),
    "description_ru": ("description", False),
    "organiser": ("organiser", False),
}
MOMENTS = ("starts_at", "ends_at", "rsvp_deadline")
LISTS = ("regions", "rayons", "roles")
NUMBERS = ("capacity", "max_party")
FIELDS = frozenset({"slug", *TEXTS, *MOMENTS, *LISTS, *NUMBERS})
REQUIRED = ("slug", "title_ky", "title_ru", "starts_at", "ends_at", "city_ky", "city_ru")
REQUIRED_TOO = ("venue_ky", "venue_ru")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
_HEADER = re.compile(r"^\s*\[\[\s*seminar\s*\]\]")
# English, for staff at a terminal; the same rules as the wizard's messages.
_CROSS_FIELD = {
    "semrule-end-before-start": "must be after starts_at",
    "semrule-deadline-after-start": "must not be after starts_at",
    "semrule-no-places": "invite at least one region or rayon (regions or rayons)",
}


class SeminarFileError(Exception):
    """A file that cannot be imported; `problems` lists every reason, one a line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class _Block:
    """Where one [[seminar]] sits in the file (its header's line number and its lines), to
    name the line of a field in problems."""

    first_line: int
    lines: list[str]

    def line_of(self, field: str) -> int:
        """The line where `field = …` is written, else the header's."""
        pattern = re.compile(rf"^\s*{re.escape(field)}\s*=")
        for offset, line in enumerate(self.lines):
            if pattern.match(line):
                return self.first_line + offset
        return self.first_line


def _blocks(text: str) -> list[_Block]:
    lines = text.splitlines()
    starts = [number for number, line in enumerate(lines) if _HEADER.match(line)]
    ends = [*starts[1:], len(lines)]
    return [_Block(start + 1, lines[start:end]) for start, end in zip(starts, ends, strict=True)]


class _Seminar:
    """Checks one [[seminar]] table, collecting problems instead of stopping at the first."""

    def __init__(self, name: str, raw: dict[str, Any], block: _Block, number: int) -> None:
        self.raw = raw
        self.block = block
        slug = raw.get("slug")
        self.label = f'seminar "{slug}"' if isinstance(slug, str) and slug else f"seminar #{number}"
        self.name = name
        self.problems: list[str] = []

    def problem(self, field: str, text: str) -> None:
        line = self.block.line_of(field)
        self.problems.append(f"{self.name}: {self.label} (line {line}): {field}: {text}")

    def text(self, field: str) -> str:
        value = self.raw.get(field, "")
        kind, required = TEXTS[field]
        if not isinstance(value, str):
            self.problem(field, "must be text in quotes")
            return ""
        try:
            return checked_text(value, kind, required=required)
        except Invalid as invalid:
            if invalid.key == "semrule-empty":
                self.problem(field, "must not be empty")
            else:
                self.problem(
                    field,
                    f"too long ({invalid.args_['length']} characters, at most {LIMITS[kind]})",
                )
            return ""

    def moment(self, field: str, zone: ZoneInfo) -> datetime | None:
        value = self.raw.get(field)
        if value is None:
            return None
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value.strip())
            except ValueError:
                self.problem(field, f'not a date-time "{value}" (write "2019-07-10 09:00")')
                return None
        if not isinstance(value, datetime):
            kind = "a date without a time" if isinstance(value, date) else "not a date-time"
            self.problem(field, f'{kind}: {value!r} (write "2019-07-10 09:00")')
            return None
        # Times without an offset are on the configured zone's clock, as staff read them.
        return value if value.tzinfo is not None else value.replace(tzinfo=zone)

    def codes(self, field: str) -> list[str]:
        value = self.raw.get(field, [])
        if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
            self.problem(field, 'must be a list of codes in quotes, e.g. ["jalal-abad"]')
            return []
        return list(dict.fromkeys(value))

    def number(self, field: str, default: int | None, top: int) -> int | None:
        value = self.raw.get(field, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= top:
            self.problem(field, f"must be a whole number from 1 to {top}, got {value!r}")
            return default
        return value

    def places(self, geography: Geography) -> tuple[Place, ...]:
        places = []
        whole = self.codes("regions")
        for code in whole:
            if geography.region(code) is None:
                self.problem("regions", f'unknown region code "{code}"')
            else:
                places.append(Place(code))
        for code in self.codes("rayons"):
            rayon = geography.rayon(code)
            if rayon is None:
                self.problem("rayons", f'unknown rayon code "{code}"')
            elif rayon.region_code in whole:
                self.problem(
                    "rayons", f'"{code}" is in "{rayon.region_code}", already invited whole'
                )
            else:
                places.append(Place(rayon.region_code, code))
        return tuple(places)

    def roles(self) -> tuple[str, ...]:
        roles = self.codes("roles")
        for role in roles:
            if not is_role(role):
                self.problem("roles", f'unknown role code "{role}"')
        return tuple(roles)

    def fields(self, zone: ZoneInfo, geography: Geography) -> SeminarFields | None:
        for field in sorted(set(self.raw) - FIELDS):
            self.problem(field, "unknown field")
        for field in (*REQUIRED, *REQUIRED_TOO):
            if field not in self.raw:
                self.problem(field, "missing")
        slug = self.raw.get("slug")
        if "slug" in self.raw and not (isinstance(slug, str) and _SLUG.match(slug)):
            self.problem("slug", "lowercase latin letters, digits and hyphens, e.g. karakol-2019")
        texts = {field: self.text(field) for field in TEXTS if field in self.raw}
        starts, ends = self.moment("starts_at", zone), self.moment("ends_at", zone)
        deadline = self.moment("rsvp_deadline", zone)
        places, roles = self.places(geography), self.roles()
        capacity = self.number("capacity", None, MAX_CAPACITY)
        max_party = self.number("max_party", 2, 100) or 2
        if self.problems or starts is None or ends is None or not isinstance(slug, str):
            return None
        fields = SeminarFields(
            slug=slug,
            starts_at=starts,
            ends_at=ends,
            rsvp_deadline=deadline,
            places=places,
            roles=roles,
            capacity=capacity,
            max_party=max_party,
            **texts,
        )
        for found in problems(fields):
            self.problem(found.field, _CROSS_FIELD[found.key])
        return None if self.problems else fields


def read_seminars(
    name: str, text: str, zone: ZoneInfo, geography: Geography
) -> list[SeminarFields]:
    """Every seminar of the file, or SeminarFileError listing each problem."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SeminarFileError([f"{name}: not valid TOML: {error}"]) from error
    unknown = sorted(set(raw) - {"seminar"})
    tables = raw.get("seminar")
    if unknown or not isinstance(tables, list) or not tables:
        raise SeminarFileError(
            [
                f"{name}: expected one or more [[seminar]] tables and nothing else"
                + (f" (found {', '.join(unknown)})" if unknown else "")
            ]
        )
    blocks = _blocks(text)
    if len(blocks) != len(tables):
        # Written as an inline array rather than [[seminar]] headers: name fields by search.
        blocks = [_Block(1, text.splitlines())] * len(tables)
    found: list[str] = []
    seminars: list[SeminarFields] = []
    first_line: dict[str, int] = {}
    for number, (table, block) in enumerate(zip(tables, blocks, strict=True), start=1):
        checker = _Seminar(name, table, block, number)
        fields = checker.fields(zone, geography)
        if fields is not None and fields.slug in first_line:
            checker.problem(
                "slug", f'"{fields.slug}" is used twice (also line {first_line[fields.slug]})'
            )
        elif fields is not None and fields.slug:
            first_line[fields.slug] = block.line_of("slug")
            seminars.append(fields)
        found.extend(checker.problems)
    if found:
        raise SeminarFileError(found)
    return seminars
