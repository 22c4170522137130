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
#: mwparserfromhell gives each character of a prefix such as ``**`` or ``#:`` its own node, so a
#: line may start with several markers in a row; together they are the item's prefix.
_LIST_RE = re.compile(f"^((?:{M.LIST_OPEN}[*#:;]+{M.LIST_CLOSE}[ \t]*)+)")
_LIST_MARK_RE = re.compile(f"[{M.LIST_OPEN}{M.LIST_CLOSE} \t]")


#: Deeper list prefixes are shown at this depth (the text is kept; Markdown nesting that deep
#: only makes Python-Markdown slow and the page unreadable).
MAX_LIST_DEPTH = 12


def _prefix(m: re.Match[str]) -> str:
    """The list prefix (``*#:;`` characters) of a matched line start, at most MAX_LIST_DEPTH long."""
    return _LIST_MARK_RE.sub("", m.group(1))[:MAX_LIST_DEPTH]
_STASH_RE = re.compile(f"{M.STASH_OPEN}(\\d+){M.STASH_CLOSE}")
_STASH_LINE_RE = re.compile(f"^\\s*{M.STASH_OPEN}(\\d+){M.STASH_CLOSE}\\s*$")


_INVISIBLE_MARKS_RE = re.compile(
    f"[{M.SPAN_OPEN}{M.SPAN_CLOSE}]\\d+{M.ID_END}|[{M.NOCONV_OPEN}{M.NOCONV_CLOSE}{M.BREAK}{M.QUOTE2}{M.QUOTE3}"
    f"{M.QUOTE5}{M.LIST_OPEN}{M.LIST_CLOSE}]|&#8203;|&#x200b;|&nbsp;|&#160;|<br\\s*/?>|[\u200b\u00a0]")
#: A pair of tags around nothing, unless it carries an ``id`` (an anchor a link may point at).
_EMPTY_PAIR_RE = re.compile(r"<([a-zA-Z][\w-]*)\b(?![^>]*\bid=)[^>]*>\s*</\1\s*>")


def shows_nothing(imd: str) -> bool:
    """True when rendered IMD (one list item, one cell line) has nothing for a reader to see.

    Nothing means only conversion markers, whitespace, zero-width or no-break spaces, ``<br>`` and
    pairs of tags around nothing (an unknown template that rendered empty, a lone ``-{}-``).  Opaque
    ``-{…}-`` blocks, stashed blocks, images and anchors with an ``id`` count as something.
    """
    if M.BLOCK_OPEN in imd or M.STASH_OPEN in imd:
        return False
    text = _INVISIBLE_MARKS_RE.sub("", imd)
    while True:
        text, n = _EMPTY_PAIR_RE.subn("", text)
        if not n:
            return not text.strip()


def quotes(line: str) -> str:
    """Turn the apostrophe markers of one line into ``<i>``/``<b>`` (Parser::doQuotes)."""
    toks = _QUOTE_RE.findall(line)
    if not toks:
        return line
    parts = _QUOTE_RE.split(line)
    kinds = [{M.QUOTE2: 2, M.QUOTE3: 3, M.QUOTE5: 5}[t] for t in toks]
    n_i = sum(1 for k in kinds if k in (2, 5))
    n_b = sum(1 for k in kinds if k in (3, 5))
    if n_i % 2 and n_b % 2 and 3 in kinds:
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
            idx = kinds.index(3)
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
        if line and not (m and shows_nothing(line)):  # a list line showing nothing leaves no empty line
            lines.append(line)
    return "<br>".join(lines) if any(_LIST_RE.match(r) for r in imd.split("\n")) else " ".join(lines)


