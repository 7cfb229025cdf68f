"""Extraction rules on short articles in the genre (invented people and places, not the seeds)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from kg.extract import find_people, resolve_date
from kg.model import ArticleExtraction, SourceText
from kg.pipeline import extract_source

ROOT = Path(__file__).resolve().parents[1]


def read(text: str, pub: date | None = date(2026, 5, 12), path: str = "t.txt") -> list[ArticleExtraction]:
    return extract_source(SourceText(path=path, text=text, date=pub))


def one(text: str, pub: date | None = date(2026, 5, 12)) -> ArticleExtraction:
    extractions = read(text, pub)
    assert len(extractions) == 1, [e.article.text[:30] for e in extractions]
    return extractions[0]


def roles(ex: ArticleExtraction, relation: str) -> list[str]:
    seen: list[str] = []
    for p in sorted(ex.participations, key=lambda p: p.order):
        if p.relation == relation and p.name not in seen:
            seen.append(p.name)
    return seen


def posts(ex: ArticleExtraction) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for person in ex.people:
        out.setdefault(person.name, [])
        out[person.name] += [p.label for p in person.posts if p.label not in out[person.name]]
    return out


def test_title_chain_gives_every_post() -> None:
    ex = one("本报讯（记者 王小明）11日，市政府召开常务会议。市委副书记、市长，市政府党组书记欧阳建国主持会议。")
    assert posts(ex)["欧阳建国"] == ["市委副书记", "市长", "市政府党组书记"]
    assert roles(ex, "chaired") == ["欧阳建国"]


def test_shared_title_and_elided_body_are_restored() -> None:
    ex = one("本报讯（记者 李娟）3日，县人大常委会党组召开会议。县人大常委会党组书记、主任邵光明主持。"
             "副主任陆海涛、冯雪及秘书长程亮参加。")
    found = posts(ex)
    assert found["邵光明"] == ["县人大常委会党组书记", "县人大常委会主任"]
    assert found["陆海涛"] == found["冯雪"] == ["县人大常委会副主任"]
    assert found["程亮"] == ["县人大常委会秘书长"]
    assert roles(ex, "attended") == ["邵光明", "陆海涛", "冯雪", "程亮"]


def test_delegated_chair_does_not_attend() -> None:
    ex = one("本报讯（记者 蒋平）5日，州委常委会召开会议。受州委书记杨国栋委托，州委副书记扎西多吉主持会议。"
             "州委常委洛桑、李卫东出席会议。")
    assert roles(ex, "chaired") == ["扎西多吉"]
    assert "杨国栋" not in roles(ex, "attended")
    assert roles(ex, "attended") == ["扎西多吉", "洛桑", "李卫东"]


def test_title_after_name_and_ascii_punctuation() -> None:
    ex = one('本报讯(记者 周敏)7日,市政府召开第12次常务会议,研究"一季度"经济工作.'
             "金卫国市长主持会议,副市长赵强、孙丽出席。")
    assert roles(ex, "chaired") == ["金卫国"]
    assert posts(ex)["金卫国"] == ["市长"]
    assert {"赵强", "孙丽"} <= set(roles(ex, "attended"))
    assert ex.meetings[0].label == "市政府第12次常务会议"


def test_inspection_leader_and_companions() -> None:
    ex = one("本报讯（记者 韩雪）昨天，省委常委、市委书记诸葛明远到高新区调研生物医药产业发展工作。"
             "市委常委、秘书长吴天，副市长买买提·艾力陪同调研。")
    meeting = ex.meetings[0]
    assert meeting.kind == "调研" and "调研" in meeting.label
    assert meeting.date == date(2026, 5, 11)
    assert roles(ex, "chaired") == ["诸葛明远"]
    assert {"吴天", "买买提·艾力"} <= set(roles(ex, "attended"))


def test_meetings_held_together_are_all_kept() -> None:
    ex = one("本报讯（记者 钱程）9日，县政府党组会议、县政府第30次常务会议和县安委会全体会议召开。"
             "县长方志勇主持会议。")
    labels = [m.label for m in ex.meetings]
    assert labels == ["县政府党组会议", "县政府第30次常务会议", "县安委会全体会议"]
    assert {p.meeting for p in ex.participations if p.relation == "chaired"} == {0, 1, 2}


def test_cited_leader_is_referenced_not_attending() -> None:
    ex = one("本报讯（记者 许诺）2日，区委常委会召开会议，传达学习习近平总书记重要讲话精神和市委全会精神。"
             "区委书记郑光辉主持会议。")
    targets = {(r.target_type, r.label) for r in ex.references}
    assert ("Official", "习近平") in targets
    assert ("Meeting", "市委全会") in targets
    assert "习近平" not in roles(ex, "attended")


def test_slogans_documents_and_split_quotes() -> None:
    ex = one("本报讯（记者 宁静）6日，市委全面深化改革委员会召开会议，审议《关于深化“一件事”改革的实施方案》。"
             "市委书记贺新民主持会议。会议强调，要坚持“稳中求\n进”，做好“土特产”文章。")
    slogans = {r.label for r in ex.references if r.target_type == "Slogan"}
    documents = {r.label for r in ex.references if r.target_type == "Document"}
    assert {"稳中求进", "土特产"} <= slogans
    assert "关于深化“一件事”改革的实施方案" in documents


@pytest.mark.parametrize(
    ("token", "anchor", "expected"),
    [
        ("2025年12月31日", None, date(2025, 12, 31)),
        ("1月12日", date(2026, 1, 20), date(2026, 1, 12)),
        ("12月30日", date(2026, 1, 3), date(2025, 12, 30)),
        ("30日", date(2026, 3, 31), date(2026, 3, 30)),
        ("30日", date(2026, 4, 2), date(2026, 3, 30)),
        ("昨天", date(2026, 3, 1), date(2026, 2, 28)),
        ("上月28日", date(2026, 3, 5), date(2026, 2, 28)),
        ("8日", None, None),
    ],
)
def test_relative_dates(token: str, anchor: date | None, expected: date | None) -> None:
    assert resolve_date(token, anchor, inferred=False) == expected


def test_today_with_day_in_brackets() -> None:
    ex = one("本报讯（记者 汪洋）今天（7日）上午，县委理论学习中心组举行集体学习。县委书记韩立主持。",
             pub=date(2026, 1, 7))
    assert ex.meetings[0].date == date(2026, 1, 7)


def test_no_anchor_leaves_date_unknown_with_warning() -> None:
    ex = one("本报讯（记者 汪洋）日前，镇党委召开扩大会议。镇党委书记严华主持。8日，镇里又开展巡查。", pub=None)
    assert ex.meetings and ex.meetings[0].date is None


def test_name_boundary_without_a_stop_word() -> None:
    spans = find_people("县委副书记、县长莫立华结合分管工作作交流发言。")
    assert [s.name for s in spans] == ["莫立华"]


def test_reporters_are_never_officials() -> None:
    ex = one("本报讯（记者 龙小凤 薛凯 通讯员 覃丽萍）12日，县委常委会召开会议。县委书记曹国庆主持会议。")
    assert ex.article.reporters == ["龙小凤", "薛凯", "覃丽萍"]
    assert {p.name for p in ex.people} == {"曹国庆"}


def test_headline_after_body_is_attached() -> None:
    text = ("本报讯（记者 甲乙）3日，县政协召开主席会议。县政协主席沈红主持。\n\n县政协召开主席会议\n\n"
            "本报讯（记者 丙丁）4日，县委常委会召开会议。县委书记周立主持。\n")
    first, second = read(text)
    assert first.article.headline == "县政协召开主席会议"
    assert second.article.headline is None


def test_no_seed_names_in_code_or_lexicons() -> None:
    """Generality: the seed issues' people must not appear anywhere in the package."""
    gold = yaml.safe_load((ROOT / "tests" / "fixtures" / "seeds_gold.yaml").read_text(encoding="utf-8"))
    names = set(gold["people"]) | set(gold["reporters"])
    names -= {"习近平"}  # cited national leader, fine in docs but not needed in code either
    files = [p for p in (ROOT / "kg").rglob("*") if p.suffix in {".py", ".txt", ".yaml", ".js", ".html"}]
    package = "".join(p.read_text(encoding="utf-8") for p in files)
    leaked = sorted(n for n in names if n in package)
    assert leaked == []
    for marker in ("钱塘", "白杨街道", "国风文创"):
        assert marker not in package


