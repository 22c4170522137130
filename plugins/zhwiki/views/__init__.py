"""Views: pages generated from a converted edition, beside the article's own pages.

A view reads what the stages made (the parsed article, its conversion rules and hits, the
converted pages) and writes Markdown or HTML pages of its own; it never feeds back into a stage.

    about       「关于本版」 and the edition facts the print cover shares      (about.py)
    glossary    用词对照: every conversion rule with its word in each variant   (glossary.py)
    review      the rule-hit review and its section of 用词对照                (review.py)
    parallel    简繁对照: both variants side by side, differences marked       (parallel/)
    printpage   the print edition: every page in one HTML document for paper   (printpage.py)
    edition     a variant's edition with its back matter (用词对照 and review)  (edition.py)

Outputs (``outputs/``) and the MkDocs glue (``plugin.py``) import views; views import stages only.
"""
