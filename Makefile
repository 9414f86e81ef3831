# One command per job. Every target creates .venv from the lockfile first, so a fresh clone works.
# `make help` lists every target of this file and mk/*.mk from the `## what it does` comment on its line.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# mkdocs.yml is checked before MkDocs reads it (and runs any Python tag in it): ozon_help/plugins/config_guard/.
# `python -m mkdocs` puts the project folder first on the import path, so the plugins import its macros/.
MKDOCS := $(PY) -m ozon_help.plugins.config_guard --exec $(PY) -m mkdocs
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
# Let Python keep compiled modules (__pycache__/, ignored by git) even where the environment says not to
# (PYTHONDONTWRITEBYTECODE): otherwise every test process compiles the project and rewrites every test's
# asserts again, a few seconds of each `make check`.
export PYTHONDONTWRITEBYTECODE :=

# Results of the test runners, read by sitebuild/test_summary.py for the one closing line.
RESULTS := .cache/test-results
PYTEST_XML := $(RESULTS)/pytest.xml
# For every `node --test` target (mk/*.mk): dots on screen, TAP for the summary in $(RESULTS)/<target>.tap.
NODE_TEST_FLAGS = --test-reporter=dot --test-reporter-destination=stdout --test-reporter=tap --test-reporter-destination=$(RESULTS)/$@.tap

.PHONY: help serve build check test lock schema clean lint typecheck

help: ## list every target with what it does
	@grep -hE '^[a-zA-Z0-9_.-]+:[^=]*## ' $(MAKEFILE_LIST) \
	  | awk 'BEGIN { FS = ":[^#]*## " } !seen[$$1]++ { printf "  make %-22s %s\n", $$1, $$2 }'

# The project's own package (ozon_help/: the MkDocs plugins, found by their entry points in pyproject.toml)
# is installed editable, so an edit of its code needs no reinstall; a change to pyproject.toml (a new
# plugin's entry point) does.
$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@mkdir -p $(RESULTS)
	touch $@

# --dirty with the ozon/serve_dirty plugin: a saved guide re-renders alone (and the home page with it); a change
# to data/, macros/, ozon_help/, overrides/ or mkdocs.yml rebuilds everything.
serve: $(STAMP) ## serve the site at http://127.0.0.1:8000; a saved page shows in about a second
	$(MKDOCS) serve --dev-addr 127.0.0.1:8000 --dirty

# Never add -q/--quiet to a strict build: it hides the warnings strict mode counts.
build: $(STAMP) ## strict build into site/ (any broken link, anchor, macro or contact stops it)
	$(MKDOCS) build --strict --clean

