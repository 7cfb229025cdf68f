"""Stage 5, resolve: decide which mentions name the same official, body or post.

Identity rules, applied on every build in this order (each decision that is not obvious is listed with its
evidence in OUT/report.md, so a reader can check it and overrule it in the curation file):

1. Scope. A name is unique within a scope: the ``--locality`` option, else the paper (masthead), else the
   paper of the other issues in the same directory (or of the whole build) when that is unambiguous.
2. Curation (``kg build --curation FILE``) comes first: name and post corrections, merges, splits.
3. One name in one scope, but posts in unrelated local bodies at overlapping times: two people.
4. Variants: names one edit apart (same surname) holding the same post close in time and never named
   together are one person; the variant becomes an alias. Similarity alone never merges.
5. One name in two scopes is one person only when both hold the same post of a named body (苏州市委书记).

Bodies: 区政协 in a 吴江区 paper is keyed 吴江区政协 (the label stays as written, the qualified name becomes an
alias); an abbreviation written after its full name in the same article (省计量院 after
江苏省计量科学研究院) is the same body throughout that scope.
"""

from __future__ import annotations

import bisect
import fnmatch
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path, PurePath

import yaml
from networkx.utils import UnionFind

from kg.model import Article, ArticleExtraction, PostMention

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


# ------------------------------------------------------------------------------------------------ curation


@dataclass
class Curation:
    """User decisions that survive rebuilds (kg build --curation FILE); docs/curation.md shows the format."""

    merges: dict[str, str] = field(default_factory=dict)  # variant name -> canonical name
    aliases: dict[str, list[str]] = field(default_factory=dict)  # canonical -> extra alternative labels
    splits: dict[str, list[str]] = field(default_factory=dict)  # name -> papers, bodies or posts of distinct people
    locality: str | None = None  # the place every input covers (区政协 = this place's 政协)
    drop: set[str] = field(default_factory=set)  # names that are not people (extraction errors)
    localities: dict[str, str] = field(default_factory=dict)  # paper -> the place it covers
    papers: dict[str, str] = field(default_factory=dict)  # source path glob -> paper (files with no masthead)
    merge_across: set[str] = field(default_factory=set)  # canonical names that are one person in every paper
    vouched: set[str] = field(default_factory=set)  # `into` names of merge entries: one person, never split
    not_merge: set[frozenset[str]] = field(default_factory=set)  # name pairs never merged automatically
    name_fixes: dict[str, str] = field(default_factory=dict)  # name as written -> corrected (no alias kept)
    post_fixes: dict[str, str] = field(default_factory=dict)  # post label as written -> corrected
    body_aliases: dict[str, str] = field(default_factory=dict)  # body as written -> the body it is
    variant_window_days: int = VARIANT_WINDOW_DAYS

    @property
    def one_person(self) -> set[str]:
        """Names a merge entry vouches for: never split automatically."""
        return self.vouched | set(self.merges.values()) | self.merge_across

    @classmethod
    def load(cls, path: str | Path) -> Curation:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: curation file must be a mapping")
        unknown = sorted(set(data) - CURATION_KEYS)
        if unknown:
            raise ValueError(f"{path}: unknown curation keys {unknown}; known: {sorted(CURATION_KEYS)}")
        try:
            return cls._from_mapping(data)
        except (TypeError, KeyError, AttributeError, ValueError) as exc:
            raise ValueError(f"{path}: {exc}") from exc

    @classmethod
    def _from_mapping(cls, data: dict) -> Curation:
        merges: dict[str, str] = {}
        across: set[str] = set()
        vouched: set[str] = set()
        for item in data.get("merge") or []:
            if not isinstance(item, dict) or "into" not in item:
                raise ValueError(f"merge entries need 'into' and 'names': {item!r}")
            canonical = str(item["into"])
            vouched.add(canonical)
            for variant in item.get("names") or []:
                if str(variant) != canonical:
                    merges[str(variant)] = canonical
            if item.get("across_papers"):
                across.add(canonical)
        locality = data.get("locality")
        corrections = data.get("corrections") or {}
        return cls(
            merges=merges,
            aliases={str(k): _strings(v) for k, v in (data.get("aliases") or {}).items()},
            splits={str(k): _strings(v) for k, v in (data.get("split") or {}).items()},
            locality=str(locality) if isinstance(locality, str) else None,
            drop=set(_strings(data.get("not_people") or [])),
            localities={str(k): str(v) for k, v in locality.items()} if isinstance(locality, dict) else {},
            papers={str(k): str(v) for k, v in (data.get("papers") or {}).items()},
            merge_across=across,
            vouched=vouched,
            not_merge={frozenset(_strings(pair)) for pair in data.get("not_merge") or []},
            name_fixes={str(k): str(v) for k, v in (corrections.get("names") or {}).items()},
            post_fixes={str(k): str(v) for k, v in (corrections.get("posts") or {}).items()},
            body_aliases={str(k): str(v) for k, v in (data.get("bodies") or {}).items()},
            variant_window_days=int(data.get("variant_window_days", VARIANT_WINDOW_DAYS)),
        )


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise ValueError(f"expected a list, got {value!r}")
    return [str(x) for x in value]


# ------------------------------------------------------------------------------------------------ result


