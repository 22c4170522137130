// Typesets the formulas of the edition with the locally vendored KaTeX (never a CDN).
// The renderer emits pymdownx.arithmatex's generic markup: <span class="arithmatex">\(…\)</span>
// and <div class="arithmatex">\[…\]</div>.  Without KaTeX (npm missing at setup, or JavaScript off)
// the TeX source stays on the page, readable.
(function () {
  "use strict";
  var options = {
    delimiters: [
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true }
    ],
    throwOnError: false,
    trust: false,
    strict: "ignore"
  };
  function typeset() {
    if (typeof window.renderMathInElement !== "function") return;
    var nodes = document.querySelectorAll(".arithmatex");
    for (var i = 0; i < nodes.length; i++) window.renderMathInElement(nodes[i], options);
  }
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(typeset);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", typeset);
  } else {
    typeset();
  }
})();
