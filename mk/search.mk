# Search (issues 5 and 16): benchmarks of the Russian search box. They print figures; never pass/fail.
# The engine's tests (tests/js/search-*.test.mjs) run with the other Node tests in `make check`.
.PHONY: bench-search bench-search-stock search-quality accept-search

bench-search: $(STAMP) ## search: hit@1/hit@3 per query set, ms to first results, engine CPU ms; real site + 1000 guides
	$(PY) -m bench.search
	$(PY) -m bench.search --synthetic 1000

bench-search-stock: $(STAMP) ## the same queries with Material's stock lunr search, for comparison
	$(PY) -m bench.search --stock
	$(PY) -m bench.search --stock --synthetic 1000

# Search quality (bench/search_quality.py): `make check` and `make test` run it on the site they build. It
# fails on a guide's `asked:` phrase that finds another page first, and on hit@1 or hit@3 of all queries
# falling more than 3 points below the accepted run; it lists every query whose place moved.
search-quality: $(STAMP) ## search: each guide's asked phrases find it first; hit rate vs the accepted run (on site/)
	$(PY) -m bench.search_quality --site $(SITECHECK_SITE)

accept-search: build ## make the current search figures the accepted run (bench/search-accepted.json); commit it
	$(PY) -m bench.search_quality --site site --accept
