"""The `/report` chart: registered against checked in, by rayon, as PNG bytes.

Drawn with matplotlib's object API on an Agg canvas (no display, no pyplot registry).
The signature matches `grouped_bars` of the `/stats` charts so the two can become one.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bot.report_facts import ReportFacts
from bot.services import Services
from messages import Language

WIDTH_PX = 1000
HEIGHT_PX = 600
DPI = 100
_COLOURS = ("#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd")
# matplotlib's font caches and rcParams are shared and not thread-safe; charts are drawn in
# a worker thread so the bot keeps answering: one at a time.
_RENDER_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class ChartLabels:
    """The texts on a chart, already in the reader's language."""

    title: str
    x_label: str
    y_label: str
    no_data: str


def _plain(text: str) -> str:
    # matplotlib reads "$…$" as mathtext; a dollar in a name must stay a dollar.
    return text.replace("$", r"\$")


def grouped_bars(
    categories: Sequence[str], series: Mapping[str, Sequence[int]], labels: ChartLabels
) -> bytes:
    """Bars side by side per category, one colour a series, values on top; PNG bytes.

    No categories draws `labels.no_data` on an empty chart of the same size.
    """
    for name, values in series.items():
        if len(values) != len(categories):
            raise ValueError(f"series {name!r} has {len(values)} values for {len(categories)}")
    with _RENDER_LOCK:
        # DejaVu Sans ships with matplotlib and has ң ө ү.
        figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        axes.set_title(_plain(labels.title), fontsize=16, fontfamily="DejaVu Sans")
        axes.spines[["top", "right"]].set_visible(False)
        if categories and series:
            width = 0.8 / len(series)
            for index, (name, values) in enumerate(series.items()):
                offset = (index - (len(series) - 1) / 2) * width
                bars = axes.bar(
                    [position + offset for position in range(len(categories))],
                    values,
                    width,
                    label=_plain(name),
                    color=_COLOURS[index % len(_COLOURS)],
                )
                axes.bar_label(bars, padding=2, fontsize=10)
            slanted = len(categories) > 6 or max(len(c) for c in categories) > 12
            axes.set_xticks(
                range(len(categories)),
                [_plain(c) for c in categories],
                rotation=30 if slanted else 0,
                ha="right" if slanted else "center",
                rotation_mode="anchor",
            )
            highest = max((v for values in series.values() for v in values), default=0)
            axes.set_ylim(0, highest * 1.15 + 1)
            axes.yaxis.set_major_locator(MaxNLocator(integer=True))
            axes.grid(axis="y", alpha=0.3)
            axes.legend(loc="upper right")
            axes.set_xlabel(_plain(labels.x_label))
            axes.set_ylabel(_plain(labels.y_label))
        else:
            axes.set_axis_off()
            axes.text(0.5, 0.5, _plain(labels.no_data), ha="center", va="center", fontsize=16)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


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
