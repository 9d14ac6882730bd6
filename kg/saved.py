"""Moved to :mod:`kg.sparql.saved`; this name stays so that old imports keep working.

``import kg.saved`` gives the very module :mod:`kg.sparql.saved` (not a copy), so
attributes set on one are seen through the other.
"""
from __future__ import annotations

import sys

from kg.sparql import saved as _module

sys.modules[__name__] = _module
