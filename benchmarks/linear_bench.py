"""Extraction time against text length on a hostile article: a phrase repeated with no punctuation.

    .venv/bin/python benchmarks/linear_bench.py                 # 10k .. 160k characters
    .venv/bin/python benchmarks/linear_bench.py --max 1280000   # past the per-article limit (~25 s)

Measured on the 2-core development machine (µs per character stays flat; peak 760 MB at 1.28 M):

| characters | seconds | µs per character |
|---:|---:|---:|
| 10,000 | 0.09 | 8.8 |
| 80,000 | 0.64 | 7.9 |
| 320,000 | 2.63 | 8.2 |
| 1,280,000 | 11.14 | 8.7 |

One article of "市委书记" repeated was quadratic before (20k characters 3.5 s,
80k 29 s): two all-pairs checks over the spans found, one in
``kg.extract.agencies.find_agencies`` (is this start inside a span already
taken?) and one in ``kg.extract.officials.OfficialFinder`` (which agency spans
are not inside a longer one?).  Both are sweeps now.  The time per character
should stay flat as the text doubles; articles above
:data:`kg.stream.MAX_ARTICLE_CHARS` are refused by the build.
"""
from __future__ import annotations

import argparse
import time

from kg.ingest import ingest_text
from kg.pipeline import Pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min", type=int, default=10_000)
    ap.add_argument("--max", type=int, default=160_000)
    ap.add_argument("--phrase", default="市委书记")
    args = ap.parse_args()
    pipe = Pipeline()
    pipe(ingest_text("标题\n\n会议召开。", source="warm.txt"))
    print("| characters | seconds | µs per character |")
    print("|---:|---:|---:|")
    n = args.min
    while n <= args.max:
        page = ingest_text("标题\n\n" + args.phrase * (n // len(args.phrase)), source="bench.txt")
        t0 = time.perf_counter()
        pipe(page)
        dt = time.perf_counter() - t0
        print(f"| {n:,} | {dt:.2f} | {dt / n * 1e6:.1f} |", flush=True)
        n *= 2


if __name__ == "__main__":
    main()