@dataclass
class Resolved:
    extractions: list[ArticleExtraction]
    official_of: dict[tuple[str, str], str]  # (article id, name as written) -> canonical key
    display_name: dict[str, str]  # canonical key -> label
    aliases: dict[str, set[str]]
    dropped: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    report: dict = field(default_factory=dict)
    body_of: dict[tuple[str, str], str] = field(default_factory=dict)  # (article id, body as written) -> key
    body_label: dict[str, str] = field(default_factory=dict)
    body_aliases: dict[str, set[str]] = field(default_factory=dict)
    post_of: dict[tuple[str, str], str] = field(default_factory=dict)  # (article id, post label) -> key
    post_label: dict[str, str] = field(default_factory=dict)
    post_aliases: dict[str, set[str]] = field(default_factory=dict)
    scope_of: dict[str, str] = field(default_factory=dict)  # article id -> scope
    paper_of: dict[str, str | None] = field(default_factory=dict)  # article id -> paper (inferred if unnamed)
    locality_of: dict[str, Locality] = field(default_factory=dict)  # scope -> place hierarchy

    def body_key(self, article_id: str, label: str) -> str:
        """Graph key of a body as written in an article (the label itself when resolve never saw it)."""
        return self.body_of.get((article_id, label), label)

    def post_key(self, article_id: str, label: str) -> str:
        return self.post_of.get((article_id, label), label)


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


# ------------------------------------------------------------------------------------------------ curation applied


def apply_corrections(extractions: list[ArticleExtraction], curation: Curation) -> list[ArticleExtraction]:
    """Name and post corrections rewrite the extraction (nothing of the wrong form is kept)."""
    if not curation.name_fixes and not curation.post_fixes:
        return extractions

    def name(value: str) -> str:
        return curation.name_fixes.get(value, value)

    def post(value: PostMention) -> PostMention:
        label = curation.post_fixes.get(value.label)
        if label is None:
            return value
        body = label[: -len(value.title)] if label.endswith(value.title) and len(label) > len(value.title) else None
        return PostMention(label=label, title=value.title, body=body or value.body)

    fixed = []
    for ex in extractions:
        people = [replace(p, name=name(p.name), posts=[post(x) for x in p.posts]) for p in ex.people]
        parts = [p if p.is_body else replace(p, name=name(p.name)) for p in ex.participations]
        refs = [replace(r, label=name(r.label)) if r.target_type == "Official" else r for r in ex.references]
        fixed.append(replace(ex, people=people, participations=parts, references=refs))
    return fixed


@lru_cache(maxsize=1 << 16)  # a page file holds several articles; a year of papers a few thousand files
def _directory_of(source: str) -> str:
    return str(PurePath(source).parent)


def assign_papers(extractions: list[ArticleExtraction], curation: Curation) -> dict[str, str | None]:
    """The paper of every article; an issue without a masthead takes the one paper of its directory or build."""
    papers: dict[str, str | None] = {}
    for ex in extractions:
        source = ex.article.source
        curated = next((p for glob, p in curation.papers.items()
                        if fnmatch.fnmatch(source, glob) or fnmatch.fnmatch(PurePath(source).name, glob)), None)
        papers[ex.article.id] = curated or ex.article.paper
    by_directory: dict[str, set[str]] = defaultdict(set)
    for ex in extractions:
        if papers[ex.article.id]:
            by_directory[_directory_of(ex.article.source)].add(papers[ex.article.id])
    everywhere = set().union(*by_directory.values()) if by_directory else set()
    for ex in extractions:
        if papers[ex.article.id]:
            continue
        nearby = by_directory.get(_directory_of(ex.article.source), set())
        if len(nearby) == 1:
            papers[ex.article.id] = next(iter(nearby))
        elif not nearby and len(everywhere) == 1:
            papers[ex.article.id] = next(iter(everywhere))
    return papers


def assign_scopes(extractions: list[ArticleExtraction], papers: dict[str, str | None],
                  locality: str | None) -> dict[str, str]:
    """Scope = the --locality option, else the paper; unnamed issues among several papers: their directory."""
    named = any(papers.values())
    scopes = {}
    for ex in extractions:
        paper = papers[ex.article.id]
        unnamed = f"unnamed paper in {_directory_of(ex.article.source)}" if named else "default"
        scopes[ex.article.id] = locality or paper or unnamed
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


# ------------------------------------------------------------------------------------------------ bodies and posts


@dataclass
class _BodyTable:
    """Body and post keys per (article, label as written), with their labels and aliases."""

    body_of: dict[tuple[str, str], str] = field(default_factory=dict)
    body_forms: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    abbreviations: set[str] = field(default_factory=set)  # keys' written forms that are short forms
    qualified: set[str] = field(default_factory=set)  # keys that are a place-qualified name (吴江区政协)
    post_of: dict[tuple[str, str], str] = field(default_factory=dict)
    post_forms: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    global_bodies: set[str] = field(default_factory=set)  # keys that mean the same body in every scope
    global_posts: set[str] = field(default_factory=set)
    review: list[dict] = field(default_factory=list)

    def body_label(self, key: str) -> str:
        forms = self.body_forms[key]
        full = [f for f in forms if f not in self.abbreviations] or list(forms)
        return max(full, key=lambda f: (forms[f], len(f), f))

    def body_aliases(self, key: str) -> set[str]:
        label = self.body_label(key)
        extra = {key} if key in self.qualified else set()
        return (set(self.body_forms[key]) | extra) - {label}

    def post_label(self, key: str) -> str:
        forms = self.post_forms[key]
        return max(forms, key=lambda f: (forms[f], len(f), f))


def _written_bodies(ex: ArticleExtraction) -> set[str]:
    found = set(ex.bodies) | {p.body for person in ex.people for p in person.posts if p.body}
    found |= {p.name for p in ex.participations if p.is_body}
    found |= {m.organiser for m in ex.meetings if m.organiser}
    return found


