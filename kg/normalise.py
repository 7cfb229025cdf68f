"""Stage 2, normalise: one canonical form of the text, and what the issue's header says.

PDF extraction and web crawls give the same article in many shapes: full- or half-width punctuation,
spaced-out characters, page furniture (hotlines, 今日4版, mastheads). Later stages only ever see the
canonical form, so their rules are written once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from functools import lru_cache

from kg.model import Issue, SourceText

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{CJK}]")

# ASCII punctuation that Chinese sites emit instead of the full-width forms.
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_FULLWIDTH_ASCII = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}  # ０-９
_FULLWIDTH_ASCII.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULLWIDTH_ASCII.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FULLWIDTH_ASCII.update({"\u3000": " ", "\u00a0": " ", "．": "."})

_HEADER_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:[，,]?\s*)(星期|周)[一二三四五六日天]")
_FURNITURE = [
    re.compile(p)
    for p in (
        r"(热线|电话|邮箱|传真|邮编|投稿|订阅|征订|广告|发行|网址|定价|零售价)\S*\s*[：:]?\s*[\w.@-]*\d{5,}",
        r"(邮箱|网址)\S*\s*[\w.-]+@|(定价|零售价)[：:\s]*\d",
        r"今日\s*\d+\s*版|总第\s*\d+\s*期|第\s*\d+\s*期|国内统一连续出版物号|CN\s*\d",
        r"^\s*(主办|出版|主管|承办|社址|地址)[\s：:]",
        r"农历\S*年",
        r"^(?:\s*[^\s，。：:]{1,12}[：:]\s*[\d-]{7,})+\s*$",  # 下沙西站：86922565 下沙东站：85090727
        r"(公众号|APP|客户端|微信|微博|抖音|二维码)",
        r"@|www\.|https?://",
        r"^[\sA-Z0-9&.\-·•|]+$",  # QIANTANG NEW AREA DAILY, page numbers, rules
        r"^\s*第\s*\d+\s*版\s*$|^\s*[A-Z]?\d+\s*版\s*$|^\s*要闻\s*$|^\s*(责任)?编辑[：:\s]|^\s*(美编|校对|版式)[：:\s]",
    )
]
# Web-post metadata (来源：… 编辑：…) sits between a headline and its text: it marks where an article starts.
_META = re.compile(r"^\s*(?:来源|作者|发布时间|发布日期|发布者|责任编辑|编辑|浏览次数|点击数)\s*[：:]")
ARTICLE_BREAK = "\x1e"
_SPACE_BETWEEN_CJK = re.compile(f"(?<=[{CJK}，。、；：！？“”（）《》])[ \t]+(?=[{CJK}，。、；：！？“”（）《》])")
_PAPER_NAME = re.compile(f"^[{CJK}]{{2,12}}(日报|晚报|报|新闻|时报|周报)$")


_TO_ASCII = re.compile("[" + "".join(_FULLWIDTH_ASCII) + "]")
_ASCII_PUNCT = re.compile(r"[,:;?!]")
_OPENS_FULL_PUNCT = re.compile(f"[{CJK}）”]")  # ASCII punctuation right after these becomes full-width
_CLOSES_FULL_PUNCT = re.compile(f"[{CJK}“（]")  # and right before these
_AFTER_CLOSING_PAREN = re.compile(f"[{CJK}0-9）]")
_DOTS = re.compile("[•・‧･∙⋅·]")
_SPACED_DOT = re.compile("[ \u3000]+[•・‧･∙⋅·][ \u3000]*|[•・‧･∙⋅·][ \u3000]+")


def _close_spaced_dots(text: str) -> str:
    """约翰 · 基 -> 约翰·基: spaces around a name's middle dot between Chinese characters are typesetting."""
    def fix(match: re.Match[str]) -> str:
        at, end = match.start(), match.end()
        joined = at > 0 and end < len(text) and _CJK_CHAR.match(text, at - 1) and _CJK_CHAR.match(text, end)
        return "·" if joined else match.group(0)

    return _SPACED_DOT.sub(fix, text)


