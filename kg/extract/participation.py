"""Participation: who chaired and who attended, from role-verb clauses and lists."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.common import (
    COUNT_DIGITS,
    VERB_AS_NOUN,
    HeldEvent,
    Span,
    _is_cjk_or_bracket,
    _patterns,
    _speech_mark,
    _words,
    before_fillers,
    in_speech_paragraph,
    inside_reported_speech,
    sentence_start,
)
from kg.extract.dates import TIME_PHRASE
from kg.extract.names import _bare_name_ending_at
from kg.extract.people import MEMBER_TITLES, MEMBERS_LISTED, _country_start, speaker_lists
from kg.extract.references import _is_reference_context
from kg.extract.titles import left_boundaries
from kg.lexicon import Lexicon, alternation, lexicon_lines, load
from kg.normalise import CJK

_TOWARDS = re.compile(r"向[^，。；、]{0,12}$")  # 向红军烈士|纪念塔: the run stands inside the object of 向
_ADVERBIAL_GAP = re.compile(r"(?:结合|围绕|就|代表|针对|根据|按照|先后|从|向|以(?!及)|在|共同为|为|与|作为)"
                            r"(?:[^，。；、“”\n]|“[^“”\n]{1,20}”){1,16}$|"
                            rf"(?:{TIME_PHRASE})(?:在[^，。；、“”]{{1,16}})?$")
# 劳尔·卡斯特罗4号在哈瓦那举行的第七届加勒比国家联盟首脑会议发表讲话: the day, where, 举行的 and the meeting (上)
_HELD_THERE_GAP = re.compile(rf"(?:{TIME_PHRASE})?在[^，。；、“”\n]{{1,16}}?(?:举行|召开|举办)的"
                             r"[^，。；、“”\n]{2,40}$")

# ---------------------------------------------------------------- participation

# roles that place the speaker at the meeting the report tells (named by its bare noun: 在论坛上表示)
SPEAKING_AT_THE_MEETING = ("在会上", "在座谈会上", "在会议上", "在大会上", "在论坛上", "在峰会上", "在开幕式上")


# 今年7月习近平主席…同穆罕默德王储共同宣布: a sentence that opens with a past month and no day recalls, and who
# is named in it took part in nothing reported. Narrower than encounters.MONTH_OR_YEAR_OPENING, which dates an
# encounter: here a year alone opens event names (2014年亚太经合组织工商领导人峰会9日…举行), so it needs a comma.
_RECALLED = re.compile(r"(?:今年|去年|前年|\d{4}年)(?:\d{1,2}月(?![\d初底])(?!\d{1,2}[日号])|[，,])"
                       r"|不久前|前不久|此前|上个月")
# 出席会议的还有A、B / 出席欢迎仪式的有马飚等 / 同时被推选为主席团常务主席的还有A、B: the list follows the verb
# (参加活动的有关部门负责人: 有关 is no 有)
_ALSO_LISTED = re.compile(r"(出席|参加|列席|陪同|同机抵达|推选为|当选为)[^。；，的]{0,16}?的"
                          r"(?:[^，。；：]{0,6}?)(?:还有|有(?![关效力序所]))[：:]?([^。；]{2,200})")
# 出席会议的(卢森堡首相贝泰尔): the participle names someone there (参加过长征的: a past; 出席会议的全体代表: no
# one named)
_INTRODUCED_ATTENDING = re.compile(r"(?:^|[，。；：\n])[^，。；：\n]{0,4}?(出席|参加|列席)"
                                   r"(?:[^，。；、的过“”]{0,12}?(?:会议|大会|会|论坛|仪式|典礼|活动|峰会))?的$")
# 还将, 将同: what will happen; 离开北京，赴布鲁塞尔…同…共同主持: what a departing leader goes to do (the clause
# of 赴/前往 only: 离开北京，前往莫斯科…，丁启明等陪同出访 names who goes with him)
_ELECTED = re.compile("当选(?:为)?")
_YEAR = re.compile(r"\d{4}年")  # 1994年，曼德拉当选…: a past election
# 习近平主席当选后, 向光荣当选的道德模范: the election as a time or an epithet, not an event reported here
_NOT_ELECTED_HERE = re.compile(r"[^，。；“”]{0,16}?(?:后|以来|之际)|的")


def _elected_here(text: str, by_end: dict[int, Span]) -> list[tuple[str, bool, str, str, int]]:
    """王晨当选中国法学会会长 in the report of the congress: a person the article read, elected there, is present
    (a bare run before 当选 is no name to read: 印尼新当选, 他否认俄罗斯政府当选)."""
    out = []
    for match in _ELECTED.finditer(text):
        person = by_end.get(match.start())
        if person is None or _NOT_ELECTED_HERE.match(text, match.end()) or text.endswith("新", 0, match.start()) \
                or inside_reported_speech(text, match.start()) or in_speech_paragraph(text, match.start()) \
                or _YEAR.search(text, sentence_start(text, match.start()), match.start()):
            continue  # (发言人说，…曼德拉当选南非总统: an election a speaker recalls)
        out.append((person.name, False, "attended", match.group(0), match.start()))
    return out


# 国务院今天召开第二次廉政工作会议，…李克强发表重要讲话: the speech counts where its sentence holds the meeting
_SPEECH_WHERE_HELD = ("发表重要讲话",)
_HELD_BEFORE = re.compile("召开|举行")
_PLANNED = re.compile(r"还将|即将|将(?:于|在|同|与)|(?:离开北京|离京)[^。；]{0,30}?[，,]?(?:赴|前往)[^，。；并]*$")
_DELEGATION_HEADS = re.compile(r"以(?P<who>[^，。；]{2,60}?)为团长的[^，。；]{0,12}?(?:代表|访问|访京|参访|考察)?团"
                               r"|担任[^，。；]{2,20}?副团长的")
_COMPANIONS_LISTED = re.compile(r"(?:出访|访问)的(?:主要)?陪同人员(?:还)?有[：:]"
                                r"(?=(?P<names>[^。；]{2,400}))")


def _sent_to_event(before: str) -> bool:
    """习近平向“中国旅游年”开幕式致贺词: the verb's addressee, after 向, is an event (a message sent to it)."""
    to = re.search(r"向([^，。；]{2,30})$", before)
    return to is not None and _patterns()["meeting_end"].search(to.group(1).rstrip("”")) is not None


