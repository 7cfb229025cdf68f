"""People: every person mention with the posts its title chain gives, and posts stated by appointments."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kg.extract.common import (
    COUNT_DIGITS,
    SEPARATORS,
    VERB_AS_NOUN,
    Span,
    _is_cjk,
    _patterns,
    _words,
    before_fillers,
    tribute_words,
)
from kg.extract.names import (
    _REGNAL,
    JOINERS,
    _bare_name_ending_at,
    _country_set,
    _joined_ending_at,
    _list_name,
    _ordinary_word,
    _spelt_first_part,
    best_reading,
    is_han_name,
    is_japanese_name,
    is_joined_name,
    is_name,
    is_syllabic_name,
    is_transliteration,
    name_at,
    never_a_name,
    readings_at,
    stop_strength,
)
from kg.extract.references import _NATIONAL_TITLES
from kg.extract.titles import (
    _FUNCTION_CHARS,
    _ONE_JOINER,
    _STANDALONE_HEADS,
    _SUB_ORGANS,
    TERM,
    _best_title_split,
    _chain_before,
    _strip_sub_organ,
    _title_start,
    _trailing_body,
    _unplaced_body,
    body_before,
    is_body_name,
    marker_before,
    tense_before,
    term_before,
)
from kg.lexicon import Lexicon, alternation, lexicon_lines, load
from kg.model import (
    PostMention,
)
from kg.normalise import CJK

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
    _members_giving_the_floor(text, spans, lex)
    _marked_people(text, spans, lex)
    _add_appointments(text, spans, lex)
    _named_after_posts(text, spans, lex)
    _listed_before_verbs(text, spans, lex)
    _delegation_heads(text, spans, lex)
    _listed_speakers(text, spans, lex)
    _comrades(text, spans, lex)
    _listed_before_markers(text, spans, lex)
    _headline_subjects(text, headline_end, spans, lex)
    _foreign_speakers(text, spans, lex)
    for pos in [pos for pos, span in spans.items() if never_a_name(span.name, lex)]:
        del spans[pos]  # (乌克兰议会…, 沙特国王: whatever path read it, a country is no person)
    _trim_adverbs_after_names(text, spans)
    _propagate_names(text, spans)
    return sorted(spans.values(), key=lambda s: s.name_start)


def _trim_adverbs_after_names(text: str, spans: dict[int, Span]) -> None:
    """普京则表示, 蒂勒森后来, 王勇以…身份: a reading that ends with an adverb or preposition (adverbs_after_names.txt)
    is the name the article gives elsewhere without it (普京, or the last part of 弗拉基米尔·普京), or the name inside
    a 在…后/在…时 frame (萨利希在会见…总干事费卢塔后表示)."""
    names = {s.name for s in spans.values()}
    known = names | {part for name in names for part in re.split(f"[{re.escape(JOINERS)}]", name) if len(part) >= 2}
    for span in spans.values():
        if len(span.name) >= 3 and span.name[-1] in _adverbs_after_names() \
                and span.end == span.name_start + len(span.name) \
                and (span.name[:-1] in known or _closes_a_frame(text, span)):
            span.name = span.name[:-1]
            span.end -= 1


_FRAME_OPENING = re.compile(r"在[^，。；：“”]*$")
_FRAME_CLOSING = re.compile(r"[，,]|表示|说|指出|强调|称|宣布|介绍")


def _closes_a_frame(text: str, span: Span) -> bool:
    """在会见到访的…总干事费卢塔后表示: the name's last character (后, 时) closes a 在 opened earlier in its clause."""
    return span.name[-1] in "后时" and bool(_FRAME_CLOSING.match(text, span.end)) \
        and bool(_FRAME_OPENING.search(text, max(0, span.start - 40), span.start))  # (在创始人宗庆后的带领下: no)


@lru_cache(maxsize=1)
def _adverbs_after_names() -> frozenset[str]:
    return frozenset(lexicon_lines("adverbs_after_names.txt"))


@lru_cache(maxsize=1)
def _speaker_opening() -> re.Pattern[str]:
    """A sentence that opens with a name and a speech verb (内塔尼亚胡表示，… / 劳尔说：…)."""
    verbs = alternation(set(load().speech_verbs))
    return re.compile(f"(?:^|(?<=[。！？\n]))([{CJK}·]{{2,8}}?)(?:{verbs})[，,：:]")


def _foreign_speakers(text: str, spans: dict[int, Span], lex: Lexicon) -> None:
    """内塔尼亚胡表示，以中关系…: a sentence that opens with a name spelt in transliteration characters and a speech
    verb is a foreign speaker, where no title gave his name (两国总理举行会谈。…内塔尼亚胡表示); never a side (欧方),
    a word, a place, or a part of a longer name the article gives (劳尔 of 劳尔·卡斯特罗)."""
    known = {s.name for s in spans.values()}
    for match in _speaker_opening().finditer(text):
        name, start = match.group(1), match.start(1)
        if start in spans or name in known or name.endswith("方") \
                or not is_transliteration(name.replace("·", ""), lex) \
                or lex.common_words.get(name) is not None or never_a_name(name, lex) \
                or any(name in other for other in known) or not is_name(name, lex, strong_stop=True, foreign=True) \
                or _patterns()["title"].search(name) or _country_start().match(name):
            continue  # (阿曼苏丹卡布斯表示: a country and a title run into the name)
        spans[start] = Span(name=name, start=start, name_start=start, end=start + len(name))
        known.add(name)


_ALSO_PRESENT = re.compile(r"(?:出席|参加|列席|陪同|推选为|当选为)[^。；，]{0,20}?的[^，。；：]{0,6}?还有[：:]?"
                           r"|陪同(?:考察|调研|视察|参观|出访|访问)?的")  # 陪同考察的王沪宁、汪洋、栗战书


@lru_cache(maxsize=1)
def _person_markers() -> re.Pattern[str]:
    """person_markers.txt as one pattern, built once (it was the build's costliest line but two)."""
    return re.compile(alternation(set(load().person_markers)))


def _marked_people(text: str, spans: dict[int, Span], lex: Lexicon) -> None:
    """Names after words that are no post (夫人程虹, 专家学者陈义龙、李洪法, 旗手周洋) or after the words that list
    who else was there (参加座谈会的党外人士还有陈某某、罗某某等): mentions without a post."""
    pats = _patterns()
    markers = [*_person_markers().finditer(text), *_ALSO_PRESENT.finditer(text)]
    for marker in sorted(markers, key=lambda m: m.start()):
        if len(marker.group(0)) == 2 and marker.start() > 0 \
                and text[marker.start() - 1 : marker.start() + 1] in lex.common_words:
            continue  # 妇女儿童事业: the two-character marker 女儿 straddles two words (大学生代表 is no such case)
        pos = marker.end()
        first = True
        while pos < len(text) and pos not in spans:
            shaped = [r for r in readings_at(text, pos, lex=lex) if r.shaped]  # 专家学者作协商发言: no name
            name = best_reading(text, pos, shaped)
            if not name or pats["title"].match(text, pos) or _ordinary_word(lex.common_words.get(name)) \
                    or (first and _TOWARDS_MARKER.search(text, max(0, marker.start() - 8), marker.start())
                        and _tribute_after().match(text, pos + len(name))):
                break  # 烈士家属, 英雄连队; 向红军烈士纪念塔敬献花篮: the marker's noun, no name
            # the first name's mention starts at its marker, so a list walked from the left reaches across it (and
            # across what the marker's group is: 、种粮大户代表程夕兵 starts at 种粮)
            start = _group_before_marker(text, marker.start(), lex) if first else pos
            spans[pos] = Span(name=name, start=start, name_start=pos, end=pos + len(name))
            first = False
            pos += len(name)
            if pos >= len(text) or text[pos] not in "、和及":
                break
            pos += 1


_TOWARDS_MARKER = re.compile(r"向[^，。；、]{0,8}$")  # 向红军|烈士纪念塔敬献花篮: what a tribute is paid to


@lru_cache(maxsize=1)
def _tribute_after() -> re.Pattern[str]:
    """A tribute (tributes.txt) right after the name (向院士王国华颁发证书: a person given something, not this)."""
    return re.compile(alternation(tribute_words()))


def _group_before_marker(text: str, start: int, lex: Lexicon) -> int:
    """Where a list item opened by a group before its marker starts (、大包干带头人代表严俊昌: at 大包干): right after
    the list's 、 when a short run of plain words stands between; else the marker itself."""
    sep = text.rfind("、", max(0, start - 8), start)
    run = text[sep + 1 : start] if sep >= 0 else ""
    if not run or re.search(f"[^{CJK}]|[到了的是把被将让在等及和与]", run) or _patterns()["role"].search(run) \
            or any(v in run for v in (*lex.encounter_verbs, *lex.inspection_verbs)):
        return start
    return sep + 1


