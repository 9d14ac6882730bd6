"""Moved to :mod:`kg.sparql.push`; this name stays so that old imports keep working.

``import kg.push`` gives the very module :mod:`kg.sparql.push` (not a copy), so
attributes set on one are seen through the other.
"""
from __future__ import annotations

import sys

from kg.sparql import push as _module

sys.modules[__name__] = _module
