"""Encounters of national news: 会见, 会谈, 会晤, calls and visits, each led by its host and attended by its guests.

- 甲(date)(在某地)(分别)会见(了)乙[、丙]: 甲 leads; each guest attends. 分别会见 gives one event per guest.
- 甲同/与乙(举行)会谈/会晤/通电话: 甲 leads, 乙 attends.
- 在会见乙时，甲表示…: the report of an encounter its lead did not announce.
- 甲抵达某地…访问 / 甲离京…出访: a visit led by 甲.
Messages (致电, 贺信, 回信) are not encounters: nobody attends them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kg.extract.common import (
    COUNT_DIGITS,
    WILL,
    HeldEvent,
    Span,
    in_speech_paragraph,
    inside_reported_speech,
    sentence_start,
)
from kg.extract.common import _patterns as _patterns_common
from kg.extract.dates import TIME_PHRASE, find_date, last_date
from kg.extract.names import ends_a_heading, readings_at
from kg.extract.people import _country_of
from kg.extract.references import _is_reference_context
from kg.lexicon import alternation, lexicon_lines, load
from kg.normalise import CJK

CLAUSE_END = "，。；！？"
# what may stand between a host and the verb: a date or time, a place (在人民大会堂), 分别, 先后, 应约, 亲切
_BETWEEN_HOST_AND_VERB = re.compile(
    rf"^(?:于|{TIME_PHRASE}|在[^，。；“”]{{1,20}}?(?=分别|先后|亲切|同|与|和|应约|应邀|乘|$)|乘专机|分别|先后|亲切|应约|"
    r"(?:前往|来到)[^，。；“”]{1,20}?(?=同|与|和|$)|"  # 习近平前往葡萄牙总统府与葡萄牙总统德索萨举行会谈
    r"在[^，。；“”]{1,40}?期间[，,]?|"  # 在新加坡出席东亚合作领导人系列会议期间，同…会晤
    r"应邀|又|还|也|再次|共同|[（(][^）)]{1,10}[）)])*$")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = load()
    verbs = lex.encounter_verbs
    meet = {v for v, kind in verbs.items() if kind == "会见"}
    talk = {v for v, kind in verbs.items() if kind != "会见"}
    return {
        "meet": re.compile(f"(?P<verb>{alternation(meet)})了?"),
        # (27日和28日同…会晤: 和 between two days joins no partner)
        "talk": re.compile(f"(?P<with>同|与|(?<![日号])和)(?P<guest>[^{CLAUSE_END}]{{1,200}}?)"
                           f"(?P<verb>{alternation(talk)})"),
        # (张德江在会见奥朗德时表示，: the host before 在, the speech verb right after 时; 在会见…后表示 too)
        "recalled": re.compile(f"在(?:(?:{alternation(meet)})(?P<guest>[^{CLAUSE_END}]{{2,30}}?)|(?:同|与)"
                               f"(?P<partner>[^{CLAUSE_END}]{{2,30}}?)(?:举行)?(?:会谈|会晤))[时后]"
                               f"(?:[，,]|(?=表示|指出|强调|说|介绍))"),
    }


def find_encounters(text: str, sentences: list[tuple[int, str]], people: list[Span]) -> list[HeldEvent]:
    """Every 会见, 会谈 and call the article reports, in text order."""
    found: list[HeldEvent] = []
    for offset, sentence in sentences:
        found += _meetings(text, offset, sentence, people)
        found += _talks(text, offset, sentence, people)
    found = _split_by_recollections(text, found)
    recalled = _recalled(text, sentences, people, found)
    # 分别会见建交太平洋岛国领导人。在会见…克里斯琴时，…在会见…普那时，…: the report gives each encounter, so the
    # group's is none of its own
    found = drop_group_encounters(text, found + recalled)
    # 李克强表示，…今年5月，习近平主席会见了访华的总理先生: what a speaker recalls is no encounter of the report
    found = [e for e in found if not inside_reported_speech(text, e.start) and not _recalled_by_month(text, e.start)
             and not in_speech_paragraph(text, e.start) and not _in_heading(text, e.start)]
    return sorted(found, key=lambda e: e.start)


def _in_heading(text: str, pos: int) -> bool:
    """吴邦国会见何厚铧\n20日晚上，吴邦国还会见了…: a heading inside the text names the encounter the paragraph under
    it reports; the paragraph's is the one to keep."""
    line_end = text.find("\n", pos)
    return line_end >= 0 and ends_a_heading(text, line_end)


def drop_group_encounters(text: str, events: list[HeldEvent]) -> list[HeldEvent]:
    """分别会见建交太平洋岛国领导人。在会见…克里斯琴时，…在会见…普那时，…: when the report gives each encounter of a
    leader who met a group 分别, the group's encounter is none of its own."""
    if "分别" not in text:
        return events
    apart = Counter(e.leader.name for e in events if e.leader and e.guests and e.kind == "会见")
    return [e for e in events if e.guests or e.leader is None or e.kind != "会见" or apart[e.leader.name] < 2
            or "分别" not in text[e.leader.end : e.end]]


