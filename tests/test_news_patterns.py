"""Patterns of national news that real text taught (round-ups, ceremonies within ceremonies, committee lists,
speakers heard, governors and foreign ministries, dates closest to their verb, words that only look like names).
Invented text in the genre's wording; the real-text scores are in tests/test_real_text.py."""

from datetime import date

from kg.model import SourceText
from kg.pipeline import extract_source
from kg.suspects import post_problem


def extract(text: str, title: str = "", day: date = date(2026, 3, 20)):
    source = SourceText(path="t.jsonl", text=text, record=1, date=day, title=title or None, source="测试台")
    (found,) = extract_source(source)
    return found


def posts(ex) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for person in ex.people:
        out.setdefault(person.name, [])
        out[person.name] += [p.label for p in person.posts if p.label not in out[person.name]]
    return out


def edges(ex, relation: str) -> dict[str, list[str]]:
    """meeting label -> the names with ``relation``, in listing order."""
    label = {m.key: m.label for m in ex.meetings}
    out: dict[str, list[str]] = {}
    for p in sorted(ex.participations, key=lambda p: p.order):
        if p.relation == relation and p.name not in out.setdefault(label[p.meeting], []):
            out[label[p.meeting]].append(p.name)
    return out


def test_a_round_up_reports_one_lecture_per_speaker():
    ex = extract("央视网消息：中央宣讲团这两天在各地宣讲全会精神。\n"
                 "今天，中央宣讲团成员、省委书记罗振川在西宁作宣讲报告。\n"
                 "宣讲会后，罗振川来到社区与居民交流。\n"
                 "今天上午，中央宣讲团成员，财政部部长韦思成在兰州作宣讲报告。\n"
                 "韦思成还来到兰州大学与师生座谈。", title="中央宣讲团在各地宣讲全会精神")
    leaders = edges(ex, "chaired")
    assert sorted(names[0] for names in leaders.values()) == ["罗振川", "韦思成"]
    assert len(ex.meetings) == 2
    # a group's member is no department of it: 财政部部长, not 中央宣讲团财政部部长
    assert "财政部部长" in posts(ex)["韦思成"]


def test_a_companion_s_verb_is_no_visit_of_his_own():
    ex = extract("央视网消息：国家副主席邝志远29日至31日在南方调研。\n"
                 "邝志远先后来到两座城市考察文化遗产保护。\n"
                 "省委书记丁启明参加调研。")
    assert len(ex.meetings) == 1
    assert edges(ex, "attended")[ex.meetings[0].label] == ["邝志远", "丁启明"]


def test_a_meeting_convened_during_a_visit_is_its_own_event_dated_by_its_paragraph():
    ex = extract("央视网消息：国务院副总理祁向东近日在东海市专题调研中小企业。\n"
                 "21日至22日，祁向东到东海市十多家中小企业进行调研，询问企业生产经营情况。\n"
                 "21日晚上，祁向东主持召开中小企业座谈会。\n"
                 "省委书记孟怀安参加座谈会。", day=date(2026, 2, 23))
    by_label = {m.label: m for m in ex.meetings}
    assert by_label["中小企业座谈会"].date == date(2026, 2, 21)
    visit = next(m for m in ex.meetings if m.kind == "调研")
    assert visit.date == date(2026, 2, 21) and visit.date_basis == "stated"  # 近日: the later sentence dates it
    assert edges(ex, "chaired")["中小企业座谈会"] == ["祁向东"]
    assert "孟怀安" in edges(ex, "attended")["中小企业座谈会"]


def test_closing_ceremony_is_a_noun_and_its_speakers_attend_it():
    ex = extract("央视网消息：2026年国际园艺博览会闭幕式10月9日晚在北京隆重举行。国务院总理秦立华出席闭幕式并致辞。\n"
                 "展会会旗徐徐降下。随后，举行了会旗交接仪式。\n"
                 "闭幕式上，国际展览局秘书长洛维达致辞。\n"
                 "副总理任博远主持闭幕式。", day=date(2026, 10, 10))
    closing = next(m for m in ex.meetings if m.label.endswith("闭幕式"))
    assert closing.label == "2026年国际园艺博览会闭幕式" and closing.date == date(2026, 10, 9)
    assert edges(ex, "attended")[closing.label][:3] == ["秦立华", "洛维达", "任博远"]
    assert edges(ex, "chaired")[closing.label] == ["任博远"]


def test_committee_heads_report_in_a_list_that_names_its_parent_once():
    ex = extract("央视网消息：政协第九届全国委员会常务委员会第五次会议22日上午在京开幕。"
                 "全国政协主席葛长风出席开幕会。\n"
                 "开幕会听取了全国政协副秘书长沈立群关于常务委员会工作报告起草情况的说明。\n"
                 "全国政协经济委员会主任钟远航、社会和法制委员会主任柏文涛、文史和学习委员会主任甘立新，"
                 "分别汇报了本委员会五年工作情况。\n"
                 "戚国梁主持开幕会。")
    found = posts(ex)
    assert found["柏文涛"] == ["全国政协社会和法制委员会主任"]
    assert found["甘立新"] == ["全国政协文史和学习委员会主任"]
    assert "文史" not in found
    (meeting,) = ex.meetings
    assert edges(ex, "attended")[meeting.label] == ["葛长风", "沈立群", "钟远航", "柏文涛", "甘立新", "戚国梁"]


def test_governors_and_foreign_ministries_keep_their_bodies():
    ex = extract("本报讯 会上，湖南省省长白启山讲话。随后，他受到印尼旅游与创业经济部长苏玛迪、巴厘省省长马迪欢迎。"
                 "厄立特里亚人民民主与正义阵线主席、总统阿费沃基在贺函中说，两国友谊深厚。")
    found = posts(ex)
    assert found["白启山"] == ["湖南省省长"]
    assert found["苏玛迪"] == ["印尼旅游与创业经济部长"]
    assert found["马迪"] == ["巴厘省省长"]
    assert found["阿费沃基"] == ["厄立特里亚人民民主与正义阵线主席", "厄立特里亚总统"]


def test_an_encounter_takes_the_day_closest_to_its_verb():
    ex = extract("央视网消息：据通讯社今天（27日）报道，朝鲜最高领导人金昌浩与韩国总统朴成民26日举行会晤。",
                 day=date(2026, 5, 27))
    (meeting,) = ex.meetings
    assert meeting.date == date(2026, 5, 26)
    assert "26日" not in meeting.label


def test_words_that_only_look_like_names_are_no_people():
    ex = extract("央视网消息：总统22日颁布新宪法声明，扩大了总统权力。外长陆续抵达会场。\n"
                 "习主席曾经表示，两国是好朋友。村党支部书记孙立磊讲述了守树的故事。听完故事，习主席向孙立磊详细询问烈士亲属的情况。\n"
                 "他专程慰问烈士家属。", title="关注埃及局势")
    names = {p.name for p in ex.people}
    assert {"权力", "陆续", "曾经", "向孙立磊", "家属", "关注埃"}.isdisjoint(names)
    assert "孙立磊" in names


def test_a_post_holding_a_titled_name_is_suspect_but_a_country_form_is_not():
    assert post_problem("世界卫生组织总干事陈冯富珍国际电信联盟秘书长", frozenset({"陈冯富珍"})) is not None
    assert post_problem("中国驻捷克共和国大使", frozenset({"共和国"})) is None
    assert post_problem("国家卫生和计划生育委员会主任") is None  # 计划生育 is a body's word, not a plan


def test_foreign_party_chains_keep_their_country_and_qualifiers():
    ex = extract("本报讯 利比里亚团结党领袖、共和国总统萨维莉在贺函中说，两国友谊深厚。"
                 "罗马尼亚国家自由党主席、参议院议长安德列斯库在贺电中表示祝贺。"
                 "印度共产党（马克思主义）总书记卡里特在贺电中说，祝大会成功。"
                 "全国政协主席、中央代表团团长尹正明出席。")
    found = posts(ex)
    assert found["萨维莉"] == ["利比里亚团结党领袖", "利比里亚共和国总统"]
    assert "罗马尼亚参议院议长" in found["安德列斯库"]  # the 由 of 自由党 bounds no body
    assert found["卡里特"] == ["印度共产党（马克思主义）总书记"]
    assert found["尹正明"] == ["全国政协主席", "中央代表团团长"]  # a national body is placed by nothing before it


def test_a_place_spelt_in_transliteration_is_abroad():
    ex = extract("本报讯 习近平和夫人彭丽媛受到加利福尼亚州州长布拉德夫妇的迎接。")
    assert posts(ex)["布拉德"] == ["加利福尼亚州州长"]


def test_a_forum_s_speakers_and_the_others_listed_attend_it_but_a_cited_leader_does_not():
    ex = extract("央视网消息：全国政协主席尹正明6日在京主持召开调研协商座谈会，就推进改革建言献策。"
                 "中央统战部部长柯秋实出席。\n"
                 "民革中央主席万鄂平建议，推进能源改革。民盟中央主席庞宝成提出，要发展开发区。\n"
                 "尹正明指出，邓向明总理要求持续下大力气推进改革。\n"
                 "参加座谈会的党外人士还有陈晓明、罗富和等。")
    (meeting,) = ex.meetings
    assert edges(ex, "chaired")[meeting.label] == ["尹正明"]
    assert edges(ex, "attended")[meeting.label] == ["尹正明", "柯秋实", "万鄂平", "庞宝成", "陈晓明", "罗富和"]


def test_a_summit_with_many_leaders_and_a_visit_reported_as_it_ends():
    ex = extract("央视网消息：国家主席习近平22日在楠迪同斐济总理姆拜尼马拉马、萨摩亚总理图伊拉埃帕、"
                 "巴布亚新几内亚总理奥尼尔、汤加首相图伊瓦卡诺等太平洋岛国领导人举行集体会晤。\n"
                 "王沪宁、栗战书、杨洁篪等参加上述活动。")
    (meeting,) = ex.meetings
    assert meeting.label == "习近平同太平洋岛国领导人集体会晤"
    assert edges(ex, "attended")[meeting.label] == ["习近平", "姆拜尼马拉马", "图伊拉埃帕", "奥尼尔", "图伊瓦卡诺",
                                                    "王沪宁", "栗战书", "杨洁篪"]
    home = extract("央视网消息：6月8日上午，在结束对俄罗斯联邦国事访问后，国家主席习近平回到北京。\n"
                   "中央办公厅主任丁薛祥，国务委员兼外交部部长王毅等陪同人员同机抵达。")
    (visit,) = home.meetings
    assert visit.kind == "访问" and edges(home, "chaired")[visit.label] == ["习近平"]
    assert edges(home, "attended")[visit.label] == ["习近平", "丁薛祥", "王毅"]


def test_names_that_end_like_a_function_word_or_hold_one():
    ex = extract("央视网消息：范长龙、许其亮、马晓天和田修思等参加。参加座谈会的党外人士还有罗富和等。"
                 "民革中央主席万鄂湘建议，推进改革。亚非法协上届年会主席达尼士·亚兹迪高度赞赏中方倡议。"
                 "副总理李克强和夫人程虹出席。")
    names = [p.name for p in ex.people]
    assert {"许其亮", "罗富和", "万鄂湘", "达尼士·亚兹迪", "李克强", "程虹"} <= set(names)
    assert not {"罗富", "万鄂", "李克强和", "达尼士·亚兹迪高度"} & set(names)


def test_lists_of_appointees_and_of_holders_each_take_the_post():
    ex = extract("央视网消息：会议经过表决，决定杨振明、信春华、李飞宇为大会副秘书长。"
                 "会议选出的全国政协副主席是：张庆明、帕巴拉·格列朗杰（藏族）、万钢（致公党界）、李斌（女）。")
    found = {p.name: [(x.label, x.tense) for x in p.posts] for p in ex.people}
    assert all(found[n] == [("大会副秘书长", "start")] for n in ("杨振明", "信春华", "李飞宇"))
    assert all(found[n] == [("全国政协副主席", "start")] for n in ("张庆明", "帕巴拉·格列朗杰", "万钢", "李斌"))


def test_verbs_after_foreign_names_are_no_part_of_them():
    found = posts(extract("本报讯 法国前总理德维尔潘、俄罗斯总统普京出席。"
                          "法国外长法比尤斯受法国总统奥朗德指派专程前来迎接。"
                          "总统米歇尔·奥恩不接受总理辞职。习近平请他转达对阮富仲总书记的问候。"))
    assert found["德维尔潘"] == ["法国总理"] and found["法比尤斯"] == ["法国外长"]
    assert "米歇尔·奥恩" in found and "阮富仲" in found
    assert not {"奥朗德指派", "米歇尔·奥恩不接", "米歇尔·奥恩不"} & set(found)


def test_ministries_are_named_whole_and_without_the_clause_before_them():
    found = posts(extract("央视网消息：常委会今天举行全体会议。会议听取了住房和城乡建设部副部长陆建安、"
                          "工业和信息化部部长江海成作的报告。会议听取了商务部部长顾文涛的报告。"
                          "财政部长梁正明、农业部长方国新列席会议。"))
    assert found["陆建安"] == ["住房和城乡建设部副部长"] and found["江海成"] == ["工业和信息化部部长"]
    assert found["顾文涛"] == ["商务部部长"]
    assert found["梁正明"] == ["财政部长"] and found["方国新"] == ["农业部长"]


def test_a_minority_name_opening_with_a_preposition_character_is_whole():
    ex = extract("央视网消息：常委会第九次会议今天举行第二次全体会议。赵乐际委员长出席。\n向巴平措副委员长主持会议。")
    assert edges(ex, "chaired") == {"常委会第九次会议第二次全体会议": ["向巴平措"]}


def test_reports_heard_are_no_visits_and_all_their_speakers_attend():
    ex = extract("央视网消息：常委会今天举行全体会议。周卫民副委员长主持会议。"
                 "会议听取了常委会副委员长孔令江作的关于检查安全生产法实施情况的报告。"
                 "会议听取了民族委员会副主任委员杜红、法律委员会副主任委员马启分别作的审议结果的报告。")
    assert [m.kind for m in ex.meetings] == ["会议"]
    assert {"孔令江", "杜红", "马启"} <= set(edges(ex, "attended")[ex.meetings[0].label])


def test_people_elected_and_presiding_at_a_plenary_attend_it():
    ex = extract("央视网消息：政协委员会主席胡正宁在14日下午举行的政协第二次会议第四次全体会议上，当选政协主席。"
                 "会议选出的副主席是：邵一平、格桑次仁（藏族）、阮丽（女）。\n"
                 "大会的执行主席是邵一平、阮丽，会议由邵一平主持。选举结果宣读前，前任主席黎光远来到大会会场。")
    (meeting,) = ex.meetings
    attended = edges(ex, "attended")[meeting.label]
    assert {"胡正宁", "邵一平", "格桑次仁", "阮丽", "黎光远"} <= set(attended)
    assert edges(ex, "chaired")[meeting.label] == ["邵一平"]


def test_a_meeting_convened_on_a_visit_is_an_event_of_its_own():
    ex = extract("央视网消息：4月6日至9日，国务院副总理宋立清赴山西调研，考察保障性住房建设，主持召开座谈会，"
                 "听取当地干部群众的意见建议。")
    assert sorted(m.kind for m in ex.meetings) == ["座谈会", "调研"]
    assert all(names == ["宋立清"] for names in edges(ex, "chaired").values())


def test_central_departments_and_the_bodies_whose_members_are_listed():
    found = posts(extract("央视网消息：中共中央政治局委员、中宣部部长黎明远出席。"
                          "常委会会议任命了第三任香港特别行政区基本法委员会组成人员。他们是：主任沈立新，副主任崔华、"
                          "张彦，委员王国平、李安。"))
    assert found["黎明远"] == ["中共中央政治局委员", "中宣部部长"]
    assert found["沈立新"] == ["香港特别行政区基本法委员会主任"]
    assert found["张彦"] == ["香港特别行政区基本法委员会副主任"] and found["李安"] == ["香港特别行政区基本法委员会委员"]


def test_an_appointment_order_names_ministries_and_brackets_say_who():
    found = posts(extract("央视网消息：国家主席签署主席令。\n任命罗海、方兰（女）为国务院副总理；\n"
                          "任命宋凤和、邱明为国务委员；\n任命邱明（兼）为国防部部长，\n任命关立为教育部部长，\n"
                          "任命严小东为人力资源和社会保障部部长，\n任命谷青（女）为审计署审计长。"))
    assert found["方兰"] == ["国务院副总理"] and found["宋凤和"] == ["国务委员"]
    assert found["邱明"] == ["国务委员", "国防部部长"]
    assert found["关立"] == ["教育部部长"] and found["严小东"] == ["人力资源和社会保障部部长"]
    assert found["谷青"] == ["审计署审计长"]


def test_counted_lists_and_attendees_named_after_the_event():
    ex = extract("央视网消息：政协会议今天举行记者会，邵文、黎方、潘启明三位全国政协委员就“乡村振兴”回应媒体关切。")
    assert set(edges(ex, "attended")[ex.meetings[0].label]) == {"邵文", "黎方", "潘启明"}
    ex = extract("央视网消息：第五次峰会21日在上海举行。国家主席钟华主持会议。\n"
                 "上午9时许，与会各国领导人陆续抵达会场。他们主要是：哈萨克斯坦总统托卡耶夫、阿塞拜疆总统阿利耶夫等。")
    assert {"托卡耶夫", "阿利耶夫"} <= set(edges(ex, "attended")[ex.meetings[0].label])


def test_long_transliterations_co_chairs_and_a_tour_after_a_ceremony():
    ex = extract("央视网消息：国家主席钟华11日会见白俄罗斯代表院主席安德烈琴科。")
    assert "安德烈琴科" in edges(ex, "attended")[ex.meetings[0].label]
    ex = extract("央视网消息：国务院总理程立当地时间29日同欧洲理事会主席图斯克、欧盟委员会主席容克共同主持第十七次"
                 "中国欧盟领导人会晤。")
    (meeting,) = ex.meetings
    assert meeting.label == "第十七次中国欧盟领导人会晤"
    assert edges(ex, "chaired")[meeting.label] == ["程立"]
    ex = extract("央视网消息：21日，国家副主席钟华在南宁出席了博览会开幕式，并参观博览会展馆。")
    assert [m.kind for m in ex.meetings] == ["开幕式"]


def test_meetings_a_visiting_leader_convenes_later_are_events_of_their_own():
    ex = extract("央视网消息：全国人大常委会委员长宋长青15日至17日在山东调研。\n"
                 "调研期间，宋长青分别主持召开了各级人大代表和地方人大工作座谈会。")
    labels = sorted(m.label for m in ex.meetings)  # a meeting whose name says what it is goes by that name
    assert labels == ["各级人大代表座谈会", "地方人大工作座谈会", "宋长青在山东调研"]
    assert all(m.date == date(2026, 3, 15) for m in ex.meetings)
    assert all(names[0] == "宋长青" for names in edges(ex, "chaired").values())
    ex = extract("央视网消息：宋长青15日至17日在山东调研。\n调研期间，宋长青主持召开座谈会。")
    assert sorted(m.label for m in ex.meetings) == ["宋长青主持召开座谈会", "宋长青在山东调研"]


def test_visits_their_days_their_meetings_and_their_hosts():
    ex = extract("央视网消息：国家主席钟华在出席论坛后，专程来到海军某部队，向官兵们致以问候。\n"
                 "9日上午，钟华来到军港码头。在基地办公楼前，钟华接见了部队领导干部。\n"
                 "10日下午，钟华来到军区机关。宋立、韩青参加有关活动。", title="钟华视察海军某部队")
    (visit,) = ex.meetings
    assert visit.label == "钟华视察海军某部队" and visit.date == date(2026, 3, 9)
    assert set(edges(ex, "attended")[visit.label]) >= {"宋立", "韩青"}
    found = posts(extract("央视网消息：钟华在湖北省委书记严立和省长程方陪同下，来到武汉。澳门特区行政长官何家安出席。"))
    assert found["程方"] == ["湖北省长"] and found["何家安"] == ["澳门特区行政长官"]


def test_a_welcome_ceremony_and_a_discussion_with_a_group():
    ex = extract("央视网消息：国家主席钟华18日下午在人民大会堂东门外广场举行仪式，"
                 "欢迎巴勒斯坦国总统阿巴斯对我国进行国事访问。")
    (ceremony,) = ex.meetings
    assert "阿巴斯" in ceremony.label and "阿巴斯" in edges(ex, "attended")[ceremony.label]
    ex = extract("央视网消息：7月18日至24日，全国政协常委宋立在青海考察调研。\n"
                 "在与青海省宗教界人士座谈时，宋立希望大家团结奋进。")
    assert sorted(m.kind for m in ex.meetings) == ["座谈会", "考察"]


def test_a_host_holds_a_ceremony_for_a_visitor_already_on_his_visit():
    ex = extract("央视网消息：当地时间3月26日，正在南非进行国事访问的国家主席钟华和夫人宋丽抵达比勒陀利亚联邦大厦广场，"
                 "受到祖马总统和夫人热情迎接。\n祖马为钟华举行了隆重的欢迎仪式。军乐队鼓乐齐鸣。\n"
                 "韦思成、罗振川等参加上述活动。", title="钟华出席南非总统祖马举行的欢迎仪式", day=date(2013, 3, 26))
    (ceremony,) = ex.meetings  # arriving at a square of a visit under way is no visit of its own
    assert edges(ex, "chaired")[ceremony.label] == ["祖马"]
    assert {"钟华", "宋丽", "韦思成", "罗振川"} <= set(edges(ex, "attended")[ceremony.label])
    ex = extract("央视网消息：国家主席钟华和夫人宋丽26日抵达比勒陀利亚，开始对南非进行国事访问。")
    (visit,) = ex.meetings
    assert edges(ex, "chaired")[visit.label] == ["钟华"]  # the traveller leads, not the spouse named last
    ex = extract("央视网消息：阿根廷总统马克里在这里举行隆重仪式，欢迎国家主席钟华对阿根廷进行国事访问。")
    (ceremony,) = ex.meetings
    assert edges(ex, "chaired")[ceremony.label] == ["马克里"] and "钟华" in edges(ex, "attended")[ceremony.label]


def test_talks_held_respectively_on_a_trip_are_one_each():
    ex = extract("央视网消息：应波兰众议长库赫钦斯基邀请，全国人大常委会委员长宋立12日至16日对波兰进行正式友好访问，"
                 "在华沙分别会见总统杜达、总理谢德沃，与库赫钦斯基和参议长卡尔切夫斯基分别举行会谈。",
                 day=date(2017, 7, 17))
    talks = [m.label for m in ex.meetings if m.kind == "会谈"]
    assert talks == ["宋立同库赫钦斯基会谈", "宋立同卡尔切夫斯基会谈"]
    assert all(edges(ex, "chaired")[label] == ["宋立"] for label in talks)


def test_a_rally_and_a_ceremony_named_by_the_verb_it_holds():
    ex = extract("央视网消息：南江妇女界25日举行“全市妇女守护家园大集会”，强烈谴责近期发生的暴力示威活动。\n"
                 "集会在国歌声中开始。南江妇协主席韦思成致开幕词。", title="南江举行“全市妇女守护家园大集会”")
    (rally,) = ex.meetings  # the rally, not the violence it condemns
    assert rally.label == "“全市妇女守护家园大集会”" and edges(ex, "attended")[rally.label] == ["韦思成"]
    assert posts(ex)["韦思成"] == ["南江妇协主席"]
    # 在…启动仪式上宣读…贺信并致辞: 启动 names the ceremony; the message is read out there
    ex = extract("央视网消息：国务院副总理宋立27日在“南江学院日”启动仪式上宣读了钟华的贺信并致辞。")
    (ceremony,) = ex.meetings
    assert ceremony.label == "“南江学院日”启动仪式" and edges(ex, "attended")[ceremony.label] == ["宋立"]


def test_a_round_up_heading_ending_with_a_title_stays_over_its_paragraph():
    ex = extract("央视网消息：\n黎真主党领导人指责沙特软禁黎总理\n"
                 "黎巴嫩真主党领导人纳斯鲁拉10日表示，确信沙特软禁了黎巴嫩总理哈里里并强迫他辞职。\n",
                 title="国际联播快讯", day=date(2017, 11, 11))
    assert posts(ex)["纳斯鲁拉"] == ["黎巴嫩真主党领导人"]
    # a title at the end of a wrapped column's line still waits for its name on the next
    ex = extract("央视网消息：出席会议的有市委常委、宣传部部长\n韦思成，市政府副市长罗振川等。\n", title="南江召开会议")
    assert "韦思成" in posts(ex)


def test_a_report_cited_by_its_author_puts_no_author_at_the_deliberation():
    ex = extract("央视网消息：参加十二届全国人大五次会议的代表今天分组审议政府工作报告。\n"
                 "国家副主席宋立参加南江代表团审议时说，完全赞同钟华总理作的政府工作报告。", day=date(2017, 3, 6))
    assert "钟华" not in {p.name for p in ex.participations}
    ex = extract("央视网消息：十二届全国人大五次会议今天上午开幕。会议听取了国务院总理钟华作的政府工作报告。",
                 day=date(2017, 3, 5))
    assert "钟华" in {p.name for p in ex.participations}  # heard: there


def test_removals_of_lists_and_chairs_named_after_by():
    ex = extract("央视网消息：常委会举行全体会议。会议由宋立副委员长主持。会议表决，免去邱敏的司法部部长职务，"
                 "免去严华、罗方的最高人民检察院副检察长职务。")
    found = {p.name: [(x.label, x.tense) for x in p.posts] for p in ex.people}
    assert ("司法部部长", "end") in found["邱敏"]
    assert all(("最高人民检察院副检察长", "end") in found[n] for n in ("严华", "罗方"))
    assert edges(ex, "chaired")[ex.meetings[0].label] == ["宋立"]


def test_a_leaders_wife_leads_her_own_visit_and_a_place_phrase_is_no_body():
    ex = extract("央视网消息：当地时间18日上午，国家主席钟华夫人宋丽和塞尔维亚总统尼科利奇夫人德拉吉察在贝尔格莱德"
                 "共同参观特殊教育学校。\n宋丽抵达时，德拉吉察和校长在停车处迎接。")
    (visit,) = ex.meetings
    assert edges(ex, "chaired")[visit.label] == ["宋丽"]
    assert not any("停车处" in p.name for p in ex.participations)


def test_guests_welcomed_to_another_event_attend_only_their_own_meeting():
    ex = extract("央视网消息：国务院副总理宋立10日在南宁分别会见前来出席博览会的柬埔寨首相洪森、越南政府总理阮春福。\n"
                 "在会见洪森时，宋立欢迎洪森出席博览会。\n在会见阮春福时，宋立欢迎阮春福前来出席博览会。")
    attended = edges(ex, "attended")
    assert {label: set(names) for label, names in attended.items() if "洪森" in names} == \
        {"宋立会见柬埔寨首相洪森": {"宋立", "洪森"}}


def test_royal_titles_exchanged_messages_and_the_youth_league():
    found = posts(extract("央视网消息：团中央书记处书记严方、罗青分别作了发言。柬埔寨国王西哈莫尼和太后莫尼列出席。"
                          "巴林国王哈马德互致贺电。国际奥委会主席巴赫致贺词。"))
    assert found["严方"] == ["团中央书记处书记"] and found["莫尼列"] == ["柬埔寨太后"]
    assert "哈马德" in found and "巴赫" in found
    assert not {"哈马德互", "致贺词", "贺词", "和太后"} & set(found)
    ex = extract("央视网消息：5月16日，国家主席钟华向某国总统致慰问电。")
    assert ex.meetings == []


def test_a_tense_marker_continues_a_chain_and_each_title_keeps_its_own_country():
    found = posts(extract("央视网消息：法院对衡阳市人大常委原副主任严立判刑。"
                          "缅甸副总统年吞、泰国副总理兼外长塔纳萨出席。国家主席钟华会见缅甸国务资政昂山素季。"))
    assert "原副" not in found and "严立" in found
    assert found["塔纳萨"] == ["泰国副总理", "泰国外长"] and found["昂山素季"] == ["缅甸国务资政"]


def test_a_plenary_gives_members_the_floor_and_its_presiding_list_keeps_names_ending_in_he():
    ex = extract("央视网消息：市政协十届三次会议9日下午举行第二次全体会议。十四位委员围绕经济建设作大会发言。\n"
                 "今天大会的执行主席是杜青林、罗富和、李海峰、周小川。会议由李海峰主持。\n"
                 "张守镇委员代表市总工会发言说，要建设产业工人队伍。刘继贤委员提出，要促进融合发展。\n"
                 "韩方代表表示，愿意合作。", day=date(2017, 3, 9))
    (meeting,) = ex.meetings
    attended = edges(ex, "attended")[meeting.label]
    assert attended[:4] == ["杜青林", "罗富和", "李海峰", "周小川"]
    assert {"张守镇", "刘继贤"} <= set(attended)
    assert edges(ex, "chaired")[meeting.label] == ["李海峰"]  # 由 before a bare name
    assert posts(ex)["张守镇"] == ["委员"]
    assert not any("委员" in name or name == "韩方" for name in posts(ex))  # no 十四位委员…, no 韩方 (a side)


def test_a_counted_lead_is_reported_meeting_by_meeting_with_its_speakers_listed_bare():
    ex = extract("央视网消息：24日至29日，国务院总理温家宝在中南海主持召开三次座谈会，听取意见。\n"
                 "在各民主党派负责人座谈会上，万鄂湘、张宝文、陈昌智和胡四一着重就推进城镇化等发言。\n"
                 "在专家学者座谈会上，卢中原、汤敏、迟福林等就扩大消费、转变政府职能等提出建议。\n"
                 "城镇化、教育、医疗等就是大家谈得最多的。\n"
                 "国务院副总理李克强、回良玉出席座谈会。", day=date(2013, 1, 29))
    labels = [m.label for m in ex.meetings]
    assert labels == ["各民主党派负责人座谈会", "专家学者座谈会"]  # no third, counted meeting
    attended = edges(ex, "attended")
    assert [n for n in attended[labels[0]] if n != "温家宝"][:4] == ["万鄂湘", "张宝文", "陈昌智", "胡四一"]
    assert [n for n in attended[labels[1]] if n != "温家宝"][:3] == ["卢中原", "汤敏", "迟福林"]
    for label in labels:
        assert edges(ex, "chaired")[label] == ["温家宝"]
        assert {"李克强", "回良玉"} <= set(attended[label])  # 出席座谈会: each of the counted meetings
    assert "城镇化" not in posts(ex)


def test_transliterations_with_common_characters_and_words_that_are_no_names():
    ex = extract("央视网消息：荷兰国王威廉—亚历山大和王后马克西玛到达北京。蒙古国外交部长普日布苏伦等到机场迎接。"
                 "国务院总理李克强在克罗地亚总理普连科维奇陪同下考察大桥。王沪宁宣读习近平主席贺信并致辞。"
                 "应文莱苏丹哈桑纳尔、菲律宾共和国总统杜特尔特邀请，习近平将出访。"
                 "习仲勋是陕甘边革命根据地的主要创建者之一，曾担任国务院副总理。会议决定，任县委书记。",
                 day=date(2018, 9, 17))
    found = posts(ex)
    assert {"威廉—亚历山大", "普日布苏伦", "普连科维奇", "杜特尔特"} <= set(found)
    assert not {"普日", "普连", "贺信", "菲律宾共", "曾担", "任县委"} & set(found)


