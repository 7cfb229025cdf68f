"""Shared pieces of the extract stage: spans, sentences, the compiled lexicon patterns, jieba snippets."""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

import jieba

from kg.extract.dates import TIME_PHRASE
from kg.lexicon import alternation, lexicon_lines, load
from kg.model import (
    PostMention,
)
from kg.normalise import CJK

# characters a place name (新疆维吾尔, 枫树, 宝力格) does not contain: 传达学习省委… is no place
_NOT_IN_PLACE_NAMES = (
    "的了与及和在是为对等们其这那要将把被从之并或也都就还又再"
    "传达学习贯彻落实精神议届讲话指示批示，。、；：“”（）"
)
_PLACE_NAME_CHAR = f"[^\\s{re.escape(_NOT_IN_PLACE_NAMES)}]"

SEPARATORS = "、，及和与"
# the digits of a count before its measure word (14位委员, 十四位委员, 等8位代表), as a regex character class
COUNT_DIGITS = "0-9０-９一二三四五六七八九十两几多百千万"
_SENTENCE = re.compile(r"[^。！？；]*[。！？；]?[”’]?")

_CJK_CHAR = re.compile(f"[{CJK}]")
_CJK_OR_BRACKET = re.compile(f"[{CJK}（）]")

def _is_cjk(ch: str) -> bool:
    return _CJK_CHAR.match(ch) is not None


def _is_cjk_or_bracket(ch: str) -> bool:
    return _CJK_OR_BRACKET.match(ch) is not None


# 将 of the future, not of a rank or an officer (上将军衔, 将军, 将领, 将士, 将帅)
WILL = r"将(?![军领士帅])"


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
    guests: list[Span] = field(default_factory=list)  # the people a 会见/会谈/call is with: they attend it
    when: str | None = None  # the event's own date expression (当地时间10日上午), when its sentence gives one
    leader_role: str | None = None  # the leader's verb as written (主持), when it is not the event's kind
    counted: bool = False  # one of the meetings a lead counts (主持召开三次座谈会 … 在…座谈会上)
    leader_relation: str = "chaired"  # attended for a tribute paid at the hosts' ceremony (敬献花圈: tributes.txt)
    aside: bool = False  # an encounter beside the reported meeting (会见与会代表): later people join it only by name


# ---------------------------------------------------------------- helpers over the lexicon


@lru_cache(maxsize=1)
def visit_kinds() -> frozenset[str]:
    """The kinds of events a person leads by going somewhere (调研, 考察, 视察 …: inspection_verbs.txt)."""
    return frozenset(load().inspection_verbs.values())


@lru_cache(maxsize=1)
def tribute_words() -> frozenset[str]:
    """敬献花圈, 敬献了花篮, 默哀 (tributes.txt): a tribute paid at a ceremony or on a visit."""
    return frozenset(lexicon_lines("tributes.txt"))


@lru_cache(maxsize=1)
def encounter_kinds() -> frozenset[str]:
    """The kinds of events one person has with another (会见, 会谈, 会晤, 通话: encounter_verbs.txt)."""
    return frozenset(load().encounter_verbs.values())


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = load()
    return {
        "title": re.compile(alternation(lex.titles)),
        "meeting_then_where": re.compile(
            f"^(.*(?:{alternation(set(lex.meeting_nouns))})){_WHEN}(?:在[^，。]{{1,20}})?(?:隆重|正式|顺利|盛大)?$"),
        "meeting_after_verb": re.compile(f"[^，。；：\\s]{{0,80}}(?:{alternation(set(lex.meeting_nouns))})"),
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
            # (同奥巴马总统两次会晤, 应普京总统的邀请: a talk, a count of them, 的; a count only after a foreign title,
            # 总书记多次深入…考察 is a retrospective: see _named_before_titles)
            f"(?=[^{CJK}]|{alternation(set(lex.stops) | set(lex.role_verbs) | set(lex.encounter_verbs))}|$|重要|近期"
            f"|的|{alternation(set(lexicon_lines('together_words.txt')))}|举行|会面|两次|多次|发去|发来"
            f"|{alternation(set(lex.message_verbs))})"
        ),
    }


@lru_cache(maxsize=1 << 14)
def _words(snippet: str) -> tuple[str, ...]:
    """jieba's words of a short snippet. Papers repeat their phrases (the same leader, the same body, the same
    verb after them), so the same few-character windows come back again and again."""
    return tuple(jieba.lcut(snippet, HMM=True))


def matches_as_words(pattern: re.Pattern[str], run: str) -> list[re.Match[str]]:
    """The matches of ``pattern`` in ``run`` that stand as whole words by jieba's boundaries (the 由 of 自由党, the
    编辑 of 编辑部 and the 计划 of 国家计划委员会 do not)."""
    found = list(pattern.finditer(run))
    if not found:
        return found
    edges = word_edges(run)
    return [m for m in found if m.start() in edges and m.end() in edges]


