"""Long lists on small screens: pages with ◀ ▶ buttons, and titles cut to fit a button."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from telegram import InlineKeyboardButton

T = TypeVar("T")


def page_of(items: Sequence[T], page: int, size: int) -> tuple[int, int, Sequence[T]]:
    """The page number (kept in range, so a stale button still shows something), the number
    of pages, and the items on that page."""
    pages = max(1, (len(items) + size - 1) // size)
    page = min(max(page, 0), pages - 1)
    return page, pages, items[page * size : (page + 1) * size]


def page_buttons(prefix: str, page: int, pages: int) -> list[InlineKeyboardButton]:
    """◀ and ▶ with callback data `<prefix><page>`, only where there is a page to go to."""
    buttons = []
    if page > 0:
        buttons.append(InlineKeyboardButton("◀", callback_data=f"{prefix}{page - 1}"))
    if page < pages - 1:
        buttons.append(InlineKeyboardButton("▶", callback_data=f"{prefix}{page + 1}"))
    return buttons


def shorten(text: str, limit: int) -> str:
    """The text, cut with «…» when longer than `limit` characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
