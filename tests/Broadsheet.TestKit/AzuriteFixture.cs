using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Broadsheet.TestKit;

/// <summary>
/// Starts Azurite (the repo's node_modules/.bin/azurite, installed by `npm ci`) in memory on free loopback ports
/// for the lifetime of a test class or collection, and stops it by PID.
/// With <see cref="Persistent"/> it keeps its data on disk instead, so <see cref="StopAsync"/> and
/// <see cref="KillAsync"/> and <see cref="RestartAsync"/> can take it down and bring it back on the same ports with the same data.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountName = "devstoreaccount1";
    // Azurite's well-known development key (public, documented by Microsoft): not a secret.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;
    private string? _workDir;
    private readonly StringBuilder _output = new();

    /// <summary>Keep data on disk (--location in a temp folder) rather than in memory, so it survives a restart.</summary>
    public bool Persistent { get; init; }

    public int BlobPort { get; private set; }
    public int QueuePort { get; private set; }
    public int TablePort { get; private set; }

    /// <summary>Connection string for the running instance (blob, queue and table endpoints).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>The repository root: the first ancestor of the test assembly's folder holding node_modules/.bin/azurite.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public async Task InitializeAsync()
    {
        _workDir = Directory.CreateTempSubdirectory("azurite-").FullName;
        BlobPort = FreePort();
        QueuePort = FreePort();
        TablePort = FreePort();
        await StartProcessAsync();
    }

    /// <summary>
    /// Stops Azurite with SIGTERM, as a service stop does (SIGKILL after 10 s); the ports and, when
    /// <see cref="Persistent"/>, the data stay. Not SIGKILL: Azurite saves its table and blob metadata to disk every
    /// few seconds, so a kill loses the last writes it acknowledged — no client could survive that.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString()])?.WaitForExit();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await _process.WaitForExitAsync(cts.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>
    /// SIGKILL: a crash. The ports and, when <see cref="Persistent"/>, the data folder stay — but whatever Azurite
    /// acknowledged since it last saved its metadata (every few seconds) is lost, as in a real crash.
    /// </summary>
    public Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            Process.Start("kill", ["-KILL", _process.Id.ToString()])?.WaitForExit();
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        _process = null;
        return Task.CompletedTask;
    }

    /// <summary>Starts Azurite again on the same ports (and the same data folder).</summary>
    public Task RestartAsync() => _process is null ? StartProcessAsync() : throw new InvalidOperationException("Azurite is running");

    private async Task StartProcessAsync()
    {
        var azurite = Path.Combine(RepoRoot, "node_modules", ".bin", "azurite");
        var psi = new ProcessStartInfo(azurite)
        {
            WorkingDirectory = _workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] storage = Persistent ? ["--location", Path.Combine(_workDir!, "data")] : ["--inMemoryPersistence"];
        foreach (var arg in storage.Concat(new[]
                 {
                     "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                     "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(),
                     "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(),
                     "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(),
                 }))
            psi.ArgumentList.Add(arg);

        var process = _process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {azurite}");
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (!await AcceptsAsync(port))
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    string log;
                    lock (_output) log = _output.ToString();
                    throw new InvalidOperationException($"Azurite did not start on port {port}: {log}");
                }
                await Task.Delay(100);
            }
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        if (_workDir is not null)
        {
            try { Directory.Delete(_workDir, recursive: true); } catch (IOException) { /* best effort */ }
        }
        return Task.CompletedTask;
    }

    /// <summary>A port nobody listens on right now (the OS picks it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "node_modules", ".bin", "azurite")))
                return dir.FullName;
        }
        throw new InvalidOperationException(
            $"node_modules/.bin/azurite not found above {AppContext.BaseDirectory}: run `npm ci` at the repository root");
    }
}

/// <summary>
/// One Azurite for every test class in the collection "Azurite". xunit reads collection definitions from the test
/// assembly only, so a test project that uses it declares <c>[CollectionDefinition(AzuriteCollection.Name)] class X : AzuriteCollection;</c>.
/// </summary>
public abstract class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
