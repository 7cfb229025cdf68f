"""What the build flags for a reader to check: misread names, posts that are sentence material, split names."""

from pathlib import Path

import networkx as nx

import kg
from kg.suspects import find_suspects, name_problem, post_problem

SEEDS = Path(__file__).parent.parent / "seeds"


def test_a_name_that_took_the_next_character_is_flagged_and_a_real_name_is_not():
    others = {"李强", "汪洋", "薄熙来"}
    assert "陪" in (name_problem("李强陪", others) or "")
    assert "和" in (name_problem("汪洋和", others) or "")
    assert name_problem("薄熙来", others - {"薄熙来"}) is None  # 来 ends a real name: no 薄熙 in the graph
    assert name_problem("马英九", others) is None
    assert name_problem("两年来", others) is not None or name_problem("去年", others) is not None


def test_a_japanese_name_has_a_shape_and_a_run_of_words_does_not():
    assert name_problem("中川健二郎", set()) is None and name_problem("松井由纪夫", set()) is None
    assert "shape" in (name_problem("中川参拜靖国", set()) or "")


def test_a_country_or_a_preposition_before_a_word_is_flagged_as_a_name():
    assert "country" in (name_problem("哈萨克斯坦", set()) or "")
    assert "于" in (name_problem("于美国", set()) or "")
    assert "向" in (name_problem("向观众", set()) or "")
    assert name_problem("向巴平措", set()) is None and name_problem("于广洲", set()) is None
    assert name_problem("于建华", set()) is None  # 于 is a surname, 建华 a given name


def test_posts_that_are_sentence_material_are_flagged():
    assert post_problem("国务院总理") is None
    assert post_problem("中央党的群众路线教育实践活动领导小组组长") is None  # 党的 is part of the body's name
    assert "宣布" in post_problem("伊朗宣布削减产量伊朗原子能组织主席")
    assert "的" in post_problem("新任命的环境保护部部长")
    assert post_problem("世界卫生组织总干事陈冯富珍国际电信联盟秘书长", frozenset({"陈冯富珍"})) is not None
    # a name-like run inside a body, after no title, is the body's own (共和国, 宣传部 also label junk nodes)
    assert post_problem("中华人民共和国主席", frozenset({"共和国"})) is None
    assert post_problem("中央宣传部部长", frozenset({"宣传部"})) is None
    assert post_problem("研究所") is not None  # no title at its end
    # sentence material only where it stands as a word: the 编辑 of 编辑部, the 的 of the company 美的, a ministry's
    # 计划
    assert post_problem("报社编辑部主任") is None
    assert post_problem("美的集团董事长") is None
    assert post_problem("巴基斯坦计划与发展部长") is None


def test_suspects_of_a_graph_and_of_the_seeds():
    g = nx.MultiDiGraph()
    g.add_node("o1", type="Official", label="王毅", aliases=[])
    g.add_node("o2", type="Official", label="王毅在", aliases=[])
    g.add_node("o3", type="Official", label="张勇", aliases=[], posts=["国家发展改革委副主任"])
    g.add_node("o4", type="Official", label="张勇", aliases=[], posts=["澳门基本法委员会副主任"])
    g.add_node("p1", type="Post", label="会见论坛主席")
    g.add_edge("o1", "p1", key="holds")
    found = find_suspects(g)
    assert [e["summary"].split(" ")[0] for e in found.names] == ["王毅在"]
    assert [e["node"] for e in found.posts] == ["p1"]
    assert [e["summary"] for e in found.split] == ["张勇: 2 officials"]
    # o2, o3 and o4 hold nothing and attend nothing: no sentence traces them
    assert sorted(e["node"] for e in found.untraced) == ["o2", "o3", "o4"]
    result = kg.build([SEEDS])
    counts = result.report["suspect_counts"]
    assert counts["names"] == 0 and counts["posts"] == 0 and counts["split names"] == 0 and counts["untraced"] == 0