def _listed_before_verbs(text: str, spans: dict[int, Span], lex: Lexicon) -> None:
    """Names without a title in a list closed by a role verb (王毅、何立峰参加上述活动; 肖捷出席会议)."""
    by_end = {s.end for s in spans.values()}
    for verb in _patterns()["role"].finditer(text):
        if text.startswith(VERB_AS_NOUN, verb.end()):
            continue  # 白宫发言人: the verb is part of a noun
        end = before_fillers(text, verb.start())
        while end > 0 and end not in by_end:
            name = _bare_name_ending_at(text, end, lex) \
                or (_foreign_partner_ending_at(text, end, lex) if verb.group(0).startswith("共同主持") else None)
            if not name:
                break
            start = end - len(name)
            spans[start] = Span(name=name, start=start, name_start=start, end=end)
            # (马凯、王勇以及万钢出席: 以及 joins as one word, no name 王勇以)
            joiner = next((j for j in _LIST_JOINERS if text.endswith(j, 0, start)), None)
            if start < 1 or joiner is None:
                break
            end = start - len(joiner)


_LIST_JOINERS = ("以及", "、", "和", "及", "与")  # longest first


@lru_cache(maxsize=1)
def _delegation_head() -> re.Pattern[str]:
    """delegation_heads.txt: the verb, an optional 了, a bare name, and the words that open the group it heads."""
    words: dict[str, list[str]] = {"before": [], "after": []}
    for line in lexicon_lines("delegation_heads.txt"):
        kind, word = line.split("\t")
        words[kind].append(word)
    before = alternation(words["before"])
    return re.compile(f"(?:{before})了?(?:{before})?([{CJK}·]{{2,12}}?)(?={alternation(words['after'])})")


def _delegation_heads(text: str, spans: dict[int, Span], lex: Lexicon) -> None:
    """会见了饶颖奇率领的台湾民意代表交流参访团: the guest who heads the group, though no title names him."""
    for match in _delegation_head().finditer(text):
        start, end = match.span(1)
        if start in spans or any(s.start <= start < s.end for s in spans.values()):
            continue
        probe = "，" + text[start:]  # the verb before the name is its left edge, as punctuation would be
        if _bare_name_ending_at(probe, end - start + 1, lex) == match.group(1):
            name = match.group(1)
            spans[start] = Span(name=name, start=start, name_start=start, end=end)


def _foreign_partner_ending_at(text: str, end: int, lex: Lexicon) -> str | None:
    """温家宝与梅德韦杰夫共同主持: a transliterated name no title introduces, listed after a Han name the list reads
    (与, 和, 、 between them): the co-chair (only before 共同主持: before 共同出席 the partner of a talk the report told
    may be read as its guest)."""
    start = end
    while start > 0 and end - start < 12 and (text[start - 1] in lex.transliteration or text[start - 1] in "·-"):
        start -= 1
    name = text[start:end]
    if len(name) < 3 or start < 3 or text[start - 1] not in "、和及与" \
            or not is_transliteration(name.replace("·", ""), lex):
        return None
    return name if _bare_name_ending_at(text, start - 1, lex) else None


@lru_cache(maxsize=1)
def _floor_pattern() -> re.Pattern[str]:
    """A list of three names or more, then 等, a topic clause and a speech (floor_topics.txt)."""
    lines = [line.split("\t") for line in lexicon_lines("floor_topics.txt")]
    leads = alternation({word for kind, word in lines if kind == "lead"})
    closes = alternation({word for kind, word in lines if kind == "close"})
    item = f"[{CJK}·]{{2,12}}?"
    count = f"(?:[{COUNT_DIGITS}]+(?:位|名))?(?:代表|委员|同志|人)?"  # 等8位代表
    return re.compile(f"(?<=[，。：；\n])(?P<names>{item}(?:、{item}){{2,}}(?:(?:和|及){item})?)(?:等{count}[，,]?)?"
                      f"(?:还|也|都|又|则)?(?:{leads})[^。；]{{2,160}}?(?:{closes})")  # (宁吉喆还就: 还 is no name's)


def speaker_lists(text: str) -> list[tuple[int, int]]:
    """Where bare names are given the floor as a list (万鄂湘、张宝文、陈昌智和胡四一着重就…发言): (start, end) of
    each list."""
    return [(m.start("names"), m.end("names")) for m in _floor_pattern().finditer(text)]


def _listed_speakers(text: str, spans: dict[int, Span], lex: Lexicon) -> None:
    """Bare names a report lists as speakers: each item a Han, minority or joined name, else the list is no list of
    people (城镇化、教育、医疗等就…) and nothing is read."""
    for start, end in speaker_lists(text):
        items, pos = [], start
        for part in text[start:end].split("、"):
            items.append((pos, part))
            pos += len(part) + 1
        at, last = items[-1]
        joined = re.fullmatch(r"(.{2,}?)(?:和|及)(.{2,})", last)  # 陈昌智和胡四一 (but 罗富和 alone is one name)
        if joined:
            items[-1:] = [(at, joined.group(1)), (at + joined.start(2), joined.group(2))]
        known = {s.name for s in spans.values()}
        shaped = [part in known or is_joined_name(part) or is_syllabic_name(part, lex)
                  or (is_han_name(part, lex) and len(part) <= 3 and lex.common_words.get(part) is None)
                  for _, part in items]
        # every item a name of a known shape, or (杨初格西 among Han names) most of them, the rest short and no word
        plausible = all(ok or (len(part) <= 4 and lex.common_words.get(part) is None
                               and (part[0] in lex.surnames or not _words_inside(part, lex)))
                        for ok, (_, part) in zip(shaped, items, strict=True))
        if not (all(shaped) or (plausible and sum(shaped) * 3 >= len(items) * 2)):
            continue
        for at, part in items:
            if at not in spans and not any(s.name_start <= at < s.end for s in spans.values()):
                spans[at] = Span(name=part, start=at, name_start=at, end=at + len(part))


def _words_inside(part: str, lex: Lexicon) -> bool:
    """城镇化建设: a run made of dictionary words of two characters or more is no name."""
    return any(len(w) >= 2 and lex.common_words.get(w) is not None for w in _words(part))


def _headline_subjects(text: str, headline_end: int, spans: dict[int, Span], lex: Lexicon) -> None:
    """Headlines are telegraphic (李克强会见希腊总理, 王岐山在广东调研): a Han name opening the headline or one of its
    clauses, closed by a verb or 在/同, is the subject."""
    starts = [0] + [i + 1 for i in range(headline_end) if text[i] in " 　，：:|"]
    known = {s.name for s in spans.values()}
    for start in starts:
        if start in spans or start >= headline_end:
            continue
        run = start
        while run < headline_end and text[run] in lex.transliteration:
            run += 1
        whole = text[start:run]
        if len(whole) >= 4 and stop_strength(text, run) >= 1 and text.find(whole, headline_end) >= 0 \
                and is_transliteration(whole, lex) and whole not in lex.countries:  # (…访问吉尔吉斯斯坦 塔吉克斯坦)
            # 施泰因迈尔当选德国新任总统: a transliteration the body repeats, not the Han name 施泰因
            spans[start] = Span(name=whole, start=start, name_start=start, end=run)
            continue
        shaped = [r for r in readings_at(text, start, after_title=False, lex=lex) if r.shaped and r.strength >= 1]
        name = best_reading(text, start, shaped)
        closed = next((r.strength for r in shaped if r.name == name), 0)
        if name and closed >= 4 and name not in known and not _acts_in_body(text, name, headline_end):
            continue  # 爱国心 强军梦 书写…: a phrase set apart by spaces, which the body never makes a subject
            # (实现强军梦的; but 吴亚琴 马善祥被授予… / 吴亚琴是…)
        # the subject is named again in the text (关注埃及局势 names nobody: 关注埃 is no person)
        if name and start + len(name) <= headline_end and is_han_name(name, lex) \
                and text.find(name, headline_end) >= 0 \
                and not any(text[start : start + len(name) + k] in lex.common_words for k in (1, 2)) \
                and not _cuts_the_next_word(text, start, name):
            # (全力以赴把…: the name would cut a dictionary word in two; 卢布汇率连续大跌: two words, 卢布|汇率)
            spans[start] = Span(name=name, start=start, name_start=start, end=start + len(name))


def _acts_in_body(text: str, name: str, headline_end: int) -> bool:
    """Does the body write ``name`` as a name somewhere, not only as the noun before 的 (陈立群从教近40年, 梁斗兴生前是;
    not 实现强军梦的)?"""
    at = text.find(name, headline_end)
    while at >= 0:
        if not text.startswith("的", at + len(name)):
            return True
        at = text.find(name, at + 1)
    return False


def _cuts_the_next_word(text: str, start: int, name: str) -> bool:
    """卢布汇率连续大跌: jieba reads a two-character word, then a word the three-character name would end inside."""
    words = _words(text[start : start + 8])
    return len(name) == 3 and len(words) >= 2 and len(words[0]) == 2 and len(words[1]) >= 2


_COMRADE_LEFT = set("以向和与同及对由为，。、；：“（ ")
_COMRADE = re.compile(f"([{CJK}]{{2,4}})同志")


