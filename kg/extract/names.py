"""Person names: which runs of characters are names, and where a name ends.

A name is read in a context, never on its own: right after a title (国务院总理李克强), as an item of a list closed
by a verb (王沪宁、栗战书参加会见), before a title (奥巴马总统), or anywhere once the article has named that person
in such a context (see ``kg.extract.people``). Four shapes are recognised, each from lexicon data:

- Han: a surname (surnames.txt) and one or two given characters (given_name_excluded.txt says which never are);
- joined: parts joined by a middle dot or a hyphen (劳尔·卡斯特罗, 纳瓦兹-谢里夫): Uyghur and foreign names;
- transliterated: characters of the transliteration table (特朗普, 梅德韦杰夫), read only in a foreign context;
- syllabic: one to three syllables of minority names (次仁白玛, 其木格): Tibetan, Mongolian.

Where a name ends is decided by what follows it. Stops have a strength: punctuation (4), a role verb (3), a speech
verb, a time word, a date or another word stop (2), a one-character stop such as 在/和/同 (1). Among the readings
a context allows, a name the article has already confirmed wins, then a stronger stop (李强陪同: 陪同 beats 同), then
jieba's word boundary, then the usual name length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import jieba

from kg.extract.common import _filler_words, _patterns, _words
from kg.lexicon import Lexicon, alternation, lexicon_lines, load
from kg.normalise import CJK

JOINERS = "·•‧-－—"  # (— : 威廉—亚历山大; a double dash —— between clauses joins nothing)
PUNCTUATION = "，。、；：！？（）()“”‘’「」 \u3000\n,;:!?"  # (not 《》: 《国家主席授勋令》 holds no name)
_JOINED = re.compile(f"[{CJK}]{{1,12}}(?:[{re.escape(JOINERS)}][{CJK}]{{1,12}}){{1,4}}")
_CJK_ONLY = re.compile(f"[{CJK}]+")
# group nouns and pronoun-like words that follow a surname-looking character (王书记 is a title, 全体同志 a group)
_GROUP_NOUNS = {"同志", "班子", "成员", "干部", "群众", "人员", "代表", "委员", "专家", "学者", "领导", "主任", "书记"}
_NUMERALS = set("一二三四五六七八九十两几百千万")
MAX_NAME = 12  # characters of an unjoined name (a transliteration like 别尔德穆哈梅多夫 is 8)


@dataclass(frozen=True)
class Reading:
    """One way to read a name at a position: the name and the strength of the stop that ends it."""

    name: str
    strength: int
    shaped: bool = True
    stop_length: int = 1  # the stop's length: 作交流发言 closes 甘露 better than 交流发言 closes 甘露作


@lru_cache(maxsize=1)
def _stop_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(role verbs, multi-character stops, one-character stops) as anchored patterns."""
    lex = load()
    role = set(lex.role_verbs)
    words = set(lex.stops) | set(lex.speech_verbs) | set(lex.inspection_verbs)
    single = {w for w in words if len(w) == 1} - {"等", "任"}
    multi = {w for w in words if len(w) > 1 or w in ("等",)} - role
    return (re.compile(alternation(role)), re.compile(alternation(multi) + r"|\d"), re.compile(alternation(single)))


def stop_strength(text: str, end: int) -> int:
    """How firmly what starts at ``end`` closes a name before it: 4 punctuation, 3 a role verb, 2 another word stop
    or a date, 1 a one-character stop, 0 none (the name would go on, or the text ends: a name cut off by a
    truncated article, …秘书长程亮参, is no name)."""
    return stop_at(text, end)[0]


@lru_cache(maxsize=1 << 16)
def stop_at(text: str, end: int) -> tuple[int, int]:
    """(strength, length) of the stop that starts at ``end`` (see ``stop_strength``). Cached: names are read at
    many positions of one article, and readings that overlap ask about the same positions again."""
    if end >= len(text):
        return (4, 0) if _ends_a_list(text) else (0, 0)
    if text[end] == "\n" and ends_a_heading(text, end):
        return 1, 1  # 普京首次承认帮助乌前总统入俄\n: a round-up's heading ends no name the way punctuation does
    if text[end] in PUNCTUATION:
        return 4, 1
    for strength, pattern in zip((3, 2, 1), _stop_words(), strict=True):
        match = pattern.match(text, end)
        if match:
            if strength <= 2 and match.group(0) in _ADVERBS_BEFORE_ROLE and _stop_words()[0].match(text, match.end()):
                return 3, len(match.group(0))  # 奥斯特罗姆分别致辞, 大使徐步也到机场迎接: an adverb, then a role verb
            if strength == 1 and _leads_a_group().match(text, end):
                return 2, 1  # 泰国副总理颂奇率政府高级官员到机场迎接: 率 and the officials he heads
            return strength, len(match.group(0))
    return 0, 0


@lru_cache(maxsize=1)
def _leads_a_group() -> re.Pattern[str]:
    """率 and the group it heads (率政府高级官员, 率内阁部长: list_fillers.txt, led)."""
    return re.compile(f"率[{CJK}]{{0,8}}?(?:{alternation(_filler_words()['led'])})")


_CLAUSE_MARKS = re.compile("[，。；！？、：,;:!?]")


def ends_a_heading(text: str, end: int) -> bool:
    """The line ending at ``end`` is a heading inside the text (a round-up's item title): no clause mark in it,
    after a paragraph's end (or the opening line), before a paragraph of its own. A list laid out one item a line
    follows a lead-in or another item, and goes on with items."""
    start = text.rfind("\n", 0, end) + 1
    if _CLAUSE_MARKS.search(text, start, end):
        return False
    if start > 0:  # (the text's first line, or the one after its headline or its opening 央视网消息：)
        prev_start = text.rfind("\n", 0, start - 1) + 1
        prev = text[prev_start : start - 1].rstrip()
        if not prev or not (prev[-1] in "。！？”" or prev_start == 0 and (prev[-1] in "：:"
                                                                       or not _CLAUSE_MARKS.search(prev))):
            return False
    following_end = text.find("\n", end + 1)
    following = text[end + 1 : following_end if following_end >= 0 else len(text)]
    return "。" in following and len(following) > 2 * (end - start)


