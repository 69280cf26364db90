"""Staff: `/rsvps` (numbers, people, nudges, seats, deadline) and `/export` for one seminar."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.broadcast import Outgoing
from bot.context import BotApplication, BotContext
from bot.question_sheet import questions_sheet
from bot.reminders import resync
from bot.rsvp_buttons import rsvp_buttons
from bot.rsvp_export import csv_bytes, xlsx
from bot.rsvp_report import (
    build_report,
    reading_language,
)
from bot.seminar_card import seminar_card
from bot.services import Services
from handlers.common import answer_outdated, language_for, staff_only
from handlers.registration_views import rows
from handlers.rsvp import notify_promoted
from handlers.rsvp_staff_views import (
    MESSAGE_LIMIT,
    chunks,
    overview_text,
    people_lines,
    reminder_times,
)
from messages import Language
from storage.seminars import Seminar

_PICK_LIMIT = 12


def _picker(
    services: Services, seminars: list[Seminar], language: Language, action: str
) -> InlineKeyboardMarkup:
    zone = services.config.bot.timezone
    buttons = [
        InlineKeyboardButton(
            f"{s.fields.starts_at.astimezone(zone):%d.%m} {s.title(language)}"[:60],
            callback_data=f"rsvps:{action}:{s.id}",
        )
        for s in seminars[:_PICK_LIMIT]
    ]
    return InlineKeyboardMarkup(rows(buttons, 1))


async def _pick(update: Update, context: BotContext, action: str) -> None:
    message = update.effective_message
    assert message is not None
    services = context.services
    language = await language_for(update, context)
    seminars = await services.seminars.all_for_staff(services.clock.now())
    if not seminars:
        await message.reply_text(services.catalog.text(language, "rsvps-no-seminars"))
        return
    await message.reply_text(
        services.catalog.text(language, "rsvps-pick"),
        reply_markup=_picker(services, seminars, language, action),
    )


@staff_only
async def rsvps_command(update: Update, context: BotContext) -> None:
    """/rsvps: pick a seminar to see its answers."""
    await _pick(update, context, "s")


@staff_only
async def export_command(update: Update, context: BotContext) -> None:
    """/export: pick a seminar to get its participants as a file."""
    await _pick(update, context, "x")


def overview_buttons(
    services: Services, seminar: Seminar, language: Language, reopened: bool
) -> InlineKeyboardMarkup:
    """What staff can do with one seminar's answers."""
    text = services.catalog.text
    sid = seminar.id

    def button(key: str, data: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(text(language, key), callback_data=data)

    keyboard = [
        [
            button("button-rsvps-people", f"rsvps:l:{sid}"),
            button("button-rsvps-export", f"rsvps:x:{sid}"),
        ],
        [button("button-rsvps-remind", f"rsvps:r:{sid}")],
        [
            button("button-checkin-qr", f"chk:q:{sid}"),
            button("button-checkin-list", f"chk:l:{sid}:0"),
        ],
        [
            button("button-walk-in-add", f"chk:w:{sid}:1"),
            button("button-walk-in-remove", f"chk:w:{sid}:-1"),
        ],
    ]
    if seminar.fields.capacity is not None:
        keyboard.append([button("button-seats-add", f"rsvps:c:{sid}:5")])
    if seminar.fields.rsvp_deadline is not None:
        key, flag = ("button-rsvp-close", 0) if reopened else ("button-rsvp-reopen", 1)
        keyboard.append([button(key, f"rsvps:o:{sid}:{flag}")])
    keyboard.append([button("button-reminders", f"rsvps:t:{sid}")])
    keyboard.append([button("button-refresh", f"rsvps:s:{sid}")])
    return InlineKeyboardMarkup(keyboard)


async def show_overview(update: Update, context: BotContext, seminar: Seminar) -> None:
    """Edit the staff message into the seminar's overview."""
    query = update.callback_query
    assert query is not None
    services = context.services
    language = await language_for(update, context)
    report = await build_report(services, seminar)
    settings = await services.attendance.settings(seminar.id)
    minutes = settings.reminder_minutes
    if minutes is None:
        minutes = services.config.reminders.before_minutes
    reminders = (
        services.catalog.text(
            language, "rsvps-reminders", times=reminder_times(services, language, minutes)
        )
        if minutes
        else services.catalog.text(language, "rsvps-reminders-off")
    )
    body = (overview_text(services, report, language) + "\n" + reminders)[:MESSAGE_LIMIT]
    markup = overview_buttons(services, seminar, language, settings.reopened)
    await query.answer()
    try:
        await query.edit_message_text(body, reply_markup=markup)
    except BadRequest as error:
        # "Refresh" with nothing new: Telegram refuses an edit that changes nothing.
        if "not modified" not in str(error):
            raise


async def _remind_unanswered(
    update: Update, context: BotContext, seminar: Seminar, language: Language
) -> None:
    """Ask the invited who have not answered, once a day at most, through the sender."""
    services = context.services
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    report = await build_report(services, seminar)
    targets = [p for p in report.not_answered if p.subscribed and p.reachable]
    zone = services.config.bot.timezone
    day = services.clock.now().astimezone(zone).date().isoformat()
    key = f"nudge:{day}"
    fresh = await services.seminar_sends.claim(
        seminar.id, key, "sent", [p.telegram_id for p in targets], services.clock.now()
    )
    if not fresh:
        await query.answer(
            services.catalog.text(language, "rsvps-reminded-already"), show_alert=True
        )
        return
    by_id = {p.telegram_id: p for p in targets}
    messages = []
    for telegram_id in fresh:
        person_language = reading_language(by_id[telegram_id])
        body = "\n\n".join(
            [
                services.catalog.text(person_language, "rsvp-nudge"),
                seminar_card(services, seminar, person_language),
            ]
        )
        markup = InlineKeyboardMarkup([rsvp_buttons(services, seminar, person_language)])
        messages.append(Outgoing(telegram_id, body, markup))
    await query.answer(
        services.catalog.text(language, "rsvps-reminding", count=len(messages)), show_alert=True
    )
    await services.broadcasts.submit(
        "rsvp-nudge",
        messages,
        key=f"nudge:{seminar.id}:{day}",
        created_by=update.effective_user.id,
        seminar_id=seminar.id,
    )


async def _send_export(
    update: Update, context: BotContext, seminar: Seminar, language: Language, as_csv: bool
) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    services = context.services
    report = await build_report(services, seminar)
    stem = seminar.fields.slug or f"seminar-{seminar.id}"
    await query.answer()
    if as_csv:
        document = InputFile(csv_bytes(services, report, language), filename=f"{stem}.csv")
        markup = None
    else:
        sheets = [await questions_sheet(services, seminar.id, language)]
        document = InputFile(xlsx(services, report, language, sheets), filename=f"{stem}.xlsx")
        markup = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        services.catalog.text(language, "button-export-csv"),
                        callback_data=f"rsvps:v:{seminar.id}",
                    )
                ]
            ]
        )
    await context.bot.send_document(
        query.message.chat.id,
        document,
        caption=services.catalog.text(
            language,
            "export-caption",
            title=seminar.title(language),
            count=len(report.participants),
        ),
        reply_markup=markup,
    )