def _split_by_recollections(text: str, found: list[HeldEvent]) -> list[HeldEvent]:
    """李克强会见…武契奇、…韦约尼斯。在会见武契奇时，…在会见韦约尼斯时，…: when the report goes on guest by guest,
    the guests were met one by one, as 分别会见 says; one encounter per guest."""
    recalled = [m.group("guest") or m.group("partner") for m in _patterns()["recalled"].finditer(text)]
    out: list[HeldEvent] = []
    for event in found:
        apart = [g for g in event.guests if any(g.name in phrase for phrase in recalled)]
        if event.leader is None or len(apart) < 2 or len(apart) < len(event.guests):
            out.append(event)
            continue
        for guest in event.guests:
            out.append(HeldEvent(label=f"{event.leader.name}{event.kind}{guest.name}", kind=event.kind,
                                 start=event.start, end=guest.end, leader=event.leader, guests=[guest],
                                 when=event.when))
    return out


# 今年5月，习近平主席会见了访华的总理先生 / 2015年，两国元首…: a month or a year with no day dates a past encounter
MONTH_OR_YEAR_OPENING = re.compile(r"(?:今年|去年|前年|\d{4}年)(?:\d{1,2}月)?(?![\d初底])(?!\d{1,2}[日号])"
                                   r"|不久前|此前|上个月")


def _recalled_by_month(text: str, pos: int) -> bool:
    """Does the sentence holding ``pos`` open with a month or a year and no day (今年5月，…)?"""
    return MONTH_OR_YEAR_OPENING.match(text, sentence_start(text, pos), pos) is not None


# 会见国王某某的代表, 会见了杨静仁同志亲属: someone else stands for the one named, who is not there
_REPRESENTED = re.compile(r"(?:国王|主席|总统)?的(?:代表|特使)|"
                          rf"(?:同志)?的?(?:{alternation(set(lexicon_lines('relatives.txt')))})")


def _host_before(text: str, people: list[Span], sentence_start: int, verb_start: int) -> Span | None:
    """The person who meets: named before the verb in the same sentence, with only a date, a place or an adverb
    between them (中共中央总书记、国家主席习近平5日在人民大会堂会见…), or the traveller whose trip the sentence
    tells clause by clause (张德江18日至20日赴俄罗斯出席…会议，在莫斯科会见…)."""
    before = sorted((s for s in people if sentence_start <= s.start < s.end <= verb_start
                     and not (text[s.start - 1 : s.start] == "在" and s.end == verb_start)), key=lambda s: -s.end)
    # (在努尔苏丹会见…: a reading between 在 and the verb is where the host met, not who)
    for span in before:
        if text.endswith(("代表", "受", "委托"), 0, span.start):
            return None  # 代表普密蓬国王会见李总理: whom the host represents is not the host
        between = re.sub(r"(\d)号$", r"\1日", text[span.end : verb_start])  # (阿萨德19号与…: the day, spoken)
        if _BETWEEN_HOST_AND_VERB.match(between) and not _is_reference_context(text, span.end):
            return _spouse_of(text, before, span) or span
        # (…访问，分别会见了A、B和C，并与D进行了会谈: the traveller, past those he met)
        return next((s for s in before if _leads_trip(text, s, sentence_start, verb_start)), None) \
            or _subject_meets(text, people, sentence_start, verb_start)
    return None


_WITH_SPOUSE = re.compile(r"(?:和|与|及|偕)夫人$")


def _spouse_of(text: str, before: list[Span], span: Span) -> Span | None:
    """习近平和夫人彭丽媛抵达…: the one travelling with his spouse leads, not the spouse named last."""
    spouse = _WITH_SPOUSE.search(text, max(0, span.name_start - 3), span.name_start)  # (夫人 may be the span's title)
    return next((s for s in before if s.end == spouse.start()), None) if spouse else None


def _leads_trip(text: str, span: Span, sentence_start: int, verb_start: int) -> bool:
    """张德江…赴俄罗斯出席…会议，在莫斯科会见…: the clauses between ``span`` and the verb tell his trip."""
    return _TRIP_BEFORE_VERB.match(text, span.end, verb_start) is not None \
        and not _is_reference_context(text, span.end) and not INVITER.search(text, sentence_start, span.start)


def _subject_meets(text: str, people: list[Span], sentence_start: int, verb_start: int) -> Span | None:
    """俞正声出席座谈会，并在会前会见了丁光训主教亲属: the sentence's subject, whose own clause comes first, meets after
    并 (never a person named inside that clause, 出席丁启明主持的座谈会; nor 并同他们座谈, the talk with those just met;
    nor what 将 announces)."""
    subject = _subject_of(text, sentence_start, people)
    if subject is None or subject.end > verb_start:
        return None
    between = text[subject.end : verb_start]
    if _CLAUSE_THEN_AND.match(between) and not _PLANNED_SINCE.search(between) \
            and not any(group in text[verb_start : verb_start + 4] for group in _PRONOUN_GROUPS) \
            and not _is_reference_context(text, subject.end):
        return subject
    return None


