// Broadsheet on Azure: `azd up` from the repo root provisions this, deploys src/Broadsheet.Functions, then
// its postdeploy hook wires Event Grid to the blob trigger (see README "Deploying to Azure"). The event
// subscription is the hook's alone: it needs the deployed code, which a fresh provision never has.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds the resource-name hash.')
param environmentName string

@minLength(1)
@description('Region for every resource. Must offer the Flex Consumption plan.')
@metadata({ azd: { type: 'location' } })
param location string

@description('Resource group to create or reuse; default rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the deploying user (azd sets AZURE_PRINCIPAL_ID); gets data access to upload and read. Empty to skip.')
param principalId string = ''

@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

@description('Maximum instances the Flex Consumption app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance, MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@secure()
@minLength(32)
@description('Signs the API\'s continuation tokens (paging cursors). azd generates it once per environment and keeps it in the environment\'s config, so every provision (after `azd down --purge` too) signs with the same key and users\' paging links keep working.')
@metadata({ azd: { type: 'generate', config: { length: 48 } } })
param continuationTokenKey string

var tags = { 'azd-env-name': environmentName }
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))

var names = {
  resourceGroup: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  identity: 'id-func-${resourceToken}'
  storage: 'st${resourceToken}'
  logAnalytics: 'log-${resourceToken}'
  applicationInsights: 'appi-${resourceToken}'
  plan: 'plan-${resourceToken}'
  functionApp: 'func-${resourceToken}'
  systemTopic: 'evgt-${resourceToken}'
}

var containers = {
  issues: 'issues'
  deadLetter: 'deadletter'
  appPackage: 'app-package'
}

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    containerNames: [containers.issues, containers.deadLetter, containers.appPackage]
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: names.storage
    applicationInsightsName: names.applicationInsights
    appIdentityName: names.identity
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
  dependsOn: [identity, storage, monitoring]
}

module functionApp 'app/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    planName: names.plan
    appName: names.functionApp
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: containers.appPackage
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    continuationTokenKey: continuationTokenKey
  }
  // The host starts as soon as the app exists: let it find its storage and telemetry permissions in place.
  dependsOn: [rbac]
}

module events 'app/events.bicep' = {
  name: 'events'
  scope: rg
  params: {
    name: names.systemTopic
    location: location
    tags: tags
    storageAccountName: names.storage
    deadLetterContainerName: containers.deadLetter
  }
  dependsOn: [storage]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output API_BASE_URL string = 'https://${functionApp.outputs.defaultHostName}/api'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output ISSUES_CONTAINER_NAME string = containers.issues
output DEADLETTER_CONTAINER_NAME string = containers.deadLetter
output EVENT_GRID_SYSTEM_TOPIC_NAME string = events.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
