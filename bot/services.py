"""Shared services every handler reaches through `context.services`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.broadcast import BroadcastEngine
from bot.broadcast_report import ProgressReporter
from bot.clock import Clock
from bot.config import Config
from bot.error_notice import ErrorNotice
from bot.geography import Geography
from bot.live_count import LiveCounts
from bot.rate_limiter import Bot
from messages import Catalog, Language, is_language, language_from_telegram
from storage.attendance import AttendanceRepository
from storage.broadcast_drafts import BroadcastDraftRepository
from storage.broadcasts import BroadcastRepository
from storage.database import Database
from storage.feedback import FeedbackRepository
from storage.groups import GroupRepository
from storage.input_focus import InputFocusRepository
from storage.invitations import InvitationRepository
from storage.organisations import OrganisationRepository
from storage.people import PersonRepository
from storage.question_drafts import QuestionDraftRepository
from storage.questions import QuestionRepository
from storage.registration_drafts import RegistrationDraftRepository
from storage.rsvps import RsvpRepository
from storage.seminar_drafts import SeminarDraftRepository
from storage.seminar_sends import SeminarSendRepository
from storage.seminars import SeminarRepository
from storage.statistics import StatisticsRepository


@dataclass(frozen=True, slots=True)
class Services:
    """Configuration, texts, reference data, the clock, the database and its repositories."""

    config: Config
    catalog: Catalog
    geography: Geography
    clock: Clock
    db: Database
    people: PersonRepository
    organisations: OrganisationRepository
    drafts: RegistrationDraftRepository
    invitations: InvitationRepository
    seminars: SeminarRepository
    seminar_drafts: SeminarDraftRepository
    rsvps: RsvpRepository
    attendance: AttendanceRepository
    feedback: FeedbackRepository
    seminar_sends: SeminarSendRepository
    broadcast_log: BroadcastRepository
    broadcast_drafts: BroadcastDraftRepository
    broadcasts: BroadcastEngine
    input_focus: InputFocusRepository
    questions: QuestionRepository
    question_drafts: QuestionDraftRepository
    error_notice: ErrorNotice
    groups: GroupRepository
    live_counts: LiveCounts
    statistics: StatisticsRepository

    @classmethod
    async def open(
        cls, config: Config, catalog: Catalog, geography: Geography, clock: Clock, bot: Bot
    ) -> Services:
        """Open the database, bring its schema up to date and build the repositories.

        The broadcast engine is built but not started: `start_sending` does that once the bot
        is ready to send.
        """
        db = await Database.open(config.storage.path)
        try:
            await db.migrate()
        except BaseException:
            await db.close()
            raise
        people = PersonRepository(db)
        drafts = RegistrationDraftRepository(db)
        broadcast_log = BroadcastRepository(db)

        async def language_of(user_id: int) -> Language:
            person = await people.get(user_id)
            if person and is_language(person.language):
                return person.language
            return config.bot.default_language

        reporter = ProgressReporter(
            bot=bot,
            catalog=catalog,
            geography=geography,
            config=config,
            broadcasts=broadcast_log,
            people=people,
            language_of=language_of,
            now=clock.now,
        )
        return cls(
            config=config,
            catalog=catalog,
            geography=geography,
            clock=clock,
            db=db,
            people=people,
            organisations=OrganisationRepository(db),
            drafts=drafts,
            invitations=InvitationRepository(db),
            seminars=SeminarRepository(db),
            seminar_drafts=SeminarDraftRepository(db),
            rsvps=RsvpRepository(db),
            attendance=AttendanceRepository(db),
            feedback=FeedbackRepository(db),
            seminar_sends=SeminarSendRepository(db),
            broadcast_log=broadcast_log,
            broadcast_drafts=BroadcastDraftRepository(db),
            broadcasts=BroadcastEngine(
                bot=bot,
                config=config,
                clock=clock,
                broadcasts=broadcast_log,
                people=people,
                reporter=reporter,
            ),
            input_focus=InputFocusRepository(db),
            questions=QuestionRepository(db),
            question_drafts=QuestionDraftRepository(db),
            error_notice=ErrorNotice(timedelta(minutes=config.logging.error_notify_every_minutes)),
            groups=GroupRepository(db),
            live_counts=LiveCounts(),
            statistics=StatisticsRepository(db),
        )

    async def close(self) -> None:
        """Drop pending count edits and close the database."""
        await self.live_counts.close()
        await self.db.close()

    @property
    def staff_chat(self) -> int | None:
        """Where staff notices go: the staff group, else the first admin's private chat."""
        admins = self.config.bot.admins
        return self.config.bot.staff_chat_id or (min(admins) if admins else None)

    def is_staff(self, user_id: int | None) -> bool:
        """Staff are exactly the ids in `bot.admins`; a role someone picked grants nothing."""
        return user_id is not None and user_id in self.config.bot.admins

    async def language_of(self, user_id: int, telegram_code: str | None) -> Language:
        """The language to answer this person in: saved, then in progress, then Telegram's."""
        person = await self.people.get(user_id)
        if person and is_language(person.language):
            return person.language
        draft = await self.drafts.get(user_id)
        if draft and is_language(draft.language):
            return draft.language
        return language_from_telegram(telegram_code, self.config.bot.default_language)