def blockify(imd: str, stash: list[str]) -> str:
    """Turn line-based IMD into Markdown blocks: paragraphs, nested lists, stashed blocks."""
    out: list[str] = []
    para: list[str] = []
    dl: list[str] = []
    in_list = False
    list_depth = 0
    skipped: list[int] = []  # depths of the open items left out because they show nothing

    def end_para() -> None:
        if para:
            out.append("\n".join(para))
            out.append("")
            para.clear()

    def end_dl() -> None:
        if dl:
            out.extend(['<dl markdown="1">', *dl, "</dl>", ""])
            dl.clear()

    lines = imd.split("\n")
    for idx, raw in enumerate(lines):
        sm = _STASH_LINE_RE.match(raw)
        if sm:
            end_para()
            end_dl()
            in_list = False
            out.append(stash[int(sm.group(1))])
            out.append("")
            continue
        m = _LIST_RE.match(raw)
        if m:
            prefix = _prefix(m)
            body = quotes(raw[m.end():].strip())
            while skipped and len(prefix) <= skipped[-1]:
                skipped.pop()
            if prefix[-1] in "*#" and shows_nothing(body):
                # An item with nothing to show (``* {{SomeNavThing}}`` whose template shows nothing, a
                # lone ``*``) is not written: a reader would see an empty bullet.  Its deeper items
                # move up one level in its place; an unknown template in it is still listed among
                # the problems in the source.
                skipped.append(len(prefix))
                continue
            for depth in reversed(skipped):
                prefix = prefix[:depth - 1] + prefix[depth:]
            if set(prefix) <= {";", ":"} and (prefix[0] == ";" or dl):
                # A definition list (``;term`` / ``:definition``), as MediaWiki's <dl>.
                if not dl:
                    end_para()
                    if in_list:
                        out.append("")
                        in_list = False
                dl.extend(_dl_line(prefix, body))
                continue
            end_dl()
            if not in_list:
                end_para()
                list_depth = 0
            # Markdown cannot open a nested list without its parent item: a line deeper than one
            # level below the previous one is shown one level deeper (its text is kept).
            if len(prefix) > list_depth + 1:
                prefix = prefix[:list_depth] + prefix[-1]
            list_depth = len(prefix)
            out.extend(_list_line(prefix, body))
            in_list = True
            continue
        skipped.clear()
        line = quotes(raw.strip())
        if not line:
            end_dl()
            if in_list:
                # A blank line ends a list in MediaWiki; an item of depth > 1 right after it is
                # merged back into the list (quirk Q16) by not ending it here.
                nxt = next((ln for ln in lines[idx + 1:] if ln.strip()), "")
                nm = _LIST_RE.match(nxt)
                if nm and len(_prefix(nm)) > 1:
                    continue
                out.append("")
                in_list = False
            end_para()
            continue
        if in_list:
            out.append("")
            in_list = False
        end_dl()
        para.append(escape.line_start(line))
    end_para()
    end_dl()
    text = "\n".join(out)
    # Stashed blocks used inline (not alone on a line) are restored in place.
    text = _STASH_RE.sub(lambda mm: stash[int(mm.group(1))], text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def split_term(body: str) -> tuple[str, str | None]:
    """Split ``;term : definition`` at the first colon outside links, tags and entities.

    MediaWiki's findColonNoLinks skips colons inside links, tags and ``-{…}-``; in rendered IMD those
    are Markdown link destinations ``(…)``, HTML tags ``<…>``, character references ``&…;`` and
    the spans of transparent blocks (``-{R|foo:bar}-``; opaque blocks hide their text anyway).
    """
    depth_paren = 0
    depth_lc = 0  # inside a -{…}- span: its colons are its own (T153135)
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == M.SPAN_OPEN or ch == M.SPAN_CLOSE:
            depth_lc += 1 if ch == M.SPAN_OPEN else -1
        elif ch == "<":
            j = body.find(">", i)
            i = j + 1 if j >= 0 else len(body)
            continue
        if ch == "]" and body[i + 1:i + 2] == "(":
            depth_paren += 1
            i += 2
            continue
        if ch == ")" and depth_paren:
            depth_paren -= 1
        elif ch == ":" and not depth_paren and depth_lc <= 0:
            return body[:i].strip(), body[i + 1:].strip()
        i += 1
    return body, None


def _dl_line(prefix: str, body: str) -> list[str]:
    """One line of a definition list as ``<dt>``/``<dd>`` elements (md_in_html span content)."""
    depth = len(prefix)
    cls = f' class="wiki-indent-{min(depth - 1, 4)}"' if depth > 1 else ""
    if prefix[-1] == ";":
        term, rest = split_term(body)
        # Bold as on zh.wikipedia (its skin bolds <dt>; Material's stylesheet does not).
        items = [f'<dt{cls} markdown="span"><b>{term}</b></dt>' if term else f'<dt{cls}></dt>']
        if rest is not None:
            items.append(f'<dd{cls} markdown="span">{rest}</dd>')
        return items
    return [f'<dd{cls} markdown="span">{body}</dd>']


def _list_line(prefix: str, body: str) -> list[str]:
    """One wikitext list line as Markdown.  ``*``/``#`` nest; ``;``/``:`` become a term or indent."""
    depth = len(prefix)
    last = prefix[-1]
    indent = "    " * (depth - 1)
    if last == "*":
        return [f"{indent}- {body}"]
    if last == "#":
        return [f"{indent}1. {body}"]
    if last == ";":  # a term inside a bulleted or numbered list
        term, rest = split_term(body)
        if rest is not None:
            return [f"{indent}<b>{term}</b>", "", f"{indent}{escape.line_start(rest)}"]
        return [f"{indent}<b>{body}</b>"]
    # ':' indents: a paragraph marked with its depth
    if len(prefix) > 1 and prefix[-2] in "*#":
        return [f"{indent}{escape.line_start(body)}"]
    return ["", f"{escape.line_start(body)}", f"{{: .wiki-indent-{min(depth, 4)} }}", ""]
