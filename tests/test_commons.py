"""``make images`` (outputs/commons.py, issue 13) against a local server that answers like the Commons API.

The server speaks the Action API's ``action=query&prop=imageinfo`` (formatversion 2, titles
normalized to spaces, ``missing`` pages) and serves thumbnails it draws with Pillow at the width
asked.  It records every request, so the tests see the User-Agent, the batching, that requests
never overlap, and that a second run asks nothing.
"""

from __future__ import annotations

import io
import json
import logging
import re
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import markdown
import pytest
from PIL import Image

from zhwiki import figures, pipeline
from zhwiki.outputs import commons

ARTICLE = (
    "{{Infobox military conflict\n|conflict=图测之战\n|image=Battle map.svg\n|caption=战役地图\n}}\n"
    "'''图测之战'''是一个测试下载图片的条目。\n"
    "== 人物 ==\n"
    "[[File:Kim Il-sung 1946.jpg|thumb|300px|[[金日成]]]]\n正文。\n"
    "[[File:Kim_Il-sung_1946.jpg|thumb|180px|同一张图，较窄]]\n"
    "[[File:Gone picture.png|thumb|已被删除的图片]]\n"
    "== 地图 ==\n"
    "[[File:Seoul river.png|thumb|汉江]] 文字 [[File:Flag icon.png|20px]] 图标。\n"
    "[[File:Old harbour name.png|thumb|300px|改名后的文件]]\n"
)
EVIL_ARTIST = ('<a href="javascript:alert(1)" onclick="steal()">Jane <b>Doe</b></a>'
               "<script>evil()</script> (<i>U.S. Army</i>)")


@dataclass
class Log:
    """What the fake server saw."""

    requests: list[tuple[str, dict[str, list[str]], str]] = field(default_factory=list)  # (path, query, UA)
    active: int = 0
    most_active: int = 0
    fail_once: set[str] = field(default_factory=set)  # thumbnail names answered 500 the first time
    busy_once: bool = False  # the first API query is answered 429 Retry-After: 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def api_calls(self) -> list[dict[str, list[str]]]:
        return [q for p, q, _ in self.requests if p == "/w/api.php"]

    def downloads(self) -> list[str]:
        return [p for p, _, _ in self.requests if p.startswith("/thumb/")]


RENAMED = {"Old_harbour_name.png": "Seoul_river.png"}  # a file redirect on Commons
KNOWN = {"Kim_Il-sung_1946.jpg": (800, "image/jpeg"), "Battle_map.svg": (1000, "image/png"),
         "Seoul_river.png": (150, "image/png"), "Flag_icon.png": (60, "image/png")}


