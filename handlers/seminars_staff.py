"""Staff's seminar list: every seminar as a short line with edit, announce and cancel buttons."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler

from bot.context import BotApplication, BotContext
from bot.seminar_card import seminar_card
from bot.services import Services
from handlers.common import answer_outdated, language_for, staff_only
from handlers.paging import page_buttons, page_of, shorten
from handlers.seminar_notices import notify_cancelled, notify_changed, version
from handlers.seminar_wizard import begin_edit
from messages import Language
from storage.seminars import Seminar

PAGE_SIZE = 6
_LINE_TITLE = 50


def _line(services: Services, seminar: Seminar, language: Language, number: int) -> str:
    zone = services.config.bot.timezone
    now = services.clock.now()
    if seminar.is_cancelled:
        mark = "❌"
    elif seminar.fields.ends_at <= now:
        mark = "🕘"
    else:
        mark = "🗓"
    when = seminar.fields.starts_at.astimezone(zone).strftime("%d.%m.%Y %H:%M")
    title = shorten(seminar.title(language), _LINE_TITLE)
    announced = " 📣" if seminar.announced_at else ""
    return f"{number}. {mark} {when} · {seminar.city(language)} · {title}{announced}"


def _is_ahead(services: Services, seminar: Seminar) -> bool:
    return not seminar.is_cancelled and seminar.fields.ends_at > services.clock.now()


async def staff_list(
    services: Services, language: Language, page: int
) -> tuple[str, InlineKeyboardMarkup]:
    """One page of all seminars, upcoming first, with a row of actions for each."""
    text = services.catalog.text
    seminars = await services.seminars.all_for_staff(services.clock.now())
    participants = [
        InlineKeyboardButton(text(language, "semadm-participant-view"), callback_data="sem:list:0")
    ]
    if not seminars:
        return text(language, "semadm-empty"), InlineKeyboardMarkup([participants])
    page, pages, shown = page_of(seminars, page, PAGE_SIZE)
    lines = [text(language, "semadm-title", page=page + 1, pages=pages)]
    keyboard = []
    for number, seminar in enumerate(shown, start=page * PAGE_SIZE + 1):
        lines.append(_line(services, seminar, language, number))
        actions = [InlineKeyboardButton(f"✏️ {number}", callback_data=f"semadm:edit:{seminar.id}")]
        if _is_ahead(services, seminar):
            # The announcement itself belongs to the announce feature (`ann:`).
            actions.append(
                InlineKeyboardButton(f"📣 {number}", callback_data=f"ann:start:{seminar.id}")
            )
            actions.append(
                InlineKeyboardButton(f"✖️ {number}", callback_data=f"semadm:cancel:{seminar.id}")
            )
        keyboard.append(actions)
    navigation = page_buttons("semadm:page:", page, pages)
    if navigation:
        keyboard.append(navigation)
    keyboard.append(participants)
    lines.append(text(language, "semadm-legend"))
    return "\n".join(lines), InlineKeyboardMarkup(keyboard)


@staff_only
async def send_staff_list(update: Update, context: BotContext) -> None:
    """The first page of the staff list, as a new message."""
    message = update.effective_message
    assert message is not None
    body, markup = await staff_list(context.services, await language_for(update, context), 0)
    await message.reply_text(body, reply_markup=markup)


@staff_only
async def on_button(update: Update, context: BotContext) -> None:
    """`semadm:page|edit|cancel|cancelok|keep|quiet:<number>`, `semadm:notify:<id>:<version>`,
    each re-checked on the server."""
    query = update.callback_query
    assert query is not None and query.data is not None
    services = context.services
    parts = query.data.split(":")
    numbers = parts[2:]
    if not 1 <= len(numbers) <= 2 or not all(n.isdigit() and len(n) < 12 for n in numbers):
        await answer_outdated(update, context)
        return
    action, number = parts[1], int(numbers[0])
    if (len(numbers) == 2) != (action == "notify"):
        await answer_outdated(update, context)
        return
    language = await language_for(update, context)
    text = services.catalog.text
    if action == "page":
        body, markup = await staff_list(services, language, number)
        await query.answer()
        await query.edit_message_text(body, reply_markup=markup)
        return
    seminar = await services.seminars.get(number)
    if seminar is None:
        await answer_outdated(update, context)
        return
    if action == "edit":
        unfinished = await services.seminar_drafts.get(query.from_user.id)
        if unfinished is not None and unfinished.seminar_id is None and unfinished.answers:
            # One draft a staff member: opening an edit must not throw away a new seminar.
            await query.answer(text(language, "semnew-busy-new"), show_alert=True)
            return
        await query.answer()
        await begin_edit(update, context, seminar)
    elif action == "cancel" and _is_ahead(services, seminar):
        keyboard = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        text(language, "semadm-cancel-yes"),
                        callback_data=f"semadm:cancelok:{seminar.id}",
                    ),
                    InlineKeyboardButton(
                        text(language, "semadm-cancel-no"),
                        callback_data=f"semadm:keep:{seminar.id}",
                    ),
                ]
            ]
        )
        await query.answer()
        assert update.effective_chat is not None
        card = seminar_card(services, seminar, language)
        await context.bot.send_message(
            update.effective_chat.id,
            text(language, "semadm-cancel-confirm", card=card),
            reply_markup=keyboard,
        )
    elif action == "cancelok" and _is_ahead(services, seminar):
        await services.seminars.set_status(seminar.id, "cancelled", services.clock.now())
        cancelled = await services.seminars.get(seminar.id)
        assert cancelled is not None
        count = await notify_cancelled(update, context, cancelled)
        await query.answer()
        await query.edit_message_text(
            text(language, "semadm-cancelled", title=seminar.title(language), count=count)
        )
    elif action == "keep":
        await query.answer()
        await query.edit_message_text(text(language, "semadm-cancel-kept"))
    elif action == "quiet":
        await query.answer()
        await query.edit_message_text(text(language, "semadm-notify-skipped"))
    elif (
        action == "notify"
        and _is_ahead(services, seminar)
        and seminar.announced_at is not None
        and int(numbers[1]) == version(seminar)
    ):
        count = await notify_changed(update, context, seminar)
        await query.answer()
        await query.edit_message_text(text(language, "semadm-notify-queued", count=count))
    else:
        await answer_outdated(update, context)


def register(application: BotApplication) -> None:
    """Add the staff list's buttons (/seminars itself is in handlers.seminars)."""
    application.add_handler(CallbackQueryHandler(on_button, pattern=r"^semadm:"))
