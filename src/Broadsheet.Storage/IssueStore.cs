using Azure;
using Azure.Data.Tables;
using Broadsheet.Search;

namespace Broadsheet.Storage;

/// <summary>The issues table: one row per issue (PartitionKey paper, RowKey date).</summary>
public sealed class IssueStore(BroadsheetStorage storage)
{
    private TableClient Table => storage.Issues;

    public async Task<IssueEntity?> GetAsync(IssueKey key, CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        var response = await storage.Resilience.ExecuteAsync(
            async t => await Table.GetEntityIfExistsAsync<IssueEntity>(key.PartitionKey, key.RowKey, cancellationToken: t), ct);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Read-modify-write attempts before a conflict is thrown: many writers of one row all get through.</summary>
    public const int UpdateAttempts = 60;

    /// <summary>
    /// Read-modify-write with optimistic concurrency: <paramref name="change"/> gets the current row (or null)
    /// and returns the row to store, or null to leave it alone. Replaces the whole row, so cleared fields clear.
    /// A lost race waits a random, growing while before it reads again: 20 uploads of one issue at once all write its
    /// row, and without the wait the same writers collide round after round on a loaded machine.
    /// </summary>
    public async Task<IssueEntity?> UpdateAsync(IssueKey key, Func<IssueEntity?, IssueEntity?> change, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await GetAsync(key, ct);
            var next = change(current);
            if (next is null) return current;
            next.PartitionKey = key.PartitionKey;
            next.RowKey = key.RowKey;
            next.Updated = DateTimeOffset.UtcNow;
            try
            {
                if (current is null)
                    await storage.Resilience.ExecuteAsync(async t => await Table.AddEntityAsync(next, t), ct);
                else
                    await storage.Resilience.ExecuteAsync(async t => await Table.UpdateEntityAsync(next, current.ETag, TableUpdateMode.Replace, t), ct);
                return next;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < UpdateAttempts - 1)
            {
                // Someone else wrote the row between our read and write: read again and re-apply.
                await Task.Delay(Random.Shared.Next(1, 10 << Math.Min(attempt, 5)), ct);
            }
        }
    }

    public async Task DeleteAsync(IssueKey key, CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        try
        {
            await storage.Resilience.ExecuteAsync(async t => await Table.DeleteEntityAsync(key.PartitionKey, key.RowKey, ETag.All, t), ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>One page of issues, filtered; <paramref name="storageToken"/> is the table service's own continuation.</summary>
    public async Task<(List<IssueEntity> Items, string? Next)> ListAsync(
        string? paper, string? from, string? to, string? status, int pageSize, string? storageToken, CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        var filters = new List<string>();
        if (paper is not null) filters.Add(TableClient.CreateQueryFilter($"PartitionKey eq {IssueKey.PaperKey(paper)}"));
        if (from is not null) filters.Add(TableClient.CreateQueryFilter($"RowKey ge {from}"));
        if (to is not null) filters.Add(TableClient.CreateQueryFilter($"RowKey le {to}"));
        // A placeholder row's RowKey is a hash, not a date: a date range never includes it.
        if (from is not null || to is not null) filters.Add(TableClient.CreateQueryFilter($"PartitionKey ne {IssueKey.UnresolvedPartition}"));
        if (status is not null) filters.Add(TableClient.CreateQueryFilter($"Status eq {status}"));
        var filter = filters.Count == 0 ? null : string.Join(" and ", filters.Select(f => "(" + f + ")"));
        return await storage.Resilience.ExecuteAsync(async t =>
        {
            await foreach (var page in Table.QueryAsync<IssueEntity>(filter, pageSize, cancellationToken: t).AsPages(storageToken, pageSize))
                return (page.Values.ToList(), page.ContinuationToken);
            return (new List<IssueEntity>(), (string?)null);
        }, ct);
    }

    /// <summary>Uploads whose ingestion has not ended (queued or running).</summary>
    public async Task<List<IssueEntity>> UnfinishedAsync(CancellationToken ct = default)
    {
        await storage.EnsureCreatedAsync(ct);
        var filter = TableClient.CreateQueryFilter($"Status eq {IssueStatus.Queued} or Status eq {IssueStatus.Running}");
        return await storage.QueryAllAsync<IssueEntity>(Table, filter, null, ct);
    }
}
