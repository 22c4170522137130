"""The 「关于本版」 page and the edition facts it shares with the print cover.

CC BY-SA 4.0 asks every copy to credit the source and its authors, name the licence and say that
the text was changed; this page is where the edition does that.  The build date comes from
``SOURCE_DATE_EPOCH`` (reproducible-builds convention) or else the source file's modification
time, never from the clock, so two builds of the same source give the same bytes.

Both scripts are written out by hand rather than run through the converter: the article's own
conversion rules would otherwise rewrite words of this page (e.g. the page name 朝鲜战争).
"""

from __future__ import annotations

import hashlib
import os
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..conversion.tables import base_table
from ..conversion.variants import NAMES, is_traditional
from ..render import escape

LICENCE_NAME = "CC BY-SA 4.0"
LICENCE_URL = {
    "hans": "https://creativecommons.org/licenses/by-sa/4.0/deed.zh-hans",
    "hant": "https://creativecommons.org/licenses/by-sa/4.0/deed.zh-hant",
}

#: Page paths the plugin adds next to the article's pages.
ABOUT_PATH = "about.md"
PRINT_PATH = "print.md"

#: Every fixed label of the about page, the print page and the PDF, per script.
LABELS: dict[str, dict[str, str]] = {
    "hans": {
        "about": "关于本版",
        "print": "打印版",
        "back": "返回网站",
        "lead": "导言",
        "contents": "目录",
        "source": "来源",
        "licence": "许可协议",
        "date": "构建日期",
        "variant": "文字版本",
        "footnotes": "本节参考资料",
        "backlink": "返回正文",
        "page": "第 {n} 页",
        "cover_kind": "中文维基百科条目学习版",
        "wikipedia": "中文维基百科",
    },
    "hant": {
        "about": "關於本版",
        "print": "列印版",
        "back": "返回網站",
        "lead": "導言",
        "contents": "目錄",
        "source": "來源",
        "licence": "授權條款",
        "date": "建置日期",
        "variant": "文字版本",
        "footnotes": "本節參考資料",
        "backlink": "返回正文",
        "page": "第 {n} 頁",
        "cover_kind": "中文維基百科條目學習版",
        "wikipedia": "中文維基百科",
    },
}


def script_of(variant: str) -> str:
    """``hant`` for traditional variants, else ``hans`` (the key of LABELS)."""
    return "hant" if is_traditional(variant) else "hans"


def labels(variant: str) -> dict[str, str]:
    """The fixed labels in the variant's script."""
    return LABELS[script_of(variant)]


def variant_label(variant: str) -> str:
    """The variant's name in its own script, e.g. 「臺灣正體」."""
    return NAMES[variant][script_of(variant)]


@dataclass(frozen=True)
class EditionFacts:
    """What the about page and the print cover state about this build."""

    title: str  # the page name on zh.wikipedia, unconverted
    source_url: str
    build_date: str  # YYYY-MM-DD, UTC
    source_sha: str  # SHA-256 of the wikitext

    @property
    def history_url(self) -> str:
        """The article's revision history: the list of its authors, as CC BY-SA asks."""
        if not self.title:
            return ""
        return "https://zh.wikipedia.org/w/index.php?" + urllib.parse.urlencode(
            {"title": self.title, "action": "history"}, quote_via=urllib.parse.quote
        )


def build_date(source: str, env: dict[str, str] | None = None) -> str:
    """The build date from SOURCE_DATE_EPOCH, else the source's modification time (UTC, ISO)."""
    env = os.environ if env is None else env
    raw = (env.get("SOURCE_DATE_EPOCH") or "").strip()
    try:
        epoch = int(raw) if raw else int(Path(source).stat().st_mtime)
    except (ValueError, OSError):
        epoch = 0
    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%d")


def edition_facts(source: str, title: str, source_url: str) -> EditionFacts:
    """Collect the facts once per build (the source is read for its checksum)."""
    try:
        sha = hashlib.sha256(Path(source).read_bytes()).hexdigest()
    except OSError:
        sha = ""
    url = source_url or (f"https://zh.wikipedia.org/wiki/{title}" if title else "")
    return EditionFacts(title=title, source_url=url, build_date=build_date(source), source_sha=sha)


def _link(text: str, url: str) -> str:
    # Angle brackets keep spaces and parentheses in the URL intact in Markdown.
    url = url.replace("<", "%3C").replace(">", "%3E").replace("\n", "")
    return f"[{text}](<{url}>)" if url else text


def unknown_templates_markdown(unknown: dict[str, int], lines: dict[str, list[int]], variant: str) -> str:
    """For editors: the templates this edition does not know, with their counts and source lines
    (a section of 关于本版, in the style of the 用词对照 page); empty when there are none.

    *unknown* maps a template name to its number of calls, *lines* to its source lines.
    """
    if not unknown:
        return ""
    hant = script_of(variant) == "hant"
    head = "## 未支援的模板" if hant else "## 未支持的模板"
    intro = ("以下模板本版尚不認識：讀者只看到其單一文字參數或什麼都看不到。供編者參考，依呼叫次數排列。"
             if hant else "以下模板本版尚不认识：读者只看到其单一文字参数或什么都看不到。供编者参考，按调用次数排列。")
    cols = ("| 模板 | 次數 | 原始檔行號 |" if hant else "| 模板 | 次数 | 源文件行号 |")
    rows = [head, "", intro, "", cols, "|---|---:|---|"]
    for name, n in sorted(unknown.items(), key=lambda kv: (-kv[1], kv[0])):
        shown = name.replace("|", "").replace("`", "")  # a template name holds neither
        where = "、".join(str(x) for x in lines.get(name, [])[:20]) or "—"
        rows.append(f"| `{{{{{shown}}}}}` | {n} | {where} |")
    return "\n".join(rows) + "\n"


