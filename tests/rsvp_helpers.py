"""Shared setup for the RSVP tests: registered people, a seminar, a delivered announcement."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from telegram import InlineKeyboardMarkup

from bot.names import match_key
from bot.rsvp_buttons import rsvp_buttons
from bot.services import Services
from messages import Language
from storage.people import Profile
from storage.seminars import Place, Seminar, SeminarFields
from tests.fake_telegram import FakeMessage, FakeTelegram, FakeUser


def seminar_fields(now: datetime, **changes: Any) -> SeminarFields:
    """The Jalal-Abad seminar of the press release, three days after `now`, 09:00–17:00."""
    starts = (now + timedelta(days=3)).replace(hour=3, minute=0, second=0, microsecond=0)
    fields: dict[str, Any] = {
        "title_ky": "Киришүү семинары",
        "title_ru": "Вводный семинар",
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=8),
        "city_ky": "Жалал-Абад",
        "city_ru": "Джалал-Абад",
        "venue_ky": "облустук администрация",
        "venue_ru": "областная администрация",
        "capacity": 90,
        "max_party": 2,
        "places": (Place("jalal-abad"),),
        "roles": (),
    }
    fields.update(changes)
    return SeminarFields(**fields)


async def create_seminar(services: Services, **changes: Any) -> Seminar:
    """A seminar stored directly, as the seminar wizard would store it."""
    return await services.seminars.create(
        seminar_fields(services.clock.now(), **changes), created_by=None, now=services.clock.now()
    )


async def register(
    services: Services,
    user: FakeUser,
    *,
    language: str = "ky",
    role: str = "ao_head",
    region: str | None = "jalal-abad",
    rayon: str | None = "suzak",
    organisation: str | None = "Кеңеш",
    phone: str | None = None,
) -> None:
    """Save the user as a registered person (the registration flow has its own tests)."""
    organisation_id = None
    if organisation is not None and region is not None:
        found = await services.organisations.add(
            region, rayon, organisation, match_key(organisation), services.clock.now()
        )
        organisation_id = found.id
    await services.people.save(
        Profile(
            telegram_id=user.id,
            first_name=user.first_name,
            last_name=None,
            username=None,
            language=language,
            role=role,
            region_code=region,
            rayon_code=rayon,
            organisation_id=organisation_id,
            phone=phone,
            invitation_code=None,
        ),
        services.clock.now(),
    )


def deliver_announcement(
    tg: FakeTelegram, services: Services, user: FakeUser, seminar: Seminar, language: Language
) -> FakeMessage:
    """Put an announcement with the RSVP buttons in the user's chat, as a broadcast would."""
    markup = InlineKeyboardMarkup([rsvp_buttons(services, seminar, language)]).to_dict()
    state = tg.state
    stored = state.add_message(
        state.chats[user.id],
        sender=state.bot,
        fields={"text": seminar.title(language), "reply_markup": markup},
        raw_text=seminar.title(language),
        reply_markup=markup,
    )
    state.chats[user.id].cursor = len(state.chats[user.id].bot_message_ids)
    return user.message(stored.message_id)
