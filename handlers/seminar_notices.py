"""Telling people who heard of a seminar that it moved or was cancelled."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from storage.seminars import Seminar


async def offer_change_notice(
    update: Update, context: BotContext, before: Seminar, after: Seminar
) -> None:
    """After an edit of an announced seminar's date, time or place: offer to tell people."""


async def notify_cancelled(update: Update, context: BotContext, seminar: Seminar) -> None:
    """After a cancellation: tell everyone invited, in their language."""
