"""Stage 4, extract: people with posts, bodies, meetings, participation and references from one article.

Everything is a rule over the canonical text, driven by the lexicons in kg/lexicons: title chains
(开发区党工委副书记、管委会主任，市委副书记…欧阳建国), name lists closed by a role verb (陆海涛、冯雪参加),
meetings announced in the lead sentence (A、B和C召开), inspections led by their subject (X调研Y).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from operator import itemgetter

import jieba

from kg.lexicon import Lexicon, alternation, load
from kg.model import (
    Article,
    ArticleExtraction,
    MeetingMention,
    Participation,
    PersonMention,
    PostMention,
    Reference,
)
from kg.normalise import CJK

SEPARATORS = "、，及和与"
_SENTENCE = re.compile(r"[^。！？；]*[。！？；]?[”’]?")
_QUOTE = re.compile(r"“([^“”]{1,60})”")
_DOCUMENT = re.compile(r"《([^《》]{1,80})》")
_NON_NAME_CHARS = set(
    "委会党府局厅办院部处科组员书记席任区市县省镇乡村街道作"
    "的了与及在是为对等上下号届次全各个该本们其这那要将把被从以之并或也都就还又再"
)
_FILLERS = re.compile(
    r"(?:等(?:[0-9" + CJK + r"]{0,12}?(?:领导|同志|负责人|负责同志|人员|代表|成员|干部|委员|常委|学者|专家))?|"
    r"和其他[" + CJK + r"]{0,10}?(?:常委|成员|委员|领导|同志)|逐一|"
    r"同志|主要负责同志|主要负责人|主要负责领导|负责同志|"
    r"负责人|有关负责人|有关|相关|书记|领导|代表|分别|也|均|一同|共同|还|一起|一行)$"
)
_ADVERBIAL_GAP = re.compile(r"(?:结合|围绕|就|代表|针对|根据|按照|先后|从|向|以|在|共同为|为|与)[^，。；、“”]{1,16}$")
_DATE_ABS = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_DATE_MD = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")
_DATE_REL = re.compile(r"(昨天|昨日|前天|今天|今日|本月(\d{1,2})日|上月(\d{1,2})日|(?<![\d月年])(\d{1,2})日)")
_CONVEY_VERB = re.compile(r"传达学习|学习传达|学习贯彻|传达贯彻|贯彻落实|传达")
_REFERENCE_PERSON_CONTEXT = re.compile(
    r"^(?:近期|近日|最近|此前)?(?:重要讲话|重要指示|重要论述|重要文章|重要批示|重要回信|关于|系列重要|的重要|"
    r"在(?![^，。]{0,6}?(?:会上|讲话中))[^，。]{0,40}?(?:上的重要讲话|上的讲话|发表的|上发表|重要讲话)|"
    r"对[^，。]{0,40}?(?:重要指示|批示)|"
    # …重要讲话 close behind the name is a citation, unless he gave it here (出席会议并作重要讲话)
    r"(?![^，。]{0,6}?(?:作|发表|出席|主持|致辞))[^，。]{0,6}?(?:重要讲话|重要指示|重要论述|重要文章|批示精神|指示精神|思想))"
)
_VERBS_BEFORE_NAME = {"学习", "贯彻", "落实", "传达", "按照", "根据", "听取", "陪同", "会见", "看望", "遵循", "深入"}
_NATIONAL_TITLES = {"总书记", "国家主席", "国务院总理", "总理", "副总理", "委员长"}
_BODY_LEFT_BOUNDARY = re.compile(
    "由|在|会见|会同|听取|看望|慰问|陪同|率领|带领|邀请|前往|来到|深入|走访|调研|考察|主持|出席|参加|宣读|接受|见证|"
    "代表|以及|向|赴|受"
)
# characters a place name (新疆维吾尔, 枫树, 宝力格) does not contain: 传达学习省委… is no place
_NOT_IN_PLACE_NAMES = (
    "的了与及和在是为对等们其这那要将把被从之并或也都就还又再"
    "传达学习贯彻落实精神议届讲话指示批示，。、；：“”（）"
)
_PLACE_NAME_CHAR = f"[^\\s{re.escape(_NOT_IN_PLACE_NAMES)}]"
_NOT_A_BODY = re.compile(r"精神|会议|全会|讲话|指示|批示|[和与及](?:省|市|区|县|州|镇|乡|中共|中央)")
_FUNCTION_CHARS = set("由在和与对向为将把被从以及同到于是的了等经并")
_ALLOWED_IN_NON_HAN_NAMES = set("次上下全")  # 次仁, 次旦 (Tibetan), …
_NATIONAL_TITLE_HEAD = re.compile(f"^(?:{alternation(_NATIONAL_TITLES)})")
_CJK_CHAR = re.compile(f"[{CJK}]")
_CJK_OR_BRACKET = re.compile(f"[{CJK}（）]")
_CJK_1_8 = re.compile(f"[{CJK}]{{1,8}}")
_CJK_2_4 = re.compile(f"[{CJK}]{{2,4}}")
_CJK_RUN = re.compile(f"[{CJK}]+")
_DOT_HEAD = re.compile(f"[{CJK}]{{1,8}}·")
_DOTTED_TAIL = re.compile(f"(?:^|(?<=[、，。；：及和与（“ ]))[{CJK}]{{1,8}}·[{CJK}]{{1,8}}$")


def _is_cjk(ch: str) -> bool:
    return _CJK_CHAR.match(ch) is not None


def _is_cjk_or_bracket(ch: str) -> bool:
    return _CJK_OR_BRACKET.match(ch) is not None


@dataclass
class Span:
    """A person mention: the title chain starts at ``start``, the name sits at [name_start, end)."""

    name: str
    start: int
    name_start: int
    end: int
    posts: list[PostMention] = field(default_factory=list)


@dataclass
class HeldEvent:
    label: str
    kind: str
    start: int
    end: int
    organiser: str | None = None
    leader: Span | None = None
    group: int = 0  # meetings reported together share a group; a follow-up meeting (会后…召开) starts another


# ---------------------------------------------------------------- helpers over the lexicon


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = load()
    return {
        "title": re.compile(alternation(lex.titles)),
        "meeting_then_where": re.compile(
            f"^(.*(?:{alternation(set(lex.meeting_nouns))})){_WHEN}(?:在[^，。]{{1,20}})?$"),
        "meeting_after_verb": re.compile(f"[^，。；：]{{0,80}}(?:{alternation(set(lex.meeting_nouns))})"),
        "role": re.compile(alternation(set(lex.role_verbs))),
        "meeting_end": re.compile(f"(?:{alternation(set(lex.meeting_nouns))})$"),
        "meeting": re.compile(alternation(set(lex.meeting_nouns))),
        "inspect": re.compile(alternation(set(lex.inspection_verbs))),
        "strong_stop": re.compile(f"(?:[、，。；：]|{alternation(set(lex.role_verbs))}|等|同志)"),
        # no end-of-text stop: a name cut off by a truncated article (…秘书长程亮参) is no name
        "stop": re.compile(f"(?:{alternation(set(lex.stops) | set(lex.role_verbs))})"),
        "body_end": re.compile(f"(?:{alternation(set(lex.body_suffixes))})$"),
        "place_start": re.compile(
            f"^(?:{alternation(set(lex.place_markers))}|{_PLACE_NAME_CHAR}{{2,8}}?(?:自治区|自治州|自治县|省|市|区|县|州|镇|乡|街道|村|社区|旗|盟|嘎查))"
        ),
        "title_after": re.compile(
            f"({alternation({t for t in lex.titles if len(t) >= 2 and t not in {'领导', '委员', '常委'}})})"
            f"(?=[^{CJK}]|{alternation(set(lex.stops) | set(lex.role_verbs))}|$|重要|近期)"
        ),
    }


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


def body_before(text: str, end: int, lex: Lexicon | None = None, floor: int = 0) -> str | None:
    """The body written right before a title (区政协 in 区政协副主席), if any; it cannot reach back past ``floor``."""
    lex = lex or load()
    pats = _patterns()
    start = end
    while start > floor and _is_cjk_or_bracket(text[start - 1]) and end - start < 30:
        start -= 1
    run = text[start:end]
    boundaries = list(_BODY_LEFT_BOUNDARY.finditer(run))
    if boundaries:
        run = run[boundaries[-1].end() :]  # 在成都会见由新疆维吾尔自治区党委: the body starts after the last 会见/由
    for i in range(len(run) - 1):
        candidate = run[i:]
        if _NOT_A_BODY.search(candidate):
            continue  # 省委十四届九次全会精神和省委: a meeting and a conjunction, not one body
        if i > 0 and candidate[0] in _ONE_CHAR_PLACES and run[i - 1] not in _FUNCTION_CHARS \
                and lex.common_words.get(run[i - 1 : i + 1], "").startswith("ns"):
            continue  # 郑州大学: 州 ends a place name here, it does not start a body
        if pats["place_start"].match(candidate) and pats["body_end"].search(candidate):
            return candidate
        if candidate in ("管委会", "党工委", "工委") or (i == 0 and candidate.startswith(("中共", "中央"))):
            return candidate
    return None


_GROUP_NOUNS = {"同志", "班子", "成员", "干部", "群众", "人员", "代表", "委员", "专家", "学者", "领导", "主任", "书记"}
_ONE_CHAR_PLACES = set("省市区县州镇乡村盟旗")
_SUB_ORGANS = ("机关", "办公室", "党组", "纪检监察组")  # parts of the body named before them
_STANDALONE_HEADS = {"管委会", "党工委", "工委"}


@lru_cache(maxsize=1 << 14)
def _words(snippet: str) -> tuple[str, ...]:
    """jieba's words of a short snippet. Papers repeat their phrases (the same leader, the same body, the same
    verb after them), so the same few-character windows come back again and again."""
    return tuple(jieba.lcut(snippet, HMM=True))


def _trailing_body(run: str) -> str | None:
    """The organisation that ends a run of text (在成都会见了华西集团 -> 华西集团), by jieba's word boundaries."""
    lex = load()
    tokens = _words(run)
    kept: list[str] = []
    for token in reversed(tokens):
        tag = lex.common_words.get(token, "")
        if len(token) < 2 or tag.startswith(("v", "p", "c", "u", "d", "r")):
            break
        kept.insert(0, token)
    body = "".join(kept)
    return body if 2 <= len(body) <= 14 and _patterns()["body_end"].search(body) else None


