#!/usr/bin/env bash
# The ranking refresh benchmark (issue 14) against a fresh Azurite of its own:
#   scripts/bench_rank.sh [bench-rank options]      e.g. --cities 300 --indicators 31 --years 10 --through-ingestion
# Azurite runs in memory (--inMemoryPersistence: its disk mode rewrites the whole table database as JSON every few
# seconds, which made seeding 10 years take about an hour) with a larger Node heap (NODE_OPTIONS=--max-old-space-size=8192:
# the default heap is what ran out seeding 10 years through ingestion), on free ports. Builds the CLI in Release, runs
# `reports bench-rank "$@"` and prints its figures: seeding time, then full refresh, nothing changed, one report
# changed, each with its duration and the table rows read and written.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

ensure_azurite_installed
mkdir -p .run
AZURITE_PID=""
trap 'stop_pid "$AZURITE_PID"' EXIT INT TERM
export NODE_OPTIONS=--max-old-space-size=8192
start_azurite .run/azurite-bench-rank.log --inMemoryPersistence --blobPort 0 --queuePort 0 --tablePort 0
echo "== Azurite (pid $AZURITE_PID, in memory, Node heap 8 GB) table :$AZURITE_TABLE_PORT"

dotnet build src/ReportFunctions.Cli -c Release --nologo -v q -o .run/bench-cli >/dev/null
dotnet .run/bench-cli/reports.dll bench-rank "$@" --connection "$AZURITE_CONNECTION_STRING"
