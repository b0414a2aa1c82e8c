using Azure.Core;
using Azure.Core.Pipeline;

namespace Broadsheet.Storage;

/// <summary>Counts storage requests (one per HTTP attempt): how the cost figures in docs/storage.md are measured.</summary>
public sealed class RequestCounter
{
    private long _table, _blob, _tableBatch;

    public long Table => Interlocked.Read(ref _table);
    public long Blob => Interlocked.Read(ref _blob);
    /// <summary>Entity group transactions (POST $batch), included in <see cref="Table"/>.</summary>
    public long TableBatches => Interlocked.Read(ref _tableBatch);
    public long Total => Table + Blob;

    public void Reset()
    {
        Interlocked.Exchange(ref _table, 0);
        Interlocked.Exchange(ref _blob, 0);
        Interlocked.Exchange(ref _tableBatch, 0);
    }

    public override string ToString() => $"{Table} table requests ({TableBatches} batches), {Blob} blob requests";

    internal HttpPipelinePolicy ForTables() => new Policy(this, table: true);
    internal HttpPipelinePolicy ForBlobs() => new Policy(this, table: false);

    private void Count(HttpMessage message, bool table)
    {
        if (!table)
        {
            Interlocked.Increment(ref _blob);
            return;
        }
        Interlocked.Increment(ref _table);
        if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal)) Interlocked.Increment(ref _tableBatch);
    }

    private sealed class Policy(RequestCounter counter, bool table) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            counter.Count(message, table);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            counter.Count(message, table);
            return ProcessNextAsync(message, pipeline);
        }
    }
}
