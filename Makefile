# One command per job. Every target creates .venv from the lockfile first, so a fresh clone works.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
MKDOCS := $(VENV)/bin/mkdocs
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build check test lock schema clean

help:
	@echo "make serve   - serve the site at http://127.0.0.1:8000 with live reload"
	@echo "make build   - strict build into site/"
	@echo "make check   - fast checks, no browser: strict build, data, links, content"
	@echo "make test    - everything, browser tests included (what CI runs)"
	@echo "make schema  - regenerate schemas/contacts.schema.json from macros/contacts_schema.py"
	@echo "make lock    - re-pin requirements.lock from requirements.in"

$(STAMP): requirements.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

serve: $(STAMP)
	$(MKDOCS) serve --dev-addr 127.0.0.1:8000

# Never add -q/--quiet to a strict build: it hides the warnings strict mode counts.
build: $(STAMP)
	$(MKDOCS) build --strict --clean

check: $(STAMP)
	$(PY) -m pytest -m "not browser" tests

test: $(STAMP)
	$(PY) -m pytest tests

schema: $(STAMP)
	$(PY) -m macros.contacts_schema > schemas/contacts.schema.json

lock: $(STAMP)
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile requirements.in -o requirements.lock --generate-hashes --python-version 3.11.7

-include mk/*.mk

clean:
	rm -rf site site-* .pytest_cache
