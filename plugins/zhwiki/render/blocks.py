"""Line-level passes over rendered IMD: bold/italic per line, then paragraphs and lists.

MediaWiki resolves ``''`` and ``'''`` one line at a time (Parser::doQuotes), closing whatever is
still open at the end of the line, which is why an unclosed ``''`` cannot swallow later
headings (quirk Q1).  Lists are also line-based in wikitext: the prefix of ``*#:;`` decides the
nesting of each line, and a blank line ends the list.
"""

from __future__ import annotations

import re

from .. import markers as M
from . import escape

_QUOTE_RE = re.compile(f"[{M.QUOTE2}{M.QUOTE3}{M.QUOTE5}]")
_LIST_RE = re.compile(f"^{M.LIST_OPEN}([*#:;]+){M.LIST_CLOSE}[ \t]*")
_STASH_RE = re.compile(f"{M.STASH_OPEN}(\\d+){M.STASH_CLOSE}")
_STASH_LINE_RE = re.compile(f"^\\s*{M.STASH_OPEN}(\\d+){M.STASH_CLOSE}\\s*$")


def quotes(line: str) -> str:
    """Turn the apostrophe markers of one line into ``<i>``/``<b>`` (Parser::doQuotes)."""
    toks = _QUOTE_RE.findall(line)
    if not toks:
        return line
    parts = _QUOTE_RE.split(line)
    kinds = [{M.QUOTE2: 2, M.QUOTE3: 3, M.QUOTE5: 5}[t] for t in toks]
    n_i = sum(1 for k in kinds if k in (2, 5))
    n_b = sum(1 for k in kinds if k in (3, 5))
    if n_i % 2 and n_b % 2:
        # One bold is really an apostrophe plus italics: prefer one after a single-letter word,
        # then one after a non-space, else the first (doQuotes' order of preference).
        idx = None
        for k, kind in enumerate(kinds):
            if kind != 3:
                continue
            before = parts[k]
            if len(before) >= 2 and before[-1] != " " and before[-2] == " ":
                idx = k
                break
            if idx is None and before and before[-1] != " ":
                idx = k
        if idx is None:
            idx = next(k for k, kind in enumerate(kinds) if kind == 3)
        kinds[idx] = 2
        parts[idx] = parts[idx] + "&#39;"
    out = [parts[0]]
    state: list[str] = []  # open tags, innermost last

    for k, kind in enumerate(kinds):
        if kind == 2:
            _toggle_one(state, out, "i")
        elif kind == 3:
            _toggle_one(state, out, "b")
        else:
            if "i" in state and "b" in state:
                _toggle_one(state, out, state[-1])
                _toggle_one(state, out, state[-1])
            elif "i" in state:
                _toggle_one(state, out, "i")
                _toggle_one(state, out, "b")
            elif "b" in state:
                _toggle_one(state, out, "b")
                _toggle_one(state, out, "i")
            else:
                _toggle_one(state, out, "b")
                _toggle_one(state, out, "i")
        out.append(parts[k + 1])
    while state:
        out.append(f"</{state.pop()}>")
    return "".join(out)


def _toggle_one(state: list[str], out: list[str], tag: str) -> None:
    if tag not in state:
        state.append(tag)
        out.append(f"<{tag}>")
        return
    closed = []
    while state:
        t = state.pop()
        out.append(f"</{t}>")
        if t == tag:
            break
        closed.append(t)
    for t in reversed(closed):
        state.append(t)
        out.append(f"<{t}>")


def inline(imd: str) -> str:
    """Finish inline IMD: quotes per line, then lines joined (list markup becomes breaks)."""
    lines = []
    for raw in imd.split("\n"):
        m = _LIST_RE.match(raw)
        line = raw[m.end():] if m else raw
        line = quotes(line.strip())
        if line:
            lines.append(line)
    return "<br>".join(lines) if any(_LIST_RE.match(r) for r in imd.split("\n")) else " ".join(lines)


def blockify(imd: str, stash: list[str]) -> str:
    """Turn line-based IMD into Markdown blocks: paragraphs, nested lists, stashed blocks."""
    out: list[str] = []
    para: list[str] = []
    in_list = False

    def end_para() -> None:
        if para:
            out.append("\n".join(para))
            out.append("")
            para.clear()

    lines = imd.split("\n")
    for idx, raw in enumerate(lines):
        sm = _STASH_LINE_RE.match(raw)
        if sm:
            end_para()
            in_list = False
            out.append(stash[int(sm.group(1))])
            out.append("")
            continue
        m = _LIST_RE.match(raw)
        if m:
            if not in_list:
                end_para()
            prefix = m.group(1)
            body = quotes(raw[m.end():].strip())
            out.extend(_list_line(prefix, body))
            in_list = True
            continue
        line = quotes(raw.strip())
        if not line:
            if in_list:
                # A blank line ends a list in MediaWiki; an item of depth > 1 right after it is
                # merged back into the list (quirk Q16) by not ending it here.
                nxt = next((ln for ln in lines[idx + 1:] if ln.strip()), "")
                nm = _LIST_RE.match(nxt)
                if nm and len(nm.group(1)) > 1:
                    continue
                out.append("")
                in_list = False
            end_para()
            continue
        if in_list:
            out.append("")
            in_list = False
        para.append(escape.line_start(line))
    end_para()
    text = "\n".join(out)
    # Stashed blocks used inline (not alone on a line) are restored in place.
    text = _STASH_RE.sub(lambda mm: stash[int(mm.group(1))], text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def _list_line(prefix: str, body: str) -> list[str]:
    """One wikitext list line as Markdown.  ``*``/``#`` nest; ``;``/``:`` become a term or indent."""
    depth = len(prefix)
    last = prefix[-1]
    indent = "    " * (depth - 1)
    if last == "*":
        return [f"{indent}- {body}" if body else f"{indent}- &#8203;"]
    if last == "#":
        return [f"{indent}1. {body}" if body else f"{indent}1. &#8203;"]
    if last == ";":
        term, sep, rest = body.partition(":")
        if sep:  # ;term:definition on one line
            return [f"{indent}<p class=\"wiki-dt\"><b>{term.strip()}</b></p>", "", f"{indent}{escape.line_start(rest.strip())}"]
        return [f"{indent}<p class=\"wiki-dt\"><b>{body}</b></p>"]
    # ':' indents: a paragraph marked with its depth
    if len(prefix) > 1 and prefix[-2] in "*#":
        return [f"{indent}{escape.line_start(body)}"]
    return ["", f"{escape.line_start(body)}", f"{{: .wiki-indent-{min(depth, 4)} }}", ""]
