"""Stage 4, extract: people with posts, bodies, meetings, participation and references from one article.

Everything is a rule over the canonical text, driven by the lexicons in kg/lexicons: title chains
(开发区党工委副书记、管委会主任，市委副书记…欧阳建国), name lists closed by a role verb (陆海涛、冯雪参加),
meetings announced in the lead sentence (A、B和C召开), inspections led by their subject (X调研Y).
"""


from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kg.extract.common import (
    Span,
    _patterns,
    _sentence_at,
    _speech_opening,
    encounter_kinds,
    sentence_start,
    speech_start,
    split_sentences,
    visit_kinds,
)
from kg.extract.dates import _DATE_ABS, DAY, OPENING_DAY, find_date, resolve_date
from kg.extract.events import _co_hosts, _kind_of, find_events
from kg.extract.names import ends_a_heading, is_transliteration
from kg.extract.participation import (
    SPEAKING_AT_THE_MEETING,
    find_participants,
    gathered_with_guests,
    heard_at,
    speakers_at_discussions,
)
from kg.extract.people import _speaker_opening, find_people
from kg.extract.references import _is_reference_context, find_references
from kg.extract.rosters import find_roster
from kg.lexicon import Lexicon, alternation, lexicon_lines, load
from kg.model import (
    Article,
    ArticleExtraction,
    MeetingMention,
    Participation,
    PersonMention,
    Reference,
)

# ---------------------------------------------------------------- the stage



def _people_of(article: Article, lex: Lexicon) -> tuple[list[Span], list[Span]]:
    """People of the body, and of the headline: both are read together, so a name the headline gives (李克强会见希腊
    总理) is known in a body that never titles it, and a body's titled name is known in the headline."""
    headline = (article.headline or "").strip()
    if not headline or article.text.startswith(headline):
        return find_people(article.text, lex), []
    prefix = headline + "\n"
    found = find_people(prefix + article.text, lex, headline_end=len(headline))
    offset = len(prefix)
    body = [replace(s, start=s.start - offset, name_start=s.name_start - offset, end=s.end - offset)
            for s in found if s.start >= offset]
    return body, [s for s in found if s.end <= len(headline)]


_DAY_OPENING = re.compile(rf"^\s*在?{OPENING_DAY}")


# 美国总统特朗普本月8日宣布…: the subject, then the day of his statement (another day than the report's events)
_DAY_AFTER_SPEAKER = re.compile(rf"^\s*[^，。；：“”\d]{{2,24}}?(?:本月|上月)?((?:\d{{1,2}}月)?{DAY})"
                                r"(?=宣布|表示|说|称|指出|发表)")
_DAYS_IN = re.compile(rf"(?:\d{{1,2}}月)?{DAY}")
_OWN_DAY_OPENING = re.compile(rf"^\s*在?{OPENING_DAY}(?:[上下]午|晚上?)?的")


