using System.Net.Sockets;
using Broadsheet.Ingestion;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Broadsheet.DevHost;

/// <summary>Where a <see cref="LocalEngine"/> keeps its task hub, and who it is among the workers sharing it.</summary>
/// <param name="Storage">The storage connection string (the dev host's own account: Azurite by default).</param>
/// <param name="TaskHub">The task hub: queues, tables and blobs named after it. Everyone sharing it shares the work.</param>
/// <param name="WorkerId">Unique among the live workers of the hub; a worker restarted under the same id takes its partitions back at once.</param>
public sealed record LocalEngineOptions(string Storage, string TaskHub = LocalEngine.DefaultTaskHub, string? WorkerId = null);

/// <summary>
/// The Durable Task engine the dev host, the tests (<c>PipelineHarness</c>) and the bench run the IngestIssue orchestrator
/// and its activities (<see cref="IngestTasks"/>) on: the Durable Task Framework's Azure Storage provider — the backend
/// Durable Functions runs in Azure — in the given storage account, served over gRPC by InProcessTestHost's
/// <see cref="TaskHubGrpcServer"/> (on a Unix socket, in process) to the durabletask-dotnet worker and client, which
/// stay exactly as the function app uses them. Orchestration state lives in the task hub, so it survives a crash of
/// this process, and several processes on one hub share the work. Settings: docs/local-development.md.
/// </summary>
public sealed class LocalEngine : IAsyncDisposable
{
    /// <summary>The task hub the function app uses too (host.json).</summary>
    public const string DefaultTaskHub = "BroadsheetHub";

    /// <summary>Control-queue partitions: orchestrations spread over them, and over the workers holding them.</summary>
    public const int PartitionCount = 4;

    private readonly WebApplication _sidecar;
    private readonly IHost _worker;
    private readonly GrpcChannel _channel;
    private readonly ProviderShim _service;
    private readonly string _socket;

    private LocalEngine(WebApplication sidecar, IHost worker, GrpcChannel channel, ProviderShim service, string socket)
    {
        (_sidecar, _worker, _channel, _service, _socket) = (sidecar, worker, channel, service, socket);
        Client = worker.Services.GetRequiredService<DurableTaskClient>();
    }

