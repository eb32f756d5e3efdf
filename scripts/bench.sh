#!/usr/bin/env bash
# Benchmarks with figures (no pass/fail): starts its own Azurite (in memory, free ports) and LocalHost
# (Release build, free port), loads the seeds, then prints
#  - p50/p99 of GET /api/regions/{region}/facts over 2,000 requests with the seeds loaded (issue 4),
#  - ingest reports/s and facts/s for N = 100 and 1,000 synthetic reports, 30 s of HTTP load on the facts and
#    rankings routes, and extraction MB/s (issue 6),
#  - with --rank: the ranking recomputation for 300 cities x 31 indicators x 10 years (issue 5), facts read from memory;
#    with --rank-ingested: the same with the 102,300 facts ingested into Azurite first (about 12 minutes).
# Usage: scripts/bench.sh [--rank | --rank-ingested] [--sizes 100,1000] [--seconds 30]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

RANK=0; ARGS=()
for a in "$@"; do
  case "$a" in
    --rank) RANK=1 ;;
    --rank-ingested) RANK=2; export NODE_OPTIONS=--max-old-space-size=16384 ;; # Azurite holds ~200,000 entities in memory
    *) ARGS+=("$a") ;;
  esac
done

ensure_azurite_installed
mkdir -p .run
AZURITE_PID=""; HOST_PID=""
trap 'stop_pid "$HOST_PID"; stop_pid "$AZURITE_PID"' EXIT INT TERM
start_azurite .run/azurite-bench.log --inMemoryPersistence --blobPort 0 --queuePort 0 --tablePort 0
export AzureWebJobsStorage="$AZURITE_CONNECTION_STRING"

dotnet build src/ReportFunctions.LocalHost -c Release --nologo -v q -o .run/bench-localhost >/dev/null
dotnet build src/ReportFunctions.Cli -c Release --nologo -v q -o .run/bench-cli >/dev/null
reports() { dotnet .run/bench-cli/reports.dll "$@"; }

PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
URL="http://127.0.0.1:$PORT"
(cd .run/bench-localhost && Urls="$URL" Logging__LogLevel__Default=Warning exec dotnet ReportFunctions.LocalHost.dll) > .run/localhost-bench.log 2>&1 &
HOST_PID=$!
for _ in $(seq 1 300); do curl -fs "$URL/api/health" >/dev/null 2>&1 && break; sleep 0.2; done

echo "== seeds loaded; latency of GET /api/regions/Jiaxing/facts (issue 4)"
reports upload seeds/*.txt >/dev/null
reports wait seeds/*.txt --timeout 120
reports bench-api --url "$URL" --path /api/regions/Jiaxing/facts --requests 2000 --concurrency 8

echo "== ingest, HTTP load and extraction (issue 6)"
reports bench --url "$URL" "${ARGS[@]}"

if [ "$RANK" = 1 ]; then
  echo "== ranking recomputation (issue 5)"
  reports bench-rank --cities 300 --indicators 31 --years 10
elif [ "$RANK" = 2 ]; then
  echo "== ranking recomputation over facts ingested into Azurite (issue 5)"
  reports bench-rank --cities 300 --indicators 31 --years 10 --through-ingestion
fi
