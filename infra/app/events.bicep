// The storage account's Event Grid system topic. The subscription that feeds the blob trigger lives in
// upload-subscription.bicep: it can only be created once the app's code is deployed (see main.bicep).
param name string
param location string
param tags object
param storageAccountName string
param deadLetterContainerName string

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource deadLetter 'containers' existing = {
      name: deadLetterContainerName
    }
  }
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  // Its own identity writes undeliverable events to the dead-letter container (shared keys are off).
  identity: { type: 'SystemAssigned' }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

// Scoped to the dead-letter container only: the topic can write there and nowhere else.
resource deadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobService::deadLetter.id, topic.id, storageBlobDataContributor)
  scope: storage::blobService::deadLetter
  properties: {
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
  }
}

output name string = topic.name
output id string = topic.id
