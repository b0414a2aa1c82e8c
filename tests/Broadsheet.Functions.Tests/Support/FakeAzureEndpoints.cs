using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Functions.Tests.Support;

/// <summary>
/// Loopback stand-ins for the two Azure endpoints the worker's telemetry talks to: the App Service managed-identity
/// endpoint (what IDENTITY_ENDPOINT / IDENTITY_HEADER point at on the platform) and Application Insights' ingestion
/// endpoint (the connection string's IngestionEndpoint). Every request is recorded; nothing leaves the machine.
/// </summary>
public sealed class FakeAzureEndpoints : IAsyncDisposable
{
    public const string IdentityHeader = "fake-identity-header";
    public const string AccessToken = "fake-monitor-token";

    private readonly WebApplication _server;
    private readonly TaskCompletionSource<Received> _telemetry = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeAzureEndpoints(WebApplication server) => _server = server;

    public sealed record Received(string Method, string Path, string Query, string? Authorization, string? IdentityHeader);

    public Uri Uri { get; private set; } = null!;

    public Uri IdentityEndpoint => new(Uri, "msi/token");

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>The first telemetry upload to the ingestion endpoint.</summary>
    public Task<Received> Telemetry => _telemetry.Task;

    public static async Task<FakeAzureEndpoints> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var server = builder.Build();
        var fake = new FakeAzureEndpoints(server);
        server.Use(async (context, next) =>
        {
            var request = context.Request;
            fake.Requests.Enqueue(new Received(request.Method, request.Path, request.QueryString.Value ?? "",
                request.Headers.Authorization.FirstOrDefault(), request.Headers["X-IDENTITY-HEADER"].FirstOrDefault()));
            await next(context);
        });
        // App Service's managed identity protocol (api-version 2019-08-01): a bearer token for the resource asked for.
        server.MapGet("/msi/token", (HttpRequest request) => Results.Json(new Dictionary<string, string>
        {
            ["access_token"] = AccessToken,
            ["expires_on"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(),
            ["resource"] = request.Query["resource"].ToString(),
            ["token_type"] = "Bearer",
            ["client_id"] = request.Query["client_id"].ToString(),
        }));
        // Application Insights ingestion (v2.1 is the path for Entra ID-authenticated uploads).
        server.MapPost("/v2.1/track", (HttpRequest request) => Track(fake, request));
        server.MapPost("/v2/track", (HttpRequest request) => Track(fake, request));
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.Uri = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _server.StopAsync(stopping.Token);
        await _server.DisposeAsync();
    }

    private static IResult Track(FakeAzureEndpoints fake, HttpRequest request)
    {
        fake._telemetry.TrySetResult(new Received(request.Method, request.Path, request.QueryString.Value ?? "", request.Headers.Authorization.FirstOrDefault(), null));
        return Results.Json(new { itemsReceived = 1, itemsAccepted = 1, errors = Array.Empty<object>() });
    }
}
