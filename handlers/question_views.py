"""How a question looks to staff and to its asker, and getting it to both."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, ReplyParameters
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.rate_limiter import Bot
from bot.roles import is_role
from bot.services import Services
from bot.topics import topic_label
from handlers.registration_views import place_name, rows
from messages import Language, format_clock
from storage.people import GUEST_ROLE
from storage.questions import Question

log = logging.getLogger(__name__)

# A staff member who pressed Answer and went quiet stops blocking the others after this.
CLAIM_LAPSE = timedelta(minutes=30)
# Telegram allows 4096 characters; headers and the thread need room.
MESSAGE_ROOM = 4000
QUOTE_LENGTH = 300


def snippet(text: str, limit: int) -> str:
    """The text cut to `limit` characters with an ellipsis; short ones on a single line."""
    text = " ".join(text.split()) if limit < 200 else text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def question_text(services: Services, question: Question, language: Language) -> str:
    """The question as words: its text, or what kind of media it was sent as."""
    parts = []
    if question.media_kind:
        parts.append(services.catalog.text(language, f"ask-{question.media_kind}"))
    if question.text:
        parts.append(question.text)
    return "\n".join(parts)


async def seminar_label(services: Services, seminar_id: int | None, language: Language) -> str:
    """«Семинар: …» or «Общий вопрос»."""
    seminar = await services.seminars.get(seminar_id) if seminar_id is not None else None
    if seminar is None:
        return services.catalog.text(language, "ask-general")
    return services.catalog.text(language, "ask-seminar", title=seminar.title(language))


async def chat_language(services: Services, chat_id: int) -> Language:
    """Groups read the default language; an admin's private chat reads theirs."""
    if chat_id < 0:
        return services.config.bot.default_language
    return await services.language_of(chat_id, None)


async def queue_listing(
    services: Services, questions: list[Question], language: Language, shown: int
) -> tuple[list[str], list[InlineKeyboardButton]]:
    """One line per question (up to `shown`, then «…and N more») and a №-button for each."""
    lines = []
    for question in questions[:shown]:
        lines.append(
            services.catalog.text(
                language,
                "q-queue-line",
                number=question.id,
                support=question.support,
                when=format_moment(services, question.created_at, language),
                seminar=await seminar_label(services, question.seminar_id, language),
                text=snippet(question_text(services, question, language), 80),
            )
        )
    if len(questions) > shown:
        lines.append(services.catalog.text(language, "q-queue-more", count=len(questions) - shown))
    buttons = [
        InlineKeyboardButton(f"№{q.id}", callback_data=f"q:show:{q.id}") for q in questions[:shown]
    ]
    return lines, buttons


def staff_chats(services: Services) -> list[int]:
    """Where questions go: the staff group, or each admin privately when there is none."""
    group = services.config.bot.staff_chat_id
    return [group] if group is not None else sorted(services.config.bot.admins)


async def _asker_lines(services: Services, question: Question, language: Language) -> list[str]:
    text = services.catalog.text
    person = await services.people.get(question.asker_id, guests=True)
    if person is None:
        return [text(language, "q-card-asker", name=str(question.asker_id), role="—")]
    known = is_role(person.role) or person.role == GUEST_ROLE
    role = text(language, f"role-{person.role}") if known else person.role
    lines = [text(language, "q-card-asker", name=person.full_name, role=role)]
    if question.anonymous:
        lines.append(text(language, "q-card-anonymous"))
    place = place_name(services.geography, language, person.region_code, person.rayon_code)
    where = ", ".join(p for p in (person.organisation_name, place) if p)
    if where:
        lines.append(text(language, "q-card-place", place=where))
    return lines


def format_moment(services: Services, moment: datetime, language: Language) -> str:
    """«29.11.2026 12:00» in the configured zone: short enough for a list line."""
    zone = services.config.bot.timezone
    local = moment.astimezone(zone)
    return f"{local:%d.%m.%Y} {format_clock(moment, language, zone)}"


