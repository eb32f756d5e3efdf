// Flex Consumption (FC1) plan and the ReportFunctions function app: .NET 10 isolated worker, a
// user-assigned managed identity, identity-based AzureWebJobsStorage (no connection string, no key)
// and identity-based Application Insights. The app settings below are the complete list: the
// platform ones, then every name of ReportFunctionsOptions.SettingNames (a test asserts they agree).

param planName string
param appName string
param location string
param tags object

@description('Service name in azure.yaml; azd finds the app by this tag.')
param serviceName string

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of the user-assigned managed identity.')
param identityClientId string

param storageAccountName string
param deploymentContainerName string
param applicationInsightsConnectionString string

@description('Largest number of instances the app scales out to (Flex Consumption: 40 to 1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

// ReportFunctionsOptions settings (AppSettingNames).
param rankingSchedule string
param reconcileSchedule string
param maxReportBytes int
param maxIngestAttempts int
param maxPdfPages int
param maxDecompressedBytes int
param maxHtmlDepth int
param documentReadTimeoutSeconds int

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        // No always-ready instances: the app scales to zero and is billed per execution only.
        alwaysReady: []
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Flex Consumption takes the runtime from functionAppConfig: FUNCTIONS_WORKER_RUNTIME,
      // FUNCTIONS_EXTENSION_VERSION and WEBSITE_RUN_FROM_PACKAGE must not be set here.
      appSettings: [
        // Host storage through the user-assigned identity (identity-based connection).
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identityClientId
        }
        {
          name: 'AzureWebJobsStorage__blobServiceUri'
          value: storage.properties.primaryEndpoints.blob
        }
        {
          name: 'AzureWebJobsStorage__queueServiceUri'
          value: storage.properties.primaryEndpoints.queue
        }
        {
          name: 'AzureWebJobsStorage__tableServiceUri'
          value: storage.properties.primaryEndpoints.table
        }
        // Application Insights with Entra ID auth (local auth is disabled on the component).
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: applicationInsightsConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identityClientId};Authorization=AAD'
        }
        // ReportFunctionsOptions.
        {
          name: 'RANKING_SCHEDULE'
          value: rankingSchedule
        }
        {
          name: 'RECONCILE_SCHEDULE'
          value: reconcileSchedule
        }
        {
          name: 'MAX_REPORT_BYTES'
          value: string(maxReportBytes)
        }
        {
          name: 'MAX_INGEST_ATTEMPTS'
          value: string(maxIngestAttempts)
        }
        {
          name: 'MAX_PDF_PAGES'
          value: string(maxPdfPages)
        }
        {
          name: 'MAX_DECOMPRESSED_BYTES'
          value: string(maxDecompressedBytes)
        }
        {
          name: 'MAX_HTML_DEPTH'
          value: string(maxHtmlDepth)
        }
        {
          name: 'DOCUMENT_READ_TIMEOUT_SECONDS'
          value: string(documentReadTimeoutSeconds)
        }
      ]
    }
  }
}

output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
