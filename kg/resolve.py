"""Stage 5, resolve: decide which mentions name the same official, body or slogan.

The unit of identity for an official is (name, locality scope): the same name in the same paper is one
person; the same name in papers of different places is two. Curation (a YAML file) can merge, split,
alias and correct on every build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.model import ArticleExtraction


@dataclass
class Curation:
    """User decisions that survive rebuilds (kg build --curation FILE)."""

    merges: dict[str, str] = field(default_factory=dict)  # variant name -> canonical name
    aliases: dict[str, list[str]] = field(default_factory=dict)  # canonical -> extra alternative labels
    splits: dict[str, list[str]] = field(default_factory=dict)  # name -> scopes that are distinct people
    locality: str | None = None
    drop: set[str] = field(default_factory=set)  # names that are not people (extraction errors)

    @classmethod
    def load(cls, path: str | Path) -> Curation:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: curation file must be a mapping")
        merges: dict[str, str] = {}
        for item in data.get("merge", []) or []:
            canonical = str(item["into"])
            for variant in item.get("names", []) or []:
                merges[str(variant)] = canonical
        return cls(
            merges=merges,
            aliases={str(k): [str(x) for x in v] for k, v in (data.get("aliases") or {}).items()},
            splits={str(k): [str(x) for x in v] for k, v in (data.get("split") or {}).items()},
            locality=data.get("locality"),
            drop={str(x) for x in data.get("not_people", []) or []},
        )


@dataclass
class Resolved:
    extractions: list[ArticleExtraction]
    official_of: dict[tuple[str, str], str]  # (article id, name as written) -> canonical key
    display_name: dict[str, str]  # canonical key -> label
    aliases: dict[str, set[str]]
    dropped: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    report: dict = field(default_factory=dict)


def scope_of(extraction: ArticleExtraction, locality: str | None) -> str:
    """Where a name is taken to be unique: the --locality option, else the paper, else the source."""
    article = extraction.article
    return locality or article.paper or "default"


def resolve(extractions: list[ArticleExtraction], curation: Curation | None = None,
            locality: str | None = None) -> Resolved:
    curation = curation or Curation()
    locality = locality or curation.locality
    unique: dict[str, ArticleExtraction] = {}
    for ex in extractions:
        unique.setdefault(ex.article.id, ex)  # a reprinted article is one article
    kept = list(unique.values())

    official_of: dict[tuple[str, str], str] = {}
    display: dict[str, str] = {}
    aliases: dict[str, set[str]] = {}
    for ex in kept:
        scope = scope_of(ex, locality)
        names = {p.name for p in ex.people} | {p.name for p in ex.participations if not p.is_body}
        names |= {r.label for r in ex.references if r.target_type == "Official"}
        for name in names:
            if name in curation.drop:
                continue
            canonical = curation.merges.get(name, name)
            key = f"{canonical}\x1f{scope}" if canonical not in curation.splits else f"{canonical}\x1f{scope}"
            official_of[(ex.article.id, name)] = key
            display[key] = canonical
            aliases.setdefault(key, set())
            if canonical != name:
                aliases[key].add(name)
    for canonical, extra in curation.aliases.items():
        for key, label in display.items():
            if label == canonical:
                aliases[key].update(extra)
    return Resolved(extractions=kept, official_of=official_of, display_name=display, aliases=aliases,
                    dropped=set(curation.drop))