def find_participants(text: str, people: list[Span], lex: Lexicon) -> list[tuple[str, bool, str, str, int]]:
    """(name, is_body, relation, role as written, position) for every role-verb clause."""
    pats = _patterns()
    by_end = {s.end: s for s in people}
    names = [(s.name_start, s.end) for s in people]
    out: list[tuple[str, bool, str, str, int]] = []
    for verb in pats["role"].finditer(text):
        if text.startswith(VERB_AS_NOUN, verb.end()):
            continue  # 参加单位, 发言人: a noun, not the verb
        role = verb.group(0)
        relation = lex.role_verbs[role]
        pos = verb.start()
        if role.startswith("作") and pos > 0 and text[pos - 1] + "作" in lex.common_words:
            continue  # 审议政府工作报告: 作报告 inside 工作报告 is no one's report
        if _WELCOMED_TO.search(text, max(0, pos - 30), pos):
            continue  # 张高丽欢迎洪森出席博览会: the guest is welcomed to another event, not reported at this one
        if role.startswith("共同") and text.startswith("的", verb.end()):
            continue  # 习近平主席和普京总统共同签署的联合声明: what they signed, named, not a signing reported
        if role.startswith(("致贺", "致信")) and _sent_to_event(text[sentence_start(text, pos) : pos]):
            continue  # 习近平向“中国旅游年”开幕式致贺词: a message to the event, from afar
        if role in _SPEECH_WHERE_HELD and not _HELD_BEFORE.search(text, sentence_start(text, pos), pos):
            continue  # 学员们普遍反映，习近平总书记…座谈并发表重要讲话: a speech recalled, not given at this meeting
        if _PLANNED.search(text, sentence_start(text, pos), pos):
            continue  # 与会期间，李克强还将…，并在梅德韦杰夫总理陪同下出席…: what will happen, no one is there yet
        pos = before_fillers(text, pos, names)
        if role == "陪同" and text.startswith("下", verb.end()) and text[pos - 1 : pos] == "的":
            pos -= 1  # 在巴基斯坦总理谢里夫的陪同下: the companion stands before 的
        if pos < verb.start() and text[pos - 1 : pos] == "，" and pos - 1 in by_end:
            pos -= 1  # 周伯华、…王太华，分别汇报了: the list, a comma, an adverb, the verb
        elif pos < verb.start() and text[pos - 1 : pos] == "，" and (acting := _acting_for(text, pos - 1, by_end)):
            pos = acting  # …王红代表北京市政府，分别致辞: the last of those speaking each for a body
        if role.startswith("主持") and text[pos - 1 : pos] == "在" and pos - 1 in by_end:
            pos -= 1  # 李克强在主持大会时说: the chair, 在, the verb (在出席…后: a past activity, no gap read)
        found = _walk_left(text, pos, by_end, lex)
        if not found:
            window = text[max(0, pos - 100) : pos]
            gap = _ADVERBIAL_GAP.search(text[max(0, pos - 20) : pos]) \
                or (_TOPIC_GAP.search(window) if "就" in window or "围绕" in window or "针对" in window else None) \
                or _HELD_THERE_GAP.search(text[max(0, pos - 70) : pos])
            if gap:
                pos -= len(gap.group(0))
                pos = before_fillers(text, pos, names)
                # (钱颖一五位全国政协委员: the count's 一五 may take a name's last character back)
                pos = next((s.end for s in people if s.name_start < pos < s.end), pos)
                topic = gap.group(0).startswith(("就", "围绕", "针对"))
                dated = re.match(TIME_PHRASE, gap.group(0)) is not None
                acting = _acting_for(text, pos - 1, by_end) if text[pos - 1 : pos] == "，" else None
                if acting and not topic and not dated:
                    pos = acting  # 马飚代表全国政协，…王红代表北京市政府，分别向…塑像敬献了花篮: each for a body
                if text[pos - 1 : pos] == "，" and pos - 1 in by_end \
                        and (topic or (dated and _acts_in_its_sentence(text, by_end[pos - 1], lex))
                             or text.startswith("分别", pos)):
                    pos -= 1  # 张庆黎，…舒启明，分别就有关议题作说明: the list, a comma, the topic, the verb (…习近平，
                    # 12月9日在广州主持召开: the subject, a comma, the day; 周济和秦宜智，分别代表…致贺词: 分别)
                found = _walk_left(text, pos, by_end, lex)
        if found and _addressed(text, by_end.get(pos)):
            continue  # 我将把…向奥巴马总统汇报: whom the report is for, not who gives it
        if not found:
            found = _chained_subject(text, pos, people)
        if role in SPEAKING_AT_THE_MEETING and not found:
            continue
        recalled = _RECALLED.match(text, sentence_start(text, verb.start()), verb.start())
        # (栗战书说，刚刚在阿根廷召开的峰会…。习近平主席在峰会上发表重要讲话: a speech the speaker recalls; not
        # 参加有关活动 at the end of a speech paragraph, the report going on)
        recalled_speech = (role.endswith(("讲话", "致辞", "发言")) or role in SPEAKING_AT_THE_MEETING) \
            and in_speech_paragraph(text, verb.start())
        if found and (inside_reported_speech(text, verb.start()) or recalled or recalled_speech):
            continue  # 栗战书说，不久前，习近平主席在博鳌…宣布了…: what a speaker recalls, not this event
        if found and _FIRST_PERSON.search(text[sentence_start(text, verb.start()) : verb.start()]):
            continue  # 我和培尼亚总统共同宣布, 与你共同宣布: a speaker's own words, whatever their sentence opens with
        for item, is_body in found:
            out.append((item, is_body, relation, role, verb.start()))
    out += _elected_here(text, by_end)
    # 出席会议的还有A、B，C / 参加座谈会的党外人士还有A、B: the list follows the verb
    # 出席会议的卢森堡首相贝泰尔在接受采访时表示: a person introduced as one attending
    for span in people:
        attending = _INTRODUCED_ATTENDING.search(text, max(0, span.start - 24), span.start)
        if attending and not inside_reported_speech(text, span.start):
            out.append((span.name, False, "attended", attending.group(1), span.name_start))
    for also in _ALSO_LISTED.finditer(text):
        for span in people:
            if also.start(2) <= span.name_start and span.end <= also.end(2):
                out.append((span.name, False, "attended", also.group(1), span.name_start))
    # 以俞正声为团长的中央代表团…出席… / 担任中央代表团副团长的刘延东，…一同走下舷梯: a delegation's head and deputies
    # are on its visit
    for headed in _DELEGATION_HEADS.finditer(text):
        if headed.group("who"):
            out += [(span.name, False, "attended", "团长", span.start) for span in people
                    if headed.start("who") <= span.start and span.end <= headed.end("who")]
            continue
        pos = headed.end()  # the deputies listed after it, up to the first gap that is not a comma or 、
        for span in sorted((p for p in people if p.start >= headed.end()), key=lambda p: p.start):
            if text[pos : span.start].strip("，、"):
                break
            out.append((span.name, False, "attended", "副团长", span.start))
            pos = span.end
    # 随温家宝总理出访的主要陪同人员有：外交部部长杨洁篪，… (温家宝总理出访的陪同人员有：…): who travels with the leader
    # is on his visit
    for companions in _COMPANIONS_LISTED.finditer(text):
        for span in people:
            if companions.end() <= span.name_start and span.end <= companions.end() + len(companions.group("names")):
                out.append((span.name, False, "attended", "陪同", span.name_start))
    # 会议选出的…副主席是：甲、乙; 大会的执行主席是甲、乙: the members the meeting elected, its presiding members
    for listed in _ELECTED_OR_PRESIDING.finditer(text):
        for span in people:
            if listed.start("names") <= span.name_start and span.end <= listed.end("names"):
                out.append((span.name, False, "attended", listed.group("role") or listed.group("role2"),
                            span.name_start))
    # 向…基本法委员会组成人员颁发任命书。…他们是：主任甲，副主任乙、丙: the members named receive them there
    for members in MEMBERS_LISTED.finditer(text):
        end = min((i for i in (text.find(ch, members.end()) for ch in "。；\n") if i >= 0), default=len(text))
        for span in people:
            if members.end() <= span.start and span.end <= end:
                out.append((span.name, False, "attended", "组成人员", span.name_start))
    # 与会各国领导人和代表陆续抵达…。他们主要是：甲、乙…: the list names who came to the meeting
    for came in _THOSE_ATTENDING.finditer(text):
        for span in people:
            if came.start("names") <= span.name_start and span.end <= came.end("names"):
                out.append((span.name, False, "attended", "与会", span.name_start))
    # 万鄂湘、张宝文和胡四一着重就…发言: the speakers a report lists took part
    for start, end in speaker_lists(text):
        for span in people:
            if start <= span.name_start and span.end <= end:
                out.append((span.name, False, "attended", "发言", span.name_start))
    # 讲座的主讲人是…常务副院长邬贺铨 / 主讲人全国人大常委会副秘书长…乔晓阳对…作了讲解: the lecturer gave the lecture
    for lecturer in _LECTURER.finditer(text):
        first = min((s for s in people if s.start >= lecturer.end()), key=lambda s: s.start, default=None)
        if first is not None and not re.search("[，。；、]", text[lecturer.end() : first.start]):
            out.append((first.name, False, "attended", "主讲", lecturer.end()))  # (the title chain may be unread)
    # 出席金砖国家领导人非正式会晤，同巴西总统罗塞夫、…南非总统祖马就…交换意见: the partners talked at the meeting
    for partners in _partners_at().finditer(text):
        for span in people:
            if partners.start("names") <= span.start and span.end <= partners.end("names"):
                out.append((span.name, False, "attended", "交换意见", span.start))
    # 汪洋在…举行的…全体会议上，当选全国政协主席: elected at the meeting, so there
    for elected in re.finditer(r"在[^。；]{2,60}?(?:会议|大会|全会)上[，,]?(?:[^。；]{0,30}?[，,])?(当选)", text):
        span = by_end.get(before_fillers(text, elected.start()))  # (因凡蒂诺26号在…大会上，经过两轮投票…，当选)
        if span is not None:
            out.append((span.name, False, "attended", "当选", elected.start(1)))
    # 受到北威州州长克拉夫特、杜伊斯堡市市长林克等人热情迎接: who welcomed a guest was at the arrival
    for welcome in _WELCOMED_BY.finditer(text):
        for span in people:
            if welcome.start("who") <= span.start and span.end <= welcome.end("who"):
                out.append((span.name, False, "attended", "迎接", span.start))
    # 习近平和夫人彭丽媛抵达: the spouse who travels with a leader is at what the leader attends
    starts = {s.name_start: s for s in people}
    for span in people:
        spouse = _WITH_SPOUSE.match(text, span.end)
        if spouse and spouse.end() in starts and not inside_reported_speech(text, span.end):
            out.append((starts[spouse.end()].name, False, "attended", spouse.group(0), spouse.end()))
    # 受国务院委托，财政部部长某某作了关于…的说明; 某某副委员长代表执法检查组向会议作了…报告: who reports to a
    # session was at it
    for span in people:
        if text[span.end : span.end + 1] in _report_openers() and _reports().match(text, span.end) \
                and not inside_reported_speech(text, span.end) \
                and not (text.startswith(("作的", "做的"), span.end) and _ENDORSED.search(text, 0, span.start)):
            # (完全赞同李克强总理作的政府工作报告: a report endorsed by name, its author not there; 会议审议了…
            # 黄镇东作的…报告 was delivered at the session)
            out.append((span.name, False, "attended", "作报告", span.end))
    # 听取X、Y对…的介绍, 听取了A关于…的说明、B关于…的报告: the people heard were there
    for heard in re.finditer(r"听取了?([^。；]{2,200})", text):
        # (听取代表发言后，张高丽说，赞同张德江委员长所作的…报告: what is heard ends with its clause, 后， or 时，, or
        # where someone starts speaking, 他说， 在讲话中指出，; not at 的介绍， of 听取了甲…的介绍，乙…的说明)
        ends = [m.start() for m in _HEARD_CLAUSE_END.finditer(text, heard.start(1), heard.end(1))]
        ends += [m.start() for m in _speech_mark().finditer(text, heard.start(1), heard.end(1))
                 if text[m.start() - 1] != "的"]
        heard_end = min(ends, default=heard.end(1))
        for span in people:
            if heard.start(1) <= span.start and span.end <= heard_end \
                    and _HEARD_AFTER_NAME.match(text, span.end):
                out.append((span.name, False, "attended", "汇报", span.start))
    return out


