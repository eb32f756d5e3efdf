#!/usr/bin/env bash
# Runs every test: installs Azurite (from package-lock.json) and Chromium (Debian's, for the dashboard's browser tests)
# when missing, starts Azurite in memory on free ports, runs `dotnet test` for the solution, stops Azurite even when
# tests fail, exits with the tests' status. Screenshots of the dashboard's views land in .run/screenshots/.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

ensure_azurite_installed || exit 1
ensure_chromium_installed || exit 1
mkdir -p .run
start_azurite .run/azurite-test.log --inMemoryPersistence --blobPort 0 --queuePort 0 --tablePort 0 || exit 1
trap 'stop_pid "$AZURITE_PID"' EXIT INT TERM
echo "==> Azurite (pid $AZURITE_PID) blob :$AZURITE_BLOB_PORT queue :$AZURITE_QUEUE_PORT table :$AZURITE_TABLE_PORT"

# The dashboard's load figures (300 regions, 100,000 facts: minutes of seeding) are a benchmark: scripts/bench_dashboard.sh.
dotnet test ReportFunctions.sln --nologo -v q --filter "Category!=LoadFigures" "$@" 2>&1 | tee .run/test-output.log
status=${PIPESTATUS[0]}

# The HTTP API's OpenAPI document (`reports openapi`), linted by Redocly (rules in redocly.yaml): 0 errors or the run fails.
echo "==> OpenAPI lint (npx redocly lint, rules in redocly.yaml)"
if dotnet run --project src/ReportFunctions.Cli --no-build -- openapi > .run/openapi.json \
   && npx --no redocly lint .run/openapi.json --format=stylish > .run/openapi-lint.log 2>&1; then
  grep -v '[║╔╚]' .run/openapi-lint.log | grep -E 'valid|error|warning' | tail -3
  echo "openapi lint: 0 errors"
else
  grep -v '[║╔╚]' .run/openapi-lint.log 2>/dev/null | tail -40
  echo "openapi lint: FAILED (see .run/openapi-lint.log)"
  [ "$status" -eq 0 ] && status=1
fi

# One closing line with the totals of every test assembly.
awk '/(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' .run/test-output.log
exit "$status"