# a clause of the host's own, then 并 and the encounter (出席座谈会，并在会前会见…)
_CLAUSE_THEN_AND = re.compile(r"^[^，。；“”、]{2,40}[，,]并(?:在[^，。；“”]{1,12}?)?$")


# 应俄罗斯联邦委员会主席马特维延科和国家杜马主席沃洛金的邀请，: who invites is not who travels
INVITER = re.compile(r"(?:^|[，。；])应[^，。；]{1,40}$")

# the lead of a trip that goes on to an encounter: 张德江…赴俄罗斯出席…会议，在莫斯科会见…
TRIP_LEAD = re.compile(r"(?:赴|前往|抵达)[^，。；“”]{2,40}?(?:出席|访问|参加)"
                       r"|对[^，。；“”]{2,30}?进行[^，。；“”]{0,4}访问"
                       # (王岐山10月25日至27日访问埃及，在开罗分别会见了…: the visit, then whom he met there)
                       # (访问期间，习近平同金正恩举行会谈: the time of a visit told before, no trip of this sentence)
                       r"|(?<![来华在])访问(?!期间|时|后|前|结束|中)[^，。；“”的]{2,20}[，,]")

# 赴俄罗斯出席…第三次会议，在莫斯科会见…，并与…举行会谈 (对波兰进行…访问，在华沙分别会见…，与…分别举行会谈): the
# clauses of one trip, each opened by a travel verb, share
# the traveller named before the first
_TRIP_BEFORE_VERB = re.compile(
    rf"(?:{TIME_PHRASE})*(?:乘专机)?(?:赴|前往|抵达|到达|到访|访问|对(?=[^，。；“”]{{2,30}}进行[^，。；“”]{{0,4}}访问))"
    r"[^，。；“”]{2,40}[，、]"
    r"(?:(?:并|还|随后)?(?:在[^，。；“”]{1,20}?)?(?:访问|出席|参加|(?:分别|先后)?会见了?)[^，。；“”]{2,40}[，、])*"
    r"(?:并|还|随后)?"
    r"(?:在[^，。；“”]{1,20}?)?(?:分别|先后|同|与|和|并|还)*$")


def _listed_hosts(text: str, people: list[Span], sentence_start: int, host: Span) -> list[Span]:
    """国务院总理李克强、全国政协主席俞正声…分别会见: the hosts listed before the last one, in text order."""
    by_end = {s.end: s for s in people}
    hosts, pos = [host], host.start
    while pos - 1 > sentence_start and text[pos - 1] in "、和" and pos - 1 in by_end:
        hosts.insert(0, by_end[pos - 1])
        pos = hosts[0].start
    return hosts


_PARTNER_GAP = re.compile(rf"(?:{TIME_PHRASE})*(?:在[^，。；、“”]{{1,16}})?[和与同]$")


def _partner_before(text: str, people: list[Span], sentence_start: int, host: Span) -> Span | None:
    """The person who opens a joint encounter past its time and place (习近平在巴拿马城和巴拿马总统巴雷拉共同会见)."""
    gap = _PARTNER_GAP.search(text, max(sentence_start, host.start - 40), host.start)
    if gap is None:
        return None
    return next((p for p in people if p.end == gap.start() and p.start >= sentence_start), None)


def _names_only_after(text: str, end: int, people: list[Span]) -> int:
    """分别会见泰国总理巴育，越南总理阮春福，…和英国首相特别代表、财政大臣哈蒙德: the guests a 分别 list goes on
    to name after commas, each clause holding titled names and nothing else, up to the sentence's end (…，国务委员
    邝志远参加会见: a clause with more than names ends no list of guests; those before it were the hosts' people)."""
    first_end = end
    title = _patterns_common()["title"]
    while end < len(text) and text[end] in "，,":
        after = _clause_end(text, end + 1)
        inside = sorted((p for p in people if end < p.start and p.end <= after), key=lambda p: p.start)
        rest, pos = [], end + 1
        for person in inside:
            # (和中间党主席西比莱: a short run before a titled name is the body its title left unread)
            gap = text[pos : person.start]
            titled = person.name_start > person.start
            rest.append("" if titled and len(gap.strip("和与及、")) <= 4 and _CJK_RUN.fullmatch(gap) else gap)
            pos = person.end
        rest.append(text[pos:after])
        if not inside or any(gap.strip("和与及、") and not (len(gap) <= 20 and title.search(gap)) for gap in rest):
            return first_end  # (英国首相特别代表、财政大臣哈蒙德: the titles a name's span left unread are no gap)
        end = after
    return end


_CJK_RUN = re.compile(f"[{CJK}、]*")


