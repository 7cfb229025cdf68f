"""Places and scopes: which paper and locality an article belongs to, and what 区委 means there."""

from __future__ import annotations

import fnmatch
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import PurePath

from kg.model import Article, ArticleExtraction
from kg.resolve.common import _CJK, _LOCALITY, _NAMED_PLACE, _PAPER_SUFFIX, LEVEL_PREFIXES, TextOf, article_text
from kg.resolve.curation import Curation

# ------------------------------------------------------------------------------------------------ places


@dataclass(frozen=True)
class Locality:
    """The places a paper covers, by level: 区政协 in a 吴江区 paper is 吴江区政协."""

    province: str | None = None
    city: str | None = None
    district: str | None = None
    new_area: str | None = None

    def places(self) -> list[str]:
        return [p for p in (self.province, self.city, self.district, self.new_area) if p]

    def qualify(self, label: str) -> str | None:
        """The label with its level prefix replaced by the place; None when it names no level or one unknown."""
        prefix = self._prefix(label)
        place = self._place(prefix) if prefix else None
        return place + label[len(prefix):] if prefix and place else None

    def place_of(self, label: str) -> str | None:
        """The place a level-relative label (区长, 市委) refers to, if known."""
        prefix = self._prefix(label)
        return self._place(prefix) if prefix else None

    def anchor_of(self, label: str) -> str | None:
        """省委 in a paper of a known city but unknown province: that city's province (the same in every paper of
        the city), so the body can still be one node across papers without naming the province."""
        if self._prefix(label) == "省" and not self.province and self.city:
            return f"province of {self.city}"
        return None

    @staticmethod
    def _prefix(label: str) -> str | None:
        return next((p for p in LEVEL_PREFIXES if label.startswith(p) and len(label) > len(p)), None)

    def _place(self, prefix: str) -> str | None:
        if prefix == "新区":
            return self.new_area
        if prefix == "省":
            return self.province
        if prefix == "市":  # in a county-level city's paper 市委 is that city's
            return self.district if self.district and self.district.endswith("市") else self.city
        return self.district if self.district and self.district.endswith(prefix) else None


def parse_locality(text: str | None) -> Locality:
    """苏州市吴江区, 中共苏州市吴江区委 (a masthead's 主办 line) or 江苏省 -> its levels; unparsable -> empty."""
    if not text:
        return Locality()
    place = re.sub(r"^(主办[：:\s]*)?(中共|中国共产党)", "", text.strip().replace(" ", ""))
    place = re.sub(r"(委员会|委)$", "", place)
    match = _LOCALITY.match(place)
    if not match or not any(match.groupdict().values()):
        return Locality()
    district = match["district"]
    return Locality(province=match["province"], city=match["city"], district=district,
                    new_area=district if district and district.endswith("新区") else None)


def infer_locality(paper: str | None, texts: Iterable[str]) -> Locality:
    """Levels a paper covers, from its name and its own text: 相城新区报 writing 中共苏州市相城区委 -> 苏州市/相城区.

    The paper's place is whichever of X区/X县/X市/X省 its text writes most; the level above is the place written
    right before it (苏州市相城区 -> 苏州市). Used when neither --locality, the curation file nor a masthead
    主办 line says it. ``texts`` is read up to three times, one text at a time, so it may stream from disk.
    """
    if not paper:
        return Locality()
    stem = _PAPER_SUFFIX.sub("", paper)
    base = re.sub(r"(新区|区|县|市|省)$", "", stem)
    new_area = stem if stem.endswith("新区") else None
    if len(base) < 2:
        return Locality(new_area=new_area)
    counts = Counter({base + level: 0 for level in ("区", "县", "市", "省")})
    for text in texts:
        for place in counts:
            counts[place] += text.count(place)
    place, seen = counts.most_common(1)[0]
    if not seen:
        return Locality(new_area=new_area)
    if place.endswith("省"):
        return Locality(province=place, new_area=new_area)
    city = place if place.endswith("市") else _written_before(place, "市", texts)
    province = _written_before(city, "省", texts) if city else None
    district = None if place.endswith("市") else place
    return Locality(province=province, city=city, district=district, new_area=new_area)


def _written_before(place: str, level: str, texts: Iterable[str]) -> str | None:
    """The two-character X市 / X省 most often written right before ``place`` (苏州市 in 苏州市相城区)."""
    pattern = re.compile(rf"([{_CJK}]{{2}}{level}){re.escape(place)}")
    found: Counter[str] = Counter()
    for text in texts:
        found.update(pattern.findall(text))
    return found.most_common(1)[0][0] if found else None