def picture(width: int, kind: str) -> bytes:
    im = Image.new("RGB", (width, max(1, width * 2 // 3)), (120, 90, 60))
    buf = io.BytesIO()
    im.save(buf, "JPEG" if kind == "image/jpeg" else "PNG")
    return buf.getvalue()


def serve(log: Log) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def do_GET(self) -> None:  # noqa: N802
            with log.lock:
                log.active += 1
                log.most_active = max(log.most_active, log.active)
            self._answer()

        def _send(self, code: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
            with log.lock:  # done before the answer leaves, so the client's next request cannot overlap it
                log.active -= 1
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def _answer(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            query = urllib.parse.parse_qs(url.query)
            log.requests.append((url.path, query, self.headers.get("User-Agent", "")))
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if url.path == "/w/api.php":
                if log.busy_once:
                    log.busy_once = False
                    self._send(429, b"slow down", "text/plain", {"Retry-After": "0"})
                    return
                width = int(query["iiurlwidth"][0])
                pages, redirects = [], []
                for title in query["titles"][0].split("|"):
                    name = title.split(":", 1)[1]
                    if name in RENAMED and query.get("redirects") == ["1"]:
                        redirects.append({"from": "File:" + name.replace("_", " "), "to": "File:" + RENAMED[name].replace("_", " ")})
                        name = RENAMED[name]
                    shown = "File:" + name.replace("_", " ")
                    if name not in KNOWN:
                        pages.append({"ns": 6, "title": shown, "missing": True, "known": False})
                        continue
                    orig, kind = KNOWN[name]
                    w = min(width, orig)
                    ext = ".png" if name.endswith(".svg") else ""
                    pages.append({"ns": 6, "title": shown, "imagerepository": "local", "imageinfo": [{
                        "width": orig, "height": orig * 2 // 3,
                        "thumburl": f"{base}/thumb/{w}px-{name}{ext}", "thumbwidth": w,
                        "url": f"{base}/orig/{name}", "descriptionurl": f"https://commons.wikimedia.org/wiki/File:{name}",
                        "extmetadata": {"Artist": {"value": EVIL_ARTIST, "source": "commons-desc-page"},
                                        "LicenseShortName": {"value": "CC BY-SA 4.0"},
                                        "LicenseUrl": {"value": "https://creativecommons.org/licenses/by-sa/4.0"}},
                    }]})
                body = json.dumps({"batchcomplete": True, "query": {"redirects": redirects, "pages": pages}}).encode()
                self._send(200, body, "application/json; charset=utf-8")
            elif url.path.startswith("/thumb/"):
                m = re.fullmatch(r"/thumb/(\d+)px-(.+)", urllib.parse.unquote(url.path))
                name = m.group(2)
                rendered = name not in KNOWN  # an SVG's PNG rendering: <name>.png
                name = name.removesuffix(".png") if rendered else name
                if name in log.fail_once:
                    log.fail_once.discard(name)
                    self._send(500, b"broken", "text/plain")
                    return
                kind = "image/png" if rendered else KNOWN[name][1]
                self._send(200, picture(int(m.group(1)), kind), kind)
            else:
                self._send(404, b"no", "text/plain")

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture
def api() -> Iterator[tuple[str, Log]]:
    log = Log()
    httpd = serve(log)
    yield f"http://127.0.0.1:{httpd.server_port}/w/api.php", log
    httpd.shutdown()
    httpd.server_close()


def run(tmp_path: Path, url: str) -> int:
    src = tmp_path / "a.zh.wikitext"
    src.write_text(ARTICLE, encoding="utf-8")
    return commons.main(["--source", str(src), "--out", str(tmp_path / "images"), "--api", url, "--delay", "0"])


def test_wanted_lists_each_figure_once_at_its_widest_width() -> None:
    want = {w.name: w for w in commons.wanted(ARTICLE)}
    assert sorted(want) == ["Battle_map.svg", "Gone_picture.png", "Kim_Il-sung_1946.jpg", "Old_harbour_name.png",
                            "Seoul_river.png"]  # no icon
    assert want["Kim_Il-sung_1946.jpg"].width == 300  # 300px and 180px: the wider
    assert want["Battle_map.svg"].width == 220 and want["Seoul_river.png"].width == 220  # infobox and thumb default
    assert want["Gone_picture.png"].line == 11 and want["Battle_map.svg"].line == 3


def test_fills_images_dir_with_thumbnails_and_credits(tmp_path: Path, api: tuple[str, Log],
                                                     caplog: pytest.LogCaptureFixture) -> None:
    url, log = api
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.zhwiki.commons"):
        assert run(tmp_path, url) == 0  # one file is not on Commons: reported, not a failure
    out = tmp_path / "images"
    assert sorted(p.name for p in out.iterdir()) == [
        "Battle_map.svg.png", "Battle_map.svg.png.json", "Kim_Il-sung_1946.jpg", "Kim_Il-sung_1946.jpg.json",
        "Old_harbour_name.png", "Old_harbour_name.png.json", "Seoul_river.png", "Seoul_river.png.json"]
    with Image.open(out / "Kim_Il-sung_1946.jpg") as im:
        assert (im.format, im.width) == ("JPEG", 300)
    with Image.open(out / "Battle_map.svg.png") as im:
        assert (im.format, im.width) == ("PNG", 220)  # Commons' PNG rendering of the SVG
    with Image.open(out / "Seoul_river.png") as im:
        assert im.width == 150  # smaller than asked: the original
    side = json.loads((out / "Kim_Il-sung_1946.jpg.json").read_text(encoding="utf-8"))
    assert side["name"] == "Kim_Il-sung_1946.jpg" and side["width"] == 300
    assert side["author"] == "Jane Doe (U.S. Army)"  # the Artist HTML as text: no script, no link
    assert side["licence"] == "CC BY-SA 4.0" and side["licence_url"].startswith("https://creativecommons.org/")
    assert side["source"] == "https://commons.wikimedia.org/wiki/File:Kim_Il-sung_1946.jpg"
    assert json.loads((out / "Battle_map.svg.png.json").read_text(encoding="utf-8"))["name"] == "Battle_map.svg"
    # Polite: our User-Agent everywhere, never two requests at once, one query per width for all its titles.
    assert {ua for _, _, ua in log.requests} == {commons.USER_AGENT}
    assert log.most_active == 1
    calls = log.api_calls()
    assert [(c["iiurlwidth"][0], c["titles"][0]) for c in calls] == [
        ("220", "File:Battle_map.svg|File:Gone_picture.png|File:Seoul_river.png"),
        ("300", "File:Kim_Il-sung_1946.jpg|File:Old_harbour_name.png")]
    assert all(c["maxlag"] == ["5"] and "extmetadata" in c["iiprop"][0] for c in calls)
    missing = [r.getMessage() for r in caplog.records if "Gone_picture.png" in r.getMessage()]
    assert missing == ["images: image not on Commons: «Gone_picture.png» is not on Wikimedia Commons (line 11)"]
    assert "4 fetched, 0 already there, 1 missing" in caplog.text
    # A renamed file (a redirect on Commons) is stored under the name the article uses, credited to its new page.
    renamed = json.loads((out / "Old_harbour_name.png.json").read_text(encoding="utf-8"))
    assert renamed["name"] == "Old_harbour_name.png"
    assert renamed["source"] == "https://commons.wikimedia.org/wiki/File:Seoul_river.png"


def test_second_run_asks_nothing_and_changes_nothing(tmp_path: Path, api: tuple[str, Log]) -> None:
    url, log = api
    run(tmp_path, url)
    before = {p.name: p.read_bytes() for p in (tmp_path / "images").iterdir()}
    n = len(log.requests)
    run(tmp_path, url)
    assert len(log.requests) == n + 1  # only the query for the file Commons lacks
    assert log.api_calls()[-1]["titles"] == ["File:Gone_picture.png"]
    assert {p.name: p.read_bytes() for p in (tmp_path / "images").iterdir()} == before


def test_interrupted_download_resumes_with_only_what_is_missing(tmp_path: Path, api: tuple[str, Log]) -> None:
    url, log = api
    log.fail_once.add("Seoul_river.png")
    assert run(tmp_path, url) == 1  # a download failed: run again
    out = tmp_path / "images"
    assert not (out / "Seoul_river.png").exists() and not list(out.glob("*.part"))  # nothing half written
    assert (out / "Kim_Il-sung_1946.jpg.json").is_file()
    n = len(log.downloads())
    assert run(tmp_path, url) == 0
    assert log.downloads()[n:] == ["/thumb/150px-Seoul_river.png"]
    assert (out / "Seoul_river.png.json").is_file()


def test_wider_figure_later_fetches_again(tmp_path: Path, api: tuple[str, Log]) -> None:
    url, log = api
    out = tmp_path / "images"
    client = commons.Client(url, delay=0)
    commons.fetch([commons.Wanted("Kim_Il-sung_1946.jpg", 200)], out, client)
    commons.fetch([commons.Wanted("Kim_Il-sung_1946.jpg", 200)], out, client)
    assert len(log.downloads()) == 1
    commons.fetch([commons.Wanted("Kim_Il-sung_1946.jpg", 400)], out, client)
    with Image.open(out / "Kim_Il-sung_1946.jpg") as im:
        assert im.width == 400


def test_titles_go_in_batches_of_fifty_and_a_429_is_waited_out(tmp_path: Path, api: tuple[str, Log]) -> None:
    url, log = api
    log.busy_once = True
    want = [commons.Wanted(f"Nothing_{i:03d}.png", 220) for i in range(120)]
    report = commons.fetch(want, tmp_path / "images", commons.Client(url, delay=0))
    sizes = [len(c["titles"][0].split("|")) for c in log.api_calls()]
    assert sizes == [50, 50, 50, 20]  # the first answered 429, then asked again
    assert len(report.problems) == 120 and not report.fetched


def test_build_shows_fetched_image_with_author_and_licence(tmp_path: Path, api: tuple[str, Log]) -> None:
    url, _ = api
    run(tmp_path, url)
    images = figures.load(str(tmp_path / "images"))
    article = pipeline.analyse(ARTICLE, pipeline.Options(title="图测之战"))
    pages = {p.path: p.markdown for p in pipeline.convert_edition(article, "zh-cn").pages}
    conv = markdown.Markdown(extensions=["attr_list", "md_in_html"])
    lead = figures.add_images(conv.reset().convert(pages["index.md"]), images, depth=1)
    assert '<img src="../images/Battle_map.svg.png" width="220"' in lead  # the SVG's PNG thumbnail
    body = figures.add_images(conv.reset().convert(pages["s01.md"]), images, depth=1)
    assert body.count('<img src="../images/Kim_Il-sung_1946.jpg"') == 2
    assert "作者：Jane Doe (U.S. Army) · CC BY-SA 4.0" in body
    assert "javascript:" not in body + lead and "evil()" not in body + lead
    about = figures.credits_markdown(figures.used(list(pages.values()), images), "图片来源")
    assert "[Battle map.svg](https://commons.wikimedia.org/wiki/File:Battle_map.svg)：Jane Doe (U.S. Army)，[CC BY-SA 4.0](https://creativecommons.org/licenses/by-sa/4.0)" in about
