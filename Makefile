# The two commands a newcomer needs:   make run   and   make test
# Each creates its own virtual environment and installs what it needs, at the exact versions
# in constraints.txt (the ones we tested together).
# Debian 12's own python3 is the interpreter a newcomer has; prefer it when it is there.
PYTHON ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
VENV_RUN := .venv
VENV_TEST := .venv-test
VENV_DIST := .venv-dist
SUDO := $(shell test "$$(id -u)" -eq 0 || echo sudo)
PIP_FLAGS := --disable-pip-version-check --quiet --constraint constraints.txt

.PHONY: run test lint fix system-deps system-deps-test system-deps-dist data content-pack bench screenshot \
	constraints icons dist dist-check clean

system-deps:
	bash scripts/install-system-deps.sh --runtime

system-deps-test:
	bash scripts/install-system-deps.sh --test

system-deps-dist:
	bash scripts/install-system-deps.sh --dist

$(VENV_RUN)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV_RUN)
	$(VENV_RUN)/bin/pip install $(PIP_FLAGS) --upgrade pip
	$(VENV_RUN)/bin/pip install $(PIP_FLAGS) -e .
	touch $@

$(VENV_TEST)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV_TEST)
	$(VENV_TEST)/bin/pip install $(PIP_FLAGS) --upgrade pip
	$(VENV_TEST)/bin/pip install $(PIP_FLAGS) -e ".[test,lint]"
	touch $@

# A virtual environment for freezing only: PyInstaller bundles whatever it can import, so this
# one holds the app's dependencies and PyInstaller, and nothing else (packaging/README.md).
$(VENV_DIST)/.installed: pyproject.toml constraints.txt
	rm -rf $(VENV_DIST)
	$(PYTHON) -m venv $(VENV_DIST)
	$(VENV_DIST)/bin/pip install $(PIP_FLAGS) --upgrade pip
	$(VENV_DIST)/bin/pip install $(PIP_FLAGS) ".[dist]"
	touch $@

run: system-deps $(VENV_RUN)/.installed
	$(VENV_RUN)/bin/sirt-desktop

# Runs the whole suite offscreen (the journey and soak tests start their own Xvfb and use xcb).
# Exit 5 (no tests collected) fails like any other error.
test: system-deps-test $(VENV_TEST)/.installed
	QT_QPA_PLATFORM=offscreen $(VENV_TEST)/bin/python -m pytest -p no:cacheprovider --durations=12

# ruff (lint and format), mypy (strict on core, the CLI and about) and the import contracts.
lint: $(VENV_TEST)/.installed
	$(VENV_TEST)/bin/ruff check .
	$(VENV_TEST)/bin/ruff format --check .
	$(VENV_TEST)/bin/mypy
	$(VENV_TEST)/bin/lint-imports

# What ruff can put right by itself: import order, safe fixes, formatting.
fix: $(VENV_TEST)/.installed
	$(VENV_TEST)/bin/ruff check --fix .
	$(VENV_TEST)/bin/ruff format .

# Rebuild resources/data from ../shared/data (see scripts/build_data.py).
data: $(VENV_RUN)/.installed
	$(VENV_RUN)/bin/python scripts/build_data.py

content-pack: $(VENV_RUN)/.installed
	$(VENV_RUN)/bin/python scripts/build_content_pack.py --out dist/content-pack.zip

bench: $(VENV_TEST)/.installed
	$(VENV_TEST)/bin/python bench/startup.py
	$(VENV_TEST)/bin/python bench/lookup.py
	$(VENV_TEST)/bin/python bench/letters.py
	$(VENV_TEST)/bin/python bench/history.py

screenshot: system-deps-test $(VENV_TEST)/.installed
	$(VENV_TEST)/bin/python scripts/screenshot.py --out docs/screenshot.png

# Every platform's icon from resources/icons/sirt-desktop.svg, into build/icons.
icons: $(VENV_DIST)/.installed
	$(VENV_DIST)/bin/python scripts/make_icons.py --out build/icons

# The frozen app (dist/sirt-desktop/) and the Debian/Ubuntu package (dist/sirt-desktop_*.deb).
dist: system-deps-dist $(VENV_DIST)/.installed
	$(VENV_DIST)/bin/python scripts/build_dist.py
	$(PYTHON) scripts/build_deb.py

# The package on a bare Debian 12 (debootstrap): install, use, upgrade, remove. Needs root.
dist-check: dist
	$(SUDO) $(PYTHON) scripts/dist_check.py

# Re-resolve every dependency to the newest allowed version and write constraints.txt.
# Review the diff, run make test, and commit it on its own.
constraints:
	rm -rf .venv-constraints
	$(PYTHON) -m venv .venv-constraints
	.venv-constraints/bin/pip install --disable-pip-version-check --quiet --upgrade pip
	.venv-constraints/bin/pip install --disable-pip-version-check --quiet -e ".[test,lint,postgres,dist]"
	{ sed -n '1,/^# Regenerate/p' constraints.txt; .venv-constraints/bin/pip freeze --exclude-editable --all | grep -v -i -e '^sirt' -e '^setuptools=='; } > constraints.new
	mv constraints.new constraints.txt
	rm -rf .venv-constraints

clean:
	rm -rf $(VENV_RUN) $(VENV_TEST) $(VENV_DIST) build dist *.egg-info
