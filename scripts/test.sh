#!/usr/bin/env bash
# Set up, then run lint, types, the test suite and the offline evaluation gate.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False GRADIO_ANALYTICS_ENABLED=False
# The page tests drive Debian's Chromium; install it when missing (CI runs as root).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "test: installing Debian's chromium for the browser tests" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test: chromium missing; browser tests will be skipped outside CI" >&2
  fi
fi
.venv/bin/ruff check assistant tools evals tests benchmarks
.venv/bin/ruff format --check assistant tools evals tests benchmarks
.venv/bin/mypy
# The layers of assistant/ and what tools/, evals/ and the surfaces may import (pyproject.toml).
.venv/bin/lint-imports
# The evaluation gate: the offline assistant over the seed question set, against committed thresholds.
.venv/bin/assistant ingest
.venv/bin/assistant eval
# The analyst set (questions written as analysts type them), against its own thresholds.
.venv/bin/assistant eval --set analyst --out evals/results/analyst
# The catalogue set over fixture pages in many publishers' layouts, ingested into its own store: each
# question asked within its report, then routed by the assistant (thresholds per mode).
.venv/bin/assistant eval --set catalogue --corpus tests/fixtures/catalogue --mode scoped
.venv/bin/assistant eval --set catalogue --corpus tests/fixtures/catalogue --mode routed
# Sets written blind, from the bundled report and from pages in further layouts.
.venv/bin/assistant eval --set blind-analyst --out evals/results/blind-analyst
.venv/bin/assistant eval --set blind-pages --corpus tests/fixtures/blind-pages --mode scoped
.venv/bin/assistant eval --set blind-pages-2 --corpus tests/fixtures/blind-pages-2 --mode scoped
.venv/bin/assistant eval --set blind-pages-3 --corpus tests/fixtures/blind-pages-3 --mode scoped
.venv/bin/assistant eval --set blind-pages-4 --corpus tests/fixtures/blind-pages-4 --mode scoped
.venv/bin/assistant eval --set blind-pages-5 --corpus tests/fixtures/blind-pages-5 --mode scoped
.venv/bin/assistant eval --set blind-pages-6 --corpus tests/fixtures/blind-pages-6 --mode scoped
.venv/bin/assistant eval --set blind-pages-7 --corpus tests/fixtures/blind-pages-7 --mode scoped
.venv/bin/assistant eval --set blind-pages-8 --corpus tests/fixtures/blind-pages-8 --mode scoped
.venv/bin/assistant eval --set blind-pages-9 --corpus tests/fixtures/blind-pages-9 --mode scoped
.venv/bin/assistant eval --set blind-pages-10 --corpus tests/fixtures/blind-pages-10 --mode scoped
# The test suite last, so its summary closes the run.
.venv/bin/pytest "$@"
