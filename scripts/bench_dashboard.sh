#!/usr/bin/env bash
# The dashboard's load time with 300 regions and ~100,000 facts, measured in Chromium (Performance API): seeds a fresh
# Azurite through the ingestion (DashboardDataset), starts LocalHost on it, opens each view three times in new browser
# contexts, and prints the figures (also written to .run/dashboard-load.txt). A figure, not a pass/fail target: ./test.sh
# does not run it (seeding and ranking 100,000 facts take minutes). Needs Chromium (installed when missing, as ./test.sh does).
# Built in Release, so that LocalHost runs as ./run.sh runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
ensure_azurite_installed
ensure_chromium_installed
mkdir -p .run
rm -f .run/dashboard-load.txt
dotnet test tests/ReportFunctions.BrowserTests -c Release --nologo -v q --filter "Category=LoadFigures" "$@" | tail -5
cat .run/dashboard-load.txt
