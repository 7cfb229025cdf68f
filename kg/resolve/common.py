"""Shared pieces of the resolve stage: dates seen, name edits, title modifiers, report formatting."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from datetime import date

from kg.model import Article, ArticleExtraction

# How resolution gets an article's text: from the Article itself, or from wherever kg.build moved it.
TextOf = Callable[[Article], str]


def article_text(article: Article) -> str:
    return article.text


VARIANT_WINDOW_DAYS = 366  # a typo of a name is written while its holder is in the news, not years later
MODIFIERS = ("常务副", "代理", "代", "副")  # 代区长 acts as 区长; 副主席 is a different (shared) post
SHARED_TITLE_ENDINGS = ("委员", "常委", "成员", "领导", "代表", "干部", "同志", "调研员", "巡视员", "专员")
LEVEL_PREFIXES = ("新区", "省", "市", "区", "县")  # a body or post written relative to the paper's place
_CJK = "\u4e00-\u9fff"
_LOCALITY = re.compile(rf"^(?P<province>[{_CJK}]{{2,3}}?(?:省|自治区))?(?P<city>[{_CJK}]{{2,4}}?市)?"
                       rf"(?P<district>[{_CJK}]{{1,4}}?(?:新区|区|县|市|旗))?$")
_NAMED_PLACE = re.compile(rf"^(?:中共|中国共产党)?[{_CJK}]{{2,3}}(?:省|市)")
_PAPER_SUFFIX = re.compile(r"(日报|晚报|晨报|时报|新闻|报)$")
_SHORT_FORM = re.compile(rf"[（(](?:以下)?简称[：:]?[“\"「]?([{_CJK}]{{2,12}})[”\"」]?[）)]")
CURATION_KEYS = {"locality", "papers", "merge", "not_merge", "split", "aliases", "not_people", "corrections",
                 "bodies", "variant_window_days"}



# ------------------------------------------------------------------------------------------------ helpers


def seen_date(extraction: ArticleExtraction) -> date | None:
    """When an article shows its people in post: its first dated meeting, else a publication date not guessed."""
    meeting = next((m.date for m in extraction.meetings if m.date), None)
    article = extraction.article
    return meeting or (article.pub_date if article.date_origin != "inferred" else None)


def one_edit_apart(a: str, b: str) -> bool:
    """Same surname (first character) and one character replaced, dropped or added."""
    if a == b or a[:1] != b[:1] or abs(len(a) - len(b)) > 1:
        return False
    return bool(_deletion_keys(a) & _deletion_keys(b))


def _deletion_keys(name: str) -> set[str]:
    """The name and every form with one non-first character deleted: names one edit apart share one."""
    return {name} | {name[:i] + name[i + 1:] for i in range(1, len(name))}


def describe_edit(canonical: str, variant: str) -> str:
    prefix = 0
    while prefix < min(len(canonical), len(variant)) and canonical[prefix] == variant[prefix]:
        prefix += 1
    a, b = canonical[prefix:], variant[prefix:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if not b:
        return f"one character dropped ({a})"
    if not a:
        return f"one character added ({b})"
    return f"one character replaced ({a} → {b})"


def is_shared_title(title: str) -> bool:
    """副主任, 常委, 委员, 市领导: posts several people hold at once (a changing roster is no change of holder)."""
    return title.startswith(("副", "常务副")) or title.endswith(SHARED_TITLE_ENDINGS)


def split_modifier(title: str) -> tuple[str, str]:
    """代区长 -> (代, 区长); 副主席 -> (副, 主席); 主任 -> ('', 主任)."""
    for modifier in MODIFIERS:
        if title.startswith(modifier) and len(title) > len(modifier):
            return modifier, title[len(modifier):]
    return "", title


def closest_gap(first: list[date], second: list[date]) -> int:
    """Fewest days between a date of ``first`` and one of ``second`` (n log m, for officials named thousands of
    times)."""
    ordered = sorted(second)
    best = None
    for day in first:
        at = bisect.bisect_left(ordered, day)
        for near in ordered[max(0, at - 1): at + 1]:
            gap = abs((day - near).days)
            best = gap if best is None else min(best, gap)
    if best is None:
        raise ValueError("closest_gap needs two non-empty lists")
    return best


def _iso(value: date | None) -> str:
    return value.isoformat() if value else "undated"


def _span(dates: Iterable[date]) -> str:
    ordered = sorted(dates)
    if not ordered:
        return "undated"
    first, last = ordered[0].isoformat(), ordered[-1].isoformat()
    return first if first == last else f"{first} … {last}"


def _where(ex: ArticleExtraction) -> str:
    article = ex.article
    record = f":{article.record}" if article.record else ""
    return f"{article.source}{record} #{article.index + 1}"

