// Every role assignment of the deployment, and nothing wider than these:
// - the app's user-assigned identity: the three storage data roles, scoped to the storage account,
//   and Monitoring Metrics Publisher, scoped to the Application Insights component;
// - optionally the developer who runs `azd up` (principalId): Storage Blob Data Contributor on the
//   reports container only, so `az storage blob upload --auth-mode login` works.
// No Owner, Contributor or User Access Administrator anywhere (ReportFunctions.Infra.Tests checks).

param storageAccountName string
param reportsContainerName string
param applicationInsightsName string

@description('Principal (object) id of the app\'s user-assigned managed identity.')
param appPrincipalId string

@description('Object id of the user who uploads reports; empty to skip that assignment.')
param uploaderPrincipalId string = ''

@description('Principal type of uploaderPrincipalId.')
@allowed(['User', 'Group', 'ServicePrincipal'])
param uploaderPrincipalType string = 'User'

// Built-in role definition ids (the same in every tenant).
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

// Blob Data Owner (not Contributor): the Functions host needs it for AzureWebJobsStorage (host keys,
// timer schedule monitors, blob trigger receipts) and Flex Consumption reads its package with it.
var appStorageRoles = [
  storageBlobDataOwner
  storageQueueDataContributor
  storageTableDataContributor
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource reportsContainer 'containers' existing = {
      name: reportsContainerName
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource appStorageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in appStorageRoles: {
    name: guid(storage.id, appPrincipalId, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource appMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appPrincipalId, monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource uploaderBlobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(uploaderPrincipalId)) {
  name: guid(storage::blobService::reportsContainer.id, uploaderPrincipalId, storageBlobDataContributor)
  scope: storage::blobService::reportsContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: uploaderPrincipalId
    principalType: uploaderPrincipalType
  }
}
