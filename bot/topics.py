"""Question topics: codes from `[questions] topics`, names from `topic-<code>` texts."""

from __future__ import annotations

from bot.services import Services
from messages import Language, MessageMissing


def topic_label(services: Services, topic: str | None, language: Language) -> str:
    """The topic's name; a code since removed from the texts is shown as it is."""
    try:
        return services.catalog.text(language, f"topic-{topic}" if topic else "topic-none")
    except MessageMissing:
        return topic or ""