# node's tests (tests/js) run beside the rest, their TAP to the summary, their own report shown only when
# one of them fails. Those that read the real site's search index (they call realSiteIndexPath) start
# once the build is there; the others start at once. Each group runs in one node process (tests/js/run.mjs):
# `node --test` would start one per file, and node's start-up was six sevenths of their CPU time.
JS_SITE_TESTS = $(shell grep -l realSiteIndexPath tests/js/*.test.mjs)
JS_OWN_TESTS = $(filter-out $(JS_SITE_TESTS),$(sort $(wildcard tests/js/*.test.mjs)))
# docs/assets/*.js are ES modules in a package.json without "type" (the site ships them as they are); node
# says so once per file, which only `node --test`'s per-file processes used to hide.
node_run = node --disable-warning=MODULE_TYPELESS_PACKAGE_JSON --test-reporter=dot \
  --test-reporter-destination=$(RESULTS)/node-$(1).txt --test-reporter=tap \
  --test-reporter-destination=$(RESULTS)/node-$(1).tap tests/js/run.mjs $(2)
NODE_START = mkdir -p $(RESULTS); rm -f $(RESULTS)/*.tap $(RESULTS)/node-*.txt; \
  $(call node_run,own,$(JS_OWN_TESTS)) & own=$$!
NODE_SITE = $(call node_run,site,$(JS_SITE_TESTS)) & site=$$!
NODE_WAIT = node_status=0; for job in $$own $$site; do wait $$job || node_status=1; done; \
  if [ $$node_status != 0 ]; then cat $(RESULTS)/node-*.txt; status=1; fi
SUMMARY = $(PY) -m sitebuild.test_summary --pytest-xml $(PYTEST_XML) --node-tap $(RESULTS)/node-own.tap $(RESULTS)/node-site.tap
# The tests write some 30,000 small files a run (project copies, broken builds); on the project's disk the
# kernel's file work costs about a quarter of `make check`. So their scratch folder (TMPDIR) is on tmpfs when
# /dev/shm has room (2 GB free), else the system's; pytest.ini keeps only failed tests' folders.
TEST_TMPDIR := $(shell [ -d /dev/shm ] && [ -w /dev/shm ] \
  && [ "$$(df --output=avail -BG /dev/shm 2>/dev/null | tail -n 1 | tr -dc 0-9)" -ge 2 ] 2>/dev/null \
  && echo /dev/shm/ozon-help-tests)
# Shell words that put the tests' scratch folder there, for every recipe that runs tests.
TEST_SCRATCH = $(if $(TEST_TMPDIR),mkdir -p $(TEST_TMPDIR); export TMPDIR=$(TEST_TMPDIR);)
# Side by side: the make targets $(1) (lint and types; their output is kept and shown at the end, a failure
# there fails the run), `make sitecheck` (the strict build into site/, then the checker), pytest with the
# options $(2), and node's tests; one run shows every problem. lint and mypy used to run first, alone: with
# mypy's cache they take under a second, without it (a fresh clone, a changed module) ten, while a core idled.
# A test that needs the built site waits until SITE_READY holds sitecheck's exit status (tests/conftest.py);
# node's tests of the real site start then, and so does search quality (bench/search_quality.py), whose
# report always shows: the figures and every query whose place moved since the accepted run. A failed build
# or sitecheck stops the tests at once and shows its output; a passed one shows it after pytest's. Then one
# summary. pytest runs in a process group of its own (setsid), so its workers and their build servers stop
# with it, on Ctrl-C too.
QUALITY_LOG := $(RESULTS)/search-quality.txt
QUALITY_START = $(PY) -m bench.search_quality --site $(SITECHECK_SITE) > $(QUALITY_LOG) 2>&1 & quality=$$!
QUALITY_WAIT = wait $$quality || status=1; cat $(QUALITY_LOG)
SITE_READY := $(RESULTS)/sitecheck.status
SITE_LOG := $(RESULTS)/sitecheck.txt
CODE_LOG := $(RESULTS)/lint-and-types.txt
CODE_WAIT = code_status=0; if [ -n "$$code" ]; then wait $$code || code_status=1; \
  if [ -s $(CODE_LOG) ]; then echo; cat $(CODE_LOG); fi; fi
define run_tests
@$(TEST_SCRATCH) $(NODE_START); $(if $(1),$(MAKE) --no-print-directory -k $(1) > $(CODE_LOG) 2>&1 & code=$$!,code=); \
  rm -f $(SITE_READY); { $(MAKE) --no-print-directory sitecheck > $(SITE_LOG) 2>&1; echo $$? > $(SITE_READY).new; \
  mv $(SITE_READY).new $(SITE_READY); } & built=$$!; \
  SITE_READY=$(abspath $(SITE_READY)) setsid $(PY) -m pytest $(2) --junitxml=$(PYTEST_XML) -q tests & tests=$$!; \
  trap 'kill -- -$$tests 2>/dev/null; exit 130' INT TERM; wait $$built; \
  if [ "$$(cat $(SITE_READY))" != 0 ]; then kill -- -$$tests 2>/dev/null; kill $$own 2>/dev/null; $(CODE_WAIT); \
  wait; echo; cat $(SITE_LOG); exit 1; fi; \
  $(NODE_SITE); $(QUALITY_START); wait $$tests; status=$$?; cat $(SITE_LOG); $(NODE_WAIT); $(QUALITY_WAIT); \
  $(CODE_WAIT); $(SUMMARY); \
  [ $$code_status = 0 ] || { echo "lint or typecheck failed (their messages are above the summary)"; status=1; }; \
  exit $$status
endef

# lint and typecheck (mk/editors.mk) run beside the build and the tests (run_tests).
# `machinery` tests (pytest.ini) test the build's own code (caches, build server, git dates, dist, the
# offline copy, builds refusing synthetic bad input): no content edit can break them, so `make check` leaves
# them to `make test` and CI.
check: $(STAMP) ## the fast checks, no browser: lint, types, strict build, sitecheck, pytest, node tests, search quality
	$(call run_tests,lint typecheck,-m "not browser and not machinery")

# lint and typecheck run here too: CI runs this target, so code that ruff, mypy, eslint or tsc refuses never lands.
# node_modules/.installed first: the accessibility tests read axe-core from it (tests/site_pages.py).
test: $(STAMP) node_modules/.installed ## everything: lint, types, browser tests included (what CI runs via .ci/run)
	$(call run_tests,lint typecheck,)

# Like `make check`: reuse the strict build sitecheck just made, and spread the tests over every core.
# Two workers a core: a browser test spends most of its time waiting for pages, which another worker
# fills. --dist loadgroup hands out single tests, so a module's slow tests run side by side; a module
# whose tests share an expensive module fixture marks itself pytest.mark.xdist_group to stay on one worker.
TEST_WORKERS ?= $(shell echo $$(( $$(nproc) * 2 )))
test: export PREBUILT_SITE := $(abspath site)
test: export PYTEST_ADDOPTS := -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ADDOPTS)

schema: $(STAMP) ## regenerate schemas/contacts.schema.json and schemas/law.schema.json after changing their models
	$(PY) -c "from macros.contacts_schema import main; main()" > schemas/contacts.schema.json
	$(PY) -c "from macros.law_schema import main; main()" > schemas/law.schema.json

lock: $(STAMP) ## re-pin requirements.lock after editing requirements.in
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-tools.lock
	$(VENV)/bin/uv pip compile requirements.in -o requirements.lock --generate-hashes --python-version 3.11.7

-include mk/*.mk

clean: ## delete built sites and caches
	rm -rf site site-* .pytest_cache $(RESULTS)
