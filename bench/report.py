"""How long each part of `/report` takes for a large seminar.

450 invited ayil okmotu heads across the 8 rayons of Jalal-Abad oblast, 300 coming, 250
checked in, 120 questions and 200 ratings: each part timed on its own (gathering the
numbers, the summary text, both press releases, drawing the chart, the workbook), with the
real application's services against the fake Bot API server. Writes nothing; copy the
figures into docs/benchmarks.md.

    .venv/bin/python -m bench.report [--people 450]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.charts import grouped_bars
from bot.report_chart import attendance_chart_data
from bot.report_facts import gather_facts
from bot.report_text import press_release, summary_text
from bot.report_workbook import report_workbook
from storage.questions import NewQuestion
from tests.fake_telegram import FakeTelegram
from tests.harness import FrozenClock, make_config, running_bot
from tests.rsvp_helpers import create_seminar, register

RAYONS = (
    "aksy",
    "ala-buka",
    "bazar-korgon",
    "nooken",
    "suzak",
    "toguz-toro",
    "toktogul",
    "chatkal",
)
TOPICS = ("intermunicipal", "budget", "land", "water", "waste", None)
ROUNDS = 5


async def _timed(label: str, run: Callable[[], Any]) -> None:
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        result = run()
        if asyncio.iscoroutine(result):
            await result
        best = min(best, time.perf_counter() - start)
    print(f"{label:<34} {best * 1000:8.1f} ms (best of {ROUNDS})")


async def main(people: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        async with FakeTelegram() as tg:
            config = make_config(tg, Path(folder))
            async with running_bot(config, FrozenClock()) as app:
                services = app.bot_data.services
                now = services.clock.now()
                seminar = await create_seminar(services, capacity=people)
                for n in range(people):
                    user = tg.user(f"Башчы {n}")
                    rayon = RAYONS[n % len(RAYONS)]
                    await register(services, user, rayon=rayon, organisation=f"АӨ {n}")
                    if n < people * 2 // 3:
                        await services.rsvps.answer(seminar.id, user.id, "yes", 1, now)
                    if n < people * 5 // 9:
                        await services.attendance.check_in(seminar.id, user.id, None, now)
                    if n < people * 4 // 9:
                        await services.feedback.rate(seminar.id, user.id, 1 + n % 5, now)
                    if n < people * 4 // 15:
                        question = await services.questions.create(
                            NewQuestion(
                                user.id, seminar.id, "Суроо?", None, None, None, None, False, "ky"
                            ),
                            now,
                        )
                        topic = TOPICS[n % len(TOPICS)]
                        if topic:
                            await services.questions.set_topic(question.id, topic, now)
                facts = await gather_facts(services, seminar)
                print(
                    f"{facts.invited} invited, {facts.coming} coming, {facts.checked_in} checked"
                    f" in, {facts.questions_asked} questions, {len(facts.report.ratings)} ratings"
                )
                await _timed("gather the numbers", lambda: gather_facts(services, seminar))
                await _timed("summary text", lambda: summary_text(services, facts, "ru"))
                await _timed(
                    "both press releases",
                    lambda: [press_release(services, facts, lang) for lang in ("ky", "ru")],
                )
                data = attendance_chart_data(services, facts, "ky")
                await _timed("draw the chart (PNG)", lambda: grouped_bars(*data))
                print(f"{'chart size':<34} {len(grouped_bars(*data)) // 1024:8d} KiB")
                await _timed("the workbook (XLSX)", lambda: report_workbook(services, facts, "ky"))
                workbook = await report_workbook(services, facts, "ky")
                print(f"{'workbook size':<34} {len(workbook) // 1024:8d} KiB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=450)
    asyncio.run(main(parser.parse_args().people))
