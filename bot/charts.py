"""PNG charts for staff: plain data in, PNG bytes out, texts passed in by the caller.

Drawn with matplotlib's object API on an Agg canvas: no display, no pyplot, so no figure
registry that could keep figures alive between calls.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

WIDTH_PX = 1000
HEIGHT_PX = 600
DPI = 100

_COLOURS = ("#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#d62728", "#8c564b")

# matplotlib keeps shared state (rcParams, font caches) that is not thread-safe, and charts
# are drawn in a worker thread so the bot keeps answering: one chart at a time.
_RENDER_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class ChartLabels:
    """The texts on a chart, already in the reader's language."""

    title: str
    x_label: str
    y_label: str
    no_data: str
    """Shown instead of the chart when there is nothing to draw."""


def running_totals(per_day: Sequence[tuple[date, int]], until: date) -> list[tuple[date, int]]:
    """Counts per day (oldest first) as `growth_chart` points.

    A 0 on the day before the first count (so the chart starts from nothing), the running
    total on each day, and the last total carried on to `until` (usually today).
    """
    if not per_day:
        return []
    points = [(per_day[0][0] - timedelta(days=1), 0)]
    total = 0
    for day, count in per_day:
        total += count
        points.append((day, total))
    if points[-1][0] < until:
        points.append((until, total))
    return points


def growth_chart(points: Sequence[tuple[date, int]], labels: ChartLabels) -> bytes:
    """A running total over days (e.g. registered people), as a step line; PNG bytes.

    `points` are (day, total on that day); days may have gaps, the total holds until the
    next point. An empty list draws `labels.no_data`.
    """
    ordered = sorted(points)

    def draw(axes: Axes) -> bool:
        if not ordered:
            return False
        first, last = ordered[0][0], ordered[-1][0]
        days = [(day - first).days for day, _ in ordered]
        totals = [total for _, total in ordered]
        colour = _COLOURS[0]
        axes.step(days, totals, where="post", color=colour, linewidth=2.5)
        axes.fill_between(days, totals, step="post", color=colour, alpha=0.15)
        axes.plot(days[-1:], totals[-1:], "o", color=colour)
        axes.annotate(
            str(totals[-1]),
            (days[-1], totals[-1]),
            textcoords="offset points",
            xytext=(0, 10),
            ha="center",
            fontweight="bold",
        )
        pad = max(1.0, days[-1] * 0.03)
        axes.set_xlim(-pad, days[-1] + pad)
        axes.set_ylim(0, max(totals) * 1.15 + 1)
        pattern = "%d.%m" if first.year == last.year else "%d.%m.%Y"
        axes.xaxis.set_major_locator(MaxNLocator(nbins=8, integer=True))
        axes.xaxis.set_major_formatter(
            FuncFormatter(lambda x, _: (first + timedelta(days=round(x))).strftime(pattern))
        )
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.grid(axis="y", alpha=0.3)
        return True

    return _render(labels, draw)


def grouped_bars(
    categories: Sequence[str], series: Mapping[str, Sequence[int]], labels: ChartLabels
) -> bytes:
    """Bars side by side per category, one colour per series, values on top; PNG bytes.

    E.g. categories = rayons, series = {"registered": [...], "checked in": [...]}; each
    series has one value per category, in the same order. No categories or no series draws
    `labels.no_data`.
    """
    for name, values in series.items():
        if len(values) != len(categories):
            raise ValueError(f"series {name!r} has {len(values)} values for {len(categories)}")

    def draw(axes: Axes) -> bool:
        if not categories or not series:
            return False
        width = 0.8 / len(series)
        bar_count = len(categories) * len(series)
        for index, (name, values) in enumerate(series.items()):
            offset = (index - (len(series) - 1) / 2) * width
            bars = axes.bar(
                [position + offset for position in range(len(categories))],
                values,
                width,
                label=_plain(name),
                color=_COLOURS[index % len(_COLOURS)],
            )
            # Past a few dozen bars the numbers would run into each other.
            if bar_count <= 48:
                axes.bar_label(bars, padding=2, fontsize=11 if bar_count <= 24 else 8)
        # Names side by side while they fit, then slanted, then upright for a whole country.
        names = [_plain(c) for c in categories]
        if len(categories) > 16:
            axes.set_xticks(
                range(len(categories)), names, rotation=90, fontsize=9, va="top", ha="center"
            )
        elif len(categories) > 6 or max(len(c) for c in categories) > 12:
            axes.set_xticks(
                range(len(categories)), names, rotation=30, ha="right", rotation_mode="anchor"
            )
        else:
            axes.set_xticks(range(len(categories)), names)
        highest = max((v for values in series.values() for v in values), default=0)
        # Headroom above the tallest bar for its number and the legend.
        axes.set_ylim(0, highest * 1.25 + 1)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.grid(axis="y", alpha=0.3)
        axes.set_axisbelow(True)
        if len(series) > 1:
            axes.legend(loc="upper center", ncols=len(series), frameon=False)
        return True

    return _render(labels, draw)


def _render(labels: ChartLabels, draw: Callable[[Axes], bool]) -> bytes:
    """One figure of WIDTH_PX × HEIGHT_PX: title, `draw` (False: nothing to draw), PNG."""
    # DejaVu Sans ships with matplotlib and has Cyrillic with ң ө ү; naming it keeps a local
    # matplotlibrc from swapping in a font without them.
    style = matplotlib.rc_context(
        {
            "font.family": "DejaVu Sans",
            "font.size": 13,
            "axes.titlesize": 17,
            "axes.labelsize": 13,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    with _RENDER_LOCK, style:
        figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        axes.set_title(_plain(labels.title))
        if draw(axes):
            axes.set_xlabel(_plain(labels.x_label))
            axes.set_ylabel(_plain(labels.y_label))
        else:
            axes.set_axis_off()
            axes.text(
                0.5,
                0.5,
                _plain(labels.no_data),
                transform=axes.transAxes,
                ha="center",
                va="center",
                fontsize=20,
                color="#777777",
            )
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
        # Break the figure's reference cycles now rather than at the next GC pass.
        figure.clear()
        return buffer.getvalue()


def _plain(text: str) -> str:
    """Text drawn as typed: a pair of $ would otherwise switch matplotlib to math mode."""
    return text.replace("$", r"\$")
