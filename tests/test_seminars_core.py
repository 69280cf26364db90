"""Seminars in storage, who they invite, and how a seminar reads at a glance."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from telegram.ext import ExtBot

from bot.audience import Audience
from bot.geography import load_geography
from bot.rate_limiter import Bot
from bot.seminar_card import deadline_line, seminar_card
from bot.services import Services
from messages import Catalog
from storage.people import Profile
from storage.seminars import Place, SeminarFields
from tests.fake_telegram import FakeTelegram
from tests.harness import FrozenClock, make_config

NOW = datetime(2019, 7, 1, 6, 0, tzinfo=UTC)

JALAL_ABAD = SeminarFields(
    slug="jalal-abad-2019",
    title_ky="Киришүү семинары",
    title_ru="Вводный семинар",
    starts_at=datetime(2019, 7, 10, 3, 0, tzinfo=UTC),  # 09:00 in Bishkek
    ends_at=datetime(2019, 7, 10, 11, 0, tzinfo=UTC),
    city_ky="Жалал-Абад",
    city_ru="Джалал-Абад",
    venue_ky="облустук мамлекеттик администрация",
    venue_ru="областная госадминистрация",
    capacity=90,
    rsvp_deadline=datetime(2019, 7, 8, 12, 0, tzinfo=UTC),
    places=(Place("jalal-abad"),),
    roles=("ao_head", "ao_deputy", "rayon_admin", "state_agency"),
)


@pytest.fixture
async def services(tg: FakeTelegram, tmp_path: Path) -> Services:
    config = make_config(tg, tmp_path)
    bot: Bot = ExtBot(tg.token, base_url=tg.base_url)
    opened = await Services.open(config, Catalog.load(), load_geography(), FrozenClock(NOW), bot)
    yield opened  # type: ignore[misc]
    await opened.close()


def _profile(
    user_id: int, role: str, region: str | None, rayon: str | None, language: str = "ky"
) -> Profile:
    return Profile(
        telegram_id=user_id,
        first_name=f"P{user_id}",
        last_name=None,
        username=None,
        language=language,
        role=role,
        region_code=region,
        rayon_code=rayon,
        organisation_id=None,
        phone=None,
        invitation_code=None,
    )


async def test_create_update_and_list(services: Services) -> None:
    seminars = services.seminars
    created = await seminars.create(JALAL_ABAD, created_by=500, now=NOW)
    assert created.fields == JALAL_ABAD and created.status == "scheduled"
    assert (await seminars.get_by_slug("jalal-abad-2019")) == created
    karakol = replace(
        JALAL_ABAD,
        slug="karakol-2019",
        city_ky="Каракол",
        city_ru="Каракол",
        starts_at=JALAL_ABAD.starts_at + timedelta(days=7),
        ends_at=JALAL_ABAD.ends_at + timedelta(days=7),
        places=(Place("issyk-kul"),),
    )
    second = await seminars.create(karakol, created_by=500, now=NOW)
    assert [s.id for s in await seminars.upcoming(NOW)] == [created.id, second.id]
    moved = replace(karakol, places=(Place("issyk-kul", "ton"), Place("issyk-kul", "tup")))
    updated = await seminars.update(second.id, moved, NOW)
    assert updated.fields.places == (Place("issyk-kul", "ton"), Place("issyk-kul", "tup"))
    await seminars.set_status(second.id, "cancelled", NOW)
    assert [s.id for s in await seminars.upcoming(NOW)] == [created.id]
    after = NOW + timedelta(days=20)
    assert [s.id for s in await seminars.all_for_staff(after)] == [second.id, created.id]


async def test_invitations_by_place_and_role(services: Services) -> None:
    seminar = await services.seminars.create(JALAL_ABAD, created_by=None, now=NOW)
    people = services.people
    for profile in (
        _profile(1, "ao_head", "jalal-abad", "suzak"),
        _profile(2, "ao_head", "issyk-kul", "ton"),
        _profile(3, "state_agency", None, None),
        _profile(4, "project_staff", None, None),
        _profile(5, "other", "jalal-abad", "aksy"),
    ):
        await people.save(profile, NOW)
    invited = Audience.of_seminar(seminar).select(await people.reachable_subscribers())
    assert [p.telegram_id for p in invited] == [1, 3]
    russian_only = Audience(places=(Place("jalal-abad", "aksy"),), languages=("ru",))
    await people.save(_profile(6, "other", "jalal-abad", "aksy", "ru"), NOW)
    chosen = russian_only.select(await people.reachable_subscribers())
    assert [p.telegram_id for p in chosen] == [6]
    assert len(Audience().select(await people.reachable_subscribers())) == 6


async def test_card_in_both_languages(services: Services) -> None:
    seminar = await services.seminars.create(JALAL_ABAD, created_by=None, now=NOW)
    assert seminar_card(services, seminar, "ky") == (
        "📅 Киришүү семинары\n"
        "🗓 2019-ж., 10-июль, шаршемби, 09:00–17:00\n"
        "📍 Жалал-Абад, облустук мамлекеттик администрация"
    )
    assert seminar_card(services, seminar, "ru") == (
        "📅 Вводный семинар\n"
        "🗓 среда, 10 июля 2019\u202fг., 09:00–17:00\n"
        "📍 Джалал-Абад, областная госадминистрация"
    )
    assert (
        deadline_line(services, seminar, "ru")
        == "Ответить до: понедельник, 8 июля 2019\u202fг., 18:00"
    )


async def test_a_seminar_must_end_after_it_starts(services: Services) -> None:
    backwards = replace(JALAL_ABAD, ends_at=JALAL_ABAD.starts_at - timedelta(hours=1))
    with pytest.raises(Exception, match="CHECK"):
        await services.seminars.create(backwards, created_by=None, now=NOW)
