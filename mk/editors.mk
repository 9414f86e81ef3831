# Editors' and maintainers' tooling (issue 14): linters, the contact-edit proof, serve speed.
.PHONY: lint typecheck check-contact-edits bench-serve bench-html-parsers bench-tests bench-test-modules

lint: $(STAMP) ## ruff: mistakes, unused imports, lines over 120 characters (settings in pyproject.toml)
	$(VENV)/bin/ruff check --quiet

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
