"""Staff: the buttons on a question's card, answers by reply or after «Answer», /questions."""

from __future__ import annotations

import re

from telegram import ForceReply, InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.context import BotContext
from bot.services import Services
from bot.topics import topic_label
from handlers.common import answer_outdated, language_for, say, staff_only
from handlers.question_views import (
    CLAIM_LAPSE,
    MESSAGE_ROOM,
    card_keyboard,
    chat_language,
    deliver_answer,
    deliver_to,
    post_card,
    question_text,
    refresh_cards,
    snippet,
    tell_asker,
)
from handlers.registration_views import rows
from messages import Language
from storage.question_drafts import StaffInput
from storage.questions import Question

# Staff send a translation as the question, a line of dashes, then the answer.
TRANSLATION_SEPARATOR = re.compile(r"^\s*-{3,}\s*$", re.MULTILINE)


def _staff_name(update: Update) -> str:
    user = update.effective_user
    assert user is not None
    return user.full_name


async def _say_here(update: Update, context: BotContext, key: str, **args: str | int) -> None:
    """A staff notice in the chat it concerns, in that chat's language."""
    message = update.effective_message
    assert message is not None
    language = await chat_language(context.services, message.chat_id)
    await message.reply_text(context.services.catalog.text(language, key, **args))


@staff_only
async def on_card_button(update: Update, context: BotContext) -> None:
    """Answer, Reject, Duplicate of…, Topic, Share, FAQ, Answered on stage."""
    query = update.callback_query
    services = context.services
    assert query is not None and query.data is not None and update.effective_user is not None
    parts = query.data.split(":")[1:]
    action = parts[0] if parts else ""
    question_id = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
    question = await services.questions.get(question_id)
    if question is None or query.message is None:
        await answer_outdated(update, context)
        return
    handler = _ACTIONS.get(action)
    if handler is None:
        await answer_outdated(update, context)
        return
    await handler(update, context, question, parts[2:])


async def _claim_and_prompt(
    update: Update, context: BotContext, question: Question, action: str
) -> None:
    query, services = update.callback_query, context.services
    assert query is not None and query.message is not None and update.effective_user is not None
    staff_id = update.effective_user.id
    now = services.clock.now()
    if question.status != "open":
        await say(update, context, "q-closed", number=question.id)
        return
    if not await services.questions.claim(
        question.id, staff_id, _staff_name(update), now, now - CLAIM_LAPSE
    ):
        current = await services.questions.get(question.id)
        if current is not None and current.status == "open" and current.claimed_by_name:
            await say(
                update,
                context,
                "q-claimed-by-other",
                number=question.id,
                name=current.claimed_by_name,
            )
        else:
            await say(update, context, "q-closed", number=question.id)
        return
    chat_id = query.message.chat.id
    await services.question_drafts.start_staff_input(
        StaffInput(staff_id, chat_id, question.id, action), now
    )
    await query.answer()
    key = "q-answer-prompt" if action == "answer" else "q-reject-prompt"
    await _prompt(update, context, question, key)
    await refresh_cards(context.bot, services, question.id)


async def _prompt(
    update: Update, context: BotContext, question: Question, key: str, **args: str | int
) -> None:
    """Ask the presser for text as a forced reply, which reaches the bot even in privacy mode."""
    query, services = update.callback_query, context.services
    assert query is not None and query.message is not None
    chat_id = query.message.chat.id
    language = await chat_language(services, chat_id)
    prompt = await context.bot.send_message(
        chat_id,
        services.catalog.text(language, key, name=_staff_name(update), number=question.id, **args),
        reply_to_message_id=query.message.message_id,
        reply_markup=ForceReply(selective=True),
    )
    await services.questions.remember_message(chat_id, prompt.message_id, question.id, "prompt")


async def _translate(update: Update, context: BotContext, question: Question, _: list[str]) -> None:
    query, services = update.callback_query, context.services
    assert query is not None and query.message is not None and update.effective_user is not None
    if question.status != "answered" or not question.answer_text:
        await say(update, context, "q-faq-needs-answer")
        return
    await services.question_drafts.start_staff_input(
        StaffInput(update.effective_user.id, query.message.chat.id, question.id, "translate"),
        services.clock.now(),
    )
    await query.answer()
    language = await chat_language(services, query.message.chat.id)
    other = "ru" if question.language == "ky" else "ky"
    name = services.catalog.text(language, f"q-target-{other}")
    await _prompt(update, context, question, "q-translate-prompt", target=name)


async def _answer(update: Update, context: BotContext, question: Question, _: list[str]) -> None:
    await _claim_and_prompt(update, context, question, "answer")


async def _reject(update: Update, context: BotContext, question: Question, _: list[str]) -> None:
    await _claim_and_prompt(update, context, question, "reject")


