// «Скопировать сообщение» under each ready-to-send chat message (<div class="chat-message" markdown>).
// The reader pastes it into Ozon's chat and fills in the gaps. Without JavaScript there is no button;
// the text can still be selected by hand. Nothing is sent anywhere: the text goes to the clipboard.
(function () {
  "use strict";

  var LABEL = "Скопировать сообщение";
  var DONE = "Скопировано";
  var FAILED = "Не получилось. Выделите текст и скопируйте его сами.";
  var RESET_MS = 3000;

  // The message as one paragraph per paragraph: the line breaks of the page's source are not the
  // reader's, so they become spaces.
  function messageText(box) {
    var quote = box.querySelector("blockquote") || box;
    var paragraphs = [];
    quote.querySelectorAll("p").forEach(function (p) {
      paragraphs.push(p.textContent.replace(/\s+/g, " ").trim());
    });
    return paragraphs.length ? paragraphs.join("\n\n") : quote.textContent.replace(/\s+/g, " ").trim();
  }

  // Older browsers, or a page not served over https: select the text in a hidden field and copy.
  function copyWithSelection(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "copy-message__buffer";
    document.body.appendChild(field);
    field.select();
    var copied;
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
    field.remove();
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyWithSelection(text); });
    }
    return copyWithSelection(text);
  }

  function setUp(box) {
    if (box.querySelector(".copy-button")) return;
    var row = document.createElement("p");
    row.className = "copy-message";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button copy-button";
    button.textContent = LABEL;
    var status = document.createElement("span");
    status.className = "copy-message__status";
    status.setAttribute("role", "status"); // screen readers hear «Скопировано» without losing focus
    row.appendChild(button);
    row.appendChild(status);
    box.appendChild(row);

    var timer = null;
    button.addEventListener("click", function () {
      copy(messageText(box)).then(
        function () { status.textContent = DONE; button.classList.add("copy-button--done"); },
        function () { status.textContent = FAILED; }
      ).then(function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
          status.textContent = "";
          button.classList.remove("copy-button--done");
        }, RESET_MS);
      });
    });
  }

  function setUpAll() {
    document.querySelectorAll(".md-content .chat-message").forEach(setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
