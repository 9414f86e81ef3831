// The light/dark switch on the booklets (overrides/main.html renders Material's palette form there with
// `data-booklet-palette` instead of `data-md-component="palette"`, so Material does not mount it).
// Why: Material's palette component, on start-up, sets and removes `data-md-color-switching` on <body>
// and writes the `color-scheme` meta, and each of these restyles the whole page. A booklet has over
// 8,000 elements, and on a slow phone those restyles were most of its blocking time (dev/publishing.md).
// This script does what the component does, but at start-up it only shows the right toggle, and it
// repaints the page only when the reader's palette is not the one the page was built with.
// The palette is stored where Material keeps it (`__md_get`/`__md_set`, «__palette»), so every other
// page opens in the palette chosen here, and this page in the one chosen there.
/* global __md_get, __md_set */ // Material's own helpers, defined by its inline script in the page's head
(function () {
  "use strict";

  var form = document.querySelector("form[data-booklet-palette]");
  if (!form || typeof __md_get !== "function") return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name=__palette]"));
  if (!inputs.length) return;

  function colours(input) {
    return {
      media: input.getAttribute("data-md-color-media"),
      scheme: input.getAttribute("data-md-color-scheme"),
      primary: input.getAttribute("data-md-color-primary"),
      accent: input.getAttribute("data-md-color-accent"),
    };
  }

  // Each input's label is the button that switches to the next palette; only the current one shows.
  function showToggleOf(index) {
    inputs.forEach(function (input, i) {
      var label = input.nextElementSibling;
      if (label instanceof HTMLElement) label.hidden = i !== index;
    });
  }

  // Material's meta tags: the browser's own colours (scrollbars, the phone's address bar).
  function updateMeta(name, content) {
    var meta = document.head.querySelector('meta[name="' + name + '"]');
    if (!meta) {
      meta = document.createElement("meta");
      meta.name = name;
      document.head.appendChild(meta);
    }
    meta.content = content;
  }

  function apply(index, remember) {
    var color = colours(inputs[index]);
    var body = document.body;
    var changed = false;  // a colour, not only the media query: the page repaints
    Object.keys(color).forEach(function (key) {
      if (body.getAttribute("data-md-color-" + key) === color[key]) return;
      body.setAttribute("data-md-color-" + key, color[key]);
      if (key !== "media") changed = true;
    });
    inputs[index].checked = true;
    showToggleOf(index);
    if (remember) __md_set("__palette", { index: index, color: color });
    // Material's head script has already painted a stored palette on <body>, so nothing "changed" here; the
    // browser's colours must still follow it (the meta tags are written only when the page is not light).
    var unlit = index !== lightIndex && !document.head.querySelector('meta[name="color-scheme"]');
    if (changed || remember || unlit) {
      var style = getComputedStyle(document.querySelector("[data-md-component=header]") || body);
      updateMeta("color-scheme", style.colorScheme);
      updateMeta("theme-color", style.backgroundColor);
    }
  }

  // The palette a page with no colour meta tags looks like to the browser: the light one.
  var lightIndex = Math.max(0, inputs.findIndex(function (input) {
    return input.getAttribute("data-md-color-scheme") === "default";
  }));

  // The reader's choice, as Material reads it; without one, the palette whose media query matches.
  var stored = __md_get("__palette");
  var index = stored && typeof stored.index === "number" ? stored.index : inputs.findIndex(function (input) {
    return matchMedia(input.getAttribute("data-md-color-media")).matches;
  });
  apply(Math.min(Math.max(index, 0), inputs.length - 1), false);

  form.addEventListener("change", function (event) {
    var i = inputs.indexOf(event.target);
    if (i >= 0) apply(i, true);
  });
})();
