"""References: quoted slogans, documents, conveyed meetings and cited (not present) leaders."""

from __future__ import annotations

import re

from kg.extract.common import Span, _patterns
from kg.lexicon import alternation

_QUOTE = re.compile(r"“([^“”]{1,60})”")
_DOCUMENT = re.compile(r"《([^《》]{1,80})》")

_CONVEY_VERB = re.compile(r"传达学习|学习传达|学习贯彻|传达贯彻|贯彻落实|传达")
_REFERENCE_PERSON_CONTEXT = re.compile(
    r"^(?:近期|近日|最近|此前)?(?:重要讲话|重要指示|重要论述|重要文章|重要批示|重要回信|关于|系列重要|的重要|"
    # 在…上的重要讲话, 在…时的讲话, 在…发表的: a speech cited; 在开幕式上发表讲话 right after the name: given here
    r"在(?![^，。]{0,6}?(?:会上(?!的)|讲话中))[^，。]{0,40}?(?:的重要讲话|的讲话|发表的|重要讲话精神)|"
    r"对[^，。]{0,40}?(?:重要指示|批示)|"
    # …重要讲话 close behind the name is a citation, unless he gave it here (出席会议并作重要讲话) or conveys another's
    # (赵乐际传达习近平的重要指示: 赵乐际 is there)
    r"(?![^，。]{0,6}?(?:作|发表|出席|主持|致辞|传达|宣读))[^，。]{0,6}?(?:重要讲话|重要指示|重要论述|重要文章|批示精神|指示精神|思想))"
)

_NATIONAL_TITLES = {"总书记", "国家主席", "国务院总理", "总理", "副总理", "委员长"}

_NATIONAL_TITLE_HEAD = re.compile(f"^(?:{alternation(_NATIONAL_TITLES)})")

def _is_reference_context(text: str, end: int) -> bool:
    """习近平总书记重要讲话 / 关于…的重要论述: the person is cited, not present."""
    tail = text[end : end + 20]
    tail = _NATIONAL_TITLE_HEAD.sub("", tail)
    return bool(_REFERENCE_PERSON_CONTEXT.match(tail))



# ---------------------------------------------------------------- references


def find_references(text: str, people: list[Span]) -> list[tuple[str, str]]:
    """(target type, label): quoted slogans, 《documents》, conveyed meetings, cited leaders."""
    pats = _patterns()
    refs: list[tuple[str, str]] = []
    for m in _QUOTE.finditer(text):
        label = m.group(1).strip().rstrip("。")  # “携手消除贫困，实现共同发展。”: the period is the sentence's
        if label and len(label) <= 50:
            refs.append(("Slogan", label))
    for m in _DOCUMENT.finditer(text):
        if re.match(r"(杂志|报|日报|周刊|期刊)", text[m.end() : m.end() + 2]):
            continue
        if m.group(1).strip():
            refs.append(("Document", m.group(1).strip()))
    for verb in _CONVEY_VERB.finditer(text):
        scope = re.split(r"[。；]", text[verb.end() : verb.end() + 200])[0]
        if "精神" not in scope:
            continue
        scope = scope[: scope.rfind("精神")]
        for part in re.split(r"精神|[、，和及暨]", scope):
            part = re.sub(r"^(?:了|学习|传达|贯彻|落实|中央|近期|以及)+", "", part)
            if 4 <= len(part) <= 40 and pats["meeting_end"].search(part) and "《" not in part:
                refs.append(("Meeting", part))
    for span in people:
        if _is_reference_context(text, span.end):
            refs.append(("Official", span.name))
    seen: set[tuple[str, str]] = set()
    return [r for r in refs if not (r in seen or seen.add(r))]


