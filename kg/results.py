"""Moved to :mod:`kg.sparql.results`; this name stays so that old imports keep working.

``import kg.results`` gives the very module :mod:`kg.sparql.results` (not a copy), so
attributes set on one are seen through the other.
"""
from __future__ import annotations

import sys

from kg.sparql import results as _module

sys.modules[__name__] = _module
