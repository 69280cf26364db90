"""A tiny JSON control API so a human (or another process) can play the user.

Used by ``python -m tests.fake_telegram`` for manual trials; in-process tests
should use the FakeUser/FakeGroup handles instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from .actors import FakeUser
from .objects import FakeMessage

if TYPE_CHECKING:
    from .server import FakeTelegram


def _message_json(message: FakeMessage) -> dict[str, Any]:
    return {
        "message_id": message.message_id,
        "chat_id": message.chat_id,
        "text": message.plain_text,
        "buttons": [[b.raw for b in row] for row in message.buttons],
        "deleted": message.deleted,
    }


def add_control_routes(app: web.Application, tg: FakeTelegram) -> None:
    users: dict[int, FakeUser] = {}

    def user_for(body: dict[str, Any]) -> FakeUser:
        user_id = int(body.get("user_id", 1001))
        if user_id not in users:
            existing = tg.state.users.get(user_id)
            users[user_id] = (
                FakeUser(tg.state, existing)
                if existing is not None
                else tg.user(
                    body.get("first_name", "Manual"),
                    language_code=body.get("language_code"),
                    user_id=user_id,
                )
            )
        return users[user_id]

    async def send(request: web.Request) -> web.StreamResponse:
        body = await request.json()
        message = await user_for(body).send(str(body["text"]))
        return web.json_response(_message_json(message))

    async def press(request: web.Request) -> web.StreamResponse:
        body = await request.json()
        user = user_for(body)
        target = user.message(int(body["message_id"]))
        query_id = await user.press(
            target, body.get("text"), callback_data=body.get("callback_data")
        )
        return web.json_response({"callback_query_id": query_id})

    async def messages(request: web.Request) -> web.StreamResponse:
        user = user_for({"user_id": request.query.get("user_id", "1001")})
        return web.json_response([_message_json(m) for m in user.messages])

    async def calls(request: web.Request) -> web.StreamResponse:
        return web.json_response(
            [
                {"method": c.method, "ok": c.ok, "error_code": c.error_code, "params": c.params}
                for c in tg.calls
            ]
        )

    app.router.add_post("/_fake/send", send)
    app.router.add_post("/_fake/press", press)
    app.router.add_get("/_fake/messages", messages)
    app.router.add_get("/_fake/calls", calls)
