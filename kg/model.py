"""Plain data passed between pipeline stages, and the graph contract the exporters rely on.

Data flows one way: read -> normalise -> segment -> extract -> resolve -> assemble -> export.
Each stage takes and returns the dataclasses below; nothing here does any work.

Graph contract (networkx.MultiDiGraph built by ``kg.assemble``):

* node id: a deterministic IRI string (see ``kg.iri``).
* node attributes: ``type`` (one of NODE_TYPES), ``label`` (str), ``aliases`` (list[str]),
  plus per type:
    - Official/Reporter: ``posts`` (list[str], labels of posts held)
    - Meeting: ``date`` (ISO str or None), ``kind`` (会议/调研/活动/…), ``article`` (node id), ``date_basis``
      ("stated": the text gives the day; "reported": the text gives none, the issue's date stands in)
    - Article: ``source`` (file path or URL), ``record`` (int|None), ``pub_date`` (ISO|None),
      ``headline`` (str|None), ``reporters`` (list[str]), ``paper`` (str|None)
    - Post: ``title`` (title word, e.g. 副主席), ``body`` (body label or None)
    - Slogan/Document/Body: no extras required; Slogan has ``first_seen`` (ISO|None) and ``count``.
* edge key = relation name (one of RELATIONS); edge attributes:
    - ``rel``: the relation name again (handy when iterating without keys)
    - ``evidence``: list of {"article": node id, "sentence": str, "date": ISO|None}
    - chaired/attended: ``role`` (verb as written: 主持, 出席, 列席 …) and ``order`` (int, listing order)
    - holds: ``first_seen`` / ``last_seen`` (ISO|None: the first and last dates the papers show the post held);
      optional ``stated_start`` / ``stated_end`` (ISO: an appointment, election, removal or resignation report says
      so), ``past`` (True when every mention writes the post as former: 时任, 原, 前), and, once tenures are inferred
      (kg.analyse.tenures), ``start`` / ``end`` (ISO|None) with ``start_basis`` / ``end_basis``
      ("stated" | "inferred" | "seen")
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

NODE_TYPES = ("Official", "Reporter", "Body", "Meeting", "Slogan", "Post", "Article", "Document")

# relation name -> (allowed source types, allowed target types)
RELATIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "chaired": (("Official", "Body"), ("Meeting",)),
    "attended": (("Official", "Body"), ("Meeting",)),
    "referenced": (("Meeting",), ("Slogan", "Document", "Meeting", "Official")),
    "holds": (("Official",), ("Post",)),
    "postIn": (("Post",), ("Body",)),
    "organizedBy": (("Meeting",), ("Body",)),
    "reportedIn": (("Meeting",), ("Article",)),
    "wrote": (("Reporter",), ("Article",)),
}


@dataclass(frozen=True)
class SourceText:
    """One unit of input as read from disk: a whole .txt file or one JSONL record."""

    path: str
    text: str
    record: int | None = None  # JSONL line number (1-based), None for plain files
    date: date | None = None  # publication date given by the container (JSONL field, file name, --date)
    url: str | None = None
    title: str | None = None
    source: str | None = None  # paper name when the container says it


@dataclass(frozen=True)
class Issue:
    """A normalised text with what its header told us (masthead name, publication date)."""

    source: SourceText
    lines: tuple[str, ...]
    paper: str | None = None
    pub_date: date | None = None
    date_origin: str = "none"  # header | record | filename | option | inferred | none
    publisher: str | None = None  # the masthead's 主办 line: 中共某某市某某区委 tells the paper's place


@dataclass(slots=True)
class Article:
    id: str  # content hash: the same article reprinted stays one node
    source: str  # file path or URL
    record: int | None
    index: int  # position in its issue
    text: str  # body, lines joined, normalised
    headline: str | None = None
    reporters: list[str] = field(default_factory=list)
    pub_date: date | None = None
    date_origin: str = "none"
    paper: str | None = None
    url: str | None = None
    publisher: str | None = None
    dateline: date | None = None  # 新华社北京3月5日电: the day the story was filed, the anchor of its relative dates


@dataclass(frozen=True, slots=True)
class PostMention:
    label: str  # title as written, with an elided body prefix restored (区政协秘书长)
    title: str  # the title word (秘书长)
    body: str | None  # the body it belongs to (区政协), if any
    tense: str = "current"  # current | past (时任, 原, 前) | elect (当选, 候任) | start / end (任命 / 免去 report)
    stated: str | None = None  # start/end: the day the text gives it (1983年6月 -> 1983-06-01), else the report's
    term: str = ""  # the body's term written before it (十二届 in 十二届全国政协副主席): a post of that term


@dataclass(slots=True)
class PersonMention:
    name: str
    posts: list[PostMention]
    sentence: str
    is_reporter: bool = False


@dataclass(slots=True)
class MeetingMention:
    key: int  # index within the article
    label: str
    kind: str  # 会议 / 调研 / 活动 / 座谈会 …
    date: date | None
    sentence: str
    organiser: str | None = None
    date_basis: str = "stated"  # stated: the text dates it; reported: undated, taken as the issue's date
    aliases: tuple[str, ...] = ()  # other names the article gives it (its headline's short form)


@dataclass(slots=True)
class Participation:
    meeting: int  # MeetingMention.key
    name: str  # person name or body label
    is_body: bool
    relation: str  # chaired | attended
    role: str  # verb as written
    order: int
    sentence: str


@dataclass(slots=True)
class Reference:
    meeting: int
    target_type: str  # Slogan | Document | Meeting | Official
    label: str
    sentence: str


@dataclass(slots=True)
class ArticleExtraction:
    """Everything read from one article; the unit the cache stores and workers return."""

    article: Article
    people: list[PersonMention] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    meetings: list[MeetingMention] = field(default_factory=list)
    participations: list[Participation] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class InputProblem:
    path: str
    problem: str
    line: int | None = None
    fatal: bool = True  # True: the input (or record) was skipped

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.problem}"
