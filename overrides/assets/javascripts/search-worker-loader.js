/* Imports the search worker on the first message (ozon/page_assets says why), or earlier: when
   the page says the reader turned to search (search-ru-config.js posts this loader's ?turn= id on
   the "search-ru" BroadcastChannel), so the worker, its engine and the stemmer load while the index
   downloads instead of after it, and the prebuilt index (the largest file) is asked for first. */
"use strict"
var params = new URL(location.href).searchParams
var imported = false
var channel

function load() {
  if (imported)
    return
  imported = true
  var name = params.get("w") || ""
  if (!/^[\w.-]+\.js(\?v=[\w-]+)?$/.test(name)) throw new TypeError("search worker loader: bad name " + name)
  importScripts(name)
}

if (params.get("turn") && self.BroadcastChannel) {
  channel = new BroadcastChannel("search-ru")
  channel.onmessage = function (event) {
    if (event.data === params.get("turn")) {
      channel.close()
      /* the prebuilt index, the largest file, is asked for before importScripts loads the worker's
         scripts one by one (search-ru-worker.js reads and checks it). The offline copy has no
         loader (ozon/page_assets) and keeps that index inside its own. */
      self.searchRuPrebuilt = fetch("../../search/search_prebuilt.json", { cache: "no-cache" })
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
