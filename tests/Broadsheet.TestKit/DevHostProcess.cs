using System.Diagnostics;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Broadsheet.TestKit;

/// <summary>
/// `dotnet Broadsheet.Cli.dll serve --storage … --port …` as a real child process, the way a developer runs it;
/// its output is kept so a failing test can show what the host said.
/// </summary>
public sealed class DevHostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    public int Port { get; }
    public Uri Api { get; }
    public HttpClient Http { get; }

    private DevHostProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
        Api = new Uri($"http://127.0.0.1:{port}/api/");
        Http = new HttpClient { BaseAddress = Api, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The CLI's own build output (same configuration as these tests), so its deps.json and runtimeconfig come along.</summary>
    public static string CliDll { get; } = FindCliDll();

    public string Output { get { lock (output) return output.ToString(); } }
    public bool HasExited => process.HasExited;
    public int ProcessId => process.Id;
    public int ExitCode => process.ExitCode;

    public static DevHostProcess Launch(string connectionString, int? port = null)
    {
        var p = port ?? AzuriteFixture.FreePort();
        var process = Start(CliDll, "serve", "--storage", connectionString, "--port", p.ToString());
        var host = new DevHostProcess(process, p);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (host.output) host.output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (host.output) host.output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Launches and waits until GET /api/issues answers.</summary>
    public static async Task<DevHostProcess> StartAsync(string connectionString, int? port = null)
    {
        var host = Launch(connectionString, port);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (host.HasExited) throw new InvalidOperationException($"dev host exited with {host.ExitCode}:\n{host.Output}");
            try
            {
                using var response = await host.Http.GetAsync("issues");
                if (response.IsSuccessStatusCode) return host;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            // A connection the starting host drops can surface as a bare SocketException (ENOTCONN from the socket's
            // remote end point), not wrapped in HttpRequestException: it means the same, so keep polling.
            catch (System.Net.Sockets.SocketException) { /* not listening yet */ }
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                await host.DisposeAsync();
                throw new TimeoutException($"dev host did not answer within 60 s:\n{host.Output}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Runs another CLI command to completion (upload, query, issues) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunCliAsync(params string[] args)
    {
        using var process = Start(CliDll, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Waits for the host to exit on its own (a start-up failure) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        process.WaitForExit(); // flushes the redirected output
        return process.ExitCode;
    }

    /// <summary>SIGKILL, no chance to clean up: what a crash or a closed laptop lid does.</summary>
    public void Kill()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, like Ctrl+C: the host should stop cleanly and exit 0.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!process.HasExited) Process.Start("kill", ["-TERM", process.Id.ToString()])?.WaitForExit();
        return await WaitForExitAsync(timeout);
    }

    public async Task<JsonElement> GetJsonAsync(string relative)
    {
        using var response = await Http.GetAsync(relative);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {relative} → {(int)response.StatusCode}: {body}\n--- host output ---\n{Output}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Kill();
        process.Dispose();
        await Task.CompletedTask;
    }

    private static Process Start(string dll, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        // The host must not inherit a developer's storage setting; each test says which storage it means.
        psi.Environment.Remove("AzureWebJobsStorage");
        psi.Environment.Remove("BROADSHEET_API");
        return Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
    }

    private static string FindCliDll()
    {
        var configuration = typeof(DevHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var tfm = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var dll = Path.Combine(AzuriteFixture.RepoRoot, "src", "Broadsheet.Cli", "bin", configuration, tfm, "Broadsheet.Cli.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"build src/Broadsheet.Cli ({configuration}) first: {dll} is missing");
    }
}
