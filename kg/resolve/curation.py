"""Curation: the user's merges, splits, aliases and corrections, applied on every build."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from kg.model import ArticleExtraction, PostMention
from kg.resolve.common import CURATION_KEYS, VARIANT_WINDOW_DAYS

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
        if body and value.term and body.startswith(value.term):
            body = body[len(value.term) :] or None  # 十一届全国人大常委会: the term is no part of the body
        return replace(value, label=label, body=body or value.body)

    fixed = []
    for ex in extractions:
        people = [replace(p, name=name(p.name), posts=[post(x) for x in p.posts]) for p in ex.people]
        parts = [p if p.is_body else replace(p, name=name(p.name)) for p in ex.participations]
        refs = [replace(r, label=name(r.label)) if r.target_type == "Official" else r for r in ex.references]
        fixed.append(replace(ex, people=people, participations=parts, references=refs))
    return fixed


