"""Participants: /ask (or the button under a seminar), follow-ups, /myquestions."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from bot.context import BotContext
from bot.rate_limiter import Bot
from bot.services import Services
from handlers.common import answer_outdated, language_for, say
from handlers.question_views import (
    notify_staff,
    question_text,
    seminar_label,
    snippet,
)
from handlers.registration_views import rows
from messages import Language
from storage.people import Person
from storage.question_drafts import QuestionDraft
from storage.questions import NewQuestion
from storage.seminars import Seminar

# Questions about a seminar keep coming for a while after it; older ones are "general".
RECENT_SEMINARS = timedelta(days=30)
MAX_SEMINAR_BUTTONS = 8


def ask_button(services: Services, seminar: Seminar, language: Language) -> InlineKeyboardButton:
    """«Ask a question» for placing under a seminar's card."""
    return InlineKeyboardButton(
        services.catalog.text(language, "button-ask"), callback_data=f"ask:seminar:{seminar.id}"
    )


def _cancel_row(services: Services, language: Language) -> list[InlineKeyboardButton]:
    return [
        InlineKeyboardButton(
            services.catalog.text(language, "button-cancel"), callback_data="ask:x"
        )
    ]


async def _may_ask(update: Update, context: BotContext) -> bool:
    """Registered, and under the hourly limit; otherwise say why."""
    services = context.services
    user = update.effective_user
    assert user is not None
    if await services.people.get(user.id) is None:
        await say(update, context, "register-first")
        return False
    limit = services.config.questions.per_hour
    since = services.clock.now() - timedelta(hours=1)
    if await services.questions.count_since(user.id, since) >= limit:
        await say(update, context, "ask-rate-limit", limit=limit)
        return False
    return True


async def _seminars_to_ask_about(services: Services) -> list[Seminar]:
    now = services.clock.now()
    recent = [
        s
        for s in await services.seminars.all_for_staff(now)
        if not s.is_cancelled and s.fields.ends_at > now - RECENT_SEMINARS
    ]
    return recent[:MAX_SEMINAR_BUTTONS]


async def _write_prompt(services: Services, draft: QuestionDraft, language: Language) -> str:
    return services.catalog.text(
        language,
        "ask-write",
        seminar=await seminar_label(services, draft.seminar_id, language),
        limit=services.config.questions.max_length,
    )


async def ask(update: Update, context: BotContext) -> None:
    """/ask: pick the seminar (or a general question)."""
    services = context.services
    user, message = update.effective_user, update.effective_message
    assert user is not None and message is not None
    if not await _may_ask(update, context):
        return
    language = await language_for(update, context)
    text = services.catalog.text
    seminars = await _seminars_to_ask_about(services)
    if not seminars:
        draft = QuestionDraft(user.id, step="text")
        await services.question_drafts.save(draft, services.clock.now())
        await message.reply_text(
            await _write_prompt(services, draft, language),
            reply_markup=InlineKeyboardMarkup([_cancel_row(services, language)]),
        )
        return
    await services.question_drafts.save(
        QuestionDraft(user.id, step="seminar"), services.clock.now()
    )
    buttons = [
        InlineKeyboardButton(s.title(language), callback_data=f"ask:s:{s.id}") for s in seminars
    ]
    general = InlineKeyboardButton(
        text(language, "button-general-question"), callback_data="ask:s:0"
    )
    await message.reply_text(
        text(language, "ask-choose-seminar"),
        reply_markup=InlineKeyboardMarkup(
            [*rows(buttons, 1), [general], _cancel_row(services, language)]
        ),
    )


async def ask_about_seminar(update: Update, context: BotContext) -> None:
    """The «Ask a question» button under a seminar: straight to writing."""
    query = update.callback_query
    services = context.services
    assert query is not None and query.data is not None and update.effective_user is not None
    user_id = update.effective_user.id
    seminar_id = query.data.removeprefix("ask:seminar:")
    seminar = await services.seminars.get(int(seminar_id)) if seminar_id.isdigit() else None
    if seminar is None or seminar.is_cancelled:
        await answer_outdated(update, context)
        return
    if not await _may_ask(update, context):
        return
    draft = QuestionDraft(user_id, step="text", seminar_id=seminar.id)
    await services.question_drafts.save(draft, services.clock.now())
    language = await language_for(update, context)
    await query.answer()
    await context.bot.send_message(
        user_id,
        await _write_prompt(services, draft, language),
        reply_markup=InlineKeyboardMarkup([_cancel_row(services, language)]),
    )


