using System.Text.Json;
using Broadsheet.Core.Json;
using Broadsheet.Core.Model;

namespace Broadsheet.Accuracy;

/// <summary>A rendered dump: DIR/{name}.txt with its answer DIR/{name}.gold.json.</summary>
public sealed record Dump(string Style, string Name, string TextPath, string GoldPath)
{
    public ParsedIssue ReadGold() =>
        JsonSerializer.Deserialize<ParsedIssue>(File.ReadAllText(GoldPath), ArticleJson.Options)
        ?? throw new InvalidDataException($"{GoldPath}: empty gold");
}

/// <summary>Finds the dumps under the folders given: a folder of dumps is one style; a folder of such folders, several.</summary>
public static class RenderedFolder
{
    public static List<Dump> Find(string path)
    {
        if (!Directory.Exists(path)) throw new DirectoryNotFoundException($"no folder {path}");
        var here = DumpsIn(path, Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path))));
        if (here.Count > 0) return here;
        return Directory.GetDirectories(path).Order(StringComparer.Ordinal)
            .SelectMany(d => DumpsIn(d, Path.GetFileName(d))).ToList();
    }

    private static List<Dump> DumpsIn(string dir, string style) =>
        Directory.GetFiles(dir, "*.gold.json").Order(StringComparer.Ordinal)
            .Select(g => (Gold: g, Text: g[..^".gold.json".Length] + ".txt"))
            .Where(x => File.Exists(x.Text))
            .Select(x => new Dump(style, Path.GetFileName(x.Text)[..^4], x.Text, x.Gold))
            .ToList();
}