def _ends_a_list(text: str) -> bool:
    """The text's last line is an item of a list (欧洲议会社会党党团主席斯沃博达 after senders one a line): its
    end closes a name. A text cut off mid-sentence is no list, and its last name may be cut off too."""
    last = text.rfind("\n")
    if last < 0 or len(text) - last > 40:
        return False
    before = text[max(0, text.rfind("\n", 0, last)) : last]
    return bool(before) and before[-1] not in "。！？；"


_ADVERB_SURNAMES = {"曾"}  # a surname that is also an adverb: after a title, only a name a stop closes
_ADVERBS_BEFORE_ROLE = {"分别", "共同", "一同", "先后", "亲切", "专程", "应邀", "也", "均", "还"}


def _given(token: str, lex: Lexicon) -> str | None:
    """The given name of a Han-shaped token, or None if the token does not start with a surname."""
    if token[:2] in lex.compound_surnames and len(token) >= 3:
        return token[2:]
    if token[0] in lex.surnames:
        return token[1:]
    return None


def is_han_name(token: str, lex: Lexicon | None = None) -> bool:
    """A surname and one or two given characters, none of which never occurs in a given name; not 王书记."""
    lex = lex or load()
    if not 2 <= len(token) <= 4 or not _CJK_ONLY.fullmatch(token):
        return False
    given = _given(token, lex)
    if given is None or not 1 <= len(given) <= 2 or any(ch in lex.not_given for ch in given):
        return False
    return not _patterns()["title"].match(given) and given not in _GROUP_NOUNS


def is_joined_name(token: str) -> bool:
    """Parts joined by a dot or hyphen, none holding a title (县政协主席古丽娜尔·阿布都拉 is a title and a name), a
    verb or function word (习近平致电劳尔·卡斯特罗, 李克强在南宁参观中国-东盟) or a country."""
    if not _JOINED.fullmatch(token) or not 3 <= len(token) <= 30 or _patterns()["title"].search(token):
        return False
    return not any(stop_strength(token, i) >= 1 for i in range(1, len(token)) if token[i] not in JOINERS) \
        and not _place_inside(token)


@lru_cache(maxsize=1)
def _not_in_joined_names() -> tuple[str, ...]:
    return tuple(lexicon_lines("not_in_joined_names.txt"))


def _place_inside(token: str) -> bool:
    lex = load()
    parts = re.split(f"[{re.escape(JOINERS)}]", token)
    countries = _country_set(lex)
    return any(token.find(word) >= 0 for word in _not_in_joined_names()) or \
        bool(countries & set(parts)) or \
        any(part[:k] in countries for part in parts[:1] for k in range(2, len(part) - 3))
    # (英国著名物理学家斯蒂芬·霍金: a country and four more characters open a line's words, not a name)


def is_syllabic_name(token: str, lex: Lexicon | None = None) -> bool:
    """One to three minority-name syllables (次仁白玛 = 次仁 + 白玛)."""
    return 2 <= len(token) <= 9 and _syllabic_pattern().fullmatch(token) is not None


@lru_cache(maxsize=1)
def _syllabic_start() -> re.Pattern[str]:
    return re.compile(alternation(set(load().name_syllables)))


@lru_cache(maxsize=1)
def _syllabic_pattern() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(set(load().name_syllables))}){{1,3}}")


_REGNAL = re.compile("[一二三四五六七八九十]{1,2}世$")


def is_transliteration(token: str, lex: Lexicon | None = None) -> bool:
    """Characters of the transliteration table, with a regnal number allowed at the end (玛格丽特二世)."""
    lex = lex or load()
    stem = _REGNAL.sub("", token) if len(token) >= 4 else token
    return 2 <= len(token) <= MAX_NAME and len(stem) >= 2 and all(ch in lex.transliteration for ch in stem)


def _is_place(token: str, lex: Lexicon) -> bool:
    """A country or international organisation (阿富汗, 联合国): never a person."""
    return token in _country_set(lex)


@lru_cache(maxsize=1)
def _country_set(lex: Lexicon) -> frozenset[str]:
    return frozenset(lex.countries)


def _ordinary_word(tag: str | None) -> bool:
    """A dictionary tag that rules a word out of a name: nouns, verbs, adjectives, adverbs (not place names)."""
    return tag is not None and (tag in ("n", "vn", "an", "nt") or tag[0] in "vadmqrpcutfs")


# jieba's count of a word below which a verb it knows is too rare to be the word the text means after a title
_RARE_WORD_COUNT = 100


@lru_cache(maxsize=1 << 14)
def _rare_word(word: str) -> bool:
    """Does jieba's dictionary count ``word`` fewer than _RARE_WORD_COUNT times (连战 63; 强调 6,318)?"""
    jieba.dt.check_initialized()  # (its counts load with its dictionary: before that every word would look rare)
    return (jieba.get_FREQ(word) or 0) < _RARE_WORD_COUNT


def _common(token: str, lex: Lexicon) -> str | None:
    """jieba's tag for ``token`` if it is an ordinary dictionary word (not a person name), else None."""
    return lex.common_words.get(token)


def _verb_starts(text: str, pos: int, lex: Lexicon) -> bool:
    """A dictionary verb or adverb of two or three characters starts at ``pos``, a negation may open it (表示, 不接受):
    no name runs into it."""
    if text[pos : pos + 1] in lex.negations:
        pos += 1
    return any((_common(text[pos : pos + k], lex) or "x")[0] in "vd" for k in (3, 2) if pos + k <= len(text))


