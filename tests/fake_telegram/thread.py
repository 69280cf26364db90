"""Run FakeTelegram on its own event loop in a background thread.

For tests where the bot runs in another process (or benchmarks that drive a
synchronous client): the server keeps serving while the caller blocks.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from types import TracebackType
from typing import Any, TypeVar

from .server import FakeTelegram

T = TypeVar("T")


class FakeTelegramThread:
    """Context manager; touch ``tg`` only through ``call()`` / ``run()``.

    The fake's state is not thread-safe, so every interaction is marshalled
    onto the server's loop.
    """

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._serve, name="fake-telegram", daemon=True)
        self._tg: FakeTelegram | None = None

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_forever()

    @property
    def tg(self) -> FakeTelegram:
        if self._tg is None:
            raise RuntimeError("FakeTelegramThread is not started")
        return self._tg

    @property
    def url(self) -> str:
        return self.tg.url

    @property
    def token(self) -> str:
        return self.tg.token

    def call(self, coro: Coroutine[Any, Any, T], timeout: float | None = 60.0) -> T:
        """Run a coroutine (e.g. ``user.send("/start")``) on the server loop."""
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    async def acall(self, coro: Coroutine[Any, Any, T]) -> T:
        """Like ``call()``, awaited from another event loop without blocking it."""
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, self._loop))

    def run(self, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a plain function (e.g. ``tg.user``) on the server loop."""

        async def invoke() -> T:
            return func(*args, **kwargs)

        return self.call(invoke())

    def start(self) -> FakeTelegramThread:
        self._thread.start()

        async def create() -> FakeTelegram:
            tg = FakeTelegram(**self._options)
            await tg.start()
            return tg

        self._tg = self.call(create())
        return self

    def stop(self) -> None:
        if self._tg is not None:
            self.call(self._tg.stop())
            self._tg = None
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
        self._loop.close()

    def __enter__(self) -> FakeTelegramThread:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
