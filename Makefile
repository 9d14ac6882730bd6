# Two commands do all the set-up on a fresh machine (Python 3.10+ and make):
#   make demo   build the bundled sample page into out/sample.ttl and answer a question
#   make test   run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: demo test install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build data/samples/liaocheng-daily-2024-03-10.txt -o out/sample.ttl
	$(BIN)/kg query out/sample.ttl --saved posts-of-officials

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) out build *.egg-info