def _clause_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(ch, pos) for ch in CLAUSE_END) if i >= 0]
    return min(ends) if ends else len(text)


# the future right before an encounter's verb: 将会见, 奥巴马将在加州…会晤, 即将于…会谈
_WILL = re.compile(r"(?:将|即将)(?:于|在)?[^，。；、]{0,20}$")
# 将 after the host, anywhere in the sentence before the verb (习近平主席将应邀出席…，并同…举行双边会见): all planned
_PLANNED_SINCE = re.compile(WILL)


def _meetings(text: str, offset: int, sentence: str, people: list[Span]) -> list[HeldEvent]:
    """甲会见乙 / 甲分别会见乙和丙."""
    out: list[HeldEvent] = []
    for verb in _patterns()["meet"].finditer(sentence):
        start = offset + verb.start()
        if sentence[: verb.start()].endswith(("参加", "出席", "在", "陪同", "的")) or \
                sentence.startswith("时", verb.end()) or _WILL.search(sentence, 0, verb.start()):
            continue  # 参加会见 is a role; 在会见…时 recalls an encounter (see _recalled); 将会见: not yet
        host = _host_before(text, people, offset, start)
        if host is None or sentence.startswith(("记者", "中外记者"), verb.end()) \
                or _PLANNED_SINCE.search(text, host.end, start):
            continue  # 共同会见记者: a press conference, no one is received (将应邀出席…，并同…举行双边会见: planned)
        end = _clause_end(text, offset + verb.end())
        if "分别" in text[host.end : start]:
            end = _names_only_after(text, end, people)
        guests = [s for s in people if offset + verb.end() <= s.start and s.end <= end and s is not host
                  and not _REPRESENTED.match(text, s.end)]  # 会见国王某某的代表某某: the king is not there
        obj = text[offset + verb.end() : end]
        if not guests and any(s.name == obj for s in people):  # 分别会见了回良玉: a guest the report named before
            guests = [Span(name=obj, start=offset + verb.end(), name_start=offset + verb.end(), end=end)]
        when = last_date(text[offset:start])
        kind = load().encounter_verbs[verb.group("verb")]
        hosts = _listed_hosts(text, people, offset, host)
        if len(hosts) == 1 and "共同" in text[host.end : start]:
            first = _partner_before(text, people, offset, host)  # 习近平在巴拿马城和巴拿马总统巴雷拉共同会见
            hosts = [first, host] if first else hosts
        if len(hosts) > 1 and "共同" in text[host.end : start]:
            # 习近平和芬兰总统尼尼斯托在赫尔辛基共同会见…: the first named hosts, the other receives with him
            host, guests = hosts[0], [*hosts[1:], *guests]
            hosts = [host]
        if len(hosts) > 1 and "分别" in text[host.end : start] and obj:
            for each in hosts:  # 李克强、俞正声10日分别会见了萨塔: each host meets the guest on his own
                out.append(HeldEvent(label=f"{each.name}{kind}{_trim_object(obj)}", kind=kind, start=start,
                                     end=end, leader=each, guests=guests, when=when))
        elif guests and ("分别" in text[host.end : start]
                         or _leaders_of_several_states(guests, sentence[: verb.start()])):
            # 30日、31日在纽约分别会见了潘基文和出席…大会的洛赫拉、多加拉: two days, two groups, in that order
            days = re.search(r"(\d{1,2})日[、和](\d{1,2})日", text[offset:start])
            split = text.find("和", offset + verb.end(), end) if days else -1
            for guest in guests:
                who = text[max(offset + verb.end(), guest.start) : guest.end]
                day = (f"{days[1]}日" if guest.start < split else f"{days[2]}日") if split >= 0 else when
                out.append(HeldEvent(label=f"{host.name}{kind}{who}", kind=kind, start=start, end=guest.end,
                                     leader=host, guests=[guest], when=day))
        elif obj:  # (接见了…机构负责人: the verb as written names the encounter)
            label = f"{host.name}{verb.group('verb')}{_trim_object(obj)}"
            out.append(HeldEvent(label=label, kind=kind, start=start, end=end, leader=host, guests=guests, when=when))
    return out


def _leaders_of_several_states(guests: list[Span], before: str) -> bool:
    """会见了乌克兰总统波罗申科、奥地利总理库尔茨…: leaders of different states met in one sentence were met one by one
    (a 集体会见 is one meeting)."""
    if len(guests) < 2 or re.search("集体|共同|一起", before):
        return False
    lex = load()
    states = [next((c for post in g.posts if (c := _country_of(post.body, lex))), None) for g in guests]
    return None not in states and len(set(states)) == len(states)


def _trim_object(obj: str) -> str:
    """来华进行国事访问的安哥拉总统多斯桑托斯: keep the object whole but short enough to read as a label (without
    what was said meanwhile: 会见中国代表团成员时表示 names the encounter up to 时)."""
    return _SAID_WHILE.sub("", obj)[:40]


_SAID_WHILE = re.compile(r"(?:时|后)(?:表示|指出|强调|说|称|透露|介绍)$")


