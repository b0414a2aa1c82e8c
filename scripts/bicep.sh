#!/usr/bin/env bash
# Runs the Bicep CLI the repo pins (Azure.Bicep.CommandLine.linux-x64, restored from NuGet by the infra tests
# project), e.g.  ./scripts/bicep.sh build infra/main.bicep --stdout   or   ./scripts/bicep.sh lint infra/main.bicep
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
project="$root/tests/Broadsheet.Infra.Tests/Broadsheet.Infra.Tests.csproj"
version="$(sed -n 's:.*<BicepVersion>\(.*\)</BicepVersion>.*:\1:p' "$project")"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"

if [[ ! -f "$bicep" ]]; then
  dotnet restore "$project" --nologo --verbosity quiet >&2
fi
if [[ ! -f "$bicep" ]]; then
  echo "error: Bicep CLI $version not found at $bicep after restore" >&2
  exit 1
fi
[[ -x "$bicep" ]] || chmod +x "$bicep"
exec "$bicep" "$@"