def _title_start(text: str, item_start: int, title: str) -> int:
    return text.find(title, item_start)


def _unplaced_body(text: str, title_start: int, title: str, floor: int) -> str | None:
    """统战部 in 县委常委、统战部部长: a body named without its place, to be placed by the chain."""
    start = title_start
    while start > floor and _is_cjk(text[start - 1]) and text[start - 1] not in SEPARATORS:
        start -= 1
    run = text[start:title_start]
    if 2 <= len(run) <= 12 and (start == 0 or text[start - 1] in "、，") and _patterns()["body_end"].search(run):
        return run
    return None


_PARTY_COMMITTEE_TITLES = {"书记", "副书记", "常委", "委员", "秘书长", "副秘书长", "党组书记", "党组副书记", "党组成员"}


def _strip_sub_organ(body: str, title: str | None = None) -> str:
    """区政协党组书记、主席 -> 区政协主席; but 自治区党委常委、秘书长 -> 自治区党委秘书长 (a post of the committee)."""
    if title in _PARTY_COMMITTEE_TITLES and not body.endswith("党组"):
        return body
    return re.sub(r"(党组|党委|党工委|机关党委)$", "", body) or body


# ---------------------------------------------------------------- people


def find_people(text: str, lex: Lexicon | None = None) -> list[Span]:
    """Person mentions with their title chains, in text order."""
    lex = lex or load()
    pats = _patterns()
    spans: dict[int, Span] = {}
    last_body: str | None = None
    for match in pats["title"].finditer(text):
        title, t_start, t_end = match.group(0), match.start(), match.end()
        floor = max((s.end for s in spans.values() if s.end <= t_start), default=0)
        title, t_start = _best_title_split(text, title, t_start, lex, floor)
        if text.startswith("会", t_end) and title.endswith(("委员", "常委")):
            continue  # 委员会, 常委会 are bodies, not titles
        if any(text[t_end - 2 : t_end + k] in lex.common_words for k in (1, 2)) \
                and text[t_end : t_end + 2] not in lex.compound_surnames:
            continue  # 主席台, 书记处: the title is part of another word (but 主席令狐某: a compound surname)
        if text.startswith(("会议", "会上", "办公会", "扩大会"), t_end):
            continue  # 县政协十届十二次主席会议: a meeting, not a 主席 named 会议
        name = name_at(text, t_end, lex, after_title=True)
        if not name:
            continue
        chain = _chain_before(text, t_start, title, lex, floor)
        posts: list[PostMention] = []
        prev_body: str | None = None
        for item_start, body, item_title in chain:
            if body is None:
                run = _unplaced_body(text, _title_start(text, item_start, item_title), item_title, floor)
                if run:
                    # 统战部部长 after 县委常委: the chain's body places it; 机关党委书记 first in its chain: the
                    # body named last in the article does (某某发展改革委…、机关党委书记)
                    placed_by = prev_body or (last_body if run.startswith(_SUB_ORGANS) else None)
                    parent = re.sub(r"党组$", "", placed_by) if placed_by else None  # 自治区党委 + 统战部
                    body = run if run in _STANDALONE_HEADS or not parent else parent + run
            if body is None and not prev_body:
                title_at = _title_start(text, item_start, item_title)
                if title_at > floor and _is_cjk(text[title_at - 1]) and text[title_at - 1] not in SEPARATORS:
                    # an unplaced prefix we did not recognise (会见了华西集团董事长): read it, never borrow a body
                    # the post is labelled by its title alone, like the paper's own short form, and keeps its body
                    outside = _trailing_body(text[max(floor, title_at - 16) : title_at])
                    posts.append(PostMention(label=item_title, title=item_title, body=outside))
                    continue
            if body is None and item_title in lex.bare_titles:
                source_body = prev_body or last_body
                body = _strip_sub_organ(source_body, item_title) if source_body else None
            posts.append(PostMention(label=(body or "") + item_title, title=item_title, body=body))
            prev_body = body or prev_body
        last_body = prev_body or last_body
        start = chain[0][0]
        span = Span(name=name, start=start, name_start=t_end, end=t_end + len(name), posts=posts)
        spans[span.name_start] = span
        # a title shared by a list: 县政协副主席陆海涛、冯雪、程亮
        pos = span.end
        while pos < len(text) and text[pos] in "、和及":
            nxt = name_at(text, pos + 1, lex, after_title=True)
            if not nxt or pats["title"].match(text, pos + 1):
                break
            follower = Span(name=nxt, start=pos + 1, name_start=pos + 1, end=pos + 1 + len(nxt), posts=list(posts))
            spans[follower.name_start] = follower
            pos = follower.end
    # names followed by their title: 冷劲松市长, 习近平总书记
    for match in pats["title_after"].finditer(text):
        title, t_start = match.group(1), match.start(1)
        for length in (3, 2):
            start = t_start - length
            name = text[max(start, 0) : t_start]
            if start < 0 or not is_name(name, lex):
                continue
            before = text[start - 2 : start] if start >= 2 else ""
            boundary = start == 0 or not _is_cjk(text[start - 1]) or before in _VERBS_BEFORE_NAME
            if not boundary and title not in _NATIONAL_TITLES:
                continue
            if start in spans or any(s.start <= start < s.end for s in spans.values()):
                break
            spans[start] = Span(name=name, start=start, name_start=start, end=t_start + len(title),
                                posts=[PostMention(label=title, title=title, body=None)])
            break
    _add_appointments(text, spans, lex)
    return sorted(spans.values(), key=lambda s: s.name_start)


