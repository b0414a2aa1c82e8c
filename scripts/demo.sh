#!/usr/bin/env bash
# The whole thing on one machine: Azurite + the dev host (`broadsheet serve`), the reference issue uploaded,
# ingested and queried. Keeps serving on http://localhost:7071/api until Ctrl+C; stops what it started.
# BROADSHEET_PORT moves the API; Azurite runs on 10000-10002 when they are free, else on free ports
# (AZURITE_BLOB_PORT, AZURITE_QUEUE_PORT, AZURITE_TABLE_PORT choose them: scripts/azurite-ports.sh).
# Needs: .NET SDK 10, Node 20+/npm. No Azure account, no Functions Core Tools.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${BROADSHEET_PORT:-7071}"
API="http://localhost:${PORT}/api"
SAMPLE="samples/jining-daily/2022-08-08.txt"
PAPER="济宁日报"
DATE="2022-08-08"
CLI_DLL="src/Broadsheet.Cli/bin/Release/net10.0/Broadsheet.Cli.dll"
AZURITE_PID=""
HOST_PID=""

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'demo: %s\n' "$*" >&2; exit 1; }
busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
broadsheet() { dotnet "$CLI_DLL" "$@"; }

cleanup() {
  trap - EXIT INT TERM
  if [[ -n "$HOST_PID" ]] && kill -0 "$HOST_PID" 2>/dev/null; then
    say "stopping the dev host"
    kill -TERM "$HOST_PID" 2>/dev/null || true
    wait "$HOST_PID" 2>/dev/null || true
  fi
  if [[ -n "$AZURITE_PID" ]] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    say "stopping Azurite"
    kill -TERM "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v dotnet >/dev/null || die "the .NET SDK is not on PATH (https://dot.net)"
command -v node >/dev/null && command -v npm >/dev/null || die "node/npm are not on PATH (Node.js 20 or later)"

busy "$PORT" && die "port $PORT is busy (another \`broadsheet serve\` or \`func start\`?) — stop it, or run with BROADSHEET_PORT=7072"

locked="$(node -p "require('./package-lock.json').packages['node_modules/azurite'].version")"
installed="$(node -p "try { require('./node_modules/azurite/package.json').version } catch { '' }")"
if [[ -x node_modules/.bin/azurite && "$installed" == "$locked" ]]; then
  say "Azurite $locked already installed (node_modules)"
else
  say "installing Azurite $locked (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

say "building the reading room (npm run build:web)"
[[ -x node_modules/.bin/vite ]] || npm ci --no-audit --no-fund --loglevel=error
npm run --silent build:web

say "building the CLI"
dotnet build src/Broadsheet.Cli -c Release --nologo -v quiet -clp:ErrorsOnly

# Our own Azurite, never one that already answers (another project's data): scripts/azurite-ports.sh says which ports.
ports="$(./scripts/azurite-ports.sh)" || exit 1   # it says why on stderr
read -r BLOB_PORT QUEUE_PORT TABLE_PORT <<<"$ports"
ACCOUNT_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$ACCOUNT_KEY;BlobEndpoint=http://127.0.0.1:$BLOB_PORT/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE_PORT/devstoreaccount1;TableEndpoint=http://127.0.0.1:$TABLE_PORT/devstoreaccount1;"
mkdir -p .azurite
# In a session of its own (setsid), so Ctrl+C reaches the dev host but not Azurite: cleanup stops the host while its
# storage is still up, then Azurite.
detach=(); command -v setsid >/dev/null && detach=(setsid)
"${detach[@]}" node_modules/.bin/azurite --silent --skipApiVersionCheck --loose --disableTelemetry \
  --location .azurite --blobPort "$BLOB_PORT" --queuePort "$QUEUE_PORT" --tablePort "$TABLE_PORT" >.azurite/azurite.log 2>&1 &
AZURITE_PID=$!
for _ in $(seq 1 60); do busy "$BLOB_PORT" && busy "$TABLE_PORT" && break; sleep 0.5; done
busy "$BLOB_PORT" && busy "$TABLE_PORT" || die "Azurite did not start (see .azurite/azurite.log)"
say "Azurite started on $BLOB_PORT (blob), $QUEUE_PORT (queue), $TABLE_PORT (table); data in .azurite/"

say "starting the dev host: broadsheet serve --port $PORT"
dotnet "$CLI_DLL" serve --storage "$STORAGE" --port "$PORT" &
HOST_PID=$!
for _ in $(seq 1 120); do
  busy "$PORT" && break
  kill -0 "$HOST_PID" 2>/dev/null || die "the dev host stopped (see its message above)"
  sleep 0.5
done
busy "$PORT" || die "the dev host did not open port $PORT"

say "uploading $SAMPLE as $PAPER $DATE"
broadsheet upload "$SAMPLE" --paper "$PAPER" --date "$DATE" --storage "$STORAGE" --wait --api "$API"

say "its stories"
broadsheet query --paper "$PAPER" --date "$DATE" --top 100 --api "$API"

cat <<MSG

Read it in the browser: http://localhost:$PORT/

Query it yourself:
  curl -G '$API/articles' --data-urlencode 'paper=$PAPER' --data-urlencode 'q=技能人才'
  curl '$API/issues'
  dotnet $CLI_DLL query --person 刘东利 --api $API

Upload more (this demo's Azurite):
  dotnet $CLI_DLL upload FILE --paper PAPER --date yyyy-MM-dd --wait --api $API --storage '$STORAGE'
MSG
if command -v func >/dev/null; then
  echo "Functions Core Tools found: the function app itself also runs with \`func start\` (docs/local-development.md › Under func start)."
fi
say "serving on $API — Ctrl+C to stop"
wait "$HOST_PID"
