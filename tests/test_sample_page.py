"""The bundled sample page splits into its 7 news articles and 1 photo caption.

Expected headlines and names are read from the page itself (by line), not
written into the test.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.ingest import ingest

SAMPLE = Path(__file__).resolve().parent.parent / "data/samples/liaocheng-daily-2024-03-10.txt"


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return [line.strip() for line in SAMPLE.read_text("utf-8").split("\n")]


@pytest.fixture(scope="module")
def page():
    return next(ingest([SAMPLE]))


def bylines(lines: list[str]) -> list[list[str]]:
    """Names in every "本报讯(记者 …)" byline of the page, in page order."""
    out = []
    for line in lines:
        m = re.match(r"本报讯[(（]记者\s*([^)）]+)[)）]", line)
        if m:
            out.append(m.group(1).split())
    return out


# line numbers (0-based) of each news article's headline, kicker/subtitle and column label on the page
HEADLINE_LINES = [2, 28, 32, 56, 66, 82, 104]
ALT_LINES = {32: [34], 82: [80], 104: [106]}
COLUMN_LINES = {56: 54}


def test_seven_news_articles_and_one_photo(page):
    assert [a.kind for a in page.articles].count("news") == 7
    assert [a.kind for a in page.articles].count("photo") == 1
    assert page.date.isoformat() == "2024-03-10"
    assert all(a.date == page.date for a in page.articles)


def test_news_headlines_and_authors(page, lines):
    news = [a for a in page.articles if a.kind == "news"]
    assert [a.headline for a in news] == [lines[i] for i in HEADLINE_LINES]
    assert [a.authors for a in news] == bylines(lines)
    assert len(bylines(lines)) == 7


def test_kickers_subtitles_and_column(page, lines):
    news = [a for a in page.articles if a.kind == "news"]
    for art, i in zip(news, HEADLINE_LINES):
        assert art.alt_headlines == [lines[j].rstrip("—") for j in ALT_LINES.get(i, [])], art.headline
        assert art.column == (lines[COLUMN_LINES[i]] if i in COLUMN_LINES else None)


def test_photo_caption_with_its_photographer(page, lines):
    (photo,) = [a for a in page.articles if a.kind == "photo"]
    credit = next(line for line in lines if "■本报记者" in line)
    photographer = credit.split("■本报记者")[1].strip()
    assert photo.photographers == [photographer] and photo.authors == []
    assert photographer not in "".join(a.text for a in page.articles if a.kind == "news")
    # the photo sits between the 5th and 6th news articles
    assert [a.kind for a in page.articles].index("photo") == 5


def test_repeated_paragraph_kept_once(page, lines):
    repeated = [line for line in lines if line and len(line) > 20 and lines.count(line) > 1]
    assert repeated, "the sample page repeats a paragraph"
    text = "\n".join(a.text for a in page.articles)
    for para in set(repeated):
        assert text.count(para) == 1


def test_words_split_by_the_layout_are_rejoined(page, lines):
    text = "\n".join(a.text for a in page.articles)
    broken = [(i, j) for i, j in ((6, 8), (8, 10), (12, 14), (88, 90), (98, 100))]
    for i, j in broken:
        assert lines[i][-1] not in "。!?" and lines[j]
        assert lines[i] + lines[j] in text, (lines[i][-8:], lines[j][:8])


def test_no_text_is_lost(page, lines):
    """Every line of the page is in an article's text (a column label is the article's gk:column)."""
    text = "".join(a.text for a in page.articles).replace("\n", "")
    columns = {a.column for a in page.articles}
    for line in lines:
        if line and line not in columns:
            assert line.rstrip("—").lstrip("—") in text, line[:20]
