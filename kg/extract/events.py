"""Events: the meetings and visits an article reports (not the ones it merely mentions)."""

from __future__ import annotations

import re

from kg.extract.common import _HOLD_VERBS, HeldEvent, Span, _patterns
from kg.extract.references import _is_reference_context
from kg.extract.titles import _strip_sub_organ
from kg.lexicon import load

# ---------------------------------------------------------------- events





def find_events(text: str, sentences: list[tuple[int, str]], people: list[Span],
                headline: str | None) -> list[HeldEvent]:
    """The meetings and visits the article reports (not the ones it merely mentions)."""
    pats = _patterns()
    for index, (offset, sentence) in enumerate(sentences[:3]):
        events = _held_meetings(sentence, offset, people) or _meeting_opening_sentence(sentence, offset)
        if not events:
            visit = _inspection(sentence, offset, people) or _activity(sentence, offset, people)
            events = [visit] if visit else []
        if events:
            return events + _follow_ups(sentences[index + 1 :], people)
    if headline:
        m = re.search(r"在(.{2,60}?)上(?:强调|讲话|指出|表示|作|发表)", headline)
        if m and pats["meeting_end"].search(m.group(1)):
            return [HeldEvent(label=m.group(1), kind=_kind_of(m.group(1)), start=0, end=0)]
    return []


_FOLLOW_UP = re.compile(r"^(?:会后|随后|紧接着|当天下午|当天晚上|当天|同日|次日)")


def _follow_ups(sentences: list[tuple[int, str]], people: list[Span]) -> list[HeldEvent]:
    """会后，我县紧接着召开全县防汛工作部署会: a second meeting in the same report, with its own people."""
    out: list[HeldEvent] = []
    for group, (offset, sentence) in enumerate((s for s in sentences if _FOLLOW_UP.match(s[1])), start=1):
        for event in _held_meetings(sentence, offset, people):
            event.group = group
            event.start = offset  # participants named after this sentence belong to it
            out.append(event)
    return out


def _kind_of(label: str) -> str:
    lex = load()
    m = _patterns()["meeting_end"].search(label)
    return lex.meeting_nouns.get(m.group(0), "会议") if m else "会议"


def _clean_label(label: str) -> str:
    label = re.sub(r"^(?:上午|下午|晚上|晚|当天|日前|近日|近期)", "", label)
    return label.strip("，、 ")


def _held_meetings(sentence: str, offset: int, people: list[Span]) -> list[HeldEvent]:
    pats = _patterns()
    out: list[HeldEvent] = []
    # pattern 1: [A、B和C]召开  /  pattern 2: [body]召开[Y]  /  pattern 3: [person]主持召开[Y]
    for verb in re.finditer(_HOLD_VERBS, sentence):
        before = sentence[: verb.start()]
        clause = re.split(r"[，。；：]", before)[-1]
        clause = _strip_date(clause)
        trimmed = pats["meeting_then_where"].match(clause)
        if trimmed:
            clause = trimmed.group(1)
        after = sentence[verb.end() :]
        y = pats["meeting_after_verb"].match(after)
        if clause and pats["meeting_end"].search(clause) and not y:
            for part in _split_joint(clause):
                label = _clean_label(part)
                if label:
                    s = offset + sentence.find(part)
                    out.append(HeldEvent(label=label, kind=_kind_of(label), start=s, end=s + len(part),
                                         organiser=None))
            if out:
                return out
        if y:
            noun_phrase = y.group(0)
            subject = clause
            person = _person_ending_at(people, offset + verb.start() - (2 if before.endswith("主持") else 0))
            if before.endswith("主持") and person:
                parts = _split_joint(noun_phrase) or [noun_phrase]
                return [HeldEvent(label=part if len(part) >= 4 else f"{person.name}主持召开{part}",
                                  kind=_kind_of(part), start=offset + verb.start(),
                                  end=offset + verb.end() + len(noun_phrase)) for part in parts]
            leader = next((p for p in people if offset <= p.start and p.end <= offset + verb.start()
                           and sentence.rfind("，", 0, verb.start()) < p.start - offset), None)
            if leader is not None and not pats["body_end"].search(subject or ""):
                # 街道党工委书记某某带队到现场召开现场办公会: the meeting takes the convener's body
                body = next((post.body for post in leader.posts if post.body), None)
                label = (_strip_sub_organ(body) if body else leader.name) + noun_phrase
                return [HeldEvent(label=label, kind=_kind_of(noun_phrase), start=offset + verb.start(),
                                  end=offset + verb.end() + len(noun_phrase), organiser=body)]
            if subject and pats["meeting_end"].search(subject):
                # 市人大常委会第二十三次会议举行第一次全体会议: a sitting of a named session
                label = _clean_label(subject) + noun_phrase
                return [HeldEvent(label=label, kind=_kind_of(noun_phrase), start=offset + verb.start(),
                                  end=offset + verb.end() + len(noun_phrase))]
            if len(noun_phrase) >= 5 and not (subject and pats["body_end"].search(subject)):
                # 我县紧接着召开全县防汛工作部署会: the meeting names itself
                return [HeldEvent(label=noun_phrase, kind=_kind_of(noun_phrase), start=offset + verb.start(),
                                  end=offset + verb.end() + len(noun_phrase))]
            if subject and pats["body_end"].search(subject):
                label = _clean_label(subject) + noun_phrase
                return [HeldEvent(label=label, kind=_kind_of(noun_phrase), start=offset + verb.start(),
                                  end=offset + verb.end() + len(noun_phrase), organiser=_clean_label(subject))]
    return out