async def card_text(
    services: Services, question: Question, language: Language, *, followup: bool = False
) -> str:
    """Everything staff need about a question, with who asked: staff chats only."""
    text = services.catalog.text
    title = "q-card-followup-title" if followup else "q-card-title"
    lines = [text(language, title, number=question.id)]
    lines += await _asker_lines(services, question, language)
    lines.append(await seminar_label(services, question.seminar_id, language))
    tags = [text(language, "q-card-topic", topic=topic_label(services, question.topic, language))]
    tags.append(text(language, "q-card-support", count=question.support))
    if question.shared:
        tags.append(text(language, "q-card-shared"))
    if question.in_faq:
        tags.append(text(language, "q-card-in-faq"))
    lines.append(" · ".join(tags))
    lines += ["", question_text(services, question, language)]
    thread = [
        text(language, f"q-card-{entry.kind}", text=snippet(entry.text, 600))
        for entry in await services.questions.entries(question.id)
    ]
    lines += [""] * bool(thread) + thread + [""]
    if question.translation_question and question.translation_answer:
        lines.append(
            text(
                language,
                "q-card-translation",
                question=snippet(question.translation_question, 300),
                answer=snippet(question.translation_answer, 600),
            )
        )
    lines.append(_status_line(services, question, language))
    if question.delivered is False:
        lines.append(text(language, "q-card-undelivered"))
    body = "\n".join(lines).strip()
    return snippet(body, MESSAGE_ROOM)


def _status_line(services: Services, question: Question, language: Language) -> str:
    text = services.catalog.text
    if question.status == "answered":
        key = "q-card-on-stage" if question.answered_on_stage else "q-card-answered"
        name = question.answered_by_name or ""
        return text(
            language,
            key,
            name=name,
            when=format_moment(services, question.answered_at or question.created_at, language),
        )
    if question.status == "rejected":
        return text(language, "q-card-rejected", reason=question.reject_reason or "")
    if question.status == "duplicate":
        return text(language, "q-card-duplicate", number=question.duplicate_of or 0)
    if question.claimed_by_name:
        return text(language, "q-card-claimed", name=question.claimed_by_name)
    return ""


