"""Bot API methods that create, change or remove messages."""

from __future__ import annotations

import copy
import mimetypes
from typing import Any

from .api_base import ApiContext, Params, UploadedFile, inline_markup_field, registry
from .markup import format_text, validate_reply_markup
from .objects import JSON, ChatState, StoredFile, StoredMessage, bad_request

METHODS, register = registry()

# Methods that post a new message and therefore count against flood limits.
SEND_METHODS = frozenset(
    {"sendMessage", "sendDocument", "sendPhoto", "copyMessage", "forwardMessage"}
)

CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)

# Content fields carried over by copyMessage / forwardMessage.
_CONTENT_FIELDS = (
    "text",
    "entities",
    "caption",
    "caption_entities",
    "document",
    "photo",
    "voice",
    "audio",
    "video",
    "sticker",
    "contact",
    "location",
)


def _text_fields(plain: str, entities: list[JSON], *, key: str) -> JSON:
    fields: JSON = {key: plain}
    if entities:
        fields["entities" if key == "text" else "caption_entities"] = entities
    return fields


def _post(
    api: ApiContext,
    chat: ChatState,
    params: Params,
    fields: JSON,
    *,
    raw_text: str | None,
    markup: JSON | None,
    file: StoredFile | None = None,
) -> StoredMessage:
    reply = api.reply_fields(params, chat)
    api.check_rate(chat)
    stored = api.state.add_message(
        chat,
        sender=api.state.bot,
        fields={**fields, **reply, **inline_markup_field(markup)},
        raw_text=raw_text,
        parse_mode=params.text("parse_mode"),
        reply_markup=copy.deepcopy(markup),
        file=file,
    )
    api.record_send(chat)
    return stored


@register("sendMessage")
async def send_message(api: ApiContext, params: Params) -> Any:
    chat = api.writable_chat(params.get("chat_id"))
    plain, entities = format_text(
        params.get("text"), params.get("parse_mode"), params.get("entities")
    )
    markup = validate_reply_markup(params.get("reply_markup"))
    fields = _text_fields(plain, entities, key="text")
    return _post(api, chat, params, fields, raw_text=params.text("text"), markup=markup).data


def _resolve_file(api: ApiContext, params: Params, kind: str) -> StoredFile:
    value = params.file(kind)
    if value is None:
        raise bad_request(f"there is no {kind} in the request")
    if isinstance(value, UploadedFile):
        if not value.data:
            raise bad_request("file must be non-empty")
        mime = value.content_type
        if not mime or mime == "application/octet-stream":
            mime = mimetypes.guess_type(value.filename or "")[0] or mime
        name = value.filename if kind == "document" else None
        return api.state.add_file(value.data, kind=kind, file_name=name, mime_type=mime)
    known = api.state.files.get(value)
    if known is not None:
        return known
    if value.startswith(("http://", "https://")):
        # No network here: pretend Telegram downloaded something small.
        name = value.rsplit("/", 1)[-1] or None
        return api.state.add_file(b"downloaded", kind=kind, file_name=name, mime_type=None)
    raise bad_request("wrong file identifier/HTTP URL specified")


async def _send_file(api: ApiContext, params: Params, kind: str) -> Any:
    chat = api.writable_chat(params.get("chat_id"))
    caption = params.get("caption")
    fields: JSON = {}
    if caption is not None and caption != "":
        plain, entities = format_text(
            caption, params.get("parse_mode"), params.get("caption_entities"), caption=True
        )
        if plain:
            fields = _text_fields(plain, entities, key="caption")
    markup = validate_reply_markup(params.get("reply_markup"))
    file = _resolve_file(api, params, kind)
    fields[kind] = api.state.file_json(file)
    raw = params.text("caption")
    return _post(api, chat, params, fields, raw_text=raw, markup=markup, file=file).data


@register("sendDocument")
async def send_document(api: ApiContext, params: Params) -> Any:
    return await _send_file(api, params, "document")


@register("sendPhoto")
async def send_photo(api: ApiContext, params: Params) -> Any:
    return await _send_file(api, params, "photo")


@register("sendChatAction")
async def send_chat_action(api: ApiContext, params: Params) -> Any:
    api.writable_chat(params.get("chat_id"))
    if params.get("action") not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    return True


def _copy_source(api: ApiContext, params: Params, verb: str) -> StoredMessage:
    source_chat = api.lookup_chat(params.get("from_chat_id"), unknown_user_forbidden=False)
    message_id = params.integer("message_id", required=True)
    return api.message(source_chat, message_id, f"message to {verb} not found")


@register("copyMessage")
async def copy_message(api: ApiContext, params: Params) -> Any:
    chat = api.writable_chat(params.get("chat_id"))
    source = _copy_source(api, params, "copy")
    fields = {k: copy.deepcopy(v) for k, v in source.data.items() if k in _CONTENT_FIELDS}
    raw = source.raw_text
    if params.has("caption"):
        fields.pop("caption", None)
        fields.pop("caption_entities", None)
        raw = params.text("caption")
        plain, entities = format_text(
            raw, params.get("parse_mode"), params.get("caption_entities"), caption=True
        )
        if plain:
            fields.update(_text_fields(plain, entities, key="caption"))
    markup = validate_reply_markup(params.get("reply_markup"))
    stored = _post(api, chat, params, fields, raw_text=raw, markup=markup, file=source.file)
    return {"message_id": stored.message_id}


