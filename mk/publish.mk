# Publishing (issue 17): the artefact, the web server's configuration, a local nginx, Lighthouse.
# dev/publishing.md says how to put dist/ on a static host or behind nginx.
.PHONY: dist preview preview-stop bench-lighthouse pdf
DIST := dist

# Never add -q to the build: quiet mode hides the warnings strict mode counts.
dist: $(STAMP) ## strict build, then dist/site/ (+ .gz/.br twins, _headers), dist/site.zip, dist/manifest.tsv, deploy/nginx.conf
	$(MKDOCS) build --strict --clean -d $(DIST)/build
	$(PY) -m deploy.dist --site $(DIST)/build --out $(DIST)

preview: dist ## serve dist/site/ with nginx on 127.0.0.1 (a free port; state in .cache/preview/); stop with make preview-stop
	$(PY) -m deploy.preview start --site $(DIST)/site

preview-stop: $(STAMP) ## stop the nginx that make preview started
	$(PY) -m deploy.preview stop

# The Node tools (Lighthouse; eslint and typescript for make lint), as package-lock.json pins them.
node_modules/.installed: package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: apt-get install npm (make lint and make bench-lighthouse need it)"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# Figures, never pass/fail: each is the median of 3 runs (BENCH_LH_RUNS) on a shared machine.
BENCH_LH_RUNS ?= 3
bench-lighthouse: dist node_modules/.installed ## Lighthouse 12.2.3 (mobile) on 4 pages served by nginx: scores, LCP/TBT/CLS, medians
	$(PY) -m bench.lighthouse --site $(DIST)/site --runs $(BENCH_LH_RUNS)

# One page on paper, as a reader's Chromium prints it (sitebuild/pdf.py): make pdf PAGE=brak → pdf/brak.pdf
PAGE ?=
PDF_DIR ?= pdf
pdf: build ## print one page to a PDF with Chromium: make pdf PAGE=brak writes pdf/brak.pdf
	@test -n "$(PAGE)" || { echo "make pdf: name the page, like make pdf PAGE=brak (PAGE=index for the home page)"; exit 2; }
	$(PY) -m sitebuild.pdf --site site --page "$(PAGE)" --out-dir $(PDF_DIR)
