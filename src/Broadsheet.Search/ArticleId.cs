using System.Text.RegularExpressions;

namespace Broadsheet.Search;

/// <summary>
/// The service's article id: "{paper}_{yyyy-MM-dd}_{id in issue}", e.g. "jining-daily_2022-08-08_p1-03" (paper
/// as <see cref="KeyCodec"/> writes it). Unique across the archive and stable across re-uploads of the issue.
/// </summary>
public sealed partial record ArticleId(string PaperKey, string Date, string LocalId)
{
    public override string ToString() => $"{PaperKey}_{Date}_{LocalId}";

    public IssueKey Issue => new(PaperKey, Date);

    public static ArticleId For(IssueKey issue, string localId) => new(issue.PartitionKey, issue.RowKey, localId);

    public static bool TryParse(string? s, out ArticleId id)
    {
        id = null!;
        if (s is null || s.Length > 400) return false;
        var m = Shape().Match(s);
        if (!m.Success || !IssueKey.IsDate(m.Groups["date"].Value)) return false;
        id = new ArticleId(m.Groups["paper"].Value, m.Groups["date"].Value, m.Groups["local"].Value);
        return true;
    }

    [GeneratedRegex(@"^(?<paper>[^/\\#?|]+)_(?<date>\d{4}-\d{2}-\d{2})_(?<local>[^/\\#?|]+)$")]
    private static partial Regex Shape();
}
