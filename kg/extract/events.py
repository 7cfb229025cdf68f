"""Events: the meetings and visits an article reports (not the ones it merely mentions)."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.common import (
    _HOLD_VERBS,
    WILL,
    HeldEvent,
    Span,
    _patterns,
    _sentence_at,
    _words,
    encounter_kinds,
    inside_reported_speech,
    tribute_words,
    visit_kinds,
)
from kg.extract.dates import OPENING_DAY, PART_OF_DAY, TIME_PHRASE, find_date, last_date
from kg.extract.encounters import (
    DEPARTURE,
    INVITER,
    MONTH_OR_YEAR_OPENING,
    TRIP_LEAD,
    drop_group_encounters,
    find_encounters,
    find_visit,
)
from kg.extract.references import _is_reference_context
from kg.extract.titles import _strip_sub_organ
from kg.lexicon import alternation, lexicon_lines, load
from kg.normalise import CJK

# ---------------------------------------------------------------- events





def _day_of(when: str | None) -> str | None:
    """The day number a date as written gives (18日至21日 → 18), or None."""
    day = re.search(r"(\d{1,2})(?:日|号)", when or "")
    return day.group(1) if day else None


def _on_a_day_of_its_own(text: str, event: HeldEvent, visit_days: set[str | None]) -> bool:
    """Does the event's paragraph open with a day (28日上午，…) other than the visit's first?"""
    paragraph = text.rfind("\n", 0, event.start) + 1
    opening = re.match(rf"\s*{OPENING_DAY}", text[paragraph : event.start])
    return opening is not None and _day_of(opening.group(1)) not in visit_days


def find_events(text: str, sentences: list[tuple[int, str]], people: list[Span],
                headline: str | None) -> list[HeldEvent]:
    """The meetings, visits and encounters the article reports (not the ones it merely mentions), in text order;
    events reported in one sentence share a group, and the people named after them belong to that group."""
    encounters = find_encounters(text, sentences, people)
    lead = _lead_events(text, sentences, people, headline, encounters)
    if not lead and encounters:  # 习近平同拉赫蒙举行会谈。…当天上午，习近平…献花圈: the same day's other events
        first = min(e.start for e in encounters)
        lead = _follow_ups([s for s in sentences if s[0] > first], people)
    if not lead and not encounters:  # 习近平发来贺信。…16日上午，…座谈会在人民大会堂举行，黄坤明在会上宣读…贺信
        lead = _meetings_read_out_at(sentences, people)
    if lead:  # 韩正会见与会代表，并代表中共中央致贺词: an encounter of its own beside the reported meeting; the people
        # named after it are the meeting's
        for encounter in encounters:
            encounter.aside = not encounter.guests and bool(_ATTENDEES_MET.search(encounter.label))
    lead = _counted_parts(sentences, lead)
    lead += [e for e in _joined_deliberations(text, sentences, people) if not any(_same(e, x) for x in lead)]
    # (an encounter beside the meeting leaves its leader free to lead a visit of his own: 贾庆林还参观了…)
    lead += _parallel_visits(text, sentences, people, lead + [e for e in encounters if not e.aside], headline)
    _date_visits_from_later_sentences(sentences, lead)
    lead += _convened_during_visits(text, sentences, lead)
    lead += _spoken_at_meetings_held(sentences, people, lead + encounters)
    visitors = {e.leader.name for e in lead if e.leader and e.kind in visit_kinds()}
    # 习近平接见了…部队正团职以上领导干部 during his visit: a group received on the way is part of the visit (but
    # 28日上午，习近平在沈阳亲切接见了驻辽宁部队…: a paragraph that opens with a day of its own tells an event apart)
    visit_days = {_day_of(e.when) for e in lead if e.leader and e.leader.name in visitors}
    encounters = [e for e in encounters
                  if e.guests or e.aside or not e.leader or e.leader.name not in visitors or e.kind != "会见"
                  or _on_a_day_of_its_own(text, e, visit_days)]
    _hosts_from_encounters(lead, encounters)
    events = sorted(lead + [e for e in encounters if not any(_same(e, x) for x in lead)], key=lambda e: e.start)
    events = drop_group_encounters(text, events)
    for event in events:
        event.label = _clean_label(event.label, event.kind)
    # 并召开保障房分配和运行现场会 … 随后，李克强主持召开保障房分配和运行现场会: one meeting told twice
    kept: list[HeldEvent] = []
    for event in events:
        if not any(k.label == event.label and event.when in (None, k.when) for k in kept):
            kept.append(event)
    return _grouped(_welcome_inside_visit(_welcome_inside_talks(kept, headline)), sentences)


def _meetings_read_out_at(sentences: list[tuple[int, str]], people: list[Span]) -> list[HeldEvent]:
    """A report of a message (贺信, 贺电) whose lead tells no event: the meeting held where the message was read out
    (…座谈会在人民大会堂举行，黄坤明在会上宣读习近平的贺信并讲话) is the report's event, however far down."""
    for at in range(_LEAD_SENTENCES, len(sentences)):
        offset, sentence = sentences[at]
        if not _READ_OUT.search(sentence) or _FUTURE.search(sentence):
            continue
        # (15日上午，人民日报社举行庆祝创刊70周年大会。…。会上宣读了习近平的贺信: the last one held before 会上)
        for offset, told in [sentences[at], *sentences[_LEAD_SENTENCES:at][::-1]]:
            held = _held_meetings(told, offset, people)
            if held:
                return held
    return []


_READ_OUT = re.compile(r"在[^，。；]{0,12}上宣读|^会上[，]?宣读")


def _may_share_a_day(a: HeldEvent, b: HeldEvent) -> bool:
    """Do two events hold the same day, or leave one of them open?"""
    return a.when is None or b.when is None or a.when == b.when


def _welcome_inside_visit(events: list[HeldEvent]) -> list[HeldEvent]:
    """温家宝抵达比什凯克…进行正式访问。萨特巴尔季耶夫在机场为温家宝举行了隆重的欢迎仪式: a host's ceremony for a
    visitor whose visit the report tells as it starts is a scene of that visit, not an event of its own; its host
    is at the visit (a ceremony reported without the visit, 祖马为习近平举行…欢迎仪式, stays an event)."""
    for welcome in [e for e in events if e.label.endswith("仪式") and e.leader and e.leader_role == "举行"
                    and len(e.guests) == 1]:
        guest = welcome.guests[0].name
        visit = next((e for e in events if e.kind == "访问" and e.leader and e.leader.name == guest
                      and _may_share_a_day(e, welcome)), None)
        if visit is not None:
            visit.guests = [*visit.guests, welcome.leader]
            events = [e for e in events if e is not welcome]
    return events


def _welcome_inside_talks(events: list[HeldEvent], headline: str | None) -> list[HeldEvent]:
    """习近平同汤加国王举行会谈 over 习近平举行仪式，欢迎…图普六世… 欢迎仪式后，…举行会谈: where the headline reports
    the talks, the welcome ceremony for the same guest that day is part of them; they start where it did, so the
    people at the ceremony attend the talks (a ceremony the headline reports stays an event of its own)."""
    if not headline or not any(kind in headline for kind in encounter_kinds()) or "仪式" in headline:
        return events
    for welcome in [e for e in events if "仪式" in e.label and e.leader and e.guests]:
        guests = {g.name for g in welcome.guests}
        talks = next((e for e in events if e is not welcome and e.kind in encounter_kinds() and e.leader
                      and e.leader.name == welcome.leader.name and guests & {g.name for g in e.guests}
                      and _may_share_a_day(e, welcome)), None)
        if talks is not None:  # (会谈前，习近平…为特朗普举行欢迎仪式: told after the talks, held before them)
            talks.start = min(talks.start, welcome.start)
            events = sorted((e for e in events if e is not welcome), key=lambda e: e.start)
    return events


@lru_cache(maxsize=1)
def _cites() -> re.Pattern[str]:
    """Punctuation or a speech verb (speech_verbs.txt): what a speaker says may name a meeting he was not at."""
    return re.compile(f"[，。；：]|{alternation(load().speech_verbs)}")


@lru_cache(maxsize=1)
def _spoke_at_held() -> re.Pattern[str]:
    """并在当天上午举行的中华海外联谊会五届一次理事大会上讲话, 在19日上午的第三次全体会议上作总结讲话: a meeting of
    the report's days, named as where one spoke."""
    meeting = _patterns()["meeting"].pattern
    # (在19日上午的第三次全体会议上作总结讲话: a sitting of another day, named by its day)
    return re.compile(f"在(?:(?:当天|当日|同日|今天)?(?:上午|下午|晚上|晚)?(?:举行|召开)的"
                      f"|[0-9]{{1,2}}日(?:上午|下午|晚上|晚)?(?:举行|召开)?的)"
                      f"(?P<what>[^，。；：“”]{{2,40}}?(?:{meeting}))上(?:作|发表)?[^，。；的]{{0,4}}?"
                      f"(?:讲话|发言|致辞|报告)")


def _spoken_at_meetings_held(sentences: list[tuple[int, str]], people: list[Span],
                             found: list[HeldEvent]) -> list[HeldEvent]:
    """尤权参加会见并在当天上午举行的…理事大会上讲话, 赵乐际，在19日上午的第三次全体会议上作总结讲话: beside the
    reported event, a meeting of the report's days that the sentence's subject spoke at is an event of its own, which
    he attended."""
    if not found:
        return []
    out = []
    for offset, sentence in sentences:
        match = _spoke_at_held().search(sentence)
        if not match:
            out += _speaker_after(offset, sentence, people, found + out)
            continue
        what = _clean_label(match.group("what"))
        subject = next((p for p in people if offset <= p.start < offset + match.start()
                        and (p.start == offset or sentence[p.start - offset - 1] in "，")), None)
        # the subject speaks: between him and 在 only 参加会见并 and the like, no other person, no 说/指出 (丁启明指出，
        # 韦思成总书记在1日召开的…会议上发表重要讲话: a speech he cites)
        between = sentence[subject.end - offset : match.start()] if subject else ""
        if len(what) < 4 or subject is None or _cites().search(between.removeprefix("，")) \
                or any(subject.end <= p.start < offset + match.start() for p in people) \
                or any(what == e.label or e.kind == what[-len(e.kind):] and (what in e.label or e.label in what)
                       for e in found + out):
            continue
        start = offset + match.start("what")
        out.append(HeldEvent(label=what, kind=_kind_of(what), start=start, end=start + len(match.group("what")),
                             guests=[subject], when=find_date(sentence)))
    return out


@lru_cache(maxsize=1)
def _held_then_spoken() -> re.Pattern[str]:
    """在随后举行的香港特区政府庆祝酒会上，梁振英表示: a meeting of the report's day, then who spoke at it."""
    meeting = _patterns()["meeting"].pattern
    # (其中，在今天举行的…上: a connective may open the sentence)
    return re.compile(f"^(?:[{CJK}]{{1,3}}，)?在(?:随后|当天|当日|同日|今天)(?:上午|下午|晚上|晚)?(?:举行|召开)的"
                      f"(?P<what>[^，。；：]{{2,40}}?(?:{meeting}))上[，,]")


def _speaker_after(offset: int, sentence: str, people: list[Span], found: list[HeldEvent]) -> list[HeldEvent]:
    """在随后举行的…酒会上，梁振英表示，…: the one who speaks right after the meeting's name attended it; with no one
    named there (在今天举行的“海上福州”招商推介会上，共签订…) the meeting is still one the report's day held."""
    match = _held_then_spoken().match(sentence)
    if not match:
        return []
    what = _clean_label(match.group("what"))
    speaker = next((p for p in people if p.start == offset + match.end()), None)
    if speaker is not None and not _cites().match(sentence, speaker.end - offset):
        speaker = None
    if len(what) < 4 or any(what == e.label or what in e.label for e in found):
        return []
    start = offset + match.start("what")
    return [HeldEvent(label=what, kind=_kind_of(what), start=start, end=start + len(match.group("what")),
                      guests=[speaker] if speaker else [], when=find_date(sentence))]