def acceptable(token: str, strength: int, *, foreign: bool, after_title: bool, lex: Lexicon,
               confirmed: frozenset[str] = frozenset()) -> bool:
    """May ``token``, closed by a stop of ``strength``, be a person's name in this context?"""
    return _acceptance(token, strength, foreign=foreign, after_title=after_title, lex=lex, confirmed=confirmed) > 0


# surnames that are everyday words first (surnames_as_words.txt): function words, adverbs, measure words
_AS_WORDS = dict(line.split("\t") for line in lexicon_lines("surnames_as_words.txt"))
_FUNCTION_SURNAMES, _ADVERB_CHARACTERS, _MEASURES = _AS_WORDS["function"], _AS_WORDS["adverb"], _AS_WORDS["measure"]
_RARE_SURNAMES = _AS_WORDS["rare"]


@lru_cache(maxsize=1)
def _never_opens_a_name(lex: Lexicon) -> re.Pattern[str]:
    """A province (内蒙古考察), or a verb that stands before names (致电…，祝贺其就任…, 祝贺纳兰德拉·莫迪; alone too:
    习近平致信祝贺): the run opens with that word, no name."""
    verbs = {v for v in lex.verbs_before_name if len(v) >= 2}
    return re.compile(f"(?:{alternation(set(lex.provinces))}|{alternation(verbs)})")


@lru_cache(maxsize=1)
def _words_after_titles() -> tuple[str, ...]:
    return tuple(lexicon_lines("words_after_titles.txt"))


@lru_cache(maxsize=1)
def _locatives() -> frozenset[str]:
    return frozenset(lexicon_lines("locatives.txt"))


@lru_cache(maxsize=1 << 16)
def never_a_name(token: str, lex: Lexicon) -> bool:
    """A country (乌克兰, 沙特), or a function character before a dictionary word (组长向记者介绍: 向记者; 和孩子,
    于美国, 于明天), whatever title stands before it. (向长江, 于海河: a place name after 向 or 于 may be a given name;
    和 is a surname too rarely to keep 和香港.)"""
    if _is_place(token, lex) or _never_opens_a_name(lex).match(token):
        return True  # (习近平总书记内蒙古考察: a province opens no name; 祝贺其: nor does a verb before names)
    if token.startswith(_words_after_titles()):
        return True  # 维护总书记权威, 在主席领导下: a set phrase after the title (words_after_titles.txt)
    head = lex.common_words.get(token[:2])
    if len(token) >= 3 and head is not None and (head.startswith("d")
                                                 or (head == "m" and token[1] in _MEASURES)):
        return True  # 总书记多次提到, 曾经: an adverb or a count opens no name (白天明: a time word may)
    if len(token) == 2 and token[0] in _ADVERB_CHARACTERS and (lex.common_words.get(token) or "x")[0] in "vdb":
        return True  # 总书记常用的…: the adverb and its verb make one dictionary word (常万全 is a name)
    if len(token) == 3 and token[0] in _ADVERB_CHARACTERS and lex.common_words.get(token[1:]) == "v":
        return True  # 总书记曾勉励…: 曾 is a surname too, but not before a verb (曾建设: a verbal noun may be a name)
    if len(token) == 3 and token[2] in _locatives() and head in ("n", "v", "vn", "a"):
        return True  # 总统官邸内, 在总书记指导下, 担任领导职务后: a noun or verb and a place or time word, no name
    if len(token) == 2 and token[0] in _FUNCTION_SURNAMES and token[1:] in lex.tense_markers:
        return True  # 工商领袖和前高官: 和 then the 前 of a former post
    if len(token) != 3 or token[0] not in lex.weak_surnames:
        return False
    tag = lex.common_words.get(token[1:])
    if token[1:] in _country_set(lex) or (tag is not None and tag.startswith("t")):
        return True  # (于立新: a given name may be an adverb after 于)
    if token[0] in _FUNCTION_SURNAMES and token[1:] in lex.titles:
        return True  # 外长和防长参加: a title after 和
    # (向前进: a verb may be a given name after 向 or 同; 和 and 由 are surnames too rarely)
    return token[0] in _FUNCTION_SURNAMES and tag is not None \
        and (token[0] in _RARE_SURNAMES or not tag.startswith(("ns", "nr", "v")))


