"""How long kg.resolve takes on a synthetic corpus of many issues (prints numbers; not a test).

usage: python benchmarks/bench_resolve.py [ARTICLES] [PAPERS]

Each paper has its own pool of officials holding posts in a few district bodies, named in articles
over three years, with one-character variants sprinkled in so the variant search has work to do.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta

from kg.model import Article, ArticleExtraction, MeetingMention, Participation, PersonMention, PostMention
from kg.resolve import resolve

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国文斌立新红"
BODIES = [("区政协", ["主席", "副主席", "秘书长"]), ("区人大常委会", ["主任", "副主任"]),
          ("区委", ["书记", "副书记", "常委"]), ("区发展和改革局", ["局长", "副局长"]),
          ("区住房和城乡建设局", ["局长", "副局长"]), ("区委宣传部", ["部长", "副部长"])]


def corpus(n_articles: int, n_papers: int, seed: int = 7) -> list[ArticleExtraction]:
    rng = random.Random(seed)
    papers = [f"{SURNAMES[i % len(SURNAMES)]}{GIVEN[i % len(GIVEN)]}日报" for i in range(n_papers)]
    pools = {p: [(rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2)))), rng.choice(BODIES))
                 for _ in range(120)] for p in papers}
    out = []
    for index in range(n_articles):
        paper = papers[index % n_papers]
        day = date(2023, 1, 1) + timedelta(days=rng.randrange(3 * 365))
        people, parts = [], []
        for order, (name, (body, titles)) in enumerate(rng.sample(pools[paper], 8)):
            if rng.random() < 0.01:  # a typo: one character replaced
                name = name[:-1] + rng.choice(GIVEN)
            title = titles[hash(name) % len(titles)]
            people.append(PersonMention(name=name, posts=[PostMention(body + title, title, body)],
                                        sentence=f"{body}{title}{name}出席。"))
            parts.append(Participation(0, name, False, "attended", "出席", order, f"{body}{title}{name}出席。"))
        article = Article(id=f"a{index}", source=f"{paper}/{day}.txt", record=None, index=index % 10,
                          text="".join(p.sentence for p in people), pub_date=day, date_origin="header", paper=paper)
        out.append(ArticleExtraction(article=article, people=people, bodies=sorted({b for b, _ in BODIES}),
                                     meetings=[MeetingMention(0, "会议", "会议", day, "会议召开。")],
                                     participations=parts))
    return out


def main() -> None:
    n_articles = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    n_papers = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    extractions = corpus(n_articles, n_papers)
    started = time.perf_counter()
    resolved = resolve(extractions)
    seconds = time.perf_counter() - started
    mentions = sum(len(ex.people) for ex in extractions)
    report = resolved.report
    print(f"resolve: {n_articles} articles, {n_papers} papers, {mentions} person mentions in {seconds:.2f} s "
          f"({n_articles / seconds:.0f} articles/s)")
    print(f"  officials {len(resolved.display_name)}  merged {len(report['merged'])}  "
          f"review {len(report['duplicates'])}  changes {len(report['changes'])}")


if __name__ == "__main__":
    main()
