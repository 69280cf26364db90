"""`seminar-bot seminars import`: a good file twice changes nothing; a bad one writes nothing."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.cli import main
from bot.geography import load_geography
from bot.seminar_import import SeminarFileError, read_seminars
from storage.database import Database
from storage.seminars import Place, Seminar, SeminarRepository

EXAMPLE = Path(__file__).parent.parent / "examples" / "seminars.toml"
ZONE = ZoneInfo("Asia/Bishkek")
TOKEN = "123456:" + "A" * 35  # the import never calls Telegram, but the config is checked


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path]:
    """A config (the import needs no Telegram) and a copy of the example file."""
    config = tmp_path / "config.toml"
    config.write_text(
        f'[telegram]\ntoken = "{TOKEN}"\n[storage]\npath = "{tmp_path / "bot.sqlite3"}"\n',
        "utf-8",
    )
    seminars = tmp_path / "seminars.toml"
    seminars.write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    return config, seminars


def _stored(config: Path) -> list[Seminar]:
    async def load() -> list[Seminar]:
        db = await Database.open(config.parent / "bot.sqlite3")
        try:
            await db.migrate()
            return await SeminarRepository(db).all_for_staff(datetime(2000, 1, 1, tzinfo=UTC))
        finally:
            await db.close()

    return asyncio.run(load())


def _import(config: Path, seminars: Path) -> int:
    return main(["seminars", "import", str(seminars), "--config", str(config)])


def test_the_example_twice(setup: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    config, seminars = setup
    assert _import(config, seminars) == 0
    assert capsys.readouterr().out == "seminars.toml: 2 created, 0 updated, 0 unchanged\n"
    first = _stored(config)
    jalal_abad, karakol = first
    assert jalal_abad.fields.slug == "jalal-abad-2019"
    assert jalal_abad.title("ky") == (
        '"Жергиликтүү деңгээлде кызмат көрсөтүүлөрдү жакшыртуу" долбоорунун экинчи фазасынын'
        " киришүү семинары"
    )
    assert jalal_abad.title("ru") == (
        'Вводный семинар второй фазы проекта "Улучшение услуг на местном уровне"'
    )
    assert jalal_abad.fields.starts_at == datetime(2019, 7, 10, 3, 0, tzinfo=UTC)
    assert jalal_abad.fields.places == (Place("jalal-abad"),)
    assert jalal_abad.fields.roles == (
        "ao_head",
        "ao_deputy",
        "rayon_admin",
        "oblast_admin",
        "state_agency",
    )
    assert "Кеңеш" in jalal_abad.fields.description_ky
    assert karakol.fields.starts_at - jalal_abad.fields.starts_at == timedelta(days=7)
    assert karakol.fields.places == (Place("issyk-kul"),)
    assert _import(config, seminars) == 0
    assert capsys.readouterr().out == "seminars.toml: 0 created, 0 updated, 2 unchanged\n"
    assert _stored(config) == first  # updated_at included
    seminars.write_text(
        seminars.read_text("utf-8").replace('"2019-07-17 17:00"', '"2019-07-17T16:00+06:00"'),
        "utf-8",
    )
    assert _import(config, seminars) == 0
    assert capsys.readouterr().out == "seminars.toml: 0 created, 1 updated, 1 unchanged\n"
    assert _stored(config)[1].fields.ends_at == datetime(2019, 7, 17, 10, 0, tzinfo=UTC)


def test_a_bad_file_writes_nothing(
    setup: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    config, seminars = setup
    assert _import(config, seminars) == 0
    before = _stored(config)
    good = seminars.read_text("utf-8")
    # The first seminar changes (fine), the second is broken: neither may be written.
    broken = good.replace("2019-07-10 17:00", "2019-07-10 18:00").replace(
        '"2019-07-17 09:00"', '"2019-07-32 09:00"'
    )
    seminars.write_text(broken, "utf-8")
    capsys.readouterr()
    assert _import(config, seminars) == 2
    assert capsys.readouterr().err == (
        'seminars.toml: seminar "karakol-2019" (line 40): starts_at: not a date-time'
        ' "2019-07-32 09:00" (write "2019-07-10 09:00")\nNothing was imported.\n'
    )
    assert _stored(config) == before


def _problems(text: str) -> list[str]:
    with pytest.raises(SeminarFileError) as caught:
        read_seminars("s.toml", text, ZONE, load_geography())
    return caught.value.problems


GOOD = """\
[[seminar]]
slug = "naryn-2027"
title_ky = "Нарын семинары"
title_ru = "Семинар в Нарыне"
starts_at = "2027-07-24 09:00"
ends_at = "2027-07-24 17:00"
city_ky = "Нарын"
city_ru = "Нарын"
venue_ky = "облустук администрация"
venue_ru = "облгосадминистрация"
rayons = ["kochkor", "at-bashy"]
"""


def test_the_good_sample_reads() -> None:
    [fields] = read_seminars("s.toml", GOOD, ZONE, load_geography())
    assert fields.places == (Place("naryn", "kochkor"), Place("naryn", "at-bashy"))
    assert fields.roles == () and fields.capacity is None


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            ('"2027-07-24 09:00"', '"2027-02-30 09:00"'),
            'line 5): starts_at: not a date-time "2027-02-30 09:00"',
        ),
        (('"2027-07-24 17:00"', '"2027-07-24 08:00"'), "line 6): ends_at: must be after starts_at"),
        (('rayons = ["kochkor", "at-bashy"]', 'regions = ["naryn-x"]'), "regions: unknown region"),
        (('"kochkor"', '"kochkorka"'), 'line 11): rayons: unknown rayon code "kochkorka"'),
        (("rayons =", 'roles = ["mayor"]\nrayons ='), 'line 11): roles: unknown role code "mayor"'),
        (('rayons = ["kochkor", "at-bashy"]', "rayons = []"), "invite at least one region"),
        (
            ('title_ru = "Семинар в Нарыне"\n', ""),
            'seminar "naryn-2027" (line 1): title_ru: missing',
        ),
        (('"Нарын семинары"', '"   "'), "line 3): title_ky: must not be empty"),
        (
            ('"Нарын семинары"', '"' + "Н" * 151 + '"'),
            "title_ky: too long (151 characters, at most 150)",
        ),
        (("city_ky =", "capacity = 0\ncity_ky ="), "line 7): capacity: must be a whole number"),
        (("city_ky =", "citi_ky = 1\ncity_ky ="), "line 7): citi_ky: unknown field"),
        (('"naryn-2027"', '"Naryn 2027"'), "slug: lowercase latin letters"),
        (
            ('ends_at = "2027-07-24 17:00"', "ends_at = 2027-07-24"),
            "ends_at: a date without a time",
        ),
        (
            ("city_ky =", 'rsvp_deadline = "2027-07-25 12:00"\ncity_ky ='),
            "line 7): rsvp_deadline: must not be after starts_at",
        ),
        (('"2027-07-24 09:00"', "2027-07-32T09:00"), "s.toml: not valid TOML: "),
    ],
)
def test_each_bad_value_is_named(change: tuple[str, str], problem: str) -> None:
    text = GOOD.replace(*change)
    assert text != GOOD
    found = _problems(text)
    assert len(found) == 1 and problem in found[0], found


def test_rayons_of_a_whole_region_and_twice_the_same_slug() -> None:
    whole = GOOD.replace('rayons = ["kochkor"', 'regions = ["naryn"]\nrayons = ["kochkor"')
    assert _problems(whole) == [
        's.toml: seminar "naryn-2027" (line 12): rayons: "kochkor" is in "naryn",'
        " already invited whole",
        's.toml: seminar "naryn-2027" (line 12): rayons: "at-bashy" is in "naryn",'
        " already invited whole",
    ]
    assert _problems(GOOD + "\n" + GOOD) == [
        's.toml: seminar "naryn-2027" (line 14): slug: "naryn-2027" is used twice (also line 2)'
    ]
    assert _problems('title = "x"\n') == [
        "s.toml: expected one or more [[seminar]] tables and nothing else (found title)"
    ]


def test_past_dates_and_offsets_are_fine() -> None:
    text = GOOD.replace('"2027-07-24 09:00"', '"2019-07-24T09:00+05:00"').replace(
        '"2027-07-24 17:00"', '"2019-07-24 17:00"'
    )
    [fields] = read_seminars("s.toml", text, ZONE, load_geography())
    assert fields.starts_at == datetime(2019, 7, 24, 4, 0, tzinfo=UTC)
    assert fields.ends_at == datetime(2019, 7, 24, 11, 0, tzinfo=UTC)
