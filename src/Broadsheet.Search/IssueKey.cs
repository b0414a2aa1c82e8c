using System.Globalization;
using Broadsheet.Core.Layout;

namespace Broadsheet.Search;

/// <summary>
/// Where an issue lives: issues-table keys (PartitionKey = paper, RowKey = date). An upload whose paper or date
/// is not known until its text is read is kept under the partition "~unresolved", keyed by its blob.
/// </summary>
public sealed record IssueKey(string PartitionKey, string RowKey)
{
    public const string UnresolvedPartition = "~unresolved";

    /// <summary>Longest paper name an issue may have (the API takes no longer one); a longer one fails its upload.</summary>
    public const int MaxPaperLength = 200;

    public static IssueKey For(string paper, string date) => new(PaperKey(paper), date);

    /// <summary>A paper's name as uploads record it and queries look it up: trimmed (ASCII and ideographic space), once, here.</summary>
    public static string NormalizePaper(string paper) => Chars.Clean(paper);

    /// <summary>The issues-table partition (and article-id prefix) of a paper.</summary>
    public static string PaperKey(string paper) => KeyCodec.Encode(NormalizePaper(paper));

    /// <summary>The placeholder key of an upload whose issue is not known yet (Broadsheet.Ingestion's Upload names it).</summary>
    public static IssueKey Unresolved(string uploadId) => new(UnresolvedPartition, uploadId);

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
