"""Moved to :mod:`kg.sparql.sandbox`; this name stays so that old imports keep working.

``import kg.sandbox`` gives the very module :mod:`kg.sparql.sandbox` (not a copy), so
attributes set on one are seen through the other.
"""
from __future__ import annotations

import sys

from kg.sparql import sandbox as _module

sys.modules[__name__] = _module