# Reminder choices staff can set for one seminar (minutes before the start); None = config.
REMINDER_PRESETS: tuple[tuple[int, ...] | None, ...] = (
    None,
    (2880, 1440, 120),
    (1440, 120),
    (1440,),
    (120,),
    (),
)
# Actions that carry a value after the seminar id.
_VALUED = frozenset({"c", "o", "m"})


async def _show_reminder_choices(
    update: Update, context: BotContext, seminar: Seminar, language: Language
) -> None:
    query = update.callback_query
    assert query is not None
    services = context.services
    text = services.catalog.text
    buttons = []
    for index, preset in enumerate(REMINDER_PRESETS):
        shown = reminder_times(
            services,
            language,
            services.config.reminders.before_minutes if preset is None else preset,
        )
        if preset is None:
            label = text(language, "button-reminders-default", times=shown)
        else:
            label = shown if preset else text(language, "button-reminders-off")
        buttons.append(InlineKeyboardButton(label, callback_data=f"rsvps:m:{seminar.id}:{index}"))
    back = InlineKeyboardButton(
        text(language, "button-back"), callback_data=f"rsvps:s:{seminar.id}"
    )
    await query.answer()
    await query.edit_message_text(
        text(language, "rsvps-reminders-choose", title=seminar.title(language)),
        reply_markup=InlineKeyboardMarkup([*rows(buttons, 1), [back]]),
    )


async def _set_reminders(update: Update, context: BotContext, seminar: Seminar, index: int) -> None:
    services = context.services
    await services.attendance.set_reminder_minutes(seminar.id, REMINDER_PRESETS[index])
    if context.jobs is not None:
        await resync(services, context.jobs)
    await show_overview(update, context, seminar)


@staff_only
async def staff_button(update: Update, context: BotContext) -> None:
    """rsvps:<s|l|x|v|r|t>:<seminar> or rsvps:<c|o|m>:<seminar>:<value> — staff actions."""
    query = update.callback_query
    assert query is not None and query.data is not None and query.message is not None
    services = context.services
    parts = query.data.split(":")
    action = parts[1] if len(parts) > 1 else ""
    expected = 4 if action in _VALUED else 3
    valid = len(parts) == expected and all(p.isdigit() for p in parts[2:])
    seminar = await services.seminars.get(int(parts[2])) if valid else None
    if seminar is None:
        await answer_outdated(update, context)
        return
    value = int(parts[3]) if expected == 4 else 0
    language = await language_for(update, context)
    if action == "s":
        await show_overview(update, context, seminar)
    elif action == "l":
        await query.answer()
        report = await build_report(services, seminar)
        for chunk in chunks(people_lines(services, report, language)):
            await context.bot.send_message(query.message.chat.id, chunk)
    elif action in {"x", "v"}:
        await _send_export(update, context, seminar, language, as_csv=action == "v")
    elif action == "r":
        await _remind_unanswered(update, context, seminar, language)
    elif action == "t":
        await _show_reminder_choices(update, context, seminar, language)
    elif action == "m" and value < len(REMINDER_PRESETS):
        await _set_reminders(update, context, seminar, value)
    elif action == "c" and value in {1, 5} and seminar.fields.capacity is not None:
        promoted = await services.rsvps.set_capacity(
            seminar.id, seminar.fields.capacity + value, services.clock.now()
        )
        seminar = await services.seminars.get(seminar.id)
        assert seminar is not None
        await show_overview(update, context, seminar)
        await notify_promoted(context, seminar, promoted)
    elif action == "o" and value in {0, 1}:
        await services.attendance.set_reopened(seminar.id, value == 1)
        await show_overview(update, context, seminar)
    else:
        await answer_outdated(update, context)


def register(application: BotApplication) -> None:
    """Add the staff commands and buttons for answers."""
    private = filters.ChatType.PRIVATE
    application.add_handler(CommandHandler("rsvps", rsvps_command, filters=private))
    application.add_handler(CommandHandler("export", export_command, filters=private))
    application.add_handler(CallbackQueryHandler(staff_button, pattern=r"^rsvps:"))