def test_appointment_states_posts() -> None:
    ex = one("本报讯（记者 田野）17日上午，全市领导干部大会召开。省委组织部副部长罗建明宣读省委决定："
             "谭向阳同志任市委委员、常委、书记。会议由市长卢晓峰主持。谭向阳作表态发言。")
    assert posts(ex)["谭向阳"] == ["市委委员", "市委常委", "市委书记"]
    assert roles(ex, "chaired") == ["卢晓峰"]
    assert {"罗建明", "谭向阳"} <= set(roles(ex, "attended"))


def test_company_title_keeps_its_own_body_not_a_government_one() -> None:
    ex = one("本报讯（记者 田野）16日，省委书记林卫东会见了华西集团董事长郑海波一行。"
             "省委常委、秘书长高志刚，副省长彭丽参加会见。")
    chairman = next(p for p in ex.people if p.name == "郑海波")
    assert [(p.label, p.body) for p in chairman.posts] == [("华西集团董事长", "华西集团")]
    assert ex.meetings[0].kind == "会见" and roles(ex, "chaired") == ["林卫东"]
    assert roles(ex, "attended") == ["林卫东", "郑海波", "高志刚", "彭丽"]  # the guest of a 会见 attends it


def test_a_title_at_the_very_end_of_a_text_reads_no_name() -> None:
    ex = one("国务卿")  # found by the property tests: a title with nothing after it
    assert [p.name for p in ex.people] == []


