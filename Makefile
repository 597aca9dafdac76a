# Two commands on a fresh Debian 12 machine, as root: `make run` and `make test`.
# Each sets up what it needs (Debian packages, the venv, pinned Python packages) idempotently.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.lock | cut -c1-16)
SYSTEM_PYTHON := /usr/bin/python3

.PHONY: setup system run test lint typecheck imports pytest bench soak lock clean package package-smoke translations demo

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

# One worker per core and one more (pytest-xdist; an idle worker takes tests queued for a busy
# one): most tests are CPU-bound, some wait on subprocesses, sockets and fsync; the device
# tests share pcscd under their own cross-process lock.
WORKERS := $(shell echo $$(( $$(nproc) + 1 )))
pytest: setup
	$(PY) -m pytest -n $(WORKERS) --dist worksteal

test: lint typecheck imports pytest

# `make bench PARTS="ui search"` runs only those parts (see bench/__main__.py).
bench: setup
	$(PY) -m bench $(PARTS)

soak: setup
	$(PY) -m pytest -m soak

# The main journeys walked headless against the reference platform: a screenshot of every screen
# (both modes, both orientations, Chinese, plus Uyghur and English) and the printed receipts in
# demo-output/, listed in demo-output/index.html (scripts/demo.py).
demo: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m scripts.demo

# The one-folder bundle (kiosk.spec) in dist/kiosk/, with its size and build time printed.
package: setup
	@start=$$(date +%s); \
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller kiosk.spec && \
	echo "bundle: dist/kiosk, $$(du -sm dist/kiosk | cut -f1) MB, built in $$(( $$(date +%s) - start )) s"

# Starts the built bundle offscreen against the real reference platform (tests/deploy/smoke).
package-smoke: setup
	KIOSK_BUNDLE=dist/kiosk $(PY) -m pytest -m bundle tests/deploy

# The Qt Linguist files (ui/translations/*.ts): add new message keys, mark gone ones vanished,
# then list what still needs words. Translate in Qt Linguist: .venv/bin/pyside6-linguist FILE.
translations: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m ui.translations update
	-QT_QPA_PLATFORM=offscreen $(PY) -m ui.translations missing

# Re-pin after editing requirements.in.
lock: system
	@test -x $(PY) || $(SYSTEM_PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -r requirements.in
	$(PY) -m pip freeze --exclude-editable | sort -f > requirements.lock

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build dist demo-output
