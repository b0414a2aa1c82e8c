using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Broadsheet.Pipeline;
using Broadsheet.Pipeline.Http;
using Broadsheet.Storage;
using Broadsheet.Tests.Shared;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Pipeline.Tests;

/// <summary>
/// The real pipeline against Azurite: AddBroadsheetPipeline + the orchestrator and activities on the in-process
/// Durable Task engine. Every harness gets its own tables and containers (a name prefix), so tests sharing one
/// Azurite never see each other's data.
/// </summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    private readonly DurableTaskTestHost _host;

    private PipelineHarness(ServiceProvider services, DurableTaskTestHost host, RequestCounter counter)
    {
        Services = services;
        _host = host;
        Counter = counter;
    }

    public ServiceProvider Services { get; }
    public RequestCounter Counter { get; }
    public DurableTaskClient Client => _host.Client;
    public BroadsheetStorage Storage => Services.GetRequiredService<BroadsheetStorage>();
    public UploadIntake Intake => Services.GetRequiredService<UploadIntake>();
    public ApiHandlers Api => Services.GetRequiredService<ApiHandlers>();
    public string UploadContainer => Storage.Options.UploadContainer;
    public string Prefix => Storage.Options.NamePrefix;

    static PipelineHarness()
    {
        // The in-process engine's gRPC host reads its log levels from the environment; it logs every call at Information.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
    }

    /// <param name="prefix">Reuse another harness's tables and containers (a restart); null: fresh ones.</param>
    /// <param name="registerTasks">False: an engine that knows no orchestrator, so nothing scheduled ever runs (a host that died).</param>
    public static async Task<PipelineHarness> StartAsync(AzuriteFixture azurite, Action<PipelineOptions>? configure = null,
        Action<IServiceCollection>? services = null, string? prefix = null, bool registerTasks = true)
    {
        var counter = new RequestCounter();
        prefix ??= "t" + Guid.NewGuid().ToString("N")[..10];
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services?.Invoke(collection);
        collection.AddBroadsheetPipeline(azurite.ConnectionString, o =>
        {
            o.Storage.NamePrefix = prefix;
            o.Storage.UploadContainer = prefix + "issues";
            o.Storage.Counter = counter;
            o.Storage.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
            configure?.Invoke(o);
        });
        var provider = collection.BuildServiceProvider();
        // The in-process engine logs every gRPC call at Information: keep test output to warnings.
        var host = await DurableTaskTestHost.StartAsync(registry => { if (registerTasks) registry.AddBroadsheetTasks(provider); },
            // A port the OS says is free: the engine's own random pick sometimes lands on one in use.
            new DurableTaskTestHostOptions { Port = AzuriteFixture.FreePort(), LoggerFactory = LoggerFactory.Create(b => b
                .AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
                // At shutdown the worker's last gRPC call is cancelled and logged as an error: noise, not a failure.
                .AddFilter("Microsoft.DurableTask", LogLevel.Critical)) });
        var harness = new PipelineHarness(provider, host, counter);
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

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await Services.DisposeAsync();
    }
}
