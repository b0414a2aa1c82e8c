#!/usr/bin/env bash
# The performance bench, one command from a fresh clone: installs Azurite (npm ci), builds Release, starts Azurite
# (in memory, free ports) and the dev host (free port), runs the load generator, stops everything.
#   ./scripts/bench.sh            full: 100 issues, ≥ 10,000 stored stories, 30 s of queries (≈ 10-20 min on 2 cores)
#   ./scripts/bench.sh --quick    small numbers (< 2 min): 6 issues, 10 s of queries
#   ./scripts/bench.sh --batch-only   the 100-issue batch alone: time, CPU time of the dev host and Azurite, RSS
# Extra arguments go to the load generator (e.g. --issues 50 --clients 16). Logs land in bench/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
art="$root/bench/artifacts"
mkdir -p "$art"

[[ -x node_modules/.bin/azurite ]] || npm ci --no-audit --no-fund --loglevel=error
dotnet build src/Broadsheet.Cli -c Release --nologo -v q -clp:ErrorsOnly
dotnet build bench/Broadsheet.LoadGen -c Release --nologo -v q -clp:ErrorsOnly

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
blob=$(free_port); queue=$(free_port); table=$(free_port); api=$(free_port)
while [[ $queue == "$blob" || $table == "$blob" || $table == "$queue" || $api == "$blob" || $api == "$queue" || $api == "$table" ]]; do
  queue=$(free_port); table=$(free_port); api=$(free_port)
done
key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
conn="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

node_modules/.bin/azurite --silent --skipApiVersionCheck --loose --disableTelemetry --inMemoryPersistence \
  --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table" \
  >"$art/azurite.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  if curl -s -o /dev/null "http://127.0.0.1:$blob/devstoreaccount1?comp=list" && curl -s -o /dev/null "http://127.0.0.1:$table/devstoreaccount1/Tables"; then break; fi
  sleep 0.5
done

# SERVE_ARGS (e.g. "--engines 2") goes to the dev host.
dotnet src/Broadsheet.Cli/bin/Release/net10.0/Broadsheet.Cli.dll serve --storage "$conn" --port "$api" ${SERVE_ARGS:-} >"$art/devhost.log" 2>&1 &
host=$!
pids+=($host)
for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$api/api/issues" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$host" 2>/dev/null; then echo "the dev host did not start:"; tail -5 "$art/devhost.log"; exit 1; fi
  sleep 0.5
done

dotnet bench/Broadsheet.LoadGen/bin/Release/net10.0/Broadsheet.LoadGen.dll run \
  --api "http://127.0.0.1:$api/api" --storage "$conn" --host-pid "$host" --azurite-pid "${pids[0]}" "$@" | tee "$art/bench-$(date -u +%Y%m%dT%H%M%SZ).txt"
