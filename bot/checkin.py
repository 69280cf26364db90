"""Check-in on the seminar's day: the window, the token and the short code."""

from __future__ import annotations

import io
import secrets
from datetime import datetime
from zoneinfo import ZoneInfo

import segno

from bot.services import Services
from storage.attendance import RsvpSettings
from storage.seminars import Seminar

CODE_DIGITS = 6


def in_window(seminar: Seminar, now: datetime, zone: ZoneInfo) -> bool:
    """Check-in is open through the seminar's day(s), local time."""
    today = now.astimezone(zone).date()
    first = seminar.fields.starts_at.astimezone(zone).date()
    last = seminar.fields.ends_at.astimezone(zone).date()
    return first <= today <= last


async def checkin_settings(services: Services, seminar: Seminar) -> RsvpSettings:
    """The seminar's token and code, made the first time staff ask for them."""
    settings = await services.attendance.settings(seminar.id)
    if settings.checkin_token and settings.checkin_code:
        return settings
    token = secrets.token_urlsafe(12)
    code = "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))
    return await services.attendance.ensure_checkin_code(seminar.id, token, code)


def checkin_link(bot_username: str, token: str) -> str:
    """The deep link the QR code holds."""
    return f"https://t.me/{bot_username}?start=checkin-{token}"


def qr_png(link: str) -> bytes:
    """A QR code of the link as PNG; segno writes PNG without Pillow."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=10, border=4)
    return buffer.getvalue()
