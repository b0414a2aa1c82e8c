using Azure;
using Azure.Data.Tables;
using Polly;

namespace Broadsheet.Storage;

/// <summary>
/// Writes many entities as entity group transactions: grouped by partition, at most 100 actions and ~3.5 MB
/// per transaction (the service's limits are 100 and 4 MiB), a few partitions at a time.
/// </summary>
public static class TableBatches
{
    private const int MaxActions = 100;
    private const long MaxBytes = 3_500_000;

    /// <returns>The number of transactions submitted.</returns>
    public static async Task<int> SubmitAsync(TableClient table, ResiliencePipeline resilience, IEnumerable<TableTransactionAction> actions,
        CancellationToken ct = default, int parallelPartitions = 4)
    {
        var chunks = new List<List<TableTransactionAction>>();
        foreach (var partition in actions.GroupBy(a => a.Entity.PartitionKey))
        {
            var chunk = new List<TableTransactionAction>();
            long bytes = 0;
            foreach (var action in partition)
            {
                var size = EstimateBytes(action.Entity);
                if (chunk.Count == MaxActions || (chunk.Count > 0 && bytes + size > MaxBytes))
                {
                    chunks.Add(chunk);
                    chunk = [];
                    bytes = 0;
                }
                chunk.Add(action);
                bytes += size;
            }
            if (chunk.Count > 0) chunks.Add(chunk);
        }

        var transactions = 0;
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = parallelPartitions, CancellationToken = ct },
            async (chunk, token) =>
            {
                var n = await SubmitChunkAsync(table, resilience, chunk, token);
                Interlocked.Add(ref transactions, n);
            });
        return transactions;
    }

    private static async Task<int> SubmitChunkAsync(TableClient table, ResiliencePipeline resilience, List<TableTransactionAction> chunk, CancellationToken ct)
    {
        var submitted = 0;
        while (chunk.Count > 0)
        {
            submitted++;
            try
            {
                await resilience.ExecuteAsync(async t => await table.SubmitTransactionAsync(chunk, t), ct);
                return submitted;
            }
            catch (TableTransactionFailedException e) when (e.Status == 404 && e.FailedTransactionActionIndex is int i && chunk[i].ActionType == TableTransactionActionType.Delete)
            {
                // Deleting what is already gone is success (a retried cleanup, a crash between writes): drop it, send the rest.
                chunk = chunk.Where((_, j) => j != i).ToList();
            }
        }
        return submitted;
    }

    private static long EstimateBytes(ITableEntity entity)
    {
        long bytes = 300 + ((entity.PartitionKey?.Length ?? 0) + (entity.RowKey?.Length ?? 0)) * 2;
        if (entity is TableEntity te)
            foreach (var (k, v) in te)
                bytes += k.Length * 2 + (v is string s ? s.Length * 3 : 16);
        return bytes;
    }

    public static TableTransactionAction Upsert(ITableEntity e) => new(TableTransactionActionType.UpsertReplace, e);
    public static TableTransactionAction Delete(string pk, string rk) => new(TableTransactionActionType.Delete, new TableEntity(pk, rk) { ETag = ETag.All });
}
