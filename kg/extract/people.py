"""People: every person mention with the posts its title chain gives, and posts stated by appointments."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.common import SEPARATORS, Span, _is_cjk, _patterns, before_fillers
from kg.extract.names import (
    _bare_name_ending_at,
    best_reading,
    is_han_name,
    is_name,
    name_at,
    readings_at,
    stop_strength,
)
from kg.extract.references import _NATIONAL_TITLES
from kg.extract.titles import (
    _STANDALONE_HEADS,
    _SUB_ORGANS,
    _best_title_split,
    _chain_before,
    _strip_sub_organ,
    _title_start,
    _trailing_body,
    _unplaced_body,
    tense_before,
)
from kg.lexicon import Lexicon, alternation, load
from kg.model import (
    PostMention,
)
from kg.normalise import CJK

_VERBS_BEFORE_NAME = {"学习", "贯彻", "落实", "传达", "按照", "根据", "听取", "陪同", "会见", "看望", "遵循", "深入"}

# ---------------------------------------------------------------- people


def find_people(text: str, lex: Lexicon | None = None, headline_end: int = 0) -> list[Span]:
    """Person mentions with their title chains, in text order.

    Titled mentions are read first; where a name could end in more than one place (李强陪同: 李强 or 李强陪), a
    second pass prefers the names the article confirmed elsewhere. Then names written before a title (奥巴马总统),
    appointments (某某任…), and every other occurrence of a name the article has confirmed (梅德韦杰夫表示).
    ``text[:headline_end]`` is the headline: a name opening it, or a clause of it, is read bare (李克强会见希腊总理).
    """
    lex = lex or load()
    spans, ambiguous = _titled_people(text, lex, frozenset())
    if ambiguous:
        spans, _ = _titled_people(text, lex, frozenset(s.name for s in spans.values()))
    _named_before_titles(text, spans, lex)
    _marked_people(text, spans, lex)
    _add_appointments(text, spans, lex)
    _listed_before_verbs(text, spans, lex)
    _comrades(text, spans, lex)
    _headline_subjects(text, headline_end, spans, lex)
    _propagate_names(text, spans)
    return sorted(spans.values(), key=lambda s: s.name_start)


def _marked_people(text: str, spans: dict[int, Span], lex: Lexicon) -> None:
    """Names after words that are no post (夫人程虹, 专家学者陈义龙、李洪法, 旗手周洋): mentions without a post."""
    pats = _patterns()
    for marker in re.finditer(alternation(set(lex.person_markers)), text):
        pos = marker.end()
        first = True
        while pos < len(text) and pos not in spans:
            shaped = [r for r in readings_at(text, pos, lex=lex) if r.shaped]  # 专家学者作协商发言: no name
            name = best_reading(text, pos, shaped)
            if not name or pats["title"].match(text, pos):
                break
            # the first name's mention starts at its marker, so a list walked from the left reaches across it
            spans[pos] = Span(name=name, start=marker.start() if first else pos, name_start=pos, end=pos + len(name))
            first = False
            pos += len(name)
            if pos >= len(text) or text[pos] not in "、和及":
                break
            pos += 1


def _listed_before_verbs(text: str, spans: dict[int, Span], lex: Lexicon) -> None:
    """Names without a title in a list closed by a role verb (王毅、何立峰参加上述活动; 肖捷出席会议)."""
    by_end = {s.end for s in spans.values()}
    for verb in _patterns()["role"].finditer(text):
        end = before_fillers(text, verb.start())
        while end > 0 and end not in by_end:
            name = _bare_name_ending_at(text, end, lex)
            if not name:
                break
            start = end - len(name)
            spans[start] = Span(name=name, start=start, name_start=start, end=end)
            if start < 1 or text[start - 1] not in "、和及与":
                break
            end = start - 1


def _headline_subjects(text: str, headline_end: int, spans: dict[int, Span], lex: Lexicon) -> None:
    """Headlines are telegraphic (李克强会见希腊总理, 王岐山在广东调研): a Han name opening the headline or one of its
    clauses, closed by a verb or 在/同, is the subject."""
    starts = [0] + [i + 1 for i in range(headline_end) if text[i] in " 　，：:|"]
    for start in starts:
        if start in spans or start >= headline_end:
            continue
        shaped = [r for r in readings_at(text, start, after_title=False, lex=lex) if r.shaped and r.strength >= 1]
        name = best_reading(text, start, shaped)
        if name and start + len(name) <= headline_end and is_han_name(name, lex):
            spans[start] = Span(name=name, start=start, name_start=start, end=start + len(name))


_COMRADE = re.compile(f"([{CJK}]{{2,4}})同志")


def _comrades(text: str, spans: dict[int, Span], lex: Lexicon) -> None:
    """以习近平同志为核心的党中央, 向刘某某同志学习: a Han name right before 同志 is a person."""
    taken = {i for s in spans.values() for i in range(s.name_start, s.end)}
    for match in _COMRADE.finditer(text):
        for start in range(match.start(1), match.end(1) - 1):
            name = text[start : match.end(1)]
            if start in taken or not is_han_name(name, lex) or lex.common_words.get(name) is not None:
                continue
            if start == 0 or text[start - 1] in "以向和与同及对由为，。、；：“（ " or not _is_cjk(text[start - 1]):
                spans[start] = Span(name=name, start=start, name_start=start, end=match.end(1))
            break


def _titled_people(text: str, lex: Lexicon, confirmed: frozenset[str]) -> tuple[dict[int, Span], bool]:
    """Mentions read after a title chain, and whether any name could be read in more than one way."""
    pats = _patterns()
    spans: dict[int, Span] = {}
    last_body: str | None = None
    ambiguous = False
    for match in pats["title"].finditer(text):
        title, t_start, t_end = match.group(0), match.start(), match.end()
        floor = max((s.end for s in spans.values() if s.end <= t_start), default=0)
        title, t_start = _best_title_split(text, title, t_start, lex, floor)
        if _title_inside_word(text, title, t_end, lex):
            continue
        chain = _chain_before(text, t_start, title, lex, floor)
        previous = spans.get(max((k for k in spans if spans[k].end <= chain[0][0]), default=-1))
        joined_to = previous if previous and text[previous.end : chain[0][0]] in ("和", "、", "及", "与") else None
        country = next((c for p in (joined_to.posts if joined_to else []) if (c := _country_of(p.body, lex))), None)
        posts, last_body = _chain_posts(text, chain, lex, floor, last_body, country)
        foreign = _is_foreign(posts, lex)
        readings = readings_at(text, t_end, foreign=foreign, lex=lex, confirmed=confirmed)
        ambiguous = ambiguous or len(readings) > 1
        name = best_reading(text, t_end, readings, confirmed) if readings else name_at(text, t_end, lex, True)
        if not name:
            continue
        span = Span(name=name, start=chain[0][0], name_start=t_end, end=t_end + len(name), posts=posts)
        spans[span.name_start] = span
        # a title shared by a list: 县政协副主席陆海涛、冯雪、程亮
        pos = span.end
        while pos < len(text) and text[pos] in "、和及":
            nxt = name_at(text, pos + 1, lex, after_title=True, foreign=foreign, confirmed=confirmed)
            if not nxt or pats["title"].match(text, pos + 1):
                break
            follower = Span(name=nxt, start=pos + 1, name_start=pos + 1, end=pos + 1 + len(nxt), posts=list(posts))
            spans[follower.name_start] = follower
            pos = follower.end
    return spans, ambiguous


def _title_inside_word(text: str, title: str, t_end: int, lex: Lexicon) -> bool:
    """委员会, 主席台, 书记处, 主席会议: the title is part of another word, not a title before a name."""
    if text.startswith("会", t_end) and title.endswith(("委员", "常委")):
        return True  # 委员会, 常委会 are bodies, not titles
    if any(text[t_end - 2 : t_end + k] in lex.common_words for k in (1, 2)) \
            and text[t_end : t_end + 2] not in lex.compound_surnames:
        return True  # 主席台, 书记处 (but 主席令狐某: a compound surname)
    return text.startswith(("会议", "会上", "办公会", "扩大会"), t_end)  # 县政协十届十二次主席会议


def _chain_posts(text: str, chain: list[tuple[int, str | None, str]], lex: Lexicon, floor: int,
                 last_body: str | None, country: str | None = None) -> tuple[list[PostMention], str | None]:
    """The posts of a title chain, each with its body restored; and the body the next chain may borrow.

    A country named once serves the whole chain (柬埔寨人民党主席、参议院主席 -> 柬埔寨参议院主席; 莱索托…党领袖、首相
    -> 莱索托首相), and a list joined by 和 (美国副总统拜登和国务卿克里 -> 美国国务卿): ``country`` is the one the
    list gave before this chain."""
    posts: list[PostMention] = []
    prev_body: str | None = None
    tense = tense_before(text, chain[0][0])
    for item_start, body, item_title in chain:
        title_at = _title_start(text, item_start, item_title)
        item_tense = "past" if text.startswith(("前", "原"), title_at - 1) and body else tense
        if body is None:
            run = _unplaced_body(text, title_at, item_title, floor)
            if run:
                # 统战部部长 after 县委常委: the chain's body places it; 机关党委书记 first in its chain: the
                # body named last in the article does (某某发展改革委…、机关党委书记)
                placed_by = prev_body or (last_body if run.startswith(_SUB_ORGANS) else None)
                parent = re.sub(r"党组$", "", placed_by) if placed_by else None  # 自治区党委 + 统战部
                body = run if run in _STANDALONE_HEADS or not parent else parent + run
        if body is None and not prev_body and title_at > floor and _is_cjk(text[title_at - 1]) \
                and text[title_at - 1] not in SEPARATORS:
            # an unplaced prefix we did not recognise: read it, never borrow a body; the post is labelled by its
            # title alone, like the paper's own short form, and keeps the body it names
            outside = _trailing_body(text[max(floor, title_at - 16) : title_at])
            posts.append(PostMention(label=item_title, title=item_title, body=outside, tense=item_tense))
            continue
        country = country or _country_of(body, lex) or _country_of(prev_body, lex)
        if body is None and country and (item_title in lex.foreign_titles or item_title in _STATE_TITLES):
            body = country  # 莱索托…党领袖、首相: the state office is the country's, not the party's
        elif body and country and not _country_of(body, lex) and not _patterns()["place_start"].match(body):
            body = country + body  # 柬埔寨人民党主席、参议院主席
        elif body is None and item_title in lex.bare_titles:
            source_body = prev_body or last_body
            body = _strip_sub_organ(source_body, item_title) if source_body else None
        posts.append(PostMention(label=(body or "") + item_title, title=item_title, body=body, tense=item_tense))
        prev_body = body or prev_body
    return posts, prev_body or last_body


def _is_country(body: str, lex: Lexicon) -> bool:
    return _country_of(body, lex) is not None


def _country_of(body: str | None, lex: Lexicon) -> str | None:
    """The foreign country or organisation a body opens with (柬埔寨人民党 -> 柬埔寨); None for China's own."""
    if not body or body.startswith(("中国", "中华")):
        return None
    return next((c for c in lex.countries if body.startswith(c)), None)


