"""Staff on the day: the QR code and short code, checking people in by name, walk-ins."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.ext import CallbackQueryHandler

from bot.checkin import checkin_link, checkin_settings, qr_png
from bot.context import BotApplication, BotContext
from bot.rsvp_report import build_report
from handlers.common import answer_outdated, language_for, staff_only
from handlers.registration_views import rows
from messages import Language
from storage.seminars import Seminar

_PAGE = 20


async def _send_qr(
    update: Update, context: BotContext, seminar: Seminar, language: Language
) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    services = context.services
    settings = await checkin_settings(services, seminar)
    assert settings.checkin_token is not None and settings.checkin_code is not None
    link = checkin_link(context.bot.username, settings.checkin_token)
    await query.answer()
    await context.bot.send_photo(
        query.message.chat.id,
        InputFile(qr_png(link), filename="checkin.png"),
        caption=services.catalog.text(
            language,
            "checkin-qr-caption",
            title=seminar.title(language),
            code=settings.checkin_code,
            link=link,
        ),
    )


async def _show_list(
    update: Update, context: BotContext, seminar: Seminar, language: Language, page: int
) -> None:
    """Registered people not yet checked in, a page of buttons at a time."""
    query = update.callback_query
    assert query is not None
    services = context.services
    report = await build_report(services, seminar)
    waiting = [p for p in report.participants if p.rsvp and p.rsvp.answer != "no" and not p.checkin]
    pages = max(1, (len(waiting) + _PAGE - 1) // _PAGE)
    page = min(page, pages - 1)
    buttons = [
        InlineKeyboardButton(
            p.person.full_name[:40],
            callback_data=f"chk:p:{seminar.id}:{p.person.telegram_id}:{page}",
        )
        for p in waiting[page * _PAGE : (page + 1) * _PAGE]
    ]
    navigation = []
    if page > 0:
        navigation.append(InlineKeyboardButton("◀", callback_data=f"chk:l:{seminar.id}:{page - 1}"))
    if page + 1 < pages:
        navigation.append(InlineKeyboardButton("▶", callback_data=f"chk:l:{seminar.id}:{page + 1}"))
    back = InlineKeyboardButton(
        services.catalog.text(language, "button-back"), callback_data=f"rsvps:s:{seminar.id}"
    )
    body = services.catalog.text(
        language,
        "checkin-list",
        title=seminar.title(language),
        came=len(report.checked_in),
        left=len(waiting),
    )
    await query.answer()
    await query.edit_message_text(
        body, reply_markup=InlineKeyboardMarkup([*rows(buttons, 2), navigation, [back]])
    )


@staff_only
async def staff_checkin_button(update: Update, context: BotContext) -> None:
    """chk:<q|l|p|w>:<seminar>[:…] — QR code, list by name, check one in, walk-ins."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    services = context.services
    parts = query.data.split(":")
    if len(parts) < 3 or not all(p.lstrip("-").isdigit() for p in parts[2:]):
        await answer_outdated(update, context)
        return
    seminar = await services.seminars.get(int(parts[2]))
    numbers = [int(p) for p in parts[3:]]
    action = parts[1]
    if seminar is None:
        await answer_outdated(update, context)
        return
    language = await language_for(update, context)
    if action == "q" and not numbers:
        await _send_qr(update, context, seminar, language)
    elif action == "l" and len(numbers) == 1 and numbers[0] >= 0:
        await _show_list(update, context, seminar, language, numbers[0])
    elif action == "p" and len(numbers) == 2 and await services.people.get(numbers[0]):
        await services.attendance.check_in(
            seminar.id, numbers[0], update.effective_user.id, services.clock.now()
        )
        await _show_list(update, context, seminar, language, max(0, numbers[1]))
    elif action == "w" and numbers in ([1], [-1]):
        count = await services.attendance.add_walk_ins(seminar.id, numbers[0])
        await query.answer(services.catalog.text(language, "checkin-walk-ins", count=count))
    else:
        await answer_outdated(update, context)


def register(application: BotApplication) -> None:
    """Add the staff check-in buttons."""
    application.add_handler(CallbackQueryHandler(staff_checkin_button, pattern=r"^chk:"))