def to_canonical(text: str) -> str:
    """Full-width digits/letters to ASCII, ASCII punctuation in Chinese context to full-width, quotes to “”.

    Each rule finds its characters first and looks at their neighbours in Python: a pattern that starts with a
    lookbehind is tried at every position of a 10 MB corpus, and that was most of normalising.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_variant_characters())  # 奥朗徳 -> 奥朗德
    text = _TO_ASCII.sub(lambda match: _FULLWIDTH_ASCII[match.group(0)], text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = re.sub(r"[\u200b\u200c\u200d\ufeff]", "", text)
    text = _between(text, _ASCII_PUNCT, _OPENS_FULL_PUNCT, _CLOSES_FULL_PUNCT, _HALF_TO_FULL.__getitem__,
                    either=True)
    text = re.sub(rf"\((?=[^()\n]{{0,40}}[{CJK}])", "（", text)
    text = _between(text, re.compile(r"\)"), _AFTER_CLOSING_PAREN, None, lambda _: "）")
    text = re.sub(r"（([^（）\n]{0,60})\)", r"（\1）", text)
    text = _pair_ascii_quotes(text)
    # the middle dot of minority names comes in many code points: 古丽米拉•阿不都拉, 买买提・艾力
    text = _close_spaced_dots(text)
    text = _between(text, _DOTS, _CJK_CHAR, _CJK_CHAR, lambda _: "·")
    text = text.replace("「", "“").replace("」", "”").replace("『", "‘").replace("』", "’")
    return text


@lru_cache(maxsize=1)
def _variant_characters() -> dict[int, str]:
    """variant_characters.txt as a str.translate table."""
    from kg.lexicon import lexicon_lines

    pairs = (line.split("\t") for line in lexicon_lines("variant_characters.txt"))
    return {ord(variant): standard for variant, standard in pairs}


def _between(text: str, target: re.Pattern[str], before: re.Pattern[str] | None, after: re.Pattern[str] | None,
             replacement: Callable[[str], str], *, either: bool = False) -> str:
    """Replace each ``target`` character whose neighbours match ``before`` and ``after`` (or either, if asked)."""
    def fix(match: re.Match[str]) -> str:
        at = match.start()
        left = before is None or (at > 0 and before.match(text, at - 1) is not None)
        right = after is None or after.match(text, at + 1) is not None
        if (left or right) if either else (left and right):
            return replacement(match.group(0))
        return match.group(0)

    return target.sub(fix, text)


def _pair_ascii_quotes(text: str) -> str:
    """Straight double quotes alternate open/close, counted per paragraph so one stray quote cannot flip a page."""
    if '"' not in text:
        return text
    out: list[str] = []
    for paragraph in re.split(r"(\n\s*\n)", text):
        parts = paragraph.split('"')
        if len(parts) % 2 == 0:  # odd number of quotes: leave them alone
            out.append(paragraph)
            continue
        buf = [parts[0]]
        for i, part in enumerate(parts[1:]):
            buf.append("“" if i % 2 == 0 else "”")
            buf.append(part)
        out.append("".join(buf))
    return "".join(out)


_CREDIT = re.compile(r"[（(][^（）()]{0,40}(?:记者|通讯员|摄影|实习生)[^（）()]{0,60}[）)]")


def squeeze_spaces(line: str) -> str:
    """Remove the spaces PDF extraction puts between Chinese characters (增 强 活 力), but not in bylines,
    where a space is all that separates two reporters (记者 龙小凤 薛凯)."""
    if " " not in line and "\t" not in line:
        return line
    out, pos = [], 0
    for credit in _CREDIT.finditer(line):
        out.append(_SPACE_BETWEEN_CJK.sub(_gap, line[pos : credit.start()]))
        out.append(credit.group(0))
        pos = credit.end()
    out.append(_SPACE_BETWEEN_CJK.sub(_gap, line[pos:]))
    return "".join(out)


# a run may hold a transliterated name's joiner (吉格梅-廷里) or a quoted party name (拉脱维亚“和谐”社会民主党)
_LONG_RUN_LEFT = re.compile(f"[{CJK}·\\-]{{5}}[{CJK}]$")
_LONG_RUN_RIGHT = re.compile(f"^[{CJK}][{CJK}·\\-“”‘’]{{5}}")


def _gap(match: re.Match[str]) -> str:
    """A space between two long runs of characters separates a headline from its text (伊朗宣布削减…钚产量 伊朗原子能
    组织主席…) or two list items, and becomes a line break; any other space is a PDF's spacing (增 强 活 力), and
    goes, as does a space between a title and its name (政府总理 菲佐)."""
    text, start, end = match.string, match.start(), match.end()
    if _LONG_RUN_LEFT.search(text, 0, start) and _LONG_RUN_RIGHT.match(text[end : end + 6]) \
            and not _ends_with_title(text[:start]):
        return "\n"
    if _name_after_title_then_title(text, start, end):
        return "、"
    return ""


_LAST_RUN = re.compile(f"[ \t\u3000]([{CJK}·\\-]{{2,12}})$")
_NEXT_RUN = re.compile(f"[{CJK}]{{2,16}}")


def _name_after_title_then_title(text: str, start: int, end: int) -> bool:
    """尼日尔总统 伊素福 赤道几内亚总统 奥比昂: in a list laid out with spaces, the space after a title's name and
    before the next title chain separates two items; squeezed out it would glue the name to the next country."""
    last = _LAST_RUN.search(text, 0, start)
    if last is None or not _ends_with_title(text[: last.start()].rstrip(" \t\u3000")) or _ends_with_title(text[:start]):
        return False
    following = _NEXT_RUN.match(text, end)
    return following is not None and _ends_with_title(following.group(0))


def _ends_with_title(text: str) -> bool:
    from kg.segment import _ends_with_title as ends

    return ends(text)


_WEEKDAY_OR_CYCLICAL_YEAR = re.compile(
    r"(星期|周)[一二三四五六日天]|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年\S*")
_RUNNING_TEXT = re.compile("[，。；！？]|本报讯|本报.{0,4}讯")


def is_furniture(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if len(stripped) < 40 and (_HEADER_DATE.search(stripped) or _STANDALONE_DATE.match(stripped)):
        return True
    if _WEEKDAY_OR_CYCLICAL_YEAR.fullmatch(stripped):
        return True
    if len(stripped) > 60 or _RUNNING_TEXT.search(stripped):
        return False
    return any(p.search(stripped) for p in _FURNITURE)


_STANDALONE_DATE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")


def header_date(lines: list[str]) -> date | None:
    """The issue's date: 2026年3月31日 星期二 on the masthead, or a date alone on a masthead line above the first
    article (the weekday on the next line)."""
    for line in lines[:60]:
        found = _ymd(_HEADER_DATE.search(line))
        if found:
            return found
    for line in lines[:30]:
        if re.search(r"本报讯|本报.{0,4}讯|记者", line):
            break
        found = _ymd(_STANDALONE_DATE.match(line))
        if found:
            return found
    return None


def _ymd(match: re.Match[str] | None) -> date | None:
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def paper_name(lines: list[str]) -> str | None:
    """The masthead: a short line ending in 报 near the top, before the first article."""
    for line in lines[:15]:
        stripped = line.strip().replace(" ", "")
        if "本报" in stripped:
            break
        if _PAPER_NAME.match(stripped):
            return stripped
    return None


_PUBLISHER = re.compile(
    r"(?:主办|主管主办|主管)\s*[：:]?\s*((?:中共)?[\u4e00-\u9fff]{2,30}?(?:委员会|委|政府|日报社|报社))"
)


def publisher_of(lines: list[str]) -> str | None:
    """The 主办 (publisher) named on the masthead, e.g. 中共某某市某某区委."""
    for line in lines[:40]:
        match = _PUBLISHER.search(line.replace(" ", "").replace("\u3000", ""))
        if match:
            return match.group(1)
    return None


def _canonical_line(line: str, paper: str | None) -> str:
    if _META.match(line):
        return ARTICLE_BREAK
    if is_furniture(line) or (paper and line.strip().replace(" ", "") == paper):
        return ""
    roster = roster_line(line.strip())
    if roster is not None:
        return roster
    if _titled_list_item(line.strip()):
        return squeeze_spaces(line.strip()) + "、"  # the layout's list separator, kept when the lines are joined
    return squeeze_spaces(line)


_ROLE_PREFIX = re.compile(f"^([{CJK}]{{1,12}})：")
_NAME_NOTE = re.compile(r"（[^（）]{1,12}）$")  # 马飚（壮族）, 王宁（武警）: a note after a listed name
_LEADING_NOTE = re.compile(r"（[^（）]{1,12}）")  # 委员：（按姓名笔划为序）丁仲礼: the order, before the first name
_NOTE_THEN_NAME = re.compile(f"）(?=[{CJK}])")
_LISTED_NAME = re.compile(f"[{CJK}]{{2,6}}|[{CJK}]+(?:[·\\-][{CJK}]+)+")  # (帕松列龙庄勐: six characters)


def roster_line(line: str) -> str | None:
    """丁学东 丁薛祥 于广洲 马飚（壮族） …, 副主任：赵乐际 苗华: a line of names laid out with spaces (a 名单) keeps its
    items apart as a list with 、; squeezed like a PDF's spacing, the names would run together. A line is such a list
    when it holds at least three items (two after a role and a colon, one after a role and a space: 书记　赵乐际) and
    nearly all of them are names by shape, a surname then one to three characters, or parts joined by a dot."""
    if " " not in line and "\u3000" not in line:
        return None
    role = _ROLE_PREFIX.match(line)
    if role and not is_role(role.group(1)):
        return None  # 吉林脱贫攻坚：单位包村 干部包户: a topic before the colon, no role
    rest = line[role.end() :] if role else line
    # 委员：（按姓名笔划为序）丁仲礼 卫留成 … 王明雯（女，彝族）王胜明: the order's note stays before the list, and a
    # name's note ends the name as a space would
    order = _LEADING_NOTE.match(rest)
    rest = _NOTE_THEN_NAME.sub("） ", rest[order.end() :] if order else rest)
    items = [item for item in re.split(r"[ \u3000]+", rest) if item]
    opener = ""
    if role:
        opener = role.group(0)
    elif len(items) >= 2 and not listed_name(items[0]) and _is_title_word(items[0]):
        opener, items = items[0] + "：", items[1:]  # 副主席　许其亮　张又侠: a role laid out with a space, not a colon
    if len(items) < (2 if role else 1 if opener else 3):
        return None
    if not mostly_names([_NAME_NOTE.sub("", item) for item in items]):
        return None
    return opener + (order.group(0) if order else "") + "、".join(items) + "、"


def mostly_names(items: list[str]) -> bool:
    """Is a run of list items a list of names: every item may be one, and nearly all are shaped like one?"""
    return all(map(listed_item, items)) and sum(map(listed_name, items)) >= 0.8 * len(items)


def listed_item(item: str) -> bool:
    """A list item that may be a name: two to six characters, or parts joined by a dot or a hyphen."""
    return _LISTED_NAME.fullmatch(item) is not None


def listed_name(item: str) -> bool:
    """A list item shaped like a Chinese name: a surname and one to three characters (丁薛祥), or parts joined by a
    dot or a hyphen (艾力更·依明巴海, 努尔-白克力). A list most of whose items are such names is a list of names, and
    its other items (乙晓光, 学诚, 帕松列龙庄勐) are names too."""
    if not listed_item(item):
        return False
    surnames = _surnames()
    return any(ch in "·-" for ch in item) or (len(item) <= 4 and (item[0] in surnames or item[:2] in surnames))


@lru_cache(maxsize=4096)
def is_role(word: str) -> bool:
    """副主任, 常务委员: a title the lexicon knows, or a word ending in one."""
    from kg.lexicon import load

    titles = load().titles
    return word in titles or any(word.endswith(title) for title in titles if len(title) >= 2)


def _is_title_word(word: str) -> bool:
    """主席, 副书记, 常务委员: a title word by itself (a chain like 巴林王储兼第一副首相 is an item of its own)."""
    from kg.lexicon import load

    return word in load().titles


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    from kg.lexicon import load

    lex = load()
    return lex.surnames | lex.compound_surnames


_SPACED_NAME = re.compile(r"^(.{2,30}?)[ \u3000]+([^\s，。；：、]{2,12})$")


def _titled_list_item(line: str) -> bool:
    """A line that is a title chain, a space and a name (巴林王储兼第一副首相 萨勒曼): an item of a list laid out one a
    line; joined to the next as wrapped text, the name would run into the next item's country."""
    found = _SPACED_NAME.match(line)
    return found is not None and _ends_with_title(found.group(1)) and not _ends_with_title(found.group(2))


def normalise(source: SourceText, default_date: date | None = None) -> Issue:
    text = to_canonical(source.text)
    raw_lines = [line.rstrip() for line in text.split("\n")]
    pub = header_date(raw_lines)
    origin = "header"
    if pub is None and source.date is not None:
        pub, origin = source.date, ("record" if source.record is not None else "filename")
    if pub is None and default_date is not None:
        pub, origin = default_date, "option"
    if pub is None:
        origin = "none"
    paper = source.source or paper_name(raw_lines)
    lines = tuple(_canonical_line(line, paper) for line in raw_lines)
    return Issue(source=source, lines=lines, paper=paper, pub_date=pub, date_origin=origin,
                 publisher=publisher_of(raw_lines))