_APPOINTED = re.compile(r"(?:同志)?(?:任命为|当选为|担任|任)(?=[^，。；]{2})")  # not after 不再: _appointment_verbs
_ELECTED = re.compile(f"(?:选举|任命|推选|增补|决定任命|提名)([{CJK}·]{{2,12}}?)(?:同志)?为(?=[^，。；]{{2}})")


def _appointment_verbs(text: str) -> Iterator[re.Match[str]]:
    """任/担任/当选为, not in 不再担任 (a lookbehind at the start of _APPOINTED would be tried at every position)."""
    for verb in _APPOINTED.finditer(text):
        if not text.endswith(("不再", "不再担"), 0, verb.start()):
            yield verb


def _add_appointments(text: str, spans: dict[int, Span], lex: Lexicon) -> None:
    """谭某某同志任市委委员、常委、书记 / 张某当选为县政协主席: posts stated by an appointment."""
    pats = _patterns()
    by_end = {s.end: s for s in spans.values()}
    stated: list[tuple[Span, int]] = []
    for verb in _appointment_verbs(text):
        person = by_end.get(verb.start())
        if person is None:
            bare = _bare_name_ending_at(text, verb.start(), lex)
            if not bare:
                continue
            start = verb.start() - len(bare)
            person = spans.setdefault(start, Span(name=bare, start=start, name_start=start, end=verb.start()))
        stated.append((person, verb.end()))
    for elected in _ELECTED.finditer(text):  # 选举马某某为州政协副主席
        name, start = elected.group(1), elected.start(1)
        if not is_name(name, lex, after_title=True, strong_stop=True):
            continue
        person = spans.setdefault(start, Span(name=name, start=start, name_start=start, end=elected.end(1)))
        stated.append((person, elected.end()))
    for person, pos in stated:
        prev_body = None
        new_posts: list[PostMention] = []
        while pos < len(text):
            title = pats["title"].search(text, pos, min(len(text), pos + 20))
            if not title:
                break
            prefix = text[pos : title.start()]
            body = prefix if prefix and pats["place_start"].match(prefix) and pats["body_end"].search(prefix) else None
            if prefix and body is None:
                break
            if body is None and title.group(0) in lex.bare_titles and prev_body:
                body = _strip_sub_organ(prev_body, title.group(0))
            new_posts.append(PostMention(label=(body or "") + title.group(0), title=title.group(0), body=body))
            prev_body = body or prev_body
            pos = title.end()
            if pos < len(text) and text[pos] in "、和":
                pos += 1
                continue
            break
        person.posts.extend(p for p in new_posts if p not in person.posts)


