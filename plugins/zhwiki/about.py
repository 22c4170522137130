"""Moved to :mod:`zhwiki.views.about` (issue 16).

This name stays, as the very same module object, only while printpage.py, tests/test_overrides.py and tests/e2e/test_printpage_unit.py
(being changed on other branches) still import it from here; remove it when they import
``zhwiki.views.about``.
"""

import sys

from .views import about as _module

sys.modules[__name__] = _module