def _talks(text: str, offset: int, sentence: str, people: list[Span]) -> list[HeldEvent]:
    """甲同乙举行会谈 / 甲与乙通电话 / 甲同乙举行视频会晤."""
    out: list[HeldEvent] = []
    for match in _patterns()["talk"].finditer(sentence):
        start = offset + match.start()
        if sentence[: match.start()].endswith(("参加", "出席")) or "《" in match.group("guest"):
            continue  # (同梅德韦杰夫签署了《…定期会晤联合公报》: the verb is inside a document's title)
        guest_from, guest_to = offset + match.start("guest"), offset + match.end("guest")
        guests = [s for s in people if guest_from <= s.start and s.end <= guest_to]
        if not guests:
            # 文在寅与金正恩举行会晤: a partner named bare, right between 与 and the verb (or 举行)
            bare = text[guest_from:guest_to].removesuffix("举行")
            # (同英拉举行会谈: a reading not shaped like a name still fills the partner's slot, if it holds a
            # transliteration character and is no dictionary word)
            lex = load()
            spelt = any(ch in lex.transliteration for ch in bare) and bare not in lex.common_words
            readings = [r for r in readings_at(text, guest_from, foreign=True)
                        if r.name == bare and (r.shaped or spelt)]
            if readings:
                guests = [Span(name=bare, start=guest_from, name_start=guest_from, end=guest_from + len(bare))]
            elif not _DELEGATION.search(bare):
                continue  # (与到访叙利亚的伊朗代表团举行会谈: talks with a delegation are held, no one named)
            else:  # …伊朗官方代表团团长哈拉齐重申…: the delegation's head, named later in the paragraph, is the guest
                paragraph_end = text.find("\n", guest_to) % (len(text) + 1)
                guests = [s for s in people if guest_to < s.start < paragraph_end
                          and any(post.title.endswith("团长") for post in s.posts)][:1]
        host = _host_before(text, people, offset, start)
        if host is None or _WILL.search(match.group("guest")) or _PLANNED_SINCE.search(text, host.end, start) \
                or _INTENDED.search(match.group("guest")):
            continue  # (同美国总统奥巴马将在加州…会晤: announced, not held; 同马克龙同意…早日会面: hoped for)
        if (_NAMED_TALK.match(sentence, match.end()) and not _SAID_DURING.match(sentence, match.end())) \
                or sentence[: match.start()].endswith("我") or _TIMES.search(match.group("guest")):
            continue  # 落实我同奥巴马总统安纳伯格庄园会晤达成的共识: a past talk named, not reported (同纳扎尔巴耶夫
            # 总统多次会晤: talks counted, none reported)
        verb = match.group("verb")
        kind = load().encounter_verbs[verb]
        guest = re.sub(f"(?:{TIME_PHRASE})+$", "", match.group("guest"))  # 文在寅26日举行会晤: the day is no guest
        named = "、".join(g.name for g in guests)
        if len(guest) > 30 and "等" in guest:  # 同斐济总理甲、…、纽埃总理乙等太平洋岛国领导人: names the group
            guest = guest[guest.rfind("等") + 1 :]
        elif len(guest) > 30:  # 同前来出席…纪念活动的老挝…国家主席朱马里: the guests by name (共同主持…: as written)
            guest = guest[:30] if "共同" in guest or len(named) > 30 else named
        label = re.sub("(?:举行|进行)了?", "", f"{host.name}同{guest}{verb}")
        jointly = re.search("共同(?:主持|出席)", guest)
        if jointly and len(guest) - jointly.end() >= 2:
            # 同甲、乙共同主持第十七次…会晤: the meeting's own name
            label = match.group(0)[len(match.group("with")) + jointly.end() :].removeprefix("了")
        named = _NAMED_IN_HOLDING.search(match.group("guest"))
        if named:  # 同普京、巴特图勒嘎在青岛举行中俄蒙三国元首第四次会晤: the meeting's own name
            label = named.group(1) + verb.removeprefix("举行")
        when = last_date(text[offset : offset + match.end()])
        if len(guests) > 1 and "分别" in text[host.end : offset + match.end("guest")]:
            for each in guests:  # 分别与伊拉克总理阿巴迪和外长贾法里进行了会谈: one talk with each
                out.append(HeldEvent(label=f"{host.name}同{each.name}{verb.removeprefix('举行')}", kind=kind,
                                     start=start, end=each.end, leader=host, guests=[each], when=when))
            continue
        out.append(HeldEvent(label=label, kind=kind, start=start, end=offset + match.end(), leader=host,
                             guests=guests, when=when))
    return out


