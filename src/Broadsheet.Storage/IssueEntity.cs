using Azure;
using Azure.Data.Tables;
using Broadsheet.Search;

namespace Broadsheet.Storage;

/// <summary>A row of the issues table: the latest upload's status and the version readers see.</summary>
public sealed class IssueEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? Paper { get; set; }
    public string? Date { get; set; }
    /// <summary>queued | running | complete | failed — of the latest upload.</summary>
    public string? Status { get; set; }
    /// <summary>One line, when failed.</summary>
    public string? Error { get; set; }
    public int Pages { get; set; }
    public int Articles { get; set; }
    public int Unassigned { get; set; }

    /// <summary>Container/name of the latest upload.</summary>
    public string? Blob { get; set; }
    public string? BlobETag { get; set; }
    public string? ContentHash { get; set; }
    public string? InstanceId { get; set; }
    /// <summary>Content hash of the upload the stuck-upload sweep restarted: it restarts an upload once, then fails it.</summary>
    public string? RestartedContentHash { get; set; }

    /// <summary>The version readers see: articles and index rows of other versions are invisible and get deleted.</summary>
    public string? CurrentVersion { get; set; }
    /// <summary>Content hash of the current version (the latest upload's may differ while it is being processed).</summary>
    public string? CurrentContentHash { get; set; }
    public DateTimeOffset Updated { get; set; }

    [System.Runtime.Serialization.IgnoreDataMember]
    public IssueKey Key => new(PartitionKey, RowKey);
}
