"""What a person receives when a seminar is announced to them."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.seminar_card import deadline_line, seminar_card
from bot.services import Services
from messages import Language
from storage.seminars import Seminar


def announcement_text(services: Services, seminar: Seminar, language: Language) -> str:
    """The invitation: a heading, the seminar at a glance, the answer deadline."""
    parts = [
        services.catalog.text(language, "announcement-heading"),
        seminar_card(services, seminar, language),
    ]
    deadline = deadline_line(services, seminar, language)
    if deadline:
        parts.append(deadline)
    return "\n\n".join(parts)


def announcement_keyboard(
    services: Services, seminar: Seminar, language: Language
) -> InlineKeyboardMarkup:
    """Buttons under an announcement: the seminar's details."""
    details = InlineKeyboardButton(
        services.catalog.text(language, "button-seminar-details"),
        callback_data=f"sem:view:{seminar.id}",
    )
    return InlineKeyboardMarkup([[details]])