def test_the_seed_issues_score_full_marks(tmp_path) -> None:
    """The demo corpus against its hand annotation: every measure of the team's scorer at 1.0 (rules tuned on real
    news must not lose what the seeds teach)."""
    import json
    import subprocess
    import sys

    import kg
    from kg.export.turtle import write_turtle

    ttl = tmp_path / "graph.ttl"
    write_turtle(kg.build([ROOT / "seeds"]).graph, ttl)
    run = subprocess.run([sys.executable, str(ROOT / "tests" / "tools" / "score.py"),
                          str(ROOT / "tests" / "fixtures" / "seeds_gold.yaml"), str(ttl), "--json"],
                         capture_output=True, text=True, check=True)
    score = json.loads(run.stdout.strip().splitlines()[-1])
    assert {k: v for k, v in score.items() if isinstance(v, float) and v < 1.0} == {}
    assert score["violations"] == 0 and score["reporters_as_officials"] == 0


def test_one_character_verbs_are_read_from_jiebas_dictionary_as_posseg_reads_them() -> None:
    """Whether 写 in 牛玉儒写的信 is a verb is read from jieba's dictionary file, not from ``jieba.posseg``'s table
    of every word's tag (0.5 CPU-s and 46 MB per worker): the same characters either way."""
    import jieba.posseg

    from kg.extract.names import _verb_chars

    expected = {word for word, tag in jieba.posseg.dt.word_tag_tab.items() if len(word) == 1 and tag.startswith("v")}
    assert _verb_chars() == expected
    assert {"写", "说", "看"} <= expected and "书" not in expected


_SHARED_FAMILY_NAME = ("新华社惠灵顿3月26日电 应新西兰总理比尔·英格利希的邀请，"
                       "国务院总理李克强于当地时间26日抵达惠灵顿，开始对新西兰进行正式访问。\n李克强总理夫人程虹同机抵达。\n新西兰总理英格利希和夫人玛丽·英格利希到机场迎接。"
                       "\n访问期间，李克强将同英格利希举行会谈。")


