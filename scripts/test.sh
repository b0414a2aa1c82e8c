#!/usr/bin/env bash
# Runs every test. Installs Azurite, Vite and playwright-core from package.json first (the storage tests start
# Azurite themselves), builds the reading room so Broadsheet.Api embeds it, runs the .NET tests, then the
# browser tests (headless Chromium at /usr/bin/chromium against the dev host the .NET build produced), then the
# corpus renderer's tests (its PDF styles need Chromium and pdftotext, and are skipped without them).
# Every suite runs even if one before it fails; the script fails if any did.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --loglevel=error
npm run --silent build:web
status=0
dotnet test Functions.sln -c Release --nologo "$@" || status=$?
node --test tests/Broadsheet.Web.Tests/ || status=$?
node --test tests/Broadsheet.Corpus.Tests/ || status=$?
exit "$status"