def _acceptance(token: str, strength: int, *, foreign: bool, after_title: bool, lex: Lexicon,
                confirmed: frozenset[str] = frozenset(), conjoined: bool = False, list_end: bool = False) -> int:
    """2: a name of a known shape; 1: an unshaped run trusted between a title and a firm stop; 0: no name."""
    if never_a_name(token, lex):
        return 0
    if token in confirmed:
        return 2
    if token[-1] in lex.not_name_end and not (list_end and _list_name(token, lex)):
        return 0  # 普京在大会上, 邵鸿等出席: the reading swallowed the word after the name
    if is_joined_name(token):
        return 2
    if not _CJK_ONLY.fullmatch(token) or token in _GROUP_NOUNS or token in lex.stops or _is_place(token, lex) \
            or token in _message_words() or token in lex.titles:
        return 0  # (主席贺信: a message, no person; 总理顾问: a title after a title)
    tag = _common(token, lex)
    if is_han_name(token, lex):
        if token[0] in lex.weak_surnames and (strength < 3 or token[1:] in lex.person_markers) \
                and _common(token[1:], lex):
            return 0  # 总理和夫人(陪同): an everyday character before a word is no surname
        if token[0] in lex.weak_surnames and token not in confirmed and len(token) >= 3 \
                and ((_common(token[:2], lex) or "x")[0] in "nv" or (_common(token[1:3], lex) or "x")[0] in "vmqrpcud"):
            return 0  # 领导干部做到, 调研时强调: the everyday character makes a word with the next, or a verb follows
        if any(ch in lex.not_given for ch in token[1:]) and token not in confirmed:
            return 0  # 助理那阵: a character no given name has
        if len(token) >= 3 and _patterns()["body_end"].fullmatch(token[1:]) and len(token[1:]) >= 2:
            return 0  # 区政协主席: a body before its title, no person 区政协
        if tag is None:
            return 2
        if tag.startswith("nt"):
            return 0  # 检察长张军和公安部: an organisation, never a person
        # a dictionary word can still be a name right after a title: closed by a role verb at once (部长甘露作交流
        # 发言: the dictionary's 甘露 is a verb), or any word but a verb, pronoun, conjunction or particle (副区长乌兰,
        # 大使徐步也到: 徐步 is an adverb in the dictionary); a verb closed by anything else never is (市长强调)
        if after_title and tag[0] not in "tmq" and ((strength == 3 and not foreign) or tag[0] not in "vrpcuyad"
                                                    or (strength >= 2 and tag[0] in "ad")):
            return 2  # (never a time word or a number: 主席去年出席)
        if after_title and not foreign and strength >= 2 and tag == "v" and _rare_word(token):
            return 2  # 国民党前主席连战表示: a verb jieba rarely sees is a name before a firm stop (市长强调: no)
    if is_syllabic_name(token, lex) and (after_title or strength >= 3) and (
            tag is None or tag.startswith("ns") or strength >= 3):
        return 2
    if foreign and after_title and is_japanese_name(token, lex) and not any(ch in lex.not_given for ch in token):
        return 2  # 日本首相安倍晋三在, 外相河野太郎: a Japanese family name and a given name
    # (美国前国务卿基辛格表示: a transliteration jieba files as a plain noun is still a name after a foreign title)
    spelt_noun = tag == "n" and len(token) >= 3 and strength >= 2
    if foreign and is_transliteration(token, lex) \
            and (tag is None or strength >= 3 or tag.startswith(("ns", "nr")) or spelt_noun) \
            and (not _ordinary_word(tag) or strength >= 4 or spelt_noun) \
            and not (len(token) >= 4 and _common(token[-2:], lex) and _common(token[-2:], lex)[0] == "v"):
        return 2  # (奥朗德指派: a verb after the name is no part of it)
    if after_title and not foreign and strength >= 1 and 2 <= len(token) <= 4 and tag is None \
            and token[0] not in lex.surnames and is_transliteration(token, lex):
        return 1  # 国防部长塞西在: a transliterated name after a title no country placed
    # outside the shapes: trusted only between a title and a verb or punctuation (副县长其木格陪同, 安倍晋三举行)
    if after_title and (strength >= (2 if foreign else 3) or (foreign and strength == 1 and conjoined)) \
            and 2 <= len(token) <= 4:  # (five characters outside the shapes were mostly a name and the next word)
        if any(ch in lex.not_given for ch in token) or (tag is not None and _ordinary_word(tag)) \
                or token[0] in _NUMERALS:
            return 0  # (外交部长一职, 其他领导一岗双责: a numeral opens no name)
        if any(len(w) >= 2 and (_common(w, lex) or "n")[0] in "tfmqrpcudva" for w in _words(token)):
            return 0  # 外长会期间会见: 期间 (a time or place word) inside the run, no name
        halves_ordinary = len(token) == 4 and any(_ordinary_word(_common(h, lex)) for h in (token[:2], token[2:]))
        if halves_ordinary or token.endswith(lex.org_endings) or _patterns()["body_end"].search(token):
            return 0  # (新加坡总理公署, 日中友好议员联盟: the body the title names goes on, no name after it)
        return 1
    return 0


@lru_cache(maxsize=1)
def _japanese_surnames() -> dict[str, tuple[str, ...]]:
    """japanese_surnames.txt by first character, longest first: a token is checked against a few, not all."""
    by_first: dict[str, list[str]] = {}
    for surname in sorted(lexicon_lines("japanese_surnames.txt"), key=len, reverse=True):
        by_first.setdefault(surname[0], []).append(surname)
    return {first: tuple(names) for first, names in by_first.items()}


def is_japanese_name(token: str, lex: Lexicon) -> bool:
    """A Japanese family name (japanese_surnames.txt) and a given name: one or two characters that are no everyday
    word (安倍参拜, 麻生谬论: a verb or noun follows the family name), or three ending like 由纪夫 (安倍晋三时: no)."""
    for surname in _japanese_surnames().get(token[:1], ()):
        given = token[len(surname) :]
        if not token.startswith(surname) or not 1 <= len(given) <= 3:
            continue
        if len(given) == 3 and given[-1] not in _japanese_given_endings():
            continue
        if given[-1] not in _japanese_given_endings() \
                and any(stop_strength(token, i) for i in range(len(surname), len(token))):
            continue  # 野田在临(时国会): a stop inside the given name (but 松井由纪夫: 由 opens a name of that shape)
        ending = len(given) == 3 and given[-1] in _japanese_given_endings()
        if len(given) >= 2 and (tag := _common(given[:2], lex)) is not None and not tag.startswith("nr") \
                and not ending:
            continue  # (安倍参拜: a word for a given name; 小池百合子: a word and a given name's ending is a name)
        return True
    return False


@lru_cache(maxsize=1)
def _message_words() -> frozenset[str]:
    """贺信, 唁电, 批示 (message_verbs.txt): what a leader sends, never a name after a title."""
    return frozenset(lexicon_lines("message_verbs.txt"))


