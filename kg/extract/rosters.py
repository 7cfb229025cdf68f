"""名单: a list of a body's members (中国共产党第十九次全国代表大会主席团成员名单, 中央委员会委员名单,
全国委员会常务委员名单). Its names stand with no title and no verb, so the other rules read none of them; each is a
person whose post is the headline's membership, or the role of the line it stands on (主任：王岐山 /
副主任：赵乐际、苗华 / 委员：…).

Normalisation has already kept the list's items apart with 、 (``kg.normalise.roster_line``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.lexicon import lexicon_lines, load
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
    """The people a 名单 article lists, each with the post its list gives; in any other article, the lists that
    stand under a heading naming a post (a communiqué's 名单如下：一、中央政治局委员 / 丁薛祥　习近平 …)."""
    membership = roster_membership(article)
    if membership is None and "、\n" not in article.text and not article.text.endswith("、"):
        return []  # (no line ends as a list of names does: nothing to read, most articles)
    # a note before a name (名单（共5人）（按姓氏笔画为序）丁启明、) ends what stands before it; a note after a name
    # (孙春兰（女）、) goes
    text = _NOTE.sub(lambda note: "\n" if _opens_a_name(note) else "", article.text)
    if membership is None:
        elected = _elected_post(text)
        if elected is not None:  # 公告: …常务委员会委员长、副委员长、秘书长和委员已由…选出 / 委员：丁仲礼、…
            lines = text.split("\n")
            first = next((k for k, line in enumerate(lines) if _ROLE.match(line.strip())), len(lines))
            return _listed_under_headings(text) + _read_lines(lines[first:], elected.body or "", elected)
        return _listed_under_headings(text)
    body, member_post = membership
    member = PostMention(label=member_post, title=member_post[len(body) :] or "成员", body=body)
    return _read_lines(text.split("\n"), body, member)


# 一、中央政治局委员 / 五、中央军事委员会主席、副主席、委员: a numbered heading over a list of names
_HEADING = re.compile(f"(?:[一二三四五六七八九十]+、)?([{CJK}、]{{2,40}})")


def _heading_post(heading: str) -> PostMention | None:
    """The post a list's heading names: 中央政治局委员 → 委员 of 中央政治局; 中央军事委员会主席、副主席、委员 → the body
    alone (成员), its role lines (主席：习近平) giving each post; None when the heading names no post."""
    roles = heading.split("、")
    first = _split_title(roles[0]) if is_role(roles[0]) else None
    if first is None or not all(is_role(role) for role in roles[1:]):
        return None
    title, body = first
    if len(roles) > 1:
        return PostMention(label=body + "成员", title="成员", body=body)
    return PostMention(label=heading, title=title, body=body)


def _heading_of(line: str) -> PostMention | None:
    heading = _HEADING.fullmatch(line)
    return _heading_post(heading.group(1)) if heading else None


_ELECTED = re.compile(r"(?:^|[，。：])(?P<posts>[^，。：；\n]{4,60}?)已由[^，。；\n]{2,60}?选出")


def _elected_post(text: str) -> PostMention | None:
    """第十二届全国人民代表大会常务委员会委员长、副委员长、秘书长和委员已由…选出 in a report's first paragraph: the body
    whose members its role lines list (委员：丁仲礼、…), as a heading over them would name it."""
    elected = _ELECTED.search(text.split("\n", 1)[0])
    return _heading_post(elected.group("posts").replace("和", "、")) if elected else None


def _role_alone(line: str) -> bool:
    """常务委员会委员: a line (or list item) that is a role and nothing else."""
    return _ROLE_WORD.fullmatch(line) is not None and is_role(line)


_ROLE_WORD = re.compile(f"[{CJK}]{{2,16}}")


def _split_title(post: str) -> tuple[str, str] | None:
    """(title, body) of 中央书记处书记: the longest title it ends with, and a body of at least two characters."""
    titles = sorted((t for t in load().titles if post.endswith(t) and len(post) - len(t) >= 2), key=len)
    return (titles[-1], post[: -len(titles[-1])]) if titles else None


def _listed_under_headings(text: str) -> list[PersonMention]:
    """Lists of names under headings that name posts, read line by line up to the first line that is neither."""
    lines = [line.strip() for line in text.split("\n")]
    found: list[PersonMention] = []
    for k, line in enumerate(lines):
        post = _heading_of(line)
        if post is None:
            continue
        section = []
        for following in lines[k + 1 :]:
            if not following:
                continue  # (按姓氏笔画为序), gone with the notes
            if listed_name(following):
                following += "、"  # 三、中央委员会总书记 / 习近平: a list of one
            if _heading_of(following) or not (following.endswith("、") or _role_alone(following.rsplit("、", 1)[-1])):
                break  # the next list's heading, or the text going on
            section.append(following)
        found += _read_lines(section, post.body or "", post, headed=True)
    return found


def _read_lines(lines: list[str], body: str, member: PostMention, headed: bool = False) -> list[PersonMention]:
    """The names of a list's lines, each with the post of its list or of the role its line opens with. Under a
    heading (``headed``) a line of one or two names is a list too."""
    found: list[PersonMention] = []
    waiting: PostMention | None = None  # 委员：（按姓氏笔画为序）: a role whose names start on the next line
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if headed and _role_alone(line):
            waiting = _role_post(line, body)  # 常务委员会委员（按姓氏笔画为序）: its names on the next line
            continue
        # …陈小江、常务委员会委员 / 王鸿津、…: under a heading, the next list's role may end a line
        last = line.rstrip("、").rsplit("、", 1)[-1]
        role_next = _role_post(last, body) if headed and "、" in line and _role_alone(last) \
            and not listed_name(last) else None
        if role_next is not None:
            line = line.rstrip("、")[: -len(last)]
        # 副主任：赵乐际、苗华、委员：石泰峰、…: a role after a list item opens a field of its own
        roles = list(_ROLE.finditer(line))
        fields = [(0, roles[0].start() if roles else len(line), waiting or member, waiting is not None or headed)]
        for k, role in enumerate(roles):
            end = roles[k + 1].start() if k + 1 < len(roles) else len(line)
            fields.append((role.end(), end, _role_post(role.group(1), body), True))
        for start, end, post, after_role in fields:
            if post is not None:
                found += _listed_people(line, start, end, post, after_role)
        start, end, post, _ = fields[-1]
        waiting = role_next or (post if roles and not line[start:end].strip("、") else None)
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
