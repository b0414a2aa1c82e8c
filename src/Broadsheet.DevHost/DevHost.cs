using System.Net;
using System.Net.Sockets;
using Broadsheet.Api;
using Broadsheet.Ingestion;
using Broadsheet.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Broadsheet.DevHost;

/// <summary>Why the dev host could not start, in the one line the user sees.</summary>
public sealed class DevHostStartFailure(string message) : Exception(message);

/// <param name="Storage">A storage connection string: the uploads, the tables and the Durable task hub.</param>
public sealed record DevHostOptions(string Storage, int Port = DevHost.DefaultPort);

/// <summary>
/// `broadsheet serve`: the function app, run locally without Functions Core Tools. The container watcher stands in for
/// the blob trigger, the Durable engine (<see cref="LocalEngine"/>: the Azure Storage provider, in the same storage
/// account) runs the same IngestIssue orchestrator and activities, and Kestrel maps the same route table on
/// http://localhost:PORT/api (loopback only). Several dev hosts on one account share the task hub and the work.
/// </summary>
public static class DevHost
{
    public const int DefaultPort = 7071;

    /// <summary>Serves until Ctrl+C or SIGTERM; 0 when it stopped cleanly. Start-up problems throw <see cref="DevHostStartFailure"/> or <see cref="StorageUnreachableException"/>.</summary>
    public static async Task<int> RunAsync(DevHostOptions options)
    {
        var connection = options.Storage;
        var port = options.Port;

        // 1. Storage first: without it nothing else is worth starting.
        var probe = StorageProbe.CreateClient(connection);
        using (var startup = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            await StorageProbe.OpenUploadContainerAsync(probe, startup.Token);

        // 2. The port: checked up front so a clash is one line, not Kestrel's stack trace.
        EnsurePortFree(port);

        // Nothing here reads appsettings files, so no host (ours and the engine's two) needs a file watcher over the
        // content root, which may be a whole repository.
        if (Environment.GetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange") is null)
            Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");

        // 3. The web host: ingestion and the API, one log line per request.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        ConfigureLogging(builder.Logging);
        builder.Services.AddBroadsheetIngestion(connection).AddBroadsheetApi();
        builder.Services.AddRouting();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        await using var app = builder.Build();
        app.MapBroadsheetApi();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Broadsheet.DevHost");

        // 4. The Durable engine: its state lives in the task hub, in the same storage account. The worker id is this
        // machine and port: unique among live dev hosts, and the same after a restart, which takes its partitions back
        // at once instead of waiting for their leases to expire.
        await using var engine = await LocalEngine.StartAsync(app.Services,
            new LocalEngineOptions(connection, WorkerId: $"{Environment.MachineName}:{port}"),
            app.Services.GetRequiredService<ILoggerFactory>());

        // The API opens once the engine is up, so the first upload it reports on can be ingested.
        try
        {
            await app.StartAsync();
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new DevHostStartFailure($"port {port} is already in use on 127.0.0.1 — stop what holds it or pick another with --port");
        }

        // 5. The watcher: the blob trigger's stand-in.
        var stopping = app.Lifetime.ApplicationStopping;
        var container = app.Services.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>().GetBlobContainerClient(StorageOptions.DefaultUploadContainer);
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();
        var watcher = new IssueWatcher(container, app.Services.GetRequiredService<UploadIntake>(),
            app.Services.GetRequiredService<IssueStore>(), engine.Client, loggers.CreateLogger<IssueWatcher>())
        {
            Sweep = new StuckUploadSweep(app.Services.GetRequiredService<IssueStore>(), app.Services.GetRequiredService<UploadIntake>(),
                app.Services.GetRequiredService<RecordFailureActivity>(), loggers.CreateLogger<StuckUploadSweep>()) { StuckAfter = IssueWatcher.SweepStuckAfter, StaleAfter = IssueWatcher.SweepStaleAfter },
        };
        var watching = Task.Run(() => watcher.RunAsync(stopping), CancellationToken.None);

        log.LogInformation("Broadsheet dev host on http://localhost:{Port}/api — watching {Container} at {Storage}; Ctrl+C to stop",
            port, container.Name, container.Uri.GetLeftPart(UriPartial.Path));

        await app.WaitForShutdownAsync();
        await watching;
        log.LogInformation("Stopped");
        return 0;
    }

    private static void EnsurePortFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
        }
        catch (SocketException)
        {
            throw new DevHostStartFailure($"port {port} is already in use on 127.0.0.1 — stop what holds it or pick another with --port");
        }
    }

    private static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
            o.ColorBehavior = Console.IsOutputRedirected ? LoggerColorBehavior.Disabled : LoggerColorBehavior.Default;
        });
        logging.SetMinimumLevel(LogLevel.Information);
        // Our own events and the pipeline's; the frameworks only when something is wrong.
        logging.AddFilter("Broadsheet", LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        // Start-up failures are reported by us as one line; the host would add a stack trace.
        logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        logging.AddFilter("Grpc", LogLevel.Warning);
        logging.AddFilter("Azure", LogLevel.Warning);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
        logging.AddFilter("DurableTask", LogLevel.Warning);
        // The in-process engine's gRPC channel warns that it "stopped receiving traffic" whenever the host is idle
        // for a while, and then reconnects: noise on a dev host, so only its errors are shown.
        logging.AddFilter("Microsoft.DurableTask", LogLevel.Error);
    }
}
