"""A build keeps article texts on disk, not in memory, and resolution still reads them (issue 7: streaming)."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg.api
from kg.api import assemble_graph, build
from kg.engine import run_extraction
from kg.model import Article, ArticleExtraction
from kg.read import iter_sources
from kg.spill import SpilledTexts

# No masthead 主办 line: the paper's place (临江区, in 江州市) must be inferred from the texts. 区发改局 is only
# recognisable as 区发展和改革局 by reading the article: the full name is written first.
ISSUE = """临江日报
2025年3月4日 星期二

区委常委会召开会议
本报讯（记者 陈晓）3月3日，中共江州市临江区委常委会召开会议，区委书记韩立新主持会议。区委副书记、区长宋国平，\
区委常委、常务副区长袁志清出席会议。会议强调，要坚持“产业强区”战略，扎实推进临江区高质量发展。

全区重点项目推进会召开
本报讯 3月3日，全区重点项目推进会召开。区委常委、常务副区长袁志清出席会议并讲话。区发展和改革局局长罗文彬通报了\
全区重点项目进展情况，区发改局副局长钟雪梅参加会议。
"""


def _article(text: str, article_id: str) -> ArticleExtraction:
    return ArticleExtraction(Article(id=article_id, source="x.txt", record=None, index=0, text=text,
                                     headline="标题", reporters=["陈晓"]))


def test_spilled_texts_come_back_unchanged_whatever_the_order() -> None:
    texts = {"a": "区委常委会召开会议。", "b": "𠮷野家与\ud800孤立代理项", "c": "", "d": "会议强调，" * 5000}
    with SpilledTexts() as spilled:
        kept = {}
        for key in ("a", "b"):
            kept[key] = spilled.spill(_article(texts[key], key))
        assert spilled.text_of(kept["a"].article) == texts["a"]
        for key in ("c", "d"):  # writing after a read must not overwrite what was read
            kept[key] = spilled.spill(_article(texts[key], key))
        again = spilled.spill(_article(texts["a"], "a"))  # a reprint: same id, same text
        assert len(spilled) == 4
        assert spilled.bytes == sum(len(t.encode("utf-8", "surrogatepass")) for t in texts.values())
        for key, extraction in kept.items():
            assert extraction.article.text == ""
            assert extraction.article.headline == "标题" and extraction.article.reporters == ["陈晓"]
            assert spilled.text_of(extraction.article) == texts[key]
        assert spilled.text_of(again.article) == texts["a"]
        assert spilled.text_of(_article("not spilled", "z").article) == "not spilled"


def test_build_resolves_from_spilled_texts_without_holding_them(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "2025-03-04.txt").write_text(ISSUE, encoding="utf-8")
    seen: dict[str, object] = {}
    real_resolve = kg.api.resolve

    def watching_resolve(extractions: list[ArticleExtraction], **options: object):  # noqa: ANN202
        seen["texts"] = [ex.article.text for ex in extractions]
        seen["read"] = [options["text_of"](ex.article) for ex in extractions]  # type: ignore[operator]
        return real_resolve(extractions, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(kg.api, "resolve", watching_resolve)
    graph = build([tmp_path]).graph
    assert seen["texts"] == ["", ""]  # nothing of the corpus text is held while resolving
    assert all("本报讯" not in text and "区委" in text for text in seen["read"])  # type: ignore[union-attr]
    bodies = {data["label"]: set(data["aliases"]) for _, data in graph.nodes(data=True) if data["type"] == "Body"}
    assert "区发改局" in bodies["区发展和改革局"]  # the abbreviation was found in the spilled text
    assert "临江区委" in bodies["区委"]  # and the paper's place inferred from it


def test_spilled_build_equals_resolution_with_texts_in_memory(tmp_path: Path) -> None:
    (tmp_path / "2025-03-04.txt").write_text(ISSUE, encoding="utf-8")
    (tmp_path / "2025-03-05.txt").write_text(ISSUE.replace("3月4日", "3月5日").replace("3月3日", "3月4日"),
                                             encoding="utf-8")
    extractions = [item for item in run_extraction(iter_sources([tmp_path]), jobs=1)
                   if isinstance(item, ArticleExtraction)]
    assert all(ex.article.text for ex in extractions)
    in_memory = assemble_graph(extractions, [], 2).graph
    spilled = build([tmp_path]).graph
    assert sorted(spilled.nodes(data=True)) == sorted(in_memory.nodes(data=True))
    assert sorted(spilled.edges(keys=True, data=True)) == sorted(in_memory.edges(keys=True, data=True))


def test_build_pauses_cycle_collection_and_restores_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    (tmp_path / "2025-03-04.txt").write_text(ISSUE, encoding="utf-8")
    during: list[bool] = []
    real_resolve = kg.api.resolve
    monkeypatch.setattr(kg.api, "resolve", lambda *a, **k: during.append(gc.isenabled()) or real_resolve(*a, **k))
    assert gc.isenabled()
    build([tmp_path])
    assert during == [False] and gc.isenabled()
    gc.disable()
    try:
        build([tmp_path])  # a caller that turned it off keeps it off
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_build_frees_each_article_s_mentions_once_it_is_in_the_graph() -> None:
    """With ``release`` (what kg.build passes) the mentions are not all held while the graph grows: peak memory
    of resolve + assemble falls by most of what the extractions hold beyond the graph, and the graph is the same.

    One untraced build first fills the process's caches, so both traced builds start alike whatever tests ran
    before; what the extractions hold beyond the graph is measured, not guessed: the memory still in use at the
    end of the build that kept them, less that of the build that let them go (names and posts the graph keeps
    are shared, and freeing an extraction cannot free them)."""
    import pickle
    import tracemalloc

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    blob = pickle.dumps([item for item in run_extraction(iter_sources([seeds]), jobs=1)
                         if isinstance(item, ArticleExtraction)])
    assemble_graph(pickle.loads(blob), [], 2, release=True)  # warm-up: caches filled before anything is traced
    runs = {}
    for release in (False, True):
        tracemalloc.start()
        try:
            extractions = pickle.loads(blob)
            held = tracemalloc.get_traced_memory()[0]
            tracemalloc.reset_peak()
            graph = assemble_graph(extractions, [], 2, release=release).graph
            in_use, peak = tracemalloc.get_traced_memory()
            runs[release] = (held, peak, in_use, len(extractions), graph)
        finally:
            tracemalloc.stop()
        del extractions
    (held, peak_kept, end_kept, left_kept, kept) = runs[False]
    (_, peak_released, end_released, left_released, released) = runs[True]
    assert left_kept > 10 and left_released == 0  # the caller's list was handed over
    own = end_kept - end_released  # what the extractions hold that the graph does not share
    assert own > held / 4, (own, held)
    assert peak_released < peak_kept - own / 2, (peak_kept, peak_released, own, held)
    assert sorted(released.nodes(data=True)) == sorted(kept.nodes(data=True))
    assert sorted(released.edges(keys=True, data=True)) == sorted(kept.edges(keys=True, data=True))


def test_spilled_extractions_share_one_copy_of_each_repeated_name_and_post() -> None:
    """Each input arrives as a pickle of its own, so without sharing every article holds its own copy of the same
    name, post and relation; spilled, they are one object each, and every value is what it was."""
    import pickle

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    arrived = [pickle.loads(pickle.dumps(item)) for item in run_extraction(iter_sources([seeds]), jobs=1)
               if isinstance(item, ArticleExtraction)]  # one pickle per article, as from a worker or the cache
    expected = [replace_text(ex) for ex in pickle.loads(pickle.dumps(arrived))]

    def post_labels(ex: ArticleExtraction) -> list[str]:
        return [post.label for person in ex.people for post in person.posts]

    def relations(ex: ArticleExtraction) -> list[str]:
        return [part.relation for part in ex.participations]

    def names(ex: ArticleExtraction) -> list[str]:
        return [person.name for person in ex.people]

    def objects(extractions: list[ArticleExtraction], value_of) -> dict[str, set[int]]:  # noqa: ANN001
        found: dict[str, set[int]] = {}
        for ex in extractions:
            for value in value_of(ex):
                found.setdefault(value, set()).add(id(value))
        return found

    readers = (post_labels, relations, names)
    before = [objects(arrived, value_of) for value_of in readers]
    with SpilledTexts() as texts:
        spilled = [texts.spill(ex) for ex in arrived]
    assert spilled == expected  # same values throughout (the texts aside, which are on disk)
    for value_of, copies in zip(readers, before, strict=True):
        after = objects(spilled, value_of)
        repeated = [value for value, ids in copies.items() if len(ids) > 1]
        assert repeated, "the seeds repeat posts, relations and names across articles"
        assert all(len(after[value]) == 1 for value in repeated), [v for v in repeated if len(after[v]) > 1]


def replace_text(ex: ArticleExtraction) -> ArticleExtraction:
    from dataclasses import replace

    return replace(ex, article=replace(ex.article, text=""))
