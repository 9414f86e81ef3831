// A table wider than the screen scrolls sideways inside its frame (Material's .md-typeset__scrollwrap).
// Nothing on a phone shows that, so this script writes a hint above each such table and lets the
// keyboard scroll it (tabindex). Recomputed when the window changes size. Without JavaScript the
// tables still scroll; only the hint is missing.
(function () {
  "use strict";

  var WIDE = "is-wide";
  var HINT = "wide-table-hint";
  var HINT_TEXT = "Таблица шире экрана: сдвиньте её влево, чтобы увидеть остальные столбцы.";

  function hintBefore(wrap) {
    var previous = wrap.previousElementSibling;
    return previous && previous.classList.contains(HINT) ? previous : null;
  }

  function isWide(wrap) {
    return wrap.scrollWidth > wrap.clientWidth + 1;
  }

  function update(wrap, wide) {
    var hint = hintBefore(wrap);
    wrap.classList.toggle(WIDE, wide);
    if (wide) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Таблица, прокручивается вбок");
      if (!hint) {
        hint = document.createElement("p");
        hint.className = HINT;
        hint.setAttribute("aria-hidden", "true"); // the region's label says it to screen readers
        hint.textContent = HINT_TEXT;
        wrap.parentNode.insertBefore(hint, wrap);
      }
    } else {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
      if (hint) hint.remove();
    }
  }

  var FRAMES = ".md-typeset .md-typeset__scrollwrap";

  // A table in a part of the page the browser does not lay out yet (the booklet's chapters far from
  // the screen: content-visibility in booklet.css) is measured when that part comes near the screen:
  // measuring it now would make the browser lay out the whole booklet at once.
  function laidOut(wrap) {
    return typeof wrap.checkVisibility !== "function" || wrap.checkVisibility({ contentVisibilityAuto: true });
  }

  // Every frame is measured before any is changed: a change between two measurements makes the
  // browser lay out the page again for the next one, once per table.
  function updateWithin(root) {
    var wraps = Array.prototype.slice.call(root.querySelectorAll(FRAMES)).filter(laidOut);
    var wide = wraps.map(isWide);
    wraps.forEach(function (wrap, i) { update(wrap, wide[i]); });
  }

  function updateAll() { updateWithin(document); }

  // The event does not bubble: listen in the capture phase to hear it from every chapter.
  document.addEventListener("contentvisibilityautostatechange", function (event) {
    if (!event.skipped && event.target instanceof Element) updateWithin(event.target);
  }, true);

  var pending = false;
  function onResize() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; updateAll(); });
  }

  // Material wraps plain tables in their frames on its document$ signal; run after it, and again
  // once fonts and images have settled the layout.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(updateAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", updateAll);
  else updateAll();
  window.addEventListener("load", updateAll);
  window.addEventListener("resize", onResize);
})();