async def _show_keyboard(
    update: Update, context: BotContext, markup: InlineKeyboardMarkup | None
) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer()
    await query.edit_message_reply_markup(markup)


async def _back(update: Update, context: BotContext, question: Question, _: list[str]) -> None:
    language = await _query_language(update, context)
    await _show_keyboard(update, context, card_keyboard(context.services, question, language))


async def _query_language(update: Update, context: BotContext) -> Language:
    query = update.callback_query
    assert query is not None and query.message is not None
    return await chat_language(context.services, query.message.chat.id)


def _back_button(
    services: Services, language: Language, question: Question
) -> InlineKeyboardButton:
    return InlineKeyboardButton(
        services.catalog.text(language, "button-back"), callback_data=f"q:back:{question.id}"
    )


async def _topics(update: Update, context: BotContext, question: Question, _: list[str]) -> None:
    services = context.services
    language = await _query_language(update, context)
    buttons = [
        InlineKeyboardButton(
            topic_label(services, code, language), callback_data=f"q:tag:{question.id}:{code}"
        )
        for code in services.config.questions.topics
    ]
    markup = InlineKeyboardMarkup([*rows(buttons, 2), [_back_button(services, language, question)]])
    await _show_keyboard(update, context, markup)


async def _tag(update: Update, context: BotContext, question: Question, args: list[str]) -> None:
    services = context.services
    if not args or args[0] not in services.config.questions.topics:
        await answer_outdated(update, context)
        return
    await services.questions.set_topic(question.id, args[0], services.clock.now())
    language = await language_for(update, context)
    await say(
        update,
        context,
        "q-tagged",
        number=question.id,
        topic=topic_label(services, args[0], language),
    )
    await refresh_cards(context.bot, services, question.id)


async def _duplicates(
    update: Update, context: BotContext, question: Question, _: list[str]
) -> None:
    services = context.services
    if question.status != "open":
        await say(update, context, "q-closed", number=question.id)
        return
    language = await _query_language(update, context)
    candidates = await services.questions.merge_candidates(question)
    if not candidates:
        await say(update, context, "q-no-duplicate-candidates")
        return
    buttons = [
        InlineKeyboardButton(
            f"№{c.id} · {snippet(question_text(services, c, language), 40)}",
            callback_data=f"q:dupof:{question.id}:{c.id}",
        )
        for c in candidates
    ]
    markup = InlineKeyboardMarkup([*rows(buttons, 1), [_back_button(services, language, question)]])
    await _show_keyboard(update, context, markup)


async def _duplicate_of(
    update: Update, context: BotContext, question: Question, args: list[str]
) -> None:
    services = context.services
    original = await services.questions.get(int(args[0])) if args and args[0].isdigit() else None
    if original is None or original.id == question.id or original.seminar_id != question.seminar_id:
        await answer_outdated(update, context)
        return
    if not await services.questions.mark_duplicate(question.id, original.id, services.clock.now()):
        await say(update, context, "q-closed", number=question.id)
        return
    await say(update, context, "q-merged", number=question.id, original=original.id)
    merged = await services.questions.get(question.id)
    assert merged is not None
    if original.status == "answered":
        # The original was answered before the merge: its answer goes out now.
        delivered = await deliver_to(context.bot, services, merged, original)
        if not delivered:
            await _say_here(update, context, "q-answer-undelivered", number=merged.id)
    await refresh_cards(context.bot, services, question.id)
    await refresh_cards(context.bot, services, original.id)


async def _flag(
    update: Update, context: BotContext, question: Question, field: str, value: bool
) -> None:
    services = context.services
    now = services.clock.now()
    if field == "shared":
        changed = await services.questions.set_shared(question.id, value, now)
        key = "q-shared" if value else "q-unshared"
    else:
        changed = await services.questions.set_in_faq(question.id, value, now)
        key = "q-published" if value else "q-unpublished"
    if not changed:
        closed = field == "shared" or question.status != "answered"
        await say(
            update, context, "q-closed" if closed else "q-faq-needs-answer", number=question.id
        )
        return
    await say(update, context, key, number=question.id)
    await refresh_cards(context.bot, services, question.id)


async def _share(update: Update, context: BotContext, question: Question, _: list[str]) -> None:
    await _flag(update, context, question, "shared", True)


async def _unshare(update: Update, context: BotContext, question: Question, _: list[str]) -> None:
    await _flag(update, context, question, "shared", False)


async def _faq(update: Update, context: BotContext, question: Question, _: list[str]) -> None:
    await _flag(update, context, question, "in_faq", True)


async def _unfaq(update: Update, context: BotContext, question: Question, _: list[str]) -> None:
    await _flag(update, context, question, "in_faq", False)


async def _on_stage(update: Update, context: BotContext, question: Question, _: list[str]) -> None:
    query = update.callback_query
    assert query is not None
    if await _record_answer(update, context, question.id, None):
        await query.answer()


