"""Bot API methods about the bot itself, updates, callbacks, commands and chats."""

from __future__ import annotations

import re
from typing import Any

from .api_base import ApiContext, Params, registry
from .objects import JSON, ApiError, CallbackAnswer, bad_request, member_json
from .state import DEFAULT_UPDATE_TYPES

METHODS, register = registry()

MAX_POLL_TIMEOUT = 50.0
_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")
_CONFLICT = object()


@register("getMe")
async def get_me(api: ApiContext, params: Params) -> Any:
    return {
        **api.state.bot.to_json(),
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


@register("logOut")
async def log_out(api: ApiContext, params: Params) -> Any:
    return True


@register("close")
async def close(api: ApiContext, params: Params) -> Any:
    return True


@register("getUpdates")
async def get_updates(api: ApiContext, params: Params) -> Any:
    state = api.state
    if state.webhook_url:
        raise ApiError(
            409,
            "Conflict: can't use getUpdates method while webhook is active; "
            "use deleteWebhook to delete the webhook first",
        )
    offset = params.integer("offset") or 0
    limit = min(100, max(1, params.integer("limit") or 100))
    timeout = min(MAX_POLL_TIMEOUT, max(0.0, params.number("timeout", 0.0)))
    allowed = params.get("allowed_updates")
    if isinstance(allowed, list):
        # Like Telegram, the filter sticks for later calls that omit it.
        state.allowed_updates = frozenset(allowed) if allowed else DEFAULT_UPDATE_TYPES
    if offset > 0:
        state.updates = [u for u in state.updates if u[0] >= offset]
    elif offset < 0:
        state.updates = state.updates[offset:]

    # A newer getUpdates terminates an older one, exactly like Telegram does,
    # which surfaces "two bot instances polling" bugs in tests.
    token = object()
    api.current_poller = token

    def ready() -> object | None:
        if api.current_poller is not token:
            return _CONFLICT
        state.updates = [u for u in state.updates if _kind(u[1]) in state.allowed_updates]
        return [u[1] for u in state.updates[:limit]] or None

    result = await state.wait_for(ready, timeout)
    if result is _CONFLICT:
        raise ApiError(
            409,
            "Conflict: terminated by other getUpdates request; "
            "make sure that only one bot instance is running",
        )
    if api.current_poller is token:
        api.current_poller = None
    return result if result is not None else []


def _kind(update: JSON) -> str:
    return next(key for key in update if key != "update_id")


@register("deleteWebhook")
async def delete_webhook(api: ApiContext, params: Params) -> Any:
    api.state.webhook_url = ""
    if params.flag("drop_pending_updates"):
        api.state.updates.clear()
    return True


@register("setWebhook")
async def set_webhook(api: ApiContext, params: Params) -> Any:
    url = params.text("url") or ""
    if url and not url.startswith("https://"):
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    api.state.webhook_url = url
    if params.flag("drop_pending_updates"):
        api.state.updates.clear()
    return True


@register("getWebhookInfo")
async def get_webhook_info(api: ApiContext, params: Params) -> Any:
    return {
        "url": api.state.webhook_url,
        "has_custom_certificate": False,
        "pending_update_count": len(api.state.updates),
    }


@register("answerCallbackQuery")
async def answer_callback_query(api: ApiContext, params: Params) -> Any:
    query_id = params.text("callback_query_id") or ""
    query = api.state.queries.get(query_id)
    if query is None or query.answer is not None:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    text = params.text("text")
    if text is not None and len(text) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    query.answer = CallbackAnswer(
        query_id=query_id,
        text=text,
        show_alert=params.flag("show_alert"),
        url=params.text("url"),
        cache_time=params.integer("cache_time"),
    )
    api.state.changed()
    return True


def _scope_key(params: Params) -> tuple[str, int | None, int | None, str]:
    scope = params.get("scope")
    if scope is None:
        scope = {"type": "default"}
    if not isinstance(scope, dict) or not isinstance(scope.get("type"), str):
        raise bad_request("can't parse BotCommandScope JSON object")
    chat_id = scope.get("chat_id")
    user_id = scope.get("user_id")
    return (
        scope["type"],
        int(chat_id) if chat_id is not None else None,
        int(user_id) if user_id is not None else None,
        params.text("language_code") or "",
    )


@register("setMyCommands")
async def set_my_commands(api: ApiContext, params: Params) -> Any:
    commands = params.get("commands")
    if not isinstance(commands, list):
        raise bad_request("can't parse commands JSON object")
    if len(commands) > 100:
        raise bad_request("too many commands specified")
    cleaned: list[JSON] = []
    for entry in commands:
        if not isinstance(entry, dict) or not _COMMAND_RE.fullmatch(str(entry.get("command", ""))):
            raise bad_request("BOT_COMMAND_INVALID")
        description = str(entry.get("description", ""))
        if not 1 <= len(description) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        cleaned.append({"command": entry["command"], "description": description})
    api.state.commands[_scope_key(params)] = cleaned
    return True


@register("getMyCommands")
async def get_my_commands(api: ApiContext, params: Params) -> Any:
    return list(api.state.commands.get(_scope_key(params), []))


@register("deleteMyCommands")
async def delete_my_commands(api: ApiContext, params: Params) -> Any:
    api.state.commands.pop(_scope_key(params), None)
    return True


@register("setChatMenuButton")
async def set_chat_menu_button(api: ApiContext, params: Params) -> Any:
    button = params.get("menu_button") or {"type": "default"}
    if not isinstance(button, dict) or "type" not in button:
        raise bad_request("can't parse menu button JSON object")
    if params.get("chat_id") is None:
        api.state.default_menu_button = button
    else:
        api.lookup_chat(params.get("chat_id"), unknown_user_forbidden=False).menu_button = button
    return True


@register("getChatMenuButton")
async def get_chat_menu_button(api: ApiContext, params: Params) -> Any:
    if params.get("chat_id") is None:
        return api.state.default_menu_button
    chat = api.lookup_chat(params.get("chat_id"), unknown_user_forbidden=False)
    return chat.menu_button or api.state.default_menu_button


def _bot_setting(name: str, key: str) -> None:
    """setMyName/getMyName and friends: stored per language, echoed back."""

    async def setter(api: ApiContext, params: Params) -> Any:
        language = params.text("language_code") or ""
        api.state.bot_settings.setdefault(name, {})[language] = params.text(key) or ""
        return True

    async def getter(api: ApiContext, params: Params) -> Any:
        values = api.state.bot_settings.get(name, {})
        return {key: values.get(params.text("language_code") or "", "")}

    register(f"setMy{name}")(setter)
    register(f"getMy{name}")(getter)


_bot_setting("Name", "name")
_bot_setting("Description", "description")
_bot_setting("ShortDescription", "short_description")


@register("getChat")
async def get_chat(api: ApiContext, params: Params) -> Any:
    chat = api.lookup_chat(params.get("chat_id"), unknown_user_forbidden=False)
    return {
        **chat.to_json(),
        "accent_color_id": 0,
        "max_reaction_count": 11,
        "accepted_gift_types": {
            "unlimited_gifts": False,
            "limited_gifts": False,
            "unique_gifts": False,
            "premium_subscription": False,
            "gifts_from_channels": False,
        },
    }


@register("getChatMember")
async def get_chat_member(api: ApiContext, params: Params) -> Any:
    chat = api.lookup_chat(params.get("chat_id"), unknown_user_forbidden=False)
    user_id = params.integer("user_id", required=True)
    state = api.state
    if user_id == state.bot.id:
        return member_json(state.bot, chat.bot_status)
    user = state.users.get(user_id) if user_id is not None else None
    if user is None:
        raise bad_request("PARTICIPANT_ID_INVALID")
    if chat.type == "private":
        status = "member" if chat.id == user.id else "left"
    else:
        status = chat.members.get(user.id, "left")
    return member_json(user, status)


@register("getFile")
async def get_file(api: ApiContext, params: Params) -> Any:
    stored = api.state.files.get(params.text("file_id") or "")
    if stored is None:
        raise bad_request("invalid file_id")
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": len(stored.data),
        "file_path": stored.file_path,
    }