def _other_day_sentences(text: str, sentences: list[tuple[int, str]], events: list, anchor, inferred: bool,
                         event_days: set) -> list[tuple[int, int]]:
    """Where a sentence opens with a day other than the events' (29日下午，中央代表团…; or its speaker, then the day of
    his statement: 特朗普本月8日宣布): what follows it happened
    apart from the reported events, until another event is reported or a paragraph opens with no day (27日下午，
    会议听取了…报告。… / 专题询问中，…: back at the reported sitting). (start, end) of each stretch."""
    found = []
    if not any(_DAY_OPENING.match(sentence) or _DAY_AFTER_SPEAKER.match(sentence) for _, sentence in sentences):
        return found  # no sentence opens with a day: no other day's story to set apart
    visitors = {e.leader.name for e in events if e.leader and e.kind in visit_kinds()}
    lead = sentences[0][1] if sentences else ""
    paragraphs = [offset for offset, sentence in sentences
                  if offset > 0 and text[offset - 1] == "\n" and _back_at_the_event(sentence, lead, events)]
    # 3月10日全天，各代表团审议了…。主席团会议听取了…: a sentence that names the sitting again is back at it;
    # 在26日的联组会议中，…: so is one that opens on the events' own day
    paragraphs += [offset for offset, sentence in sentences if _AT_THE_MEETING.search(sentence)]
    for offset, sentence in sentences:
        own_day = _OWN_DAY_OPENING.match(sentence)
        if own_day and resolve_date(own_day.group(1), anchor, inferred) in event_days:
            paragraphs.append(offset)
    for offset, sentence in sentences:
        opening = _DAY_OPENING.match(sentence) or _DAY_AFTER_SPEAKER.match(sentence)
        if opening and any(name in sentence for name in visitors):
            continue  # 29日下午，习近平来到沈阳军区机关: the next day of the same visit
        if opening and not any(offset <= e.start < offset + len(sentence) for e in events):
            day = resolve_date(opening.group(1), anchor, inferred)
            clause = re.split(r"[，,]", sentence, maxsplit=1)[0]
            if any(resolve_date(d, anchor, inferred) in event_days for d in _DAYS_IN.findall(clause)):
                continue  # 3月15日下午和3月16日上午，各代表团…: the span reaches the events' day
            if day is not None and day not in event_days:
                found.append((offset, min((p for p in paragraphs if p > offset), default=len(text))))
    return found


# 习近平是在结束对坦桑尼亚的国事访问后，从达累斯萨拉姆乘专机抵达…: the paragraph tells how the last visit ended
_LAST_VISIT_ENDED = re.compile(r"^[^，。；]{0,12}是在结束对[^，。；]{2,30}?访问后")
_WELCOMED_ON_ARRIVAL = re.compile("迎接|迎候|欢迎|抵达")


@lru_cache(maxsize=1)
def _round_up_words() -> tuple[str, ...]:
    return tuple(lexicon_lines("round_up_headlines.txt"))


def _round_up_items(text: str, events: list, headline: str | None) -> list[tuple[int, int]]:
    """国际联播快讯 (round_up_headlines.txt): a heading inside the text opens another item. From the heading to the
    sentence of the next event (or the end), what the item tells belongs to no event of the items before it
    (阿富汗总统加尼宣布… after 金正恩视察…: no one at the inspection). A report's subheadings open no new item."""
    if not headline or not any(word in headline for word in _round_up_words()):
        return []
    ranges = []
    line_end = text.find("\n")
    while line_end >= 0:
        start = text.rfind("\n", 0, line_end) + 1
        if start > 0 and ends_a_heading(text, line_end):
            following = [e.start for e in events if e.start > line_end]
            ranges.append((start, sentence_start(text, min(following)) if following else len(text)))
        line_end = text.find("\n", line_end + 1)
    return ranges


def _round_up_parts(text: str, headline: str | None) -> list[tuple[int, int, str]]:
    """(start, end, heading) of each item of a round-up (round_up_headlines.txt) with two headings or more; the
    text before the first heading, if it reports anything, is an item under the round-up's own headline."""
    if not headline or not any(word in headline for word in _round_up_words()):
        return []
    headings = []
    line_end = text.find("\n")
    while line_end >= 0:
        if ends_a_heading(text, line_end):
            headings.append((text.rfind("\n", 0, line_end) + 1, line_end))
        line_end = text.find("\n", line_end + 1)
    if len(headings) < 2:
        return []
    parts = [(0, headings[0][0], headline)] if "。" in text[: headings[0][0]] else []
    ends = [start for start, _ in headings[1:]] + [len(text)]
    return parts + [(start, end, text[start:line_end]) for (start, line_end), end in zip(headings, ends, strict=True)]


