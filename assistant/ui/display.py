"""Report text as people read it: Markdown and HTML-entity markup removed, words and line breaks kept.

Citation offsets point into the report file, markup included; the page slices the file with them and
cleans each slice only when it shows it. Everything here returns plain text, which the callers
HTML-escape, so nothing from a report can become markup on the page.
"""

from __future__ import annotations

import html
import re

_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~).*$", re.M)
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_QUOTE_MARK = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)
_RULE = re.compile(r"^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.M)
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+", re.M)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.S)
_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])", re.S)
_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])", re.S)
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~", re.S)
_CODE = re.compile(r"`+([^`]+?)`+")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_STRAY_STRONG = re.compile(r"\*\*+|(?<!\w)__+|__+(?!\w)")  # halves of a pair cut apart by a quote's edge
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
BULLET = "•"


def plain_text(text: str) -> str:
    """``text`` without Markdown syntax (headings, emphasis, links, images, code, quotes, rules) or
    HTML tags and entities; list markers become bullets. Line breaks are kept as they are."""
    out = _FENCE.sub("", text)
    out = _HEADING.sub(r"\1", out)
    out = _QUOTE_MARK.sub("", out)
    out = _RULE.sub("", out)
    out = _BULLET.sub(lambda m: f"{m.group(1)}{BULLET} ", out)
    out = _IMAGE.sub(r"\1", out)
    out = _LINK.sub(r"\1", out)
    out = _REF_LINK.sub(r"\1", out)
    out = _AUTOLINK.sub(r"\1", out)
    out = _STRONG.sub(r"\2", out)
    out = _EM_STAR.sub(r"\1", out)
    out = _EM_UNDERSCORE.sub(r"\1", out)
    out = _STRIKE.sub(r"\1", out)
    out = _CODE.sub(r"\1", out)
    out = _TAG.sub("", out)
    out = _STRAY_STRONG.sub("", out)
    out = _ESCAPE.sub(r"\1", out)
    return html.unescape(out)


def one_line(text: str) -> str:
    """``plain_text`` on one line: every run of whitespace becomes a single space."""
    return " ".join(plain_text(text).split())


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: max(1, limit - 1)]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"
