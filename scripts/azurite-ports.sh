#!/usr/bin/env bash
# Which ports the demo's own Azurite listens on; prints "BLOB QUEUE TABLE" on stdout and says why on stderr.
# AZURITE_BLOB_PORT / AZURITE_QUEUE_PORT / AZURITE_TABLE_PORT choose them (each must be free); else Azurite's
# usual 10000-10002 when all three are free; else three free ports. A port that answers is never reused: it may
# be another project's emulator, and the demo must not write into its data.
set -euo pipefail
busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

names=(AZURITE_BLOB_PORT AZURITE_QUEUE_PORT AZURITE_TABLE_PORT)
set_by_user=0
for n in "${names[@]}"; do [[ -n "${!n:-}" ]] && set_by_user=1; done
if [[ $set_by_user -eq 1 ]]; then
  ports=("${AZURITE_BLOB_PORT:-10000}" "${AZURITE_QUEUE_PORT:-10001}" "${AZURITE_TABLE_PORT:-10002}")
  for i in 0 1 2; do
    [[ "${ports[$i]}" =~ ^[0-9]+$ ]] && (( ports[i] >= 1 && ports[i] <= 65535 )) \
      || { echo "demo: ${names[$i]} must be a port number, not '${ports[$i]}'" >&2; exit 1; }
    if busy "${ports[$i]}"; then
      echo "demo: port ${ports[$i]} (${names[$i]}) is in use — pick another, or leave the AZURITE_*_PORT settings out for free ports" >&2
      exit 1
    fi
  done
  echo "Azurite on ${ports[*]} (AZURITE_*_PORT)" >&2
else
  taken=()
  for p in 10000 10001 10002; do busy "$p" && taken+=("$p"); done
  if [[ ${#taken[@]} -eq 0 ]]; then
    ports=(10000 10001 10002)
    echo "Azurite on its usual ports 10000-10002" >&2
  else
    ports=()
    while [[ ${#ports[@]} -lt 3 ]]; do
      p="$(free_port)"
      [[ " ${ports[*]} " == *" $p "* ]] || ports+=("$p")
    done
    echo "port(s) ${taken[*]} already in use (another emulator?): its data is left alone; Azurite on free ports ${ports[*]} instead" >&2
  fi
fi
echo "${ports[*]}"
