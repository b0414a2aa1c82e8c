#!/bin/sh
# azd postdeploy hook: subscribe the OnIssueUploaded blob trigger to BlobCreated events from the `issues`
# container (infra/app/upload-subscription.bicep), once the code that answers them is deployed.
# It runs after every deploy and is idempotent: the subscription is created, or updated in place (with the host's
# current blobs_extension key). main.bicep never declares it, so a provision of a fresh environment (`azd down
# --purge`, then `azd up`) cannot fail for want of deployed code, whatever an older azd environment still holds.
# azd passes its environment (the main.bicep outputs) as variables. Needs the Azure CLI, signed in.
set -eu

for name in AZURE_RESOURCE_GROUP AZURE_FUNCTION_APP_NAME AZURE_STORAGE_ACCOUNT_NAME EVENT_GRID_SYSTEM_TOPIC_NAME; do
  eval "value=\${$name:-}"
  if [ -z "$value" ]; then
    echo "error: $name is not set; run this through azd (azd up / azd hooks run postdeploy)." >&2
    exit 1
  fi
done

if ! command -v az >/dev/null 2>&1; then
  echo "error: the Azure CLI (az) is needed to wire upload events; install it, run 'az login', then 'azd hooks run postdeploy'." >&2
  exit 1
fi

template="$(dirname "$0")/../infra/app/upload-subscription.bicep"

# The host creates the blobs_extension key when it first loads the Event Grid blob trigger, and Event Grid
# validates the webhook when the subscription is created: wake the app, then retry while it starts.
if command -v curl >/dev/null 2>&1; then
  curl -s -o /dev/null --max-time 60 "https://${AZURE_FUNCTION_APP_NAME}.azurewebsites.net/" || true
fi

attempts=5
retry_seconds="${UPLOAD_EVENTS_RETRY_SECONDS:-30}"
attempt=1
while :; do
  if az deployment group create \
      --name upload-subscription \
      --resource-group "$AZURE_RESOURCE_GROUP" \
      --template-file "$template" \
      --parameters systemTopicName="$EVENT_GRID_SYSTEM_TOPIC_NAME" \
                   functionAppName="$AZURE_FUNCTION_APP_NAME" \
                   storageAccountName="$AZURE_STORAGE_ACCOUNT_NAME" \
      --only-show-errors --output none; then
    break
  fi
  if [ "$attempt" -ge "$attempts" ]; then
    echo "error: could not create the upload event subscription; check the app started, then 'azd hooks run postdeploy'." >&2
    exit 1
  fi
  echo "The app is not answering yet (attempt $attempt of $attempts); retrying in ${retry_seconds} s..."
  attempt=$((attempt + 1))
  sleep "$retry_seconds"
done

echo "Upload events wired: blobs created in '${ISSUES_CONTAINER_NAME:-issues}' now trigger OnIssueUploaded."
