"""The extraction pipeline: small components registered by name.

A component is a callable ``component(article, context) -> None`` that adds
:class:`kg.model.Mention`, :class:`kg.model.Node` and
:class:`kg.model.Relation` objects to the article.  Components are registered
in :data:`REGISTRY` (name -> ``"module:function"``) and imported on first use,
or at run time with :func:`register`.

>>> from kg.pipeline import Pipeline
>>> Pipeline(["journalists"]).names
['journalists']
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from kg.model import Article, Page, Region

Component = Callable[[Article, "Context"], None]

REGISTRY: dict[str, str | Component] = {
    "journalists": "kg.extract.journalists:find_journalists",
    "places": "kg.extract.places:find_places",
    "agencies": "kg.extract.agencies:find_agencies",
    "officials": "kg.extract.officials:find_officials",
    "events": "kg.extract.events:find_events",
    "projects": "kg.extract.projects:find_projects",
    "observations": "kg.extract.observations:find_observations",
}

DEFAULT_PIPELINE: list[str] = ["journalists", "places", "agencies", "officials", "events", "projects", "observations"]


@dataclass
class Context:
    """What components share while a page is processed.

    Attributes:
        page: The page the article is from.
        region: The paper's home region (which city 我市 and 市委 mean).
        cache: Scratch space shared by components for one page, by name.
    """

    page: Page
    region: Region
    cache: dict[str, Any] = field(default_factory=dict)


def register(name: str, func: Component | str) -> None:
    """Register a component (a callable, or ``"module:function"`` imported on first use)."""
    REGISTRY[name] = func


def get_component(name: str) -> Component:
    """The component registered as ``name``.

    Raises:
        KeyError: no component has that name.
    """
    try:
        target = REGISTRY[name]
    except KeyError:
        raise KeyError(f"no extraction component named {name!r}; known: {', '.join(sorted(REGISTRY))}") from None
    if isinstance(target, str):
        module, _, attr = target.partition(":")
        target = getattr(importlib.import_module(module), attr)
        REGISTRY[name] = target
    return target


class Pipeline:
    """An ordered list of components, run over every article of a page."""

    def __init__(self, names: Iterable[str] | None = None) -> None:
        self.names = list(DEFAULT_PIPELINE if names is None else names)
        self._components = [(n, get_component(n)) for n in self.names]

    def __call__(self, page: Page, region: Region | None = None) -> Page:
        """Run every component on every article of ``page`` (in place) and return it."""
        from kg.resolve import home_region

        from kg.resolve import dateline_region, item_regions

        page.region = region or page.region or home_region(page)
        ctx = Context(page=page, region=page.region)
        # a digest of several places' items ("项城市政协…", "怀化市中方县政协…"): each item in its own
        items = {} if region else item_regions(page)
        for i, art in enumerate(page.articles):
            # an item filed from elsewhere ("本报成都5月8日电") is read in that region, unless one was given
            ctx.region = (None if region else dateline_region(art.text)) or items.get(i) or page.region
            for name, comp in self._components:
                try:
                    comp(art, ctx)
                except Exception as exc:  # noqa: BLE001 (one component's slip must not lose the article)
                    reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
                    page.warnings.append(f"{page.source}: article {art.index}: the {name!r} component failed "
                                         f"({reason}); the article keeps what the other components found")
        ctx.region = page.region
        return page