_DELEGATION = re.compile(r"(?:代表团|访问团|参访团|考察团)$")
_INTENDED = re.compile(rf"(?:{alternation(set(lexicon_lines('intent_words.txt')))})[^，。；]{{0,12}}$")
# 举行中俄蒙三国元首第四次(会晤): a talk held under a name that counts it
# (举行今年第三次会晤, 5年来第八次会晤: a count of the year's talks, no name)
_NAMED_IN_HOLDING = re.compile(f"举行了?(?!的)([^{CLAUSE_END}举年]{{2,20}}第[{COUNT_DIGITS}]+(?:次|届))$")
_TIMES = re.compile(f"(?<!举行)(?<![第{COUNT_DIGITS}])[{COUNT_DIGITS}]+次(?:成功)?$")  # (举行两次会谈: held)
# 拉夫罗夫当天与蒂勒森通电话时表示: what the host said during the call the sentence reports
_ONLY_TIME = re.compile(f"(?:{TIME_PHRASE}|[0-9]{{1,2}}号(?:[上下]午|晚)?)*")
_SAID_DURING = re.compile(r"时[，,]?(?:表示|指出|强调|说)")
# after a talk's verb, what makes it a noun (会晤达成的共识, 会谈成果, 会晤时): a talk named, not one reported
_NAMED_TALK = re.compile(r"(?:达成|的|时|期间|以来|成果|共识|精神)")


def _recalled(text: str, sentences: list[tuple[int, str]], people: list[Span],
              known: list[HeldEvent]) -> list[HeldEvent]:
    """在会见齐普拉斯时，李克强表示…: an encounter the lead never announced (or announced without the guest's name).
    The guest sits between 会见 and 时 exactly, so a bare foreign name is read there."""
    met = {g.name for e in known for g in e.guests}
    out: list[HeldEvent] = []
    for offset, sentence in sentences:
        for match in _patterns()["recalled"].finditer(sentence):
            which = "guest" if match.group("guest") else "partner"
            kind = "会见" if which == "guest" else "会谈"
            phrase = match.group(which)
            guest_at = offset + match.start(which)
            guests = [s for s in people if guest_at <= s.start and s.end <= offset + match.end(which)]
            if not guests:
                # 在会见库克群岛总理普那时: the guest may stand after a title, read from there to 时
                titles = list(_patterns_common()["title"].finditer(phrase))
                at = guest_at + (titles[-1].end() if titles else 0)
                readings = [r for r in readings_at(text, at, foreign=True) if r.shaped or titles]
                name = next((r.name for r in readings if at + len(r.name) == offset + match.end(which)), None)
                rest = text[at : offset + match.end(which)]
                spelt = any(ch in load().transliteration for ch in rest) and rest not in load().common_words
                if name is None and titles and 2 <= len(rest) <= 8 and spelt:
                    name = rest  # 总理普那时: 时 closes the clause, so nothing closes the name but the title's slot
                if name is None:
                    continue
                guests = [Span(name=name, start=at, name_start=at, end=at + len(name))]
            if any(g.name in met for g in guests):
                continue
            after = offset + match.end()
            guest_names = {g.name for g in guests}
            host = next((s for s in sorted(people, key=lambda s: s.start) if s.start >= after
                         and not re.search(f"[{CLAUSE_END}]", text[after : s.start])), None)
            # (解晓岩22号在会见德米斯图拉时强调: a day between the host and 在)
            before = next((s for s in people if s.end <= offset + match.start() and s.name not in guest_names
                           and _ONLY_TIME.fullmatch(text, s.end, offset + match.start())), None)
            if before is not None and not text.startswith(("，", ","), offset + match.end() - 1):
                host = before  # 张德江在会见奥朗德时表示: the host named before 在
            if host is None or host.name in guest_names:
                # 在会见贝尔津什时，李克强转达了…对贝尔津什总统的问候: the host opens the clause, named bare
                named = next((s.name for s in people if text.startswith(s.name, after) and s.name not in guest_names),
                             None)
                host = Span(name=named, start=after, name_start=after, end=after + len(named)) if named else None
            if host is None:
                continue
            met |= guest_names
            label = f"{host.name}会见{phrase}" if kind == "会见" else f"{host.name}同{phrase}会谈"
            out.append(HeldEvent(label=label, kind=kind, start=offset + match.start(), end=offset + match.end(),
                                 leader=host, guests=guests,
                                 when=last_date(text[offset : offset + match.start()].replace("号", "日"))))
        for talk in _GROUP_TALK.finditer(sentence):
            # 在与青海省藏传佛教界人士座谈时，班禅…: a discussion with a group, led by who is named next (在同大家座谈
            # 时: the people visited; the talk is part of the visit)
            if talk.group(1).startswith(_PRONOUN_GROUPS):
                continue
            after = offset + talk.end()
            host = next((s for s in sorted(people, key=lambda s: s.start) if s.start >= after
                         and not re.search(f"[{CLAUSE_END}]", text[after : s.start])), None)
            if host is None:  # 班禅 for 班禅额尔德尼·确吉杰布: a joined name met again by its first two characters
                host = next((s for s in people if "·" in s.name and text.startswith(s.name[:2], after)), None)
            if host is not None:
                out.append(HeldEvent(label=f"{host.name}同{talk.group(1)}座谈", kind="座谈会",
                                     start=offset + talk.start(), end=after, leader=host))
        for talk in _DISCUSSION_WITH.finditer(sentence) if offset == sentences[0][0] and "座谈" in sentence else ():
            # 栗战书25日与列席…会议的全国人大代表座谈时强调: the discussion a lead reports, held with a group (one
            # told later, on a visit, is part of the visit)
            host = _host_before(text, people, offset, offset + talk.start())
            if host is None and _AND_THEN.search(sentence, 0, talk.start()) \
                    and not talk.group(1).startswith(_PRONOUN_GROUPS):
                # (看望…，并同他们座谈: the people visited; the talk is part of the visit)
                host = _subject_of(text, offset, people)  # 李克强…乘坐…渡轮，并在船上同…代表座谈: the lead's subject
            if host is not None and not sentence[: talk.start()].endswith("在"):
                out.append(HeldEvent(label=f"{host.name}同{talk.group(1)}座谈", kind="座谈会",
                                     start=offset + talk.start(), end=offset + talk.end(), leader=host))
    return out