async def ask_button_pressed(update: Update, context: BotContext) -> None:
    """Seminar choice, anonymity, send and cancel, each checked against the stored step."""
    query = update.callback_query
    services = context.services
    assert query is not None and query.data is not None and update.effective_user is not None
    user_id = update.effective_user.id
    language = await language_for(update, context)
    text = services.catalog.text
    draft = await services.question_drafts.get(user_id)
    action, _, value = query.data.removeprefix("ask:").partition(":")
    if action == "x" and draft is not None:
        await services.question_drafts.delete(user_id)
        await query.answer()
        await query.edit_message_text(text(language, "ask-cancelled"))
        return
    if draft is None:
        await answer_outdated(update, context)
        return
    if action == "s" and draft.step == "seminar" and value.isdigit():
        seminar = await services.seminars.get(int(value)) if value != "0" else None
        if value != "0" and (seminar is None or seminar.is_cancelled):
            await answer_outdated(update, context)
            return
        draft = replace(draft, step="text", seminar_id=seminar.id if seminar else None)
        await services.question_drafts.save(draft, services.clock.now())
        await query.answer()
        await query.edit_message_text(
            await _write_prompt(services, draft, language),
            reply_markup=InlineKeyboardMarkup([_cancel_row(services, language)]),
        )
        return
    if action == "anon" and draft.step == "anonymity" and value in ("0", "1"):
        draft = replace(draft, step="confirm", anonymous=value == "1")
        await services.question_drafts.save(draft, services.clock.now())
        await query.answer()
        await query.edit_message_text(
            await _confirm_text(services, draft, language),
            reply_markup=InlineKeyboardMarkup(
                [
                    [
                        InlineKeyboardButton(
                            text(language, "button-ask-send"), callback_data="ask:send"
                        )
                    ],
                    _cancel_row(services, language),
                ]
            ),
        )
        return
    if action == "send" and draft.step == "confirm":
        await _send(update, context, draft, language)
        return
    await answer_outdated(update, context)


async def _confirm_text(services: Services, draft: QuestionDraft, language: Language) -> str:
    text = services.catalog.text
    anonymity = text(language, "ask-anonymous-mark" if draft.anonymous else "ask-named-mark")
    if draft.anonymous:
        anonymity += "\n" + text(language, "ask-anonymous-explained")
    parts = [text(language, f"ask-{draft.media_kind}")] if draft.media_kind else []
    parts += [draft.text] if draft.text else []
    return text(
        language,
        "ask-confirm",
        seminar=await seminar_label(services, draft.seminar_id, language),
        anonymity=anonymity,
        text="\n".join(parts),
    )


async def _send(
    update: Update, context: BotContext, draft: QuestionDraft, language: Language
) -> None:
    query = update.callback_query
    services = context.services
    assert query is not None
    if not await _may_ask(update, context):
        return
    question = await services.questions.create(
        NewQuestion(
            asker_id=draft.telegram_id,
            seminar_id=draft.seminar_id,
            text=draft.text,
            media_kind=draft.media_kind,
            media_file_id=draft.media_file_id,
            media_chat_id=draft.media_chat_id,
            media_message_id=draft.media_message_id,
            anonymous=draft.anonymous,
            language=language,
        ),
        services.clock.now(),
    )
    await services.question_drafts.delete(draft.telegram_id)
    await query.answer()
    await query.edit_message_text(services.catalog.text(language, "ask-sent", number=question.id))
    await notify_staff(context.bot, services, question)


