# Consistency checks (sitecheck/, issue 4). See README, «Checks».
#   make check               strict build into site/, `python -m sitecheck --site site`, then pytest
#   make report              contacts not re-checked for 180 days (depends on today: never in CI)
#   make linkcheck-external  do external links answer? (needs the internet: never in CI)
.PHONY: sitecheck report linkcheck-external
SITECHECK_SITE := site

# Never add -q to the build: quiet mode hides the warnings strict mode counts.
sitecheck: $(STAMP)
	$(MKDOCS) build --strict --clean -d $(SITECHECK_SITE)
	$(PY) -m sitecheck --site $(SITECHECK_SITE)

# pytest reuses this fresh build instead of building the same tree again (tests/conftest.py).
check: sitecheck
check: export PREBUILT_SITE := $(abspath $(SITECHECK_SITE))

report: $(STAMP)
	$(PY) -m sitecheck.staleness

linkcheck-external: $(STAMP)
	$(MKDOCS) build --strict --clean -d $(SITECHECK_SITE)
	$(PY) -m sitecheck.linkcheck --site $(SITECHECK_SITE)
