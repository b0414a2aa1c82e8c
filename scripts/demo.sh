#!/usr/bin/env bash
# The whole thing on one machine: Azurite + the dev host (`broadsheet serve`), the reference issue uploaded,
# ingested and queried. Keeps serving on http://localhost:7071/api until Ctrl+C; stops what it started.
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

busy_ports=()
for p in 10000 10001 10002; do busy "$p" && busy_ports+=("$p"); done
if [[ ${#busy_ports[@]} -eq 3 ]]; then
  say "ports 10000-10002 are busy — assuming a storage emulator (Azurite) is already running there, and using it"
elif [[ ${#busy_ports[@]} -gt 0 ]]; then
  die "port(s) ${busy_ports[*]} busy: Azurite needs 10000-10002 — stop what holds them"
else
  say "starting Azurite on 10000-10002 (data in .azurite/)"
  mkdir -p .azurite
  node_modules/.bin/azurite --silent --skipApiVersionCheck --loose --disableTelemetry \
    --location .azurite --blobPort 10000 --queuePort 10001 --tablePort 10002 >.azurite/azurite.log 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 1 60); do busy 10000 && busy 10002 && break; sleep 0.5; done
  busy 10000 && busy 10002 || die "Azurite did not start (see .azurite/azurite.log)"
fi

say "starting the dev host: broadsheet serve --port $PORT"
dotnet "$CLI_DLL" serve --storage "UseDevelopmentStorage=true" --port "$PORT" &
HOST_PID=$!
for _ in $(seq 1 120); do
  busy "$PORT" && break
  kill -0 "$HOST_PID" 2>/dev/null || die "the dev host stopped (see its message above)"
  sleep 0.5
done
busy "$PORT" || die "the dev host did not open port $PORT"

say "uploading $SAMPLE as $PAPER $DATE"
broadsheet upload "$SAMPLE" --paper "$PAPER" --date "$DATE" --wait --api "$API"

say "its stories"
broadsheet query --paper "$PAPER" --date "$DATE" --top 100 --api "$API"

cat <<MSG

Read it in the browser: http://localhost:$PORT/

Query it yourself:
  curl -G '$API/articles' --data-urlencode 'paper=$PAPER' --data-urlencode 'q=技能人才'
  curl '$API/issues'
  dotnet $CLI_DLL query --person 刘东利 --api $API
MSG
if command -v func >/dev/null; then
  echo "Functions Core Tools found: the function app itself also runs with \`func start\` (docs/local-development.md › Under func start)."
fi
say "serving on $API — Ctrl+C to stop"
wait "$HOST_PID"
