"""The RSVP buttons, for any message about a seminar (announcement, detail view, nudge)."""

from __future__ import annotations

from telegram import InlineKeyboardButton

from bot.services import Services
from messages import Language
from storage.seminars import Seminar


def rsvp_buttons(
    services: Services, seminar: Seminar, language: Language
) -> list[InlineKeyboardButton]:
    """ "I'll come", "Maybe", "Can't come": one row; a press edits its message into the answer."""
    text = services.catalog.text
    return [
        InlineKeyboardButton(
            text(language, f"button-rsvp-{answer}"), callback_data=f"rsvp:{code}:{seminar.id}"
        )
        for code, answer in (("y", "yes"), ("m", "maybe"), ("n", "no"))
    ]
