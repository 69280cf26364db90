"""Staff: /stats — who is registered and reachable, how broadcasts went, growth as a chart."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import CommandHandler, filters

from bot.broadcast_report import chunk_lines
from bot.charts import ChartLabels, growth_chart, running_totals
from bot.context import BotApplication, BotContext
from bot.roles import ROLES
from bot.services import Services
from handlers.common import language_for, staff_only
from messages import LANGUAGES, Language, format_clock, format_day
from storage.statistics import BroadcastSummary, GroupCount, Grouping

BROADCASTS_SHOWN = 10


def _rows(
    services: Services,
    language: Language,
    counts: list[GroupCount],
    known: Sequence[tuple[str, str]],
) -> list[str]:
    """One line per known value (code, name) in that order, zeros included, then the rest."""
    text = services.catalog.text
    by_value = {count.value: count for count in counts}
    named = [(name, by_value.pop(code, None)) for code, name in known]
    # People with no value (no oblast for the State Agency) or a code this version lacks.
    for value, count in by_value.items():
        named.append((value or text(language, "stats-no-place"), count))
    return [
        text(
            language,
            "stats-row",
            name=name,
            registered=count.registered if count else 0,
            active=count.active if count else 0,
        )
        for name, count in named
    ]


async def _people_lines(services: Services, language: Language) -> list[str]:
    """Totals, then the breakdowns by oblast or city, role and language."""
    text = services.catalog.text
    statistics = services.statistics
    totals = await statistics.people_totals()
    if totals.registered == 0:
        return [text(language, "stats-nobody")]
    lines = [
        text(language, "stats-registered", count=totals.registered),
        text(language, "stats-active", count=totals.active),
        text(language, "stats-blocked", count=totals.blocked),
        text(language, "stats-unsubscribed", count=totals.unsubscribed),
    ]
    regions: list[tuple[str, str]] = [
        (r.code, r.name(language)) for r in services.geography.regions
    ]
    roles: list[tuple[str, str]] = [(role, text(language, f"role-{role}")) for role in ROLES]
    languages: list[tuple[str, str]] = [
        (code, text(language, f"language-name-{code}")) for code in LANGUAGES
    ]
    sections: list[tuple[str, Grouping, list[tuple[str, str]]]] = [
        ("stats-by-region", "region_code", regions),
        ("stats-by-role", "role", roles),
        ("stats-by-language", "language", languages),
    ]
    for title, column, known in sections:
        counts = await statistics.people_by(column)
        lines += ["", text(language, title), *_rows(services, language, counts, known)]
    return lines


def _broadcast_line(services: Services, language: Language, summary: BroadcastSummary) -> str:
    """«• №3 жарыя, 28.11.2026 14:00: 10 / 12; …», marked when still running or stopped."""
    text = services.catalog.text
    zone = services.config.bot.timezone
    tally = summary.tally
    when = summary.created_at.astimezone(zone)
    line = text(
        language,
        "stats-broadcast",
        id=summary.id,
        kind=text(language, "stats-kind", kind=summary.kind),
        date=f"{when:%d.%m.%Y} {format_clock(when, language, zone)}",
        sent=tally.sent,
        total=tally.total,
        unreachable=tally.unreachable,
        failed=tally.failed,
    )
    if summary.status == "sending":
        line = f"{line} — {text(language, 'stats-broadcast-sending')}"
    elif summary.status == "stopped":
        stopped = text(language, "stats-broadcast-stopped", stopped=tally.stopped)
        line = f"{line} — {stopped}"
    return line


async def _broadcast_lines(services: Services, language: Language) -> list[str]:
    """The last broadcasts with their delivery counts, newest first."""
    text = services.catalog.text
    recent = await services.statistics.recent_broadcasts(BROADCASTS_SHOWN)
    if not recent:
        return [text(language, "stats-no-broadcasts")]
    return [
        text(language, "stats-broadcasts-title"),
        *(_broadcast_line(services, language, summary) for summary in recent),
    ]


@staff_only
async def stats(update: Update, context: BotContext) -> None:
    """The counts as text in the staff member's language, then the growth chart as a photo."""
    message = update.effective_message
    assert message is not None
    services = context.services
    text = services.catalog.text
    language = await language_for(update, context)
    zone = services.config.bot.timezone
    now = services.clock.now()
    today = format_day(now, language, zone)
    lines = [
        text(language, "stats-title", date=today),
        "",
        *await _people_lines(services, language),
        "",
        *await _broadcast_lines(services, language),
    ]
    for chunk in chunk_lines(lines):
        await message.reply_text(chunk)

    local_now = now.astimezone(zone)
    offset = local_now.utcoffset()
    assert offset is not None
    per_day = await services.statistics.registrations_per_day(offset)
    if not per_day:
        return  # The text already says nobody registered; an empty chart adds nothing.
    await message.reply_chat_action(ChatAction.UPLOAD_PHOTO)
    labels = ChartLabels(
        title=text(language, "stats-chart-title"),
        x_label=text(language, "stats-chart-x"),
        y_label=text(language, "stats-chart-y"),
        no_data=text(language, "stats-chart-no-data"),
    )
    points = running_totals(per_day, local_now.date())
    # Drawing takes a tenth of a second or more: off the event loop, so others get answers.
    png = await asyncio.to_thread(growth_chart, points, labels)
    await message.reply_photo(
        png, caption=text(language, "stats-chart-caption", date=today, count=points[-1][1])
    )


def register(application: BotApplication) -> None:
    """Add /stats."""
    application.add_handler(CommandHandler("stats", stats, filters=filters.ChatType.PRIVATE))
