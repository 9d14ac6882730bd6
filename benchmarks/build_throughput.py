"""Build throughput, memory and parallel speed-up of ``kg build``, against jieba.posseg alone.

One command runs everything and prints a Markdown report (also written to
``benchmarks/out/build_throughput.md``):

    .venv/bin/python benchmarks/build_throughput.py            # full run (~15 min on 2 cores)
    .venv/bin/python benchmarks/build_throughput.py --quick    # small sizes, to check the script

The corpus is the sample page (data/samples/) copied with a new date per
copy (in the file name, so relative dates resolve differently), every person
named on the page renamed (a random surname and given name per copy) and the
numbers that are not dates changed, so that no cache sees the same article
twice.  Each measurement runs in a fresh process; peak memory is the maximum
resident set size (getrusage) of the build process and, with workers, of its
largest worker.

Measured:
  1. serial build (1 worker) of >= 5 M characters to N-Quads: chars/s, peak memory;
  2. jieba.posseg.cut (HMM on) alone over the same text, and jieba.cut: the ratio build/posseg;
  3. the same build with 2 workers: speed-up over 1;
  4. peak memory building 2 MB and 20 MB of page files (UTF-8);
  5. cProfile of the serial build of 40 pages: where the time goes.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path
from machine import cpu_model, memory_gib  # benchmarks/machine.py (scripts run from this folder)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "samples" / "liaocheng-daily-2024-03-10.txt"
OUT = ROOT / "benchmarks" / "out"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国志文海波宁鹏飞辉斌俊峰晨慧琳雪梅婷浩宇博然"


# --- corpus --------------------------------------------------------------------------------------

def person_names(text: str) -> list[str]:
    """People named on the page (officials, journalists, photographers), longest first."""
    from kg.ingest import ingest_text
    from kg.pipeline import Pipeline

    page = Pipeline()(ingest_text(text, source=SAMPLE.name))
    names = set()
    for art in page.articles:
        names.update(art.authors)
        names.update(art.photographers)
        for m in art.mentions:
            if m.kind in ("Official", "Journalist", "Person"):
                names.add(m.text(art))
    return sorted((n for n in names if 2 <= len(n) <= 4), key=len, reverse=True)


def variant(text: str, names: list[str], surnames: list[str], rng: random.Random) -> str:
    """The page with every person renamed and the non-date numbers changed."""
    mapping = {}
    for n in names:
        sur = rng.choice(surnames)
        mapping[n] = sur + "".join(rng.choice(GIVEN) for _ in range(max(1, len(n) - 1)))
    if mapping:
        text = re.sub("|".join(map(re.escape, mapping)), lambda m: mapping[m.group(0)], text)

    def digits(m: re.Match) -> str:
        s = m.group(0)
        return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in s[1:])

    return re.sub(r"\d+(?![\d月日年时点号])", digits, text)


def make_corpus(directory: Path, total_bytes: int, seed: int = 7) -> list[Path]:
    """Write dated variants of the sample page until ``total_bytes`` of UTF-8 are written."""
    directory.mkdir(parents=True, exist_ok=True)
    text = SAMPLE.read_text(encoding="utf-8")
    names = person_names(text)
    surnames = [s for s in (ROOT / "kg" / "data" / "surnames.txt").read_text(encoding="utf-8").split()
                if len(s) == 1 and not s.startswith("#")][:300]
    rng = random.Random(seed)
    files, size, day = [], 0, dt.date(2000, 1, 1)
    while size < total_bytes:
        f = directory / f"bench-daily-{day.isoformat()}.txt"
        if not f.exists():
            f.write_text(variant(text, names, surnames, rng), encoding="utf-8")
        files.append(f)
        size += f.stat().st_size
        day += dt.timedelta(days=1)
    return files


def chars_of(files: list[Path]) -> int:
    return sum(len(f.read_text(encoding="utf-8")) for f in files)


# --- measurements, each in a fresh process ------------------------------------------------------

def child(args: dict) -> dict:
    files = [Path(f) for f in args["files"]]
    if args["what"] == "build":
        from kg.build import build
        from kg.model import Region

        region = Region(city="聊城市", city_code="371500000000", province="山东省", province_code="370000000000")
        if args.get("warm"):  # load jieba and the gazetteer before the clock starts
            build([files[0]], Path(args["out"]).with_suffix(".warm.nq"), region=region, progress=False)
        t = time.perf_counter()
        r = build(files, args["out"], region=region, workers=args["workers"], progress=False)
        secs = time.perf_counter() - t
        res = {"seconds": secs, "articles": r.articles, "triples": r.triples, "pages": r.pages}
    elif args["what"] in ("posseg", "cut"):
        import jieba
        import jieba.posseg as pseg

        jieba.setLogLevel(60)
        jieba.initialize()
        list(pseg.cut("预热一下词性标注。"))
        texts = [f.read_text(encoding="utf-8") for f in files]
        t = time.perf_counter()
        n = 0
        for text in texts:
            if args["what"] == "posseg":
                for _ in pseg.cut(text):
                    n += 1
            else:
                for _ in jieba.cut(text):
                    n += 1
        secs = time.perf_counter() - t
        res = {"seconds": secs, "tokens": n}
    elif args["what"] == "profile":
        from kg.build import build
        from kg.model import Region

        region = Region(city="聊城市", city_code="371500000000", province="山东省", province_code="370000000000")
        build([files[0]], Path(args["out"]).with_suffix(".warm.nq"), region=region, progress=False)
        prof = cProfile.Profile()
        prof.enable()
        build(files[1:], args["out"], region=region, progress=False)
        prof.disable()
        buf = io.StringIO()
        st = pstats.Stats(prof, stream=buf)
        total = sum(v[2] for v in st.stats.values())  # tottime summed
        by_module: dict[str, float] = {}
        for (fname, _, func), v in st.stats.items():
            by_module[_module(fname)] = by_module.get(_module(fname), 0.0) + v[2]
        funcs = sorted(((v[2], v[3], f"{_module(k[0])}:{k[2]}") for k, v in st.stats.items()), reverse=True)[:25]
        cum = sorted(((v[3], f"{_module(k[0])}:{k[2]}") for k, v in st.stats.items()
                      if "kg" in _module(k[0])), reverse=True)[:25]
        res = {"total": total, "by_module": sorted(by_module.items(), key=lambda kv: -kv[1])[:15],
               "tottime": funcs, "cumtime": cum}
    else:
        raise ValueError(args["what"])
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    res.update(rss_mb=me / 1024, child_rss_mb=kids / 1024)
    return res


def _module(fname: str) -> str:
    if "site-packages/" in fname:
        return fname.split("site-packages/")[1].split("/")[0].replace(".py", "")
    if "/kg/" in fname:
        return "kg." + fname.split("/kg/")[1].replace("/", ".").removesuffix(".py")
    if fname.startswith("<") or fname == "~":
        return "builtins"
    return Path(fname).stem


def _start(what: str, files: list[Path], tag: str = "", **kw) -> subprocess.Popen:
    OUT.mkdir(parents=True, exist_ok=True)
    spec = OUT / f"args-{what}{tag}.json"
    spec.write_text(json.dumps({"what": what, "files": [str(f) for f in files], **kw}), encoding="utf-8")
    return subprocess.Popen([sys.executable, __file__, "--child", str(spec)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)


def _result(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate()
    if proc.returncode:
        sys.stderr.write(err)
        raise SystemExit("a measurement failed")
    return json.loads(out.strip().splitlines()[-1])


def run(what: str, files: list[Path], **kw) -> dict:
    """One measurement in a fresh process."""
    return _result(_start(what, files, **kw))


def run_two_at_once(files: list[Path]) -> float:
    """Two independent 1-worker builds of the two halves at the same time: the machine's parallel capacity."""
    half = len(files) // 2
    t = time.perf_counter()
    procs = [_start("build", part, tag=str(i), out=str(OUT / f"control{i}.nq"), workers=1, warm=True)
             for i, part in enumerate((files[:half], files[half:]))]
    res = [_result(p) for p in procs]
    del t
    return max(r["seconds"] for r in res)


