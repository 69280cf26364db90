"""Questions and answers: registers asking, staff work, the FAQ and the daily digest.

Typed input is read in INPUT_GROUP, after registration's: a reply to an answer is a
follow-up, staff text answers or rejects, anything else may be a question being written.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import (
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.context import BotApplication, BotContext
from handlers import (
    question_asking,
    question_digest,
    question_faq,
    question_queue,
    question_staff,
)
from storage.question_drafts import FEATURE as QUESTIONS

INPUT_GROUP = 20
STAFF_KINDS = ("card", "media", "prompt")


async def _replied_question(update: Update, context: BotContext) -> tuple[int, str] | None:
    message = update.effective_message
    assert message is not None
    replied = message.reply_to_message
    if replied is None:
        return None
    return await context.services.questions.message_question(message.chat_id, replied.message_id)


async def on_private_input(update: Update, context: BotContext) -> None:
    """Private text, voice or photo: a follow-up, a staff answer, or a question's body."""
    replied = await _replied_question(update, context)
    if replied is not None and replied[1] == "answer":
        await question_asking.take_followup(update, context, replied[0])
        raise ApplicationHandlerStop
    staff_question = replied[0] if replied is not None and replied[1] in STAFF_KINDS else None
    user = update.effective_user
    # A reply names its question; plain text is ours only if our prompt was the last one.
    if staff_question is None and (
        user is None or not await context.services.input_focus.may_read(user.id, QUESTIONS)
    ):
        return
    if await question_staff.take_staff_text(update, context, staff_question):
        raise ApplicationHandlerStop
    if await question_asking.take_question_input(update, context):
        raise ApplicationHandlerStop


async def on_group_input(update: Update, context: BotContext) -> None:
    """Text in the staff group: an answer by reply, or after pressing Answer or Reject."""
    chat = update.effective_chat
    if chat is None or chat.id != context.services.config.bot.staff_chat_id:
        return
    replied = await _replied_question(update, context)
    staff_question = replied[0] if replied is not None and replied[1] in STAFF_KINDS else None
    if await question_staff.take_staff_text(update, context, staff_question):
        raise ApplicationHandlerStop


def register(application: BotApplication) -> None:
    """Add the question handlers and schedule the digest."""
    private = filters.ChatType.PRIVATE
    staff_places = filters.ChatType.PRIVATE | filters.ChatType.GROUPS
    application.add_handler(CommandHandler("ask", question_asking.ask, filters=private))
    application.add_handler(
        CommandHandler("myquestions", question_asking.my_questions, filters=private)
    )
    application.add_handler(CommandHandler("faq", question_faq.faq, filters=private))
    application.add_handler(CommandHandler("questions", question_queue.queue, filters=staff_places))
    application.add_handler(
        CallbackQueryHandler(question_asking.ask_about_seminar, pattern=r"^ask:seminar:")
    )
    application.add_handler(
        CallbackQueryHandler(question_asking.ask_button_pressed, pattern=r"^ask:")
    )
    application.add_handler(CallbackQueryHandler(question_queue.queue_filter, pattern=r"^q:list:"))
    application.add_handler(CallbackQueryHandler(question_staff.on_card_button, pattern=r"^q:"))
    application.add_handler(CallbackQueryHandler(question_faq.faq_button, pattern=r"^faq:"))
    application.add_handler(CallbackQueryHandler(question_faq.support, pattern=r"^sup:"))
    content = (filters.TEXT & ~filters.COMMAND) | filters.PHOTO | filters.VOICE
    application.add_handler(MessageHandler(private & content, on_private_input), group=INPUT_GROUP)
    application.add_handler(
        MessageHandler(filters.ChatType.GROUPS & filters.TEXT & ~filters.COMMAND, on_group_input),
        group=INPUT_GROUP,
    )
    question_digest.setup(application)
