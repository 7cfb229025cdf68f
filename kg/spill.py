"""Article texts moved to disk while a build runs, so its memory grows with the graph and not with the corpus.

Resolution reads an article's text long after extraction, and only twice at most: to infer a paper's place and
to find abbreviations (省计量院 after 江苏省计量科学研究院). ``kg.build`` therefore appends every text to one
temporary file as its extraction arrives, keeps only where it went, and hands resolution ``SpilledTexts.text_of``.

What stays in memory is made small too (``share_strings``): every input arrives as a pickle of its own (from a
worker or the cache), so each article brings its own copy of 新闻联播, 国务院总理, attended or 出席. One shared copy
of each took the mentions of 2012-2019 from 108 to 82 MB, and the graph built from them shares them as well.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from types import TracebackType

from kg.model import Article, ArticleExtraction, PostMention

_ENCODING = "utf-8"
_ERRORS = "surrogatepass"  # whatever the reader produced comes back unchanged


class SpilledTexts:
    """An append-only temporary file of article texts, addressed by article id; deleted on ``close``."""

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        self._file = tempfile.TemporaryFile(prefix="kg-texts-", dir=directory)  # noqa: SIM115 - closed by close()
        self._where: dict[str, tuple[int, int]] = {}
        self._at_end = True  # the file position is where the next text goes
        self.bytes = 0  # written so far: where the next text goes

    def spill(self, extraction: ArticleExtraction) -> ArticleExtraction:
        """The same extraction with its article's text on disk instead of in memory.

        A reprint (same id, hence same text) is written once.
        """
        article = extraction.article
        if article.id not in self._where:
            data = article.text.encode(_ENCODING, _ERRORS)
            if not self._at_end:
                self._file.seek(self.bytes)
                self._at_end = True
            self._file.write(data)
            self._where[article.id] = (self.bytes, len(data))
            self.bytes += len(data)
        extraction = replace(extraction, article=replace(article, text=""))
        share_strings(extraction)
        return extraction

    def text_of(self, article: Article) -> str:
        """The text of a spilled article; an article that was never spilled keeps its own."""
        where = self._where.get(article.id)
        if where is None:
            return article.text
        offset, size = where
        self._file.seek(offset)
        self._at_end = False
        return self._file.read(size).decode(_ENCODING, _ERRORS)

    def __len__(self) -> int:
        return len(self._where)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> SpilledTexts:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def share_strings(extraction: ArticleExtraction) -> None:
    """Replace the short strings of ``extraction`` (names, posts, bodies, kinds, relations) by one shared copy each.

    In place, values unchanged: only which string object holds them. Sentences and headlines are left alone (one
    article's mentions already share theirs, and they rarely repeat across articles).
    """
    intern = sys.intern
    article = extraction.article
    for name in ("paper", "date_origin", "source", "publisher"):
        value = getattr(article, name)
        if value:
            setattr(article, name, intern(value))
    article.reporters = [intern(name) for name in article.reporters]
    for person in extraction.people:
        person.name = intern(person.name)
        person.posts = [_shared_post(post) for post in person.posts]
    extraction.bodies = [intern(body) for body in extraction.bodies]
    for meeting in extraction.meetings:
        meeting.label, meeting.kind, meeting.date_basis = intern(meeting.label), intern(meeting.kind), \
            intern(meeting.date_basis)
        if meeting.organiser:
            meeting.organiser = intern(meeting.organiser)
    for part in extraction.participations:
        part.name, part.relation, part.role = intern(part.name), intern(part.relation), intern(part.role)
    for reference in extraction.references:
        reference.target_type, reference.label = intern(reference.target_type), intern(reference.label)


def _shared_post(post: PostMention) -> PostMention:
    """A copy (the mention is frozen) with its strings shared; a field added later is carried over unchanged."""
    intern = sys.intern
    return replace(post, label=intern(post.label), title=intern(post.title),
                   body=intern(post.body) if post.body else post.body, tense=intern(post.tense),
                   term=intern(post.term))
