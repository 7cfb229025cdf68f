"""Stage 3, segment: split an issue into articles at bylines and attach headlines.

On a PDF page a headline may sit before or after its article, and several articles share a page.
The body of an article runs from its byline to its last sentence-ending line; whatever lies between
that and the next byline is headline material, split between the two neighbours where their words
overlap best.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from datetime import date, timedelta
from functools import lru_cache

from kg.model import Article, Issue
from kg.normalise import ARTICLE_BREAK, CJK, listed_name, mostly_names

# 本报讯, 本报苏州讯, 本网讯, 新华社北京3月5日电, 讯（记者 …）, or a bare （记者 …）byline opening a paragraph.
# 本报讯, 本报苏州讯, 本网讯, 本报北京3月5日电, 新华社北京3月5日电, 人民网北京3月5日电, 央视网消息（新闻联播）：,
# 讯（记者 …）, or a bare （记者 …）byline opening a paragraph
_BYLINE = re.compile(
    rf"^\s*(?:(?:本报|本网|本台|本刊)[{CJK}]{{0,6}}讯|[{CJK}]{{2,8}}(?:网|报|台|融媒|新闻|媒体)讯|[{CJK}]{{2,10}}讯(?=\s*（)"
    rf"|(?:新华社|中新社|本报|本台|[{CJK}]{{1,6}}网)[{CJK}]{{0,8}}(?:\d{{1,2}}月\d{{1,2}}日)?电"
    rf"|[{CJK}]{{2,10}}消息(?:（[^）]{{1,20}}）)?[：:](?:本台消息[，,])?"
    rf"|(?:本报|本刊|[{CJK}]{{2,6}}报)?(?:特约)?评论员(?:文章)?\s*$)"
    rf"(?:\s*（[^）]{{0,60}}）)?"
    rf"|^\s*（(?:[{CJK}]{{0,8}}(?:首席|见习|实习|特约)?记者|通讯员)[^）]{{1,60}}）"
)
_DATELINE_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日电")
_BYLINE_CREDIT = re.compile(r"（([^）]{1,80})）")
_JUMP = re.compile(r"[（(]?\s*(?:下转|上接|转)第?\s*[\dA-Z一二三四五六七八九十]+\s*版[^）)]{0,6}[）)]?")
_ENDS_SENTENCE = re.compile(r"[。！？…][”’）」]*\s*$")
_REPORTER_ROLE = re.compile(rf"(?:(?:视频|文字|责任|图片|网络)?编辑|[{CJK}]{{0,8}}记者|通讯员|摄影|实习生|报道员|"
                            rf"特约撰稿人?|责编)[：:]?")
_CREDIT_ORG = re.compile(rf"[{CJK}]{{2,10}}(?:日报|晚报|报社|电视台|融媒体中心|新闻中心|报|网|台)$")
_NAME_TOKEN = re.compile(rf"^[{CJK}·]{{2,6}}$")


def _drop_jumps(text: str) -> str:
    """Remove 下转第2版 and the like (every one names a 版, and most articles have none: skip the scan)."""
    return _JUMP.sub("", text) if "版" in text else text


def article_id(text: str) -> str:
    """Content hash of the body, so a reprinted article stays one node."""
    key = re.sub(r"\s+", "", text)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def join_lines(lines: list[str]) -> str:
    """Join lines: a line wrapped by the page (PDF text) runs on with no separator between Chinese characters and
    one space between Latin words; a line that stops short of the page's wrap width without punctuation is a list
    item or a heading of its own (贺电 senders one a line, web paragraphs), and keeps its line break."""
    pieces = [line.strip() for line in lines if line.strip()]
    if not pieces:
        return ""
    width = _wrap_width(pieces)
    longest = max(len(p) for p in pieces)
    out = pieces[0]
    for prev, piece in zip(pieces, pieces[1:], strict=False):
        short = len(prev) < width - 2 if width else len(prev) < 0.6 * longest
        if re.match(r"[A-Za-z]", piece[0]) and re.search(r"[A-Za-z]$", prev):
            out += " "
        elif (_LIST_HEADING.match(prev) and (piece.endswith("、") or piece.startswith("（") or listed_name(piece))) \
                or (_LIST_HEADING.match(piece) and prev.endswith(("、", "："))) \
                or (width is None and _names_listed(prev) and not _LIST_GOES_ON.match(piece)):
            # 名单如下：/ 一、中央政治局委员 / 丁薛祥、习近平、… / 二、…: a communiqué's lists, each under a heading
            # that keeps its line (though it ends with a title, and the list before it with 、); a list of names
            # ends before a sentence that does not go on with it (…、邝志远、 / 全会号召，…), unless the page wraps
            # its lines (张三、李四、 / 王五出席会议: one list, wrapped)
            out += "\n"
        elif (short or _titled_item(prev) and _titled_item(piece)) and not _ENDS_CLAUSE.search(prev) \
                and (not _ends_with_title(prev) or width is None and _heading_over(prev, piece)) \
                and prev.count("“") <= prev.count("”"):
            out += "\n"  # (a title at the line's end waits for its name on the next line: 局长\n隋立新参加)
            # (a list of senders one a line, 葡萄牙社会党总书记塞古罗\n捷克…主席菲利普, is no wrapped column)
        elif (width is None or len(prev) < width - 2) and _ENDS_PARAGRAPH.search(prev):
            out += "\n"  # a paragraph: round-ups report one event a paragraph (中央宣讲团在各地宣讲)
        out += piece
    return out


_LIST_HEADING = re.compile("[一二三四五六七八九十]+、")
_LIST_GOES_ON = re.compile(f"[{CJK}·\\-]{{2,12}}(?:、|等|和|及|同志|（)")  # 王五等出席: a list wrapped across lines
_ROLE_OPENS = re.compile(f"^[{CJK}]{{1,12}}：")
_NOTE_AFTER = re.compile(r"（[^（）]{1,12}）")


def _names_listed(line: str) -> bool:
    """书记：邝志远、 / 李大为、刘中华、罗振川（女）、: a line that is a list of names and nothing else (a spaced list
    made one by kg.normalise.roster_line), ended by 、."""
    if not line.endswith("、"):
        return False
    role = _ROLE_OPENS.match(line)
    items = _NOTE_AFTER.sub("", line[role.end() if role else 0 :]).rstrip("、").split("、")
    return (len(items) >= 2 or role is not None) and mostly_names(items)
_ENDS_PARAGRAPH = re.compile(r"[。！？][”’」）]?$")
_ENDS_CLAUSE = re.compile(r"[。！？；，、：…”’）」\-－]$")


@lru_cache(maxsize=1)
def _title_at_end() -> re.Pattern[str]:
    from kg.lexicon import alternation, load

    return re.compile(f"(?:{alternation(load().titles)})$")


def _heading_over(line: str, paragraph: str) -> bool:
    """黎真主党领导人指责沙特软禁黎总理 over 黎巴嫩真主党领导人纳斯鲁拉10日表示，…。: a heading (no punctuation) over a
    paragraph of its own, though it ends with a title, in text that is no wrapped column."""
    return 8 <= len(line) <= 30 and not _ANY_PUNCTUATION.search(line) and len(paragraph) > 2 * len(line) \
        and _ENDS_PARAGRAPH.search(paragraph) is not None


_ANY_PUNCTUATION = re.compile(r"[，、：；。！？,:;（）()]")


def _ends_with_title(line: str) -> bool:
    return _title_at_end().search(line) is not None


@lru_cache(maxsize=1)
def _titled_item_pattern() -> re.Pattern[str]:
    from kg.lexicon import alternation, load

    return re.compile(f"^[^，。；：！？\\s]{{2,30}}?(?:{alternation(load().titles)})[^，。；：！？、\\s]{{2,8}}$")


def _titled_item(line: str) -> bool:
    """德国社会民主党主席加布里尔: a short line that is a title chain and a name, an item of a list laid out one
    a line."""
    return len(line) <= 40 and _titled_item_pattern().match(line) is not None


def _wrap_width(pieces: list[str]) -> int | None:
    """The width a page wraps its lines at, or None when nothing is wrapped: PDF text has several unterminated lines
    of one length (the column); web paragraphs and lists have lines of all lengths."""
    open_lengths = Counter(len(p) for p in pieces[:-1] if not _ENDS_CLAUSE.search(p))
    if not open_lengths:
        return None
    width, _ = max(open_lengths.items(), key=lambda item: (sum(open_lengths.get(item[0] + d, 0) for d in (-1, 0, 1)),
                                                           item[0]))
    alike = sum(open_lengths.get(width + d, 0) for d in (-1, 0, 1))
    # a column: most unterminated lines share its width (a list's items have lengths all over the place), and
    # few lines run past it (a round-up's headings, one before each paragraph, are alike but no column: 伊朗与俄罗斯
    # 将联合生产民用核燃料 | 伊朗原子能组织主席萨利希25号表示，…)
    longer = sum(len(p) > width + 2 for p in pieces)
    return width if alike >= 2 and width >= 8 and alike * 2 >= sum(open_lengths.values()) \
        and longer * 4 <= len(pieces) else None


def parse_reporters(credit: str) -> list[str]:
    """记者 张三 李四 / 某某日报记者 甲乙 本报记者 丙丁 / 通讯员 王五 -> names."""
    text = _REPORTER_ROLE.sub(" ", credit)
    names: list[str] = []
    for token in re.split(r"[\s、，,／/]+", text):
        token = token.strip()
        if not token or _CREDIT_ORG.search(token) or not _NAME_TOKEN.match(token):
            continue
        names.append(token)
    return names


_NOT_COMPARED = re.compile(f"[^{CJK}A-Za-z0-9]")


def _comparable(text: str) -> str:
    return _NOT_COMPARED.sub("", text)


def _bigrams(text: str) -> set[str]:
    chars = _comparable(text)
    return {chars[i : i + 2] for i in range(len(chars) - 1)}


def _overlap(headline: str, body_chars: str) -> float:
    """Share of the headline's character bigrams found in the body's opening (``_comparable`` text)."""
    grams = _bigrams(headline)
    if not grams:
        return 0.0
    return sum(gram in body_chars for gram in grams) / len(grams)


def _groups(lines: list[str]) -> list[str]:
    """Blank-line separated groups of non-empty lines, each joined."""
    groups: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [join_lines(g) for g in groups if g]


def _is_headline_text(text: str) -> bool:
    """Short, no sentence ending, and no list left open (丁启明、马建华、: a list laid out with spaces, see
    kg.normalise.roster_line, ends with 、)."""
    return 4 <= len(text) <= 80 and not re.search(r"[。；]", text) and not text.rstrip().endswith("、")


_CLOSING_CREDIT = re.compile(r"（([^（）]{0,20}(?:记者|通讯员|实习生|编辑)[^（）]{0,60})）\s*$")
_CREDIT_ONLY = re.compile(r"^\s*（([^）]{0,20}(?:记者|通讯员|摄影|实习生)[^）]{0,60})）\s*$")


def _trailing_credits(lines: list[str], starts: list[int]) -> dict[int, str]:
    """Web posts put the credit last: a credit-only line with no body after it closes the text above it."""
    trailing: dict[int, str] = {}
    for k, start in enumerate(starts):
        match = _CREDIT_ONLY.match(lines[start])
        if not match:
            continue
        stop = starts[k + 1] if k + 1 < len(starts) else len(lines)
        after = [line for line in lines[start + 1 : stop] if line.strip()]
        if not any(_ENDS_SENTENCE.search(line.strip()) for line in after):
            trailing[start] = match.group(1)
    return trailing


def _has_body(lines: list[str]) -> bool:
    return any(_ENDS_SENTENCE.search(line.strip()) and len(line.strip()) > 20 for line in lines)


def _web_post_starts(lines: list[str]) -> list[int]:
    """After a 来源/编辑 line the text starts, with or without a byline."""
    out = []
    for i, line in enumerate(lines):
        if line != ARTICLE_BREAK:
            continue
        following = next((j for j in range(i + 1, len(lines)) if lines[j].strip() and lines[j] != ARTICLE_BREAK), None)
        if following is not None:
            out.append(following)
    return out


def segment(issue: Issue) -> list[Article]:
    lines = list(issue.lines)
    starts = sorted({i for i, line in enumerate(lines) if _BYLINE.match(line)} | set(_web_post_starts(lines)))
    lines = ["" if line == ARTICLE_BREAK else line for line in lines]
    trailing = _trailing_credits(lines, starts)
    source = issue.source
    if trailing:
        # turn "text … (credit)" into "(credit) text …" so every article still starts at its byline
        reordered: list[str] = []
        block: list[str] = []
        for i, line in enumerate(lines):
            if i in trailing:
                first = next((n for n, b in enumerate(block) if _BYLINE.match(b)), None)
                if first is None:
                    heads = [n for n, b in enumerate(block) if b.strip() and not _ENDS_SENTENCE.search(b.strip())]
                    lead = 0
                    while lead < len(heads) and heads[lead] == lead and lead < 3 and not _has_body(block[: lead + 1]):
                        lead += 1  # headline lines above the text stay above it
                    opening = f"（{trailing[i]}）" + (block[lead] if lead < len(block) else "")
                    block = [*block[:lead], opening, *block[lead + 1 :]]
                reordered.extend(block)
                block = []
            else:
                block.append(line)
        lines = reordered + block
        starts = sorted({i for i, line in enumerate(lines) if _BYLINE.match(line)} | set(_web_post_starts(lines)))
    if starts and _has_body(lines[: starts[0]]):
        # text before the first byline (a continued story, a post without byline) is an article, not lost
        first_end = max(i for i in range(starts[0]) if _ENDS_SENTENCE.search(lines[i].strip()))
        lead_text = _drop_jumps(join_lines(lines[: first_end + 1]))
        rest = segment_lines(issue, lines[first_end + 1 :], [s - first_end - 1 for s in starts], offset=1)
        return [_article(issue, 0, lead_text, None, [])] + rest
    if not starts:
        body = join_lines(lines)
        if not body:
            return []
        text = _drop_jumps(body)
        return [_article(issue, 0, text, source.title, [])]
    return segment_lines(issue, lines, starts)


def segment_lines(issue: Issue, lines: list[str], starts: list[int], offset: int = 0) -> list[Article]:
    """Articles of a page whose bylines sit at ``starts``."""
    source = issue.source

    # body of article k: from its byline to its last sentence-ending line before the next byline
    spans: list[tuple[int, int]] = []
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else len(lines)
        end = start
        for i in range(start, stop):
            line = lines[i].strip()
            if _ENDS_SENTENCE.search(line) or ("版" in line and _JUMP.search(line)):
                end = i
        if k + 1 == len(starts) and stop - end > 0:
            # last article on the page: a trailing unterminated paragraph (cut-off text) is body, not headline
            tail = _groups(lines[end + 1 : stop])
            if tail and not all(_is_headline_text(t) for t in tail):
                end = stop - 1
        spans.append((start, end))

    bodies = [join_lines(lines[s : e + 1]) for s, e in spans]
    body_chars = [_comparable(body[:600]) for body in bodies]
    headlines: list[list[str]] = [[] for _ in starts]
    # material before the first byline belongs to the first article
    lead = [g for g in _groups(lines[: starts[0]]) if _is_headline_text(g)]
    if lead:
        first_chars = body_chars[0]
        headlines[0].extend(g for g in lead[-2:-1] if _overlap(g, first_chars) > 0.3)
        headlines[0].append(lead[-1])
    for k in range(len(starts) - 1):
        between = [g for g in _groups(lines[spans[k][1] + 1 : starts[k + 1]]) if _is_headline_text(g)]
        if not between:
            continue
        best_split, best_score = len(between), -1.0
        with_previous = [_overlap(g, body_chars[k]) for g in between]
        with_next = [_overlap(g, body_chars[k + 1]) for g in between]
        for split in range(len(between) + 1):
            score = sum(with_previous[:split]) + sum(with_next[split:])
            # ties go to the following article: headlines usually sit above their story
            if score > best_score + 1e-9:
                best_split, best_score = split, score
        headlines[k].extend(between[:best_split])
        headlines[k + 1][:0] = between[best_split:]
    if len(starts) and spans[-1][1] + 1 < len(lines):
        trailing = [g for g in _groups(lines[spans[-1][1] + 1 :]) if _is_headline_text(g)]
        headlines[-1].extend(t for t in trailing if _overlap(t, body_chars[-1]) > 0.3)

    articles = []
    for k, body in enumerate(bodies):
        credit = ""
        match = _BYLINE.match(body)
        dateline = _dateline(match.group(0), issue.pub_date) if match else None
        if match:
            credit_match = _BYLINE_CREDIT.search(match.group(0))
            credit = credit_match.group(1) if credit_match and _REPORTER_ROLE.search(credit_match.group(1)) else ""
            body = body[match.end() :].lstrip("，, ")
        text = _drop_jumps(body).strip()
        closing = _CLOSING_CREDIT.search(text)
        if closing and not credit:
            credit, text = closing.group(1), text[: closing.start()].rstrip()
        headline = " ".join(headlines[k]).replace("\n", " ") or (source.title if len(starts) == 1 else None)
        articles.append(_article(issue, k + offset, text, headline, parse_reporters(credit), dateline))
    return [a for a in articles if a.text]


def _dateline(byline: str, pub_date: date | None) -> date | None:
    """新华社北京3月5日电 in an issue of 2026-03-06 -> 2026-03-05 (the latest such day on or before the issue)."""
    match = _DATELINE_DAY.search(byline)
    if not match or pub_date is None:
        return None
    month, day = int(match[1]), int(match[2])
    for year in (pub_date.year, pub_date.year - 1):
        try:
            found = date(year, month, day)
        except ValueError:
            return None
        if found <= pub_date + timedelta(days=1):
            return found
    return None


def _article(issue: Issue, index: int, text: str, headline: str | None, reporters: list[str],
             dateline: date | None = None) -> Article:
    source = issue.source
    return Article(
        id=article_id(text),
        source=source.url or source.path,
        record=source.record,
        index=index,
        text=text,
        headline=headline,
        reporters=reporters,
        pub_date=issue.pub_date,
        date_origin=issue.date_origin,
        paper=issue.paper,
        url=source.url,
        publisher=issue.publisher,
        dateline=dateline,
    )
