#!/usr/bin/env bash
# Entity accuracy (people, places, organisations) of enrichment against the People's Daily 1998 NER dev split, beside
# jieba.NET's POS tags (nr, ns, nt) over the same articles in the same run (tools/Broadsheet.EntityEval).
#   ./scripts/measure-entities.sh                  # the held-out half: the numbers to report
#   ./scripts/measure-entities.sh --split look --errors 30   # the half to tune on, with its misses and extras
#   ./scripts/measure-entities.sh --markdown       # the table as Markdown
#   ./scripts/measure-entities.sh --split look --no-jieba   # ours only, faster, while iterating
#   ./scripts/measure-entities.sh --split look-a --errors 30 --no-jieba  # tune on a quarter; check it on --split look-b
# The corpus has no licence: it is only measured with, never shipped or learned from. Without it this says so and exits 0.
# Environment: BROADSHEET_SHARED (default ../shared beside the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=${BROADSHEET_SHARED:-$(dirname "$root")/shared}
corpus="$shared/corpus/ner-people-daily-1998/dev.bio.gz"
if [[ ! -f $corpus ]]; then
  echo "No corpus at $corpus (set BROADSHEET_SHARED to the folder holding corpus/ner-people-daily-1998); nothing measured."
  exit 0
fi
log=$(dotnet build tools/Broadsheet.EntityEval -c Release --nologo -v quiet -clp:ErrorsOnly 2>&1) || { echo "$log" >&2; exit 1; }
dotnet tools/Broadsheet.EntityEval/bin/Release/net10.0/Broadsheet.EntityEval.dll "$corpus" "$@"
