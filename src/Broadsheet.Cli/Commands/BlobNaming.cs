using System.Globalization;
using System.Text.RegularExpressions;

namespace Broadsheet.Cli.Commands;

/// <summary>The blob a dump is uploaded to.</summary>
/// <param name="Name">`{paper}/{yyyy-MM-dd}.txt` when both are known, else the file's own name.</param>
/// <param name="Metadata">`paper`/`date` for a name that does not carry them; the paper URL-escaped, since blob metadata are
/// HTTP headers (ASCII) and the pipeline unescapes it.</param>
public sealed record BlobTarget(string File, string Name, string? Paper, string? Date, IReadOnlyDictionary<string, string> Metadata);

/// <summary>Decides blob names from options and file paths, the way the pipeline reads them back.</summary>
public static partial class BlobNaming
{
    public static BlobTarget For(string file, string? paper, DateOnly? date)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        var parent = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file)) ?? "");
        string? dateText = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string? paperFromName = null;

        var m = StemWithDate().Match(stem);
        if (m.Success && IsDate(m.Groups["date"].Value))
        {
            dateText ??= m.Groups["date"].Value;
            var prefix = m.Groups["paper"].Value.TrimEnd('-', '_', ' ', '.');
            // …/{paper}/{date}.txt names the paper by its folder; {paper}-{date}.txt by its prefix.
            paperFromName = prefix.Length > 0 ? prefix : NullIfEmpty(parent);
        }
        paper = Clean(paper) ?? paperFromName;

        if (paper is not null && dateText is not null)
            return new BlobTarget(file, $"{paper}/{dateText}.txt", paper, dateText, new Dictionary<string, string>());

        var metadata = new Dictionary<string, string>();
        if (paper is not null) metadata["paper"] = Uri.EscapeDataString(paper);
        if (dateText is not null) metadata["date"] = dateText;
        return new BlobTarget(file, Path.GetFileName(file), paper, dateText, metadata);
    }

    private static string? Clean(string? paper)
    {
        if (paper is null) return null;
        paper = paper.Trim();
        if (paper.Length == 0) return null;
        if (paper.IndexOfAny(['/', '\\', '?', '#']) >= 0)
            throw new CliUsageException($"--paper can't contain / \\ ? or #: '{paper}'");
        return paper;
    }

    private static bool IsDate(string s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static string? NullIfEmpty(string s) => string.IsNullOrWhiteSpace(s) || s is "." or "/" ? null : s;

    [GeneratedRegex(@"^(?<paper>.*?)(?<date>\d{4}-\d{2}-\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex StemWithDate();
}
