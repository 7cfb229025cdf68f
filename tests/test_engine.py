"""run_extraction: same results in the same order at any jobs/engine, streaming, and problems passed through."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import kg.pipeline
from kg.engine import BATCH_MAX_INPUTS, BATCHES_IN_FLIGHT_PER_WORKER, ExtractionStats, run_extraction
from kg.model import ArticleExtraction, InputProblem, SourceText
from kg.read import iter_sources

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_corpus", REPO / "benchmarks" / "generate_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Generated issue files and JSONL records (about 120 articles) next to the two seed issues."""
    out = tmp_path_factory.mktemp("corpus")
    load_generator().write_corpus(out / "generated", n_articles=120, seed=11, fmt="both")
    shutil_copy_seeds(out / "seeds")
    return out


def shutil_copy_seeds(target: Path) -> None:
    target.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (target / seed.name).write_bytes(seed.read_bytes())


def inputs(corpus: Path) -> list[SourceText | InputProblem]:
    """Every input in the corpus, with a missing path in the middle to check problems keep their place."""
    items = list(iter_sources([corpus / "seeds", corpus / "generated"]))
    return [*items[:5], InputProblem(str(corpus / "missing.txt"), "no such file or directory"), *items[5:]]


@pytest.fixture(scope="module")
def serial_results(corpus) -> list[ArticleExtraction | InputProblem]:
    return list(run_extraction(inputs(corpus), jobs=1))


def test_serial_extraction_is_the_pipeline_applied_in_order(corpus, serial_results):
    expected: list[ArticleExtraction | InputProblem] = []
    for item in inputs(corpus):
        expected.extend([item] if isinstance(item, InputProblem) else kg.pipeline.extract_source(item))
    assert serial_results == expected
    assert sum(isinstance(r, ArticleExtraction) for r in serial_results) >= 120


def test_two_jobs_give_identical_results_to_one(corpus, serial_results):
    assert list(run_extraction(inputs(corpus), jobs=2)) == serial_results


def test_results_do_not_depend_on_batch_boundaries(corpus, serial_results, monkeypatch):
    monkeypatch.setattr("kg.engine.BATCH_MAX_INPUTS", 3)
    assert list(run_extraction(inputs(corpus), jobs=2)) == serial_results


def test_input_problems_pass_through_in_place(corpus, serial_results):
    missing = str(corpus / "missing.txt")
    assert [r.path for r in serial_results if isinstance(r, InputProblem) and r.fatal] == [missing]
    missing_at = next(n for n, r in enumerate(serial_results) if isinstance(r, InputProblem) and r.path == missing)
    articles_before = sum(isinstance(r, ArticleExtraction) for r in serial_results[:missing_at])
    first_five = [i for i in inputs(corpus)[:5] if isinstance(i, SourceText)]
    assert articles_before == sum(len(kg.pipeline.extract_source(i)) for i in first_five)


def counting(items: list[SourceText], consumed: list[int]) -> Iterator[SourceText]:
    for item in items:
        consumed[0] += 1
        yield item


def test_the_pool_reads_inputs_lazily(corpus):
    """Streaming: the first result arrives while most of a long input stream is still unread."""
    texts = [i for i in iter_sources([corpus / "generated" / "articles.jsonl"]) if isinstance(i, SourceText)]
    many = list(itertools.islice(itertools.cycle(texts), 3000))
    consumed = [0]
    results = run_extraction(counting(many, consumed), jobs=2)
    next(results)
    bound = (2 * BATCHES_IN_FLIGHT_PER_WORKER + 1) * BATCH_MAX_INPUTS
    assert consumed[0] <= bound < len(many)
    results.close()


def test_stats_and_summary_count_what_was_extracted(corpus, serial_results, capsys):
    stats = ExtractionStats()
    list(run_extraction(inputs(corpus), jobs=1, stats=stats, progress=True))
    articles = sum(isinstance(r, ArticleExtraction) for r in serial_results)
    assert stats.articles == articles
    assert stats.sources == len([i for i in inputs(corpus) if isinstance(i, SourceText)])
    assert stats.text_bytes > stats.chars > 0
    assert f"extracted {articles:,} articles" in capsys.readouterr().err


def test_an_extraction_error_becomes_a_problem_naming_the_input(monkeypatch):
    def broken(source, default_date=None):
        if "坏" in source.text:
            raise ValueError("unexpected layout")
        return []

    monkeypatch.setattr(kg.pipeline, "extract_source", broken)
    sources = [SourceText(path="a.txt", text="好"), SourceText(path="b.jsonl", text="坏", record=7)]
    stats = ExtractionStats()
    results = list(run_extraction(sources, jobs=1, stats=stats))
    assert len(results) == 1
    assert (results[0].path, results[0].line, results[0].fatal) == ("b.jsonl", 7, True)
    assert "ValueError: unexpected layout" in results[0].problem
    assert (stats.sources, stats.skipped) == (2, 1)
    assert "1 input skipped" in stats.summary()


@pytest.mark.parametrize("options", [{"jobs": 0}, {"engine": "spark"}, {"scheduler": "tcp://h:8786"}])
def test_bad_options_are_refused(options):
    with pytest.raises(ValueError):
        list(run_extraction([], **options))


def test_a_dask_local_cluster_gives_the_same_results(corpus, serial_results):
    pytest.importorskip("distributed")
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        results = list(run_extraction(inputs(corpus), engine="dask", scheduler=cluster.scheduler_address))
        assert len(client.nthreads()) == 2
    assert results == serial_results


def test_a_scheduler_without_workers_fails_with_a_clear_message(monkeypatch):
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    monkeypatch.setattr("kg.engine.DASK_WORKER_WAIT_SECONDS", 1)
    with LocalCluster(n_workers=0, processes=False, dashboard_address=None) as cluster, \
            pytest.raises(RuntimeError, match="no Dask worker joined"):
        list(run_extraction([SourceText(path="a.txt", text="正文")], engine="dask",
                            scheduler=cluster.scheduler_address))


def test_pool_worker_starts_with_the_lexicons_loaded_and_frozen_out_of_collection() -> None:
    import gc
    import signal

    import jieba

    from kg import engine, lexicon

    handler = signal.getsignal(signal.SIGINT)
    try:
        engine._init_worker()
        assert lexicon.load.cache_info().currsize == 1  # loaded before the first batch arrives
        assert jieba.dt.initialized
        assert gc.get_freeze_count() > 0
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN  # Ctrl-C is the parent's to handle
    finally:
        gc.unfreeze()
        signal.signal(signal.SIGINT, handler)

