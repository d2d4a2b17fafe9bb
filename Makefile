# The two commands: `make run` and `make test`. Both set up .venv from the hash-pinned lock first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SAMPLE := samples
LEDGER := .ledger/armsledger.sqlite

.PHONY: run test setup bench score lock clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

setup: $(STAMP)

# Ingest the bundled samples into a ledger in the repository (ignored by git), then show its deals.
run: $(STAMP)
	$(VENV)/bin/armsledger ingest $(SAMPLE) --db $(LEDGER)
	$(VENV)/bin/armsledger transfers --db $(LEDGER)

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) bench/throughput.py

score: $(STAMP)
	$(PY) ../shared/tools/score.py run ../shared/seed --cmd '$(VENV)/bin/armsledger extract --jsonl {input}'
	$(PY) ../shared/tools/score.py run ../shared/dev --cmd '$(VENV)/bin/armsledger extract --jsonl {input}'

# Regenerate the lock after editing requirements.in (needs pip-tools in the venv).
lock:
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --generate-hashes --allow-unsafe --strip-extras -q -o requirements.lock requirements.in

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