def find_short_forms(ex: ArticleExtraction, known: set[str], by_last: dict[str, list[str]] | None = None,
                     text: str | None = None) -> dict[str, str]:
    """Short form -> full name, where this article's text shows it.

    Either declared (江苏省计量科学研究院（以下简称“省计量院”）) or a written body that is an in-order
    selection of a longer body's characters, ends like it, and first appears after it (区发改局 after
    区发展和改革局). Three characters at least: 区委 must not become 新区党工委. ``by_last`` indexes ``known``
    by last character (built here when not given); ``text`` is the article's text when it is not kept on the article.
    """
    if by_last is None:
        by_last = _by_last_character(known)
    if text is None:
        text = ex.article.text
    found: dict[str, str] = {}
    for match in _SHORT_FORM.finditer(text):
        before = text[max(0, match.start() - 40): match.start()]
        full = max((k for k in known if before.endswith(k)), key=len, default=None)
        if full:
            found[match[1]] = full
    for short in _written_bodies(ex):
        where = text.find(short)
        if len(short) < 3 or short in found or where < 0:
            continue
        fulls = {full for full in by_last.get(short[-1], ())
                 if _abbreviates(short, full) and 0 <= text.find(full) < where}
        if len(fulls) == 1:
            found[short] = fulls.pop()
    return found