def about_markdown(facts: EditionFacts, variant: str, variants: list[str],
                   overrides: Sequence[tuple[str, str]] = (), unknown_section: str = "") -> str:
    """The 关于本版 page in the variant's script (Markdown).

    *overrides* are the editor's rules (config ``overrides``: ``(rule, reason)`` pairs); each is
    listed under 编者校订 as written in mkdocs.yml, escaped, with its reason in the page's script.
    *unknown_section* (from :func:`unknown_templates_markdown`) is appended for editors.
    """
    t = labels(variant)
    hant = script_of(variant) == "hant"
    article = _link(f"「{escape.text(facts.title)}」", facts.source_url)  # the name is text
    history = _link("修訂歷史" if hant else "修订历史", facts.history_url)
    licence = _link(LICENCE_NAME, LICENCE_URL[script_of(variant)])
    others = "、".join(variant_label(v) for v in variants)
    sha = f"`{facts.source_sha[:16]}`" if facts.source_sha else "—"
    if hant:
        body = f"""\
本站是{t['wikipedia']}（zh.wikipedia.org）條目{article}的簡繁雙版本學習版。

## 來源與授權

- **原文**：{t['wikipedia']}條目{article}，由維基百科的貢獻者共同撰寫；作者名單見條目的{history}。
- **授權**：原文以創用 CC 姓名標示－相同方式分享 4.0 國際（{licence}）授權釋出；本版的文字同樣以 {LICENCE_NAME} 授權釋出，轉載時請註明出處並採用相同授權。
- **修改聲明**：本版的文字經程式轉換，可能與維基百科上的現行條目不同；錯誤由本版負責，與原作者無關。

## 本版如何製作

1. 讀取條目的維基文字（wikitext），逐節解析並排版為網頁；參考資料與註釋保留為各頁的腳註。
2. 簡繁轉換依照 MediaWiki 的字詞轉換規則：條目內的手動轉換標記（字詞轉換語法）與 noteTA 規則優先，其餘文字再以 OpenCC 詞表轉換為各地區用字。
3. 每個文字版本（{others}）各自建置、各有搜尋索引；頁首的切換按鈕會停留在同一節。
4. [{t['print']}](print.md)收錄全文與各節腳註，可直接列印或存為 PDF。

## 版本資訊

- **{t['variant']}**：{variant_label(variant)}（{variant}）
- **{t['date']}**：{facts.build_date}
- **原始檔 SHA-256**：{sha}
"""
    else:
        body = f"""\
本站是{t['wikipedia']}（zh.wikipedia.org）条目{article}的简繁双版本学习版。

## 来源与许可

- **原文**：{t['wikipedia']}条目{article}，由维基百科的贡献者共同撰写；作者名单见条目的{history}。
- **许可**：原文以知识共享 署名-相同方式共享 4.0 国际（{licence}）许可协议发布；本版的文字同样以 {LICENCE_NAME} 发布，转载时请注明出处并采用相同的许可协议。
- **修改声明**：本版的文字经程序转换，可能与维基百科上的现行条目不同；错误由本版负责，与原作者无关。

## 本版如何制作

1. 读取条目的维基文本（wikitext），逐节解析并排版为网页；参考资料与注释保留为各页的脚注。
2. 简繁转换依照 MediaWiki 的字词转换规则：条目内的手动转换标记（字词转换语法）与 noteTA 规则优先，其余文字再以 OpenCC 词表转换为各地区用字。
3. 每个文字版本（{others}）各自构建、各有搜索索引；页首的切换按钮会停留在同一节。
4. [{t['print']}](print.md)收录全文与各节脚注，可直接打印或保存为 PDF。

## 版本信息

- **{t['variant']}**：{variant_label(variant)}（{variant}）
- **{t['date']}**：{facts.build_date}
- **源文件 SHA-256**：{sha}
"""
    if overrides:
        body += "\n" + _corrections(overrides, hant)
    if unknown_section:
        body += f"\n{unknown_section}"
    return f"# {t['about']}\n\n" + body


def _corrections(overrides: Sequence[tuple[str, str]], hant: bool) -> str:
    """The 编者校订 section: every editor's rule with its reason (Markdown)."""
    if hant:
        lines = ["## 編者校訂", "",
                 "條目自身的轉換規則在以下幾處改錯了字詞（維基百科上同樣如此）。本版加上這些編者規則（在用詞對照頁標為「編者規則」），與條目規則一起套用：", ""]
        none = "（未註明理由）"
    else:
        lines = ["## 编者校订", "",
                 "条目自身的转换规则在以下几处改错了字词（维基百科上同样如此）。本版加上这些编者规则（在用词对照页标为「编者规则」），与条目规则一起应用：", ""]
        none = "（未注明理由）"
    # The reason is written in one script in mkdocs.yml: shown in the page's script by the plain
    # character table (zh-hans/zh-hant, no regional words, no page rules: 北北韓 must stay as quoted).
    table = base_table("zh-hant" if hant else "zh-hans")
    for n, (rule, reason) in enumerate(overrides, 1):
        why = escape.text(table.convert(reason)) if reason else none
        lines.append(f"{n}. <code>{escape.text(rule)}</code>：{why}")
    return "\n".join(lines) + "\n"
