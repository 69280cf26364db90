"""Staff: /invite makes a `?start=inv-<code>` link that presets region, rayon and role."""

from __future__ import annotations

import secrets

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.context import BotApplication, BotContext
from bot.roles import ROLES, is_role
from handlers.common import answer_outdated, language_for, staff_only
from handlers.registration_views import place_name, rows
from messages import Language

ANY = "*"


def _region_keyboard(context: BotContext, language: Language) -> InlineKeyboardMarkup:
    services = context.services
    buttons = [
        InlineKeyboardButton(region.name(language), callback_data=f"inv:r:{region.code}")
        for region in services.geography.regions
    ]
    return InlineKeyboardMarkup(rows(buttons, 2))


@staff_only
async def invite(update: Update, context: BotContext) -> None:
    """Start making an invitation: pick the region."""
    message = update.effective_message
    assert message is not None
    language = await language_for(update, context)
    await message.reply_text(
        context.services.catalog.text(language, "invite-choose-region"),
        reply_markup=_region_keyboard(context, language),
    )


@staff_only
async def invite_button(update: Update, context: BotContext) -> None:
    """Region → rayon (or whole region) → role (or any) → the link."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    services = context.services
    language = await language_for(update, context)
    text = services.catalog.text
    parts = query.data.split(":")[1:]
    kind, values = (parts[0], parts[1:]) if parts else ("", [])
    region = services.geography.region(values[0]) if values else None
    if region is None:
        await answer_outdated(update, context)
        return
    if kind == "r" and len(values) == 1:
        if not region.rayons:
            await _choose_role(update, context, region.code, ANY)
            return
        buttons = [
            InlineKeyboardButton(
                rayon.name(language), callback_data=f"inv:y:{region.code}:{rayon.code}"
            )
            for rayon in region.rayons
        ]
        whole = InlineKeyboardButton(
            text(language, "button-whole-region"), callback_data=f"inv:y:{region.code}:{ANY}"
        )
        await query.answer()
        await query.edit_message_text(
            text(language, "invite-choose-rayon", region=region.name(language)),
            reply_markup=InlineKeyboardMarkup([[whole], *rows(buttons, 2)]),
        )
        return
    rayon_code = values[1] if len(values) > 1 else ""
    rayon = services.geography.rayon(rayon_code)
    if rayon_code != ANY and (rayon is None or rayon.region_code != region.code):
        await answer_outdated(update, context)
        return
    if kind == "y" and len(values) == 2:
        await _choose_role(update, context, region.code, rayon_code)
        return
    role = values[2] if len(values) == 3 else ""
    if kind != "o" or not (role == ANY or is_role(role)):
        await answer_outdated(update, context)
        return
    invitation = await services.invitations.create(
        code=secrets.token_urlsafe(6),
        region_code=region.code,
        rayon_code=None if rayon_code == ANY else rayon_code,
        role=None if role == ANY else role,
        created_by=update.effective_user.id,
        now=services.clock.now(),
    )
    link = f"https://t.me/{context.bot.username}?start=inv-{invitation.code}"
    place = place_name(services.geography, language, invitation.region_code, invitation.rayon_code)
    role_text = text(language, f"role-{role}") if role != ANY else text(language, "button-any-role")
    await query.answer()
    await query.edit_message_text(
        text(language, "invite-link", place=place, role=role_text, link=link)
    )


async def _choose_role(update: Update, context: BotContext, region: str, rayon: str) -> None:
    query = update.callback_query
    assert query is not None
    services = context.services
    language = await language_for(update, context)
    text = services.catalog.text
    buttons = [
        InlineKeyboardButton(
            text(language, f"role-{role}"), callback_data=f"inv:o:{region}:{rayon}:{role}"
        )
        for role in ROLES
    ]
    any_role = InlineKeyboardButton(
        text(language, "button-any-role"), callback_data=f"inv:o:{region}:{rayon}:{ANY}"
    )
    place = place_name(services.geography, language, region, None if rayon == ANY else rayon)
    await query.answer()
    await query.edit_message_text(
        text(language, "invite-choose-role", place=place),
        reply_markup=InlineKeyboardMarkup([[any_role], *rows(buttons, 1)]),
    )


def register(application: BotApplication) -> None:
    """Add the invitation handlers."""
    application.add_handler(CommandHandler("invite", invite, filters=filters.ChatType.PRIVATE))
    application.add_handler(CallbackQueryHandler(invite_button, pattern=r"^inv:"))
