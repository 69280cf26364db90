"""RSVP buttons and the answer view, for announcements, the seminar detail and `/my`."""

from __future__ import annotations

from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.rsvp_buttons import rsvp_buttons
from bot.seminar_card import deadline_line, seminar_card
from bot.services import Services
from messages import Language
from storage.rsvps import Rsvp
from storage.seminars import Seminar


def status_line(
    services: Services, language: Language, rsvp: Rsvp | None, place: int | None
) -> str:
    """The person's answer in one line: coming (with party), waiting (with place), maybe, no."""
    text = services.catalog.text
    if rsvp is None:
        return text(language, "rsvp-status-none")
    if rsvp.answer == "yes" and rsvp.seated:
        return text(language, "rsvp-status-yes", party=rsvp.party)
    if rsvp.answer == "yes":
        return text(language, "rsvp-status-waiting", place=place or 0, party=rsvp.party)
    return text(language, f"rsvp-status-{rsvp.answer}")


def accepts_yes(seminar: Seminar, reopened: bool, now: datetime) -> bool:
    """New "I'll come" answers are taken until the deadline, unless staff reopened them."""
    deadline = seminar.fields.rsvp_deadline
    return reopened or deadline is None or now < deadline


def answer_view(
    services: Services,
    seminar: Seminar,
    language: Language,
    rsvp: Rsvp | None,
    place: int | None,
) -> tuple[str, InlineKeyboardMarkup]:
    """The seminar at a glance, the person's answer and the buttons to change it."""
    lines = [seminar_card(services, seminar, language)]
    deadline = deadline_line(services, seminar, language)
    if deadline:
        lines.append(deadline)
    lines += ["", status_line(services, language, rsvp, place)]
    if rsvp is not None:
        lines.append(services.catalog.text(language, "rsvp-change-hint"))
    return "\n".join(lines), InlineKeyboardMarkup([rsvp_buttons(services, seminar, language)])


def party_view(
    services: Services, seminar: Seminar, language: Language
) -> tuple[str, InlineKeyboardMarkup]:
    """ "How many of you will come?" with buttons 1 … the seminar's maximum."""
    text = services.catalog.text
    sizes = [
        InlineKeyboardButton(str(n), callback_data=f"rsvp:p:{seminar.id}:{n}")
        for n in range(1, seminar.fields.max_party + 1)
    ]
    back = InlineKeyboardButton(text(language, "button-back"), callback_data=f"rsvp:v:{seminar.id}")
    body = "\n".join(
        [seminar_card(services, seminar, language), "", text(language, "rsvp-ask-party")]
    )
    return body, InlineKeyboardMarkup(
        [sizes[i : i + 5] for i in range(0, len(sizes), 5)] + [[back]]
    )
