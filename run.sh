#!/usr/bin/env bash
# Runs the app on Azurite with the sample reports loaded:
# installs Azurite (from package-lock.json), starts it with data under .azurite/ (git-ignored),
# builds and starts LocalHost on http://127.0.0.1:7071, uploads seeds/ to the `reports` container,
# waits until every report is ingested, prints what was loaded, then serves until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

API=http://127.0.0.1:7071/api
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

echo "==> building"
dotnet build src/ReportFunctions.LocalHost -c Release --nologo -v q -o .run/localhost >/dev/null
dotnet build src/ReportFunctions.Cli -c Release --nologo -v q -o .run/cli >/dev/null
reports() { dotnet .run/cli/reports.dll "$@"; }

echo "==> starting LocalHost on http://127.0.0.1:7071"
(cd .run/localhost && exec dotnet ReportFunctions.LocalHost.dll --contentRoot "$PWD") > .run/localhost.log 2>&1 &
HOST_PID=$!
for _ in $(seq 1 300); do
  curl -fs "$API/health" >/dev/null 2>&1 && break
  kill -0 "$HOST_PID" 2>/dev/null || { echo "LocalHost exited:"; tail -50 .run/localhost.log; exit 1; }
  sleep 0.2
done

echo "==> uploading seeds/ to the reports container"
reports upload seeds/*.txt
echo "==> waiting until every report is ingested"
reports wait seeds/*.txt --timeout 120
curl -fs -X POST "$API/rankings/refresh" >/dev/null || echo "(ranking refresh failed; see .run/localhost.log)"
reports summary

cat <<URLS

Try:
  $API/regions
  $API/regions/Jiaxing/facts
  $API/regions/Jiaxing/facts?format=csv
  $API/indicators/gdp_growth/facts?kind=target
  $API/rankings/gdp_growth?kind=actual
  $API/reports
  $API/openapi.json
Log: .run/localhost.log. Serving until Ctrl-C.
URLS
wait "$HOST_PID"
