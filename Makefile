# rig — everyday targets. `make help` lists them.
SWIFT ?= swift
RIG := .build/release/rig
PLAYBOOK ?= playbooks/local-dev-messaging.yaml
ENV ?= local

.PHONY: help build release render validate plan install destroy test bench fuzz format clean

help:
	@echo "make render     every manifest, values file and stream the example would apply (ENV=$(ENV)); no cluster"
	@echo "make validate   load and check the example playbook, roles, templates and module options"
	@echo "make plan       what install would change in the cluster, with diffs (ENV=$(ENV)); changes nothing"
	@echo "make install    build rig and apply the example (ENV=$(ENV)) to the cluster in ~/.kube/config (RIG_ARGS for others)"
	@echo "make destroy    delete what the example's k8s tasks created, in reverse order"
	@echo "make test       run every test"
	@echo "make bench      rig against Python Jinja2, ansible-playbook (templates, helm) and kubectl, printed as ratios"
	@echo "make fuzz       fuzz the template engine and YAML loader (FUZZ_SECONDS=600)"
	@echo "make build | release | format | clean"

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release --product rig

render: release
	$(RIG) render $(PLAYBOOK) --env $(ENV)

validate: release
	$(RIG) validate $(PLAYBOOK) --env $(ENV)

plan: release
	$(RIG) plan $(PLAYBOOK) --env $(ENV) $(RIG_ARGS)

install: release
	$(RIG) apply $(PLAYBOOK) --env $(ENV) $(RIG_ARGS)

destroy: release
	$(RIG) destroy $(PLAYBOOK) --env $(ENV) $(RIG_ARGS)

test:
	$(SWIFT) test

bench: release
	RIG_SETUP_BENCH=1 scripts/setup.sh >/dev/null
	$(SWIFT) build -c release --product TemplateBench
	PY=python3; [ -x /tmp/rig-oracle-venv/bin/python ] && PY=/tmp/rig-oracle-venv/bin/python; $$PY scripts/bench/templates.py
	@if [ -x /tmp/rig-oracle-venv/bin/ansible-playbook ]; then python3 scripts/bench/playbooks.py; \
	else echo "playbook benchmark skipped: run scripts/oracle/regenerate.sh once to install ansible-core"; fi
	$(SWIFT) build -c release --product kube-test-apiserver
	python3 scripts/bench/kube.py
	python3 scripts/bench/helm.py
	python3 -c 'import nats' 2>/dev/null || python3 -m pip install -q nats-py
	python3 scripts/bench/streams.py

fuzz:
	scripts/fuzz.sh $${FUZZ_SECONDS:-600}

format:
	$(SWIFT) format --in-place --recursive Sources Tests

clean:
	rm -rf .build .build-fuzz
