# One-word commands; the README's two set-up commands are `make run` and `make test`.
# Both work on a fresh Debian machine: they create .venv and install what they need.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
CHROMIUM := /usr/bin/chromium

.PHONY: run test install install-test browser lint validate export golden bench bench-app screenshots images image-test topojson catalogues clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here);
# Debian's nginx fronts two app replicas in the deployment test.
# fonts-noto-cjk: Japanese titles and credit lines in PNG/SVG images (no tofu boxes);
# openssl: a throwaway certificate for nginx's HTTPS + HTTP/2 listener.
browser:
	@{ test -x $(CHROMIUM) && test -x /usr/sbin/nginx && test -d /usr/share/fonts/opentype/noto && test -x /usr/bin/openssl; } || { \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium nginx fonts-noto-cjk openssl; }

run: install
	$(BIN)/streamlit run serve.py --server.port $(PORT)

test: install-test browser
	$(BIN)/python -m investments validate data
	$(BIN)/frictionless validate data/datapackage.json
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: install-test
	$(BIN)/ruff check .

validate: install
	$(BIN)/python -m investments validate data

export: install
	mkdir -p out
	$(BIN)/python -m investments export --out out/big-tech-investments.csv

# Regenerate the README screenshot from a running app (make run in another shell).
screenshots: install-test browser
	$(BIN)/python scripts/screenshot.py http://localhost:$(PORT) docs/screenshots / /map /compare

# Build the Dockerfile with podman, run it, check it in Chromium and behind nginx
# (tests/browser/test_container_image.py; about 5 minutes; not part of `make test`).
image-test: install-test browser
	@{ command -v podman && command -v runc && command -v debootstrap; } >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq podman runc debootstrap; }
	$(BIN)/python -m pytest -m image -s tests/browser/test_container_image.py

# Every image preset of four standard charts, to look at before a release.
images: install-test browser
	$(BIN)/python scripts/render_images.py out/images

topojson:
	scripts/extract_topojson.sh

# Extract every string marked _("…") and merge it into each language's catalogue.
catalogues: install
	$(BIN)/python scripts/update_catalogues.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache out src/*.egg-info

# Rewrite the golden files from the current code (review the diff before committing).
golden: install-test
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_export.py tests/test_chart_text.py

# Benchmarks are not tests: figures go to docs/PERFORMANCE.md.
bench: install
	$(BIN)/python bench/bench_normalize.py

# The app under load against the framework floor and a static page (figures: docs/PERFORMANCE.md).
bench-app: install-test browser
	$(BIN)/python bench/bench_app.py