@register("forwardMessage")
async def forward_message(api: ApiContext, params: Params) -> Any:
    chat = api.writable_chat(params.get("chat_id"))
    source = _copy_source(api, params, "forward")
    fields = {k: copy.deepcopy(v) for k, v in source.data.items() if k in _CONTENT_FIELDS}
    fields["forward_origin"] = {
        "type": "user",
        "sender_user": copy.deepcopy(source.data["from"]),
        "date": source.data["date"],
    }
    stored = _post(
        api, chat, params, fields, raw_text=source.raw_text, markup=None, file=source.file
    )
    return stored.data


def _editable(api: ApiContext, params: Params) -> StoredMessage:
    if params.get("inline_message_id"):
        raise bad_request("MESSAGE_ID_INVALID")
    chat = api.writable_chat(params.get("chat_id"))
    stored = api.message(
        chat, params.integer("message_id", required=True), "message to edit not found"
    )
    if not stored.from_bot:
        raise bad_request("message can't be edited")
    return stored


def _edit_markup(params: Params, stored: StoredMessage) -> JSON | None:
    markup = validate_reply_markup(params.get("reply_markup"))
    if markup is not None and "inline_keyboard" not in markup:
        raise bad_request("inline keyboard expected")
    return markup


def _apply_edit(
    api: ApiContext, stored: StoredMessage, fields: JSON, markup: JSON | None, raw: str | None
) -> Any:
    current = {k: stored.data.get(k) for k in (*fields, "reply_markup")}
    # Editing without reply_markup removes the inline keyboard, as on Telegram.
    wanted = {**fields, "reply_markup": inline_markup_field(markup).get("reply_markup")}
    if current == wanted:
        raise bad_request(
            "message is not modified: specified new message content and reply markup are "
            "exactly the same as a current content and reply markup of the message"
        )
    for key, value in wanted.items():
        if value is None:
            stored.data.pop(key, None)
        else:
            stored.data[key] = value
    stored.data["edit_date"] = api.state.unix_time()
    if raw is not None:
        stored.raw_text = raw
    if markup is not None or (stored.reply_markup or {}).get("inline_keyboard") is not None:
        stored.reply_markup = copy.deepcopy(markup)
    stored.version += 1
    api.state.changed()
    return stored.data


@register("editMessageText")
async def edit_message_text(api: ApiContext, params: Params) -> Any:
    stored = _editable(api, params)
    if "text" not in stored.data:
        raise bad_request("there is no text in the message to edit")
    plain, entities = format_text(
        params.get("text"), params.get("parse_mode"), params.get("entities")
    )
    markup = _edit_markup(params, stored)
    fields: JSON = {"text": plain, "entities": entities or None}
    result = _apply_edit(api, stored, fields, markup, params.text("text"))
    stored.parse_mode = params.text("parse_mode")
    return result


@register("editMessageCaption")
async def edit_message_caption(api: ApiContext, params: Params) -> Any:
    stored = _editable(api, params)
    if "text" in stored.data:
        raise bad_request("there is no caption in the message to edit")
    plain, entities = format_text(
        params.get("caption"),
        params.get("parse_mode"),
        params.get("caption_entities"),
        caption=True,
    )
    markup = _edit_markup(params, stored)
    fields: JSON = {"caption": plain or None, "caption_entities": entities or None}
    return _apply_edit(api, stored, fields, markup, params.text("caption") or "")


@register("editMessageReplyMarkup")
async def edit_message_reply_markup(api: ApiContext, params: Params) -> Any:
    stored = _editable(api, params)
    return _apply_edit(api, stored, {}, _edit_markup(params, stored), None)


def _delete(api: ApiContext, chat: ChatState, message_id: int | None) -> None:
    stored = api.message(chat, message_id, "message to delete not found")
    if chat.type != "private" and not stored.from_bot and chat.bot_status != "administrator":
        raise bad_request("message can't be deleted")
    stored.deleted = True
    api.state.changed()


@register("deleteMessage")
async def delete_message(api: ApiContext, params: Params) -> Any:
    chat = api.lookup_chat(params.get("chat_id"), unknown_user_forbidden=False)
    _delete(api, chat, params.integer("message_id", required=True))
    return True


@register("deleteMessages")
async def delete_messages(api: ApiContext, params: Params) -> Any:
    chat = api.lookup_chat(params.get("chat_id"), unknown_user_forbidden=False)
    ids = params.get("message_ids")
    if not isinstance(ids, list) or not ids:
        raise bad_request("message_ids is empty")
    for message_id in ids:
        stored = chat.messages.get(int(message_id))
        if stored is not None and not stored.deleted:
            _delete(api, chat, int(message_id))
    return True