_ENDORSED = re.compile(r"(?:赞同|拥护|同意|支持|认同|赞成|肯定)[^，。；]{0,30}$")


def _addressed(text: str, span: Span | None) -> bool:
    """Does 向 or 给 stand right before the person who ends a list (向奥巴马总统汇报)?"""
    return span is not None and text[span.start - 1 : span.start] in ("向", "给")


# 我和培尼亚总统共同宣布 / 习近平主席与你共同宣布 / 您同卢卡申科总统共同签署的: the speaker and the one addressed,
# a speech's own words
_FIRST_PERSON = re.compile(r"(?:^|[，。；])我(?:们)?(?:和|同|与)[^，。；]*$|(?:你|您)(?:们)?(?:和|同|与)[^，。；]*$"
                           r"|(?:和|同|与)(?:你|您|总统阁下|阁下)(?:们)?[^，。；]*$")
_WELCOMED_BY = re.compile(r"受到(?P<who>[^。；：“”]{2,200}?)(?:等人?)?(?:的)?(?:热烈|热情|隆重|亲切)?(?:欢迎|迎接)")
_WITH_SPOUSE = re.compile(r"(?:和|偕|携)夫人")

# 分别就遏制校园暴力、预算审查等问题回答了记者提问: a topic clause of its own between a list and its verb
_TOPIC_GAP = re.compile(r"(?:还|也|分别|先后|都)?(?:就|围绕|针对)[^，。；：“”就]{1,90}$")


