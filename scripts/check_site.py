#!/usr/bin/env python3
"""Check a built variant against its wikitext: nothing lost, nothing raw, every footnote whole.

An independent check (it shares no code with the plugin): the wikitext side is read with its own
small ``-{…}-`` resolver and a template policy that keeps prose-bearing parameters; the site side
is the text of each page's article element, split into body and apparatus (footnotes, notes,
reference list).  Both become multisets of Han characters after NFKC and OpenCC t2s, so a
simplified and a traditional build compare with the same source (rendering-reference.md §4).

    python scripts/check_site.py site/zh-cn --source docs/article/korean-war.zh.wikitext --variant zh-cn
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import mwparserfromhell
import opencc
from mwparserfromhell.nodes import Comment, ExternalLink, HTMLEntity, Tag, Template, Text, Wikilink

HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
LEAKS = ("{{", "}}", "[[", "]]", "-{", "}-", "<ref", "'''")
#: Pages that are not part of the article's text.
NOT_ARTICLE = {"404.html", "about.html", "glossary.html", "print.html", "diff-stats.html"}
#: Pages whose markers repeat markers shown elsewhere (the full notes and reference lists).
FULL_LISTS = {"notes.html", "references.html"}

_t2s = opencc.OpenCC("t2s.json")


def han(text: str) -> Counter[str]:
    return Counter(HAN_RE.findall(_t2s.convert(unicodedata.normalize("NFKC", text))))


# -- wikitext side ----------------------------------------------------------------------------
FALLBACK = {
    "zh-cn": ["zh-cn", "zh-hans", "zh-sg", "zh-my", "zh"],
    "zh-tw": ["zh-tw", "zh-hant", "zh-hk", "zh-mo", "zh"],
}
_INNER_LC = re.compile(r"-\{(?!\{)((?:(?!-\{).)*?)\}-", re.S)


def resolve_lc(text: str, variant: str) -> str:
    """Resolve ``-{…}-`` innermost first: maps pick the variant's entry, everything else its text."""
    chain = FALLBACK.get(variant, FALLBACK["zh-cn"])

    def one(m: re.Match[str]) -> str:
        body = m.group(1)
        if not body:
            return ""
        head, bar, rest = body.partition("|")
        if bar and re.fullmatch(r"[A-Za-z\-;\s]*", head):
            if re.search(r"[A-Z]", head) and not re.search(r"zh", head):
                if "H" in head or "T" in head:
                    return ""
                body = rest
            else:
                return rest
        entries = {}
        for part in re.split(r";(?=\s*zh[\w-]*\s*:)", body):
            code, sep, val = part.partition(":")
            if sep and re.fullmatch(r"\s*zh[\w-]*\s*", code):
                entries[code.strip().lower()] = val.strip().rstrip(";").strip()
        if not entries:
            return body
        for v in chain:
            if v in entries:
                return entries[v]
        return next(iter(entries.values()))

    prev = None
    while prev != text:
        prev = text
        text = _INNER_LC.sub(one, text)
    return text


DROP = re.compile(
    r"^(flagicon.*|flagdeco|convert|cvt|age in .*|en|ko|ja|zh-hant|zh-hans|dead link|page needed|pov.*|"
    r"authority control|commons.*|noteta|-|rp|r|sfn.*|harvnb|harv.*|reflist|refbegin|refend|notefoot|"
    r"webarchive|cold war|american conflicts|prc conflicts|ussr conflicts|world war ii|朝鲜战争|韓戰紀念建築|"
    r"美國索引|usa|kor|prk|ussr|prc|roc|jpn|uk|flag|flagcountry)$"
)
CITE_SKIP = re.compile(r"(url|date|access|archive|isbn|issn|doi|oclc|language|lang|df|format|ref|mode)", re.I)


@dataclass
class WikiSide:
    body: Counter[str] = field(default_factory=Counter)
    apparatus: Counter[str] = field(default_factory=Counter)
    sentences: list[str] = field(default_factory=list)


