using System.Text;
using Broadsheet.Search;

namespace Broadsheet.Storage;

/// <summary>
/// The postings table's key layout (docs/storage.md, "The index").
/// PartitionKey: "b00".."bNN", a stable hash of (facet, value) — an issue's entities fall into at most
/// <see cref="StorageOptions.IndexBuckets"/> partitions and go out as few transactions, while one value's postings stay
/// in one partition.
/// RowKey: "{facet}|{value}|{99999999−yyyyMMdd}|{paper}|{chunk}|{version}": a value's postings are one key range, newest
/// issue first.
/// DocKey (what a scan yields): "{inverted date}|{paper}|{local id}|{version}", in key order, so posting lists intersect
/// by merging.
/// </summary>
public static class PostingKeys
{
    /// <summary>
    /// Search terms are not one entity each: an issue version's terms are packed into this many groups by a hash of
    /// the term, one entity (or a few chunks) per group, under the facet <see cref="KeywordGroupFacet"/> and the group
    /// number as value. A `q` term reads its group's entities and keeps only its own postings. Fixed once data is
    /// written (changing it needs a re-index), like the bucket count.
    /// </summary>
    public const int KeywordGroups = 64;

    /// <summary>The facet name under which keyword groups are stored (never a facet a query names).</summary>
    public const string KeywordGroupFacet = "kwg";

    public static string Bucket(string facet, string value, int buckets) =>
        "b" + (Fnv1a(facet + "|" + value) % (uint)Math.Max(1, buckets)).ToString("00");

    /// <summary>The group ("00".."63") a search term's postings are packed into.</summary>
    public static string KeywordGroup(string term) => (Fnv1a(term) % KeywordGroups).ToString("00");

    /// <summary>FNV-1a of the UTF-8 text: stable across processes and runtimes, unlike string.GetHashCode.</summary>
    private static uint Fnv1a(string text)
    {
        uint h = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(text)) { h ^= b; h *= 16777619; }
        return h;
    }

    public static string DocKey(string paperKey, string date, string localId, string version) =>
        $"{InvertedDate(date)}|{paperKey}|{KeyCodec.Encode(localId)}|{version}";

    /// <summary>99999999 − yyyyMMdd: ascending keys, newest date first.</summary>
    public static string InvertedDate(string date) => (99999999 - int.Parse(date.Replace("-", ""))).ToString("00000000");

    public static string ValuePrefix(string facet, string value) => facet + "|" + KeyCodec.Encode(value) + "|";

    /// <summary>"{inverted date}|{paper}|": the issue part of a row key (after the value prefix) or of a docKey.</summary>
    public static string IssuePart(IssueKey issue) => InvertedDate(issue.RowKey) + "|" + issue.PartitionKey + "|";

    /// <summary>"{inverted date}|{paper}|" of a docKey or of a row key's part after the value prefix.</summary>
    public static string IssuePart(string key)
    {
        var first = key.IndexOf('|');
        var second = first < 0 ? -1 : key.IndexOf('|', first + 1);
        return second < 0 ? key : key[..(second + 1)];
    }

    /// <summary>The blob that lists a version's entity keys, so the version can be deleted without scanning the index.</summary>
    public static string Manifest(IssueKey issue, string version) => $"{ManifestPrefix(issue)}{version}.json";

    public static string ManifestPrefix(IssueKey issue) => $"manifests/{issue.BlobPath}/";
}
