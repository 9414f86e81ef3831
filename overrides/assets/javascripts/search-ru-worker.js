/*
 * Russian search worker for Material for MkDocs' search box: wires the engine
 * (search-ru-core.js) to Material's worker protocol and nothing else.
 *
 * Material's search box talks to a web worker through four messages (SETUP, READY, QUERY, RESULT)
 * and renders whatever the worker returns. SETUP carries search/search_index.json as
 * ozon/search_ru wrote it: on a web server only its config, which names the file with the
 * entries and the prebuilt index (search_prebuilt.json: this worker fetches it); in the offline
 * copy all of it. The vocabulary comes stemmed, so the worker is ready as soon as it has parsed.
 */

/* global SearchRuCore */

var MESSAGE = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 }
var WARM_SLICE_MS = 8   /* background work between messages: a query waits at most this long */
/* Material sends the reader's first query as soon as the worker is READY: warming starts after that
   answer (or after this long without a query), so the first query never waits behind a slice. */
var WARM_DELAY_MS = 300
var warming = false
var engine = null
var textsRequested = false

/* This script's ?v= (ozon/search_ru hashes worker and engine), passed on to the engine's URL
   so a browser never pairs a new worker with an old engine from its cache. */
var VERSION = String((self.location && self.location.search) || "")

/* Where this script's siblings live. Under the iframe-worker shim (file:// with the offline plugin)
   relative URLs resolve against the page, not this script: take the directory of the script element
   that loaded us. */
function base() {
  if (typeof parent !== "undefined" && parent !== self && "IFrameWorker" in parent) {
    var script = document.querySelector("script[src]")
    VERSION = script.src.indexOf("?") === -1 ? "" : script.src.slice(script.src.indexOf("?"))
    return script.src.slice(0, script.src.lastIndexOf("/") + 1)
  }
  return ""
}

/* The engine and the stemmer load when Material starts the worker (with the page), not when the
   reader turns to search: they are small and cached, and the reader then waits only for the index.
   Under the iframe shim importScripts returns a promise; in a worker it returns at once. */
var loaded = (async function () {
  var here = base()
  await importScripts(here + "search-ru-core.js" + VERSION)
  /* the Snowball Russian stemmer and stop words Material ships (lunr-languages `ru`) */
  self.lunr = SearchRuCore.lunrStandIn()
  await importScripts(here + "lunr/min/lunr.stemmer.support.min.js", here + "lunr/min/lunr.ru.min.js")
  return self.lunr
})()

/* The prebuilt postings and entries come in their own file (ozon/search_ru split_prebuilt),
   fetched in this worker and parsed here, off the page's thread. When the loader imported us on the
   reader's turn to search, it has asked for the file already (self.searchRuPrebuilt), while Material
   downloads its index; the request revalidates (no-cache), and setup() checks its version. */
var PREBUILT_FILE = "search/search_prebuilt.json"

function fetchPrebuilt(url, version) {
  var address = new URL("../../" + url + (version ? "?v=" + version : ""), self.location.href)
  return fetch(address, { cache: version ? "default" : "no-cache" }).then(function (response) {
    if (!response.ok)
      throw new Error("search: " + url + ": HTTP " + response.status)
    return response.json()
  })
}

var early = self.searchRuPrebuilt ? self.searchRuPrebuilt.then(function (response) {
  return response.ok ? response.json() : null
}).catch(function () { return null }) : null

async function setup(data) {
  var lunr = await loaded
  var index = (data.config || {}).search_ru
  var docs = data.docs
  if (index && index.prebuilt) {
    var body = early && index.prebuilt.url === PREBUILT_FILE ? await early : null
    if (!body || body.version !== index.prebuilt.version)
      body = await fetchPrebuilt(index.prebuilt.url, index.prebuilt.version)
    /* the entries came here too (Material's copy is empty), the rest is the prebuilt index */
    var moved = Object.assign({}, body)
    docs = moved.docs || docs
    delete moved.docs
    delete moved.version
    index = Object.assign({}, index, moved)
  }
  engine = SearchRuCore.createEngine(
    { stem: SearchRuCore.stemmerFrom(lunr), stopWords: lunr.stopWords },
    docs, index
  )
}

/* Prepare every word's postings while the reader types, a slice at a time so queries go first. */
function startWarming() {
  if (warming)
    return
  warming = true
  setTimeout(warm, 0)
}

function warm() {
  if (engine && !engine.warm(WARM_SLICE_MS))
    setTimeout(warm, 0)
}

/* The snippets' texts come after the index (ozon/search_ru split_texts): the first results may
   show titles alone. The URL is relative to the site, two folders above this script. */
function fetchTexts() {
  if (!engine.textsUrl)
    return
  fetch(new URL("../../" + engine.textsUrl, self.location.href))
    .then(function (response) { return response.json() })
    .then(function (texts) { engine.addTexts(texts) })
    .catch(function (error) { console.warn("search: snippets unavailable", error) })
}

async function handle(message) {
  switch (message.type) {
    case MESSAGE.SETUP:
      try {
        await setup(message.data)
        setTimeout(startWarming, WARM_DELAY_MS)
      } catch (error) {
        /* an index this engine cannot read (an old copy from a cache): the search box answers
           «nothing found» instead of waiting forever for READY */
        console.error("search: the index could not be loaded", error)
      }
      return { type: MESSAGE.READY }
    case MESSAGE.QUERY:
      /* the snippets' texts (the largest file: 7 MB with a thousand guides) are fetched and parsed
         after the first answer, so parsing them never delays the first results */
      if (engine && !textsRequested) {
        textsRequested = true
        setTimeout(fetchTexts, 0)
      }
      setTimeout(startWarming, 0)
      try {
        return { type: MESSAGE.RESULT, data: engine ? engine.answer(message.data) : { items: [] } }
      } catch (error) {
        console.warn("search failed for query:", message.data, error)
        return { type: MESSAGE.RESULT, data: { items: [] } }
      }
    default:
      throw new TypeError("Invalid message type")
  }
}

addEventListener("message", async function (event) {
  postMessage(await handle(event.data))
})
