"""The `/report` chart's data: coming against checked in, by rayon (drawn by bot.charts)."""

from __future__ import annotations

from bot.charts import ChartLabels
from bot.report_facts import ReportFacts
from bot.services import Services
from messages import Language


def attendance_chart_data(
    services: Services, facts: ReportFacts, language: Language
) -> tuple[list[str], dict[str, list[int]], ChartLabels]:
    """What `grouped_bars` draws for a report: coming against checked in, one pair of bars a
    rayon; people without a rayon and walk-ins get their own pair when there are any.

    Texts are looked up here, on the event loop; only the drawing goes to a worker thread.
    """
    text = services.catalog.text
    categories: list[str] = []
    coming: list[int] = []
    came: list[int] = []
    for tally in facts.by_rayon:
        rayon = services.geography.rayon(tally.key)
        categories.append(rayon.name(language) if rayon else text(language, "report-no-rayon"))
        coming.append(tally.coming)
        came.append(tally.checked_in)
    if facts.walk_ins:
        categories.append(text(language, "report-walk-ins"))
        coming.append(0)
        came.append(facts.walk_ins)
    # A long title would run off the picture; the caption has it whole.
    title = facts.seminar.title(language)[:50]
    labels = ChartLabels(
        title=text(language, "report-chart-title", title=title),
        x_label=text(language, "report-chart-x"),
        y_label=text(language, "report-chart-y"),
        no_data=text(language, "report-chart-no-data"),
    )
    series = {
        text(language, "report-chart-registered"): coming,
        text(language, "report-chart-checked-in"): came,
    }
    return categories, series, labels
