#!/usr/bin/env python3
"""Build the real-text items a gold file names and score the graph against it.

usage: python tests/tools/real_gold.py GOLD.yaml [MORE_GOLD.yaml ...] [--corpus PATH] [--out DIR] [--json]

Gold files of real text name their items by record id (``records:``); the text itself stays in
``../shared/corpora`` and never enters the project. This script pulls those records into a temporary JSONL
file, runs ``kg build`` on it as a user would, and runs the team's scorer (tests/tools/score.py).
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[2] / "shared" / "corpora" / "xwlb-2012-2019.jsonl.gz"


def records_of(gold_files: list[Path]) -> list[str]:
    ids: list[str] = []
    for path in gold_files:
        ids += yaml.safe_load(path.read_text(encoding="utf-8")).get("records") or []
    return ids


def write_items(corpus: Path, ids: list[str], target: Path) -> int:
    """Copy the records named by ``ids`` from the corpus into ``target`` (JSONL), in corpus order."""
    wanted = set(ids)
    opener = gzip.open if corpus.suffix == ".gz" else open
    found = 0
    with opener(corpus, "rt", encoding="utf-8") as src, target.open("w", encoding="utf-8") as out:
        for line in src:
            if wanted and json.loads(line)["id"] in wanted:
                out.write(line)
                found += 1
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, help="keep the build here (default: a temporary directory)")
    parser.add_argument("--json", action="store_true", help="print the scorer's JSON line only")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"real_gold: corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="kg-real-") as tmp:
        items = Path(tmp) / "items.jsonl"
        ids = records_of(args.gold)
        found = write_items(args.corpus, ids, items)
        if found != len(set(ids)):
            missing = len(set(ids)) - found
            print(f"real_gold: {missing} of {len(set(ids))} records not in {args.corpus}", file=sys.stderr)
        out = (args.out or Path(tmp) / "out").resolve()
        # the build runs in the checkout this script belongs to, so `python -m kg.cli` imports that checkout's kg
        # (run from another checkout, -m would import the current directory's and compare the code with itself)
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(items), "-o", str(out), "--jobs", "1"],
                       check=True, stdout=subprocess.DEVNULL, cwd=HERE.parents[1])
        score = [sys.executable, str(HERE / "score.py"), *(str(g.resolve()) for g in args.gold), str(out / "graph.ttl")]
        result = subprocess.run(score + (["--json"] if args.json else []), check=True, capture_output=True, text=True)
        print(result.stdout, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