def _events_by_item(text: str, sentences: list[tuple[int, str]], people: list[Span],
                    headline: str | None) -> list:
    """The events of the article; a round-up's items each report their own (国际联播快讯: 莫桑比克总理出席…丰收仪式
    in its third item), found as in an article of their own under their heading."""
    parts = _round_up_parts(text, headline)
    if not parts:
        return find_events(text, sentences, people, headline)
    events: list = []
    for start, end, heading in parts:
        # (a heading has no full stop: it opens the sentence of the paragraph under it, which ends in the item)
        found = find_events(text, [s for s in sentences if start < s[0] + len(s[1]) <= end],
                            [p for p in people if start <= p.start < end], heading)
        base = max((e.group for e in events), default=-1) + 1
        for event in found:
            if event.start < start:  # named by the heading alone: it stands where its item starts
                event.start = event.end = start
            event.group += base
        events += found
    return events


def _departures_told(text: str, sentences: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """The paragraphs that tell how the previous visit ended (its send-off, who accompanied the leader there):
    their people are at that visit, not at the one reported. (start, end) of each."""
    found = []
    for index, (offset, sentence) in enumerate(sentences):
        if not _LAST_VISIT_ENDED.match(sentence):
            continue
        paragraph_end = text.find("\n", offset) % (len(text) + 1)
        end = offset + len(sentence)
        for later, told in sentences[index + 1 :]:
            if later >= paragraph_end or _WELCOMED_ON_ARRIVAL.search(told):
                break  # 南非总统祖马在机场迎接: the arrival, part of the visit reported
            end = later + len(told)
        found.append((offset, end))
    return found


_BACK_AT = re.compile(r"^([^，。；\s]{2,8}?)(?:中|上|时)[，,]|^([^，。；\s]{2,10}?)(?:由|在)")


def _back_at_the_event(sentence: str, lead: str, events: list) -> bool:
    """专题询问中，… / 联组会议由…主持: a paragraph that opens on what the lead reported, or on an event's noun."""
    found = _BACK_AT.match(sentence)
    if not found:
        return False
    noun = found.group(1) or found.group(2)
    return (found.group(1) is not None and len(noun) >= 3 and noun in lead) \
        or any(e.label.endswith(noun) for e in events)


_PHASE_NAMED = re.compile(r"(开幕|闭幕)(?:会|式)")  # the sitting a role verb names as its object
_OTHER_PHASE = {"开幕": "闭幕", "闭幕": "开幕"}
_AT_THE_MEETING = re.compile(r"向(?:会议|大会|全会)|"
                             r"^\s*[^，。；\s]{0,8}?(?:会议|大会|全会)(?:分别|还|又|也)?(?:听取|审议|表决|经过|通过|决定)")
_BACK_TO_EVENT = re.compile(r"^\s*(?:在)?([^，。；\s]{2,8}?)上[，,]")
_EVENT_AS_OBJECT = re.compile(r"(?:主持|出席|参加)了?([^，。；、\s]{2,8})[。；]")


@lru_cache(maxsize=1)
def _visit_verbs_longest_first() -> tuple[str, ...]:
    return tuple(sorted(load().inspection_verbs, key=len, reverse=True))


def _visit_of_companion(role: str, events: list):
    """The visit a companion's verb names (郭金龙一同调研 after a 座谈会 convened on the visit: he joined the visit,
    not the meeting): the latest reported by then of that kind, or of any visit kind (马凯一同考察 on a 调研)."""
    lex = load()
    verb = next((v for v in _visit_verbs_longest_first() if role.endswith(v)), None)
    if verb is None or len(role) == len(verb):
        return None  # 调研 alone is the leader's own verb, not a companion's
    visits = [e for e in events if e.kind == lex.inspection_verbs[verb]] \
        or [e for e in events if e.kind in visit_kinds()]
    return max(visits, key=lambda e: e.start) if visits else None


def _group_named_at(sentence: str, events: list, paragraph_start: int = 0) -> int | None:
    """闭幕式上，…分别致辞 / 胡春华主持闭幕式: a sentence that opens with an earlier event's noun and 上, or ends
    on it as its verb's object, is about that event, even after a ceremony held within it (随后，举行了交接仪式)."""
    found = _BACK_TO_EVENT.match(sentence) or _EVENT_AS_OBJECT.search(sentence)
    if not found:
        return None
    noun = found.group(1)
    named = [e for e in events if e.label.endswith(noun)]
    if len(named) >= 2 and all(e.counted for e in named) and not any(e.label == noun for e in named):
        return -1  # 三次座谈会 … 李克强等出席座谈会: the counted meetings' common noun names each of them
    # (系列会议 … 第20次中国-东盟领导人会议。李克强与杜特尔特共同主持会议: the latest the noun names in the sentence's
    # paragraph; from another paragraph, the first it names)
    here = [e for e in named if e.start >= paragraph_start]
    return max(here, key=lambda e: e.start).group if here else min(named, key=lambda e: e.start).group if named \
        else None


_OBJECT_NOUN = re.compile(r"了?([^，。；、\s]{2,8}?)(?=并|[，。；、]|$)")


def _one_named_by_object(text: str, after_verb: int, group: list[MeetingMention]) -> int | None:
    """调研，并召开…座谈会 … 赵乐际主持座谈会并参加调研: of a group's events, the one the verb's object names (the
    座谈会, not the visit), if exactly one."""
    if len(group) < 2:
        return None
    # the verb's object, or the event the role itself names (马凯在座谈会上回顾…: the 座谈会, not the 会见 before it)
    noun = _OBJECT_NOUN.match(text, after_verb) or _AT_EVENT.search(text, max(0, after_verb - 12), after_verb)
    if noun is None:
        return None
    named = [m.key for m in group if m.label.endswith(noun.group(1))]
    return named[0] if len(named) == 1 else None


_AT_EVENT = re.compile(r"在([^，。；在]{2,10})上$")  # the role 在座谈会上: the event it names


@lru_cache(maxsize=1)
def _sent_from_afar() -> re.Pattern[str]:
    """向…发来书面致辞 / 贺信 (message_verbs.txt): what someone sends, not attends."""
    return re.compile(f"[^。；，]{{0,40}}?发来了?(?:{alternation(set(load().message_verbs))})")


_STUDIED = re.compile(r"(?:传达|学习|贯彻|落实|领会)[^，。；]*$")  # a name the clause studies the words of
_EVERY_EVENT = re.compile("上述|相关活动|有关活动")


@lru_cache(maxsize=1)
def _anaphors() -> tuple[str, ...]:
    """上述, 以上 (anaphors.txt): words that point back to events the article told, never an event's name."""
    return tuple(lexicon_lines("anaphors.txt"))


@lru_cache(maxsize=1)
def _travel_roles() -> frozenset[str]:
    return frozenset(lexicon_lines("travel_roles.txt"))


@lru_cache(maxsize=1)
def _airport_welcomes() -> frozenset[str]:
    return frozenset(lexicon_lines("airport_welcomes.txt"))


@lru_cache(maxsize=1)
def _envoy_of() -> re.Pattern[str]:
    """国家主席习近平特别代表 / 普京总统的特使 (envoy_words.txt): the name before it sent the envoy."""
    titles, words = [], []
    for line in lexicon_lines("envoy_words.txt"):
        kind, _, word = line.partition("\t")
        (titles if kind == "title" else words).append(word or kind)
    return re.compile(f"(?:{alternation(titles)})?的?(?:{alternation(words)})")


def _guest_who_answers(text: str, events: list, people: list[Span], lex: Lexicon) -> None:
    """两国总理举行会谈。…内塔尼亚胡表示，…: the foreign speaker who answers the host is the guest of the one encounter
    the report tells (with several, whose guest a speaker is cannot be told), when no title named one; a speaker
    titled elsewhere (英国财政大臣哈蒙德13日说) belongs to another item."""
    kinds = set(lex.encounter_verbs.values())
    encounters = [e for e in events if e.kind in kinds]
    if len(encounters) != 1 or encounters[0].guests or not encounters[0].leader:
        return
    event, titled = encounters[0], {s.name for s in people if s.posts}
    answer = next((s for s in people if s.start > event.start and s.name != event.leader.name
                   and s.name not in titled and is_transliteration(s.name.replace("·", ""), lex)
                   and (m := _speaker_opening().match(text, s.start)) and m.group(1) == s.name), None)
    if answer is not None:
        event.guests = [answer]


def _headline_tells_an_event(headline: str | None, lex: Lexicon) -> bool:
    """Does the headline name a meeting, an encounter or a visit (习近平同墨西哥总统举行会谈, …研讨会在京开幕)?"""
    return bool(headline) and _event_words(lex).search(headline) is not None


@lru_cache(maxsize=1)
def _event_words(lex: Lexicon) -> re.Pattern[str]:
    """A meeting noun, an encounter verb or a visit's verb, anywhere in a headline."""
    return re.compile(alternation(set(lex.meeting_nouns) | set(lex.encounter_verbs) | set(lex.inspection_verbs)))


def _headline_name(headline: str | None, event) -> tuple[str, ...]:
    """全国政协十三届常委会第三次会议开幕 over 政协第十三届全国委员会常务委员会第三次会议: the headline's short name of
    the lead meeting, kept as another name of it (people search by the form the paper prints big)."""
    if not headline:
        return ()
    # 汪洋出席“…”调研协商座谈会 over 汪洋同有关民主党派中央负责人座谈, 李克强出席第22次中国—东盟领导人会议 over
    # 东亚合作领导人系列会议: the name the headline gives the meeting
    attended = re.search(r"出席(.{4,40}?(?:座谈会|会议))(?:并|$|[ 　，])", headline)
    # (without a leader, only a headline that names one meeting and no plan: 将出席…会议和…会议 names two)
    plain = event.leader is not None or (
        "将" not in headline and not re.match("在|和|及", attended.group(1) if attended else "")
        and len(_patterns()["meeting_end"].findall(headline)) == 1)
    if attended and plain and _kind_of(attended.group(1)) == event.kind and attended.group(1) not in event.label:
        return (attended.group(1),)
    if event.leader is not None:
        # 习近平春节前夕视察看望北京卫戍区 over 习近平慰问部队官兵: the headline's name of the leader's visit
        clause = re.split(r"[ 　，]", headline)[0]
        visit = clause.startswith(event.leader.name) and event.kind in visit_kinds() \
            and _patterns()["inspect"].search(clause) and not any(verb in clause for verb in load().encounter_verbs)
        # (刘云山会见出席纪念大会代表并参观展览 names the encounter too: no other name of the tour alone)
        return (clause,) if visit and clause != event.label and len(clause) <= 40 else ()
    meeting_end = _patterns()["meeting_end"]
    for clause in re.split(r"[ 　，]", headline):
        held = re.match(r"(.{4,40}?)(?:在[^ ]{1,10})?(?:隆重)?(?:开幕|闭幕|举行|召开)", clause)
        if held and meeting_end.search(held.group(1)) and held.group(1) not in event.label \
                and _kind_of(held.group(1)) == event.kind:
            return (held.group(1),)
    return ()


def _same_day_as_before(text: str, sentences: list[tuple[int, str]], pos: int) -> str | None:
    """当天，特朗普抵达华盛顿…: an event whose sentence opens with 当天 (同日) is on the last day the text named, not a
    day someone named in what they said (张德江表示，…。昨天，习近平主席与总统先生…)."""
    index = next((i for i, (offset, sentence) in enumerate(sentences) if offset <= pos < offset + len(sentence)), None)
    if index is None or not re.match(r"\s*(?:当天|当日|同日|同一天)", sentences[index][1]):
        return None
    for offset, sentence in reversed(sentences[:index]):
        if _speech_opening().match(text, text.rfind("\n", 0, offset) + 1):
            continue  # a paragraph that opens with someone speaking: its days are theirs
        if day := find_date(sentence[: speech_start(sentence)]):
            return day
    return None


def extract(article: Article) -> ArticleExtraction:
    lex = load()
    text = article.text
    result = ArticleExtraction(article=article)
    sentences = split_sentences(text)
    people, headline_people = _people_of(article, lex)
    for span in headline_people:
        result.people.append(PersonMention(name=span.name, posts=span.posts, sentence=article.headline or ""))

    referenced_people = {s.name for s in people if _is_reference_context(text, s.end) and not heard_at(text, s.start)}
    # 奥巴马向…发来书面致辞。奥巴马在致辞中表示: who sends a written address or a message is not there
    referenced_people |= {s.name for s in people if _sent_from_afar().match(text, s.end)}
    for span in people:
        result.people.append(PersonMention(name=span.name, posts=span.posts,
                                           sentence=_sentence_at(sentences, span.name_start)))
    result.people += find_roster(article)  # 名单: names with no title and no verb

    # 习近平特别代表、…栗战书与金正恩举行会见: who sent the envoy is no one acting in the article
    people = [s for s in people if not _envoy_of().match(text, s.end)]
    events = [event for event in _events_by_item(text, sentences, people, article.headline)
              if not event.label.startswith(_anaphors())]  # 参加上述活动 with no event before it: no event 上述活动
    _guest_who_answers(text, events, people, lex)
    anchor = article.dateline or article.pub_date  # 新华社北京3月5日电: the body's 今天 is the 5th
    inferred = article.date_origin == "inferred" and article.dateline is None
    lead = sentences[0][1] if sentences else ""
    token = find_date(lead[: speech_start(lead)])  # 张德江…表示，昨天…: a day inside the speech is not the event's
    event_date = resolve_date(token, anchor, inferred) if token else None
    relative = bool(token) and not _DATE_ABS.fullmatch(token or "")
    if relative and event_date is None:
        result.warnings.append(f"{article.source}: no publication date: relative dates such as '{token}' left unknown "
                               "(give --date or a date in the file name)")
    elif relative and inferred:
        result.warnings.append(f"{article.source}: no publication date: relative dates resolved forward from the "
                               f"issue's latest full date ({anchor})")

    reported = article.pub_date if article.date_origin not in ("inferred", "none") else None
    for key, event in enumerate(events):
        when = event.when or _same_day_as_before(text, sentences, event.start)
        own = (resolve_date(when, anchor, inferred) if when else None) or event_date
        basis = "stated" if own else "reported"  # undated: the issue that reports it stands in for its day
        result.meetings.append(MeetingMention(key=key, label=event.label, kind=event.kind, date=own or reported,
                                              sentence=_sentence_at(sentences, event.start), organiser=event.organiser,
                                              date_basis=basis,
                                              aliases=_headline_name(article.headline, event) if key == 0 else ()))
    if not events:
        return result

    group_of = {key: event.group for key, event in enumerate(events)}
    other_days = _other_day_sentences(text, sentences, events, anchor, inferred, {m.date for m in result.meetings}) \
        + _departures_told(text, sentences) + _round_up_items(text, events, article.headline)
    event_starts = sorted(event.start for event in events)

    def last_event_before(pos: int) -> int:
        return max((start for start in event_starts if start <= pos), default=-1)

    group_starts = sorted({(event.start, event.group) for event in events if event.group and not event.aside})
    seen: set[tuple[str, str, int]] = set()
    order = 0

    def add(name: str, is_body: bool, relation: str, role: str, pos: int, every: bool = False,
            only: int | None = None, at_group: int | None = None, cited_elsewhere: bool = False) -> None:
        """Link a participant to the meetings of the group its position falls in (``every``: all of them, as in
        参加上述活动; ``only``: one meeting, as a guest of one 会见; ``cited_elsewhere``: the person acts here, though
        cited in another sentence, as a leader who meets the delegates and is quoted in a speech after)."""
        nonlocal order
        if not is_body and name in referenced_people and not cited_elsewhere:
            return
        if role in _travel_roles():
            # the visit; else the trip's meetings (同莫迪第二次非正式会晤), never a tour before leaving (参观…图片展)
            trips = [m.key for m in result.meetings if m.kind == "访问"] \
                or [m.key for m in result.meetings if m.kind not in visit_kinds()]
            if not trips:
                return  # 丁薛祥…同机抵达 after a forum and a tour: the party is at none of the report's events
            only = only if only in trips else trips[0]
        if role in _airport_welcomes():
            lead = result.meetings[0] if result.meetings else None
            visits = [m.key for m in result.meetings if m.kind == "访问"] \
                or ([lead.key] if lead and lead.kind in visit_kinds() and lead.kind not in encounter_kinds() else [])
            if visits:  # (else those who welcomed him are at the events of their sentence's group: the summit)
                only = only if only in visits else visits[0]
        if not every and any(start <= pos < end for start, end in other_days if start > last_event_before(pos)):
            return  # 29日下午，…王正伟等参加了慰问考察活动: another day's activity, not the reported event
        # (only an event reported by then: 当天上午，…出席图片展开幕式 later names no earlier 开幕式)
        so_far = [e for e in events if e.start <= pos]
        named = None if every else _group_named_at(_sentence_at(sentences, pos), so_far, text.rfind("\n", 0, pos) + 1)
        visit = None if every else _visit_of_companion(role, so_far)
        if named is None and visit is not None:
            named = visit.group
        if named == -1:
            every, named = True, None
        group = at_group if at_group is not None else -1 if every else named if named is not None \
            else max((g for start, g in group_starts if start <= pos), default=0)
        if only is None and not every and at_group is None:
            only = _one_named_by_object(text, pos + len(role), [m for m in result.meetings if group_of[m.key] == group])
            if only is None and text.startswith("所在", pos + len(role)) \
                    and sum(group_of[m.key] == group for m in result.meetings) > 1:
                return  # 李克强、栗战书、汪洋主持所在党组会议: each chairs his own, which the report leaves unsaid
        if only is None and at_group is None and visit is not None and visit.kind not in ("会见", "仪式"):
            only = events.index(visit)  # 马凯一同考察: the visit, not the 座谈会 reported with it
        marker = (name, relation, group if only is None else -2 - only)
        if marker in seen:
            return
        lead_day = result.meetings[0].date
        for meeting in result.meetings:
            if every and group == -1 and meeting.date_basis == "stated" and meeting.date and lead_day \
                    and meeting.date < lead_day:
                continue  # 参加上述活动 after a spouse's visit the day before: the activities of the lead's day (and
                # of the days after it: 28日上午，…接见了…。丁启明等参加有关活动)
            if every and events[meeting.key].aside and "上述" not in role + _sentence_at(sentences, pos):
                continue  # 一同出席相关活动 after 会见与会代表: the meeting's activities, not its leader's encounter
                # (出席上述有关活动 points back to all the article told, the encounter too)
            if (only is None and (every or group_of[meeting.key] == group)) or meeting.key == only:
                result.participations.append(Participation(meeting=meeting.key, name=name, is_body=is_body,
                                                           relation=relation, role=role, order=order,
                                                           sentence=_sentence_at(sentences, pos)))
        seen.add(marker)
        order += 1

    for key, event in enumerate(events):
        if event.leader is not None:
            role = event.leader_role or event.kind
            # the leader chairs his event's group (调研并召开座谈会: the discussion too), not an earlier event the
            # sentence's noun names (在民政厅主持召开座谈会 after another 座谈会)
            # (李克强、俞正声分别会见了萨塔: each host leads his own, split from one sentence)
            own = event.guests or event.aside or any(other.start == event.start and other.leader is not None
                                                     and other.leader.name != event.leader.name for other in events)
            add(event.leader.name, False, event.leader_relation, role, event.start, only=key if own else None,
                at_group=group_of[key], cited_elsewhere=event.kind in encounter_kinds()
                and not _is_reference_context(text, event.leader.end))  # (the host acts, though cited later)
            jointly = event.leader_role == "主持" and text.endswith("共同", 0, event.start - len("主持"))
            for co_host in _co_hosts(text, people, event):
                # 李克强与默克尔共同主持…政府磋商: both chair it
                add(co_host.name, False, "chaired" if jointly else "attended", "共同主持" if jointly else event.kind,
                    event.start)
        for guest in event.guests:
            add(guest.name, False, "attended", event.kind, guest.start, only=key)
    gathered = gathered_with_guests(text, people)  # listed by name at the gathering: there, though cited elsewhere
    # 刘云山18日下午出席…并讲话 … 学习贯彻习近平总书记、刘云山同志重要讲话精神: who acts in the lead sentence is
    # there, though his speech is cited later
    lead_end = sentences[0][0] + len(sentences[0][1]) if sentences else 0
    lead_actors = {s.name: s.end for s in reversed(people) if s.end <= lead_end and s.name in referenced_people
                   and not _is_reference_context(text, s.end)
                   and not _STUDIED.search(text, max(0, s.start - 30), s.start)}  # (传达学习韦思成同志在…的讲话)

    def acts_in_lead(name: str, pos: int) -> bool:
        return name in lead_actors and lead_actors[name] <= pos < lead_end

    found = find_participants(text, people, lex) + speakers_at_discussions(text, people, events, lex) + gathered
    # 议长拉哈姆4号宣布，…。\n当天，…观察员召开新闻发布会: a paragraph before any event's is at none of them (unless
    # the headline told the event: 刘延东在开幕式上宣读…贺信 under 首届中蒙博览会在呼和浩特举办)
    first_told = 0 if _headline_tells_an_event(article.headline, lex) \
        else text.rfind("\n", 0, min(event.start for event in events)) + 1
    for name, is_body, relation, role, pos in sorted(found, key=lambda x: x[4]):
        if pos < first_told:
            continue
        # 参加上述活动, 一同出席相关活动: every event the article reports
        every = bool(_EVERY_EVENT.search(role) or _EVERY_EVENT.search(_sentence_at(sentences, pos)))
        phase = _PHASE_NAMED.match(text, pos + len(role))
        if phase and result.meetings and all(_OTHER_PHASE[phase.group(1)] in m.label + m.sentence
                                             and phase.group(1) not in m.label + m.sentence for m in result.meetings):
            continue  # 闭幕 reported, 张高丽应邀出席开幕会并作报告: the other sitting, not this one
        # (习近平在会上发表重要讲话 … 习近平总书记的重要讲话回顾了…: he spoke at it, though his speech is cited after)
        spoke_here = role in SPEAKING_AT_THE_MEETING and not _STUDIED.search(text, max(0, pos - 30), pos)
        add(name, is_body, relation, role, pos, every=every,
            cited_elsewhere=(name, is_body, relation, role, pos) in gathered or acts_in_lead(name, pos) or spoke_here)

    # every chair also attends, so queries need no reasoner
    chairs = [p for p in result.participations if p.relation == "chaired"]
    have = {(p.meeting, p.name, p.relation) for p in result.participations}
    for p in chairs:
        if (p.meeting, p.name, "attended") not in have:
            result.participations.append(Participation(meeting=p.meeting, name=p.name, is_body=p.is_body,
                                                       relation="attended", role=p.role, order=p.order,
                                                       sentence=p.sentence))
    for target_type, label in find_references(text, people):
        for meeting in result.meetings:
            if target_type == "Meeting" and label == meeting.label:
                continue
            result.references.append(Reference(meeting=meeting.key, target_type=target_type, label=label,
                                               sentence=_sentence_at(sentences, text.find(label))))
    result.bodies = sorted({p.name for p in result.participations if p.is_body}
                           | {post.body for s in people for post in s.posts if post.body})
    return result
