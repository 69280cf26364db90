"""Registration: /start, then language, role, place, organisation, phone, summary."""

from __future__ import annotations

import logging
from dataclasses import replace

from telegram import InlineKeyboardMarkup, ReplyKeyboardRemove, Update
from telegram.ext import (
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.context import BotApplication, BotContext
from bot.names import MAX_NAME_LENGTH, clean_name, has_letters, match_key
from bot.registration import (
    Step,
    is_needed,
    is_step,
    next_step,
    normalise_phone,
    previous_step,
    with_rayon,
    with_region,
    with_role,
)
from bot.roles import is_role
from bot.services import Services
from handlers.common import answer_outdated
from handlers.registration_views import Screen, place_name, screen, suggestion_for
from messages import Language, as_language, is_language, language_from_telegram
from storage.people import Profile
from storage.registration_drafts import FEATURE as REGISTRATION
from storage.registration_drafts import RegistrationDraft

log = logging.getLogger(__name__)

# Text typed during registration is handled in this group, before features that read free
# text (questions, staff wizards) and before the catch-all answer in group 100.
INPUT_GROUP = 10


def _language(draft: RegistrationDraft) -> Language:
    return as_language(draft.language)


async def _is_registered(services: Services, user_id: int) -> bool:
    return await services.people.get(user_id) is not None


async def _save(services: Services, draft: RegistrationDraft) -> None:
    await services.drafts.save(draft, services.clock.now())


async def _send_screen(update: Update, context: BotContext, draft: RegistrationDraft) -> None:
    """Send the draft's current step as a new message."""
    services = context.services
    shown = await screen(
        services, draft, registered=await _is_registered(services, draft.telegram_id)
    )
    assert update.effective_chat is not None
    await context.bot.send_message(update.effective_chat.id, shown.text, reply_markup=shown.markup)


async def _show_after_press(update: Update, context: BotContext, draft: RegistrationDraft) -> None:
    """After a button press: edit that message in place, or send anew for a reply keyboard."""
    query = update.callback_query
    assert query is not None
    services = context.services
    shown: Screen = await screen(
        services, draft, registered=await _is_registered(services, draft.telegram_id)
    )
    if isinstance(shown.markup, InlineKeyboardMarkup):
        await query.edit_message_text(shown.text, reply_markup=shown.markup)
        return
    await query.edit_message_reply_markup(None)
    await _send_screen(update, context, draft)


async def start(update: Update, context: BotContext) -> None:
    """Begin or resume registration; a registered person is re-subscribed."""
    services = context.services
    user = update.effective_user
    message = update.effective_message
    assert user is not None and message is not None
    now = services.clock.now()
    person = await services.people.get(user.id)
    if person is not None:
        language = as_language(person.language)
        await services.people.set_reachable(user.id, True, now)
        if not person.subscribed:
            await services.people.set_subscribed(user.id, True, now)
            await message.reply_text(services.catalog.text(language, "reg-resubscribed"))
        else:
            await message.reply_text(services.catalog.text(language, "reg-already"))
        return
    draft = await services.drafts.get(user.id)
    if draft is not None:
        await _save(services, draft)  # this screen reads the next typed text again
        await message.reply_text(services.catalog.text(_language(draft), "reg-continue"))
        await _send_screen(update, context, draft)
        return
    language = language_from_telegram(user.language_code, services.config.bot.default_language)
    draft = RegistrationDraft(telegram_id=user.id, step="lang", language=language)
    payload = context.args[0] if context.args else ""
    if payload.startswith("inv-"):
        invitation = await services.invitations.get(payload.removeprefix("inv-"))
        if invitation is None:
            await message.reply_text(services.catalog.text(language, "reg-invitation-invalid"))
        else:
            draft = replace(
                draft,
                role=invitation.role,
                region_code=invitation.region_code,
                rayon_code=invitation.rayon_code,
                invitation_code=invitation.code,
            )
            place = place_name(
                services.geography, language, invitation.region_code, invitation.rayon_code
            )
            await message.reply_text(
                services.catalog.text(language, "reg-invitation-used", place=place)
            )
    await _save(services, draft)
    await _send_screen(update, context, draft)


def _answer(
    draft: RegistrationDraft, step: Step, value: str, services: Services
) -> RegistrationDraft | None:
    """Apply a pressed button's value; None when the value is not one this step offers."""
    geography = services.geography
    if step == "lang" and is_language(value):
        answered = replace(draft, language=value)
        return replace(answered, step=next_step(answered, geography))
    if step == "role" and is_role(value):
        answered = with_role(draft, value)
        return replace(answered, step=next_step(answered, geography))
    if step == "region" and geography.region(value) is not None:
        answered = with_region(draft, value)
        # Re-choosing the place always asks the rayon again, even within the same region.
        following: Step = (
            "rayon" if is_needed("rayon", answered, geography) else next_step(answered, geography)
        )
        return replace(answered, step=following)
    if step == "rayon":
        rayon = geography.rayon(value)
        if rayon is None or rayon.region_code != draft.region_code:
            return None
        answered = with_rayon(draft, value)
        return replace(answered, step=next_step(answered, geography))
    if step == "sum" and value in ("lang", "role", "region", "org", "phone"):
        return replace(draft, step=value)
    return None


async def _choose_organisation(
    services: Services, draft: RegistrationDraft, step: Step, value: str
) -> RegistrationDraft | None:
    """A pressed known name (or «add mine» on the did-you-mean screen)."""
    if step == "orgc" and value == "new":
        answered = replace(draft, organisation_id=None)
        return replace(answered, step=next_step(answered, services.geography))
    if not value.isdigit():
        return None
    organisation = await services.organisations.get(int(value))
    if organisation is None or (organisation.region_code, organisation.rayon_code) != (
        draft.region_code,
        draft.rayon_code or "",
    ):
        return None
    answered = replace(draft, organisation_id=organisation.id, new_organisation=None)
    return replace(answered, step=next_step(answered, services.geography))


async def on_button(update: Update, context: BotContext) -> None:
    """Any registration button: checked against the step the person is really on."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    services = context.services
    parts = query.data.split(":")
    draft = await services.drafts.get(update.effective_user.id)
    if len(parts) != 3 or not is_step(parts[1]) or draft is None or parts[1] != draft.step:
        await answer_outdated(update, context)
        return
    step: Step = parts[1]  # type: ignore[assignment]
    value = parts[2]
    if value == "x":
        await _cancel(update, context, draft)
        return
    if value == "back":
        draft = replace(draft, step=previous_step(step, services.geography, draft))
    elif step == "sum" and value == "ok":
        await _finish(update, context, draft)
        return
    elif step in ("org", "orgc"):
        chosen = await _choose_organisation(services, draft, step, value)
        if chosen is None:
            log.warning("forged registration data %r from %s", query.data, draft.telegram_id)
            await answer_outdated(update, context)
            return
        draft = chosen
    else:
        answered = _answer(draft, step, value, services)
        if answered is None:
            log.warning("forged registration data %r from %s", query.data, draft.telegram_id)
            await answer_outdated(update, context)
            return
        draft = answered
    await _save(services, draft)
    await query.answer()
    await _show_after_press(update, context, draft)


async def _cancel(update: Update, context: BotContext, draft: RegistrationDraft) -> None:
    services = context.services
    registered = await _is_registered(services, draft.telegram_id)
    await services.drafts.delete(draft.telegram_id)
    query = update.callback_query
    assert query is not None
    await query.answer()
    key = "settings-cancelled" if registered else "reg-cancelled"
    await query.edit_message_text(services.catalog.text(_language(draft), key))


async def _finish(update: Update, context: BotContext, draft: RegistrationDraft) -> None:
    """Save the person; a typed organisation name becomes a known one now."""
    services = context.services
    user = update.effective_user
    query = update.callback_query
    assert user is not None and query is not None
    now = services.clock.now()
    registered = await _is_registered(services, user.id)
    organisation_id = draft.organisation_id
    if organisation_id is None and draft.new_organisation and draft.region_code:
        organisation = await services.organisations.add(
            draft.region_code,
            draft.rayon_code,
            draft.new_organisation,
            match_key(draft.new_organisation),
            now,
        )
        organisation_id = organisation.id
    await services.people.save(
        Profile(
            telegram_id=user.id,
            first_name=user.first_name,
            last_name=user.last_name,
            username=user.username,
            language=draft.language,
            role=draft.role or "other",
            region_code=draft.region_code,
            rayon_code=draft.rayon_code,
            organisation_id=organisation_id,
            phone=draft.phone,
            invitation_code=draft.invitation_code,
        ),
        now,
    )
    await services.drafts.delete(user.id)
    if draft.invitation_code and not registered:
        await services.invitations.count_use(draft.invitation_code)
    await query.answer()
    key = "reg-saved" if registered else "reg-done"
    shown = await screen(services, replace(draft, step="sum"), registered=registered)
    summary = shown.text.split("\n\n", 1)[-1]
    await query.edit_message_text(f"{services.catalog.text(_language(draft), key)}\n\n{summary}")


async def on_text(update: Update, context: BotContext) -> None:
    """Typed text while registering: a name, a phone number, or text where a button belongs."""
    services = context.services
    user = update.effective_user
    message = update.effective_message
    assert user is not None and message is not None and message.text is not None
    draft = await services.drafts.get(user.id)
    if draft is None or not await services.input_focus.may_read(user.id, REGISTRATION):
        return
    language = _language(draft)
    text = services.catalog.text
    if draft.step == "org":
        await _typed_organisation(update, context, draft, message.text)
    elif draft.step == "phone":
        typed = message.text.strip()
        if typed == text(language, "button-skip"):
            await _phone_answered(
                update, context, replace(draft, phone=None, phone_asked=True), "reg-phone-skipped"
            )
        elif typed == text(language, "button-back"):
            draft = replace(draft, step=previous_step("phone", services.geography, draft))
            await _save(services, draft)
            await _send_screen(update, context, draft)
        elif (phone := normalise_phone(typed)) is not None:
            await _phone_answered(
                update, context, replace(draft, phone=phone, phone_asked=True), "reg-phone-saved"
            )
        else:
            await message.reply_text(text(language, "reg-phone-invalid"))
    else:
        await message.reply_text(text(language, "use-buttons"))
        await _send_screen(update, context, draft)
    raise ApplicationHandlerStop


async def _typed_organisation(
    update: Update, context: BotContext, draft: RegistrationDraft, typed: str
) -> None:
    services = context.services
    language = _language(draft)
    message = update.effective_message
    assert message is not None
    name = clean_name(typed)
    if len(name) > MAX_NAME_LENGTH:
        await message.reply_text(
            services.catalog.text(
                language, "reg-organisation-too-long", length=len(name), max=MAX_NAME_LENGTH
            )
        )
        return
    if not has_letters(name):
        await message.reply_text(services.catalog.text(language, "reg-organisation-invalid"))
        return
    key = match_key(name)
    known = await services.organisations.in_place(draft.region_code or "", draft.rayon_code)
    exact = next((org for org in known if org.match_key == key), None)
    if exact is not None:
        draft = replace(draft, organisation_id=exact.id, new_organisation=None)
        draft = replace(draft, step=next_step(draft, services.geography))
    else:
        draft = replace(draft, organisation_id=None, new_organisation=name)
        near = await suggestion_for(services, draft, name)
        draft = replace(draft, step="orgc" if near else next_step(draft, services.geography))
    await _save(services, draft)
    await _send_screen(update, context, draft)


async def _phone_answered(
    update: Update, context: BotContext, draft: RegistrationDraft, key: str
) -> None:
    services = context.services
    draft = replace(draft, step=next_step(draft, services.geography))
    await _save(services, draft)
    message = update.effective_message
    assert message is not None
    await message.reply_text(
        services.catalog.text(_language(draft), key), reply_markup=ReplyKeyboardRemove()
    )
    await _send_screen(update, context, draft)


async def on_contact(update: Update, context: BotContext) -> None:
    """A shared contact: accepted only when it is the sender's own number."""
    services = context.services
    user = update.effective_user
    message = update.effective_message
    assert user is not None and message is not None and message.contact is not None
    draft = await services.drafts.get(user.id)
    if draft is None or not await services.input_focus.may_read(user.id, REGISTRATION):
        return
    if draft.step != "phone":
        await message.reply_text(services.catalog.text(_language(draft), "use-buttons"))
        await _send_screen(update, context, draft)
        raise ApplicationHandlerStop
    if message.contact.user_id != user.id:
        await message.reply_text(services.catalog.text(_language(draft), "reg-phone-not-own"))
        raise ApplicationHandlerStop
    phone = normalise_phone(message.contact.phone_number) or message.contact.phone_number
    await _phone_answered(
        update, context, replace(draft, phone=phone, phone_asked=True), "reg-phone-saved"
    )
    raise ApplicationHandlerStop


def register(application: BotApplication) -> None:
    """Add the registration handlers."""
    private = filters.ChatType.PRIVATE
    application.add_handler(CommandHandler("start", start, filters=private))
    application.add_handler(CallbackQueryHandler(on_button, pattern=r"^reg:"))
    application.add_handler(
        MessageHandler(private & filters.TEXT & ~filters.COMMAND, on_text), group=INPUT_GROUP
    )
    application.add_handler(
        MessageHandler(private & filters.CONTACT, on_contact), group=INPUT_GROUP
    )
