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
        SectionSize = 25, Speaker = 26, SubtitleLine = 27, Count = 28;

    public static readonly string[] Names =
    [
        "bias", "gapBlank", "gapNone", "blank", "prevClosed", "prevOpen", "nextDateline", "nextByline",
        "nextCaption", "nextSpeaker", "twoLines", "threeLines", "loneDash", "dashSubtitle", "bracketed", "tag",
        "long", "short", "comma", "kickerLine", "numbered", "roundup", "cohesion", "titleOwn", "titlePrev", "sectionSize", "speaker", "subtitleLine",
    ];

    private static readonly double[] Weights =
    [
        0.27, 7.36, -3.94, 0.00, 1.83, 3.93, 4.58, -3.80, 3.06, -3.11, 0.46, -1.07, -1.69,
        -1.01, 0.00, 3.51, 0.49, 0.44, -1.57, -1.99, 0.00, -4.88, -5.10, 0.77, -1.06, -2.61, -3.33, 2.54,
    ];

    public static double Logit(double[] features)
    {
        var z = 0.0;
        for (var i = 0; i < Count; i++) z += Weights[i] * features[i];
        return z;
    }
}
