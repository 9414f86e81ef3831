# Search (issue 5): benchmark of the Russian search box. Prints figures; never a pass/fail test.
.PHONY: bench-search bench-search-stock

bench-search: $(STAMP) ## buyers' queries on the real site and 1000 synthetic guides: hit@1, hit@3, ms, index size
	$(PY) -m bench.search
	$(PY) -m bench.search --synthetic 1000

# The same query set against Material's stock lunr worker, for comparison.
bench-search-stock: $(STAMP) ## the same queries with Material's stock lunr search, for comparison
	$(PY) -m bench.search --stock
	$(PY) -m bench.search --stock --synthetic 1000
