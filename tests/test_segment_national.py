"""A page of a national daily (invented text): datelines of every common form, and an undated commentary."""

from pathlib import Path

import kg

PAGE = Path(__file__).parent / "fixtures" / "national_daily"


def articles() -> dict[str, dict]:
    graph = kg.build([PAGE]).graph
    return {d["headline"]: d for _, d in graph.nodes(data=True) if d["type"] == "Article"}, graph


def test_every_dateline_and_the_commentary_open_an_article():
    found, _ = articles()
    assert sorted(found) == sorted(["全国农业工作座谈会在京召开", "部署春季森林防火工作", "国家主席会见来访的北欧客人",
                                    "凝聚奋进新征程的磅礴力量", "多地推进老旧小区改造"])
    assert found["全国农业工作座谈会在京召开"]["reporters"] == ["顾远帆"]
    assert found["多地推进老旧小区改造"]["reporters"] == ["邬清和"]
    assert found["凝聚奋进新征程的磅礴力量"]["reporters"] == []


def test_the_dateline_day_anchors_the_body_relative_dates():
    _, graph = articles()
    meetings = {d["label"]: d["date"] for _, d in graph.nodes(data=True) if d["type"] == "Meeting"}
    # 本报北京3月5日电 … 今天 in an issue of 6 March: the 5th
    assert meetings["闻人照会见挪威首相索尔贝格"] == "2026-03-05"
    assert meetings["全国农业工作座谈会"] == "2026-03-05"
