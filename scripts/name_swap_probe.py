"""Does extraction depend on the names it has seen? Swap every person's name in a gold corpus for an invented one
(in the texts and in the gold facts alike) and score the corpus again.

Run from the project root with ../shared beside it:

    .venv/bin/python scripts/name_swap_probe.py                 # the development corpus, three seeds
    .venv/bin/python scripts/name_swap_probe.py --seeds 1 2 3 4 5

A name keeps its length and shape: a family name from a list of common ones and given-name characters from a
list of common ones; a four-character name gets a two-character family name, and a two-character name spaced
out in a byline is swapped in its spaced form. Names written with a middle dot are left as they are. The figures to compare are the corpus's own (`dev.py`): a rule or a dictionary
that knew a name would show as a drop here.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
FAMILY = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
DOUBLE = ("欧阳", "司马", "上官", "诸葛", "东方", "慕容")
GIVEN = "志明国华建文军平伟强红玉英秀兰芳海波涛辉永春林新光德庆勇敏静丽杰峰宏晓雪东云飞鹏斌俊亮立成学福兴泽宇浩"
PEOPLE_KEYS = ("officials", "officials_optional", "journalists")


def people(gold: dict) -> set[str]:
    names = set()
    for key in PEOPLE_KEYS:
        for alts in gold.get(key, []):
            names.update(n for n in (alts if isinstance(alts, list) else [alts])
                         if isinstance(n, str) and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", n))
    return names


def invented(name: str, taken: set[str], text: str, rnd: random.Random) -> str:
    for _ in range(200):
        if len(name) == 4:
            new = rnd.choice(DOUBLE) + "".join(rnd.choice(GIVEN) for _ in range(2))
        else:
            new = rnd.choice(FAMILY) + "".join(rnd.choice(GIVEN) for _ in range(len(name) - 1))
        if new not in taken and new not in text:
            return new
    raise RuntimeError(f"no invented name for {name}")


def swapped_corpus(src: Path, out: Path, seed: int) -> None:
    """Write src's texts and gold facts to out with every person's name swapped."""
    rnd = random.Random(seed)
    (out / "raw").mkdir(parents=True)
    (out / "gold").mkdir()
    for gp in sorted((src / "gold").glob("*.json")):
        gold = json.loads(gp.read_text(encoding="utf-8"))
        text = (src / "raw" / gold["document"]).read_text(encoding="utf-8")
        mapping: dict[str, str] = {}
        for name in sorted(people(gold), key=lambda n: (-len(n), n)):
            mapping[name] = invented(name, set(mapping.values()), text, rnd)
        if mapping:
            pattern = re.compile("|".join(map(re.escape, sorted(mapping, key=len, reverse=True))))
            text = pattern.sub(lambda m: mapping[m.group(0)], text)
            gold = json.loads(pattern.sub(lambda m: mapping[m.group(0)], json.dumps(gold, ensure_ascii=False)))
            for name, new in mapping.items():  # a two-character name spaced out in a byline ("江 平")
                if len(name) == 2:
                    text = re.sub(rf"{name[0]}([ \u3000]{{1,2}}){name[1]}", rf"{new[0]}\g<1>{new[1]}", text)
        (out / "raw" / gold["document"]).write_text(text, encoding="utf-8")
        (out / "gold" / gp.name).write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")


def scores(corpus: Path, out_dir: Path) -> dict[str, float]:
    """The corpus built and scored as scripts/quality_report.py does it."""
    spec = importlib.util.spec_from_file_location("quality_report", Path(__file__).with_name("quality_report.py"))
    report = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(report)
    return report.corpus_scores(corpus / "raw", corpus / "gold", out_dir)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(EVAL / "dev"), help="a folder with raw/ and gold/")
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    a = ap.parse_args(argv)
    keys = ("officials.f1", "posts.f1", "journalists.f1", "events.f1", "macro_f1")
    print("corpus".ljust(12) + "".join(k.ljust(16) for k in keys))
    with tempfile.TemporaryDirectory() as tmp:
        base = scores(Path(a.corpus), Path(tmp))
        print("as written".ljust(12) + "".join(f"{base[k]:<16.3f}" for k in keys))
        for seed in a.seeds:
            corpus = Path(tmp) / f"seed{seed}"
            swapped_corpus(Path(a.corpus), corpus, seed)
            got = scores(corpus, corpus)
            print(f"seed {seed}".ljust(12) + "".join(f"{got[k]:<16.3f}" for k in keys))
    return 0


if __name__ == "__main__":
    sys.exit(main())
