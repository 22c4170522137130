"""Benchmarks of the edition (``make bench``): per-stage medians, the floor ratio and scaling.

What is measured, and why it is measured that way:

* **Our stages** (read, parse, references, render, convert per variant, Markdown emit) run in a
  fresh Python process per repetition, so every run pays what a real ``mkdocs build`` pays once:
  lazily compiled regexes, OpenCC dictionaries, the first parse.  Imports are reported apart.
* **MkDocs builds** run the ``mkdocs`` command in a subprocess, as a user would.  The *floor* is a
  plain MkDocs + Material build of the projects ``zhwiki.outputs.export_markdown`` writes (no plugin of
  ours); our full two-variant build and the floor run alternately in the same loop so that drift
  of the machine hits both alike.
* **serve**: ``mkdocs serve`` on a copy of the article; the time from an edit of the wikitext to
  the "Reloading browsers" line (watcher latency included) is compared with a cold single-variant
  plain build.
* **Baselines**: pandoc (wikitext → Markdown) and zhconv-rs (whole-article conversion) when present.
* **Scaling**: the article's sections repeated 1×, 2×, 4×, 8× (copies renamed so pages and anchors
  stay distinct); the growth exponent is the least-squares slope of log(time) over log(size).

The result is a Markdown document printed on stdout and written to docs/benchmarks.md (kept out of
the site's navigation by ``exclude_docs``).  Speed is never asserted in tests; this is where it lives.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MKDOCS = str(BIN / "mkdocs")
DEFAULT_SOURCE = ROOT / "docs/article/korean-war.zh.wikitext"


#: docs/benchmarks.md: everything after this line is kept when the tables are regenerated.
NOTES_MARKER = "<!-- Notes below are written by hand and kept by scripts/bench.py. -->"


# -- helpers ----------------------------------------------------------------------------------------
def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def fmt(sec: float | None) -> str:
    if sec is None or (isinstance(sec, float) and math.isnan(sec)):
        return "—"
    return f"{sec * 1000:.0f} ms" if sec < 1 else f"{sec:.2f} s"


def env_for(source: Path, variants: list[str]) -> dict[str, str]:
    env = dict(os.environ)
    env.update(ZHWIKI_SOURCE=str(source), ZHWIKI_VARIANTS=" ".join(variants), NO_MKDOCS_2_WARNING="1",
               PYTHONDONTWRITEBYTECODE="1")
    env.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    return env


def timed_run(cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> float:
    t0 = time.perf_counter()
    res = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    if res.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({res.returncode}):\n{res.stderr[-2000:]}")
    return dt


SPEED_LOOP = 3_000_000


def speed_reference(runs: int = 5) -> float:
    """Seconds for a fixed pure-Python loop in a fresh process (median): how fast the machine is now."""
    code = f"import time\nt=time.perf_counter()\ns=0\nfor i in range({SPEED_LOOP}): s+=i*i\nprint(time.perf_counter()-t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
             for _ in range(runs)]
    return median(times)


def fit_exponent(sizes: list[int], times: list[float]) -> float:
    """Least-squares slope of log(t) against log(n): 1 is linear growth, 2 quadratic."""
    xs = [math.log(n) for n in sizes]
    ys = [math.log(t) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else float("nan")


def scaled_article(raw: str, factor: int) -> str:
    """A longer article of the same kind: the lead once, every content section *factor* times
    (copy k gets " k" appended to its level-2 heading, so pages and anchors stay distinct), and the
    back matter (notes, references, links) once at the end.  Repeating the back matter too would
    multiply the full reference list, which no real article does, and measure that instead."""
    if factor == 1:
        return raw
    from zhwiki.pages import BACK_MATTER
    from zhwiki.render.nodes import fold

    heads = list(re.finditer(r"^==(?!=)(.+?)==[ \t]*$", raw, re.M))
    if not heads:
        return raw * factor
    bounds = [h.start() for h in heads] + [len(raw)]
    lead = raw[: bounds[0]]
    content, back = [], []
    for i, h in enumerate(heads):
        chunk = raw[bounds[i]: bounds[i + 1]]
        (back if fold(h.group(1)) in BACK_MATTER else content).append(chunk)
    body = "".join(content)
    copies = [body]
    for k in range(2, factor + 1):
        copies.append(re.sub(r"^==(?!=)(.+?)==[ \t]*$", lambda m, k=k: f"== {m.group(1).strip()} {k} ==", body, flags=re.M))
    return lead + "".join(c if c.endswith("\n") else c + "\n" for c in copies) + "".join(back)


# -- worker: our stages in a fresh process ------------------------------------------------------------
def stages_worker(source: str, variants: list[str], out_dir: str) -> dict[str, float]:
    """One cold run of our stages; returns seconds per stage (called in a subprocess)."""
    t0 = time.perf_counter()
    from zhwiki import pipeline
    from zhwiki.outputs import export_markdown
    from zhwiki.source import decode
    from zhwiki.views.edition import convert_edition

    res: dict[str, float] = {"imports": time.perf_counter() - t0}
    cfg = export_markdown.load_project_config(ROOT / "mkdocs.yml")
    settings = export_markdown.plugin_settings(cfg, ROOT)
    options = pipeline.Options(title=settings.title, mixed_script=settings.mixed_script, groups_dir=settings.groups_dir)
    docs_dir = ROOT / str(cfg.get("docs_dir", "docs"))
    static = export_markdown._static_files(docs_dir, cfg.get("exclude_docs"))

    t = time.perf_counter()
    raw = decode(Path(source).read_bytes(), source)
    res["read"] = time.perf_counter() - t
    timings: dict[str, float] = {}
    article = pipeline.analyse(raw, options, timings=timings)
    res.update(timings)
    res["emit"] = 0.0
    for v in variants:
        t = time.perf_counter()
        edition = convert_edition(article, v, options)
        res[f"convert {v}"] = time.perf_counter() - t
        t = time.perf_counter()
        export_markdown.write_project(edition, cfg, Path(out_dir) / v, variants, static, docs_dir, None)
        res["emit"] += time.perf_counter() - t
    res["ours"] = sum(res[k] for k in res if k != "imports")
    return res


def run_stages(source: Path, variants: list[str], runs: int, tmp: Path) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for _ in range(runs):
        cmd = [sys.executable, __file__, "--worker", str(source), "--variants", " ".join(variants), "--tmp", str(tmp / "emit")]
        res = subprocess.run(cmd, capture_output=True, text=True, env=env_for(source, variants))
        if res.returncode != 0:
            raise RuntimeError(res.stderr[-3000:])
        for k, v in json.loads(res.stdout.strip().splitlines()[-1]).items():
            out.setdefault(k, []).append(v)
    return out


# -- MkDocs builds ----------------------------------------------------------------------------------
ONE_PROCESS_FLOOR = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
for yml, site in zip(sys.argv[1::2], sys.argv[2::2]):
    cfg = load_config(yml, site_dir=site)
    cfg.plugins.on_startup(command="build", dirty=False)
    build(cfg)
"""


