using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Broadsheet.TestKit;

/// <summary>Uploading with the Azure SDK, and watching the API until an upload has been dealt with.</summary>
public static class LiveIngestion
{
    public static string ReferenceIssuePath => Samples.ReferencePagePath;
    public static byte[] ReferenceIssue => File.ReadAllBytes(ReferenceIssuePath);

    public static async Task<BlobContentInfo> UploadAsync(string connectionString, string blobName, byte[] content)
    {
        var container = new BlobServiceClient(connectionString).GetBlobContainerClient(Broadsheet.Storage.StorageOptions.DefaultUploadContainer);
        await container.CreateIfNotExistsAsync();
        var response = await container.GetBlobClient(blobName).UploadAsync(new BinaryData(content), overwrite: true);
        return response.Value;
    }

    /// <summary>The /api/issues row for paper/date, or null when there is none.</summary>
    public static async Task<JsonElement?> FindIssueAsync(DevHostProcess host, string paper, string date) =>
        (await IssueRowsAsync(host, paper, date)).Cast<JsonElement?>().FirstOrDefault();

    /// <summary>All rows for paper/date across every page of /api/issues: a replaced or resumed upload must still be one row.</summary>
    public static async Task<List<JsonElement>> IssueRowsAsync(DevHostProcess host, string paper, string date) =>
        [.. (await AllPagesAsync(host, "issues?top=200")).Where(i => Str(i, "paper") == paper && Str(i, "date") == date)];

    /// <summary>Waits until paper/date reaches `status` with an `updated` at or after `since` (an older row is the previous upload's).</summary>
    public static async Task<JsonElement> WaitForStatusAsync(DevHostProcess host, string paper, string date, string status,
        DateTimeOffset since, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        JsonElement? last = null;
        while (clock.Elapsed < (timeout ?? TimeSpan.FromSeconds(120)))
        {
            last = await FindIssueAsync(host, paper, date);
            if (last is { } row && Str(row, "status") == status && Updated(row) >= since) return row;
            if (last is { } r2 && Str(r2, "status") is "failed" && status != "failed" && Updated(r2) >= since)
                Assert.Fail($"{paper}/{date} failed: {Str(r2, "error")}\n--- host output ---\n{host.Output}");
            await Task.Delay(250);
        }
        Assert.Fail($"{paper}/{date} did not reach {status} (last: {last?.GetRawText() ?? "no row"})\n--- host output ---\n{host.Output}");
        throw new UnreachableException();
    }

    /// <summary>Every article matching the query, following continuation tokens.</summary>
    public static Task<List<JsonElement>> ArticlesAsync(DevHostProcess host, string query) => AllPagesAsync(host, "articles?" + query);

    private static async Task<List<JsonElement>> AllPagesAsync(DevHostProcess host, string relative)
    {
        var all = new List<JsonElement>();
        string? token = null;
        do
        {
            var page = await host.GetJsonAsync(relative + (token is null ? "" : "&continuationToken=" + Q(token)));
            all.AddRange(page.GetProperty("items").EnumerateArray());
            token = Str(page, "continuationToken");
        } while (token is not null);
        return all;
    }

    public static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static DateTimeOffset Updated(JsonElement row) =>
        DateTimeOffset.TryParse(Str(row, "updated"), out var t) ? t : DateTimeOffset.MinValue;

    /// <summary>Kicker + title + subtitle, as the contract compares headlines.</summary>
    public static string Headline(JsonElement article) =>
        string.Concat(new[] { "kicker", "title", "subtitle" }.Select(n => Str(article, n) ?? "")).Replace(" ", "");

    public static string Body(JsonElement article) =>
        article.TryGetProperty("paragraphs", out var ps) ? string.Concat(ps.EnumerateArray().Select(p => p.GetString())) : "";

    public static string Q(string s) => Uri.EscapeDataString(s);
}
