"""Titles and the bodies they belong to: title chains, bodies written before a title, sub-organs."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.common import SEPARATORS, _is_cjk, _patterns, _words, matches_as_words, word_edges
from kg.lexicon import Lexicon, alternation, lexicon_lines, load
from kg.normalise import CJK

_NOT_A_BODY = re.compile(r"精神|会议|全会|讲话|指示|批示|[和与及](?:省|市|区|县|州|镇|乡|中共|中央)")
_FUNCTION_CHARS = set("由在和与对向为将把被从以及同到于是的了等经并")
_RUN_CHAR = re.compile(f"[{CJK}（）“”]")


@lru_cache(maxsize=1)
def _body_patterns() -> dict[str, re.Pattern[str]]:
    lex = load()
    countries = alternation(set(lex.countries))
    return {
        "left": re.compile(alternation(set(lex.body_left_boundary))),
        "country": re.compile(f"(?:{countries})"),
        # 中国驻美国 (大使), 中国常驻联合国 (代表)
        "posted": re.compile(f"^(?:中国|我国)?(?:常驻|驻)(?:{countries}|[{CJK}]{{2,8}}?(?:国|总领事馆|使馆))"
                             f"(?:大使馆|使馆|总领事馆|代表团)?$"),
        "org_end": re.compile(f"(?:{alternation(set(lex.org_endings))})$"),
        # 伊拉克议会要求, 以色列解除封锁巴勒斯坦政府: sentence material no post holds (的 is a left boundary already)
        "sentence": re.compile("|".join(line for line in lexicon_lines("not_in_posts.txt") if "的" not in line)),
    }


@lru_cache(maxsize=1)
def _tense_markers_longest_first() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(load().tense_markers.items(), key=lambda kv: -len(kv[0])))


def tense_before(text: str, start: int) -> str:
    """current, past or elect: what a marker right before a title chain says (时任福州市委书记, 原副市长)."""
    marker = marker_before(text, start)
    return marker[1] if marker else "current"


def marker_before(text: str, end: int, floor: int = 0) -> tuple[str, str] | None:
    """The tense marker (tense_markers.txt) ending at ``end`` after ``floor``, with its tense: 前 of 美国前国务卿,
    新任 of 叙利亚新任国防部长 (no part of the body or the post)."""
    for marker, tense in _tense_markers_longest_first():
        if end - len(marker) >= floor and text.startswith(marker, end - len(marker)):
            return marker, tense
    return None


def is_body_name(candidate: str, at_boundary: bool, lex: Lexicon | None = None) -> bool:
    """Is ``candidate`` a whole body name: a place and a body ending (区政协), a standalone body (国家, 中共中央), a
    country or international organisation (美国, 联合国) alone or before a body (苏丹全国大会党, 马来西亚卫生), a
    mission abroad (中国驻美国), or, right after a boundary, an organisation by its ending (国民党)."""
    lex = lex or load()
    pats, body = _patterns(), _body_patterns()
    qualified = _QUALIFIER.search(candidate)
    if qualified and qualified.start() >= 2:  # 印度共产党（马克思主义）, 尼泊尔共产党（联合马列）: a party's qualifier
        return is_body_name(candidate[: qualified.start()], at_boundary, lex)
    foreign = body["country"].match(candidate)
    if candidate.startswith(_personal_pronouns()):
        return False  # 我们党(领导红军): a speaker's clause
    if _sentence_material(candidate):
        return False  # 伊拉克议会要求(总理): a clause's verb, not a body's name
    for left in left_boundaries(candidate):
        if left.group(0) == "的" and candidate[left.start() - 1 : left.start()] == "党":
            continue  # 中央党的群众路线教育实践活动领导小组
        if foreign and left.group(0) in ("与", "和") and not body["country"].match(candidate, left.end()):
            continue  # 厄立特里亚人民民主与正义阵线: the joiner is inside a foreign body's name (总统府与葡萄牙: not)
        return False  # 会见论坛, 新任命的环境保护部, 给新疆…: a verb or 的 inside is no body's name
    if pats["place_start"].match(candidate) and pats["body_end"].search(candidate):
        return True
    place = pats["place_start"].match(candidate)
    if place and place.end() == len(candidate) and len(candidate) >= 3:
        return True  # a place alone heads its own government (湖南省省长, 加利福尼亚州州长, 巴厘省省长)
    if candidate in lex.provinces:
        return True  # 吉林省长, 上海市长: a province by its short name
    if candidate in lex.standalone_bodies or body["posted"].match(candidate):
        return True
    if at_boundary and any(candidate.startswith(b) and pats["body_end"].fullmatch(candidate[len(b):])
                           for b in lex.standalone_bodies):
        return True  # 团中央书记处: a standalone body and one organ of it
    if at_boundary and candidate in lex.state_forms:
        return True  # 利比里亚团结党领袖、共和国总统: the chain's country comes before it
    country = body["country"].match(candidate)
    if country:
        rest = candidate[country.end():]
        form = next((f for f in lex.state_forms if rest.startswith(f)), "")
        rest = rest[len(form):]  # 乌兹别克斯坦共和国: the full name of the country
        if "中共" in rest:
            return False  # 朝鲜各界及国际社会高度评价中共中央(总书记): the Chinese party's body starts a run of its own
        office = next((o for o in _head_offices() if rest.startswith(o) and len(rest) > len(o)), "")
        if office and all(w in _FUNCTION_CHARS or lex.common_words.get(w, "nr")[:2] not in ("nr", "ns")
                          for w in _words(rest[len(office):])):
            rest = rest[len(office):]  # 美国总统国家安全事务(助理): the president's own staff (总统特朗普称法国: not)
        if rest and not pats["body_end"].search(rest) and not body["org_end"].search(rest):
            rest = _ONE_JOINER.sub("", rest, count=1)  # 印尼旅游与创业经济部长: one 与 joins a ministry's fields
            if len(rest) > 6:
                return False
            words = _words(rest)
            tags = [lex.common_words.get(w, "x") for w in words]
            if any(a == b == "v" for a, b in zip(tags, tags[1:], strict=False)):
                return False  # 埃及检方批准释放(总统): two verbs in a row are a headline's clause, no ministry
            return not any(tag[0] in "pcu" or (len(w) == 1 and w in _FUNCTION_CHARS)
                           for w, tag in zip(words, tags, strict=True))
        return True
    if at_boundary and 3 <= len(candidate) <= 16 and body["org_end"].search(candidate) \
            and not _clause_before_country(candidate):  # (劳尔率古巴国务委员会: the body starts at its country)
        # one 和 joining two fields is part of the name (社会和法制委员会, 经济和信息化厅)
        inner = _ONE_JOINER.sub("", candidate[:-1], count=1)
        # (推动长江经济带发展领导小组: 经 inside a word, 经济, is no function word)
        return not any(len(w) == 1 and w in _FUNCTION_CHARS for w in _words(inner))
    return at_boundary and candidate.startswith(("中共", "中央"))


def _clause_before_country(candidate: str) -> bool:
    """劳尔率古巴国务委员会: a one-character verb or preposition that ends a name (stop_after_name.txt) right before a
    country inside the run (博鳌亚洲论坛理事会: a name's own words)."""
    country = _body_patterns()["country"].search(candidate, 1)
    return country is not None and candidate[country.start() - 1] in _one_character_stops()


@lru_cache(maxsize=1)
def _one_character_stops() -> frozenset[str]:
    return frozenset(w for w in load().stops if len(w) == 1)


@lru_cache(maxsize=1)
def _personal_pronouns() -> tuple[str, ...]:
    return tuple(lexicon_lines("personal_pronouns.txt"))


@lru_cache(maxsize=1)
def _head_offices() -> tuple[str, ...]:
    """总统, 首相 (head_offices.txt), longest first: offices whose staff's posts are named after them."""
    return tuple(sorted(lexicon_lines("head_offices.txt"), key=len, reverse=True))


def left_boundaries(run: str) -> list[re.Match[str]]:
    """The words a body never runs across (由, 在, 的, 会见 …), where they stand as words: the 由 of 自由党 is not
    the preposition 由 (jieba's word boundaries say which)."""
    return matches_as_words(_body_patterns()["left"], run)


def _is_verb(tag: str) -> bool:
    return tag.startswith("v") and tag != "vn"  # (a verbal noun opens a body: 发展改革委)


def _sentence_material(run: str) -> bool:
    """A word of not_in_posts.txt (要求, 解除, 会见) standing as a word of ``run`` (jieba's boundaries: not the 计划
    of 国家计划委员会)."""
    return bool(matches_as_words(_body_patterns()["sentence"], run))


def _after_sentence_material(run: str) -> tuple[int, set[int]] | None:
    """Where the last word of not_in_posts.txt in ``run`` ends, and where the words of ``run`` start; None if none."""
    found = matches_as_words(_body_patterns()["sentence"], run)
    return (found[-1].end(), word_edges(run)) if found else None


_QUALIFIER = re.compile(r"（[^（）]{1,8}）$")
_ONE_JOINER = re.compile(r"(?<=[^和与]{2})[和与](?=[^和与]{2})")
_NATIONAL_BODY_START = re.compile("中共中央|中央|全国|国家|国务院")


def _national_body(candidate: str, lex: Lexicon) -> str | None:
    return candidate if is_body_name(candidate, at_boundary=True, lex=lex) and len(candidate) <= 30 else None


def body_before(text: str, end: int, lex: Lexicon | None = None, floor: int = 0) -> str | None:
    """The body written right before a title (区政协 in 区政协副主席, 美国 in 美国前国务卿), if any; it cannot reach
    back past ``floor``. A tense marker between body and title (前, 原) is not part of the body."""
    lex = lex or load()
    marker = marker_before(text, end, floor + 1)
    if marker:
        end -= len(marker[0])
    start = end
    while start > floor and _RUN_CHAR.match(text[start - 1]) and end - start < 30:
        start -= 1
    if start > floor and text[start - 1].isdigit() and text[start] in _DATE_UNITS:
        start += 1  # 习近平14日同老挝…总书记: the date's unit is no part of the body (jieba reads 日同 as one word)
    run = text[start:end]
    boundaries = left_boundaries(run)
    if boundaries:
        # 在成都会见由新疆维吾尔自治区党委: the body starts after 由; but a national body may hold 的 in its name
        # (中央党的群众路线教育实践活动领导小组): crossing 党的 is allowed from 中央/中共/全国/国家
        crossing = _NATIONAL_BODY_START.search(run, 0, boundaries[-1].start())
        if crossing and all(b.group(0) == "的" and run[b.start() - 1 : b.start()] == "党" for b in boundaries
                            if b.start() >= crossing.start()):
            body = _national_body(run[crossing.start():], lex)
            if body:
                return body
        country = _body_patterns()["country"].search(run, 0, boundaries[-1].start())
        if country and all(b.group(0) in ("与", "和") for b in boundaries if b.start() >= country.start()) \
                and is_body_name(run[country.start():], at_boundary=True, lex=lex):
            return run[country.start():]  # 厄立特里亚人民民主与正义阵线: a foreign body's name may hold 与
        run = run[boundaries[-1].end() :]
    starts: set[int] | None = None
    material = _after_sentence_material(run)
    if material:
        # 日本财务省承认曾要求森友学园说谎日本财务省理财局: a headline run into the body; the body starts after the
        # clause's last verb, where a word starts (not 园说谎日本财务省理财局)
        cut, edges = material
        run, starts = run[cut:], {edge - cut for edge in edges if edge >= cut}
        country = next((i for i in sorted(starts) if _body_patterns()["country"].match(run, i)), None)
        if country is not None:  # (…承认曾篡改文件日本财务省理财局: a foreign body starts with its country)
            starts = {i for i in starts if i >= country}
    for i in range(len(run) - 1):
        if starts is not None and (i not in starts or _is_verb(lex.common_words.get(_words(run[i:])[0], ""))):
            continue  # (nor at the clause's next verb: 说谎日本财务省理财局)
        candidate = run[i:]
        if _NOT_A_BODY.search(candidate.removesuffix(_meeting_named_body(candidate))) \
                or candidate.count("“") != candidate.count("”") or candidate[0] == "届":
            continue  # 省委十四届九次全会精神和省委: a meeting and a conjunction, not one body
        if i > 0 and candidate[0] in _ONE_CHAR_PLACES and run[i - 1] not in _FUNCTION_CHARS \
                and run[i - 1 : i + 1] in lex.common_words:
            continue  # 郑州大学, 住房和城乡建设部: 州 and 乡 end a word here, they do not start a body
        if is_body_name(candidate, at_boundary=i == 0, lex=lex):
            return candidate
    return None


@lru_cache(maxsize=1)
def _meeting_named_bodies() -> tuple[str, ...]:
    """Body endings that hold 会议 (部长会议: Cuba's council of ministers is a body, not a meeting)."""
    return tuple(s for s in lexicon_lines("body_suffixes.txt") if "会议" in s)


def _meeting_named_body(candidate: str) -> str:
    return next((s for s in _meeting_named_bodies() if candidate.endswith(s)), "")


# 十二届, 第十三届, 第24届: the term of the body a post belongs to, written before the body
TERM = r"第?[0-9一二三四五六七八九十]+届"
_TERM_BEFORE = re.compile(f"{TERM}$")


def term_before(text: str, start: int, floor: int = 0) -> str:
    """十二届 in 十二届全国政协副主席: the term written before a body is part of the post (the outgoing term's
    vice-chairs at the new term's first session hold 十二届全国政协副主席), though no part of the body."""
    found = _TERM_BEFORE.search(text, max(floor, start - 6), start)
    if found and found.start() > 0 and text[found.start() - 1] in "新上下本每历该同首这那前后":
        return ""  # 新一届非盟轮值主席, 这一届: which term, not a term's number
    if found and found.group(0) == "一届":
        return ""  # (a first term is written 第一届)
    return found.group(0) if found else ""


_ONE_CHAR_PLACES = set("省市区县州镇乡村盟旗")
_DATE_UNITS = set("日号")
_SUB_ORGANS = ("机关", "办公室", "党组", "纪检监察组")  # parts of the body named before them
_STANDALONE_HEADS = {"管委会", "党工委", "工委"}

def _trailing_body(run: str) -> str | None:
    """The organisation that ends a run of text (在成都会见了华西集团 -> 华西集团), by jieba's word boundaries."""
    lex = load()
    tokens = _words(run)
    kept: list[str] = []
    joined = False
    for at in range(len(tokens) - 1, -1, -1):
        token = tokens[at]
        tag = lex.common_words.get(token, "")
        if token in ("和", "与") and kept and not joined and at > 0 \
                and lex.common_words.get(tokens[at - 1], "").startswith(("n", "vn")) and len(tokens[at - 1]) >= 2:
            joined = True  # 住房和城乡建设部: one 和 joins two fields of a ministry's name
            kept.insert(0, token)
            continue
        if not kept and len(token) == 1 and _patterns()["body_end"].search(token):
            kept.insert(0, token)  # 生态环境|部: the body's ending as a word of its own
            continue
        ending_only = len(kept) == 1 and len(kept[0]) == 1  # 审计|署: the word before a one-character ending
        if not kept and len(token) >= 3 and _patterns()["body_end"].search(token):
            tag = "n"  # 审计署: a word that ends as a body is one, whatever its tag
        if len(token) < 2 or tag.startswith(("p", "c", "u", "d", "r")) or token in _left_boundary_words() \
                or (tag.startswith("v") and tag != "vn" and not ending_only):
            break  # (应急管理部: a verbal noun may name a body's field)
        kept.insert(0, token)
    if kept and kept[0] in ("和", "与"):
        kept.pop(0)
    body = "".join(kept)
    return body if 2 <= len(body) <= 14 and _patterns()["body_end"].search(body) else None


def _title_start(text: str, item_start: int, title: str) -> int:
    return text.find(title, item_start)


def _title_ending_at(text: str, end: int, floor: int = 0) -> str | None:
    """The longest title (titles.txt) that ends at ``end``, if any: 全国政协副主席|兼, 国务委员|兼."""
    lex, pats = load(), _patterns()
    for length in range(min(8, end - floor), 1, -1):
        candidate = text[end - length : end]
        if pats["title"].fullmatch(candidate) and candidate in lex.titles:
            return candidate
    return None


def _unplaced_body(text: str, title_start: int, title: str, floor: int) -> str | None:
    """统战部 in 县委常委、统战部部长: a body named without its place, to be placed by the chain."""
    start = title_start
    while start > floor and _is_cjk(text[start - 1]) and text[start - 1] not in SEPARATORS \
            and not (text[start - 1] == "兼" and _title_ending_at(text, start - 1, floor)):
        start -= 1  # (古巴国务委员会主席兼部长会议主席: 兼 after a title separates as 、 does)
    run = text[start:title_start]

    def body_like(candidate: str) -> bool:
        return 2 <= len(candidate) <= 12 and bool(_patterns()["body_end"].search(candidate))

    joined = _field_before_joiner(text, start, floor)
    if joined is not None and body_like(run):
        start, run = joined, text[joined:title_start]  # 住房和城乡建设部: one 和 joins two fields of its name

    boundaries = left_boundaries(run)
    if any(b.group(0) == "的" for b in boundaries):
        after = run[boundaries[-1].end() :]
        # 新任命的环境保护部部长: the body starts after 的; 刚刚回国的委总统: no body (中央代表团 holds the verb 代表,
        # and a verb before an unrecognised body leaves the post its title alone: 听取…工作室领衔委员)
        return after if body_like(after) and boundaries[-1].group(0) == "的" else None
    if not body_like(run) or not (joined is not None or start == 0 or text[start - 1] in SEPARATORS
                                  or text[start - 1] == "兼" or not _is_cjk(text[start - 1])):
        return None
    if _clause_words(run) or _sentence_material(run):  # (另外一位代表是驻村书记: 是 is the clause's verb)
        trailing = _trailing_body(run)  # 会议听取了商务部部长: the clause before the ministry is no part of it
        return trailing if trailing and body_like(trailing) else None
    return run


def _field_before_joiner(text: str, start: int, floor: int) -> int | None:
    """Where a ministry's name starts when a 和/与 stands right before ``start`` and a field noun before it (住房 in
    住房和城乡建设部, 工业 in 工业和信息化部); None when the word before is a title, a body or no noun
    (县委书记和统战部)."""
    if start - 3 < floor or text[start - 1] not in "和与":
        return None
    lex = load()
    words = _words(text[max(floor, start - 12) : start - 1])
    field = words[-1] if words else ""
    if len(field) < 2 or not lex.common_words.get(field, "").startswith(("n", "vn")) or field in lex.titles \
            or _patterns()["body_end"].search(field) or _patterns()["title"].search(field):
        return None
    return start - 1 - len(field)


def _clause_words(run: str) -> bool:
    """A verb, particle or preposition among the words of a run (听取了商务部, 12号在北京会见了台湾海基会, 会见论坛):
    it holds a clause, not only a body."""
    return any(_clause_word(w) for w in _words(run)[:-1])


def _clause_word(word: str) -> bool:
    """A word no body name holds: a verb, particle or preposition by jieba's tag, or one of the words a body never
    runs across (在, 了, 会见: jieba's dictionary tags 会见 a noun)."""
    if _ONE_JOINER.fullmatch(word) or word in ("和", "与"):
        return False
    lex = load()
    return lex.common_words.get(word, "").startswith(("v", "p", "u")) or word in _left_boundary_words()


@lru_cache(maxsize=1)
def _left_boundary_words() -> frozenset[str]:
    """在, 了, and the verbs of meeting someone (会见, 会谈), which jieba's dictionary may tag otherwise; not the words
    that join the posts of one chain (兼, 时任), which the chain reads."""
    lex = load()
    return frozenset(lex.encounter_verbs) | {"在", "了", "由"}


_PARTY_COMMITTEE_TITLES = {"书记", "副书记", "常委", "委员", "秘书长", "副秘书长", "党组书记", "党组副书记", "党组成员"}


def _strip_sub_organ(body: str, title: str | None = None) -> str:
    """区政协党组书记、主席 -> 区政协主席; but 自治区党委常委、秘书长 -> 自治区党委秘书长 (a post of the committee)."""
    if title in _PARTY_COMMITTEE_TITLES and not body.endswith("党组"):
        return body
    return re.sub(r"(党组|党委|党工委|机关党委)$", "", body) or body


def _best_title_split(text: str, title: str, t_start: int, lex: Lexicon, floor: int = 0) -> tuple[str, int]:
    """新区党工委书记: prefer 新区党工委 + 书记 over 新区 + 党工委书记 when only the first leaves a body."""
    if body_before(text, t_start, lex, floor) or t_start == 0 or not _is_cjk(text[t_start - 1]):
        return title, t_start
    for cut in range(1, len(title) - 1):
        shorter = title[cut:]
        if shorter in lex.titles and body_before(text, t_start + cut, lex, floor):
            return shorter, t_start + cut
    return title, t_start


def _item_start(text: str, t_start: int, body: str | None, run: str | None, floor: int) -> int:
    """Where a chain item starts: its body's first character, before the tense marker body_before passed over
    (第74届联合国大会|候任|主席: at 第, so the term before it is found), or its unplaced run's."""
    if not body:
        return t_start - len(run or "")
    marker = marker_before(text, t_start, floor + 1)
    if marker and text.endswith(body, 0, t_start - len(marker[0])):
        return t_start - len(marker[0]) - len(body)
    return t_start - len(body)


def _chain_before(text: str, t_start: int, title: str, lex: Lexicon,
                  floor: int = 0) -> list[tuple[int, str | None, str]]:
    """Walk left from a title over 、/， separated [body]title items.

    新区党工委副书记、管委会主任，区委副书记、代区长 is one chain of four posts.
    """
    body = body_before(text, t_start, lex, floor)
    run = None if body else _unplaced_body(text, t_start, title, floor)
    start = _item_start(text, t_start, body, run, floor)
    items = [(start, body, title)]
    marker = marker_before(text, start, floor + 1)
    if marker and text[start - len(marker[0]) - 1] in "、，兼":
        start -= len(marker[0])  # 主席、前副总理: a tense marker between the chain's separator and its title
    while start > floor + 1 and text[start - 1] in "、，兼":  # 兼: 全国政协副主席兼秘书长
        sep = start - 1
        found = _title_ending_at(text, sep)
        if not found:
            break
        t0 = sep - len(found)
        found, t0 = _best_title_split(text, found, t0, lex, floor)
        b = body_before(text, t0, lex, floor)
        run = None if b else _unplaced_body(text, t0, found, floor)
        item_start = _item_start(text, t0, b, run, floor)
        unrecognised = item_start > 0 and _is_cjk(text[item_start - 1]) and text[item_start - 1] not in SEPARATORS
        if unrecognised and not b and not run:
            break  # the run before the title is not a body we recognise: the chain ends here
        items.insert(0, (item_start, b, found))
        start = item_start
    return items