def _closes_list(text: str, end: int) -> bool:
    """Punctuation, 等, or a verb right after ``end`` (郑义和举行了会谈, 魏凤和出席, 康京和指责): nothing there for a
    name to have swallowed, since 和 or 为 before a verb joins nothing; nor is there before a second 和
    (魏凤和和王家胜)."""
    return end < len(text) and (text[end] in "、，。；：！？）" or text.startswith(("等", *_VERBS_AFTER_LIST_NAME), end)
                                or text.startswith(load().speech_verbs, end)
                                or (text[end - 1 : end + 1] == "和和")  # 魏凤和和王家胜: the second 和 joins
                                or bool(_patterns()["role"].match(text, end)))


_VERBS_AFTER_LIST_NAME = ("举行", "一道", "一起", "会见", "会谈", "致电")  # (and the verbs of speech_verbs.txt)


def _list_name(token: str, lex: Lexicon) -> bool:
    """罗富和: a three-character Han name whose last character is also a function word that names use."""
    return len(token) == 3 and token[-1] in lex.name_end_in_lists and is_han_name(token, lex)


# 在会见…时, 当…抵达主席府时, 会见…国家副主席潘坎时: a clause that 时 will close
_WHILE_CLAUSE = re.compile(r"(?:在|当|会见|会谈|会晤)[^，。；：]*$")


def readings_at(text: str, pos: int, *, foreign: bool = False, after_title: bool = True,
                lex: Lexicon | None = None, confirmed: frozenset[str] = frozenset()) -> list[Reading]:
    """Every acceptable name starting at ``pos``, shortest first."""
    lex = lex or load()
    if pos >= len(text) or _patterns()["role"].match(text, pos):
        return []  # 州领导应邀出席: a verb starts here, no name
    if _chain_goes_on(text, pos):
        return []
    at_stop = stop_strength(text, pos) >= 1  # 总统将访华, 副总统和克里国务卿: a stop starts here
    joined = _JOINED.match(text, pos)
    if at_stop and joined and not _spelt_first_part(joined.group(0), lex):
        joined = None  # (瑞士联邦主席于利·毛雷尔: a first part spelt in transliteration characters opens with a stop's)
    # (主席和菲德尔·卡斯特罗: 和 joins, no name starts there; 总统任命阿布-塔莱比: a verb starts there)
    first_part = re.match(f"[^{re.escape(JOINERS)}]+", text[pos:])
    if joined and first_part and len(first_part.group(0)) >= 4 \
            and (_common(text[pos : pos + 2], lex) or "x")[0] in "nv" \
            and not is_transliteration(first_part.group(0), lex):
        # 任命阿布-塔莱比: a dictionary word opens the run, the name starts after it (亚历山大·卢卡申科,
        # 安东尼斯·萨马拉斯: a first part spelt in transliteration characters is a name, whatever word its first two
        # make)
        joined = None
    if joined:
        # the last part may run into what follows (伊姆兰·汗在北京): it ends at the first stop after it
        last = max(joined.group(0).rfind(j) for j in JOINERS) + pos + 1
        for end in range(last + 1, joined.end() + 1):
            strength = stop_strength(text, end)
            if end > last + 1 and text[end - 1] in lex.not_name_end:
                break  # 特蕾莎·梅会也将: the last part ran into the next word
            if not strength and end < len(text) and (
                    text[end] in lex.not_name_end
                    or (_verb_starts(text, end, lex) and not _inside_a_country(text, end, lex))):
                strength = 1  # so the name ends before it (特蕾莎·梅|会也将, 米歇尔·奥恩|不接受)
            if strength < 3 and end < len(text) and text[end] in lex.transliteration \
                    and stop_strength(text, end + 1) >= 3:
                continue  # 阿不都热西提|出席: the word 提出 holds the name's last character, a role verb follows it
            if strength and is_joined_name(text[pos:end]):
                return [Reading(text[pos:end], strength)]
        if re.match(f"[^{re.escape(JOINERS)}]{{0,6}}[{re.escape(JOINERS)}]", text[pos : pos + 8]):
            return []
        # (李克强分别会见出席中国—中东欧…: a run too long for a name's first part reaches the dash; read as usual)
    found: list[Reading] = []
    run_end = pos
    while run_end < len(text) and run_end - pos < MAX_NAME and text[run_end] in lex.transliteration:
        run_end += 1
    if run_end - pos >= 5 and stop_strength(text, run_end) >= 1:
        foreign = True  # 米亚斯尼科维奇和…: five transliteration characters or more up to a stop are one foreign name
    # a Chinese-context name is at most 4 characters, unless it is a minority name or one the article confirmed
    longest = MAX_NAME if foreign else max(9 if _syllabic_start().match(text, pos) else 4,
                                              max((len(c) for c in confirmed), default=0))
    for end in range(pos + 2, min(len(text), pos + longest) + 1):
        token = text[pos:end]
        if not _CJK_ONLY.fullmatch(token):
            break
        strength, stop_length = stop_at(text, end)
        if foreign and _foreign_stop().match(text, end - 1):
            continue  # 奥雷尔于|本月, 马杜罗成|为: the name's last character would open world news' own word
        if strength < 2 and foreign and is_transliteration(token, lex) and (after := _foreign_stop().match(text, end)):
            strength, stop_length = 2, len(after.group(0))  # 马西莫夫|仍在, 卡梅伦|发出邀请: world news' own verbs
        if token.endswith("时") and _WHILE_CLAUSE.search(text, max(0, pos - 60), pos) and text.startswith("，", end):
            continue  # 在会见密克罗尼西亚联邦总统莫里时，: 时 closes the clause (伍跃时说 is a name)
        if at_stop and not ((strength >= 3 or text.startswith(("等", "同志", "一行", "以及"), end))
                            and (token[0] in lex.surnames and is_han_name(token, lex)
                                 or len(token) >= 4 and is_syllabic_name(token, lex))):
            continue  # only a Han name closed firmly may start with a stop's character (县长向红梅出席, 向红梅等),
            # or a minority name of syllables (副委员长向巴平措，)
        if at_stop and _patterns()["title"].fullmatch(token[1:]):
            continue  # 总统助理和顾问: 和 joins a second title, no name 和顾问
        if (_common(token, lex) or "").startswith("ns") and _patterns()["inspect"].match(text, end):
            continue  # 习近平总书记吉林调研重要讲话: a place and the visit made there, no person 吉林
        if _cuts_a_state_form(text, pos, end, lex):
            continue  # 秘鲁共和国: a country's full name, no person 秘鲁共 before 和
        # 众议长大岛理森和参议长伊达忠一: 和 then another title joins two titled names
        # (日本首相安倍晋三的亲笔信: 的 closes a foreign name after its title as firmly)
        conjoined = strength == 1 and (
            text[end] in "和与及" and bool(_patterns()["title"].search(text, end + 1, end + 7))
            or foreign and text[end] == "的" and len(token) >= 3 and len(_words(token)) == 1)
        level = strength and _acceptance(token, strength, foreign=foreign, after_title=after_title, lex=lex,
                                         confirmed=confirmed, conjoined=conjoined, list_end=_closes_list(text, end))
        if level:
            found.append(Reading(token, strength, level == 2, stop_length))
    if foreign and after_title and (unclosed := _unclosed_japanese_name(text, pos, lex)) \
            and not never_a_name(unclosed, lex):
        # (首相松井由纪夫写给: 由 closes only the family name, weakly; a given name of 由纪夫's shape goes on)
        if unclosed[-1] in _japanese_given_endings():
            found = [r for r in found if r.strength >= 2 or not unclosed.startswith(r.name)]
        if not found:
            found.append(Reading(unclosed, 1, True, 0))
    return found


