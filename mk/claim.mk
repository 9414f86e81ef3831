# Claim builder (docs/konstruktor-pretenzii.md): unit tests of its JavaScript, run by Node's own
# test runner (explicit file list: Node 18 to 22 read a directory argument differently); no npm packages.
NODE ?= node
.PHONY: test-claim-js
test-claim-js: ## the claim builder's JavaScript tests (node --test tests/js: terms, calendar, penalties, letters, .ics)
	@command -v $(NODE) >/dev/null || { echo "node is missing: apt-get install nodejs (.ci/run does this)"; exit 1; }
	@mkdir -p $(RESULTS)
	$(NODE) --test $(NODE_TEST_FLAGS) $(sort $(wildcard tests/js/*.test.mjs))

# `make test` and `make check` run the same files beside their other steps (Makefile, run_tests).
