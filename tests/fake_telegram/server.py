"""The HTTP face of the fake: aiohttp serving ``/bot<token>/<method>``."""

from __future__ import annotations

import copy
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from types import TracebackType
from typing import Any

from aiohttp import web

from . import api_messages, api_misc
from .actors import FakeGroup, FakeUser
from .api_base import ApiContext, Handler, Params, UploadedFile
from .control import add_control_routes
from .limits import RateLimiter
from .objects import JSON, ApiError, ChatState, FakeMessage, RecordedCall, UserState
from .state import FakeState
from .views import recent_calls

TOKEN_RE = re.compile(r"\d+:[A-Za-z0-9_-]+")

# Values PTB sends as plain strings. Everything else arrives JSON-encoded, but
# a text like "123" or "true" must not be turned into a number or a bool.
STRING_FIELDS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "callback_query_id",
        "inline_message_id",
        "url",
        "action",
        "language_code",
        "name",
        "description",
        "short_description",
        "title",
        "file_id",
        "document",
        "photo",
        "secret_token",
        "ip_address",
        "message_effect_id",
        "business_connection_id",
    }
)

_NOT_FOUND: JSON = {"ok": False, "error_code": 404, "description": "Not Found"}


@dataclass
class _Fault:
    method: str
    remaining: int
    status: int
    drop: bool
    after_processing: bool
    html: bool


