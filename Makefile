# The two commands a newcomer needs:   make run   and   make test
# Each creates its own virtual environment and installs what it needs.
PYTHON ?= python3
VENV_RUN := .venv
VENV_TEST := .venv-test
PIP_FLAGS := --disable-pip-version-check --quiet

.PHONY: run test system-deps system-deps-test data content-pack bench screenshot clean

system-deps:
	bash scripts/install-system-deps.sh --runtime

system-deps-test:
	bash scripts/install-system-deps.sh --test

$(VENV_RUN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV_RUN)
	$(VENV_RUN)/bin/pip install $(PIP_FLAGS) --upgrade pip
	$(VENV_RUN)/bin/pip install $(PIP_FLAGS) -e .
	touch $@

$(VENV_TEST)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV_TEST)
	$(VENV_TEST)/bin/pip install $(PIP_FLAGS) --upgrade pip
	$(VENV_TEST)/bin/pip install $(PIP_FLAGS) -e ".[test]"
	touch $@

run: system-deps $(VENV_RUN)/.installed
	$(VENV_RUN)/bin/sirt-desktop

# Runs the whole suite offscreen. Exit 5 (no tests collected) fails like any other error.
test: system-deps-test $(VENV_TEST)/.installed
	QT_QPA_PLATFORM=offscreen $(VENV_TEST)/bin/python -m pytest -p no:cacheprovider

# Rebuild resources/data from ../shared/data (see scripts/build_data.py).
data: $(VENV_RUN)/.installed
	$(VENV_RUN)/bin/python scripts/build_data.py

content-pack: $(VENV_RUN)/.installed
	$(VENV_RUN)/bin/python scripts/build_content_pack.py --out dist/content-pack.zip

bench: $(VENV_TEST)/.installed
	$(VENV_TEST)/bin/python bench/startup.py
	$(VENV_TEST)/bin/python bench/lookup.py
	$(VENV_TEST)/bin/python bench/letters.py

screenshot: system-deps-test $(VENV_TEST)/.installed
	$(VENV_TEST)/bin/python scripts/screenshot.py --out docs/screenshot.png

clean:
	rm -rf $(VENV_RUN) $(VENV_TEST) build dist *.egg-info
