#!/usr/bin/env bash
# Runs every test. Installs Azurite from package.json first (the storage tests start it themselves).
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --loglevel=error
dotnet test Functions.sln -c Release --nologo "$@"
