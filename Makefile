# Two commands on a fresh Debian 12 machine, as root: `make run` and `make test`.
# Each sets up what it needs (Debian packages, the venv, pinned Python packages) idempotently.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.lock | cut -c1-16)
SYSTEM_PYTHON := /usr/bin/python3

.PHONY: setup system run test lint typecheck imports pytest bench soak lock clean

setup: system $(STAMP)

system:
	@bash scripts/setup-system.sh

$(STAMP): requirements.lock
	@test -x $(PY) || $(SYSTEM_PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check pip==26.3
	@$(PY) -m pip install -q --disable-pip-version-check -r requirements.lock
	@rm -f $(VENV)/.installed-* && touch $@

# Starts the reference central platform and the kiosk (on Qt's VNC plugin when there is no display).
run: setup
	@$(PY) -m scripts.dev_run

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) scripts/check_ascii_source.py

typecheck: setup
	$(PY) -m mypy

imports: setup
	$(VENV)/bin/lint-imports

pytest: setup
	$(PY) -m pytest

test: lint typecheck imports pytest

bench: setup
	$(PY) -m bench

soak: setup
	$(PY) -m pytest -m soak

# Re-pin after editing requirements.in.
lock: system
	@test -x $(PY) || $(SYSTEM_PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -r requirements.in
	$(PY) -m pip freeze --exclude-editable | sort -f > requirements.lock

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
