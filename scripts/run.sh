#!/usr/bin/env bash
# Set up, ingest the bundled corpus into the local Chroma store, and answer a question offline.
# Usage: scripts/run.sh ["your question"]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export HF_HUB_OFFLINE=1
.venv/bin/assistant ingest
.venv/bin/assistant ask "${1:-How big will the market be in 2029?}"
