"""Person names: is a run of characters a name, and where does the name after a title end."""

from __future__ import annotations

import re

from kg.extract.common import _patterns, _words
from kg.lexicon import Lexicon, load
from kg.normalise import CJK

_NON_NAME_CHARS = set(
    "委会党府局厅办院部处科组员书记席任区市县省镇乡村街道作"
    "的了与及在是为对等上下号届次全各个该本们其这那要将把被从以之并或也都就还又再"
)

_ALLOWED_IN_NON_HAN_NAMES = set("次上下全")  # 次仁, 次旦 (Tibetan), …

_CJK_1_8 = re.compile(f"[{CJK}]{{1,8}}")
_CJK_2_4 = re.compile(f"[{CJK}]{{2,4}}")
_CJK_RUN = re.compile(f"[{CJK}]+")
_DOT_HEAD = re.compile(f"[{CJK}]{{1,8}}·")
_DOTTED_TAIL = re.compile(f"(?:^|(?<=[、，。；：及和与（“ ]))[{CJK}]{{1,8}}·[{CJK}]{{1,8}}$")

def is_name(token: str, lex: Lexicon | None = None, after_title: bool = False,
            strong_stop: bool | str = False) -> bool:
    lex = lex or load()
    if "·" in token:
        parts = token.split("·")
        return all(_CJK_1_8.fullmatch(p) for p in parts) and 3 <= len(token) <= 16
    if not _CJK_2_4.fullmatch(token):
        return False
    if token[:2] in lex.compound_surnames:
        given = token[2:]
    elif token[0] in lex.surnames:
        given = token[1:]
    else:
        given = ""
    ok = 1 <= len(given) <= 2 and not any(ch in _NON_NAME_CHARS for ch in given)
    if not ok and strong_stop and len(token) in (2, 3, 4):
        # 副县长其木格陪同, 市委常委白玛央金、: names outside the Han pattern, trusted only between a title and a verb
        if any(ch in _NON_NAME_CHARS and ch not in _ALLOWED_IN_NON_HAN_NAMES for ch in token[1:]):
            return False
        if len(token) == 4 and any(_ordinary_word(lex.common_words.get(half)) for half in (token[:2], token[2:])):
            return False  # 委员集体智慧: ordinary words, not a name (扎西 is a place word and a name: allowed)
        ok = True
    if not ok:
        return False
    tag = lex.common_words.get(token)
    if tag is None:
        return True
    if token in _GROUP_NOUNS or token in lex.stops:
        return False
    if strong_stop == "role" and token[0] in lex.surnames:
        return True  # 部长甘露作交流发言: a surname, then a role verb at once; the dictionary's 甘露 (v) is a name here
    # right after a title a place-like word can still be a name (副区长乌兰), a verb cannot (市长强调); a plain
    # noun only when a verb or a comma closes it at once (部长甘露作交流发言)
    noun_allowed = bool(strong_stop and token[0] in lex.surnames)
    return after_title and tag[0] in "nj" and (tag not in ("n", "nt") or noun_allowed)


def _ordinary_word(tag: str | None) -> bool:
    """A dictionary tag that rules a word out of a name: nouns, verbs, adjectives, adverbs (not place names)."""
    return tag is not None and (tag in ("n", "vn", "an", "nt") or tag[0] in "vad")


def name_at(text: str, pos: int, lex: Lexicon | None = None, after_title: bool = False) -> str | None:
    """The person name starting at ``pos``, judged by what follows it (冯雪参加 vs 邵光明主持)."""
    lex = lex or load()
    stop = _patterns()["stop"]
    dot = _DOT_HEAD.match(text, pos)
    if dot:
        for length in range(2, 9):
            end = dot.end() + length
            if end <= len(text) and _CJK_RUN.fullmatch(text[dot.end() : end]) and stop.match(text, end):
                return text[pos:end]
        return None
    candidates = []
    strong = _patterns()["strong_stop"]
    if _patterns()["role"].match(text, pos):
        return None  # 州领导应邀出席: the verb starts here, no name
    for length in (3, 2, 4):
        token = text[pos : pos + length]
        closed: bool | str = bool(strong.match(text, pos + length)) and token[0] in lex.surnames
        if closed and after_title and _patterns()["role"].match(text, pos + length):
            closed = "role"
        if len(token) == length and is_name(token, lex, after_title, closed) and stop.match(text, pos + length):
            candidates.append(token)
    if not candidates and after_title:
        for length in (3, 2, 4):
            token = text[pos : pos + length]
            if len(token) == length and strong.match(text, pos + length) and is_name(token, lex, True, True):
                candidates.append(token)
    if not candidates and after_title:
        return _name_by_segmentation(text, pos, lex)
    if not candidates:
        return None
    if len(candidates) > 1 and candidates[0][-1] in "在和与及同到对向为是率赴也还就等":
        return candidates[1]
    return candidates[0]


def _name_by_segmentation(text: str, pos: int, lex: Lexicon) -> str | None:
    """No stop word follows (莫少华结合分管工作): let jieba say where the name ends."""
    window = text[pos : pos + 10]
    boundaries, total = set(), 0
    for token in _words(window):
        total += len(token)
        boundaries.add(total)
    for length in (3, 2):
        if length in boundaries and pos + length < len(text) and is_name(window[:length], lex, after_title=True):
            return window[:length]
    return None


_GROUP_NOUNS = {"同志", "班子", "成员", "干部", "群众", "人员", "代表", "委员", "专家", "学者", "领导", "主任", "书记"}

def _bare_name_ending_at(text: str, end: int, lex: Lexicon) -> str | None:
    dotted = _DOTTED_TAIL.search(text[max(0, end - 20) : end])
    if dotted and dotted.group(0)[-1] not in "在和与及等同":
        return dotted.group(0)
    for length in (3, 2, 4):
        start = end - length
        if start < 0:
            continue
        token = text[start:end]
        before = text[start - 1] if start > 0 else "。"
        if is_name(token, lex) and (before in "、，。；：及和与（“ " or start == 0):
            return token
    return None

