"""Fill ``images_dir`` from Wikimedia Commons: ``python -m zhwiki.outputs.commons --source A --out DIR``.

``make images`` runs this before a build; the build itself never fetches anything (figures.py reads
the folder).  For each figure of the article (``[[File:…]]`` and the images of infoboxes, found by
rendering the article as the build does) it asks the MediaWiki Action API of Commons::

    action=query&prop=imageinfo&iiprop=url|size|extmetadata&iiurlwidth=N&redirects=1&titles=File:A|File:B…

and stores the thumbnail at the width the wikitext asks (``220`` px, MediaWiki's thumbnail width,
for a ``thumb`` or an infobox image without a size; :data:`DEFAULT_WIDTH` for a figure that asks
none) as ``DIR/<Commons name>``, with the sidecar ``DIR/<Commons name>.json`` holding the Commons
name, author (``Artist``, as plain text), licence (``LicenseShortName``), licence URL, the file's
page and the stored width.  Commons renders SVG, TIFF and PDF pages as PNG or JPEG thumbnails; those
are stored as ``<name>.png`` / ``<name>.jpg`` and the sidecar's ``name`` says which file they show.

Polite, as Wikimedia's API etiquette asks: a descriptive User-Agent, one request at a time, up to
:data:`BATCH` titles per query (one query per width), ``maxlag=5``, and a pause of ``--delay``
seconds between requests; a 429/503 answer or a ``maxlag`` error waits for ``Retry-After``.

Resumable: a file whose image and sidecar are both there (at least as wide as asked, or the
original) is skipped without any request; each image and sidecar is written to a temporary file
and renamed, the sidecar last, so an interrupted run leaves nothing half written and the next run
fetches only what is missing.  A file Commons does not have, or a download that fails, is reported
with its line in the wikitext, and the run goes on.  Exit status 1 when a query or download failed
(run it again to fetch the rest), 0 otherwise, also when some files are not on Commons (the build
shows those figures as their caption line).

The API's URL comes from ``--api``, else the environment variable ``ZHWIKI_COMMONS_API``, else
:data:`API` (``make images COMMONS_API=…``); tests point it at a local server.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import html as lxml_html

from .. import figures, pipeline
from ..diagnostics import Defect

log = logging.getLogger("mkdocs.plugins.zhwiki.commons")

API = "https://commons.wikimedia.org/w/api.php"
ENV_API = "ZHWIKI_COMMONS_API"
USER_AGENT = ("zhwiki-edition/0.1 (bilingual study edition generator; make images; "
              "https://zh.wikipedia.org/wiki/User:Example) python-urllib")
#: Titles per query: the Action API's limit for clients without the apihighlimits right.
BATCH = 50
#: Width (px) for a figure whose wikitext asks no size (a frameless or plain image).
DEFAULT_WIDTH = 220
#: Thumbnail suffixes the build can show, by the media type Commons sends.
SUFFIX = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp",
          "image/svg+xml": ".svg"}
RETRIES = 3
#: Kinds of :class:`~zhwiki.diagnostics.Defect` a run reports.
MISSING, FAILED = "image not on Commons", "image not fetched"


@dataclass(frozen=True)
class Wanted:
    """A file the article shows: Commons name (underscores), width in px, first wikitext line (or None)."""

    name: str
    width: int
    line: int | None = None


@dataclass
class Report:
    """What a run did: names fetched, names skipped (already there), and the problems."""

    fetched: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    problems: list[Defect] = field(default_factory=list)


def _line_of(raw: str, name: str) -> int | None:
    """The first wikitext line naming the file *name* (spaces or underscores), or None."""
    for form in (name, name.replace("_", " "), name[:1].lower() + name[1:], name[:1].lower() + name[1:].replace("_", " ")):
        at = raw.find(form)
        if at >= 0:
            return raw.count("\n", 0, at) + 1
    return None


def wanted(raw: str, title: str = "") -> list[Wanted]:
    """The files the article's figures show, each once at the widest width asked, in name order.

    Args:
        raw: the article's wikitext.
        title: its page name on zh.wikipedia (for the renderer, as in the build).
    """
    article = pipeline.analyse(raw, pipeline.Options(title=title))
    edition = pipeline.convert_edition(article, "zh-cn")
    widths: dict[str, int] = {}
    for page in edition.pages:
        for name, width in figures.figure_files(page.markdown):
            widths[name] = max(widths.get(name, 0), width or DEFAULT_WIDTH)
    return [Wanted(n, widths[n], _line_of(raw, n)) for n in sorted(widths)]


def plain_text(fragment: str) -> str:
    """The text of an HTML fragment from extmetadata (``<a href=…>Name</a>`` → ``Name``), whitespace collapsed."""
    if not fragment or not fragment.strip():
        return ""
    try:
        el = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml_html.etree.ParserError):
        return " ".join(fragment.split())
    for bad in el.xpath(".//script | .//style"):
        bad.drop_tree()
    return " ".join(el.text_content().split())


def credit(info: dict, name: str, width: int) -> dict:
    """The sidecar for one imageinfo answer: ``name``, ``author``, ``licence``, ``licence_url``, ``source``, ``width``."""
    meta = info.get("extmetadata") or {}

    def value(key: str) -> str:
        v = meta.get(key)
        return plain_text(str(v.get("value", ""))) if isinstance(v, dict) else ""

    return {
        "name": name,
        "author": value("Artist") or value("Credit"),
        "licence": value("LicenseShortName") or value("UsageTerms"),
        "licence_url": value("LicenseUrl"),
        "source": str(info.get("descriptionurl") or figures.COMMONS + urllib.parse.quote(name)),
        "width": int(info.get("thumbwidth") or info.get("width") or width),
        "original_width": int(info.get("width") or 0),
    }


class Client:
    """One request at a time to the API and to the thumbnails, with the User-Agent and pauses."""

    def __init__(self, api: str, delay: float = 0.5, opener: Callable[..., object] | None = None) -> None:
        self.api, self.delay = api, delay
        self._open = opener or urllib.request.urlopen
        self._last = 0.0

    def get(self, url: str) -> tuple[bytes, str]:
        """GET *url*: ``(body, content type)``.

        Raises:
            urllib.error.URLError / OSError: the request failed after the retries.
        """
        for attempt in range(RETRIES + 1):
            wait = self._last + self.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
            try:
                with self._open(req, timeout=60) as resp:
                    self._last = time.monotonic()
                    return resp.read(), resp.headers.get_content_type()
            except urllib.error.HTTPError as exc:
                self._last = time.monotonic()
                if exc.code not in (429, 503) or attempt == RETRIES:
                    raise
                time.sleep(_retry_after(exc.headers.get("Retry-After")))
        raise AssertionError("unreachable")

    def query(self, titles: list[str], width: int) -> dict:
        """The API's answer (formatversion 2) for up to :data:`BATCH` *titles* at thumbnail *width*."""
        params = {"action": "query", "format": "json", "formatversion": "2", "prop": "imageinfo",
                  "iiprop": "url|size|extmetadata", "iiurlwidth": str(width), "redirects": "1", "maxlag": "5",
                  "titles": "|".join(titles)}
        sep = "&" if "?" in self.api else "?"
        for attempt in range(RETRIES + 1):
            body, _ = self.get(self.api + sep + urllib.parse.urlencode(params))
            data = json.loads(body.decode("utf-8"))
            err = data.get("error") or {}
            if err.get("code") == "maxlag" and attempt < RETRIES:
                time.sleep(_retry_after(None))
                continue
            if err:
                raise OSError(f"Commons API error {err.get('code')}: {err.get('info')}")
            return data
        raise OSError("Commons API: still lagged after retries")