def _spelt_first_part(run: str, lex: Lexicon) -> bool:
    """Is the part of ``run`` before its first joiner two transliteration characters or more (于利 of 于利·毛雷尔)?"""
    first = re.split(f"[{re.escape(JOINERS)}]", run, maxsplit=1)[0]
    return len(first) >= 2 and all(ch in lex.transliteration for ch in first)


def _unclosed_japanese_name(text: str, pos: int, lex: Lexicon) -> str | None:
    """日本首相安倍晋三参拜…: a Japanese name no stop closes; the family name and a given name of two characters, or
    of three when the third is a given name's ending (鸠山由纪夫); shorter where a stop starts (山崎拓|率领)."""
    surname = next((s for s in _japanese_surnames().get(text[pos : pos + 1], ()) if text.startswith(s, pos)), None)
    if surname is None:
        return None
    end = pos + len(surname) + 2
    if end < len(text) and text[end] in _japanese_given_endings():
        end += 1
    end = min(end, len(text))  # (日本首相安倍。 at the end of a text: no given name follows)
    if text[end - 1] not in _japanese_given_endings():
        end = next((i for i in range(pos + len(surname), end) if stop_strength(text, i)), end)
    if end == pos + len(surname):
        return surname  # 首相野田在临时国会: the family name alone, as news often writes it
    token = text[pos:end]
    if len(token) != end - pos or not _CJK_ONLY.fullmatch(token) or not is_japanese_name(token, lex):
        return None  # (安倍参拜: the family name alone, and a verb)
    return token


@lru_cache(maxsize=1)
def _japanese_given_endings() -> str:
    return "".join(lexicon_lines("japanese_given_name_endings.txt"))


@lru_cache(maxsize=1)
def _foreign_stop() -> re.Pattern[str]:
    """stop_after_foreign_name.txt: what ends a foreign name read after a foreign title, and no other name."""
    return re.compile(alternation(lexicon_lines("stop_after_foreign_name.txt")))


def _inside_a_country(text: str, cut: int, lex: Lexicon) -> bool:
    """阿勒沙|特对: does a country's name of two or three characters stand across ``cut``? (No verb starts in 沙特.)"""
    return any(text[cut - k : cut - k + size] in _country_set(lex) for size in (2, 3) for k in range(1, size))


def _cuts_a_state_form(text: str, pos: int, end: int, lex: Lexicon) -> bool:
    """Does ``end`` fall inside a state form that follows a country (秘鲁共|和国, 智利共|和国)?"""
    if end >= len(text) or text[end] not in _tail_starts(lex) or text[end - 1] not in _head_ends(lex):
        return False  # (most candidates: nothing of a state form on either side of the cut)
    cuts = _state_form_cuts(lex)
    for length in range(1, min(6, end - pos)):
        tails = cuts.get(text[end - length : end])
        if tails and any(text.startswith(tail, end) for tail in tails) \
                and text[pos : end - length] in _country_set(lex):
            return True
    return False


@lru_cache(maxsize=1)
def _tail_starts(lex: Lexicon) -> frozenset[str]:
    return frozenset(tail[0] for tails in _state_form_cuts(lex).values() for tail in tails)


@lru_cache(maxsize=1)
def _head_ends(lex: Lexicon) -> frozenset[str]:
    return frozenset(head[-1] for head in _state_form_cuts(lex))