async def _show(update: Update, context: BotContext, question: Question, _: list[str]) -> None:
    """A question from the /questions list, posted as a card here to act on."""
    query = update.callback_query
    assert query is not None and query.message is not None
    await query.answer()
    await post_card(context.bot, context.services, question, query.message.chat.id)


_ACTIONS = {
    "ans": _answer,
    "rej": _reject,
    "back": _back,
    "topic": _topics,
    "tag": _tag,
    "dup": _duplicates,
    "dupof": _duplicate_of,
    "share": _share,
    "unshare": _unshare,
    "faq": _faq,
    "unfaq": _unfaq,
    "stage": _on_stage,
    "show": _show,
    "tr": _translate,
}


async def take_staff_text(update: Update, context: BotContext, question_id: int | None) -> bool:
    """Staff text that answers or rejects a question: after pressing a button, or a reply.

    `question_id` is the question the message replies to, if any. Returns whether the
    text was taken; a non-staff reply to a question is refused here too.
    """
    services = context.services
    user, message = update.effective_user, update.effective_message
    assert user is not None and message is not None
    pending = await services.question_drafts.staff_input(user.id)
    if pending is not None and pending.chat_id != message.chat_id:
        pending = None
    if question_id is None and pending is None:
        return False
    if not services.is_staff(user.id):
        await say(update, context, "staff-only")
        return True
    if question_id is None or (pending is not None and pending.question_id == question_id):
        assert pending is not None
        question_id, action = pending.question_id, pending.action
    else:
        action = "answer"
    body = (message.text or message.caption or "").strip()
    if not body:
        await _say_here(update, context, "q-text-empty")
        return True
    if len(body) > MESSAGE_ROOM - 500:
        await _say_here(
            update, context, "q-text-too-long", length=len(body), limit=MESSAGE_ROOM - 500
        )
        return True
    if action == "translate":
        parts = [part.strip() for part in TRANSLATION_SEPARATOR.split(body)]
        if len(parts) != 2 or not all(parts):
            await _say_here(update, context, "q-translate-format")
            return True
        await services.question_drafts.end_staff_input(user.id)
        await _record_translation(update, context, question_id, parts[0], parts[1])
        return True
    await services.question_drafts.end_staff_input(user.id)
    if action == "reject":
        await _record_rejection(update, context, question_id, body)
    else:
        await _record_answer(update, context, question_id, body)
    return True


async def _record_answer(
    update: Update, context: BotContext, question_id: int, body: str | None
) -> bool:
    """Store the answer (None: answered on stage), deliver it, update every card."""
    services = context.services
    user = update.effective_user
    assert user is not None
    now = services.clock.now()
    if not await services.questions.answer(
        question_id,
        body,
        user.id,
        _staff_name(update),
        now,
        now - CLAIM_LAPSE,
        on_stage=body is None,
    ):
        current = await services.questions.get(question_id)
        if current is not None and current.status == "open" and current.claimed_by_name:
            await _tell(
                update,
                context,
                "q-claimed-by-other",
                number=question_id,
                name=current.claimed_by_name,
            )
        else:
            await _tell(update, context, "q-closed", number=question_id)
        return False
    question = await services.questions.get(question_id)
    assert question is not None
    if not await deliver_answer(context.bot, services, question):
        # Told in the chat, not as an alert: the button's alert is gone in a moment.
        await _say_here(update, context, "q-answer-undelivered", number=question_id)
    await refresh_cards(context.bot, services, question_id)
    return True


async def _tell(update: Update, context: BotContext, key: str, **args: str | int) -> None:
    """An alert for a button, else a message in the chat."""
    if update.callback_query:
        await say(update, context, key, **args)
    else:
        await _say_here(update, context, key, **args)


async def _record_translation(
    update: Update, context: BotContext, question_id: int, question: str, answer: str
) -> None:
    services = context.services
    if not await services.questions.set_translation(
        question_id, question, answer, services.clock.now()
    ):
        await _say_here(update, context, "q-faq-needs-answer")
        return
    await _say_here(update, context, "q-translated", number=question_id)
    await refresh_cards(context.bot, services, question_id)


async def _record_rejection(
    update: Update, context: BotContext, question_id: int, reason: str
) -> None:
    services = context.services
    if not await services.questions.reject(question_id, reason, services.clock.now()):
        await _say_here(update, context, "q-closed", number=question_id)
        return
    question = await services.questions.get(question_id)
    assert question is not None
    delivered = await tell_asker(
        context.bot, services, question, "rejected-to-asker", reason=reason
    )
    await _say_here(
        update, context, "q-rejected" if delivered else "q-answer-undelivered", number=question_id
    )
    await refresh_cards(context.bot, services, question_id)
