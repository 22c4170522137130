"""The 404 page of each variant, made to work wherever a server or the file system shows it.

Material renders ``404.html`` from its theme template with site-absolute links: MkDocs prefixes them
with the path of ``site_url``, or ``/`` without one, although every variant lives in a folder of its
own (``/zh-cn/``).  A server shows the page at whatever address was missed (``/zh-cn/a/b/c``), so a
link relative to the page (the footer's ``print.html``) breaks there, and from ``file://`` in the
offline bundle the site-absolute ones point at the root of the disk.

:func:`relocatable` makes every link relative to the variant's folder and names that folder once,
in a ``<base href>`` (the ``site_url``'s path and the folder, or ``/<variant>/`` without a
``site_url``).  Under ``file://`` an inline script removes the ``<base>`` before anything else in
the page is read, so the links resolve from the file's own folder, which is the variant's.
Material's scope and configuration base follow the document's base URL.  Nothing here imports MkDocs.
"""

from __future__ import annotations

import html
import json
import re

_ATTR = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_SCOPE = re.compile(r'__md_scope=new URL\("[^"]*",\s*location\)')
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_HEAD = re.compile(r"<head[^>]*>", re.I)

#: Under file:// the base is dropped, so links resolve from the page's own folder.
_FILE_BASE = '<script>if(location.protocol==="file:")document.currentScript.previousElementSibling.remove()</script>'
#: Material resolves its configured base against the page's address; the document's base URL is the folder's.
_CONFIG_BASE = ('<script>(function(c){var j=JSON.parse(c.textContent);j.base=document.baseURI;'
                'c.textContent=JSON.stringify(j)})(document.getElementById("__config"))</script>')


def relocatable(page: str, built_base: str, served_base: str) -> str:
    """*page* (the built 404.html) with links that work at any depth on a server and from ``file://``.

    *built_base*: the URL path MkDocs prefixed the page's links with (``site_url``'s path, ``/``
    without one).  *served_base*: the URL path of the variant's folder on a server (``/zh-cn/``),
    ending in ``/``.  Links to other sites, fragments and links already relative are left alone.
    """
    if not built_base.endswith("/"):
        built_base += "/"

    def relative(url: str) -> str:
        if url.startswith(built_base) and not url.startswith("//"):
            return url[len(built_base):] or "./"
        return url

    def config(m: re.Match[str]) -> str:
        data = json.loads(m.group(2))
        data["base"] = "."
        if isinstance(data.get("search"), str):
            data["search"] = relative(data["search"])
        return m.group(1) + json.dumps(data, ensure_ascii=True) + m.group(3) + _CONFIG_BASE

    page = _ATTR.sub(lambda m: m.group(1) + html.escape(relative(html.unescape(m.group(2))), quote=True) + m.group(3),
                     page)
    page = _SCOPE.sub('__md_scope=new URL(".",document.baseURI)', page)
    page = _CONFIG.sub(config, page, count=1)
    base = f'<base href="{html.escape(served_base, quote=True)}">{_FILE_BASE}'
    return _HEAD.sub(lambda m: m.group(0) + base, page, count=1)
