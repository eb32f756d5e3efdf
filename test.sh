#!/usr/bin/env bash
# Runs every test: installs Azurite (from package-lock.json), starts it in memory on free ports,
# runs `dotnet test` for the solution, stops Azurite even when tests fail, exits with the tests' status.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

ensure_azurite_installed || exit 1
mkdir -p .run
start_azurite .run/azurite-test.log --inMemoryPersistence --blobPort 0 --queuePort 0 --tablePort 0 || exit 1
trap 'stop_pid "$AZURITE_PID"' EXIT INT TERM
echo "==> Azurite (pid $AZURITE_PID) blob :$AZURITE_BLOB_PORT queue :$AZURITE_QUEUE_PORT table :$AZURITE_TABLE_PORT"

dotnet test ReportFunctions.sln --nologo -v q "$@" 2>&1 | tee .run/test-output.log
status=${PIPESTATUS[0]}

# One closing line with the totals of every test assembly.
awk '/(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' .run/test-output.log
exit "$status"
