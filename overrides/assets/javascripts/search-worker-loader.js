/* Imports the search worker on the first message (hooks/page_assets.py says why). */
"use strict"
addEventListener("message", function first(event) {
  removeEventListener("message", first)
  var name = new URL(location.href).searchParams.get("w") || ""
  if (!/^[\w.-]+\.js(\?v=[\w-]+)?$/.test(name)) throw new TypeError("search worker loader: bad name " + name)
  importScripts(name)
  dispatchEvent(new MessageEvent("message", { data: event.data }))
})
