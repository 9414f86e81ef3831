/* Russian search: point Material's search box at our worker (README «Поиск»). The worker URL comes
   from this script's data-worker attribute (overrides/main.html), so no inline script is needed. */
!function(){var e=document.getElementById("__config"),c=JSON.parse(e.textContent);c.search=document.currentScript.getAttribute("data-worker");e.textContent=JSON.stringify(c)}()