def _comrades(text: str, spans: dict[int, Span], lex: Lexicon) -> None:
    """以习近平同志为核心的党中央, 向刘某某同志学习: a Han name right before 同志 is a person."""
    taken = {i for s in spans.values() for i in range(s.name_start, s.end)}
    for match in _COMRADE.finditer(text):
        if match.start(1) > 0 and text[match.start(1) - 1] in JOINERS:
            # 司马义·艾买提同志逝世: the last part of a joined name; the whole name, where the article gives it, or
            # one whose first part is spelt in transliteration characters after a clean edge (主席和菲德尔·卡斯特罗同志)
            joined = next((n for n in sorted({s.name for s in spans.values()}, key=len, reverse=True)
                           if n[-len(match.group(1)) - 1 :] == text[match.start(1) - 1 : match.end(1)]
                           and text.endswith(n, 0, match.end(1))), None) \
                or _spelt_joined_name_ending_at(text, match.end(1), lex)
            start = match.end(1) - len(joined) if joined else -1
            if joined and not any(i in taken for i in range(start, match.end(1))):
                spans[start] = Span(name=joined, start=start, name_start=start, end=match.end(1))
            continue
        for start in range(match.start(1), match.end(1) - 1):
            name = text[start : match.end(1)]
            if start in taken or not is_han_name(name, lex) or lex.common_words.get(name) is not None \
                    or text[start] in _COMRADE_LEFT:
                continue  # 向李鹏同志: 向 is the preposition, the name is 李鹏
            if start == 0 or text[start - 1] in _COMRADE_LEFT or not _is_cjk(text[start - 1]) \
                    or text[max(0, start - 2) : start] in lex.verbs_before_name:  # 重温邓小平同志关于…
                spans[start] = Span(name=name, start=start, name_start=start, end=match.end(1))
            break


def _spelt_joined_name_ending_at(text: str, end: int, lex: Lexicon) -> str | None:
    """菲德尔·卡斯特罗 before ``end``: a joined name whose first part is a run of transliteration characters, with
    nothing before it but an edge a name may follow (不负菲德尔·…, 沉痛悼念司马义·…: a verb, no name read)."""
    token = _joined_ending_at(text, end)
    # the longest tail of the run whose first part is spelt in transliteration characters
    start = next((i for i in range(end - len(token), end) if _spelt_first_part(text[i:end], lex)), None) \
        if token else None
    if start is None or not (start == 0 or text[start - 1] in _COMRADE_LEFT or not _is_cjk(text[start - 1])):
        return None
    return text[start:end] if is_joined_name(text[start:end]) else None


_COUNT = f"[{COUNT_DIGITS}]+[位名]"


@lru_cache(maxsize=1)
def _counted_members() -> re.Pattern[str]:
    """五位全国政协委员: a count and a member's title (member_titles.txt)."""
    return re.compile(f"{_COUNT}[{CJK}]{{0,8}}?(?:{alternation(set(MEMBER_TITLES))})")


@lru_cache(maxsize=2)
def _list_before_marker(counted: bool = False) -> re.Pattern[str]:
    """叶铭汉、方守贤、陈森玉3位院士 / 姚洋、高善文、刘洪玉等专家: Han names listed before a count or 等 and a person
    marker (person_markers.txt); ``counted``: before a count and a member's title (厉以宁、陈锡文、…钱颖一五位全国政协
    委员). The last name takes all three characters it can, so 钱颖一五位 is 钱颖一 and 五位."""
    items = f"(?P<items>(?:[{CJK}]{{2,3}}、)+(?:(?!等)[{CJK}]){{2,3}})"
    if counted:
        return re.compile(items + _counted_members().pattern)
    # (胡锦涛、习近平、…张高丽等同志，前往医院看望或…: 等同志 closes a list of leaders whatever verb follows)
    return re.compile(f"{items}(?:(?:等)?(?:{_COUNT})?(?:{_person_markers().pattern})|等同志)")


@lru_cache(maxsize=1)
def _marker_cue() -> re.Pattern[str]:
    """A person marker, or 等同志 closing a list of leaders: the text may hold a list before a marker."""
    return re.compile(f"{_person_markers().pattern}|等同志")


def _listed_before_markers(text: str, spans: dict[int, Span], lex: Lexicon) -> None:
    """Each item of a list of two or more Han names closed by a person marker, or by a count and a member's title, is
    a person (no post: the marker is none, the title is the group's), when every item reads as a name and none is a
    dictionary word."""
    if "、" not in text:
        return
    # (the list's pattern is costly; most texts hold no marker and no count of members)
    cues = ((False, _marker_cue()), (True, _counted_members()))
    patterns = [_list_before_marker(counted) for counted, cue in cues if cue.search(text)]
    taken = {i for s in spans.values() for i in range(s.start, s.end)}
    for match in (m for pattern in patterns for m in pattern.finditer(text)):
        items, pos, found = match.group("items").split("、"), match.start("items"), []
        first = next((items[0][k:] for k in range(len(items[0]) - 1) if is_han_name(items[0][k:], lex)), None)
        if first and first != items[0]:  # 邀请王明、李强…: the list starts after the verb
            pos += len(items[0]) - len(first)
            items[0] = first
        comrades = match.group(0).endswith("等同志")  # (温家宝, 江泽民: 温家 and 江泽 are words, the names are not)
        for item in items:
            if not is_han_name(item, lex) or lex.common_words.get(item) is not None \
                    or (len(item) == 3 and lex.common_words.get(item[:2]) is not None and not comrades):
                break  # (高善文: a given name may be a word; 发展、改革: the surname's character opens a word)
            found.append((pos, item))
            pos += len(item) + 1
        if len(found) < 2 or len(found) < len(items):
            continue
        for start, name in found:
            if not taken.intersection(range(start, start + len(name))):
                spans[start] = Span(name=name, start=start, name_start=start, end=start + len(name))


_LEADER = "领导人"


@lru_cache(maxsize=1)
def _leader_groups() -> tuple[str, ...]:
    """leader_groups.txt: what 领导人 must follow to be a title (民主党领导人阿披实, 台湾地区领导人马英九)."""
    return tuple(lexicon_lines("leader_groups.txt"))


def _titled_people(text: str, lex: Lexicon, confirmed: frozenset[str]) -> tuple[dict[int, Span], bool]:
    """Mentions read after a title chain, and whether any name could be read in more than one way."""
    pats = _patterns()
    spans: dict[int, Span] = {}
    last_body: str | None = None
    ambiguous = False
    previous: Span | None = None  # the last span read, ending before the next title (titles come in text order)
    for match in pats["title"].finditer(text):
        title, t_start, t_end = match.group(0), match.start(), match.end()
        if title == _LEADER and not text.endswith(_leader_groups(), 0, t_start):
            continue  # 两国领导人边走边谈, 各国领导人云集纽约: leaders in general, no one named
        name_from = t_end
        if text[t_end : t_end + 1] in (" ", "\u3000") and t_end + 1 < len(text) and _is_cjk(text[t_end + 1]) \
                and text[t_end + 1 : t_end + 2] not in SEPARATORS:
            name_from = t_end + 1  # 蒙古国总理 阿勒坦呼雅格 (lists laid out with spaces): one space before the name
        if text.startswith("的", t_end) and text.startswith(("时任", "曾任", "原任"), _clause_start(text, t_start)):
            name_from = t_end + 1  # 时任福州市委书记的习近平: the former post, then 的, then the name
        # no name can follow (…主席台, 部长们…): skip the title before reading its chain, the costly part
        widest = readings_at(text, name_from, foreign=True, lex=lex, confirmed=confirmed)
        if not widest and not name_at(text, name_from, lex, True):
            continue
        floor = previous.end if previous and previous.end <= t_start else 0
        title, t_start = _best_title_split(text, title, t_start, lex, floor)
        inside_country = _country_end().search(text, max(0, t_start - 8), t_end)
        if _title_inside_word(text, title, t_end, lex) or (inside_country and inside_country.start() < t_start) \
                or _country_end().search(text, max(0, t_start - 8), t_start + 1):
            continue  # (泰国王宫: 国 ends the country's name, 国王 is no title here; 南苏丹朱巴: 苏丹 ends a country's)
        chain = _chain_before(text, t_start, title, lex, floor)
        joined_to = previous if previous and text[previous.end : chain[0][0]] in ("和", "、", "及", "与") else None
        country = next((c for p in (joined_to.posts if joined_to else []) if (c := _country_of(p.body, lex))), None)
        posts, last_body = _chain_posts(text, chain, lex, floor, _members_body(text, chain[0][0], lex) or last_body,
                                        country)
        if joined_to and text[joined_to.end : chain[0][0]] == "、":
            posts = _placed_by_list(joined_to.posts, posts, lex)
        if joined_to:
            posts = _placed_by_level(joined_to.posts, posts)
        foreign = _is_foreign(posts, lex)
        # (the foreign reading is the widest one, read already)
        readings = (widest if foreign else readings_at(text, name_from, foreign=False, lex=lex, confirmed=confirmed)) \
            or [r for r in widest if len(r.name) >= 4 and is_transliteration(r.name.replace("·", ""), lex)]
        # (负责反恐事务的副秘书长沃龙科夫8日: no country says foreign, but only a foreign reading closes the name)
        ambiguous = ambiguous or len(readings) > 1
        if foreign:
            readings = _spelt_readings(readings, lex)
        name = best_reading(text, name_from, readings, confirmed) if readings else name_at(text, name_from, lex, True)
        if title == _LEADER and text.rfind("《", 0, t_start) > text.rfind("》", 0, t_start):
            continue  # 《…亚太经合组织领导人宣言》: a document's title, no one named 宣言
        if name and len(name) == 2 and name[0] in "和与同及" and name[1] in lex.surnames \
                and pats["title"].match(text, name_from + 2):
            continue  # 奥巴马总统和习主席: 和, then a leader's surname and his short title (习主席), no name 和习
        if not name or _noun_after_bare_title(name, posts, lex, confirmed) \
                or _title_runs_into_words(text, title, name_from, name, lex, confirmed):
            continue
        span = Span(name=name, start=chain[0][0], name_start=name_from, end=name_from + len(name), posts=posts)
        spans[span.name_start] = previous = span
        # a title shared by a list: 县政协副主席陆海涛、冯雪、程亮
        pos = _past_note(text, span.end)
        followers: list[Span] = []
        # 副总理科扎克、戈利科娃、阿基莫夫等: after a transliterated name, the list is of foreign names
        foreign_list = foreign or (len(name) >= 3 and is_transliteration(name.replace("·", ""), lex))
        while pos < len(text) and text[pos] in "、和及":
            nxt = name_at(text, pos + 1, lex, after_title=True, foreign=foreign_list, confirmed=confirmed) \
                or _item_between_names(text, pos, lex, foreign_list, confirmed)
            if not nxt or pats["title"].match(text, pos + 1) or _own_title_follows(text, pos + 1 + len(nxt)) \
                    or _country_start().match(text, pos + 1) \
                    or (nxt not in confirmed and lex.common_words.get(nxt) in ("n", "vn", "an")):
                break  # 主任潘云鹤、文史和学习委员会主任王太华: the next item has a title of its own; or a country
            follower = Span(name=nxt, start=pos + 1, name_start=pos + 1, end=pos + 1 + len(nxt), posts=list(posts))
            spans[follower.name_start] = previous = follower
            followers.append(follower)
            pos = _past_note(text, follower.end)
        if _COUNTED_GROUP.match(text, pos):
            for follower in followers:  # 主任何立峰、厉以宁等五位全国政协委员: the count names what the others are
                follower.posts = []
    return spans, ambiguous


