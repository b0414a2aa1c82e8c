using System.Globalization;

namespace Broadsheet.Storage;

/// <summary>
/// Where an issue lives: issues-table keys (PartitionKey = paper, RowKey = date). An upload whose paper or date
/// is not known until its text is read is kept under the partition "~unresolved" keyed by its blob.
/// </summary>
public sealed record IssueKey(string PartitionKey, string RowKey)
{
    public const string UnresolvedPartition = "~unresolved";

    public static IssueKey For(string paper, string date) => new(KeyCodec.Encode(paper), date);

    /// <summary>The issue's key when paper and date are known, else the upload's placeholder key.</summary>
    public static IssueKey ForUpload(string? paper, string? date, string container, string blobName) =>
        paper is { Length: > 0 } && IsDate(date)
            ? For(paper, date!)
            : new IssueKey(UnresolvedPartition, KeyCodec.Sha256Hex(container + "/" + blobName)[..32]);

    public bool IsResolved => PartitionKey != UnresolvedPartition;

    /// <summary>Partition of the issue's rows in the articles table.</summary>
    public string ArticlePartition => PartitionKey + "|" + RowKey;

    /// <summary>Blob path prefix of the issue's staging, manifests and bodies (KeyCodec output holds no '/').</summary>
    public string BlobPath => PartitionKey + "/" + RowKey;

    public static bool IsDate(string? s) =>
        s is { Length: 10 } && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}

/// <summary>Issue statuses as the API shows them.</summary>
public static class IssueStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Complete = "complete";
    public const string Failed = "failed";
}