def _by_last_character(labels: Iterable[str]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = defaultdict(list)
    for label in sorted(labels):
        index[label[-1]].append(label)
    return index


def _abbreviates(short: str, full: str) -> bool:
    if len(full) < len(short) + 2 or short in full or short[-1] != full[-1]:
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


def resolve_bodies(extractions: list[ArticleExtraction], scopes: dict[str, str], localities: dict[str, Locality],
                   curation: Curation, text_of: TextOf = article_text) -> _BodyTable:
    table = _BodyTable()
    known_places = {p for loc in localities.values() for p in loc.places()}
    written_in_scope: dict[str, set[str]] = defaultdict(set)
    for ex in extractions:
        written_in_scope[scopes[ex.article.id]] |= _written_bodies(ex)
    short_forms: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    indexes = {scope: _by_last_character(labels) for scope, labels in written_in_scope.items()}
    for ex in extractions:
        scope = scopes[ex.article.id]
        short_forms_here = find_short_forms(ex, written_in_scope[scope], indexes[scope], text_of(ex.article))
        for short, full in short_forms_here.items():
            short_forms[scope][short].add(full)
    for scope, shorts in sorted(short_forms.items()):
        for short, fulls in sorted(shorts.items()):
            if len(fulls) > 1:
                table.review.append({"summary": f"{short} ({scope}) may abbreviate {'、'.join(sorted(fulls))}: "
                                     "kept as its own body", "evidence": [],
                                     "undo": f"bodies: {{{short}: <full name>}}"})

    def key_of(scope: str, written: str) -> str:
        name = curation.body_aliases.get(written, written)
        fulls = short_forms[scope].get(name, set())
        if len(fulls) == 1:
            name = next(iter(fulls))
        locality = localities[scope]
        qualified = locality.qualify(name)
        anchor = locality.anchor_of(name)
        if qualified:
            table.qualified.add(qualified)
            key = qualified
        elif names_a_place(name, known_places):
            key = name
        elif anchor:
            key = f"{name}\x1f{anchor}"
        else:
            return f"{name}\x1f{scope}"
        table.global_bodies.add(key)
        return key

    for ex in extractions:
        scope = scopes[ex.article.id]
        for written in _written_bodies(ex):
            key = key_of(scope, written)
            table.body_of[(ex.article.id, written)] = key
            table.body_forms[key][written] += 1
            if written in short_forms[scope] or curation.body_aliases.get(written, written) != written:
                table.abbreviations.add(written)
        for person in ex.people:
            for post in person.posts:
                body_key = table.body_of.get((ex.article.id, post.body or ""))
                key, is_global = _post_key(post, scope, localities[scope], body_key,
                                           body_key in table.global_bodies)
                table.post_of[(ex.article.id, post.label)] = key
                table.post_forms[key][post.label] += 1
                if is_global:
                    table.global_posts.add(key)
    return table


def _post_key(post: PostMention, scope: str, locality: Locality, body_key: str | None,
              body_is_global: bool) -> tuple[str, bool]:
    """Key of a post (and whether it is the same post in every paper): the body's key with the title in it
    (吴江区政协 + 主席 -> 吴江区政协主席); a body-less post (区长, 总书记) is placed by its own level prefix."""
    if post.body and body_key:
        body, _, where = body_key.partition("\x1f")
        return f"{body}{post.title}" + (f"\x1f{where}" if where else ""), body_is_global
    _, bare = split_modifier(post.label)
    place = locality.place_of(bare)
    anchor = locality.anchor_of(bare)
    if place:
        return f"{place}{post.label}", True  # 吴江区代区长
    if anchor:
        return f"{post.label}\x1f{anchor}", True
    if not bare.startswith(LEVEL_PREFIXES) and not is_shared_title(post.label) and len(post.label) >= 3:
        return post.label, True  # 总书记: one holder nationwide
    return f"{post.label}\x1f{scope}", False


# ------------------------------------------------------------------------------------------------ mentions


@dataclass
class _Post:
    key: str
    label: str
    title: str
    body_key: str | None


@dataclass
class _Mention:
    """Every way one article names one person (as written), with the posts it gives them."""

    ex: ArticleExtraction
    written: str
    name: str  # after curation merges
    scope: str
    when: date | None
    article: str  # article id
    posts: dict[str, _Post] = field(default_factory=dict)  # complete once the article is read
    sentence: str = ""

    @cached_property
    def bodies(self) -> frozenset[str]:
        return frozenset(p.body_key for p in self.posts.values() if p.body_key)


Together = dict[str, dict[str, frozenset[int]]]  # article id -> name as written -> sentences/meetings named in


def collect_mentions(extractions: list[ArticleExtraction], scopes: dict[str, str], table: _BodyTable,
                     curation: Curation) -> tuple[list[_Mention], Together]:
    """One mention per (article, name as written); also who is named side by side (so cannot be one person)."""
    mentions: list[_Mention] = []
    together: Together = {}
    for ex in extractions:
        by_name = _article_mentions(ex, scopes[ex.article.id], table, curation)
        mentions.extend(by_name[name] for name in sorted(by_name))
        together[ex.article.id] = _named_together(ex, set(by_name))
    return mentions, together


def _article_mentions(ex: ArticleExtraction, scope: str, table: _BodyTable, curation: Curation) -> dict[str, _Mention]:
    article_id, when = ex.article.id, seen_date(ex)
    named = [(p.name, p.sentence, p.posts) for p in ex.people if not p.is_reporter]
    named += [(p.name, p.sentence, []) for p in ex.participations if not p.is_body]
    named += [(r.label, r.sentence, []) for r in ex.references if r.target_type == "Official"]
    by_name: dict[str, _Mention] = {}
    for written, sentence, posts in named:
        if written in curation.drop:
            continue
        if written not in by_name:
            by_name[written] = _Mention(ex=ex, written=written, name=curation.merges.get(written, written),
                                        scope=scope, when=when, article=article_id, sentence=sentence)
        item = by_name[written]
        for post in posts:
            key = table.post_of[(article_id, post.label)]
            body = table.body_of.get((article_id, post.body)) if post.body else None
            item.posts.setdefault(key, _Post(key, post.label, post.title, body))
    return by_name


def _named_together(ex: ArticleExtraction, names: set[str]) -> dict[str, frozenset[int]]:
    """For each name, the sentences and meetings it is listed in: two names sharing one are two people."""
    groups: dict[tuple[str, object], int] = {}
    member: dict[str, set[int]] = defaultdict(set)

    def note(name: str, where: tuple[str, object]) -> None:
        if name in names:
            member[name].add(groups.setdefault(where, len(groups)))

    for person in ex.people:
        note(person.name, ("sentence", person.sentence))
    for part in ex.participations:
        if not part.is_body:
            note(part.name, ("meeting", part.meeting))
            note(part.name, ("sentence", part.sentence))
    return {name: frozenset(ids) for name, ids in member.items()}


# ------------------------------------------------------------------------------------------------ clusters


@dataclass
class _Cluster:
    """Mentions taken to be one person before variants and papers are joined (fixed once made)."""

    name: str
    scope: str
    suffix: str = ""  # set when one name in one scope is split into several people
    mentions: tuple[_Mention, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.name}\x1f{self.scope}" + (f"\x1f{self.suffix}" if self.suffix else "")

    @cached_property
    def articles(self) -> frozenset[str]:
        return frozenset(m.article for m in self.mentions)

    @cached_property
    def dates(self) -> list[date]:
        return sorted(m.when for m in self.mentions if m.when)

    @cached_property
    def posts(self) -> dict[str, list[_Mention]]:
        held: dict[str, list[_Mention]] = defaultdict(list)
        for m in self.mentions:
            for key in m.posts:
                held[key].append(m)
        return dict(held)

    @cached_property
    def bodies(self) -> frozenset[str]:
        return frozenset(b for m in self.mentions for b in m.bodies)

    @cached_property
    def written(self) -> frozenset[str]:
        return frozenset(m.written for m in self.mentions)

    def post_labels(self) -> list[str]:
        return sorted({p.label for m in self.mentions for p in m.posts.values()})

    @cached_property
    def rank(self) -> tuple:
        """Which cluster names a merged group: most articles, then the longer name, then the earliest seen."""
        first = self.dates[0].toordinal() if self.dates else 10**7
        return (-len(self.articles), -len(self.name), first, self.name, self.scope, self.suffix)


def _related(a: str, b: str) -> bool:
    """区委 and 区委宣传部 belong together (one is the other's department); keys compared without their scope."""
    name_a, _, where_a = a.partition("\x1f")
    name_b, _, where_b = b.partition("\x1f")
    return where_a == where_b and (name_a.startswith(name_b) or name_b.startswith(name_a))


def _components(mentions: list[_Mention]) -> list[list[_Mention]]:
    """Mentions linked by shared (or related) bodies; mentions with no body are left out.

    Bodies are linked first (a person has few), then mentions grouped by their bodies' link: linear in mentions.
    """
    bodies = sorted({b for m in mentions for b in m.bodies})
    links = UnionFind(bodies)
    for i, x in enumerate(bodies):
        for y in bodies[i + 1:]:
            if _related(x, y):
                links.union(x, y)
    for m in mentions:
        owned = sorted(m.bodies)
        for other in owned[1:]:
            links.union(owned[0], other)
    groups: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        if m.bodies:
            groups[links[min(m.bodies)]].append(m)
    return sorted(groups.values(), key=lambda group: (group[0].ex.article.source, group[0].ex.article.index))


def _local_only(mentions: list[_Mention], locality: Locality) -> bool:
    """Bodies of this place only: a 市委常委 mentioned apart from 区委书记 is one concurrent career, not two people."""
    higher = (*(p for p in (locality.province, locality.city) if p), "省", "市")
    return not any(body.startswith(higher) for m in mentions for body in m.bodies)


def _overlap(a: list[date], b: list[date]) -> bool:
    return bool(a and b) and max(a[0], b[0]) <= min(a[-1], b[-1])


def split_cluster(cluster: _Cluster, curation: Curation, table: _BodyTable,
                  locality: Locality) -> tuple[list[_Cluster], list[dict]]:
    """One name in one scope -> the people it stands for (curated splits, else bodies at overlapping times)."""
    if cluster.name in curation.splits:
        return _curated_split(cluster, curation.splits[cluster.name]), []
    if cluster.name in curation.one_person:
        return [cluster], []
    parts = [c for c in _components(list(cluster.mentions)) if _local_only(c, locality)]
    if len(parts) < 2:
        return [cluster], []
    people = _careers(parts)
    if len(people) < 2:
        return [cluster], []
    assigned = {id(m) for members in people for m in members}
    for m in cluster.mentions:  # named without a post: the person named in the same issue, else the main one
        if id(m) not in assigned:
            same_issue = [p for p in people if any(x.ex.article.source == m.ex.article.source for x in p)]
            (same_issue[0] if len(same_issue) == 1 else people[0]).append(m)
    result = []
    for index, members in enumerate(people):
        main_body = Counter(b for m in members for b in m.bodies).most_common(1)[0][0]
        suffix = "" if index == 0 else table.body_label(main_body)
        result.append(_Cluster(cluster.name, cluster.scope, suffix, tuple(members)))
    review = [{
        "summary": f"{cluster.name} ({cluster.scope}): {len(result)} people kept apart — posts in unrelated bodies "
                   "at the same time",
        "evidence": [f"{c.name} #{i + 1}: {'、'.join(c.post_labels()) or 'no post'}, seen {_span(c.dates)}, "
                     f"{len(c.articles)} article(s)" for i, c in enumerate(result)],
        "undo": f"merge: [{{into: {cluster.name}, names: [{cluster.name}]}}]",
    }]
    return result, review


def _careers(parts: list[list[_Mention]]) -> list[list[_Mention]]:
    """Body components joined into careers: components seen at overlapping times cannot be one person's."""
    parts = sorted(parts, key=lambda c: (-len(c), c[0].ex.article.source, c[0].ex.article.index))
    careers: list[list[list[_Mention]]] = []
    for part in parts:
        dates = sorted(m.when for m in part if m.when)
        for career in careers:
            if not any(_overlap(dates, sorted(m.when for m in other if m.when)) for other in career):
                career.append(part)
                break
        else:
            careers.append([part])
    return [[m for part in career for m in part] for career in careers]


def _curated_split(cluster: _Cluster, markers: list[str]) -> list[_Cluster]:
    members: dict[str, list[_Mention]] = {marker: [] for marker in ["", *markers]}
    for m in cluster.mentions:
        texts = {m.scope, m.ex.article.paper or ""} | {p.label for p in m.posts.values()}
        texts |= {p.body_key.split("\x1f")[0] for p in m.posts.values() if p.body_key}
        marker = next((k for k in markers if any(k in t for t in texts)), "")
        members[marker].append(m)
    return [_Cluster(cluster.name, cluster.scope, marker, tuple(found)) for marker, found in members.items() if found]


# ------------------------------------------------------------------------------------------------ joining clusters


class _People:
    """Clusters joined into people, refusing any join that would make two side-by-side names one person."""

    def __init__(self, clusters: list[_Cluster], together: Together) -> None:
        self.clusters = clusters
        self.together = together
        self.links = UnionFind(range(len(clusters)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(clusters))}

    def group(self, index: int) -> list[int]:
        return self.members[self.links[index]]

    def side_by_side(self, left: _Cluster, right: _Cluster) -> bool:
        for article in left.articles & right.articles:
            where = self.together.get(article, {})
            if any(where.get(x, frozenset()) & where.get(y, frozenset()) for x in left.written for y in right.written):
                return True
        return False

    def conflict(self, a: int, b: int) -> bool:
        """Would joining a's and b's groups make one person of two names listed side by side?"""
        return any(self.side_by_side(self.clusters[i], self.clusters[j]) for i in self.group(a) for j in self.group(b))

    def join(self, a: int, b: int) -> bool:
        ra, rb = self.links[a], self.links[b]
        if ra == rb:
            return True
        if self.conflict(a, b):
            return False
        members = self.members.pop(ra) + self.members.pop(rb)
        self.links.union(a, b)
        self.members[self.links[a]] = members
        return True

    def groups(self) -> list[list[_Cluster]]:
        return [[self.clusters[i] for i in sorted(group)] for group in sorted(self.members.values(), key=min)]


def _shared_evidence(a: _Cluster, b: _Cluster, table: _BodyTable, window: int) -> tuple[str, list[str]]:
    """Verdict for two names one edit apart: 'merge', 'review' or 'none', with the evidence either way."""
    posts_a, posts_b = a.posts, b.posts
    shared = sorted(set(posts_a) & set(posts_b))
    if not shared:
        common = a.bodies & b.bodies
        if not common:
            return "none", []
        return "review", [f"same body {'、'.join(sorted(table.body_label(x) for x in common))}, different posts"]
    best: tuple[int, str] | None = None
    for key in shared:
        da = [m.when for m in posts_a[key] if m.when]
        db = [m.when for m in posts_b[key] if m.when]
        if da and db:
            gap = closest_gap(da, db)
            best = min(best, (gap, key)) if best else (gap, key)
    labels = "、".join(table.post_label(k) for k in shared)
    if best is None:
        return "review", [f"same post {labels}, but no dates to tell whether close in time"]
    gap, key = best
    title = next(m.posts[key].title for m in posts_a[key])
    single = not is_shared_title(title)
    evidence = [f"same post {labels}" + (" (one holder at a time)" if single else " (several holders)"),
                f"{a.name} seen {_span(m.when for m in posts_a[key] if m.when)}; "
                f"{b.name} seen {_span(m.when for m in posts_b[key] if m.when)} ({gap} days apart)"]
    if gap > window:
        return "review", [*evidence, f"more than {window} days apart"]
    if not single and max(len(a.name), len(b.name)) < 3:
        return "review", [*evidence, "two-character names on a post several people hold: not enough to merge"]
    return "merge", evidence


def _example(cluster: _Cluster) -> str:
    m = min(cluster.mentions, key=lambda x: (x.when or date.max, x.ex.article.source, x.ex.article.index))
    sentence = re.sub(r"\s+", " ", m.sentence).strip()
    return f"{m.written}: {_where(m.ex)} ({_iso(m.when)}) “{sentence[:120]}”"


def join_variants(people: _People, curation: Curation, table: _BodyTable) -> tuple[list[dict], list[dict]]:
    """Merge names one edit apart on the evidence of a shared post; list the doubtful pairs for review."""
    by_scope: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, c in enumerate(people.clusters):
        by_scope[c.scope][c.name].append(i)
    merged, review = [], []
    for scope in sorted(by_scope):
        names = by_scope[scope]
        buckets: dict[str, set[str]] = defaultdict(set)
        for name in names:
            for key in _deletion_keys(name):
                buckets[key].add(name)
        pairs = sorted({tuple(sorted((x, y))) for bucket in buckets.values() for x in bucket for y in bucket
                        if x < y and one_edit_apart(x, y)})
        for x, y in pairs:
            if frozenset((x, y)) in curation.not_merge:
                continue
            for i in names[x]:
                for j in names[y]:
                    verdict = _judge(people, i, j, curation, table)
                    if verdict:
                        (merged if verdict["merged"] else review).append(verdict)
    return merged, review


def _judge(people: _People, i: int, j: int, curation: Curation, table: _BodyTable) -> dict | None:
    a, b = people.clusters[i], people.clusters[j]
    if people.side_by_side(a, b):
        return None
    canonical, variant = (a, b) if a.rank <= b.rank else (b, a)
    verdict, evidence = _shared_evidence(canonical, variant, table, curation.variant_window_days)
    if verdict == "none":
        return None
    edit = describe_edit(canonical.name, variant.name)
    entry = {"variant": variant.name, "into": canonical.name, "scope": a.scope, "rule": edit,
             "evidence": [edit, *evidence, "never named side by side", _example(canonical), _example(variant)]}
    if verdict == "merge" and people.join(i, j):
        entry.update(merged=True, summary=f"{variant.name} → {canonical.name} ({a.scope})",
                     undo=f"not_merge: [[{canonical.name}, {variant.name}]]")
    else:
        if verdict == "merge":
            entry["evidence"].insert(1, "but one of them is already merged with a name listed beside the other")
        entry.update(merged=False, summary=f"{variant.name} / {canonical.name} ({a.scope}): possibly one person",
                     undo=f"merge: [{{into: {canonical.name}, names: [{variant.name}]}}]")
    return entry


@lru_cache(maxsize=1)
def _top_posts() -> frozenset[str]:
    """Province-level single-holder posts (kg/lexicons/top_posts.txt)."""
    text = resources.files("kg.lexicons").joinpath("top_posts.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def join_across_scopes(people: _People, curation: Curation, table: _BodyTable) -> tuple[list[dict], list[dict]]:
    """One name in several papers: one person when they hold the same post of a named body, else kept apart."""
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(people.clusters):
        by_name[c.name].append(i)
    merged, review = [], []
    for name in sorted(by_name):
        indices = by_name[name]
        if len({people.clusters[i].scope for i in indices}) < 2 or name in curation.splits:
            continue
        for x, i in enumerate(indices):
            for j in indices[x + 1:]:
                a, b = people.clusters[i], people.clusters[j]
                if a.scope == b.scope:
                    continue
                common = set(a.posts) & set(b.posts)
                # a province-level single-holder post (省委书记) under one label: keyed by place or not, one person
                top = ({table.post_label(k) for k in a.posts} & {table.post_label(k) for k in b.posts}) & _top_posts()
                shared = sorted(common & table.global_posts) + sorted(k for k in a.posts if table.post_label(k) in top)
                if (name in curation.merge_across or shared) and people.join(i, j):
                    why = (f"same post {'、'.join(table.post_label(k) for k in shared)}" if shared
                           else "curation: across_papers")
                    merged.append({"summary": f"{name}: one person in {a.scope} and {b.scope}", "into": name,
                                   "variant": name, "scope": f"{a.scope} + {b.scope}", "merged": True,
                                   "evidence": [why, _example(a), _example(b)],
                                   "undo": f"split: {{{name}: [{a.scope}, {b.scope}]}}"})
        groups = {people.links[i] for i in indices}
        if len(groups) > 1:
            apart = [people.clusters[i] for i in indices]
            review.append({"summary": f"{name}: {len(groups)} people kept apart (same name in different places)",
                           "evidence": [f"{c.scope}{' / ' + c.suffix if c.suffix else ''}: "
                                        f"{'、'.join(c.post_labels()) or 'no post'}, seen {_span(c.dates)}"
                                        for c in apart],
                           "undo": f"merge: [{{into: {name}, names: [{name}], across_papers: true}}]"})
    return merged, review


# ------------------------------------------------------------------------------------------------ changes


def personnel_changes(groups: list[tuple[str, list[_Cluster]]],
                      table: _BodyTable) -> tuple[list[dict], list[dict], list[dict]]:
    """Changes of holder of one-holder posts between dates, and changes of title of one person (代区长 → 区长).

    Also returns each one-holder post's holders in order with first and last seen dates (the tenure table), and
    posts whose holders alternate (A, B, A: a retrospective mention or a wrong post), which need review instead.
    """
    holders: dict[str, list[tuple[date, str, _Mention]]] = defaultdict(list)
    display = {key: clusters[0].name for key, clusters in groups}
    changes: list[dict] = []
    tenure: list[dict] = []
    alternating: list[dict] = []
    for key, clusters in groups:
        held: dict[str, list[_Mention]] = defaultdict(list)
        for c in clusters:
            for post, mentions in c.posts.items():
                held[post] += mentions
        for post, mentions in held.items():
            dated = [(m.when, key, m) for m in mentions if m.when]
            if dated and not is_shared_title(mentions[0].posts[post].title):
                holders[post] += dated
        changes += _title_changes(display[key], held, table)
    for post in sorted(holders, key=lambda p: (table.post_label(p), p)):
        runs = _runs(sorted(holders[post], key=lambda x: (x[0], x[1])))
        where = f"{table.post_label(post)} ({runs[0][0][2].scope})"
        tenure.append({"summary": f"{where}: " + "; ".join(
            f"{display[run[0][1]]} {_span(x[0] for x in run)}" for run in runs)})
        steps = [(before[-1], after[0]) for before, after in zip(runs, runs[1:], strict=False)
                 if before[-1][0] != after[0][0]]  # two holders on one day is a slip, not a change
        if len({last[1] for last, _ in steps}) < len(steps) or any(
                (first[1], last[1]) in {(x[1], y[1]) for x, y in steps} for last, first in steps):
            alternating.append({"summary": f"{where}: holders alternate — " + " → ".join(
                f"{display[run[0][1]]} ({_span(x[0] for x in run)})" for run in runs),
                "evidence": ["a one-holder post written for several people back and forth: a retrospective "
                             "mention, a wrong post, or two posts sharing one label"]})
            continue
        for last, first in steps:
            changes.append({
                "kind": "holder", "post": table.post_label(post),
                "summary": f"{where}: {display[last[1]]} → {display[first[1]]} "
                           f"(last seen {_iso(last[0])}, first seen {_iso(first[0])})",
                "evidence": [_sentence_of(last[2]), _sentence_of(first[2])]})
    return changes, tenure, alternating


def _runs(ordered: list[tuple[date, str, _Mention]]) -> list[list[tuple[date, str, _Mention]]]:
    runs: list[list[tuple[date, str, _Mention]]] = []
    for item in ordered:
        if runs and runs[-1][-1][1] == item[1]:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _sentence_of(m: _Mention) -> str:
    sentence = re.sub(r"\s+", " ", m.sentence).strip()
    return f"{_where(m.ex)} ({_iso(m.when)}) “{sentence[:120]}”"


def _title_changes(name: str, held: dict[str, list[_Mention]], table: _BodyTable) -> list[dict]:
    """Same person, same body: 代区长 then 区长, 副主席 then 主席."""
    found = []
    for before, early in held.items():
        for after, late in held.items():
            if before == after:
                continue
            old, new = early[0].posts[before], late[0].posts[after]
            modifier, bare = split_modifier(old.title)
            if not modifier or bare != new.title or old.body_key != new.body_key:
                continue
            old_dates = [m.when for m in early if m.when]
            new_dates = [m.when for m in late if m.when]
            if not old_dates or not new_dates or max(old_dates) > min(new_dates):
                continue
            found.append({"kind": "title", "official": name,
                          "summary": f"{name}: {table.post_label(before)} → {table.post_label(after)} "
                                     f"(last seen as {old.title} {_iso(max(old_dates))}, "
                                     f"first seen as {new.title} {_iso(min(new_dates))})",
                          "evidence": [_sentence_of(max(early, key=lambda m: m.when or date.min)),
                                       _sentence_of(min(late, key=lambda m: m.when or date.max))]})
    return found


# ------------------------------------------------------------------------------------------------ resolve


def resolve(extractions: list[ArticleExtraction], curation: Curation | None = None,
            locality: str | None = None, text_of: TextOf = article_text) -> Resolved:
    """Mentions -> identities of officials, bodies and posts, plus the review report (see the module doc).

    ``text_of`` gives an article's text; ``kg.build`` passes one that reads texts it has moved to disk.
    """
    curation = curation or Curation()
    locality = locality or curation.locality
    unique: dict[str, ArticleExtraction] = {}
    for ex in extractions:
        unique.setdefault(ex.article.id, ex)  # a reprinted article is one article
    raw = list(unique.values())
    kept = apply_corrections(raw, curation)

    papers = assign_papers(kept, curation)
    scopes = assign_scopes(kept, papers, locality)
    localities = scope_localities(kept, papers, scopes, locality, curation, text_of)
    table = resolve_bodies(kept, scopes, localities, curation, text_of)
    mentions, together = collect_mentions(kept, scopes, table, curation)

    by_name: dict[tuple[str, str], list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_name[(m.scope, m.name)].append(m)
    clusters: list[_Cluster] = []
    duplicates: list[dict] = list(table.review)
    for scope, name in sorted(by_name):
        whole = _Cluster(name, scope, "", tuple(by_name[(scope, name)]))
        parts, review = split_cluster(whole, curation, table, localities[scope])
        clusters += parts
        duplicates += review

    people = _People(clusters, together)
    merged, doubtful = join_variants(people, curation, table)
    across, apart = join_across_scopes(people, curation, table)
    duplicates += doubtful + apart

    official_of: dict[tuple[str, str], str] = {}
    display: dict[str, str] = {}
    aliases: dict[str, set[str]] = {}
    groups: list[tuple[str, list[_Cluster]]] = []
    for group in people.groups():
        head = min(group, key=lambda c: c.rank)
        key = head.key
        display[key] = head.name
        names = {n for c in group for n in c.written} | {c.name for c in group}
        aliases[key] = (names | set(curation.aliases.get(head.name, []))) - {head.name}
        for c in group:
            for m in c.mentions:
                official_of[(m.article, m.written)] = key
        groups.append((key, [head] + [c for c in group if c is not head]))

    curated = _curated_merges(mentions, curation)
    changes, tenure, alternating = personnel_changes(groups, table)
    duplicates += alternating
    unresolved = _unresolved(groups)
    report = {"changes": changes, "duplicates": duplicates, "merged": curated + merged + across,
              "unresolved": unresolved, "tenure": tenure,
              "scopes": _scope_notes(kept, papers, scopes, localities)}
    resolved = Resolved(extractions=kept, official_of=official_of, display_name=display, aliases=aliases,
                        dropped=set(curation.drop), report=report,
                        warnings=_unused_curation(curation, raw, mentions),
                        body_of=table.body_of, post_of=table.post_of, scope_of=scopes, paper_of=papers,
                        locality_of=localities)
    resolved.body_label = {key: table.body_label(key) for key in table.body_forms}
    resolved.body_aliases = {key: table.body_aliases(key) for key in table.body_forms}
    resolved.post_label = {key: table.post_label(key) for key in table.post_forms}
    resolved.post_aliases = {key: set(forms) - {table.post_label(key)} for key, forms in table.post_forms.items()}
    return resolved


def _curated_merges(mentions: list[_Mention], curation: Curation) -> list[dict]:
    seen = sorted({(m.written, m.name, m.scope) for m in mentions if m.written != m.name})
    return [{"summary": f"{written} → {name} ({scope})", "variant": written, "into": name, "scope": scope,
             "merged": True, "evidence": ["stated in the curation file (merge)"]}
            for written, name, scope in seen]


def _unresolved(groups: list[tuple[str, list[_Cluster]]]) -> list[dict]:
    """People known by name only (no post anywhere): their identity rests on the name within one scope."""
    bare: dict[str, list[str]] = defaultdict(list)
    for _, clusters in groups:
        if not any(c.posts for c in clusters):
            head = clusters[0]
            count = len(set().union(*(c.articles for c in clusters)))
            bare[head.scope].append(f"{head.name} ({count})")
    return [{"summary": f"{scope}: no post seen for " + "、".join(sorted(names)),
             "evidence": ["number of articles in brackets; add posts by hand or drop with not_people"]}
            for scope, names in sorted(bare.items())]


def _scope_notes(kept: list[ArticleExtraction], papers: dict[str, str | None], scopes: dict[str, str],
                 localities: dict[str, Locality]) -> list[dict]:
    notes = []
    for scope in sorted(set(scopes.values())):
        articles = [ex for ex in kept if scopes[ex.article.id] == scope]
        guessed = sorted({ex.article.source for ex in articles if not ex.article.paper and papers[ex.article.id]})
        place = " / ".join(localities[scope].places()) or "unknown"
        evidence = [f"paper taken for {src} (no masthead): same directory or build" for src in guessed]
        notes.append({"summary": f"{scope}: {len(articles)} articles; places {place}", "evidence": evidence})
    return notes


def _unused_curation(curation: Curation, raw: list[ArticleExtraction], mentions: list[_Mention]) -> list[str]:
    """Curation entries that matched nothing: likely a typo in the file, or input that changed."""
    if curation == Curation():
        return []
    written = {p.name for ex in raw for p in ex.people} | {p.name for ex in raw for p in ex.participations}
    written |= {r.label for ex in raw for r in ex.references if r.target_type == "Official"}
    posts = {x.label for ex in raw for p in ex.people for x in p.posts}
    bodies = set().union(*(_written_bodies(ex) for ex in raw)) if raw else set()
    found = {m.written for m in mentions} | curation.drop
    names = {m.name for m in mentions}
    problems = [f"curation: merge name {n!r} not found" for n in sorted(curation.merges) if n not in found]
    problems += [f"curation: alias target {n!r} not found" for n in sorted(curation.aliases) if n not in names]
    problems += [f"curation: split name {n!r} not found" for n in sorted(curation.splits) if n not in names]
    problems += [f"curation: not_people name {n!r} not found" for n in sorted(curation.drop) if n not in written]
    problems += [f"curation: not_merge pair {sorted(pair)} not found" for pair in sorted(curation.not_merge, key=sorted)
                 if not pair <= names]
    problems += [f"curation: name correction {n!r} not found" for n in sorted(curation.name_fixes) if n not in written]
    problems += [f"curation: post correction {n!r} not found" for n in sorted(curation.post_fixes) if n not in posts]
    problems += [f"curation: body {n!r} not found" for n in sorted(curation.body_aliases) if n not in bodies]
    return problems