    /// <summary>Schedules, queries and waits for orchestrations in this engine's task hub.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>The provider's settings, chosen for low latency on one machine (why each: docs/local-development.md).</summary>
    public static AzureStorageOrchestrationServiceSettings Settings(LocalEngineOptions options, ILoggerFactory loggerFactory) => new()
    {
        StorageAccountClientProvider = new StorageAccountClientProvider(options.Storage),
        TaskHubName = options.TaskHub,
        WorkerId = options.WorkerId ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}",
        PartitionCount = PartitionCount,
        // An idle queue is polled at most this far apart (the default, 30 s, would leave a new upload waiting).
        MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500),
        // A dead worker's activity comes back after 15 s; a live one's lock is renewed (ProviderShim) before then.
        WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(15),
        ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(60),
        // A dead worker's partitions move to a live one within ~15 s; a live one renews well before that.
        LeaseInterval = TimeSpan.FromSeconds(15),
        LeaseRenewInterval = TimeSpan.FromSeconds(5),
        LeaseAcquireInterval = TimeSpan.FromSeconds(5),
        PartitionTableOperationTimeout = TimeSpan.FromSeconds(10),
        // Enrichment is CPU-bound: more activities than this only hold more stories in memory (host.json says 4 on
        // one instance; here I/O-bound publish and parse share the slots).
        MaxConcurrentTaskActivityWorkItems = MaxActivities,
        MaxConcurrentTaskOrchestrationWorkItems = 8,
        // A start refused as a duplicate is an error the caller sees (ProviderShim), not a silent success.
        ThrowExceptionOnInvalidDedupeStatus = true,
        LoggerFactory = loggerFactory,
    };

    /// <summary>Activities one engine runs at once.</summary>
    public const int MaxActivities = 8;

    /// <param name="services">Where the activities come from (AddBroadsheetIngestion).</param>
    /// <param name="options">The storage account and task hub.</param>
    /// <param name="loggerFactory">The engine's own logging (the provider and gRPC are chatty: give it a quiet one).</param>
    /// <param name="registerTasks">False: a worker that knows no orchestrator, so what it schedules ends failed at once (a host that cannot run it).</param>
    public static async Task<LocalEngine> StartAsync(IServiceProvider services, LocalEngineOptions options, ILoggerFactory loggerFactory,
        bool registerTasks = true, CancellationToken ct = default)
    {
        var settings = Settings(options, loggerFactory);
        var service = new AzureStorageOrchestrationService(settings);
        await service.CreateIfNotExistsAsync();
        var shim = new ProviderShim(service, settings, loggerFactory.CreateLogger<ProviderShim>());

        // The gRPC server on a Unix socket of its own: no TCP port to find or clash over, nothing reachable from outside.
        var socket = Path.Combine(Path.GetTempPath(), $"broadsheet-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}.sock");
        var sidecarBuilder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        sidecarBuilder.WebHost.UseKestrel(k => k.ListenUnixSocket(socket, l => l.Protocols = HttpProtocols.Http2));
        sidecarBuilder.Logging.ClearProviders();
        sidecarBuilder.Services.AddSingleton(loggerFactory);
        sidecarBuilder.Services.AddGrpc();
        sidecarBuilder.Services.AddSingleton<IOrchestrationService>(shim);
        sidecarBuilder.Services.AddSingleton<IOrchestrationServiceClient>(shim);
        sidecarBuilder.Services.AddSingleton<TaskHubGrpcServer>();
        var sidecar = sidecarBuilder.Build();
        sidecar.MapGrpcService<TaskHubGrpcServer>();
        await sidecar.StartAsync(ct);

        var channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, c) =>
                {
                    var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    try
                    {
                        await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), c);
                        return new NetworkStream(s, ownsSocket: true);
                    }
                    catch
                    {
                        s.Dispose();
                        throw;
                    }
                },
            },
            LoggerFactory = loggerFactory,
        });

        var workerBuilder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        workerBuilder.Services.AddSingleton(loggerFactory);
        workerBuilder.Services.AddLogging();
        workerBuilder.Services.AddDurableTaskWorker(b =>
        {
            b.UseGrpc(channel);
            b.AddTasks(r => { if (registerTasks) r.AddBroadsheetTasks(services); });
        });
        workerBuilder.Services.AddDurableTaskClient(b =>
        {
            b.UseGrpc(channel);
            b.RegisterDirectly();
        });
        var worker = workerBuilder.Build();
        await worker.StartAsync(ct);
        return new LocalEngine(sidecar, worker, channel, shim, socket);
    }

    /// <summary>
    /// Deletes the task hub — its queues, tables and blob containers, orchestration history included — after
    /// <see cref="DisposeAsync"/>: for a hub made for one run (the bench's own), never for one a dev host resumes from.
    /// </summary>
    public Task DeleteTaskHubAsync() => _service.DeleteAsync(deleteInstanceStore: true);

    /// <summary>Stops taking work and hands this worker's partitions back, so another worker on the hub takes them at once.</summary>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _worker.StopAsync(timeout.Token); } catch (OperationCanceledException) { /* stopping anyway */ }
        _worker.Dispose();
        await _channel.ShutdownAsync();
        _channel.Dispose();
        try { await _sidecar.StopAsync(timeout.Token); } catch (OperationCanceledException) { /* stopping anyway */ }
        await _sidecar.DisposeAsync();
        // With storage gone (Azurite stopped first) the provider retries its lease release for minutes: bounded here,
        // the leases simply expire.
        try { await _service.StopAsync(isForced: true).WaitAsync(TimeSpan.FromSeconds(10)); } catch (TimeoutException) { /* leases expire */ }
        try { File.Delete(_socket); } catch (IOException) { /* a temp file */ }
    }
}
