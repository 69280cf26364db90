"""A person's own data: /mydata sends all of it, /forget erases it after a confirmation."""

from __future__ import annotations

import io
import json
import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.context import BotApplication, BotContext
from handlers.common import answer_outdated, language_for, say
from handlers.registration_views import profile_lines
from messages import Language, format_day
from storage.privacy import export_person, forget_person

log = logging.getLogger(__name__)


async def mydata(update: Update, context: BotContext) -> None:
    """Send the person a summary of their data and a JSON file with every row about them."""
    services = context.services
    user = update.effective_user
    message = update.effective_message
    assert user is not None and message is not None
    held = await export_person(services.db, user.id)
    if not held:
        await say(update, context, "mydata-nothing")
        return
    language = await language_for(update, context)
    text = services.catalog.text
    lines = [text(language, "mydata-title")]
    person = await services.people.get(user.id)
    if person is not None:
        lines.append(f"{text(language, 'field-name')}: {person.full_name}")
        if person.username:
            lines.append(f"{text(language, 'field-username')}: @{person.username}")
        lines.append(
            profile_lines(
                services,
                language,
                person_language=person.language,
                role=person.role,
                region=person.region_code,
                rayon=person.rayon_code,
                organisation=person.organisation_name,
                phone=person.phone,
            )
        )
        subscribed = "mydata-subscribed" if person.subscribed else "mydata-unsubscribed"
        day = format_day(person.registered_at, language, services.config.bot.timezone)
        lines += [text(language, subscribed), text(language, "mydata-registered", day=day)]
    lines.append(text(language, "mydata-file"))
    await message.reply_text("\n".join(lines))
    document = json.dumps({"telegram_id": user.id, **held}, ensure_ascii=False, indent=1)
    await message.reply_document(
        InputFile(io.BytesIO(document.encode()), filename="mydata.json"),
        caption=text(language, "mydata-file-caption"),
    )
    log.info("sent a person their data (%d parts)", len(held))


def _confirm_keyboard(context: BotContext, language: Language) -> InlineKeyboardMarkup:
    text = context.services.catalog.text
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    text(language, "button-forget-yes"), callback_data="forget:yes"
                ),
                InlineKeyboardButton(text(language, "button-forget-no"), callback_data="forget:no"),
            ]
        ]
    )


async def forget(update: Update, context: BotContext) -> None:
    """Ask before erasing: the step cannot be undone."""
    user = update.effective_user
    message = update.effective_message
    assert user is not None and message is not None
    if not await export_person(context.services.db, user.id):
        await say(update, context, "mydata-nothing")
        return
    language = await language_for(update, context)
    await message.reply_text(
        context.services.catalog.text(language, "forget-confirm"),
        reply_markup=_confirm_keyboard(context, language),
    )


async def forget_button(update: Update, context: BotContext) -> None:
    """«Yes, delete» erases everything about the presser; «Keep» leaves it."""
    query = update.callback_query
    user = update.effective_user
    assert query is not None and user is not None
    services = context.services
    # Known before the data goes: the answer is in the language they used.
    language = await language_for(update, context)
    if query.data not in ("forget:yes", "forget:no") or not await export_person(
        services.db, user.id
    ):
        await answer_outdated(update, context)
        return
    if query.data == "forget:no":
        await query.answer()
        await query.edit_message_text(services.catalog.text(language, "forget-kept"))
        return
    # Pressing is the confirmation; the person's id only comes from Telegram, never the data.
    await forget_person(services.db, user.id, services.clock.now())
    if context.user_data is not None:
        context.user_data.clear()
    log.info("a person asked to be forgotten; done")
    await query.answer()
    await query.edit_message_text(services.catalog.text(language, "forget-done"))


def register(application: BotApplication) -> None:
    """Add /mydata, /forget and its buttons."""
    private = filters.ChatType.PRIVATE
    application.add_handler(CommandHandler("mydata", mydata, filters=private))
    application.add_handler(CommandHandler("forget", forget, filters=private))
    application.add_handler(CallbackQueryHandler(forget_button, pattern=r"^forget:"))
