"""The `/report` workbook: the export's participants and totals, plus attendance, questions
and feedback sheets."""

from __future__ import annotations

from collections.abc import Sequence

from bot.question_sheet import questions_sheet
from bot.report_facts import ReportFacts, Tally
from bot.report_text import tally_name
from bot.rsvp_export import rating_rows, xlsx
from bot.services import Services
from messages import Language

Row = list[str | int | float]


def _tally_rows(
    services: Services, language: Language, tallies: tuple[Tally, ...], kind: str
) -> list[Row]:
    text = services.catalog.text
    rows: list[Row] = [
        [
            text(language, f"report-col-{kind}"),
            text(language, "report-col-invited"),
            text(language, "report-col-coming"),
            text(language, "report-col-checked-in"),
        ]
    ]
    for tally in tallies:
        name = tally_name(services, language, tally, kind)
        rows.append([name, tally.invited, tally.coming, tally.checked_in])
    return rows


def attendance_rows(services: Services, facts: ReportFacts, language: Language) -> list[Row]:
    """By role, then by rayon: invited, coming, checked in; then walk-ins and the total."""
    text = services.catalog.text
    rows = _tally_rows(services, language, facts.by_role, "role")
    rows.append([])
    rows += _tally_rows(services, language, facts.by_rayon, "rayon")
    rows.append([])
    rows.append([text(language, "report-walk-ins"), "", "", facts.walk_ins])
    rows.append(
        [
            text(language, "report-total"),
            facts.invited,
            facts.coming,
            facts.checked_in + facts.walk_ins,
        ]
    )
    return rows


def feedback_rows(services: Services, facts: ReportFacts, language: Language) -> list[Row]:
    """Each rating with its comment (no names), then the average and the spread."""
    text = services.catalog.text
    rows: list[Row] = [[text(language, "report-col-rating"), text(language, "report-col-comment")]]
    for participant in facts.report.participants:
        if participant.feedback is not None:
            rows.append([participant.feedback.rating, participant.feedback.comment or ""])
    rows.append([])
    return rows + rating_rows(services, facts.report, language)


async def report_workbook(services: Services, facts: ReportFacts, language: Language) -> bytes:
    """One XLSX: participants, totals, attendance, questions, feedback."""
    text = services.catalog.text
    sheets: list[tuple[str, Sequence[Sequence[str | int | float]]]] = [
        (text(language, "report-sheet-attendance"), attendance_rows(services, facts, language)),
        await questions_sheet(services, facts.seminar.id, language),
        (text(language, "report-sheet-feedback"), feedback_rows(services, facts, language)),
    ]
    return xlsx(services, facts.report, language, sheets)
