"""The benchmark helpers that decide what is measured: corpus slices by years, the big corpus's copies."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


bench = _script("bench_real")
big = _script("make_big_corpus")


def _corpus(path: Path, days: list[str]) -> Path:
    with open(path, "w", encoding="utf-8") as out:
        for number, day in enumerate(days):
            out.write(json.dumps({"id": f"r{number}", "date": day, "text": f"区委书记甲{number}主持会议。"},
                                 ensure_ascii=False) + "\n")
    return path


def test_slices_hold_the_first_years_and_the_whole_file_is_used_as_it_is(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", ["2012-07-02", "2013-07-01", "2013-07-02", "2015-01-01", "2016-02-29"])
    slices = bench.write_slices(corpus, [1, 2, 8, 9], tmp_path)
    assert [(s["name"], s["records"]) for s in slices] == [("1y", 2), ("2y", 3), ("all", 5)]
    assert slices[-1]["path"] == corpus
    one_year = [json.loads(line)["date"] for line in slices[0]["path"].read_text(encoding="utf-8").splitlines()]
    assert one_year == ["2012-07-02", "2013-07-01"]
    assert slices[1]["bytes"] == sum(len(f"区委书记甲{n}主持会议。".encode()) for n in range(3))


def test_cpu_between_samples_is_interpolated() -> None:
    samples = bench.Samples(times=[10.0, 11.0, 12.0], cpu=[1.0, 2.0, 4.0], pss=[1, 3, 2])
    assert samples.cpu_at(11.5) == 3.0 and samples.cpu_at(9.0) == 1.0 and samples.cpu_at(13.0) == 4.0
    assert samples.peak_pss_between(10.5, 12.0) == 3


def test_the_targets_are_the_issues_for_the_corpus_size_they_name() -> None:
    assert bench.size_targets(54.5) == (25.0, 700.0)  # 2012-2019
    assert bench.size_targets(876.7) == (None, 4000.0)  # sixteen copies: the 1 GB corpus
    assert bench.size_targets(218.9) == (None, None)  # four copies: the issue names no target
    assert bench.size_targets(3500.0) == (None, None)


def test_copies_move_dates_and_years_in_the_text_and_stay_distinct(tmp_path: Path) -> None:
    record = {"id": "xwlb-20130501-01", "date": "2013-05-01", "url": "https://example.org/a",
              "text": "2013年5月1日，1949年以来，2019年目标。"}
    moved = big.copy_record(record, 2, 16, 2012, 2019)
    assert moved["date"] == "2029-05-01" and moved["id"] == "xwlb-20130501-01-c02"
    assert moved["url"] == "https://example.org/a-c02"
    assert moved["text"] == "2029年5月1日，1949年以来，2035年目标。"  # only years of the corpus's own span move
    plain = {"id": "x", "date": "2016-02-29", "text": "没有年份。"}
    copied = big.copy_record(plain, 1, 8, 2012, 2019)
    assert copied["date"] == "2024-02-29" and copied["text"] != plain["text"]  # its own text: its own article
    assert big.copy_record(plain, 3, 24, 2012, 2019)["date"] == "2040-02-29"
    assert big.shifted_date(dt.date(2096, 2, 29), 4) == dt.date(2100, 2, 28)
    assert big.copy_record(record, 0, 0, 2012, 2019) == record


def test_a_copy_without_a_year_stays_an_article_of_its_own(tmp_path: Path) -> None:
    """kg knows an article by its text as normalised: a marker on a last line of its own was read as an editor's
    credit and dropped, so every copy of a text without a year collapsed into the original article."""
    from kg.model import SourceText
    from kg.pipeline import extract_source

    record = {"id": "x", "date": "2016-02-29",
              "text": "央视网消息（新闻联播）：第四届政府就职典礼上的讲话单行本，已由人民出版社出版。\n"
                      "(视频编辑：张明 文字编辑：李强)"}
    ids = set()
    for copy in range(3):
        made = big.copy_record(record, copy, 8 * copy, 2012, 2019)
        articles = extract_source(SourceText(path="c.jsonl", text=made["text"], record=1))
        assert len(articles) == 1
        ids.add(articles[0].article.id)
    assert len(ids) == 3


def test_the_big_corpus_is_the_copies_one_after_another(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", ["2012-07-02", "2019-12-31"])
    made = big.make(corpus, 3, tmp_path / "big")
    lines = [json.loads(line) for line in made["path"].read_text(encoding="utf-8").splitlines()]
    assert [r["date"] for r in lines] == ["2012-07-02", "2019-12-31", "2020-07-02", "2027-12-31", "2028-07-02",
                                          "2035-12-31"]
    assert len({r["text"] for r in lines}) == 6 and made["years"] == "2012-2035"
