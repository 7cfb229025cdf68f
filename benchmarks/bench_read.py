"""Reader speed and memory: JSONL streaming, decoding, traditional conversion, a huge single line.

Run: ``python benchmarks/bench_read.py [RECORDS]``. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from kg.read import clean_text, decode_text, iter_sources

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "tests" / "fixtures" / "bad" / "good.txt").read_text(encoding="utf-8")
SEED = (ROOT / "seeds" / "000_fac586d11c14b937.txt").read_text(encoding="utf-8")


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main(records: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        jsonl = Path(folder) / "records.jsonl"
        with jsonl.open("w", encoding="utf-8") as handle:
            for number in range(records):
                handle.write(json.dumps({"text": ARTICLE, "date": "2026-01-02", "url": f"u{number}"},
                                        ensure_ascii=False) + "\n")
        size = jsonl.stat().st_size
        seconds = timed(lambda: sum(1 for _ in iter_sources([jsonl])))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"JSONL: {records:,} records, {size / 1e6:.0f} MB in {seconds:.1f} s = {records / seconds:,.0f} "
              f"records/s; peak RSS {peak:.0f} MB")
        line = Path(folder) / "one-line.txt"
        line.write_text(SEED.replace("\n", "") * 60, encoding="utf-8")
        seconds = timed(lambda: list(iter_sources([line])))
        print(f"one line of {line.stat().st_size / 1e6:.1f} MB: read and split in {seconds * 1000:.0f} ms")
    for codec in ("utf-8", "gb18030"):
        raw = (SEED * 50).encode(codec)
        seconds = timed(lambda data=raw: decode_text(data))
        print(f"decode {codec}: {len(raw) / 1e6:.1f} MB in {seconds * 1000:.0f} ms")
    try:
        import opencc
    except ImportError:
        print("Big5: opencc not installed, skipped")
        return
    raw = opencc.OpenCC("s2t").convert(SEED * 50).encode("cp950", errors="replace")
    seconds = timed(lambda: clean_text(decode_text(raw).text, traditional=True))
    print(f"Big5: {len(raw) / 1e6:.1f} MB decoded and converted to simplified in {seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