def wiki_side(raw: str, variant: str, rules: list[tuple[str, str]] | None = None) -> WikiSide:
    text = re.sub(r"<!--.*?-->", "", raw, flags=re.S)
    text = resolve_lc(text, variant)
    code = mwparserfromhell.parse(text, skip_style_tags=True)
    side = WikiSide()
    body_parts: list[str] = []
    app_parts: list[str] = []

    def walk(nodes, app: bool) -> None:
        out = app_parts if app else body_parts
        for node in nodes:
            if isinstance(node, Text):
                out.append(node.value)
            elif isinstance(node, HTMLEntity):
                out.append(node.normalize())
            elif isinstance(node, Comment):
                continue
            elif isinstance(node, Wikilink):
                title = str(node.title).strip()
                ns = title.split(":", 1)[0].lower() if ":" in title else ""
                if ns in ("category", "分类", "分類") or re.fullmatch(r"[a-z]{2,3}", ns):
                    continue
                if ns in ("file", "image", "文件", "檔案", "图像"):
                    if node.text is not None:
                        parts = str(node.text).split("|")
                        cap = [p for p in parts if not re.match(r"^(thumb|缩略图|right|left|center|upright.*|\d+px|alt=.*)$", p.strip())]
                        if cap:
                            walk(mwparserfromhell.parse(cap[-1], skip_style_tags=True).nodes, app)
                    continue
                if node.text is not None:
                    walk(node.text.nodes, app)
                else:
                    out.append(title)
            elif isinstance(node, ExternalLink):
                if node.title is not None:
                    walk(node.title.nodes, app)
            elif isinstance(node, Tag):
                name = str(node.tag).lower()
                if name == "ref":
                    if node.contents is not None:
                        walk(node.contents.nodes, True)
                elif node.contents is not None and name not in ("nowiki",):
                    walk(node.contents.nodes, app)
            elif isinstance(node, Template):
                template(node, app)

    def template(t: Template, app: bool) -> None:
        name = " ".join(str(t.name).replace("_", " ").split()).lower()
        if name.startswith("cite") or name == "citation":
            for p in t.params:
                if not CITE_SKIP.search(str(p.name)):
                    walk(p.value.nodes, True)
            return
        if name in ("notetag", "efn"):
            for p in t.params:
                walk(p.value.nodes, True)
            return
        if name == "reflist":
            for p in t.params:
                if str(p.name).strip() == "refs":
                    walk(p.value.nodes, True)
            return
        if name in ("flag", "flagcountry"):
            if t.has("name"):
                walk(t.get("name").value.nodes, app)
            return
        if DROP.match(name):
            return
        if name in ("lang",):
            if t.has("2"):
                walk(t.get("2").value.nodes, app)
            return
        for p in t.params:
            key = str(p.name).strip()
            if name.startswith("infobox") and key in ("image",):
                continue
            if name == "multiple image" and not key.startswith("caption"):
                continue
            if name in ("youtube", "external media") and key in ("id",):
                continue
            if key in ("bullets", "width", "align", "date", "bot", "fix-attempted", "size", "quoted", "salign",
                       "qalign", "bgcolor", "border", "direction", "total_width", "style", "1" if name == "tsl" else "_"):
                continue
            walk(p.value.nodes, app)

    walk(code.nodes, False)
    body = canon("".join(body_parts), rules or [])
    side.body = han(body)
    side.apparatus = han(canon("".join(app_parts), rules or []))
    for sent in re.split(r"[。！？\n]", body):
        h = "".join(HAN_RE.findall(_t2s.convert(sent)))
        if len(h) >= 8:
            side.sentences.append(h)
    return side


# -- site side ----------------------------------------------------------------------------------
@dataclass
class PageFacts:
    body: str = ""
    apparatus: str = ""
    visible: str = ""
    markers: list[str] = field(default_factory=list)
    note_markers: list[str] = field(default_factory=list)
    footnotes: dict[str, str] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    notes: set[str] = field(default_factory=set)


