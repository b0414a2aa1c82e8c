#!/usr/bin/env bash
# Runs every test. First what they need: from Debian, Chromium, a CJK font and pdftotext (scripts/prerequisites.sh
# installs them when missing, or names the command); from package.json, Azurite, Vite and playwright-core (the
# storage tests start Azurite themselves). Then builds the reading room so Broadsheet.Api embeds it, runs the .NET
# tests, the browser tests (headless Chromium against the dev host the .NET build produced), the corpus renderer's
# tests and the scripts' own tests. Every suite runs even if one before it fails; the script fails if any did.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/prerequisites.sh
npm ci --no-audit --no-fund --loglevel=error
npm run --silent build:web
status=0
dotnet test Functions.sln -c Release --nologo "$@" || status=$?
node --test tests/Broadsheet.Web.Tests/ || status=$?
node --test tests/Broadsheet.Corpus.Tests/ || status=$?
node --test tests/Broadsheet.Scripts.Tests/ || status=$?
exit "$status"
