using System.Text.Json;
using Azure.Data.Tables;
using Broadsheet.Search;
using Broadsheet.TestKit;

namespace Broadsheet.Reliability.Tests;

/// <summary>Lists through the API the way both hosts route it, and reads raw storage to count what is really there.</summary>
public static class InProcessApi
{
    /// <summary>Every article the API lists for paper/date (all pages).</summary>
    public static async Task<List<JsonElement>> ArticlesAsync(PipelineHarness h, string paper, string date)
    {
        var all = new List<JsonElement>();
        string? token = null;
        do
        {
            var q = $"paper={Uri.EscapeDataString(paper)}&date={date}&top=100" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = await h.GetJsonAsync("/api/articles?" + q);
            all.AddRange(page.GetProperty("items").EnumerateArray());
            token = page.TryGetProperty("continuationToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        } while (token is not null);
        return all;
    }

    /// <summary>Raw rows of the issue in the articles table, every version: what a lost or doubled write would show.</summary>
    public static async Task<List<TableEntity>> ArticleRowsAsync(PipelineHarness h, string paper, string date)
    {
        var partition = IssueKey.For(paper, date).ArticlePartition;
        var rows = new List<TableEntity>();
        await foreach (var e in h.Storage.Articles.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
            rows.Add(e);
        return rows;
    }

    /// <summary>Staging blobs left behind for the issue (a finished ingestion leaves none).</summary>
    public static async Task<List<string>> StagingLeftAsync(PipelineHarness h, string paper, string date)
    {
        var names = new List<string>();
        await foreach (var b in h.Storage.Work.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = $"staging/{IssueKey.For(paper, date).BlobPath}/" }))
            names.Add(b.Name);
        return names;
    }
}
