"""Group chats: the bot added or removed, staff registering a group (/group), migration.

In a group the bot only speaks when spoken to: an explicit command, a button, a reply to
its post. Ordinary chatter reaches no handler (every text handler elsewhere is for private
chats or the staff group), so it gets no answer.
"""

from __future__ import annotations

import logging

from telegram import ChatMember, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import (
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.context import BotApplication, BotContext
from bot.services import Services
from handlers.common import answer_outdated, language_for, say, staff_only
from handlers.registration_views import rows
from messages import Language
from storage.groups import GROUP_LANGUAGES, Group

log = logging.getLogger(__name__)

# settings' my_chat_member handler (private chats) sits in group 0 and would hide this one.
MEMBERSHIP_GROUP = 5
_IN = (ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER, ChatMember.RESTRICTED)


def _button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=data)


def _place(services: Services, code: str) -> tuple[str, str | None] | None:
    """A region or rayon code as (region, rayon); None for an unknown code."""
    rayon = services.geography.rayon(code)
    if rayon is not None:
        return rayon.region_code, rayon.code
    region = services.geography.region(code)
    return (region.code, None) if region is not None else None


def describe(services: Services, language: Language, group: Group) -> str:
    """«Сузак, кыргызча» — where the group is and the language its posts are in."""
    text = services.catalog.text
    rayon = services.geography.rayon(group.rayon_code)
    region = services.geography.region(group.region_code)
    if rayon is not None:
        place = text(language, "rayon-name", name=rayon.name(language))
    elif region is not None:
        place = text(language, "ann-audience-whole", region=region.name(language))
    else:
        place = "—"
    reads = text(language, f"group-language-{group.language}") if group.language else "—"
    return text(language, "group-describe", place=place, reads=reads)


async def on_membership(update: Update, context: BotContext) -> None:
    """The bot added to a group (staff hear of it) or removed from one (recorded)."""
    change = update.my_chat_member
    if change is None or change.chat.type not in ("group", "supergroup"):
        return
    services = context.services
    chat = change.chat
    now = services.clock.now()
    was_in = change.old_chat_member.status in _IN
    is_in = change.new_chat_member.status in _IN
    if is_in and not was_in:
        await services.groups.added(chat.id, chat.title or "", change.from_user.id, now)
        log.info("bot added to group %s by %s", chat.id, change.from_user.id)
        if chat.id != services.config.bot.staff_chat_id:
            await _tell_staff(context, chat.id, chat.title or "")
    elif was_in and not is_in:
        await services.groups.left(chat.id, now)
        log.info("bot removed from group %s", chat.id)


async def _tell_staff(context: BotContext, chat_id: int, title: str) -> None:
    services = context.services
    target = services.staff_chat
    if target is None:
        return
    default = services.config.bot.default_language
    language = await services.language_of(target, None) if target > 0 else default
    body = services.catalog.text(language, "group-added-staff", title=title, chat=str(chat_id))
    try:
        await context.bot.send_message(target, body)
    except TelegramError as error:
        log.warning("staff not told of group %s: %s", chat_id, error)


async def on_migrate(update: Update, context: BotContext) -> None:
    """A group became a supergroup: its registration moves to the new chat id."""
    message = update.effective_message
    if message is None:
        return
    if message.migrate_to_chat_id:
        old, new = message.chat.id, message.migrate_to_chat_id
    elif message.migrate_from_chat_id:
        old, new = message.migrate_from_chat_id, message.chat.id
    else:
        return
    await context.services.groups.migrate(old, new)
    log.info("group %s migrated to %s", old, new)


def _regions_screen(
    services: Services, language: Language, group: Group | None
) -> tuple[str, InlineKeyboardMarkup]:
    text = services.catalog.text
    current = (
        describe(services, language, group)
        if group and group.is_audience
        else text(language, "group-not-registered")
    )
    body = text(language, "group-register-title", current=current)
    regions = [
        _button(region.name(language), f"grp:o:{region.code}")
        for region in services.geography.regions
    ]
    keyboard = rows(regions, 2)
    if group is not None and group.is_audience:
        keyboard.append([_button(text(language, "button-group-off"), "grp:off")])
    return body, InlineKeyboardMarkup(keyboard)


@staff_only
async def group_command(update: Update, context: BotContext) -> None:
    """/group in a group (staff only): pick its oblast, rayon and language."""
    message = update.effective_message
    chat = update.effective_chat
    assert message is not None and chat is not None
    services = context.services
    if chat.id == services.config.bot.staff_chat_id:
        await say(update, context, "group-is-staff-chat")
        return
    language = await language_for(update, context)
    body, markup = _regions_screen(services, language, await services.groups.get(chat.id))
    await message.reply_text(body, reply_markup=markup)


@staff_only
async def on_button(update: Update, context: BotContext) -> None:
    """grp:o:<region>, grp:p:<region or rayon>, grp:l:<place>:<language>, grp:off."""
    query = update.callback_query
    chat = update.effective_chat
    assert query is not None and query.data is not None and update.effective_user is not None
    services = context.services
    if chat is None or chat.type == "private" or chat.id == services.config.bot.staff_chat_id:
        await answer_outdated(update, context)
        return
    language = await language_for(update, context)
    text = services.catalog.text
    parts = query.data.split(":")
    action, args = parts[1], parts[2:]
    if action == "off" and not args:
        await services.groups.unregister(chat.id)
        await query.answer()
        await query.edit_message_text(text(language, "group-unregistered"))
        return
    place = _place(services, args[0]) if args else None
    if place is None or action not in ("o", "p", "l"):
        await answer_outdated(update, context)
        return
    region_code, rayon_code = place
    region = services.geography.region(region_code)
    assert region is not None
    if action == "o" and rayon_code is None and region.rayons and len(args) == 1:
        rayons = [_button(r.name(language), f"grp:p:{r.code}") for r in region.rayons]
        whole = _button(
            text(language, "ann-audience-whole", region=region.name(language)),
            f"grp:p:{region.code}",
        )
        body = text(language, "group-choose-rayon", region=region.name(language))
        await query.answer()
        await query.edit_message_text(
            body, reply_markup=InlineKeyboardMarkup([[whole], *rows(rayons, 2)])
        )
        return
    if action in ("o", "p") and len(args) == 1:
        choices = [
            _button(text(language, f"group-language-{code}"), f"grp:l:{args[0]}:{code}")
            for code in GROUP_LANGUAGES
        ]
        await query.answer()
        await query.edit_message_text(
            text(language, "group-choose-language"), reply_markup=InlineKeyboardMarkup([choices])
        )
        return
    if action == "l" and len(args) == 2 and args[1] in GROUP_LANGUAGES:
        await services.groups.register(
            chat.id,
            chat.title or "",
            region_code,
            rayon_code,
            args[1],
            update.effective_user.id,
            services.clock.now(),
        )
        group = await services.groups.get(chat.id)
        assert group is not None
        log.info("group %s registered by %s", chat.id, update.effective_user.id)
        await query.answer()
        await query.edit_message_text(
            text(language, "group-registered", group=describe(services, language, group))
        )
        return
    await answer_outdated(update, context)


def register(application: BotApplication) -> None:
    """Add the group membership, registration and migration handlers."""
    groups = filters.ChatType.GROUPS
    application.add_handler(CommandHandler("group", group_command, filters=groups))
    application.add_handler(CallbackQueryHandler(on_button, pattern=r"^grp:"))
    application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, on_migrate))
    application.add_handler(
        ChatMemberHandler(on_membership, ChatMemberHandler.MY_CHAT_MEMBER), group=MEMBERSHIP_GROUP
    )