_HOLDER_NOTE = re.compile(r"（[^（）、，。]{1,8}）")  # 严隽琪（女）、向巴平措（藏族）、王晨（兼）: who the holder is


def _past_note(text: str, pos: int) -> int:
    """After a listed name, past the note that says who the holder is, so the list goes on after it."""
    note = _HOLDER_NOTE.match(text, pos)
    return note.end() if note and text[note.end() : note.end() + 1] in ("、", "和", "及") else pos


_COUNTED_GROUP = re.compile(f"等[{COUNT_DIGITS}]+(?:位|名)")
_LIST_ITEM_RUN = re.compile(f"[{CJK}]{{2,5}}(?=、)")


def _spelt_readings(readings: list, lex: Lexicon) -> list:
    """After a foreign title, a reading that adds a character no transliteration spells to a transliterated one closed
    by a firm stop swallowed that stop (美国副总统彭斯称，: 彭斯, though 彭斯称 has a Han name's shape)."""
    spelt = {r.name for r in readings if r.strength >= 2 and len(r.name) >= 2 and is_transliteration(r.name, lex)}
    return [r for r in readings if not (r.name[:-1] in spelt and r.name[-1] not in lex.transliteration)] or readings


def _item_between_names(text: str, sep: int, lex: Lexicon, foreign: bool, confirmed: frozenset[str]) -> str | None:
    """副委员长王兆国、路甬祥、乌云其木格、韩启德: an item the name rules do not know, set between 、 and 、 in a titled
    list whose next item is a name, is a name too (a rare minority or foreign name, not words: 阿富汗首席执行官
    阿卜杜拉、政府官员、商界代表); the list goes on past it."""
    item = _LIST_ITEM_RUN.match(text, sep + 1) if text[sep] == "、" else None
    if not item or lex.common_words.get(item.group(0)) is not None or _patterns()["title"].search(item.group(0)) \
            or not (is_syllabic_name(item.group(0), lex) or is_transliteration(item.group(0), lex)
                    or not _words_inside(item.group(0), lex)) \
            or any(stop_strength(text, i) for i in range(item.start() + 1, item.end())) \
            or _country_start().match(item.group(0)):
        return None
    after = item.end() + 1
    return item.group(0) if name_at(text, after, lex, after_title=True, foreign=foreign, confirmed=confirmed) else None


MEMBERS_LISTED = re.compile(r"(?:组成人员|成员|领导班子)[。；，]?(?:他们|名单)?(?:是|为|如下)[：:]")


def _members_body(text: str, pos: int, lex: Lexicon) -> str | None:
    """…任命了澳门特别行政区基本法委员会组成人员。他们是：主任甲，副主任乙: the bare titles of the list are posts of the
    body whose members it lists (a term's ordinal, 第五任, is no part of its name)."""
    window = text[max(0, pos - 120) : pos]
    found = list(MEMBERS_LISTED.finditer(window))
    if not found or "。" in window[found[-1].end() :]:
        return None
    end = max(0, pos - 120) + found[-1].start()
    body = body_before(text, end, lex)
    return re.sub(r"^第[一二三四五六七八九十百\d]+任", "", body) if body else None


def _placed_by_level(before: list[PostMention], posts: list[PostMention]) -> list[PostMention]:
    """湖北省委书记甲和省长乙: a government head named after a party secretary of the same place heads that place
    (湖北省 + 省长 -> 湖北省长, body 湖北省)."""
    first = next((p.body for p in before if p.body), None)
    if not first:
        return posts
    out = []
    for post in posts:
        level = post.title.removeprefix("副").removeprefix("常务副")[:1]
        place = re.match(f"(.+?{level})", first) if post.body is None and post.title.endswith(level + "长") \
            and level in "省市县区州旗" else None
        if place and len(place.group(1)) >= 3:
            body = place.group(1)
            label = body[:-1] + post.title if post.title.startswith(level) else body + post.title
            post = replace(post, label=post.term + label, body=body)
        out.append(post)
    return out


def _placed_by_list(before: list[PostMention], posts: list[PostMention], lex: Lexicon) -> list[PostMention]:
    """全国政协经济委员会主任甲、人口资源环境委员会主任乙: a list names its parent body once; an unplaced body of the
    same kind as the first item's (…委员会) belongs to the same parent (全国政协人口资源环境委员会)."""
    first = next((p.body for p in before if p.body), None)
    if not first:
        return posts
    pats = _patterns()
    out = []
    for post in posts:
        body = post.body
        if body and body != first and not pats["place_start"].match(body) and not _NATIONAL_START.match(body) \
                and not _country_of(body, lex) and body not in lex.standalone_bodies:
            for cut in range(2, len(first) - 3):
                parent, own = first[:cut], first[cut:]
                if pats["body_end"].search(parent) and body.endswith(own[-3:]) \
                        and (pats["place_start"].match(parent) or _NATIONAL_START.match(parent)):
                    body = parent + body
                    post = replace(post, label=post.term + body + post.title, body=body)
                    break
        out.append(post)
    return out


_NATIONAL_START = re.compile("中共|中央|全国|国家|国务院|中国")
_CENTRAL_DEPARTMENT = re.compile("中.部")  # 中宣部, 中组部, 中联部: the central departments by their short names
_LEADING_ORGANS = ("政治局", "书记处", "政治局常委会")  # 政治局委员、中宣部部长: the Politburo has no departments


def _own_title_follows(text: str, pos: int) -> bool:
    """A title before the item's end (the next 、，。；), other than one a joiner opens (冯雪及秘书长程亮): the run read
    as a name opens a titled item of its own (潘云鹤、文史和学习委员会主任王太华)."""
    if text.startswith(JOINED_BY, pos):
        return False  # 乌兰和区政府办主任陶伟民: the joiner closes the name, a new item follows
    end = min((i for i in (text.find(ch, pos) for ch in "、，。；") if i >= 0), default=len(text))
    lex = load()
    return any(not _title_inside_word(text, m.group(0), m.end(), lex) and text[pos : m.start()] not in JOINED_BY
               and _body_like_run(text[pos : m.start()])
               for m in _patterns()["title"].finditer(text, pos, end))


def _body_like_run(run: str) -> bool:
    """文史和学习委员会 may be a body before a title; 对委员工作室 (a preposition, a clause) is not."""
    return not any(ch in _FUNCTION_CHARS for ch in _ONE_JOINER.sub("", run, count=1))


JOINED_BY = ("和", "及", "与", "以及")


def _noun_after_bare_title(name: str, posts: list[PostMention], lex: Lexicon, confirmed: frozenset[str]) -> bool:
    """扩张总统权力, 外长陆续抵达, 习主席曾经表示: an ordinary word after a title no body places is the title's object
    or the clause's adverb, not its holder (a name the article confirms elsewhere, or one after a placed title,
    副区长乌兰, 驻东盟大使徐步, still is a name)."""
    tag = lex.common_words.get(name)
    return name not in confirmed and all(not p.body for p in posts) and (tag == "nz" or _ordinary_word(tag))


