/* Phones (no hover): tapping a footnote or note marker previews it in place instead of jumping to the
   list at the end of the page.  Material's footnote tooltip (content.footnote.tooltips) opens while the
   marker has focus, so the tap only focuses the marker; a tap anywhere else moves focus and closes it.
   With a mouse, or with a modifier key, the link behaves as a link. */
(function () {
  "use strict";
  var touch = window.matchMedia("(hover: none), (pointer: coarse)");
  document.addEventListener("click", function (event) {
    var target = event.target;
    var link = target && target.closest ? target.closest(".md-typeset a.footnote-ref") : null;
    if (!link || !touch.matches || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    if (document.activeElement === link) link.blur(); else link.focus({ preventScroll: true });
  }, true);
})();
