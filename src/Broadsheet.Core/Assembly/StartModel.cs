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
        SectionSize = 25, Speaker = 26, SubtitleLine = 27, PhotoSection = 28, LowCohesion = 29, TitleFits = 30, Quoted = 31, Sibling = 32, Count = 33;

    public static readonly string[] Names =
    [
        "bias", "gapBlank", "gapNone", "blank", "prevClosed", "prevOpen", "nextDateline", "nextByline",
        "nextCaption", "nextSpeaker", "twoLines", "threeLines", "loneDash", "dashSubtitle", "bracketed", "tag",
        "long", "short", "comma", "kickerLine", "numbered", "roundup", "cohesion", "titleOwn", "titlePrev", "sectionSize", "speaker", "subtitleLine", "photoSection",
        "lowCohesion", "titleFits", "quoted", "sibling",
    ];

    private static readonly double[] Weights =
    [
        -1.30, 7.68, -4.52, 0.00, 1.45, 4.02, 4.89, -4.07, -0.44, -3.20, 0.08, -1.53, -1.54, -0.89, 0.00, 4.45, 0.47, -0.19, -1.88, -2.47, 0.00, -4.76, -1.27, 0.31, -1.00, -0.27, -4.15, 2.60, 4.15, 1.26, 0.12, -0.40, -1.80,
    ];

    public static double Logit(double[] features)
    {
        var z = 0.0;
        for (var i = 0; i < Count; i++) z += Weights[i] * features[i];
        return z;
    }
}
