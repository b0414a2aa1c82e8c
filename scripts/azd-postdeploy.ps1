# azd postdeploy hook (Windows): same as azd-postdeploy.sh, which explains each step.
$ErrorActionPreference = 'Stop'

foreach ($name in 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'AZURE_STORAGE_ACCOUNT_NAME', 'EVENT_GRID_SYSTEM_TOPIC_NAME') {
    if (-not [Environment]::GetEnvironmentVariable($name)) {
        Write-Error "$name is not set; run this through azd (azd up / azd hooks run postdeploy)."
    }
}
if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    Write-Error "the Azure CLI (az) is needed to wire upload events; install it, run 'az login', then 'azd hooks run postdeploy'."
}

$template = Join-Path $PSScriptRoot '..' 'infra' 'app' 'upload-subscription.bicep'
try { Invoke-WebRequest -Uri "https://$($env:AZURE_FUNCTION_APP_NAME).azurewebsites.net/" -TimeoutSec 60 -SkipHttpErrorCheck | Out-Null } catch { }

for ($attempt = 1; ; $attempt++) {
    az deployment group create `
        --name upload-subscription `
        --resource-group $env:AZURE_RESOURCE_GROUP `
        --template-file $template `
        --parameters systemTopicName=$env:EVENT_GRID_SYSTEM_TOPIC_NAME functionAppName=$env:AZURE_FUNCTION_APP_NAME storageAccountName=$env:AZURE_STORAGE_ACCOUNT_NAME `
        --only-show-errors --output none
    if ($LASTEXITCODE -eq 0) { break }
    if ($attempt -ge 5) {
        Write-Error "could not create the upload event subscription; check the app started, then 'azd hooks run postdeploy'."
    }
    Write-Host "The app is not answering yet (attempt $attempt of 5); retrying in 30 s..."
    Start-Sleep -Seconds 30
}

Write-Host 'Upload events wired: blobs created in the issues container now trigger OnIssueUploaded.'