def word_edges(run: str) -> set[int]:
    """Where jieba's words of ``run`` start and end."""
    edges, at = {0}, 0
    for word in _words(run):
        at += len(word)
        edges.add(at)
    return edges


_WHEN = f"(?:于?{TIME_PHRASE})*"  # (…大会于当地时间10月1日在…开幕)
_HOLD_VERBS = "|".join([*(f"{re.escape(v)}(?![式会词辞])" if v.endswith(("幕", "开班", "结业")) else re.escape(v)
                         for v in sorted(lexicon_lines("hold_verbs.txt"), key=lambda v: (-len(v), v))),
                        # (进行第二次集体学习: a verb that holds only the meeting named right after it)
                        # (天津大学先后进行了七次集体学习: a count of past sessions holds none)
                        *(f"{re.escape(verb)}(?=了?(?:第[^，。；：\\s]{{1,5}}?次)?{re.escape(noun)})" for verb, noun in
                          sorted(line.split("\t") for line in lexicon_lines("narrow_hold_verbs.txt")))])

# characters that turn a role verb into a noun (发言人, 参加单位): no participant stands before it
VERB_AS_NOUN = tuple(lexicon_lines("verb_noun_suffixes.txt"))


def split_sentences(text: str) -> list[tuple[int, str]]:
    out = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        if sentence.strip():
            opening = len(sentence) - len(sentence.lstrip())  # a paragraph break opens the sentence: not part of it
            out.append((m.start() + opening, sentence[opening:]))
    return out


def _sentence_at(sentences: list[tuple[int, str]], pos: int) -> str:
    """The sentence holding ``pos`` (sentences are in text order and do not overlap); else the last one."""
    index = bisect.bisect_right(sentences, pos, key=itemgetter(0)) - 1
    if index >= 0:
        offset, sentence = sentences[index]
        if pos < offset + len(sentence):
            return sentence
    return sentences[-1][1] if sentences else ""


# words between a list of people and its verb: 王毅等参加, 各区县主要负责同志出席, 甲、乙分别致辞
@lru_cache(maxsize=1)
def _filler_words() -> dict[str, list[str]]:
    """list_fillers.txt by kind: group, related, led, and plain (lines with no kind)."""
    words: dict[str, list[str]] = {"group": [], "related": [], "led": [], "plain": []}
    for line in lexicon_lines("list_fillers.txt"):
        kind, _, word = line.partition("\t")
        if kind in words:
            words[kind].append(word)
        elif kind != "other":
            words["plain"].append(line)
    return words


@lru_cache(maxsize=2)
def _fillers(strict: bool = False) -> re.Pattern[str]:
    """等 and the group it names (等东盟国家政要和代表团团长), 和其他…常委, and the fillers of list_fillers.txt.
    ``strict``: only the short forms, for a stretch the long ones would read over a name (以及赵克石、吴胜利同志)."""
    words = _filler_words()
    related, plain, led = words["related"], words["plain"], words["led"]
    group = alternation(words["group"])
    # 等香港特区高级官员、中央驻港机构负责人: one group or several after 等
    # (等专家和中国一重、顺丰速运负责人: groups joined by 和, each with its bodies listed)
    named_groups = f"[0-9{CJK}]{{0,16}}?(?:{group})(?:[、和][0-9{CJK}、]{{0,24}}?(?:{group}))*" if not strict \
        else f"[0-9{CJK}]{{0,16}}?(?:{group})(?:、[0-9{CJK}]{{0,16}}?(?:{group}))*"
    # 王某、李某和中央有关部门负责同志陪同: the officials named by their office after the list are no one's name
    # (丁薛祥、…尤权，中央宣传部、中央党史和文献研究院、北京市有关负责同志陪同: a longer run of bodies after a comma)
    offices = (f"(?:(?:和|以及)[{CJK}、]{{0,14}}?|，[{CJK}、]{{0,{14 if strict else 30}}}?)"
               f"(?:{alternation(related)})[{CJK}]{{0,8}}?(?:{group})")
    # 甲、乙等8位基金资助获得者发了言, 甲、乙五位政协委员就…回应: a count and the group after the list
    counted = f"等?[{COUNT_DIGITS}]+(?:位|名)[{CJK}]{{0,12}}?(?:{group})"
    # 祖马、特鲁多及有关国际组织负责人等出席, 苗华，以及军委机关各部门领导等出席, 戈洛杰茨以及…青年代表近2000人出席:
    # a group named after 及 or 以及 (with its head count) closes the list, it names no one
    # (一个 等 inside only before the group's head count: 以及来自教科文组织、欧盟委员会等机构的代表200多人, never
    # 以及祁向东等五位全国政协委员, where 等 closes a name)
    # (以及军委机关各部门领导，驻京大单位副战区职以上领导，各军兵种…代表等参加: several groups, commas between them)
    # (one after a comma is no list of names closed by 同志: in 以及各区县负责同志，赵强、孙伟同志参加 it is people)
    one_group = f"(?:(?!等)[0-9{CJK}、]){{0,30}}?(?:{group})"
    next_group = f"(?:(?!等)[0-9{CJK}、]){{0,30}}?(?:{alternation([w for w in words['group'] if w != '同志'])})"
    joined = (f"(?:，?以及|及)(?:{one_group}(?:[，和]{next_group}){{0,3}}(?:[近约]?[{COUNT_DIGITS}]+[余多]?[人位名])?"
              f"|[0-9{CJK}、]{{0,40}}?(?:{group})[近约]?[{COUNT_DIGITS}]+[余多]?[人位名])")
    # 欧尔班率内阁部长到机场迎接, 埃布尔率政府高级官员在舷梯旁热情迎接: the people he heads
    heads = f"率[{CJK}]{{0,8}}?(?:{alternation(led)})"
    return re.compile(f"(?:{counted}|{offices}|{'' if strict else joined + '|'}{heads}|等(?:{named_groups})?|"
                      f"和其他[{CJK}]{{0,10}}?(?:{group})|{alternation(plain)})$")


