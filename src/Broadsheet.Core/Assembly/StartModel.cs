namespace Broadsheet.Core.Assembly;

/// <summary>
/// How much each cue says that a heading block opens a story rather than sits inside one (a crosshead, a roundup's
/// part): a logistic model, its log-odds the start score <see cref="StorySegmenter"/> weighs against cohesion.
/// </summary>
public static class StartModel
{
    public const int Bias = 0, GapBlank = 1, GapNone = 2, Blank = 3, PrevClosed = 4, PrevOpen = 5, NextDateline = 6, NextByline = 7,
        NextCaption = 8, NextSpeaker = 9, TwoLines = 10, ThreeLines = 11, LoneDash = 12, DashSubtitle = 13, Bracketed = 14, Tag = 15,
        Long = 16, Short = 17, Comma = 18, KickerLine = 19, Numbered = 20, Roundup = 21, Cohesion = 22, TitleOwn = 23, TitlePrev = 24,
        SectionSize = 25, Speaker = 26, SubtitleLine = 27, PhotoSection = 28, Sibling = 29, UnderFeatureLead = 30, PlainRun = 31, Count = 32;

    public static readonly string[] Names =
    [
        "bias", "gapBlank", "gapNone", "blank", "prevClosed", "prevOpen", "nextDateline", "nextByline",
        "nextCaption", "nextSpeaker", "twoLines", "threeLines", "loneDash", "dashSubtitle", "bracketed", "tag",
        "long", "short", "comma", "kickerLine", "numbered", "roundup", "cohesion", "titleOwn", "titlePrev", "sectionSize", "speaker", "subtitleLine", "photoSection", "sibling", "underFeatureLead", "plainRun",
    ];

    private static readonly double[] Weights =
    [
        -1.38, 7.82, -4.18, 0.00, 1.83, 4.06, 4.80, -3.71, -0.48, -3.01, 0.61, -1.44, -1.81,
        -0.50, 0.00, 3.68, 0.53, -0.27, -1.50, -1.87, 0.00, -4.78, -4.44, 1.04, -1.45, -0.89, -3.66, 2.62, 4.53,
        // sibling, underFeatureLead: set by hand on 2019-10 (days 1–15), checked on days 16–31.
        -4.00, -4.00,
        // plainRun: set by hand on 2019-10 (days 1–15), checked on days 16–31.
        -3.00,
    ];

    /// <summary>Weights to try instead of the shipped ones (the accuracy harness's `--start-weights`, tuning month only).</summary>
    internal static double[]? Trial;

    /// <summary>The weights in use (a copy): where a fit against the cut starts from.</summary>
    internal static double[] Current => [.. Trial ?? Weights];

    public static double Logit(double[] features)
    {
        var z = 0.0;
        var w = Trial ?? Weights;
        for (var i = 0; i < Count; i++) z += w[i] * features[i];
        return z;
    }
}
