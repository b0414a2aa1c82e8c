// The Broadsheet function app on a Flex Consumption (FC1) plan: .NET 10 isolated worker, running as the
// user-assigned identity. Every storage connection is identity-based, so no key or connection string is stored.
param planName string
param appName string
param location string
param tags object

@description('azd finds the app to deploy to by this tag.')
param serviceName string

param identityId string
param identityClientId string

param blobEndpoint string
param queueEndpoint string
param tableEndpoint string

@description('Container the app package is deployed to (Flex Consumption runs from it).')
param deploymentContainerName string

param applicationInsightsConnectionString string

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@secure()
@description('Signs the API\'s continuation tokens.')
param continuationTokenKey string

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // Flex Consumption takes the worker runtime and version from functionAppConfig; it rejects
  // FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION settings, so they are not set here.
  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      // The host's own storage: Durable Task hub, blob trigger receipts and poison queue.
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      AzureWebJobsStorage__blobServiceUri: blobEndpoint
      AzureWebJobsStorage__queueServiceUri: queueEndpoint
      AzureWebJobsStorage__tableServiceUri: tableEndpoint
      // Broadsheet's data (issues container, article tables): same account today, its own connection name
      // so it can move to another account without touching the host's.
      IssueStorage__credential: 'managedidentity'
      IssueStorage__clientId: identityClientId
      IssueStorage__blobServiceUri: blobEndpoint
      IssueStorage__queueServiceUri: queueEndpoint
      IssueStorage__tableServiceUri: tableEndpoint
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
      // Telemetry is sent with the managed identity: the App Insights resource has local auth disabled.
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      // The same on every instance, so a continuation token from one instance is accepted by the next.
      ContinuationTokenKey: continuationTokenKey
    }
  }

  // Deployments go through Entra ID (azd / OneDeploy); no FTP or SCM basic-auth passwords.
  resource ftp 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: { allow: false }
  }

  resource scm 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: { allow: false }
  }
}

output name string = app.name
output id string = app.id
output defaultHostName string = app.properties.defaultHostName
output planName string = plan.name
