using Azure.Identity;
using Broadsheet.Pipeline;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// In Azure, App Insights has local auth off: the worker's telemetry authenticates with the app's managed identity
// (the host does the same from APPLICATIONINSIGHTS_AUTHENTICATION_STRING, "ClientId=…;Authorization=AAD").
// WorkerService stays on 2.x (Directory.Packages.props): Functions.Worker.ApplicationInsights 2.x needs its
// ITelemetryInitializer, which WorkerService 3.x no longer has (the app would not start).
var telemetryClientId = ParseClientId(builder.Configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
if (telemetryClientId is not null)
{
    var credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(telemetryClientId));
    builder.Services.Configure<TelemetryConfiguration>(c => c.SetAzureTokenCredential(credential));
}
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();

// The data lives where the `IssueStorage` connection points (falling back to the host's AzureWebJobsStorage):
// a connection string locally, identity-based settings (…__blobServiceUri, …__tableServiceUri, …__clientId) in Azure.
var config = builder.Configuration;
var tokenKey = config["ContinuationTokenKey"];
void Configure(PipelineOptions o) => o.Storage.TokenKey = string.IsNullOrWhiteSpace(tokenKey) ? null : tokenKey;
var connection = StorageConnection.Resolve(config, "IssueStorage") ?? StorageConnection.Resolve(config, "AzureWebJobsStorage")
                 ?? throw new InvalidOperationException("No storage configured: set IssueStorage (or AzureWebJobsStorage)");
if (connection.ConnectionString is { } cs)
    builder.Services.AddBroadsheetPipeline(cs, Configure);
else
    builder.Services.AddBroadsheetPipeline(connection.BlobServiceUri!, connection.TableServiceUri!,
        new ManagedIdentityCredential(connection.ClientId is { } id ? ManagedIdentityId.FromUserAssignedClientId(id) : ManagedIdentityId.SystemAssigned), Configure);

// Only the function app sweeps: the dev host re-runs unfinished uploads when it starts.
builder.Services.AddSingleton<StuckUploadSweep>();

builder.Build().Run();

static string? ParseClientId(string? authentication) =>
    authentication?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(part => part.Split('=', 2))
        .Where(kv => kv.Length == 2 && kv[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase))
        .Select(kv => kv[1]).FirstOrDefault();

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