def _hosts_from_encounters(lead: list[HeldEvent], encounters: list[HeldEvent]) -> None:
    """中俄总理第二十四次定期会晤在这里举行。…李克强同…梅德韦杰夫共同主持中俄总理第二十四次定期会晤: the lead names the
    meeting and no one; the encounter that names it again has its hosts (the first leads, the partner attends)."""
    for event in lead:
        if event.leader is None and not event.guests:
            same = next((e for e in encounters if e.leader and e.label.removeprefix("了") == event.label), None)
            if same is not None:
                event.leader, event.guests, event.leader_role = same.leader, same.guests, same.leader_role


# 主持召开三次座谈会, 两场座谈会: the lead counts the meetings it reports
_COUNTED_MEETINGS = re.compile(r"[两二三四五六七八九十几多]+(?:次|场|个)")
_AT_PART = re.compile(r"^在([^，。；]{2,50}?)上[，,]")


def _counted_parts(sentences: list[tuple[int, str]], lead: list[HeldEvent]) -> list[HeldEvent]:
    """温家宝主持召开三次座谈会 … 在各民主党派负责人座谈会上，… 在专家学者座谈会上，…: a lead that counts its
    meetings is reported meeting by meeting; each 在…上 that names one of its kind is a meeting of its own, chaired
    by the lead's leader, and replaces the counted one (two parts at least)."""
    meeting_end = _patterns()["meeting_end"]
    out: list[HeldEvent] = []
    for event in lead:
        counted = _COUNTED_MEETINGS.search(event.label)
        noun = meeting_end.search(event.label)
        if not counted or not noun or counted.end() != noun.start():
            out.append(event)
            continue
        parts = []
        for offset, sentence in sentences:
            at = _AT_PART.match(sentence)
            if offset > event.start and at and at.group(1).endswith(noun.group(0)) \
                    and len(at.group(1)) > len(noun.group(0)):
                parts.append(HeldEvent(label=at.group(1), kind=event.kind, start=offset, end=offset + at.end(1),
                                       leader=event.leader, when=event.when if not parts else None,
                                       leader_role=event.leader_role, organiser=event.organiser, counted=True))
        if len(parts) == 1 and counted.group(0)[0] in "两二":
            # 两会今天举行了两场记者会，…何立峰…回答了记者的提问。在下午的记者会上，…: the lead tells the first, the
            # 在…上 sentence the second
            event.label = event.label.replace(counted.group(0), "", 1)
            event.counted = True
            parts.insert(0, event)
        out.extend(parts if len(parts) >= 2 else [event])
    return out


@lru_cache(maxsize=1)
def _deliberation() -> re.Pattern[str]:
    """参加(他所在的)(…会议)某某代表团(的)审议: a leader joins a delegation's deliberation (deliberations.txt)."""
    lines = [line.split("\t") for line in lexicon_lines("deliberations.txt")]
    groups = alternation({w for k, w in lines if k == "group"})
    whats = alternation({w for k, w in lines if k == "what"})
    # (张高丽在海南代表团参加审议, 来到他所在的山东代表团参加审议: the delegation first, then the verb; not 与江苏代表团
    # 参加审议的代表交流, the deputies who deliberate)
    return re.compile(f"参加(?:了)?(?:他所在的)?(?:[^，。；、]{{0,24}}?会议)?"
                      f"(?P<group>[^，。；、的]{{2,12}}?(?:{groups}))(?:的)?(?P<what>{whats})"
                      f"|(?:在|来到)(?:他所在的)?(?:[^，。；、]{{0,24}}?会议)?"
                      f"(?P<group2>[^，。；、的在与和同]{{2,10}}?(?:{groups}))参加(?:了)?(?P<what2>{whats})(?!的)")


def _joined_deliberations(text: str, sentences: list[tuple[int, str]], people: list[Span]) -> list[HeldEvent]:
    """胡春华在参加广东代表团审议时说, 习近平8日参加贵州代表团审议: the delegation's deliberation is an event the
    leader attends (the delegation's own head presides over it, the leader does not); one per delegation."""
    out: list[HeldEvent] = []
    seen: set[str] = set()
    for offset, sentence in sentences:
        if "参加" not in sentence:
            continue
        for match in _deliberation().finditer(sentence):
            start = offset + match.start()
            before = [p for p in people if offset <= p.start and p.end <= start]
            if not before:
                continue
            person = max(before, key=lambda p: p.end)
            if not re.fullmatch(rf"(?:{TIME_PHRASE}|在|又|还|也|先后|分别)*", text[person.end : start]):
                continue
            label = f"{match.group('group') or match.group('group2')}{match.group('what') or match.group('what2')}"
            if label in seen:
                continue
            seen.add(label)
            out.append(HeldEvent(label=label, kind="审议", start=start, end=offset + match.end(), guests=[person],
                                 when=find_date(sentence[: match.start()])))
    return out


def _same(a: HeldEvent, b: HeldEvent) -> bool:
    """One event found twice; or a discussion the lead reported (看望师生，并与教师座谈) told again later (李克强同教师
    代表座谈) by its leader."""
    return (a.start == b.start and a.label == b.label) or (
        a.kind == b.kind == "座谈会" and a.leader is not None and b.leader is not None
        and a.leader.name == b.leader.name and not a.guests and not b.guests)


# 会见与会代表, 会见了杨易辰同志亲属, 会见全体代表: the people of the reported meeting, or the family it honours
_MET_BESIDE = alternation(set(lexicon_lines("met_beside_meeting.txt")))
_ATTENDEES_MET = re.compile(rf"会见(?:了)?[^，。；]{{0,30}}?(?:{_MET_BESIDE})")


# 批示指出：…, 胡锦涛在贺信中指出，…: the words of a message, quoted from there to the paragraph's end
_MESSAGE_SAYS = re.compile(r"[^，。；：]{0,12}?(?:批示|贺信|贺电|唁电|回信|信)中?(?:指出|强调|说|表示|要求)[：:，,]")


def _lead_events(text: str, sentences: list[tuple[int, str]], people: list[Span], headline: str | None,
                 encounters: list[HeldEvent]) -> list[HeldEvent]:
    """The event the lead announces: the first of the first three sentences that reports one."""
    pats = _patterns()
    looked = 0
    message_ends = -1  # 李克强作出重要批示。批示指出：…: the message's words fill the paragraph, no event told there
    for index, (offset, sentence) in enumerate(sentences):
        if looked == 3:
            break
        if offset < message_ends:
            continue
        met = [e.start for e in encounters if offset <= e.start < offset + len(sentence)]
        visited_first = met and (first_visit := _inspection(sentence, offset, people)) is not None \
            and first_visit.start < min(met) and first_visit.kind not in ("会见", "汇报会")
        if met and not TRIP_LEAD.search(sentence, 0, min(met) - offset) and not visited_first:
            break  # the lead is an encounter (习近平会见…): find_encounters has it, what follows elaborates it
            # (刘云山参观…图片展并会见…与会代表: the visit first, then the encounter; both reported)
        if _FUTURE.search(sentence) or (index and MONTH_OR_YEAR_OPENING.match(sentence)):
            continue  # 峰会将于6月9日至10日在青岛举行: announced, not held; 今年5月，…会见了 after the lead: recalled
            # (neither is one of the three looked at)
        looked += 1
        if _MESSAGE_SAYS.match(sentence):
            message_ends = text.find("\n", offset) % (len(text) + 1)
            continue
        if _is_message(sentence):
            continue  # 习近平致电祝贺…: a message, nobody attends it
        both = _both_leaders_talk(sentence, offset, people, headline)
        if both:
            return [both] + _follow_ups(sentences[index + 1 :], people)
        visit = find_visit(text, offset, sentence, people,
                           "".join(s for _, s in sentences[index + 1 : index + 3]), headline)
        if visit:
            return [visit, *_convened_on_visit(sentence, offset, visit)] + _follow_ups(sentences[index + 1 :], people)
        events = _held_or_attended(sentence, offset, people) \
            or _chaired_meeting(sentence, offset, people) or _spoken_at(sentence, offset, people) \
            or _meeting_opening_sentence(sentence, offset, people) or _farewell_held(sentence, offset, people)
        visit = _inspection(sentence, offset, people) or (None if events else _activity(sentence, offset, people))
        also = _and_also(sentence, offset, visit) if visit and not events else None
        if also:
            events = [also]  # 刘云山参观…图片展并会见…与会代表: the second verb reports an event of its own
        if visit and events and visit.kind == "汇报会":
            visit = None  # 主持召开国务院常务会议，听取…汇报: the briefing is the meeting's agenda, not an event
        if visit and events and visit.kind == "参观" and visit.start > min(e.start for e in events):
            visit = None  # 出席…开幕式，并参观博览会展馆: a tour after the event is part of it (参观…图片展并会见…:
            # the tour came first, an event of its own)
        if visit and not any(e.start <= visit.start < e.end for e in events):
            events = [visit, *events]  # 李克强到应急管理部考察并主持召开防汛抗旱工作会议: both
            events += [e for e in _convened_on_visit(sentence, offset, visit)
                       if not any(x.start <= e.start + len("主持召开") < x.end or e.start <= x.start < e.end
                                  for x in events)]
        if events:
            for event in events:
                event.when = event.when or find_date(sentence[: max(0, event.start - offset)]) or find_date(sentence)
                _welcomed(sentence, offset, event, people)
            return sorted(events, key=lambda e: e.start) + _follow_ups(sentences[index + 1 :], people)
    if headline:
        m = re.search(r"在(.{2,60}?)上(?:强调|讲话|指出|表示|作|发表)", headline)
        if m and pats["meeting_end"].search(m.group(1)):
            return [HeldEvent(label=m.group(1), kind=_kind_of(m.group(1)), start=0, end=0)]
        # 第三届世界智能大会在天津开幕 over a lead that opens inside the event (开幕式上，…致辞): the headline names it
        # (中俄总理第十七次定期会晤在莫斯科举行 over 温家宝与梅德韦杰夫共同主持了…会晤: the encounter has it, with its
        # hosts)
        held = [e for e in _held_meetings(headline, 0, []) if not e.leader
                and not any(e.label == x.label.removeprefix("了") for x in encounters)]
        for event in held:
            event.start = event.end = 0
        return held or (_headline_attended(headline, people) if not encounters else []) \
            or _headline_visit(headline, people)
    return []


def _headline_attended(headline: str, people: list[Span]) -> list[HeldEvent]:
    """温家宝出席第七届东亚峰会 over a body that opens inside the summit (温家宝在发言中指出…): the headline names
    the event and the person it opens with attends it (or chairs it: 主持), when the body names that person."""
    person = next((p for p in people if headline.startswith(p.name)), None)
    if person is None or _is_message(headline) or _FUTURE.search(headline):
        return []  # (习近平将出席纪念…大会: announced, not held)
    alias = Span(name=person.name, start=0, name_start=0, end=len(person.name))
    chaired = _chaired_meeting(headline, 0, [alias])
    events = chaired or _attended_event(headline, 0, [alias])
    for event in events:
        event.start = event.end = 0
        if chaired:
            event.leader = person
        else:
            event.guests = [person]
    return events[:1]


