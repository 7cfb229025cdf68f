"""The per-input pipeline: normalise -> segment -> extract. Pure and picklable, so any engine can map it."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from kg.extract import extract
from kg.model import Article, ArticleExtraction, SourceText
from kg.normalise import normalise
from kg.segment import segment

_DATELINE_ABS = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def extract_source(source: SourceText, default_date: date | None = None) -> list[ArticleExtraction]:
    """Everything kg reads from one input unit (a file or a JSONL record)."""
    issue = normalise(source, default_date=default_date)
    articles = segment(issue)
    if issue.pub_date is None:
        articles = infer_anchor(articles)
    return [extract(article) for article in articles]


def warm_up() -> None:
    """Load the lexicons and jieba's dictionary now rather than inside the first article's extraction."""
    import jieba

    from kg.lexicon import load

    load()
    jieba.initialize()


def infer_anchor(articles: list[Article]) -> list[Article]:
    """No publication date: the issue appeared on or after the latest full date in its datelines.

    Relative dates (8日) are then resolved forward from that anchor, and every article says so in a warning.
    """
    found: list[date] = []
    for article in articles:
        m = _DATELINE_ABS.search(article.text[:40])
        if m:
            try:
                found.append(date(int(m[1]), int(m[2]), int(m[3])))
            except ValueError:
                continue
    if not found:
        return articles
    anchor = max(found)
    return [dataclasses.replace(a, pub_date=anchor, date_origin="inferred") for a in articles]
