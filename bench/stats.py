"""What /stats costs: its queries on a large database, and drawing the charts.

    python -m bench.stats --people 10000 --repeat 30

Queries: `people` registered over two years in every oblast, and 10 broadcasts to all of
them (people x 10 delivery rows); each /stats query is timed. Charts: the /stats growth
chart (a month and two years of registrations) and the grouped bars the seminar report uses
(8 rayons of one oblast, and all 40), `repeat` times each; then more charts, to see whether
the process's peak memory keeps rising.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.charts import ChartLabels, grouped_bars, growth_chart, running_totals
from bot.geography import load_geography
from bot.roles import ROLES
from storage.broadcasts import BroadcastRepository
from storage.database import Database
from storage.people import PersonRepository, Profile
from storage.statistics import StatisticsRepository

LABELS = ChartLabels(
    title="Катталгандардын жалпы саны", x_label="Күн", y_label="Адам", no_data="Маалымат жок"
)
JALAL_ABAD = ["Аксы", "Ала-Бука", "Базар-Коргон", "Ноокен", "Сузак", "Тогуз-Торо", "Токтогул"]
TODAY = date(2026, 11, 29)


def _growth(days: int) -> Callable[[], bytes]:
    per_day = [(TODAY - timedelta(days=days - n), 1 + n % 7) for n in range(days)]
    points = running_totals(per_day, TODAY)
    return lambda: growth_chart(points, LABELS)


def _bars(categories: list[str]) -> Callable[[], bytes]:
    series = {
        "Катталган": [10 + n % 9 for n in range(len(categories))],
        "Келген": [5 + n % 7 for n in range(len(categories))],
    }
    return lambda: grouped_bars(categories, series, LABELS)


def _resident_mib() -> float:
    """The process's resident memory now (Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


async def _queries(people: int, folder: Path) -> None:
    db = await Database.open(folder / "bench.sqlite3")
    await db.migrate()
    repository = PersonRepository(db)
    rayons = [rayon for region in load_geography().regions for rayon in region.rayons]
    start = datetime(2024, 11, 29, tzinfo=UTC)
    for number in range(people):
        rayon = rayons[number % len(rayons)]
        profile = Profile(
            telegram_id=100_000 + number,
            first_name=f"Person{number}",
            last_name=None,
            username=None,
            language="ru" if number % 3 == 2 else "ky",
            role=ROLES[number % len(ROLES)],
            region_code=rayon.region_code,
            rayon_code=rayon.code,
            organisation_id=None,
            phone=None,
            invitation_code=None,
        )
        await repository.save(profile, start + timedelta(days=730) * number / people)
    broadcasts = BroadcastRepository(db)
    recipients = [(100_000 + number, "Салам!", None) for number in range(people)]
    for number in range(10):
        await broadcasts.create(
            kind="announcement",
            key=None,
            seminar_id=None,
            created_by=None,
            urgent=False,
            recipients=recipients,
            now=start + timedelta(days=number),
        )
    statistics_ = StatisticsRepository(db)
    queries: dict[str, Callable[[], Awaitable[Any]]] = {
        "totals": statistics_.people_totals,
        "by oblast": lambda: statistics_.people_by("region_code"),
        "by role": lambda: statistics_.people_by("role"),
        "by language": lambda: statistics_.people_by("language"),
        "registrations per day": lambda: statistics_.registrations_per_day(timedelta(hours=6)),
        "last 10 broadcasts": lambda: statistics_.recent_broadcasts(10),
    }
    print(f"{people} people, {people * 10} delivery rows\n")
    print("| query | median |")
    print("|---|---|")
    total = 0.0
    for name, query in queries.items():
        times = []
        for _ in range(20):
            started = time.perf_counter()
            await query()
            times.append(time.perf_counter() - started)
        total += statistics.median(times)
        print(f"| {name} | {statistics.median(times) * 1000:.1f} ms |")
    print(f"| all of /stats | {total * 1000:.1f} ms |\n")
    await db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(_queries(args.people, Path(folder)))
    cases = {
        "growth, 30 days": _growth(30),
        "growth, 730 days": _growth(730),
        "grouped bars, 8 rayons": _bars([*JALAL_ABAD, "Чаткал"]),
        "grouped bars, 40 rayons": _bars([f"Район {n}" for n in range(40)]),
    }
    print("| chart | median | max | PNG size |")
    print("|---|---|---|---|")
    for name, draw in cases.items():
        draw()  # The first call loads fonts; a running bot pays that once.
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            png = draw()
            times.append(time.perf_counter() - started)
        print(
            f"| {name} | {statistics.median(times) * 1000:.0f} ms | {max(times) * 1000:.0f} ms"
            f" | {len(png) / 1024:.0f} KiB |"
        )
    samples = []
    for _ in range(8):
        for _ in range(50):
            for draw in cases.values():
                draw()
        samples.append(_resident_mib())
    print(
        "\nresident memory after each 200 more charts (MiB): "
        + ", ".join(f"{sample:.0f}" for sample in samples)
    )


if __name__ == "__main__":
    main()
