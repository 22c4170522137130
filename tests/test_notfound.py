"""views.notfound: the 404 page's links relative to the variant's folder, named once in <base>."""

from __future__ import annotations

import json
import re

from zhwiki.views.notfound import relocatable

PAGE = ('<!doctype html><html lang="zh"><head><link rel="stylesheet" href="/assets/main.css">'
        '<script>__md_scope=new URL("/",location)</script></head><body>'
        '<a href="/index.html">首页</a><a href="/../zh-tw/">繁體</a><a href="print.html">打印</a>'
        '<a href="https://zh.wikipedia.org/wiki/X">源</a><a href="#top">顶</a><img src="/assets/a.png">'
        '<script id="__config" type="application/json">{"base": "/", "search": "/assets/w.js"}</script>'
        '<script src="/assets/bundle.js"></script></body></html>')


def test_links_become_relative_and_the_folder_is_named_in_base() -> None:
    out = relocatable(PAGE, "/", "/zh-cn/")
    assert out.index('<base href="/zh-cn/">') < out.index("<link")  # before anything that loads
    assert 'href="assets/main.css"' in out and 'href="index.html"' in out and 'href="../zh-tw/"' in out
    assert 'href="print.html"' in out and 'src="assets/a.png"' in out and 'src="assets/bundle.js"' in out
    assert 'href="https://zh.wikipedia.org/wiki/X"' in out and 'href="#top"' in out
    assert not re.search(r'<(?!base)[a-z]+[^>]*\s(href|src)="/', out)
    assert '__md_scope=new URL(".",document.baseURI)' in out
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', out).group(1))
    assert config == {"base": ".", "search": "assets/w.js"}
    assert "j.base=document.baseURI" in out and 'location.protocol==="file:"' in out


def test_a_site_url_path_is_kept_for_the_server() -> None:
    page = PAGE.replace('"/', '"/korean/zh-cn/')  # what MkDocs writes with site_url …/korean/zh-cn/
    out = relocatable(page, "/korean/zh-cn/", "/korean/zh-cn/")
    assert '<base href="/korean/zh-cn/">' in out and 'href="index.html"' in out and 'href="../zh-tw/"' in out
    assert not re.search(r'<(?!base)[a-z]+[^>]*\s(href|src)="/', out) and '"base": "."' in out