def _meeting_opening_sentence(sentence: str, offset: int) -> list[HeldEvent]:
    """政协某州第十四届委员会第五次会议圆满完成各项议程，在州人民会堂闭幕: the meeting opens the sentence."""
    pats = _patterns()
    if not re.search(_HOLD_VERBS, sentence):
        return []
    head = _strip_date(re.split(r"[，。；：]", sentence)[0] if not re.match(r"^[^，]{0,12}日", sentence) else
                       re.split(r"[，。；：]", sentence)[1] if "，" in sentence else sentence)
    match = re.match(f"^(.{{2,40}}?(?:{pats['meeting'].pattern}))", head)
    if not match:
        return []
    label = _clean_label(match.group(1))
    start = offset + sentence.find(match.group(1))
    return [HeldEvent(label=label, kind=_kind_of(label), start=start, end=start + len(label))]


def _strip_date(clause: str) -> str:
    clause = re.sub(r"^(?:(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日|昨天|昨日|今天|今日|前天|日前|近日|(?:本|上)月\d{1,2}日)"
                    r"(?:（\d{1,2}日）)?(?:上午|下午|晚上|晚)?", "", clause)
    return clause


def _split_joint(clause: str) -> list[str]:
    """区政府党组（扩大）会议、管委会主任办公会议和区政府常务会议 -> three meetings; 暨-joined names stay whole."""
    meeting_end = _patterns()["meeting_end"]
    parts: list[str] = []
    buf_start = 0
    for sep in re.finditer(r"[、和及]", clause):
        if meeting_end.search(clause[buf_start : sep.start()]):
            parts.append(clause[buf_start : sep.start()])
            buf_start = sep.end()
    parts.append(clause[buf_start:])
    return [p for p in parts if meeting_end.search(p)]


def _person_ending_at(people: list[Span], end: int) -> Span | None:
    for span in people:
        if span.end == end:
            return span
    return None


def _inspection(sentence: str, offset: int, people: list[Span]) -> HeldEvent | None:
    pats = _patterns()
    lex = load()
    for verb in pats["inspect"].finditer(sentence):
        after = sentence[verb.end() :]
        if re.match(r"(报告|成果|课题|组|员|文章|工作组)", after):
            continue
        if re.search(r"(参加|陪同|一同|随同)$", sentence[: verb.start()]):
            continue  # 参加接访: the companions' verb, not the leader's
        leaders = [p for p in people if offset <= p.start and p.end <= offset + verb.start()]
        leaders = [p for p in leaders if not _is_reference_context(sentence, p.end - offset)]
        if not leaders:
            continue
        leader = leaders[0]
        obj = re.split(r"[，。；]", after)[0][:40]
        label = f"{leader.name}{verb.group(0)}{obj}"
        return HeldEvent(label=label, kind=lex.inspection_verbs[verb.group(0)], start=offset + verb.start(),
                         end=offset + verb.end() + len(obj), leader=leader)
    return None


_ACTIVITY = re.compile(r"(?:开展|举办|组织开展|参加)([^，。；]{2,30}?活动)")


def _activity(sentence: str, offset: int, people: list[Span]) -> HeldEvent | None:
    """县委书记某某到接待中心开展“领导干部信访接待日”活动: an activity led by its subject."""
    match = _ACTIVITY.search(sentence)
    if not match:
        return None
    leaders = [p for p in people if offset <= p.start and p.end <= offset + match.start()
               and not _is_reference_context(sentence, p.end - offset)]
    if not leaders:
        return None
    label = match.group(1)
    return HeldEvent(label=label, kind="活动", start=offset + match.start(), end=offset + match.end(),
                     leader=leaders[0])


def _co_hosts(text: str, people: list[Span], event: HeldEvent) -> list[Span]:
    """省委书记甲，省长乙在成都会见…: everyone named before the verb with the leader hosts it too."""
    leader = event.leader
    if leader is None:
        return []
    clause_start = max(text.rfind("。", 0, leader.start), text.rfind("；", 0, leader.start)) + 1
    hosts = []
    for span in people:
        if span is leader or not (clause_start <= span.start and span.end <= event.start):
            continue
        between = text[span.end : event.start]
        if re.search(r"由|率领|受|委托", text[clause_start : span.start]) or _is_reference_context(text, span.end):
            continue
        if re.search(r"[。；]", between):
            continue
        hosts.append(span)
    return hosts