def test_a_family_name_two_people_share_is_the_first_named_at_every_hash_seed() -> None:
    """比尔·英格利希 and his wife 玛丽·英格利希 share 英格利希: the bare 英格利希 met later is the one the article
    named first. Which full name claimed it went by the order of a set, so it changed with PYTHONHASHSEED (on
    2012-2019 a premier's 到机场迎接 came and went from build to build)."""
    import os
    import subprocess
    import sys

    script = ("import sys; from datetime import date; from kg.model import SourceText; "
              "from kg.pipeline import extract_source; "
              "ex = extract_source(SourceText(path='t.txt', text=sys.stdin.read(), date=date(2017, 3, 26)))[0]; "
              "print('|'.join(f'{p.name}:{p.role}' for p in sorted(ex.participations, key=lambda p: p.order)))")
    seen = set()
    for seed in range(8):
        done = subprocess.run([sys.executable, "-c", script], input=_SHARED_FAMILY_NAME, text=True, check=True,
                              capture_output=True, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": str(seed),
                                                                  "PYTHONPATH": str(ROOT)})
        seen.add(done.stdout.strip())
    assert len(seen) == 1, seen
    assert "比尔·英格利希:到机场迎接" in seen.pop().split("|")


@pytest.mark.parametrize("text", ["受关税影响，几家美国大公司纷纷宣布涨价。", "这座城市位于重庆市长江上游，水运便利。",
                                  "新华社长篇通讯：走进新时代。"])
def test_words_read_across_a_title_are_no_person(text: str) -> None:
    """大公 in 大公司纷纷, 市长 in 重庆市长江上游: the title's last character starts a word with the next one and
    the rest is an ordinary word (纷纷, 上游): no 司纷纷, no 江上游."""
    from kg.lexicon import load

    assert find_people(text, load()) == []


@pytest.mark.parametrize(("text", "name"), [("江苏省副省长史和平受到记过处分。", "史和平"),
                                            ("市环境保护局大气处处长于建华、对于公务车辆。", "于建华"),
                                            ("国资委主任何振兴出席。", "何振兴"),
                                            ("据国家统计局局长安新民介绍，物价平稳。", "安新民"),
                                            ("会上，县长江国庆出席会议并讲话。", "江国庆"),
                                            ("全国政协副主席、国家发展改革委主任何立峰出席。", "何立峰"),
                                            ("会上，武汉市长江海涛作了发言。", "江海涛")])
def test_a_titled_name_that_makes_a_word_with_its_title_is_still_read(text: str, name: str) -> None:
    """长史 and 任何 are words, yet jieba ends the title where it ends (副省长|史) or the rest is no word (立峰)."""
    from kg.lexicon import load

    assert [s.name for s in find_people(text, load())] == [name]


@pytest.mark.parametrize(("text", "name", "body"), [
    ("国务院副总理刘明8日在北京会见了国际能源署署长比罗尔。", "比罗尔", "国际能源署"),
    ("全国政协主席王安12号在北京会见了台湾海基会董事长林中和。", "林中和", "台湾海基会"),
    ("他将出席论坛全会并发表致辞，会见论坛主席施瓦布。", "施瓦布", "论坛"),
    ("伊朗议会要求总统鲁哈尼出席质询。", "鲁哈尼", None),
    ("俄罗斯外交部承认曾推迟会谈俄罗斯外交部发言人扎哈罗娃表示遗憾。", "扎哈罗娃", "俄罗斯外交部"),
    ("日本财务省承认曾篡改文件日本财务省理财局局长太田充9日承认。", "太田充", "日本财务省理财局"),
    ("巴基斯坦计划与发展部长伊克巴尔表示欢迎。", "伊克巴尔", "巴基斯坦计划与发展"),
    ("省计划委员会主任王刚出席。", "王刚", "省计划委员会"),
])
def test_a_clause_before_a_title_is_no_part_of_its_post(text: str, name: str, body: str | None) -> None:
    """会见了, 在, 要求, 承认: a clause's words (or a headline run into the body) are no part of the body a title
    belongs to; the body starts after them. A ministry's own 计划与发展 stays."""
    from kg.lexicon import load

    person = next(s for s in find_people(text, load()) if s.name == name)
    assert [p.body for p in person.posts] == [body]


def test_groups_listed_after_yiji_with_commas_close_the_list_of_attendees() -> None:
    """甲、乙，以及…各部门领导，…领导等参加: the groups after 以及, commas between them, name no one; the names before
    them attend."""
    text = ("南江日报\n2019年12月12日\n\n中央军委举行授旗仪式\n"
            "中央军委授旗仪式12日在北京举行。中央军委主席习近平向部队授旗。中央军委副主席张又侠主持授旗仪式。"
            "中央军委委员魏凤和、李作成、苗华，以及军委机关各部门领导，驻京大单位领导，各军兵种官兵代表等参加授旗仪式。\n")
    [article] = extract_source(SourceText(path="a.txt", text=text))
    attended = {p.name for p in article.participations if p.relation == "attended"}
    assert {"魏凤和", "李作成", "苗华"} <= attended


