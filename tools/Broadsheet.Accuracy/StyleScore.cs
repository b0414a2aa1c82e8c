namespace Broadsheet.Accuracy;

/// <summary>The harness's figures for one style: counts, and the percentages the table and the floors use.</summary>
public sealed class StyleScore(string style)
{
    public string Style { get; } = style;
    public int Dumps { get; private set; }
    public int Pages { get; private set; }
    public int Stories { get; private set; }
    public int Predicted { get; private set; }
    public int Errors { get; private set; }
    /// <summary>Dumps whose gold does not account for exactly the Han characters printed (a renderer bug).</summary>
    public List<string> GoldMismatches { get; } = [];
    public Dictionary<Segmentation, int> Segments { get; } = Enum.GetValues<Segmentation>().ToDictionary(s => s, _ => 0);
    public Ratio Titles { get; } = new();
    public Ratio Headlines { get; } = new();
    public Ratio Kickers { get; } = new();
    public Ratio Subtitles { get; } = new();
    public Ratio Bylines { get; } = new();
    public Ratio Datelines { get; } = new();
    public long HanIn { get; private set; }
    public long HanKept { get; private set; }

    public Ratio Segmented => new() { Hits = Segments[Segmentation.Exact], Total = Stories };
    public double HanConserved => HanIn == 0 ? 100 : 100.0 * HanKept / HanIn;

    public void Add(DumpResult d)
    {
        Dumps++;
        Pages += d.Pages;
        Predicted += d.Predicted;
        if (d.Error is not null) Errors++;
        if (d.GoldGap != 0) GoldMismatches.Add($"{d.Name} ({d.GoldGap} Han chars)");
        HanIn += d.HanIn;
        HanKept += d.HanKept;
        foreach (var s in d.Stories)
        {
            Stories++;
            Segments[s.Segmentation]++;
            Titles.Add(s.TitleExact);
            Headlines.Add(s.HeadlineExact);
            Kickers.Add(s.KickerExact);
            Subtitles.Add(s.SubtitleExact);
            Bylines.Add(s.BylineFound);
            Datelines.Add(s.DatelineFound);
        }
    }

    /// <summary>The figures by the names the floors file uses.</summary>
    public IReadOnlyDictionary<string, double> Metrics => new Dictionary<string, double>
    {
        ["segmented"] = Segmented.Percent,
        ["titles"] = Titles.Percent,
        ["headlines"] = Headlines.Percent,
        ["kickers"] = Kickers.Percent,
        ["subtitles"] = Subtitles.Percent,
        ["bylines"] = Bylines.Percent,
        ["datelines"] = Datelines.Percent,
        ["han"] = HanConserved,
    };
}

/// <summary>Hits out of cases; a null outcome (nothing to check) counts in neither.</summary>
public sealed class Ratio
{
    public int Hits { get; set; }
    public int Total { get; set; }
    public double Percent => Total == 0 ? 100 : 100.0 * Hits / Total;

    public void Add(bool? outcome)
    {
        if (outcome is not { } ok) return;
        Total++;
        if (ok) Hits++;
    }
}
