using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using ReportFunctions.Core.Configuration;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// Storage clients come from the AzureWebJobsStorage connection (Microsoft.Extensions.Azure's AddAzureClients).
builder.Services.AddReportFunctionsCore(builder.Configuration);
builder.Build().Run();