def test_a_leader_who_joins_a_delegation_named_before_the_verb_attends_its_deliberation() -> None:
    """张某在南江代表团参加审议 (the delegation first, then 参加审议) is the same event as 参加南江代表团审议."""
    text = ("南江日报\n2019年3月9日\n\n两会进行时\n"
            "中共中央政治局常委、国务院副总理张明9日在南江代表团参加审议。他完全赞同政府工作报告。\n")
    [article] = extract_source(SourceText(path="a.txt", text=text))
    [meeting] = [m for m in article.meetings if m.kind == "审议"]
    assert meeting.label == "南江代表团审议"
    assert {(p.name, p.relation) for p in article.participations if p.meeting == meeting.key} == {("张明", "attended")}


@pytest.mark.parametrize(("text", "name", "title"), [
    ("他说，完全赞同张德江委员长所作的常委会工作报告。", "张德江", "委员长"),
    ("大家认为，王海涛委员的发言切中要害。", "王海涛", "委员"),
])
def test_a_name_before_its_title_is_read_before_suo_zuo_and_de_fayan(text: str, name: str, title: str) -> None:
    """某某委员长所作的报告, 某某委员的发言: the title after the name, then 所作 or 的发言."""
    from kg.lexicon import load

    assert [(s.name, [p.title for p in s.posts]) for s in find_people(text, load())] == [(name, [title])]


def test_a_joined_name_before_its_title_is_read_whole_and_its_namesake_is_not_taken_for_it() -> None:
    """劳尔·卡斯特罗主席和菲德尔·卡斯特罗同志: the whole joined name before the title, not 卡斯特罗 alone; and the
    卡斯特罗 of 菲德尔·卡斯特罗 is another man's, no mention of 劳尔·卡斯特罗 (since stop 37 菲德尔·卡斯特罗 is read
    whole before 同志)."""
    from kg.lexicon import load

    text = "他请对方转达对劳尔·卡斯特罗主席和菲德尔·卡斯特罗同志的诚挚问候。"
    assert [(s.name, s.name_start) for s in find_people(text, load())] == [("劳尔·卡斯特罗", text.index("劳尔")),
                                                                          ("菲德尔·卡斯特罗", text.index("菲德尔"))]


def test_a_report_praised_after_a_speaker_opens_is_not_heard_at_the_meeting() -> None:
    """听取代表发言后，张明说，赞同王强委员长所作的工作报告: what was heard ends where 张明 starts speaking, so 王强,
    whose report he praises, is not at the deliberation; 听取了A…的介绍，B…的说明 still hears both."""
    from kg.extract.participation import find_participants
    from kg.lexicon import load

    lex = load()
    praised = "国务院副总理张明在南江代表团参加审议。在认真听取代表发言后，张明说，完全赞同王强委员长所作的工作报告。"
    assert "王强" not in [p[0] for p in find_participants(praised, find_people(praised, lex), lex)]
    for speaker in ("他说，", "张明在讲话中指出，"):
        told = praised.replace("张明说，", speaker)
        assert "王强" not in [p[0] for p in find_participants(told, find_people(told, lex), lex)]
    heard = "会议听取了国务院副总理马凯关于改革的介绍，国务委员王勇关于机构的说明。"
    assert [p[0] for p in find_participants(heard, find_people(heard, lex), lex)] == ["马凯", "王勇"]


def test_deputies_who_deliberate_are_no_deliberation_and_names_after_a_group_are_still_listed() -> None:
    """与江苏代表团参加审议的代表交流 describes deputies, no event; in 以及各区县负责同志，赵强、孙伟同志参加 the
    names after the comma are people who attend, no group."""
    text = "南江日报\n2019年3月9日\n\n两会进行时\n国务院副总理张明9日在人民大会堂与江苏代表团参加审议的代表交流。\n"
    [article] = extract_source(SourceText(path="a.txt", text=text))
    assert [m.label for m in article.meetings if m.kind == "审议"] == []
    from kg.extract.participation import find_participants
    from kg.lexicon import load

    listed = "县委书记李明、县长张华，以及各区县负责同志，赵强、孙伟同志参加活动。"
    attended = [p[0] for p in find_participants(listed, find_people(listed, load()), load())]
    assert {"赵强", "孙伟"} <= set(attended)


