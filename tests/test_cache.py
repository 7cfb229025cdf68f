"""The extraction cache: keys, versioning, persistence, concurrent writers, and incremental rebuilds."""

from __future__ import annotations

import importlib.util
import multiprocessing
import shutil
import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest

from kg.cache import CACHE_FILE, ExtractionCache, cache_key, extractor_modules, extractor_version, version_of
from kg.engine import ExtractionStats, run_extraction
from kg.model import Article, ArticleExtraction, PersonMention, SourceText
from kg.read import iter_sources

REPO = Path(__file__).resolve().parent.parent
KG_PACKAGE = REPO / "kg"


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_corpus", REPO / "benchmarks" / "generate_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    return module


def an_extraction(label: str) -> ArticleExtraction:
    article = Article(id=f"id-{label}", source="x.txt", record=None, index=0, text=f"正文{label}",
                      headline='含"引号"与<img src=x onerror=alert(1)>', pub_date=date(2024, 1, 2))
    return ArticleExtraction(article=article, people=[PersonMention(name="王伟", posts=[], sentence="王伟主持。")])


def source(text: str = "本报讯（记者 王伟）1日，会议召开。", **fields) -> SourceText:
    return SourceText(path=fields.pop("path", "paper/2024-01-01.txt"), text=text, **fields)


# --- keys and versions ---

def test_cache_key_is_stable_for_equal_inputs():
    assert cache_key(source(), None) == cache_key(source(), None)


@pytest.mark.parametrize("changed", [
    source(text="本报讯（记者 王伟）2日，会议召开。"),
    source(path="paper/2024-01-02.txt"),
    source(record=3),
    source(date=date(2024, 1, 1)),
    source(url="https://example.org/a"),
    source(title="标题"),
    source(source="钱江日报"),
])
def test_cache_key_changes_with_anything_that_changes_the_extraction(changed):
    assert cache_key(changed, None) != cache_key(source(), None)


def test_cache_key_changes_with_default_date_and_version():
    base = cache_key(source(), None, version="v1")
    assert cache_key(source(), date(2024, 1, 1), version="v1") != base
    assert cache_key(source(), None, version="v2") != base


def copy_of_extractor(tmp_path: Path) -> Path:
    package = tmp_path / "kg"
    shutil.copytree(KG_PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    return package


def test_version_changes_when_a_lexicon_or_extractor_file_changes(tmp_path):
    package = copy_of_extractor(tmp_path)
    before = version_of(package)
    assert before == extractor_version()
    lexicon = next(p for p in sorted((package / "lexicons").iterdir()) if p.is_file())
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n新词\n", encoding="utf-8")
    after_lexicon = version_of(package)
    assert after_lexicon != before
    append(package / "extract" / "names.py", "# changed")
    assert version_of(package) != after_lexicon


def test_a_module_the_extractor_starts_importing_becomes_part_of_the_version(tmp_path):
    package = copy_of_extractor(tmp_path)
    (package / "helper_rules.py").write_text("RULES = 1\n")
    assert package / "helper_rules.py" not in extractor_modules(package)
    append(package / "segment.py", "from kg.helper_rules import RULES  # noqa: E402")
    assert package / "helper_rules.py" in extractor_modules(package)
    before = version_of(package)
    append(package / "helper_rules.py", "RULES = 2")
    assert version_of(package) != before


def test_version_ignores_stages_that_run_after_the_cache(tmp_path):
    package = copy_of_extractor(tmp_path)
    before = version_of(package)
    append(package / "resolve" / "people.py", "# changed")
    append(package / "api.py", "# changed")
    assert version_of(package) == before


def append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


# --- storage ---

def test_put_then_get_round_trips_and_counts(tmp_path):
    with ExtractionCache(tmp_path) as cache:
        assert cache.get("k1") is None
        cache.put("k1", [an_extraction("a"), an_extraction("b")])
        assert cache.get("k1") == [an_extraction("a"), an_extraction("b")]
        assert cache.get("k2") is None
        assert (cache.hits, cache.misses) == (1, 2)


def test_entries_survive_reopening(tmp_path):
    with ExtractionCache(tmp_path) as cache:
        cache.put("k", [an_extraction("a")])
    with ExtractionCache(tmp_path) as cache:
        assert cache.get("k") == [an_extraction("a")]
        assert len(cache) == 1


def test_an_unreadable_entry_is_a_miss(tmp_path):
    with ExtractionCache(tmp_path) as cache:
        cache.put("k", [an_extraction("a")])
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        db.execute("UPDATE extraction SET value = ? WHERE key = 'k'", (b"not a pickle",))
    with ExtractionCache(tmp_path) as cache:
        assert cache.get("k") is None
        assert cache.misses == 1


def fill_cache(cache_dir: str, prefix: str, count: int) -> None:
    with ExtractionCache(cache_dir) as cache:
        for n in range(count):
            cache.put(f"{prefix}{n}", [an_extraction(f"{prefix}{n}")])


def test_concurrent_processes_can_share_a_cache(tmp_path):
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=fill_cache, args=(str(tmp_path), prefix, 300)) for prefix in "ab"]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=60)
    assert [writer.exitcode for writer in writers] == [0, 0]
    with ExtractionCache(tmp_path) as cache:
        assert len(cache) == 600
        assert cache.get("a299") == [an_extraction("a299")]
        assert cache.get("b0") == [an_extraction("b0")]


# --- incremental builds through run_extraction ---

@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    load_generator().write_corpus(out, n_articles=60, seed=3)
    return out


def extract_all(paths: list[Path], cache_dir: Path | None, jobs: int = 1) -> tuple[list, ExtractionStats]:
    stats = ExtractionStats()
    results = list(run_extraction(iter_sources(paths), jobs=jobs, cache_dir=cache_dir, stats=stats))
    return results, stats


def test_rebuild_after_a_new_issue_extracts_only_that_issue(corpus, tmp_path):
    files = sorted(corpus.rglob("*.txt"))
    old, new = files[:-1], files[-1]
    cache_dir = tmp_path / "cache"

    first, first_stats = extract_all(old, cache_dir)
    assert (first_stats.cache_hits, first_stats.cache_misses) == (0, len(old))

    second, second_stats = extract_all([*old, new], cache_dir)
    assert (second_stats.cache_hits, second_stats.cache_misses) == (len(old), 1)
    uncached, _ = extract_all([*old, new], None)
    assert second == uncached
    assert second[:len(first)] == first


def test_cached_results_equal_fresh_ones_with_a_process_pool(corpus, tmp_path):
    files = sorted(corpus.rglob("*.txt"))
    fresh, _ = extract_all(files, tmp_path, jobs=2)
    cached, stats = extract_all(files, tmp_path, jobs=2)
    assert stats.cache_misses == 0
    assert cached == fresh


def test_changing_the_default_date_misses_the_cache(corpus, tmp_path):
    files = sorted(corpus.rglob("*.txt"))[:3]
    extract_all(files, tmp_path)
    stats = ExtractionStats()
    list(run_extraction(iter_sources(files), jobs=1, cache_dir=tmp_path, default_date=date(2020, 5, 1),
                        stats=stats))
    assert stats.cache_misses == 3
