# briefdoc: `make brief` renders the seed briefs into out/, `make test` runs the tests.
# Both set up everything from nothing (apt packages, .venv, pinned dependencies);
# a second run reinstalls nothing (stamp files record what is done).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
APT_PACKAGES := libharfbuzz-subset0 fonts-noto-core poppler-utils qpdf gettext
# Only for the tests: the preview is tested in a real (headless) browser.
TEST_APT_PACKAGES := chromium
STAMPS := .stamps

.PHONY: setup apt-install brief test catalogs bytecode check-catalogs clean bench eval lock

setup: $(STAMPS)/apt $(STAMPS)/venv catalogs bytecode

# System packages: HarfBuzz subsetting (fast, reproducible font subsets), Noto fonts
# (Armenian, Arabic, Cyrillic faces), poppler and qpdf (tests read the PDFs back), gettext
# (tests run msgfmt --check on every catalog).
$(STAMPS)/apt:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(APT_PACKAGES)"
	@touch $@

$(STAMPS)/test-apt:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(TEST_APT_PACKAGES)"
	@touch $@

apt-install:
	@mkdir -p $(STAMPS)
	@missing=""; for p in $(PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# The virtual environment, from the hash-pinned lock file (regenerate it with `make lock`).
$(STAMPS)/venv: requirements.lock pyproject.toml
	@mkdir -p $(STAMPS)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

# The test tools (pytest, hypothesis, psutil): not part of what briefdoc needs to run.
$(STAMPS)/test-tools: requirements-test.lock $(STAMPS)/venv
	$(PY) -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r requirements-test.lock
	@touch $@

lock:
	$(PY) -m pip install -q uv
	$(VENV)/bin/uv pip compile --python-version 3.11 --generate-hashes requirements.in -o requirements.lock
	$(VENV)/bin/uv pip compile --python-version 3.11 --generate-hashes requirements-test.in -o requirements-test.lock

# UI catalogs: compiled from the .po files (no .mo in git).
catalogs: $(STAMPS)/venv
	@$(PY) -m briefdoc.localize.catalogs compile

# briefdoc's own modules as bytecode (pip does this for installed packages, not for an editable
# install): a cold build imports them in two processes; ~0.1 s when PYTHONDONTWRITEBYTECODE is set.
bytecode: $(STAMPS)/venv
	@$(PY) -m compileall -q src >/dev/null

check-catalogs: $(STAMPS)/venv
	$(PY) -m briefdoc.localize.catalogs check

brief: setup
	$(VENV)/bin/briefdoc build seeds -o out

test: setup $(STAMPS)/test-tools $(STAMPS)/test-apt
	$(PY) -m briefdoc.localize.catalogs check
	$(PY) -m pytest -q

bench: setup
	$(PY) bench/bench.py

# Figures on the shared evaluation data (../shared/data): the temporal tagger on TimeBank+AQUAINT (value and
# relaxed extent F1; also on each half of the files), the SemEval-2015 trial timelines, the hand-checked audit
# of 30 PolNeAR dev timelines (verdicts in scripts/timeline_audit.tsv), the quotes on PolNeAR dev.
eval: setup
	$(PY) scripts/eval_timex.py
	$(PY) scripts/eval_timex.py --half A | tail -n 1
	$(PY) scripts/eval_timex.py --half B | tail -n 1
	$(PY) scripts/eval_timeline.py
	$(PY) scripts/audit_timeline.py --show wrong
	$(PY) scripts/eval_timex_polnear.py
	$(PY) scripts/eval_quotes.py --split dev
	$(PY) scripts/eval_ggt.py
	for f in scripts/synthetic_ggt/*.jsonl; do echo "$$f"; $(PY) scripts/eval_ggt.py --data $$f | sed -n '4p;6p'; done
	$(PY) scripts/eval_speakers_polnear.py
	$(PY) scripts/eval_speakers_polnear.py --gold scripts/speaker_polnear_dev2.tsv
	$(PY) scripts/eval_speakers_polnear.py --gold scripts/speaker_polnear_test.tsv
	$(PY) scripts/eval_speakers_polnear.py --gold scripts/speaker_polnear_test2.tsv

clean:
	rm -rf out $(STAMPS) .pytest_cache
