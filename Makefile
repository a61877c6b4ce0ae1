# KubeTutor: build, serve and test. Every target installs what it needs first.
SHELL := /bin/bash
SWIFT ?= swift
HOST ?= 127.0.0.1
PORT ?= 8080
BIN := .build/debug/kubetutor
RELEASE_SCRATCH := .build-release
RELEASE_BIN := $(RELEASE_SCRATCH)/release/kubetutor
VENV := .venv
PYTHON := $(VENV)/bin/python
CORPUS ?= ../shared/corpus
APT_PACKAGES := libcmark-dev libsqlite3-dev
BROWSER_PACKAGES := chromium chromium-driver tmux
BENCH_PACKAGES := wrk nginx

.PHONY: serve test build release deps browser-deps bench-deps python-deps swift-test browser-test verify-lessons conformance bench fuzz clean help

help:
	@echo "make serve        install what is missing, build, serve the lessons on http://$(HOST):$(PORT)"
	@echo "make test         install what is missing, run every test (Swift and headless browser)"
	@echo "make conformance  check the shared manifest corpus against its oracle verdicts"
	@echo "make release      an optimised build, Swift runtime linked in, at $(RELEASE_BIN)"
	@echo "make bench        measure speed against nginx and kubernetes-validate (release build; not a test)"
	@echo "make fuzz         fuzz the check path with libFuzzer for FUZZ_SECONDS (default 1800)"

# $(call apt_install,PACKAGES,WHAT): as root, install PACKAGES with apt-get; otherwise say what to run, and fail.
apt_install = if [ "$$(id -u)" = 0 ]; then \
		echo "Installing: $(1)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1); \
	else \
		echo "Missing $(2). Run: sudo apt-get install -y $(1)"; exit 1; \
	fi

## System libraries: libcmark (Markdown) and SQLite headers.
deps:
	@missing=""; \
	pkg-config --exists libcmark 2>/dev/null || missing="$$missing libcmark-dev"; \
	[ -f /usr/include/sqlite3.h ] || missing="$$missing libsqlite3-dev"; \
	if [ -n "$$missing" ]; then $(call apt_install,$$missing,system packages); fi

## Headless Chromium and its driver (browser tests) and tmux (the quiz's pseudo-terminal tests).
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! command -v tmux >/dev/null; then \
		$(call apt_install,$(BROWSER_PACKAGES),browser packages); \
	fi

## wrk and nginx for `make bench`.
bench-deps:
	@if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then \
		$(call apt_install,$(BENCH_PACKAGES),benchmark packages); \
	fi

## A virtualenv with pytest and selenium (from PyPI).
python-deps:
	@if ! $(PYTHON) -c "import selenium, pytest" 2>/dev/null; then \
		python3 -m venv $(VENV) && $(PYTHON) -m pip install -q -r Tests/browser/requirements.txt; \
	fi

build: deps
	$(SWIFT) build

serve: build
	$(BIN) serve --host $(HOST) --port $(PORT) --lessons Lessons --public Public

swift-test: deps browser-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest

browser-test: build browser-deps python-deps
	SE_OFFLINE=true KUBETUTOR_BIN=$(CURDIR)/$(BIN) $(PYTHON) -m pytest -q Tests/browser

verify-lessons: build
	$(BIN) lessons --lessons Lessons --public Public --verify

test: swift-test verify-lessons browser-test

conformance: build
	@if [ -d "$(CORPUS)" ]; then \
		python3 Scripts/conformance.py $(BIN) $(CORPUS); \
	else \
		echo "No corpus at $(CORPUS); set CORPUS=DIR"; exit 2; \
	fi

## An optimised build with the Swift runtime and Foundation linked in: a `kubetutor check` process starts in about
## half the time (no dynamic loading of a dozen Swift libraries). Its own scratch path, so debug builds are untouched.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product kubetutor --scratch-path $(RELEASE_SCRATCH)
	@echo "Built $(RELEASE_BIN)"

## Speed, each figure against its anchor: the release build, wrk, nginx, and kubernetes-validate in .venv-bench.
bench: release bench-deps
	python3 Scripts/bench.py --bin $(RELEASE_BIN) --corpus $(CORPUS)

## libFuzzer over the YAML-to-diagnostics path (Fuzz/), for FUZZ_SECONDS; findings land in Fuzz/artifacts/.
FUZZ_SECONDS ?= 1800
fuzz: deps
	bash Scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build $(RELEASE_SCRATCH) $(VENV) .venv-bench Fuzz/.build