@lru_cache(maxsize=1)
def _report_openers() -> frozenset[str]:
    """The characters a report clause can open with (代表, 向, 就, 对, and the first of floor_reports.txt's verbs)."""
    words = [line.split("\t")[1] for line in lexicon_lines("floor_reports.txt") if not line.startswith("noun")]
    return frozenset("代向就对" + "".join(word[0] for word in words))


@lru_cache(maxsize=1)
def _reports() -> re.Pattern[str]:
    """What follows a speaker who reports to a session: (代表…)(向…)(就…)作了…报告/说明, or 报告了 (floor_reports.txt).
    No 在 in between (在十九大上作了报告 recalls another meeting), but inside a title (作了关于《…国务院在…》的说明)."""
    lines = [line.split("\t") for line in lexicon_lines("floor_reports.txt")]
    verbs, nouns, direct = ({w for k, w in lines if k == kind} for kind in ("verb", "noun", "direct"))
    free = "(?:《[^《》。；]{1,120}》|(?!在)[^，。；])"
    return re.compile(f"(?:代表{free}{{1,20}}?)?(?:向{free}{{1,10}}?)?(?:(?:就|对){free}{{1,150}}?)?"
                      f"(?:(?:{alternation(verbs)}){free}{{0,150}}?(?:{alternation(nouns)})(?![{CJK}])|"
                      f"{alternation(direct)})")