def test_a_list_laid_out_one_item_a_line_keeps_each_name_apart():
    ex = extract("央视网消息：习近平当选国家主席，多国领导人发来贺电。\n发来贺电的还有：\n尼日尔总统 伊素福\n"
                 "赤道几内亚总统 奥比昂\n加纳总统 阿库福-阿多\n伊拉克总统 马苏姆\n多米尼克总理 斯凯里特\n"
                 "斐济总理 姆拜尼马拉马\n印度总理莫迪等还以其他方式表示祝贺。", day=date(2018, 3, 19))
    found = posts(ex)
    for name, post in [("伊素福", "尼日尔总统"), ("奥比昂", "赤道几内亚总统"), ("阿库福-阿多", "加纳总统"),
                       ("马苏姆", "伊拉克总统"), ("斯凯里特", "多米尼克总理"), ("姆拜尼马拉马", "斐济总理")]:
        assert post in found[name]
    assert not {"阿库福", "斯凯里"} & set(found)


def test_two_days_a_spoken_day_a_written_address_and_a_message_headline():
    ex = extract("央视网消息：国家主席习近平27日和28日在武汉东湖宾馆同印度总理莫迪举行非正式会晤。",
                 title="习近平同印度总理莫迪在武汉举行非正式会晤", day=date(2018, 4, 28))
    (meeting,) = ex.meetings
    assert meeting.date == date(2018, 4, 27) and "28日" not in meeting.label
    ex = extract("央视网消息：国务院总理李克强10月30号主持召开国务院常务会议，讨论社会救助制度。",
                 day=date(2013, 10, 30))
    assert edges(ex, "chaired") == {"国务院常务会议": ["李克强"]}
    ex = extract("央视网消息：国家主席习近平6日出席在钓鱼台国宾馆举行的第八轮中美战略与经济对话联合开幕式并讲话。"
                 "美国总统奥巴马向对话发来书面致辞。奥巴马在致辞中表示，双方要加强合作。", day=date(2016, 6, 6))
    (meeting,) = ex.meetings
    assert meeting.label == "第八轮中美战略与经济对话联合开幕式"
    assert edges(ex, "attended")[meeting.label] == ["习近平"]  # 奥巴马 sent a written address
    ex = extract("央视网消息：第二次青藏高原综合科学考察研究19日在拉萨启动。国家主席习近平发来贺信。",
                 title="习近平致信祝贺第二次青藏高原综合科学考察研究启动", day=date(2017, 8, 19))
    assert not ex.participations  # a message: he led no 考察


def test_a_person_and_bodies_listed_together_before_their_verb():
    ex = extract("央视网消息：全国人大常委会25日举行联组会议，开展专题询问。全国人大常委会副委员长郝明金主持会议。"
                 "最高人民检察院检察长张军和自然资源部、生态环境部、水利部等有关部门负责人到会应询。",
                 day=date(2019, 10, 25))
    attended = next(iter(edges(ex, "attended").values()))
    assert attended[:5] == ["郝明金", "张军", "自然资源部", "生态环境部", "水利部"]


def test_an_announced_meeting_is_no_event_but_a_briefing_held_today_is():
    ex = extract("央视网消息：上海合作组织成员国元首理事会第十八次会议将于6月9日至10日在山东省青岛市举行。"
                 "国家主席习近平将主持会议并举行相关活动。各国领导人将应邀与会。"
                 "外交部今天上午在京举行中外媒体吹风会，介绍了相关情况。", day=date(2018, 5, 28))
    assert [(m.label, m.date) for m in ex.meetings] == [("外交部中外媒体吹风会", date(2018, 5, 28))]
    assert not ex.participations  # 习近平 will chair; he has chaired nothing yet
    ex = extract("央视网消息：国务院总理李克强15日在郑州与来华出席上海合作组织成员国总理第十四次会议的各国领导人"
                 "共同出席联合记者会。", day=date(2015, 12, 15))
    assert edges(ex, "attended") == {"联合记者会": ["李克强"]}
    ex = extract("央视网消息：国家主席习近平6日抵达美国加利福尼亚州，将于7日至8日同奥巴马总统举行中美元首会晤。",
                 day=date(2013, 6, 7))
    assert ex.meetings  # the arrival happened; only the clause after it is announced


def test_members_asking_in_turn_speakers_counted_after_their_list_and_spokespeople():
    ex = extract("央视网消息：全国人大常委会第二十四次会议4日举行联组会议。全国人大常委会副委员长陈昌智主持会议。"
                 "吕薇委员就解决环境保护工作面临的主要困难问题；罗亮权委员就推进农村环境治理问题；"
                 "丛斌委员就环境损害赔偿的具体措施等问题提出询问。", day=date(2016, 11, 4))
    (meeting,) = ex.meetings
    assert {"吕薇", "罗亮权", "丛斌"} <= set(edges(ex, "attended")[meeting.label])
    ex = extract("央视网消息：中共中央军委主席习近平12日上午出席解放军和武警部队代表团全体会议。\n"
                 "会上，黎火辉、郭普校、张学宇、杨初格西、李伟等5位代表围绕推进军民融合等问题提出意见和建议。",
                 day=date(2018, 3, 12))
    attended = [n for names in edges(ex, "attended").values() for n in names]
    assert {"黎火辉", "郭普校", "张学宇", "杨初格西", "李伟"} <= set(attended)
    ex = extract("央视网消息：外交部发言人华春莹表示，中方欢迎。美国国务院发言人普萨基表示，美方关注。"
                 "美国总统国家安全事务助理多尼隆就会晤举行新闻发布会。", day=date(2014, 4, 12))
    found = posts(ex)
    assert found["华春莹"] == ["外交部发言人"] and found["普萨基"] == ["美国国务院发言人"] and "多尼隆" in found


def test_an_encounter_still_to_come_is_no_event():
    ex = extract("央视网消息：外交部宣布，国家主席习近平同美国总统奥巴马将在加州的安纳伯格庄园会晤。"
                 "国务院总理李克强将会见来华访问的德国总理默克尔。", day=date(2013, 6, 1))
    assert not ex.meetings


def test_lists_elected_in_one_clause_bare_lists_jieba_knows_and_two_dated_days():
    ex = extract("央视网消息：大会进行选举。张德江当选为第十二届全国人民代表大会常务委员会委员长；李建国、王胜俊、"
                 "艾力更-依明巴海、万鄂湘当选为第十二届全国人民代表大会常务委员会副委员长。", day=date(2013, 3, 14))
    found = posts(ex)
    # the term is part of the post as written (the body is the one body of every term)
    assert found["张德江"] == ["第十二届全国人民代表大会常务委员会委员长"]
    for name in ("李建国", "王胜俊", "艾力更-依明巴海", "万鄂湘"):
        assert found[name] == ["第十二届全国人民代表大会常务委员会副委员长"]
    ex = extract("央视网消息：全国政协12日上午举行仪式，纪念孙中山先生诞辰153周年。全国政协副主席李斌主持纪念仪式。"
                 "陈晓光、郑建邦、高云龙、何鲁丽、周铁农出席纪念仪式。", day=date(2019, 11, 12))
    (meeting,) = ex.meetings
    assert meeting.label == "全国政协纪念孙中山先生诞辰153周年仪式"
    assert edges(ex, "attended")[meeting.label][1:] == ["陈晓光", "郑建邦", "高云龙", "何鲁丽", "周铁农"]
    ex = extract("央视网消息：全国人大常委会委员长张德江当地时间8月30日、31日在纽约分别会见了联合国秘书长潘基文"
                 "和芬兰议长洛赫拉。王晨参加上述活动。", day=date(2015, 9, 2))
    assert [m.label for m in ex.meetings] == ["张德江会见联合国秘书长潘基文", "张德江会见芬兰议长洛赫拉"]
    assert [m.date for m in ex.meetings] == [date(2015, 8, 30), date(2015, 8, 31)]  # the days in the groups' order
    ex = extract("央视网消息：习近平主席和夫人彭丽媛在萨苏总统和夫人陪同下来到医院。", day=date(2013, 3, 31))
    assert "和夫人" not in posts(ex) and posts(ex)["萨苏"] == ["总统"]


def test_a_speaker_list_ending_in_a_name_with_he():
    ex = extract("央视网消息：座谈会上，赵会杰、孟宪东、李全文、魏凤和就加快发展提出建议。", day=date(2018, 3, 5))
    assert {"赵会杰", "孟宪东", "李全文", "魏凤和"} <= set(posts(ex))


def test_words_that_only_look_like_members_or_names():
    ex = extract("央视网消息：市政协十届三次会议9日下午举行第二次全体会议。东盟方代表表示，愿意合作。但不代表说这样。"
                 "4位学员代表发言说，很好。王大海代表在发言中说，要建设。刚驻村当助理那阵他可很打怵。",
                 day=date(2017, 3, 9))
    assert set(posts(ex)) == {"王大海"}
    ex = extract("央视网消息：两会今天举行记者会，国家发展和改革委员会主任何立峰、厉以宁等五位全国政协委员"
                 "回答了记者提问。此外，何立峰、张勇、宁吉喆还就价格形势等问题回答了记者的提问。", day=date(2017, 3, 6))
    found = posts(ex)
    assert found["厉以宁"] == [] and "宁吉喆" in found and "宁吉喆还" not in found


def test_a_title_after_and_is_no_name():
    ex = extract("央视网消息：出席的有众议长博纳、资深参议员麦凯恩以及数名总统助理和顾问。"
                 "国务院参事、总理顾问王大海出席。", day=date(2013, 6, 7))
    assert set(posts(ex)) == {"博纳", "麦凯恩", "王大海"}


def test_a_transliteration_before_a_verb_and_roles_of_sessions_and_summits():
    ex = extract("央视网消息：德国12号举行联邦大会总统选举，前外长施泰因迈尔获得931票，当选德国总统。",
                 title="施泰因迈尔当选德国新任总统", day=date(2017, 2, 13))
    assert set(posts(ex)) == {"施泰因迈尔"}
    ex = extract("央视网消息：湄公河次区域领导人会议20日在曼谷举行。泰国总理巴育主持开幕式会议，缅甸总统登盛、"
                 "柬埔寨首相洪森和亚洲开发银行行长中尾武彦与会。", day=date(2014, 12, 21))
    attended = {n for names in edges(ex, "attended").values() for n in names}
    assert {"登盛", "洪森"} <= attended
    ex = extract("央视网消息：十三届全国人大常委会第十五次会议23日在北京举行。会议审议了决定草案的议案。"
                 "最高人民法院院长周强作了说明。", day=date(2019, 12, 23))
    assert "周强" in {n for names in edges(ex, "attended").values() for n in names}


def test_standing_members_places_inside_titles_and_everyday_characters_before_words():
    ex = extract("央视网消息：全国政协十二届常委会第二十三次会议31日举行全体会议。蔡达峰常委代表民进中央发言表示，"
                 "坚定文化自信。联组会上，田沁鑫、邓纯东、陈力、王学典等4位委员，围绕攀登文艺新高峰提出建议。"
                 "平潭大桥起于福建省长乐市松下镇。中日双方12名省长和知事出席论坛。党的领导干部做到有权必有责。"
                 "全国政协主席贾庆林近日在河北调研时强调，要稳增长。", day=date(2017, 10, 31))
    assert set(posts(ex)) == {"蔡达峰", "田沁鑫", "邓纯东", "陈力", "王学典", "贾庆林"}


def test_what_a_speaker_recalls_is_not_this_event_and_titles_of_honour():
    ex = extract("央视网消息：全国人大常委会委员长栗战书27日在人民大会堂与爱尔兰众议长欧法雷尔举行会谈。"
                 "栗战书说，不久前，习近平主席在博鳌亚洲论坛年会宣布了一系列扩大开放举措。王晨参加会谈。",
                 day=date(2018, 4, 27))
    (meeting,) = ex.meetings
    assert "习近平" not in edges(ex, "attended")[meeting.label]
    ex = extract("央视网消息：中国国民党荣誉主席连战出席峰会并致辞。会谈结束后，吴邦国委员长和姆拜尼马拉马总理共同出席"
                 "签字仪式。", day=date(2012, 9, 21))
    found = posts(ex)
    assert found["连战"] == ["中国国民党荣誉主席"] and "和姆" not in found


def test_a_clause_that_dates_what_follows_and_encounters_a_speaker_recalls():
    ex = extract("央视网消息：欢迎仪式后，两国总理举行会谈。李克强表示，中方重视同匈方合作。"
                 "今年5月，习近平主席会见了访华的总理先生。", title="李克强同匈牙利总理举行会谈",
                 day=date(2017, 11, 30))
    assert not any(m.label == "欢迎仪式" or "访华的总理先生" in m.label for m in ex.meetings)


def test_the_two_leaders_the_headline_names():
    ex = extract("央视网消息：欢迎仪式后，两国总理举行会谈。李克强表示，中方愿将“一带一路”倡议同匈方发展战略对接。",
                 title="李克强同匈牙利总理举行会谈", day=date(2017, 11, 30))
    assert [m.label for m in ex.meetings] == ["李克强同匈牙利总理会谈"]
    assert edges(ex, "chaired") == {"李克强同匈牙利总理会谈": ["李克强"]}


def test_a_paragraph_back_at_the_reported_sitting_after_an_earlier_day():
    ex = extract("央视网消息：十二届全国人大常委会第十次会议30日下午举行联组会议，结合审议国务院的报告进行专题询问。\n"
                 "27日下午，本次常委会会议听取了国务院的报告。28日上午，会议分组审议了这个报告。\n"
                 "专题询问中，吕薇委员就如何防止简政放权改革重量不重质问题，辜圣祖委员就中小企业融资难问题提出询问。\n"
                 "联组会议由全国人大常委会副委员长张平主持。", day=date(2014, 8, 30))
    (meeting,) = ex.meetings
    assert edges(ex, "chaired")[meeting.label] == ["张平"]
    assert {"吕薇", "辜圣祖"} <= set(edges(ex, "attended")[meeting.label])


def test_a_visit_and_a_discussion_joined_by_bing():
    ex = extract("央视网消息：国务院总理温家宝13日到中关村考察并与部分企业负责人座谈。郭金龙、万钢参加考察。"
                 "曹建明在报告了2010年以来检查机关开展刑罚执行监督工作的成效后表示，要加强监督。",
                 day=date(2012, 12, 13))
    kinds = {m.label: m.kind for m in ex.meetings}
    assert kinds.get("温家宝同部分企业负责人座谈") == "座谈会"
    assert not any("曹建明" in label for label in kinds)  # 检查机关 is a body, no visit


def test_a_summit_named_in_quotes_an_activity_week_and_an_event_attended_before():
    ex = extract("央视网消息：当地时间10月16日上午，“金砖国家领导人第八次会晤”在印度果阿举行。王沪宁、栗战书等出席。",
                 day=date(2016, 10, 17))
    assert [m.label for m in ex.meetings] == ["金砖国家领导人第八次会晤"]
    ex = extract("央视网消息：12日至13日，国务院总理李克强在深圳、东莞考察，并出席2016年全国大众创业万众创新活动周。",
                 day=date(2016, 10, 13))
    assert "2016年全国大众创业万众创新活动周" in [m.label for m in ex.meetings]
    ex = extract("央视网消息：当地时间28号上午，李克强在出席中国-中东欧国家领导人会晤并圆满结束对罗马尼亚的正式访问后"
                 "飞赴乌兹别克斯坦。当天下午，李克强抵达乌兹别克斯坦首都塔什干，出席上海合作组织成员国总理第十二次会议。",
                 day=date(2013, 11, 29))
    assert not any("中东欧" in m.label for m in ex.meetings)


def test_two_leaders_meeting_the_press_and_elected_after_a_vote():
    ex = extract("央视网消息：签字仪式后，两国总理共同会见了记者。李克强表示，发展好中意关系符合双方共同利益。",
                 title="李克强与意大利总理共同会见记者", day=date(2014, 6, 11))
    assert [(m.label, m.kind) for m in ex.meetings] == [("李克强同意大利总理共同会见记者", "记者会")]
    ex = extract("央视网消息：欧洲足联秘书长因凡蒂诺26号在于苏黎世举行的国际足联特别代表大会上，经过两轮投票最终击败"
                 "三名对手，当选新的国际足联主席。", day=date(2016, 2, 27))
    assert edges(ex, "attended") == {"国际足联特别代表大会": ["因凡蒂诺"]}


def test_a_when_clause_opened_by_dang_closes_at_shi():
    ex = extract("央视网消息：越共中央总书记阮富仲举行欢迎仪式。当习近平夫妇抵达主席府时，阮富仲夫妇在下车处迎接。",
                 day=date(2015, 11, 5))
    assert "府时" not in posts(ex)


def test_a_place_and_the_visit_made_there_is_no_name():
    ex = extract("央视网消息：人民日报播发评论员文章《变中求新——学习贯彻习近平总书记吉林调研重要讲话精神之一》。",
                 day=date(2015, 7, 20))
    assert "吉林" not in posts(ex)


def test_a_list_closed_by_officials_named_by_their_office():
    ex = extract("央视网消息：中共中央总书记韦东山7日至11日在南方考察。王立群、宋家明和中央有关部门负责同志陪同考察。",
                 day=date(2012, 12, 11))
    assert edges(ex, "attended")[ex.meetings[0].label][1:] == ["王立群", "宋家明"]
    ex = extract("央视网消息：中共中央6日召开党外人士座谈会，中共中央总书记韦东山主持座谈会并发表重要讲话。"
                 "丁启明、刘思远、胡立新，中共中央、国务院有关部门负责人出席座谈会。", day=date(2019, 12, 6))
    assert edges(ex, "attended")[ex.meetings[0].label][1:] == ["丁启明", "刘思远", "胡立新"]


def test_a_province_by_its_short_name_heads_a_governor_s_post():
    ex = extract("央视网消息：国务院总理韦东山13日主持召开部分省份经济形势座谈会。江西省委书记刘启明、省长易文海和"
                 "吉林省长景向东、上海市长应立新发了言。", day=date(2019, 11, 14))
    assert posts(ex)["景向东"] == ["吉林省长"] and posts(ex)["应立新"] == ["上海市长"]
    assert edges(ex, "attended")[ex.meetings[0].label][1:] == ["刘启明", "易文海", "景向东", "应立新"]


def test_a_transliterated_name_before_a_title_china_shares():
    ex = extract("央视网消息：欢迎仪式后，韦东山主席同卢卡什维奇总统举行会谈。"
                 "王立群、宋家明等参加上述活动。", title="韦东山同白俄罗斯总统举行会谈", day=date(2015, 5, 11))
    (talk,) = ex.meetings
    assert edges(ex, "chaired") == {talk.label: ["韦东山"]}
    assert edges(ex, "attended")[talk.label][1:] == ["卢卡什维奇", "王立群", "宋家明"]


def test_who_reports_to_a_session_was_at_it():
    ex = extract("央视网消息：十二届全国人大常委会第十七次会议30日在京举行。"
                 "受国务院委托，财政部部长楼思远作了关于提请审议批准《某某协定》的议案的说明。"
                 "张文宝副委员长代表执法检查组向会议作了关于检查农业法实施情况的报告。"
                 "受国务院委托，国家发展改革委主任徐立明报告了今年以来国民经济和社会发展计划执行情况。"
                 "会议听取了生态环境部部长李立杰受国务院委托作的关于执法检查报告审议意见情况的报告。",
                 day=date(2015, 10, 30))
    assert edges(ex, "attended")[ex.meetings[0].label] == ["楼思远", "张文宝", "徐立明", "李立杰"]
    # a report given at another meeting, recalled, is no report to this one
    ex = extract("央视网消息：市委常委会3日召开会议。市委书记王立群主持会议。"
                 "王立群指出，韦东山总书记在十九大上作了报告。", day=date(2018, 1, 3))
    assert "韦东山" not in edges(ex, "attended")[ex.meetings[0].label]


def test_who_answers_the_press_on_a_topic_was_at_the_press_conference():
    ex = extract("央视网消息：十二届全国人大五次会议今天举行了三场记者会。全国人大内司委副主任委员王胜利、"
                 "财经委副主任委员尹立中就遏制校园暴力、预算报告审查、环境保护立法监督等问题回答了记者提问。"
                 "财政部部长刘立坤、国务院扶贫办主任刘永年等分别回答了中外记者的提问。",
                 day=date(2017, 3, 10))
    assert edges(ex, "attended")[ex.meetings[0].label] == ["王胜利", "尹立中", "刘立坤", "刘永年"]


def test_welcomers_and_the_leader_s_spouse_are_at_the_arrival():
    ex = extract("央视网消息：国家主席韦东山29日乘专机抵达杜伊斯堡，开始对德国进行国事访问。"
                 "韦东山和夫人林丽华抵达时，受到北威州州长克拉夫特、杜伊斯堡市市长林克等人热情迎接。",
                 day=date(2014, 3, 30))
    (visit,) = ex.meetings
    assert set(edges(ex, "attended")[visit.label]) >= {"林丽华", "克拉夫特", "林克"}


def test_two_hosts_meeting_one_guest_each_on_his_own():
    ex = extract("央视网消息：国务院总理韦东山、全国政协主席俞立声10日在北京分别会见了赞比亚总统萨塔。",
                 day=date(2013, 4, 10))
    chairs = edges(ex, "chaired")
    assert sorted(names[0] for names in chairs.values()) == ["俞立声", "韦东山"]
    for label, names in edges(ex, "attended").items():
        assert set(names) == {chairs[label][0], "萨塔"}


def test_a_long_list_of_foreign_leaders_named_by_their_office():
    ex = extract("央视网消息：国家主席韦东山4日在约翰内斯堡集体会见13位非洲国家领导人。刚果共和国总统萨苏、"
                 "摩洛哥政府首脑班基兰、卢旺达总理穆雷凯齐等出席会见。", day=date(2015, 12, 4))
    assert edges(ex, "attended")[ex.meetings[0].label][1:] == ["萨苏", "班基兰", "穆雷凯齐"]
    ex = extract("央视网消息：世界园艺博览会闭幕式9日在北京举行。国务院总理韦东山出席闭幕式并致辞。巴基斯坦总理"
                 "伊姆兰·汗、所罗门群岛总理索加瓦雷等外方领导人共同出席闭幕式。", day=date(2019, 10, 10))
    assert edges(ex, "attended")[ex.meetings[0].label][1:] == ["伊姆兰·汗", "索加瓦雷"]


def test_guests_reported_one_by_one_were_met_one_by_one():
    ex = extract("央视网消息：国务院总理韦东山19日在天津会见来华出席论坛的塞尔维亚总统武契奇、拉脱维亚总统韦约尼斯。"
                 "在会见武契奇时，韦东山表示，中塞关系不断走向深入。在会见韦约尼斯时，韦东山首先祝贺拉脱维亚独立100周年。"
                 "王立群、宋家明参加会见。", day=date(2018, 9, 19))
    assert len(ex.meetings) == 2
    assert sorted(map(frozenset, edges(ex, "attended").values())) == sorted(
        [frozenset({"韦东山", "武契奇", "王立群", "宋家明"}), frozenset({"韦东山", "韦约尼斯", "王立群", "宋家明"})])


def test_a_sentence_back_at_the_sitting_ends_another_day_s_story():
    ex = extract("央视网消息：十三届全国人大二次会议主席团12日上午在人民大会堂举行第二次会议。"
                 "主席团常务主席宋家明主持会议。\n"
                 "3月10日全天，各代表团认真审议了外商投资法草案。主席团会议听取了宪法和法律委员会主任委员李立飞作的"
                 "关于草案审议结果的报告。\n全国人大财政经济委员会主任委员徐立史向会议作了财政经济委员会的审查结果报告。",
                 day=date(2019, 3, 12))
    assert edges(ex, "attended")[ex.meetings[0].label] == ["宋家明", "李立飞", "徐立史"]


def test_a_lecture_tour_announced_by_its_lead_paragraph():
    ex = extract("央视网消息：中央宣讲团在各地继续展开宣讲。\n"
                 "在西藏大学，师生们向中央宣讲团成员、全国人大常委会副秘书长沈立耀提出了问题。\n"
                 "在江苏南京，中央宣讲团成员、江苏省省长李学文结合当地实际，就企业发展与群众交流。",
                 day=date(2012, 11, 30))
    assert sorted(names[0] for names in edges(ex, "chaired").values()) == ["李学文", "沈立耀"]


def test_welcomers_at_the_airport_after_a_group_of_officials():
    ex = extract("央视网消息：国家主席韦东山29日乘专机抵达香港，开始视察。"
                 "全国政协副主席董立华、特别行政区行政长官梁立英等香港特区高级官员、中央驻港机构负责人前往机场迎接。",
                 day=date(2017, 6, 29))
    assert edges(ex, "attended")[ex.meetings[0].label][1:] == ["董立华", "梁立英"]


def test_a_leader_joins_a_delegation_s_deliberation():
    ex = extract("央视网消息：中共中央总书记韦东山8日上午在参加他所在的十二届全国人大一次会议贵州代表团审议时强调，"
                 "要加强合作。", title="韦东山参加贵州代表团审议", day=date(2013, 3, 8))
    assert edges(ex, "attended") == {"贵州代表团审议": ["韦东山"]} and edges(ex, "chaired") == {}
    ex = extract("央视网消息：人大代表们在审议政府工作报告时认为，要顺应人民群众新期待。"
                 "中共中央政治局委员、广东省委书记胡立华在参加广东代表团审议时说，今年是开局之年。中共中央政治局委员、北京市委书记郭立龙在参加北京代表团"
                 "审议时说，我们要把握要求。", day=date(2013, 3, 7))
    assert edges(ex, "attended") == {"广东代表团审议": ["胡立华"], "北京代表团审议": ["郭立龙"]}


def test_a_visit_to_several_countries_named_by_them_and_a_talk_during_a_summit():
    ex = extract("央视网消息：11月16日上午，国家主席韦东山乘专机离开北京，应邀对厄瓜多尔、秘鲁、智利进行国事访问。",
                 day=date(2016, 11, 16))
    assert [m.label for m in ex.meetings] == ["韦东山对厄瓜多尔、秘鲁、智利进行国事访问"]
    ex = extract("央视网消息：当地时间11月14日晚，国务院总理韦东山在新加坡出席东亚合作领导人系列会议期间，"
                 "同澳大利亚总理莫里森举行第六轮中澳总理年度会晤。", day=date(2018, 11, 15))
    talk = next(m for m in ex.meetings if m.kind == "会晤")
    assert edges(ex, "chaired")[talk.label] == ["韦东山"] and "莫里森" in edges(ex, "attended")[talk.label]


def test_a_ceremony_warmly_welcoming_a_guest_and_the_host_s_daughter():
    ex = extract("央视网消息：当地时间3月22日上午，意大利总统马塔雷拉在这里举行仪式，热烈欢迎中国国家主席韦东山对意大利"
                 "进行国事访问。韦东山和夫人林丽华抵达时，马塔雷拉总统和女儿劳拉在停车处迎接，互致问候。",
                 day=date(2019, 3, 23))
    (ceremony,) = ex.meetings
    assert set(edges(ex, "attended")[ceremony.label]) == {"马塔雷拉", "韦东山", "林丽华", "劳拉"}


def test_a_married_name_with_two_surnames():
    ex = extract("央视网消息：国家主席韦东山29日乘专机抵达香港，开始视察。"
                 "全国政协副主席董立华、香港特别行政区候任行政长官林郑月娥等香港特区高级官员前往机场迎接。",
                 day=date(2017, 6, 29))
    assert "林郑月娥" in posts(ex) and "林郑月" not in posts(ex)


def test_a_verb_chained_by_bing_shares_the_subject_of_the_verb_before_it():
    ex = extract("央视网消息：应瑞士联邦主席毛雷尔邀请，国家副主席韦东山1月21日至24日访问瑞士、出席达沃斯世界经济论坛"
                 "2019年年会并致辞。", day=date(2019, 1, 25))
    (visit,) = ex.meetings
    assert visit.label == "韦东山访问瑞士" and edges(ex, "chaired") == {visit.label: ["韦东山"]}
    ex = extract("央视网消息：7月6日至8日，国务院总理韦东山来到江苏省常州、镇江、南京等地就当前经济形势进行调研，"
                 "并在南京主持召开五省经济形势座谈会。", day=date(2012, 7, 8))
    assert [names for names in edges(ex, "chaired").values()] == [["韦东山"], ["韦东山"]]
    # announced, not yet held: no one attends
    ex = extract("央视网消息：外交部今天在北京举行中外媒体吹风会。国家主席韦东山将主持金砖国家领导人第九次会晤，"
                 "并出席金砖国家工商论坛开幕式等有关活动。", day=date(2017, 8, 30))
    assert "韦东山" not in str(edges(ex, "attended"))


def test_a_list_goes_on_past_a_body_its_title_chain_left_unread():
    ex = extract("央视网消息：国家主席韦东山28日在博鳌会见博鳌亚洲论坛理事会成员。"
                 "博鳌亚洲论坛理事长福田康夫、法国前总理拉法兰、爱立信董事长约翰森、泰国前副总理素拉杰先后发言。",
                 day=date(2015, 3, 29))
    assert edges(ex, "attended")[ex.meetings[0].label][1:] == ["福田康夫", "拉法兰", "约翰森", "素拉杰"]
    ex = extract("央视网消息：国务院总理韦东山10日乘专机离开北京，对荷兰进行正式访问。韦东山总理夫人林丽华，国务委员兼"
                 "外交部长王立毅等陪同人员同机离京。", day=date(2018, 10, 11))
    assert edges(ex, "attended")[ex.meetings[0].label][1:] == ["林丽华", "王立毅"]


def test_a_sitting_reported_after_what_happened_on_other_days():
    ex = extract("央视网消息：十二届全国人大常委会第十八次会议26日下午在人民大会堂举行联组会议，进行专题询问。"
                 "张立平副委员长主持会议。\n在22日举行的本次常委会第二次全体会议上，审计长刘立义作了审计查出问题整改"
                 "情况的报告。24日，常委会会议分组审议了这份报告。\n在26日的联组会议中，常委会组成人员继续审议这一报告。\n"
                 "吴晓灵委员就预算编列细化问题，王明雯委员就地方政府债务问题等提出询问。"
                 "财政部部长楼立伟、国家体育总局局长刘立鹏等分别回答了委员们的询问。", day=date(2015, 12, 26))
    assert edges(ex, "attended")[ex.meetings[0].label] == ["张立平", "吴晓灵", "王明雯", "楼立伟", "刘立鹏"]


def test_the_members_a_ceremony_lists_receive_their_letters_there():
    ex = extract("央视网消息：全国人大常委会委员长韦东山28日上午在人民大会堂向基本法委员会组成人员颁发任命书。\n"
                 "刚刚闭幕的常委会会议任命了基本法委员会组成人员。他们是：主任沈立耀，副主任崔立昌、张立勇，委员王立禹。\n"
                 "王立晨主持了颁发任命书仪式。", day=date(2019, 12, 28))
    attended = set(edges(ex, "attended")[ex.meetings[0].label])
    assert attended == {"韦东山", "沈立耀", "崔立昌", "张立勇", "王立禹", "王立晨"}


def test_a_discussion_convened_on_a_visit_and_a_companion_of_the_visit():
    ex = extract("央视网消息：中共中央政治局常委韦东山8日在北京市调研时强调，要推进文化改革发展。\n"
                 "韦东山专门召开调研座谈会听取对文化改革发展的建议。\n"
                 "中共中央政治局委员、北京市委书记郭立龙一同调研。", day=date(2013, 6, 8))
    assert [m.kind for m in ex.meetings] == ["调研", "座谈会"]
    visit, talk = (m.label for m in ex.meetings)
    assert edges(ex, "chaired") == {visit: ["韦东山"], talk: ["韦东山"]}
    assert "郭立龙" in edges(ex, "attended")[visit] and "郭立龙" not in edges(ex, "attended")[talk]
    ex = extract("央视网消息：19日下午，国务院副总理韦东山在财政部调研并主持召开座谈会，研究部署财政工作。",
                 day=date(2018, 4, 20))
    assert [m.label for m in ex.meetings][0] == "韦东山在财政部调研"