@lru_cache(maxsize=1)
def _state_form_cuts(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """Each way a name's end may cut a state form (共|和国, 人民共|和国): the head before the cut, the tails after."""
    cuts: dict[str, set[str]] = {}
    for form in lex.state_forms:
        for cut in range(1, len(form)):
            cuts.setdefault(form[:cut], set()).add(form[cut:])
    return {head: tuple(sorted(tails)) for head, tails in cuts.items()}


def best_reading(text: str, pos: int, readings: list[Reading], confirmed: frozenset[str] = frozenset()) -> str | None:
    """The reading to keep: confirmed by the article, then the firmest stop, then jieba's boundary, then a
    three-character name over a two- or four-character one."""
    if not readings:
        return None
    first_word = _words(text[pos : pos + 12])[:1]
    if first_word and len(first_word[0]) >= 4 and _common(first_word[0], load()):
        # 秘书长南南合作特使: a name ends inside no four-character dictionary word that starts where it does (南南合|作;
        # jieba's own guesses, 孙宝树作的, are no such word)
        readings = [r for r in readings if len(r.name) >= len(first_word[0])]
        if not readings:
            return None
    if len(readings) == 1:
        return readings[0].name
    name_ends = _jieba_name_ends(text, pos)
    names = {r.name for r in readings}

    def rank(reading: Reading) -> tuple:
        n = len(reading.name)
        # 李斌在发言, 邵鸿等出席, 关键也到机场迎接: the longer reading swallowed the stop that ends the shorter one
        lex = load()
        swallowing = reading.name[:-1] in names and reading.name[-1] in lex.not_name_end \
            and not (_closes_list(text, pos + n) and _list_name(reading.name, lex))  # (罗富和等: a name)
        return (reading.name in confirmed, reading.shaped, not swallowing, reading.strength >= 2,
                len(reading.name) in name_ends,
                reading.strength, reading.stop_length, {3: 3, 2: 2, 4: 1}.get(n, 0), n)

    return max(readings, key=rank).name


def _jieba_name_ends(text: str, pos: int) -> set[int]:
    """Where jieba would end a name starting at ``pos``: after its first word, or after its first two when the first
    is a lone surname (邵|光明主持)."""
    words = _words(text[pos : pos + 12])
    if not words:
        return set()
    ends = {len(words[0])}
    if len(words[0]) == 1 and len(words) > 1:
        ends.add(1 + len(words[1]))
    return ends


def _chain_goes_on(text: str, pos: int) -> bool:
    """副总理兼经济和能源部部长, 人大常委原副主任: after a title, 兼 or a tense marker and another title continue the
    chain; no name starts there (原 and 前 are surnames too)."""
    tense_then_title = text[pos : pos + 1] in "原前" and bool(_patterns()["title"].match(text, pos + 1))
    return text.startswith("兼", pos) or tense_then_title


def name_at(text: str, pos: int, lex: Lexicon | None = None, after_title: bool = False, *, foreign: bool = False,
            confirmed: frozenset[str] = frozenset(), segmented: bool = True) -> str | None:
    """The person name starting at ``pos``, judged by what follows it (冯雪参加 vs 邵光明主持). With no stop after it,
    ``segmented`` lets jieba's word boundaries say where a Han name ends (莫少华结合分管工作)."""
    found = readings_at(text, pos, foreign=foreign, after_title=after_title, lex=lex, confirmed=confirmed)
    if not found and after_title and segmented and not _chain_goes_on(text, pos):
        return _transliteration_before_verb(text, pos, lex or load()) or _name_by_segmentation(text, pos, lex or load())
    return best_reading(text, pos, found, confirmed)


def _transliteration_before_verb(text: str, pos: int, lex: Lexicon) -> str | None:
    """前外长施泰因迈尔获得…: four transliteration characters or more right before a verb are one foreign name (jieba
    would end it at 施泰因)."""
    end = pos
    while end < len(text) and end - pos < MAX_NAME and text[end] in lex.transliteration:
        end += 1
    token = text[pos:end]
    if len(token) >= 4 and is_transliteration(token, lex) and _verb_starts(text, end, lex) and not _common(token, lex) \
            and not (_common(token[:2], lex) or "x").startswith("v"):  # 总书记考察山西引发: a verb opens it
        return token
    return None


def _verb_char(char: str) -> bool:
    """Is ``char`` a verb on its own in jieba's dictionary (写 in 牛玉儒写的信)? Asked only when a married name is in
    question, which is rare."""
    return char in _verb_chars()


@lru_cache(maxsize=1)
def _verb_chars() -> frozenset[str]:
    """The one-character words jieba's dictionary tags as verbs, as ``jieba.posseg`` reads its tags (the last line
    of a word wins). Read from the dictionary file itself: ``jieba.posseg``'s table of every word's tag would cost
    each worker half a second and 46 MB for these 1,300 characters."""
    import jieba

    tags: dict[str, str] = {}
    with jieba.dt.get_dict_file() as handle:
        for raw in handle:
            line = raw.decode("utf-8").strip()
            if len(line) > 1 and line[1] == " ":  # a word of one character
                tags[line[0]] = line.rsplit(" ", 1)[-1] if line.count(" ") >= 2 else ""
    return frozenset(char for char, tag in tags.items() if tag.startswith("v"))


def _name_by_segmentation(text: str, pos: int, lex: Lexicon) -> str | None:
    """No stop follows (莫少华结合分管工作): a Han name that ends where jieba's first words end (莫|少华), after a real
    surname (not an everyday character: 年初对中国 has no name, nor a stop: 副总统和克里)."""
    if pos >= len(text) or text[pos] not in lex.surnames and text[pos : pos + 2] not in lex.compound_surnames:
        return None
    at_stop = stop_strength(text, pos)
    if at_stop >= 2 or (at_stop and any(_patterns()["title"].match(text, pos + 1 + k) for k in (2, 3, 4))):
        return None  # 成员祝贺中国新春: a verb; 副总统和克里国务卿: 和 joins two titled names here
    if at_stop and text[pos] in _ADVERB_SURNAMES and not any(stop_strength(text, pos + k) for k in (2, 3)) \
            and _common(text[pos + 1 : pos + 3], lex):
        return None  # 图普六世国王曾以外交和国防大臣身份: the adverb 曾 before a word, and no stop to close a name
        # (曾胜利就…, 原书记曾孝恩涉嫌: names)
    if at_stop and all(ch in lex.transliteration for ch in text[pos + 1 : pos + 4]):
        return None  # 委员长和姆拜尼马拉马总理: 和 joins a foreign name
    married = text[pos : pos + 4]  # 林郑月娥, 梁唐青仪: a husband's surname before one's own name (Hong Kong, Macao)
    if len(married) == 4 and not at_stop and married[1] in lex.surnames and married[1] not in lex.weak_surnames \
            and is_han_name(married[1:], lex) and married[-1] not in lex.not_name_end \
            and not stop_strength(text, pos + 3) \
            and (stop_strength(text, pos + 4) >= 2 or (stop_strength(text, pos + 4) and not _verb_char(married[3]))) \
            and not any(_common(married[i:j], lex) for i, j in ((0, 2), (1, 3), (2, 4), (0, 3), (1, 4))):
        return married
    lengths = (4, 3) if text[pos : pos + 2] in lex.compound_surnames else (3, 2)
    ends = _jieba_name_ends(text, pos)
    for length in lengths:
        token = text[pos : pos + length]
        if length not in ends or pos + length >= len(text) or not is_han_name(token, lex) or _common(token, lex) \
                or _is_place(token, lex) or token[-1] in lex.not_name_end or token in _message_words() \
                or token in lex.titles or any(ch in lex.not_given for ch in token):
            continue  # (助理那阵他: with no stop after it, a run holding an everyday character 那 is no name)
        if token[0] in lex.weak_surnames and _common(token[1:], lex):
            continue  # 和夫人: an everyday character and a word (县长和丽娟 is a name: 丽娟 is no dictionary word)
        if at_stop and len(token) == 3 and token[1] in lex.surnames \
                and (token[1] not in lex.weak_surnames or _common(token[1:], lex)):
            continue  # 主席向王磊询问: the stop is a preposition before a name of its own (王磊), read from there
            # (成员由来自…: or before a word)
        return token
    return None


# what may stand right before a bare name in a list or as an object: punctuation, a conjunction, or a verb
_LEFT_OF_NAME = set("、，。；：及和与（“ \n")
# 会议由李海峰主持: 由 names the agent, so a bare name may follow it
_LEFT_OF_BARE_NAME = _LEFT_OF_NAME | {"由"}


def name_ending_at(text: str, end: int, lex: Lexicon | None = None,
                   confirmed: frozenset[str] = frozenset()) -> str | None:
    """A bare name (no title) that ends at ``end`` and starts after punctuation or a conjunction (王沪宁、栗战书参加).

    Without a title only names the article confirmed, Han names and joined names are read: a bare run of
    transliteration characters is too often an ordinary word.
    """
    lex = lex or load()
    joined = _joined_ending_at(text, end)
    if joined:
        return joined
    best: str | None = None
    for length in range(2, min(MAX_NAME, end) + 1):
        start = end - length
        token = text[start:end]
        if not _CJK_ONLY.fullmatch(token):
            break
        if start > 0 and text[start - 1] not in _LEFT_OF_BARE_NAME:
            continue
        if token in confirmed:
            return token
        if best is None and (length <= 4 and is_han_name(token, lex) or is_syllabic_name(token, lex)) \
                and not never_a_name(token, lex) and _name_like_tag(_common(token, lex), text, end) \
                and (token[-1] not in lex.not_name_end or (_closes_list(text, end) and _list_name(token, lex))):
            best = token
    return best


def _name_like_tag(tag: str | None, text: str, end: int) -> bool:
    """No dictionary word, or one jieba knows as a person (nr) or a proper noun (nz: its dictionary holds some
    leaders, 周铁农) that a list's punctuation or verb closes."""
    return tag is None or tag.startswith("nr") or (tag == "nz" and _closes_list(text, end))


def _joined_ending_at(text: str, end: int) -> str | None:
    """A joined name (古丽娜尔·阿布都拉) ending at ``end``, its first part right after punctuation or a conjunction."""
    if end < 3 or text[end - 1] in JOINERS or text[end - 1] in "在和与及等同":
        return None
    start, joins = end, 0
    while start > 0 and end - start < 30:
        ch = text[start - 1]
        if ch in JOINERS:
            joins += 1
        elif not _CJK_ONLY.match(ch) or (joins and ch in _LEFT_OF_NAME):
            break
        start -= 1
    if not joins:
        return None
    if start > 0 and text[start - 1] not in _LEFT_OF_NAME:
        return None  # 县政协主席古丽娜尔·阿布都拉: the title's span reads it, not a bare list
    token = text[start:end]
    marker = _person_marker_inside(token)
    if marker:  # 美国图灵奖获得者雷伊·雷蒂: who the person is, then the name
        token = token[marker:]
    return token if is_joined_name(token) else None


@lru_cache(maxsize=1)
def _person_word() -> re.Pattern[str]:
    """The words that say who a listed person is (获得者, 专家, 院士): person markers and list_fillers.txt groups."""
    lex = load()
    groups = [line.partition("\t")[2] for line in lexicon_lines("list_fillers.txt") if line.startswith("group\t")]
    return re.compile(alternation(set(lex.person_markers) | set(groups)))


def _person_marker_inside(token: str) -> int:
    """Where the name starts after a word saying who the person is, inside the first part of a joined run; 0 if
    there is none."""
    first = re.split(f"[{re.escape(JOINERS)}]", token, maxsplit=1)[0]
    found = [m.end() for m in _person_word().finditer(first) if len(first) - m.end() >= 2]
    return max(found) if found else 0


def _bare_name_ending_at(text: str, end: int, lex: Lexicon, confirmed: frozenset[str] = frozenset()) -> str | None:
    return name_ending_at(text, end, lex, confirmed)


def is_name(token: str, lex: Lexicon | None = None, after_title: bool = False,
            strong_stop: bool | str = False, foreign: bool = False) -> bool:
    """Could ``token`` be a name here? ``strong_stop``: punctuation or a role verb closes it at once."""
    lex = lex or load()
    strength = 3 if strong_stop else 2
    return acceptable(token, strength, foreign=foreign, after_title=after_title, lex=lex)
