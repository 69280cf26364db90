"""Participants: /faq (published answers) and shared questions to support («me too»)."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.context import BotContext
from bot.services import Services
from bot.topics import topic_label
from handlers.common import answer_outdated, language_for, say
from handlers.question_views import MESSAGE_ROOM, seminar_label, snippet
from handlers.registration_views import rows
from messages import Language
from storage.questions import Question

SHARED_SHOWN = 10


async def _seminar_id(services: Services, value: str) -> tuple[bool, int | None]:
    """Whether a button names a known seminar, and which (None: general questions)."""
    if value == "0":
        return True, None
    if value.isdigit() and await services.seminars.get(int(value)) is not None:
        return True, int(value)
    return False, None


async def _asker(services: Services, question: Question, language: Language) -> str:
    """The name other participants may see: never the name of an anonymous asker."""
    if question.anonymous:
        return services.catalog.text(language, "anonymous-asker")
    person = await services.people.get(question.asker_id)
    return person.full_name if person else services.catalog.text(language, "anonymous-asker")


def _in_language(question: Question, language: Language) -> tuple[str, str]:
    """The question and answer in the reader's language where staff gave both, else as written."""
    if (
        language != question.language
        and question.translation_question
        and question.translation_answer
    ):
        return question.translation_question, question.translation_answer
    return question.text, question.answer_text or ""


async def _chooser(
    services: Services, language: Language
) -> tuple[str, InlineKeyboardMarkup | None]:
    seminar_ids = await services.questions.faq_seminar_ids()
    if not seminar_ids:
        return services.catalog.text(language, "faq-none"), None
    buttons = []
    for seminar_id in seminar_ids:
        seminar = await services.seminars.get(seminar_id) if seminar_id else None
        label = (
            seminar.title(language) if seminar else services.catalog.text(language, "ask-general")
        )
        buttons.append(InlineKeyboardButton(label, callback_data=f"faq:s:{seminar_id or 0}"))
    return services.catalog.text(language, "faq-choose"), InlineKeyboardMarkup(rows(buttons, 1))


async def faq(update: Update, context: BotContext) -> None:
    """/faq: pick a seminar whose answers are published."""
    message = update.effective_message
    assert message is not None
    language = await language_for(update, context)
    text, markup = await _chooser(context.services, language)
    await message.reply_text(text, reply_markup=markup)


async def _faq_page(
    services: Services, seminar_id: int | None, language: Language
) -> tuple[str, InlineKeyboardMarkup]:
    catalog = services.catalog
    published = await services.questions.faq(seminar_id)
    title = catalog.text(
        language, "faq-title", seminar=await seminar_label(services, seminar_id, language)
    )
    blocks = [title]
    if not published:
        blocks.append(catalog.text(language, "faq-empty"))
    current_topic: object = object()
    for shown, question in enumerate(published):
        if question.topic != current_topic:
            current_topic = question.topic
            blocks.append(f"🏷 {topic_label(services, question.topic, language)}")
        asked, answer = _in_language(question, language)
        item = catalog.text(
            language, "faq-item", question=snippet(asked, 500), answer=snippet(answer, 1200)
        )
        if not question.anonymous:
            item += "\n" + catalog.text(
                language, "faq-asked-by", name=await _asker(services, question, language)
            )
        if len("\n\n".join([*blocks, item])) > MESSAGE_ROOM - 100:
            blocks.append(catalog.text(language, "faq-more", count=len(published) - shown))
            break
        blocks.append(item)
    keyboard = []
    shared = await services.questions.shared(seminar_id)
    if shared:
        keyboard.append(
            [
                InlineKeyboardButton(
                    catalog.text(language, "button-faq-shared", count=len(shared)),
                    callback_data=f"faq:o:{seminar_id or 0}",
                )
            ]
        )
    keyboard.append(
        [InlineKeyboardButton(catalog.text(language, "button-back"), callback_data="faq:back")]
    )
    return "\n\n".join(blocks), InlineKeyboardMarkup(keyboard)


async def _shared_page(
    services: Services, seminar_id: int | None, language: Language
) -> tuple[str, InlineKeyboardMarkup]:
    catalog = services.catalog
    shared = (await services.questions.shared(seminar_id))[:SHARED_SHOWN]
    seminar = await seminar_label(services, seminar_id, language)
    lines = [catalog.text(language, "shared-title", seminar=seminar)]
    if not shared:
        lines.append(catalog.text(language, "shared-none"))
    for question in shared:
        lines.append(
            catalog.text(
                language,
                "shared-item",
                number=question.id,
                support=question.support,
                text=snippet(question.text, 200),
                asker=await _asker(services, question, language),
            )
        )
    buttons = [
        InlineKeyboardButton(
            catalog.text(language, "button-support", number=q.id), callback_data=f"sup:{q.id}"
        )
        for q in shared
    ]
    back = InlineKeyboardButton(
        catalog.text(language, "button-back"), callback_data=f"faq:s:{seminar_id or 0}"
    )
    return "\n\n".join(lines)[:MESSAGE_ROOM], InlineKeyboardMarkup([*rows(buttons, 3), [back]])


def questions_button(
    services: Services, seminar_id: int, language: Language
) -> InlineKeyboardButton:
    """«Questions and answers» for placing under a seminar's card."""
    return InlineKeyboardButton(
        services.catalog.text(language, "command-faq"), callback_data=f"faq:s:{seminar_id}"
    )


async def faq_button(update: Update, context: BotContext) -> None:
    """A seminar's published answers, its shared questions, or back to the seminars."""
    query = update.callback_query
    services = context.services
    assert query is not None and query.data is not None
    language = await language_for(update, context)
    parts = query.data.split(":")
    if parts[1:] == ["back"]:
        text, markup = await _chooser(services, language)
    elif len(parts) == 3 and parts[1] in ("s", "o"):
        known, chosen = await _seminar_id(services, parts[2])
        if not known:
            await answer_outdated(update, context)
            return
        page = _faq_page if parts[1] == "s" else _shared_page
        text, markup = await page(services, chosen, language)
    else:
        await answer_outdated(update, context)
        return
    await query.answer()
    message = query.message
    if message is not None and getattr(message, "text", None) == text:
        return
    await query.edit_message_text(text, reply_markup=markup)


async def support(update: Update, context: BotContext) -> None:
    """«I have this question too»: counted once per person, never for one's own question."""
    query = update.callback_query
    services = context.services
    assert query is not None and query.data is not None and update.effective_user is not None
    value = query.data.removeprefix("sup:")
    question = await services.questions.get(int(value)) if value.isdigit() else None
    if question is None or not question.shared or question.status != "open":
        await answer_outdated(update, context)
        return
    user_id = update.effective_user.id
    if question.asker_id == user_id:
        await say(update, context, "support-own")
        return
    if not await services.questions.support(question.id, user_id, services.clock.now()):
        await say(update, context, "support-already")
        return
    updated = await services.questions.get(question.id)
    await say(update, context, "support-counted", count=updated.support if updated else 0)
