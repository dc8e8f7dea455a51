# rig — everyday targets. `make help` lists them.
SWIFT ?= swift
RIG_RELEASE := .build/release/rig
ENV ?= local

.PHONY: help build release test demo bench fuzz format clean

help:
	@echo "make build    debug build"
	@echo "make release  release build of the rig binary"
	@echo "make demo     render the example templates with rig template (no cluster needed)"
	@echo "make test     run every test"
	@echo "make bench    benchmarks against Python Jinja2, printed as ratios"
	@echo "make fuzz     fuzz the template engine (FUZZ_SECONDS=600)"

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release --product rig

demo: release
	$(RIG_RELEASE) template examples/templates/nats-values.yaml.j2 -e @examples/properties.yaml
	$(RIG_RELEASE) template examples/templates/stream.yaml.j2 -e @examples/properties.yaml

test:
	$(SWIFT) test

bench: release
	RIG_SETUP_BENCH=1 scripts/setup.sh >/dev/null
	$(SWIFT) build -c release --product TemplateBench
	PY=python3; [ -x /tmp/rig-oracle-venv/bin/python ] && PY=/tmp/rig-oracle-venv/bin/python; $$PY scripts/bench/templates.py

fuzz:
	scripts/fuzz.sh $${FUZZ_SECONDS:-600}

format:
	$(SWIFT) format --in-place --recursive Sources Tests

clean:
	rm -rf .build
