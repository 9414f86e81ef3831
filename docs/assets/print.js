// Print buttons. Without JavaScript they stay hidden: the browser's own «Print» still works,
// and print.css alone gives the clean printout.
(function () {
  "use strict";

  var LETTER_ONLY = "print-letter-only"; // on <body>: print.css hides all but the chosen letter
  var CHOSEN = "print-letter-chosen";    // on the chosen .letter
  var PATH = "print-letter-path";        // on every ancestor of it, so only their other children hide

  function clearLetterMode() {
    document.body.classList.remove(LETTER_ONLY);
    document.querySelectorAll("." + CHOSEN + ", ." + PATH).forEach(function (el) {
      el.classList.remove(CHOSEN, PATH);
    });
  }

  function printLetter(letter) {
    clearLetterMode();
    letter.classList.add(CHOSEN);
    for (var el = letter.parentElement; el; el = el.parentElement) el.classList.add(PATH);
    document.body.classList.add(LETTER_ONLY);
    window.print();
  }

  function setUp() {
    document.querySelectorAll("[data-print-actions]").forEach(function (box) {
      // Below the page's title, not above it: on a phone the title is what the reader looks for first.
      var title = box.parentNode && box.parentNode.querySelector("h1");
      if (title && title.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_PRECEDING) title.after(box);
      box.hidden = false;
    });
    document.querySelectorAll("[data-print-page]").forEach(function (button) {
      button.hidden = false; // a booklet's button sits next to its PDF link, which needs no script
      button.addEventListener("click", function () { clearLetterMode(); window.print(); });
    });
    document.querySelectorAll(".md-content .letter").forEach(function (letter) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button print-letter-button";
      button.textContent = "Распечатать только письмо";
      button.addEventListener("click", function () { printLetter(letter); });
      letter.parentNode.insertBefore(button, letter);
    });
    // Printing the whole page again (Ctrl+P) after a letter must give the whole page.
    window.addEventListener("afterprint", clearLetterMode);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
