using System.Text.RegularExpressions;
using Broadsheet.Core.Layout;
using Broadsheet.Core.Recognisers;

namespace Broadsheet.Core.Assembly;

/// <summary>
/// PDF text wraps each field of a deck (kicker, title, subtitle) at its own width: `外国领导人祝贺中华人民共` /
/// `和国成立70周年` is one title, not a kicker and a title. Each run of heading lines of a `-raw` page is cut into
/// fields, one line each, by dynamic programming: a field's lines but its last are equally wide (one font, one
/// column width) and its last is at most one em wider; a break inside a field cuts text anywhere, so the two characters across
/// it are usually found side by side in the page's body text, while a break between fields falls between phrases;
/// each field costs, so lines stay apart only where the evidence says so. A line ending in `：`/`——` ends its field,
/// a `——` line opens one, a line bracketed whole (a credit) stands alone, a series tag (`（美丽中国）`) closes a title.
/// Where no body pair says a break is mid-word, a speaker's lead-in (`刘鹤强调…`) above it or a tagged title below it
/// marks a kicker over its title, which a short tail's width cannot tell from a wrapped title. The deck split (<see cref="HeadlineRecogniser.Split"/>) then reads one field a line.
/// </summary>
public static partial class DeckFields
{
    /// <summary>
    /// What a break inside a field scores when the pair across it is found in the body; when it is not, and the next
    /// line is a short tail; when it is not and the next line is nearly as wide (two one-line fields, more often).
    /// </summary>
    private const double PairFound = 2.9, PairMissing = -0.6, PairMissingFullNext = -1.5;

    /// <summary>A next line this much of the line above's width or more is "nearly as wide".</summary>
    private const double FullNextShare = 0.8;

    /// <summary>What each field costs (weights fitted by hand on the tuning month's decks: `tools/corpus/deck-fields.py`).</summary>
    private const double FieldCost = 1;

    /// <summary>How far (in half-em) the full lines of one field may differ (justified lines, narrow characters counted roughly).</summary>
    private const int WidthTolerance = 3;

    /// <summary>Longest run of heading lines weighed (the work grows with its square); longer runs are left as they are.</summary>
    private const int MaxRun = 12;

    /// <summary>The page's lines with each run of heading lines joined into its fields.</summary>
    public static IReadOnlyList<string> Join(IReadOnlyList<string> lines, RecogniserSet r, DateOnly? issueDate)
    {
        var head = new bool[lines.Count];
        var heads = 0;
        HashSet<int>? pairs = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (l.Length == 0 || l.Length <= 80 && r.Furniture.Match(l) is not null) continue;
            head[i] = DeckOrder.IsHeading(l, r, issueDate);
            if (head[i]) heads++;
        }
        if (heads < 2) return lines;

