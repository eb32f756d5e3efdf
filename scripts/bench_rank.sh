#!/usr/bin/env bash
# The ranking refresh benchmark (issue 14) against a fresh Azurite of its own:
#   scripts/bench_rank.sh [bench-rank options]      e.g. --cities 300 --indicators 31 --years 10 --through-ingestion
# Azurite keeps its data on disk under .run/azurite-bench-rank (emptied first; blob contents off the Node heap) with a
# larger Node heap (NODE_OPTIONS=--max-old-space-size=8192: the tables of 102,300 facts live in Azurite's memory),
# on free ports. Builds the CLI in Release, runs `reports bench-rank "$@"` and prints its figures: seeding time, then
# full refresh, nothing changed, one report changed, each with its duration and the table rows read and written.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

ensure_azurite_installed
mkdir -p .run
rm -rf .run/azurite-bench-rank && mkdir -p .run/azurite-bench-rank
AZURITE_PID=""
trap 'stop_pid "$AZURITE_PID"' EXIT INT TERM
NODE_OPTIONS=--max-old-space-size=8192 start_azurite .run/azurite-bench-rank.log --location .run/azurite-bench-rank --blobPort 0 --queuePort 0 --tablePort 0
echo "== Azurite (pid $AZURITE_PID, data in .run/azurite-bench-rank) table :$AZURITE_TABLE_PORT"

dotnet build src/ReportFunctions.Cli -c Release --nologo -v q -o .run/bench-cli >/dev/null
dotnet .run/bench-cli/reports.dll bench-rank "$@" --connection "$AZURITE_CONNECTION_STRING"