def _title_runs_into_words(text: str, title: str, name_from: int, name: str, lex: Lexicon,
                           confirmed: frozenset[str]) -> bool:
    """重庆市长江上游, 新华社长篇通讯, 美国大公司纷纷: the title's last character and the name's first make a word
    (长江, 长篇, 公司) and the rest is no given name: a place or direction word (上游, 沿岸), a word after no family
    name (篇通讯), or an ordinary word after a foreign title, where a transliterated name belongs (大公 司纷纷). Words
    are given names too (县长江国庆, 主任何振兴, 局长安新民), so a word alone proves nothing; a name the article
    confirms elsewhere stays a name."""
    rest = name[1:]
    if name in confirmed or len(rest) < 2 or "·" in name or title[-1] + name[0] not in lex.common_words \
            or not text.endswith(title, 0, name_from):
        return False
    tag = lex.common_words.get(rest) or ""
    if tag[:1] in ("f", "s") or title[-1] + name in lex.common_words:
        return True  # 市长江上游, 市长江流域
    if tag == "nz" and name[0] not in lex.surnames:
        return True  # 社长篇通讯
    return title in lex.foreign_titles and _ordinary_word(tag or None) and not is_transliteration(name, lex)


def _clause_start(text: str, t_start: int) -> int:
    """Where the clause holding a title starts (after the last punctuation): 时任 stands there if anywhere."""
    return max(text.rfind(ch, 0, t_start) for ch in "，。；：、") + 1


def _title_inside_word(text: str, title: str, t_end: int, lex: Lexicon) -> bool:
    """委员会, 主席台, 书记处, 主席会议: the title is part of another word, not a title before a name; 福建省长乐市,
    湖南省长沙县: a place's 省 and the next place's first character."""
    t_start = t_end - len(title)
    if title[-1] == "长" and title[0] in "省市县区州" and t_start > 0 and _is_cjk(text[t_start - 1]) \
            and _NEXT_PLACE.match(text, t_end):
        return True
    before = text[max(0, t_start - 8) : t_start].removesuffix("副")
    if title.lstrip("副") in _titles_after_a_country() \
            and not (_country_end().search(before) or before[-1:] in _country_initials()):
        return True  # 国内外相关技术, 红外相机: no 外相 (日本外相岸田文雄, 朝鲜副外相崔善姬, 日外相)
    if text.startswith("会", t_end) and title.endswith(("委员", "常委")):
        return True  # 委员会, 常委会 are bodies, not titles
    if text.startswith(("职务", "职位", "一职"), t_end):
        return False  # 免去某某的司法部部长职务: the title, then the word for a post
    if any(text[t_end - 2 : t_end + k] in lex.common_words for k in (1, 2)) \
            and text[t_end : t_end + 2] not in lex.compound_surnames:
        return True  # 主席台, 书记处 (but 主席令狐某: a compound surname)
    return text.startswith(("会议", "会上", "办公会", "扩大会"), t_end)  # 县政协十届十二次主席会议


@lru_cache(maxsize=1)
def _titles_after_a_country() -> frozenset[str]:
    """titles_after_a_country.txt: titles that are titles only with their country right before them."""
    return frozenset(lexicon_lines("titles_after_a_country.txt"))


_NEXT_PLACE = re.compile(f"[{CJK}]{{1,2}}?[市县区镇乡]")


def _chain_posts(text: str, chain: list[tuple[int, str | None, str]], lex: Lexicon, floor: int,
                 last_body: str | None, country: str | None = None) -> tuple[list[PostMention], str | None]:
    """The posts of a title chain, each with its body restored; and the body the next chain may borrow.

    A country named once serves the whole chain (柬埔寨人民党主席、参议院主席 -> 柬埔寨参议院主席; 莱索托…党领袖、首相
    -> 莱索托首相), and a list joined by 和 (美国副总统拜登和国务卿克里 -> 美国国务卿): ``country`` is the one the
    list gave before this chain."""
    posts: list[PostMention] = []
    prev_body: str | None = None
    titled_body: str | None = None  # the body the previous title names itself (国务院 of 国务院总理)
    prev_term = ""
    tense = tense_before(text, chain[0][0])
    for item_start, body, item_title in chain:
        after_titled, titled_body = titled_body, None if body else _body_in_title(item_title, lex)
        title_at = _title_start(text, item_start, item_title)
        own_term = term_before(text, item_start, floor)  # 十二届全国政协副主席: the term opens the item
        prev_term = own_term or (prev_term if body is None and item_title in lex.bare_titles else "")
        term = prev_term
        marker = marker_before(text, title_at, item_start + 1) if body else None
        item_tense = marker[1] if marker and marker[1] != "current" else tense  # 美国前国务卿: past
        # 香港特别行政区候任行政长官: an elect keeps the word in the post's name until the day it is taken up
        elect = marker[0] if marker and marker[1] == "elect" and body else ""
        if body is None:
            run = _unplaced_body(text, title_at, item_title, floor)
            if run:
                # 统战部部长 after 县委常委: the chain's body places it; 机关党委书记 first in its chain: the
                # body named last in the article does (某某发展改革委…、机关党委书记)
                placed_by = prev_body or (last_body if run.startswith(_SUB_ORGANS) else None)
                if placed_by and (placed_by.endswith(_GROUP_BODY_ENDINGS) or _NATIONAL_START.match(run)
                                  or _CENTRAL_DEPARTMENT.fullmatch(run) or placed_by.endswith(_LEADING_ORGANS)):
                    placed_by = None  # 中央宣讲团成员，财政部部长: a group has no 财政部; 中央代表团 is placed
                parent = re.sub(r"党组$", "", placed_by) if placed_by else None  # 自治区党委 + 统战部
                body = run if run in _STANDALONE_HEADS or not parent else parent + run
        if body is None and not prev_body and title_at > floor and _is_cjk(text[title_at - 1]) \
                and text[title_at - 1] not in SEPARATORS:
            # an unplaced prefix we did not recognise: read it, never borrow a body; the post is labelled by its
            # title alone, like the paper's own short form, and keeps the body it names
            outside = _trailing_body(text[max(floor, title_at - 16) : title_at])
            posts.append(PostMention(label=item_title, title=item_title, body=outside, tense=item_tense))
            # (中国空间技术研究院技术顾问、研究员: the chain's body is that unread prefix, not one named before it)
            last_body = None
            continue
        country = _country_of(body, lex) or _country_of(prev_body, lex) or country  # the chain's own first
        if _side_title(item_title):  # 俄罗斯副总理、…委员会俄方主席: a side's chair names its committee, not its state
            term = term if body else ""
            posts.append(PostMention(label=term + (body or "") + item_title, title=item_title, body=body,
                                     tense=item_tense, term=term))
            prev_body = body or prev_body
            continue
        if body is None and country and (item_title in lex.foreign_titles or item_title in _STATE_TITLES):
            body = country  # 莱索托…党领袖、首相: the state office is the country's, not the party's
        elif body and country and not _country_of(body, lex) and not body.startswith(("中共", "中国")) \
                and not _CHINESE_PLACE.match(body):
            body = country + body  # 柬埔寨人民党主席、参议院主席; 老挝…中央书记处书记、中央纪委书记
        elif body is None and item_title in lex.bare_titles:
            source_body = (after_titled if item_title.startswith("党组") else None) or prev_body or last_body
            body = _strip_sub_organ(source_body, item_title) if source_body else None
        term = term if body else ""
        posts.append(PostMention(label=term + (body or "") + elect + item_title, title=item_title, body=body,
                                 tense=item_tense, term=term))
        prev_body = body or prev_body
    return posts, prev_body or last_body


def _body_in_title(title: str, lex: Lexicon) -> str | None:
    """国务院 of 国务院总理, a title that names its own body: the party group title right after it is that body's
    (国务院总理、党组书记 -> 国务院党组书记, not the chain's first body, 中共中央政治局)."""
    return next((title[:end] for end in range(len(title) - 1, 1, -1) if title[:end] in lex.standalone_bodies), None)


_GROUP_BODY_ENDINGS = tuple(lexicon_lines("group_body_endings.txt"))


def _side_title(title: str) -> bool:
    """中方主席, 俄方主席 (titles.txt): the chair of one side of a joint committee."""
    return len(title) > 3 and title[1] == "方"


def _is_country(body: str, lex: Lexicon) -> bool:
    return _country_of(body, lex) is not None


def _country_of(body: str | None, lex: Lexicon) -> str | None:
    """The foreign country or organisation a body opens with (柬埔寨人民党 -> 柬埔寨), the whole body when it is a
    state's full name (德意志联邦共和国); None for China's own."""
    if not body or body.startswith(("中国", "中华")):
        return None
    found = _country_start().match(body)
    if not found:
        return None
    form = next((f for f in lex.state_forms if body.startswith(f, found.end())), "")
    # 德意志联邦共和国总统…和总理默克尔: the state as the chain wrote it (not 阿根廷共和国方案党: a party's name)
    return body if len(body) == found.end() + len(form) else found.group(0)


@lru_cache(maxsize=1)
def _country_start() -> re.Pattern[str]:
    return re.compile(alternation(set(load().countries)))


