"""The endpoint's query page: one self-contained HTML file (no CDN) listing the saved questions, and the
Content-Security-Policy that lets only its own inline script and style run."""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from pathlib import Path

from kg.rdf.namespaces import PREFIXES
from kg.sparql.saved import saved_queries


def saved_list() -> list[dict[str, object]]:
    """The saved questions as JSON-able dicts, for the query page."""
    return [{"name": q.name, "zh": q.zh, "en": q.en, "params": q.params, "text": q.text}
            for q in saved_queries().values()]


def query_page() -> str:
    """The HTML query page, self-contained."""
    page = (Path(__file__).parent / "serve_page.html").read_text(encoding="utf-8")
    items = "\n".join(
        f'<li><a href="#" data-name="{html.escape(q["name"])}">{html.escape(str(q["zh"]))}</a>'
        f'<br><small>{html.escape(str(q["en"]))} — <code>{html.escape(q["name"])}</code></small></li>'
        for q in saved_list())
    return (page.replace("<!--SAVED-->", items)
            .replace("/*SAVED_JSON*/[]", json.dumps(saved_list(), ensure_ascii=False).replace("</", "<\\/"))
            .replace("/*PREFIXES*/{}", json.dumps(PREFIXES)))


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def query_page_with_policy() -> tuple[str, str]:
    """The query page and its Content-Security-Policy: only its own inline script and style run, and
    it may fetch from this server only."""
    page = query_page()
    scripts = [_sha256(m) for m in re.findall(r"<script>(.*?)</script>", page, re.S)]
    styles = [_sha256(m) for m in re.findall(r"<style>(.*?)</style>", page, re.S)]
    csp = (f"default-src 'none'; script-src {' '.join(scripts) or chr(39) + 'none' + chr(39)}; "
           f"style-src {' '.join(styles) or chr(39) + 'none' + chr(39)}; connect-src 'self'; img-src 'self' data:; "
           "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    return page, csp