def _retry_after(value: str | None) -> float:
    try:
        return min(max(float(value or 5), 0.0), 60.0)
    except ValueError:
        return 5.0


def _done(out_dir: Path, w: Wanted) -> bool:
    """True when *w* is stored with its sidecar, at least as wide as asked (or the whole original)."""
    for side in out_dir.glob(f"{glob_escape(w.name)}*.json"):
        try:
            meta = json.loads(side.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(meta, dict) or figures.commons_key(str(meta.get("name", ""))) != w.name:
            continue
        image = side.with_suffix("")
        wide = int(meta.get("width") or 0) >= w.width or 0 < int(meta.get("original_width") or 0) <= int(meta.get("width") or 0)
        if image.is_file() and wide:
            return True
    return False


def glob_escape(name: str) -> str:
    """*name* with glob's special characters bracketed (Commons names may hold ``[`` ``*`` ``?``)."""
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def stored_name(name: str, content_type: str, url: str) -> str:
    """The file name for a thumbnail of *name*: the Commons name, plus the thumbnail's suffix when it differs."""
    suffix = SUFFIX.get(content_type) or Path(urllib.parse.urlsplit(url).path).suffix.lower()
    if suffix == ".jpeg":
        suffix = ".jpg"
    own = Path(name).suffix.lower().replace(".jpeg", ".jpg")
    return name if not suffix or suffix == own else name + suffix


def fetch(want: list[Wanted], out_dir: Path, client: Client) -> Report:
    """Store every file of *want* not yet in *out_dir* (see the module docstring); never raises for one file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    report = Report()
    todo = []
    for w in want:
        (report.skipped if _done(out_dir, w) else todo).append(w)
    report.skipped = [w.name for w in report.skipped]
    by_width: dict[int, list[Wanted]] = {}
    for w in todo:
        by_width.setdefault(w.width, []).append(w)
    for width in sorted(by_width):
        group = by_width[width]
        for start in range(0, len(group), BATCH):
            batch = group[start:start + BATCH]
            try:
                data = client.query([f"File:{w.name}" for w in batch], width)
            except (OSError, ValueError) as exc:
                for w in batch:
                    report.problems.append(Defect(FAILED, f"«{w.name}»: Commons query failed ({exc})", w.line))
                continue
            pages = _pages_by_name(data)
            for w in batch:
                _store(w, pages.get(w.name), out_dir, client, report)
    return report


def _name(title: object) -> str:
    return figures.commons_key(str(title or "").split(":", 1)[-1])


def _pages_by_name(data: dict) -> dict[str, dict]:
    """The answer's pages by the Commons name asked for (underscores), following the API's title
    normalization and file redirects (a renamed file answers under its new name)."""
    query = data.get("query") or {}
    pages = query.get("pages") or []
    if isinstance(pages, dict):  # formatversion 1
        pages = list(pages.values())
    out: dict[str, dict] = {_name(p.get("title")): p for p in pages}
    alias = {_name(r.get("from")): _name(r.get("to")) for key in ("normalized", "redirects") for r in query.get(key) or []}
    for start in list(alias):
        seen, name = {start}, alias[start]
        while name in alias and name not in seen:  # chains, never loops
            seen.add(name)
            name = alias[name]
        if name in out and start not in out:
            out[start] = out[name]
    return out


def _store(w: Wanted, page: dict | None, out_dir: Path, client: Client, report: Report) -> None:
    info = (page or {}).get("imageinfo") or []
    if page is None or page.get("missing") is not None or page.get("invalid") is not None or not info:
        report.problems.append(Defect(MISSING, f"«{w.name}» is not on Wikimedia Commons", w.line))
        return
    info = info[0]
    url = str(info.get("thumburl") or info.get("url") or "")
    if not url.startswith(("https://", "http://")):
        report.problems.append(Defect(FAILED, f"«{w.name}»: the API gave no image URL", w.line))
        return
    try:
        data, ctype = client.get(url)
    except OSError as exc:
        report.problems.append(Defect(FAILED, f"«{w.name}»: download failed ({exc})", w.line))
        return
    if ctype not in SUFFIX:
        report.problems.append(Defect(FAILED, f"«{w.name}»: Commons sent {ctype or 'no media type'}, not an image", w.line))
        return
    file = out_dir / stored_name(w.name, ctype, url)
    _write(file, data)
    side = credit(info, w.name, w.width)
    _write(file.with_name(file.name + ".json"),
           (json.dumps(side, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    report.fetched.append(w.name)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m zhwiki.outputs.commons", description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, required=True, help="the article's wikitext")
    ap.add_argument("--out", type=Path, required=True, help="the images_dir to fill")
    ap.add_argument("--title", default="", help="the article's page name on zh.wikipedia")
    ap.add_argument("--api", default="", help=f"the Action API URL (default: ${ENV_API}, else {API})")
    ap.add_argument("--delay", type=float, default=0.5, help="seconds between two requests (default 0.5)")
    args = ap.parse_args(argv)
    logging.basicConfig(format="%(message)s", level=logging.INFO)
    try:
        raw = args.source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        log.error("images: cannot read %s: %s", args.source, exc)
        return 1
    want = wanted(raw, args.title)
    client = Client(args.api or os.environ.get(ENV_API) or API, delay=max(args.delay, 0.0))
    report = fetch(want, args.out, client)
    for problem in report.problems:
        log.warning("images: %s", problem)
    log.info("images: %d files in %s: %d fetched, %d already there, %d missing",
             len(want), args.out, len(report.fetched), len(report.skipped), len(report.problems))
    return 1 if any(p.kind == FAILED for p in report.problems) else 0


if __name__ == "__main__":
    sys.exit(main())