def _best_title_split(text: str, title: str, t_start: int, lex: Lexicon, floor: int = 0) -> tuple[str, int]:
    """新区党工委书记: prefer 新区党工委 + 书记 over 新区 + 党工委书记 when only the first leaves a body."""
    if body_before(text, t_start, lex, floor) or t_start == 0 or not _is_cjk(text[t_start - 1]):
        return title, t_start
    for cut in range(1, len(title) - 1):
        shorter = title[cut:]
        if shorter in lex.titles and body_before(text, t_start + cut, lex, floor):
            return shorter, t_start + cut
    return title, t_start


def _chain_before(text: str, t_start: int, title: str, lex: Lexicon,
                  floor: int = 0) -> list[tuple[int, str | None, str]]:
    """Walk left from a title over 、/， separated [body]title items.

    新区党工委副书记、管委会主任，区委副书记、代区长 is one chain of four posts.
    """
    pats = _patterns()
    body = body_before(text, t_start, lex, floor)
    run = None if body else _unplaced_body(text, t_start, title, floor)
    start = t_start - len(body or run or "")
    items = [(start, body, title)]
    while start > floor + 1 and text[start - 1] in "、，":
        sep = start - 1
        found = None
        for length in range(min(8, sep), 1, -1):
            candidate = text[sep - length : sep]
            if pats["title"].fullmatch(candidate) and candidate in lex.titles:
                found = candidate
                break
        if not found:
            break
        t0 = sep - len(found)
        found, t0 = _best_title_split(text, found, t0, lex, floor)
        b = body_before(text, t0, lex, floor)
        run = None if b else _unplaced_body(text, t0, found, floor)
        item_start = t0 - len(b or run or "")
        unrecognised = item_start > 0 and _is_cjk(text[item_start - 1]) and text[item_start - 1] not in SEPARATORS
        if unrecognised and not b and not run:
            break  # the run before the title is not a body we recognise: the chain ends here
        items.insert(0, (item_start, b, found))
        start = item_start
    return items


# ---------------------------------------------------------------- dates