# --- the report ----------------------------------------------------------------------------------

def machine() -> str:
    cpu = cpu_model()
    mem = memory_gib()
    load = os.getloadavg()[0]
    return (f"{os.cpu_count()} cores ({cpu or platform.machine()}), {mem:.0f} GiB, {platform.system()}, "
            f"Python {platform.python_version()}, load average {load:.1f} at start")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes (a check that the script works)")
    ap.add_argument("--part", choices=["all", "speed", "memory", "profile"], default="all",
                    help="run only one part of the benchmark")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(child(json.loads(Path(a.child).read_text(encoding="utf-8")))))
        return
    quick = a.quick
    corpus_dir = OUT / "corpus"
    big = make_corpus(corpus_dir, 2_000_000 if quick else 20 * 2**20)
    small = make_corpus(corpus_dir, 200_000 if quick else 2 * 2**20)
    target_chars = 200_000 if quick else 5_000_000
    five, n = [], 0
    for f in big:
        five.append(f)
        n += len(f.read_text(encoding="utf-8"))
        if n >= target_chars:
            break
    chars = chars_of(five)
    lines = [f"Machine: {machine()}.", "",
             f"Corpus: {len(five)} variants of the sample page, {chars:,} characters "
             f"({sum(f.stat().st_size for f in five) / 2**20:.1f} MB UTF-8).", ""]
    print("\n".join(lines), flush=True)

    if a.part in ("all", "speed"):
        lines += speed(five, chars)
    if a.part in ("all", "memory"):
        lines += memory(small, big)
    if a.part in ("all", "profile"):
        lines += profile(five)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"build_throughput{'' if a.part == 'all' else '-' + a.part}.md").write_text("\n".join(lines) + "\n",
                                                                                     encoding="utf-8")