# state offices: after a party post in a chain they take the country, not the party (…党领袖、首相)
_STATE_TITLES = {"总理", "副总理", "总统", "副总统", "首相", "议长", "副议长", "外长", "外交部长", "国务卿", "国王"}


def _is_foreign(posts: list[PostMention], lex: Lexicon) -> bool:
    """A foreign office: a title only foreign countries have (总统), a body of a foreign country or international
    organisation (美国, 联合国, 国际园艺生产者协会)."""
    def abroad(body: str | None) -> bool:
        international = bool(body) and (_is_country(body, lex) or body.startswith(("国际", "世界")))
        return international and not body.startswith("中国")

    return any(p.title in lex.foreign_titles or abroad(p.body) for p in posts)


def _named_before_titles(text: str, spans: dict[int, Span], lex: Lexicon) -> None:
    """Names followed by their title: 冷劲松市长, 习近平总书记, 奥巴马总统."""
    pats = _patterns()
    taken = sorted((s.start, s.end) for s in spans.values())
    for match in pats["title_after"].finditer(text):
        title, t_start = match.group(1), match.start(1)
        foreign = title in lex.foreign_titles
        for length in ((3, 2, 4, 5, 6, 7, 8) if foreign else (3, 2)):
            start = t_start - length
            name = text[max(start, 0) : t_start]
            if start < 0 or not is_name(name, lex, foreign=foreign, after_title=foreign) or name in lex.countries \
                    or any(stop_strength(text, i) for i in range(start, t_start)):
                continue  # 芬兰总统: a country; 习近平当选国家主席: no 平当选 (a verb inside); 在佐科总统: no 在佐科
            before = text[start - 2 : start] if start >= 2 else ""
            boundary = start == 0 or not _is_cjk(text[start - 1]) or before in _VERBS_BEFORE_NAME \
                or (foreign and text[start - 1] in "同与和及")
            if not boundary and title not in _NATIONAL_TITLES:
                continue
            if start in spans or any(a <= start < b for a, b in taken):
                break
            spans[start] = Span(name=name, start=start, name_start=start, end=t_start + len(title),
                                posts=[PostMention(label=title, title=title, body=None)])
            break


