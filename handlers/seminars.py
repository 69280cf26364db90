"""/seminars: staff get the list with actions; everyone else the upcoming seminars, their own
first, each with a page and an .ics file for the phone's calendar."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.audience import Audience
from bot.context import BotApplication, BotContext
from bot.seminar_calendar import seminar_ics
from bot.seminar_card import seminar_card, seminar_detail
from bot.services import Services
from handlers.common import answer_outdated, language_for
from handlers.paging import page_buttons, page_of, shorten
from handlers.registration_views import rows
from handlers.seminar_detail import seminar_detail_keyboard
from handlers.seminars_staff import send_staff_list
from messages import Language
from storage.people import Person
from storage.seminars import Seminar

PAGE_SIZE = 5
_BUTTON_TITLE = 40


def ordered_for(seminars: list[Seminar], person: Person | None) -> list[tuple[Seminar, bool]]:
    """Upcoming seminars, the ones the person is invited to first; each with «invited»."""
    invited = [
        (seminar, person is not None and Audience.of_seminar(seminar).includes(person))
        for seminar in seminars
    ]
    return [pair for pair in invited if pair[1]] + [pair for pair in invited if not pair[1]]


async def participant_list(
    services: Services, user_id: int, language: Language, page: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    """One page of upcoming seminars with a button to each one's page."""
    text = services.catalog.text
    person = await services.people.get(user_id)
    listed = ordered_for(await services.seminars.upcoming(services.clock.now()), person)
    if not listed:
        return text(language, "seminars-none-upcoming"), None
    page, pages, shown = page_of(listed, page, PAGE_SIZE)
    blocks = [text(language, "seminars-upcoming-title")]
    buttons = []
    for number, (seminar, invited) in enumerate(shown, start=page * PAGE_SIZE + 1):
        block = f"{number}. {seminar_card(services, seminar, language)}"
        if invited:
            block += f"\n{text(language, 'seminars-you-are-invited')}"
        blocks.append(block)
        buttons.append(
            InlineKeyboardButton(
                f"{number}. {shorten(seminar.title(language), _BUTTON_TITLE)}",
                callback_data=f"sem:view:{seminar.id}",
            )
        )
    keyboard = rows(buttons, 1)
    navigation = page_buttons("sem:list:", page, pages)
    if navigation:
        keyboard.append(navigation)
    return "\n\n".join(blocks), InlineKeyboardMarkup(keyboard)


async def seminars_command(update: Update, context: BotContext) -> None:
    """/seminars: the staff list for staff, the upcoming seminars for everyone else."""
    user = update.effective_user
    message = update.effective_message
    assert user is not None and message is not None
    if context.services.is_staff(user.id):
        await send_staff_list(update, context)
        return
    language = await language_for(update, context)
    body, markup = await participant_list(context.services, user.id, language, 0)
    await message.reply_text(body, reply_markup=markup)


def _number(value: str) -> int | None:
    return int(value) if value.isdigit() and len(value) < 10 else None


async def on_button(update: Update, context: BotContext) -> None:
    """`sem:list:<page>`, `sem:view:<id>`, `sem:ics:<id>`: open to everyone, checked anew."""
    query = update.callback_query
    user = update.effective_user
    assert query is not None and query.data is not None and user is not None
    services = context.services
    parts = query.data.split(":")
    number = _number(parts[2]) if len(parts) == 3 else None
    if number is None:
        await answer_outdated(update, context)
        return
    language = await language_for(update, context)
    action = parts[1]
    if action == "list":
        body, markup = await participant_list(services, user.id, language, number)
        await query.answer()
        await query.edit_message_text(body, reply_markup=markup)
        return
    seminar = await services.seminars.get(number)
    if seminar is None or action not in ("view", "ics"):
        await answer_outdated(update, context)
        return
    if action == "view":
        person = await services.people.get(user.id)
        await query.answer()
        await query.edit_message_text(
            seminar_detail(services, seminar, language),
            reply_markup=seminar_detail_keyboard(services, seminar, person, language),
        )
        return
    if seminar.is_cancelled:
        await answer_outdated(update, context)
        return
    await query.answer()
    assert update.effective_chat is not None
    await context.bot.send_document(
        update.effective_chat.id,
        InputFile(
            seminar_ics(seminar, language, services.clock.now()),
            filename=f"seminar-{seminar.id}.ics",
            attach=True,
        ),
        caption=seminar.title(language),
    )


def register(application: BotApplication) -> None:
    """Add /seminars and the participants' buttons."""
    application.add_handler(
        CommandHandler("seminars", seminars_command, filters=filters.ChatType.PRIVATE)
    )
    application.add_handler(CallbackQueryHandler(on_button, pattern=r"^sem:"))
