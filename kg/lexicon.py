"""Lexicons: data files under kg/lexicons, loaded once per process and compiled into regexes."""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import tempfile
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import jieba

from kg.atomic import atomic_open

jieba.setLogLevel(60)  # no 'Building prefix dict' chatter on every run

LEXICON_FILES = ("titles.txt", "role_verbs.txt", "meeting_nouns.txt", "inspection_verbs.txt", "surnames.txt",
                 "stop_after_name.txt", "body_suffixes.txt", "place_markers.txt", "countries.txt",
                 "foreign_titles.txt", "transliteration_chars.txt", "minority_name_syllables.txt",
                 "given_name_excluded.txt", "speech_verbs.txt", "tense_markers.txt", "standalone_bodies.txt",
                 "body_left_boundary.txt", "org_endings.txt",
                 "weak_surnames.txt", "person_markers.txt", "encounter_verbs.txt", "message_verbs.txt",
                 "name_end_excluded.txt", "verbs_before_name.txt",
                 "list_fillers.txt", "state_forms.txt",
                 "appointment_verbs.txt", "provinces.txt")


def lexicon_lines(name: str) -> list[str]:
    """The entries of a lexicon file (comments and blank lines left out), for rules that read their own format."""
    return _lines(name)


def _lines(name: str) -> list[str]:
    text = resources.files("kg.lexicons").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _pairs(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _lines(name):
        key, _, value = line.partition("\t")
        out[key.strip()] = value.strip()
    return out


def alternation(words: list[str] | set[str]) -> str:
    """Regex alternation, longest first so 副主任 beats 主任."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@dataclass(frozen=True, eq=False)
class Lexicon:
    titles: frozenset[str]
    bare_titles: frozenset[str]
    role_verbs: dict[str, str]
    meeting_nouns: dict[str, str]
    inspection_verbs: dict[str, str]
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    stops: tuple[str, ...]
    body_suffixes: tuple[str, ...]
    place_markers: tuple[str, ...]
    common_words: dict[str, str]  # jieba dictionary words that are not person names -> part-of-speech tag
    countries: tuple[str, ...]  # countries, regions, international organisations (longest first)
    foreign_titles: frozenset[str]  # titles of foreign offices only (总统, 首相)
    transliteration: frozenset[str]  # characters of transliterated foreign names
    name_syllables: tuple[str, ...]  # syllables of minority names without a Han surname (longest first)
    not_given: frozenset[str]  # characters never in a Han given name
    speech_verbs: tuple[str, ...]
    tense_markers: dict[str, str]  # 时任 -> past, 候任 -> elect
    standalone_bodies: frozenset[str]  # bodies with no ending of their own (国家, 中共中央)
    body_left_boundary: tuple[str, ...]  # words a body never runs across to its left (由, 会见)
    org_endings: tuple[str, ...]  # endings of organisations named without a place (…党, …联盟)
    weak_surnames: frozenset[str]  # surnames that are also everyday characters (和, 年): need a firm stop
    person_markers: tuple[str, ...]  # words a name follows that are no post (夫人, 专家学者)
    encounter_verbs: dict[str, str]  # 会见 -> 会见, 举行会谈 -> 会谈, 通电话 -> 通话
    message_verbs: tuple[str, ...]  # 致电, 贺信: messages, no event
    not_name_end: frozenset[str]  # characters a name does not end with (普京在, 邵鸿等)
    negations: frozenset[str]  # 不, 未: before a verb they end a joined name (米歇尔·奥恩不接受)
    name_end_in_lists: frozenset[str]  # … unless punctuation or 等 closes the name at once (罗富和等)
    verbs_before_name: tuple[str, ...]  # 转达胡锦涛主席: verbs a name with its title after it may follow
    state_forms: tuple[str, ...]  # 共和国, 联邦: the rest of a country's full name
    provinces: frozenset[str]  # 吉林, 上海: short names that head their own government (吉林省长)

    @property
    def title_re(self) -> re.Pattern[str]:
        return _compiled(self, "title")


@lru_cache(maxsize=1)
def load() -> Lexicon:
    titles: set[str] = set()
    bare: set[str] = set()
    for line in _lines("titles.txt"):
        word = line.rstrip("*")
        titles.add(word)
        if line.endswith("*"):
            bare.add(word)
    surnames = _lines("surnames.txt")
    return Lexicon(
        titles=frozenset(titles),
        bare_titles=frozenset(bare),
        role_verbs=_pairs("role_verbs.txt"),
        meeting_nouns=_pairs("meeting_nouns.txt"),
        inspection_verbs=_pairs("inspection_verbs.txt"),
        surnames=frozenset(s for s in surnames if len(s) == 1),
        compound_surnames=frozenset(s for s in surnames if len(s) == 2),
        stops=tuple(sorted(_lines("stop_after_name.txt"), key=len, reverse=True)),
        body_suffixes=tuple(sorted(_lines("body_suffixes.txt"), key=len, reverse=True)),
        place_markers=tuple(sorted(_lines("place_markers.txt"), key=len, reverse=True)),
        common_words=_jieba_common_words(),
        countries=_longest_first(_lines("countries.txt")),
        foreign_titles=frozenset(_lines("foreign_titles.txt")),
        transliteration=frozenset("".join(_lines("transliteration_chars.txt"))),
        name_syllables=_longest_first(_lines("minority_name_syllables.txt")),
        not_given=frozenset("".join(_lines("given_name_excluded.txt"))),
        speech_verbs=_longest_first(_lines("speech_verbs.txt")),
        tense_markers=_pairs("tense_markers.txt"),
        standalone_bodies=frozenset(_lines("standalone_bodies.txt")),
        body_left_boundary=_longest_first(_lines("body_left_boundary.txt")),
        org_endings=_longest_first(_lines("org_endings.txt")),
        weak_surnames=frozenset("".join(_lines("weak_surnames.txt"))),
        person_markers=_longest_first(_lines("person_markers.txt")),
        encounter_verbs=_pairs("encounter_verbs.txt"),
        message_verbs=_longest_first(_lines("message_verbs.txt")),
        not_name_end=frozenset("".join(_lines("name_end_excluded.txt"))),
        name_end_in_lists=frozenset("".join(_lines("name_end_in_lists.txt"))),
        negations=frozenset("".join(_lines("negations.txt"))),
        verbs_before_name=_longest_first(_lines("verbs_before_name.txt")),
        state_forms=_longest_first(_lines("state_forms.txt")),
        provinces=frozenset(_lines("provinces.txt")),
    )


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def _jieba_common_words() -> dict[str, str]:
    """Short dictionary words jieba does not tag as person names (nr): 区委, 常务, 方向 are not names.

    Reading them out of jieba's 350,000-line dictionary costs every process (every worker) 0.3 s; like jieba's own
    prefix dictionary, the result is kept in the temporary directory, keyed by the dictionary file's identity.
    """
    with jieba.get_dict_file() as handle:
        stat = os.fstat(handle.fileno())
        identity = f"{jieba.__version__}|{getattr(handle, 'name', '')}|{stat.st_size}|{stat.st_mtime_ns}"
        saved = Path(tempfile.gettempdir()) / f"kg-jieba-tags-{hashlib.sha1(identity.encode()).hexdigest()[:16]}"
        words = _load_saved(saved)
        if words is not None:
            return words
        text = handle.read().decode("utf-8")
    words = {word: tag for word, tag in _TAGGED_WORD.findall(text) if not tag.startswith("nr")}
    # atomic: a concurrent worker reads the old state or the whole file; a read-only directory costs the 0.3 s again
    with contextlib.suppress(OSError), atomic_open(saved, "wb") as out:
        out.write(marshal.dumps(words))
    return words


def _load_saved(path: Path) -> dict[str, str] | None:
    """The saved table, if there is one, it is ours (a shared /tmp: never load another user's) and it is whole."""
    try:
        if _written_by_someone_else(path):
            return None
        words = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return words if isinstance(words, dict) else None


def _written_by_someone_else(path: Path) -> bool:
    getuid = getattr(os, "getuid", None)  # POSIX only; elsewhere the temporary directory is per user anyway
    return getuid is not None and path.stat().st_uid != getuid()


_TAGGED_WORD = re.compile(r"^(\S{2,4}) \S+ (\S+)", re.MULTILINE)  # jieba dictionary line: word, frequency, tag


@cache
def _compiled(lexicon: Lexicon, which: str) -> re.Pattern[str]:
    if which == "title":
        return re.compile(alternation(lexicon.titles))
    raise KeyError(which)
