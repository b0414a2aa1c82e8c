using Azure.Identity;
using Broadsheet.Api;
using Broadsheet.Functions;
using Broadsheet.Ingestion;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// In Azure, App Insights has local auth off: telemetry authenticates with the app's managed identity. The host reads
// APPLICATIONINSIGHTS_AUTHENTICATION_STRING ("ClientId=…;Authorization=AAD") for its own telemetry, and
// ConfigureFunctionsApplicationInsights does the same for the worker's (tests/Broadsheet.Functions.Tests checks it).
// WorkerService stays on 2.x (Directory.Packages.props): Functions.Worker.ApplicationInsights 2.x needs its
// ITelemetryInitializer, which WorkerService 3.x no longer has (the app would not start).
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();

// The data lives where the `IssueStorage` connection points (falling back to the host's AzureWebJobsStorage):
// a connection string locally, identity-based settings (…__blobServiceUri, …__tableServiceUri, …__clientId) in Azure.
var config = builder.Configuration;
var tokenKey = config["ContinuationTokenKey"];
void Configure(IngestionOptions o) => o.Storage.TokenKey = string.IsNullOrWhiteSpace(tokenKey) ? null : tokenKey;
var connection = StorageConnection.Resolve(config, "IssueStorage") ?? StorageConnection.Resolve(config, "AzureWebJobsStorage")
                 ?? throw new InvalidOperationException("No storage configured: set IssueStorage (or AzureWebJobsStorage)");
if (connection.ConnectionString is { } cs)
    builder.Services.AddBroadsheetIngestion(cs, Configure);
else
    builder.Services.AddBroadsheetIngestion(connection.BlobServiceUri!, connection.TableServiceUri!,
        new ManagedIdentityCredential(connection.ClientId is { } id ? ManagedIdentityId.FromUserAssignedClientId(id) : ManagedIdentityId.SystemAssigned), Configure);
builder.Services.AddBroadsheetApi();
// The stuck-upload sweep, with the task-hub retention app setting TaskHubRetentionDays if set (docs/reliability.md).
builder.Services.AddStuckUploadSweep(config);

builder.Build().Run();

/// <summary>A Functions-style connection: a connection string, or the identity-based "{name}__*" settings.</summary>
internal sealed record StorageConnection(string? ConnectionString, Uri? BlobServiceUri, Uri? TableServiceUri, string? ClientId)
{
    public static StorageConnection? Resolve(IConfiguration config, string name)
    {
        if (config[name] is { Length: > 0 } cs) return new StorageConnection(cs, null, null, null);
        var section = config.GetSection(name);
        if (section["blobServiceUri"] is { Length: > 0 } blob && section["tableServiceUri"] is { Length: > 0 } table)
            return new StorageConnection(null, new Uri(blob), new Uri(table), section["clientId"]);
        return null;
    }
}
