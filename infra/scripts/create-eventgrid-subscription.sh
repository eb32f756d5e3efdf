#!/bin/sh
# azd postdeploy hook: subscribes the blobs extension webhook of the IngestReport function to
# Microsoft.Storage.BlobCreated events of the `reports` container (Flex Consumption runs blob triggers
# only with Source = BlobTriggerSource.EventGrid). It runs after the code is deployed because the
# webhook URL carries the `blobs_extension` system key, which the host creates when the blobs
# extension first starts, and Event Grid validates the endpoint when the subscription is created.
# Safe to re-run: an existing subscription is updated (e.g. with a rotated key).
#
# Needs: az (logged in, `az login`), and the azd environment values (azd passes them to hooks;
# by hand: `eval "$(azd env get-values)"` first).
set -eu

: "${AZURE_RESOURCE_GROUP:?run from azd or eval \"\$(azd env get-values)\" first}"
: "${AZURE_FUNCTION_APP_NAME:?}"
: "${EVENTGRID_SYSTEM_TOPIC_NAME:?}"
REPORTS_CONTAINER_NAME="${REPORTS_CONTAINER_NAME:-reports}"
INGEST_FUNCTION_NAME="${INGEST_FUNCTION_NAME:-IngestReport}"
SUBSCRIPTION_NAME="${EVENTGRID_SUBSCRIPTION_NAME:-ingest-report-blob-created}"

if ! command -v az >/dev/null 2>&1; then
  echo "error: the Azure CLI (az) is required for the Event Grid step; see docs/deploy.md" >&2
  exit 1
fi

host="$(az functionapp show -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" --query defaultHostName -o tsv)"

# The key appears once the host has started with the blobs extension; wake it and retry for ~5 min.
key=""
attempt=1
while [ "$attempt" -le 20 ]; do
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null --max-time 30 "https://$host/api/health" || true
  fi
  key="$(az functionapp keys list -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" \
           --query "systemKeys.blobs_extension" -o tsv 2>/dev/null || true)"
  if [ -n "$key" ] && [ "$key" != "None" ]; then
    break
  fi
  echo "waiting for the blobs_extension key of $AZURE_FUNCTION_APP_NAME (attempt $attempt/20)..."
  key=""
  attempt=$((attempt + 1))
  sleep 15
done
if [ -z "$key" ]; then
  echo "error: no blobs_extension system key on $AZURE_FUNCTION_APP_NAME. Is IngestReport deployed with" >&2
  echo "       [BlobTrigger(..., Source = BlobTriggerSource.EventGrid)]? See docs/deploy.md." >&2
  exit 1
fi

endpoint="https://$host/runtime/webhooks/blobs?functionName=Host.Functions.$INGEST_FUNCTION_NAME&code=$key"
subject="/blobServices/default/containers/$REPORTS_CONTAINER_NAME/blobs/"

if az eventgrid system-topic event-subscription show -g "$AZURE_RESOURCE_GROUP" \
     --system-topic-name "$EVENTGRID_SYSTEM_TOPIC_NAME" -n "$SUBSCRIPTION_NAME" >/dev/null 2>&1; then
  action=update
else
  action=create
fi

az eventgrid system-topic event-subscription "$action" \
  -g "$AZURE_RESOURCE_GROUP" \
  --system-topic-name "$EVENTGRID_SYSTEM_TOPIC_NAME" \
  -n "$SUBSCRIPTION_NAME" \
  --endpoint-type webhook \
  --endpoint "$endpoint" \
  --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with "$subject" \
  --output none

echo "Event Grid subscription '$SUBSCRIPTION_NAME' ${action}d: BlobCreated in '$REPORTS_CONTAINER_NAME' -> $INGEST_FUNCTION_NAME."