# a sentence announcing what will happen in its first clause (after 据介绍，, 访问期间，, 届时，): 峰会将于…举行,
# 习近平将主持, 习近平主席将同…交换意见，…还将同…举行双边会见 (抵达…，将出席…: the arrival happened, and the sentence
# reports it); 特使16日说，他计划近期召集…举行新一轮和谈: a plan someone announces (a heading's 将, 韩国称将对日本实施
# 反制措施, ends with its line)
_FUTURE = re.compile(rf"^(?:(?:据[^，。；]{{1,6}}|[^，。；]{{1,8}}期间|届时|[^，。；]{{2,40}}(?:说|表示|宣布))[，,])?"
                     rf"[^。；，\n]*?(?:{WILL}|即将|拟|(?:计划|打算)(?=于|在|近期|尽快|下周|下月|明年|年内|本月|月底))(?:于|在)?"
                     rf"(?:[^。；“”\n]{{0,80}}?[，,](?:还将|并将|{WILL})(?:于|在)?)?[^，。；“”\n]{{0,45}}?"
                     r"(?:举行|召开|开幕|闭幕|主持|出席|参加|访问|举办|会见|会晤|会谈)")


_PURPOSE = re.compile(r"[，,](纪念|庆祝|悼念|欢迎|祝贺|追悼)([^，。；]{2,60})")


# leader_pairs.txt: 两国总理 -> {总理, 首相}; an empty set where the word names no title (两国领导人, 双方)
_LEADER_PAIRS = {word: frozenset(titles.split()) - {"*"}
                 for word, titles in (line.split("\t") for line in lexicon_lines("leader_pairs.txt"))}
_BOTH_LEADERS = re.compile(f"(?:{alternation(set(_LEADER_PAIRS))})(?:举行|进行|共同)了?"
                           r"[^，。；]{0,8}?(会谈|会晤|会见了?记者)")
_HEADLINE_TALK = re.compile(r"^(?P<host>[^同与和，\s]{2,4})(?:同|与)(?P<guest>[^，\s]{2,30}?)(?:举行|进行|共同)了?"
                            r"(?:[^，\s]{0,4}?)(?P<verb>会谈|会晤|会见了?记者)")


def _both_leaders_talk(sentence: str, offset: int, people: list[Span], headline: str | None) -> HeldEvent | None:
    """欢迎仪式后，两国总理举行会谈 under 李克强同匈牙利总理举行会谈: the headline names the two leaders the lead
    leaves unnamed; its first leads, the other (met in the text by the headline's title) attends."""
    talk = _BOTH_LEADERS.search(sentence)
    named = _HEADLINE_TALK.match(headline or "")
    if not talk or not named:
        return None
    host = next((p for p in people if p.name == named.group("host")), None)
    if host is None:
        return None
    guest_title = named.group("guest")
    # (同法国总统奥朗德: the guest named in the headline itself)
    guests = [p for p in people if p.name != host.name
              and (p.name in guest_title or any(guest_title in (post.label or "") for post in p.posts))]
    start = offset + talk.start()
    kind = talk.group(1) if talk.group(1) in ("会谈", "会晤") else "记者会"  # 两国总理共同会见了记者: a press meeting
    verb = talk.group(1) if kind != "记者会" else "共同会见记者"
    return HeldEvent(label=f"{host.name}同{guest_title}{verb}", kind=kind, start=start,
                     end=offset + talk.end(), leader=host, guests=guests[:1])


def _headline_visit(headline: str, people: list[Span]) -> list[HeldEvent]:
    """习近平视察海军驻三亚部队 over a lead that only says he came (专程来到…): the headline names the visit, led by
    the person it opens with, whom the body names."""
    lex = load()
    verb = _patterns()["inspect"].search(headline)
    if verb is None or lex.inspection_verbs[verb.group(0)] in ("会见", "仪式"):
        return []
    if re.match(r"[^，。；\s]{0,6}?(?:座谈会|会议|大会)", headline[verb.end() :]):
        return []  # 汪洋出席“…”调研协商座谈会: the verb is part of a meeting's name
    if any(message in headline[: verb.start() + len(message)] for message in lex.message_verbs):
        return []  # 习近平致信祝贺…科学考察研究启动, …致慰问电: the leader sent a message; he led no visit
    leader = next((p for p in people if headline.startswith(p.name) and len(p.name) <= verb.start()), None)
    if leader is None:
        return []
    label = re.split(r"[ ，。；　]", headline[verb.start() :])[0]
    return [HeldEvent(label=f"{leader.name}{label}", kind=lex.inspection_verbs[verb.group(0)], start=0, end=0,
                      leader=leader)]


def _welcomed(sentence: str, offset: int, event: HeldEvent, people: list[Span]) -> None:
    """举行仪式，欢迎巴勒斯坦国总统阿巴斯对我国进行国事访问: the ceremony is the guest's welcome, and the guest
    attends."""
    if not event.label.endswith("仪式"):
        return
    welcome = re.match(r"[，,]?(?:热烈|隆重)?欢迎([^，。；]{2,40}?)(?:对|来华|访华|访问|[，。；]|$)",
                       sentence[event.end - offset :])
    if welcome is None:
        return
    at = event.end + welcome.start(1)
    guests = [p for p in people if at <= p.start and p.end <= at + len(welcome.group(1))]
    if guests:
        event.label = f"{event.label}欢迎{welcome.group(1)}"
        event.guests = event.guests or guests


def _and_also(sentence: str, offset: int, visit: HeldEvent) -> HeldEvent | None:
    """A second inspection-type verb joined to the visit's by 并 (参观…并会见…, 考察…并看望…), with its object."""
    lex = load()
    if visit.leader is None:
        return None
    rest = sentence[visit.start - offset :]
    # (看望学校师生，并与教师座谈: the next clause too)
    talk = re.search(r"并(?:同|与)([^，。；]{2,30}?)(座谈|座谈交流)", "，".join(rest.split("，")[:2]))
    if talk:  # 到中关村考察并与部分企业负责人座谈: the discussion is a meeting of its own, the visitor chairs it
        start = visit.start + talk.start(2)
        return HeldEvent(label=f"{visit.leader.name}同{talk.group(1)}座谈", kind="座谈会", start=start,
                         end=start + len(talk.group(2)), leader=visit.leader, when=visit.when)
    joined = re.search(rf"并(?:在[^，。；]{{1,12}})?({_patterns()['inspect'].pattern})", rest.split("，")[0])
    if joined is None:
        return None
    verb = joined.group(1)
    obj = re.split(r"[，。；]", rest[joined.end() :])[0][:40]
    start = visit.start + joined.start(1)
    return HeldEvent(label=f"{visit.leader.name}{verb}{obj}", kind=lex.inspection_verbs[verb], start=start,
                     end=start + len(verb) + len(obj), leader=visit.leader)


def _convened_on_visit(sentence: str, offset: int, visit: HeldEvent) -> list[HeldEvent]:
    """张高丽赴山西、新疆调研，…，主持召开座谈会: a meeting the visit's leader convened on the way is an event of its
    own, chaired by them, on the visit's days."""
    if visit.leader is None or DEPARTURE.match(sentence, visit.start - offset):
        return []  # (离开北京，赴布鲁塞尔…共同主持…会晤: what he leaves to do is still to come)
    return _convened_meetings(sentence[visit.end - offset :], visit.end, visit.leader, visit.when)


def _convened_meetings(clause: str, offset: int, leader: Span, when: str | None, where: str = "") -> list[HeldEvent]:
    """主持召开(了)X座谈会 in ``clause``, chaired by ``leader``; 分别主持召开了A和B座谈会 is two meetings."""
    meeting_end = _patterns()["meeting_end"]
    found = []
    # (参加计划于本月底召开的和谈: a meeting 召开的 names is someone else's, or still to come)
    for convened in re.finditer(r"(?P<verb>(?:共同)?主持(?:召开)?|召开)(?:了)?(?!的)([^，。；]{2,40})", clause):
        name = convened.group(2)
        first_listed, last = name.split("、")[0], name.split("、")[-1]
        if "、" in name and not any(m.end() < len(last) and last[m.end()] == "的"
                                   for m in _patterns()["role"].finditer(last)) and meeting_end.search(first_listed):
            name = name.split("、")[0]  # (有省、市、县…代表参加的座谈会, 有关负责同志、乡镇党委书记座谈会: a list
            # inside one meeting's name, who takes part; A座谈会、B座谈会: two meetings)
        cut = next((m for m in (meeting_end.search(name[:k]) for k in range(len(name), 1, -1)) if m), None)
        if cut is None:
            continue
        name = name[: cut.end()]
        names = _apart(name) if clause[: convened.start()].endswith("分别") else [name]
        start = offset + convened.start()
        for each in names:
            verb = convened.group("verb") if convened.group("verb").endswith("主持") else "主持召开"
            # 有关省区民族宗教工作座谈会 is the meeting's name, as a lead's meeting is labelled; a bare 座谈会 is
            # told by who convened it where (习近平在民政厅主持召开座谈会)
            label = each if _names_itself(each) or _names_its_topic(each) else f"{leader.name}{where}{verb}{each}"
            found.append(HeldEvent(label=label, kind=_kind_of(each), start=start,
                                   end=start + len(convened.group(0)), leader=leader, when=when,
                                   leader_role=verb))
    return found


def _convened_during_visits(text: str, sentences: list[tuple[int, str]], events: list[HeldEvent]) -> list[HeldEvent]:
    """调研期间，张德江分别主持召开了…座谈会; 12日至14日，汪洋来到…，并在西昌主持召开…座谈会: a meeting a visit's
    leader convenes in a later sentence is an event of its own, dated by that sentence or the visit."""
    visits = [e for e in events if e.leader and (e.kind in visit_kinds() or e.kind == "访问")]
    have = {e.label for e in events}
    found: list[HeldEvent] = []
    for visit in visits:
        convenes = re.compile(rf"(?:[，并]|{_CONVENER_ADVERBS}|{re.escape(visit.leader.name)})召开"
                              r"(?=[^，。；]{0,30}座谈会)")
        for offset, sentence in sentences:
            verb = sentence.find("主持召开")
            if verb < 0 and (jointly := re.search(r"共同主持(?=[^，。；]{2,30}(?:会议|会晤|论坛))", sentence)):
                verb = jointly.start()  # 张德江与马特维延科共同主持中俄议会合作委员会第三次会议, on the trip
            if verb < 0 and "召开" in sentence and (plain := convenes.search(sentence)):
                verb = plain.end() - 2  # 调研期间，栗战书…，并…召开座谈会 / 刘云山专门召开调研座谈会: by the subject
            if offset + len(sentence) <= visit.end or verb < 0 or visit.leader.name not in sentence[:verb]:
                continue
            if any(offset <= e.start < offset + len(sentence) for e in events):
                continue  # the sentence's meeting is already an event
            if offset <= visit.start < offset + len(sentence) and DEPARTURE.search(sentence, 0, verb):
                continue  # 离开北京，赴布鲁塞尔…共同主持…会晤: where he is going, to hold it later
            # 12日上午，习近平来到这里…。习近平在民政厅主持召开座谈会: the day its paragraph last named
            paragraph = text[text.rfind("\n", 0, offset) + 1 : offset]
            stated = find_date(sentence[:verb]) or last_date(paragraph)
            verb -= 2 if sentence[verb - 2 : verb] == "分别" else 0
            # 在九月会议旧址…主持召开了座谈会 / 在民政厅主持召开座谈会: two discussions, told apart by where they were
            where = re.search(r"在[^，。；“”]{1,12}$", sentence[:verb])
            place = where.group(0) if where else ""
            others = [e for e in events if e is not visit]
            for meeting in _convened_meetings(sentence[verb:], offset + verb, visit.leader, stated or visit.when,
                                              place):
                # 调研并主持召开…领导小组会议 … 2日，韩正在海口主持召开…领导小组会议: the lead's meeting, by its name or
                # by its place, told again and now dated
                told = next((e for e in others if len(e.label) >= 5 and meeting.label.endswith(e.label)), None) \
                    or (_convened_there_before(place, meeting.kind, sentences, others) if place else None)
                if told:
                    told.when = stated or told.when
                    continue
                if meeting.label not in have:
                    have.add(meeting.label)
                    found.append(meeting)
        for meeting in _spoken_at_on_visit(text, sentences, visit, events):
            if not any(meeting.label in label for label in have):  # (…有关省区民族宗教工作座谈会 … 在民族宗教
                # 工作座谈会上，俞正声指出: the meeting convened, told again)
                have.add(meeting.label)
                found.append(meeting)
    return found


