"""The questions sheet of `/export`: one row a question, names of anonymous askers withheld."""

from __future__ import annotations

from bot.services import Services
from bot.topics import topic_label
from messages import Language

COLUMNS = (
    "export-q-number",
    "export-q-question",
    "export-q-asker",
    "export-q-seminar",
    "export-q-topic",
    "export-q-status",
    "export-q-answer",
    "export-q-answered-by",
    "export-q-answered-at",
    "export-q-support",
)


def questions_header(services: Services, language: Language | None = None) -> list[str]:
    """Column titles in the staff's language."""
    shown = language or services.config.bot.default_language
    return [services.catalog.text(shown, key) for key in COLUMNS]


async def questions_rows(
    services: Services, seminar_id: int | None, language: Language | None = None
) -> list[list[str]]:
    """Every question of a seminar (None: general questions), oldest first."""
    shown = language or services.config.bot.default_language
    text = services.catalog.text
    seminar = await services.seminars.get(seminar_id) if seminar_id is not None else None
    seminar_title = seminar.title(shown) if seminar else text(shown, "ask-general")
    zone = services.config.bot.timezone
    result = []
    for question in await services.questions.for_seminar(seminar_id):
        person = await services.people.get(question.asker_id)
        if question.anonymous or person is None:
            asker = text(shown, "anonymous-asker")
        else:
            asker = person.full_name
        body = question.text
        if question.media_kind:
            body = f"{text(shown, f'ask-{question.media_kind}')} {body}".strip()
        topic = topic_label(services, question.topic, shown) if question.topic else ""
        if question.status == "rejected":
            answer = question.reject_reason or ""
        elif question.answered_on_stage:
            answer = text(shown, "button-q-stage")
        else:
            answer = question.answer_text or ""
        answered_at = (
            question.answered_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
            if question.answered_at
            else ""
        )
        result.append(
            [
                str(question.id),
                body,
                asker,
                seminar_title,
                topic,
                text(shown, f"status-{question.status}"),
                answer,
                question.answered_by_name or "",
                answered_at,
                str(question.support),
            ]
        )
    return result


async def questions_by_topic(
    services: Services, seminar_id: int | None, language: Language | None = None
) -> list[list[str]]:
    """[topic, count] rows, most asked first; seminar_id None counts every seminar.

    Merged duplicates are not counted: they are the same question.
    """
    shown = language or services.config.bot.default_language
    counts = await services.questions.topic_counts(seminar_id)
    result = []
    for topic, count in sorted(
        counts.items(), key=lambda item: (-item[1], item[0] is None, item[0] or "")
    ):
        result.append([topic_label(services, topic, shown), str(count)])
    return result


async def questions_sheet(
    services: Services, seminar_id: int | None, language: Language
) -> tuple[str, list[list[str]]]:
    """The questions sheet of a workbook: its title, then the header and the rows."""
    title = services.catalog.text(language, "export-questions-sheet")
    return title, [
        questions_header(services, language),
        *await questions_rows(services, seminar_id, language),
    ]