def test_who_a_listed_person_is_does_not_open_their_name():
    ex = extract("央视网消息：第三届世界互联网大会16日在浙江乌镇开幕。中共中央政治局常委韦东山出席开幕式并致辞。"
                 "柬埔寨副首相贺南洪、美国图灵奖获得者雷伊·雷蒂、阿里巴巴董事局主席马云等分别在开幕式上致辞。",
                 day=date(2016, 11, 16))
    attended = [name for names in edges(ex, "attended").values() for name in names]
    assert "雷伊·雷蒂" in attended and not any("获得者" in name for name in attended)


def test_an_encounter_recalled_by_its_host_and_a_day_inside_the_speech():
    ex = extract("央视网消息：全国人大常委会委员长韦东山在会见奥朗德时表示，昨天王立平主席与总统阁下达成了重要共识。"
                 "奥朗德表示，法方对发展法中关系充满信心。", title="韦东山会见法国总统", day=date(2013, 4, 26))
    (meeting,) = ex.meetings
    assert (meeting.kind, meeting.date) == ("会见", date(2013, 4, 26))
    assert edges(ex, "chaired") == {meeting.label: ["韦东山"]} and "奥朗德" in edges(ex, "attended")[meeting.label]


def test_a_parade_and_a_list_going_on_past_and_a_former_premier():
    ex = extract("央视网消息：4月12日上午，中央军委在南海海域隆重举行海上阅兵。", day=date(2018, 4, 12))
    assert [m.label for m in ex.meetings] == ["中央军委海上阅兵"]
    ex = extract("央视网消息：世界经济论坛2012年新领军者年会11日在天津开幕，国务院总理韦东山出席开幕式并致辞。"
                 "津巴布韦副总理穆坦巴拉和澳大利亚前总理陆克文、英国前首相布朗等出席开幕式。", day=date(2012, 9, 11))
    assert edges(ex, "attended")[ex.meetings[0].label][1:] == ["穆坦巴拉", "陆克文", "布朗"]


def test_a_talk_with_a_partner_named_bare_and_a_wreath_laid_the_same_day():
    ex = extract("央视网消息：欢迎仪式后，国家主席韦东山同拉赫蒙举行会谈。\n当天上午，国家主席韦东山和夫人林丽华向"
                 "塔吉克斯坦民族和解与复兴纪念碑献花圈。\n王立宁、栗立书参加上述活动。", day=date(2014, 9, 13))
    talk, wreath = ex.meetings
    assert (talk.kind, wreath.kind) == ("会谈", "仪式")
    attended = edges(ex, "attended")
    assert set(attended[talk.label]) == {"韦东山", "拉赫蒙", "王立宁", "栗立书"}
    assert set(attended[wreath.label]) == {"韦东山", "林丽华", "王立宁", "栗立书"}
    ex = extract("央视网消息：欢迎仪式后，国务院总理韦东山同英拉举行会谈。", title="韦东山与泰国总理举行会谈",
                 day=date(2013, 10, 12))
    assert edges(ex, "attended") == {"韦东山同英拉会谈": ["韦东山", "英拉"]}


def test_a_married_name_before_a_verb_and_a_commissioner_s_title():
    ex = extract("央视网消息：7日，香港特区行政长官林郑月娥到达香港天水围区，视察新公众街市的选址。给时任包头市长"
                 "牛玉儒写的信也在展出。", day=date(2019, 8, 8))
    assert {"林郑月娥", "牛玉儒"} <= set(posts(ex)) and not {"林郑月", "牛玉儒写"} & set(posts(ex))
    ex = extract("央视网消息：新疆喀什地委副书记、喀什地区行署专员帕尔哈提·肉孜介绍新疆稳定发展的有关情况。",
                 day=date(2019, 12, 9))
    assert posts(ex) == {"帕尔哈提·肉孜": ["新疆喀什地委副书记", "喀什地区行署专员"]}


def test_a_group_met_one_by_one_and_a_talk_after_going_to_the_palace():
    ex = extract("央视网消息：国家主席韦东山16日在莫尔斯比港分别会见建交太平洋岛国领导人。\n"
                 "在会见密克罗尼西亚联邦总统克里斯琴时，韦东山指出，中方赞赏密方恪守一个中国原则。\n"
                 "在会见库克群岛总理普那时，韦东山指出，中库建交21年来关系良好。\n王立祥、杨立篪参加上述会见。",
                 day=date(2018, 11, 16))
    assert sorted(names[1] for names in edges(ex, "attended").values()) == ["克里斯琴", "普那"]
    assert all(names[-2:] == ["王立祥", "杨立篪"] for names in edges(ex, "attended").values())
    ex = extract("央视网消息：欢迎仪式后，国家主席韦东山前往葡萄牙总统府与葡萄牙总统德索萨举行会谈。",
                 day=date(2018, 12, 5))
    assert posts(ex)["德索萨"] == ["葡萄牙总统"]
    assert edges(ex, "chaired") == {"韦东山同葡萄牙总统德索萨会谈": ["韦东山"]}


def test_a_named_meeting_a_leader_chairs_without_convening_it():
    ex = extract("央视网消息：国家主席韦东山7日在汉堡主持金砖国家领导人非正式会晤，发表引导性讲话和总结讲话。"
                 "南非总统祖马、俄罗斯总统普京出席。", day=date(2017, 7, 7))
    assert edges(ex, "chaired") == {"金砖国家领导人非正式会晤": ["韦东山"]}
    assert edges(ex, "attended")["金砖国家领导人非正式会晤"][1:] == ["祖马", "普京"]
    ex = extract("央视网消息：国家主席韦东山将于9日主持金砖国家领导人非正式会晤。", day=date(2017, 7, 7))
    assert ex.meetings == []


def test_a_meeting_a_leader_speaks_at_on_a_day_and_one_only_cited():
    ex = extract("央视网消息：中共中央政治局常委韦东山30号在党的群众路线教育实践活动工作座谈会上强调，要抓好整改。"
                 "赵立际主持会议。", day=date(2013, 10, 30))
    (meeting,) = ex.meetings
    assert meeting.label == "党的群众路线教育实践活动工作座谈会"
    assert edges(ex, "chaired") == {meeting.label: ["赵立际"]} and "韦东山" in edges(ex, "attended")[meeting.label]
    ex = extract("央视网消息：2017年，各级纪检监察机关认真学习贯彻党的十九大精神。2018新年伊始，韦东山总书记在"
                 "学习贯彻党的十九大精神研讨班上发表重要讲话。", day=date(2018, 1, 11))
    assert ex.meetings == []
    ex = extract("央视网消息：14号，国家主席韦东山乘专机离开北京，赴土耳其出席二十国集团领导人第十次峰会。"
                 "陪同韦东山与会的有：中共中央政治局委员王立宁，国务委员杨立篪等。", day=date(2015, 11, 14))
    assert edges(ex, "attended")[ex.meetings[0].label][1:] == ["王立宁", "杨立篪"]


def test_a_foreign_vice_president_met_in_a_when_clause():
    ex = extract("央视网消息：会见老挝人革党中央政治局委员、中央书记处常务书记、国家副主席潘坎时，韦东山表示，"
                 "当前中老关系处于历史最好时期。", day=date(2017, 6, 11))
    assert posts(ex)["潘坎"][-1] == "老挝国家副主席" and "潘坎时" not in posts(ex)


def test_who_attended_the_opening_sitting_is_not_at_the_closing_one_reported():
    ex = extract("央视网消息：政协十二届全国委员会常务委员会第二次会议今天下午在京闭幕。"
                 "全国政协主席俞立声出席闭幕会并讲话。"
                 "这次会议是第一次专题议政性常委会议，国务院副总理张立丽同志应邀出席开幕会并作报告。",
                 day=date(2013, 6, 19))
    assert edges(ex, "attended")[ex.meetings[0].label] == ["俞立声"]


def test_a_span_reaching_the_sitting_s_day_and_a_tibetan_name_before_a_title():
    ex = extract("央视网消息：十二届全国人大一次会议主席团16日上午在人民大会堂举行第八次会议。"
                 "主席团常务主席韦东山主持会议。\n"
                 "3月15日下午和3月16日上午，各代表团认真审议了大会的各项决议草案。主席团会议分别经过表决，决定将决议草案"
                 "提请大会全体会议表决。\n主席团常务主席刘立山、李立国出席会议。", day=date(2013, 3, 16))
    assert edges(ex, "attended")[ex.meetings[0].label] == ["韦东山", "刘立山", "李立国"]
    ex = extract("央视网消息：十三届全国人大常委会第十五次会议24日举行第二次全体会议。白玛赤林副委员长主持会议。",
                 day=date(2019, 12, 24))
    assert edges(ex, "chaired") == {ex.meetings[0].label: ["白玛赤林"]}


def test_a_visit_keeps_the_headline_s_name_for_it():
    ex = extract("央视网消息：春节前夕，中共中央总书记韦东山来到北京卫戍区，看望慰问部队官兵。",
                 title="韦东山春节前夕视察看望北京卫戍区 向官兵致以新春祝福", day=date(2019, 2, 2))
    (visit,) = ex.meetings
    assert "韦东山春节前夕视察看望北京卫戍区" in visit.aliases


def test_the_activities_above_are_the_lead_s_day_not_a_spouse_s_visit_the_day_before():
    ex = extract("央视网消息：当地时间23日，国家主席韦东山在塔什干会见塔吉克斯坦总统拉赫蒙。\n"
                 "22日，韦东山夫人林丽华在乌兹别克斯坦总统夫人陪同下参观塔什干孔子学院。\n"
                 "王立宁、栗立书参加上述活动。", day=date(2016, 6, 23))
    attended = edges(ex, "attended")
    talk = next(m.label for m in ex.meetings if m.kind == "会见")
    assert set(attended[talk]) >= {"王立宁", "栗立书"}
    assert not any("王立宁" in names for label, names in attended.items() if label != talk)


def test_members_speaking_for_their_bodies_under_quoted_titles():
    ex = extract("央视网消息：政协十一届全国委员会常务委员会第十九次会议今天上午举行全体会议。"
                 "全国政协主席贾立林出席会议。"
                 "魏立群委员代表全国政协文史和学习委员会作了“把科学发展观确立为指导思想，是一项历史性决策”的发言，"
                 "李君立常委作了“以崇高的政治自觉推进协商民主的发展”的发言。", day=date(2012, 11, 21))
    assert edges(ex, "attended")[ex.meetings[0].label] == ["贾立林", "魏立群", "李君立"]


def test_a_speaker_s_own_words_put_no_one_at_the_event():
    ex = extract("央视网消息：国家主席韦东山5日在墨西哥城会见墨西哥国会常设委员会主席安纳亚。"
                 "韦东山表示，中墨互为重要发展机遇。我和培尼亚总统共同宣布，将中墨关系提升为全面战略伙伴关系。",
                 day=date(2013, 6, 6))
    assert "培尼亚" not in str(edges(ex, "attended"))


def test_a_session_holding_its_speeches_and_members_who_speak_saying():
    ex = extract("央视网消息：政协第十三届全国委员会常务委员会第七次会议18日下午举行大会发言。陈立光副主席主持会议。"
                 "程立红常委建议，要坚持依靠科技创新；李立伟常委认为，推动制造业高质量发展，必须加大改革力度。\n"
                 "刘晓立委员发言说，乡风文明建设取得明显成效。", day=date(2019, 6, 18))
    (meeting,) = ex.meetings
    assert meeting.label == "政协第十三届全国委员会常务委员会第七次会议"
    assert edges(ex, "attended")[meeting.label] == ["陈立光", "程立红", "李立伟", "刘晓立"]


def test_a_preposition_before_a_short_title_and_a_name_before_a_viewing():
    ex = extract("央视网消息：经习主席和中央军委审定批准，《学习纲要》近日印发全军。",
                 title="经习主席和中央军委审定批准 《学习纲要》印发全军", day=date(2013, 11, 21))
    assert "经习" not in posts(ex)
    ex = extract("央视网消息：伊拉克总理阿巴迪观看了阅兵式。", day=date(2017, 7, 15))
    assert posts(ex) == {"阿巴迪": ["伊拉克总理"]}


def test_an_arrival_told_by_a_reporter_on_the_spot_is_the_visit():
    ex = extract("央视网消息：各位观众，这里是荷兰阿姆斯特丹史基浦机场。当地时间3月22号中午，国家主席韦东山乘坐的专机"
                 "抵达这里。他是应荷兰首相吕特邀请出席核安全峰会的。韦东山主席还应国王邀请对荷兰进行国事访问。"
                 "韦东山和夫人林丽华走下舷梯。王立群、宋家明等陪同人员同机抵达。",
                 title="韦东山抵达荷兰阿姆斯特丹开启欧洲之旅并出席核安全峰会", day=date(2014, 3, 23))
    (visit,) = ex.meetings
    assert visit.kind == "访问" and "阿姆斯特丹" in visit.label and "对荷兰进行国事访问" in visit.label
    assert visit.date == date(2014, 3, 22)
    assert edges(ex, "chaired")[visit.label] == ["韦东山"]
    assert {"林丽华", "王立群", "宋家明"} <= set(edges(ex, "attended")[visit.label])


def test_a_trip_told_clause_by_clause_keeps_its_traveller():
    ex = extract("央视网消息：应俄罗斯联邦委员会主席马维科和国家杜马主席沃立金的邀请，全国人大常委会委员长宋家明18日至"
                 "20日赴俄罗斯出席中俄议会合作委员会第三次会议，在莫斯科会见俄罗斯总统普京。\n"
                 "宋家明与马维科共同主持中俄议会合作委员会第三次会议。\n王立群参加上述活动。",
                 day=date(2017, 4, 21))
    chairs = edges(ex, "chaired")
    kinds = {m.label: m.kind for m in ex.meetings}
    assert sorted(kinds.values()) == ["会见", "会议", "访问"]
    assert all(names[0] == "宋家明" for names in chairs.values())  # the inviters lead nothing
    (met,) = [label for label, kind in kinds.items() if kind == "会见"]
    assert "普京" in edges(ex, "attended")[met]
    assert all("王立群" in names for names in edges(ex, "attended").values())


def test_two_discussions_on_one_visit_are_told_apart_by_place_and_day():
    ex = extract("央视网消息：11日至12日，韦东山在河北省调研指导教育实践活动。\n"
                 "下午，韦东山来到西柏坡。在九月会议旧址，韦东山主持召开了座谈会。\n"
                 "河北省民政厅是直接同群众打交道的窗口。12日上午，韦东山来到这里了解情况。韦东山在民政厅主持召开座谈会。",
                 day=date(2013, 7, 12))
    talks = [m for m in ex.meetings if m.kind == "座谈会"]
    assert len(talks) == 2
    at_office = next(m for m in talks if "民政厅" in m.label)
    assert at_office.date == date(2013, 7, 12)
    chairs = edges(ex, "chaired")
    assert all(chairs.get(m.label) == ["韦东山"] for m in talks)


def test_who_chairs_the_discussion_of_a_visit_chairs_only_the_discussion():
    ex = extract("央视网消息：中共中央政治局常委刘立山3月25日至27日在安徽调研，并召开有市、县代表参加的座谈会。\n"
                 "刘立山对安徽的工作给予肯定。\n赵立际主持座谈会并参加调研。", day=date(2014, 3, 27))
    talk = next(m for m in ex.meetings if m.kind == "座谈会")
    visit = next(m for m in ex.meetings if m.kind == "调研")
    chairs = edges(ex, "chaired")
    assert "赵立际" in chairs[talk.label] and "赵立际" not in chairs[visit.label]
    assert "赵立际" in edges(ex, "attended")[visit.label]


def test_senders_listed_one_a_line_keep_their_names_apart():
    ex = extract("央视网消息：韦东山当选总书记，多国政党发来贺电。\n发来贺电或贺函的还有：\n"
                 "不丹王国政府首相吉格梅-廷里\n爱尔兰工党领袖、副总理吉尔摩\n德国社会民主党主席加布里尔\n葡萄牙社会党总书记塞古罗\n"
                 "捷克和摩拉维亚共产党主席菲利普\n拉脱维亚“和谐”社会民主党主席乌尔班诺维奇\n", day=date(2012, 11, 20))
    found = posts(ex)
    assert found["吉格梅-廷里"] == ["不丹王国政府首相"]
    assert found["塞古罗"] == ["葡萄牙社会党总书记"] and found["菲利普"] == ["捷克和摩拉维亚共产党主席"]
    assert "乌尔班诺维奇" in found and not any(len(name) > 6 and "·" not in name and "-" not in name for name in found)
    # the same list laid out with spaces
    spaced = extract("央视网消息：发来贺电或贺函的还有： 不丹王国政府首相吉格梅-廷里 德国社会民主党主席加布里尔 "
                     "捷克和摩拉维亚共产党主席菲利普 拉脱维亚“和谐”社会民主党主席乌尔班诺维奇", day=date(2012, 11, 20))
    assert set(posts(spaced)) == {"吉格梅-廷里", "加布里尔", "菲利普", "乌尔班诺维奇"}


def test_names_after_titles_that_a_dictionary_or_a_stop_character_hid():
    found = posts(extract("央视网消息：美国前国务卿基辛格日前在接受本台专访时表示，两国合作重要。全国人大常委会副委员长"
                          "向巴平措，国务委员杨立池出席。离开时，哈萨克斯坦第一副总理萨金塔耶夫偕政府高级官员到机场送行。"
                          "特朗普与俄罗斯外长拉夫罗夫会面时透露了情报。", day=date(2017, 5, 18)))
    assert {"基辛格", "向巴平措", "萨金塔耶夫", "拉夫罗夫"} <= set(found)
    assert found["萨金塔耶夫"] == ["哈萨克斯坦第一副总理"]
    assert not any(name.endswith(("偕", "会面", "日前")) for name in found)


def test_names_before_a_rank_and_before_均():
    found = posts(extract("央视网消息：韦东山会见亚奥理事会主席艾哈迈德亲王。韦东山和夫人林丽华走下舷梯，"
                          "威廉—亚历山大国王和马克茜玛王后热情迎接。吉尔吉斯斯坦总统热恩别科夫、塔吉克斯坦总统拉赫蒙均"
                          "前往机场迎接。县长王均出席。",
                          day=date(2019, 6, 16)))
    assert {"艾哈迈德", "马克茜玛", "拉赫蒙", "王均"} <= set(found)
    assert "拉赫蒙均" not in found and found["马克茜玛"] == ["王后"]


def test_both_partners_who_jointly_attend_attend():
    ex = extract("央视网消息：国务院总理韦东山当地时间19日中午在巴西利亚与巴西总统罗塞芙共同出席中巴工商界峰会并致辞。",
                 day=date(2015, 5, 21))
    (summit,) = ex.meetings
    assert edges(ex, "attended")[summit.label] == ["韦东山", "罗塞芙"]


def test_the_lead_s_meeting_told_again_later_is_one_meeting_on_its_own_day():
    ex = extract("央视网消息：7月1日至3日，国务院副总理韦东山在海南省调研并主持召开推进海南全面深化改革开放"
                 "领导小组会议。\n韦东山前往博鳌，调研先行区规划建设情况。\n2日，韦东山在海口主持召开推进海南全面深化改革开放领导小组会议。\n"
                 "韦东山表示，要开创新局面。\n胡立华、何立风参加会议。", day=date(2018, 7, 4))
    (meeting,) = [m for m in ex.meetings if m.kind == "会议"]
    assert meeting.date == date(2018, 7, 2)
    assert edges(ex, "attended")[meeting.label][-2:] == ["胡立华", "何立风"]


def test_welcomers_at_the_steps_heading_their_officials_or_after_也():
    ex = extract("央视网消息：国家主席韦东山抵达莫尔斯比港开始国事访问。韦东山步出舱门，"
                 "副总理埃布尔率政府高级官员在舷梯旁热情迎接。中国驻马来西亚大使黄立康、驻东盟大使徐步也到机场迎接。离开时，外长阿尼法到机场送行。",
                 day=date(2018, 11, 16))
    (visit,) = ex.meetings
    welcomed = edges(ex, "attended")[visit.label]
    assert {"埃布尔", "黄立康", "徐步"} <= set(welcomed)
    assert "阿尼法" not in welcomed  # who sees a leader off at the last stop is at the visit he left


def test_the_others_a_list_adds_after_的还有_are_people():
    found = posts(extract("央视网消息：会议推选宋家明为主席团常务主席。"
                          "同时被推选为主席团常务主席的还有陈立希、王立晨、白玛赤林。"
                          "出席会议的还有各省区市负责同志。", day=date(2018, 3, 4)))
    assert {"陈立希", "王立晨", "白玛赤林"} <= set(found)
    assert not any(name.startswith("各") for name in found)


def test_the_wreath_after_an_encounter_is_on_the_encounter_s_day_and_names_the_monument():
    ex = extract("央视网消息：全国人大常委会委员长韦东山13日在人民大会堂会见尼日利亚总统布哈里。\n"
                 "韦东山表示，中尼传统友谊深厚。昨天，国家主席与总统先生全面规划了两国关系发展。\n王立群参加会见。\n"
                 "当天下午，尼日利亚总统布哈里前往天安门广场向人民英雄纪念碑敬献花圈。", day=date(2016, 4, 13))
    wreath = ex.meetings[-1]
    assert wreath.date == date(2016, 4, 13) and "人民英雄纪念碑" in wreath.label
    # the guest pays the tribute at a ceremony the hosts hold: he takes part, he presides over nothing
    assert edges(ex, "attended")[wreath.label] == ["布哈里"]
    assert wreath.label not in edges(ex, "chaired")


def test_a_long_list_goes_on_past_a_name_too_short_to_read_and_companions_listed_after_有():
    ex = extract("央视网消息：国家主席韦东山5号在约翰内斯堡集体会见非洲国家领导人。乍得总统代比、"
                 "塞拉利昂副总统福、布隆迪第二副总统布托雷出席会见。", day=date(2015, 12, 5))
    assert edges(ex, "attended")[ex.meetings[0].label][1:] == ["代比", "布托雷"]
    ex = extract("央视网消息：国务院总理韦东山19日下午乘专机离开北京，赴布鲁塞尔出席中欧领导人会晤，"
                 "并对比利时进行正式访问。\n随韦东山总理出访的主要陪同人员有：外交部部长杨立池，科技部部长万立钢，外交部副部长宋立涛。",
                 day=date(2012, 9, 19))
    (visit,) = ex.meetings
    assert edges(ex, "attended")[visit.label][-3:] == ["杨立池", "万立钢", "宋立涛"]


def test_a_verb_or_a_coronation_after_a_title_is_no_name():
    found = posts(extract("央视网消息：韦东山总书记考察山西时的重要讲话，在干部群众中引发热烈反响。",
                          title="韦东山总书记考察山西引发热烈反响", day=date(2017, 6, 25)))
    assert set(found) == {"韦东山"}
    found = posts(extract("央视网消息：国家主席韦东山29日致电柬埔寨国王西哈莫尼，祝贺他登基15周年。",
                          title="韦东山致电祝贺柬埔寨国王西哈莫尼登基15周年", day=date(2019, 10, 29)))
    assert set(found) == {"韦东山", "西哈莫尼"}


def test_a_meeting_told_twice_under_one_name_is_one_meeting():
    ex = extract("央视网消息：8月21日，国务院副总理韦东山在北京市考察保障性安居工程建设情况，"
                 "并召开保障房分配和运行现场会。\n韦东山来到小区察看。\n"
                 "随后，韦东山主持召开保障房分配和运行现场会，听取有关情况汇报。", day=date(2012, 8, 22))
    assert [m.kind for m in ex.meetings].count("会议") == 1


def test_two_leaders_who_jointly_chair_consultations_both_chair_them():
    ex = extract("央视网消息：欢迎仪式后，国务院总理韦东山与德国总理默克尔共同主持第三轮中德政府磋商。"
                 "两国政府26位部长参加磋商。", day=date(2014, 10, 11))
    (talks,) = ex.meetings
    assert talks.label == "第三轮中德政府磋商"
    assert set(edges(ex, "chaired")[talks.label]) == {"默克尔", "韦东山"}


def test_a_discussion_the_lead_reports_is_an_event_named_as_the_headline_names_it():
    ex = extract("央视网消息：全国政协主席韦东山7月8日在京与有关民主党派中央负责人座谈，"
                 "就民主党派开展的专题调研进行协商。\n民革中央主席万立湘介绍了调研成果。",
                 title="韦东山出席“优化营商环境”调研协商座谈会",
                 day=date(2019, 7, 8))
    (talk,) = ex.meetings
    assert talk.kind == "座谈会" and "“优化营商环境”调研协商座谈会" in talk.aliases
    assert edges(ex, "chaired")[talk.label] == ["韦东山"]
    ex = extract("央视网消息：国务院总理韦东山今天上午在大连看望学校师生，并与教师座谈。", day=date(2013, 9, 9))
    assert sorted(m.kind for m in ex.meetings) == ["座谈会", "走访"]


def test_a_tour_then_an_encounter_in_one_lead_are_two_events():
    ex = extract("央视网消息：中共中央政治局常委韦东山参观文化中心制作的《我们走过三十年》图片展"
                 "并会见纪念大会与会代表，他指出，文化交流是沟通心灵的桥梁。\n中共中央政治局委员李立国参加参观、会见活动并出席纪念大会。",
                 title="韦东山会见出席纪念大会代表并参观展览", day=date(2014, 10, 29))
    kinds = {m.kind: m for m in ex.meetings}
    assert set(kinds) == {"参观", "会见"}
    assert not kinds["参观"].aliases  # the headline names both events, not the tour alone
    assert not any(p.is_body for p in ex.participations)  # no body 图片展并会见纪念大会


def test_a_visit_that_carries_out_an_instruction_is_still_a_visit():
    ex = extract("央视网消息：中共中央政治局常委韦东山6月8日至10日，在福建三明、南平，就加强基层党建工作进行调研，"
                 "强调要认真贯彻习近平总书记重要指示。\n调研期间，韦东山主持召开基层党建工作座谈会。",
                 day=date(2017, 6, 10))
    assert sorted(m.kind for m in ex.meetings) == ["座谈会", "调研"]
    ex = extract("央视网消息：韦东山在安徽调研时强调，要认真贯彻重要指示精神。\n3月25日至27日，韦东山深入农村调研，"
                 "并召开有省、市、县、村代表参加的座谈会。", day=date(2014, 3, 27))
    assert "有省、市、县、村代表参加的座谈会" in [m.label for m in ex.meetings]


def test_a_discussion_told_again_where_it_was_held_and_a_companion_s_visit():
    ex = extract("央视网消息：7月6日至8日，国务院总理韦东山来到江苏省常州、南京等地就当前经济形势进行调研，"
                 "并在南京主持召开五省经济形势座谈会。\n韦东山指出，当前经济运行总体平稳。\n"
                 "8日上午，韦东山在南京主持召开座谈会，同五省负责同志座谈。\n国务委员马立凯一同考察。",
                 day=date(2012, 7, 8))
    talks = [m for m in ex.meetings if m.kind == "座谈会"]
    assert len(talks) == 1 and talks[0].date == date(2012, 7, 8)
    assert not any("马立凯" in names for names in edges(ex, "chaired").values())
    ex = extract("央视网消息：刘立山7月9日至11日在宁夏调研。\n调研期间，刘立山召开“三严三实”专题教育调研座谈会。",
                 day=date(2015, 7, 11))
    assert "“三严三实”专题教育调研座谈会" in [m.label for m in ex.meetings]


def test_a_headline_subject_before_a_dash_far_along_is_read():
    ex = extract("央视网消息：当天下午，韦东山在杜布罗夫尼克分别会见了保加利亚总理博里索夫、塞尔维亚总理布尔纳比奇。",
                 title="韦东山分别会见出席中国—中东欧国家领导人会晤的两国总理", day=date(2019, 4, 12))
    assert len(ex.meetings) == 2
    assert all(names == ["韦东山"] for names in edges(ex, "chaired").values())


def test_从_ends_a_name_and_a_seat_is_no_given_name():
    found = posts(extract("央视网消息：大会执行主席马立国在主席台执行主席席就座。最高人民法院院长周立强从9个方面报告了"
                          "最高人民法院过去五年的主要工作。", day=date(2018, 3, 9)))
    assert set(found) == {"马立国", "周立强"}


def test_talks_the_lead_gives_to_both_sides_are_the_headline_s():
    ex = extract("央视网消息：欢迎仪式结束后，双方举行会谈。\n"
                 "奥朗德代表法国政府和人民致以诚挚慰问。韦东山对此表示感谢。",
                 title="韦东山同法国总统奥朗德举行会谈", day=date(2013, 4, 25))
    (talk,) = ex.meetings
    assert edges(ex, "chaired")[talk.label] == ["韦东山"] and "奥朗德" in edges(ex, "attended")[talk.label]


def test_a_short_named_summit_a_leader_chairs():
    ex = extract("央视网消息（新闻联播）：国家主席韦东山当地时间28日在大阪主持中非领导人会晤。", day=date(2019, 6, 29))
    (summit,) = ex.meetings
    assert summit.label == "中非领导人会晤" and summit.date == date(2019, 6, 28)
    assert edges(ex, "chaired")[summit.label] == ["韦东山"]


def test_a_stated_state_visit_and_a_departure_named_by_where_it_goes():
    ex = extract("央视网消息：应以色列议长埃德尔斯坦邀请，全国人大常委会委员长韦东山19日至22日"
                 "对以色列进行正式友好访问，在耶路撒冷分别会见总统里夫林、总理内塔尼亚胡。", day=date(2016, 9, 22))
    kinds = sorted(m.kind for m in ex.meetings)
    assert kinds == ["会见", "会见", "访问"]
    assert all(names[0] == "韦东山" for names in edges(ex, "chaired").values())
    ex = extract("央视网消息：应俄罗斯联邦总统普京邀请，国家主席韦东山6日上午乘专机离开北京，"
                 "前往俄罗斯索契出席第二十二届冬季奥林匹克运动会开幕式。", day=date(2014, 2, 6))
    assert "索契" in ex.meetings[0].label
    ex = extract("央视网消息：罗塞夫对韦东山对巴西进行国事访问表示热烈欢迎。", day=date(2014, 7, 18))
    assert not ex.meetings


def test_who_will_accompany_a_leader_later_is_not_at_the_arrival():
    ex = extract("央视网消息：应俄罗斯总理梅德韦杰夫邀请，当地时间30日中午国务院总理韦东山抵达这里"
                 "出席上海合作组织成员国总理第十六次会议。\n与会期间，韦东山还将举行多场双边会见，并在梅德韦杰夫总理陪同下出席有关人文活动。",
                 title="韦东山抵达索契出席上海合作组织成员国总理第十六次会议", day=date(2017, 12, 1))
    assert not any(p.name == "梅德韦杰夫" for p in ex.participations)


def test_leaders_of_several_states_met_in_one_sentence_were_met_one_by_one():
    ex = extract("央视网消息：国家副主席韦东山1月21日至24日访问瑞士。与会期间，韦东山还会见了乌克兰总统波罗申科、"
                 "奥地利总理库尔茨等。", day=date(2019, 1, 25))
    met = [m for m in ex.meetings if m.kind == "会见"]
    assert len(met) == 2
    ex = extract("央视网消息：国家主席韦东山4日在约翰内斯堡集体会见乍得总统代比、塞内加尔总统萨勒。",
                 day=date(2015, 12, 4))
    assert len(ex.meetings) == 1


def test_two_days_and_two_groups_met_apart_in_that_order():
    ex = extract("央视网消息：全国人大常委会委员长韦东山当地时间8月30日、31日在纽约分别会见了联合国秘书长潘基文和"
                 "出席世界议长大会的芬兰议长洛赫拉、尼日利亚众议长多加拉。", day=date(2015, 9, 2))
    days = {m.label: m.date for m in ex.meetings}
    assert days == {"韦东山会见联合国秘书长潘基文": date(2015, 8, 30), "韦东山会见芬兰议长洛赫拉": date(2015, 8, 31),
                    "韦东山会见尼日利亚众议长多加拉": date(2015, 8, 31)}


