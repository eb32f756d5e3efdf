# Shared by run.sh and test.sh: install Azurite from the lock file and start it.
# shellcheck shell=bash

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

# Installs the repo's npm packages (Azurite, Redocly, and Chart.js, which the dashboard embeds) from package-lock.json
# when missing or stale. Never global.
ensure_azurite_installed() {
  if [ ! -x node_modules/.bin/azurite ] || [ ! -f node_modules/chart.js/dist/chart.umd.min.js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "==> installing Azurite, Redocly and Chart.js from package-lock.json (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# start_azurite LOGFILE [extra azurite args...]
# Starts Azurite in the background on 127.0.0.1 and waits until its three services listen.
# Sets AZURITE_PID, AZURITE_BLOB_PORT, AZURITE_QUEUE_PORT, AZURITE_TABLE_PORT, AZURITE_CONNECTION_STRING.
# No access log (--silent) and no telemetry (--disableTelemetry): together a sixth of Azurite's CPU per request
# (a CPU profile of `reports bench-ingest`), and telemetry would try a host this machine cannot reach.
start_azurite() {
  local log=$1; shift
  : > "$log"
  node_modules/.bin/azurite --skipApiVersionCheck --loose --silent --disableTelemetry \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 "$@" >"$log" 2>&1 &
  AZURITE_PID=$!
  local i
  for i in $(seq 1 300); do
    if [ "$(grep -c 'successfully listening' "$log")" -ge 3 ]; then break; fi
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then echo "Azurite failed to start:"; cat "$log"; return 1; fi
    sleep 0.1
  done
  if [ "$(grep -c 'successfully listening' "$log")" -lt 3 ]; then echo "Azurite did not start in 30 s:"; cat "$log"; return 1; fi
  AZURITE_BLOB_PORT=$(sed -n 's/.*Blob service is successfully listening at http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$log")
  AZURITE_QUEUE_PORT=$(sed -n 's/.*Queue service is successfully listening at http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$log")
  AZURITE_TABLE_PORT=$(sed -n 's/.*Table service is successfully listening at http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$log")
  local key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
  AZURITE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${key};BlobEndpoint=http://127.0.0.1:${AZURITE_BLOB_PORT}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${AZURITE_QUEUE_PORT}/devstoreaccount1;TableEndpoint=http://127.0.0.1:${AZURITE_TABLE_PORT}/devstoreaccount1;"
  export AZURITE_CONNECTION_STRING
}

stop_pid() {
  local pid=$1
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
}

# The dashboard's browser tests drive Debian's Chromium (Playwright's own browser download is not used): installs it when
# missing (CI runs as root on a clean machine). CHROMIUM_PATH names another build.
ensure_chromium_installed() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then return 0; fi
  if command -v chromium >/dev/null 2>&1; then return 0; fi
  echo "==> installing Chromium (apt-get install chromium) for the dashboard's browser tests"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null \
    || { echo "Chromium could not be installed: the browser tests will fail (apt-get install chromium)"; return 1; }
}