@lru_cache(maxsize=1)
def _country_end() -> re.Pattern[str]:
    """A country name ending where a title starts (俄罗斯|副总理), searched in the few characters before it."""
    return re.compile(f"(?:{alternation(set(load().countries))})$")


# a Chinese province, city or county opening a body: no foreign country is prefixed to it
_CHINESE_PLACE = re.compile(f"[{CJK}]{{2,8}}?(?:省|市|自治区|县|区|州|盟|旗)")

# state offices: after a party post in a chain they take the country, not the party (…党领袖、首相)
_STATE_TITLES = {"总理", "副总理", "总统", "副总统", "首相", "议长", "副议长", "外长", "外交部长", "国务卿", "国王",
                 "国家主席", "国家副主席"}


def _is_foreign(posts: list[PostMention], lex: Lexicon) -> bool:
    """A foreign office: a title only foreign countries have (总统), a body of a foreign country or international
    organisation (美国, 联合国, 国际园艺生产者协会)."""
    def abroad(body: str | None) -> bool:
        international = bool(body) and (_is_country(body, lex) or body.startswith(("国际", "世界"))
                                        or _transliterated_place(body, lex))
        return international and not body.startswith("中国")

    return any(p.title in lex.foreign_titles or abroad(p.body) for p in posts)


def _transliterated_place(body: str, lex: Lexicon) -> bool:
    """加利福尼亚州, 洛杉矶市, 巴厘省: a place whose name is spelt in transliteration characters is abroad."""
    place = re.fullmatch(r"(.{3,8}?)(?:州|省|市)", body)
    return bool(place) and is_transliteration(place.group(1), lex)


def _title_ends_at(text: str, pos: int) -> bool:
    window = text[max(0, pos - 8) : pos]
    return any(m.end() == len(window) for m in _patterns()["title"].finditer(window))


@lru_cache(maxsize=1)
def _before_foreign_names() -> frozenset[str]:
    return frozenset(lexicon_lines("before_foreign_names.txt"))


def _named_before_titles(text: str, spans: dict[int, Span], lex: Lexicon) -> None:
    """Names followed by their title: 冷劲松市长, 习近平总书记, 奥巴马总统."""
    pats = _patterns()
    confirmed = {s.name for s in spans.values()}
    taken = sorted((s.start, s.end) for s in spans.values())
    for match in pats["title_after"].finditer(text):
        title, t_start = match.group(1), match.start(1)
        if title == _LEADER:
            continue  # 吉方领导人, 法德领导人: the side or countries led, never a name before 领导人
        ordinal = next((o for o in _term_ordinals() if text.endswith(o, 0, t_start)), "")
        if ordinal:  # 向纳扎尔巴耶夫首任总统颁授: the name ends before the ordinal, the post keeps it
            title, t_start = ordinal + title, t_start - len(ordinal)
        if _country_end().search(text, max(0, t_start - 12), t_start):
            continue  # 俄罗斯副总理: the title's country, no person 罗斯
        spelt = 0  # how many transliteration characters end right before the title
        # (劳尔·卡斯特罗主席: the middle dot between transliterated parts is part of the name)
        while spelt < 8 and t_start - spelt > 0 and (text[t_start - spelt - 1] in lex.transliteration or (
                text[t_start - spelt - 1] == "·" and spelt > 0 and t_start - spelt > 1
                and text[t_start - spelt - 2] in lex.transliteration)):
            spelt += 1
        # 习近平总书记多次深入…考察调研: a retrospective, no name read before the title (同奥巴马总统两次成功会晤,
        # 与梅德韦杰夫总理两次通电话 name a foreign person), unless joined to a name before its title
        # (…和阮富仲总书记两次实现互访)
        retrospective = text.startswith(("两次", "多次"), match.end(1)) and title not in lex.foreign_titles \
            and spelt < 3
        for length in (8, 7, 6, 5, 4, 3, 2):
            start = t_start - length
            name = text[max(start, 0) : t_start]
            # 习近平总书记和阮富仲总书记, 范德贝伦总统和库尔茨总理: joined to a name before its title, a name too
            # (希腊总统帕夫洛普洛斯和左联党主席: the first was named after its title, no parallel: 左联 is a party)
            joined = start >= 1 and text[start - 1] in _JOINING_TITLED and any(
                s.end == start - 1 and s.posts and s.start == s.name_start for s in spans.values())
            if retrospective and not joined:
                continue
            # 默克尔总理, 卢卡申科总统: a transliterated name before a title China shares is a foreign one
            foreign = title in lex.foreign_titles or (3 <= length <= spelt and name[0] != "·"
                                                      and is_transliteration(name.replace("·", ""), lex)
                                                      and not is_han_name(name, lex))
            if length > 4 and not foreign:
                continue
            syllabic = length == 4 and not foreign and start >= 0 and is_syllabic_name(name, lex) \
                and lex.common_words.get(name[:2]) is None
            if length == 4 and not syllabic and not foreign:
                continue  # four characters only for a minority name (向巴平措副委员长: 向巴 is its first syllable)
            if len(name) == 2 and not foreign and name[0] in lex.weak_surnames and name[1] in lex.surnames \
                    and name not in confirmed:
                continue  # 经习主席…审定批准: a preposition and the short form 习主席, no person 经习
            if start > 0 and text[start - 1].isdigit():
                continue  # 12位省政协委员: a count and its measure word, no name
            if len(name) == 2 and all(ch in _country_initials() for ch in name) \
                    and (title in lex.foreign_titles or title in _STATE_TITLES):
                continue  # 法德外长, 中俄元首: the officials of two countries (韩英主任 is a person)
            if len(name) >= 3 and name[0] in _before_foreign_names() and is_transliteration(name[1:], lex):
                continue  # 应普京总统的邀请, 向普京总统表示: a preposition before a foreign name
            if any((lex.common_words.get(name[-k:] + title[0]) or "").startswith("nt") for k in (2, 3)):
                continue  # 韩法务部长官被提名: the title's first character ends an organisation (法务部), no name
            if start < 0 or not (syllabic or is_name(name, lex, foreign=foreign)
                                 or (foreign and is_japanese_name(name, lex))) or _country_end().search(name) \
                    or _ends_like_a_body(name, lex) \
                    or name[-1] in "任设选" or any(stop_strength(text, i) for i in range(start + syllabic, t_start)) \
                    or any(len(w) >= 2 and lex.common_words.get(w, "n")[0] in "vt"
                           for w in _words(_REGNAL.sub("", name) if foreign and name.endswith("世") else name)):
                continue  # 芬兰总统, 就任中国国务院总理: a country; 习近平当选国家主席, 提名国务院总理: a verb inside
                # (图普六世国王: a monarch's number is no time word)
            before = text[start - 2 : start] if start >= 2 else ""
            boundary = start == 0 or not _is_cjk(text[start - 1]) or before in lex.verbs_before_name \
                or text[start - 1 : start] in lex.verbs_before_name \
                or (foreign and text[start - 1] in _before_foreign_names()) \
                or (foreign and _title_ends_at(text, start))  # 亚奥理事会主席艾哈迈德亲王: a title, the name, his rank
            if not boundary and not joined and not (title in _NATIONAL_TITLES and name in confirmed):
                continue  # (学习习近平总书记: a verb before the name; 就任中国国务院总理: no name at all)
            if start in spans or any(a <= start < b for a, b in taken):
                break
            if text[start - 1 : start] == "在" and title in _country_set(lex):
                break  # 在努尔苏丹会见: a city whose name ends like a country (苏丹), not a sultan
            if _held_at(text, name):
                break  # 在巴勒莫会见…。…巴勒莫市长等参加会见, 在阿布扎比同…会谈 … 阿布扎比王储: the place the article
                # is in, and its mayor or crown prince; no person 巴勒莫, 阿布扎比
            spans[start] = Span(name=name, start=start, name_start=start, end=t_start + len(title),
                                posts=[PostMention(label=title, title=title, body=None)])
            break


@lru_cache(maxsize=1)
def _term_ordinals() -> tuple[str, ...]:
    return tuple(lexicon_lines("term_ordinals.txt"))


_HELD_THERE = ("会见", "会晤", "会谈", "同", "与", "出席", "举行", "召开", "主持")
_JOINING_TITLED = "和与及、"  # what joins one titled name to the next (甲总统和乙总理)


def _held_at(text: str, name: str) -> bool:
    """Is ``name`` also where the article holds something (在巴勒莫会见, 在阿布扎比同…): a place, not a person?"""
    at = text.find(name)
    while at >= 0:
        if text.endswith(("在", "抵达"), 0, at) and text.startswith(_HELD_THERE, at + len(name)):
            return True
        at = text.find(name, at + 1)
    return False


@lru_cache(maxsize=1)
def _country_initials() -> frozenset[str]:
    return frozenset(lexicon_lines("country_initials.txt"))


MEMBER_TITLES = tuple(lexicon_lines("member_titles.txt"))