_DISCUSSIONS = frozenset(lexicon_lines("discussion_kinds.txt"))  # 座谈会: what a visit's leader holds on the trip


@lru_cache(maxsize=1)
def _speech_verbs() -> str:
    return alternation(set(load().speech_verbs) | {"讲话"})


@lru_cache(maxsize=1)
def _spoken_at_a_meeting() -> re.Pattern[str]:
    """(who) 在[meeting]上(，who) then a speech verb: the speaker is named before 在 or right after 上."""
    return re.compile(rf"(?:^|[，。])(?P<before>[^，。；在]{{0,24}}?)在(?!这次|此次|本次|该)"
                      rf"(?P<what>[^，。；：在“”]{{2,40}}?(?:{_patterns()['meeting'].pattern}))上[，,]?"
                      rf"(?P<after>[^，。；“”]{{0,12}}?)(?:{_speech_verbs()})")


def _spoken_at_on_visit(text: str, sentences: list[tuple[int, str]], visit: HeldEvent,
                        events: list[HeldEvent]) -> list[HeldEvent]:
    """在部分省委党校校长座谈会上，刘云山指出 / 俞正声在援藏干部座谈会上指出: on the trip the lead reports, its leader
    speaks at a discussion it names; he held it (undated: the trip dates it)."""
    name = visit.leader.name
    found = []
    for offset, sentence in sentences:
        if offset < visit.end or name not in sentence:
            continue
        for match in _spoken_at_a_meeting().finditer(sentence):
            speaker = match.group("before") if name in match.group("before") else match.group("after")
            if not speaker.startswith(name) and not speaker.endswith(name) \
                    or _TIME_RUN.fullmatch(speaker.replace(name, "", 1)) is None \
                    or any(offset <= e.start < offset + len(sentence) for e in events) \
                    or inside_reported_speech(text, offset + match.start("what")):
                continue  # (only the leader and a time around the verb; the sentence's meeting already an event;
                # 他说，…在…座谈会上: cited)
            label = _clean_label(match.group("what"))
            if _kind_of(label) not in _DISCUSSIONS:
                continue  # 在党的十八届六中全会上，韦思成强调: a plenum he attended, not one held on the trip
            start = offset + match.start("what")
            found.append(HeldEvent(label=label, kind=_kind_of(label), start=start, end=start + len(label),
                                   leader=visit.leader, when=find_date(sentence[: match.start("what")]) or visit.when))
    return found


def _convened_there_before(where: str, kind: str, sentences: list[tuple[int, str]],
                           events: list[HeldEvent]) -> HeldEvent | None:
    """并在南京主持召开…五省经济形势座谈会 … 8日上午，温家宝在南京主持召开座谈会: the meeting of this kind an earlier
    sentence says was convened at the same place (在南京), which the later one tells again."""
    held_there = re.compile(f"{re.escape(where)}(?:主持)?召开")
    return next((e for e in events if e.kind == kind and held_there.search(_sentence_at(sentences, e.start))), None)


def _is_message(sentence: str) -> bool:
    """致电, 致贺信, 回信: the sentence reports a message, and an event only if it says the occasion took place."""
    found = [sentence.find(verb) for verb in load().message_verbs if verb in sentence]
    if not found or re.search(r"开幕|闭幕|召开|举行|在[^，。；]{2,40}上宣读", sentence):
        return False  # (在…启动仪式上宣读了…贺信: the message is read out at an event, which the sentence reports)
    visit = _patterns()["inspect"].search(sentence)
    # 刘云山…就加强基层党建工作进行调研，强调要认真贯彻习近平总书记重要指示: a visit, then the message it carries out
    return visit is None or visit.start() >= min(found)  # (致慰问电: the message's own 慰问)


def _grouped(events: list[HeldEvent], sentences: list[tuple[int, str]]) -> list[HeldEvent]:
    """Events of one sentence share a group (joint meetings, 分别会见); each later sentence's events start a new one.
    Follow-up meetings (会后…) already carry their own group."""
    group, last_sentence = 0, None
    for event in events:
        where = _sentence_index(sentences, event.start)
        if last_sentence is not None and where != last_sentence:
            group += 1
        event.group = max(event.group, group)
        group = event.group
        last_sentence = where
    return events


def _sentence_index(sentences: list[tuple[int, str]], pos: int) -> int:
    for index, (offset, sentence) in enumerate(sentences):
        if offset <= pos < offset + len(sentence):
            return index
    return len(sentences)


@lru_cache(maxsize=1)
def _spoken_at_pattern() -> re.Pattern[str]:
    """在[meeting]上 then a speech verb (speech_verbs.txt, 讲话, 发表, 作, 宣读, 致辞); the meeting may be a bare press
    conference (press_conferences.txt) or follow its day (在今天的例行记者会上)."""
    verbs = alternation(set(load().speech_verbs) | {"讲话", "发表", "作", "宣读", "致辞"})
    # (杨毅在今天的例行记者会上也再度表示: the day inside, adverbs after 上)
    meeting = _patterns()['meeting'].pattern
    press = alternation(lexicon_lines("press_conferences.txt"))
    return re.compile(f"在(?:(?:{TIME_PHRASE})的(?P<dated>[^，。；：在]{{2,60}}?(?:{meeting}))"
                      f"|(?P<what>[^，。；：在]{{4,60}}?(?:{meeting}))|(?P<press>(?:例行)?(?:{press})))"
                      f"上(?:的)?(?:{_SPEECH_ADVERBS})?(?:{verbs})")


_SPEECH_ADVERBS = "(?:也|还|又|再度|再次|均|都|一再|多次)+"
_TIME_FIRST_CLAUSE = re.compile(rf"^(?:北京时间)?(?:{TIME_PHRASE})+[^，。；]{{0,8}}[，,]")  # 北京时间今天下午三点半，


def _spoken_at(sentence: str, offset: int, people: list[Span]) -> list[HeldEvent]:
    """刘云山30号在党的群众路线教育实践活动工作座谈会上强调: the meeting a person speaks at; they attend it (who
    chairs it, the report says later)."""
    if "上" not in sentence:
        return []
    for match in _spoken_at_pattern().finditer(sentence):
        person = _convener(sentence, offset, people, match.start())
        if person is None or _FUTURE.search(sentence[: match.start()]):
            continue
        what = next(group for group in ("dated", "press", "what") if match.group(group))
        if not find_date(sentence[person.end - offset : match.start(what)].replace("号", "日")) \
                and not _TIME_FIRST_CLAUSE.match(sentence):
            continue  # 习近平总书记在…研讨班上发表重要讲话: with no day of its own, a speech cited, not reported
        label = _clean_label(match.group(what))
        start = offset + match.start(what)
        return [HeldEvent(label=label, kind=_kind_of(label), start=start, end=start + len(match.group(what)),
                          guests=[person])]
    return []


@lru_cache(maxsize=1)
def _chaired_pattern() -> re.Pattern[str]:
    """主持 (no 召开) and a named meeting, ending the clause."""
    meeting = _patterns()["meeting"].pattern
    # (主持仪式欢迎德国总理默克尔访华: a ceremony's purpose follows it at once)
    return re.compile(f"主持(?!召开)了?(?P<what>[^，。；：、]{{0,40}}?(?:{meeting}))(?=并|[，。；]|$|(?<=仪式)欢迎)")


def _chaired_meeting(sentence: str, offset: int, people: list[Span]) -> list[HeldEvent]:
    """国家主席习近平7日在汉堡主持金砖国家领导人非正式会晤: a named meeting a person chairs (主持, no 召开)."""
    if "主持" not in sentence:
        return []
    for match in _chaired_pattern().finditer(sentence):
        person = _convener(sentence, offset, people, match.start())
        partner = None
        if person is not None and sentence.endswith("共同", 0, match.start()):
            # 张高丽还同俄罗斯第一副总理舒瓦洛夫共同主持…会议: the subject chairs, the partner named after 同 is there
            subject = _joint_subject(sentence, offset, people, person)
            person, partner = (subject, person) if subject else (person, None)
        label = _clean_label(match.group("what"))
        if label == "仪式" and person is not None:
            label = f"{person.name}主持仪式"  # 温家宝主持仪式欢迎…: named by who held it (_welcomed adds for whom)
        if person is None or len(label) < 4 or _FUTURE.search(sentence[: match.start()]):
            continue
        start = offset + match.start("what")
        return [HeldEvent(label=label, kind=_kind_of(label), start=start, end=start + len(match.group("what")),
                          leader=person, leader_role="主持", guests=[partner] if partner else [])]
    return []


_JOINED_PARTNER = re.compile(r"[还又也]?(?:同|与|和)")


def _joint_subject(sentence: str, offset: int, people: list[Span], partner: Span) -> Span | None:
    """The one named before ``同``/``与``/``和`` and the partner who acts together with him (甲还同乙共同主持)."""
    return next((p for p in people if offset <= p.start and p.end <= partner.start
                 and _JOINED_PARTNER.fullmatch(sentence, p.end - offset, partner.start - offset)), None)


def _held_or_attended(sentence: str, offset: int, people: list[Span]) -> list[HeldEvent]:
    """The event a sentence holds or attends; the attended one first when 出席 comes before the hold verb (会见后，
    甲和乙共同出席了朝方为…举行的欢迎招待会: the event attended, not 举行's clause as its name)."""
    attend, hold = re.search("出席|参加", sentence), re.search(_HOLD_VERBS, sentence)
    first = _attended_event(sentence, offset, people) if attend and (not hold or attend.start() < hold.start()) \
        else []
    return first or _held_meetings(sentence, offset, people) or _attended_event(sentence, offset, people)


_ATTENDS_AND_CHAIRS = "并主持"


