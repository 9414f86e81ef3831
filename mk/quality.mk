# Quality budget (issue 8): offline copy and benchmarks. Benchmarks print figures; they never pass or fail.
# Targets (checked by the browser tests in `make test`, measured by the benchmarks):
#   accessibility: axe-core WCAG 2.0/2.1 A+AA, zero violations on every page, light and dark palette
#   third parties: no request to any host but 127.0.0.1 while pages load, search runs, pages print
#   weight:        a guide <= 60 KB gzip before search is opened (issue 17)
#   build:         1000 guides in <= 0.25 x stock Material and < Zensical; t(1000)/t(100) <= 10;
#                  macros/plugins overhead <= 1.15 x the same pages pre-rendered without macros
.PHONY: offline bench-weight bench-build bench-build-hooks bench-instructions

BENCH_VENV := .venv-bench
BENCH_STAMP := $(BENCH_VENV)/.installed

offline: $(STAMP) ## a copy that works from a folder or zip over file://, search included (site-offline/)
	OFFLINE=true $(MKDOCS) build --strict --clean -d site-offline
	rm -f site-offline.zip
	$(PY) -m zipfile -c site-offline.zip site-offline/
	@echo "site-offline/ and site-offline.zip: open index.html from the folder or the unpacked zip"

bench-weight: $(STAMP) ## what a reader downloads for the home page and a guide (bytes, gzip, requests)
	$(MKDOCS) build --strict --clean -d site-bench-weight
	$(PY) -m bench.weight site-bench-weight

# Zensical lives in its own venv: it pins its own Markdown/pymdown versions.
$(BENCH_STAMP): requirements-bench.lock
	test -x $(BENCH_VENV)/bin/python || python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-bench.lock
	touch $@

bench-lock: $(STAMP) ## re-pin requirements-bench.lock (Zensical for the build comparison)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-tools.lock
	$(VENV)/bin/uv pip compile requirements-bench.in -o requirements-bench.lock --generate-hashes --python-version 3.11.7

# BENCH_SIZES and BENCH_RUNS can be overridden: make bench-build BENCH_RUNS=1
BENCH_SIZES ?= 100 400 1000
BENCH_RUNS ?= 3
bench-build: $(STAMP) $(BENCH_STAMP) ## build time with 100/400/1000 synthetic guides, four ways side by side (medians)
	$(PY) -m bench.build --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS) --zensical $(BENCH_VENV)/bin/zensical

BENCH_HOOKS_GUIDES ?= 1000
bench-build-hooks: $(STAMP) ## where one build's CPU goes: each hook and plugin, with 1000 synthetic guides
	$(PY) -m bench.build_hooks --guides $(BENCH_HOOKS_GUIDES)

# Instruction counts under valgrind (deterministic on a noisy machine; ~50x slower, so a smaller site).
BENCH_INSTR_SIZE ?= 200
bench-instructions: $(STAMP) ## the build comparison as valgrind instruction counts (steady on a busy machine)
	$(PY) -m bench.instructions --size $(BENCH_INSTR_SIZE)