# the people a visit met, as a discussion's partners (同他们座谈, 同大家座谈): no discussion of its own
_PRONOUN_GROUPS = ("他们", "她们", "大家", "大伙")

# the clause after the lead's first one, which it shares a subject with (…，并在船上同…座谈)
_AND_THEN = re.compile(r"[，,]并(?:在[^，。；“”]{1,12})?$")


# (此外， 5日委内瑞拉外长…: a connective, then the day)
_SUBJECT_OPENING = re.compile(rf"(?:(?:此外|另外|同时|与此同时)[，,]\s*)?(?:{TIME_PHRASE})*[，,]?")


def _subject_of(text: str, offset: int, people: list[Span]) -> Span | None:
    """The person a sentence opens with, after its time and place (当地时间20日上午，李克强在…)."""
    first = min((p for p in people if p.start >= offset), key=lambda p: p.start, default=None)
    if first is None or not _SUBJECT_OPENING.fullmatch(text, offset, first.start):
        return None
    return first


_GROUP_TALK = re.compile(r"在(?:与|同)([^，。；、]{2,30}?)座谈(?:交流)?时[，,]")
_DISCUSSION_WITH = re.compile(r"(?:与|同)([^，。；、]{2,40}?)座谈(?!会)")


# 习近平乘专机抵达…, 习近平和夫人彭丽媛乘坐的专机刚刚抵达…: the traveller is named before the plane
_VISIT = re.compile(r"(?:乘专机|(?:和夫人[^，。；、]{2,4})?乘坐的专机|刚刚)*(?:抵达|到达)"
                    r"(?P<place>[^，。；、]{2,16}?)(?:[，。；]|时|开始|出席|进行|对|$)")
# 这里是阿姆斯特丹史基浦机场…习近平抵达这里: a reporter on the spot names the place before; the headline names it too
_HERE = ("这里", "此间", "当地")
_HEADLINE_ARRIVAL = re.compile(r"抵达(?P<place>[^，。；、 ]{2,16}?)(?:开始|开启|出席|并|进行|对|[，。；、 ]|$)")
DEPARTURE = re.compile(r"(?:乘专机)?离开北京|离京")  # a leader leaves for a trip


_ENDED_VISIT = re.compile(r"结束对(?P<place>[^，。；]{2,30}?)(?P<kind>国事访问|正式访问|工作访问|访问)")
_BACK_HOME = re.compile(r"回到北京|返回北京|抵京|回国")


def _return_from_visit(text: str, offset: int, sentence: str, people: list[Span]) -> HeldEvent | None:
    """在结束对俄罗斯联邦国事访问…后，国家主席习近平回到北京: the visit is reported as it ends, led by the one who
    comes home (the companions who 同机抵达 attend it)."""
    ended, home = _ENDED_VISIT.search(sentence), _BACK_HOME.search(sentence)
    if not ended or not home:
        return None
    host = _host_before(text, people, offset, offset + home.start())
    if host is None:
        return None
    return HeldEvent(label=f"{host.name}对{ended.group('place')}{ended.group('kind')}", kind="访问",
                     start=offset + ended.start(), end=offset + home.end(), leader=host)


@lru_cache(maxsize=1)
def _visited() -> re.Pattern[str]:
    """访问瑞士, 出访美国, 赴俄罗斯出席…: a country (countries.txt) right after the verb."""
    countries = alternation(load().countries)
    return re.compile(f"(?:(?:访问|出访)(?P<place>{countries})(?=[，。；、并和及]|$)"
                      f"|赴(?P<bound>{countries})(?=出席|参加|访问|进行|[，。；、并]))")


