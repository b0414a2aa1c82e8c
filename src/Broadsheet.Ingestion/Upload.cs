using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Broadsheet.Search;
using Broadsheet.Storage;

namespace Broadsheet.Ingestion;

/// <summary>A blob's address as the issues table records it: "{container}/{name}".</summary>
public sealed record BlobPath(string Container, string Name)
{
    public override string ToString() => Container + "/" + Name;

    /// <summary>The path <see cref="ToString"/> wrote (the container holds no '/'; the name may).</summary>
    public static BlobPath? Parse(string? text) =>
        text?.IndexOf('/') is > 0 and var slash && slash < text.Length - 1 ? new BlobPath(text[..slash], text[(slash + 1)..]) : null;

    /// <summary>
    /// False for a name with a "." or ".." segment or an empty one ("../x.txt", "a//b.txt"). Request URIs resolve
    /// those like a path (System.Uri does, even escaped as %2E), so such a blob — Azurite keeps the name as given —
    /// can be listed but never read: its upload fails with <see cref="UnreadableReason"/>.
    /// </summary>
    public static bool IsReadable(string name) => name.Split('/').All(segment => segment is not ("" or "." or ".."));

    public const string UnreadableReason =
        "the blob's name has a '.', '..' or empty path segment, which storage resolves like a path, so it cannot be read; upload it again under a plain name such as {paper}/{yyyy-MM-dd}.txt";
}

/// <summary>
/// One upload: a blob version (container, name, ETag) with its content hash, and the paper and date its name or
/// metadata give (null until the text tells). It is the orchestration's input, and everything the pipeline keys on
/// derives from it here: the issues-table row it is recorded under, the orchestration instance, the version its
/// stories are staged and published as. (Derived values are not serialised: Durable history keeps the six fields.)
/// </summary>
/// <param name="ContentHash">"md5-…" (Content-MD5 from storage) or "sha256-…" (computed), hex.</param>
public sealed partial record Upload(string Container, string BlobName, string ETag, string ContentHash, string? Paper, string? Date)
{
    [JsonIgnore] public BlobPath Blob => new(Container, BlobName);

    /// <summary>The row the upload is recorded under: its issue's when paper and date are known, else a placeholder for the blob.</summary>
    [JsonIgnore] public IssueKey IssueKey => KeyFor(Blob, Paper, Date);

    /// <summary>"ingest-{sha256(container/name)[..16]}-{content hash[..16]}": no / \ # ?, same blob and bytes → same id.</summary>
    [JsonIgnore] public string InstanceId => $"ingest-{BlobHash}-{HashHex[..Math.Min(16, HashHex.Length)]}";

    /// <summary>
    /// The upload's own staging area name, "{sha256(container/name)[..16]}" (the instance id's first part): twin uploads
    /// of the same bytes under other names stage the same version side by side, never in each other's blobs.
    /// </summary>
    [JsonIgnore] public string StagingId => BlobHash;

    /// <summary>Where this upload stages <paramref name="version"/> of <paramref name="issue"/>.</summary>
    public StagingArea StagingFor(IssueKey issue, string version) => new(issue, version, StagingId);

    /// <summary>Versions derive from content: the same bytes always stage and publish as the same version.</summary>
    [JsonIgnore] public string Version => VersionOf(ContentHash);

    /// <summary>The version a content hash stages and publishes as (the API shows it as an issue's `version`).</summary>
    public static string VersionOf(string contentHash)
    {
        var hex = Hex(contentHash);
        return "v" + hex[..Math.Min(16, hex.Length)];
    }

    /// <summary>A content hash from the Content-MD5 storage keeps for a blob.</summary>
    public static string Md5ContentHash(ReadOnlySpan<byte> md5) => "md5-" + Convert.ToHexStringLower(md5);

    /// <summary>A content hash computed from a blob's bytes, when storage keeps no Content-MD5 (block-list uploads).</summary>
    public static string Sha256ContentHash(ReadOnlySpan<byte> sha256) => "sha256-" + Convert.ToHexStringLower(sha256);

    private string BlobHash => KeyCodec.Sha256Hex(Blob.ToString())[..16];
    private string HashHex => Hex(ContentHash);
    private static string Hex(string contentHash) => contentHash[(contentHash.IndexOf('-') + 1)..];

    /// <summary>The issue's key when paper and date are known, else the placeholder row of the blob (partition "~unresolved").</summary>
    public static IssueKey KeyFor(BlobPath blob, string? paper, string? date) =>
        paper is { Length: > 0 } && IssueKey.IsDate(date)
            ? IssueKey.For(paper, date!)
            : IssueKey.Unresolved(KeyCodec.Sha256Hex(blob.ToString())[..32]);

    /// <summary>Paper and date from "{paper}/{yyyy-MM-dd}.txt", else from metadata "paper" and "date"; null when unknown (or the name is unreadable).</summary>
    public static (string? Paper, string? Date) IssueOf(string blobName, IDictionary<string, string>? metadata)
    {
        if (!BlobPath.IsReadable(blobName)) return (null, null); // recorded on its own placeholder row, never on an issue's
        var m = BlobNameShape().Match(blobName);
        if (m.Success && IssueKey.IsDate(m.Groups["date"].Value) && IssueKey.NormalizePaper(m.Groups["paper"].Value) is { Length: > 0 } named)
            return (named, m.Groups["date"].Value);
        string? paper = null, date = null;
        if (metadata is not null)
        {
            foreach (var (k, v) in metadata)
            {
                if (k.Equals("paper", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(v)) paper = IssueKey.NormalizePaper(Uri.UnescapeDataString(v)) is { Length: > 0 } p ? p : paper;
                if (k.Equals("date", StringComparison.OrdinalIgnoreCase) && IssueKey.IsDate(v.Trim())) date = v.Trim();
            }
        }
        return (paper, date);
    }

    /// <summary>Writes this upload onto its issue row: which blob version, which content, what status.</summary>
    public IssueEntity RecordOn(IssueEntity row, string? paper, string? date, string status, string? error)
    {
        row.Paper = paper ?? row.Paper;
        row.Date = date ?? row.Date;
        row.Status = status;
        row.Error = error;
        row.Blob = Blob.ToString();
        row.BlobETag = ETag;
        row.ContentHash = ContentHash;
        return row;
    }

    /// <summary>
    /// The upload a row records (what <see cref="RecordOn"/> wrote): null when the row names no blob or content, or
    /// names an upload that would not be recorded under this row.
    /// </summary>
    public static Upload? RecordedOn(IssueEntity row)
    {
        if (BlobPath.Parse(row.Blob) is not { } blob || row.ContentHash is null) return null;
        var upload = new Upload(blob.Container, blob.Name, row.BlobETag ?? "", row.ContentHash, row.Paper, row.Date);
        return upload.IssueKey == row.Key ? upload : null;
    }

    [GeneratedRegex(@"^(?<paper>[^/]+)/(?<date>\d{4}-\d{2}-\d{2})\.txt$", RegexOptions.IgnoreCase)]
    private static partial Regex BlobNameShape();
}
