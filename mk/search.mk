# Search (issue 5): benchmark of the Russian search box. Prints figures; never a pass/fail test.
.PHONY: bench-search bench-search-stock

bench-search: $(STAMP)
	$(PY) -m bench.search
	$(PY) -m bench.search --synthetic 1000

# The same query set against Material's stock lunr worker, for comparison.
bench-search-stock: $(STAMP)
	$(PY) -m bench.search --stock
	$(PY) -m bench.search --stock --synthetic 1000
