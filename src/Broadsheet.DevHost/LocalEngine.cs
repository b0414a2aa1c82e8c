using System.Net;
using System.Net.Sockets;
using Broadsheet.Ingestion;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging;

namespace Broadsheet.DevHost;

/// <summary>
/// A Durable Task engine in this process running the IngestIssue orchestrator and its activities (<see cref="IngestTasks"/>)
/// with the activities from a service provider: the one way the dev host, the tests and the bench start an engine.
/// Today it is the in-memory test host (its state lives in memory; the issues table carries what must survive a
/// restart). The backend is an implementation detail behind <see cref="StartAsync"/> and <see cref="Client"/>.
/// </summary>
public sealed class LocalEngine : IAsyncDisposable
{
    private readonly DurableTaskTestHost _host;

    private LocalEngine(DurableTaskTestHost host) => _host = host;

    /// <summary>Schedules, queries and waits for orchestrations on this engine.</summary>
    public DurableTaskClient Client => _host.Client;

    /// <param name="services">Where the activities come from (AddBroadsheetIngestion).</param>
    /// <param name="loggerFactory">The engine's own logging (its gRPC channel is chatty: give it a quiet one).</param>
    /// <param name="registerTasks">False: an engine that knows no orchestrator, so nothing scheduled ever runs (a host that died).</param>
    public static async Task<LocalEngine> StartAsync(IServiceProvider services, ILoggerFactory loggerFactory, bool registerTasks = true)
    {
        // The engine's gRPC sidecar is a web host of its own that reads ASPNETCORE_* settings and logs every call at
        // Information: keep it to warnings.
        if (Environment.GetEnvironmentVariable("ASPNETCORE_Logging__LogLevel__Default") is null)
            Environment.SetEnvironmentVariable("ASPNETCORE_Logging__LogLevel__Default", "Warning");
        var host = await DurableTaskTestHost.StartAsync(
            registry => { if (registerTasks) registry.AddBroadsheetTasks(services); },
            // A port the OS says is free: the engine's own random pick sometimes lands on one in use.
            new DurableTaskTestHostOptions { LoggerFactory = loggerFactory, Port = FreeLoopbackPort() });
        return new LocalEngine(host);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