@lru_cache(maxsize=1)
def _group_after_a_name() -> re.Pattern[str]:
    """和比利时政府高级官员, 以及军委机关各部门领导: a group joined to the name before it (list_fillers.txt groups)."""
    groups = alternation(_filler_words()["group"])
    return re.compile(f"(?:，?以及|及|和)(?:(?!等)[0-9{CJK}]){{0,20}}?(?:{groups})(?:等)?")


_TIME_ANYWHERE = re.compile(f"(?:{TIME_PHRASE})")


def _time_ending_at(text: str, pos: int) -> str | None:
    """A time phrase ending at ``pos``, read with the verb after it in view (李克强10月30号主持: 号 is a day only
    before a verb, so the text past ``pos`` must be seen)."""
    start = max(0, pos - 20)
    window = text[start : pos + 4]
    return next((m.group(0) for m in _TIME_ANYWHERE.finditer(window) if start + m.end() == pos and m.group(0)), None)


def before_fillers(text: str, pos: int, names: Collection[tuple[int, int]] = ()) -> int:
    """Where a list of names ends when its verb starts at ``pos``: back over 等, 同志, 分别, a date (李克强21日出席).
    ``names`` (start, end) are names read: a filler never reads over one (以及赵克石、吴胜利同志出席 lists them)."""
    while True:
        # (groups after 以及, commas between them, may run long: 以及…各部门领导，…领导，…代表等)
        reach = 96 if "以及" in text[max(0, pos - 96) : pos] else 48
        filler = _fillers().search(text, max(0, pos - reach), pos)
        inside = [end for start, end in names if filler and filler.start() <= start < pos and end < pos]
        if inside and _group_after_a_name().fullmatch(text, max(inside), pos):
            pos = max(inside)  # …以及比利时首相迪吕波和比利时政府高级官员出席: the group after 迪吕波
            continue
        if inside or (filler and any(filler.start() <= start < pos for start, _ in names)):
            filler = _fillers(strict=True).search(text, max(0, pos - 20), pos)
        found = filler.group(0) if filler else _time_ending_at(text, pos)
        if not found:
            return pos
        pos -= len(found)


@lru_cache(maxsize=1)
def _speech_opening() -> re.Pattern[str]:
    verbs = "|".join(map(re.escape, sorted(load().speech_verbs, key=len, reverse=True)))
    return re.compile(r"[^，。：:]{1,16}?(?:" + verbs + r")[，：:]")


@lru_cache(maxsize=1)
def _speech_mark() -> re.Pattern[str]:
    verbs = "|".join(map(re.escape, sorted(load().speech_verbs, key=len, reverse=True)))
    return re.compile(f"(?:{verbs})[，：:]")


def speech_start(sentence: str) -> int | None:
    """Where what was said starts (after 某某表示， / 李克强在会见时指出：), or None."""
    mark = _speech_mark().search(sentence)
    return mark.end() if mark else None


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (after the last 。！？ or line break before it)."""
    return max(text.rfind(ch, 0, pos) for ch in "。！？\n") + 1


def in_speech_paragraph(text: str, pos: int) -> bool:
    """Is ``pos`` in a paragraph that opens with someone's speech (俞正声说，…。…李克强总理同阮春福总理…会晤), in a
    later sentence that opens with no time of its own (随后, 会后, 当天 would tell the report going on)?"""
    start = text.rfind("\n", 0, pos) + 1
    opening = _speech_opening().match(text, start, pos)
    if opening is None or sentence_start(text, pos) <= start:
        return False
    return not re.match(f"(?:{TIME_PHRASE}|随后|会后|此后)", text[sentence_start(text, pos) : pos])


def inside_reported_speech(text: str, pos: int) -> bool:
    """Is ``pos`` in a sentence that opens with someone's speech (某某说，… / 某某表示：…), after that opening? What
    a speaker recalls (栗战书说，不久前，习近平主席…宣布) is not the reported event."""
    opening = _speech_opening().match(text, sentence_start(text, pos), pos)
    return opening is not None and opening.end() < pos