def _attended_event(sentence: str, offset: int, people: list[Span]) -> list[HeldEvent]:
    """国家副主席习近平在南宁出席了第九届中国—东盟博览会开幕式: the event a person attends, named after 出席."""
    pats = _patterns()
    # (与来华出席…会议的各国领导人共同出席联合记者会: the event is the last one attended, not a span across both)
    # (一同观看了…专场文艺演出: a show watched is attended too)
    for match in re.finditer(f"(?:出席|参加|观看)了?(?P<what>(?:(?!出席|参加|观看)[^，。；：]){{2,60}}"
                             f"(?:{pats['meeting'].pattern}))(?=并|[，。；]|$|上|时(?:强调|指出|表示))", sentence):
        subject = [p for p in people if offset <= p.start and p.end <= offset + match.start()
                   and not re.search("[。；]", sentence[p.end - offset : match.start()])]
        pair = [] if subject else _pair_named_as_group(sentence[: match.start()], offset, people)
        if not subject and not pair:
            continue
        if sentence[: match.start()].endswith("在") and "后" in re.split("[，。；]", sentence[match.end() :])[0]:
            continue  # 李克强在出席…会晤并圆满结束…访问后飞赴…: what he attended before the reported day
        # 习近平…出席并主持由中国和联合国共同举办的南南合作圆桌会: the one who attends chairs it too
        chairs = match.group("what").startswith(_ATTENDS_AND_CHAIRS) and bool(subject)
        label = _clean_label(match.group("what").removeprefix(_ATTENDS_AND_CHAIRS))
        if len(label) < 4 or (match.group(0).startswith("观看") and not _show().search(label)):
            continue  # (观看《为新中国奠基》主题展览: an exhibition seen on a visit is part of it)
        if _PLANNED.match(match.group("what")) or _INTENT.search(sentence, 0, match.start()):
            continue  # 愿意如期参加计划于本月底…召开的和谈: one still to come
        if _BARRED.search(sentence, 0, match.start()):
            continue  # 禁止参加一切与足球相关活动, 没有出席: no one attends
        if _EXPECTED.match(sentence, match.end()):
            continue  # 对习近平出席…大阪峰会抱有热切期待: hoped for, still to come
        start = offset + match.start("what")
        if chairs:
            return [HeldEvent(label=label, kind=_kind_of(label), start=start, end=start + len(match.group("what")),
                              leader=max(subject, key=lambda p: p.end), leader_role="主持")]
        # 出席了俄罗斯总统普京在乔治大厅举行的欢迎仪式: who holds what is attended hosts it
        inside = sorted((p for p in people if start <= p.start and p.end <= start + len(match.group("what"))),
                        key=lambda p: p.start)
        holder = next((i for i, p in enumerate(inside) if _HELD_BY.match(sentence, p.end - offset)), None)
        first = holder
        # 美国副总统拜登和国务卿克里在国务院联合举行的欢迎午宴: the first named hosts, the others with him
        while first and sentence[inside[first - 1].end - offset : inside[first].start - offset] in ("和", "与", "、"):
            first -= 1
        host = inside[first] if first is not None else None
        cohosts = inside[first + 1 : holder + 1] if first is not None else []
        return [HeldEvent(label=label, kind=_kind_of(label), start=start, end=start + len(match.group("what")),
                          leader=host, leader_role="举行" if host else None, guests=cohosts or pair)]
    return []


def _pair_named_as_group(before: str, offset: int, people: list[Span]) -> list[Span]:
    """同日，两国总理在…出席了…仪式: the clause's subject is a group word for two leaders; they are the two people
    named before the sentence who hold its title (none when the word names no title, or not exactly two do)."""
    clause = re.split("[，。；：]", before)[-1]
    word = next((w for w in _LEADER_PAIRS if clause.startswith(w)), None)
    titles = _LEADER_PAIRS.get(word or "")
    if not titles:
        return []
    pair: dict[str, Span] = {}
    for person in people:
        if person.end <= offset and person.name not in pair \
                and any(_holds_title(post.title, titles) for post in person.posts):
            pair[person.name] = person
    return list(pair.values()) if len(pair) == 2 else []


def _holds_title(title: str | None, titles: frozenset[str]) -> bool:
    """国务院总理 holds 总理; 副总理 does not."""
    return bool(title) and any(title.endswith(t) and not title.endswith("副" + t) for t in titles)


_PLANNED = re.compile(rf"(?:计划|拟|定|预定)(?:于|在)|{WILL}|即将")  # (中国计划生育协会: no plan)
_EXPECTED = re.compile(r"[^，。；]{0,8}?(?:期待|期望|期盼|寄予厚望)")
_BARRED = re.compile(r"(?:禁止|不得|拒绝|拒不|[不没未]能?|没有)$")
# (俄已邀请阿富汗政府和塔利班派代表赴莫斯科参加…和谈: invited, still to come; 应邀参加 took part)
_INTENT = re.compile(r"(?:愿意|愿|准备|计划|打算|希望|将)(?:如期|按时)?$|(?<!应)邀请[^，。；]{0,40}$")
_HELD_BY = re.compile(r"(?:在[^，。；、的]{1,12})?(?:举行|举办|主持)的")


@lru_cache(maxsize=1)
def _show() -> re.Pattern[str]:
    return re.compile(alternation(set(lexicon_lines("show_nouns.txt"))))


_OPENERS = [line.split("\t") for line in lexicon_lines("follow_up_openers.txt")]
_FOLLOW_UP = re.compile(f"^(?:{alternation({opener for _, opener in _OPENERS})})")
_LATER = re.compile(f"^(?:{alternation({opener for kind, opener in _OPENERS if kind == 'later'})})")
_AFTER_TALKS = re.compile(f"^(?:{alternation({opener for kind, opener in _OPENERS if kind == 'talks'})})")


def _follow_ups(sentences: list[tuple[int, str]], people: list[Span]) -> list[HeldEvent]:
    """会后，我县紧接着召开全县防汛工作部署会: a second meeting in the same report, with its own people."""
    out: list[HeldEvent] = []
    followed = (s for s in sentences if _FOLLOW_UP.match(s[1])
                and not _FUTURE.search(s[1].split("，", 1)[-1]))  # (当晚，…将…举行: announced)
    for group, (offset, sentence) in enumerate(followed, start=1):
        # 同日，习近平出席…对话会 / 当天上午，习近平出席…图片展开幕式 / 当天上午，习近平…向纪念碑献花圈: an event
        # attended or led later the same day
        visit = _inspection(sentence, offset, people)
        if visit and (visit.kind in ("汇报会", "会见")
                      or (visit.kind == "参观" and not (_LATER.match(sentence) and visit.guests))):
            visit = None  # 随后，习近平听取了…汇报 / 参观了…: part of the reported event, as in the lead (当天，…还
            # 分别会见了…: find_encounters has each encounter; 当晚，…与德索萨共同参观了…文物展: the hosts' tour with
            # the guest, later that day, is an event of its own)
        # (同日，张高丽还同…舒瓦洛夫共同主持中俄投资合作委员会第二次会议: a meeting chaired later the same day)
        for event in _held_or_attended(sentence, offset, people) or _chaired_meeting(sentence, offset, people) \
                or ([visit] if visit else []):
            if "仪式" in event.label and _AFTER_TALKS.match(sentence):
                continue  # 会谈后，两国领导人出席了…签字仪式: part of the talks
            event.group = group
            event.start = offset  # participants named after this sentence belong to it
            out.append(event)
    return out


# …于4月25日召开这次座谈会: a later sentence dates the meeting the lead reported undated (近日…主持召开…座谈会)
_LEAD_SENTENCES = 3  # the lead's event is reported in one of the first three sentences (see _lead_events)
_THIS_ONE_DATED = re.compile(rf"(?P<day>(?:\d{{1,2}}月)?\d{{1,2}}[日号]){PART_OF_DAY}?(?:在[^，。；]{{1,12}})?"
                             r"(?:召开|举行|主持召开)(?:了)?(?:这次|此次|本次|该次?)")


def _date_visits_from_later_sentences(sentences: list[tuple[int, str]], events: list[HeldEvent]) -> None:
    """张德江近日在天津专题调研…。21日至22日，张德江到天津…进行调研: a visit the lead leaves undated takes the day of
    the first later sentence that names its leader and its kind with a date; a meeting, of one that says it held
    this one on a day (于4月25日召开这次座谈会)."""
    for event in events:
        if event is events[0] and event.when is None and event.kind not in visit_kinds():
            held = next((m for offset, sentence in sentences[:_LEAD_SENTENCES + 1] if offset > event.start
                         and (m := _THIS_ONE_DATED.search(sentence))), None)
            if held:
                event.when = held.group("day")
        if event.when or not event.leader or event.kind not in visit_kinds():
            continue
        where = re.search(r"(?:在|到|赴)([^，。、]{2,12}?)(?:调研|考察|视察|检查)", event.label)
        for offset, sentence in sentences:
            # 5月17号下午至20号上午，刘云山到河南安阳…: the leader and the visit's kind or place, with a date
            named = event.leader.name in sentence or sentence.lstrip().startswith("他") \
                or re.match(r"[^，。]{0,12}，他", sentence)  # 28日上午，他一下飞机就…来到…
            if offset > event.start and named \
                    and (event.kind in sentence or (where and where.group(1)[:2] in sentence)
                         or re.search("来到|抵达|前往|赶往|登上|先后到|深入", sentence)) \
                    and (day := find_date(sentence)):
                event.when = day
                break


def _parallel_visits(text: str, sentences: list[tuple[int, str]], people: list[Span],
                     found: list[HeldEvent], headline: str | None = None) -> list[HeldEvent]:
    """A round-up (中央宣讲团在各地宣讲, 各地领导干部下基层): a later paragraph that opens with a visit or lecture led
    by someone no earlier event has as leader reports an event of its own, with the people named after it; so does
    one that opens with a meeting someone convenes (主持召开) during the reported visit."""
    after = max((e.start for e in found), default=-1)
    first = min((e.start for e in found), default=-1)
    leaders = {e.leader.name for e in found if e.leader}
    labels = {e.label for e in found}
    out: list[HeldEvent] = []
    # the lead paragraph or the headline announces it (【中央宣讲团在各地】…; 收入分配…？…今天，中央宣讲团来到各地…)
    first_paragraph = text[: text.find("\n")] if "\n" in text else text
    announced = None
    if any(w in first_paragraph or w in (headline or "") for w in _ROUND_UP_WORDS):
        announced = _ROUND_UP.search(first_paragraph) or _ROUND_UP.search(headline or "")
    openers = _paragraph_openers(text, sentences, people)
    for offset, sentence in sentences:
        if offset not in openers or offset <= first:
            continue  # only the first sentence of a paragraph after the lead
        attended = [e for e in _attended_event(sentence, offset, people) if e.label not in labels] \
            if found and (_opens_with_its_day(sentence, offset, people) or _also_attends(sentence, offset, people)) \
            else []
        if attended:  # 11月12日，王岐山出席第二届巴黎和平论坛开幕式并致辞: another day of the trip, another event
            for event in attended:
                labels.add(event.label)
                event.start = offset
                event.when = find_date(sentence)
            out += attended
            continue
        if offset <= after:
            continue  # only the first sentence of a paragraph after the events found
        convened = [e for e in _held_meetings(sentence, offset, people) if e.leader and e.label not in labels]
        where = re.search(r"在[^，。；“”]{1,12}?(?=主持|召开)", sentence) if convened else None
        told = _convened_there_before(where.group(0), convened[0].kind, sentences, found) if where else None
        if told:  # 并在南京主持召开…五省经济形势座谈会 … 8日上午，温家宝在南京主持召开座谈会: told again, now dated
            told.when = find_date(sentence) or told.when
            continue
        if convened:  # 21日晚上，张德江主持召开中小企业座谈会: a meeting within the visit, an event of its own
            for meeting in convened:
                labels.add(meeting.label)
                meeting.start = offset
                meeting.when = meeting.when or find_date(sentence)
            out += convened
            continue
        visit = _inspection(sentence, offset, people) or _announced_visit(sentence, offset, people, announced)
        if visit and visit.leader and visit.leader.name not in leaders and visit.kind not in ("汇报会", "会见") \
                and not any(m.start() < visit.start and not text.startswith("下", m.end())
                            for m in _patterns()["role"].finditer(text, visit.leader.end, visit.end)
                            if m.group(0) not in tribute_words()):  # (来到陵园，向纪念碑敬献花篮: paid on the visit)
            # (a role verb before or around the visit's verb: 参加调研, 作个人对照检查 is no visit of one's own)
            leaders.add(visit.leader.name)
            visit.start = offset  # participants named after this sentence belong to it
            # 奠基仪式后，…参观: undated, it follows the last event the article dated
            visit.when = find_date(sentence) or (next((e.when for e in reversed([*found, *out]) if e.when), None)
                                                 if re.match(r"\s*[^，。]{1,12}后[，,]", sentence) else None)
            out.append(visit)
    if not found and len(out) < 2:
        return []  # with no event in the lead, only a round-up (two visits or more) reports them
    return out


