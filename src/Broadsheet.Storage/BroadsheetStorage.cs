using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Polly;

namespace Broadsheet.Storage;

/// <summary>
/// The tables and containers Broadsheet uses, created on first use, and the resilience pipeline every call goes
/// through. One per process.
/// </summary>
public sealed class BroadsheetStorage
{
    public BroadsheetStorage(TableServiceClient tables, BlobServiceClient blobs, StorageOptions options)
    {
        Options = options;
        TableService = tables;
        BlobService = blobs;
        Resilience = StorageResilience.Create(options);
        Issues = tables.GetTableClient(options.Table("issues"));
        Articles = tables.GetTableClient(options.Table("articles"));
        Postings = tables.GetTableClient(options.Table("postings"));
        Uploads = blobs.GetBlobContainerClient(options.UploadContainer);
        Work = blobs.GetBlobContainerClient(options.Container("broadsheet-work"));
    }

    public StorageOptions Options { get; }
    public TableServiceClient TableService { get; }
    public BlobServiceClient BlobService { get; }
    public ResiliencePipeline Resilience { get; }

    /// <summary>One row per issue (and per upload whose issue is not known yet).</summary>
    public TableClient Issues { get; }
    /// <summary>One row per article and version, partitioned by issue.</summary>
    public TableClient Articles { get; }
    /// <summary>Index entities: facet value → article, spread over <see cref="StorageOptions.IndexBuckets"/> partitions.</summary>
    public TableClient Postings { get; }
    /// <summary>The container users upload to.</summary>
    public BlobContainerClient Uploads { get; }
    /// <summary>Staged stories, index manifests and oversized article bodies.</summary>
    public BlobContainerClient Work { get; }

    /// <summary>Creates the tables and containers once per process (idempotent; a failure is retried by the next call).</summary>
    public async Task EnsureCreatedAsync(CancellationToken ct = default)
    {
        if (_isCreated) return;
        await _createLock.WaitAsync(ct);
        try
        {
            if (_isCreated) return;
            await CreateAllAsync();
            _isCreated = true;
        }
        finally
        {
            _createLock.Release();
        }
    }

    /// <summary>
    /// Names in the work container under a prefix. The whole listing is one resilient call: a throttled or timed-out
    /// page starts the listing again rather than failing the activity that asked.
    /// </summary>
    public Task<List<string>> ListBlobNamesAsync(string prefix, CancellationToken ct = default) =>
        Resilience.ExecuteAsync(async t =>
        {
            var names = new List<string>();
            await foreach (var item in Work.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, t))
                names.Add(item.Name);
            return names;
        }, ct).AsTask();

    /// <summary>Every entity a filter matches, page by page (1000 a page), each page one resilient call.</summary>
    public async Task<List<T>> QueryAllAsync<T>(TableClient table, string filter, IEnumerable<string>? select, CancellationToken ct) where T : class, ITableEntity
    {
        var result = new List<T>();
        string? token = null;
        do
        {
            var (items, next) = await Resilience.ExecuteAsync(async t =>
            {
                await foreach (var page in table.QueryAsync<T>(filter, 1000, select, t).AsPages(token, 1000))
                    return (page.Values.ToList(), page.ContinuationToken);
                return (new List<T>(), (string?)null);
            }, ct);
            result.AddRange(items);
            token = next;
        } while (token is not null);
        return result;
    }

    private readonly SemaphoreSlim _createLock = new(1, 1);
    private volatile bool _isCreated;

    private async Task CreateAllAsync()
    {
        foreach (var table in new[] { Issues, Articles, Postings })
            await Resilience.ExecuteAsync(async ct => await table.CreateIfNotExistsAsync(ct));
        foreach (var container in new[] { Uploads, Work })
            await Resilience.ExecuteAsync(async ct => await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: ct));
    }

    /// <summary>Client options for the SDK: its own retries off (Polly owns the budget), plus counting and test policies.</summary>
    public static TableClientOptions TableClientOptions(StorageOptions options) => Configure(new TableClientOptions(), options, options.Counter?.ForTables());

    /// <inheritdoc cref="TableClientOptions(StorageOptions)"/>
    public static BlobClientOptions BlobClientOptions(StorageOptions options) => Configure(new BlobClientOptions(), options, options.Counter?.ForBlobs());

    private static T Configure<T>(T o, StorageOptions options, Azure.Core.Pipeline.HttpPipelinePolicy? counter) where T : ClientOptions
    {
        o.Retry.MaxRetries = 0;
        o.Retry.NetworkTimeout = options.AttemptTimeout;
        if (counter is not null) o.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        foreach (var p in options.Policies) o.AddPolicy(p, HttpPipelinePosition.PerRetry);
        return o;
    }
}
