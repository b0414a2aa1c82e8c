using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Broadsheet.Ingestion;
using Broadsheet.LoadGen;
using Broadsheet.TestKit;

namespace Broadsheet.Reliability.Tests;

/// <summary>An Azurite owned by one test (await using), in memory or on disk.</summary>
public sealed class OwnedAzurite : IAsyncDisposable
{
    public AzuriteFixture Azurite { get; }
    public string ConnectionString => Azurite.ConnectionString;

    private OwnedAzurite(AzuriteFixture azurite) => Azurite = azurite;

    public static async Task<OwnedAzurite> StartAsync(bool persistent = false)
    {
        var azurite = new AzuriteFixture { Persistent = persistent };
        await azurite.InitializeAsync();
        return new OwnedAzurite(azurite);
    }

    public ValueTask DisposeAsync() => new(Azurite.DisposeAsync());
}

/// <summary>Inputs: the reference issue, variations of it, and hostile uploads.</summary>
public static class Inputs
{
    public static byte[] ReferenceIssue => LiveIngestion.ReferenceIssue;
    public static string ReferenceText => Encoding.UTF8.GetString(ReferenceIssue);

    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static byte[] Zip()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var s = zip.CreateEntry("2022-08-08.txt").Open();
            s.Write(ReferenceIssue);
        }
        return ms.ToArray();
    }

    /// <summary>
    /// The biggest issue the ingestion bounds allow, at all three at once: as many pages and stories as an issue may
    /// have (10 stories a page), each story lengthened until the dump is within a sentence of the byte bound.
    /// Generated once per test run (a few seconds).
    /// </summary>
    public static GeneratedIssue MaximalIssue => Maximal.Value;

    private static readonly Lazy<GeneratedIssue> Maximal = new(() =>
    {
        var bounds = new IngestionOptions();
        return new IssueGenerator().GenerateMaximal(bounds.MaxPagesPerIssue, bounds.MaxStoriesPerIssue / bounds.MaxPagesPerIssue, bounds.MaxUploadBytes);
    });

    /// <summary>The reference page repeated as pages (form feeds) until the dump reaches `bytes`.</summary>
    public static byte[] BigDump(long bytes)
    {
        var page = ReferenceIssue;
        using var ms = new MemoryStream((int)bytes + page.Length);
        while (ms.Length < bytes)
        {
            if (ms.Length > 0) ms.WriteByte((byte)'\f');
            ms.Write(page);
        }
        return ms.ToArray();
    }

    /// <summary>One line of Chinese text with no line break at all.</summary>
    public static byte[] SingleLine(int bytes)
    {
        var text = ReferenceText.Replace("\r", "").Replace("\n", "").Replace("\f", "");
        var sb = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(sb.ToString()) < bytes) sb.Append(text);
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}

/// <summary>Latency percentiles (nearest rank).</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

public static class Waiting
{
    /// <summary>Polls `probe` until it returns a value, or fails with `what` and the host's output.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, Func<string> what) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await probe() is { } value) return value;
            await Task.Delay(250);
        }
        Assert.Fail($"timed out after {timeout.TotalSeconds:0} s: {what()}");
        throw new UnreachableException();
    }
}