@lru_cache(maxsize=1)
def _member_speaks() -> re.Pattern[str]:
    """李守镇委员代表全国总工会发言, 刘继贤委员提出, 吕薇委员就…提出询问, 某某委员的发言: a member title, then a
    speech verb, or 代表/在/就/围绕 (for a body, at a place, on a topic)."""
    lex = load()
    titles, speaks = alternation(MEMBER_TITLES), f"代表|在|就|围绕|作了?“|的?发言|{alternation(lex.speech_verbs)}"
    # 贾治邦常委和范小建委员在联合发言中提出: a member joined by 和 to the next member who speaks speaks too
    return re.compile(f"({titles})(?={speaks}|和[{CJK}]{{2,4}}?(?:{titles})(?:{speaks}))")


_COUNT_DIGIT = re.compile(f"[{COUNT_DIGITS}]")


def _members_giving_the_floor(text: str, spans: dict[int, Span], lex: Lexicon) -> None:
    """Names before a member title as a report gives them the floor: 李守镇委员代表…发言, 刘继贤委员提出."""
    taken = sorted((s.start, s.end) for s in spans.values())
    for match in _member_speaks().finditer(text):
        t_start = match.start(1)
        joined = _joined_ending_at(text, t_start)
        for length in ((len(joined),) if joined else (4, 3, 2)):
            start = t_start - length
            if start < 0:
                continue
            name = text[start:t_start]
            boundary = start == 0 or text[start - 1] in SEPARATORS or not _is_cjk(text[start - 1])
            shaped = name == joined or (is_han_name(name, lex) and length <= 3) \
                or (length >= 3 and is_syllabic_name(name, lex))
            if not boundary or not shaped or lex.common_words.get(name) is not None or name[-1] == "方" \
                    or name[0] in lex.weak_surnames or any(ch in lex.negations for ch in name) \
                    or (start > 0 and _COUNT_DIGIT.match(text, start - 1)):
                continue  # 韩方代表, 东盟方代表: a side of talks; 但不代表: a negation; 两位学员代表: a count
            if start in spans or any(a <= start < b for a, b in taken):
                break
            title = match.group(1)
            spans[start] = Span(name=name, start=start, name_start=start, end=t_start + len(title),
                                posts=[PostMention(label=title, title=title, body=None)])
            partner = _member_joined_before(text, start, lex)
            if partner is not None and partner not in spans and not any(a <= partner < b for a, b in taken):
                spans[partner] = Span(name=text[partner : start - 1], start=partner, name_start=partner,
                                      end=start - 1, posts=[PostMention(label=title, title=title, body=None)])
            break


def _member_joined_before(text: str, start: int, lex: Lexicon) -> int | None:
    """田岚和姜伟新常委在联合发言中建议: a Han name joined by 和 to a member given the floor shares the title; where
    that name starts, if one stands there."""
    if start < 3 or text[start - 1] != "和":
        return None
    for length in (3, 2):
        at = start - 1 - length
        name = text[max(at, 0) : start - 1]
        if at >= 0 and (at == 0 or text[at - 1] in SEPARATORS or not _is_cjk(text[at - 1])) \
                and is_han_name(name, lex) and lex.common_words.get(name) is None:
            return at
    return None


def _ends_like_a_body(name: str, lex: Lexicon) -> bool:
    """任县委|书记: a place marker and a one-character body suffix end the run, a body before its title, no name."""
    return len(name) >= 3 and name[-1] in lex.body_suffixes and name[-2] in lex.place_markers


# what may stand right before a name met again (梅德韦杰夫表示, 同奥巴马举行会谈, 会见崔天凯)
_BEFORE_REPEATED_NAME = set("，。、；：！？（）“”‘’ \n和与同及对向由为给请在是")


# a time word right before a name met again, with no comma (当天李长春与…举行了工作会谈, 5日习近平…)
_TIME_BEFORE_NAME = re.compile(r"(?:\d{1,2}[日号]|[当今昨同次]日|[当今昨]天|当晚|[上下中]午|晚上|随后)$")


def _propagate_names(text: str, spans: dict[int, Span]) -> None:
    """Every other occurrence of a name the article gave with a title is a mention of that person, where the text
    around it lets a name start and end there (韩正在京: 韩正; 王强调: no 王强)."""
    named = dict.fromkeys(s.name for s in sorted(spans.values(), key=lambda s: s.start) if len(s.name) >= 2)
    verbs = load().verbs_before_name
    # a joined name met again by one of its parts (劳尔·卡斯特罗 … 劳尔表示): the same person, under the full name;
    # a part two names share (比尔·英格利希 and his wife 玛丽·英格利希) is the one named first, never set order
    full_of = {name: name for name in named}
    titles_of: dict[str, set[str]] = {}
    for span in spans.values():
        titles_of.setdefault(span.name, set()).update(post.label for post in span.posts)
    part_of: dict[str, str] = {}
    for name in named:
        parts = re.split(f"[{re.escape(JOINERS)}]", name)
        for part in (parts[0], parts[-1]) if len(parts) > 1 else ():
            if len(part) >= 2 and part not in full_of:
                full_of[part] = name
            if len(part) >= 2:
                part_of.setdefault(part, name)
    for span in spans.values():
        # 应新西兰总理比尔·英格利希的邀请 … 新西兰总理英格利希: the part with the full name's own post is that
        # person (安娜·普连科维奇, the wife, is not 克罗地亚总理普连科维奇)
        full = part_of.get(span.name)
        if full and full != span.name and {post.label for post in span.posts} & titles_of.get(full, set()):
            span.name = full
    names = sorted(full_of, key=lambda n: (-len(n), n))
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
            # 劳尔·卡斯特罗主席和菲德尔·卡斯特罗: a part of one joined name inside another joined name is the other's
            inside_other = full_of[name] != name and ((pos > 0 and text[pos - 1] in JOINERS)
                                                      or (end < len(text) and text[end] in JOINERS))
            if not any(taken[pos:end]) and not inside_other and (pos == 0 or text[pos - 1] in _BEFORE_REPEATED_NAME
                                            or not _is_cjk(text[pos - 1]) or text[pos - 2 : pos] in verbs
                                            or text[pos - 1] == "了" and text[pos - 3 : pos - 1] in verbs  # 会见了
                                            or _patterns()["title"].search(text, max(0, pos - 4), pos)
                                            or _TIME_BEFORE_NAME.search(text, max(0, pos - 4), pos)) \
                    and stop_strength(text, end) >= 1:
                spans[pos] = Span(name=full_of[name], start=pos, name_start=pos, end=end)
                for i in range(pos, end):
                    taken[i] = True
            pos = text.find(name, end)


@lru_cache(maxsize=1)
def _appointment_patterns() -> list[tuple[re.Pattern[str], str, tuple[str, ...]]]:
    """appointment_verbs.txt as regexes: the name is a run of characters (judged after), the posts start at ``posts``.
    Longest patterns first, so 决定免去 is read before 免去 and 不再担任 before 任."""
    found = []
    for line in lexicon_lines("appointment_verbs.txt"):
        pattern, _, tense = line.partition("\t")
        # a bracket after the name says who they are (孙春兰（女）, 肖捷（兼）): no part of the name; nor is the age
        # before it (选举81岁的劳尔·卡斯特罗为古巴国务委员会主席)
        regex = re.escape(pattern).replace(re.escape("{name}"),
                                           f"(?:\\d{{1,3}}岁的)?(?P<name>[{CJK}·\\-]{{2,12}}?)(?:同志)?"
                                           f"(?:（[^（）]{{1,8}}）)?")
        # {names}: a list (决定甲、乙、丙为大会副秘书长); the last name fills the name slot, the others share its posts
        # (a list opening the pattern starts after punctuation, not inside a name: 艾力更-依明巴海 is one item)
        opening = f"(?<![{CJK}·\\-])" if pattern.startswith("{names}") else ""
        regex = regex.replace(re.escape("{names}"),
                              f"{opening}(?P<others>(?:[{CJK}·\\-]{{2,12}}?(?:（[^（）]{{1,8}}）)?、)+)"
                              f"(?P<name>[{CJK}·\\-]{{2,12}}?)(?:（[^（）]{{1,8}}）)?")
        regex = regex.replace(re.escape("{posts}"), "(?P<posts>)").split("(?P<posts>)")[0] + "(?P<posts>)"
        # the pattern's own words (任命, 为): a text without one of them cannot match, and is not searched
        words = tuple(w for w in re.split(r"\{names?\}|\{posts\}", pattern.split("{posts}")[0]) if w)
        found.append((re.compile(regex), tense.strip(), words))
    return sorted(found, key=lambda item: -len(item[0].pattern))


def _add_appointments(text: str, spans: dict[int, Span], lex: Lexicon) -> None:
    """谭某某同志任市委委员、常委、书记, 张某当选为县政协主席, 免去某某的某局局长职务, 某某不再担任…: posts stated as
    taken (tense start) or left (tense end) by the report."""
    by_end = {s.end: s for s in spans.values()}
    claimed: set[int] = set()
    for pattern, tense, words in _appointment_patterns():
        if not all(word in text for word in words):
            continue
        for match in pattern.finditer(text):
            if match.start("posts") in claimed or text.endswith(("不再", "不再担"), 0, match.start()):
                continue
            verb_at = match.end("name")
            if text[verb_at : verb_at + 1] == "任" and text[verb_at - 1 : verb_at] in "时现曾历原前新兼首":
                continue  # 苏丹时任国防部长, 现任总统, 共和国首任总理: a tense marker or ordinal, not an appointment
            person = _appointee(text, match, spans, by_end, lex)
            if person is None:
                continue
            posts = _stated_posts(text, match.end("posts"), lex, tense, _stated_day(text, match.start()))
            if not posts:
                continue  # 强化责任担当: 任 with no post after it appoints nobody
            claimed.add(match.start("posts"))
            for each in [*_listed_appointees(text, match, spans, lex), person]:
                if each.name_start not in spans:
                    spans[each.name_start] = each
                each.posts.extend(p for p in posts if p not in each.posts)