def test_a_list_goes_on_past_a_long_role_before_each_state():
    ex = extract("央视网消息：国家主席韦东山当地时间28日在大阪主持中非领导人会晤。"
                 "中非合作论坛前任非方共同主席国南非总统拉马福萨、非洲联盟轮值主席国埃及总统塞西、中非合作论坛现任非方共同主席国塞内加尔总统萨勒和"
                 "联合国秘书长古特雷斯出席。", day=date(2019, 6, 29))
    (summit,) = ex.meetings
    assert edges(ex, "attended")[summit.label][1:] == ["拉马福萨", "塞西", "萨勒", "古特雷斯"]


def test_a_message_of_sympathy_is_no_visit():
    ex = extract("央视网消息：国家主席韦东山8日就缅甸军机失事向缅甸总统廷觉致慰问电。韦东山代表中国政府和人民，"
                 "对遇难者表示深切哀悼。", title="韦东山就缅甸军机失事向缅甸总统致慰问电", day=date(2017, 6, 9))
    assert not ex.meetings


def test_a_headline_names_the_summit_a_body_opens_inside_of():
    ex = extract("央视网消息：祁向东在发言中指出，各国要携手应对挑战。\n"
                 "柬埔寨首相洪达主持会议。\n会议通过了宣言。", title="祁向东出席第七届东亚峰会")
    assert [m.label for m in ex.meetings] == ["第七届东亚峰会"]
    assert edges(ex, "attended")["第七届东亚峰会"][0] == "祁向东"
    assert edges(ex, "chaired")["第七届东亚峰会"] == ["洪达"]
    # announced in the headline, not held: no event
    ex = extract("央视网消息：纪念大会将于4月30日上午在人民大会堂举行。祁向东将出席大会并发表讲话。",
                 title="祁向东将出席纪念五四运动100周年大会")
    assert ex.meetings == []


def test_an_opening_of_a_course_is_an_event():
    ex = extract("央视网消息：统一战线专题研讨班7月22日在京开班。中共中央政治局常委、全国政协主席韦思成"
                 "出席开班式并发表重要讲话。", title="韦思成出席统一战线专题研讨班开班式")
    assert [m.label for m in ex.meetings] == ["统一战线专题研讨班开班式"]
    assert "韦思成" in edges(ex, "attended")["统一战线专题研讨班开班式"]


def test_a_bare_meeting_is_named_by_its_agenda():
    ex = extract("央视网消息：中共中央总书记、国家主席邝志远18日在中南海主持召开会议，专题听取冬奥会筹办工作情况"
                 "汇报。国务院副总理丁启明出席会议。")
    (meeting,) = ex.meetings
    assert meeting.label == "邝志远主持召开会议听取冬奥会筹办工作情况汇报"
    assert edges(ex, "chaired")[meeting.label] == ["邝志远"]
    assert "丁启明" in edges(ex, "attended")[meeting.label]


def test_a_name_met_again_right_after_a_time_word():
    ex = extract("央视网消息：随后，韦思成还会见了外长穆尼。\n当天韦思成与孟加拉国总理哈斯娜举行了工作会谈。",
                 title="韦思成与孟加拉国总理举行工作会谈")
    talks = [m.label for m in ex.meetings if m.kind == "会谈"]
    assert talks == ["韦思成同孟加拉国总理哈斯娜工作会谈"]  # (举行了: no stray 了 in the label)
    assert edges(ex, "chaired")[talks[0]] == ["韦思成"]


def test_a_dated_paragraph_of_a_trip_attends_another_event():
    ex = extract("央视网消息：11月11日，国家副主席韦思成在巴黎会见法国总统马龙。\n"
                 "韦思成表示，两国关系发展良好。\n"
                 "11月12日，韦思成出席第二届巴黎和平论坛开幕式并致辞。\n"
                 "韦思成表示，中国愿与国际社会一道努力。",
                 title="韦思成会见法国总统并出席第二届巴黎和平论坛", day=date(2019, 11, 13))
    opening = next(m for m in ex.meetings if m.label == "第二届巴黎和平论坛开幕式")
    assert opening.date == date(2019, 11, 12)
    assert edges(ex, "attended")[opening.label] == ["韦思成"]


def test_who_a_speaker_recalls_from_a_past_month_attends_nothing():
    ex = extract("央视网消息：全国政协主席邝志远5日在北京会见阿联酋联邦国民议会议长古丽茜。\n"
                 "邝志远说，中方始终重视中阿关系。今年7月韦思成主席对阿联酋进行国事访问，同哈迈德王储共同宣布建立"
                 "两国全面战略伙伴关系。\n古丽茜说，阿方愿作出贡献。\n丁启明参加会见。")
    (meeting,) = ex.meetings
    assert edges(ex, "attended")[meeting.label] == ["邝志远", "古丽茜", "丁启明"]


def test_a_discussion_in_the_lead_s_second_clause_is_its_subject_s():
    ex = extract("央视网消息：当地时间20日上午，韦思成在里约热内卢乘坐中国产“面包山”号渡轮，并在船上同中巴企业家代表"
                 "座谈。\n当天，韦思成还分别会见了里约市长帕伊斯和里约州长佩罗。",
                 title="韦思成乘坐渡轮并同中巴企业家代表座谈")
    labels = [m.label for m in ex.meetings]
    assert labels == ["韦思成同中巴企业家代表座谈", "韦思成会见市长帕伊斯", "韦思成会见州长佩罗"]
    assert edges(ex, "chaired")["韦思成同中巴企业家代表座谈"] == ["韦思成"]
    # the people visited are no partners of a discussion of its own
    ex = extract("央视网消息：国务院总理韦思成3月20日在东海市调研。韦思成来到一家养老院，看望老人，并同他们座谈。")
    assert [m.kind for m in ex.meetings] == ["调研"]


def test_a_group_received_keeps_the_verb_as_written():
    ex = extract("央视网消息：20日下午，全国人大常委会委员长韦思成在人民大会堂接见了"
                 "澳门特别行政区行政、立法、司法机构负责人。")
    assert [m.label for m in ex.meetings] == ["韦思成接见澳门特别行政区行政、立法、司法机构负责人"]


def test_a_function_word_or_a_country_is_never_a_name():
    ex = extract("央视网消息：这名副局长被给予党内警告处分。周新建组长向记者介绍，问责不能有人情。\n"
                 "由沙特阿拉伯组建的反恐军事联盟26日在沙特首都利雅得召开首次成员国国防部长会议。"
                 "在当天的会议上，沙特王储兼国防部长穆罕默德·本·萨勒曼发表讲话。\n"
                 "村委会主任向长江介绍，村里变化很大。")
    names = set(posts(ex))
    assert {"周新建", "向长江", "穆罕默德·本·萨勒曼"} <= names  # (向长江: a place name may be a given name)
    assert not names & {"向记者", "沙特"}
    ex = extract("央视网消息：武契奇当选塞尔维亚新一届总统\n塞尔维亚选举委员会20号晚公布总统选举最终结果，塞尔维亚总理"
                 "武契奇获胜。", title="武契奇当选塞尔维亚新一届总统")
    assert "塞尔维亚" not in posts(ex)


def test_a_bare_list_never_reads_a_function_word_as_a_name():
    ex = extract("央视网消息：全国政协主席韦思成21日在北京会见佛教协会代表。韦思成向全体与会代表表示诚挚问候。"
                 "国务院副总理丁启明参加会见。\n日本与澳大利亚外长和防长参加的“2+2”会谈今天举行。")
    attended = {n for names in edges(ex, "attended").values() for n in names}
    assert "丁启明" in attended and not attended & {"向全体", "和防长"}


def test_a_course_that_closes_is_its_closing_ceremony():
    ex = extract("央视网消息：新进中央委员会委员学习贯彻全会精神研讨班7日下午在中央党校结业。中共中央政治局常委韦思成"
                 "出席结业式并作总结讲话。\n韦思成强调，要深化认识。\n中共中央政治局委员丁启明主持结业式。")
    (meeting,) = ex.meetings
    assert meeting.label == "新进中央委员会委员学习贯彻全会精神研讨班结业式"
    assert edges(ex, "chaired")[meeting.label] == ["丁启明"]
    assert "韦思成" in edges(ex, "attended")[meeting.label]


def test_opening_words_a_relative_and_a_companion_before_de_attend():
    ex = extract("央视网消息：第十三届全国运动会今晚在天津开幕。国家主席韦思成出席开幕式。\n"
                 "第十三届全运会组委会主任、国家体育总局局长丁启明致开幕辞。\n"
                 "开幕式上，韦思成在国际奥委会主席巴克的陪同下观看了演出。")
    (meeting,) = ex.meetings
    assert edges(ex, "attended")[meeting.label] == ["韦思成", "丁启明", "巴克"]
    ex = extract("央视网消息：纪念邝志远同志诞辰100周年座谈会今天在京举行。"
                 "中共中央总书记、国家主席韦思成作为亲属参加座谈会。")
    assert edges(ex, "attended")[ex.meetings[0].label] == ["韦思成"]


def test_a_comma_list_of_titled_people_reads_past_an_unread_body():
    ex = extract("央视网消息：海峡两岸企业家峰会今天在南京举行。全国政协主席韦思成出席。"
                 "中国国际经济交流中心理事长曾培言，台湾两岸共同市场基金会最高顾问钱复，"
                 "中共江苏省委书记罗志军分别在峰会上致辞。")
    (meeting,) = ex.meetings
    assert edges(ex, "attended")[meeting.label] == ["韦思成", "曾培言", "钱复", "罗志军"]


def test_lists_after_de_you_and_after_an_election_attend():
    ex = extract("央视网消息：国务院总理韦思成今天在人民大会堂举行仪式欢迎意大利总理伦齐访华。"
                 "出席欢迎仪式的有全国政协副主席马彪等。")
    assert "马彪" in edges(ex, "attended")[ex.meetings[0].label]
    ex = extract("央视网消息：十三届全国人大一次会议主席团4日下午在人民大会堂举行第一次会议。"
                 "同时被推选为主席团常务主席的还有陈希安、王晨光、艾力更·依明巴海。")
    assert {"陈希安", "王晨光", "艾力更·依明巴海"} <= set(edges(ex, "attended")[ex.meetings[0].label])


def test_speeches_oaths_and_companions_of_a_visit():
    ex = extract("央视网消息：全国政协今天召开双周协商座谈会。全国政协主席韦思成主持。全国政协副主席丁启明作主题发言。")
    assert edges(ex, "attended")[ex.meetings[0].label] == ["韦思成", "丁启明"]
    ex = extract("央视网消息：全国人大常委会今天举行宪法宣誓仪式。委员长韦思成监誓。"
                 "新任命的国家安全部部长陈文卿、民政部部长黄树先跟诵誓词。")
    assert {"陈文卿", "黄树先"} <= set(edges(ex, "attended")[ex.meetings[0].label])
    ex = extract("央视网消息：国务院总理韦思成6日至8日在江苏调研，并在南京主持召开五省经济形势座谈会。"
                 "国务委员兼国务院秘书长马恺一同考察。")
    attended = edges(ex, "attended")
    visit = next(m.label for m in ex.meetings if m.kind == "调研")
    assert "马恺" in attended[visit]
    assert all("马恺" not in names for label, names in attended.items() if label != visit)


def test_a_briefing_on_a_trip_reports_none_of_its_planned_events():
    ex = extract("央视网消息：国家主席韦思成将出席亚太经合组织领导人非正式会议，外交部今天在北京举行中外媒体吹风会。\n"
                 "据介绍，韦思成主席将于11月15日至16日对巴新进行国事访问。访问期间，韦思成主席将同巴新领导人就双边关系"
                 "深入交换意见，还将同其他建交岛国领导人分别举行双边会见。")
    assert all(m.kind != "会见" for m in ex.meetings)
    assert all("韦思成" not in names for names in edges(ex, "chaired").values())


def test_a_person_who_convenes_a_meeting_chairs_it_and_a_double_he_ends_a_name():
    ex = extract("央视网消息：叙利亚临时总理奥马尔·格拉万吉6号召开内阁会议。", day=date(2012, 8, 7))
    assert edges(ex, "chaired") == {"叙利亚内阁会议": ["奥马尔·格拉万吉"]}
    assert "叙利亚临时总理" in posts(ex)["奥马尔·格拉万吉"]
    ex = extract("央视网消息：中央军委主席韦思成21日视察驻昆明部队。\n许其亮、魏凤和和王家胜、李作成参加有关活动。")
    (visit,) = ex.meetings
    assert visit.label == "韦思成视察驻昆明部队"
    assert edges(ex, "attended")[visit.label][1:] == ["许其亮", "魏凤和", "王家胜", "李作成"]
    # the people a visit met are no partners of a discussion of its own
    ex = extract("央视网消息：中央军委主席韦思成21日视察驻昆明部队。在同大家座谈时，韦思成谈到了部队的光荣传统。")
    assert [m.kind for m in ex.meetings] == ["视察"]


def test_words_that_open_like_names_are_refused():
    ex = extract("央视网消息：总书记多次提到过这部史诗。2017年，总书记曾勉励乌兰牧骑队员。\n"
                 "韦思成说，希望双方为推进世界妇女儿童事业作出贡献。中国一贯重视妇女儿童工作。\n"
                 "国务院总理韦思成26日致电纳兰德拉·莫迪，祝贺其就任印度共和国总理。\n"
                 "在海南省委书记罗保明、省长蒋定之陪同下，韦思成到琼海考察。",
                 title="韦思成总书记内蒙古考察引发热烈反响")
    names = set(posts(ex))
    assert {"韦思成", "纳兰德拉·莫迪", "罗保明", "蒋定之"} <= names  # (之 ends a given name too)
    assert not names & {"多次提", "曾勉励", "童事业", "童工", "祝贺其", "内蒙古考察", "蒋定"}
    ex = extract("央视网消息：欧盟委员会副主席马罗什·谢夫乔维奇已抵达北京。")
    assert "马罗什·谢夫乔维奇" in posts(ex)  # (已 ends a joined name)
    ex = extract("央视网消息：“读懂中国”国际会议于12月16日在北京开幕。国家主席韦思成致信祝贺。")
    assert "祝贺" not in posts(ex)  # (a verb before names, alone after 致信)
    ex = extract("央视网消息：国务院总理韦思成会见印度国家安全顾问多瓦尔。")
    assert "多瓦尔" in posts(ex)  # (a transliteration may open with 多)


def test_speakers_named_as_a_group_s_representatives_and_a_meeting_dated_later():
    ex = extract("央视网消息：中共中央总书记韦思成近日在安徽凤阳县小岗村主持召开农村改革座谈会并发表重要讲话。\n"
                 "韦思成在安徽调研期间，于4月25日召开这次座谈会，同当地干部群众座谈。\n"
                 "座谈会上，滁州市委书记李明德、凤阳县委书记米德胜、大包干带头人代表严俊明、种粮大户代表程夕文先后发言。",
                 day=date(2016, 4, 28))
    (meeting,) = ex.meetings
    assert meeting.date == date(2016, 4, 25)
    assert edges(ex, "attended")[meeting.label] == ["韦思成", "李明德", "米德胜", "严俊明", "程夕文"]
    # a group whose first word spans the marker's first character is still a group (大学生代表)
    ex = extract("央视网消息：全国政协主席韦思成21日主持召开座谈会。大学生代表李明华、中学生代表王小东、"
                 "教师代表张红梅先后发言。")
    assert edges(ex, "attended")[ex.meetings[0].label] == ["韦思成", "李明华", "王小东", "张红梅"]


def test_the_first_named_hosts_a_joint_encounter():
    ex = extract("央视网消息：当地时间5日晚，国家主席韦思成和芬兰总统尼尼斯托在赫尔辛基共同会见"
                 "中芬两国冰雪运动员代表。")
    (meeting,) = ex.meetings
    assert edges(ex, "chaired")[meeting.label] == ["韦思成"]
    assert "尼尼斯托" in edges(ex, "attended")[meeting.label]
    ex = extract("央视网消息：当地时间12月3日，国家主席韦思成在巴拿马城和巴拿马总统巴雷拉共同会见出席经贸合作论坛的"
                 "双方企业家代表。")
    (meeting,) = ex.meetings
    assert edges(ex, "chaired")[meeting.label] == ["韦思成"]
    assert "巴雷拉" in edges(ex, "attended")[meeting.label]


def test_messages_send_offs_and_spouses_put_no_one_at_the_event():
    ex = extract("央视网消息：1月14日，“中国旅游年”开幕式在印度新德里举行，国家主席韦思成向开幕式致贺词。",
                 day=date(2016, 1, 16))
    assert all("韦思成" not in names for names in edges(ex, "attended").values())
    ex = extract("央视网消息：国家主席韦思成当地时间25日抵达比勒陀利亚，开始对南非进行国事访问。\n"
                 "韦思成是在结束对坦桑尼亚的国事访问后，从达累斯萨拉姆乘专机抵达约翰内斯堡的。离开达累斯萨拉姆时，"
                 "坦桑尼亚政府在机场举行隆重送行仪式。韦思成在基奎特总统陪同下登上检阅台。", day=date(2013, 3, 26))
    assert all("基奎特" not in names for names in edges(ex, "attended").values())
    ex = extract("央视网消息：当地时间3日中午，国家主席韦思成夫人、联合国教科文组织特使丁丽媛在巴拿马总统府会见"
                 "巴拿马总统夫人卡斯蒂略。")
    (meeting,) = ex.meetings
    assert edges(ex, "chaired")[meeting.label] == ["丁丽媛"]
    assert "韦思成" not in edges(ex, "attended")[meeting.label]


def test_a_first_clause_with_jiang_as_ba_or_a_rank_announces_nothing():
    ex = extract("央视网消息：为将全会精神落到实处，中共中央政治局常委韦思成21日在江西南昌主持召开座谈会。"
                 "国务委员丁启明出席座谈会。")
    assert edges(ex, "attended")[ex.meetings[0].label] == ["韦思成", "丁启明"]
    ex = extract("央视网消息：全国政协主席韦思成21日主持召开专题协商会。全国政协副主席曾胜利、时光明、向前进出席会议。"
                 "江西省委书记曾建设、省长白天明也出席会议。")
    attended = edges(ex, "attended")[ex.meetings[0].label]
    assert {"曾胜利", "时光明", "向前进", "曾建设", "白天明"} <= set(attended)


def test_a_ceremony_a_leader_presides_or_holds_to_welcome_a_guest_is_led_by_the_host_and_the_guest_attends():
    for text, day, host, guest in (
            ("央视网消息：国务院总理韦思成30号上午在人民大会堂北大厅主持仪式欢迎德国总理默克尔访华。\n"
             "默克尔总理是应韦思成总理的邀请，于今天早晨抵达北京开始对我国进行正式访问的。", date(2012, 8, 30),
             "韦思成", "默克尔"),
            ("央视网消息：当地时间4月5日上午，芬兰总统尼尼斯托在这里举行隆重的仪式，热烈欢迎中国国家主席韦思成"
             "对芬兰进行国事访问。", date(2017, 4, 5), "尼尼斯托", "韦思成")):
        ex = extract(text, day=day)
        (meeting,) = ex.meetings
        assert "仪式" in meeting.label
        assert edges(ex, "chaired")[meeting.label] == [host]
        assert guest in edges(ex, "attended")[meeting.label]


def test_meeting_the_attendees_or_the_family_is_an_encounter_beside_the_meeting():
    ex = extract("央视网消息：中国某某同盟第十次全盟代表大会5日在京开幕。中共中央政治局常委韦思成会见与会代表，"
                 "并代表中共中央致贺词。\n全国人大常委会副委员长丁启明、全国政协副主席邝志远出席开幕会。",
                 day=date(2017, 12, 5))
    congress = next(m for m in ex.meetings if m.label.endswith("大会"))
    encounter = next(m for m in ex.meetings if m.kind == "会见")
    assert edges(ex, "chaired")[encounter.label] == ["韦思成"]
    # the people named after the encounter attend the congress, not the encounter
    assert set(edges(ex, "attended")[congress.label]) == {"韦思成", "丁启明", "邝志远"}
    assert set(edges(ex, "attended")[encounter.label]) == {"韦思成"}
    ex = extract("央视网消息：纪念某某同志诞辰100周年座谈会22日在京举行。中共中央政治局常委、全国政协主席韦思成"
                 "出席座谈会，并在会前会见了某某同志亲属。", day=date(2015, 9, 22))
    encounter = next(m for m in ex.meetings if m.kind == "会见")
    assert edges(ex, "chaired")[encounter.label] == ["韦思成"]


def test_the_talk_with_those_met_is_the_encounter_itself():
    ex = extract("央视网消息：国务院总理韦思成20日在钓鱼台芳华苑会见来华出席中国发展高层论坛的境外代表，"
                 "并同他们座谈交流。",
                 day=date(2017, 3, 20))
    assert [m.kind for m in ex.meetings] == ["会见"]


def test_meetings_held_apart_on_a_visit_are_two_and_a_speech_there_reports_one():
    ex = extract("央视网消息：中共中央政治局常委韦思成11日至13日在东海调研。\n"
                 "韦思成来到东海市、南山县等地，深入农村、社区了解基层党建工作情况。\n"
                 "调研期间，韦思成还分别召开加强基层党建工作和落实全面从严治党要求座谈会，指出全面从严治党是个责任问题。",
                 day=date(2015, 4, 14))
    chaired = edges(ex, "chaired")
    assert {"加强基层党建工作座谈会", "落实全面从严治党要求座谈会"} <= set(chaired)
    assert all(chaired[label] == ["韦思成"] for label in chaired)
    ex = extract("央视网消息：中共中央政治局常委韦思成8日至10日在南方调研。\n"
                 "韦思成还到省委党校参加学员体验交流活动。在部分省委党校校长座谈会上，韦思成指出，要坚持党校姓党。",
                 day=date(2015, 5, 11))
    assert edges(ex, "chaired").get("部分省委党校校长座谈会") == ["韦思成"]
    # a speech cited at a meeting of someone else's is no meeting on the trip
    ex = extract("央视网消息：中共中央政治局常委韦思成8日至10日在南方调研。\n"
                 "韦思成说，要贯彻丁启明同志在深度贫困地区脱贫攻坚座谈会上讲话精神。", day=date(2015, 5, 11))
    assert [m.kind for m in ex.meetings] == ["调研"]


def test_a_dated_paragraph_reports_its_meeting_and_both_co_chairs_chair_it():
    ex = extract("央视网消息：当地时间13日至14日，国务院总理韦思成在马尼拉出席东亚合作领导人系列会议并发表重要讲话。\n"
                 "国务院总理韦思成当地时间11月13日在菲律宾国际会议中心出席第20次中国-东盟领导人会议。"
                 "韦思成与菲律宾总统杜特尔特共同主持会议。\n韦思成在发言中表示，中方坚定支持东盟共同体建设。",
                 day=date(2017, 11, 14))
    assert [m.label for m in ex.meetings] == ["东亚合作领导人系列会议", "第20次中国-东盟领导人会议"]
    assert set(edges(ex, "chaired")["第20次中国-东盟领导人会议"]) == {"韦思成", "杜特尔特"}
    assert "东亚合作领导人系列会议" not in edges(ex, "chaired")


def test_a_rank_is_no_future_and_a_commission_s_name_no_visit():
    ex = extract("央视网消息：中央军委晋升上将军衔仪式11月2日在北京八一大楼隆重举行。中央军委主席韦思成向晋升上将军衔的"
                 "中央军委委员、中央军委纪律检查委员会书记丁启明同志颁发命令状。\n中央军委副主席邝志远主持晋衔仪式。",
                 day=date(2017, 11, 2))
    assert [m.label for m in ex.meetings] == ["中央军委晋升上将军衔仪式"]
    assert edges(ex, "chaired")["中央军委晋升上将军衔仪式"] == ["邝志远"]


def test_a_former_post_after_he_and_a_verb_after_lai_are_no_names():
    ex = extract("央视网消息：国务院总理韦思成会见出席第三轮中美工商领袖和前高官对话会美方代表。"
                 "韦思成说，我代表中央来看望大家。", day=date(2012, 7, 17))
    assert set(posts(ex)) == {"韦思成"}


def test_guests_met_apart_may_be_listed_with_commas():
    ex = extract("央视网消息：国务院总理韦思成26日在钓鱼台国宾馆分别会见泰国总理巴育，越南总理阮春福，"
                 "联合国秘书长古特雷斯和英国首相特别代表、财政大臣哈蒙德。", day=date(2019, 4, 27))
    guests = sorted(name for names in edges(ex, "attended").values() for name in names if name != "韦思成")
    assert guests == sorted(["巴育", "阮春福", "古特雷斯", "哈蒙德"])
    assert len(ex.meetings) == 4 and all(m.kind == "会见" for m in ex.meetings)


def test_speakers_at_a_discussion_may_name_their_topic_first():
    ex = extract("央视网消息：1月25日，国务院总理韦思成主持召开座谈会，听取意见建议。\n"
                 "民革中央主席丁启明就加强法治政府建设等提出了建议。民盟中央主席邝志远就加大教育扶贫等发表了意见。"
                 "民进中央主席曾胜利就推进新型城镇化谈了意见。", day=date(2016, 1, 26))
    (meeting,) = ex.meetings
    assert edges(ex, "attended")[meeting.label][1:] == ["丁启明", "邝志远", "曾胜利"]


def test_the_hosts_tour_with_the_guest_that_evening_is_an_event_of_its_own():
    ex = extract("央视网消息：欢迎仪式后，国家主席韦思成前往葡萄牙总统府与葡萄牙总统德索萨举行会谈。\n"
                 "当晚，韦思成与德索萨共同参观了“海上丝绸之路”故宫精品文物展。\n丁启明、邝志远等参加上述活动。",
                 day=date(2018, 12, 5))
    tour = next(m for m in ex.meetings if m.kind == "参观")
    assert edges(ex, "chaired")[tour.label] == ["韦思成"]
    assert {"德索萨", "丁启明", "邝志远"} <= set(edges(ex, "attended")[tour.label])


def test_a_leading_group_named_by_its_task_is_a_body_and_keeps_the_chain():
    ex = extract("央视网消息：中共中央政治局常委、国务院副总理、推动长江经济带发展领导小组组长韦思成17日主持召开"
                 "推动长江经济带发展领导小组会议。", day=date(2018, 5, 18))
    assert posts(ex)["韦思成"] == ["中共中央政治局常委", "国务院副总理", "推动长江经济带发展领导小组组长"]


def test_names_end_before_yiji_tongguo_and_gengshi():
    ex = extract("央视网消息：20时22分，国务院副总理韦思成和国际奥委会副主席于再清以及运动员代表张虹一起启动发布装置。"
                 "国际残奥委会主席安德鲁·帕森斯通过视频对会徽发布表示祝贺。当天与主席视频通话的西藏军区副司令员汪海江更是"
                 "深有感触。", day=date(2017, 12, 16))
    assert {"于再清", "安德鲁·帕森斯", "汪海江"} <= set(posts(ex))
    assert not {"于再", "安德鲁·帕森斯通过视频", "汪海江更"} & set(posts(ex))


def test_a_delegation_s_head_and_deputies_are_on_its_visit():
    ex = extract("央视网消息：以中共中央政治局常委、全国政协主席韦思成为团长的中央代表团25日中午飞抵乌鲁木齐，"
                 "出席自治区成立60周年庆祝活动。\n担任中央代表团副团长的国务院副总理丁启明，全国人大常委会副委员长邝志远"
                 "一同走下舷梯。", day=date(2015, 9, 25))
    (meeting,) = ex.meetings
    assert {"韦思成", "丁启明", "邝志远"} <= set(edges(ex, "attended")[meeting.label])


def test_a_commission_s_lead_on_either_side_is_a_title():
    ex = extract("央视网消息：中共中央政治局常委、国务院副总理、中沙高级别联合委员会中方牵头人韦思成22日在人民大会堂"
                 "会见沙特王储兼副首相、国防大臣、中沙高级别联合委员会沙方牵头人穆罕默德。", day=date(2019, 2, 22))
    assert posts(ex)["韦思成"] == ["中共中央政治局常委", "国务院副总理", "中沙高级别联合委员会中方牵头人"]
    (meeting,) = ex.meetings
    assert "穆罕默德" in edges(ex, "attended")[meeting.label]


def test_words_that_follow_a_leader_s_title_are_no_names():
    ex = extract("央视网消息：省委书记韦思成先请与会的领导干部做一次测试。韦思成说，要坚决维护总书记权威和核心地位，"
                 "祝愿你们在委员长领导下推动发展，学习“县委书记好榜样”。", day=date(2013, 8, 30))
    assert set(posts(ex)) == {"韦思成"}


def test_names_listed_before_a_count_or_deng_and_a_person_marker_are_people():
    ex = extract("央视网消息：在北京谱仪控制室，韦思成同当年参与对撞机建设的叶铭汉、方守贤、陈森玉3位院士亲切握手。"
                 "会上，姚洋、高善文、刘洪玉等专家和企业负责人分别发言。张家口、承德等地的干部参加。",
                 day=date(2013, 7, 17))
    assert {"叶铭汉", "方守贤", "陈森玉", "姚洋", "高善文", "刘洪玉"} <= set(posts(ex))
    assert not {"张家口", "承德"} & set(posts(ex))


def test_review_cases_the_new_rules_must_not_misread():
    # the subject meets after 并, not the person named inside its first clause
    ex = extract("央视网消息：国家主席韦思成2日出席国务院副总理丁启明主持的座谈会，并会见了与会代表。",
                 day=date(2015, 9, 2))
    (encounter,) = [m for m in ex.meetings if m.kind == "会见"]
    assert encounter.label.startswith("韦思成会见")
    # 等 and a verb before the list are no part of a name
    ex = extract("央视网消息：邀请王明、李强、赵刚等专家座谈。", day=date(2016, 7, 12))
    assert {"王明", "李强", "赵刚"} <= set(posts(ex)) and not {"赵刚等", "请王明"} & set(posts(ex))
    # a clause with more than names ends a 分别 list: those before it were the hosts' people
    ex = extract("央视网消息：国务院总理韦思成26日分别会见泰国总理巴育，中共中央政治局委员、外交部部长丁启明，"
                 "国务委员邝志远参加会见。", day=date(2019, 4, 27))
    assert len(ex.meetings) == 1
    # the deputies' list ends where more than names begins
    ex = extract("央视网消息：以全国政协主席韦思成为团长的中央代表团25日飞抵乌鲁木齐，出席庆祝活动。\n"
                 "担任中央代表团副团长的国务院副总理丁启明一同走下舷梯，自治区党委书记邝志远到机场迎接。",
                 day=date(2015, 9, 25))
    roles = {(p.name, p.role) for p in ex.participations}
    assert ("丁启明", "副团长") in roles and ("邝志远", "副团长") not in roles
    # 就任 is no topic, and a plenum a visitor speaks of is no meeting of his trip
    ex = extract("央视网消息：1月25日，国务院总理韦思成主持召开座谈会，听取意见建议。\n"
                 "民革中央主席丁启明就任以来，多次提出建议。", day=date(2016, 1, 26))
    assert edges(ex, "attended")[ex.meetings[0].label] == ["韦思成"]
    ex = extract("央视网消息：中共中央政治局常委韦思成8日至10日在南方调研。\n"
                 "在党的十八届六中全会上，韦思成强调，要从严治党。", day=date(2016, 11, 11))
    assert [m.kind for m in ex.meetings] == ["调研"]


def test_a_name_ends_before_jieshou_and_ducen_and_a_headline_of_two_words_names_nobody():
    ex = extract("央视网消息：俄罗斯卢布汇率再创新低。前国际足联副主席华纳接受了摩洛哥提供的100万美元。"
                 "玻利维亚总统莫拉莱斯都曾前往哈瓦那。", title="卢布汇率连续大跌", day=date(2015, 6, 8))
    assert set(posts(ex)) == {"华纳", "莫拉莱斯"}