_ON_BEHALF = re.compile(r"代表[^，。；、“”]{2,42}$")
_LECTURER = re.compile(r"主讲人(?:是|为)?[：:]?")


@lru_cache(maxsize=1)
def _partners_at() -> re.Pattern[str]:
    """出席…会晤，同巴西总统罗塞夫、…就…交换意见 (exchange_verbs.txt): the partners of a summit attended."""
    return re.compile(r"出席[^，。；]{2,40}?[，,]并?(?:同|与)(?P<names>[^。；：“”]{2,300}?)(?:等[^，。；]{0,10}?)?"
                      rf"(?:一道|一起)?[，,]?就[^。；]{{1,80}}?(?:{alternation(set(lexicon_lines('exchange_verbs.txt')))})")


_THOSE_ATTENDING = re.compile(r"(?:与会|出席会议|参加会议|出席峰会|参会)[^。；]{0,40}?[。；，]"
                              r"他们(?:主要|分别)?(?:是|有)[：:](?P<names>[^。；]{2,600})")
_ELECTED_OR_PRESIDING = re.compile(
    r"(?:会议|大会)(?:的)?(?:(?P<role>选出|选举产生)的[^。；：]{0,30}?|(?P<role2>执行主席))(?:是|为)[：:]?"
    r"(?P<names>[^。；，]{2,300})")


_DISCUSSION_KINDS = frozenset(lexicon_lines("discussion_kinds.txt"))  # 座谈会, 座谈: where the speakers took part


# 民革中央主席万某某就加强法治政府建设…等提出了建议 / 就…发表了意见 / 就…谈了意见: a speaker, the topic first
_TOPIC_THEN_SPEECH = re.compile(r"(?:就(?![任是职业要会在可])|围绕)[^，。；“”]{1,80}?(?:提出|发表|谈了)")


def speakers_at_discussions(text: str, people: list[Span], events: list[HeldEvent],
                            lex: Lexicon) -> list[tuple[str, bool, str, str, int]]:
    """民革中央主席万某某建议…，民盟中央主席张某某提出…: at a 座谈会 the titled people who speak in its report took
    part; their speech verb is their role."""
    starts = [e.start for e in events if e.kind in _DISCUSSION_KINDS]
    meetings = [e.start for e in events if e.kind in _DISCUSSION_KINDS or e.kind == "会议"]
    out = []
    speaking_members = _members_given_the_floor(text, people) if meetings else set()
    for span in people:
        verb = next((v for v in lex.speech_verbs if text.startswith(v, span.end)), None) \
            or ("发言" if _TOPIC_THEN_SPEECH.match(text, span.end) else None)
        # introduced by a title chain before the name, as the report lists its speakers; a name before its title
        # (李克强总理要求…) is a leader the speech cites
        introduced = span.start < span.name_start and span.end == span.name_start + len(span.name)
        if verb and span.posts and introduced and starts and span.start > min(starts):
            out.append((span.name, False, "attended", verb, span.start))
        # 李守镇委员代表全国总工会发言, 刘继贤委员提出: a member given the floor at a meeting or discussion
        if span.start in speaking_members and span.start > min(meetings):
            out.append((span.name, False, "attended", "发言", span.start))
    return out


def _members_given_the_floor(text: str, people: list[Span]) -> set[int]:
    """Where members given the floor start: 李守镇委员代表全国总工会发言, 刘继贤委员提出; and the member joined to one
    by 和 (田岚和姜伟新常委在联合发言中建议, 贾治邦常委和范小建委员在联合发言中提出)."""
    def member(span: Span) -> bool:
        return span.start == span.name_start and bool(span.posts) and span.posts[0].title in MEMBER_TITLES
    speaking = {s.start for s in people if member(s) and s.end == s.name_start + len(s.name) + len(s.posts[0].title)
                and _floor().match(text, s.end)}
    for span in sorted(people, key=lambda s: -s.start):  # right to left: the joined member reads the next one
        if member(span) and text.startswith("和", span.end) and span.end + 1 in speaking:
            speaking.add(span.start)
    return speaking


# 习近平、李克强…等同各民主党派中央…负责人…欢聚一堂: the leaders listed gather with the guests at the event
_GATHERED_WITH = re.compile(r"等?(?:同(?!志)|与|和)[^。；，]{2,100}?(?:欢聚一堂|共迎新春|共庆佳节|共度佳节)")


