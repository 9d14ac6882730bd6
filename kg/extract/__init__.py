"""Extraction components: one module per kind of thing found in articles.

Each module registers a component in :data:`kg.pipeline.REGISTRY`; the
components take an :class:`kg.model.Article` and a
:class:`kg.pipeline.Context` and add mentions, nodes and relations.
"""