def test_whom_an_envoy_stands_for_and_the_one_addressed_in_a_speech_take_part_in_nothing():
    ex = extract("央视网消息：9月10日，正在邻国访问的国家主席丁启明特别代表、全国人大常委会委员长韦思成与邻国国务委员会"
                 "委员长邝志远再次举行会见。", day=date(2018, 9, 11))
    chairs = edges(ex, "chaired")
    assert [names for names in chairs.values()] == [["韦思成"]]
    assert "丁启明" not in {p.name for p in ex.participations}
    ex = extract("央视网消息：国务院总理韦思成今天在人民大会堂会见某国总统邝志远。\n"
                 "在会见邝志远时，韦思成表示，两国关系发展良好。此访期间，国家主席丁启明与你共同宣布建立战略伙伴关系。"
                 "您同国家主席祁向东共同签署的联合声明十分重要。", day=date(2015, 1, 8))
    assert {"丁启明", "祁向东"} <= set(posts(ex))
    assert not {"丁启明", "祁向东"} & {p.name for p in ex.participations}


def test_a_list_closes_with_a_group_after_ji_or_yiji_and_a_topic_after_a_comma():
    ex = extract("央视网消息：国家主席韦思成3日在杭州出席工商峰会开幕式。某国总统丁启明、某国总理邝志远及有关国际组织"
                 "负责人等出席开幕式。中央军委委员祁向东、罗振川，以及军委机关各部门领导等出席仪式。",
                 day=date(2016, 9, 3))
    assert edges(ex, "attended")[ex.meetings[0].label] == ["韦思成", "丁启明", "邝志远", "祁向东", "罗振川"]
    ex = extract("央视网消息：全国政协主席韦思成15日主持召开全国政协主席会议。全国政协副主席兼秘书长丁启明，全国政协"
                 "副秘书长邝志远，全国政协副秘书长、办公厅研究室主任祁向东，分别就有关议题作说明。会上，贾康、陈宪等"
                 "专家和中国一重、顺丰速运负责人发了言。", day=date(2017, 12, 15))
    assert edges(ex, "attended")[ex.meetings[0].label] == ["韦思成", "丁启明", "邝志远", "祁向东", "贾康", "陈宪"]
    assert "全国政协办公厅研究室主任" in posts(ex)["祁向东"]


def test_who_a_leader_travels_with_talks_with_signs_or_lectures_is_at_the_event():
    ex = extract("央视网消息：4日上午，国务院总理韦思成乘专机离开北京，对邻国进行正式访问。\n"
                 "韦思成总理出访的陪同人员有：国务院副总理丁启明，外交部部长邝志远。", day=date(2012, 12, 4))
    assert edges(ex, "attended")[ex.meetings[0].label] == ["韦思成", "丁启明", "邝志远"]
    ex = extract("央视网消息：当地时间9月5日，国家主席韦思成在圣彼得堡出席五国领导人非正式会晤，同某国总统丁启明、"
                 "某国总理邝志远就五国合作交换意见。", day=date(2013, 9, 6))
    assert edges(ex, "attended")[ex.meetings[0].label] == ["韦思成", "丁启明", "邝志远"]
    ex = extract("央视网消息：国家主席韦思成1日在香港出席合作框架协议签署仪式。在韦思成见证下，行政长官丁启明、"
                 "广东省省长邝志远共同签署了框架协议。", day=date(2017, 7, 1))
    assert edges(ex, "attended")[ex.meetings[0].label] == ["韦思成", "丁启明", "邝志远"]
    ex = extract("央视网消息：全国人大常委会专题讲座25日在北京人民大会堂举行，全国人大常委会委员长韦思成主持。"
                 "讲座的主讲人是中国工程科技发展战略研究院常务副院长丁启明。", day=date(2013, 10, 26))
    assert edges(ex, "attended")[ex.meetings[0].label] == ["韦思成", "丁启明"]


def test_a_report_on_a_bill_whose_title_holds_zai_and_a_speaker_for_two_bodies_attend():
    ex = extract("央视网消息：全国人大常委会第十八次会议21日上午在北京人民大会堂开幕。韦思成委员长主持会议。\n"
                 "受国务院委托，中国人民银行副行长丁启明作了关于《关于授权国务院在北京市大兴区等试点县(市、区)暂时"
                 "调整实施有关法律规定的决定(草案)》的说明。", day=date(2015, 12, 21))
    assert "丁启明" in edges(ex, "attended")[ex.meetings[0].label]
    ex = extract("央视网消息：10日，某国领导人邝志远为中国代表团举行盛大招待会。某国劳动党中央委员会副委员长祁向东代表"
                 "某国劳动党中央委员会和某国民主主义人民共和国国务委员会致欢迎辞。", day=date(2018, 9, 11))
    assert "祁向东" in edges(ex, "attended")[ex.meetings[0].label]


def test_the_headline_names_the_meeting_a_leader_attended_inside_a_series():
    ex = extract("央视网消息：当地时间11月3日上午，国务院总理韦思成在曼谷出席东亚合作领导人系列会议。",
                 title="韦思成出席第22次中国—东盟领导人会议", day=date(2019, 11, 3))
    assert ex.meetings[0].aliases == ("第22次中国—东盟领导人会议",)


def test_a_group_received_on_a_day_of_its_own_is_an_event_beside_the_visit():
    ex = extract("央视网消息：中央军委主席韦思成27日视察第79集团军。\n"
                 "离开训练场，韦思成来到集团军机关，接见集团军机关全体干部。\n"
                 "28日上午，韦思成在沈阳亲切接见了驻辽宁部队副师职以上领导干部，同大家合影留念。\n"
                 "丁启明、邝志远等参加有关活动。", day=date(2018, 9, 29))
    assert [(m.kind, m.date) for m in ex.meetings] == [("视察", date(2018, 9, 27)), ("会见", date(2018, 9, 28))]
    assert all(names[-2:] == ["丁启明", "邝志远"] for names in edges(ex, "attended").values())


def test_after_a_summit_or_a_show_a_banquet_or_a_show_is_an_event_but_a_signing_after_talks_is_not():
    ex = extract("央视网消息：10日，全国人大常委会委员长韦思成与某国总统邝志远在平壤举行会见。\n"
                 "会见后，韦思成与邝志远一同观看了专场文艺演出。\n"
                 "演出结束后，韦思成和邝志远共同出席了为中国代表团举行的盛大招待会。", day=date(2018, 9, 11))
    assert [m.kind for m in ex.meetings] == ["会见", "活动", "活动"]
    assert all(names == ["韦思成", "邝志远"] for names in edges(ex, "attended").values())
    ex = extract("央视网消息：10日，全国人大常委会委员长韦思成在人民大会堂同某国总统邝志远举行会谈。\n"
                 "会谈后，两国元首出席了双边合作文件签字仪式。", day=date(2018, 9, 11))
    assert [m.kind for m in ex.meetings] == ["会谈"]


def test_a_subject_a_comma_and_a_day_still_chairs_and_zai_zuotanhui_shang_is_no_zaizuo():
    ex = extract("央视网消息：正在广东考察工作的中共中央总书记韦思成，12月9日在广州主持召开经济工作座谈会。\n"
                 "韦思成在座谈会开始时表示，这次座谈会主要是听大家的意见。\n"
                 "陪同考察的丁启明、邝志远，中央有关部门负责同志参加座谈会。\n"
                 "全国政协委员祁向东、罗振川等，以及专家学者贾康等在座谈会上发言。", day=date(2012, 12, 10))
    label = ex.meetings[0].label
    assert edges(ex, "chaired")[label] == ["韦思成"]
    assert edges(ex, "attended")[label] == ["韦思成", "丁启明", "邝志远", "祁向东", "罗振川", "贾康"]
    assert not any(p.role == "在座" for p in ex.participations)
    # but one met before a comma does not attend what the subject does next
    ex = extract("央视网消息：全国人大常委会委员长韦思成26日在法国访问。他在里昂会见奥罗阿大区议会主席丁启明，"
                 "26日在巴黎出席中法市长圆桌会议闭幕式。", day=date(2016, 9, 28))
    closing = [m.key for m in ex.meetings if m.kind == "闭幕式"]
    assert closing and ("丁启明", closing[0]) not in {(p.name, p.meeting) for p in ex.participations}


def test_an_unread_titled_name_closes_a_list_and_a_delegation_s_officials_are_a_group():
    ex = extract("央视网消息：晚8时许，国家主席韦思成同某国总统丁启明、某国总理邝志远、日本首相特别代表二阶俊博等外方"
                 "领导人夫妇共同步入会场，出席世界园艺博览会开幕式。", day=date(2019, 4, 29))
    assert {"丁启明", "邝志远"} <= {p.name for p in ex.participations}
    ex = extract("央视网消息：国务院总理韦思成10日乘专机抵达金边，开始对柬埔寨进行正式访问。柬埔寨副首相丁启明以及"
                 "柬方陪同团团长、国务大臣等到机场迎接。", day=date(2018, 1, 10))
    assert ("丁启明", "到机场迎接") in {(p.name, p.role) for p in ex.participations}


def test_a_body_in_the_title_of_who_holds_talks_is_no_meeting():
    ex = extract("央视网消息：10日，全国人大常委会委员长韦思成与某国总统邝志远在平壤举行会谈。",
                 day=date(2018, 9, 11))
    assert [(m.kind, m.label) for m in ex.meetings] == [("会谈", "韦思成同某国总统邝志远在平壤会谈")]
    assert edges(ex, "attended")[ex.meetings[0].label] == ["韦思成", "邝志远"]


def test_a_foreign_name_before_its_title_in_a_speech_is_a_person_and_talks_counted_are_no_event():
    ex = extract("央视网消息：国家主席韦思成7日会见某国总理丁启明。近年来，韦思成同某国总统邝志远多次会晤，"
                 "两国关系发展很好。应奥巴马总统的邀请，韦思成将访问美国。", day=date(2013, 9, 8))
    assert "奥巴马" in posts(ex) and "应奥巴马" not in posts(ex)
    assert [m.kind for m in ex.meetings] == ["会见"]
    ex = extract("央视网消息：国务院总理韦思成12日在柏林同德国总理邝志远举行两次会谈。", day=date(2014, 10, 13))
    assert [m.kind for m in ex.meetings] == ["会谈"]


def test_names_before_a_count_and_a_member_s_title_and_two_press_conferences_told_apart():
    ex = extract("央视网消息：两会今天举行了两场记者会，国家发展和改革委员会主任韦思成回答了记者的提问。\n"
                 "此外，国家发改委副主任丁启明还就价格形势回答了记者提问。在下午的记者会上，邝志远、祁向东、钱颖一五位"
                 "全国政协委员就深入推进改革回答了记者的提问。", day=date(2017, 3, 6))
    assert {"邝志远", "祁向东", "钱颖一"} <= set(posts(ex))
    assert len(ex.meetings) == 2
    first, second = (edges(ex, "attended")[m.label] for m in ex.meetings)
    assert first == ["韦思成", "丁启明"] and second == ["邝志远", "祁向东", "钱颖一"]


def test_an_exhibition_seen_on_a_visit_is_part_of_it_and_a_long_guest_phrase_gives_the_guest_s_name():
    ex = extract("央视网消息：中共中央总书记韦思成12日前往香山革命纪念地，参观香山革命纪念馆，观看《为新中国奠基》"
                 "主题展览。", day=date(2019, 9, 13))
    assert len(ex.meetings) == 1
    ex = extract("央视网消息：8月31日，国家主席韦思成在北京同前来出席中国人民抗日战争暨世界反法西斯战争胜利70周年纪念"
                 "活动的某国总统邝志远举行会谈。", day=date(2015, 8, 31))
    assert [m.label for m in ex.meetings] == ["韦思成同邝志远会谈"]


def test_the_party_that_flew_home_with_a_leader_is_at_his_visit_only():
    ex = extract("央视网消息：9月12日晚，在结束出席第四届东方经济论坛后，国家主席韦思成回到北京。\n"
                 "中央办公厅主任丁启明，国务委员兼外交部部长邝志远同机抵达。\n"
                 "韦思成离开符拉迪沃斯托克前，和俄罗斯总统普京共同参观了中俄经贸合作图片展。", day=date(2018, 9, 13))
    assert not {"丁启明", "邝志远"} & {p.name for p in ex.participations}
    ex = extract("央视网消息：在结束对俄罗斯联邦国事访问后，国家主席韦思成5日回到北京。\n"
                 "中央办公厅主任丁启明，国务委员兼外交部部长邝志远同机抵达。", day=date(2019, 6, 6))
    assert edges(ex, "attended")[ex.meetings[0].label] == ["韦思成", "丁启明", "邝志远"]


def test_a_filler_never_reads_over_a_name_and_a_new_year_reception_is_no_delegation():
    ex = extract("央视网消息：国务院总理韦思成3日在北京主持召开座谈会。中央军委委员丁启明、邝志远以及祁向东、罗振川、"
                 "贾康同志出席会议。全国政协委员钱颖一、常振明等全国政协委员和厉以宁、陈锡文等专家学者在座谈会上发言。",
                 day=date(2018, 3, 4))
    assert edges(ex, "attended")[ex.meetings[0].label] == [
        "韦思成", "丁启明", "邝志远", "祁向东", "罗振川", "贾康", "钱颖一", "常振明", "厉以宁", "陈锡文"]
    ex = extract("央视网消息：中共中央、国务院2月3日上午在人民大会堂举行2019年春节团拜会。韦思成、丁启明、邝志远等"
                 "出席团拜会，祁向东主持团拜会。", day=date(2019, 2, 4))
    assert edges(ex, "chaired")[ex.meetings[0].label] == ["祁向东"]
    assert {"韦思成", "丁启明", "邝志远"} <= set(edges(ex, "attended")[ex.meetings[0].label])


def test_a_show_watched_after_a_meeting_attended_ends_its_name_and_a_retrospective_reports_nothing():
    ex = extract("央视网消息：国家主席韦思成5日和某国总统邝志远在莫斯科共同出席两国建交70周年纪念大会并观看文艺演出。",
                 day=date(2019, 6, 6))
    assert ex.meetings[0].label == "两国建交70周年纪念大会"
    ex = extract("央视网消息：五年来，韦思成总书记多次深入京津冀考察调研，多次主持召开会议。", day=date(2017, 9, 24))
    assert ex.meetings == []


def test_a_foreign_speaker_no_title_named_is_a_person_and_the_guest_of_the_one_encounter():
    ex = extract("央视网消息：欢迎仪式后，两国总理举行会谈。韦思成表示，两国建交25年来，双边关系长足发展。\n"
                 "内塔尼亚胡表示，以中关系与合作不断取得进展。欧方表示，愿意合作。", title="韦思成与以色列总理举行会谈",
                 day=date(2017, 3, 20))
    assert "内塔尼亚胡" in posts(ex) and "欧方" not in posts(ex)
    ex_title = extract("央视网消息：国家主席韦思成致电祝贺。阿曼苏丹卡布斯表示，愿意合作。", day=date(2019, 10, 7))
    assert "阿曼苏丹卡布斯" not in posts(ex_title)
    assert edges(ex, "attended")[ex.meetings[0].label] == ["韦思成", "内塔尼亚胡"]
    # a speaker of another item, titled there, is no guest
    ex = extract("央视网消息：某国总统丁启明13日会见到访的某国埃米尔·塔米姆。\n"
                 "英国财政大臣哈蒙德13日说，要确保金融中心地位。哈蒙德说，金融服务业很重要。", day=date(2017, 9, 15))
    assert "哈蒙德" not in {p.name for p in ex.participations}


def test_a_group_with_its_head_count_after_yiji_and_a_party_home_from_a_trip_s_meeting():
    ex = extract("央视网消息：纪录片希腊首播仪式1日在雅典举行。希腊总理代表、教育部秘书长丁启明，以及来自联合国"
                 "教科文组织、欧盟委员会、希腊国家电视台等机构的代表200多人出席了活动。", day=date(2019, 11, 3))
    assert "丁启明" in {p.name for p in ex.participations}
    ex = extract("央视网消息：10月13日晚，国家主席韦思成结束同印度总理莫迪第二次非正式会晤和对尼泊尔的国事访问回到"
                 "北京。韦思成同印度总理莫迪在金奈举行第二次非正式会晤。\n"
                 "中央办公厅主任丁启明，国务委员兼外交部部长邝志远同机抵达。", day=date(2019, 10, 14))
    attended = {p.name for p in ex.participations}
    assert {"丁启明", "邝志远"} <= attended


def test_an_adverb_of_a_group_after_a_title_names_nobody():
    ex = extract("央视网消息：4日下午，各国代表团团长陆续抵达会场，外方代表团团长纷纷表示支持。", day=date(2016, 9, 4))
    assert not {"陆续", "纷纷"} & set(posts(ex))


def test_a_list_of_a_body_s_members_names_each_member_with_the_list_s_post():
    ex = extract("央视网消息（新闻联播）：现在播送南江省第九届政协常务委员名单。\n"
                 "（共13人）\n主任：罗振川\n副主任：韦思成　丁启明\n委员：（按姓氏笔画为序）\n"
                 "邝志远　祁向东（女）　扎西次仁（藏族）　马建华　王小明　李大为　刘中华　张文　"
                 "艾力·买买提（维吾尔族）　乙春生\n",
                 title="南江省第九届政协常务委员会名单")
    found = posts(ex)
    assert found["罗振川"] == ["南江省第九届政协常务委员会主任"]
    assert found["韦思成"] == found["丁启明"] == ["南江省第九届政协常务委员会副主任"]
    # every item of the list is a name, the ones no surname opens too (扎西次仁, 乙春生); the notes are not
    members = [name for name, labels in found.items() if labels == ["南江省第九届政协常务委员会委员"]]
    assert members == ["邝志远", "祁向东", "扎西次仁", "马建华", "王小明", "李大为", "刘中华", "张文", "艾力·买买提",
                       "乙春生"]


def test_a_member_list_with_no_role_lines_gives_the_headline_s_membership():
    ex = extract("央视网消息（新闻联播）：中国共产党南江省第十次代表大会主席团成员名单\n（共5人）\n（按姓氏笔画为序）\n"
                 "丁启明 马建华 邝志远 罗振川 韦思成\n",
                 title="中国共产党南江省第十次代表大会主席团成员名单")
    assert posts(ex) == {name: ["中国共产党南江省第十次代表大会主席团成员"]
                         for name in ["丁启明", "马建华", "邝志远", "罗振川", "韦思成"]}


def test_a_list_of_no_body_s_members_names_nobody_and_spaced_words_stay_words():
    ex = extract("央视网消息（新闻联播）：今天公布了获奖名单。\n丁启明 马建华 邝志远 罗振川\n",
                 title="“最美乡村医生”获奖名单揭晓")
    assert posts(ex) == {}
    ex = extract("央视网消息：南江市人大常委会任免名单\n丁启明 马建华 邝志远 罗振川\n",
                 title="南江市人大常委会任免名单")
    assert not any(label.endswith("成员") for labels in posts(ex).values() for label in labels)  # appointments
    ex = extract("央视网消息（新闻联播）：南江脱贫攻坚：单位包村 干部包户 高质量 高标准 推进。", title="南江脱贫")
    assert "单位包村、" not in ex.article.text and "高质量、" not in ex.article.text


def test_a_communique_s_lists_under_headings_give_each_name_its_heading_s_post():
    ex = extract("央视网消息（新闻联播）：中共南江省第十一届委员会第一次全体会议公报\n"
                 "全会选举了省委常委、书记、副书记；批准了省纪委第一次全体会议选举产生的书记、副书记。名单如下：\n"
                 "一、省委常务委员会委员\n（按姓氏笔画为序）\n丁启明　马建华　邝志远　罗振川（女）　韦思成\n"
                 "二、省委书记\n罗振川\n"
                 "三、省纪律检查委员会书记、副书记、常务委员会委员\n书记　邝志远\n副书记　祁向东　王小明\n"
                 "常务委员会委员（按姓氏笔画为序）\n李大为　刘中华　张文　邝志远\n"
                 "全会号召，全省各级党组织要团结一致。\n",
                 title="中共南江省第十一届委员会第一次全体会议公报")
    found = posts(ex)
    for name in ("丁启明", "马建华", "韦思成"):
        assert found[name] == ["省委常务委员会委员"]
    assert found["罗振川"] == ["省委常务委员会委员", "省委书记"]  # (女) is a note, not part of the name
    # a role laid out with a space opens its line; a role alone waits for the next line's names
    assert found["邝志远"] == ["省委常务委员会委员", "省纪律检查委员会书记", "省纪律检查委员会常务委员会委员"]
    assert found["祁向东"] == found["王小明"] == ["省纪律检查委员会副书记"]
    assert found["李大为"] == ["省纪律检查委员会常务委员会委员"]
    assert "全会号召" not in found and "全省各级党组织要团结一致" not in found


def test_a_numbered_heading_of_no_post_lists_no_one():
    ex = extract("央视网消息：南江市今年的重点工作如下：\n一、稳增长\n丁启明　马建华　邝志远\n二、惠民生\n"
                 "罗振川　韦思成　祁向东\n", title="南江部署全年工作")
    assert posts(ex) == {}


def test_an_honorific_after_a_name_ends_the_name_and_keeps_the_list():
    ex = extract("央视网消息：南江论坛今天开幕。南江研究会会长丁启明、英国上院议员罗伯茨勋爵、"
                 "英国前大臣史密斯爵士在开幕式上致辞。", title="南江论坛开幕")
    found = posts(ex)
    assert found["罗伯茨"] == ["英国上院议员"] and "史密斯" in found and "罗伯茨勋爵" not in found
    assert list(edges(ex, "attended").values()) == [["丁启明", "罗伯茨", "史密斯"]]


def test_a_body_starts_after_the_have_of_a_list_of_those_present():
    ex = extract("央视网消息：罗振川今天在北京会见了越南代表团。"
                 "参加会见的有中联部部长丁启明、福州市人防办主任韦思成。", title="罗振川会见越南代表团")
    found = posts(ex)
    assert found["韦思成"] == ["福州市人防办主任"]
    assert not any(label.startswith("有") for label in found["丁启明"])  # (有中联部部长: 有 is no part of a body)


def test_a_regular_meeting_chaired_jointly_with_a_partner_no_title_names():
    ex = extract("央视网消息：罗振川与梅德韦杰夫共同主持了中俄总理第十九次定期会晤。在大、小范围会谈中，"
                 "听取了三个合作机制的工作汇报。国务院副总理韦思成、丁启明参加上述活动。两国总理签署了联合公报。",
                 title="中俄总理第十九次定期会晤在莫斯科举行")
    assert [m.label for m in ex.meetings] == ["中俄总理第十九次定期会晤"]  # (no event 上述活动)
    assert edges(ex, "chaired") == {"中俄总理第十九次定期会晤": ["罗振川"]}
    assert {"梅德韦杰夫", "韦思成", "丁启明"} <= set(edges(ex, "attended")["中俄总理第十九次定期会晤"])


def test_the_hosts_of_a_meeting_the_lead_names_come_from_the_sentence_that_names_it_again():
    ex = extract("央视网消息：当地时间9月17日下午，中俄总理第二十六次定期会晤在这里举行。\n"
                 "国务院总理罗振川同俄罗斯总理梅德韦杰夫共同主持中俄总理第二十六次定期会晤。\n"
                 "会晤后，罗振川同梅德韦杰夫签署了《中俄总理第二十六次定期会晤联合公报》。",
                 title="罗振川同俄罗斯总理共同主持中俄总理第二十六次定期会晤", day=date(2021, 9, 18))
    assert [m.label for m in ex.meetings] == ["中俄总理第二十六次定期会晤"]  # (the signing names no talk of its own)
    assert edges(ex, "chaired") == {"中俄总理第二十六次定期会晤": ["罗振川"]}
    assert "梅德韦杰夫" in edges(ex, "attended")["中俄总理第二十六次定期会晤"]


def test_a_talk_held_under_a_counted_name_is_labelled_with_it_and_a_count_of_the_year_is_no_name():
    ex = extract("央视网消息：9日，国家主席罗振川同俄罗斯总统普京、蒙古国总统巴特图勒嘎在青岛举行"
                 "中俄蒙三国元首第四次会晤。",
                 title="罗振川主持中俄蒙元首第四次会晤")
    assert [m.label for m in ex.meetings] == ["中俄蒙三国元首第四次会晤"]
    ex = extract("央视网消息：国家主席罗振川同俄罗斯总统普京在北京举行今年第三次会晤。", title="罗振川同普京会晤")
    assert len(ex.meetings) == 1 and not ex.meetings[0].label.startswith("今年")


def test_an_inspection_verb_used_as_a_noun_is_no_visit():
    ex = extract("央视网消息：国务院总理罗振川今天主持召开国务院常务会议，决定根据督查情况完善激励和问责机制。",
                 title="罗振川主持召开国务院常务会议")
    assert [m.label for m in ex.meetings] == ["国务院常务会议"]


def test_a_title_shared_by_transliterated_names_reaches_the_one_before_deng():
    ex = extract("央视网消息：罗振川会见了俄罗斯客人。副总理科扎克、戈利科娃、阿基莫夫等参加会见。",
                 title="罗振川会见俄罗斯客人")
    assert posts(ex)["阿基莫夫"] == ["副总理"]  # (no country names the list foreign: the first name does)


def test_a_side_s_chair_of_a_joint_committee_keeps_its_side():
    ex = extract("央视网消息：俄罗斯副总理、俄中投资合作委员会俄方主席德沃尔科维奇出席开幕式。", title="委员会会议举行")
    assert posts(ex)["德沃尔科维奇"] == ["俄罗斯副总理", "俄中投资合作委员会俄方主席"]  # (not 俄罗斯俄方主席)
    ex = extract("央视网消息：国务院副总理、中俄人文合作委员会中方主席丁启明出席开幕式。",
                 title="中俄人文合作委员会会议举行")
    assert posts(ex)["丁启明"] == ["国务院副总理", "中俄人文合作委员会中方主席"]


def test_people_each_speaking_for_a_body_share_the_verb_after_the_last():
    ex = extract("央视网消息：南江省政协12日上午举行仪式，纪念孙中山先生诞辰153周年。省政协主席罗振川出席。"
                 "省政协副主席韦思成代表省政协，省人大常委会副主任丁启明代表民革省委，南江市副市长邝志远代表南江市政府，"
                 "分别致辞。", title="南江省政协举行仪式纪念孙中山诞辰153周年")
    assert list(edges(ex, "attended").values()) == [["罗振川", "韦思成", "丁启明", "邝志远"]]


def test_a_report_for_a_body_before_a_comma_is_no_item_of_the_chair_s_list():
    ex = extract("央视网消息：民进南江省委全体会议今天开幕。民进省委主席罗振川代表民进省委常务委员会作工作报告，"
                 "民进省委常务副主席丁启明主持开幕会。", title="民进南江省委全会开幕")
    assert list(edges(ex, "chaired").values()) == [["丁启明"]]


def test_a_country_s_full_name_holds_no_person_and_an_envoy_s_principal_ends_before_the_envoy():
    ex = extract("央视网消息：在结束对厄瓜多尔共和国、秘鲁共和国、智利共和国国事访问后，国家主席罗振川回到北京。",
                 title="罗振川结束对厄瓜多尔共和国 秘鲁共和国 智利共和国国事访问回到北京")
    assert set(posts(ex)) == {"罗振川"}
    ex = extract("央视网消息：国务院副总理韦思成同美国总统奥巴马特别代表、国务卿克里共同主持开幕式。", title="对话开幕")
    assert "奥巴马" in posts(ex) and "奥巴马特别" not in posts(ex)


def test_a_span_of_days_whose_first_day_has_no_ri_dates_the_visit_by_its_first_day():
    ex = extract("央视网消息：国家副主席罗振川14至16日在南江调研。他强调，要推进绿色发展。", title="罗振川在南江调研",
                 day=date(2026, 11, 16))
    assert [(m.label, m.date) for m in ex.meetings] == [("罗振川在南江调研", date(2026, 11, 14))]


def test_a_meeting_convened_on_a_visit_is_labelled_by_its_topic():
    ex = extract("央视网消息：8日至10日，国务院总理罗振川到南江北海、钦州考察。"
                 "在钦州，罗振川召开了小微企业座谈会，询问企业经营情况。",
                 title="罗振川在南江考察", day=date(2026, 7, 11))
    assert [m.label for m in ex.meetings] == ["罗振川到南江北海、钦州考察", "小微企业座谈会"]
    assert edges(ex, "chaired")["小微企业座谈会"] == ["罗振川"]


def test_appointees_listed_with_their_posts_each_keep_their_own():
    ex = extract("央视网消息：会议通过表决，决定增补罗振川为经济委员会副主任、丁启明为教科文卫体委员会副主任。",
                 title="政协常委会闭幕")
    assert posts(ex) == {"罗振川": ["经济委员会副主任"], "丁启明": ["教科文卫体委员会副主任"]}
    ex = extract("央视网消息：全会按照党章规定，决定递补中央委员会候补委员罗振川、丁启明为中央委员会委员。",
                 title="全会公报")
    assert not any(label.startswith(("决定", "递补")) for labels in posts(ex).values() for label in labels)


def test_a_joined_name_s_last_part_is_not_cut_inside_its_own_word():
    ex = extract("央视网消息：罗振川举行仪式，欢迎沙特阿拉伯王国国王萨勒曼·本·阿卜杜勒-阿齐兹·阿勒沙特"
                 "对我国进行国事访问。英国首相特蕾莎·梅会也将出席。", title="罗振川举行仪式欢迎沙特国王访华")
    assert {"萨勒曼·本·阿卜杜勒-阿齐兹·阿勒沙特", "特蕾莎·梅"} <= set(posts(ex))


def test_bodies_that_each_hold_a_meeting_hold_one_each():
    ex = extract("央视网消息：近日，南江省人大常委会党组、省政府党组、省政协党组分别召开会议，学习贯彻重要讲话精神。"
                 "罗振川主持省政府党组会议并讲话。", title="南江省人大常委会 省政府 省政协党组分别召开会议")
    assert [m.label for m in ex.meetings] == ["南江省人大常委会党组会议", "省政府党组会议", "省政协党组会议"]
    assert edges(ex, "chaired") == {"省政府党组会议": ["罗振川"]}
    ex = extract("央视网消息：近日，南江省人大常委会党组、省政府党组、省政协党组分别召开会议，学习贯彻重要讲话精神。"
                 "罗振川、丁启明、韦思成主持所在党组会议。", title="南江省人大常委会 省政府 省政协党组分别召开会议")
    assert edges(ex, "chaired") == {}  # each chairs his own body's, which the report leaves unsaid: none is guessed


def test_talks_a_speaker_recalls_later_in_his_paragraph_are_no_encounter_of_the_report():
    ex = extract("央视网消息：全国政协主席罗振川12日在人民大会堂会见越南总理阮春福。\n"
                 "罗振川说，中越互为友好近邻。去年两党总书记实现互访。韦思成总理同阮春福总理在亚欧首脑会议期间会晤，"
                 "就深化合作达成共识。\n张庆黎参加会见。", title="罗振川会见越南总理")
    assert [m.label for m in ex.meetings] == ["罗振川会见越南总理阮春福"]


def test_a_speech_a_speaker_recalls_in_his_paragraph_is_no_attendance_but_companions_after_it_are():
    ex = extract("央视网消息：全国人大常委会委员长罗振川3日在人民大会堂与土耳其议长耶尔德勒姆举行会谈。\n"
                 "罗振川说，刚刚召开的峰会引起国际社会高度关注。韦思成主席在峰会上发表重要讲话。\n丁启明参加会谈。",
                 title="罗振川与土耳其议长举行会谈")
    assert list(edges(ex, "attended").values()) == [["罗振川", "耶尔德勒姆", "丁启明"]]


