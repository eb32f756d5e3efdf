// Event Grid system topic on the storage account. Flex Consumption runs blob triggers only with
// Source = BlobTriggerSource.EventGrid: Event Grid pushes Microsoft.Storage.BlobCreated to the
// blobs extension webhook of IngestReport. The *subscription* is not created here: its webhook URL
// carries the blobs_extension system key, which exists only once the code is deployed and the host
// has started, and Event Grid validates the endpoint when the subscription is created. The azd
// postdeploy hook infra/scripts/create-eventgrid-subscription.sh creates it (docs/deploy.md).

param name string
param location string
param tags object
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = systemTopic.name
