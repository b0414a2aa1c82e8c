using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Reflection;
using System.Text.RegularExpressions;
using Broadsheet.TestKit;
using Microsoft.Azure.Functions.Worker;

namespace Broadsheet.Reliability.Tests;

/// <summary>Function keys in Azure, loopback only locally, and no secret in the repository.</summary>
public sealed partial class SecurityTests
{
    /// <summary>
    /// Anonymous on purpose, and only this: the reading room's static page and assets, embedded in the build.
    /// A browser cannot send a key when it navigates to a page; the page sends the user's key to the API itself.
    /// It serves no data (ReadingRoomHandlerTests: nothing outside the bundle is served).
    /// </summary>
    private static readonly Dictionary<string, string> AnonymousByDesign = new() { ["ReadingRoom"] = "ui/{*path}" };

    [Fact]
    public void Every_http_function_that_serves_data_requires_a_function_key()
    {
        var triggers = (
            from type in typeof(Broadsheet.Functions.ApiFunctions).Assembly.GetTypes()
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            from parameter in method.GetParameters()
            let trigger = parameter.GetCustomAttribute<HttpTriggerAttribute>()
            where trigger is not null
            select (Function: method.GetCustomAttribute<FunctionAttribute>()?.Name ?? method.Name, trigger.AuthLevel, trigger.Route)).ToList();

        // The four API routes of the contract, at least: a test that finds no trigger proves nothing.
        Assert.Superset(new HashSet<string> { "issues", "issues/{paper}/{date}", "articles", "articles/{id}" },
            triggers.Select(t => t.Route ?? "").ToHashSet());
        foreach (var (function, level, route) in triggers)
        {
            if (AnonymousByDesign.TryGetValue(function, out var staticRoute))
            {
                Assert.Equal(staticRoute, route);
                continue;
            }
            Assert.True(level == AuthorizationLevel.Function, $"{function} ({route}) is {level}: API functions need AuthorizationLevel.Function");
        }
    }

    [Fact]
    public async Task Dev_host_listens_on_loopback_only()
    {
        await using var azurite = await OwnedAzurite.StartAsync();
        await using var host = await DevHostProcess.StartAsync(azurite.ConnectionString);

        // Every socket the host process listens on (the API and the Durable engine's gRPC channel) is 127.0.0.1.
        var listening = ListeningSockets(host.ProcessId);
        Assert.Contains(listening, s => s.Port == host.Port);
        Assert.All(listening, s => Assert.True(IPAddress.IsLoopback(s.Address), $"the dev host listens on {s.Address}:{s.Port}"));

        // And nothing answers on the machine's other addresses.
        var external = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses.Select(a => a.Address))
            .Where(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal)
            .ToList();
        Assert.True(external.Count > 0, "this machine has no non-loopback address to try");
        foreach (var address in external)
        {
            using var client = new TcpClient(address.AddressFamily);
            var refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(address, host.Port)
                .WaitAsync(TimeSpan.FromSeconds(5)));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        }
        using var loopback = await host.Http.GetAsync("issues");
        Assert.Equal(HttpStatusCode.OK, loopback.StatusCode);
    }

    [Fact]
    public void No_secret_is_tracked_in_the_repository()
    {
        var files = TrackedFiles();
        Assert.True(files.Count > 50, $"only {files.Count} tracked files found");
        var findings = files.SelectMany(f => SecretScanner.Scan(f.Path, f.Text)).ToList();
        Assert.True(findings.Count == 0, "secrets in tracked files:\n" + string.Join("\n", findings));
    }

    [Fact]
    public void The_secret_scanner_finds_what_it_is_meant_to_find()
    {
        // Built from parts, so this file itself holds no pattern the scanner looks for.
        var key = Convert.ToBase64String(Enumerable.Range(1, 64).Select(i => (byte)(i * 7)).ToArray());
        string[] leaks =
        [
            "DefaultEndpointsProtocol=https;Account" + "Name=prodstore;Account" + "Key=" + key + ";EndpointSuffix=core.windows.net",
            "\"storage\": \"" + key + "\"",
            "https://prodstore.blob.core.windows.net/issues?sv=2022-11-02&s" + "ig=abcDEF1234567890abcdef%2Bxyz%3D",
            "Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=root;Shared" + "AccessKey=" + key,
            "BlobEndpoint=https://x.blob.core.windows.net/;Shared" + "AccessSignature=sv=2022&sig=abc",
            "-----BEGIN RSA " + "PRIVATE KEY-----",
        ];
        foreach (var leak in leaks) Assert.NotEmpty(SecretScanner.Scan("sample.txt", leak));

        string[] fine =
        [
            "UseDevelopmentStorage=true",
            "DefaultEndpointsProtocol=http;Account" + "Name=devstoreaccount1;Account" + "Key=" + SecretScanner.AzuriteKey + ";BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;",
            "Account" + "Name=devstoreaccount1;Account" + "Key=<the well-known Azurite key>;",
            "$\"Account" + "Name={AccountName};Account" + "Key={AccountKey};\"",
        ];
        foreach (var ok in fine) Assert.Empty(SecretScanner.Scan("sample.txt", ok));
    }

    [Fact]
    public void Local_settings_are_git_ignored_and_only_the_sample_is_tracked()
    {
        var files = TrackedFiles().Select(f => f.Path).ToList();
        Assert.DoesNotContain(files, f => Path.GetFileName(f) == "local.settings.json");
        var sample = Assert.Single(files, f => Path.GetFileName(f) == "local.settings.sample.json");
        var text = File.ReadAllText(Path.Combine(AzuriteFixture.RepoRoot, sample));
        Assert.Contains("UseDevelopmentStorage=true", text);
        Assert.Empty(SecretScanner.Scan(sample, text));
        foreach (var place in new[] { "local.settings.json", "src/Broadsheet.Functions/local.settings.json" })
        {
            var (code, output) = Git("check-ignore", "--no-index", "-q", place);
            Assert.True(code == 0, $"{place} is not git-ignored: {output}");
        }
    }

    // ---- helpers

    private sealed record Listening(IPAddress Address, int Port);

    /// <summary>TCP sockets in LISTEN state owned by the process (Linux: /proc/PID/fd inodes matched in /proc/net/tcp*).</summary>
    private static List<Listening> ListeningSockets(int pid)
    {
        var inodes = new HashSet<string>();
        foreach (var fd in Directory.GetFiles($"/proc/{pid}/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[")) inodes.Add(target[8..^1]);
            }
            catch (IOException) { /* closed meanwhile */ }
        }
        var sockets = new List<Listening>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var cols = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (cols.Length < 10 || cols[3] != "0A" || !inodes.Contains(cols[9])) continue; // 0A = LISTEN
                var (hexAddress, hexPort) = (cols[1].Split(':')[0], cols[1].Split(':')[1]);
                sockets.Add(new Listening(ProcAddress(hexAddress), Convert.ToInt32(hexPort, 16)));
            }
        }
        return sockets;
    }

    /// <summary>/proc/net/tcp* addresses: 32-bit words in host (little-endian) order.</summary>
    private static IPAddress ProcAddress(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        for (var i = 0; i < bytes.Length; i += 4) Array.Reverse(bytes, i, 4);
        return new IPAddress(bytes);
    }

    private sealed record TrackedFile(string Path, string Text);

    /// <summary>Every tracked text file (git ls-files), or without git every file outside build output and dependencies.</summary>
    private static List<TrackedFile> TrackedFiles()
    {
        var root = AzuriteFixture.RepoRoot;
        var (code, output) = Git("ls-files", "-z");
        IEnumerable<string> paths = code == 0
            ? output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            : Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f))
                .Where(f => !Regex.IsMatch(f, @"(^|/)(\.git|bin|obj|node_modules|dist|artifacts|TestResults|\.azurite)(/|$)"));
        var files = new List<TrackedFile>();
        foreach (var path in paths)
        {
            var full = Path.Combine(root, path);
            if (!File.Exists(full) || new FileInfo(full).Length > 4_000_000) continue;
            var bytes = File.ReadAllBytes(full);
            if (Array.IndexOf(bytes, (byte)0) >= 0) continue; // binary
            files.Add(new TrackedFile(path, System.Text.Encoding.UTF8.GetString(bytes)));
        }
        return files;
    }

    private static (int Code, string Output) Git(params string[] args)
    {
        try
        {
            var psi = new ProcessStartInfo("git") { WorkingDirectory = AzuriteFixture.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, stdout.Result + stderr);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "git not available: " + e.Message);
        }
    }
}

