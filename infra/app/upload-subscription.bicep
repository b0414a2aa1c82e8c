// BlobCreated events from the `issues` container → the OnIssueUploaded blob trigger (Event Grid source).
//
// Deployed only by azd's postdeploy hook (scripts/azd-postdeploy.sh), after every deploy, never by main.bicep:
// the webhook needs the host's `blobs_extension` system key, which exists once the host has loaded a blob trigger
// with Source = EventGrid, and Event Grid validates the endpoint when the subscription is created. A provision
// of a fresh environment (`azd down --purge`, then `azd up`) has no code deployed yet.
param systemTopicName string
param functionAppName string
param storageAccountName string

@description('Name the blob trigger function is registered under.')
param functionName string = 'OnIssueUploaded'

param issuesContainerName string = 'issues'
param deadLetterContainerName string = 'deadletter'

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

// The host's keys come from the `host/default` child, which has no Bicep type definitions; the plain listKeys
// function reads them without an untyped resource declaration. The key goes straight into the webhook URL
// (a write-only property of the subscription); it is never output.
var blobsExtensionKey = listKeys('${functionApp.id}/host/default', '2025-03-01').systemKeys.blobs_extension

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: '${issuesContainerName}-to-${toLower(functionName)}'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
      subjectBeginsWith: '/blobServices/default/containers/${issuesContainerName}/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    // Events that still fail after a day of retries land here, written with the topic's own identity.
    deadLetterWithResourceIdentity: {
      identity: { type: 'SystemAssigned' }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

output name string = subscription.name