# a paragraph that opens with the day it tells, then a comma (11月12日，… / 13日上午，…)
_DAY_THEN_COMMA = re.compile(rf"{OPENING_DAY}{PART_OF_DAY}?[，,]")
_SUBJECT_S_DAY = re.compile(OPENING_DAY)


def _opens_with_its_day(sentence: str, offset: int, people: list[Span]) -> bool:
    """11月12日，王岐山出席… / 国务院总理李克强当地时间11月13日在…出席…: a paragraph that tells its own day first,
    before or right after its subject."""
    if _DAY_THEN_COMMA.match(sentence):
        return True
    subject = min((p for p in people if offset <= p.start < offset + 40), key=lambda p: p.start, default=None)
    return subject is not None and not re.search("[，,]", sentence[: subject.start - offset]) \
        and _SUBJECT_S_DAY.match(sentence, subject.end - offset) is not None


def _paragraph_openers(text: str, sentences: list[tuple[int, str]], people: list[Span]) -> set[int]:
    """Where paragraphs open: the first sentence after a line break, or the second when the first only sets the
    scene (在武汉洪山礼堂。中央宣讲团成员、湖北省委书记某某…)."""
    openers: set[int] = set()
    for index, (offset, sentence) in enumerate(sentences):
        if offset > 0 and text[offset - 1] == "\n":
            openers.add(offset)
            scene = len(sentence.strip()) <= 12 and not any(offset <= p.start < offset + len(sentence) for p in people)
            if scene and index + 1 < len(sentences):
                openers.add(sentences[index + 1][0])
    return openers


_ROUND_UP_WORDS = ("分别", "各地", "走进", "来到", "深入")  # one of them opens every _ROUND_UP match
# 中央宣讲团成员分别来到河南、江苏等地，向干部群众宣讲…: a lead that announces visits by several people, one each
_ROUND_UP = re.compile(r"(?:分别(?:来到|到|赴|在)[^。]{0,30}?|(?:来到|到|赴|在)各地[^。；]{0,30}?"
                       r"|(?:走进|来到|深入)[^。，]{1,20}?[、和][^。，]{1,20}[，,]?)"  # 走进贵州、内蒙古和…，宣讲
                       r"(?P<verb>宣讲|调研|考察|视察|慰问|走访)")


def _announced_visit(sentence: str, offset: int, people: list[Span],
                     announced: re.Match[str] | None) -> HeldEvent | None:
    """In a round-up the lead announced (分别来到…宣讲), a paragraph that opens with a titled person reports that
    person's part of it (今天下午，中央宣讲团成员，某部副部长甲来到河南…), even without the verb."""
    if announced is None:
        return None
    verb = announced.group("verb")
    titled = [p for p in people if offset <= p.start < offset + len(sentence) and p.posts]
    if not titled:
        return None
    leader = titled[0]
    if re.match(r"(?:一同|陪同|随同|参加)", sentence[leader.end - offset :]):
        return None  # 国务委员马凯一同考察: a companion of the visit, no part of a round-up
    where = re.match(r"[，,]?(?:来到|到|赴|在)([^，。；、的]{2,12}?)(?:宣讲|调研|考察|视察|慰问|走访|[，。；、的]|$)",
                     sentence[leader.end - offset :])
    label = f"{leader.name}{'在' + where.group(1) if where else ''}{verb}"
    return HeldEvent(label=label, kind=load().inspection_verbs.get(verb, verb), start=leader.start, end=leader.end,
                     leader=leader)


def _kind_of(label: str) -> str:
    lex = load()
    m = _patterns()["meeting_end"].search(label)
    return lex.meeting_nouns.get(m.group(0), "会议") if m else "会议"


_LASTING = re.compile(r"^为期[^，。；的]{1,6}的")
_LABEL_OPENERS = re.compile(f"^(?:{alternation(set(lexicon_lines('label_openers.txt')))})+")


# 记者今天（12月4日）从…的吹风会 / 他所在的…会议: a reporter's source or a delegate's own session before the name
_SOURCE_OPENER = re.compile(r"^(?:记者(?:今天|昨天|日前|近日)?(?:[（(][^）)]{1,10}[）)])?从(?:今天|昨天)?"
                            r"(?:[（(][^）)]{1,10}[）)])?(?:\d{1,2}日)?|(?:他|她)所在的)")
_OPENED_THAT_DAY = re.compile(r"^(?:当天|当日|同日|今天|今日)?(?:开幕|召开)的(?=[^，。；]{4})")


def _clean_label(label: str, kind: str = "") -> str:
    """Strip what a clause leaves around a meeting's name: times, 了, 的, an opening place (在京)."""
    if "\n" in label:  # 七国峰会未就气候变化问题达成共识\n七国集团峰会: a heading above the report is no part of it
        head, tail = label[: label.rfind("\n")].rsplit("\n", 1)[-1], label[label.rfind("\n") + 1 :]
        if kind and kind in head and kind not in tail:
            tail = head  # 金正恩视察平安北道薪岛郡\n据朝中社…报道: the heading names the visit, the report its source
        balanced = tail.count("“") == tail.count("”") and tail.count("《") == tail.count("》")
        label = tail if len(tail) >= 2 and balanced else label.replace("\n", "")  # (“被封存的记忆\n不再…”的展览)
    label = _SOURCE_OPENER.sub("", label) or label  # 记者今天从…吹风会: where the reporter heard it
    label = _LABEL_OPENERS.sub("", label)
    label = _LASTING.sub("", label) or label  # 为期4天的博鳌亚洲论坛2016年年会
    # (在钓鱼台国宾馆举行的…开幕式)
    label = re.sub(r"^在[^，。；“”]{1,20}?(?:举行|召开|举办)的(?=[^，。；]{4})", "", label)
    label = _OPENED_THAT_DAY.sub("", label)  # 当天开幕的第四次世界议长大会
    label = _AT_TIME_OPENING.sub("", label)  # 在今天国务院新闻办召开的新闻发布会上: its day, where, who held it
    if re.search("调研|考察|视察|检查", label):  # 在山东调研时强调, 在视察驻昆明部队时强调: the visit
        label = re.sub(r"时(?:强调|指出|表示|要求)$", "", label)
    label = label.strip("，、 ")
    if label.count("“") == label.count("”") + 1 and not label.endswith("“"):
        label += "”"  # 首届“南南人权论坛”开幕: the name's closing quote, cut off with what followed it
    return label


_AT_TIME_OPENING = re.compile(rf"^在(?!线)(?:{TIME_PHRASE})*(?=[^，。；]{{4}})")  # (在线: a word)
# 主持召开会议，专题听取北京冬奥会…筹办工作情况汇报: a bare meeting is named by its agenda, the clause after it
_AGENDA_VERBS = alternation(set(lexicon_lines("agenda_verbs.txt")))
_AGENDA = re.compile(rf"[，,](?:专题)?((?:{_AGENDA_VERBS})(?:了)?[^，。；“”]{{2,40}})(?=[，。；]|$)")
_HONOUREE = re.compile(r"为(?:已故|前|原)?$")  # 新加坡政府为前总理李光耀举行国葬: the one honoured holds nothing
_MOURNING = re.compile(r"葬|悼|告别")  # 国葬, 追悼会, 告别仪式: the one honoured is not among those there
_GATHERING = re.compile(f"(?:{alternation(set(lexicon_lines('gathering_nouns.txt')))})$")


_ALSO_ATTENDS = re.compile(r"还(?:应邀)?(?:出席|参加)")


def _also_attends(sentence: str, offset: int, people: list[Span]) -> bool:
    """张德江还出席了议联举行的招待会: a paragraph opening with its subject and 还出席 reports another event."""
    subject = next((p for p in people if p.start == offset), None)
    return subject is not None and bool(_ALSO_ATTENDS.match(sentence, subject.end - offset))


