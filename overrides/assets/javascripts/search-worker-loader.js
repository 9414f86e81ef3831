/* Search worker loader (hooks/page_assets.py). Material starts its search worker when a page opens;
   most readers never search, so this stand-in costs 0.4 KB instead of the real worker's 6 KB.
   Material's first message (the index) arrives only once the reader turns to search; then the real
   worker is imported from this folder and handed that message. Its name comes from `?w=` and must
   be a plain file name here (optionally `?v=version`): nothing from another folder or origin. */
"use strict"
addEventListener("message", function first(event) {
  removeEventListener("message", first)
  var name = new URL(location.href).searchParams.get("w") || ""
  if (!/^[\w.-]+\.js(\?v=[\w-]+)?$/.test(name)) throw new TypeError("search worker loader: bad worker name " + name)
  importScripts(name)  /* the real worker adds its own message listener */
  dispatchEvent(new MessageEvent("message", { data: event.data }))
})
