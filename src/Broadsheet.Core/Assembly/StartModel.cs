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
        SectionSize = 25, Count = 26;

    public static readonly string[] Names =
    [
        "bias", "gapBlank", "gapNone", "blank", "prevClosed", "prevOpen", "nextDateline", "nextByline",
        "nextCaption", "nextSpeaker", "twoLines", "threeLines", "loneDash", "dashSubtitle", "bracketed", "tag",
        "long", "short", "comma", "kickerLine", "numbered", "roundup", "cohesion", "titleOwn", "titlePrev", "sectionSize",
    ];

    private static readonly double[] Weights =
    [
        -0.53, 5.05, -3.12, 0.00, 1.44, 2.64, 3.86, -1.68, 2.04, -1.76, 0.16, -0.83, -0.41,
        -0.73, 0.00, 2.66, 0.53, 0.48, -1.17, -0.38, 0.00, -2.49, -2.15, 0.59, -1.30, -1.40,
    ];

    public static double Logit(double[] features)
    {
        var z = 0.0;
        for (var i = 0; i < Count; i++) z += Weights[i] * features[i];
        return z;
    }
}
