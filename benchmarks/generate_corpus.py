"""Write a large, varied, deterministic corpus of 要闻-style articles for benchmarks and tests.

Every name, locality, meeting and date is invented from seeded random choices, so the same
``--articles`` and ``--seed`` always give byte-identical files. Articles are laid out as daily issue files
(masthead, date line, then headline / 本报讯 paragraphs, as in ``seeds/``) and/or one JSONL record per
article. Each locality keeps a roster of officials across its issues, so names recur and co-occur the
way they do in a real paper; about 1% of articles are reprinted in a later issue.

    python benchmarks/generate_corpus.py OUT_DIR --articles 10000 --format txt
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path


def words(text: str) -> tuple[str, ...]:
    """Space-separated vocabulary, so long Chinese lists stay readable and within the line limit."""
    return tuple(text.split())


SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
            "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文辉鹏宇浩然晨晓雪峰海波斌宁凯俊飞琳婷颖欣怡"
         "佳慧鑫瑞博涵睿轩泽昊瀚毅恒嘉翔晖昕煜哲铭诚远航锋光荣庆春燕玲萍梅兰菊云帆悦卓群德善昌盛永安新民立"
         "树松柏林森楠彬蔚蓉蕾薇莉琦璐瑶珊晶露莹琴韵")
LOCALITIES = (  # (province, city, district-level name, district kind, paper name, towns and streets)
    ("浙江省", "杭州市", "钱江", "区", "钱江日报", ("临江街道", "新湾街道", "义蓬街道", "河庄街道", "前进街道")),
    ("江苏省", "苏州市", "吴淞", "区", "吴淞时报", ("横泾街道", "越溪街道", "临湖镇", "东山镇", "金庭镇")),
    ("广东省", "佛山市", "南湾", "区", "南湾报", ("桂城街道", "大沥镇", "里水镇", "狮山镇", "丹灶镇")),
    ("四川省", "成都市", "锦城", "区", "锦城日报", ("华阳街道", "中和街道", "正兴街道", "兴隆街道", "籍田街道")),
    ("山东省", "青岛市", "崂东", "区", "崂东新闻", ("沙子口街道", "王哥庄街道", "北宅街道", "中韩街道", "金家岭街道")),
    ("河南省", "洛阳市", "伊川", "县", "伊川报", ("城关镇", "鸣皋镇", "白沙镇", "平等乡", "江左镇")),
    ("湖南省", "长沙市", "湘岳", "区", "湘岳报", ("岳麓街道", "望月湖街道", "含浦街道", "莲花镇", "雨敞坪镇")),
    ("福建省", "泉州市", "晋安", "市", "晋安日报", ("青阳街道", "梅岭街道", "安海镇", "磁灶镇", "陈埭镇")),
)
SLOGANS = words(
    "八八战略 两个确立 两个维护 四个意识 四个自信 十五五 千万工程 "
    "最多跑一次 三服务 放管服 双碳 共同富裕 高质量发展 两山理论 "
    "枫桥经验 六稳 六保 三个一以贯之 五水共治 腾笼换鸟 两个先行 "
    "三个年 一老一小 四敢 一号工程"
)
DOCUMENTS = words(
    "关于加快建设现代化产业体系的实施意见 "
    "国民经济和社会发展第十五个五年规划纲要 "
    "2026年度重大行政决策项目目录 "
    "关于深化营商环境优化提升的若干措施 "
    "安全生产治本攻坚三年行动方案 政府工作报告 年度审计项目计划 "
    "关于推进城乡融合发展的决定 人大常委会年度监督工作计划 "
    "政协年度协商工作计划"
)
TOPICS = words(
    "安全生产 营商环境 招商引资 城市更新 乡村振兴 生态环境保护 "
    "基层治理 民生实事 教育发展 医疗卫生 防汛防台 信访维稳 消防安全 "
    "文明城市创建 数字经济 科技创新 人才引育 重大项目建设 "
    "老旧小区改造 养老服务 食品安全 国资国企改革 河湖长制 耕地保护 "
    "森林防火 经济运行"
)
ENTERPRISES = words(
    "远航智能科技有限公司 新材料集团 华晟生物医药公司 恒通物流园 "
    "启明半导体公司 绿源能源集团 云帆数字产业园 东方精工机械厂 "
    "金桥国际商贸城 智联汽车零部件公司"
)
MEETING_OPENERS = ("会议强调", "会议指出", "会议要求", "会上指出", "会议认为")
PERSON_OPENERS = ("他强调", "她指出", "他要求", "她强调", "他指出")
CLAUSES = (
    "要深入学习贯彻党的二十届四中全会精神，全面落实中央和省委、市委决策部署",
    "要坚持以人民为中心的发展思想，把群众满意作为工作的出发点和落脚点",
    "要强化责任担当，细化时间表、路线图，倒排工期、挂图作战，推动各项任务落地见效",
    "要坚持问题导向，聚焦堵点难点，拿出务实管用的举措",
    "要统筹发展和安全，守牢安全底线，及时发现苗头性、倾向性问题",
    "要加强统筹协调，形成上下联动、部门协同的工作合力",
    "要锚定全年目标任务，奋力推动经济社会高质量发展",
    "要持之以恒正风肃纪，营造风清气正的政治生态",
    "要在创新中谋突破，在实干中求实效，努力交出高分答卷",
    "要把握稳中求进工作总基调，扎实做好稳增长、调结构、惠民生各项工作",
    "要加强干部队伍建设，营造干事创业的浓厚氛围",
    "要精准对接企业需求，当好服务企业的店小二",
)
CN_ORDINALS = "一二三四五六七八九十"


@dataclass
class Official:
    name: str
    post: str  # as printed before the name, e.g. 区委副书记、区长


@dataclass
class Locality:
    province: str
    city: str
    name: str
    kind: str  # 区 / 县 / 市
    paper: str
    towns: tuple[str, ...]
    roster: dict[str, Official] = field(default_factory=dict)
    reporters: list[str] = field(default_factory=list)
    congress_term: int = 1
    meetings_held: dict[str, int] = field(default_factory=dict)

    @property
    def full(self) -> str:
        return f"{self.name}{self.kind}"

    def next_session(self, series: str) -> int:
        self.meetings_held[series] = self.meetings_held.get(series, 0) + 1
        return self.meetings_held[series]


@dataclass
class Article:
    headline: str
    paragraphs: list[str]
    reporter: str
    day: date


def person_name(rng: random.Random, used: set[str]) -> str:
    """An invented 2- or 3-character name, unique within ``used``."""
    while True:
        length = 1 if rng.random() < 0.3 else 2
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(length))
        if name not in used:
            used.add(name)
            return name


def make_localities(rng: random.Random) -> list[Locality]:
    used: set[str] = set()
    localities = []
    for province, city, name, kind, paper, towns in LOCALITIES:
        place = Locality(province, city, name, kind, paper, towns)
        k = kind
        posts = {
            "secretary": f"{k}委书记", "head": f"{k}委副书记、{k}长" if k != "县" else "县委副书记、县长",
            "deputy_secretary": f"{k}委副书记", "congress": f"{k}人大常委会主任", "cppcc": f"{k}政协主席",
            "discipline": f"{k}委常委、{k}纪委书记", "organisation": f"{k}委常委、组织部部长",
            "propaganda": f"{k}委常委、宣传部部长", "executive": f"{k}委常委、常务副{k}长",
        }
        for n in range(1, 5):
            posts[f"vice_head_{n}"] = f"副{k}长"
            posts[f"congress_vice_{n}"] = f"{k}人大常委会副主任"
            posts[f"cppcc_vice_{n}"] = f"{k}政协副主席"
        posts["cppcc_secretary_general"] = f"{k}政协秘书长"
        for town in towns:
            posts[f"town:{town}"] = f"{town}党工委书记" if town.endswith("街道") else f"{town}党委书记"
        place.roster = {role: Official(person_name(rng, used), post) for role, post in posts.items()}
        place.reporters = [person_name(rng, used) for _ in range(5)]
        localities.append(place)
    return localities


def pick(rng: random.Random, place: Locality, prefix: str, count: int) -> list[Official]:
    pool = [o for role, o in place.roster.items() if role.startswith(prefix)]
    return rng.sample(pool, min(count, len(pool)))


def quoted_slogans(rng: random.Random, count: int) -> str:
    return "、".join(f"“{s}”" for s in rng.sample(SLOGANS, count))


def speech(rng: random.Random, place: Locality, paragraphs: int,
           openers: tuple[str, ...] = MEETING_OPENERS) -> list[str]:
    """Policy paragraphs: openers, clauses, slogans in quotes and documents in book-title marks."""
    out = []
    for _ in range(paragraphs):
        clauses = rng.sample(CLAUSES, rng.randint(3, 5))
        slogan = rng.choice(SLOGANS)
        topic = rng.choice(TOPICS)
        clauses.insert(rng.randrange(len(clauses) + 1), f"要以“{slogan}”为引领，扎实推进{place.full}{topic}工作")
        if rng.random() < 0.3:
            clauses.append(f"认真贯彻《{rng.choice(DOCUMENTS)}》")
        out.append(f"{rng.choice(openers)}，{'；'.join(clauses)}。")
    return out


def names(officials: list[Official]) -> str:
    return "、".join(o.name for o in officials)


def when(rng: random.Random, day: date) -> str:
    return f"{day.day}日{rng.choice(('', '上午', '下午', ''))}"


def standing_committee(rng: random.Random, place: Locality, day: date) -> tuple[str, list[str]]:
    chair = place.roster["secretary"]
    topic = rng.choice(TOPICS)
    others = pick(rng, place, "", 1) + pick(rng, place, "executive", 1) + pick(rng, place, "discipline", 1)
    attendees = [o for o in dict.fromkeys(o.name for o in others) if o != chair.name]
    first = (f"{when(rng, day)}，{place.full}委常委会召开会议，传达学习{rng.choice(('省委', '市委'))}有关会议精神，"
             f"研究部署{topic}等工作。{chair.post}{chair.name}主持会议并讲话。{'、'.join(attendees)}等{place.kind}领导出席。")
    return f"{place.full}委常委会召开会议 研究部署{topic}工作", [first, *speech(rng, place, rng.randint(2, 4))]


def inspection(rng: random.Random, place: Locality, day: date) -> tuple[str, list[str]]:
    lead = rng.choice([place.roster["secretary"], place.roster["head"], *pick(rng, place, "vice_head", 1)])
    town = rng.choice(place.towns)
    topic = rng.choice(TOPICS)
    company = rng.choice(ENTERPRISES)
    escort = place.roster[f"town:{town}"]
    first = (f"{when(rng, day)}，{lead.post}{lead.name}赴{town}调研{topic}工作。{escort.post}{escort.name}陪同。"
             f"{lead.name}一行先后来到{company}、{town}便民服务中心，实地查看项目进展，听取情况汇报。")
    return (f"{lead.name}在{town}调研{topic}工作时强调 {rng.choice(('以实干实绩', '以更大力度', '以钉钉子精神'))}推动"
            f"“{rng.choice(SLOGANS)}”落地见效"), [first, *speech(rng, place, rng.randint(1, 3), PERSON_OPENERS)]


def congress_session(rng: random.Random, place: Locality, day: date) -> tuple[str, list[str]]:
    number = place.next_session("congress")
    session = f"{place.full}{CN_ORDINALS[place.congress_term - 1]}届人大常委会第{number}次会议"
    chair = place.roster["congress"]
    vices = pick(rng, place, "congress_vice", rng.randint(2, 4))
    observer = pick(rng, place, "vice_head", 1)[0]
    document = rng.choice(DOCUMENTS)
    first = (f"{when(rng, day)}，{session}举行。{chair.post}{chair.name}主持会议。副主任{names(vices)}出席。"
             f"副{place.kind}长{observer.name}列席会议并作说明。会议审议了《{document}》。")
    return f"{session}举行", [first, *speech(rng, place, rng.randint(1, 3))]


def cppcc_meeting(rng: random.Random, place: Locality, day: date) -> tuple[str, list[str]]:
    number = place.next_session("cppcc")
    chair = place.roster["cppcc"]
    vices = pick(rng, place, "cppcc_vice", rng.randint(2, 4))
    secretary = place.roster["cppcc_secretary_general"]
    kind = rng.choice(("主席会议", "常委会议", "党组（扩大）会议"))
    first = (f"{when(rng, day)}，{place.full}政协召开第{number}次{kind}，围绕“{rng.choice(TOPICS)}”开展专题协商。"
             f"{chair.post}{chair.name}主持并讲话。{place.kind}政协副主席{names(vices)}及秘书长{secretary.name}参加。")
    return f"{place.full}政协召开{kind}", [first, *speech(rng, place, rng.randint(1, 3))]


def study_session(rng: random.Random, place: Locality, day: date) -> tuple[str, list[str]]:
    chair = place.roster["secretary"]
    speakers = pick(rng, place, "", rng.randint(2, 3))
    first = (f"{when(rng, day)}，{place.full}委理论学习中心组举行专题学习会，深入学习{quoted_slogans(rng, 2)}有关论述。"
             f"{chair.post}{chair.name}主持并讲话。{names(speakers)}作交流发言。")
    return f"{place.full}委理论学习中心组举行专题学习会", [first, *speech(rng, place, rng.randint(1, 3))]


def symposium(rng: random.Random, place: Locality, day: date) -> tuple[str, list[str]]:
    chair = place.roster["head"]
    vices = pick(rng, place, "vice_head", rng.randint(1, 2))
    group = rng.choice(("民营企业", "专家学者", "基层代表", "青年人才", "外资企业"))
    first = (f"{when(rng, day)}，{place.full}政府召开{group}座谈会，听取对{rng.choice(TOPICS)}工作的意见建议。"
             f"{chair.post}{chair.name}主持会议并讲话。副{place.kind}长{names(vices)}参加。")
    return f"{place.full}政府召开{group}座谈会", [first, *speech(rng, place, rng.randint(1, 2))]


def rally(rng: random.Random, place: Locality, day: date) -> tuple[str, list[str]]:
    topic = rng.choice(TOPICS)
    speaker = place.roster["secretary"]
    chair = place.roster["head"]
    leaders = [o for o in pick(rng, place, "", rng.randint(4, 7)) if o not in (speaker, chair)]
    first = (f"{when(rng, day)}，全{place.kind}{topic}工作推进会召开。{speaker.post}{speaker.name}出席会议并讲话，"
             f"{chair.post}{chair.name}主持。{names(leaders)}等{place.kind}领导参加。")
    return f"全{place.kind}{topic}工作推进会召开", [first, *speech(rng, place, rng.randint(2, 4))]


def visit(rng: random.Random, place: Locality, day: date) -> tuple[str, list[str]]:
    host = rng.choice([place.roster["secretary"], place.roster["head"]])
    guest = person_name(rng, set())
    company = rng.choice(ENTERPRISES)
    deputy = pick(rng, place, "vice_head", 1)[0]
    first = (f"{when(rng, day)}，{host.post}{host.name}会见{company}董事长{guest}一行，双方就深化合作进行交流。"
             f"副{place.kind}长{deputy.name}参加会见。")
    return f"{host.name}会见{company}客人", [first, *speech(rng, place, 1, PERSON_OPENERS)]


def brief(rng: random.Random, place: Locality, day: date) -> tuple[str, list[str]]:
    lead = rng.choice(pick(rng, place, "vice_head", 2) + [place.roster["executive"]])
    topic = rng.choice(TOPICS)
    first = (f"{when(rng, day)}，{lead.post}{lead.name}带队督导检查{rng.choice(place.towns)}{topic}工作，"
             f"要求压实属地责任，确保各项措施落实到位。")
    return f"{lead.name}督导检查{topic}工作", [first]


TEMPLATES = (standing_committee, inspection, congress_session, cppcc_meeting, study_session, symposium, rally,
             visit, brief)
TEMPLATE_WEIGHTS = (8, 14, 6, 6, 5, 6, 6, 4, 5)


def issues(n_articles: int, seed: int, start: date) -> Iterator[tuple[Locality, date, list[Article]]]:
    """Daily issues round-robin over the localities until ``n_articles`` articles are written."""
    rng = random.Random(seed)
    localities = make_localities(rng)
    written = 0
    reprintable: list[Article] = []
    day = start
    while written < n_articles:
        for place in localities:
            if written >= n_articles:
                break
            count = min(rng.randint(4, 9), n_articles - written)
            articles = []
            for _ in range(count):
                if reprintable and rng.random() < 0.01:
                    articles.append(rng.choice(reprintable))  # the same article printed again
                    continue
                template = rng.choices(TEMPLATES, TEMPLATE_WEIGHTS)[0]
                headline, paragraphs = template(rng, place, day)
                reporter = rng.choice(place.reporters)
                articles.append(Article(headline, paragraphs, reporter, day))
            reprintable = articles[-2:]
            written += len(articles)
            yield place, day, articles
        day += timedelta(days=1)


def byline(article: Article) -> str:
    return f"本报讯（记者 {article.reporter}）"


def issue_text(place: Locality, day: date, articles: list[Article], number: int) -> str:
    weekday = "一二三四五六日"[day.weekday()]
    lines = [place.paper, "", f"中共{place.city}{place.full}委主办", "",
             f"{day.year}年{day.month}月{day.day}日 星期{weekday}", f"今日8版 总第{number}期", ""]
    for article in articles:
        lines += [article.headline, "", byline(article) + article.paragraphs[0], ""]
        for paragraph in article.paragraphs[1:]:
            lines += [paragraph, ""]
    return "\n".join(lines)


def write_corpus(out_dir: Path, n_articles: int = 10_000, seed: int = 7, start: date = date(2024, 1, 1),
                 fmt: str = "txt") -> dict[str, int]:
    """Write the corpus under ``out_dir``; returns counts of files, articles and bytes written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {"files": 0, "articles": 0, "bytes": 0}
    jsonl = (out_dir / "articles.jsonl").open("w", encoding="utf-8") if fmt in ("jsonl", "both") else None
    try:
        for number, (place, day, articles) in enumerate(issues(n_articles, seed, start), start=1):
            counts["articles"] += len(articles)
            if fmt in ("txt", "both"):
                text = issue_text(place, day, articles, number)
                path = out_dir / "issues" / place.paper / f"{day.isoformat()}.txt"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
                counts["files"] += 1
                counts["bytes"] += len(text.encode())
            if jsonl is not None:
                for article in articles:
                    body = byline(article) + "\n".join(article.paragraphs)
                    record = {"date": day.isoformat(), "source": place.paper, "title": article.headline, "text": body}
                    jsonl.write(json.dumps(record, ensure_ascii=False) + "\n")
                    if fmt == "jsonl":
                        counts["bytes"] += len(body.encode())
    finally:
        if jsonl is not None:
            jsonl.close()
            counts["files"] += 1
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--start", type=date.fromisoformat, default=date(2024, 1, 1))
    parser.add_argument("--format", choices=("txt", "jsonl", "both"), default="txt")
    args = parser.parse_args(argv)
    counts = write_corpus(args.out_dir, args.articles, args.seed, args.start, args.format)
    print(f"wrote {counts['articles']:,} articles in {counts['files']:,} files "
          f"({counts['bytes'] / 1e6:.1f} MB) under {args.out_dir}")


if __name__ == "__main__":
    main()
