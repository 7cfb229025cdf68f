"""Make a big corpus from a real one: the real records repeated, each copy with its own ids and later dates.

Run by hand, writing outside the project (the copies hold the real text):

    python benchmarks/make_big_corpus.py --copies 16 -o /tmp/xwlb-x16          # ~1 GB from the 2012-2019 file
    python benchmarks/bench_real.py --corpus /tmp/xwlb-x16/corpus.jsonl --slices 100 --jobs 2

Copy k (k = 0 … copies-1) moves every date by k times the corpus's span in whole years (2012-2019 spans 8, so
copy 1 runs 2020-2027, copy 2 2028-2035 …): the record's ``date`` and the years written in the text that fall
in the corpus's own span (2013年 -> 2021年), so relative dates and tenures stay coherent within a copy. Ids
and URLs get a ``-cNN`` suffix. kg knows an article by a hash of its text, so a copy whose text has no
year to move gets a sentence of its own after its last one (``副本N。``; a last line of its own would be read
as an editor's credit and dropped); without it the copies would collapse into one article each and the graph
would not grow. The output is one JSONL file, the copies one after another,
byte-identical for the same input and arguments.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
YEAR_IN_TEXT = re.compile(r"(?<![0-9０-９])((?:19|20)[0-9]{2})(?=年)")


def open_text(path: Path):
    return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else open(path, encoding="utf-8")


def shifted_date(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def span_years(corpus: Path) -> tuple[int, int]:
    """The first and last year of the corpus's record dates."""
    years = []
    with open_text(corpus) as lines:
        for line in lines:
            if line.strip():
                years.append(int(json.loads(line)["date"][:4]))
    return min(years), max(years)


def copy_record(record: dict, copy: int, shift: int, first: int, last: int) -> dict:
    """Record ``record`` as it appears in copy number ``copy`` (0: unchanged)."""
    if copy == 0:
        return record
    out = dict(record)
    out["date"] = shifted_date(dt.date.fromisoformat(record["date"][:10]), shift).isoformat()
    text = YEAR_IN_TEXT.sub(lambda m: str(int(m[1]) + shift) if first <= int(m[1]) <= last else m[1],
                            record["text"])
    if text == record["text"]:  # a sentence of its own after the body's last one (a last line would be read
        # as a credit and dropped, and the copy would collapse into the original article)
        end = text.rfind("。") + 1
        text = text[:end] + f"副本{copy}。" + text[end:] if end else f"{text}\n副本{copy}。"
    out["text"] = text
    for key in ("id", "url"):
        if out.get(key):
            out[key] = f"{out[key]}-c{copy:02d}"
    return out


def make(corpus: Path, copies: int, out_dir: Path) -> dict:
    first, last = span_years(corpus)
    step = last - first + 1
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "corpus.jsonl"
    records = written = 0
    with open(target, "w", encoding="utf-8", newline="\n") as out:
        for copy in range(copies):
            with open_text(corpus) as lines:
                for line in lines:
                    if not line.strip():
                        continue
                    record = copy_record(json.loads(line), copy, copy * step, first, last)
                    text = json.dumps(record, ensure_ascii=False) + "\n"
                    out.write(text)
                    records += 1
                    written += len(text.encode("utf-8"))
    return {"path": target, "records": records, "bytes": written, "years": f"{first}-{last + (copies - 1) * step}"}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "xwlb-2012-2019.jsonl.gz")
    parser.add_argument("--copies", type=int, default=16, help="how many copies (default 16: ~1 GB from 64 MB)")
    parser.add_argument("-o", "--out", type=Path, required=True, help="directory to write corpus.jsonl into")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        sys.exit(f"no corpus at {args.corpus}")
    if args.copies < 1:
        sys.exit("--copies must be at least 1")
    made = make(args.corpus, args.copies, args.out)
    print(f"wrote {made['records']:,} records ({made['bytes'] / 1e9:.2f} GB, dates {made['years']}) "
          f"to {made['path']}")


if __name__ == "__main__":
    main()
