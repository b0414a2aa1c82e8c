using Azure.Core.Pipeline;

namespace Broadsheet.Storage;

/// <summary>Names and limits of Broadsheet's storage. Defaults are the production values.</summary>
public sealed class StorageOptions
{
    /// <summary>Prepended to every table and container name (lower-case letters and digits): lets tests share one account.</summary>
    public string NamePrefix { get; set; } = "";

    /// <summary>The container users upload issue dumps to: the public contract (the blob trigger and the CLI name it).</summary>
    public const string DefaultUploadContainer = "issues";

    /// <summary>Where users upload issue dumps (not prefixed: it is the public contract; tests give each run its own).</summary>
    public string UploadContainer { get; set; } = DefaultUploadContainer;

    /// <summary>Index entities are spread over this many partitions (docs/storage.md, "The index").</summary>
    public int IndexBuckets { get; set; } = 16;

    /// <summary>Total attempts per storage call, the first included. The SDK's own retries are off so this is the whole budget.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First retry delay; exponential with jitter after that.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Timeout of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Key for signing continuation tokens. Null: derived from the connection string (stable across instances).</summary>
    public string? TokenKey { get; set; }

    /// <summary>When set, every storage request is counted here.</summary>
    public RequestCounter? Counter { get; set; }

    /// <summary>Extra HTTP pipeline policies for every storage client (fault injection in tests).</summary>
    public List<HttpPipelinePolicy> Policies { get; } = [];

    internal string Table(string name) => NamePrefix + name;
    internal string Container(string name) => NamePrefix + name;
}