def _held_meetings(sentence: str, offset: int, people: list[Span]) -> list[HeldEvent]:
    pats = _patterns()
    out: list[HeldEvent] = []
    # pattern 1: [A、B和C]召开  /  pattern 2: [body]召开[Y]  /  pattern 3: [person]主持召开[Y]
    for verb in re.finditer(_HOLD_VERBS, sentence):
        before = sentence[: verb.start()]
        clause = re.split(r"[，。；：\n]", before)[-1]  # (a heading's line is no part of the clause: 韩国称将…\n)
        if _PLANNED.search(clause):
            continue  # 参加计划于本月底在日内瓦召开的和谈, 在即将举行的…峰会上: one still to come
        if clause.endswith(("已经", "已")):
            continue  # 中非合作论坛北京峰会已经落下帷幕，而…持续引发反响: over, recalled, not reported
        clause = _strip_date(clause)
        trimmed = pats["meeting_then_where"].match(clause)
        if trimmed:
            clause = trimmed.group(1)
        unquoted = clause.removesuffix("”")  # “…受赠礼品展”27日下午在…开幕: the name stands in quotes
        if (verb.group(0) in ("开幕", "闭幕") and not pats["meeting_end"].search(unquoted)
                and _GATHERING.search(unquoted)) or (verb.group(0) in ("开班", "结业") and clause):
            # 平昌冬奥会昨晚开幕, 进博会在上海开幕: a games or fair opens with a ceremony, the event reported (so
            # does a course: …研讨班7日下午在中共中央党校结业 is its 结业式)
            label = _clean_label(re.split(r"[，。；：]", clause)[-1]) + verb.group(0) + "式"
            s = offset + sentence.find(clause)
            kind = {"开班": "开幕", "结业": "闭幕"}.get(verb.group(0), verb.group(0)) + "式"
            return [HeldEvent(label=label, kind=kind, start=s, end=offset + verb.end())]
        skipped = 1 if sentence.startswith("了", verb.end()) else 0  # 举行了三场记者会
        after = sentence[verb.end() + skipped :]
        y = pats["meeting_after_verb"].match(after)
        if y and verb.group(0) not in _CONVENING and not after.startswith("的") \
                and after.startswith("上", len(y.group(0))) and "在" in re.split(r"[，。；：]", before)[-1]:
            continue  # 在“孔子学院日”启动仪式上致辞: the verb is part of the event's name, where someone speaks
        if y and after.startswith("大会发言"):
            y = None  # 第七次会议18日下午举行大会发言: the session holds its speeches, no 大会 of its own
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
            person = _convener(sentence, offset, people, verb.start() - 2) if before.endswith("主持") else None
            if person:
                parts = _split_joint(noun_phrase) or [noun_phrase]
                if before[:-2].endswith("分别"):  # 分别主持召开了各级人大代表和地方人大工作座谈会: two
                    parts = [each for part in parts for each in _apart(part)]
                agenda = _AGENDA.match(sentence, verb.end() + skipped + len(noun_phrase))
                agenda_text = agenda.group(1) if agenda and len(parts) == 1 else ""
                return [HeldEvent(label=part if len(part) >= 4 else f"{person.name}主持召开{part}{agenda_text}",
                                  kind=_kind_of(part), start=offset + verb.start(),
                                  end=offset + verb.end() + len(noun_phrase), leader=person, leader_role="主持")
                        for part in parts]
            relative = sentence.startswith("的", verb.end())  # 张德江出席了议联举行的招待会: 议联 holds it, not he
            leader = next((p for p in people if offset <= p.start and p.end <= offset + verb.start()
                           and sentence.rfind("，", 0, verb.start()) < p.start - offset
                           and not (relative and p.end != offset + verb.start())
                           and not _HONOUREE.search(sentence, 0, p.start - offset)), None)
            honoured = next((p for p in people if offset <= p.start and p.end == offset + verb.start()
                             and _HONOUREE.search(sentence, 0, p.start - offset)), None) if leader is None else None
            if honoured is not None and verb.group(0) == "举行":
                # 会见后，安倍为习近平举行欢迎晚宴 (no host read): the one honoured is the guest (not at his own 国葬)
                clause_start = max(sentence.rfind(stop, 0, verb.start()) for stop in "，。；") + 1
                end = verb.end() + skipped + len(noun_phrase)
                return [HeldEvent(label=_clean_label(sentence[clause_start:end]), kind=_kind_of(noun_phrase),
                                  start=offset + verb.start(), end=offset + end,
                                  guests=[] if _MOURNING.search(noun_phrase) else [honoured])]
            if leader is not None and len(_clean_label(noun_phrase)) <= 3 and verb.group(0) == "举行":
                # 习近平举行仪式欢迎约旦国王访华: a short noun; the rest of the clause says what for, and whom
                end = len(sentence)
                for stop in "，。；":
                    at = sentence.find(stop, verb.end())
                    end = min(end, at) if at >= 0 else end
                rest = sentence[verb.end() : end]
                said = re.search(r"(?:表示|指出|强调|说)", rest)  # 潘基文举行记者会表示: what he said follows
                if said and said.start() >= 2:
                    end, rest = verb.end() + said.start(), rest[: said.start()]
                if rest.endswith(("时", "期间")):  # 在巴格达举行会议时，命令…: the meeting, not the while
                    rest = rest.removesuffix("时").removesuffix("期间")
                    end = verb.end() + len(rest)
                guests = [p for p in people if offset + verb.end() <= p.start and p.end <= offset + end]
                return [HeldEvent(label=f"{leader.name}举行{rest}", kind=_kind_of(noun_phrase),
                                  start=offset + verb.start(), end=offset + end, leader=leader, guests=guests)]
            if leader is not None and not pats["body_end"].search(subject or ""):
                # 街道党工委书记某某带队到现场召开现场办公会: the meeting takes the convener's body, unless it
                # names itself (中央全面深化改革领导小组第一次会议)
                body = next((post.body for post in leader.posts if post.body), None)
                # (临时总理奥马尔·格拉万吉6号召开内阁会议: a person who convenes it, named right before, chairs it)
                convener = leader if verb.group(0) == "召开" and _TIME_RUN.match(
                    sentence, leader.end - offset).end() == verb.start() else None
                # 李克强…与英国首相卡梅伦共同举行中英全球经济圆桌会: the first named hosts it, the partner with him
                jointly = before.endswith(("共同", "联合")) and re.search(r"[与同和]", sentence[leader.end - offset:
                                                                                      verb.start()])
                partners = [p for p in people if leader.end < p.start and p.end <= offset + verb.start()] \
                    if jointly else []
                convener = convener or (leader if partners else None)
                honoured = _held_for(sentence, offset, leader, verb.start(), people) if verb.group(0) == "举行" \
                    else None
                if honoured is not None:  # 祖马为习近平举行了隆重的欢迎仪式: the host holds it, for the guest
                    convener = leader
                guests = [honoured] if honoured is not None and not _MOURNING.search(noun_phrase) else []
                out = []
                for part in _apart(noun_phrase) if before.endswith("分别") else [noun_phrase]:
                    prefix = "" if _names_itself(part) else (_strip_sub_organ(body) if body else leader.name)
                    out.append(HeldEvent(label=prefix + _clean_label(part), kind=_kind_of(part),
                                         start=offset + verb.start(), end=offset + verb.end() + len(noun_phrase),
                                         organiser=body, leader=convener,  # (the partners co-host: _co_hosts)
                                         leader_role=("召开" if verb.group(0) == "召开" else "举行") if convener
                                         else None, guests=guests))
                return out
            if subject and pats["meeting_end"].search(subject):
                # 市人大常委会第二十三次会议举行第一次全体会议: a sitting of a named session
                label = _clean_label(subject) + noun_phrase
                return [HeldEvent(label=label, kind=_kind_of(noun_phrase), start=offset + verb.start(),
                                  end=offset + verb.end() + len(noun_phrase))]
            if len(noun_phrase) >= 5 and not (subject and pats["body_end"].search(subject)):
                # 我县紧接着召开全县防汛工作部署会: the meeting names itself
                return [HeldEvent(label=noun_phrase, kind=_kind_of(noun_phrase), start=offset + verb.start(),
                                  end=offset + verb.end() + len(noun_phrase))]
            each = _bodies_apart(subject, noun_phrase) if subject and before.endswith("分别") else []
            if each:  # 全国人大常委会党组、国务院党组、全国政协党组分别召开会议: one meeting per body
                return [HeldEvent(label=body + _clean_label(noun_phrase), kind=_kind_of(noun_phrase),
                                  start=offset + sentence.find(body), end=offset + verb.end() + len(noun_phrase),
                                  organiser=body) for body in each]
            if subject and pats["body_end"].search(subject):
                purpose = _PURPOSE.match(sentence, verb.end() + skipped + len(noun_phrase))
                if purpose and len(_clean_label(noun_phrase)) <= 3:
                    # 全国政协举行仪式，纪念…孙中山先生诞辰153周年: a short noun; the next clause says what for
                    what = purpose.group(2).rsplit("的", 1)[-1]
                    noun_phrase = f"{purpose.group(1)}{what}{_clean_label(noun_phrase)}"
                label = _clean_label(subject) + noun_phrase
                return [HeldEvent(label=label, kind=_kind_of(noun_phrase), start=offset + verb.start(),
                                  end=offset + verb.end() + len(noun_phrase), organiser=_clean_label(subject))]
    return out


_CONVENING = ("召开", "举行", "举办", "主持", "主持召开")  # (在…主持召开农村改革座谈会上指出: the meeting he chaired)


def _held_for(sentence: str, offset: int, leader: Span, verb_at: int, people: list[Span]) -> Span | None:
    """The one ``leader`` holds an event for, named between them and the verb (祖马为习近平举行了…欢迎仪式, 英拉在总理府
    广场为李克强总理举行…)."""
    gap = _BEFORE_FOR.match(sentence, leader.end - offset)
    if gap is None:
        return None
    return next((p for p in people if p.start - offset == gap.end()
                 and _TIME_RUN.match(sentence, p.end - offset).end() == verb_at), None)


_BEFORE_FOR = re.compile(rf"(?:{TIME_PHRASE}|在[^，。；“”为]{{1,16}})*为")


def _bodies_apart(subject: str, noun_phrase: str) -> list[str]:
    """The bodies of 甲党组、乙党组和丙党组分别召开会议, each holding its own meeting ([] unless every item is a
    body)."""
    items = [item for item in re.split(r"[、和]", subject.removesuffix("分别")) if item]
    body_end = _patterns()["body_end"]
    ok = len(items) >= 2 and all(body_end.search(item) and len(item) <= 16 for item in items)
    return [_clean_label(item) for item in items] if ok and len(_clean_label(noun_phrase)) <= 4 else []


@lru_cache(maxsize=1)
def _farewell() -> re.Pattern[str]:
    """某某同志(的)遗体(送别)，21日在…火化/举行 (farewells.txt): a leader's funeral, the event of its report."""
    verbs = alternation({word for kind, word in (line.split("\t") for line in lexicon_lines("farewells.txt"))
                         if kind == "verb"})
    return re.compile(f"(?P<who>[{CJK}·]{{2,12}}?)同志的?遗体(?:送别)?[，,]?(?:{TIME_PHRASE})*"
                      f"在[^，。；“”]{{2,24}}?(?:{verbs})")


def _farewell_held(sentence: str, offset: int, people: list[Span]) -> list[HeldEvent]:
    """杨白冰同志的遗体，21日在北京八宝山革命公墓火化: the farewell to the body, held that day (the one honoured is at
    no event: he is named, not present)."""
    match = _farewell().search(sentence)
    honoured = next((p for p in people if p.end == offset + match.end("who")), None) if match else None
    if honoured is None:
        return []
    who = honoured.name
    start = offset + match.start()
    return [HeldEvent(label=f"{who}同志遗体送别", kind="活动", start=start, end=offset + match.end(),
                      when=find_date(match.group(0)))]


def _meeting_opening_sentence(sentence: str, offset: int, people: list[Span] = ()) -> list[HeldEvent]:
    """政协某州第十四届委员会第五次会议圆满完成各项议程，在州人民会堂闭幕: the meeting opens the sentence."""
    pats = _patterns()
    if not re.search(_HOLD_VERBS, sentence):
        return []
    head = _strip_date(re.split(r"[，。；：]", sentence)[0] if not re.match(r"^[^，]{0,12}日", sentence) else
                       re.split(r"[，。；：]", sentence)[1] if "，" in sentence else sentence)
    if head.endswith(("后", "前", "之后", "之前", "期间")):
        return []  # 欢迎仪式后，两国总理举行会谈: the clause dates what follows, it reports no event
    if re.search(f"已经?(?:{_HOLD_VERBS})", head):
        return []  # 中非合作论坛北京峰会已经落下帷幕: over, recalled, not reported
    match = re.match(f"^“?(.{{2,40}}?(?:{pats['meeting'].pattern}))”?", head)
    if not match:
        return []  # (“金砖国家领导人第八次会晤”在印度果阿举行: the name may stand in quotes)
    label = _clean_label(match.group(1))
    start = offset + sentence.find(match.group(1))
    if any(p.start < start + len(match.group(1)) <= p.name_start for p in people):
        return []  # 全国人大常委会委员长甲与乙举行会谈: a body in someone's title, not a meeting
    if any(start <= p.start and sentence.startswith("在", p.end - offset) and p.end < start + len(match.group(1))
           for p in people):
        return []  # 国务院副总理刘延东在启动仪式上宣读…: someone's clause, where the event is, not its name
    return [HeldEvent(label=label, kind=_kind_of(label), start=start, end=start + len(label))]


_CLAUSE_DATE = TIME_PHRASE


def _strip_date(clause: str) -> str:
    """A date or time opening or closing a clause (中共中央政治局5月26日召开会议) is not part of its subject."""
    clause = re.sub(f"^(?:{_CLAUSE_DATE})+", "", clause)
    return re.sub(f"(?:于?(?:{_CLAUSE_DATE})|在[^，。；]{{1,12}}|上午|下午|晚上)+$", "", clause) or clause


def _apart(name: str) -> list[str]:
    """分别召开加强基层党建工作和落实全面从严治党要求座谈会: the meetings 分别 counts, A座谈会 and B座谈会."""
    cut = _patterns()["meeting_end"].search(name)
    first, joiner, second = name.partition("和")
    if not joiner or cut is None or _patterns()["meeting_end"].search(first) or len(first) < 2:
        return [name]
    return [first + cut.group(0), second]


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


# between a convener and 主持召开: a date or time, a place, an adverb (国务院总理李克强今天在中南海主持召开…)
_CONVENER_ADVERBS = alternation(set(lexicon_lines("convener_adverbs.txt")))
_TIME_RUN = re.compile(rf"(?:{TIME_PHRASE}|{_CONVENER_ADVERBS})*")  # (no $: a 号 before 召开 needs to see it)
_BEFORE_CHAIRING = re.compile(rf"^(?:{TIME_PHRASE}|于|在[^，。；“”]{{1,16}}|{_CONVENER_ADVERBS}|共同)*$")