class _Page(HTMLParser):
    VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed", "param", "track"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.f = PageFacts()
        self.stack: list[tuple[str, str, bool]] = []  # (tag, role, skip)
        self.current_fn: str | None = None
        self.fn_text: list[str] = []
        self.in_script = 0

    def _role(self) -> str:
        for _, role, _ in reversed(self.stack):
            if role:
                return role
        return ""

    def _skipping(self) -> bool:
        return any(s for _, _, s in self.stack)

    def handle_starttag(self, tag: str, attrs_list) -> None:
        attrs = {k: v or "" for k, v in attrs_list}
        cls = attrs.get("class", "").split()
        if "id" in attrs:
            self.f.ids.add(attrs["id"])
        if tag in ("script", "style"):
            self.in_script += 1
        if tag in self.VOID:
            if attrs.get("title") and self._role():
                self.f.visible += attrs["title"]
            return
        role = ""
        if tag == "article" and "md-content__inner" in cls:
            role = "body"
        elif self._role() and ({"footnote", "wiki-notes", "reference-list", "page-notes"} & set(cls)):
            role = "apparatus"
        skip = bool({"footnote-backref", "headerlink", "note-back", "cited-on"} & set(cls))
        if tag == "a" and "footnote-ref" in cls and "note-link" not in cls and self._role():
            self.f.markers.append(attrs.get("href", ""))
        if tag == "a" and self._role() and attrs.get("href", "").startswith("#note-") and not skip:
            self.f.note_markers.append(attrs["href"])
        if tag == "li" and attrs.get("id", "").startswith("fn:"):
            self.current_fn = attrs["id"][3:]
            self.fn_text = []
        if "wiki-note" in cls and attrs.get("id"):
            self.f.notes.add(attrs["id"])
        if attrs.get("title") and self._role():
            self.f.visible += " " + attrs["title"]
        self.stack.append((tag, role, skip))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.in_script = max(0, self.in_script - 1)
        if tag in self.VOID:
            return
        while self.stack:
            t, _, _ = self.stack.pop()
            if t == "li" and self.current_fn is not None and tag == "li":
                self.f.footnotes[self.current_fn] = "".join(self.fn_text).strip()
                self.current_fn = None
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_script:
            return
        role = self._role()
        if not role:
            if self.stack:
                self.f.visible += data
            return
        self.f.visible += data
        if self._skipping():
            return
        if role == "apparatus":
            self.f.apparatus += data
            if self.current_fn is not None:
                self.fn_text.append(data)
        else:
            self.f.body += data


def read_page(path: Path) -> PageFacts:
    p = _Page()
    p.feed(path.read_text(encoding="utf-8"))
    return p.f


@dataclass
class Report:
    markers: int
    note_markers: int
    definitions: int
    cite_errors: int
    notes: int
    empty: list[str]
    dangling: list[str]
    leaks: dict[str, list[str]]
    body_missing: float
    apparatus_missing: float
    sentence_recall: float
    missing_sample: list[tuple[str, int]]

    def lines(self) -> list[str]:
        return [
            f"footnote markers {self.markers}, note markers {self.note_markers}",
            f"distinct footnote definitions {self.definitions} (+{self.cite_errors} cite errors), notes {self.notes}",
            f"empty footnotes {len(self.empty)}, dangling markers {len(self.dangling)}",
            f"raw-markup leaks: {json.dumps({k: len(v) for k, v in self.leaks.items()}, ensure_ascii=False)}",
            f"body Han missing {self.body_missing:.3%}, apparatus Han missing {self.apparatus_missing:.3%}",
            f"sentence recall {self.sentence_recall:.2%}",
            f"most missing: {self.missing_sample[:15]}",
        ]


