using System.Text.Json;

namespace Broadsheet.Accuracy;

/// <summary>
/// The lowest figures CI accepts, per style and metric (percent), read from a JSON file such as
/// { "archive": { "segmented": 40.0, "titles": 35.0, "han": 99.9 }, … }. `//` comments are allowed.
/// </summary>
public sealed class Floors(Dictionary<string, Dictionary<string, double>> byStyle)
{
    public IReadOnlyDictionary<string, Dictionary<string, double>> ByStyle => byStyle;

    public static Floors Read(string path)
    {
        var options = new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        var map = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, double>>>(File.ReadAllText(path), options)
            ?? throw new InvalidDataException($"{path}: no floors");
        return new Floors(map);
    }

    /// <summary>One line per figure below its floor, and per style the floors name that was not measured.</summary>
    public List<string> Check(IEnumerable<StyleScore> scores)
    {
        var byName = scores.ToDictionary(s => s.Style);
        var failures = new List<string>();
        foreach (var (style, floors) in byStyle)
        {
            if (!byName.TryGetValue(style, out var score)) { failures.Add($"{style}: not measured (no dumps of this style)"); continue; }
            foreach (var (metric, floor) in floors)
            {
                if (!score.Metrics.TryGetValue(metric, out var value)) { failures.Add($"{style}: unknown metric {metric}"); continue; }
                // Compared as printed (one decimal), so a floor copied from the table holds.
                if (Math.Round(value, 1) < floor) failures.Add($"{style}: {metric} {value:0.0}% is below its floor {floor:0.0}%");
            }
        }
        return failures;
    }
}
