# The two commands a newcomer needs:   make run   and   make test
# Each creates its own virtual environment and installs what it needs, at the exact versions
# in constraints.txt (the ones we tested together).
# Debian 12's own python3 is the interpreter a newcomer has; prefer it when it is there.
PYTHON ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
VENV_RUN := .venv
VENV_TEST := .venv-test
PIP_FLAGS := --disable-pip-version-check --quiet --constraint constraints.txt

.PHONY: run test lint fix system-deps system-deps-test data content-pack bench screenshot constraints clean

system-deps:
	bash scripts/install-system-deps.sh --runtime

system-deps-test:
	bash scripts/install-system-deps.sh --test

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
	rm -rf $(VENV_RUN) $(VENV_TEST) build dist *.egg-info