def resolve_date(token: str, anchor: date | None, inferred: bool = False) -> date | None:
    """A date expression (2025年12月31日, 1月12日, 30日, 昨天, 上月28日) against the publication date ``anchor``;
    ``inferred``: the anchor is only a lower bound (an issue with no date of its own)."""
    m = _DATE_ABS.fullmatch(token)
    if m:
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    if anchor is None:
        return None
    m = _DATE_MD.fullmatch(token)
    if m:
        month, day = int(m[1]), int(m[2])
        year = anchor.year
        candidate = _safe_date(year, month, day)
        if candidate and not inferred and candidate > anchor + timedelta(days=1):
            candidate = _safe_date(year - 1, month, day)
        if candidate and inferred and candidate < anchor:
            candidate = _safe_date(year + 1, month, day)
        return candidate
    if token in ("昨天", "昨日"):
        return None if inferred else anchor - timedelta(days=1)
    if token in ("前天",):
        return None if inferred else anchor - timedelta(days=2)
    if token in ("今天", "今日"):
        return None if inferred else anchor
    m = re.fullmatch(r"(本月|上月)?(\d{1,2})日", token)
    if m:
        day = int(m[2])
        if m[1] == "上月":
            first = anchor.replace(day=1) - timedelta(days=1)
            return _safe_date(first.year, first.month, day)
        if m[1] == "本月":
            return _safe_date(anchor.year, anchor.month, day)
        if inferred:  # anchor is a lower bound: the first such day on or after it
            if day >= anchor.day:
                return _safe_date(anchor.year, anchor.month, day)
            nxt = (anchor.replace(day=1) + timedelta(days=32)).replace(day=1)
            return _safe_date(nxt.year, nxt.month, day)
        if day <= anchor.day:
            return _safe_date(anchor.year, anchor.month, day)
        prev = anchor.replace(day=1) - timedelta(days=1)
        return _safe_date(prev.year, prev.month, day)
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_date(sentence: str) -> str | None:
    """The first date expression of a sentence: 2025年12月31日, 1月12日, 今天（7日）, 30日, 昨天."""
    best: tuple[int, str] | None = None
    for regex in (_DATE_ABS, _DATE_MD):
        m = regex.search(sentence)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.group(0))
    if best:
        return best[1]
    m = re.search(r"(?:今天|今日|昨天|昨日)（(\d{1,2})日）", sentence)
    if m:
        return f"{m[1]}日"
    m = _DATE_REL.search(sentence)
    return m.group(0) if m else None


# ---------------------------------------------------------------- events


_WHEN = r"(?:昨天|昨日|今天|今日|前天|日前|近日|\d{1,2}日)?(?:上午|下午|晚上|晚)?"
_HOLD_VERBS = "召开|举行|举办|开幕|闭幕|启动|揭牌|召集"


def find_events(text: str, sentences: list[tuple[int, str]], people: list[Span],
                headline: str | None) -> list[HeldEvent]:
    """The meetings and visits the article reports (not the ones it merely mentions)."""
    pats = _patterns()
    for index, (offset, sentence) in enumerate(sentences[:3]):
        events = _held_meetings(sentence, offset, people) or _meeting_opening_sentence(sentence, offset)
        if not events:
            visit = _inspection(sentence, offset, people) or _activity(sentence, offset, people)
            events = [visit] if visit else []
        if events:
            return events + _follow_ups(sentences[index + 1 :], people)
    if headline:
        m = re.search(r"在(.{2,60}?)上(?:强调|讲话|指出|表示|作|发表)", headline)
        if m and pats["meeting_end"].search(m.group(1)):
            return [HeldEvent(label=m.group(1), kind=_kind_of(m.group(1)), start=0, end=0)]
    return []


_FOLLOW_UP = re.compile(r"^(?:会后|随后|紧接着|当天下午|当天晚上|当天|同日|次日)")


def _follow_ups(sentences: list[tuple[int, str]], people: list[Span]) -> list[HeldEvent]:
    """会后，我县紧接着召开全县防汛工作部署会: a second meeting in the same report, with its own people."""
    out: list[HeldEvent] = []
    for group, (offset, sentence) in enumerate((s for s in sentences if _FOLLOW_UP.match(s[1])), start=1):
        for event in _held_meetings(sentence, offset, people):
            event.group = group
            event.start = offset  # participants named after this sentence belong to it
            out.append(event)
    return out


def _kind_of(label: str) -> str:
    lex = load()
    m = _patterns()["meeting_end"].search(label)
    return lex.meeting_nouns.get(m.group(0), "会议") if m else "会议"


def _clean_label(label: str) -> str:
    label = re.sub(r"^(?:上午|下午|晚上|晚|当天|日前|近日|近期)", "", label)
    return label.strip("，、 ")


