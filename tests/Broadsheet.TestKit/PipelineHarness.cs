using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Broadsheet.Api;
using Broadsheet.DevHost;
using Broadsheet.Ingestion;
using Broadsheet.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadsheet.TestKit;

/// <summary>
/// The real pipeline against Azurite: AddBroadsheetIngestion + AddBroadsheetApi, and the orchestrator and activities on
/// a <see cref="LocalEngine"/>. Every harness gets its own tables, containers and task hub (a name prefix), so tests
/// sharing one Azurite never see each other's data or orchestrations.
/// </summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    private readonly LocalEngine _engine;

    private PipelineHarness(ServiceProvider services, LocalEngine engine, RequestCounter counter, string taskHub)
    {
        Services = services;
        _engine = engine;
        Counter = counter;
        TaskHub = taskHub;
    }

    /// <summary>The engine's task hub (its history: <see cref="TaskHubHistory"/>).</summary>
    public string TaskHub { get; }

    public ServiceProvider Services { get; }
    public RequestCounter Counter { get; }
    public DurableTaskClient Client => _engine.Client;
    public BroadsheetStorage Storage => Services.GetRequiredService<BroadsheetStorage>();
    public UploadIntake Intake => Services.GetRequiredService<UploadIntake>();
    public ApiHandlers Api => Services.GetRequiredService<ApiHandlers>();
    public string UploadContainer => Storage.Options.UploadContainer;
    public string Prefix => Storage.Options.NamePrefix;

    /// <param name="prefix">Reuse another harness's tables, containers and task hub (a restart); null: fresh ones.</param>
    /// <param name="taskHub">The engine's task hub; null: the prefix's own (a restart finds its orchestrations there).</param>
    /// <param name="registerTasks">False: an engine that knows no orchestrator, so what it schedules ends failed at once (a host that cannot run it).</param>
    public static async Task<PipelineHarness> StartAsync(AzuriteFixture azurite, Action<IngestionOptions>? configure = null,
        Action<IServiceCollection>? services = null, string? prefix = null, bool registerTasks = true, string? taskHub = null)
    {
        var counter = new RequestCounter();
        prefix ??= "t" + Guid.NewGuid().ToString("N")[..10];
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services?.Invoke(collection);
        collection.AddBroadsheetIngestion(azurite.ConnectionString, o =>
        {
            o.Storage.NamePrefix = prefix;
            o.Storage.UploadContainer = prefix + "issues";
            o.Storage.Counter = counter;
            o.Storage.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
            configure?.Invoke(o);
        }).AddBroadsheetApi();
        var provider = collection.BuildServiceProvider();
        taskHub ??= prefix + "hub";
        var engine = await LocalEngine.StartAsync(provider, new LocalEngineOptions(azurite.ConnectionString, TaskHub: taskHub), LoggerFactory.Create(b => b
            .AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            // At shutdown the worker's last gRPC call is cancelled and logged as an error: noise, not a failure.
            .AddFilter("Microsoft.DurableTask", LogLevel.Critical)), registerTasks);
        var harness = new PipelineHarness(provider, engine, counter, taskHub);
        await harness.Storage.EnsureCreatedAsync();
        return harness;
    }

    /// <summary>Uploads like a user would (Put Blob: the service sets Content-MD5).</summary>
    public async Task<BlobClient> UploadAsync(string blobName, byte[] content, IDictionary<string, string>? metadata = null)
    {
        var blob = Storage.BlobService.GetBlobContainerClient(UploadContainer).GetBlobClient(blobName);
        await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions { Metadata = metadata });
        return blob;
    }

    /// <summary>What the blob trigger does, then waits for the orchestration (if one was started) to finish.</summary>
    public async Task<(IntakeResult Intake, IngestResult? Result)> IngestAsync(string blobName)
    {
        var intake = await Intake.OnBlobAsync(UploadContainer, blobName, Client);
        if (intake.Action != IntakeAction.Scheduled) return (intake, null);
        return (intake, await WaitAsync(intake.InstanceId));
    }

    public async Task<IngestResult> WaitAsync(string instanceId)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var meta = await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cts.Token);
        Assert.True(meta.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            $"orchestration {instanceId} ended {meta.RuntimeStatus}: {meta.FailureDetails?.ErrorMessage}");
        return meta.ReadOutputAs<IngestResult>()!;
    }

    /// <summary>
    /// A request to "/api/…" routed through <see cref="ApiRoutes"/> as a host routes it (route values from the template)
    /// and the handler's result executed into a response: its status, content type and body.
    /// </summary>
    public async Task<(int Status, string ContentType, string Body)> SendAsync(string pathAndQuery, string method = "GET")
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        var q = pathAndQuery.IndexOf('?');
        context.Request.Method = method;
        context.Request.Path = q < 0 ? pathAndQuery : pathAndQuery[..q];
        if (q >= 0) context.Request.QueryString = new QueryString(pathAndQuery[q..]);
        context.Response.Body = new MemoryStream();

        var path = context.Request.Path.Value!;
        var prefix = "/" + ApiRoutes.Prefix;
        Assert.StartsWith(prefix + "/", path);
        var (route, values) = ApiRoutes.All
            .Select(r => (Route: r, Values: new RouteValueDictionary()))
            .First(r => new TemplateMatcher(TemplateParser.Parse(r.Route.Template), new RouteValueDictionary()).TryMatch(path[prefix.Length..], r.Values));
        var result = await route.HandleAsync(Api, context.Request, values);
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, context.Response.ContentType ?? "", Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }

    /// <summary><see cref="SendAsync"/>, expecting <paramref name="status"/> and a JSON body.</summary>
    public async Task<JsonElement> GetJsonAsync(string pathAndQuery, int status = 200)
    {
        var (actual, contentType, body) = await SendAsync(pathAndQuery);
        Assert.True(actual == status, $"expected {status}, got {actual}: {body}");
        Assert.Equal(ApiJson.ContentType, contentType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await _engine.DisposeAsync();
        await Services.DisposeAsync();
    }
}
