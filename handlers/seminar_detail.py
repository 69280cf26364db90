"""One seminar's page for participants: the detail text, its buttons and the .ics file.

The RSVP feature adds its «I'll come / Maybe / Can't come» row in `seminar_detail_keyboard`.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.services import Services
from handlers.question_asking import ask_button
from messages import Language
from storage.people import Person
from storage.seminars import Seminar


def seminar_detail_keyboard(
    services: Services, seminar: Seminar, person: Person | None, language: Language
) -> InlineKeyboardMarkup:
    """The buttons under a seminar's page; `person` is None for someone not registered."""
    text = services.catalog.text
    keyboard: list[list[InlineKeyboardButton]] = []
    # RSVP buttons go here, first, for a registered person and a seminar still ahead.
    if not seminar.is_cancelled:
        keyboard.append(
            [
                InlineKeyboardButton(
                    text(language, "seminars-add-to-calendar"),
                    callback_data=f"sem:ics:{seminar.id}",
                )
            ]
        )
        keyboard.append([ask_button(services, seminar, language)])
    keyboard.append(
        [InlineKeyboardButton(text(language, "seminars-back-to-list"), callback_data="sem:list:0")]
    )
    return InlineKeyboardMarkup(keyboard)
