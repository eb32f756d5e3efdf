using System.Net;
using ReportFunctions.LocalHost;
using ReportFunctions.LocalHost.Http;
using ReportFunctions.LocalHost.Jobs;

var builder = WebApplication.CreateBuilder(args);

// WebJobs SDK: the same blob trigger as the Functions app, on the AzureWebJobsStorage connection, fed Event Grid events by BlobCreatedEvents.
builder.Host.ConfigureWebJobs(webJobs =>
{
    webJobs.AddAzureStorageCoreServices();
    webJobs.AddAzureStorageBlobs();
});
builder.Services.AddReportFunctionsLocalHost(builder.Configuration);
builder.Services.AddHostedService<BlobCreatedEvents>();

var app = builder.Build();
EnsureLoopback(app.Urls.Count > 0 ? app.Urls : (builder.Configuration["Urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries));
app.MapReportFunctionsApi();
app.MapReportFunctionsDashboard();
app.Run();

// LocalHost has no function keys: it must only listen on this machine.
static void EnsureLoopback(IEnumerable<string> urls)
{
    foreach (var url in urls)
    {
        var host = new Uri(url.Replace("*", "star").Replace("+", "plus")).Host;
        if (host != "localhost" && !(IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)))
            throw new InvalidOperationException($"LocalHost binds to loopback only; '{url}' is not a loopback address.");
    }
}

public partial class Program;