# what may stand right before a name met again (梅德韦杰夫表示, 同奥巴马举行会谈, 会见崔天凯)
_BEFORE_REPEATED_NAME = set("，。、；：！？（）“”‘’ \n和与同及对向由为给请在是")


def _propagate_names(text: str, spans: dict[int, Span]) -> None:
    """Every other occurrence of a name the article gave with a title is a mention of that person, where the text
    around it lets a name start and end there (韩正在京: 韩正; 王强调: no 王强)."""
    names = sorted({s.name for s in spans.values() if len(s.name) >= 2}, key=len, reverse=True)
    if not names:
        return
    covered = sorted((s.name_start, s.end) for s in spans.values())
    taken = [False] * (len(text) + 1)
    for a, b in covered:
        for i in range(a, min(b, len(text))):
            taken[i] = True
    for name in names:
        pos = text.find(name)
        while pos >= 0:
            end = pos + len(name)
            if not any(taken[pos:end]) and (pos == 0 or text[pos - 1] in _BEFORE_REPEATED_NAME
                                            or not _is_cjk(text[pos - 1]) or text[pos - 2 : pos] in _VERBS_BEFORE_NAME
                                            or _patterns()["title"].search(text, max(0, pos - 4), pos)) \
                    and stop_strength(text, end) >= 1:
                spans[pos] = Span(name=name, start=pos, name_start=pos, end=end)
                for i in range(pos, end):
                    taken[i] = True
            pos = text.find(name, end)


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
        if not person.posts and person.name_start in spans and spans[person.name_start] is person:
            del spans[person.name_start]  # 强化责任担当: 任 with no post after it appoints nobody


