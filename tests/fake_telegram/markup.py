"""Telegram's text formatting and keyboard validation rules.

The HTML parser is deliberately strict in the same places Telegram is strict
(unknown tags such as ``<br>``, unclosed or crossed tags) because those are the
mistakes a bot makes in production and we want them to fail in tests.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

from .objects import JSON, ApiError, bad_request, utf16_len

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64

_TAG_ENTITY = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "a": "text_link",
    "tg-emoji": "custom_emoji",
}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY_RE = re.compile(r"&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);")
_START_TAG_RE = re.compile(r"([a-zA-Z][a-zA-Z0-9-]*)(.*)", re.S)
_ATTR_RE = re.compile(r"""([a-zA-Z_:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")

_INLINE_ACTIONS = frozenset(
    {
        "url",
        "callback_data",
        "web_app",
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
    }
)


def _parse_error(detail: str) -> ApiError:
    return bad_request(f"can't parse entities: {detail}")


def _decode_entity(match: re.Match[str]) -> str | None:
    name = match.group(1)
    if name.startswith(("#x", "#X")):
        code = int(name[2:], 16)
    elif name.startswith("#"):
        code = int(name[1:])
    else:
        return _NAMED_ENTITIES.get(name.lower())
    return chr(code) if 0 < code <= 0x10FFFF else None


def _attributes(text: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for match in _ATTR_RE.finditer(text):
        value = match.group(2) or match.group(3) or match.group(4) or ""
        attrs[match.group(1).lower()] = _ENTITY_RE.sub(lambda m: _decode_entity(m) or m[0], value)
    return attrs


def parse_html(source: str) -> tuple[str, list[JSON]]:
    """Return (plain text, entities) or raise Telegram's "can't parse entities"."""
    out: list[str] = []
    pos16 = 0  # current UTF-16 offset in the output
    stack: list[tuple[str, int, JSON]] = []
    entities: list[JSON] = []

    def byte_offset(index: int) -> int:
        return len(source[:index].encode())

    i = 0
    while i < len(source):
        char = source[i]
        if char == "<":
            end = source.find(">", i)
            if end == -1:
                raise _parse_error(f"Can't find end of the tag at byte offset {byte_offset(i)}")
            inner = source[i + 1 : end]
            if inner.startswith("/"):
                name = inner[1:].strip().lower()
                if not stack:
                    raise _parse_error(f"Unexpected end tag at byte offset {byte_offset(i)}")
                open_name, start, extra = stack.pop()
                if name and name != open_name:
                    raise _parse_error(
                        f"Unmatched end tag at byte offset {byte_offset(i)}, "
                        f'expected "</{open_name}>", found "</{name}>"'
                    )
                if pos16 > start and extra.get("type"):
                    entities.append({**extra, "offset": start, "length": pos16 - start})
            else:
                match = _START_TAG_RE.fullmatch(inner.rstrip("/"))
                name = match.group(1).lower() if match else inner.strip()
                if match is None or name not in _TAG_ENTITY:
                    raise _parse_error(
                        f'Unsupported start tag "{name}" at byte offset {byte_offset(i)}'
                    )
                attrs = _attributes(match.group(2))
                extra = _entity_for_tag(name, attrs, byte_offset(i), stack)
                stack.append((name, pos16, extra))
            i = end + 1
            continue
        if char == "&":
            match = _ENTITY_RE.match(source, i)
            decoded = _decode_entity(match) if match else None
            if match is not None and decoded is not None:
                out.append(decoded)
                pos16 += utf16_len(decoded)
                i = match.end()
                continue
        out.append(char)
        pos16 += utf16_len(char)
        i += 1
    if stack:
        raise _parse_error(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _entity_for_tag(
    name: str, attrs: dict[str, str], offset: int, stack: list[tuple[str, int, JSON]]
) -> JSON:
    kind = _TAG_ENTITY[name]
    if name == "span" and attrs.get("class") != "tg-spoiler":
        raise _parse_error(f'Tag "span" must have class "tg-spoiler" at byte offset {offset}')
    if name == "a":
        href = attrs.get("href", "")
        if not href:
            return {}  # Telegram silently drops links without a target
        match = re.fullmatch(r"tg://user\?id=(\d+)", href)
        if match:
            return {
                "type": "text_mention",
                "user": {"id": int(match.group(1)), "is_bot": False, "first_name": ""},
            }
        return {"type": kind, "url": href}
    if name == "tg-emoji":
        return {"type": kind, "custom_emoji_id": attrs.get("emoji-id", "")}
    if name == "blockquote" and "expandable" in attrs:
        return {"type": "expandable_blockquote"}
    if name == "code" and stack and stack[-1][0] == "pre":
        language = attrs.get("class", "")
        if language.startswith("language-"):
            stack[-1][2]["language"] = language[len("language-") :]
    return {"type": kind}


def strip_outer_whitespace(text: str, entities: list[JSON]) -> tuple[str, list[JSON]]:
    # Telegram trims messages; entity offsets shift with the removed prefix.
    stripped = text.strip()
    if stripped == text:
        return text, entities
    shift = utf16_len(text[: len(text) - len(text.lstrip())])
    limit = utf16_len(stripped)
    result: list[JSON] = []
    for entity in entities:
        start = max(0, entity["offset"] - shift)
        end = min(limit, entity["offset"] + entity["length"] - shift)
        if end > start:
            result.append({**entity, "offset": start, "length": end - start})
    return stripped, result


def format_text(
    text: Any, parse_mode: Any, entities: Any, *, caption: bool = False
) -> tuple[str, list[JSON]]:
    """Apply parse_mode / explicit entities and enforce Telegram's length limits."""
    if text is None:
        text = ""
    if not isinstance(text, str):
        text = str(text)
    mode = parse_mode.lower() if isinstance(parse_mode, str) else None
    if mode == "html":
        plain, found = parse_html(text)
    elif isinstance(entities, list):
        plain, found = text, [dict(e) for e in entities if isinstance(e, dict)]
    else:
        # Markdown modes are accepted verbatim: the project formats with HTML.
        plain, found = text, []
    plain, found = strip_outer_whitespace(plain, found)
    if caption:
        if len(plain) > MAX_CAPTION:
            raise bad_request("message caption is too long")
    elif not plain:
        raise bad_request("message text is empty")
    elif len(plain) > MAX_TEXT:
        raise bad_request("message is too long")
    return plain, found


def validate_reply_markup(markup: Any) -> JSON | None:
    """Validate ``reply_markup`` like Telegram; returns it (or None if absent)."""
    if markup is None or markup == "":
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request('field "inline_keyboard" must be an Array of Arrays')
        for row in rows:
            for button in row:
                _validate_inline_button(button)
    elif "keyboard" in markup:
        rows = markup["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request('field "keyboard" must be an Array of Arrays')
        for row in rows:
            for button in row:
                if not isinstance(button, str | dict) or (
                    isinstance(button, dict) and not isinstance(button.get("text"), str)
                ):
                    raise bad_request(
                        'can\'t parse keyboard button: Field "text" must be of type String'
                    )
    elif not markup.get("remove_keyboard") and not markup.get("force_reply"):
        raise bad_request("can't parse reply keyboard markup JSON object")
    return markup


def _validate_inline_button(button: Any) -> None:
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        raise bad_request(
            'can\'t parse inline keyboard button: Field "text" must be of type String'
        )
    if not _INLINE_ACTIONS.intersection(button):
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    if "callback_data" in button:
        data = button["callback_data"]
        if not isinstance(data, str) or not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA:
            raise bad_request("BUTTON_DATA_INVALID")
    if "url" in button:
        url = button["url"]
        parsed = urlparse(url) if isinstance(url, str) else None
        if (
            parsed is None
            or parsed.scheme not in ("http", "https", "tg")
            or (parsed.scheme != "tg" and not parsed.netloc)
        ):
            raise bad_request(f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL")


def command_entities(text: str) -> list[JSON]:
    """The bot_command entity Telegram adds to "/cmd args" or "/cmd@bot args"."""
    match = re.match(r"/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,32})?(?=\s|$)", text)
    if not match:
        return []
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(match.group(0))}]