def export_projects(source: Path, variants: list[str], out: Path) -> list[Path]:
    cmd = [sys.executable, "-m", "zhwiki.outputs.export_markdown", "--source", str(source),
           "--variants", " ".join(variants), "--out", str(out)]
    timed_run(cmd, env=env_for(source, variants), cwd=ROOT)
    return [out / v / "mkdocs.yml" for v in variants]


def builds(source: Path, variants: list[str], runs: int, tmp: Path) -> dict[str, list[float]]:
    """Our full build, the per-variant plain builds and the one-process floor, alternately."""
    projects = export_projects(source, variants, tmp / "markdown")
    env = env_for(source, variants)
    out: dict[str, list[float]] = {}
    for _ in range(runs):
        out.setdefault("ours", []).append(
            timed_run([MKDOCS, "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp / "site-ours")], env, ROOT))
        # The same build without forking (jobs: 1): what the plugin costs on one CPU.
        out.setdefault("ours one process", []).append(
            timed_run([MKDOCS, "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp / "site-ours-1")],
                      {**env, "ZHWIKI_JOBS": "1"}, ROOT))
        seq = 0.0
        for v, yml in zip(variants, projects, strict=True):
            dt = timed_run([MKDOCS, "build", "-q", "--strict", "-f", str(yml), "-d", str(tmp / "site-plain" / v)], env)
            out.setdefault(f"plain {v}", []).append(dt)
            seq += dt
        out.setdefault("floor", []).append(seq)
        args = [str(x) for yml, v in zip(projects, variants, strict=True) for x in (yml, tmp / "site-one" / v)]
        out.setdefault("floor one process", []).append(timed_run([sys.executable, "-c", ONE_PROCESS_FLOOR, *args], env))
        if len(variants) > 1:
            # Option (c) of mkdocs-findings §4: the exported projects built by two processes at once.
            t0 = time.perf_counter()
            procs = [subprocess.Popen([MKDOCS, "build", "-q", "-f", str(yml), "-d", str(tmp / "site-par" / v)], env=env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                     for v, yml in zip(variants, projects, strict=True)]
            if any(p.wait() for p in procs):
                raise RuntimeError("parallel plain build failed")
            out.setdefault("floor parallel", []).append(time.perf_counter() - t0)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_rebuilds(source: Path, variants: list[str], runs: int, tmp: Path) -> tuple[list[float], list[float]]:
    """Seconds from an edit of the wikitext to "Reloading browsers", and from "Detected file changes"
    to it (the rebuild alone, without the watcher's polling and debounce), over *runs* edits."""
    copy = tmp / "serve-source.wikitext"
    shutil.copyfile(source, copy)
    env = env_for(copy, variants)
    cmd = [MKDOCS, "serve", "-f", str(ROOT / "mkdocs.yml"), "-a", f"127.0.0.1:{free_port()}"]
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[tuple[float, str]] = []

    def reader() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append((time.perf_counter(), line))

    threading.Thread(target=reader, daemon=True).start()

    def wait_for(pattern: str, after: int, timeout: float = 120) -> float | None:
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            for ts, line in lines[after:]:
                if pattern in line:
                    return ts
            if proc.poll() is not None:
                return None
            time.sleep(0.02)
        return None

    out: list[float] = []
    inner: list[float] = []
    try:
        if wait_for("Serving on", 0, 180) is None:
            raise RuntimeError("mkdocs serve did not start:\n" + "".join(x for _, x in lines[-30:]))
        time.sleep(1.0)
        for k in range(runs):
            n = len(lines)
            with open(copy, "a", encoding="utf-8") as fh:
                fh.write(f"\n<!-- bench edit {k} -->\n")
            t0 = time.perf_counter()
            done = wait_for("Reloading browsers", n)
            if done is None:
                raise RuntimeError("no rebuild seen:\n" + "".join(x for _, x in lines[-30:]))
            out.append(done - t0)
            seen = wait_for("Detected file changes", n, 1)
            if seen is not None:
                inner.append(done - seen)
            time.sleep(1.0)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return out, inner


# -- print, PDF, offline bundle, EPUB, ZIM ----------------------------------------------------------
def module_stage(module: str, args: list[str], runs: int, env: dict[str, str]) -> list[float]:
    """Seconds to run ``python -m MODULE ARGS`` (an output with its own command line, such as outputs.pdf)."""
    return [timed_run([sys.executable, "-m", module, *args], env, ROOT) for _ in range(runs)]


#: Reads the built site as every output does first (fresh process, as ``python -m zhwiki.outputs``).
READ_SITE = ("import sys; from pathlib import Path; from zhwiki.outputs.edition import load_edition; "
             "load_edition(Path(sys.argv[1]), 'bench')")


def zimwriterfs_command(site: Path, tmp: Path) -> list[str] | None:
    """openZIM's own ``zimwriterfs`` (Debian zim-tools) on a copy of *site*, full-text index on, or None."""
    exe = shutil.which("zimwriterfs")
    if not exe:
        return None
    from zhwiki.outputs import zim

    folder = tmp / "site-zimwriterfs"
    if not folder.is_dir():
        shutil.copytree(site, folder)
        (folder / "illustration.png").write_bytes(zim.illustration(48))
    return [exe, "--welcome=index.html", "--illustration=illustration.png", "--language=zho", "--title=bench",
            "--description=bench", "--creator=bench", "--publisher=bench", "--name=bench", str(folder),
            str(tmp / "dist" / "zimwriterfs.zim")]


#: The baseline of the `make pdf` row, run from a copy of that commit in the same loop: the last commit before
#: the third round of the PDF step's speed work (issue 14), ~42 s with its site up to date.  (The first
#: round's baseline, 0ae47d9, rebuilt the site in every `make pdf` and took ~48 s.)
PDF_BASELINE = "539116b"


def tree_copy(rev: str | None, dest: Path) -> Path:
    """The repository's tracked files at *rev* (None: as checked out, uncommitted edits included) in *dest*,
    with this checkout's .venv linked and its fetched vendor files copied, so that its Makefile runs there.
    The copy's code runs with ``PYTHONPATH=dest/plugins`` (the editable install points at this checkout)."""
    dest.mkdir(parents=True)
    if rev:
        archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "x", "-C", str(dest)], input=archive, check=True)
    else:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
        for name in filter(None, listed.decode().split("\0")):
            if (ROOT / name).is_file():
                (dest / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / name, dest / name)
    (dest / ".venv").symlink_to(ROOT / ".venv")
    if (ROOT / "docs/assets/vendor").is_dir():
        shutil.copytree(ROOT / "docs/assets/vendor", dest / "docs/assets/vendor", dirs_exist_ok=True)
    return dest


def cpu_timed_run(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds user+sys of the command and every process it waited for)."""
    before = os.times()
    wall = timed_run(cmd, env, cwd)
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def pdf_runs(source: Path, variants: list[str], runs: int, tmp: Path) -> dict[str, list[tuple[float, float]]]:
    """`make pdf` (two variants + 简繁对照 PDF) as a user runs it, now and at PDF_BASELINE, alternately.

    Each side is a copy of the repository (tree_copy) with its own site/ and dist/.  Now: the site is
    built once by `make site` (not timed) on each side, so each timed `make pdf` finds it up to date, as
    after `make`.  Returns
    (wall, CPU) per run under ``now`` and ``baseline`` (missing when the baseline commit is not in
    this clone).  Raises RuntimeError when two runs of now's `make pdf` do not write the same bytes.
    """
    env = env_for(source, variants)
    env.pop("ZHWIKI_SOURCE", None)
    env.pop("ZHWIKI_VARIANTS", None)
    # The seed by its path in each copy, as `make pdf` names it (the Makefile gives it its page name).
    src = source.relative_to(ROOT) if source == DEFAULT_SOURCE else source
    args = ["make", "-s", "-o", ".venv/.installed", "pdf", f"SOURCE={src}", f"VARIANTS={' '.join(variants)}"]
    sides = {"now": tree_copy(None, tmp / "pdf-now")}
    if subprocess.run(["git", "cat-file", "-e", f"{PDF_BASELINE}^{{commit}}"], cwd=ROOT, capture_output=True).returncode == 0:
        sides["baseline"] = tree_copy(PDF_BASELINE, tmp / "pdf-baseline")
    envs = {k: dict(env, PYTHONPATH=str(d / "plugins")) for k, d in sides.items()}
    for key, tree in sides.items():
        cpu_timed_run(["make", "-s", "-o", ".venv/.installed", "site", *args[5:]], envs[key], tree)
    got: dict[str, list[tuple[float, float]]] = {}
    first: dict[str, bytes] = {}
    for _ in range(runs):
        for key, tree in sides.items():
            got.setdefault(key, []).append(cpu_timed_run(args, envs[key], tree))
            if key == "now":
                for f in sorted((tree / "dist").glob("*.pdf")):
                    if first.setdefault(f.name, f.read_bytes()) != f.read_bytes():
                        raise RuntimeError(f"{f.name}: two runs wrote different bytes")
    return got


def outputs_stage(site: Path, out: Path, runs: int, env: dict[str, str], tmp: Path) -> dict[str, list[float]]:
    """The EPUB and ZIM writers (``python -m zhwiki.outputs epub|zim``) and their baselines, alternately in one loop.

    Baselines: reading the built site alone (what every output does first), and zimwriterfs writing
    a ZIM of the same folder with its own full-text index (when installed).  Keys: ``epub``, ``zim``,
    ``read``, ``zimwriterfs``.
    """
    out.mkdir(parents=True, exist_ok=True)
    zwf = zimwriterfs_command(site, tmp)
    times: dict[str, list[float]] = {}
    for _ in range(runs):
        for name in ("epub", "zim"):
            cmd = [sys.executable, "-m", "zhwiki.outputs", name, "--site", str(site), "--out", str(out), "--name", "bench"]
            times.setdefault(name, []).append(timed_run(cmd, env, ROOT))
        times.setdefault("read", []).append(timed_run([sys.executable, "-c", READ_SITE, str(site)], env, ROOT))
        if zwf:
            (out / "zimwriterfs.zim").unlink(missing_ok=True)
            times.setdefault("zimwriterfs", []).append(timed_run(zwf, env, ROOT))
    return times


def pdf_rows(pdf: dict[str, list[tuple[float, float]]], variants: list[str]) -> list[tuple[str, str, str]]:
    def cell(key: str) -> str:
        runs = pdf[key]
        return f"{fmt(median([w for w, _c in runs]))} (CPU {fmt(median([c for _w, c in runs]))})"

    rows = [(f"**`make pdf`: {len(variants)} variant PDFs + 简繁对照 PDF, site up to date (wall, CPU user+sys)**",
             f"**{cell('now')}**", str(len(pdf["now"])))]
    if "baseline" in pdf:
        rows.append((f"baseline: `make pdf` at {PDF_BASELINE}, site up to date, same loop", cell("baseline"),
                     str(len(pdf["baseline"]))))
    return rows


def pdf_target(pdf: dict[str, list[tuple[float, float]]]) -> str:
    wall, cpu = (median([r[i] for r in pdf["now"]]) for i in (0, 1))
    line = f"- `make pdf`: {fmt(wall)} wall, {fmt(cpu)} CPU (target ≤ 20 s wall)"
    if "baseline" in pdf:
        bw, bc = (median([r[i] for r in pdf["baseline"]]) for i in (0, 1))
        line += f" = {wall / bw:.2f}× the wall and {cpu / bc:.2f}× the CPU time of {PDF_BASELINE}'s ({fmt(bw)}, {fmt(bc)} CPU)"
    return line + "; same bytes in every run."


# -- baselines -------------------------------------------------------------------------------------
def pandoc_baseline(source: Path, runs: int) -> list[float] | None:
    exe = shutil.which("pandoc")
    if not exe:
        return None
    return [timed_run([exe, "-f", "mediawiki", "-t", "gfm", "-o", os.devnull, str(source)]) for _ in range(runs)]


def zhconv_baseline(source: Path, variants: list[str], runs: int) -> dict[str, list[float]] | None:
    try:
        from zhconv_rs import zhconv
    except ImportError:
        return None
    text = source.read_text(encoding="utf-8")
    out: dict[str, list[float]] = {}
    for v in variants:
        code = {"zh-cn": "zh-CN", "zh-tw": "zh-TW", "zh-hk": "zh-HK", "zh-mo": "zh-MO", "zh-sg": "zh-SG",
                "zh-my": "zh-MY", "zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}.get(v, v)
        zhconv(text, code)  # load the converter outside the timing, as our numbers include OpenCC loading
        for wikitext in (False, True):
            key = f"{v}{' (wikitext rules)' if wikitext else ''}"
            for _ in range(runs):
                t0 = time.perf_counter()
                zhconv(text, code, wikitext)
                out.setdefault(key, []).append(time.perf_counter() - t0)
    return out


# -- report ----------------------------------------------------------------------------------------
def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    versions = []
    for mod in ("mkdocs", "material", "mwparserfromhell", "opencc", "jieba", "zhconv_rs"):
        try:
            from importlib.metadata import version

            dist = {"material": "mkdocs-material", "opencc": "OpenCC", "zhconv_rs": "zhconv-rs"}.get(mod, mod)
            versions.append(f"{dist} {version(dist)}")
        except Exception:  # noqa: BLE001 (optional packages)
            pass
    pandoc = shutil.which("pandoc")
    if pandoc:
        first = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.splitlines()[:1]
        versions += first
    return (f"{os.cpu_count()} CPU ({cpu}){mem}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; " + ", ".join(versions))


def table(rows: list[tuple[str, str, str]]) -> str:
    lines = ["| Stage | Median | Runs |", "|---|---:|---:|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmarks of the edition (prints a Markdown report).")
    ap.add_argument("--source", default=str(DEFAULT_SOURCE))
    ap.add_argument("--variants", default="zh-cn zh-tw")
    ap.add_argument("--runs", type=int, default=5, help="repetitions per stage (median reported)")
    ap.add_argument("--scale", default="1,2,4,8", help="article repetitions for the scaling table ('' to skip)")
    ap.add_argument("--scale-runs", type=int, default=3, help="repetitions per size in the scaling table")
    ap.add_argument("--no-mkdocs", action="store_true", help="skip every MkDocs build (our stages only)")
    ap.add_argument("--no-serve", action="store_true")
    ap.add_argument("--write", default=str(ROOT / "docs/benchmarks.md"), help="also write the report here ('' = no)")
    ap.add_argument("--only", choices=["pdf"], help="time only this step (on a fresh build of the site); print, do not write")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--tmp", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    variants = args.variants.split()
    if args.worker:
        sys.stdout.write(json.dumps(stages_worker(args.worker, variants, args.tmp)) + "\n")
        return 0

    source = Path(args.source).resolve()
    runs = args.runs
    if args.only == "pdf":
        return only_pdf(source, variants, runs)
    started = time.time()
    load_before = os.getloadavg()[0]
    speed_before = speed_reference()
    rows: list[tuple[str, str, str]] = []
    notes: list[str] = []
    targets_extra: list[str] = []
    with tempfile.TemporaryDirectory(prefix="zhwiki-bench-") as td:
        tmp = Path(td)
        log = sys.stderr.write
        log("our stages…\n")
        st = run_stages(source, variants, runs, tmp)
        names = ["read", "parse", "references", "render"] + [f"convert {v}" for v in variants] + ["emit"]
        labels = {"emit": f"Markdown emit ({len(variants)} variants)", "read": "read (decode)",
                  "parse": "parse (clean, mask -{}-, mwparserfromhell, sections)",
                  "references": "references (collect definitions)", "render": "render (IMD, footnote bodies, lists)"}
        for n in names:
            rows.append((labels.get(n, n), fmt(median(st[n])), str(len(st[n]))))
        ours_stages = median(st["ours"])
        rows.append(("**our stages, read → Markdown, all variants**", f"**{fmt(ours_stages)}**", str(runs)))
        rows.append(("(imports of our package + MkDocs config loader, once per process)", fmt(median(st["imports"])), str(runs)))

        b: dict[str, list[float]] = {}
        if not args.no_mkdocs:
            log("MkDocs builds…\n")
            b = builds(source, variants, runs, tmp)
            for v in variants:
                rows.append((f"MkDocs build, plain Material, exported {v} (cold process)", fmt(median(b[f"plain {v}"])), str(runs)))
            rows.append((f"**our full `mkdocs build` ({len(variants)} variants + 简繁对照, forked workers)**",
                         f"**{fmt(median(b['ours']))}**", str(runs)))
            rows.append(("our full `mkdocs build`, one process (`ZHWIKI_JOBS=1`)", fmt(median(b["ours one process"])), str(runs)))
            rows.append(("floor: plain builds of the exported projects, one after the other", fmt(median(b["floor"])), str(runs)))
            rows.append(("floor, one process (both exported projects, `build()` twice)", fmt(median(b["floor one process"])), str(runs)))
            if "floor parallel" in b:
                rows.append(("plain builds of the exported projects, two processes at once", fmt(median(b["floor parallel"])), str(runs)))
            site = tmp / "site-ours"
            env = env_for(source, variants)
            log("bundle, print, PDF…\n")
            bundle = module_stage("zhwiki.outputs.bundle", ["--site", str(site), "--out", str(tmp / "dist" / "bundle.zip")], runs, env)
            rows.append(("offline bundle (outputs/bundle.py)", fmt(median(bundle)), str(len(bundle))))
            pdf = pdf_runs(source, variants, runs, tmp)
            rows += pdf_rows(pdf, variants)
            targets_extra.append(pdf_target(pdf))
            log("EPUB, ZIM…\n")
            outs = outputs_stage(site, tmp / "dist", runs, env, tmp)
            b.update({f"output {k}": v for k, v in outs.items()})
            rows.append((f"EPUB 3, {len(variants)} variants (zhwiki.outputs epub)", fmt(median(outs["epub"])), str(len(outs["epub"]))))
            rows.append(("Kiwix ZIM, whole edition with full-text index (zhwiki.outputs zim)", fmt(median(outs["zim"])),
                         str(len(outs["zim"]))))
            rows.append(("baseline: reading the built site only (outputs/edition.py, what every output does first)",
                         fmt(median(outs["read"])), str(len(outs["read"]))))
            zwf = outs.get("zimwriterfs")
            rows.append(("baseline: zimwriterfs (openZIM, zim-tools) on the same site folder, full-text index",
                         fmt(median(zwf)) if zwf else "not installed", str(len(zwf or []))))
            if not args.no_serve:
                log("mkdocs serve…\n")
                try:
                    sv, _ = serve_rebuilds(source, variants, runs, tmp)
                    rows.append((f"`mkdocs serve`: edit of the wikitext → reloaded ({len(variants)} variants)", fmt(median(sv)), str(len(sv))))
                    b["serve"] = sv
                except RuntimeError as exc:
                    notes.append(f"serve measurement failed: {str(exc).splitlines()[0]}")

        log("baselines…\n")
        pd = pandoc_baseline(source, runs)
        rows.append(("baseline: pandoc -f mediawiki -t gfm", fmt(median(pd)) if pd else "not installed", str(len(pd or []))))
        zc = zhconv_baseline(source, variants, runs)
        if zc:
            for k, xs in zc.items():
                rows.append((f"baseline: zhconv-rs, whole article → {k}", fmt(median(xs)), str(len(xs))))
        else:
            rows.append(("baseline: zhconv-rs", "not installed", "0"))

        # -- scaling --
        scale_rows: list[str] = []
        sizes = [int(x) for x in args.scale.split(",") if x.strip()]
        if sizes:
            raw = source.read_text(encoding="utf-8")
            per: dict[str, dict[int, float]] = {}
            for n in sizes:
                log(f"scale {n}×…\n")
                src = tmp / f"scaled-{n}.wikitext"
                src.write_text(scaled_article(raw, n), encoding="utf-8")
                s = run_stages(src, variants, args.scale_runs, tmp)
                for k in names + ["ours"]:
                    per.setdefault(k, {})[n] = median(s[k])
                if not args.no_mkdocs:
                    bb = builds_scaled(src, variants, args.scale_runs, tmp / f"s{n}")
                    for k, v in bb.items():
                        per.setdefault(k, {})[n] = v
            head = "| Stage | " + " | ".join(f"{n}×" for n in sizes) + " | exponent |"
            scale_rows = [head, "|---|" + "---:|" * (len(sizes) + 1)]
            for k, by in per.items():
                label = labels.get(k, k)
                if k == "ours":
                    label = "**our stages, all variants**"
                ts = [by[n] for n in sizes]
                exp = fit_exponent(sizes, ts) if len(sizes) > 1 and all(t > 0 for t in ts) else float("nan")
                scale_rows.append(f"| {label} | " + " | ".join(fmt(t) for t in ts) + f" | {exp:.2f} |")

    # -- targets --
    targets = [f"- Our stages (read → Markdown, {len(variants)} variants): {fmt(ours_stages)} (target < 600 ms)."]
    if b:
        ratio = median(b["ours"]) / median(b["floor"])
        ratio1 = median(b["ours"]) / median(b["floor one process"])
        targets.append(f"- Full build / floor: {ratio:.2f}× against the plain builds one after the other, "
                       f"{ratio1:.2f}× against the one-process floor (target ≤ 1.15×); "
                       f"without forking {median(b['ours one process']) / median(b['floor']):.2f}× and "
                       f"{median(b['ours one process']) / median(b['floor one process']):.2f}×.")
        if "output epub" in b:
            read = median(b["output read"])
            line = (f"- EPUB ({len(variants)} variants): {fmt(median(b['output epub']))} = {median(b['output epub']) / read:.2f}× "
                    f"reading the built site ({fmt(read)}); ZIM: {fmt(median(b['output zim']))} = "
                    f"{median(b['output zim']) / read:.2f}× reading the site")
            if b.get("output zimwriterfs"):
                zwf = median(b["output zimwriterfs"])
                line += f", {median(b['output zim']) / zwf:.2f}× zimwriterfs on the same folder ({fmt(zwf)})"
            targets.append(line + ".")
        if "serve" in b:
            cold = median(b[f"plain {variants[0]}"])
            targets.append(f"- serve rebuild after an edit: {fmt(median(b['serve']))} = {median(b['serve']) / cold:.2f}× a cold "
                           f"single-variant plain build ({fmt(cold)}) (target ≤ 1.5×).")
    targets += targets_extra
    if sizes:
        ts = [per["ours"][n] for n in sizes]
        targets.append(f"- Growth exponent of our stages: {fit_exponent(sizes, ts):.2f} (target ≤ 1.1).")

    when = time.strftime("%Y-%m-%d", time.gmtime(started))
    doc = [
        "# Benchmarks",
        "",
        "Written by `make bench` (scripts/bench.py); not part of the site's navigation. "
        f"Article: `{source.relative_to(ROOT) if source.is_relative_to(ROOT) else source}`; variants: {', '.join(variants)}; "
        f"medians of {runs} runs (scaling: {args.scale_runs} runs per size).",
        "",
        f"Machine ({when}): {machine()}.",
        "",
        f"Load average (1 min) at the start and end of the run: {load_before:.1f} and {os.getloadavg()[0]:.1f}; "
        f"total run time {(time.time() - started) / 60:.0f} min. A load above the number of CPUs means other work "
        "competed for them: compare ratios, not absolute times, in that case.",
        "",
        f"Speed reference: a fixed pure-Python loop ({SPEED_LOOP:,} multiply-adds, median of 5 fresh processes) took "
        f"{fmt(speed_before)} at the start and {fmt(speed_reference())} at the end. On this virtual machine it "
        "varies by about ±25 % from one hour to the next; absolute times of different runs compare only "
        "through it.",
        "",
        table(rows),
        "",
        "## Targets",
        "",
        *targets,
    ]
    if scale_rows:
        doc += ["", "## Scaling (level-2 sections repeated, copies renamed)", "", *scale_rows]
    doc += ["", "## How to read this", "",
            "- Our stages run in a fresh process per run (cold caches, OpenCC dictionaries loaded inside *convert*); "
            "*render* includes the footnote bodies, which are rendered when first cited.",
            "- MkDocs rows are wall-clock times of the `mkdocs` command, including interpreter start-up, "
            "Material's search with jieba, and writing the site.",
            "- The floor is what MkDocs + Material need for the same Markdown without our plugin; "
            "our full build runs alternately with it in the same loop.",
            "- Our full build also makes the 简繁对照 view (a third site), which the floor does not have. "
            "With more than one CPU it forks a process per further variant and one for the view once the "
            "article is parsed (plugins/zhwiki/workers.py); the one-process row is the same build with `ZHWIKI_JOBS=1`. "
            "The row \"two processes at once\" gives the plain builds the same two CPUs.",
            *[f"- {n}" for n in notes]]
    text = "\n".join(doc) + "\n"
    sys.stdout.write(text)
    if args.write:
        # Hand-written notes (profile findings, history) below the marker survive a re-run.
        target = Path(args.write)
        kept = ""
        if target.is_file() and NOTES_MARKER in target.read_text(encoding="utf-8"):
            kept = target.read_text(encoding="utf-8").split(NOTES_MARKER, 1)[1]
        target.write_text(text + "\n" + NOTES_MARKER + kept, encoding="utf-8")
    return 0


def only_pdf(source: Path, variants: list[str], runs: int) -> int:
    """``bench.py --only pdf``: the `make pdf` rows and their target line (each side builds its own site)."""
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="zhwiki-bench-") as td:
        pdf = pdf_runs(source, variants, runs, Path(td))
    runs_text = "; ".join(f"{k} " + ", ".join(f"{fmt(w)}/{fmt(c)} CPU" for w, c in v) for k, v in pdf.items())
    sys.stdout.write(table(pdf_rows(pdf, variants)) + "\n\n" + pdf_target(pdf) + "\n\n"
                     f"Load average (1 min) at the start and end: {load_before:.1f} and {os.getloadavg()[0]:.1f} "
                     f"on {os.cpu_count()} CPUs; runs (wall/CPU): {runs_text}\n")
    return 0


def builds_scaled(source: Path, variants: list[str], runs: int, tmp: Path) -> dict[str, float]:
    """Our full build and the plain build of the first exported variant, for the scaling table."""
    projects = export_projects(source, variants, tmp / "markdown")
    env = env_for(source, variants)
    ours, plain = [], []
    for _ in range(runs):
        ours.append(timed_run([MKDOCS, "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp / "site-ours")], env, ROOT))
        plain.append(timed_run([MKDOCS, "build", "-q", "-f", str(projects[0]), "-d", str(tmp / "site-plain")], env))
    return {f"our full `mkdocs build` ({len(variants)} variants)": median(ours),
            f"MkDocs build, plain, exported {variants[0]}": median(plain)}


if __name__ == "__main__":
    sys.exit(main())
