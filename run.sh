#!/usr/bin/env bash
# Runs the app on Azurite with the sample reports loaded:
# installs Azurite (from package-lock.json), starts it with data under .azurite/ (git-ignored),
# builds and starts LocalHost on http://127.0.0.1:7071 (the dashboard at /, the API under /api), uploads seeds/ to the
# `reports` container, waits until every report is ingested, prints what was loaded, then serves until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

API=http://127.0.0.1:7071/api
DASHBOARD=http://127.0.0.1:7071/
echo "Dashboard: $DASHBOARD (once the reports are loaded, below; Ctrl-C stops everything)"
for port in 10000 10001 10002 7071; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is in use: stop whatever listens there (another Azurite or LocalHost?) and run again." >&2
    exit 1
  fi
done

ensure_azurite_installed
mkdir -p .azurite .run
AZURITE_PID="" ; HOST_PID=""
cleanup() {
  trap - EXIT INT TERM
  echo; echo "==> stopping"
  stop_pid "$HOST_PID"
  stop_pid "$AZURITE_PID"
}
trap cleanup EXIT INT TERM

echo "==> starting Azurite (data in .azurite/)"
start_azurite .run/azurite.log --location .azurite --blobPort 10000 --queuePort 10001 --tablePort 10002
export AzureWebJobsStorage="UseDevelopmentStorage=true"

# build_if_stale PROJECT OUTDIR DLL: builds only when a source is newer than the last build.
build_if_stale() {
  if [ ! -f "$2/$3" ] || [ -n "$(find src Directory.Build.props Directory.Packages.props -newer "$2/$3" -type f -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
    echo "==> building $1"
    dotnet build "$1" -c Release --nologo -v q -o "$2" >/dev/null
    touch "$2/$3"
  fi
}
build_if_stale src/ReportFunctions.LocalHost .run/localhost ReportFunctions.LocalHost.dll
build_if_stale src/ReportFunctions.Cli .run/cli reports.dll
reports() { dotnet .run/cli/reports.dll "$@"; }

echo "==> starting LocalHost on http://127.0.0.1:7071"
(cd .run/localhost && exec dotnet ReportFunctions.LocalHost.dll --contentRoot "$PWD") > .run/localhost.log 2>&1 &
HOST_PID=$!
for _ in $(seq 1 300); do
  curl -fs "$API/health" >/dev/null 2>&1 && break
  kill -0 "$HOST_PID" 2>/dev/null || { echo "LocalHost exited:"; tail -50 .run/localhost.log; exit 1; }
  sleep 0.2
done

# The five sample reports, and synthetic ones in their style so that rankings and target attainment have regions
# to compare (no two seeds state the same indicator for the same year). Only the synthetic reports of regions no
# seed is about are loaded, so a real report's figures are never replaced by made-up ones. seeds/zh/ holds a sample report
# in Chinese (written here in the style of the originals): its facts sit beside the English ones, and Jiaxing's 2023
# targets (English seed) meet its 2023 outcomes (Chinese sample) in the attainment answers.
# seeds/national/ holds the nation's 2023 targets (a synthetic report), which target amplification sets provinces against.
REPORTS=(seeds/*.txt seeds/zh/*.txt seeds/synthetic/{guangzhou,hangzhou,ningbo,guangdong}-*.txt seeds/national/*.txt)
echo "==> uploading ${#REPORTS[@]} reports (seeds/, seeds/zh/, seeds/synthetic/ and seeds/national/) to the reports container"
reports upload "${REPORTS[@]}"
echo "==> waiting until every report is ingested"
reports wait "${REPORTS[@]}" --timeout 120
curl -fs -X POST "$API/rankings/refresh" >/dev/null || echo "(ranking refresh failed; see .run/localhost.log)"
reports summary

cat <<URLS

Dashboard: $DASHBOARD  (rankings, targets vs outcomes, target amplification, regions, reports and upload)
Try:
  $API/regions
  $API/regions/Jiaxing/facts
  $API/regions/Jiaxing/facts?format=csv
  $API/indicators/gdp_growth/facts?kind=target
  $API/rankings/gdp_growth?kind=actual
  $API/reports
  $API/amplification/gdp_growth
  $API/openapi.json
Log: .run/localhost.log. Serving until Ctrl-C.
URLS
wait "$HOST_PID"
