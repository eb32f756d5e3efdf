// ReportFunctions on Azure: one resource group with a storage account (reports container, tables),
// a Flex Consumption function app with a user-assigned identity, Application Insights + Log
// Analytics, and an Event Grid system topic for the blob trigger. `azd up` deploys it (azure.yaml);
// docs/deploy.md has the steps, the Event Grid subscription step and the running cost.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds the unique resource names.')
param environmentName string

@minLength(1)
@description('Azure region of every resource. It must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the user running azd (AZURE_PRINCIPAL_ID). Gets Storage Blob Data Contributor on the reports container only, to upload reports. Empty to skip.')
param principalId string = ''

@description('Principal type of principalId.')
@allowed(['User', 'Group', 'ServicePrincipal'])
param principalType string = 'User'

@description('RANKING_SCHEDULE: NCRONTAB (six fields) of the ranking refresh.')
param rankingSchedule string = '0 */30 * * * *'

@description('RECONCILE_SCHEDULE: NCRONTAB of the pass that ingests blobs the trigger missed.')
param reconcileSchedule string = '0 */5 * * * *'

@description('MAX_REPORT_BYTES: largest report accepted.')
@minValue(1)
param maxReportBytes int = 10485760

@description('MAX_INGEST_ATTEMPTS: tries before a report is marked Failed.')
@minValue(1)
param maxIngestAttempts int = 3

@description('MAX_PDF_PAGES: a PDF with more pages is Failed.')
@minValue(1)
param maxPdfPages int = 500

@description('MAX_DECOMPRESSED_BYTES: bytes the XML parts of a .docx or the Flate streams of a PDF may decompress to (zip bombs stop here).')
@minValue(1)
param maxDecompressedBytes int = 67108864

@description('MAX_HTML_DEPTH: deepest element nesting of a web page accepted.')
@minValue(1)
param maxHtmlDepth int = 512

@description('DOCUMENT_READ_TIMEOUT_SECONDS: time reading one document\'s text may take.')
@minValue(1)
param documentReadTimeoutSeconds int = 60

@description('Largest number of Flex Consumption instances.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

// Container and table names, shared with StorageNames.cs (a test asserts they agree).
var storageNames = loadJsonContent('storage-names.json')

var serviceName = 'api'
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = 'func-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    reportsContainerName: storageNames.reportsContainer
    leasesContainerName: storageNames.leasesContainer
    deploymentContainerName: deploymentContainerName
    tableNames: storageNames.tables
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    reportsContainerName: storage.outputs.reportsContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appPrincipalId: identity.outputs.principalId
    uploaderPrincipalId: principalId
    uploaderPrincipalType: principalType
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    planName: 'plan-${resourceToken}'
    appName: functionAppName
    location: location
    tags: tags
    serviceName: serviceName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    maximumInstanceCount: maximumInstanceCount
    rankingSchedule: rankingSchedule
    reconcileSchedule: reconcileSchedule
    maxReportBytes: maxReportBytes
    maxIngestAttempts: maxIngestAttempts
    maxPdfPages: maxPdfPages
    maxDecompressedBytes: maxDecompressedBytes
    maxHtmlDepth: maxHtmlDepth
    documentReadTimeoutSeconds: documentReadTimeoutSeconds
  }
  // The host starts with its identity-based storage connection; grant the roles first.
  dependsOn: [
    rbac
  ]
}

module eventGrid 'modules/eventgrid.bicep' = {
  name: 'eventgrid'
  scope: rg
  params: {
    name: 'evgt-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
  }
}

// azd stores these in the environment (.azure/<env>/.env); the postdeploy hook reads them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output REPORTS_CONTAINER_NAME string = storage.outputs.reportsContainerName
output EVENTGRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
output INGEST_FUNCTION_NAME string = 'IngestReport'
