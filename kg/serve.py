"""Moved to :mod:`kg.sparql.serve`; this name stays so that old imports keep working.

``import kg.serve`` gives the very module :mod:`kg.sparql.serve` (not a copy), so
attributes set on one are seen through the other.
"""
from __future__ import annotations

import sys

from kg.sparql import serve as _module

sys.modules[__name__] = _module