def test_who_speaks_at_the_meeting_is_not_at_the_encounter_held_before_it():
    ex = extract("央视网消息：纪念丁启明同志诞辰100周年座谈会29日在京举行，全国政协主席罗振川出席座谈会，"
                 "并在会前会见了丁启明同志亲属。\n国务院副总理韦思成在座谈会上回顾了丁启明同志的光辉业绩。",
                 title="纪念丁启明同志诞辰100周年座谈会在京举行")
    met = next(m.label for m in ex.meetings if m.kind == "会见")
    assert "韦思成" not in edges(ex, "attended").get(met, [])
    assert "韦思成" in edges(ex, "attended")["纪念丁启明同志诞辰100周年座谈会"]


def test_a_foreign_host_s_ceremony_keeps_its_host_and_a_regular_meeting_only_mentioned_is_none():
    ex = extract("央视网消息：俄罗斯总统普京19日在莫斯科举行年度大型记者会，回答了记者提问。",
                 title="普京举行年度大型记者会")
    assert [m.label for m in ex.meetings] == ["俄罗斯年度大型记者会"]
    ex = extract("央视网消息：应邀，国务院总理罗振川将于10月9日至17日出席亚欧首脑会议，并举行中俄总理定期会晤。",
                 title="罗振川将出席亚欧首脑会议")
    assert not any("定期会晤" in m.label for m in ex.meetings)


def test_a_name_ends_before_the_adverb_zeng():
    ex = extract("央视网消息：老挝自然资源与环境部部长宋马·奔舍那曾在中国学习和生活过一段时间。"
                 "国务院副总理曾培炎出席。",
                 title="老挝部长访华")
    assert set(posts(ex)) == {"宋马·奔舍那", "曾培炎"}


def test_a_term_written_before_a_body_is_part_of_the_post_and_a_list_goes_on_past_a_rare_name():
    ex = extract("央视网消息：第十二届全国人民代表大会第一次会议4日上午举行预备会议。\n"
                 "十一届全国人大常委会委员长罗振川主持会议。十一届全国人大常委会副委员长韦思成、丁启明、乌云其木格、"
                 "邝志远、祁向东等常委会组成人员出席了会议。第24届冬奥会工作领导小组组长曾培炎出席。",
                 title="十二届全国人大一次会议举行预备会议", day=date(2013, 3, 4))
    found = posts(ex)
    assert found["罗振川"] == ["十一届全国人大常委会委员长"]
    for name in ("韦思成", "丁启明", "乌云其木格", "邝志远", "祁向东"):
        assert found[name] == ["十一届全国人大常委会副委员长"]
    assert found["曾培炎"] == ["第24届冬奥会工作领导小组组长"]
    (meeting,) = ex.meetings
    assert {"韦思成", "乌云其木格", "祁向东"} <= set(edges(ex, "attended")[meeting.label])


def test_the_post_of_a_term_is_a_post_of_its_own():
    from kg.resolve import resolve

    first = extract("央视网消息：预备会议4日举行。十一届全国人大常委会委员长罗振川主持会议。",
                    title="预备会议举行", day=date(2013, 3, 4))
    second = extract("央视网消息：全国人大常委会委员长韦思成出席会议。", title="韦思成出席会议",
                     day=date(2013, 5, 4))
    resolved = resolve([first, second])
    labels = sorted(resolved.post_label.values())
    assert "十一届全国人大常委会委员长" in labels and "全国人大常委会委员长" in labels


def test_a_member_joined_by_he_to_a_member_given_the_floor_speaks_too():
    ex = extract("央视网消息：政协全国委员会常务委员会第二十二次会议29日下午举行全体会议。"
                 "韦思成委员提出，要深入推进；丁启明和邝志远常委在联合发言中建议，科学实施；"
                 "祁向东常委和罗振川委员在联合发言中提出，要高度关注。全国政协副主席曾培炎主持会议。",
                 title="全国政协常委会举行全体会议", day=date(2017, 8, 29))
    found = posts(ex)
    assert found["丁启明"] == ["常委"] and found["祁向东"] == ["常委"]
    (meeting,) = ex.meetings
    assert {"韦思成", "丁启明", "邝志远", "祁向东", "罗振川"} <= set(edges(ex, "attended")[meeting.label])


def test_a_reception_another_body_holds_is_attended_and_a_place_before_chuxi_is_no_body():
    ex = extract("央视网消息：当地时间31日，全国人大常委会委员长罗振川在纽约联合国总部"
                 "出席当天开幕的第四次世界议长大会。\n"
                 "当地时间30日，罗振川在联合国大厦会见了议联主席乔杜里。\n"
                 "罗振川还出席了议联举行的招待会，与多国议长交换了意见。",
                 title="罗振川出席第四次世界议长大会", day=date(2015, 9, 1))
    labels = [m.label for m in ex.meetings]
    assert "第四次世界议长大会" in labels and "议联举行的招待会" in labels
    assert edges(ex, "attended")["议联举行的招待会"] == ["罗振川"]
    assert not edges(ex, "chaired").get("议联举行的招待会")
    assert not any(p.is_body for p in ex.participations)


def test_the_host_of_an_encounter_cited_later_still_hosts_and_shangshu_covers_the_encounter():
    ex = extract("央视网消息：全国某某机关总结表彰大会19日在北京召开。"
                 "中共中央总书记韦思成会见全体与会代表，并发表重要讲话。\n"
                 "丁启明参加会见并在表彰大会上讲话。他说，要深入学习贯彻韦思成总书记重要讲话精神。\n"
                 "邝志远、祁向东以及中央和国家机关有关部门负责同志出席上述有关活动。",
                 title="韦思成会见全国某某机关总结表彰大会代表", day=date(2015, 5, 19))
    encounter = next(m.label for m in ex.meetings if m.kind == "会见")
    assert edges(ex, "chaired")[encounter] == ["韦思成"]
    assert {"邝志远", "祁向东"} <= set(edges(ex, "attended")[encounter])


def test_leaders_listed_at_a_gathering_attend_it_though_cited_later():
    ex = extract("央视网消息：中国人民政治协商会议全国委员会12月31日上午在全国政协礼堂举行新年茶话会。"
                 "党和国家领导人韦思成、丁启明、邝志远等同各民主党派中央、全国工商联负责人和无党派人士代表欢聚一堂，喜迎新年。\n"
                 "全国政协主席祁向东主持茶话会。\n大家表示，要深入学习贯彻韦思成总书记重要讲话精神。",
                 title="全国政协举行新年茶话会", day=date(2019, 12, 31))
    (meeting,) = ex.meetings
    assert {"韦思成", "丁启明", "邝志远"} <= set(edges(ex, "attended")[meeting.label])
    assert edges(ex, "chaired")[meeting.label] == ["祁向东"]


def test_a_spaced_middle_dot_joins_a_name_and_sworn_officials_listed_with_dengren_attend():
    ex = extract("央视网消息：国务院总理韦思成19日在纽约会见新西兰总理约翰 · 基。", title="韦思成会见新西兰总理",
                 day=date(2016, 9, 20))
    assert posts(ex)["约翰·基"] == ["新西兰总理"]
    ex = extract("央视网消息：全国人大常委会26号下午在人民大会堂举行宪法宣誓仪式，罗振川委员长主持并监誓。\n"
                 "新任命的全国人大常委会法制工作委员会副主任丁启明、邝志远，预算工作委员会副主任祁向东等人跟诵誓词。",
                 title="全国人大常委会举行宪法宣誓仪式", day=date(2016, 2, 26))
    (meeting,) = ex.meetings
    assert {"丁启明", "邝志远", "祁向东"} <= set(edges(ex, "attended")[meeting.label])


def test_a_meeting_held_that_day_where_a_companion_spoke_is_an_event_of_its_own():
    ex = extract("央视网消息：中共中央总书记韦思成28日上午在北京人民大会堂会见出席某某联谊大会的全体代表。\n"
                 "中共中央书记处书记丁启明参加会见并在当天上午举行的中华某某联谊会五届一次理事大会上讲话。\n"
                 "邝志远、祁向东参加有关活动。",
                 title="韦思成会见某某联谊大会代表", day=date(2019, 5, 28))
    council = next(m.label for m in ex.meetings if m.kind != "会见")
    assert council == "中华某某联谊会五届一次理事大会"
    assert set(edges(ex, "attended")[council]) == {"丁启明", "邝志远", "祁向东"}


def test_what_a_departing_leader_goes_to_hold_is_still_to_come():
    ex = extract("央视网消息：应法国总理瓦尔斯邀请，国务院总理韦思成于28日上午乘专机离开北京，"
                 "赴布鲁塞尔欧盟总部同欧洲理事会主席图斯克、欧盟委员会主席容克共同主持第十七次中国欧盟领导人会晤，并在之后赴法国进行正式访问。\n"
                 "韦思成总理夫人程虹陪同出访并同机离京。",
                 title="韦思成离京赴布鲁塞尔出席中国欧盟领导人会晤", day=date(2015, 6, 28))
    (trip,) = ex.meetings
    assert trip.kind == "访问" and trip.label == "韦思成离京前往布鲁塞尔欧盟总部"
    assert set(edges(ex, "attended")[trip.label]) == {"韦思成", "程虹"}


def test_a_headline_attending_a_meeting_while_stressing_names_the_event():
    ex = extract("央视网消息：韦思成在讲话中说，中国和东盟建立战略伙伴关系十年来，政治互信不断深入。\n"
                 "韦思成与文莱苏丹哈桑纳尔共同主持会议，东盟十国领导人均与会。",
                 title="韦思成出席第十六次中国-东盟领导人会议时强调 推动合作", day=date(2013, 10, 10))
    (meeting,) = ex.meetings
    assert meeting.label == "第十六次中国-东盟领导人会议"
    assert "韦思成" in edges(ex, "chaired")[meeting.label]


def test_bodies_named_before_an_anaphor_and_a_long_body_after_mianqu():
    ex = extract("央视网消息：十三届全国人大常委会第一次会议21日上午在人民大会堂举行。\n"
                 "会议分别经表决，免去丁启明的第四任全国人大常委会香港特别行政区基本法委员会主任、"
                 "第四任全国人大常委会澳门特别行政区基本法委员会主任职务，任命邝志远为上述两个基本法委员会主任。",
                 title="十三届全国人大常委会第一次会议举行", day=date(2018, 3, 21))
    found = posts(ex)
    both = ["全国人大常委会香港特别行政区基本法委员会主任", "全国人大常委会澳门特别行政区基本法委员会主任"]
    assert found["邝志远"] == both and found["丁启明"] == both


def test_the_lead_s_actor_attends_though_his_speech_is_cited_and_another_day_s_sitting_is_an_event():
    ex = extract("央视网消息：中共中央政治局常委韦思成18日下午出席某某工作会议第二次全体会议并讲话。\n"
                 "中共中央政治局委员丁启明，在19日上午的第三次全体会议上作总结讲话。"
                 "他强调，要深入学习贯彻韦思成同志重要讲话精神。\n"
                 "韦思成还就抓好三个重要环节，强化督促检查，提出明确要求。",
                 title="韦思成在某某工作会议上强调", day=date(2013, 6, 19))
    assert [m.label for m in ex.meetings] == ["某某工作会议第二次全体会议", "第三次全体会议"]
    assert edges(ex, "attended") == {"某某工作会议第二次全体会议": ["韦思成"], "第三次全体会议": ["丁启明"]}


def test_foreign_names_closed_by_lv_or_de_and_words_that_only_look_like_names():
    ex = extract("央视网消息：国务院总理韦思成乘专机抵达曼谷，对泰国进行正式访问。\n"
                 "泰国副总理颂奇率政府高级官员到机场迎接。\n日本首相安倍晋三的亲笔信由丁启明转交。",
                 title="韦思成抵达曼谷", day=date(2019, 11, 3))
    found = posts(ex)
    assert found["颂奇"] == ["泰国副总理"] and found["安倍晋三"] == ["日本首相"]
    ex = extract("央视网消息：勾起了曾在2014年总书记来新疆考察时受到过接见的回忆。"
                 "在被问及法德外长缺席会议一事时，他说。超过了成为总统所规定的270张选举人票。",
                 title="爱国心 强军梦 书写无悔篇章", day=date(2017, 9, 26))
    assert not posts(ex)
    ex = extract("央视网消息：在实现强军梦的伟大实践中书写青春篇章。", title="爱国心 强军梦 书写无悔篇章")
    assert not posts(ex)
    ex = extract("央视网消息：丁启明从教近40年。", title="丁启明：支教扶贫 一片丹心")
    assert "丁启明" in posts(ex)


def test_spouses_named_by_whose_they_are_attend_and_a_funeral_is_an_event():
    ex = extract("央视网消息：6月21日，国家主席韦思成在锦绣山迎宾馆会见某国委员长金正恩。\n"
                 "韦思成夫人林婉清及金正恩夫人李雪主参加会见。", title="韦思成会见某国委员长", day=date(2019, 6, 21))
    (meeting,) = ex.meetings
    assert {"林婉清", "李雪主"} <= set(edges(ex, "attended")[meeting.label])
    ex = extract("央视网消息：当地时间4日下午，全国政协主席罗振川在金边出席柬埔寨太皇西哈努克葬礼。\n"
                 "老挝总理通邢、越南总理阮晋勇、泰国总理英拉等外国领导人也出席了葬礼。",
                 title="罗振川出席柬埔寨太皇西哈努克葬礼", day=date(2013, 2, 4))
    (funeral,) = ex.meetings
    assert funeral.label == "柬埔寨太皇西哈努克葬礼"
    assert set(edges(ex, "attended")[funeral.label]) == {"罗振川", "通邢", "阮晋勇", "英拉"}


def test_those_laying_baskets_each_for_a_body_attend_and_what_a_tribute_is_paid_to_does_not():
    ex = extract("央视网消息：全国政协12日上午在北京中山公园中山堂举行仪式，纪念孙中山先生诞辰151周年。\n"
                 "全国政协副主席丁启明代表全国政协，北京市副市长邝志远代表北京市政府，分别向孙中山先生塑像敬献了花篮。\n"
                 "全国政协副主席祁向东主持纪念仪式。", title="全国政协举行仪式纪念孙中山诞辰151周年",
                 day=date(2017, 11, 12))
    (meeting,) = ex.meetings
    assert {"丁启明", "邝志远"} <= set(edges(ex, "attended")[meeting.label])
    ex = extract("央视网消息：7月20日至23日，全国人大常委会委员长罗振川在江西调研。\n"
                 "时值盛夏，在共和国摇篮瑞金，罗振川向红军烈士纪念塔敬献花篮，瞻仰革命旧址。",
                 title="罗振川在江西调研", day=date(2018, 7, 23))
    assert "纪念塔" not in posts(ex)
    assert not any(p.is_body for p in ex.participations)


def test_a_welcome_ceremony_is_part_of_the_talks_the_headline_reports_and_a_monarch_s_number_is_his_name():
    text = ("央视网消息：国家主席韦思成1日下午在人民大会堂北大厅举行仪式，"
            "欢迎汤加王国国王图普六世对我国进行国事访问。\n"
            "韦思成主席夫人林婉清，国务委员丁启明等出席欢迎仪式。\n陪同图普六世访华的有王后、宫务大臣等。\n"
            "欢迎仪式后，韦思成主席同图普六世国王举行会谈。20年前，图普六世国王曾以外交和国防大臣身份来华。")
    ex = extract(text, title="韦思成同汤加国王举行会谈", day=date(2018, 3, 1))
    assert "汤加王国国王" in posts(ex)["图普六世"] and set(posts(ex)) == {"韦思成", "林婉清", "丁启明", "图普六世"}
    (talks,) = ex.meetings
    assert talks.kind == "会谈"
    assert {"图普六世", "林婉清", "丁启明"} <= set(edges(ex, "attended")[talks.label])
    ex = extract(text, title="韦思成举行仪式欢迎汤加国王访华", day=date(2018, 3, 1))
    assert sorted(m.kind for m in ex.meetings) == ["会谈", "活动"]  # a ceremony the headline reports stays an event


def test_what_the_review_of_the_stop_25_rules_found():
    # a sentence with no subject of its own before a meeting spoken at: no event, no crash
    ex = extract("央视网消息：全国某某工作会议10日在北京召开，丁启明出席会议并讲话。\n"
                 "与会代表在当天下午举行的小组会议上发言。\n邝志远主持会议。", day=date(2015, 5, 10))
    assert [m.label for m in ex.meetings] == ["全国某某工作会议"]
    # a speech the subject cites is no meeting he attended
    ex = extract("央视网消息：全国某某工作会议10日在北京召开，丁启明出席会议并讲话。\n"
                 "丁启明指出，韦思成总书记在1日召开的中央政治局会议上发表重要讲话，为做好工作指明了方向。",
                 day=date(2015, 5, 10))
    assert [m.label for m in ex.meetings] == ["全国某某工作会议"]
    # 同志 is no 同, and a leader whose words the lead studies takes no part
    ex = extract("央视网消息：全国政协12月31日上午举行新年茶话会。\n全国政协主席祁向东主持茶话会并讲话。"
                 "他说，以韦思成同志为核心的党中央团结带领全国人民，今天我们同各界人士欢聚一堂，共迎新春。",
                 day=date(2019, 12, 31))
    assert "韦思成" not in {p.name for p in ex.participations}
    ex = extract("央视网消息：某省委常委会10日召开会议，传达学习韦思成同志在中央政治局会议上发表的重要讲话精神，"
                 "省委书记丁启明主持会议并讲话。\n会议强调，要深入学习贯彻韦思成总书记重要讲话精神。",
                 day=date(2015, 5, 10))
    assert "韦思成" not in {p.name for p in ex.participations}
    # those going with a departing leader go with him
    ex = extract("央视网消息：国家主席韦思成28日上午乘专机离开北京，前往莫斯科对俄罗斯进行国事访问，"
                 "丁启明、邝志远等陪同出访。", day=date(2015, 4, 28))
    assert {"丁启明", "邝志远"} <= set(edges(ex, "attended")[ex.meetings[0].label])
    # names after a marker or before a title that only look like what the new rules refuse
    ex = extract("央视网消息：省委书记丁启明向院士王国华颁发证书。会议由韩英主任主持。党和国家领导人亲切会见代表。",
                 day=date(2015, 5, 10))
    assert {"王国华", "韩英"} <= set(posts(ex)) and len(posts(ex)) == 3
    # an anaphor with no count names the body named last; 这一届 is no term
    ex = extract("央视网消息：任命丁启明为全国人民代表大会宪法和法律委员会委员，"
                 "任命邝志远为全国人民代表大会财政经济委员会委员，任命祁向东为上述委员会副主任委员。"
                 "这一届全国政协副主席曾胜利出席。", day=date(2018, 3, 21))
    found = posts(ex)
    assert found["祁向东"] == ["全国人民代表大会财政经济委员会副主任委员"] and found["曾胜利"] == ["全国政协副主席"]


def test_what_reading_the_whole_corpus_found_after_the_stop_25_rules():
    ex = extract("央视网消息：联盟成员由来自质检、卫生、农业等部门的76家实验室组成。"
                 "乡党委原书记曾胜林涉嫌贪污惠农资金。分别与阿富汗首席执行官阿卜杜拉、政府官员、商界代表等进行交流。",
                 day=date(2016, 12, 12))
    assert set(posts(ex)) == {"曾胜林", "阿卜杜拉"}
    ex = extract("央视网消息：丁启明生前是某镇工商所所长，去年7月19号，丁启明突发心脏病去世。",
                 title="时代先锋 丁启明：用生命践行职责")
    assert "丁启明" in posts(ex)


def test_what_reading_a_3000_item_report_found_after_the_stop_25_rules():
    ex = extract("央视网消息：新加坡总理公署22号晚上发布公告说。韦思成会见以丁启明为团长的日本日中友好议员联盟代表团。"
                 "部署到南苏丹朱巴任务区。苏丹总统巴希尔出席。", day=date(2016, 8, 23))
    found = posts(ex)
    assert "联盟" not in found and "朱巴" not in found and found["巴希尔"] == ["苏丹总统"]
    ex = extract("央视网消息：12月7日，首届“南南人权论坛”在京开幕。", title="首届“南南人权论坛”开幕")
    assert [m.label for m in ex.meetings] == ["首届“南南人权论坛”"]


def test_a_foreign_name_ends_before_the_speech_verb_cheng():
    """国际残奥委会主席…称，: 称 before a comma reports what he said, as 说 and 表示 do, and so do 则称, 坚称 …; it is
    no part of his name (a Han name that holds 称 before a role verb stays whole)."""
    ex = extract("央视网消息：国际滑联主席默里克森称，比赛将如期举行。县委书记王称出席会议。"
                 "瑞典外交大臣托马斯·温德林则称，双方应保持克制。",
                 title="国际滑联表态")
    assert set(posts(ex)) == {"默里克森", "王称", "托马斯·温德林"}


def test_hosts_who_each_meet_a_guest_named_before_lead_one_encounter_each():
    """A、B分别会见了C, C named earlier in the report: two encounters, each led by one host, C at both."""
    ex = extract("央视网消息：阿尔卡尼亚总统拉达维奇10号在首都会见了中国国务院副总理邝志远。\n"
                 "拉达维奇表示，愿加强合作。邝志远表示，中方赞赏。\n"
                 "当天，阿尔卡尼亚总理萨维诺夫、议长热尔科夫分别会见了邝志远。")
    led = edges(ex, "chaired")
    attended = edges(ex, "attended")
    by_leader = {names[0]: label for label, names in led.items()}
    assert set(by_leader) == {"拉达维奇", "萨维诺夫", "热尔科夫"}
    for host in ("萨维诺夫", "热尔科夫"):
        assert sorted(attended[by_leader[host]]) == sorted([host, "邝志远"])  # not the other host


def test_talks_held_with_each_of_two_hosts_are_two_talks_led_by_the_visitor():
    ex = extract("央视网消息：25号，卡塔尔外交大臣阿卜杜勒到访伊拉克，分别与伊拉克总理阿巴迪和外长贾法里进行了会谈。")
    led = edges(ex, "chaired")
    attended = edges(ex, "attended")
    assert sorted(led) == ["阿卜杜勒同贾法里会谈", "阿卜杜勒同阿巴迪会谈"]
    assert attended["阿卜杜勒同阿巴迪会谈"] == ["阿卜杜勒", "阿巴迪"]
    assert all(m.date == date(2026, 2, 25) for m in ex.meetings)  # 25号 in a report of 20 March: February


def test_the_traveller_holds_the_talks_after_the_encounters_of_his_trip():
    """…对某国进行正式友好访问，分别会见了A、B和C，并与D进行了会谈: the traveller talks with D, not C."""
    ex = extract("央视网消息：全国政协主席邝志远3日至5日对摩洛哥进行正式友好访问，分别会见了摩洛哥国王穆罕默德六世、"
                 "政府首脑班基兰和众议长阿拉米，并与参议长比亚迪拉进行了会谈。")
    led = edges(ex, "chaired")
    talk = next(label for label in led if "比亚迪拉" in label)
    assert led[talk] == ["邝志远"]
    assert "比亚迪拉" in edges(ex, "attended")[talk]
    assert "阿拉米" not in edges(ex, "attended")[talk]


def test_bare_names_then_a_comma_then_the_guest_s_staff_all_attend():
    ex = extract("央视网消息：国家主席邝志远19日在利马会见美国总统奥巴马。\n"
                 "双方还就共同关心的问题交换意见。\n"
                 "王沪宁、栗战书、杨洁篪，美国总统国家安全事务助理赖斯等参加会见。")
    (label,) = edges(ex, "chaired")
    assert edges(ex, "attended")[label] == ["邝志远", "奥巴马", "王沪宁", "栗战书", "杨洁篪", "赖斯"]
    assert posts(ex)["赖斯"] == ["美国总统国家安全事务助理"]  # the president's staff: his office is in the body


def test_a_clause_after_a_head_s_office_is_no_body():
    ex = extract("央视网消息：美国总统特朗普称法国总统马克龙是他的朋友。")
    assert posts(ex)["马克龙"] == ["法国总统"]


def test_a_round_up_s_headings_stay_out_of_the_paragraphs_under_them():
    """国际联播快讯: a heading before each paragraph, all of one length like a PDF column, is no wrapped line:
    it neither runs into the post of the paragraph's first name nor names anyone at its end."""
    ex = extract("央视网消息(新闻联播)：\n"
                 "沙特外交大臣首访伊拉克\n"
                 "25号，沙特外交大臣朱拜尔到访伊拉克，同伊拉克总理阿巴迪进行了会谈。此次会谈主要围绕加强双边关系。\n"
                 "伊朗与俄罗斯将联合生产核燃料\n"
                 "伊朗原子能组织主席萨利希25号表示，伊朗与俄罗斯达成了联合生产核燃料的路线图，计划分三批进口原料。\n"
                 "普京首次承认帮助乌前总统入俄\n"
                 "俄罗斯总统普京24号在索契的一个活动上首次承认，俄方今年2月帮助乌克兰前总统离开乌克兰。\n"
                 "韩国民众在首尔集会\n"
                 "25号晚，约80万民众在首尔举行烛光集会，要求总统尹成武下台，敦促宪法法院尽快审判。",
                 title="国际联播快讯")
    found = posts(ex)
    assert found["萨利希"] == ["伊朗原子能组织主席"]
    assert "入俄" not in found
    assert all("\n" not in m.label for m in ex.meetings)


def test_a_dotted_name_starts_after_the_country_and_the_words_that_describe_the_person():
    from kg.extract.names import is_joined_name

    assert not is_joined_name("英国著名物理学家斯蒂芬·霍金")
    assert is_joined_name("巴西尔·拉希德") and is_joined_name("穆罕默德·本·萨勒曼")


def test_a_founder_of_a_company_is_read_with_his_company():
    ex = extract("央视网消息：俄罗斯伏尔加资源公司创始人季姆琴科表示，俄罗斯企业希望同中国进行更紧密的合作。")
    assert posts(ex)["季姆琴科"] == ["俄罗斯伏尔加资源公司创始人"]


def test_a_headline_run_into_the_body_names_no_body_of_a_foreign_country():
    ex = extract("央视网消息：朝鲜各界及国际社会高度评价中共中央总书记、中华人民共和国主席邝志远访问朝鲜。")
    assert posts(ex)["邝志远"] == ["中共中央总书记", "中华人民共和国主席"]
    ex = extract("前面的报道。\n另外一位代表是驻村书记房瑞明。他在村里工作了五年。")
    assert posts(ex)["房瑞明"] == ["驻村书记"]


def test_a_heading_that_names_an_encounter_adds_none_beside_the_paragraph_s():
    ex = extract("央视网消息：邝志远出席纪念大会。来自各界的代表850人出席大会。\n"
                 "邝志远会见罗振川\n"
                 "20日晚上，邝志远还会见了全国政协副主席罗振川。邝志远高度评价罗振川为当地繁荣发展作出的贡献。")
    encounters = [m for m in ex.meetings if m.kind == "会见"]
    assert [m.label for m in encounters] == ["邝志远会见全国政协副主席罗振川"]
    assert encounters[0].date == date(2026, 3, 20)


def test_a_leader_who_speaks_at_the_meeting_attends_it_though_his_speech_is_cited_after():
    ex = extract("央视网消息：纪念建校80周年大会21日上午在北京人民大会堂隆重举行。中共中央总书记、国家主席邝志远在会上"
                 "发表重要讲话强调，要继续前进。中共中央政治局常委罗振川、韦思成出席大会。\n"
                 "罗振川在主持大会时说，邝志远总书记的重要讲话回顾了80年的历程。")
    (label,) = edges(ex, "attended")
    assert edges(ex, "attended")[label][:3] == ["邝志远", "罗振川", "韦思成"]
    assert edges(ex, "chaired")[label] == ["罗振川"]


def test_a_call_the_host_spoke_during_is_reported():
    ex = extract("央视网消息：俄罗斯外长拉夫罗夫当天与美国国务卿蒂勒森通电话时表示，希望美方能进行反思。")
    assert edges(ex, "chaired") == {"拉夫罗夫同美国国务卿蒂勒森通电话": ["拉夫罗夫"]}
    assert edges(ex, "attended")["拉夫罗夫同美国国务卿蒂勒森通电话"] == ["拉夫罗夫", "蒂勒森"]


def test_one_introduced_as_attending_the_meeting_attends_it():
    ex = extract("央视网消息：在卢森堡举行的亚投行理事会第四届年会上，与会人士表示，多边机构是关键力量。\n"
                 "出席会议的卢森堡首相贝泰尔在接受记者采访时表示，本届年会是绝佳机会。")
    (label,) = edges(ex, "attended")
    assert edges(ex, "attended")[label] == ["贝泰尔"]


def test_words_that_only_look_like_a_name_after_a_title():
    found = posts(extract("央视网消息：本集选取了邝志远总书记常用的“功崇惟志，业广惟勤”。习近平强调，我们党领导红军，"
                          "以非凡的智慧战胜了困难。这个项目的创始人叫吕骋。俄外交部发布经总统普京批准后的声明。"))
    assert "常用" not in found and "红军" not in found and "叫吕骋" not in found
    assert found["普京"] == ["总统"]  # 批准 closes the name


def test_a_visit_and_each_leader_met_one_by_one_past_a_body_the_title_left_unread():
    """…对芬兰进行了正式访问，在赫尔辛基分别会见总统甲，总理乙，…和中间党主席丙: the visit, and one encounter per guest
    (中间党: a body the rules do not know, standing before the last guest's title, does not end the list)."""
    ex = extract("央视网消息：应芬兰政府邀请，中共中央政治局常委、中央书记处书记邝志远6月12日至15日对芬兰进行了"
                 "正式访问，在赫尔辛基分别会见总统尼尼斯托，总理卡泰宁，议长海内卢奥马，社民党主席、财政部长林奈和中间党主席西比莱。",
                 day=date(2014, 6, 15))
    led = edges(ex, "chaired")
    guests = sorted(edges(ex, "attended")[label][-1] for label in led if "会见" in label)
    assert guests == sorted(["尼尼斯托", "卡泰宁", "海内卢奥马", "林奈", "西比莱"])
    (visit,) = [m for m in ex.meetings if m.kind == "访问"]
    assert visit.date == date(2014, 6, 12) and led[visit.label] == ["邝志远"]


def test_a_meeting_named_where_the_reporter_heard_it_is_named_without_the_reporter():
    ex = extract("央视网消息：证照分离改革全覆盖试点\n记者今天（12月4日）从国务院新闻办公室举行的政策例行吹风会上获悉，"
                 "从本月起，在全国18个自贸试验区开展改革全覆盖试点。", title="证照分离改革全覆盖试点")
    assert [m.label for m in ex.meetings] == ["国务院新闻办公室的政策例行吹风会"]


def test_what_a_round_up_s_next_item_tells_belongs_to_no_event_of_the_item_before():
    ex = extract("央视网消息(新闻联播)：\n"
                 "金正恩视察平安北道薪岛郡\n"
                 "据朝中社6月30日报道，朝鲜最高领导人金正恩日前视察了朝鲜西端的平安北道薪岛郡。\n"
                 "阿政府宣布与塔利班停火结束\n"
                 "阿富汗总统加尼6月30日宣布，对阿富汗塔利班为期18天的单方面停火已经结束，安全部队将重新展开军事行动。",
                 title="国际联播快讯", day=date(2018, 7, 1))
    assert edges(ex, "attended") == {"金正恩视察平安北道薪岛郡": ["金正恩"]}


