/* The variant switch keeps the reader's place (issue 13).  Every variant and the 简繁对照 view give a
   heading the same anchor id (s03-4), so a link to the same page in another script only needs the id
   of the heading being read: the last heading whose top has scrolled under the header.  It is added
   when the link is used (click, middle click, keyboard), from http and from file:// alike. */
(function () {
  "use strict";
  var SWITCH = "a.md-select__link[hreflang], a[data-lc-parallel]";

  function headingInView() {
    if (window.scrollY <= 0) return "";  // at the top the reader sees the page title: keep it so
    var header = document.querySelector(".md-header");
    var rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    // a heading reached through its link sits a little below the header (Material's scroll margin)
    var limit = (header ? header.getBoundingClientRect().bottom : 0) + 2.5 * rem;
    var found = "";
    var heads = document.querySelectorAll(
      ".md-content article h1[id], .md-content article h2[id], .md-content article h3[id], " +
      ".md-content article h4[id], .md-content article h5[id], .md-content article h6[id]");
    for (var i = 0; i < heads.length; i++) {
      if (heads[i].getBoundingClientRect().top > limit) break;
      found = heads[i].id;
    }
    return found;
  }

  function keepPlace(event) {
    var link = event.target && event.target.closest ? event.target.closest(SWITCH) : null;
    if (!link) return;
    var href = link.getAttribute("href").split("#")[0];
    var id = headingInView();
    link.setAttribute("href", id ? href + "#" + encodeURIComponent(id) : href);
  }

  document.addEventListener("click", keepPlace, true);
  document.addEventListener("auxclick", keepPlace, true);
  document.addEventListener("contextmenu", keepPlace, true);
})();
