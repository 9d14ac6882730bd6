"""Moved to :mod:`kg.sparql.store`; this name stays so that old imports keep working.

``import kg.store`` gives the very module :mod:`kg.sparql.store` (not a copy), so
attributes set on one are seen through the other.
"""
from __future__ import annotations

import sys

from kg.sparql import store as _module

sys.modules[__name__] = _module
