"""Reminders before a seminar and the survey after it, decided from the database.

The database is the source of truth: `run_due` looks at every seminar, sends what is due
now (by the injectable clock) and records it, so a restart neither repeats nor loses a send.
JobQueue jobs only wake `run_due` up at the right moments; they are rebuilt at every start.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.ext import JobQueue

from bot.broadcast import Outgoing
from bot.context import BotApplication, BotContext
from bot.rsvp_report import reading_language
from bot.seminar_card import seminar_card
from bot.services import Services
from storage.database import to_db
from storage.people import Person
from storage.rsvps import Rsvp
from storage.seminars import Seminar

log = logging.getLogger(__name__)

# Surveys go only for seminars that ended recently: not for last year's on first deploy.
SURVEY_WINDOW = timedelta(days=3)
# A safety net for seminars edited elsewhere (the wizard, an import): look again this often.
RESYNC_SECONDS = 600


async def reminder_minutes(services: Services, seminar: Seminar) -> tuple[int, ...]:
    """This seminar's reminder times (minutes before the start), else the global ones."""
    settings = await services.attendance.settings(seminar.id)
    if settings.reminder_minutes is not None:
        return settings.reminder_minutes
    return services.config.reminders.before_minutes


def reminder_key(minutes: int, starts_at: datetime) -> str:
    """Moving the seminar changes the key, so the new time gets its own reminders."""
    return f"reminder:{minutes}:{to_db(starts_at)}"


def _reminder(
    services: Services, seminar: Seminar, person: Person, rsvp: Rsvp, place: int
) -> Outgoing:
    language = reading_language(person)
    text = services.catalog.text
    card = seminar_card(services, seminar, language)
    if rsvp.seated:
        cancel = InlineKeyboardButton(
            text(language, "button-rsvp-cancel"), callback_data=f"rsvp:n:{seminar.id}"
        )
        body = "\n\n".join([text(language, "reminder-coming", party=rsvp.party), card])
        return Outgoing(person.telegram_id, body, InlineKeyboardMarkup([[cancel]]))
    body = "\n\n".join([text(language, "reminder-waiting", place=place), card])
    return Outgoing(person.telegram_id, body)


async def _send_reminder(services: Services, seminar: Seminar, minutes: int) -> int:
    key = reminder_key(minutes, seminar.fields.starts_at)
    rsvps = [r for r in await services.rsvps.for_seminar(seminar.id) if r.answer == "yes"]
    people = {p.telegram_id: p for p in await services.people.all() if p.reachable}
    rsvps = [r for r in rsvps if r.telegram_id in people]
    fresh = set(
        await services.seminar_sends.claim(
            seminar.id, key, "sent", [r.telegram_id for r in rsvps], services.clock.now()
        )
    )
    messages = []
    place = 0
    for rsvp in rsvps:
        place += 0 if rsvp.seated else 1
        if rsvp.telegram_id in fresh:
            messages.append(_reminder(services, seminar, people[rsvp.telegram_id], rsvp, place))
    if messages:
        # Urgent: quiet hours must not hold a 2-hour reminder past the start.
        await services.broadcasts.submit(
            "reminder",
            messages,
            urgent=True,
            key=f"reminder:{seminar.id}:{minutes}:{to_db(seminar.fields.starts_at)}",
            created_by=None,
            seminar_id=seminar.id,
        )
    return len(messages)


async def _send_survey(services: Services, seminar: Seminar) -> int:
    checkins = await services.attendance.checkins(seminar.id)
    fresh = await services.seminar_sends.claim(
        seminar.id, "feedback", "sent", [c.telegram_id for c in checkins], services.clock.now()
    )
    messages = []
    for telegram_id in fresh:
        person = await services.people.get(telegram_id)
        if person is None or not person.reachable:
            continue
        language = reading_language(person)
        buttons = [
            InlineKeyboardButton(str(n), callback_data=f"fb:r:{seminar.id}:{n}")
            for n in range(1, 6)
        ]
        body = services.catalog.text(language, "feedback-ask", title=seminar.title(language))
        messages.append(Outgoing(telegram_id, body, InlineKeyboardMarkup([buttons])))
    if messages:
        await services.broadcasts.submit(
            "feedback",
            messages,
            key=f"feedback:{seminar.id}",
            created_by=None,
            seminar_id=seminar.id,
        )
    return len(messages)


async def run_due(services: Services) -> int:
    """Send every reminder and survey due now; returns how many messages were handed over.

    Of several reminders missed while the bot was down, only the one nearest the start goes
    out (two reminders a minute apart help nobody); the others are recorded as dropped. A
    reminder whose seminar has begun is never sent.
    """
    now = services.clock.now()
    total = 0
    for seminar in await services.seminars.all_for_staff(now):
        if seminar.is_cancelled:
            continue
        handled = await services.seminar_sends.handled(seminar.id)
        starts = seminar.fields.starts_at
        if now < starts:
            due = [
                m
                for m in await reminder_minutes(services, seminar)
                if now >= starts - timedelta(minutes=m) and reminder_key(m, starts) not in handled
            ]
            for minutes in sorted(due)[1:]:
                await services.seminar_sends.claim(
                    seminar.id, reminder_key(minutes, starts), "dropped", [], now
                )
            if due:
                total += await _send_reminder(services, seminar, min(due))
        ends = seminar.fields.ends_at
        if ends <= now < ends + SURVEY_WINDOW and "feedback" not in handled:
            total += await _send_survey(services, seminar)
    return total


async def _due_job(context: BotContext) -> None:
    await run_due(context.services)


async def _sync_job(context: BotContext) -> None:
    assert context.jobs is not None
    await resync(context.services, context.jobs)


async def resync(services: Services, job_queue: JobQueue[BotContext]) -> None:
    """Send what is due, then set one job for each future reminder and survey.

    Call after changing a seminar's time; the periodic resync catches it otherwise.
    """
    sent = await run_due(services)
    for job in job_queue.jobs():
        if job.name and job.name.startswith("seminar-send:"):
            job.schedule_removal()
    now = services.clock.now()
    jobs = 0
    for seminar in await services.seminars.upcoming(now):
        moments = [
            seminar.fields.starts_at - timedelta(minutes=m)
            for m in await reminder_minutes(services, seminar)
        ] + [seminar.fields.ends_at]
        for moment in moments:
            if moment > now:
                job_queue.run_once(
                    _due_job, when=moment - now, name=f"seminar-send:{seminar.id}:{to_db(moment)}"
                )
                jobs += 1
    log.info("scheduled sends checked: %d messages handed over, %d jobs set", sent, jobs)


def schedule(application: BotApplication) -> None:
    """Rebuild the jobs right after start, and look again every few minutes."""
    job_queue = application.job_queue
    assert job_queue is not None
    job_queue.run_once(_sync_job, when=0, name="seminar-sends-start")
    job_queue.run_repeating(
        _sync_job, interval=RESYNC_SECONDS, first=RESYNC_SECONDS, name="seminar-sends-resync"
    )
