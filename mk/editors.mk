# Editors' and maintainers' tooling (issue 14): linters, the contact-edit proof, serve speed.
.PHONY: lint typecheck check-contact-edits bench-serve bench-html-parsers bench-tests bench-test-modules

# The shipped scripts: each compiles as what it is (mk/check-scripts.mjs: node's own parser, module or classic
# script), then eslint (eslint.config.mjs, recommended rules) and tsc on the claim builder, «Моё дело» and the
# search engine (tsconfig.json, tsconfig.worker.json). eslint and typescript are pinned in package-lock.json;
# node_modules/.installed (mk/publish.mk) runs `npm ci` when node_modules is missing or older than the lock.
# Every tool runs even when one before it failed, so one run shows every problem.
SHIPPED_JS = $(shell find docs/assets overrides -name '*.js' -type f | sort)
# tsc says «FILE(LINE,COL): error TS2304: …»; the project's problems read «FILE:LINE:COL: … Fix: …».
TSC_AS_PROBLEMS = s/^([^(]+)\(([0-9]+),([0-9]+)\): error (TS[0-9]+): (.*[^.])\.?$$/\1:\2:\3: \5 (\4). Fix: correct the code, or give the value its type in a JSDoc comment/
lint: $(STAMP) node_modules/.installed ## ruff (settings in pyproject.toml); every shipped script: node's parser, eslint, tsc
	@status=0; \
	  $(VENV)/bin/ruff check --quiet || status=1; \
	  node --experimental-vm-modules --no-warnings mk/check-scripts.mjs $(SHIPPED_JS) || status=1; \
	  node_modules/.bin/eslint --max-warnings 0 --format ./mk/eslint-format.mjs --cache --cache-location .cache/eslint/ docs/assets overrides mk || status=1; \
	  for config in tsconfig.json tsconfig.worker.json; do \
	    node_modules/.bin/tsc -p $$config --pretty false | sed -E '$(TSC_AS_PROBLEMS)'; \
	    [ "$${PIPESTATUS[0]}" = 0 ] || status=1; \
	  done; \
	  exit $$status

typecheck: $(STAMP) ## mypy on macros, ozon_help, sitecheck, bench, sitebuild and tests (settings in pyproject.toml)
	$(VENV)/bin/mypy --no-error-summary

CONTACT_EDITS_DIR ?= .cache/contact-edits
check-contact-edits: $(STAMP) ## the non-browser tests on a copy whose every contact value was changed and one retired
	$(PY) -m sitebuild.contact_edits $(CONTACT_EDITS_DIR)
	cd $(CONTACT_EDITS_DIR) && $(abspath $(PY)) -m pytest -m "not browser" -q -p no:cacheprovider $(PYTEST_ADDOPTS) tests

BENCH_SERVE_GUIDES ?= 1000
BENCH_SERVE_SAVES ?= 7
bench-serve: $(STAMP) ## save-to-reload seconds of make serve with 1000 synthetic guides, dirty vs full rebuild (medians)
	$(PY) -m bench.serve --guides $(BENCH_SERVE_GUIDES) --saves $(BENCH_SERVE_SAVES)

bench-html-parsers: sitecheck ## html.parser vs lxml vs selectolax reading the built site; which re-serialise byte for byte
	$(PY) -m bench.html_parsers $(SITECHECK_SITE)

BENCH_TEST_TARGETS ?= check
BENCH_TEST_RUNS ?= 3
bench-tests: $(STAMP) ## wall and CPU seconds of make check (BENCH_TEST_TARGETS="check test" for both), medians of 3
	$(PY) -m bench.test_time --targets $(BENCH_TEST_TARGETS) --runs $(BENCH_TEST_RUNS)

BENCH_TEST_MODULES ?=
bench-test-modules: sitecheck ## CPU seconds of each test module alone, largest first: where make test's time goes
	@$(TEST_SCRATCH) $(PY) -m bench.test_time --modules $(BENCH_TEST_MODULES) --site $(SITECHECK_SITE)