def _held_meetings(sentence: str, offset: int, people: list[Span]) -> list[HeldEvent]:
    pats = _patterns()
    out: list[HeldEvent] = []
    # pattern 1: [A、B和C]召开  /  pattern 2: [body]召开[Y]  /  pattern 3: [person]主持召开[Y]
    for verb in re.finditer(_HOLD_VERBS, sentence):
        before = sentence[: verb.start()]
        clause = re.split(r"[，。；：]", before)[-1]
        clause = _strip_date(clause)
        trimmed = pats["meeting_then_where"].match(clause)
        if trimmed:
            clause = trimmed.group(1)
        after = sentence[verb.end() :]
        y = pats["meeting_after_verb"].match(after)
        if clause and pats["meeting_end"].search(clause) and not y:
            for part in _split_joint(clause):
                label = _clean_label(part)
                if label:
                    s = offset + sentence.find(part)
                    out.append(HeldEvent(label=label, kind=_kind_of(label), start=s, end=s + len(part),
                                         organiser=None))
            if out:
                return out
        if y:
            noun_phrase = y.group(0)
            subject = clause
            person = _person_ending_at(people, offset + verb.start() - (2 if before.endswith("主持") else 0))
            if before.endswith("主持") and person:
                parts = _split_joint(noun_phrase) or [noun_phrase]
                return [HeldEvent(label=part if len(part) >= 4 else f"{person.name}主持召开{part}",
                                  kind=_kind_of(part), start=offset + verb.start(),
                                  end=offset + verb.end() + len(noun_phrase)) for part in parts]
            leader = next((p for p in people if offset <= p.start and p.end <= offset + verb.start()
                           and sentence.rfind("，", 0, verb.start()) < p.start - offset), None)
            if leader is not None and not pats["body_end"].search(subject or ""):
                # 街道党工委书记某某带队到现场召开现场办公会: the meeting takes the convener's body
                body = next((post.body for post in leader.posts if post.body), None)
                label = (_strip_sub_organ(body) if body else leader.name) + noun_phrase
                return [HeldEvent(label=label, kind=_kind_of(noun_phrase), start=offset + verb.start(),
                                  end=offset + verb.end() + len(noun_phrase), organiser=body)]
            if subject and pats["meeting_end"].search(subject):
                # 市人大常委会第二十三次会议举行第一次全体会议: a sitting of a named session
                label = _clean_label(subject) + noun_phrase
                return [HeldEvent(label=label, kind=_kind_of(noun_phrase), start=offset + verb.start(),
                                  end=offset + verb.end() + len(noun_phrase))]
            if len(noun_phrase) >= 5 and not (subject and pats["body_end"].search(subject)):
                # 我县紧接着召开全县防汛工作部署会: the meeting names itself
                return [HeldEvent(label=noun_phrase, kind=_kind_of(noun_phrase), start=offset + verb.start(),
                                  end=offset + verb.end() + len(noun_phrase))]
            if subject and pats["body_end"].search(subject):
                label = _clean_label(subject) + noun_phrase
                return [HeldEvent(label=label, kind=_kind_of(noun_phrase), start=offset + verb.start(),
                                  end=offset + verb.end() + len(noun_phrase), organiser=_clean_label(subject))]
    return out


def _meeting_opening_sentence(sentence: str, offset: int) -> list[HeldEvent]:
    """政协某州第十四届委员会第五次会议圆满完成各项议程，在州人民会堂闭幕: the meeting opens the sentence."""
    pats = _patterns()
    if not re.search(_HOLD_VERBS, sentence):
        return []
    head = _strip_date(re.split(r"[，。；：]", sentence)[0] if not re.match(r"^[^，]{0,12}日", sentence) else
                       re.split(r"[，。；：]", sentence)[1] if "，" in sentence else sentence)
    match = re.match(f"^(.{{2,40}}?(?:{pats['meeting'].pattern}))", head)
    if not match:
        return []
    label = _clean_label(match.group(1))
    start = offset + sentence.find(match.group(1))
    return [HeldEvent(label=label, kind=_kind_of(label), start=start, end=start + len(label))]


def _strip_date(clause: str) -> str:
    clause = re.sub(r"^(?:(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日|昨天|昨日|今天|今日|前天|日前|近日|(?:本|上)月\d{1,2}日)"
                    r"(?:（\d{1,2}日）)?(?:上午|下午|晚上|晚)?", "", clause)
    return clause


def _split_joint(clause: str) -> list[str]:
    """区政府党组（扩大）会议、管委会主任办公会议和区政府常务会议 -> three meetings; 暨-joined names stay whole."""
    meeting_end = _patterns()["meeting_end"]
    parts: list[str] = []
    buf_start = 0
    for sep in re.finditer(r"[、和及]", clause):
        if meeting_end.search(clause[buf_start : sep.start()]):
            parts.append(clause[buf_start : sep.start()])
            buf_start = sep.end()
    parts.append(clause[buf_start:])
    return [p for p in parts if meeting_end.search(p)]


def _person_ending_at(people: list[Span], end: int) -> Span | None:
    for span in people:
        if span.end == end:
            return span
    return None


def _inspection(sentence: str, offset: int, people: list[Span]) -> HeldEvent | None:
    pats = _patterns()
    lex = load()
    for verb in pats["inspect"].finditer(sentence):
        after = sentence[verb.end() :]
        if re.match(r"(报告|成果|课题|组|员|文章|工作组)", after):
            continue
        if re.search(r"(参加|陪同|一同|随同)$", sentence[: verb.start()]):
            continue  # 参加接访: the companions' verb, not the leader's
        leaders = [p for p in people if offset <= p.start and p.end <= offset + verb.start()]
        leaders = [p for p in leaders if not _is_reference_context(sentence, p.end - offset)]
        if not leaders:
            continue
        leader = leaders[0]
        obj = re.split(r"[，。；]", after)[0][:40]
        label = f"{leader.name}{verb.group(0)}{obj}"
        return HeldEvent(label=label, kind=lex.inspection_verbs[verb.group(0)], start=offset + verb.start(),
                         end=offset + verb.end() + len(obj), leader=leader)
    return None


_ACTIVITY = re.compile(r"(?:开展|举办|组织开展|参加)([^，。；]{2,30}?活动)")


def _activity(sentence: str, offset: int, people: list[Span]) -> HeldEvent | None:
    """县委书记某某到接待中心开展“领导干部信访接待日”活动: an activity led by its subject."""
    match = _ACTIVITY.search(sentence)
    if not match:
        return None
    leaders = [p for p in people if offset <= p.start and p.end <= offset + match.start()
               and not _is_reference_context(sentence, p.end - offset)]
    if not leaders:
        return None
    label = match.group(1)
    return HeldEvent(label=label, kind="活动", start=offset + match.start(), end=offset + match.end(),
                     leader=leaders[0])


