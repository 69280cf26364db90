"""A registered person's own settings: /settings, /language, /stop, /help, blocking the bot."""

from __future__ import annotations

from dataclasses import replace

from telegram import ChatMember, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, ChatMemberHandler, CommandHandler, filters

from bot.context import BotApplication, BotContext
from bot.menus import PARTICIPANT_COMMANDS, STAFF_COMMANDS
from handlers.common import answer_outdated, language_for, say
from handlers.registration_views import screen
from messages import Language, is_language
from storage.registration_drafts import RegistrationDraft


async def settings(update: Update, context: BotContext) -> None:
    """Show the person's answers with buttons to change each one."""
    services = context.services
    user = update.effective_user
    message = update.effective_message
    assert user is not None and message is not None
    person = await services.people.get(user.id)
    if person is None:
        await say(update, context, "register-first")
        return
    draft = await services.drafts.get(user.id)
    if draft is None:
        draft = RegistrationDraft(
            telegram_id=user.id,
            step="sum",
            language=person.language,
            role=person.role,
            region_code=person.region_code,
            rayon_code=person.rayon_code,
            organisation_id=person.organisation_id,
            phone=person.phone,
            phone_asked=True,
            invitation_code=person.invitation_code,
        )
    # Saving (again) also makes this screen the reader of the person's next typed text.
    await services.drafts.save(draft, services.clock.now())
    shown = await screen(services, draft, registered=True)
    await message.reply_text(shown.text, reply_markup=shown.markup)


async def _switch(update: Update, context: BotContext, language: Language) -> None:
    services = context.services
    user = update.effective_user
    assert user is not None
    now = services.clock.now()
    await services.people.set_language(user.id, language, now)
    draft = await services.drafts.get(user.id)
    if draft is not None:
        draft = replace(draft, language=language)
        await services.drafts.save(draft, now)
    other = "ru" if language == "ky" else "ky"
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    services.catalog.text(language, "button-switch-language"),
                    callback_data=f"lang:{other}",
                )
            ]
        ]
    )
    text = services.catalog.text(language, "language-switched")
    if update.callback_query:
        await update.callback_query.answer()
        await update.callback_query.edit_message_text(text, reply_markup=keyboard)
    elif update.effective_message:
        await update.effective_message.reply_text(text, reply_markup=keyboard)
    if draft is not None and update.effective_chat is not None:
        # The open registration or settings screen was in the old language: show it again.
        registered = await services.people.get(user.id) is not None
        shown = await screen(services, draft, registered=registered)
        await context.bot.send_message(
            update.effective_chat.id, shown.text, reply_markup=shown.markup
        )


async def language(update: Update, context: BotContext) -> None:
    """Switch to the other language at once (or to the one named: /language ru)."""
    user = update.effective_user
    assert user is not None
    services = context.services
    if await services.people.get(user.id) is None and await services.drafts.get(user.id) is None:
        await say(update, context, "register-first")
        return
    current = await language_for(update, context)
    wanted = context.args[0].lower() if context.args else ""
    target: Language = wanted if is_language(wanted) else ("ru" if current == "ky" else "ky")
    await _switch(update, context, target)


async def language_button(update: Update, context: BotContext) -> None:
    """The «switch back» button under a language change."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    wanted = query.data.removeprefix("lang:")
    services = context.services
    user_id = update.effective_user.id
    known = await services.people.get(user_id) or await services.drafts.get(user_id)
    if known is None or not is_language(wanted):
        await answer_outdated(update, context)
        return
    await _switch(update, context, wanted)


async def stop(update: Update, context: BotContext) -> None:
    """Stop announcements; /start subscribes again."""
    services = context.services
    user = update.effective_user
    assert user is not None
    person = await services.people.get(user.id)
    if person is None:
        await say(update, context, "register-first")
        return
    if not person.subscribed:
        await say(update, context, "stop-already")
        return
    await services.people.set_subscribed(user.id, False, services.clock.now())
    await say(update, context, "stop-done")


async def help_command(update: Update, context: BotContext) -> None:
    """The commands in the person's language; staff also see theirs."""
    services = context.services
    user = update.effective_user
    message = update.effective_message
    assert user is not None and message is not None
    language = await language_for(update, context)
    text = services.catalog.text

    def listing(title: str, names: tuple[str, ...]) -> str:
        lines = [f"/{name} — {text(language, f'command-{name}')}" for name in names]
        return "\n".join([text(language, title), *lines])

    parts = [listing("help-title", PARTICIPANT_COMMANDS)]
    if services.is_staff(user.id):
        parts.append(listing("help-staff-title", STAFF_COMMANDS))
    await message.reply_text("\n\n".join(parts))


async def chat_member(update: Update, context: BotContext) -> None:
    """Blocking the bot marks the person unreachable; unblocking marks them reachable again."""
    change = update.my_chat_member
    if change is None or change.chat.type != "private":
        return
    reachable = change.new_chat_member.status not in (ChatMember.BANNED, ChatMember.LEFT)
    services = context.services
    await services.people.set_reachable(change.from_user.id, reachable, services.clock.now())


def register(application: BotApplication) -> None:
    """Add the settings handlers."""
    private = filters.ChatType.PRIVATE
    application.add_handler(CommandHandler("settings", settings, filters=private))
    application.add_handler(CommandHandler("language", language, filters=private))
    application.add_handler(CallbackQueryHandler(language_button, pattern=r"^lang:"))
    application.add_handler(CommandHandler("stop", stop, filters=private))
    application.add_handler(CommandHandler("help", help_command, filters=private))
    application.add_handler(ChatMemberHandler(chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