def test_a_foreign_name_after_its_title_ends_before_world_news_own_verbs_and_times():
    """哈萨克斯坦总理甲仍在…, 向英国首相乙发出邀请, 法国总统丙于本月…: the name stops where the adverb, the verb or the
    time starts (stop_after_foreign_name.txt), and keeps its post."""
    found = posts(extract("虽然阿拉木图以四票之差落选，哈萨克斯坦总理马卡诺夫仍在第一时间表达了祝贺。"
                          "俄罗斯总统普京9号向英国首相霍尔德曼发出邀请，希望英国专家参与。"
                          "法国总统奥雷尔于本月7日亲自到医院探望伤者。", day=date(2015, 8, 1)))
    assert found["马卡诺夫"] == ["哈萨克斯坦总理"]
    assert found["霍尔德曼"] == ["英国首相"]
    assert found["奥雷尔"] == ["法国总统"]


def test_a_han_name_keeps_its_own_verbs_the_foreign_stops_are_for_foreign_names():
    """李克强召开会议 stays a meeting named by its chair: 召开 ends foreign names only."""
    ex = extract("当晚，国务院总理邝志远召开会议，研究做好过渡安置和恢复重建。", day=date(2013, 8, 17))
    assert [m.label for m in ex.meetings] == ["邝志远召开会议"] or all("邝志远" in m.label or "会议" in m.label
                                                                     for m in ex.meetings)
    assert posts(ex) == {"邝志远": ["国务院总理"]}


def test_japanese_names_after_their_title_and_no_minister_inside_other_words():
    """日本外相甲 (a Japanese family name and a given name), 日本首相乙参拜… (no stop: a two-character given name, three
    when it ends like 由纪夫); but 国内外相关技术 and 红外相机 name no 外相."""
    assert posts(extract("国务院总理邝志远30日会见来华访问的日本外相中川健二。"))["中川健二"] == ["日本外相"]
    assert posts(extract("日本首相野口晋平在今天上午的国会答辩中表示。"))["野口晋平"] == ["日本首相"]
    assert posts(extract("外交部发言人罗振川就日本首相野口晋平参拜靖国神社发表谈话。"))["野口晋平"] == ["日本首相"]
    assert "松井由纪夫" in posts(extract("韩国政府决定退回日本首相松井由纪夫写给韩国总统的信。"))
    assert posts(extract("日本首相安倍。")) == {"安倍": ["日本首相"]}  # the family name alone, ending the text
    assert posts(extract("日本首相安倍")) == {"安倍": ["日本首相"]}
    assert posts(extract("朝鲜副外相金善熙和美国官员在新加坡会面。"))["金善熙"] == ["朝鲜副外相"]
    assert posts(extract("来自国内外相关技术企业的400多名专家齐聚北京，保护区工作人员在红外相机中发现了大熊猫。")) == {}


def test_leader_is_a_title_after_a_party_or_region_not_after_countries():
    found = posts(extract("泰国最大反对党民主党尚未决定是否参选。民主党领导人阿披沙8号带领议员集体辞职。"
                          "英国工党领导人科尔顿表示反对。台湾地区领导人林振川表示不满。"
                          "两国领导人边走边谈，各国领导人云集纽约。", day=date(2013, 12, 9)))
    assert found == {"阿披沙": ["民主党领导人"], "科尔顿": ["英国工党领导人"], "林振川": ["台湾地区领导人"]}


def test_envoys_to_the_un_and_a_name_closed_by_a_call():
    found = posts(extract("叙利亚常驻联合国代表哈米迪谴责这一决定。中国常驻联合国代表罗振一呼吁各方保持克制。"
                          "欧盟驻华代表史韦德说，双方合作前景广阔。", day=date(2019, 3, 28)))
    assert found["哈米迪"] == ["叙利亚常驻联合国代表"]
    assert found["罗振一"] == ["常驻联合国代表"]
    assert found["史韦德"] == ["欧盟驻华代表"]


def test_the_guest_who_heads_a_group_is_named_bare_before_率领的():
    ex = extract("全国政协主席邝志远23日在北京会见了罗振川率领的台湾民意代表交流参访团一行。韦思成、钟汉良参加会见。",
                 day=date(2016, 11, 23))
    assert list(edges(ex, "attended").values()) == [["邝志远", "罗振川", "韦思成", "钟汉良"]]
    ex = extract("全国政协主席邝志远22日在北京分别会见了由罗振川率领的台湾联合报系访问团和由韦思成率领的台湾民意代表"
                 "交流参访团。", day=date(2013, 5, 22))
    assert sorted(guests[-1] for guests in edges(ex, "attended").values()) == ["罗振川", "韦思成"]
    assert all(hosts == ["邝志远"] for hosts in edges(ex, "chaired").values())


def test_a_visit_then_a_comma_then_the_meeting_attended_share_the_subject():
    """中国国家主席甲18日访问联合国日内瓦总部，出席…高级别会议: he attends (a visit's comma chains the verbs); but
    乙会见了丙，… : the guest named last is no subject."""
    ex = extract("应联合国秘书长古特雷斯的邀请，中国国家主席邝志远当地时间1月18日访问联合国日内瓦总部，"
                 "出席“共商共筑人类命运共同体”高级别会议并发表主旨演讲。", day=date(2017, 1, 19))
    assert edges(ex, "attended")["“共商共筑人类命运共同体”高级别会议"] == ["邝志远"]


def test_a_spokesman_at_a_press_conference_on_a_day_attends_it():
    """发言人甲在今天的例行记者会上也再度表示 / 北京时间今天下午，发言人乙在新闻发布会上宣读: the press conference is an
    event; without a day (在例行记者会上表示, in a paragraph with no day) it is not reported as held."""
    ex = extract("国台办发言人罗振川在今天的例行记者会上也再度表示，菲方要认真严肃对待此事。", day=date(2013, 5, 15))
    assert edges(ex, "attended") == {"例行记者会": ["罗振川"]}
    assert [str(m.date) for m in ex.meetings] == ["2013-05-15"]
    ex = extract("北京时间今天下午三点半，菲律宾总统府发言人韦思成在新闻发布会上宣读菲方的最新声明。",
                 day=date(2013, 5, 15))
    assert edges(ex, "attended") == {"新闻发布会": ["韦思成"]}
    assert extract("外交部发言人罗振川在例行记者会上表示，中方反对这一做法。").meetings == []


def test_a_speech_in_the_sentence_that_holds_the_meeting_places_the_speaker_there_a_recalled_one_does_not():
    ex = extract("国务院今天（4月23日）召开第二次廉政工作会议，国务院总理邝志远发表重要讲话强调，各级政府要认真落实。"
                 "国务委员韦思成主持会议。", day=date(2019, 4, 23))
    assert edges(ex, "attended")["国务院第二次廉政工作会议"] == ["邝志远", "韦思成"]
    ex = extract("中共中央党校15日举行秋季学期毕业典礼。中央党校校长罗振川出席毕业典礼。\n"
                 "学员们普遍反映，邝志远总书记同研修班全体学员座谈并发表重要讲话，是殷切期望。", day=date(2015, 1, 15))
    assert "邝志远" not in [name for names in edges(ex, "attended").values() for name in names]


def test_a_statement_on_another_day_is_no_part_of_the_reported_talks():
    """15日…举行了会谈 … 美国总统甲本月8日宣布…: the speaker, then the day of his statement, another day."""
    ex = extract("15日，伊朗外长扎里夫与欧盟高级代表莫盖里尼举行了会谈，他表示这是一次建设性的对话。\n"
                 "美国总统霍尔德曼本月8日宣布将退出伊核协议，并重启对伊朗制裁。", day=date(2018, 5, 16))
    assert list(edges(ex, "attended").values()) == [["扎里夫", "莫盖里尼"]]


def test_a_day_given_with_its_month_in_brackets_is_a_day():
    """外交部发言人甲今天（12月17日）在例行记者会上表示: the spokesman's day, so the press conference is reported."""
    ex = extract("对此，外交部发言人罗振川今天（12月17日）在例行记者会上表示，中方愿与有关各方一道继续努力。",
                 day=date(2019, 12, 17))
    assert edges(ex, "attended") == {"例行记者会": ["罗振川"]}
    assert [str(m.date) for m in ex.meetings] == ["2019-12-17"]


def test_a_person_elected_at_the_congress_reported_attends_it_a_recalled_election_does_not():
    ex = extract("3月20日，中国法学会第八次全国会员代表大会在京闭幕。中共中央政治局委员、全国人大常委会副委员长邝志远"
                 "当选中国法学会会长。会议通过了有关决议。", day=date(2019, 3, 20))
    assert edges(ex, "attended") == {"中国法学会第八次全国会员代表大会": ["邝志远"]}
    ex = extract("中共中央政治局常委罗振川20日在人民大会堂会见了坦桑尼亚客人。\n"
                 "罗振川说，国家主席邝志远当选后第一次出访就有坦桑尼亚。", day=date(2013, 3, 20))
    assert "邝志远" not in [name for names in edges(ex, "attended").values() for name in names]


def test_no_name_from_a_conjunction_before_a_short_title_or_inside_a_document_s_title():
    """奥巴马总统和习主席倡导的…: no person 和习; 《…亚太经合组织领导人宣言》: no person 宣言."""
    assert posts(extract("哈格尔表示，希望推进奥巴马总统和习主席倡导的美中新型两军关系。")) == {"哈格尔": []}
    assert posts(extract("会议发表了《北京纲领——亚太经合组织领导人宣言》。")) == {}


def test_each_item_of_a_round_up_reports_its_own_event():
    """国际联播快讯: the third item's ceremony and the second's opening are events, each under its heading; the first
    item's people are at neither."""
    ex = extract("央视网消息（新闻联播）：\n阿尔卡尼亚暴雨成灾\n阿尔卡尼亚南部连日暴雨，总统罗振川视察了灾区。\n"
                 "书法展在京开幕\n“古稀新声”书法展今天在中国美术馆开幕。展览展期为10天。\n"
                 "农业合作项目丰收\n2号，两国企业投资开发的万宝农场举行了盛大的丰收仪式，莫桑比克总理韦思成出席了仪式。",
                 title="国际联播快讯", day=date(2014, 5, 3))
    labels = [m.label for m in ex.meetings]
    assert any("书法展" in label for label in labels) and "丰收仪式" in labels
    assert edges(ex, "attended")["丰收仪式"] == ["韦思成"]
    assert {str(m.date) for m in ex.meetings if m.label == "丰收仪式"} == {"2014-05-02"}


def test_an_encounter_recalled_with_its_day_before_zai_is_read_with_its_guest():
    """特使甲22号在会见…特使乙时强调: a 会见 on the 22nd that 甲 leads and 乙 attends (no visit 会见…时强调)."""
    ex = extract("中国政府叙利亚问题特使邝志远22号在会见联合国秘书长叙利亚问题特使罗振川时强调，中方支持联合国。",
                 day=date(2017, 2, 23))
    assert edges(ex, "attended") == {"邝志远会见联合国秘书长叙利亚问题特使罗振川": ["邝志远", "罗振川"]}
    assert [str(m.date) for m in ex.meetings] == ["2017-02-22"]


def test_a_meeting_after_a_message_and_its_words_is_reported():
    """李克强作出重要批示。批示指出：…。…: the message's words fill the paragraph; the meeting of the next one is
    reported and its people attend it, the sender does not."""
    ex = extract("中共中央政治局常委、国务院总理罗振川日前就基础教育作出重要批示。批示指出：基础教育关系到每一个人。"
                 "要坚持立德树人。要推进改革。\n国务院7月29日召开全国基础教育工作会议，国务院副总理邝志远出席并讲话。",
                 day=date(2019, 7, 29))
    assert edges(ex, "attended") == {"国务院全国基础教育工作会议": ["邝志远"]}


def test_names_before_a_title_and_a_message_verb_or_a_foreign_title():
    """向甲总书记发去唁电, 转交了安倍晋三首相的亲署信: names written before their titles; 彭斯称，: no 彭斯称."""
    assert posts(extract("习近平专门向阮富仲总书记发去唁电。")) == {"阮富仲": ["总书记"]}
    assert posts(extract("二阶俊博向习近平转交了安倍晋三首相的亲署信。")).get("安倍晋三") == ["首相"]
    assert posts(extract("正在利马出席美洲峰会的美国副总统彭斯称，军事打击是成功的。")) == {"彭斯": ["美国副总统"]}


def test_a_ceremony_attended_is_hosted_by_who_holds_it_and_a_building_reached_is_no_trip():
    """抵达克里姆林宫。随后，习近平出席了普京在乔治大厅举行的欢迎仪式: no visit 抵达克里姆林宫; the ceremony, held by
    普京 (and by both of 拜登和克里 where two hold it together)."""
    ex = extract("当地时间3月22日下午，国家主席邝志远抵达克里姆林宫。随后，邝志远出席了俄罗斯总统罗振川在乔治大厅举行的"
                 "盛大欢迎仪式。", day=date(2013, 3, 23))
    assert [m.kind for m in ex.meetings] == ["活动"]
    assert list(edges(ex, "chaired").values()) == [["罗振川"]]
    ex = extract("邝志远25日出席了美国副总统罗振川和国务卿韦思成在国务院联合举行的欢迎午宴。", day=date(2015, 9, 26))
    assert list(edges(ex, "chaired").values()) == [["罗振川"]]
    assert sorted(next(iter(edges(ex, "attended").values()))) == ["罗振川", "邝志远", "韦思成"]


def test_no_event_entrusted_to_others_barred_or_still_planned():
    """委托…负责同志看望: who entrusts does not go; 禁止参加…活动: barred; 愿意参加计划于本月底召开的和谈: to come."""
    assert not extract("国务院副总理邝志远委托有关负责同志5日晚看望屠呦呦并表示祝贺。", day=date(2015, 10, 6)).meetings
    assert not extract("国际足联道德委员会宣布，对罗振川处以禁止参加一切与足球相关活动八年的处罚。").meetings
    ex = extract("叙利亚外长韦思成9号在会面时表示，叙利亚政府愿意如期参加计划于本月底在日内瓦召开的叙利亚问题和谈。",
                 day=date(2016, 1, 10))
    assert not [m for m in ex.meetings if "和谈" in m.label]


def test_speakers_at_a_ceremony_a_forum_s_close_and_talks_or_dialogues_are_events():
    """…等作大会发言: the speakers attend; …论坛4日落下帷幕 and 甲在论坛上表示; 和谈 and 对话 held are events."""
    ex = extract("表彰大会今天在京举行。中宣部部长邝志远出席。中国空间技术研究院技术顾问、研究员罗振川，"
                 "空军航空兵某部部队长钟汉良等受表彰人员和亲属代表作大会发言。", day=date(2019, 9, 25))
    assert edges(ex, "attended") == {"表彰大会": ["邝志远", "罗振川", "钟汉良"]}
    assert posts(ex)["罗振川"] == ["中国空间技术研究院技术顾问", "中国空间技术研究院研究员"]
    ex = extract("世贸组织2018公共论坛4日在日内瓦正式落下帷幕。\n世界贸易组织总干事罗振川在论坛上表示，规则要调整。",
                 day=date(2018, 10, 6))
    assert edges(ex, "attended") == {"世贸组织2018公共论坛": ["罗振川"]}
    assert [str(m.date) for m in ex.meetings] == ["2018-10-04"]
    assert [m.label for m in extract("第四届中德媒体对话在北京举行。").meetings] == ["第四届中德媒体对话"]


def test_a_day_spoken_with_hao_dates_the_event_told_that_same_day():
    """甲12号表示，…。甲当天在索契出席…会议时表示: 当天 is the 12th, not the broadcast's day."""
    ex = extract("俄罗斯总理罗振川12号表示，如果情况继续恶化，俄方不排除断交的可能性。\n"
                 "罗振川当天在索契出席欧亚经济联盟政府委员会会议时表示，参与者应受到严惩。", day=date(2016, 8, 13))
    assert [(m.label, str(m.date)) for m in ex.meetings] == [("欧亚经济联盟政府委员会会议", "2016-08-12")]


def test_a_meeting_opened_on_a_day_written_with_yu_and_one_still_hoped_for():
    """…大会于当地时间10月1日在…开幕: an event; 在即将举行的…峰会上, 对甲出席…峰会抱有期待: none yet."""
    ex = extract("国际联播快讯\n发展中国家科学院新增52名院士\n第24届发展中国家科学院大会于当地时间10月1日在阿根廷首都"
                 "布宜诺斯艾利斯开幕。大会选举出新院士52名。\n", title="国际联播快讯", day=date(2013, 10, 3))
    assert [(m.label, str(m.date)) for m in ex.meetings] == [("第24届发展中国家科学院大会", "2013-10-01")]
    ex = extract("央视网消息：各方期待中国在即将举行的二十国集团领导人大阪峰会上，为世界经济注入正能量。\n"
                 "国际社会对中国国家主席罗振川出席二十国集团领导人大阪峰会抱有热切期待。", day=date(2019, 6, 27))
    assert not ex.meetings


def test_talks_one_is_invited_to_are_no_event_and_a_clause_wishing_for_talks_names_none():
    """俄已邀请…派代表赴莫斯科参加…和谈: invited, not held; 反对派重申支持全国对话: a heading's wish, no event."""
    ex = extract("俄罗斯外长罗振川21日在索契表示，俄已邀请阿富汗政府和塔利班组织派代表赴莫斯科参加阿富汗国内和谈。",
                 day=date(2018, 8, 22))
    assert not ex.meetings
    ex = extract("叙国内反对派重申支持全国对话\n叙利亚19家反对派政党代表25号在首都大马士革举行发布会，重申通过全国对话"
                 "等和平手段解决危机。", title="国际联播快讯", day=date(2012, 11, 26))
    assert not [m for m in ex.meetings if "重申" in m.label]


def test_a_summit_told_as_already_over_is_no_event_of_the_report():
    """…北京峰会已经落下帷幕，而…成果持续引发反响: the summit is recalled; a reaction piece reports no event."""
    ex = extract("中非合作论坛北京峰会已经落下帷幕，而本次峰会取得的丰硕成果持续在非洲国家引发积极反响。\n"
                 "罗振川主席在峰会上提出未来重点实施“八大行动”。", day=date(2018, 9, 9))
    assert not ex.meetings


def test_a_partner_named_with_tong_before_yidao_chuxi_attends_and_a_date_is_no_part_of_a_body():
    """甲14日同…总书记、国家主席乙在万象一道出席…奠基仪式: both attend; the 日 of 14日 opens no body (日同老挝…)."""
    ex = extract("央视网消息：中共中央总书记、国家主席罗振川14日同老挝人民革命党中央委员会总书记、国家主席韦思成在万象"
                 "一道出席玛霍索综合医院奠基仪式。", day=date(2017, 11, 14))
    assert posts(ex)["韦思成"] == ["老挝人民革命党中央委员会总书记", "老挝国家主席"]
    assert edges(ex, "attended") == {"玛霍索综合医院奠基仪式": ["罗振川", "韦思成"]}


def test_a_name_closing_a_zai_hou_frame_and_foreign_names_before_huihou_keep_their_own_length():
    """在会见…总干事费卢塔后表示: the guest is 费卢塔 and the encounter is reported; 莫盖里尼会后说: no 莫盖;
    但如果…宣布: no person; 在创始人宗庆后的带领下: 后 is the name's own."""
    ex = extract("央视网消息：8日，伊朗原子能组织主席韦思成在会见到访的国际原子能机构代理总干事费卢塔后表示，欧洲国家"
                 "没能履行承诺。欧盟外交与安全政策高级代表莫盖里尼会后说，各方一致认为协议得到了执行。\n"
                 "分析人士称，但如果宣布这一决定，就越过了红线。", day=date(2019, 9, 8))
    assert set(posts(ex)) == {"韦思成", "费卢塔", "莫盖里尼"}
    assert edges(ex, "attended") == {"韦思成会见到访的国际原子能机构代理总干事费卢塔": ["韦思成", "费卢塔"]}
    ex = extract("央视网消息：杭州娃哈哈集团在创始人宗庆后的带领下小步快跑。")
    assert "宗庆后" in posts(ex)


def test_a_rarely_seen_verb_after_a_title_is_a_name_but_a_common_one_is_not():
    """中国国民党前主席连战率领的参访团 (jieba's 连战 is a verb it saw 63 times); 市长强调 stays a title and a verb."""
    ex = extract("央视网消息：全国政协主席罗振川13日下午在京会见了中国国民党前主席连战率领的台湾各界人士参访团。",
                 day=date(2018, 7, 13))
    assert "连战" in posts(ex)
    assert "连战" in edges(ex, "attended")["罗振川会见中国国民党前主席连战率领的台湾各界人士参访团"]
    assert not extract("央视网消息：市长强调，要做好防汛工作。").people


def test_fairs_festivals_side_events_and_a_state_funeral_are_events_and_whom_they_honour_hosts_none():
    """深圳文博会开幕, …舞蹈节开幕, …共同举办…边会, 为前总理…举行国葬, 安倍为甲举行欢迎晚宴 (甲 the guest)."""
    ex = extract("央视网消息：第十五届深圳文博会今天在深圳会展中心开幕。", day=date(2019, 5, 16))
    assert [m.label for m in ex.meetings] == ["第十五届深圳文博会开幕式"]
    ex = extract("央视网消息：昨晚，第五届中国新疆国际民族舞蹈节在乌鲁木齐开幕。", day=date(2017, 7, 21))
    assert [(m.label, str(m.date)) for m in ex.meetings] == [("第五届中国新疆国际民族舞蹈节开幕式", "2017-07-20")]
    ex = extract("央视网消息：中国人权研究会13号在日内瓦万国宫举办以“发展权的实现”为主题的边会。",
                 day=date(2017, 9, 14))
    assert [m.kind for m in ex.meetings] == ["会议"]
    ex = extract("央视网消息：3月29日下午，新加坡政府为前总理罗振川举行国葬。新加坡总理韦思成出席了葬礼。",
                 day=date(2015, 3, 29))
    assert edges(ex, "attended") == {"新加坡政府为前总理罗振川举行国葬": ["韦思成"]}
    assert not edges(ex, "chaired")
    ex = extract("央视网消息：国家主席罗振川27日在大阪会见日本首相韦思成。\n会见后，韦思成为罗振川举行欢迎晚宴。",
                 day=date(2019, 6, 28))
    banquet_chairs = [name for label, names in edges(ex, "chaired").items() if "晚宴" in label for name in names]
    assert "罗振川" not in banquet_chairs  # (韦思成 holds it: never the one honoured)


def test_a_speaker_at_a_summit_in_a_round_up_item_attends_and_an_earlier_paragraph_s_announcer_does_not():
    """A heading ending in 为 (监听行为) is no 为-phrase before 默克尔…参加欧盟峰会时表示; 议长甲4号宣布… in a paragraph
    before 观察员…召开新闻发布会: 甲 is not at the press conference."""
    ex = extract("国际联播快讯\n德总理谴责美情报机构监听行为\n德国总理罗振川24号在布鲁塞尔参加欧盟峰会时表示，监听行为"
                 "不可接受。\n叙政府军占领郊区重镇\n叙利亚政府军24号占领了郊区的胡台塔土库曼镇。",
                 title="国际联播快讯", day=date(2013, 10, 25))
    assert edges(ex, "attended") == {"欧盟峰会": ["罗振川"]}
    ex = extract("央视网消息：叙利亚人民议会议长韦思成4号宣布，现任总统在3号举行的总统选举中胜出。\n"
                 "当天，来自11个国家的外籍观察员在大马士革召开新闻发布会宣布，此次大选合法。",
                 title="关注叙利亚总统选举", day=date(2014, 6, 5))
    assert [m.label for m in ex.meetings] == ["新闻发布会"] and not ex.participations


def test_leaders_listed_before_deng_tongzhi_are_people_whatever_verb_follows():
    """罗振川、温家宝、江泽民…等同志，前往医院看望或…: every name of the list (温家 and 江泽 are dictionary words)."""
    ex = extract("央视网消息：病重期间和逝世后，罗振川、温家宝、江泽民、韦思成等同志，前往医院看望或通过各种形式表示"
                 "沉痛哀悼。")
    assert set(posts(ex)) == {"罗振川", "温家宝", "江泽民", "韦思成"}


def test_mass_organisations_by_their_short_names_and_ranks_and_commanders_after_names():
    """全国妇联主席, 中国科协主席; 乌克兰克里米亚自治共和国总理…证实; 指挥官…上将表示; 最高司令官金正恩."""
    ex = extract("央视网消息：全国人大常委会副委员长、全国妇联主席罗振川，中国科协主席韦思成出席开幕式。")
    assert posts(ex) == {"罗振川": ["全国人大常委会副委员长", "全国妇联主席"], "韦思成": ["中国科协主席"]}
    ex = extract("央视网消息：1号，乌克兰克里米亚自治共和国总理阿克肖诺夫证实，克里米亚政府正与黑海舰队合作。")
    assert posts(ex) == {"阿克肖诺夫": ["乌克兰克里米亚自治共和国总理"]}
    ex = extract("央视网消息：在前线视察的伊拉克联合行动指挥官沙格提上将表示，伊军在继续向城区中心深入。")
    assert posts(ex) == {"沙格提": ["伊拉克联合行动指挥官"]}
    ex = extract("央视网消息：朝鲜最高领导人、朝鲜人民军最高司令官金正恩近日视察了即将开业的餐厅。")
    assert set(posts(ex)) == {"金正恩"}
    assert not extract("央视网消息：中央纪律检查委员会委员应到130人，实到129人。").people


def test_a_joined_name_keeps_a_last_character_that_opens_a_verb_before_a_role_verb():
    """阿不来提·阿不都热西提出席: 提出 is a verb, but 出席 follows; 特蕾莎·梅会见: 梅 ends the name."""
    ex = extract("央视网消息：全国政协副主席阿不来提·阿不都热西提出席开幕式。")
    assert set(posts(ex)) == {"阿不来提·阿不都热西提"}
    ex = extract("央视网消息：英国首相特蕾莎·梅会见了他。")
    assert set(posts(ex)) == {"特蕾莎·梅"}


def test_talks_with_a_delegation_a_spoken_day_before_yu_and_two_days_with_hao():
    """甲19号与到访的伊朗代表团举行会谈 (the delegation's 团长, named after, is the guest); 4号和5号在…举行: the 4th."""
    ex = extract("央视网消息：叙利亚总统罗振川19号与到访叙利亚的伊朗代表团举行会谈，双方讨论了局势进展。伊朗官方代表团"
                 "团长韦思成重申伊朗支持叙利亚。", day=date(2016, 3, 20))
    assert [(m.label, str(m.date)) for m in ex.meetings] == [("罗振川同到访叙利亚的伊朗代表团会谈", "2016-03-19")]
    assert edges(ex, "attended") == {"罗振川同到访叙利亚的伊朗代表团会谈": ["罗振川", "韦思成"]}
    ex = extract("央视网消息：2013年亚太经合组织部长级会议4号和5号在印度尼西亚巴厘岛举行。", day=date(2013, 10, 5))
    assert [(m.label, str(m.date)) for m in ex.meetings] == [("2013年亚太经合组织部长级会议", "2013-10-04")]


def test_an_exhibition_named_in_quotes_opens_with_its_ceremony():
    """“友好往来 历史见证——…受赠礼品展”27日下午在…开幕: the exhibition's opening, not a cut 活动."""
    ex = extract("央视网消息：“友好往来 历史见证——党和国家领导人外交活动受赠礼品展”27日下午在中国国家博物馆开幕。"
                 "中共中央政治局常委罗振川出席开幕式并参观展览。", day=date(2012, 9, 27))
    assert [(m.label, m.kind) for m in ex.meetings] == [
        ("“友好往来历史见证——党和国家领导人外交活动受赠礼品展”开幕式", "开幕式")]
    assert edges(ex, "attended") == {"“友好往来历史见证——党和国家领导人外交活动受赠礼品展”开幕式": ["罗振川"]}


def test_a_city_after_zai_that_ends_like_a_country_is_no_host_and_no_sultan():
    """…访问，在努尔苏丹会见首任总统甲和总统乙: 努尔苏丹 is where 罗振川 met them (文莱苏丹哈桑纳尔 is a sultan)."""
    ex = extract("央视网消息：全国人大常委会委员长罗振川21日至25日对哈萨克斯坦进行正式友好访问，在努尔苏丹会见首任总统"
                 "纳扎尔巴耶夫和总统托卡耶夫。", day=date(2019, 9, 22))
    assert "努尔" not in posts(ex)
    assert edges(ex, "chaired") == {"罗振川对哈萨克斯坦进行正式友好访问": ["罗振川"],
                                    "罗振川会见首任总统纳扎尔巴耶夫和总统托卡耶夫": ["罗振川"]}


def test_a_round_table_held_jointly_and_a_launch_meeting_and_a_mayor_of_the_city_met_in():
    """甲…与英国首相乙共同举行中英全球经济圆桌会 (甲 chairs, 乙 attends); …召开…启动会;
    在巴勒莫会见…。巴勒莫市长等参加会见: the city's mayor, no person 巴勒莫."""
    ex = extract("央视网消息：国务院总理罗振川当地时间17日下午在伦敦唐宁街10号首相府与英国首相韦思成共同举行"
                 "中英全球经济圆桌会。国际货币基金组织总裁拉加德等出席。", day=date(2014, 6, 19))
    assert edges(ex, "chaired") == {"中英全球经济圆桌会": ["罗振川"]}
    assert edges(ex, "attended") == {"中英全球经济圆桌会": ["罗振川", "韦思成", "拉加德"]}
    ex = extract("央视网消息：国务院扶贫开发领导小组今天在云南省普洱市召开滇西边境片区区域发展与扶贫攻坚启动会。",
                 day=date(2012, 12, 3))
    assert [m.kind for m in ex.meetings] == ["会议"]
    ex = extract("央视网消息：国家主席罗振川当地时间23日在巴勒莫会见意大利西西里大区主席韦思成。西西里大区议会主席、"
                 "巴勒莫市长等参加会见。", day=date(2019, 3, 24))
    assert set(posts(ex)) == {"罗振川", "韦思成"}


def test_new_in_post_is_no_part_of_it_and_an_elect_keeps_its_name():
    """叙利亚新任国防部长甲: the post is 叙利亚国防部长, held now; 候任行政长官 stays the post's name (held later)."""
    ex = extract("央视网消息：据叙利亚国家电视台19号报道，叙利亚新任国防部长韦思成当天宣誓就职。"
                 "美国前国务卿罗振川出席。", day=date(2012, 7, 20))
    found = {p.name: [(x.label, x.tense) for x in p.posts] for p in ex.people}
    assert found["韦思成"] == [("叙利亚国防部长", "current")]
    assert found["罗振川"] == [("美国国务卿", "past")]
    ex = extract("央视网消息：国务院总理钟华今天在北京会见香港特别行政区候任行政长官邝志远。", day=date(2017, 4, 11))
    assert posts(ex)["邝志远"] == ["香港特别行政区候任行政长官"]


def test_a_name_before_mianqian_is_closed_there():
    """在总统巴沙尔面前宣誓就职: 面前 ends the name after a title (as 身边 and 身旁 do)."""
    ex = extract("央视网消息：叙利亚新任国防部长韦思成当天在总统卡西姆面前宣誓就职。", day=date(2012, 7, 20))
    assert posts(ex)["卡西姆"] == ["总统"]


def test_the_one_the_leader_acts_together_with_holds_it_with_him():
    """国务院总理甲今天在天津同德国总理乙一起与两国企业家座谈: 乙 is at the discussion 甲 leads."""
    ex = extract("央视网消息：国务院总理罗振川今天在天津同德国总理韦思成一起与两国企业家座谈。罗振川说，加强合作。",
                 day=date(2012, 8, 31))
    assert edges(ex, "chaired") == {"罗振川同德国总理韦思成一起与两国企业家座谈": ["罗振川"]}
    assert "韦思成" in edges(ex, "attended")["罗振川同德国总理韦思成一起与两国企业家座谈"]