def _co_hosts(text: str, people: list[Span], event: HeldEvent) -> list[Span]:
    """省委书记甲，省长乙在成都会见…: everyone named before the verb with the leader hosts it too."""
    leader = event.leader
    if leader is None:
        return []
    clause_start = max(text.rfind("。", 0, leader.start), text.rfind("；", 0, leader.start)) + 1
    hosts = []
    for span in people:
        if span is leader or not (clause_start <= span.start and span.end <= event.start):
            continue
        between = text[span.end : event.start]
        if re.search(r"由|率领|受|委托", text[clause_start : span.start]) or _is_reference_context(text, span.end):
            continue
        if re.search(r"[。；]", between):
            continue
        hosts.append(span)
    return hosts


def _is_reference_context(text: str, end: int) -> bool:
    """习近平总书记重要讲话 / 关于…的重要论述: the person is cited, not present."""
    tail = text[end : end + 20]
    tail = _NATIONAL_TITLE_HEAD.sub("", tail)
    return bool(_REFERENCE_PERSON_CONTEXT.match(tail))


# ---------------------------------------------------------------- participation


def find_participants(text: str, people: list[Span], lex: Lexicon) -> list[tuple[str, bool, str, str, int]]:
    """(name, is_body, relation, role as written, position) for every role-verb clause."""
    pats = _patterns()
    by_end = {s.end: s for s in people}
    out: list[tuple[str, bool, str, str, int]] = []
    for verb in pats["role"].finditer(text):
        role = verb.group(0)
        relation = lex.role_verbs[role]
        pos = verb.start()
        while True:
            filler = _FILLERS.search(text[max(0, pos - 20) : pos])
            if not filler or not filler.group(0):
                break
            pos -= len(filler.group(0))
        found = _walk_left(text, pos, by_end, lex)
        if not found:
            gap = _ADVERBIAL_GAP.search(text[max(0, pos - 20) : pos])
            if gap:
                pos -= len(gap.group(0))
                while (filler := _FILLERS.search(text[max(0, pos - 20) : pos])) and filler.group(0):
                    pos -= len(filler.group(0))
                found = _walk_left(text, pos, by_end, lex)
        if role == "在会上" and not found:
            continue
        for item, is_body in found:
            out.append((item, is_body, relation, role, verb.start()))
    # 出席会议的还有A、B，C: the list follows the verb
    for also in re.finditer(r"(出席|参加|列席)(?:会议|活动|座谈会)?的(?:还有|有)([^。；]{2,120})", text):
        for span in people:
            if also.start(2) <= span.start and span.end <= also.end(2):
                out.append((span.name, False, "attended", also.group(1), span.start))
    # 听取X、Y对…的介绍: the people heard were there
    for heard in re.finditer(r"听取([^。；]{2,60}?)(?:的)?(?:介绍|汇报|发言|意见)", text):
        for span in people:
            if heard.start(1) <= span.start and span.end <= heard.end(1):
                out.append((span.name, False, "attended", "汇报", span.start))
    return out


def _walk_left(text: str, pos: int, by_end: dict[int, Span], lex: Lexicon) -> list[tuple[str, bool]]:
    """The list of people or bodies that ends at ``pos``: 陆海涛、冯雪 | 县发展改革局、县商务局."""
    items: list[tuple[str, bool]] = []
    pats = _patterns()
    while pos > 0:
        span = by_end.get(pos)
        if span is None:
            bare = _bare_name_ending_at(text, pos, lex)
            if bare:
                span = Span(name=bare, start=pos - len(bare), name_start=pos - len(bare), end=pos)
        if span is not None:
            items.insert(0, (span.name, False))
            pos = span.start
        else:
            body = _body_ending_at(text, pos)
            if not body or not pats["body_end"].search(body.replace("“", "").replace("”", "")):
                break
            if any(pos - len(body) < end <= pos for end in by_end) or re.search(r"代表|主持|出席|参加", body):
                break  # 县监委主任宋立平代表县纪委常委会 is a person acting for a body, not a body
            items.insert(0, (body, True))
            pos -= len(body)
        if pos > 1 and text[pos - 2 : pos] == "以及":
            pos -= 3 if pos > 2 and text[pos - 3] == "，" else 2
            continue
        if pos > 0 and text[pos - 1] in "、及和与":
            pos -= 1
            continue
        if pos > 1 and text[pos - 1] == "，" and not items[0][1] and pos - 1 in by_end:
            pos -= 1  # groups of titled people sharing one verb: 副市长韩冰、罗敏，市政府秘书长卫东升出席
            continue
        if pos > 0 and text[pos - 1] == "，" and items and items[0][1]:
            pos -= 1  # bodies listed with commas: 县投资集团，市规划资源局某某分局，城关街道
            continue
        break
    return items


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


def _body_ending_at(text: str, end: int) -> str | None:
    """The run of a body name ending at ``end``; 和 inside a name (省经济和信息化厅) stays, 和 before a place splits."""
    place = _patterns()["place_start"]
    start = end
    while start > 0 and end - start < 24:
        ch = text[start - 1]
        if ch in "、及与" or (ch == "和" and place.match(text, start)):
            break
        if not (_is_cjk_or_bracket(ch) or ch in "“”"):
            break
        start -= 1
    if text.startswith("以及", start - 1) and start > 0:
        start += 1
    run = text[start:end]
    return run or None


# ---------------------------------------------------------------- references


