"""名单: a list of a body's members (中国共产党第十九次全国代表大会主席团成员名单, 中央委员会委员名单,
全国委员会常务委员名单). Its names stand with no title and no verb, so the other rules read none of them; each is a
person whose post is the headline's membership, or the role of the line it stands on (主任：王岐山 /
副主任：赵乐际、苗华 / 委员：…).

Normalisation has already kept the list's items apart with 、 (``kg.normalise.roster_line``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.lexicon import lexicon_lines
from kg.model import Article, PersonMention, PostMention
from kg.normalise import CJK, is_role, listed_item, listed_name

_LIST_WORD = "名单"
_NOTE = re.compile(r"（[^（）]{0,30}）")  # （共22人）, （按姓氏笔画为序）, （女，蒙古族）: notes, not names
_ROLE = re.compile(f"(?:^|(?<=、))([{CJK}]{{1,8}})：")


@lru_cache(maxsize=1)
def _body_words() -> tuple[str, ...]:
    return tuple(lexicon_lines("roster_bodies.txt"))


@lru_cache(maxsize=1)
def _member_words() -> frozenset[str]:
    return frozenset(lexicon_lines("roster_members.txt"))


def _opens_a_name(note: re.Match[str]) -> bool:
    following = note.string[note.end() : note.end() + 1]
    return bool(following) and following not in "、，。（\n"


def roster_membership(article: Article) -> tuple[str, str] | None:
    """(body, member post) of a 名单 headline, or None when the article is no list of a body's members:
    中国共产党第十九届中央委员会候补委员名单 gives
    (中国共产党第十九届中央委员会, 中国共产党第十九届中央委员会候补委员)."""
    first_line = article.text.split("\n", 1)[0].strip()
    title = next((t for t in ((article.headline or "").strip(), first_line) if t.endswith(_LIST_WORD)), None)
    if title is None:
        return None
    base = title[: -len(_LIST_WORD)]
    body_end = max((base.rfind(word) + len(word) for word in _body_words() if word in base), default=-1)
    if body_end <= 0:
        return None  # 获奖名单, 黑名单: nobody's members
    body, rest = base[:body_end], base[body_end:]
    if rest in _member_words():
        return body, base
    if rest and not all(is_role(word) for word in rest.split("、")):
        return None  # 市人大常委会任免名单: appointments, not members (appointment rules read them)
    return body, body + "成员"  # (…常务委员会委员长、副委员长、秘书长、委员名单: the role lines give each post)


def _role_post(role: str, body: str) -> PostMention | None:
    """The post a role line gives (副主任 → body + 副主任); None when the word before the colon is no role."""
    if role in _member_words() or is_role(role):
        return PostMention(label=body + role, title=role, body=body)
    return None


def find_roster(article: Article) -> list[PersonMention]:
    """The people a 名单 article lists, each with the post its list gives."""
    membership = roster_membership(article)
    if membership is None:
        return []
    body, member_post = membership
    member = PostMention(label=member_post, title=member_post[len(body) :] or "成员", body=body)
    found: list[PersonMention] = []
    # a note before a name (名单（共5人）（按姓氏笔画为序）丁启明、) ends what stands before it; a note after a name
    # (孙春兰（女）、) goes
    text = _NOTE.sub(lambda note: "\n" if _opens_a_name(note) else "", article.text)
    waiting: PostMention | None = None  # 委员：（按姓氏笔画为序）: a role whose names start on the next line
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        # 副主任：赵乐际、苗华、委员：石泰峰、…: a role after a list item opens a field of its own
        roles = list(_ROLE.finditer(line))
        fields = [(0, roles[0].start() if roles else len(line), waiting or member, waiting is not None)]
        for k, role in enumerate(roles):
            end = roles[k + 1].start() if k + 1 < len(roles) else len(line)
            fields.append((role.end(), end, _role_post(role.group(1), body), True))
        for start, end, post, after_role in fields:
            if post is not None:
                found += _listed_people(line, start, end, post, after_role)
        start, end, post, _ = fields[-1]
        waiting = post if roles and not line[start:end].strip("、") else None
    return found


def _listed_people(line: str, start: int, end: int, post: PostMention, after_role: bool) -> list[PersonMention]:
    """The names of one field of a list line, if it is a list of names: nearly every item a name, and three of them
    unless a role opened the field."""
    items = line[start:end].split("、")
    filled = [item for item in items if item]
    shaped = sum(map(listed_name, filled))
    if not shaped or shaped < 0.8 * len(filled) or (not after_role and len(filled) < 3):
        return []
    # the list is every name's sentence: named side by side, no two of them are one person (赵克石 and 赵克志 of one
    # 主席团 are two)
    sentence = line[start:end].rstrip("、")
    return [PersonMention(name=item, posts=[post], sentence=sentence) for item in items if listed_item(item)]
