using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Broadsheet.Functions.Tests.Support;

/// <summary>
/// The built function app started as the Functions host starts a dotnet-isolated worker: `dotnet
/// Broadsheet.Functions.dll` with the host's command line (the gRPC endpoint, worker id, request id and message size,
/// in both the old and the `--functions-` spellings) and its app settings as environment variables, talking to a
/// <see cref="FunctionsHostStub"/>. Every wait gives up early, with the worker's output, if the process exits.
/// </summary>
public sealed class HostedWorker : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostedWorker(FunctionsHostStub host, Process process, string workerId)
    {
        Host = host;
        _process = process;
        WorkerId = workerId;
    }

    public FunctionsHostStub Host { get; }

    public string WorkerId { get; }

    /// <summary>How long one step may take: starting a .NET app on a busy 2-core box can take a while.</summary>
    public static TimeSpan StepTimeout { get; } = TimeSpan.FromSeconds(90);

    /// <param name="settings">App settings, as the host passes them (environment variables).</param>
    public static async Task<HostedWorker> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var host = await FunctionsHostStub.StartAsync();
        var workerId = Guid.NewGuid().ToString();
        var requestId = Guid.NewGuid().ToString();
        const string maxMessageLength = "2147483647";

        var start = new ProcessStartInfo(DotnetPath())
        {
            WorkingDirectory = FunctionApp.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     FunctionApp.PathOf("Broadsheet.Functions.dll"),
                     "--host", host.Uri.Host, "--port", host.Uri.Port.ToString(), "--workerId", workerId, "--requestId", requestId,
                     "--grpcMaxMessageLength", maxMessageLength,
                     "--functions-uri", host.Uri.AbsoluteUri, "--functions-worker-id", workerId, "--functions-request-id", requestId,
                     "--functions-grpc-max-message-length", maxMessageLength,
                 })
        {
            start.ArgumentList.Add(arg);
        }

        // Nothing of the test process's own configuration leaks in: only what a host would set.
        foreach (var key in start.Environment.Keys.Where(IsAppSetting).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = FunctionApp.Directory;
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = FunctionApp.Directory;
        start.Environment["AzureWebJobsScriptRoot"] = FunctionApp.Directory;
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var worker = new HostedWorker(host, process, workerId);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) worker._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) worker._output.Enqueue(e.Data); };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => worker._exited.TrySetResult();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (process.HasExited)
        {
            worker._exited.TrySetResult();
        }

        return worker;
    }

    public ValueTask SendAsync(JsonObject message) => Host.SendAsync(message);

    /// <summary>The worker's next message of this kind; fails with the worker's output if it exits or takes too long.</summary>
    public async Task<JsonObject> ReceiveAsync(string content, Func<JsonObject, bool>? match = null)
    {
        using var timeout = new CancellationTokenSource(StepTimeout);
        var receive = Host.ReceiveAsync(content, match, timeout.Token);
        var first = await Task.WhenAny(receive, _exited.Task);
        if (first == receive && receive.IsCompletedSuccessfully)
        {
            return receive.Result;
        }

        if (_exited.Task.IsCompleted)
        {
            // Let the output readers drain what the process wrote before it died.
            _process.WaitForExit();
            throw new Xunit.Sdk.XunitException(
                $"The function app exited (code {_process.ExitCode}) before sending {content}.\n{Diagnostics()}");
        }

        throw new Xunit.Sdk.XunitException($"No {content} from the function app within {StepTimeout.TotalSeconds} s.\n{Diagnostics()}");
    }

    /// <summary>Sends a request (with a fresh request id) and waits for the reply of the given kind.</summary>
    public async Task<JsonObject> RequestAsync(string kind, JsonObject body, string replyKind)
    {
        await SendAsync(new JsonObject { ["requestId"] = Guid.NewGuid().ToString(), [kind] = body });
        return (await ReceiveAsync(replyKind))[replyKind]!.AsObject();
    }

    /// <summary>What the worker printed and logged over the stream: shown when a step fails.</summary>
    public string Diagnostics() =>
        "--- output ---\n" + string.Join('\n', _output.TakeLast(80)) +
        "\n--- logged over gRPC ---\n" + string.Join('\n', Host.WorkerLogs.TakeLast(40));

    /// <summary>Stops the worker as the host does (WorkerTerminate), killing it if it does not go within 10 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await SendAsync(new JsonObject { ["workerTerminate"] = new JsonObject { ["gracePeriod"] = "5s" } });
            if (await Task.WhenAny(_exited.Task, Task.Delay(TimeSpan.FromSeconds(10))) != _exited.Task)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        await Host.DisposeAsync();
    }

    private static bool IsAppSetting(string key) =>
        key.StartsWith("AzureWebJobs", StringComparison.OrdinalIgnoreCase) || key.StartsWith("APPLICATIONINSIGHTS_", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("APPINSIGHTS_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("IssueStorage", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("FUNCTIONS_", StringComparison.OrdinalIgnoreCase) || key.Equals("ContinuationTokenKey", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("IDENTITY_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("MSI_", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("ApplicationInsights", StringComparison.OrdinalIgnoreCase);

    /// <summary>The dotnet running these tests (the test host is `dotnet testhost.dll`), else the one on PATH.</summary>
    private static string DotnetPath() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
