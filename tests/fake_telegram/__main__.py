"""``python -m tests.fake_telegram --port 8081``: a standalone fake for manual trials."""

from __future__ import annotations

import argparse
import asyncio
import contextlib

from .server import FakeTelegram


async def _serve(args: argparse.Namespace) -> None:
    rate_limit = None if args.rate_limit <= 0 else args.rate_limit
    async with FakeTelegram(host=args.host, port=args.port, rate_limit=rate_limit) as tg:
        print(f"Fake Telegram Bot API at {tg.url}")
        print(f"  token:         {tg.token}")
        print(f"  base_url:      {tg.base_url}")
        print(f"  base_file_url: {tg.base_file_url}")
        print(
            "  play a user:   curl -s -XPOST -H 'Content-Type: application/json' "
            f'-d \'{{"user_id": 1001, "text": "/start"}}\' {tg.url}/_fake/send'
        )
        print(f"  see replies:   curl -s '{tg.url}/_fake/messages?user_id=1001'")
        print(f"  press button:  POST {tg.url}/_fake/press {{user_id, message_id, text}}")
        print(f"  all calls:     curl -s {tg.url}/_fake/calls", flush=True)
        await asyncio.Event().wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--rate-limit", type=int, default=30, help="messages/second; 0 disables")
    args = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args))


if __name__ == "__main__":
    main()