def names_a_place(label: str, known_places: set[str]) -> bool:
    """江苏省计量科学研究院 or 苏州市委: the label says where it is, so it is the same body in every paper."""
    bare = re.sub(r"^(中共|中国共产党)", "", label)
    return bool(_NAMED_PLACE.match(label)) or any(bare.startswith(p) for p in known_places)



def _directory_reader() -> Callable[[str], str]:
    """``directory_of(source)``, remembered for one pass: a page file holds several articles. (Not a module-level
    cache: with one source per record, a crawl's URLs, it held 39,000 strings of 2012-2019 for the life of the
    process.)"""
    known: dict[str, str] = {}

    def directory_of(source: str) -> str:
        directory = known.get(source)
        if directory is None:
            directory = known[source] = str(PurePath(source).parent)
        return directory
    return directory_of


def assign_papers(extractions: list[ArticleExtraction], curation: Curation) -> dict[str, str | None]:
    """The paper of every article; an issue without a masthead takes the one paper of its directory or build."""
    papers: dict[str, str | None] = {}
    for ex in extractions:
        source = ex.article.source
        curated = next((p for glob, p in curation.papers.items()
                        if fnmatch.fnmatch(source, glob) or fnmatch.fnmatch(PurePath(source).name, glob)), None)
        papers[ex.article.id] = curated or ex.article.paper
    directory_of = _directory_reader()
    by_directory: dict[str, set[str]] = defaultdict(set)
    for ex in extractions:
        if papers[ex.article.id]:
            by_directory[directory_of(ex.article.source)].add(papers[ex.article.id])
    everywhere = set().union(*by_directory.values()) if by_directory else set()
    for ex in extractions:
        if papers[ex.article.id]:
            continue
        nearby = by_directory.get(directory_of(ex.article.source), set())
        if len(nearby) == 1:
            papers[ex.article.id] = next(iter(nearby))
        elif not nearby and len(everywhere) == 1:
            papers[ex.article.id] = next(iter(everywhere))
    return papers


def assign_scopes(extractions: list[ArticleExtraction], papers: dict[str, str | None],
                  locality: str | None) -> dict[str, str]:
    """Scope = the --locality option, else the paper; unnamed issues among several papers: their directory."""
    named = any(papers.values())
    directory_of = _directory_reader()
    scopes = {}
    for ex in extractions:
        scope = locality or papers[ex.article.id]
        if not scope:
            scope = f"unnamed paper in {directory_of(ex.article.source)}" if named else "default"
        scopes[ex.article.id] = scope
    return scopes


class _Texts:
    """The texts of some articles, fetched again on every pass: with a spilled corpus they stream from disk."""

    def __init__(self, articles: list[Article], text_of: TextOf) -> None:
        self.articles, self.text_of = articles, text_of

    def __iter__(self) -> Iterator[str]:
        return (self.text_of(article) for article in self.articles)


def scope_localities(extractions: list[ArticleExtraction], papers: dict[str, str | None], scopes: dict[str, str],
                     locality: str | None, curation: Curation, text_of: TextOf = article_text) -> dict[str, Locality]:
    """The place hierarchy of each scope: option or curation first, then a masthead 主办 line, then inference."""
    members: dict[str, list[Article]] = defaultdict(list)
    publisher: dict[str, str] = {}
    paper_of_scope: dict[str, str | None] = {}
    for ex in extractions:
        scope = scopes[ex.article.id]
        members[scope].append(ex.article)
        paper_of_scope.setdefault(scope, papers[ex.article.id])
        # a masthead's 主办 line, when the reader keeps it (Article.publisher); absent in older models
        owner = getattr(ex.article, "publisher", None)
        if owner:
            publisher.setdefault(scope, owner)
    result = {}
    for scope, paper in paper_of_scope.items():
        stated = locality or (curation.localities.get(paper) if paper else None) or publisher.get(scope)
        if not stated:
            result[scope] = infer_locality(paper, _Texts(members[scope], text_of))
            continue
        place = parse_locality(stated)
        stem = _PAPER_SUFFIX.sub("", paper or "")
        if not place.new_area and stem.endswith("新区"):  # 新区党工委 in 相城新区报: 相城新区's, whatever else is said
            place = replace(place, new_area=stem)
        result[scope] = place
    return result


