"""Moved to :mod:`zhwiki.views.review` (issue 16).

This name stays, as the very same module object, only while pipeline.py
(being changed on other branches) still import it from here; remove it when they import
``zhwiki.views.review``.
"""

import sys

from .views import review as _module

sys.modules[__name__] = _module