def gathered_with_guests(text: str, people: list[Span]) -> list[tuple[str, bool, str, str, int]]:
    """The people of a list closed by 等同…欢聚一堂 (a new-year tea party, a festival gathering) took part in it."""
    by_end = {s.end: s for s in people}
    out = []
    for last in people:
        match = _GATHERED_WITH.match(text, last.end)
        if not match or _is_reference_context(text, last.end):
            continue
        span: Span | None = last
        role = match.group(0)[-4:]
        listed = []
        while span is not None:
            listed.insert(0, span)
            span = by_end.get(span.start - 1) if span.start > 0 and text[span.start - 1] in "、和" else None
        out += [(s.name, False, "attended", role, s.start) for s in listed if not _is_reference_context(text, s.end)]
    return out


@lru_cache(maxsize=1)
def _floor() -> re.Pattern[str]:
    """What follows a member given the floor: 代表…发言, 在…发言, 就…提出, or a speech verb."""
    verbs = "|".join(re.escape(v) for v in sorted(load().speech_verbs, key=len, reverse=True))
    return re.compile(r"(?:代表[^，。；“]{1,30}?)?作了?“[^”]{1,80}”的?(?:大会)?发言|"  # 代表民革中央作了“…”的发言
                      r"代表[^，。；]{1,30}?发言|在[^，。；]{0,20}?发言|发言|"
                      r"(?:就|围绕)[^。]{1,400}?(?:提出|询问|发言|建议)|" + verbs)


def heard_at(text: str, pos: int) -> bool:
    """Is ``pos`` inside a 听取 clause (听取了某某关于…的说明)? The speaker was there, not cited."""
    at = text.rfind("听取", max(0, pos - 200), pos)
    return at >= 0 and not any(ch in text[at:pos] for ch in "。；")


# what follows a speaker's name in a 听取 clause: 关于/对 the subject, 的 the report, or the next speaker
_HEARD_CLAUSE_END = re.compile("[后时][，,]")
# (听取了…秘书长夏宝龙等就有关人事事项所作的说明: 等 closes the speaker and those with him)
_HEARD_AFTER_NAME = re.compile(r"(?:等)?(?:关于|对|就|的(?:介绍|汇报|发言|意见|说明|报告)|(?:分别)?作的|所作|[、和]|"
                               r"受[^，。；]{1,16}?委托(?:作|所作)的)")


_WELCOMED_TO = re.compile(r"(?:欢迎|邀请|祝贺)[^，。；：]{1,20}?(?:前来|来华)?$")


# between 并/、 and the verb it chains: a place, an adverb (并在南京主持召开, 、出席)
# (抵达圣彼得堡，出席…论坛: an arrival names what the trip is for, the forum comes later; not chained)
_CHAINED = re.compile(r"(?:[，,]?并|、|(?:访问|来到)[^，。；“”]{1,30}[，,])"
                      r"(?:在[^，。；、“”]{1,12}?|同时|还|又|亲自)*$")


def _chained_subject(text: str, pos: int, people: list[Span]) -> list[tuple[str, bool]]:
    """王岐山…访问瑞士、出席年会并致辞 / 温家宝来到…进行调研，并在南京主持召开… / 习近平…访问联合国日内瓦总部，出席…
    高级别会议: a verb chained by 并 or 、 (or by a comma, after a visit) to the one before it shares its subject, the
    person who opens a clause of the sentence (after its date), with no one named between."""
    start = sentence_start(text, pos)
    if not _CHAINED.search(text, start, pos):
        return []
    # (赵乐际传达了习近平的重要指示并讲话: the one whose instructions are conveyed is cited, no subject)
    before = [p for p in people if start <= p.start and p.end <= pos
              and not (text.startswith("的", p.end) and _is_reference_context(text, p.end))]
    if not before:
        return []
    subject = max(before, key=lambda p: p.end)
    opening = text[start : subject.start]
    clause = opening[max(opening.rfind(ch) for ch in "，：:") + 1 :]
    clause = clause[len(m.group(0)):] if (m := _country_opening().match(clause)) else clause  # 中国|国家主席习近平
    if re.fullmatch(rf"(?:{TIME_PHRASE}|\s)*", clause) is None:
        return []  # 习近平会见了普京，并出席: the person named last is an object, not the subject
    if "将" in text[subject.end : pos]:
        return []  # 习近平将主持…，并出席…开幕式: announced, not yet attended
    return [(subject.name, False)]


@lru_cache(maxsize=1)
def _country_opening() -> re.Pattern[str]:
    """A country before the subject's title chain (中国国家主席习近平: the chain starts at 国家主席); countries.txt
    holds foreign countries only."""
    return re.compile(f"中国|{_country_start().pattern}")


# the time and place between the first of two partners and 与 (李克强当地时间19日中午在巴西利亚与罗塞芙共同出席)
_JOINT_GAP = re.compile(rf"(?:{TIME_PHRASE}|在[^，。；、“”与同和]{{1,15}}?)+$")


def _acts_in_its_sentence(text: str, span: Span, lex: Lexicon) -> bool:
    """Is the person no one's object (正在广东考察工作的…习近平，12月9日…), with no role or encounter verb before him in
    the sentence (分别会见…科隆，在巴黎出席: the one met does not attend what follows)?"""
    before = text[sentence_start(text, span.start) : span.start]
    return not _patterns()["role"].search(before) and not any(verb in before for verb in lex.encounter_verbs)


