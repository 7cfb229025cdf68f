"""Dates: find a date expression and resolve it against the publication date."""

from __future__ import annotations

import re
from datetime import date, timedelta

# Time expressions, shared by every rule that reads around a date (李克强21日在达沃斯出席…, 论坛16号在北京举行).
# 号 is the spoken day (16号); a bare 1号 is read as a day only before a time word or a verb (not 1号文件), a speech
# verb among them (梅德韦杰夫12号表示).
_HAO = (r"号(?=[上下中晚凌早]|在|，|举行|召开|开幕|闭幕|出席|会见|主持|抵达|电|至|到|起|晚|讯|表示|宣布|指出|强调|说|称"
        r"|[和、]\d{1,2}号[在上下，举召开]|[与同](?!\d))")  # (4号和5号在巴厘岛举行: two days; 1号和2号机组: no
# day; 阿萨德19号与…举行会谈: a day before the partner)
DAY = rf"\d{{1,2}}(?:日|{_HAO})"
# 18日至21日, 27日和28日, 30日、31日; 14至16日 (the first day of a span written once)
DATE = rf"(?:\d{{4}}年)?(?:\d{{1,2}}月)?(?:\d{{1,2}}至(?=\d{{1,2}}[日号]))?{DAY}(?:[至和、]\d{{1,2}}(?:日|号))?"
PART_OF_DAY = r"(?:上午|下午|晚上|晚|中午|凌晨|早上|早晨|傍晚)"
# a day a sentence opens with (当地时间12月3日, 13号): group 1 is the day as written
OPENING_DAY = rf"(?:当地时间)?((?:\d{{1,2}}月)?{DAY})"
TIME_PHRASE = (rf"(?:当地时间)?(?:{DATE}|今天|今日|昨天|昨日|昨晚|昨夜|今晚|今晨|前天|日前|近日|当天|"
               rf"(?:本|上)月{DAY})(?:（(?:\d{{1,2}}月)?{DAY}）)?"  # 今天（12月17日）
               rf"{PART_OF_DAY}?|当地时间|{PART_OF_DAY}")

_DATE_ABS = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})[日号]")
_DATE_MD = re.compile(rf"(?<![\d年])(\d{{1,2}})月(\d{{1,2}})(?:日|{_HAO})")
_DATE_REL = re.compile(rf"(昨天|昨日|昨晚|昨夜|前天|今天|今日|今晚|今晨|本月(\d{{1,2}})日|上月(\d{{1,2}})日|"
                       rf"(?<![\d月年])(\d{{1,2}})(?:日|{_HAO}))")

# ---------------------------------------------------------------- dates


# how far after its issue a month-and-day may lie and still be this year's: 将于5月24日至29日 in an issue of 5月21日
# announces this year's visit; 12月30日 in an issue of 1月2日 is last year's
_AHEAD = timedelta(days=60)


def resolve_date(token: str, anchor: date | None, inferred: bool = False) -> date | None:
    """A date expression (2025年12月31日, 1月12日, 30日, 昨天, 上月28日) against the publication date ``anchor``;
    ``inferred``: the anchor is only a lower bound (an issue with no date of its own)."""
    token = token.replace("号", "日")
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
        if candidate and not inferred and candidate > anchor + _AHEAD:
            candidate = _safe_date(year - 1, month, day)  # 1月2日 reports 12月30日: last year's
        if candidate and inferred and candidate < anchor:
            candidate = _safe_date(year + 1, month, day)
        return candidate
    if token in ("昨天", "昨日", "昨晚", "昨夜"):
        return None if inferred else anchor - timedelta(days=1)
    if token in ("前天",):
        return None if inferred else anchor - timedelta(days=2)
    if token in ("今天", "今日", "今晚", "今晨"):
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


# 14至16日: a span whose first day is written without 日; read as 14日至16日
_BARE_FIRST_DAY = re.compile(r"(?<![\d.])(\d{1,2})(?=至\d{1,2}[日号])")


def _first_days_written(text: str) -> str:
    return _BARE_FIRST_DAY.sub(r"\1日", text) if "至" in text else text


def last_date(clause: str) -> str | None:
    """The date expression closest to a clause's end (据朝中社今天(27日)报道，…26日举行会晤: 26日, the event's day)."""
    clause = _first_days_written(clause)
    found = [(m.start(), m.group(0)) for regex in (_DATE_ABS, _DATE_MD) for m in regex.finditer(clause)]
    found += [(m.start(), f"{m[1]}日") for m in re.finditer(r"(?:今天|今日|昨天|昨日)（(\d{1,2})日）", clause)]
    found += [(m.start(), m.group(0)) for m in _DATE_REL.finditer(clause)
              if not any(start <= m.start() < start + len(text) for start, text in found)]
    # 27日和28日, 18日至21日: the second day of a span or pair is no date of its own; the event starts on the first
    found = [(at, text) for at, text in found
             if not (at > 0 and clause[at - 1] in "和至、" and any(s + len(t) == at - 1 for s, t in found))]
    return max(found)[1] if found else None


def find_date(sentence: str) -> str | None:
    """The first date expression of a sentence: 2025年12月31日, 1月12日, 今天（7日）, 30日, 昨天."""
    sentence = _first_days_written(sentence)
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


