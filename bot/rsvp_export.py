"""The participants of a seminar as an XLSX workbook (openpyxl) or a CSV file."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from bot.rsvp_report import Participant, SeminarReport, rayon_name
from bot.services import Services
from messages import Language

_COLUMNS = (
    "name",
    "role",
    "organisation",
    "rayon",
    "oblast",
    "phone",
    "answer",
    "party",
    "waitlist",
    "checked-in",
    "rating",
    "comment",
)


def _row(services: Services, language: Language, participant: Participant) -> list[str | int]:
    text = services.catalog.text
    person, rsvp = participant.person, participant.rsvp
    region = services.geography.region(person.region_code)
    answer = text(language, f"export-answer-{rsvp.answer}") if rsvp else ""
    if rsvp is not None and rsvp.waiting:
        answer = text(language, "export-answer-waiting")
    feedback = participant.feedback
    return [
        person.full_name,
        text(language, f"role-{person.role}"),
        person.organisation_name or "",
        rayon_name(services, language, person.rayon_code),
        region.name(language) if region else "",
        person.phone or "",
        answer,
        rsvp.party if rsvp and rsvp.answer == "yes" else "",
        participant.waitlist_place or "",
        text(language, "export-yes") if participant.checkin else "",
        feedback.rating if feedback else "",
        feedback.comment or "" if feedback else "",
    ]


def table(services: Services, report: SeminarReport, language: Language) -> list[list[str | int]]:
    """The header and one row a participant, as both formats write them."""
    header: list[str | int] = [services.catalog.text(language, f"export-col-{c}") for c in _COLUMNS]
    return [header, *(_row(services, language, p) for p in report.participants)]


def summary_rows(
    services: Services, report: SeminarReport, language: Language
) -> list[list[str | int | float]]:
    """The totals donors ask for: answers, seats, attendance, the rating and its spread."""
    text = services.catalog.text
    rows: list[list[str | int | float]] = [
        [text(language, "export-summary-yes"), report.answers["yes"]],
        [text(language, "export-summary-maybe"), report.answers["maybe"]],
        [text(language, "export-summary-no"), report.answers["no"]],
        [text(language, "export-summary-seats"), report.seats_taken],
        [text(language, "export-summary-capacity"), report.seminar.fields.capacity or ""],
        [text(language, "export-summary-waitlist"), report.waitlist],
        [text(language, "export-summary-checked-in"), len(report.checked_in)],
        [text(language, "export-summary-walk-ins"), report.walk_ins],
    ]
    return rows + rating_rows(services, report, language)


def rating_rows(
    services: Services, report: SeminarReport, language: Language
) -> list[list[str | int | float]]:
    """The average rating, then how many gave each number of stars."""
    ratings = report.ratings
    average = round(sum(ratings) / len(ratings), 2) if ratings else ""
    rows: list[list[str | int | float]] = [
        [services.catalog.text(language, "export-summary-rating"), average]
    ]
    rows += [[f"{n}★", ratings.count(n)] for n in range(5, 0, -1)]
    return rows


def xlsx(
    services: Services,
    report: SeminarReport,
    language: Language,
    extra_sheets: Sequence[tuple[str, Sequence[Sequence[str | int | float]]]] = (),
) -> bytes:
    """Participants, totals, then any extra sheets (questions, attendance…); Cyrillic intact."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = services.catalog.text(language, "export-sheet")
    for row in table(services, report, language):
        sheet.append(row)
    sheet.freeze_panes = "A2"
    summary = workbook.create_sheet(services.catalog.text(language, "export-summary-sheet"))
    for total in summary_rows(services, report, language):
        summary.append(total)
    summary.column_dimensions["A"].width = 36
    for title, extra_rows in extra_sheets:
        extra = workbook.create_sheet(title)
        for extra_row in extra_rows:
            extra.append(list(extra_row))
        extra.freeze_panes = "A2"
    for index, width in enumerate((28, 24, 22, 20, 24, 16, 14, 8, 10, 10, 8, 40), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(services: Services, report: SeminarReport, language: Language) -> bytes:
    """UTF-8 with a byte-order mark and semicolons: what Excel opens with Cyrillic intact."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows(table(services, report, language))
    return buffer.getvalue().encode("utf-8-sig")
