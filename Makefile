# Makefile for the SQLAlchemy Session guide (modelled on CPython's Doc/Makefile).
# `make html` and `make test` work on a fresh clone: both create the venv first.

PYTHON       = python3
VENVDIR      = .venv
VENVPY       = $(VENVDIR)/bin/python
SPHINXBUILD  = $(VENVDIR)/bin/sphinx-build
PGSERVER     = $(VENVPY) docs/_ext/pgserver.py
SPHINXOPTS   = -W -n --keep-going
BUILDDIR     = _build
SOURCES      = docs
ALLSPHINXOPTS = -c . $(SPHINXOPTS) $(SOURCES)
PYTEST       = $(VENVPY) -m pytest
PYTESTOPTS   = -n auto
PAGE         =
HOST         = 127.0.0.1
PORT         = 8000
BENCHDIR     = .bench
LIGHTHOUSE   = lighthouse@12.8.2
BENCHOPTS    =
WORKFLOWS    = $(wildcard .github/workflows/*.yml)
BROWSERDIR   = docs/_browser
SQLALCHEMY   = $(shell sed -n 's/^sqlalchemy\[asyncio\]==\([^ ]*\).*/\1/p' requirements.txt)

.PHONY: help venv browser html doctest test check-page record inventory check serve livehtml clean \
	clean-venv bench offline-test

help:
	@echo "Please use \`make <target>' where <target> is one of"
	@echo "  venv       create $(VENVDIR) and install requirements.txt (re-run when it changes)"
	@echo "  browser    install Pyodide (npm ci) and the wheels it runs (pip download) into $(BROWSERDIR)"
	@echo "  html       build the site into $(BUILDDIR)/html (zero warnings allowed)"
	@echo "  doctest    run every snippet cell shown on a page and compare its output (PostgreSQL"
	@echo "             snippets on a throwaway server if PostgreSQL is installed)"
	@echo "  test       run every test in tests/ (snippets, doctest, coverage, build, browser)"
	@echo "  check-page PAGE=<page>: build, doctest that page, run its snippets standalone (seconds)"
	@echo "  record     print the directives for SNIPPET=snippets/<page>/<x>.py with its real output"
	@echo "  inventory  rebuild docs/_intersphinx/sqlalchemy.inv from the pinned sdist (network)"
	@echo "  check      lint: sphinx-lint for docs/, ruff for snippets/, extensions, tests;"
	@echo "             actionlint (with shellcheck) for .github/workflows/"
	@echo "  offline-test make html test with no network at all (root: unshare -n, loopback only)"
	@echo "  bench      Lighthouse scores of every page and build/test wall times (network once;"
	@echo "             BENCHOPTS=--times-only skips Lighthouse)"
	@echo "  serve      serve $(BUILDDIR)/html on http://$(HOST):$(PORT)/"
	@echo "  livehtml   rebuild and reload the browser on every change (sphinx-autobuild)"
	@echo "  clean      remove $(BUILDDIR)"
	@echo "  clean-venv remove $(VENVDIR)"

# The stamp is newer than requirements.txt once the venv matches it.
venv: $(VENVDIR)/.installed
$(VENVDIR)/.installed: requirements.txt
	@test -x $(VENVPY) || $(PYTHON) -m venv $(VENVDIR)
	$(VENVPY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

# What the 运行 buttons run in a reader's browser, served by the site itself: Pyodide from
# the pinned npm package and the hash-checked wheels of wheels.txt. Installed once, and again
# when the lock file, the pins or purewheel.py change (the stamp is newer than all once installed).
# BROWSER_SDISTS have no py3-none-any wheel on PyPI: pip fetches their pinned sdist instead (its
# hash is in wheels.txt; pip prepares its metadata, running its setup.py in an isolated build
# environment with the build backend it names, fetched from PyPI, but compiles nothing), and
# purewheel.py packs its pure-Python package into a py3-none-any wheel.
BROWSER_SDISTS = markupsafe
browser: $(BROWSERDIR)/node_modules/.installed
$(BROWSERDIR)/node_modules/.installed: $(BROWSERDIR)/package-lock.json $(BROWSERDIR)/wheels.txt \
		docs/_ext/purewheel.py $(VENVDIR)/.installed
	npm ci --prefix $(BROWSERDIR) --no-audit --no-fund --silent
	rm -rf $(BROWSERDIR)/wheels
	$(VENVPY) -m pip download --quiet --disable-pip-version-check --no-deps --only-binary :all: \
		--no-binary $(BROWSER_SDISTS) \
		--platform any --python-version 3.14 --implementation py --abi none \
		--require-hashes -r $(BROWSERDIR)/wheels.txt -d $(BROWSERDIR)/wheels
	$(VENVPY) docs/_ext/purewheel.py $(BROWSERDIR)/wheels
	@touch $@

html: venv browser
	$(SPHINXBUILD) -b html $(ALLSPHINXOPTS) $(BUILDDIR)/html
	@echo "Build finished: open $(BUILDDIR)/html/index.html"

doctest: venv
	$(PGSERVER) $(SPHINXBUILD) -b doctest $(ALLSPHINXOPTS) $(BUILDDIR)/doctest

test: venv browser
	$(PYTEST) $(PYTESTOPTS) tests

# The author's loop for one page: the incremental HTML build (zero warnings, every page's
# snippet checks), the doctest of that page alone, and its snippets run standalone.
check-page: venv browser
	@test -n "$(PAGE)" -a -f "$(SOURCES)/$(PAGE).rst" || \
		{ echo "usage: make check-page PAGE=<page>, one of: $(basename $(notdir $(wildcard $(SOURCES)/*.rst)))"; exit 2; }
	$(SPHINXBUILD) -b html -q $(ALLSPHINXOPTS) $(BUILDDIR)/html
	$(PGSERVER) $(SPHINXBUILD) -b doctest -q $(ALLSPHINXOPTS) $(BUILDDIR)/doctest $(SOURCES)/$(PAGE).rst
	$(PYTEST) -q -n auto tests/test_snippets.py -k "$(PAGE)"

record: venv
	@test -n "$(SNIPPET)" || { echo "usage: make record SNIPPET=snippets/<page>/<scenario>.py"; exit 2; }
	@$(VENVPY) docs/_ext/record.py $(SNIPPET)

inventory: venv
	$(VENVPY) -m pip download --quiet --no-deps --no-binary :all: \
		sqlalchemy==$(SQLALCHEMY) -d $(BUILDDIR)/sdist
	$(VENVPY) docs/_intersphinx/build_inventory.py \
		$(BUILDDIR)/sdist/sqlalchemy-$(SQLALCHEMY).tar.gz $(SQLALCHEMY)

check: venv
	$(VENVDIR)/bin/sphinx-lint $(SOURCES)
	$(VENVDIR)/bin/ruff check snippets docs/_ext tests conf.py
	$(VENVDIR)/bin/ruff format --check snippets docs/_ext tests conf.py
	$(VENVDIR)/bin/actionlint -shellcheck $(VENVDIR)/bin/shellcheck -pyflakes '' $(WORKFLOWS)

# A fresh network namespace with only loopback up: nothing may come from outside.
offline-test: venv
	unshare -n sh -c 'ip link set lo up && $(MAKE) html test'

# Lighthouse (pinned, from npm, into $(BENCHDIR)) against every page of a separate
# build, next to the official session_basics.html shipped in the pinned SQLAlchemy sdist.
bench: venv browser
	@npm ls --prefix $(BENCHDIR) $(LIGHTHOUSE) >/dev/null 2>&1 || \
		npm install --prefix $(BENCHDIR) --no-audit --no-fund --silent $(LIGHTHOUSE)
	@test -f $(BENCHDIR)/sqlalchemy-$(SQLALCHEMY).tar.gz || $(VENVPY) -m pip download \
		--quiet --no-deps --no-binary :all: sqlalchemy==$(SQLALCHEMY) -d $(BENCHDIR)
	$(VENVPY) tests/bench.py $(BENCHDIR) $(BENCHDIR)/node_modules/lighthouse/cli/index.js \
		$(BENCHDIR)/sqlalchemy-$(SQLALCHEMY).tar.gz $(BENCHOPTS)

serve: html
	$(VENVPY) -m http.server --bind $(HOST) --directory $(BUILDDIR)/html $(PORT)

livehtml: venv browser
	$(VENVDIR)/bin/sphinx-autobuild --host $(HOST) --port $(PORT) --watch snippets \
		$(ALLSPHINXOPTS) $(BUILDDIR)/html

clean:
	rm -rf $(BUILDDIR)

clean-venv:
	rm -rf $(VENVDIR)