def find_references(text: str, people: list[Span]) -> list[tuple[str, str]]:
    """(target type, label): quoted slogans, 《documents》, conveyed meetings, cited leaders."""
    pats = _patterns()
    refs: list[tuple[str, str]] = []
    for m in _QUOTE.finditer(text):
        label = m.group(1).strip()
        if label and len(label) <= 50:
            refs.append(("Slogan", label))
    for m in _DOCUMENT.finditer(text):
        if re.match(r"(杂志|报|日报|周刊|期刊)", text[m.end() : m.end() + 2]):
            continue
        if m.group(1).strip():
            refs.append(("Document", m.group(1).strip()))
    for verb in _CONVEY_VERB.finditer(text):
        scope = re.split(r"[。；]", text[verb.end() : verb.end() + 200])[0]
        if "精神" not in scope:
            continue
        scope = scope[: scope.rfind("精神")]
        for part in re.split(r"精神|[、，和及暨]", scope):
            part = re.sub(r"^(?:了|学习|传达|贯彻|落实|中央|近期|以及)+", "", part)
            if 4 <= len(part) <= 40 and pats["meeting_end"].search(part) and "《" not in part:
                refs.append(("Meeting", part))
    for span in people:
        if _is_reference_context(text, span.end):
            refs.append(("Official", span.name))
    seen: set[tuple[str, str]] = set()
    return [r for r in refs if not (r in seen or seen.add(r))]


# ---------------------------------------------------------------- the stage


def split_sentences(text: str) -> list[tuple[int, str]]:
    out = []
    for m in _SENTENCE.finditer(text):
        if m.group(0).strip():
            out.append((m.start(), m.group(0)))
    return out


def _sentence_at(sentences: list[tuple[int, str]], pos: int) -> str:
    """The sentence holding ``pos`` (sentences are in text order and do not overlap); else the last one."""
    index = bisect.bisect_right(sentences, pos, key=itemgetter(0)) - 1
    if index >= 0:
        offset, sentence = sentences[index]
        if pos < offset + len(sentence):
            return sentence
    return sentences[-1][1] if sentences else ""


def extract(article: Article) -> ArticleExtraction:
    lex = load()
    text = article.text
    result = ArticleExtraction(article=article)
    sentences = split_sentences(text)
    people = find_people(text, lex)

    referenced_people = {s.name for s in people if _is_reference_context(text, s.end)}
    for span in people:
        result.people.append(PersonMention(name=span.name, posts=span.posts,
                                           sentence=_sentence_at(sentences, span.name_start)))

    events = find_events(text, sentences, people, article.headline)
    anchor = article.pub_date
    inferred = article.date_origin == "inferred"
    lead = sentences[0][1] if sentences else ""
    token = find_date(lead)
    event_date = resolve_date(token, anchor, inferred) if token else None
    relative = bool(token) and not _DATE_ABS.fullmatch(token or "")
    if relative and event_date is None:
        result.warnings.append(f"{article.source}: no publication date: relative dates such as '{token}' left unknown "
                               "(give --date or a date in the file name)")
    elif relative and inferred:
        result.warnings.append(f"{article.source}: no publication date: relative dates resolved forward from the "
                               f"issue's latest full date ({anchor})")

    for key, event in enumerate(events):
        result.meetings.append(MeetingMention(key=key, label=event.label, kind=event.kind, date=event_date,
                                              sentence=_sentence_at(sentences, event.start), organiser=event.organiser))
    if not events:
        return result

    group_of = {key: event.group for key, event in enumerate(events)}
    group_starts = sorted({(event.start, event.group) for event in events if event.group})
    seen: set[tuple[str, str, int]] = set()
    order = 0

    def add(name: str, is_body: bool, relation: str, role: str, pos: int) -> None:
        nonlocal order
        if not is_body and name in referenced_people:
            return
        group = max((g for start, g in group_starts if start <= pos), default=0)
        if (name, relation, group) in seen:
            return
        for meeting in result.meetings:
            if group_of[meeting.key] == group:
                result.participations.append(Participation(meeting=meeting.key, name=name, is_body=is_body,
                                                           relation=relation, role=role, order=order,
                                                           sentence=_sentence_at(sentences, pos)))
        seen.add((name, relation, group))
        order += 1

    for event in events:
        if event.leader is not None:
            add(event.leader.name, False, "chaired", "调研" if event.kind == "调研" else event.kind, event.start)
            for co_host in _co_hosts(text, people, event):
                add(co_host.name, False, "attended", event.kind, event.start)
    for name, is_body, relation, role, pos in sorted(find_participants(text, people, lex), key=lambda x: x[4]):
        add(name, is_body, relation, role, pos)

    # every chair also attends, so queries need no reasoner
    chairs = [p for p in result.participations if p.relation == "chaired"]
    have = {(p.meeting, p.name, p.relation) for p in result.participations}
    for p in chairs:
        if (p.meeting, p.name, "attended") not in have:
            result.participations.append(Participation(meeting=p.meeting, name=p.name, is_body=p.is_body,
                                                       relation="attended", role=p.role, order=p.order,
                                                       sentence=p.sentence))
    for target_type, label in find_references(text, people):
        for meeting in result.meetings:
            if target_type == "Meeting" and label == meeting.label:
                continue
            result.references.append(Reference(meeting=meeting.key, target_type=target_type, label=label,
                                               sentence=_sentence_at(sentences, text.find(label))))
    result.bodies = sorted({p.name for p in result.participations if p.is_body}
                           | {post.body for s in people for post in s.posts if post.body})
    return result