        var output = new List<string>(lines.Count);
        for (var i = 0; i < lines.Count;)
        {
            if (!head[i]) { output.Add(lines[i++]); continue; }
            var end = i;
            while (end < lines.Count && head[end]) end++;
            if (end - i >= 2 && end - i <= MaxRun)
            {
                pairs ??= BodyPairs(lines, head);
                output.AddRange(Fields(lines.Skip(i).Take(end - i).ToList(), pairs, r.Headline));
            }
            else for (var k = i; k < end; k++) output.Add(lines[k]);
            i = end;
        }
        return output;
    }

    /// <summary>The deck's lines joined into fields (a joined field that would no longer read as a heading line stays apart).</summary>
    internal static List<string> Fields(IReadOnlyList<string> deck, HashSet<int> bodyPairs, HeadlineRecogniser headline)
    {
        var n = deck.Count;
        var width = new int[n];
        for (var k = 0; k < n; k++) width[k] = Width(deck[k]);
        // joinScore[k]: what joining line k to line k + 1 scores; NaN where a cue forbids it.
        var joinScore = new double[Math.Max(0, n - 1)];
        for (var k = 0; k + 1 < n; k++)
        {
            string a = deck[k], b = deck[k + 1];
            // Across a phrase boundary (no body pair), a speaker's lead-in above or a tagged title below is a kicker's end.
            joinScore[k] = EndsField(a) || HeadlineRecogniser.IsSubtitle(b) ? double.NaN
                : bodyPairs.Contains(Pair(a[^1], b[0])) ? PairFound
                : SpeakerLeadIn().IsMatch(a) || EndsInSeriesTag(b, 2) ? double.NaN
                : width[k + 1] < FullNextShare * width[k] ? PairMissing : PairMissingFullNext;
        }
        var best = new double[n + 1];
        var from = new int[n + 1];
        Array.Fill(best, double.NegativeInfinity);
        best[0] = 0;
        for (var j = 1; j <= n; j++)
        {
            // The field deck[i..j): grow it upwards from its last line.
            double inner = 0;
            int fullMin = int.MaxValue, fullMax = 0;
            for (var i = j - 1; i >= 0; i--)
            {
                if (i < j - 1)
                {
                    if (double.IsNaN(joinScore[i])) break;
                    inner += joinScore[i];
                    fullMin = Math.Min(fullMin, width[i]);
                    fullMax = Math.Max(fullMax, width[i]);
                    if (fullMax - fullMin > WidthTolerance) break;
                    if (width[j - 1] > fullMax + 2) continue;
                }
                var score = best[i] - FieldCost + inner;
                if (score > best[j]) { best[j] = score; from[j] = i; }
            }
        }
        var fields = new List<string>();
        for (var j = n; j > 0; j = from[j])
        {
            var joined = deck[from[j]];
            for (var k = from[j] + 1; k < j; k++) joined = ParagraphBuilder.Join(joined, deck[k]);
            if (j - from[j] == 1 || headline.IsHeadingLine(joined)) fields.Add(joined);
            else for (var k = j - 1; k >= from[j]; k--) fields.Add(deck[k]);
        }
        fields.Reverse();
        return fields;
    }

    /// <summary>
    /// A kicker's lead-in (`…谢晋——`, `林郑月娥：`), a line bracketed whole (a credit, a date) or a title's series tag
    /// (`…大熊猫自然保护区（新中国的“第一”·生态篇）`) ends its field.
    /// </summary>
    private static bool EndsField(string line) =>
        line.EndsWith("——", StringComparison.Ordinal) || line[^1] is '：' or ':'
        || Chars.IsOpeningBracket(line[0]) && Chars.IsClosingBracket(line[^1]) || EndsInSeriesTag(line, 3);

    /// <summary>
    /// Width in half-em, spaces aside: Latin letters, digits, brackets and quotes count one (headline fonts set
    /// `（）“”《》` proportionally: `牧马人赶上了好时` / `代（中国梦·家国情）` is one title), other characters two.
    /// </summary>
    private static int Width(string line)
    {
        var w = 0;
        foreach (var c in line)
        {
            if (Chars.IsSpace(c)) continue;
            w += c < 0x80 || c is '（' or '）' or '“' or '”' or '‘' or '’' or '《' or '》' or '·' ? 1 : 2;
        }
        return w;
    }

    /// <summary>
    /// A line ending in a whole series tag after a phrase of three characters or more (`美景就是金饭碗（美丽中国）`):
    /// the tag closes a title. <paramref name="minInner"/>: the fewest characters inside the brackets (`中国（广东）`
    /// is a place in a title, not a tag).
    /// </summary>
    private static bool EndsInSeriesTag(string line, int minInner)
    {
        if (line[^1] is not ('）' or ')')) return false;
        var open = line.LastIndexOfAny(['（', '(']);
        if (open < 3 || line.Length - open - 2 < minInner || line.IndexOfAny(['）', ')'], open) != line.Length - 1) return false;
        var depth = 0;
        foreach (var c in line) { if (c is '（' or '(') depth++; else if (c is '）' or ')') depth--; }
        return depth == 0;
    }

    /// <summary>A speaker's lead-in (`孙春兰在广东调研强调推动教育医疗等社会事业`, `国际军事体育理事会主席表示`): a kicker.</summary>
    [GeneratedRegex(@"..(强调|指出|表示)")]
    private static partial Regex SpeakerLeadIn();

    private static int Pair(char a, char b) => a << 16 | b;

    /// <summary>Every pair of characters side by side in the page's text lines (spaces aside).</summary>
    private static HashSet<int> BodyPairs(IReadOnlyList<string> lines, bool[] head)
    {
        var pairs = new HashSet<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (head[i]) continue;
            var prev = '\0';
            foreach (var c in lines[i])
            {
                if (Chars.IsSpace(c)) continue;
                if (prev != '\0') pairs.Add(Pair(prev, c));
                prev = c;
            }
        }
        return pairs;
    }
}
