"""A seminar's post in a group chat: the announcement, a live count, buttons for everyone."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.announcement import announcement_text
from bot.broadcast import Outgoing
from bot.services import Services
from messages import LANGUAGES, Language
from storage.groups import Group
from storage.seminars import Seminar

# Between the Kyrgyz and the Russian half of a post in both languages.
SEPARATOR = "\n\n— — —\n\n"


def post_languages(language: str) -> tuple[Language, ...]:
    """The languages a group reads: one, or both ("both")."""
    return LANGUAGES if language == "both" else tuple(c for c in LANGUAGES if c == language)


def count_text(services: Services, seminar: Seminar, language: str, taken: int) -> str:
    """«Coming: 23 of 40 seats» in the group's language(s): the seminar's total."""
    capacity = seminar.fields.capacity
    return "\n".join(
        services.catalog.text(code, "group-count-of", taken=taken, capacity=capacity)
        if capacity is not None
        else services.catalog.text(code, "group-count", taken=taken)
        for code in post_languages(language)
    )


def group_post_text(services: Services, seminar: Seminar, language: str, taken: int) -> str:
    """The announcement in the group's language(s), then the count line."""
    body = SEPARATOR.join(
        announcement_text(services, seminar, code) for code in post_languages(language)
    )
    return f"{body}\n\n{count_text(services, seminar, language, taken)}"


def group_post_keyboard(
    services: Services, seminar: Seminar, language: str, bot_username: str
) -> InlineKeyboardMarkup:
    """I'll come / Maybe / Can't come for whoever presses, and a link to open the bot."""
    codes = post_languages(language)

    def label(key: str) -> str:
        return " / ".join(services.catalog.text(code, key) for code in codes)

    answers = [
        InlineKeyboardButton(
            label(f"button-rsvp-{answer}"), callback_data=f"grsvp:{c}:{seminar.id}"
        )
        for c, answer in (("y", "yes"), ("m", "maybe"), ("n", "no"))
    ]
    # Three bilingual labels do not fit one row on a narrow phone.
    rows = [answers] if len(codes) == 1 else [[button] for button in answers]
    open_bot = InlineKeyboardButton(
        label("button-group-open-bot"), url=bot_link(bot_username, f"grp-{seminar.id}")
    )
    return InlineKeyboardMarkup([*rows, [open_bot]])


def bot_link(bot_username: str, payload: str) -> str:
    """A deep link that opens a private chat with the bot (registration's /start handles it)."""
    return f"https://t.me/{bot_username}?start={payload}"


def group_posts(
    services: Services, seminar: Seminar, groups: list[Group], bot_username: str, taken: int
) -> list[Outgoing]:
    """One post per group, in the group's language(s), for the broadcast engine."""
    return [
        Outgoing(
            group.chat_id,
            group_post_text(services, seminar, group.language or "both", taken),
            group_post_keyboard(services, seminar, group.language or "both", bot_username),
        )
        for group in groups
    ]
