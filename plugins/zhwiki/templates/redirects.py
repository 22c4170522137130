"""zh.wikipedia redirects of templates that another family handles (``data/redirects.json``).

``{{他用|subject=…|other=…|页面}}`` is ``{{Otheruses}}``; ``{{Refnest|group=注釋|…}}`` is ``{{Refn}}``.
Each name resolves to its target through the registry's aliases; no handler of its own.
"""

from __future__ import annotations

import json
from importlib import resources

from .registry import REGISTRY, alias, normalize

#: Target template → the names that redirect to it.
REDIRECTS: dict[str, list[str]] = {
    k: v for k, v in json.loads(resources.files(__package__).joinpath("data", "redirects.json")
                                .read_text(encoding="utf-8")).items() if not k.startswith("_")}

for _target, _names in REDIRECTS.items():  # a name some family registers itself keeps its own handler
    alias(_target, *[n for n in _names if normalize(n) not in REGISTRY])