def card_keyboard(
    services: Services, question: Question, language: Language
) -> InlineKeyboardMarkup | None:
    """The staff buttons a question in its current state offers."""
    text = services.catalog.text
    qid = question.id

    def button(key: str, action: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(text(language, key), callback_data=f"q:{action}:{qid}")

    if question.status == "open":
        share = ("button-q-unshare", "unshare") if question.shared else ("button-q-share", "share")
        buttons = [
            button("button-q-answer", "ans"),
            button("button-q-reject", "rej"),
            button("button-q-duplicate", "dup"),
            button("button-q-topic", "topic"),
            button(*share),
            button("button-q-stage", "stage"),
        ]
    elif question.status == "answered":
        faq = ("button-q-unfaq", "unfaq") if question.in_faq else ("button-q-faq", "faq")
        buttons = [button(*faq), button("button-q-topic", "topic")]
        if question.answer_text:
            buttons.append(button("button-q-translate", "tr"))
    else:
        return None
    return InlineKeyboardMarkup(rows(buttons, 2))


async def post_card(
    bot: Bot,
    services: Services,
    question: Question,
    chat_id: int,
    *,
    followup: bool = False,
) -> Message:
    """Post a question's card in a staff chat, after a copy of its voice or photo."""
    language = await chat_language(services, chat_id)
    reply_to = None
    if question.media_chat_id and question.media_message_id and not followup:
        try:
            copied = await bot.copy_message(
                chat_id, question.media_chat_id, question.media_message_id
            )
            reply_to = copied.message_id
            await services.questions.remember_message(chat_id, reply_to, question.id, "media")
        except BadRequest as error:
            # The asker may have deleted it; the card still says it was a voice or photo.
            log.warning("could not copy the media of question %s: %s", question.id, error)
    sent = await bot.send_message(
        chat_id,
        await card_text(services, question, language, followup=followup),
        reply_markup=card_keyboard(services, question, language),
        reply_to_message_id=reply_to,
    )
    await services.questions.remember_message(chat_id, sent.message_id, question.id, "card")
    return sent


async def notify_staff(
    bot: Bot, services: Services, question: Question, *, followup: bool = False
) -> None:
    """A new question (or a follow-up) goes to every staff chat.

    When the staff group cannot be reached (the bot was removed, the id is wrong), each
    admin gets it privately instead, so that no question is lost.
    """
    targets = staff_chats(services)
    reached = 0
    for chat_id in targets:
        try:
            await post_card(bot, services, question, chat_id, followup=followup)
            reached += 1
        except TelegramError as error:
            log.error("question %s did not reach staff chat %s: %s", question.id, chat_id, error)
    if reached or services.config.bot.staff_chat_id is None:
        return
    for admin in sorted(services.config.bot.admins):
        try:
            await post_card(bot, services, question, admin, followup=followup)
        except TelegramError as error:
            log.error("question %s did not reach admin %s: %s", question.id, admin, error)


async def refresh_cards(bot: Bot, services: Services, question_id: int) -> None:
    """Show the question's new state on every staff card of it."""
    question = await services.questions.get(question_id)
    if question is None:
        return
    for chat_id, message_id in await services.questions.cards(question_id):
        language = await chat_language(services, chat_id)
        try:
            await bot.edit_message_text(
                await card_text(services, question, language),
                chat_id=chat_id,
                message_id=message_id,
                reply_markup=card_keyboard(services, question, language),
            )
        except BadRequest as error:
            # "not modified" or a card deleted by hand: nothing to show there.
            log.info(
                "card %s/%s of question %s not edited: %s", chat_id, message_id, question_id, error
            )
        except TelegramError as error:
            log.warning("card %s of question %s not edited: %s", chat_id, question_id, error)


async def tell_asker(
    bot: Bot, services: Services, question: Question, key: str, **args: str | int
) -> bool:
    """Send the asker one text headed with their question; False if they blocked the bot."""
    if question.asker_id < 0:
        # The asker was forgotten (/forget): the pseudonym is no chat to write to.
        return False
    language = await services.language_of(question.asker_id, None)
    quote = snippet(question_text(services, question, language), QUOTE_LENGTH)
    body = services.catalog.text(language, key, number=question.id, question=quote, **args)
    try:
        sent = await bot.send_message(question.asker_id, snippet(body, MESSAGE_ROOM))
    except Forbidden:
        await services.people.set_reachable(question.asker_id, False, services.clock.now())
        if key not in ANSWER_KEYS:
            return False
        return await _reply_in_group(bot, services, question, snippet(body, MESSAGE_ROOM))
    # A reply to this message is a follow-up to the same question.
    await services.questions.remember_message(
        question.asker_id, sent.message_id, question.id, "answer"
    )
    return True


# Texts that may go to a group when the asker can't be written to; a rejection stays private.
ANSWER_KEYS = frozenset({"answer-to-asker", "answer-on-stage-to-asker"})


async def _reply_in_group(bot: Bot, services: Services, question: Question, body: str) -> bool:
    """A question asked in a group, whose asker can't be written to: reply to it there."""
    origin = await services.groups.question_origin(question.id)
    if origin is None:
        return False
    chat_id, message_id = origin
    reply = ReplyParameters(message_id, allow_sending_without_reply=True) if message_id else None
    try:
        await bot.send_message(chat_id, body, reply_parameters=reply)
    except TelegramError as error:
        log.warning("answer to question %s not posted in its group: %s", question.id, error)
        return False
    return True


async def deliver_answer(bot: Bot, services: Services, question: Question) -> bool:
    """Send the answer to the asker and to the askers of its merged duplicates.

    Returns whether the question's own asker got it; the result is stored either way.
    """
    delivered = await deliver_to(bot, services, question, question)
    for duplicate in await services.questions.duplicates_of(question.id):
        await deliver_to(bot, services, duplicate, question)
    return delivered


async def deliver_to(bot: Bot, services: Services, asked: Question, answered: Question) -> bool:
    """The answer of `answered` to the asker of `asked` (itself, or a merged duplicate)."""
    if answered.answered_on_stage:
        delivered = await tell_asker(bot, services, asked, "answer-on-stage-to-asker")
    else:
        answer = answered.answer_text or ""
        delivered = await tell_asker(bot, services, asked, "answer-to-asker", answer=answer)
    await services.questions.set_delivered(asked.id, delivered)
    return delivered