def canonical_rules(raw: str) -> list[tuple[str, str]]:
    """Every spelling in a noteTA rule → its zh-cn spelling (t2s-folded), longest first.

    Applied to both sides so that a zh-tw build (韓戰, 北韓) and the source (朝鲜战争, 朝鮮)
    compare like with like: the check is about lost text, not about vocabulary.
    """
    m = re.search(r"\{\{\s*noteTA(.*?)\n\}\}", raw, re.S | re.I)
    pairs: dict[str, str] = {}
    if not m:
        return []
    for line in m.group(1).split("\n"):
        line = re.sub(r"<!--.*?-->", "", line)
        km = re.match(r"\|\s*(\d+)\s*=(.*)", line)
        if not km:
            continue
        entries = {}
        for part in km.group(2).split(";"):
            code, sep, val = part.partition(":")
            if sep and val.strip():
                entries[code.strip()] = val.strip()
        cn = next((entries[v] for v in FALLBACK["zh-cn"] if v in entries), None)
        if not cn:
            continue
        for val in entries.values():
            pairs.setdefault(_t2s.convert(val), _t2s.convert(cn))
    return sorted(pairs.items(), key=lambda p: -len(p[0]))


def canon(text: str, rules: list[tuple[str, str]]) -> str:
    text = _t2s.convert(unicodedata.normalize("NFKC", text))
    if not rules:
        return text
    pattern = re.compile("|".join(re.escape(k) for k, _ in rules))
    table = dict(rules)
    return pattern.sub(lambda mm: table[mm.group(0)], text)


def check(site_dir: Path, raw: str, variant: str) -> Report:
    rules = canonical_rules(raw)
    wiki = wiki_side(raw, "zh-tw" if variant in ("zh-tw", "zh-hk", "zh-mo", "zh-hant") else "zh-cn", rules)
    body = Counter[str]()
    app = Counter[str]()
    markers = note_markers = 0
    defs: dict[str, str] = {}
    notes: set[str] = set()
    empty: list[str] = []
    dangling: list[str] = []
    leaks: dict[str, list[str]] = {k: [] for k in LEAKS}
    site_text = []
    for page in sorted(site_dir.glob("*.html")):
        facts = read_page(page)
        for tok in LEAKS:
            if tok in facts.visible:
                leaks[tok].append(page.name)
        if page.name in NOT_ARTICLE:
            continue  # its own ids (the print page prefixes them); its leaks were counted above
        for fid, text in facts.footnotes.items():
            defs.setdefault(fid, text)
            if not text.strip():
                empty.append(f"{page.name}#{fid}")
        notes |= facts.notes
        for href in facts.markers + facts.note_markers:
            if href.startswith("#") and href[1:] not in facts.ids:
                dangling.append(f"{page.name}{href}")
        if page.name not in FULL_LISTS:
            markers += len(facts.markers)
            note_markers += len(facts.note_markers)
        b, a = canon(facts.body, rules), canon(facts.apparatus, rules)
        body += han(b)
        app += han(a)
        site_text.append(b)
    cite_errors = sum(1 for t in defs.values() if "来源缺失" in t or "來源缺失" in t)
    missing = Counter({k: v - body[k] for k, v in wiki.body.items() if v > body[k]})
    app_missing = sum(max(0, v - app[k] - body[k]) for k, v in wiki.apparatus.items())
    joined = "".join(HAN_RE.findall("".join(site_text)))
    recall = sum(1 for s in wiki.sentences if s in joined) / max(1, len(wiki.sentences))
    return Report(
        markers=markers,
        note_markers=note_markers,
        definitions=len(defs) - cite_errors,
        cite_errors=cite_errors,
        notes=len(notes),
        empty=empty,
        dangling=dangling,
        leaks={k: v for k, v in leaks.items() if v},
        body_missing=sum(missing.values()) / max(1, sum(wiki.body.values())),
        apparatus_missing=app_missing / max(1, sum(wiki.apparatus.values())),
        sentence_recall=recall,
        missing_sample=missing.most_common(20),
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", type=Path, help="a built variant folder, e.g. site/zh-cn")
    ap.add_argument("--source", type=Path, default=Path("docs/article/korean-war.zh.wikitext"))
    ap.add_argument("--variant", default=None)
    args = ap.parse_args(argv)
    variant = args.variant or args.site.name
    report = check(args.site, args.source.read_text(encoding="utf-8"), variant)
    print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
