/* Russian search: point Material's search box at our worker (README «Поиск»). The worker URL comes
   from this script's data-worker attribute (overrides/main.html), so no inline script is needed.
   Behind the loader (hooks/page_assets.py) the URL gets a random ?turn= id: when the reader turns to
   search (search-defer.js fires "search-ru:turn"), the id goes out on a BroadcastChannel and the
   loader imports the worker at once, while the index downloads. Other tabs' loaders ignore the id. */
!function () {
  var config = document.getElementById("__config")
  var parsed = JSON.parse(config.textContent)
  var worker = document.currentScript.getAttribute("data-worker")
  if (/search-worker-loader\.js\?/.test(worker) && typeof BroadcastChannel !== "undefined") {
    var id = Math.random().toString(36).slice(2)
    worker += "&turn=" + id
    document.addEventListener("search-ru:turn", function () {
      var channel = new BroadcastChannel("search-ru")
      channel.postMessage(id)
      channel.close()
    })
  }
  parsed.search = worker
  config.textContent = JSON.stringify(parsed)
}()