async def take_question_input(update: Update, context: BotContext) -> bool:
    """The question's text, voice or photo, when the person is at that step."""
    services = context.services
    user, message = update.effective_user, update.effective_message
    assert user is not None and message is not None
    draft = await services.question_drafts.get(user.id)
    if draft is None:
        return False
    language = await language_for(update, context)
    if draft.step != "text":
        await message.reply_text(services.catalog.text(language, "use-buttons"))
        return True
    body = (message.text or message.caption or "").strip()
    media_kind, file_id = None, None
    if message.voice is not None:
        media_kind, file_id = "voice", message.voice.file_id
    elif message.photo:
        media_kind, file_id = "photo", message.photo[-1].file_id
        if not body:
            await say(update, context, "ask-photo-caption")
            return True
    if not body and media_kind is None:
        await say(update, context, "ask-empty")
        return True
    limit = services.config.questions.max_length
    if len(body) > limit:
        await say(update, context, "ask-too-long", length=len(body), limit=limit)
        return True
    draft = replace(
        draft,
        step="anonymity",
        text=body,
        media_kind=media_kind,
        media_file_id=file_id,
        media_chat_id=message.chat_id if media_kind else None,
        media_message_id=message.message_id if media_kind else None,
    )
    await services.question_drafts.save(draft, services.clock.now())
    await _ask_anonymity(message, services, language)
    return True


async def _ask_anonymity(message: Message, services: Services, language: Language) -> None:
    text = services.catalog.text
    await message.reply_text(
        f"{text(language, 'ask-anonymity')}\n\n{text(language, 'ask-anonymous-explained')}",
        reply_markup=InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        text(language, "button-ask-named"), callback_data="ask:anon:0"
                    ),
                    InlineKeyboardButton(
                        text(language, "button-ask-anonymous"), callback_data="ask:anon:1"
                    ),
                ],
                _cancel_row(services, language),
            ]
        ),
    )


async def take_followup(update: Update, context: BotContext, question_id: int) -> None:
    """The asker replied to an answer: it joins the same question and goes back to staff."""
    services = context.services
    user, message = update.effective_user, update.effective_message
    assert user is not None and message is not None
    question = await services.questions.get(question_id)
    body = (message.text or message.caption or "").strip()
    if question is None or question.asker_id != user.id:
        return
    if question.status in ("rejected", "duplicate"):
        await say(update, context, "followup-closed", number=question.id)
        return
    if not body:
        await say(update, context, "ask-empty")
        return
    limit = services.config.questions.max_length
    if len(body) > limit:
        await say(update, context, "ask-too-long", length=len(body), limit=limit)
        return
    await services.questions.add_followup(question.id, body, user.id, services.clock.now())
    await say(update, context, "followup-added", number=question.id)
    updated = await services.questions.get(question.id)
    assert updated is not None
    await notify_staff(context.bot, services, updated, followup=True)


async def questions_summary(services: Services, person: Person, language: Language) -> str | None:
    """One line for /my: how many questions and answers; None when the person asked none."""
    asked = await services.questions.by_asker(person.telegram_id)
    if not asked:
        return None
    answered = sum(1 for q in asked if q.status == "answered")
    return services.catalog.text(
        language, "my-questions-summary", total=len(asked), answered=answered
    )


async def my_questions(update: Update, context: BotContext) -> None:
    """/myquestions: the person's questions, newest first, with their answers."""
    services = context.services
    user, message = update.effective_user, update.effective_message
    assert user is not None and message is not None
    language = await language_for(update, context)
    text = services.catalog.text
    asked = await services.questions.by_asker(user.id)
    if not asked:
        await message.reply_text(text(language, "my-questions-none"))
        return
    blocks = [text(language, "my-questions-title")]
    for question in asked:
        lines = [
            text(
                language,
                "my-question-line",
                number=question.id,
                status=text(language, f"status-{question.status}"),
                text=snippet(question_text(services, question, language), 120),
            )
        ]
        if question.status == "answered" and question.answer_text:
            lines.append(
                text(language, "my-question-answer", answer=snippet(question.answer_text, 300))
            )
        elif question.status == "rejected" and question.reject_reason:
            lines.append(text(language, "my-question-answer", answer=question.reject_reason))
        blocks.append("\n".join(lines))
    await _send_in_parts(context.bot, user.id, blocks)


async def _send_in_parts(bot: Bot, chat_id: int, blocks: list[str]) -> None:
    """Blocks joined into as few messages as Telegram's length allows."""
    current = ""
    for block in blocks:
        if current and len(current) + len(block) + 2 > 4000:
            await bot.send_message(chat_id, current)
            current = ""
        current = f"{current}\n\n{block}" if current else block
    if current:
        await bot.send_message(chat_id, current)
