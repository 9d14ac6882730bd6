"""govkg: knowledge graphs of officials, agencies, places, projects and events from Chinese government news.

The pipeline is ingest -> extract -> resolve -> graph -> store/query/render::

    from kg import build
    result = build(["data/samples"], "out/sample.ttl")
"""
from __future__ import annotations

from kg.build import BuildResult, build, extract_pages
from kg.ingest import InputError, ingest_text
from kg.model import Article, Mention, Node, Page, Region, Relation, Sentence
from kg.pipeline import Pipeline, register

__version__ = "0.1.0"
__all__ = ["Article", "BuildResult", "InputError", "Mention", "Node", "Page", "Pipeline", "Region", "Relation",
           "Sentence", "build", "extract_pages", "ingest_text", "register", "__version__"]