def _country_visited(text: str, offset: int, sentence: str, people: list[Span]) -> HeldEvent | None:
    """国家副主席王岐山1月21日至24日访问瑞士、出席…: a visit led by who travels, named by the country."""
    visit = _visited().search(sentence)
    if visit is None:
        return None
    host = _host_before(text, people, offset, offset + visit.start())
    if host is None:
        return None
    return HeldEvent(label=f"{host.name}{'访问' if visit.group('place') else '赴'}"
                           f"{visit.group('place') or visit.group('bound')}", kind="访问", start=offset + visit.start(),
                     end=offset + visit.end(), leader=host, when=find_date(text[offset : offset + visit.start()]))


_VISIT_PURPOSE = re.compile("访问|出访|出席|会晤|峰会|会议")
_STATE_VISIT = re.compile(r"对(?P<place>[^，。；对]{2,30}?)进行了?"
                          r"(?P<kind>国事访问|正式友好访问|正式访问|工作访问|友好访问|访问)")


def _state_visit(text: str, offset: int, sentence: str, people: list[Span]) -> HeldEvent | None:
    """张德江19日至22日对以色列进行正式友好访问: the visit by its country, led by who makes it."""
    state = _STATE_VISIT.search(sentence)
    if state is None or _WILL.search(sentence, 0, state.start()) or "欢迎" in sentence[: state.start()] \
            or state.group("place") in ("我国", "中国"):
        return None  # (举行仪式，欢迎巴雷拉对我国进行国事访问: the welcome is the event reported)
    host = _host_before(text, people, offset, offset + state.start())
    if host is None or not find_date(text[host.end : offset + state.start()]):
        return None  # (习近平对古巴进行国事访问。…举行欢迎仪式: with no day of its own, the visit is background)
    return HeldEvent(label=f"{host.name}对{state.group('place')}进行{state.group('kind')}", kind="访问",
                     start=offset + state.start(), end=offset + state.end(), leader=host,
                     when=find_date(text[offset : offset + state.start()]))


_UNDER_WAY = re.compile(r"正在[^，。；]{0,20}(?:访问|访华)")  # 正在南非进行国事访问的习近平抵达…: a step of a visit


@lru_cache(maxsize=1)
def _buildings() -> tuple[str, ...]:
    return tuple(lexicon_lines("buildings.txt"))


def find_visit(text: str, offset: int, sentence: str, people: list[Span], context: str = "",
               headline: str | None = None) -> HeldEvent | None:
    """国家主席习近平4日乘专机抵达加利福尼亚…进行国事访问 / 习近平3日离京…访问: a visit led by the traveller.
    ``context``: the sentences after it, which often say what the arrival is for (他是应邀出席…峰会的)."""
    if not _VISIT_PURPOSE.search(sentence) and (
            ("抵达" not in sentence and "到达" not in sentence) or not _VISIT.search(sentence)
            or not _VISIT_PURPOSE.search(f"{context}{headline or ''}")):
        return None  # (习近平乘坐的专机抵达这里。他是应邀出席…峰会的: the purpose may come after)
    arrival = _VISIT.search(sentence)
    departure = None if arrival else DEPARTURE.search(sentence)
    verb = arrival or departure
    if verb is None:
        return _country_visited(text, offset, sentence, people) or _return_from_visit(text, offset, sentence, people) \
            or _state_visit(text, offset, sentence, people)
    host = _host_before(text, people, offset, offset + verb.start())
    if host is None:
        return None
    place = arrival.group("place") if arrival else ""
    if place.endswith(_buildings()) or _UNDER_WAY.search(sentence, 0, verb.start()):
        return None  # 习近平抵达克里姆林宫。随后，…出席欢迎仪式: a step of the visit, the ceremony is the event
    named = _HEADLINE_ARRIVAL.search(headline or "")
    if place in _HERE and named:
        place = named.group("place")
    # 离开北京，前往俄罗斯索契出席…开幕式: where he goes names the trip
    going = re.search(r"(?:前往|赴)([^，。；]{2,40}?)(?=[，。；]|$|同|与|出席|参加|共同|进行|访问|并)",
                      sentence[verb.end() :]) if departure else None  # (赴布鲁塞尔欧盟总部同…: the place, not the plan)
    label = f"{host.name}抵达{place}访问" if arrival else f"{host.name}离京前往{going.group(1)}" if going \
        else f"{host.name}离京出访"
    state = _STATE_VISIT.search(sentence, verb.end()) or _STATE_VISIT.search(context) \
        or _STATE_VISIT.search(headline or "")
    if departure and state:  # 离开北京，应…邀请，对哈萨克斯坦共和国进行国事访问: the visit by its country
        label = f"{host.name}对{state.group('place')}进行{state.group('kind')}"
    elif state:  # 抵达布达佩斯，…并对匈牙利进行正式访问: where he landed and the country he visits
        label = f"{host.name}抵达{place}对{state.group('place')}进行{state.group('kind')}"
    return HeldEvent(label=label, kind="访问", start=offset + verb.start(), end=offset + verb.end(), leader=host,
                     when=find_date(text[offset : offset + verb.start()]))
