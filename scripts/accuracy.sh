#!/usr/bin/env bash
# The parser's accuracy, in one command: renders a month of the 人民日报 corpus (../shared/corpus/people-daily) into
# dumps with known answers — archive, pdf and pdf-raw styles — and scores today's parser on them with
# tools/Broadsheet.Accuracy. Without the corpus it scores the committed sample instead and says so.
#
#   ./scripts/accuracy.sh                       # the held-out month, 2020-05: the numbers to report
#   ./scripts/accuracy.sh --month 2019-10 --failures 40     # the tuning month, with the stories it gets wrong
#   ./scripts/accuracy.sh --limit 60 --markdown             # the first 60 pages (seeded), table as Markdown
#
# Options: --month 2019-10|2020-05 (default 2020-05) · --limit PAGES · --seed S (default 1) · --styles archive,pdf,pdf-raw
#          · --out DIR (default artifacts/accuracy/MONTH-seedS) · --failures N and --headings (2019-10 only: the held-out
#          month's failures are not looked at) · --markdown · --regold (after a change to the gold rules only: rewrite
#          the golds of the dumps rendered before instead of rendering again).
# Rendered dumps are kept: a second run with the same month, seed, limit, styles and renderer only re-scores them.
# Environment: BROADSHEET_SHARED (default ../shared beside the repository), BROADSHEET_CHROMIUM (default /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

month=2020-05 seed=1 limit='' styles=archive,pdf,pdf-raw out='' markdown=() failures=() regold=''
while [[ $# -gt 0 ]]; do
  case "$1" in
    --month) month=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --limit) limit=$2; shift 2 ;;
    --styles) styles=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --markdown) markdown=(--markdown); shift ;;
    --failures) if [[ ${2:-} =~ ^[0-9]+$ ]]; then failures+=(--failures "$2"); shift 2; else failures+=(--failures); shift; fi ;;
    --headings) failures+=(--headings); shift ;;
    --regold) regold=1; shift ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "accuracy: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$month" in 2019-10|2020-05) ;; *) echo "accuracy: --month is 2019-10 (tuning) or 2020-05 (held out)" >&2; exit 2 ;; esac
if [[ $month == 2020-05 && ${#failures[@]} -gt 0 ]]; then
  echo "accuracy: 2020-05 is held out — its failures are not looked at while tuning; use --month 2019-10 for --failures" >&2
  exit 2
fi

harness() {
  local log
  log=$(dotnet build tools/Broadsheet.Accuracy -c Release --nologo -v quiet -clp:ErrorsOnly 2>&1) || { echo "$log" >&2; exit 1; }
  dotnet tools/Broadsheet.Accuracy/bin/Release/net10.0/Broadsheet.Accuracy.dll "$@"
}

shared=${BROADSHEET_SHARED:-$(dirname "$root")/shared}
corpus="$shared/corpus/people-daily/people-daily-$month.jsonl.gz"
if [[ ! -f $corpus ]]; then
  echo "No corpus at $corpus (set BROADSHEET_SHARED to the folder holding corpus/people-daily)."
  echo "Scoring the committed sample instead: tests/Broadsheet.Accuracy.Tests/Sample (7 pages of 2019-10 per style)."
  harness tests/Broadsheet.Accuracy.Tests/Sample ${failures[@]+"${failures[@]}"} ${markdown[@]+"${markdown[@]}"}
  exit 0
fi

# What the PDF styles need; without it only the archive style is rendered.
chromium=${BROADSHEET_CHROMIUM:-/usr/bin/chromium}
missing=()
[[ -x $chromium ]] || missing+=("chromium (apt-get install chromium, or set BROADSHEET_CHROMIUM)")
command -v pdftotext >/dev/null || missing+=("pdftotext (apt-get install poppler-utils)")
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=("a Chinese font (apt-get install fonts-wqy-microhei)")
if [[ ${#missing[@]} -gt 0 && $styles != archive ]]; then
  printf 'The PDF styles need what is missing here:\n' >&2
  printf '  - %s\n' "${missing[@]}" >&2
  echo "Rendering the archive style only. Install the above (Debian: sudo apt-get install chromium fonts-wqy-microhei poppler-utils) for all three." >&2
  styles=archive
fi
command -v node >/dev/null || { echo "accuracy: Node.js 20+ is needed to render the corpus" >&2; exit 1; }
[[ -d node_modules/playwright-core ]] || npm ci --no-audit --no-fund --loglevel=error

out=${out:-artifacts/accuracy/$month-seed$seed${limit:+-limit$limit}}
stamp=$( (cat tools/corpus/*.mjs; echo "$corpus $(stat -c %s "$corpus") $seed $limit $styles") | sha256sum | cut -c1-16)
if [[ -f $out/.rendered && $(cat "$out/.rendered") == "$stamp" ]]; then
  echo "Using the dumps rendered before in $out."
elif [[ -n $regold && -f $out/.rendered ]]; then
  echo "Rewriting the golds of the dumps in $out with today's gold rules …"
  node tools/corpus/render.mjs --corpus "$corpus" --out "$out" --styles "$styles" --seed "$seed" ${limit:+--limit "$limit"} --gold-only
  echo "$stamp" > "$out/.rendered"
else
  rm -rf "$out"
  echo "Rendering $month ($styles${limit:+, $limit pages}, seed $seed) into $out …"
  node tools/corpus/render.mjs --corpus "$corpus" --out "$out" --styles "$styles" --seed "$seed" ${limit:+--limit "$limit"}
  echo "$stamp" > "$out/.rendered"
fi
echo "Scoring with today's parser (src/Broadsheet.Core) …"
harness "$out" ${failures[@]+"${failures[@]}"} ${markdown[@]+"${markdown[@]}"}
