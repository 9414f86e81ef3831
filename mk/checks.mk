# Consistency checks (sitecheck/, issue 4). See README, «Checks».
#   make check               lint and types, then the strict build and `python -m sitecheck` beside pytest
#   make report              contacts not re-checked for 180 days (depends on today: never in CI)
#   make linkcheck-external  do external links answer? (needs the internet: never in CI)
.PHONY: sitecheck report linkcheck-external
SITECHECK_SITE := site

# Never add -q to the build: quiet mode hides the warnings strict mode counts. When the build fails, the checks
# that read only the sources run anyway, so one run shows the content problems too (citations, known errors,
# hand-typed contacts, references), not only what stopped the build.
sitecheck: $(STAMP) ## strict build into site/, then `python -m sitecheck --site site` (the source checks if it fails)
	@echo "$(MKDOCS) build --strict --clean -d $(SITECHECK_SITE)"; \
	if $(MKDOCS) build --strict --clean -d $(SITECHECK_SITE); then $(PY) -m sitecheck --site $(SITECHECK_SITE); \
	else echo; echo "The build failed (above). The checks that read the sources say:"; $(PY) -m sitecheck; exit 1; fi

# `make check` runs sitecheck beside pytest (Makefile, run_tests); pytest waits for this fresh build and
# reuses it instead of building the same tree again (tests/conftest.py, prebuilt_site), and spreads the
# tests over every core (pytest-xdist): most of their time is strict builds of broken copies.
check: export PREBUILT_SITE := $(abspath $(SITECHECK_SITE))
check: export PYTEST_ADDOPTS := -n auto --dist loadgroup $(PYTEST_ADDOPTS)

report: $(STAMP) ## live contacts not re-checked for 180 days (depends on today: not in CI)
	$(PY) -m sitecheck.staleness

linkcheck-external: $(STAMP) ## do the external links still answer? (needs the internet: not in CI)
	$(MKDOCS) build --strict --clean -d $(SITECHECK_SITE)
	$(PY) -m sitecheck.linkcheck --site $(SITECHECK_SITE)