# 副主席是：甲、乙; 执行主席是甲、乙、丙 (without a colon only a list of two names or more follows)
_POSTS_THEN_NAMES = re.compile(rf"(?:是|为|名单如下)[：:]|是(?=[{CJK}·]{{2,12}}?、)")
_LIST_ITEM = re.compile(f"([{CJK}·•]{{2,12}}?)(?:（[^（）]{{1,8}}）)?(?=[、，。；]|$)")


def _named_after_posts(text: str, spans: dict[int, Span], lex: Lexicon) -> None:
    """会议选出的政协第十三届全国委员会副主席是：甲、乙（藏族）、丙…: a post, then 是： and the list of its holders
    (brackets say who a holder is: nationality, sector, 女; they are no part of the name)."""
    pats = _patterns()
    for colon in _POSTS_THEN_NAMES.finditer(text):
        title = next((m for m in pats["title"].finditer(text, max(0, colon.start() - 12), colon.start())
                      if m.end() == colon.start()), None)
        if title is None:
            continue
        chain = _chain_before(text, title.start(), title.group(0), lex)
        posts, _ = _chain_posts(text, chain, lex, 0, None)
        clause = text[max(0, chain[0][0] - 12) : chain[0][0]]
        tense = "start" if re.search("选出|当选|选举|任命|决定", clause) else "current"
        posts = [replace(p, tense=tense, stated=None) for p in posts]
        pos = colon.end()
        while pos < len(text):
            item = _LIST_ITEM.match(text, pos)
            if not item:
                break
            name = item.group(1)
            # (a list item ends at punctuation: a name ending in 和 or 为 swallowed nothing, 罗富和、李海峰)
            if not (is_name(name, lex, after_title=True, strong_stop=True) or is_joined_name(name)
                    or (name[-1] in lex.not_name_end and _list_name(name, lex))):
                break
            span = spans.get(pos) or Span(name=name, start=pos, name_start=pos, end=pos + len(name))
            spans[pos] = span
            span.posts.extend(p for p in posts if p not in span.posts)
            pos = item.end()
            if pos >= len(text) or text[pos] != "、":
                break
            pos += 1


def _listed_appointees(text: str, match: re.Match[str], spans: dict[int, Span], lex: Lexicon) -> list[Span]:
    """The other names of a {names} list (决定甲、乙、丙为…), each checked as a name."""
    if "others" not in match.re.groupindex or match.group("others") is None:
        return []
    found = []
    at = match.start("others")
    for item in match.group("others").split("、")[:-1]:
        name = re.sub(r"（[^（）]*）$", "", item)  # 王某（回族）: the bracket says who, it is no part of the name
        if name in spans.get(at, Span("", 0, 0, 0)).name or is_name(name, lex, after_title=True, strong_stop=True) \
                or is_joined_name(name) or _list_name(name, lex):  # 魏凤和、王勇为国务委员: a list closes 和
            found.append(spans.get(at) or Span(name=name, start=at, name_start=at, end=at + len(name)))
        at += len(item) + 1
    return found


def _appointee(text: str, match: re.Match[str], spans: dict[int, Span], by_end: dict[int, Span],
               lex: Lexicon) -> Span | None:
    """The person a 任免 pattern names: a mention already read there, else a name that fits the slot exactly."""
    end = match.end("name")
    if end in by_end:
        return by_end[end]
    name = match.group("name")
    if match.start("name") > match.start():  # the name follows a verb (任命某某为): it must fill the slot
        start = match.start("name")
        return Span(name=name, start=start, name_start=start, end=end) \
            if is_name(name, lex, after_title=True, strong_stop=True) or _list_name(name, lex) else None
    bare = _bare_name_ending_at(text, end, lex)  # the name opens the clause (某某任…)
    if not bare or _country_of(bare, lex):
        return None  # 南非现任总统: a country, no person
    if any(text.startswith(verb, end - len(verb) + 1) for verb in _verbs_ending_in_ren()):
        return None  # 曾担任国务院副总理: the name's last character and 任 are one verb (担任), no name before it
    start = end - len(bare)
    return spans.get(start) or Span(name=bare, start=start, name_start=start, end=end)


@lru_cache(maxsize=1)
def _verbs_ending_in_ren() -> tuple[str, ...]:
    """The appointment verbs of two characters or more ending in 任 (担任, 出任, 就任): read from the lexicon."""
    verbs = {re.sub(r"\{names?\}|\{posts\}.*", "", line.partition("\t")[0])
             for line in lexicon_lines("appointment_verbs.txt")}
    return tuple(v for v in verbs if len(v) >= 2 and v.endswith("任"))


_YEAR_MONTH = re.compile(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?")


def _stated_day(text: str, start: int) -> str | None:
    """The day a 任免 clause gives itself (1983年6月，李鹏同志任国务院副总理 -> 1983-06-01), searched back to the start
    of its sentence; None when it gives none (the report's day stands)."""
    sentence_start = max(text.rfind(ch, 0, start) for ch in "。；\n") + 1
    found = list(_YEAR_MONTH.finditer(text, sentence_start, start))
    if not found:
        return None
    year, month, day = found[-1].group(1), int(found[-1].group(2)), int(found[-1].group(3) or 1)
    return f"{year}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


_TERM = re.compile(TERM)
_ORDINAL_TERM = re.compile(r"第[0-9一二三四五六七八九十]+任")  # 第四任…基本法委员会: no part of the post


_NAMED_BEFORE = re.compile(r"^(?:上述|以上)(?P<count>[两二三四五六七八九]?)个?(?P<kind>[^，。；、]{2,16})$")
_COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _bodies_named_before(text: str, pos: int, prefix: str, lex: Lexicon) -> list[str]:
    """上述两个基本法委员会 before ``pos``: the bodies of that kind the text named before (…香港特别行政区基本法委员会
    主任、…澳门特别行政区基本法委员会主任), as many as it counts; none when they cannot all be found."""
    anaphor = _NAMED_BEFORE.match(prefix)
    if not anaphor:
        return []
    kind = anaphor.group("kind")
    found: list[str] = []
    at = text.rfind(kind, 0, pos - len(prefix))
    while at >= 0:
        body = body_before(text, at + len(kind), lex)
        if body and body.endswith(kind) and body != kind and body not in found:
            found.insert(0, body)
        at = text.rfind(kind, 0, at)
    want = _COUNTS.get(anaphor.group("count"), 1)  # (上述委员会 with no count: the one named last)
    return found[-want:] if len(found) >= want else []


def _stated_posts(text: str, pos: int, lex: Lexicon, tense: str, stated: str | None = None) -> list[PostMention]:
    """The posts written from ``pos`` on: titles with their bodies, joined by 、 or 和."""
    pats = _patterns()
    prev_body = None
    posts: list[PostMention] = []
    while pos < len(text):
        title = next((t for t in pats["title"].finditer(text, pos, min(len(text), pos + 40))
                      if not _title_inside_word(text, t.group(0), t.end(), lex)), None)  # not 委员 of 委员会
        if not title:
            break
        prefix = text[pos : title.start()]
        if 2 <= prefix.find("为") <= 4:
            break  # 增补甲为经济委员会副主任、乙为教科文卫体委员会副主任: the next item names the next appointee
        named_before = _bodies_named_before(text, pos, prefix, lex)
        if named_before:  # 任命沈春耀为上述两个基本法委员会主任: each body the report named before
            posts += [PostMention(label=body + title.group(0), title=title.group(0), body=body, tense=tense,
                                  stated=stated) for body in named_before]
            break
        ordinal = _ORDINAL_TERM.match(prefix)
        prefix = prefix[ordinal.end() :] if ordinal and ordinal.end() < len(prefix) else prefix
        term = _TERM.match(prefix)  # 第十二届全国人民代表大会常务委员会: the term is no part of the body's name
        term_text = term.group(0) if term and term.end() < len(prefix) else ""  # but it is part of the post
        prefix = prefix[len(term_text) :]
        body = prefix if prefix and (is_body_name(prefix, at_boundary=True, lex=lex)
                                     or _trailing_body(prefix) == prefix) else None  # 任命某某为教育部部长
        if prefix and body is None:
            break
        if body is None and title.group(0) in lex.bare_titles and prev_body:
            body = _strip_sub_organ(prev_body, title.group(0))
        label = (term_text if body else "") + (body or "") + title.group(0)
        posts.append(PostMention(label=label, title=title.group(0), body=body, tense=tense, stated=stated,
                                 term=term_text if body else ""))
        prev_body = body or prev_body
        pos = title.end()
        if pos < len(text) and text[pos] in "、和":
            pos += 1
            continue
        break
    return posts