def test_two_premiers_named_as_a_group_attend_the_ceremony_later_that_day():
    """同日，两国总理在…出席了…下线仪式: the two people of the report who hold 总理; 两国元首 with three presidents
    named, or 两国领导人 (no title), names no one."""
    text = ("央视网消息：国务院总理罗振川今天在天津同德国总理韦思成一起与两国企业家座谈。罗振川说，加强合作。"
            "同日，两国总理在空客天津总装厂出席了第100架A320飞机下线仪式。")
    ex = extract(text, day=date(2012, 8, 31))
    assert edges(ex, "attended")["第100架A320飞机下线仪式"] == ["罗振川", "韦思成"]
    ex = extract(text.replace("两国总理", "两国领导人"), day=date(2012, 8, 31))
    assert "第100架A320飞机下线仪式" not in edges(ex, "attended")


def test_the_head_of_a_visiting_group_named_by_yi_wei_tuanzhang():
    """会见了以甲为团长的香港中华总商会访京团: 甲, though no title names him, heads the group and is met."""
    ex = extract("央视网消息：全国政协主席罗振川5月22日下午在人民大会堂会见了以邝志远为团长的香港中华总商会访京团"
                 "全体成员。", day=date(2019, 5, 22))
    assert "邝志远" in posts(ex)
    (meeting,) = ex.meetings
    assert edges(ex, "attended")[meeting.label][-1] == "邝志远"


def test_present_at_the_talks_as_at_a_meeting():
    """副委员长兼秘书长甲会谈时在座: present at the talks, as 会见时在座 is at a meeting."""
    ex = extract("央视网消息：全国人大常委会委员长罗振川3日下午在人民大会堂与瑞士联邦议会联邦院议长韦思成举行会谈。"
                 "全国人大常委会副委员长兼秘书长钟华会谈时在座。", day=date(2014, 7, 3))
    (meeting,) = ex.meetings
    assert "钟华" in edges(ex, "attended")[meeting.label]


def test_an_inspection_named_inside_a_while_clause_ends_at_shi():
    """西索科在视察加奥时感谢…: the visit is 视察加奥 (比利时 holds a 时 of its own)."""
    ex = extract("央视网消息：马里总理迪昂戈·西索科11号首次回到北部城市加奥。西索科在视察加奥时感谢法国等方面"
                 "为稳定马里局势做出的努力。", day=date(2013, 4, 12))
    assert [m.label for m in ex.meetings] == ["迪昂戈·西索科视察加奥"]
    ex = extract("央视网消息：国务院副总理罗振川在视察比利时安特卫普港时表示，要加强合作。", day=date(2013, 4, 12))
    assert [m.label for m in ex.meetings] == ["罗振川视察比利时安特卫普港"]


def test_an_exercise_held_is_an_event():
    """由…联合举行的大规模反恐演习在贝尔格莱德举行: an exercise held is an event of the report (a 活动)."""
    ex = extract("央视网消息：21号，由塞尔维亚内政部和塞尔维亚军队联合举行的大规模反恐演习在塞尔维亚首都"
                 "贝尔格莱德举行。", day=date(2015, 11, 22))
    assert [(m.label, m.kind, m.date) for m in ex.meetings] == [("大规模反恐演习", "活动", date(2015, 11, 21))]


def test_a_list_witnessing_a_ceremony_with_groups_after_it_and_the_reception_after():
    """甲、乙、丙，以及…代表、…人士和市民共同见证这一庄严时刻。在随后举行的…庆祝酒会上，乙表示: the three attend the
    flag-raising; 乙 speaks at the reception held after it."""
    ex = extract("央视网消息：香港特区政府今天上午举行隆重升旗仪式，庆祝香港回归祖国18周年。全国政协副主席钟华、"
                 "香港特区行政长官罗振川、中央政府驻港联络办公室主任韦思成，以及中央驻港机构代表、香港社会各界人士和"
                 "市民共同见证这一庄严时刻。在随后举行的香港特区政府庆祝酒会上，罗振川表示，过去一年充满机遇。",
                 day=date(2015, 7, 1))
    assert edges(ex, "attended") == {"香港特区政府隆重升旗仪式": ["钟华", "罗振川", "韦思成"],
                                     "香港特区政府庆祝酒会": ["罗振川"]}


def test_the_meeting_a_message_was_read_out_at_far_down_a_message_report():
    """…发来贺信。…(three sentences of the message)…16日上午，…座谈会在人民大会堂举行，甲在会上宣读…贺信并讲话: the
    meeting is the report's event, and the reader attends it."""
    ex = extract("央视网消息：在中国文联成立70周年之际，中共中央总书记韦思成发来贺信，代表党中央表示热烈祝贺。\n"
                 "韦思成在贺信中指出，文艺事业是党和人民的重要事业。广大文艺工作者响应党的号召，创作出优秀作品。\n"
                 "韦思成强调，新时代呼唤杰出的艺术家。希望中国文联深入学习贯彻党的十九大精神。\n"
                 "要努力创作优秀作品。广大文艺工作者要坚持以人民为中心。\n16日上午，纪念中国文联成立70周年座谈会在人民大会堂举行，"
                 "中共中央政治局委员、中宣部部长罗振川在会上宣读韦思成的贺信并讲话。", day=date(2019, 7, 16))
    assert edges(ex, "attended") == {"纪念中国文联成立70周年座谈会": ["罗振川"]}
    assert [m.date for m in ex.meetings] == [date(2019, 7, 16)]


def test_a_state_written_in_full_names_the_posts_a_list_shares():
    """法兰西共和国总统甲、德意志联邦共和国总统乙和总理丙: 法兰西 is a country (no name 法兰西共 in the list), and
    丙's post borrows the state as written; a party named after its country's form keeps to the party
    (阿根廷共和国方案党领袖、总统甲: 阿根廷总统)."""
    ex = extract("央视网消息：应荷兰王国国王威廉-亚历山大、法兰西共和国总统邝志远、德意志联邦共和国总统韦思成和总理"
                 "钟华邀请，国家主席罗振川将于3月22日出访。", day=date(2014, 3, 14))
    found = posts(ex)
    assert "法兰西共" not in found
    assert found["邝志远"] == ["法兰西共和国总统"]
    assert found["钟华"] == ["德意志联邦共和国总理"]
    ex = extract("央视网消息：阿根廷共和国方案党领袖、总统马克西在贺函中表示，祝贺大会召开。", day=date(2017, 10, 26))
    assert posts(ex)["马克西"] == ["阿根廷共和国方案党领袖", "阿根廷总统"]


def test_an_election_notice_lists_its_members_by_role_and_a_titled_list_goes_on_past_notes():
    """…常务委员会委员长、副委员长、秘书长和委员已由…选出。委员长甲，副委员长乙、丙（女）、丁 / 委员：（按姓名笔划为序）
    戊 己（回族）庚（女）…: the role line's names, spaced as in the paper, are the body's 委员; the titled list goes on
    past a holder's note."""
    names = ["邝志远", "罗振川", "韦思成（回族）", "钟华（女）", "宋立", "丁启明", "马文涛（女，彝族）", "王振国"]
    text = ("央视网消息：现在播送中华人民共和国全国人民代表大会公告第一号，第十二届全国人民代表大会常务委员会委员长、"
            "副委员长、秘书长和委员已由第十二届全国人民代表大会第一次会议于2013年3月14日选出，共175人。委员长陈建华，"
            "副委员长李国平、张玉兰（女）、赵明。\n委员：(按姓名笔划为序)" + " ".join(names[:6]) + " "
            + "".join(names[6:]) + "\n现予公告。")
    found = posts(extract(text, day=date(2013, 3, 14)))
    assert found["赵明"] == ["副委员长"]
    for name in ("邝志远", "韦思成", "钟华", "丁启明", "马文涛", "王振国"):
        assert found[name] == ["第十二届全国人民代表大会常务委员会委员"], name


def test_deputies_who_give_their_views_at_a_deliberation_attend_it():
    """…参加上海代表团审议。甲、乙、丙等8位代表分别就…等问题发表意见: those who give their views are there (as
    副主席丁也发表了意见 is at a 座谈会)."""
    ex = extract("央视网消息：中共中央政治局常委罗振川5日上午参加十二届全国人大四次会议上海代表团审议。邝志远、韦思成、"
                 "钟华等8位代表分别就推进供给侧结构性改革、发展社区养老事业等问题发表意见。", day=date(2016, 3, 5))
    assert edges(ex, "attended")["上海代表团审议"] == ["罗振川", "邝志远", "韦思成", "钟华"]


def test_a_convener_who_calls_a_meeting_urgently_chairs_it_and_a_heading_above_is_no_plan():
    """韩国称将…（a heading, no clause mark）\n韩国总统甲2日下午紧急召开内阁会议: 紧急 stands between the convener and
    召开 as 专门 does, and the heading's 将 says nothing of the meeting reported below it."""
    ex = extract("韩国称将对邻国实施反制措施\n韩国总统韦思成2日下午紧急召开内阁会议商讨应对措施，他在会前对邻国的决定"
                 "深表遗憾。", day=date(2019, 8, 2))
    assert edges(ex, "chaired") == {"韩国内阁会议": ["韦思成"]}
    assert ex.meetings[0].date == date(2019, 8, 2)


def test_a_guest_named_again_after_le_in_a_later_paragraph_is_met():
    """…理事长乙在会上致辞。\n开幕式前，甲会见了乙等台湾参会主要代表: a name the report titled before, met again after
    会见了, is the guest; a relative met stands for the one named (会见了丙同志亲属), who is not there."""
    ex = extract("两岸企业家峰会今天在南京开幕。全国政协主席罗振川出席。台湾方面两岸企业家峰会理事长邝志远在会上"
                 "致辞。\n开幕式前，罗振川会见了邝志远等台湾参会主要代表。", day=date(2013, 11, 4))
    assert "邝志远" in edges(ex, "attended")["罗振川会见邝志远等台湾参会主要代表"]
    ex = extract("纪念钟华同志诞辰100周年座谈会17日在京举行。全国政协主席罗振川出席座谈会，并在会前会见了钟华同志"
                 "亲属。\n钟华同志曾任国务院副总理。", day=date(2018, 9, 17))
    assert "钟华" not in {name for names in edges(ex, "attended").values() for name in names}


def test_a_three_character_name_ending_in_he_before_a_verb_of_blame():
    """韩国外长甲乙和指责…: 和 before a verb joins nothing, it ends the name; an adverb after a spokesman's title
    (发言人强烈谴责) is no name."""
    ex = extract("韩国外长康京和指责邻国做出的这一单方面武断行为，挑战了公平与自由贸易原则。", day=date(2019, 8, 2))
    assert posts(ex) == {"康京和": ["韩国外长"]}
    ex = extract("国务院港澳办发言人强烈谴责激进分子侮辱国旗行径。", day=date(2019, 8, 4))
    assert posts(ex) == {}


def test_a_meeting_held_that_day_with_no_one_named_is_still_an_event():
    """第十九届…交易会今天在福州开幕…。其中，在今天举行的“海上福州”招商推介会上，共签订…: the meeting of the
    report's day is one, though the report names no one at it; its label loses the 在 and day that open it."""
    ex = extract("第十九届海峡两岸经贸交易会今天在福州开幕，2000多家企业参会。其中，在今天举行的“海上福州”招商推介会"
                 "上，共签订重点项目145项。", day=date(2017, 5, 18))
    assert "“海上福州”招商推介会" in {m.label for m in ex.meetings}
    ex = extract("在今天国务院新闻办召开的新闻发布会上，农业部副部长罗振川表示，春节期间将重点排查。",
                 day=date(2014, 1, 16))
    assert [m.label for m in ex.meetings] == ["国务院新闻办的新闻发布会"]


def test_a_chained_verb_skips_the_one_whose_instructions_are_conveyed():
    """甲传达乙的重要指示并讲话: the speaker is 甲, the sentence's subject; 乙 is cited."""
    ex = extract("学习贯彻座谈会6日在京召开。罗振川总书记作出重要指示。中共中央政治局委员、中央组织部部长邝志远传达"
                 "罗振川的重要指示并讲话。", day=date(2016, 5, 6))
    assert edges(ex, "attended")["学习贯彻座谈会"] == ["邝志远"]


def test_posts_joined_by_jian_each_keep_their_body():
    """国务委员兼公安部部长甲, 古巴国务委员会主席兼部长会议主席乙: after a title, 兼 parts two posts as 、 does, and a
    部长会议 (a council of ministers) is a body, not a meeting."""
    ex = extract("国务委员兼公安部部长罗振川出席。古巴国务委员会主席兼部长会议主席何塞·马拉斯全程陪同。",
                 day=date(2014, 7, 23))
    assert posts(ex)["罗振川"] == ["国务委员", "公安部部长"]
    assert posts(ex)["何塞·马拉斯"][0] == "古巴国务委员会主席"
    assert posts(ex)["何塞·马拉斯"][1].endswith("部长会议主席")


def test_a_joined_name_whose_first_part_makes_a_dictionary_word_is_still_a_name():
    """白俄罗斯总统亚历山大·卢卡申科, 希腊共和国总理安东尼斯·萨马拉斯: 亚历 and 安东 are dictionary words, but a first
    part spelt in transliteration characters is a name's (总统任命阿布-塔莱比: 任命 is a verb, the name starts
    after)."""
    ex = extract("白俄罗斯总统亚历山大·卢卡申科出席。希腊共和国总理安东尼斯·萨马拉斯出席。总统任命阿布-塔莱比为总理。",
                 day=date(2013, 5, 16))
    assert set(posts(ex)) == {"亚历山大·卢卡申科", "安东尼斯·萨马拉斯", "阿布-塔莱比"}


def test_leaders_who_meet_again_and_a_companion_all_the_way():
    """甲在乙全程陪同下…。…甲和乙再次举行会晤: 全程 and 再次 end a name as 陪同 and 举行 would; a body read before a
    title starts at its country, not at the verb before it (劳尔率古巴国务委员会第一副主席…)."""
    ex = extract("国家主席罗振川在古巴国务委员会主席劳尔·卡斯特罗全程陪同下访问圣地亚哥。参观结束后，罗振川和劳尔再次"
                 "举行会晤，就两国关系交换意见。当晚，劳尔率古巴国务委员会第一副主席迪亚斯-卡内尔等到机场送行。",
                 day=date(2014, 7, 23))
    assert "劳尔·卡斯特罗" in posts(ex)
    assert edges(ex, "attended")["罗振川同劳尔再次会晤"][-1] == "劳尔·卡斯特罗"
    assert posts(ex)["迪亚斯-卡内尔"] == ["古巴国务委员会第一副主席"]


def test_south_and_central_asian_and_burmese_names_and_japanese_titles():
    """前商务部长达斯特吉尔汗出任国防部长, 由总书记貌貌登率领的…代表团: 汗 and 貌 spell foreign names; 知事 and
    干事长 are titles of foreign offices (东京都知事小池百合子: a family name and a given name a word opens but 子
    ends), 贸易代表 a post (美国贸易代表柯克), and 出任 ends a name (干事长石破茂出任)."""
    ex = extract("前商务部长达斯特吉尔汗出任国防部长。刘云山会见了由总书记貌貌登率领的缅甸巩发党代表团。"
                 "东京都知事小池百合子宣布成立新党。民进党干事长大岛敦指责首相。前自民党干事长石破茂出任大臣。"
                 "美国贸易代表柯克表示赞同。", day=date(2017, 9, 28))
    assert {"达斯特吉尔汗", "貌貌登", "小池百合子", "大岛敦", "石破茂", "柯克"} <= set(posts(ex))
    assert "国防部长" in posts(ex)["达斯特吉尔汗"]
    assert posts(ex)["柯克"] == ["美国贸易代表"]


def test_a_meeting_held_with_hui_mian_and_a_name_before_an_adverb_of_surprise():
    """俄罗斯总统甲突然到访…。甲还在基地内与叙利亚总统乙举行了会面: 突然 ends a foreign name as 亲自 does, and a 会面
    held with someone is an encounter he leads."""
    ex = extract("当地时间11日早上，俄罗斯总统普京突然到访了位于叙利亚的俄罗斯空军基地。普京还在基地内与叙利亚总统"
                 "巴沙尔举行了会面。", day=date(2017, 12, 11))
    assert posts(ex)["普京"] == ["俄罗斯总统"]
    assert edges(ex, "chaired") == {"普京同叙利亚总统巴沙尔会面": ["普京"]}
    ex = extract("国家主席罗振川同法国当选总统马克龙通电话。两国元首同意保持联系并早日会面。", day=date(2017, 5, 9))
    assert [m.label for m in ex.meetings] == ["罗振川同法国当选总统马克龙通电话"]


def test_a_politburo_study_session_held_with_jinxing_and_its_lecturer():
    """中共中央政治局…就…进行第二次集体学习: 进行 holds a study session (and nothing else: 进行了讨论), and the
    lecturer who 作了讲解 is at it."""
    ex = extract("中共中央政治局12月8日下午就实施国家大数据战略进行第二次集体学习。"
                 "中共中央总书记罗振川在主持学习时强调，要审时度势。\n北京理工大学副校长邝志远就这个问题作了讲解，并谈了意见和建议。\n"
                 "中共中央政治局各位同志认真听取了讲解，并进行了讨论。", day=date(2017, 12, 9))
    assert [(m.label, m.date) for m in ex.meetings] == [("第二次集体学习", date(2017, 12, 8))]
    assert edges(ex, "chaired") == {"第二次集体学习": ["罗振川"]}
    assert edges(ex, "attended")["第二次集体学习"] == ["罗振川", "邝志远"]
    assert extract("为查找问题，天津大学先后进行了七次集体学习。", day=date(2013, 10, 20)).meetings == []


def test_a_meeting_chaired_jointly_the_same_day_after_an_encounter():
    """副总理甲会见乙。…同日，甲还同丙共同主持…委员会第二次会议: a second event of the report; its subject chairs,
    the partner named after 同 is at it (not at the encounter before)."""
    ex = extract("国务院副总理罗振川18日在圣彼得堡会见俄罗斯总统普京。普京说，欢迎你。\n"
                 "同日，罗振川还同俄罗斯第一副总理舒瓦洛夫共同主持中俄投资合作委员会第二次会议。罗振川表示，合作不断拓宽。",
                 day=date(2015, 6, 19))
    assert edges(ex, "chaired") == {"罗振川会见俄罗斯总统普京": ["罗振川"], "中俄投资合作委员会第二次会议": ["罗振川"]}
    assert edges(ex, "attended")["中俄投资合作委员会第二次会议"] == ["罗振川", "舒瓦洛夫"]
    assert "舒瓦洛夫" not in edges(ex, "attended")["罗振川会见俄罗斯总统普京"]


def test_a_message_report_whose_meeting_is_held_sentences_before_it_is_read_out():
    """…发来贺信。…15日上午，人民日报社举行庆祝创刊70周年大会。甲出席大会并讲话。…会上宣读了…贺信: 会上 points back
    to the last meeting held; the sender is not there."""
    ex = extract("在人民日报创刊70周年之际，中共中央总书记罗振川发来贺信，表示热烈的祝贺。\n"
                 "罗振川在贺信中指出，人民日报是党中央机关报。\n罗振川强调，人民日报要忠实履行职责使命。\n15日上午，人民日报社举行庆祝创刊70周年大会。中宣部部长"
                 "邝志远出席大会并讲话。他说，要认真学习。\n会上宣读了罗振川的贺信，人民日报社负责人先后发言。",
                 title="罗振川致信祝贺人民日报创刊70周年", day=date(2018, 6, 15))
    assert [m.label for m in ex.meetings] == ["庆祝创刊70周年大会"]
    assert edges(ex, "attended") == {"庆祝创刊70周年大会": ["邝志远"]}


def test_a_name_before_its_title_joined_to_another_and_a_joined_name_before_tongzhi():
    """习近平总书记和阮富仲总书记, 范德贝伦总统和库尔茨总理联袂访华: joined by 和 to a titled name, the second is a name
    before its title too (also before 两次, which would make the first alone a retrospective); 甲·乙同志逝世: the whole
    joined name before 同志; 王勇以及万钢: 以及 joins, no name 王勇以."""
    ex = extract("近年来，罗振川总书记和阮富仲总书记两次实现互访。李克强欢迎范德贝伦总统和库尔茨总理联袂访华。",
                 day=date(2018, 4, 8))
    assert {"阮富仲", "库尔茨"} <= set(posts(ex))
    assert posts(ex)["库尔茨"] == ["总理"]
    # (希腊总统帕夫洛普洛斯和左联党主席、政府总理齐普拉斯: the first named after his title; 左联 is a party)
    ex = extract("罗振川在雅典分别会见希腊总统帕夫洛普洛斯和左联党主席、政府总理齐普拉斯。", day=date(2016, 10, 5))
    assert "左联" not in posts(ex)
    ex = extract("原国务委员司马义·艾买提同志因病在北京逝世。", title="司马义·艾买提同志逝世", day=date(2018, 10, 16))
    assert set(posts(ex)) == {"司马义·艾买提"}
    ex = extract("国家主席钟华表示，请转达对劳尔·卡斯特罗主席和菲德尔·卡斯特罗同志的问候。不负何塞·马蒂同志的嘱托。",
                 day=date(2013, 6, 18))
    assert set(posts(ex)) == {"钟华", "劳尔·卡斯特罗", "菲德尔·卡斯特罗"}
    ex = extract("马凯、韦思成以及钟华、邝志远出席会议。", day=date(2014, 7, 31))
    assert {"马凯", "韦思成", "钟华", "邝志远"} == set(posts(ex))


def test_speakers_at_a_meeting_held_elsewhere_and_heard_with_others():
    """甲4号在哈瓦那举行的…首脑会议发表讲话: a speaker at the meeting named between where and the verb; 会议听取了
    秘书长乙等就…所作的说明: 等 closes the one heard."""
    ex = extract("古巴国务委员会主席劳尔·卡斯特罗4号在哈瓦那举行的第七届加勒比国家联盟首脑会议发表讲话，"
                 "谴责美洲国家组织。", day=date(2016, 6, 5))
    assert edges(ex, "attended") == {"第七届加勒比国家联盟首脑会议": ["劳尔·卡斯特罗"]}
    ex = extract("全国政协十三届常委会第九次会议今天在北京举行全体会议。"
                 "会议听取了全国政协副主席兼秘书长邝志远等就有关人事事项所作的说明。"
                 "全国政协副主席钟华主持会议。", day=date(2019, 11, 6))
    assert "邝志远" in next(iter(edges(ex, "attended").values()))


def test_encounters_told_after_a_visit_and_companions_of_an_inspection():
    """甲10月25日至27日访问埃及，在开罗会见了…: the visit and the encounter both; 乙、丙…陪同考察 at the end of a report
    puts them on the inspection, not at the 座谈会 told last."""
    ex = extract("应埃及总理马德布利邀请，国家副主席罗振川10月25日至27日访问埃及，在开罗会见了埃及总统塞西。"
                 "抵达开罗时，马德布利到机场迎接。", day=date(2018, 10, 28))
    assert sorted(m.kind for m in ex.meetings) == ["会见", "访问"]
    # (who welcomes the visitor at the airport is on the visit, not at the encounter its sentence reports)
    assert edges(ex, "attended") == {"罗振川访问埃及": ["罗振川", "马德布利"],
                                     "罗振川会见埃及总统塞西": ["罗振川", "塞西"]}
    # (访问期间，甲同乙举行会谈。…举行欢迎宴会并共同观看文艺演出: the time of the visit; the talks are the lead)
    ex = extract("朝鲜劳动党委员长金正恩于3月25日至28日对我国进行非正式访问。\n"
                 "访问期间，罗振川在人民大会堂同金正恩举行会谈。"
                 "罗振川总书记和夫人为金正恩委员长举行欢迎宴会并共同观看文艺演出。", day=date(2018, 3, 28))
    assert [m.kind for m in ex.meetings] == ["会谈"]
    ex = extract("24日，罗振川在省委书记邝志远陪同下，来到张北县农村考察调研，看望困难群众。\n"
                 "下午，罗振川召开座谈会，听取了工作汇报。\n韦思成、钟华和中央有关部门负责同志陪同考察。",
                 day=date(2017, 1, 24))
    visit = next(m.label for m in ex.meetings if m.kind != "座谈会")
    assert edges(ex, "attended")[visit][-2:] == ["韦思成", "钟华"]
    assert "韦思成" not in edges(ex, "attended").get("罗振川主持召开座谈会", [])


def test_korean_ministers_and_words_that_say_how_talks_were_held():
    """韩国国防部长官韩民求, 统一部长官赵明均: 长官 is Korea's minister's title, no name opens with 官
    (韩法务部长官: 法务部 is the ministry, no name 韩法务); 俄美外长非正式会谈 as a heading: 非正式 says how."""
    ex = extract("当天，美国国防部长马蒂斯与韩国国防部长官韩民求举行会谈。韩国统一部长官赵明均表示欢迎。"
                 "韩法务部长官黄教安被提名为总理候选人。", day=date(2017, 2, 3))
    assert posts(ex)["韩民求"] == ["韩国国防部长官"]
    assert posts(ex)["赵明均"] == ["韩国统一部长官"]
    assert not any(name.startswith("官") or name == "韩法务" for name in posts(ex))
    ex = extract("俄美外长非正式会谈 聚焦叙危机\n17日，美国国务卿蒂勒森与俄罗斯外交部长拉夫罗夫在纽约举行非正式会谈。",
                 title="国际联播快讯", day=date(2017, 9, 18))
    assert set(posts(ex)) == {"蒂勒森", "拉夫罗夫"}


def test_elected_without_wei_and_speakers_each_for_a_sector_after_a_comma():
    """黄志贤当选会长 (no 为) states the post; 甲和乙，分别代表科技界和人民团体致贺词: the list before the comma
    speaks."""
    ex = extract("会议选举产生了全国台联第十届理事会。由33人组成的第十届常务理事会，邝志远当选会长。",
                 day=date(2017, 12, 25))
    assert posts(ex)["邝志远"] == ["会长"]
    ex = extract("中国科协第九次全国代表大会30日上午在人民大会堂开幕。罗振川出席大会并发表重要讲话。"
                 "中国工程院院长韦思成和共青团中央书记处第一书记钟华，分别代表科技界和人民团体致贺词。",
                 day=date(2016, 5, 31))
    assert edges(ex, "attended")["中国科协第九次全国代表大会"] == ["罗振川", "韦思成", "钟华"]


def test_a_leader_s_funeral_and_who_came_to_the_body():
    """某某同志的遗体，21日在北京八宝山革命公墓火化。…上午10时许，甲、乙、丙等，在哀乐声中缓步来到…遗体前肃立默哀: the
    farewell is the report's event, those who came to the body attend it, and the one honoured is at none."""
    ex = extract("中国人民政治协商会议全国委员会原副主席韦思成同志的遗体，21日在北京八宝山革命公墓火化。\n"
                 "韦思成同志因病于1月15日在北京逝世，享年92岁。\n"
                 "21日上午，八宝山革命公墓礼堂庄严肃穆，哀乐低回。\n"
                 "上午10时许，罗振川、邝志远、钟华等，在哀乐声中缓步来到韦思成同志的遗体前肃立默哀，向韦思成同志的遗体三鞠躬。",
                 title="韦思成同志遗体在京火化", day=date(2013, 1, 21))
    assert [(m.label, m.date) for m in ex.meetings] == [("韦思成同志遗体送别", date(2013, 1, 21))]
    assert edges(ex, "attended") == {"韦思成同志遗体送别": ["罗振川", "邝志远", "钟华"]}


def test_first_holders_ages_and_deputy_chief_commanders():
    """新加坡共和国首任总理: 首任 is no appointment of a person 国首; 选举81岁的甲为…主席: the age is no part of the
    name; 副总指挥长安兆庆: the title ends in 长, the name starts after it."""
    ex = extract("1965年，新加坡成立共和国，罗振川成为新加坡共和国首任总理。", day=date(2015, 3, 23))
    assert "国首" not in posts(ex)
    ex = extract("古巴第八届全国人民政权代表大会24号选举81岁的劳尔·卡斯特罗为古巴国务委员会主席。",
                 day=date(2013, 2, 25))
    assert posts(ex) == {"劳尔·卡斯特罗": ["古巴国务委员会主席"]}
    ex = extract("空间实验室飞行任务副总指挥长邝志远宣读了贺电。", day=date(2017, 4, 27))
    assert set(posts(ex)) == {"邝志远"}
    # (纳扎尔巴耶夫首任总统表示: the ordinal stands between the name and its title; the post keeps it)
    ex = extract("纳扎尔巴耶夫首任总统表示，欢迎。年满60岁的钟华卸任福建医科大学护理学院院长的职务。",
                 day=date(2019, 5, 17))
    assert posts(ex) == {"纳扎尔巴耶夫": ["首任总统"], "钟华": ["福建医科大学护理学院院长"]}


def test_a_surprise_visit_a_joined_name_opening_with_a_stop_and_a_visit_told_as_a_noun():
    """叙利亚总统巴沙尔·阿萨德突访伊朗，并与…哈梅内伊、…鲁哈尼分别举行会晤: 突访 ends the name, and each meeting is his;
    瑞士联邦主席于利·毛雷尔: 于 opens a first part spelt in transliteration characters; 介绍了…在北京考察的情况: a visit
    told as what it found, no event."""
    ex = extract("25日，叙利亚总统巴沙尔·阿萨德突访伊朗，并与伊朗最高领袖哈梅内伊、伊朗总统鲁哈尼分别举行会晤。",
                 day=date(2019, 2, 26))
    assert edges(ex, "chaired") == {"巴沙尔·阿萨德同哈梅内伊会晤": ["巴沙尔·阿萨德"],
                                    "巴沙尔·阿萨德同鲁哈尼会晤": ["巴沙尔·阿萨德"]}
    ex = extract("瑞士联邦主席于利·毛雷尔表示欢迎。", day=date(2019, 4, 29))
    assert set(posts(ex)) == {"于利·毛雷尔"}
    ex = extract("在当天的执委会会议上，协调委员会主席钟华进行了陈述，介绍了6月份他率领协调委员会在北京考察的情况。",
                 day=date(2017, 7, 11))
    assert not any(m.kind == "考察" for m in ex.meetings)


def test_attended_and_chaired_and_heads_of_state_as_a_group_word():
    """国家主席甲…出席并主持由中国和联合国共同举办的南南合作圆桌会: he chairs it, and the label is the meeting's;
    乙、丙等国家元首和政府首脑及联合国秘书长丁…出席: the group word after 等 does not end the list."""
    ex = extract("国家主席罗振川26日在纽约联合国总部出席并主持由中国和联合国共同举办的南南合作圆桌会。"
                 "南非总统祖马、埃及总统塞西等国家元首和政府首脑及联合国秘书长潘基文等国际组织负责人出席。",
                 day=date(2015, 9, 27))
    assert edges(ex, "chaired") == {"由中国和联合国共同举办的南南合作圆桌会": ["罗振川"]}
    assert edges(ex, "attended")["由中国和联合国共同举办的南南合作圆桌会"][1:] == ["祖马", "塞西", "潘基文"]


def test_a_verb_of_wishing_deferring_or_respecting_ends_a_post_run_but_a_party_s_name_keeps_it():
    """推迟, 希望, 尊重, 知会 are sentence words (卡塔尔尊重科威特埃米尔 is no post); 希望之党 is a party's name."""
    ex = extract("卡塔尔外交大臣阿米尔5日表示，卡塔尔尊重科威特埃米尔贾比尔的调停行动。"
                 "日本希望之党党首玉木雄一郎表示反对。")
    found = posts(ex)
    assert found["贾比尔"] == ["科威特埃米尔"]
    assert found["玉木雄一郎"] == ["日本希望之党党首"]
    assert post_problem("英国推迟脱欧欧洲理事会主席") and not post_problem("日本希望之党党首")
