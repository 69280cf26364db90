"""Telling people that a seminar moved or was cancelled, through the broadcast engine."""

from __future__ import annotations

from datetime import timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.audience import Audience
from bot.broadcast import Outgoing
from bot.context import BotContext
from bot.seminar_card import seminar_card
from bot.services import Services
from handlers.audience_views import recipients
from handlers.common import language_for
from messages import as_language
from storage.people import Person
from storage.seminars import Seminar

# A cancellation this close to the start goes out even in quiet hours.
URGENT_BEFORE = timedelta(hours=24)


def version(seminar: Seminar) -> int:
    """Which edit a «notify» button belongs to: a later edit makes the button stale."""
    return int(seminar.updated_at.timestamp())


def moved(before: Seminar, after: Seminar) -> bool:
    """Whether the date, the time or the place changed: what people who were told must hear."""
    old, new = before.fields, after.fields
    return (old.starts_at, old.ends_at, old.city_ky, old.city_ru, old.venue_ky, old.venue_ru) != (
        new.starts_at,
        new.ends_at,
        new.city_ky,
        new.city_ru,
        new.venue_ky,
        new.venue_ru,
    )


async def invited(services: Services, seminar: Seminar) -> list[Person]:
    """Everyone the seminar invites who hears announcements and can be reached."""
    return await recipients(services, Audience.of_seminar(seminar))


def _notice(services: Services, seminar: Seminar, person: Person, key: str) -> Outgoing:
    language = as_language(person.language)
    text = services.catalog.text
    body = f"{text(language, key)}\n\n{seminar_card(services, seminar, language)}"
    details = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    text(language, "seminar-notice-details"), callback_data=f"sem:view:{seminar.id}"
                )
            ]
        ]
    )
    return Outgoing(person.telegram_id, body, details)


async def offer_change_notice(
    update: Update, context: BotContext, before: Seminar, after: Seminar
) -> None:
    """After an edit of an announced seminar's date, time or place: offer to tell people."""
    if after.announced_at is None or after.is_cancelled or not moved(before, after):
        return
    services = context.services
    language = await language_for(update, context)
    text = services.catalog.text
    count = len(await invited(services, after))
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    text(language, "semadm-notify-yes"),
                    callback_data=f"semadm:notify:{after.id}:{version(after)}",
                ),
                InlineKeyboardButton(
                    text(language, "semadm-notify-no"), callback_data=f"semadm:quiet:{after.id}"
                ),
            ]
        ]
    )
    assert update.effective_chat is not None
    await context.bot.send_message(
        update.effective_chat.id,
        text(language, "semadm-notify-offer", count=count),
        reply_markup=keyboard,
    )


async def notify_changed(update: Update, context: BotContext, seminar: Seminar) -> int:
    """Queue the «seminar changed» notice for everyone invited; the number of recipients."""
    services = context.services
    people = await invited(services, seminar)
    if not people:
        return 0
    user = update.effective_user
    await services.broadcasts.submit(
        kind="seminar-changed",
        messages=[_notice(services, seminar, p, "seminar-changed-notice") for p in people],
        key=f"seminar-changed:{seminar.id}:{version(seminar)}",
        created_by=user.id if user else None,
        seminar_id=seminar.id,
    )
    return len(people)


async def notify_cancelled(update: Update, context: BotContext, seminar: Seminar) -> int:
    """Queue the cancellation notice for everyone invited, in their language."""
    services = context.services
    people = await invited(services, seminar)
    if not people:
        return 0
    user = update.effective_user
    soon = seminar.fields.starts_at - services.clock.now() < URGENT_BEFORE
    await services.broadcasts.submit(
        kind="seminar-cancelled",
        messages=[_notice(services, seminar, p, "seminar-cancelled-notice") for p in people],
        key=f"seminar-cancelled:{seminar.id}",
        created_by=user.id if user else None,
        seminar_id=seminar.id,
        urgent=soon,
    )
    return len(people)
