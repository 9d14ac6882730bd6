"""Journalists: reporters and correspondents of bylines, photographers of captions."""
from __future__ import annotations

from kg.model import Article, Mention
from kg.pipeline import Context


def journalist_key(name: str) -> str:
    """Entity key of a journalist: by name (bylines name a paper's own staff)."""
    return f"Journalist/{name}"


def find_journalists(article: Article, context: Context) -> None:
    """Mention each byline and photo-credit name at its place in the article text."""
    people = [(n, "author") for n in article.authors] + [(n, "photographer") for n in article.photographers]
    for name, role in people:
        # bylines and credits sit in the first or last lines; search from the matching end
        pos = article.text.rfind(name) if role == "photographer" else article.text.find(name)
        if pos < 0:
            continue
        article.mentions.append(Mention(pos, pos + len(name), "Journalist", journalist_key(name), name,
                                        {"role": "author" if role == "author" else "contributor"}))
