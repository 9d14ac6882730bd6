"""scripts/name_swap_probe.py swaps every person's name in both the text and the gold facts."""
from __future__ import annotations

import json
import runpy
from pathlib import Path


def test_names_are_swapped_in_text_and_gold_alike(tmp_path):
    probe = runpy.run_path(str(Path(__file__).parents[1] / "scripts" / "name_swap_probe.py"))
    src = tmp_path / "src"
    (src / "raw").mkdir(parents=True)
    (src / "gold").mkdir()
    (src / "raw" / "a.txt").write_text("标题\n\n本报讯(记者 许 诺)市长林志远、副市长欧阳明远出席。", encoding="utf-8")
    gold = {"document": "a.txt", "published": "2024-05-08", "officials": [["林志远"], ["欧阳明远"]],
            "journalists": [["许诺"]]}
    (src / "gold" / "a.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    probe["swapped_corpus"](src, tmp_path / "out", seed=7)
    text = (tmp_path / "out" / "raw" / "a.txt").read_text(encoding="utf-8")
    new = json.loads((tmp_path / "out" / "gold" / "a.json").read_text(encoding="utf-8"))
    names = [alts[0] for alts in new["officials"]]
    assert "林志远" not in text and "欧阳明远" not in text and "许 诺" not in text
    assert all(n in text for n in names) and len(names[1]) == 4
    assert new["journalists"][0][0][0] + " " + new["journalists"][0][0][1] in text