def _convener(sentence: str, offset: int, people: list[Span], chair_at: int) -> Span | None:
    """The person who 主持召开 a meeting: the last one named before 主持 in the sentence, only a date, a place or an
    adverb between them."""
    before = [p for p in people if offset <= p.start and p.end <= offset + chair_at]
    if not before:
        return None
    person = max(before, key=lambda p: p.end)
    between = sentence[person.end - offset : chair_at].replace("号", "日")  # the spoken day: 刘云山30号在…
    return person if _BEFORE_CHAIRING.match(between) else None


def _names_itself(noun_phrase: str) -> bool:
    """第一次会议, 全国…会议, 中央…领导小组…: a meeting whose own name says whose it is."""
    return bool(re.search(r"第[一二三四五六七八九十百\d]+次|^(?:中央|全国|国务院|中共|省|市|区|县)", noun_phrase)) \
        or len(noun_phrase) >= 8


def _names_its_topic(noun_phrase: str) -> bool:
    """小微企业座谈会: a topic of four characters or more before the meeting's noun (a meeting a visit's leader
    convenes is known by it; a foreign host's ceremony or press conference keeps its host: 俄罗斯年度大型记者会)."""
    noun = next((m for m in _patterns()["meeting_end"].finditer(noun_phrase) if m.end() == len(noun_phrase)), None)
    return noun is not None and noun.start() >= 4


_BRIEFING = re.compile(r"听取(?P<what>[^，。；]{2,30}?(?:工作)?汇报)")


@lru_cache(maxsize=1)
def _inspection_as_noun() -> dict[str, tuple[str, ...]]:
    """Words before and after an inspection verb that make it a noun (inspection_as_noun.txt)."""
    lines = [line.split("\t") for line in lexicon_lines("inspection_as_noun.txt")]
    return {side: tuple(word for kind, word in lines if kind == side) for side in ("before", "after")}


def _inspection(sentence: str, offset: int, people: list[Span]) -> HeldEvent | None:
    """X在某地调研/考察/视察…, X听取…汇报: a visit or briefing led by its subject, labelled with where it was."""
    pats = _patterns()
    lex = load()
    briefing = _BRIEFING.search(sentence)
    if briefing:
        leaders = [p for p in people if offset <= p.start and p.end <= offset + briefing.start()
                   and not _is_reference_context(sentence, p.end - offset)]
        if leaders:
            label = f"{leaders[0].name}听取{briefing.group('what')}"
            return HeldEvent(label=label, kind="汇报会", start=offset + briefing.start(), end=offset + briefing.end(),
                             leader=leaders[0], leader_role="听取汇报")
    for verb in pats["inspect"].finditer(sentence):
        after = sentence[verb.end() :]
        if re.match(r"(报告|成果|课题|组|员|团|队|会|活动|文章|工作组|电|信|函|机关|委员会)", after):
            # (纪律检查委员会书记: a body's name, no visit)
            continue
        if re.search(r"(参加|陪同|一同|随同)$", sentence[: verb.start()]):
            continue  # 参加接访: the companions' verb, not the leader's
        if after.startswith("或") or sentence[: verb.start()].endswith("或"):
            continue  # 甲、乙等同志，前往医院看望或通过各种形式…表示哀悼: one way or another, no visit told
        if lex.inspection_verbs[verb.group(0)] == "会见" and sentence[: verb.start()].endswith("在") \
                and re.match(r"[^，。；]*时", after):
            continue  # 解晓岩22号在会见德米斯图拉时强调: an encounter the encounters read, with its guest
        if sentence[: verb.start()].endswith(_inspection_as_noun()["before"]) \
                or after.startswith(_inspection_as_noun()["after"]):
            continue  # 决定根据督查情况…, 督导工作要…: the verb is a noun (inspection_as_noun.txt)
        if re.search(r"关于[^，。；]*$", sentence[: verb.start()]):
            continue  # 作的关于检查…实施情况的报告: the verb names what a document is about
        if re.search(r"(?:表示|致以|转达|表达)[^，。；]{0,6}$", sentence[: verb.start()]):
            continue  # 向中国政府和人民表示诚挚慰问: words of sympathy, no visit
        if re.search(r"就[^，。；]*$", sentence[: verb.start()]) \
                and not sentence[: verb.start()].endswith(("进行", "开展", "深入")):
            continue  # 栗战书就做好执法检查工作…提出要求: the topic of what he said (就…进行调研 is a visit)
        leaders = [p for p in people if offset <= p.start and p.end <= offset + verb.start()]
        leaders = [p for p in leaders if not _is_reference_context(sentence, p.end - offset)
                   and not sentence.startswith(("夫人", "的夫人"), p.end - offset)  # 习近平夫人彭丽媛…参观: she visits
                   and not INVITER.search(sentence, 0, p.end - offset)]  # 应马特维延科的邀请，张德江赴俄罗斯…
        # 刘延东委托…负责同志看望屠呦呦, 受习近平委托，刘云山…看望: who entrusts others does not go
        leaders = [p for p in leaders if "委托" not in sentence[p.end - offset : verb.start()]]
        if not leaders:
            continue
        leader = leaders[0]
        said = sentence[leader.end - offset : verb.start()]
        if any(said.startswith(v) or f"{v}，" in said or f"{v}：" in said for v in lex.speech_verbs) \
                and re.search("[，：]", said):
            continue  # 栗战书强调，执法检查不是一般性的工作检查: the verb is inside what the leader said
        obj = re.split(r"[，。；]", after)[0][:40]
        where = re.search(r"(?:在|到|赴)[^，。；“”]{1,20}$", sentence[leader.end - offset : verb.start()])
        # 参观…图片展并会见…, 在财政部调研并主持召开座谈会: two events
        obj = re.split(r"并(?=主持|召开|出席|参加|会见|" + _patterns()["inspect"].pattern + ")", obj)[0]
        if sentence[: verb.start()].endswith("在"):
            obj = _before_while(obj)  # 西索科在视察加奥时感谢…: the clause of time ends the visit's object
        # 前往天安门广场向人民英雄纪念碑敬献花圈: to whom the wreath is laid names the ceremony
        place = where or re.search(r"向[^，。；“”]{2,30}$", sentence[leader.end - offset : verb.start()])
        label = f"{leader.name}{place.group(0) if place else ''}{verb.group(0)}{obj}"
        return HeldEvent(label=label, kind=lex.inspection_verbs[verb.group(0)], start=offset + verb.start(),
                         end=offset + verb.end() + len(obj), leader=leader,
                         guests=_together_with(sentence, offset, leader, verb.start(), people),
                         leader_relation="attended" if verb.group(0) in tribute_words() else "chaired")
    return None


def _before_while(obj: str) -> str:
    """加奥 of 加奥时感谢…: what comes before 时 where 时 is a word of its own (not 比利时)."""
    pos = 0
    for word in _words(obj):
        if word == "时" and pos:
            return obj[:pos]
        pos += len(word)
    return obj


_TOGETHER = alternation(set(lexicon_lines("together_words.txt")))
_TOGETHER_AT_END = re.compile(f"(?:{_TOGETHER})(?:在[^，。；“”]{{1,12}})?$")
_TOGETHER_AT = re.compile(_TOGETHER)


def _together_with(sentence: str, offset: int, leader: Span, verb_at: int, people: list[Span]) -> list[Span]:
    """习近平和彭丽媛与德索萨共同参观了…: those joined to the visit's leader by 和/与/同 before 共同 go with him."""
    between = sentence[leader.end - offset : verb_at]
    if not _TOGETHER_AT_END.search(between):
        return []
    joined = sorted((p for p in people if leader.end <= p.start and p.end <= offset + verb_at), key=lambda p: p.start)
    gaps, pos = [], leader.end
    for person in joined:
        gaps.append(sentence[pos - offset : person.start - offset])
        pos = person.end
    gaps.append(_TOGETHER_AT_END.sub("", sentence[pos - offset : verb_at]))
    if not joined or any(len(part) > 4 for gap in gaps for part in re.split("[和与同及、]", gap)):
        return []  # (a name no title confirmed, 和彭丽媛与…, may stand among them)
    return joined


_ACTIVITY = re.compile(r"(?:开展|举办|组织开展|参加)([^，。；]{2,30}?活动)(?!的)")  # (参加…活动的专家: who they are)


def _activity(sentence: str, offset: int, people: list[Span]) -> HeldEvent | None:
    """县委书记某某到接待中心开展“领导干部信访接待日”活动: an activity led by its subject."""
    match = _ACTIVITY.search(sentence)
    if not match or _BARRED.search(sentence, 0, match.start()):
        return None  # (对布拉特处以禁止参加一切与足球相关活动八年的处罚: barred from it)
    leaders = [p for p in people if offset <= p.start and p.end <= offset + match.start()
               and not _is_reference_context(sentence, p.end - offset)]
    if not leaders:
        return None
    label = match.group(1)
    return HeldEvent(label=label, kind="活动", start=offset + match.start(), end=offset + match.end(),
                     leader=leaders[0])


_TEMPORAL_CLAUSE_END = re.compile(r"[^，。；]*?(?:之后|以后|以来|后|时)[，,]")


_OTHER_ACT = re.compile("会见|会晤|会谈|出席|参加|访问|看望|慰问")
_WITH_THE_LEADER = re.compile(r"[^，。；]{0,12}?[同与和][^，。；同与和]{0,12}$")


def _joined_to_leader(text: str, leader: Span, span: Span, event: HeldEvent) -> bool:
    """Is ``span`` named after the leader, inside his event, as the one he acts together with (同…某某一起与…)?"""
    return leader.end <= span.start and span.end <= event.end and bool(_TOGETHER_AT.match(text, span.end)) \
        and bool(_WITH_THE_LEADER.fullmatch(text, leader.end, span.start)) \
        and not _OTHER_ACT.search(text, leader.end, span.start)


def _co_hosts(text: str, people: list[Span], event: HeldEvent) -> list[Span]:
    """省委书记甲，省长乙在成都会见…: everyone named before the verb with the leader hosts it too."""
    leader = event.leader
    if leader is None or "分别" in text[leader.end : event.start]:
        return []  # 李克强、俞正声分别会见萨塔: each host has an encounter of his own
    clause_start = max(text.rfind("。", 0, leader.start), text.rfind("；", 0, leader.start)) + 1
    hosts = []
    for span in people:
        if span is not leader and _joined_to_leader(text, leader, span, event):
            hosts.append(span)  # 温家宝同德国总理默克尔一起与两国企业家座谈: the one with him holds it with him
            continue
        if span is leader or not (clause_start <= span.start and span.end <= event.start):
            continue
        between = text[span.end : event.start]
        if re.search(r"由|率领|受|委托", text[clause_start : span.start]) or _is_reference_context(text, span.end):
            continue
        if re.search(r"^[^。；]*?邀请", between) and re.search("应", text[clause_start : span.name_start]):
            continue  # 应土库曼斯坦总统某某邀请，习近平…: who invited is not there
        if re.search(r"[。；]", between) or _TEMPORAL_CLAUSE_END.match(between):
            continue  # (在叙利亚前总理希贾卜被免职后，…召开: a clause of time, its people not hosting)
        if span.start > leader.end and _OTHER_ACT.search(text, leader.end, span.start):
            continue  # 张德江…在莫斯科会见…普京，并与…分别举行会谈: whom the leader met before is no host of this
        if text.startswith(("夫人", "丈夫"), span.end) and "，" not in text[span.end : leader.start]:
            continue  # 国家主席习近平夫人…彭丽媛…会见: the spouse is named by him, he is not there
        hosts.append(span)
    return hosts


