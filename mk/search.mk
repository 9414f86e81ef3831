# Search (issues 5 and 16): benchmarks of the Russian search box. They print figures; never pass/fail.
# The engine's tests (tests/js/search-*.test.mjs) run with the other Node tests in `make check`.
.PHONY: bench-search bench-search-stock

bench-search: $(STAMP) ## search: hit@1/hit@3 per query set, ms to first results, engine CPU ms; real site + 1000 guides
	$(PY) -m bench.search
	$(PY) -m bench.search --synthetic 1000

bench-search-stock: $(STAMP) ## the same queries with Material's stock lunr search, for comparison
	$(PY) -m bench.search --stock
	$(PY) -m bench.search --stock --synthetic 1000
