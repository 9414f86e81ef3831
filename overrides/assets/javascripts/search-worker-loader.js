/* Imports the search worker on the first message (hooks/page_assets.py says why), or earlier: when
   the page says the reader turned to search (search-ru-config.js posts this loader's ?turn= id on
   the "search-ru" BroadcastChannel), so the worker, its engine and the stemmer load while the index
   downloads instead of after it, and the prebuilt index (the largest file) is asked for first. */
"use strict"
var params = new URL(location.href).searchParams
var imported = false
var channel = null

function load() {
  if (imported)
    return
  imported = true
  var name = params.get("w") || ""
  if (!/^[\w.-]+\.js(\?v=[\w-]+)?$/.test(name)) throw new TypeError("search worker loader: bad name " + name)
  importScripts(name)
}

if (params.get("turn") && typeof BroadcastChannel !== "undefined") {
  channel = new BroadcastChannel("search-ru")
  channel.onmessage = function (event) {
    if (event.data === params.get("turn")) {
      channel.close()
      self.searchRuTurn = true
      /* the postings and entries (the largest download) are asked for before the worker's scripts,
         which importScripts loads one after the other: they arrive while those load. The worker
         (search-ru-worker.js PREBUILT_FILE) checks the version against the index. */
      if (/^https?:$/.test(location.protocol))  /* the offline copy keeps it inside its index */
        self.searchRuPrebuilt = fetch(new URL("../../search/search_prebuilt.json", location.href), { cache: "no-cache" })
          .then(function (response) { return response.ok ? response.json() : null })
          .catch(function () { return null })
      load()
    }
  }
}

addEventListener("message", function first(event) {
  removeEventListener("message", first)
  if (channel) channel.close()
  if (imported)
    return  /* the worker imported on the turn listens itself and has this message already */
  load()
  dispatchEvent(new MessageEvent("message", { data: event.data }))
})
