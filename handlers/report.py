"""Staff: `/report` — one seminar's numbers, chart, press-release drafts and workbook."""

from __future__ import annotations

import asyncio

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.constants import MessageLimit
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.charts import grouped_bars
from bot.context import BotApplication, BotContext
from bot.report_chart import attendance_chart_data
from bot.report_facts import gather_facts
from bot.report_text import press_release, summary_text
from bot.report_workbook import report_workbook
from bot.services import Services
from handlers.common import answer_outdated, language_for, staff_only
from handlers.paging import page_buttons, page_of, shorten
from handlers.rsvp_staff_views import chunks
from messages import LANGUAGES, Language
from storage.seminars import Seminar

PAGE_SIZE = 8


def _picker(
    services: Services, seminars: list[Seminar], language: Language, page: int
) -> InlineKeyboardMarkup:
    zone = services.config.bot.timezone
    page, pages, shown = page_of(seminars, page, PAGE_SIZE)
    keyboard = [
        [
            InlineKeyboardButton(
                shorten(f"{s.fields.starts_at.astimezone(zone):%d.%m.%Y} {s.title(language)}", 60),
                callback_data=f"rep:pick:{s.id}",
            )
        ]
        for s in shown
    ]
    navigation = page_buttons("rep:page:", page, pages)
    if navigation:
        keyboard.append(navigation)
    return InlineKeyboardMarkup(keyboard)


async def _latest_first(services: Services) -> list[Seminar]:
    seminars = await services.seminars.all_for_staff(services.clock.now())
    return sorted(seminars, key=lambda s: (s.fields.starts_at, s.id), reverse=True)


@staff_only
async def report_command(update: Update, context: BotContext) -> None:
    """/report: pick a seminar, latest first."""
    message = update.effective_message
    assert message is not None
    services = context.services
    language = await language_for(update, context)
    seminars = await _latest_first(services)
    if not seminars:
        await message.reply_text(services.catalog.text(language, "report-no-seminars"))
        return
    await message.reply_text(
        services.catalog.text(language, "report-pick"),
        reply_markup=_picker(services, seminars, language, 0),
    )


async def _send_draft(
    context: BotContext, chat_id: int, services: Services, draft: str, draft_language: Language
) -> None:
    """One message when it fits, else a text file: a press release is copied whole."""
    if len(draft) <= MessageLimit.MAX_TEXT_LENGTH:
        await context.bot.send_message(chat_id, draft)
        return
    await context.bot.send_document(
        chat_id,
        InputFile(draft.encode("utf-8"), filename=f"press-release-{draft_language}.txt"),
        caption=services.catalog.text(draft_language, "report-draft-caption", code=draft_language),
    )


async def send_report(
    context: BotContext, chat_id: int, seminar: Seminar, language: Language
) -> None:
    """The summary, the chart, the drafts in Kyrgyz then Russian, and the workbook."""
    services = context.services
    text = services.catalog.text
    facts = await gather_facts(services, seminar)
    for chunk in chunks(summary_text(services, facts, language).split("\n")):
        await context.bot.send_message(chat_id, chunk)
    # Drawing takes a moment of CPU: off the event loop so other people are answered.
    chart = await asyncio.to_thread(grouped_bars, *attendance_chart_data(services, facts, language))
    title = seminar.title(language)
    await context.bot.send_photo(
        chat_id,
        InputFile(chart, filename=f"report-{seminar.id}.png"),
        caption=shorten(text(language, "report-chart-caption", title=title), 1024),
    )
    for draft_language in LANGUAGES:
        draft = press_release(services, facts, draft_language)
        await _send_draft(context, chat_id, services, draft, draft_language)
    workbook = await report_workbook(services, facts, language)
    stem = seminar.fields.slug or f"seminar-{seminar.id}"
    await context.bot.send_document(
        chat_id,
        InputFile(workbook, filename=f"report-{stem}.xlsx"),
        caption=shorten(text(language, "report-xlsx-caption", title=title), 1024),
    )


@staff_only
async def report_button(update: Update, context: BotContext) -> None:
    """rep:pick:<seminar> sends the report; rep:page:<n> turns the list."""
    query = update.callback_query
    assert query is not None and query.data is not None and query.message is not None
    services = context.services
    language = await language_for(update, context)
    parts = query.data.split(":")
    valid = len(parts) == 3 and parts[2].isdigit()
    action = parts[1] if valid else ""
    if action == "page":
        seminars = await _latest_first(services)
        await query.answer()
        try:
            await query.edit_message_reply_markup(
                _picker(services, seminars, language, int(parts[2]))
            )
        except BadRequest as error:
            # A stale page button showing the page already there: nothing to change.
            if "not modified" not in str(error):
                raise
        return
    seminar = await services.seminars.get(int(parts[2])) if action == "pick" else None
    if seminar is None:
        await answer_outdated(update, context)
        return
    await query.answer(services.catalog.text(language, "report-making"))
    await send_report(context, query.message.chat.id, seminar, language)


def register(application: BotApplication) -> None:
    """Add `/report` and its buttons."""
    application.add_handler(
        CommandHandler("report", report_command, filters=filters.ChatType.PRIVATE)
    )
    application.add_handler(CallbackQueryHandler(report_button, pattern=r"^rep:"))
