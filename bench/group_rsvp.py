"""Group post under load: many members press "I'll come" on one group post at once.

Half of them never registered (each becomes a guest row). Reports presses handled per
second, the reply latency (press reaching the server to answerCallbackQuery), how many
times the post's count was edited and the largest number of edits in any minute. Writes
nothing; copy the figures into docs/benchmarks.md.

    .venv/bin/python -m bench.group_rsvp [--people 1000] [--seats 500]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from tests.fake_telegram import FakeTelegram
from tests.group_helpers import most_edits_in_a_minute, post_seminar, registered_group, until
from tests.harness import FrozenClock, make_config, running_bot
from tests.rsvp_helpers import create_seminar, register


async def measure(people: int, seats: int) -> dict[str, float]:
    """Press once per member, all at once; wait for every answer and the final count."""
    with tempfile.TemporaryDirectory() as folder:
        async with FakeTelegram() as tg:
            config = make_config(tg, Path(folder))
            async with running_bot(config, FrozenClock()) as app:
                services = app.bot_data.services
                group = await registered_group(tg, services, "Сузак", language="ky")
                seminar = await create_seminar(services, capacity=seats, max_party=1)
                [post] = await post_seminar(services, seminar, group)
                users = [tg.user(f"Башчы {n}", language_code="ky") for n in range(people)]
                for user in users[::2]:
                    await register(services, user)
                started = time.monotonic()
                queries = [await user.press(post, "✅ Келем") for user in users]
                for user, query in zip(users, queries, strict=True):
                    await user.wait_for_callback_answer(query, timeout=300)
                pressed = {q: tg.state.queries[q].at for q in queries}
                answered = {
                    str(c.params["callback_query_id"]): c.at
                    for c in tg.calls_to("answerCallbackQuery")
                }
                elapsed = max(answered[q] for q in queries) - started
                latencies = [(answered[q] - pressed[q]) * 1000 for q in queries]
                final = f"Келет: {seats} / {seats} орун"
                await until(lambda: final in (group.message(post).text or ""), 30)
                edits = [
                    c for c in tg.calls_to("editMessageText") if c.params.get("chat_id") == group.id
                ]
                return {
                    "presses": people,
                    "seconds": elapsed,
                    "per_second": people / elapsed,
                    "p50_ms": statistics.median(latencies),
                    "max_ms": max(latencies),
                    "edits": len(edits),
                    "edits_per_minute": most_edits_in_a_minute(tg, group.id),
                    "too_many_requests": tg.count_429,
                }


def main() -> None:
    """Parse the arguments, run once, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--seats", type=int, default=500)
    arguments = parser.parse_args()
    f = asyncio.run(measure(arguments.people, arguments.seats))
    print(
        f"{f['presses']:.0f} presses in {f['seconds']:.2f} s: {f['per_second']:.0f} presses/s;"
        f" reply latency p50 {f['p50_ms']:.0f} ms, max {f['max_ms']:.0f} ms;"
        f" {f['edits']:.0f} count edits, at most {f['edits_per_minute']:.0f} in a minute;"
        f" {f['too_many_requests']:.0f} answers 429"
    )


if __name__ == "__main__":
    main()
