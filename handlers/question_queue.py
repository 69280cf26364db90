"""Staff: /questions, the open queue, most supported and oldest first, by seminar and topic.

During a seminar this is the moderator's view: filter by the seminar, take the questions
with the most «me too» first, and press a number to get its card with every button.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.context import BotContext
from bot.services import Services
from bot.topics import topic_label
from handlers.common import answer_outdated, staff_only
from handlers.question_views import (
    MESSAGE_ROOM,
    chat_language,
    queue_listing,
    snippet,
)
from handlers.registration_views import rows
from messages import Language

QUEUE_SHOWN = 15


@staff_only
async def queue(update: Update, context: BotContext) -> None:
    """/questions: the open queue, most supported and oldest first, with filters."""
    message = update.effective_message
    assert message is not None
    language = await chat_language(context.services, message.chat_id)
    text, markup = await queue_view(context.services, language, "*", "*")
    await message.reply_text(text, reply_markup=markup)


@staff_only
async def queue_filter(update: Update, context: BotContext) -> None:
    """A seminar or topic filter under /questions."""
    query = update.callback_query
    assert query is not None and query.data is not None and query.message is not None
    parts = query.data.split(":")
    services = context.services
    if len(parts) != 4:
        await answer_outdated(update, context)
        return
    seminar, topic = parts[2], parts[3]
    known_seminar = seminar in ("*", "0") or (
        seminar.isdigit() and await services.seminars.get(int(seminar)) is not None
    )
    if not known_seminar or topic not in ("*", "-", *services.config.questions.topics):
        await answer_outdated(update, context)
        return
    language = await chat_language(services, query.message.chat.id)
    text, markup = await queue_view(services, language, seminar, topic)
    await query.answer()
    if text != getattr(query.message, "text", None):
        await query.edit_message_text(text, reply_markup=markup)


async def queue_view(
    services: Services, language: Language, seminar: str, topic: str
) -> tuple[str, InlineKeyboardMarkup]:
    """The queue's text and its filter buttons; seminar/topic are "*" for all."""
    catalog = services.catalog
    everything = await services.questions.open_queue()
    chosen = await services.questions.open_queue(
        seminar_id=int(seminar) if seminar not in ("*", "0") else None,
        topic=None if topic == "*" else ("" if topic == "-" else topic),
        general=seminar == "0",
    )
    counts = await services.questions.topic_counts()
    count_text = ", ".join(
        f"{topic_label(services, code, language)} {n}"
        for code, n in sorted(counts.items(), key=lambda item: -item[1])
    )
    lines = [catalog.text(language, "q-queue-title", count=len(chosen))]
    if count_text:
        lines.append(catalog.text(language, "q-queue-topics", counts=count_text))
    if not chosen:
        lines.append(catalog.text(language, "q-queue-empty"))
    listing, shows = await queue_listing(services, chosen, language, QUEUE_SHOWN)
    lines += listing
    seminar_ids = sorted({q.seminar_id or 0 for q in everything})
    seminar_buttons = [
        InlineKeyboardButton(
            catalog.text(language, "q-filter-all-seminars"), callback_data=f"q:list:*:{topic}"
        )
    ]
    for seminar_id in seminar_ids:
        seminar_buttons.append(
            InlineKeyboardButton(
                await _short_seminar(services, seminar_id, language),
                callback_data=f"q:list:{seminar_id}:{topic}",
            )
        )
    topic_buttons = [
        InlineKeyboardButton(
            catalog.text(language, "q-filter-all-topics"), callback_data=f"q:list:{seminar}:*"
        ),
        InlineKeyboardButton(
            topic_label(services, None, language), callback_data=f"q:list:{seminar}:-"
        ),
    ] + [
        InlineKeyboardButton(
            topic_label(services, code, language), callback_data=f"q:list:{seminar}:{code}"
        )
        for code in services.config.questions.topics
    ]
    keyboard = [*rows(shows, 5), *rows(seminar_buttons, 2), *rows(topic_buttons, 2)]
    return "\n".join(lines)[:MESSAGE_ROOM], InlineKeyboardMarkup(keyboard)


async def _short_seminar(services: Services, seminar_id: int, language: Language) -> str:
    seminar = await services.seminars.get(seminar_id) if seminar_id else None
    if seminar is None:
        return services.catalog.text(language, "ask-general")
    return snippet(seminar.title(language), 30)
