"""A fake Telegram Bot API server for tests (see server.FakeTelegram)."""

from .actors import FakeGroup, FakeUser
from .objects import ApiError, Button, CallbackAnswer, FakeMessage, RecordedCall
from .server import FakeTelegram
from .thread import FakeTelegramThread

__all__ = [
    "ApiError",
    "Button",
    "CallbackAnswer",
    "FakeGroup",
    "FakeMessage",
    "FakeTelegram",
    "FakeTelegramThread",
    "FakeUser",
    "RecordedCall",
]
