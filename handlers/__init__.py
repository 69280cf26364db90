"""Telegram-facing code, one module per feature; each module registers its own handlers."""

from __future__ import annotations

from bot.context import BotApplication
from handlers import (
    activity,
    announcements,
    broadcasts,
    checkin,
    checkin_staff,
    fallback,
    feedback,
    group_questions,
    group_rsvp,
    groups,
    invitations,
    privacy,
    questions,
    registration,
    report,
    rsvp,
    rsvp_staff,
    seminar_wizard,
    seminars,
    seminars_staff,
    settings,
    stats,
)


def register_all(application: BotApplication) -> None:
    """Register every feature.

    Order matters within group 0: the first matching handler wins, so specific deep-link
    /start handlers go before the generic one. Free text is read in later groups (each
    feature raises ApplicationHandlerStop once it took the text), and `fallback` answers
    whatever is left.
    """
    activity.register(application)
    announcements.register(application)
    broadcasts.register(application)
    invitations.register(application)
    checkin.register(application)
    registration.register(application)
    settings.register(application)
    rsvp.register(application)
    rsvp_staff.register(application)
    report.register(application)
    checkin_staff.register(application)
    feedback.register(application)
    questions.register(application)
    seminars.register(application)
    seminars_staff.register(application)
    seminar_wizard.register(application)
    privacy.register(application)
    groups.register(application)
    group_rsvp.register(application)
    group_questions.register(application)
    stats.register(application)
    fallback.register(application)