def speed(five: list[Path], chars: int) -> list[str]:
    serial = run("build", five, out=str(OUT / "serial.nq"), workers=1, warm=True)
    par = run("build", five, out=str(OUT / "parallel.nq"), workers=2, warm=True)
    control = run_two_at_once(five)
    pos = run("posseg", five)
    cut = run("cut", five)
    same = (OUT / "serial.nq").read_bytes() == (OUT / "parallel.nq").read_bytes()
    s_rate, p_rate = chars / serial["seconds"], chars / par["seconds"]
    rows = [
        "| run | seconds | chars/s | chars/s per core | articles/s | peak RSS (main / largest worker) |",
        "|---|---:|---:|---:|---:|---:|",
        f"| kg build, 1 worker | {serial['seconds']:.1f} | {s_rate:,.0f} | {s_rate:,.0f} | "
        f"{serial['articles'] / serial['seconds']:.1f} | {serial['rss_mb']:.0f} MB |",
        f"| kg build, 2 workers | {par['seconds']:.1f} | {p_rate:,.0f} | {p_rate / 2:,.0f} | "
        f"{par['articles'] / par['seconds']:.1f} | {par['rss_mb']:.0f} MB / {par['child_rss_mb']:.0f} MB |",
        f"| jieba.posseg.cut (HMM) | {pos['seconds']:.1f} | {chars / pos['seconds']:,.0f} | "
        f"{chars / pos['seconds']:,.0f} | | {pos['rss_mb']:.0f} MB |",
        f"| jieba.cut (HMM) | {cut['seconds']:.1f} | {chars / cut['seconds']:,.0f} | "
        f"{chars / cut['seconds']:,.0f} | | {cut['rss_mb']:.0f} MB |",
        "",
        f"- build / posseg: **{s_rate / (chars / pos['seconds']):.2f}×** (goal ≥ 2×)",
        f"- 2 workers / 1 worker: **{p_rate / s_rate:.2f}×** (goal ≥ 1.7×); N-Quads byte-identical: {same}",
        f"- control, two independent 1-worker builds of the two halves at once: "
        f"{chars / control:,.0f} chars/s together, **{chars / control / s_rate:.2f}×** one build alone "
        f"(what this machine gives two busy processes; the 2-worker build reaches "
        f"{p_rate / (chars / control):.0%} of it)",
        f"- {serial['articles']:,} articles, {serial['triples']:,} distinct triples",
        "",
    ]
    print("\n".join(rows), flush=True)
    return rows


def memory(small: list[Path], big: list[Path]) -> list[str]:
    mem_small = run("build", small, out=str(OUT / "mem_small.nq"), workers=1)
    mem_big = run("build", big, out=str(OUT / "mem_big.nq"), workers=1)
    sb, bb = (sum(f.stat().st_size for f in x) / 2**20 for x in (small, big))
    mrows = [
        "| input | characters | seconds | peak RSS |",
        "|---|---:|---:|---:|",
        f"| {sb:.1f} MB ({len(small)} pages) | {chars_of(small):,} | {mem_small['seconds']:.1f} | "
        f"{mem_small['rss_mb']:.0f} MB |",
        f"| {bb:.1f} MB ({len(big)} pages) | {chars_of(big):,} | {mem_big['seconds']:.1f} | "
        f"{mem_big['rss_mb']:.0f} MB |",
        "",
        f"- peak memory {bb:.0f} MB / {sb:.0f} MB: **{mem_big['rss_mb'] / mem_small['rss_mb']:.2f}×** (goal ≤ 1.5×)",
        "",
    ]
    print("\n".join(mrows), flush=True)
    return mrows


def profile(five: list[Path]) -> list[str]:
    prof = run("profile", five[:41], out=str(OUT / "profile.nq"))
    total = prof["total"]
    plines = ["Profile (cProfile, serial build of 40 pages; share of all time, own time by module):", ""]
    plines += [f"- {m}: {t / total:.0%}" for m, t in prof["by_module"][:12]]
    plines += ["", "Functions by own time (tottime, cumtime):", ""]
    plines += [f"- {name}: {tt / total:.1%} own, {ct / total:.1%} cumulative" for tt, ct, name in prof["tottime"][:15]]
    plines += ["", "govkg functions by cumulative time:", ""]
    plines += [f"- {name}: {ct / total:.1%}" for ct, name in prof["cumtime"][:20]]
    print("\n".join(plines), flush=True)
    return plines


if __name__ == "__main__":
    main()
