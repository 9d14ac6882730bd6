"""Moved to :mod:`kg.sparql.query`; this name stays so that old imports keep working.

``import kg.query`` gives the very module :mod:`kg.sparql.query` (not a copy), so
attributes set on one are seen through the other.
"""
from __future__ import annotations

import sys

from kg.sparql import query as _module

sys.modules[__name__] = _module