def _acting_for(text: str, pos: int, by_end: dict[int, Span]) -> int | None:
    """Where the person ends who speaks for the body (王红代表北京市政府) that ends at ``pos``, if one was read."""
    acting = _ON_BEHALF.search(text, max(0, pos - 44), pos)
    if acting is None or acting.start() not in by_end:
        return None
    body = text[acting.start() + len("代表") : pos]  # (蔡达峰代表…常务委员会作工作报告，: a clause of its own, no item)
    ends = [m.end() for m in _patterns()["body_end"].finditer(body)]
    return acting.start() if ends and ends[-1] == len(body) and not _patterns()["role"].search(body) else None


def _walk_left(text: str, pos: int, by_end: dict[int, Span], lex: Lexicon) -> list[tuple[str, bool]]:
    """The list of people or bodies that ends at ``pos``: 陆海涛、冯雪 | 县发展改革局、县商务局."""
    items: list[tuple[str, bool]] = []
    pats = _patterns()
    names = [(s.name_start, s.end) for s in by_end.values()]  # (no filler reads over one)
    while pos > 0:
        span = by_end.get(pos)
        if span is None:
            bare = _bare_name_ending_at(text, pos, lex)
            if bare:
                span = Span(name=bare, start=pos - len(bare), name_start=pos - len(bare), end=pos)
        if span is not None:
            items.insert(0, (span.name, False))
            pos = span.start
            if text.startswith(("夫人", "丈夫"), pos):  # 习近平夫人彭丽媛及金正恩夫人李雪主参加会见: whose spouse,
                owner = max((s.name for s in by_end.values() if text.endswith(s.name, 0, pos)), key=len, default="")
                # (whose spouse: no one listed)
                pos -= len(owner)
            unread = _unread_body(text, pos, lex, by_end) if span.posts else ""
            if unread and not any(pos - len(unread) < end <= pos for end in by_end):
                pos -= len(unread)  # 、爱立信董事长约翰森、: a body the title chain left unread
        elif (unread := _unread_titled_item(text, pos)) \
                and (items or (text.startswith("等", pos) and pos - len(unread) - 1 in by_end)):
            pos -= len(unread)  # 、塞拉利昂副总统福、: an item whose name was not read does not end the list (nor does
            # it when it closes a list of names read: 、日本首相特别代表二阶俊博等…共同步入)
        else:
            body = _body_ending_at(text, pos)
            cuts = [cut for cut in left_boundaries(body) if cut.group(0) in ("在", "由")] if body else []
            if cuts and cuts[-1].group(0) == "在":
                break  # 张德江在纽约联合国总部出席: where he attended, no body attending
            if cuts:  # 由上届全国人大常委会主持: the preposition before the body is no part of it
                body = body[cuts[-1].end() :] or None
            if body:  # 检察长张军和自然资源部、水利部…负责人: 和 after a person's name ends the body's run
                body = next((body[i + 1 :] for i in range(len(body) - 1, 0, -1)
                             if body[i] == "和" and pos - len(body) + i in by_end), body)
            towards = _TOWARDS.search(text, max(0, pos - len(body) - 12), pos - len(body) + 1) if body else None
            if towards and not any(start <= towards.start() < end for start, end in names):
                break  # 栗战书向红军烈士纪念塔敬献花篮: to whom or what, no one taking part (祁向东代表…: a name's 向)
            if not body or not pats["body_end"].search(body.replace("“", "").replace("”", "")) \
                    or not _plausible_body(body, lex) or _opens_with_count(text, pos - len(body)):
                break
            if any(pos - len(body) < end <= pos for end in by_end) or re.search(r"代表|主持|出席|参加", body):
                break  # 县监委主任宋立平代表县纪委常委会 is a person acting for a body, not a body
            acting = _ON_BEHALF.search(text, max(0, pos - 44), pos)
            if acting and acting.start() in by_end and not items:
                pos = acting.start()  # 崔龙海代表朝鲜劳动党中央委员会和…国务委员会致欢迎辞: the one speaking for them
                continue
            items.insert(0, (body, True))
            pos -= len(body)
        if pos > 1 and text[pos - 2 : pos] == "以及":
            pos -= 3 if pos > 2 and text[pos - 3] == "，" else 2
            pos = before_fillers(text, pos, names)  # 委员甲、乙等以及专家学者丙: back over 等 to the first list
            continue
        if pos > 0 and text[pos - 1] in "、及和与":
            pos -= 1
            back = before_fillers(text, pos, names)
            if back < pos and (back in by_end or _bare_name_ending_at(text, back, lex)):
                pos = back  # 丁启明、邝志远等全国政协委员和祁向东…等专家学者: the first list, its group, 和, the second
            joint = _JOINT_GAP.search(text, max(0, pos - 40), pos) if text[pos] == "与" else None
            if joint and joint.start() in by_end:
                pos = joint.start()  # 李克强当地时间19日中午在巴西利亚与巴西总统罗塞芙共同出席: the first partner too
            continue
        if pos > 1 and text[pos - 1] == "同" and items and not items[0][1]:
            joint = _JOINT_GAP.search(text, max(0, pos - 41), pos - 1)
            first = joint.start() if joint else pos - 1
            if first in by_end:
                pos = first  # 习近平14日同…本扬在万象一道出席…奠基仪式: the first partner attends too
                continue
        if pos > 1 and text[pos - 1] == "，" and not items[0][1] and pos - 1 in by_end:
            pos -= 1  # groups of titled people sharing one verb: 副市长韩冰、罗敏，市政府秘书长卫东升出席
            continue
        if pos > 1 and text[pos - 1] == "，" and not items[0][1] and _bare_list_ending_at(text, pos - 1, lex):
            pos -= 1  # 王沪宁、栗战书、杨洁篪，美国总统国家安全事务助理赖斯等参加会见: bare names, then others
            continue
        if pos > 1 and text[pos - 1] == "，" and not items[0][1] and (acting := _acting_for(text, pos - 1, by_end)):
            pos = acting  # 马飚代表全国政协，万鄂湘代表民革中央，…: people listed each with the body they speak for
            continue
        if pos > 0 and text[pos - 1] == "，" and items and items[0][1]:
            pos -= 1  # bodies listed with commas: 县投资集团，市规划资源局某某分局，城关街道
            continue
        break
    return items