class FakeTelegram:
    """A fake Bot API server on 127.0.0.1 plus the test-side controls for it."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        bot_id: int = 100000,
        bot_username: str = "seminar_test_bot",
        bot_first_name: str = "Seminar Bot",
        rate_limit: int | None = 30,
        per_chat_per_second: float | None = None,
        group_per_minute: int | None = 20,
        token: str | None = None,
    ) -> None:
        limiter = RateLimiter(rate_limit, per_chat_per_second, group_per_minute)
        self.state = FakeState(
            bot_id=bot_id, bot_username=bot_username, bot_first_name=bot_first_name, limiter=limiter
        )
        self.token = token or f"{bot_id}:AAFakeTelegram-test_token{bot_id}"
        self.count_429 = 0
        self._host = host
        self._port = port
        self._api = ApiContext(self.state)
        table: dict[str, Handler] = {**api_messages.METHODS, **api_misc.METHODS}
        # Telegram treats method names case-insensitively.
        self._methods = {name.lower(): (name, handler) for name, handler in table.items()}
        self._forced_429: list[int] = []
        self._faults: list[_Fault] = []
        self._runner: web.AppRunner | None = None

    # --- lifecycle ------------------------------------------------------------

    @property
    def url(self) -> str:
        if self._runner is None:
            raise RuntimeError("FakeTelegram is not started")
        return f"http://{self._host}:{self._port}"

    @property
    def base_url(self) -> str:
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.url}/file/bot"

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        add_control_routes(app, self)
        # Pending long polls are released on stop(), so a short grace is enough.
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, self._port)
        await site.start()
        self._port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        self.state.closing = True
        self.state.changed()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> FakeTelegram:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    # --- world setup ------------------------------------------------------------

    def user(
        self,
        first_name: str = "Test",
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
        *,
        user_id: int | None = None,
        started: bool = False,
    ) -> FakeUser:
        """Register a user; the bot may only write to them once they wrote first."""
        state = self.state
        if user_id is None:
            while state.next_user_id in state.users:
                state.next_user_id += 1
            user_id = state.next_user_id
            state.next_user_id += 1
        info = UserState(user_id, first_name, last_name, username, language_code)
        state.add_user(info, started=started)
        return FakeUser(state, info)

    def group(
        self,
        title: str = "Test group",
        chat_id: int | None = None,
        *,
        supergroup: bool | None = None,
        username: str | None = None,
        bot_is_member: bool = False,
    ) -> FakeGroup:
        """Register a group. The bot is not in it until add_bot() (or bot_is_member=True)."""
        if chat_id is None:
            chat_id = self.state.next_group_id
            self.state.next_group_id -= 1
        if supergroup is None:
            # Real supergroup ids look like -100xxxxxxxxxx.
            supergroup = str(chat_id).startswith("-100") and len(str(chat_id)) >= 14
        chat = ChatState(
            id=chat_id,
            type="supergroup" if supergroup else "group",
            title=title,
            username=username,
            bot_status="member" if bot_is_member else "left",
        )
        return FakeGroup(self.state, self.state.add_group(chat))

    # --- inspection -------------------------------------------------------------

    @property
    def calls(self) -> list[RecordedCall]:
        return list(self.state.calls)

    def calls_to(self, method: str) -> list[RecordedCall]:
        return [call for call in self.state.calls if call.method == method]

    @property
    def sent_messages(self) -> list[FakeMessage]:
        """Every message the bot ever sent, in order, current state (deleted ones flagged)."""
        return [FakeMessage.snapshot(stored) for stored in self.state.bot_messages]

    def file_bytes(self, file_id: str) -> bytes:
        """The bytes behind a file_id (uploaded by the bot or sent by a fake user)."""
        return self.state.files[file_id].data

    @property
    def pending_updates(self) -> list[JSON]:
        return [copy.deepcopy(update) for _, update in self.state.updates]

    def commands(
        self,
        scope_type: str = "default",
        language_code: str = "",
        *,
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> list[tuple[str, str]]:
        key = (scope_type, chat_id, user_id, language_code or "")
        return [(c["command"], c["description"]) for c in self.state.commands.get(key, [])]

    async def wait_for_call(
        self,
        method: str,
        timeout: float = 5.0,
        *,
        start: int = 0,
        predicate: Callable[[RecordedCall], bool] | None = None,
    ) -> RecordedCall:
        """The first call to ``method`` at index >= start of ``calls`` (waiting if needed)."""

        def find() -> RecordedCall | None:
            for call in self.state.calls[start:]:
                if call.method == method and (predicate is None or predicate(call)):
                    return call
            return None

        found = await self.state.wait_for(find, timeout)
        if found is None:
            raise AssertionError(f"no {method} call within {timeout}s\n" + recent_calls(self.state))
        return found

    # --- fault injection --------------------------------------------------------

    def force_429(self, count: int = 1, retry_after: int = 1) -> None:
        """Make the next ``count`` message sends fail with 429 Too Many Requests."""
        self._forced_429.extend([retry_after] * count)

    def fail_next(
        self,
        method: str,
        count: int = 1,
        status: int = 502,
        *,
        drop: bool = False,
        after_processing: bool = False,
        html: bool = False,
    ) -> None:
        """Fail the next calls of ``method`` at the HTTP level (a proxy error).

        ``drop`` closes the connection without a response. ``after_processing``
        performs the call first, so the bot sees a failure for a message that
        was in fact delivered (the duplicate-on-retry hazard). ``html`` answers
        with a proxy's HTML page instead of Telegram's JSON error body.
        """
        self._faults.append(_Fault(method, count, status, drop, after_processing, html))

    def advance_time(self, seconds: float) -> None:
        """Fast-forward the clock used for rate limits and message dates."""
        self.state.clock_offset += seconds

    # --- HTTP handlers ----------------------------------------------------------

    def _take_fault(self, method: str) -> _Fault | None:
        for fault in self._faults:
            if fault.method.lower() == method.lower() and fault.remaining > 0:
                fault.remaining -= 1
                if fault.remaining == 0:
                    self._faults.remove(fault)
                return fault
        return None

    def _record(self, method: str, params: Params, at: float, body: JSON, status: int) -> None:
        self.state.calls.append(
            RecordedCall(
                method=method,
                params=params.values,
                files={name: part.data for name, part in params.files.items()},
                at=at,
                ok=bool(body.get("ok")),
                error_code=None if body.get("ok") else status,
                description=body.get("description"),
                result=copy.deepcopy(body.get("result")),
            )
        )
        self.state.changed()

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        token = request.match_info["token"]
        if not TOKEN_RE.fullmatch(token):
            return web.json_response(_NOT_FOUND, status=404)
        if token != self.token:
            # What Telegram answers for a well-formed but wrong or revoked token.
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        at = time.monotonic()
        params = await _read_params(request)
        entry = self._methods.get(request.match_info["method"].lower())
        method = entry[0] if entry else request.match_info["method"]
        fault = self._take_fault(method)
        if fault is not None and not fault.after_processing:
            self._record(
                method, params, at, {"ok": False, "description": "injected fault"}, fault.status
            )
            return await _fault_response(request, fault)
        try:
            if entry is None:
                raise ApiError(404, "Not Found: method not found")
            if method in api_messages.SEND_METHODS and self._forced_429:
                retry = self._forced_429.pop(0)
                raise ApiError(
                    429, f"Too Many Requests: retry after {retry}", {"retry_after": retry}
                )
            body: JSON = {"ok": True, "result": await entry[1](self._api, params)}
            status = 200
        except ApiError as error:
            body, status = error.to_json(), error.code
            if status == 429:
                self.count_429 += 1
        self._record(method, params, at, body, status)
        if fault is not None:
            return await _fault_response(request, fault)
        return web.json_response(body, status=status)

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        path = request.match_info["path"]
        for stored in self.state.files.values():
            if stored.file_path == path:
                return web.Response(
                    body=stored.data, content_type=stored.mime_type or "application/octet-stream"
                )
        return web.json_response(_NOT_FOUND, status=404)


async def _read_params(request: web.Request) -> Params:
    values: dict[str, Any] = {}
    files: dict[str, UploadedFile] = {}
    raw: list[tuple[str, str]] = list(request.query.items())
    if request.content_type == "application/json":
        body = await request.json() if request.can_read_body else {}
        if isinstance(body, dict):
            values.update(body)
    elif request.can_read_body:
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, web.FileField):
                data = value.file.read()
                files[key] = UploadedFile(key, value.filename, value.content_type, data)
            elif isinstance(value, str):
                raw.append((key, value))
            else:
                raw.append((key, bytes(value).decode()))
    for key, value in raw:
        values[key] = _decode(key, value)
    return Params(values, files)


def _decode(key: str, value: str) -> Any:
    if key in STRING_FIELDS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value  # e.g. "@channelusername" or a file_id


async def _fault_response(request: web.Request, fault: _Fault) -> web.StreamResponse:
    if fault.drop and request.transport is not None:
        request.transport.close()
    try:
        reason = HTTPStatus(fault.status).phrase
    except ValueError:
        reason = "Error"
    if fault.html:
        html = f"<html><head><title>{fault.status} {reason}</title></head></html>"
        return web.Response(status=fault.status, text=html, content_type="text/html")
    # Telegram's own front end answers overload with a JSON "Bad Gateway".
    body = {"ok": False, "error_code": fault.status, "description": reason}
    return web.json_response(body, status=fault.status)
