"""RSVP under load: 1,000 people press "I'll come" at once for 500 seats.

Runs the real application against the fake Bot API server in this process (both share the
machine's cores) and reports presses handled per second and the reply latency: from the
press reaching the server to the bot's answerCallbackQuery. Writes nothing; copy the
figures into docs/benchmarks.md.

    .venv/bin/python -m bench.rsvp [--people 1000] [--seats 500]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from bench.figures import percentile
from tests.fake_telegram import FakeTelegram
from tests.harness import FrozenClock, make_config, running_bot
from tests.rsvp_helpers import create_seminar, deliver_announcement, register


async def measure(people: int, seats: int) -> dict[str, float]:
    """Press once per person, all at once; wait for every answer; return the figures."""
    with tempfile.TemporaryDirectory() as folder:
        async with FakeTelegram() as tg:
            config = make_config(tg, Path(folder))
            async with running_bot(config, FrozenClock()) as app:
                services = app.bot_data.services
                seminar = await create_seminar(services, capacity=seats, max_party=1)
                users = [tg.user(f"Башчы {n}", started=True) for n in range(people)]
                messages = []
                for user in users:
                    await register(services, user)
                    messages.append(deliver_announcement(tg, services, user, seminar, "ky"))
                started = time.monotonic()
                queries = [
                    await user.press(message, "Келем")
                    for user, message in zip(users, messages, strict=True)
                ]
                for user, query in zip(users, queries, strict=True):
                    await user.wait_for_callback_answer(query, timeout=300)
                pressed = {q: tg.state.queries[q].at for q in queries}
                answered = {
                    str(c.params["callback_query_id"]): c.at
                    for c in tg.calls_to("answerCallbackQuery")
                }
                elapsed = max(answered[q] for q in queries) - started
                latencies = [(answered[q] - pressed[q]) * 1000 for q in queries]
                taken = await services.rsvps.seats_taken(seminar.id)
                assert taken == seats, f"{taken} seats taken of {seats}"
    return {
        "presses": people,
        "seconds": elapsed,
        "per_second": people / elapsed,
        "p50_ms": statistics.median(latencies),
        "p95_ms": percentile(latencies, 0.95),
        "max_ms": max(latencies),
    }


def main() -> None:
    """Parse the arguments, run once, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--seats", type=int, default=500)
    arguments = parser.parse_args()
    figures = asyncio.run(measure(arguments.people, arguments.seats))
    print(
        f"{figures['presses']:.0f} presses in {figures['seconds']:.2f} s: "
        f"{figures['per_second']:.0f} presses/s; reply latency p50 {figures['p50_ms']:.0f} ms, "
        f"p95 {figures['p95_ms']:.0f} ms, max {figures['max_ms']:.0f} ms"
    )


if __name__ == "__main__":
    main()