def _bare_list_ending_at(text: str, end: int, lex: Lexicon) -> bool:
    """王沪宁、栗战书、杨洁篪，…: a list of two or more bare names ends at ``end`` and opens its clause, so the comma
    after it joins it to the next group rather than ending a clause of its own (张德江主持，…: a verb, no list)."""
    count, pos = 0, end
    while True:
        name = _bare_name_ending_at(text, pos, lex)
        if not name:
            return False
        count, pos = count + 1, pos - len(name)
        if pos > 0 and text[pos - 1] in "、":
            pos -= 1
            continue
        return count >= 2 and (pos == 0 or text[pos - 1] in "\n。；：")


def _unread_titled_item(text: str, pos: int) -> str:
    """The item of a list between two 、 that is a title chain and a name kg could not read (、塞拉利昂副总统福、,
    、日本首相特别代表二阶俊博)."""
    item = re.search(r"(?<=、)[^、，。；：:“”]{3,20}$", text[max(0, pos - 21) : pos])
    if item is None:
        return ""
    title_end = max((t.end() for t in _patterns()["title"].finditer(item.group(0))), default=0)
    return item.group(0) if title_end and 1 <= len(item.group(0)) - title_end <= 4 else ""


def _unread_body(text: str, pos: int, lex: Lexicon, by_end: dict[int, Span] | None = None) -> str:
    """The run between a list's separator and a titled item whose body the chain did not read (爱立信 in
    、爱立信董事长约翰森): a short run of characters, no verb in it; empty when there is none. After a comma only
    when a person's name ends at it (曾培炎，台湾两岸共同市场基金会最高顾问钱复，…分别致辞: a list of titled people)."""
    sep = max(text.rfind(ch, max(0, pos - 20), pos) for ch in "、，和及与")
    after_name = text[sep : sep + 1] == "，" and by_end is not None and sep in by_end
    run = text[sep + 1 : pos] if sep >= 0 and (text[sep] != "，" or after_name) else ""  # (和澳大利亚前总理陆克文)
    if not run or not all(_is_cjk_or_bracket(ch) for ch in run) or not _plausible_body(run, lex) \
            or any(ch in run for ch in "和及与") \
            or _patterns()["role"].search(run) or any(v in run for v in lex.encounter_verbs):
        return ""
    return run


_COUNT = re.compile(f"[{COUNT_DIGITS}]+[位名个]")
_COUNT_DIGIT = re.compile(f"[{COUNT_DIGITS}]")


def _opens_with_count(text: str, start: int) -> bool:
    """14位委员围绕…作大会发言, 十四位委员…: a count and its measure word open a group of people, not a body (the
    count's digits may stand before ``start``, which a non-CJK digit ends)."""
    while start > 0 and _COUNT_DIGIT.match(text, start - 1):
        start -= 1
    return _COUNT.match(text, start) is not None


def _plausible_body(body: str, lex: Lexicon) -> bool:
    """听到一家公司, 协商决定政协…委员会: a clause that ends like a body is no body when it opens with a verb or holds
    a particle."""
    if any(ch in "到了的是把被将让" for ch in body[:-2]) or re.search("举行|召开|开幕|闭幕|并", body):
        return False  # (18日下午举行大会发言: a meeting's verb, no body)
    if any(verb in body for verb in (*lex.encounter_verbs, *lex.inspection_verbs)):
        return False  # 参观…图片展并会见纪念大会与会代表: what a visitor did, no body
    if any(w in ("在", "于", "从", "向", "对") for w in _words(body)) or "在" in body[1:]:
        return False  # 德拉吉察和校长在停车处, 女儿劳拉在停车处: a place phrase, not a body (中国和俄罗斯向联合国
        # 安理会提交: whom they submit to)
    first = _words(body)[0] if body else ""
    return not lex.common_words.get(first, "").startswith("v")



def _body_ending_at(text: str, end: int) -> str | None:
    """The run of a body name ending at ``end``; 和 inside a name (省经济和信息化厅) stays, 和 before a place splits."""
    place = _patterns()["place_start"]
    start = end
    while start > 0 and end - start < 24:
        ch = text[start - 1]
        if ch in "、及与" or (ch == "和" and place.match(text, start)):
            break
        if not (_is_cjk_or_bracket(ch) or ch in "“”"):
            break
        start -= 1
    if text.startswith("以及", start - 1) and start > 0:
        start += 1
    run = text[start:end]
    return run or None