def test_a_joined_name_said_first_in_the_headline_keeps_its_mention() -> None:
    """卡斯特罗会见… in the headline, 劳尔·卡斯特罗 in the text: the headline's short name at the very start of the
    text is a mention of him (no joiner stands before position 0)."""
    from kg.lexicon import load

    text = "卡斯特罗会见中共代表团\n古巴国务委员会主席劳尔·卡斯特罗会见了代表团。"
    assert [s.name_start for s in find_people(text, load())] == [0, text.index("劳尔")]


@pytest.mark.parametrize(("text", "names"), [
    ("总统官邸内，华灯初上。", []),
    ("他在担任领导职务后，仍然坚持学习。", []),
    ("印度副总统安萨里出席。", ["安萨里"]),
])
def test_a_noun_and_a_place_word_after_a_title_is_no_name(text: str, names: list[str]) -> None:
    """官邸内, 职务后: a dictionary noun and 内/后 close a phrase (locatives.txt); 安萨里's 里 follows no such word."""
    from kg.lexicon import load

    assert [s.name for s in find_people(text, load())] == names


@pytest.mark.parametrize(("text", "expected"), [
    ("俄罗斯总统普京则在与德国总理默克尔通电话时强调。", [("普京", "俄罗斯总统"), ("默克尔", "德国总理")]),
    ("而国际货币基金组织总裁拉加德则表示，峰会开创性地强调了创新。", [("拉加德", "国际货币基金组织总裁")]),
])
def test_an_adverb_after_a_name_is_no_part_of_it(text: str, expected: list[tuple[str, str | None]]) -> None:
    """普京则, 王勇以…身份, 拉加德则: 则 (name_end_excluded.txt, stop_after_name.txt) and a character of
    adverbs_after_names.txt after a name the article gives without it close the name; 而 opens no body."""
    from kg.lexicon import load

    found = [(s.name, s.posts[0].label if s.posts else None) for s in find_people(text, load())]
    assert found == expected


def test_a_reading_that_swallowed_an_adverb_is_trimmed_to_the_name_the_article_gives() -> None:
    """卡里莫夫因病逝世 read as 卡里莫夫因 where the article also names 卡里莫夫 (or 伊斯兰·卡里莫夫): the mention is
    卡里莫夫; 刘福连, whose article gives no 刘福, keeps its 连."""
    from kg.extract.common import Span
    from kg.extract.people import _trim_adverbs_after_names

    spans = {0: Span(name="伊斯兰·卡里莫夫", start=0, name_start=0, end=8),
             20: Span(name="卡里莫夫因", start=20, name_start=20, end=25),
             40: Span(name="刘福连", start=40, name_start=40, end=43)}
    _trim_adverbs_after_names("。" * 50, spans)
    assert [(s.name, s.end) for s in spans.values()] == [("伊斯兰·卡里莫夫", 8), ("卡里莫夫", 24), ("刘福连", 43)]


def test_a_party_group_title_after_a_title_that_names_its_body_is_that_bodys() -> None:
    """国务院总理、党组书记: 国务院总理 names its own body, so 党组书记 is 国务院党组书记, not the chain's first
    body's."""
    from kg.lexicon import load

    [person] = find_people("中共中央政治局常委、国务院总理、党组书记李克强主持会议。", load())
    assert [p.label for p in person.posts] == ["中共中央政治局常委", "国务院总理", "国务院党组书记"]


def test_a_common_verb_after_a_title_is_no_name_before_jieba_has_loaded_its_counts():
    """jieba's word counts load with its dictionary: read in a fresh process, 强调 is common and 连战 rare."""
    import subprocess
    import sys

    code = ("from kg.extract.names import _rare_word\n"
            "print(_rare_word('强调'), _rare_word('连战'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]
