/* Russian search, set up before Material's bundle runs (overrides/main.html). One file, not inline:
   the Content-Security-Policy runs no inline script without a hash (ozon/csp); one file, not two:
   a guide downloads as little as it can before search (dev/publishing.md).

   1. The search index is the largest download of a page. Material requests it (by XHR) as soon as
      the page opens; hold that request until the reader turns to search (hover, focus, the search
      toggle, or a ?q= or ?h= link from a search result, whose words the page highlights), so a guide
      costs only what it shows. On the turn it fires "search-ru:turn".
   2. Point Material's search box at our worker (EDITING.md «Search» and dev/search.md). The worker URL comes from this
      script's data-worker attribute. Behind the loader (ozon/page_assets) the URL gets a random
      ?turn= id: on "search-ru:turn" the id goes out on a BroadcastChannel and the loader imports the
      worker at once, while the index downloads. Other tabs' loaders ignore the id. */
/* 0. A query is at most MAX_QUERY_CHARS characters (the same bound as search-ru-core.js and the
      search box's maxlength): a link with a 13 KB ?q= or ?h= froze the tab for 18 s in Material's
      highlighting. Cut here, before Material reads the address (on DOMContentLoaded). */
!function(){var MAX_QUERY_CHARS=200,u=new URL(location.href),cut=!1;["q","h"].forEach(function(k){var v=u.searchParams.get(k);if(v!==null&&v.length>MAX_QUERY_CHARS){u.searchParams.set(k,v.slice(0,MAX_QUERY_CHARS));cut=!0}});if(cut)history.replaceState(history.state,"",u.href)}()
!function(){var o=XMLHttpRequest.prototype.open,s=XMLHttpRequest.prototype.send,w=[],go=!1;function start(){if(go)return;go=!0;w.splice(0).forEach(function(f){f()});document.dispatchEvent(new Event("search-ru:turn"))}XMLHttpRequest.prototype.open=function(m,u){this.__searchIndex=/search\/search_index\.json(\?|$)/.test(String(u));return o.apply(this,arguments)};XMLHttpRequest.prototype.send=function(){var x=this,a=arguments;if(x.__searchIndex&&!go){w.push(function(){s.apply(x,a)});return}return s.apply(x,a)};if(/[?&](q|h)=/.test(location.search))go=!0;document.addEventListener("focusin",function(e){e.target.closest&&e.target.closest(".md-search")&&start()},!0);document.addEventListener("pointerover",function(e){e.target.closest&&e.target.closest(".md-search, label[for=__search]")&&start()},!0);document.addEventListener("change",function(e){e.target.id==="__search"&&start()},!0)}()
!function () {
  // Only Material's own block: an element of the page that took the id too is never read.
  var found = document.querySelectorAll('[id="__config"]')
  if (found.length !== 1 || !found[0].matches('script[type="application/json"]')) return
  var config = found[0]
  var parsed = JSON.parse(config.textContent)
  var worker = document.currentScript && document.currentScript.getAttribute("data-worker")
  if (!worker) return
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
