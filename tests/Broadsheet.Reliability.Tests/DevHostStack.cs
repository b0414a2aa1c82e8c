using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Blobs;
using Broadsheet.TestKit;
using static Broadsheet.TestKit.LiveIngestion;

namespace Broadsheet.Reliability.Tests;

/// <summary>Azurite and a dev host process watching it, owned by one test class or test.</summary>
public sealed class DevHostStack : IAsyncLifetime, IAsyncDisposable
{
    private OwnedAzurite? _azurite;
    public bool Persistent { get; init; }
    public OwnedAzurite Storage => _azurite!;
    public DevHostProcess Host { get; private set; } = null!;
    public BlobContainerClient Issues => new BlobServiceClient(Storage.ConnectionString).GetBlobContainerClient("issues");

    public async Task InitializeAsync()
    {
        _azurite = await OwnedAzurite.StartAsync(Persistent);
        Host = await DevHostProcess.StartAsync(Storage.ConnectionString);
        await Issues.CreateIfNotExistsAsync();
    }

    public async Task RestartHostAsync()
    {
        await Host.DisposeAsync();
        Host = await DevHostProcess.StartAsync(Storage.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        if (_azurite is not null) await _azurite.DisposeAsync();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    /// <summary>Every /api/issues row, all pages.</summary>
    public async Task<List<JsonElement>> IssuesAsync()
    {
        var all = new List<JsonElement>();
        string? token = null;
        do
        {
            var page = await Host.GetJsonAsync("issues?top=200" + (token is null ? "" : "&continuationToken=" + Q(token)));
            all.AddRange(page.GetProperty("items").EnumerateArray());
            token = Str(page, "continuationToken");
        } while (token is not null);
        return all;
    }

    /// <summary>Waits until the issue rows of every blob named are finished (complete or failed), and returns them by blob.</summary>
    public async Task<Dictionary<string, JsonElement>> WaitForFinishedAsync(IReadOnlyCollection<string> blobNames, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        Dictionary<string, JsonElement> rows = [];
        while (clock.Elapsed < timeout)
        {
            Assert.False(Host.HasExited, $"the dev host exited:\n{Host.Output}");
            List<JsonElement> listed;
            try { listed = await IssuesAsync(); }
            catch (Exception e) when (e.Message.Contains("→ 503", StringComparison.Ordinal))
            {
                // Storage is still coming back (the API says so with a 503): keep waiting.
                await Task.Delay(500);
                continue;
            }
            rows = listed.Where(r => Str(r, "blob") is { } b && b.StartsWith("issues/"))
                .GroupBy(r => Str(r, "blob")![7..]).ToDictionary(g => g.Key, g => g.Last());
            if (blobNames.All(n => rows.TryGetValue(n, out var r) && Str(r, "status") is "complete" or "failed"))
                return rows;
            await Task.Delay(500);
        }
        var pending = blobNames.Where(n => !rows.TryGetValue(n, out var r) || Str(r, "status") is not ("complete" or "failed"))
            .Select(n => $"{(n.Length > 60 ? n[..60] + "…" : n)}: {(rows.TryGetValue(n, out var r) ? Str(r, "status") : "no row")}");
        Assert.Fail($"not finished after {timeout.TotalSeconds:0} s: {string.Join("; ", pending)}\n--- host output (tail) ---\n{Tail(Host.Output)}");
        throw new UnreachableException();
    }

    public static string Tail(string s, int chars = 6000) => s.Length > chars ? s[^chars..] : s;
}