/// <summary>What a leaked credential looks like in a text file. Patterns are written so this file matches none of them.</summary>
public static partial class SecretScanner
{
    /// <summary>Azurite's well-known development key, published by Microsoft: the one account key allowed.</summary>
    public const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static IEnumerable<string> Scan(string path, string text)
    {
        foreach (Match m in AccountKey().Matches(text))
        {
            var value = m.Groups["v"].Value;
            if (value != AzuriteKey && !value.StartsWith('<') && !value.StartsWith('{') && !value.StartsWith('$'))
                yield return $"{path}: account key '{Clip(value)}'";
        }
        foreach (Match m in StorageKeyShape().Matches(text))
            if (m.Value != AzuriteKey) yield return $"{path}: base64 string shaped like a storage key '{Clip(m.Value)}'";
        foreach (Match m in SasSignature().Matches(text)) yield return $"{path}: SAS signature '{Clip(m.Value)}'";
        foreach (Match m in SharedAccess().Matches(text)) yield return $"{path}: '{Clip(m.Value)}'";
        foreach (Match m in AccountName().Matches(text))
        {
            var name = m.Groups["v"].Value;
            if (name != "devstoreaccount1" && !name.StartsWith('<') && !name.StartsWith('{') && !name.StartsWith('$'))
                yield return $"{path}: connection string for account '{name}'";
        }
        if (PrivateKey().IsMatch(text)) yield return $"{path}: private key block";
    }

    private static string Clip(string s) => s.Length > 12 ? s[..12] + "…" : s;

    [GeneratedRegex(@"(?<![A-Za-z])Account[K]ey\s*=\s*(?<v>[^;""'\s]+)")]
    private static partial Regex AccountKey();

    // 64 random bytes in base64, as account keys are; npm's "sha512-…" integrity hashes have the same shape and are not secrets.
    [GeneratedRegex(@"(?<![A-Za-z0-9+/-])(?<!sha512-)[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])")]
    private static partial Regex StorageKeyShape();

    [GeneratedRegex(@"[?&;]s[i]g=[A-Za-z0-9%+/=]{8,}")]
    private static partial Regex SasSignature();

    [GeneratedRegex(@"Shared[A]ccess(Signature|Key)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex SharedAccess();

    [GeneratedRegex(@"(?<![A-Za-z])Account[N]ame\s*=\s*(?<v>[^;""'\s]+)")]
    private static partial Regex AccountName();

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVAT[E] KEY-----")]
    private static partial Regex PrivateKey();
}
